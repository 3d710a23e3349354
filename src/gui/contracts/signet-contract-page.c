/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-contract-page"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "signet-contract-page-private.h"
#include "signet-error-dialog.h"
#include "signet-field-error.h"
#include "signet-money.h"
#include "signet-store-types.h"

G_DEFINE_FINAL_TYPE (SignetContractPage, signet_contract_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTRACT,
  PROP_DIRTY,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_PDF,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
nonempty (const char *text)
{
  return (text != NULL && *text != '\0') ? text : NULL;
}

static char *
dup_editable_text (GtkEditable *editable)
{
  return g_strdup (nonempty (gtk_editable_get_text (editable)));
}

static void
clear_field_error (SignetContractPage *self,
                   SignetField         field)
{
  /* The fields after the client's (the confidential mark) cannot be wrong. */
  if (field >= N_CONTRACT_FIELDS || self->error_labels[field] == NULL)
    return;

  signet_field_error_clear (self->field_widgets[field], self->error_labels[field]);
}

static void
clear_field_errors (SignetContractPage *self)
{
  for (guint field = 0; field < N_CONTRACT_FIELDS; field++)
    clear_field_error (self, field);
}

static void
show_field_error (SignetContractPage *self,
                  SignetField         field,
                  const char         *message)
{
  if (field >= N_CONTRACT_FIELDS || self->field_widgets[field] == NULL)
    return;

  signet_field_error_show (self->field_widgets[field], self->error_labels[field], message);
}


void
_signet_contract_page_field_edited (SignetContractPage *self,
                                    gpointer            widget)
{
  if (self->loading > 0)
    return;

  clear_field_error (self, signet_form_get_field (widget));
  _signet_contract_page_update_dirty (self);
}

/* The position of @client_id in the client row; "None" (the first) for
 * no client or one missing from the register. */
static guint
find_client_position (SignetContractPage *self,
                      gint64              client_id)
{
  guint n = g_list_model_get_n_items (self->clients);

  for (guint i = 1; client_id != 0 && i < n; i++)
    {
      g_autoptr(SignetClient) client = g_list_model_get_item (self->clients, i);

      if (signet_client_get_id (client) == client_id)
        return i;
    }

  return 0;
}

static guint
find_currency_position (SignetContractPage *self,
                        const char         *code)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->currencies));

  for (guint i = 0; code != NULL && i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->currencies, i), code) == 0)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

/* The client chosen; NULL for "None". */
static SignetClient *
selected_client (SignetContractPage *self)
{
  SignetClient *client = adw_combo_row_get_selected_item (self->client_row);

  return client != NULL && signet_client_get_id (client) != 0 ? client : NULL;
}

static gint64
selected_client_id (SignetContractPage *self)
{
  SignetClient *client = selected_client (self);

  return client ? signet_client_get_id (client) : 0;
}

static const char *
selected_currency (SignetContractPage *self)
{
  guint position = adw_combo_row_get_selected (self->currency_row);

  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;

  return gtk_string_list_get_string (self->currencies, position);
}

/* The register's clients after a "None" that stands for no client. The
 * row's selection (a GtkSingleSelection, which autoselects) keeps an item
 * selected when it is asked to select none, as GTK 4.8's did not: without
 * "None", a new contract would show the client shown before, count as
 * edited as soon as it is shown, and be saved with that client. */
static GListModel *
new_client_choices (SignetStore  *store,
                    GError      **error)
{
  g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GListStore) none = g_list_store_new (SIGNET_TYPE_CLIENT);
  g_autoptr(SignetClient) nobody = signet_client_new ();

  /* Translators: the client row of a contract when no client is chosen. */
  signet_client_set_name (nobody, C_("client", "None"));
  g_list_store_append (none, nobody);
  g_list_store_append (parts, none);
  if (store != NULL)
    {
      g_autoptr(GListModel) clients = signet_store_list_clients (store, error);

      if (clients == NULL)
        return NULL;
      g_list_store_append (parts, clients);
    }

  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts))));
}

