/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-history-section"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "signet-annotation.h"
#include "signet-attachment.h"
#include "signet-clause-picker.h"
#include "signet-date.h"
#include "signet-enums.h"
#include "signet-history-section.h"
#include "signet-key-dates.h"
#include "signet-money.h"
#include "signet-obligation.h"
#include "signet-risk.h"
#include "signet-store-obligations.h"

/* The newest entries shown; the rest are counted below the list. */
#define MAX_ENTRIES 50
/* Of those, the ones listed when the contract opens, over a row that
 * lists the rest: a long-lived contract has dozens, and each row costs
 * its share of opening the page (docs/benchmarks.md). */
#define LATEST_SHOWN 5

struct _SignetHistorySection
{
  SignetContractSection parent_instance;

  GtkWidget   *group;
  /* The entries' rows, as listed now. */
  GPtrArray   *rows;
  GtkLabel    *more_label;

  /* The contract's currency now, for amounts whose entry does not say. */
  char        *currency;
  /* The entries listed: a row makes the rows of its entry's changes when
   * first expanded, from here. */
  GPtrArray   *entries;
  /* The contract whose entries are listed, and whether the user asked for
   * the earlier ones: kept over its reloads, not for the next contract. */
  gint64       listed_id;
  gboolean     show_earlier;
};

G_DEFINE_FINAL_TYPE (SignetHistorySection, signet_history_section, SIGNET_TYPE_CONTRACT_SECTION)

/* The name of a changed field, or NULL for one not worth showing (a
 * checksum) or not known. */