static void
reload_clients (SignetContractPage *self)
{
  g_autoptr(GListModel) clients = NULL;
  g_autoptr(GError) error = NULL;
  gint64 client_id;

  /* Not built yet: it will load the clients when it is. */
  if (self->client_row == NULL)
    return;

  clients = new_client_choices (self->store, &error);
  if (clients == NULL)
    {
      signet_error_dialog_show (GTK_WIDGET (self), _("Could Not Read the Clients"), error);
      /* The choices shown stay, and with them the contract's client; a
       * contract without one is not saved. */
      if (self->clients != NULL)
        return;
      clients = new_client_choices (NULL, NULL);
    }

  client_id = selected_client_id (self);
  self->loading++;
  g_set_object (&self->clients, clients);
  adw_combo_row_set_model (self->client_row, self->clients);
  adw_combo_row_set_selected (self->client_row, find_client_position (self, client_id));
  self->loading--;
}

void
_signet_contract_page_update_title (SignetContractPage *self)
{
  const char *title = NULL;

  if (self->contract != NULL)
    {
      if (signet_contract_get_id (self->contract) == 0)
        title = _("New Contract");
      else if (nonempty (signet_contract_get_title (self->contract)))
        title = signet_contract_get_title (self->contract);
      else
        title = signet_contract_get_number (self->contract);
    }

  if (g_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
_signet_contract_page_fill_field (SignetContractPage *self,
                                  SignetContract     *contract,
                                  SignetField         field)
{
  self->loading++;

  switch (field)
    {
    case SIGNET_FIELD_CONTRACT_NUMBER:
      gtk_editable_set_text (self->number_row, signet_contract_get_number (contract) ?: "");
      break;
    case SIGNET_FIELD_CONTRACT_TITLE:
      gtk_editable_set_text (self->title_row, signet_contract_get_title (contract) ?: "");
      break;
    case SIGNET_FIELD_CONTRACT_CLIENT:
      adw_combo_row_set_selected (self->client_row,
                                  find_client_position (self, signet_contract_get_client_id (contract)));
      break;
    case SIGNET_FIELD_CONTRACT_TYPE:
      gtk_editable_set_text (self->type_row, signet_contract_get_contract_type (contract) ?: "");
      break;
    case SIGNET_FIELD_CONTRACT_OWNER:
      signet_owner_row_set_owner (self->owner_row, signet_contract_get_owner (contract));
      break;
    case SIGNET_FIELD_CONTRACT_DEPARTMENT:
      gtk_editable_set_text (self->department_row, signet_contract_get_department (contract) ?: "");
      break;
    case SIGNET_FIELD_CONTRACT_VALUE:
    case SIGNET_FIELD_CONTRACT_CURRENCY:
      {
        const char *currency = signet_contract_get_currency (contract);
        g_autofree char *value = NULL;

        if (signet_contract_get_value (contract) != 0)
          value = signet_money_format_amount (signet_contract_get_value (contract), currency);
        gtk_editable_set_text (self->value_row, value ?: "");
        adw_combo_row_set_selected (self->currency_row, find_currency_position (self, currency));
      }
      break;
    case SIGNET_FIELD_CONTRACT_SIGNING_DATE:
      signet_date_entry_set_date (self->signing_date_row, signet_contract_get_signing_date (contract));
      break;
    case SIGNET_FIELD_CONTRACT_START_DATE:
      signet_date_entry_set_date (self->start_date_row, signet_contract_get_start_date (contract));
      break;
    case SIGNET_FIELD_CONTRACT_END_DATE:
      signet_date_entry_set_date (self->end_date_row, signet_contract_get_end_date (contract));
      break;
    case SIGNET_FIELD_CONTRACT_NOTICE_DAYS:
      adw_switch_row_set_active (self->auto_renew_row, signet_contract_get_auto_renew (contract));
      adw_spin_row_set_value (self->notice_days_row, signet_contract_get_notice_days (contract));
      break;
    case SIGNET_FIELD_CONTRACT_STATUS:
      /* Not a field: the process section shows it. */
      break;
    case SIGNET_FIELD_CONTRACT_RISK_LEVEL:
      adw_combo_row_set_selected (self->risk_row, signet_contract_get_risk_level (contract));
      break;
    case SIGNET_FIELD_CONTRACT_TAGS:
      gtk_editable_set_text (self->tags_row, signet_contract_get_tags (contract) ?: "");
      break;
    case SIGNET_FIELD_CONTRACT_NOTES:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                                signet_contract_get_notes (contract) ?: "", -1);
      break;
    case SIGNET_FIELD_CONTRACT_CONFIDENTIAL:
      adw_switch_row_set_active (self->confidential_row, signet_contract_get_confidential (contract));
      break;
    default:
      g_assert_not_reached ();
    }

  self->loading--;

  clear_field_error (self, field);
}

static void
fill_form (SignetContractPage *self)
{
  /* The currency is filled in with the value. */
  for (SignetField field = SIGNET_FIELD_CONTRACT_NUMBER; field <= SIGNET_FIELD_CONTRACT_NOTES; field++)
    if (field != SIGNET_FIELD_CONTRACT_CURRENCY)
      _signet_contract_page_fill_field (self, self->contract, field);
  _signet_contract_page_fill_field (self, self->contract, SIGNET_FIELD_CONTRACT_CONFIDENTIAL);

  gtk_widget_set_visible (self->delete_button, signet_contract_get_id (self->contract) != 0);
  _signet_contract_page_update_locks (self);
  clear_field_errors (self);
  _signet_contract_page_update_title (self);
  _signet_contract_page_update_dirty (self);
}

/* The date in @entry, or a SIGNET_FIELD_ERROR of @field saying why it is
 * not one. */
static gboolean
read_date (SignetDateEntry  *entry,
           SignetField       field,
           char            **iso,
           GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  if (signet_date_entry_get_date (entry, iso, &local_error))
    return TRUE;

  /* Translators: a field name such as "End Date", and what is wrong with it. */
  g_set_error (error, SIGNET_FIELD_ERROR, field, _("%s: %s"), signet_field_to_label (field), local_error->message);

  return FALSE;
}

/* The contract the form describes, built on a copy of the stored one.
 * Fails when the value cannot be read as an amount of the currency (an
 * error of the value's parser), or a date as a date (a SIGNET_FIELD_ERROR
 * of its field). */
SignetContract *
_signet_contract_page_read_form (SignetContractPage  *self,
                                 GError             **error)
{
  g_autoptr(SignetContract) contract = signet_contract_copy (self->contract);
  SignetClient *client = selected_client (self);
  const char *currency = selected_currency (self);
  const char *value_text = gtk_editable_get_text (self->value_row);
  gint64 value = 0;
  GtkTextIter start, end;
  g_autofree char *notes = NULL;
  g_autofree char *number = dup_editable_text (self->number_row);
  g_autofree char *title = dup_editable_text (self->title_row);
  g_autofree char *contract_type = dup_editable_text (self->type_row);
  g_autofree char *owner = g_strdup (signet_owner_row_get_owner (self->owner_row));
  g_autofree char *department = dup_editable_text (self->department_row);
  g_autofree char *tags = dup_editable_text (self->tags_row);
  g_autofree char *value_trimmed = g_strstrip (g_strdup (value_text));
  g_autofree char *signing_date = NULL;
  g_autofree char *start_date = NULL;
  g_autofree char *end_date = NULL;

  if (*value_trimmed != '\0' && currency != NULL &&
      !signet_money_parse (value_trimmed, currency, &value, error))
    return NULL;

  if (!read_date (self->signing_date_row, SIGNET_FIELD_CONTRACT_SIGNING_DATE, &signing_date, error) ||
      !read_date (self->start_date_row, SIGNET_FIELD_CONTRACT_START_DATE, &start_date, error) ||
      !read_date (self->end_date_row, SIGNET_FIELD_CONTRACT_END_DATE, &end_date, error))
    return NULL;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (self->notes_view), &start, &end);
  notes = gtk_text_iter_get_text (&start, &end);

  signet_contract_set_number (contract, number);
  signet_contract_set_title (contract, title);
  signet_contract_set_client_id (contract, client ? signet_client_get_id (client) : 0);
  /* The joined name only follows a change of client: a client renamed
   * meanwhile is not an edit of this contract. */
  if (signet_contract_get_client_id (contract) != signet_contract_get_client_id (self->contract))
    signet_contract_set_client_name (contract, client ? signet_client_get_name (client) : NULL);
  signet_contract_set_contract_type (contract, contract_type);
  signet_contract_set_owner (contract, owner);
  signet_contract_set_department (contract, department);
  signet_contract_set_value (contract, value);
  signet_contract_set_currency (contract, currency);
  signet_contract_set_signing_date (contract, signing_date);
  signet_contract_set_start_date (contract, start_date);
  signet_contract_set_end_date (contract, end_date);
  signet_contract_set_auto_renew (contract, adw_switch_row_get_active (self->auto_renew_row));
  signet_contract_set_notice_days (contract, (guint) lround (adw_spin_row_get_value (self->notice_days_row)));
  signet_contract_set_risk_level (contract, adw_combo_row_get_selected (self->risk_row));
  signet_contract_set_tags (contract, tags);
  signet_contract_set_notes (contract, nonempty (notes));
  signet_contract_set_confidential (contract, adw_switch_row_get_active (self->confidential_row));

  return g_steal_pointer (&contract);
}