static const char *
field_to_label (const char *token)
{
  static const struct { const char *token; const char *label; } file_fields[] = {
    { "file",        N_("File") },
    { "role",        N_("Role") },
    { "description", N_("Description") },
    { "version",     N_("Version") },
    { "annotation",  N_("Annotation") },
    { "page",        N_("Page") },
    { "color",       N_("Color") },
    { "comment",     N_("Comment") },
    /* A renewal's two entries name the other contract. */
    { "renewed-as",  N_("Renewed as") },
    { "renewal-of",  N_("Renewal of") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (file_fields); i++)
    if (g_strcmp0 (token, file_fields[i].token) == 0)
      return _(file_fields[i].label);

  for (SignetField field = SIGNET_FIELD_CONTRACT_NUMBER; field <= SIGNET_FIELD_REMINDER_LEAD_DAYS; field++)
    if (g_strcmp0 (token, signet_field_to_token (field)) == 0)
      return signet_field_to_label (field);

  for (SignetField field = SIGNET_FIELD_AMENDMENT_NUMBER; field <= SIGNET_FIELD_AMENDMENT_OTHER_TERMS; field++)
    if (g_strcmp0 (token, signet_field_to_token (field)) == 0)
      return signet_field_to_label (field);

  for (SignetField field = SIGNET_FIELD_OBLIGATION_PARTY; field <= SIGNET_FIELD_OCCURRENCE_NOTE; field++)
    if (g_strcmp0 (token, signet_field_to_token (field)) == 0)
      return signet_field_to_label (field);

  for (SignetField field = SIGNET_FIELD_ORIGINAL_ARCHIVE_NUMBER; field <= SIGNET_FIELD_LOAN_CONDITION; field++)
    if (g_strcmp0 (token, signet_field_to_token (field)) == 0)
      return signet_field_to_label (field);

  /* The approver is said with who recorded the entry (entry_row()). */
  for (SignetField field = SIGNET_FIELD_APPROVAL_STEP; field <= SIGNET_FIELD_APPROVAL_OPINION; field++)
    if (field != SIGNET_FIELD_APPROVER && g_strcmp0 (token, signet_field_to_token (field)) == 0)
      return signet_field_to_label (field);

  for (SignetField field = SIGNET_FIELD_RISK_CATEGORY; field <= SIGNET_FIELD_RISK_LEVEL_REASON; field++)
    if (g_strcmp0 (token, signet_field_to_token (field)) == 0)
      return signet_field_to_label (field);

  return NULL;
}

/* What an approval decision says of itself (the step, the opinion, the
 * amendment decided) rather than a value it changed: shown as it is,
 * never as "(empty) → …". */
static gboolean
is_decision_detail (const SignetAuditEntry *entry,
                    const char             *field)
{
  switch (entry->action)
    {
    case SIGNET_AUDIT_ACTION_APPROVE_AMENDMENT:
    case SIGNET_AUDIT_ACTION_RETURN_AMENDMENT:
    case SIGNET_AUDIT_ACTION_REJECT_AMENDMENT:
    case SIGNET_AUDIT_ACTION_SUBMIT_AMENDMENT:
      if (g_strcmp0 (field, signet_field_to_token (SIGNET_FIELD_AMENDMENT_NUMBER)) == 0)
        return TRUE;
      break;
    default:
      break;
    }

  return g_strcmp0 (field, signet_field_to_token (SIGNET_FIELD_APPROVAL_STEP)) == 0 ||
         g_strcmp0 (field, signet_field_to_token (SIGNET_FIELD_APPROVAL_OPINION)) == 0;
}

/* The approver an approval decision was recorded for, when it is not the
 * user who recorded it; NULL otherwise. */
static const char *
entry_approver (const SignetAuditEntry *entry)
{
  for (guint i = 0; entry->changes != NULL && i < entry->changes->len; i++)
    {
      const SignetAuditChange *change = g_ptr_array_index (entry->changes, i);

      if (g_str_equal (change->field, signet_field_to_token (SIGNET_FIELD_APPROVER)))
        return change->new_value;
    }

  return NULL;
}

static gboolean
is_date_field (const char *field)
{
  static const SignetField dates[] = {
    SIGNET_FIELD_CONTRACT_SIGNING_DATE, SIGNET_FIELD_CONTRACT_START_DATE, SIGNET_FIELD_CONTRACT_END_DATE,
    SIGNET_FIELD_KEY_DATE_DATE, SIGNET_FIELD_REVIEW_DATE,
    SIGNET_FIELD_AMENDMENT_SIGNING_DATE, SIGNET_FIELD_AMENDMENT_EFFECTIVE_DATE,
    SIGNET_FIELD_ORIGINAL_ARCHIVED_ON, SIGNET_FIELD_LOAN_LENT_ON, SIGNET_FIELD_LOAN_DUE_ON,
    SIGNET_FIELD_LOAN_RETURNED_ON,
    SIGNET_FIELD_OBLIGATION_DUE_DATE, SIGNET_FIELD_OBLIGATION_UNTIL,
    SIGNET_FIELD_OCCURRENCE_DUE, SIGNET_FIELD_OCCURRENCE_DONE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    if (g_str_equal (field, signet_field_to_token (dates[i])))
      return TRUE;

  return FALSE;
}

/* A value as the rest of the app shows it: labels for statuses, risk
 * levels, roles and kinds, the client's name, amounts with their currency,
 * dates in the local format. @currency is the entry's, or NULL. */
static char *
value_to_text (SignetHistorySection *self,
               const char           *field,
               const char           *value,
               const char           *currency)
{
  SignetContractStatus status;
  SignetRiskLevel level;
  SignetAttachmentRole role;
  SignetKeyDateKind kind;
  SignetAnnotationKind annotation;
  SignetRiskCategory risk_category;
  SignetRiskStatus risk_status;

  if (value == NULL)
    return NULL;

  if (g_str_equal (field, "status") && signet_contract_status_from_token (value, &status))
    return g_strdup (signet_contract_status_to_label (status));
  if (g_str_equal (field, "risk-level") && signet_risk_level_from_token (value, &level))
    return g_strdup (signet_risk_level_to_label (level));
  if (g_str_equal (field, "risk-category") && signet_risk_category_from_token (value, &risk_category))
    return g_strdup (signet_risk_category_to_label (risk_category));
  if (g_str_equal (field, "risk-status") && signet_risk_status_from_token (value, &risk_status))
    return g_strdup (signet_risk_status_to_label (risk_status));
  /* A risk's or an obligation's clause is stored as its annotation's id:
   * named as the sections name it while the annotation is there. */
  if (g_str_equal (field, "risk-clause") ||
      g_str_equal (field, signet_field_to_token (SIGNET_FIELD_OBLIGATION_CLAUSE)))
    {
      SignetStore *store = signet_contract_section_get_store (SIGNET_CONTRACT_SECTION (self));
      gint64 id = g_ascii_strtoll (value, NULL, 10);
      g_autoptr(SignetClause) clause = id > 0 ? signet_store_get_clause (store, id, NULL) : NULL;

      if (clause != NULL)
        return signet_clause_describe (clause, NULL);
    }
  if (g_str_equal (field, "role") && signet_attachment_role_from_token (value, &role))
    return g_strdup (signet_attachment_role_to_label (role));
  if (g_str_equal (field, "key-date-kind") && signet_key_date_kind_from_token (value, &kind))
    return g_strdup (signet_key_date_kind_to_label (kind));
  if (g_str_equal (field, "annotation") && signet_annotation_kind_from_token (value, &annotation))
    return g_strdup (signet_annotation_kind_to_label (annotation));
  if (g_str_equal (field, signet_field_to_token (SIGNET_FIELD_OBLIGATION_PARTY)))
    {
      SignetObligationParty party;

      if (signet_obligation_party_from_token (value, &party))
        return g_strdup (signet_obligation_party_to_label (party));
    }
  if (g_str_equal (field, signet_field_to_token (SIGNET_FIELD_OBLIGATION_RECURRENCE)))
    {
      SignetRecurrence recurrence;

      if (signet_recurrence_from_token (value, &recurrence))
        return g_strdup (signet_recurrence_to_label (recurrence));
    }
  if (g_str_equal (field, "client"))
    {
      SignetStore *store = signet_contract_section_get_store (SIGNET_CONTRACT_SECTION (self));
      gint64 id = g_ascii_strtoll (value, NULL, 10);
      g_autoptr(SignetClient) client = id > 0 ? signet_store_get_client (store, id, NULL) : NULL;

      if (client != NULL)
        return g_strdup (signet_client_get_name (client));
    }
  if (g_str_equal (field, "value"))
    {
      const char *code = currency != NULL ? currency : self->currency;
      gint64 minor_units;

      if (code != NULL && signet_money_parse_decimal (value, code, &minor_units, NULL))
        return signet_money_format (minor_units, code);
    }
  if (g_str_equal (field, "notice-days"))
    {
      guint64 days;

      if (g_str_has_prefix (value, "auto-renew, ") &&
          g_ascii_string_to_unsigned (value + strlen ("auto-renew, "), 10, 0, G_MAXUINT, &days, NULL))
        return g_strdup_printf (ngettext ("renews itself, %u day of notice",
                                          "renews itself, %u days of notice", (gulong) days), (guint) days);
      if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &days, NULL))
        return g_strdup_printf (ngettext ("%u day", "%u days", (gulong) days), (guint) days);
    }
  if (is_date_field (field) && signet_date_is_valid (value))
    return signet_date_format_display (value);

  return g_strdup (value);
}

/* The currency an entry gives its amounts, before (@old) or after. */
static const char *
entry_currency (const SignetAuditEntry *entry,
                gboolean                old)
{
  for (guint i = 0; entry->changes != NULL && i < entry->changes->len; i++)
    {
      const SignetAuditChange *change = g_ptr_array_index (entry->changes, i);

      if (g_str_equal (change->field, "currency"))
        return old ? change->old_value : change->new_value;
    }

  return NULL;
}

/* A row shows a few lines of a value; the notes of a contract can hold a
 * mebibyte, and laying out all of it for a subtitle held the window up for
 * minutes. The start of the value says which change it was. */
#define MAX_SHOWN_CHARS 300

static char *
shorten (char *text)
{
  g_autofree char *whole = text;
  const char *end = whole;
  guint n_chars = 0;

  if (whole == NULL)
    return NULL;

  while (*end != '\0' && n_chars < MAX_SHOWN_CHARS)
    {
      end = g_utf8_next_char (end);
      n_chars++;
    }

  if (*end == '\0')
    return g_steal_pointer (&whole);

  return g_strdup_printf ("%.*s…", (int) (end - whole), whole);
}

static char *
change_to_text (SignetHistorySection    *self,
                const SignetAuditEntry  *entry,
                const SignetAuditChange *change)
{
  g_autofree char *old_text = shorten (value_to_text (self, change->field, change->old_value,
                                                      entry_currency (entry, TRUE)));
  g_autofree char *new_text = shorten (value_to_text (self, change->field, change->new_value,
                                                      entry_currency (entry, FALSE)));

  if (is_decision_detail (entry, change->field))
    return g_strdup (new_text != NULL && *new_text != '\0' ? new_text : _("(empty)"));

  /* A change of something that stays: a field without an old or a new
   * value was empty then. */
  if (signet_audit_action_is_change (entry->action))
    {
      if (old_text == NULL)
        old_text = g_strdup ("");
      if (new_text == NULL)
        new_text = g_strdup ("");
    }

  if (old_text != NULL && new_text != NULL)
    return g_strdup_printf ("%s → %s", *old_text ? old_text : _("(empty)"), *new_text ? new_text : _("(empty)"));
  if (new_text != NULL)
    return g_strdup (*new_text ? new_text : _("(empty)"));
  if (old_text != NULL)
    /* Translators: the value a field had before it was deleted. */
    return g_strdup_printf (_("was %s"), *old_text ? old_text : _("(empty)"));

  return g_strdup (_("(empty)"));
}