void
_signet_contract_page_update_dirty (SignetContractPage *self)
{
  gboolean dirty = FALSE;

  if (self->contract != NULL)
    {
      g_autoptr(SignetContract) edited = _signet_contract_page_read_form (self, NULL);

      dirty = (edited == NULL || !signet_contract_equal (edited, self->contract));
    }

  if (dirty == self->dirty)
    return;

  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

/* Someone else's change to the contract shown here (an undo, another
 * window, an import) is taken in, with its version, unless it would
 * overwrite the user's edits; those meet it at once, field by field. */
static void
take_in_stored (SignetContractPage *self)
{
  g_autoptr(SignetContract) stored = NULL;
  g_autoptr(GError) error = NULL;

  if (self->contract == NULL || signet_contract_get_id (self->contract) == 0)
    return;

  if (self->dirty || self->mine != NULL)
    {
      _signet_contract_page_meet_change (self);
      return;
    }

  stored = signet_store_get_contract (self->store, signet_contract_get_id (self->contract), &error);
  if (g_error_matches (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND))
    _signet_contract_page_set_deleted (self, TRUE);
  if (stored != NULL &&
      (signet_contract_get_version (stored) != signet_contract_get_version (self->contract) ||
       !signet_contract_equal (stored, self->contract)))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
      double position = gtk_adjustment_get_value (adjustment);

      /* The same contract, changed: the reader stays where they were. */
      signet_contract_page_set_contract (self, stored);
      gtk_adjustment_set_value (adjustment, position);
    }
}

static void
store_changed_cb (SignetContractPage *self,
                  SignetRecordKind    kind,
                  gint64              id,
                  SignetChangeKind    change,
                  SignetStore        *store)
{
  if (kind == SIGNET_RECORD_CLIENT)
    {
      reload_clients (self);
      _signet_contract_page_update_dirty (self);
      return;
    }

  /* A person renamed is the new owner name of the stored contracts: the
   * row lists the people again, no edit of the user's, and a clean form
   * takes the stored contract in. */
  if (kind == SIGNET_RECORD_PERSON)
    {
      if (self->owner_row == NULL)
        return;
      self->loading++;
      signet_owner_row_reload (self->owner_row);
      self->loading--;
      if (!self->dirty)
        take_in_stored (self);
      _signet_contract_page_update_dirty (self);
      return;
    }

  if (kind != SIGNET_RECORD_CONTRACT || self->contract == NULL || id != signet_contract_get_id (self->contract))
    return;

  /* Deleted elsewhere, or put back (an undo) while the page still shows it. */
  if (change == SIGNET_CHANGE_REMOVED)
    {
      _signet_contract_page_set_deleted (self, TRUE);
      return;
    }
  if (change == SIGNET_CHANGE_ADDED)
    _signet_contract_page_set_deleted (self, FALSE);

  take_in_stored (self);
}

static void
store_reset_cb (SignetContractPage *self,
                SignetStore        *store)
{
  reload_clients (self);
  _signet_contract_page_update_dirty (self);
  take_in_stored (self);
}