/* An entry's changes, as rows under @row. */
static void
add_change_rows (SignetHistorySection   *self,
                 AdwExpanderRow         *row,
                 const SignetAuditEntry *entry)
{
  for (guint i = 0; entry->changes != NULL && i < entry->changes->len; i++)
    {
      const SignetAuditChange *change = g_ptr_array_index (entry->changes, i);
      const char *label = field_to_label (change->field);
      g_autofree char *text = NULL;
      GtkWidget *change_row;

      if (label == NULL)
        continue;

      text = change_to_text (self, entry, change);
      change_row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (change_row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (change_row), label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (change_row), text);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (change_row), 4);
      adw_expander_row_add_row (row, change_row);
    }
}

/* What a collapsed entry's row needs to make its changes' rows: the entry
 * lives in the section's list of entries, which a reload replaces only
 * after it removed the rows. */
typedef struct
{
  SignetHistorySection   *self;
  const SignetAuditEntry *entry;
} ChangesToShow;

static ChangesToShow *
changes_to_show_new (SignetHistorySection   *self,
                     const SignetAuditEntry *entry)
{
  ChangesToShow *changes = g_new (ChangesToShow, 1);

  changes->self = self;
  changes->entry = entry;

  return changes;
}

static void
changes_to_show_free (gpointer  data,
                      GClosure *closure)
{
  g_free (data);
}

static void
entry_row_expanded_cb (AdwExpanderRow *row,
                       GParamSpec     *pspec,
                       ChangesToShow  *changes)
{
  if (!adw_expander_row_get_expanded (row))
    return;

  add_change_rows (changes->self, row, changes->entry);
  /* Frees @changes: the last use. */
  g_signal_handlers_disconnect_by_func (row, entry_row_expanded_cb, changes);
}

/* What the entry did: its action's label, or for a loan of the paper
 * original and its return the borrower's name with it ("Lent to 王芳"). */
static char *
entry_title (const SignetAuditEntry *entry)
{
  const char *borrower = NULL;

  for (guint i = 0; entry->changes != NULL && i < entry->changes->len; i++)
    {
      const SignetAuditChange *change = g_ptr_array_index (entry->changes, i);

      if (g_str_equal (change->field, signet_field_to_token (SIGNET_FIELD_LOAN_BORROWER)))
        borrower = change->new_value != NULL ? change->new_value : change->old_value;
    }

  if (borrower != NULL && entry->action == SIGNET_AUDIT_ACTION_LEND_ORIGINAL)
    /* Translators: the History's entry of a loan of the paper original. */
    return g_strdup_printf (_("Lent to %s"), borrower);
  if (borrower != NULL && entry->action == SIGNET_AUDIT_ACTION_RETURN_ORIGINAL)
    /* Translators: the History's entry of the original's return. */
    return g_strdup_printf (_("Returned by %s"), borrower);

  return g_strdup (signet_audit_action_to_label (entry->action));
}

static GtkWidget *
entry_row (SignetHistorySection   *self,
           const SignetAuditEntry *entry)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *when = signet_timestamp_format_display (entry->timestamp);
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  guint n_shown = 0;

  if (entry_approver (entry) != NULL)
    /* Translators: who recorded an approval, for whom, and when: "lina on
     * behalf of 王强 · 27 Nov 2026 14:05". */
    subtitle = g_strdup_printf (_("%s on behalf of %s · %s"), entry->user, entry_approver (entry), when);
  else
    /* Translators: who made a change, and when: "zhangwei · 27 Nov 2026 14:05". */
    subtitle = g_strdup_printf (_("%s · %s"), entry->user, when);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  title = entry_title (entry);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  /* The changes' rows are made when a user first expands the entry: a
   * contract with a long history opened in twice the time of one without
   * while they were all made at once (docs/benchmarks.md). */
  for (guint i = 0; entry->changes != NULL && i < entry->changes->len; i++)
    if (field_to_label (((const SignetAuditChange *) g_ptr_array_index (entry->changes, i))->field) != NULL)
      n_shown++;

  gtk_widget_set_sensitive (row, n_shown > 0);
  if (n_shown > 0)
    g_signal_connect_data (row, "notify::expanded", G_CALLBACK (entry_row_expanded_cb),
                           changes_to_show_new (self, entry), (GClosureNotify) changes_to_show_free,
                           G_CONNECT_DEFAULT);

  return row;
}