static void
attachment_open_pdf_cb (SignetContractPage *self,
                        SignetAttachment   *attachment,
                        gint64              version_id)
{
  g_signal_emit (self, signals[OPEN_PDF], 0, attachment, version_id);
}

/* A decision's approval form is one of the contract's files: opened as
 * the attachments section opens it. */
static void
process_open_attachment_cb (SignetContractPage *self,
                            gint64              attachment_id)
{
  gtk_widget_activate_action (GTK_WIDGET (self->attachments_section), "attachment.open", "x", attachment_id);
}

/* Files dropped anywhere on the contract's form are attached to it. */
static gboolean
files_dropped_cb (GtkDropTarget      *target,
                  const GValue       *value,
                  double              x,
                  double              y,
                  SignetContractPage *self)
{
  GSList *files;

  if (self->contract == NULL || signet_contract_get_id (self->contract) == 0 ||
      !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  signet_attachments_section_add_files (self->attachments_section, files);

  return TRUE;
}

static void
build_sections (SignetContractPage *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  /* The state comes first, under the notices of changes made elsewhere. */
  self->process_section = SIGNET_PROCESS_SECTION (signet_process_section_new ());
  gtk_box_insert_child_after (self->form_box, GTK_WIDGET (self->process_section), GTK_WIDGET (self->conflict_panel));
  /* The terms before and after it, next to its state. */
  self->renewals_section = SIGNET_RENEWALS_SECTION (signet_renewals_section_new ());
  gtk_box_insert_child_after (self->form_box, GTK_WIDGET (self->renewals_section), GTK_WIDGET (self->process_section));

  _signet_contract_page_build_locks (self);

  self->key_dates_section = SIGNET_KEY_DATES_SECTION (signet_key_dates_section_new ());
  gtk_box_append (self->form_box, GTK_WIDGET (self->key_dates_section));

  self->reviews_section = SIGNET_REVIEWS_SECTION (signet_reviews_section_new ());
  gtk_box_append (self->form_box, GTK_WIDGET (self->reviews_section));

  self->amendments_section = SIGNET_AMENDMENTS_SECTION (signet_amendments_section_new ());
  gtk_box_append (self->form_box, GTK_WIDGET (self->amendments_section));

  self->payments_section = SIGNET_PAYMENTS_SECTION (signet_payments_section_new ());
  gtk_box_append (self->form_box, GTK_WIDGET (self->payments_section));

  self->risks_section = SIGNET_RISKS_SECTION (signet_risks_section_new ());
  gtk_box_append (self->form_box, GTK_WIDGET (self->risks_section));

  self->obligations_section = SIGNET_OBLIGATIONS_SECTION (signet_obligations_section_new ());
  gtk_box_append (self->form_box, GTK_WIDGET (self->obligations_section));

  self->original_section = SIGNET_ORIGINAL_SECTION (signet_original_section_new ());
  gtk_box_append (self->form_box, GTK_WIDGET (self->original_section));

  self->attachments_section = SIGNET_ATTACHMENTS_SECTION (signet_attachments_section_new ());
  gtk_box_append (self->form_box, GTK_WIDGET (self->attachments_section));
  g_signal_connect_object (self->attachments_section, "open-pdf",
                           G_CALLBACK (attachment_open_pdf_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->process_section, "open-attachment",
                           G_CALLBACK (process_open_attachment_cb), self, G_CONNECT_SWAPPED);

  self->history_section = SIGNET_HISTORY_SECTION (signet_history_section_new ());
  gtk_box_append (self->form_box, GTK_WIDGET (self->history_section));

  g_signal_connect_object (target, "drop", G_CALLBACK (files_dropped_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->scrolled_window), GTK_EVENT_CONTROLLER (target));
}

/* Each section follows its contract's changes itself: handing the same
 * contract over again does nothing. */
static void
set_sections_contract (SignetContractPage *self,
                       gint64              contract_id)
{
  GtkWidget *sections[] = {
    GTK_WIDGET (self->process_section),
    GTK_WIDGET (self->renewals_section),
    GTK_WIDGET (self->key_dates_section),
    GTK_WIDGET (self->reviews_section),
    GTK_WIDGET (self->amendments_section),
    GTK_WIDGET (self->payments_section),
    GTK_WIDGET (self->risks_section),
    GTK_WIDGET (self->obligations_section),
    GTK_WIDGET (self->original_section),
    GTK_WIDGET (self->attachments_section),
    GTK_WIDGET (self->history_section),
  };

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      /* None is built until a contract is first shown. */
      if (sections[i] != NULL)
        signet_contract_section_set_contract (SIGNET_CONTRACT_SECTION (sections[i]), self->store, contract_id);
    }
}

static void
signet_contract_page_dispose (GObject *object)
{
  SignetContractPage *self = (SignetContractPage *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGNET_TYPE_CONTRACT_PAGE);

  g_clear_object (&self->store);
  g_clear_object (&self->clients);
  g_clear_object (&self->currencies);
  g_clear_object (&self->new_type);
  g_clear_object (&self->contract);
  g_clear_object (&self->mine);

  G_OBJECT_CLASS (signet_contract_page_parent_class)->dispose (object);
}

static void
signet_contract_page_finalize (GObject *object)
{
  SignetContractPage *self = (SignetContractPage *)object;

  g_free (self->title);

  G_OBJECT_CLASS (signet_contract_page_parent_class)->finalize (object);
}

static void
signet_contract_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SignetContractPage *self = SIGNET_CONTRACT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTRACT:
      g_value_set_object (value, self->contract);
      break;

    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_contract_page_class_init (SignetContractPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_contract_page_dispose;
  object_class->finalize = signet_contract_page_finalize;
  object_class->get_property = signet_contract_page_get_property;

  properties[PROP_CONTRACT] =
    g_param_spec_object ("contract", NULL, NULL, SIGNET_TYPE_CONTRACT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* What to call the page where it is shown: NULL while it shows no
   * contract. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A PDF attached to the shown contract is to be opened in the viewer. */
  signals[OPEN_PDF] =
    g_signal_new ("open-pdf", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, SIGNET_TYPE_ATTACHMENT, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-contract-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetContractPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SignetContractPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SignetContractPage, form_box);
  gtk_widget_class_bind_template_child (widget_class, SignetContractPage, delete_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
signet_contract_page_init (SignetContractPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
signet_contract_page_new (void)
{
  return g_object_new (SIGNET_TYPE_CONTRACT_PAGE, NULL);
}

SignetStore *
signet_contract_page_get_store (SignetContractPage *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT_PAGE (self), NULL);

  return self->store;
}

void
signet_contract_page_set_store (SignetContractPage *self,
                                SignetStore        *store)
{
  g_return_if_fail (SIGNET_IS_CONTRACT_PAGE (self));
  g_return_if_fail (store == NULL || SIGNET_IS_STORE (store));

  if (!signet_store_set_watched (&self->store, store, self,
                                 G_CALLBACK (store_changed_cb), G_CALLBACK (store_reset_cb)))
    return;

  signet_contract_page_set_contract (self, NULL);
  reload_clients (self);
  if (self->owner_row != NULL)
    signet_owner_row_set_store (self->owner_row, store);
  set_sections_contract (self, 0);
}

SignetContract *
signet_contract_page_get_contract (SignetContractPage *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT_PAGE (self), NULL);

  return self->contract;
}

void
signet_contract_page_set_contract (SignetContractPage *self,
                                   SignetContract     *contract)
{
  g_return_if_fail (SIGNET_IS_CONTRACT_PAGE (self));
  g_return_if_fail (contract == NULL || SIGNET_IS_CONTRACT (contract));

  g_clear_object (&self->contract);
  g_clear_object (&self->new_type);
  if (contract != NULL)
    self->contract = signet_contract_copy (contract);
  _signet_contract_page_drop_conflicts (self);
  _signet_contract_page_set_deleted (self, FALSE);

  if (self->contract != NULL)
    {
      /* The form and its client list are made when first shown, not with
       * the window, whose first frame says “No Contract Selected”. */
      if (self->client_row == NULL)
        {
          _signet_contract_page_build_form (self);
          _signet_contract_page_build_conflicts (self);
          build_sections (self);
          reload_clients (self);
          signet_owner_row_set_store (self->owner_row, self->store);
        }
      fill_form (self);
      set_sections_contract (self, signet_contract_get_id (self->contract));
      gtk_stack_set_visible_child_name (self->stack, "form");
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      _signet_contract_page_update_title (self);
      _signet_contract_page_update_dirty (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTRACT]);
}

gboolean
signet_contract_page_get_dirty (SignetContractPage *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT_PAGE (self), FALSE);

  return self->dirty;
}

const char *
signet_contract_page_get_title (SignetContractPage *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT_PAGE (self), NULL);

  return self->title;
}

gboolean
signet_contract_page_save (SignetContractPage  *self,
                           GError             **error)
{
  g_autoptr(SignetContract) edited = NULL;
  g_autoptr(SignetContract) stored = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean saved;

  g_return_val_if_fail (SIGNET_IS_CONTRACT_PAGE (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);
  g_return_val_if_fail (self->contract != NULL, FALSE);

  if (self->mine != NULL && !signet_conflict_panel_get_resolved (self->conflict_panel))
    {
      signet_conflict_panel_ask (self->conflict_panel);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
      g_set_error_literal (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                           _("Choose Reload or Keep Mine for each field that was changed elsewhere, "
                             "then save again."));
      return FALSE;
    }

  clear_field_errors (self);

  edited = _signet_contract_page_read_form (self, &local_error);
  if (edited == NULL)
    {
      g_autoptr(GError) field_error = local_error->domain == SIGNET_FIELD_ERROR
        ? g_error_copy (local_error)
        : g_error_new_literal (SIGNET_FIELD_ERROR, SIGNET_FIELD_CONTRACT_VALUE, local_error->message);

      show_field_error (self, field_error->code, field_error->message);
      g_propagate_error (error, g_steal_pointer (&field_error));
      return FALSE;
    }

  /* Deleted elsewhere: what the form holds comes back as a new contract. */
  if (_signet_contract_page_get_deleted (self))
    {
      signet_contract_set_id (edited, 0);
      signet_contract_set_version (edited, 0);
    }

  if (signet_contract_get_id (edited) == 0 && self->new_type != NULL)
    saved = signet_store_add_contract_of_type (self->store, edited, self->new_type, &local_error);
  else if (signet_contract_get_id (edited) == 0)
    saved = signet_store_add_contract (self->store, edited, &local_error);
  else
    saved = signet_store_save_contract (self->store, self->contract, edited, &local_error);

  /* Someone else saved the contract since the form loaded it. Unless what
   * they changed is nothing the user can see, the page shows it and the
   * user decides; a write that lands again in between is seen again. */
  for (guint attempt = 0;
       !saved && attempt < 3 && g_error_matches (local_error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
       attempt++)
    {
      g_clear_error (&local_error);
      if (!_signet_contract_page_take_conflicts (self, edited, &local_error))
        break;
      saved = signet_store_save_contract (self->store, self->contract, edited, &local_error);
    }

  if (!saved)
    {
      if (local_error->domain == SIGNET_FIELD_ERROR)
        show_field_error (self, local_error->code, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Show what the store keeps (trimmed text, the joined client name). */
  stored = signet_store_get_contract (self->store, signet_contract_get_id (edited), NULL);
  signet_contract_page_set_contract (self, stored ? stored : edited);

  return TRUE;
}

void
signet_contract_page_revert (SignetContractPage *self)
{
  g_return_if_fail (SIGNET_IS_CONTRACT_PAGE (self));

  _signet_contract_page_drop_conflicts (self);
  if (self->contract != NULL)
    fill_form (self);
}

void
signet_contract_page_focus_form (SignetContractPage *self)
{
  g_return_if_fail (SIGNET_IS_CONTRACT_PAGE (self));

  if (self->contract == NULL)
    return;

  if (signet_contract_get_id (self->contract) == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  else if (!_signet_contract_page_focus_locks (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->number_row));
}

void
signet_contract_page_set_new_contract_type (SignetContractPage *self,
                                            SignetContractType *type)
{
  g_return_if_fail (SIGNET_IS_CONTRACT_PAGE (self));
  g_return_if_fail (type == NULL || SIGNET_IS_CONTRACT_TYPE (type));

  g_set_object (&self->new_type, type);
}