static void
add_entry_rows (SignetHistorySection *self,
                guint                 first,
                guint                 end)
{
  for (guint i = first; i < end; i++)
    {
      GtkWidget *row = entry_row (self, g_ptr_array_index (self->entries, i));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
earlier_activated_cb (SignetHistorySection *self,
                      AdwButtonRow         *button_row)
{
  guint first = self->rows->len - 1;

  self->show_earlier = TRUE;
  g_ptr_array_remove (self->rows, button_row);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->group), GTK_WIDGET (button_row));
  add_entry_rows (self, first, MIN (self->entries->len, MAX_ENTRIES));
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), self->entries->len > MAX_ENTRIES);
  /* The pressed row is gone: the keyboard goes on from the first entry
   * it listed, where it was. */
  if (first < self->rows->len)
    gtk_widget_grab_focus (g_ptr_array_index (self->rows, first));
}

static void
signet_history_section_reload (SignetContractSection *section)
{
  SignetHistorySection *self = SIGNET_HISTORY_SECTION (section);
  SignetStore *store = signet_contract_section_get_store (section);
  gint64 contract_id = signet_contract_section_get_contract_id (section);
  SignetContract *contract;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint n_listed;
  guint n_shown;

  if (self->listed_id != contract_id)
    self->show_earlier = FALSE;
  self->listed_id = contract_id;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->group), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), FALSE);

  /* Hidden only when it has nothing to show (a contract not saved yet),
   * not on the way: a reload while it is being shown must not hide it. */
  g_clear_pointer (&self->currency, g_free);
  if (contract_id == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  contract = signet_contract_section_get_contract (section);
  if (contract != NULL)
    self->currency = g_strdup (signet_contract_get_currency (contract));

  entries = signet_store_list_audit (store, SIGNET_RECORD_CONTRACT, contract_id, &error);
  if (entries == NULL)
    {
      g_warning ("Could not read the history of contract %" G_GINT64_FORMAT ": %s",
                 contract_id, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self), entries->len > 0);
  self->entries = g_ptr_array_ref (entries);
  n_listed = MIN (entries->len, MAX_ENTRIES);
  /* One row for a single entry would save nothing. */
  n_shown = self->show_earlier || n_listed <= LATEST_SHOWN + 1 ? n_listed : LATEST_SHOWN;
  add_entry_rows (self, 0, n_shown);
  if (n_shown < n_listed)
    {
      GtkWidget *row = adw_button_row_new ();
      g_autofree char *title = NULL;

      /* Translators: the row under a contract's newest History entries
       * that lists the earlier ones; %u is how many. */
      title = g_strdup_printf (ngettext ("Show %u Earlier Entry", "Show %u Earlier Entries", n_listed - n_shown),
                               n_listed - n_shown);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_button_row_set_end_icon_name (ADW_BUTTON_ROW (row), "pan-down-symbolic");
      g_signal_connect_object (row, "activated", G_CALLBACK (earlier_activated_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), row);
      g_ptr_array_add (self->rows, row);
    }

  /* Once all are listed. */
  if (entries->len > MAX_ENTRIES && n_shown == n_listed)
    {
      g_autofree char *more = NULL;
      guint n_more = entries->len - MAX_ENTRIES;

      more = g_strdup_printf (ngettext ("and %u earlier change", "and %u earlier changes", n_more), n_more);
      gtk_label_set_text (self->more_label, more);
      gtk_widget_set_visible (GTK_WIDGET (self->more_label), TRUE);
    }
}

static void
signet_history_section_dispose (GObject *object)
{
  SignetHistorySection *self = SIGNET_HISTORY_SECTION (object);

  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->group, gtk_widget_unparent);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (signet_history_section_parent_class)->dispose (object);
}

static void
signet_history_section_class_init (SignetHistorySectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SignetContractSectionClass *section_class = SIGNET_CONTRACT_SECTION_CLASS (klass);

  object_class->dispose = signet_history_section_dispose;

  /* Every change to the contract is an entry of its history: none is
   * asked for, so it watches them all. */
  section_class->reload = signet_history_section_reload;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
signet_history_section_init (SignetHistorySection *self)
{
  GtkWidget *more = gtk_label_new (NULL);

  self->rows = g_ptr_array_new ();
  self->group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->group), _("History"));
  gtk_widget_set_parent (self->group, GTK_WIDGET (self));

  /* Under the list: how many older entries it leaves out. */
  gtk_label_set_xalign (GTK_LABEL (more), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (more), TRUE);
  gtk_widget_set_margin_top (more, 6);
  gtk_widget_add_css_class (more, "dimmed");
  gtk_widget_set_visible (more, FALSE);
  self->more_label = GTK_LABEL (more);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), more);
}

GtkWidget *
signet_history_section_new (void)
{
  return g_object_new (SIGNET_TYPE_HISTORY_SECTION, NULL);
}
