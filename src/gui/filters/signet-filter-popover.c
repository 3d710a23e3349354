/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-filter-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-client.h"
#include "signet-date-entry.h"
#include "signet-enums.h"
#include "signet-filter-popover.h"
#include "signet-person.h"
#include "signet-store-people.h"
#include "signet-store-query.h"

/* The conditions on other records, in the order the popover lists them. */
static const SignetContractFilter conditions[] = {
  SIGNET_CONTRACT_FILTER_OVERDUE_PAYMENTS,
  SIGNET_CONTRACT_FILTER_OVERDUE_OBLIGATIONS,
  SIGNET_CONTRACT_FILTER_OVERDUE_REVIEWS,
  SIGNET_CONTRACT_FILTER_OPEN_REVIEW_FINDINGS,
  SIGNET_CONTRACT_FILTER_PENDING_APPROVALS,
  SIGNET_CONTRACT_FILTER_ON_LOAN,
  SIGNET_CONTRACT_FILTER_OVERDUE_LOANS,
};

#define N_CONDITIONS G_N_ELEMENTS (conditions)

struct _SignetFilterPopover
{
  GtkPopover           parent_instance;

  AdwPreferencesGroup *conditions_group;
  AdwPreferencesGroup *dates_group;
  AdwExpanderRow      *status_row;
  AdwExpanderRow      *risk_row;
  AdwComboRow         *type_row;
  AdwComboRow         *department_row;
  AdwComboRow         *owner_row;
  AdwComboRow         *client_row;
  AdwExpanderRow      *expiring_row;
  AdwSpinRow          *expiring_days_row;

  AdwSwitchRow        *condition_rows[N_CONDITIONS];
  GtkCheckButton      *status_checks[SIGNET_N_CONTRACT_STATUSES];
  GtkCheckButton      *risk_checks[SIGNET_N_RISK_LEVELS];
  SignetDateEntry     *date_from[SIGNET_N_QUERY_DATES];
  SignetDateEntry     *date_to[SIGNET_N_QUERY_DATES];

  SignetStore         *store;
  SignetContractQuery *query;         /* what the controls say, and what they cannot show */
  GStrv                type_names;    /* the drop-downs' choices after "Any" */
  GStrv                departments;
  GArray              *owner_ids;
  GArray              *client_ids;
  gboolean             updating;      /* the controls are being set from the query */
};

G_DEFINE_FINAL_TYPE (SignetFilterPopover, signet_filter_popover, GTK_TYPE_POPOVER)

enum {
  QUERY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
signet_contract_filter_to_label (SignetContractFilter filter)
{
  switch (filter)
    {
    case SIGNET_CONTRACT_FILTER_ON_LOAN:              return _("Originals on loan");
    case SIGNET_CONTRACT_FILTER_OPEN_REVIEW_FINDINGS: return _("Open review findings");
    case SIGNET_CONTRACT_FILTER_OVERDUE_PAYMENTS:     return _("Overdue payments");
    case SIGNET_CONTRACT_FILTER_OVERDUE_OBLIGATIONS:  return _("Overdue obligations");
    case SIGNET_CONTRACT_FILTER_OVERDUE_REVIEWS:      return _("Overdue reviews");
    case SIGNET_CONTRACT_FILTER_OVERDUE_LOANS:        return _("Originals overdue");
    case SIGNET_CONTRACT_FILTER_PENDING_APPROVALS:    return _("Approvals pending");
    case SIGNET_CONTRACT_FILTER_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
signet_query_date_to_label (SignetQueryDate field)
{
  switch (field)
    {
    case SIGNET_QUERY_DATE_SIGNING: return _("Signed");
    case SIGNET_QUERY_DATE_START:   return _("Start");
    case SIGNET_QUERY_DATE_END:     return _("End");
    case SIGNET_QUERY_DATE_NOTICE:  return _("Notice deadline");
    case SIGNET_QUERY_DATE_ENDED:   return _("Ended");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
emit_changed (SignetFilterPopover *self)
{
  if (!self->updating)
    g_signal_emit (self, signals[QUERY_CHANGED], 0, self->query);
}

static void
condition_changed_cb (SignetFilterPopover *self)
{
  SignetContractFilter filters = SIGNET_CONTRACT_FILTER_NONE;

  for (guint i = 0; i < N_CONDITIONS; i++)
    if (adw_switch_row_get_active (self->condition_rows[i]))
      filters |= conditions[i];

  signet_contract_query_set_filters (self->query, filters);
  emit_changed (self);
}

static guint
checked_bits (GtkCheckButton **checks,
              guint            n)
{
  guint bits = 0;

  for (guint i = 0; i < n; i++)
    if (gtk_check_button_get_active (checks[i]))
      bits |= 1u << i;

  return bits;
}

/* An expander says what it is set to while it is closed: "Active,
 * Expired", or nothing for any. */
static void
update_subtitle (AdwExpanderRow  *row,
                 GtkCheckButton **checks,
                 guint            n)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    if (gtk_check_button_get_active (checks[i]))
      g_string_append_printf (text, "%s%s", text->len > 0 ? _(", ") : "",
                              gtk_check_button_get_label (checks[i]));

  adw_expander_row_set_subtitle (row, text->str);
}

static void
status_toggled_cb (SignetFilterPopover *self)
{
  update_subtitle (self->status_row, self->status_checks, SIGNET_N_CONTRACT_STATUSES);
  signet_contract_query_set_statuses (self->query, checked_bits (self->status_checks, SIGNET_N_CONTRACT_STATUSES));
  emit_changed (self);
}

static void
risk_toggled_cb (SignetFilterPopover *self)
{
  update_subtitle (self->risk_row, self->risk_checks, SIGNET_N_RISK_LEVELS);
  signet_contract_query_set_risk_levels (self->query, checked_bits (self->risk_checks, SIGNET_N_RISK_LEVELS));
  emit_changed (self);
}

/* The choice of @row as a one-text set, NULL for "Any". */
static void
set_text_choice (AdwComboRow *row,
                 GStrv        choices,
                 const char **one)
{
  guint selected = adw_combo_row_get_selected (row);

  one[0] = (selected > 0 && choices != NULL && selected - 1 < g_strv_length (choices))
             ? choices[selected - 1] : NULL;
  one[1] = NULL;
}

static void
combo_changed_cb (SignetFilterPopover *self,
                  GParamSpec          *pspec,
                  AdwComboRow         *row)
{
  const char *one[2];
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating)
    return;

  if (row == self->type_row)
    {
      set_text_choice (row, self->type_names, one);
      signet_contract_query_set_types (self->query, one[0] != NULL ? one : NULL);
    }
  else if (row == self->department_row)
    {
      set_text_choice (row, self->departments, one);
      signet_contract_query_set_departments (self->query, one[0] != NULL ? one : NULL);
    }
  else
    {
      GArray *ids = row == self->owner_row ? self->owner_ids : self->client_ids;
      gboolean chosen = selected > 0 && selected - 1 < ids->len;
      gint64 *id = chosen ? &g_array_index (ids, gint64, selected - 1) : NULL;

      if (row == self->owner_row)
        signet_contract_query_set_owners (self->query, id, chosen ? 1 : 0);
      else
        signet_contract_query_set_clients (self->query, id, chosen ? 1 : 0);
    }

  emit_changed (self);
}

static void
expiring_changed_cb (SignetFilterPopover *self)
{
  int days = adw_expander_row_get_enable_expansion (self->expiring_row)
               ? (int) adw_spin_row_get_value (self->expiring_days_row) : -1;

  if (self->updating)
    return;

  signet_contract_query_set_expiring_within (self->query, days);
  emit_changed (self);
}

/* A date that does not read leaves its range as it was, and says so. */
static void
date_changed_cb (SignetFilterPopover *self,
                 SignetDateEntry     *entry)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean from_ok;
  gboolean to_ok;

  if (self->updating)
    return;

  for (guint field = 0; field < SIGNET_N_QUERY_DATES; field++)
    {
      if (entry != self->date_from[field] && entry != self->date_to[field])
        continue;

      from_ok = signet_date_entry_get_date (self->date_from[field], &from, NULL);
      to_ok = signet_date_entry_get_date (self->date_to[field], &to, NULL);
      if (from_ok)
        gtk_widget_remove_css_class (GTK_WIDGET (self->date_from[field]), "error");
      else
        gtk_widget_add_css_class (GTK_WIDGET (self->date_from[field]), "error");
      if (to_ok)
        gtk_widget_remove_css_class (GTK_WIDGET (self->date_to[field]), "error");
      else
        gtk_widget_add_css_class (GTK_WIDGET (self->date_to[field]), "error");
      if (!from_ok || !to_ok)
        return;

      signet_contract_query_set_date_range (self->query, field, from, to);
      emit_changed (self);
      return;
    }
}

static void
clear_clicked_cb (SignetFilterPopover *self)
{
  g_autoptr(SignetContractQuery) empty = signet_contract_query_new ();

  signet_filter_popover_set_query (self, empty);
  emit_changed (self);
}

static void
select_text (AdwComboRow        *row,
             GStrv               choices,
             const char * const *values)
{
  guint selected = 0;

  if (values != NULL && values[0] != NULL && values[1] == NULL && choices != NULL)
    for (guint i = 0; choices[i] != NULL; i++)
      if (g_str_equal (choices[i], values[0]))
        selected = i + 1;

  adw_combo_row_set_selected (row, selected);
}

static void
select_id (AdwComboRow  *row,
           GArray       *choices,
           const gint64 *ids,
           guint         n)
{
  guint selected = 0;

  if (n == 1)
    for (guint i = 0; i < choices->len; i++)
      if (g_array_index (choices, gint64, i) == ids[0])
        selected = i + 1;

  adw_combo_row_set_selected (row, selected);
}

/* The controls show self->query, telling nobody. */
static void
show_query (SignetFilterPopover *self)
{
  SignetContractFilter filters = signet_contract_query_get_filters (self->query);
  guint statuses = signet_contract_query_get_statuses (self->query);
  guint risks = signet_contract_query_get_risk_levels (self->query);
  int days = signet_contract_query_get_expiring_within (self->query);
  const gint64 *ids;
  guint n;

  self->updating = TRUE;

  for (guint i = 0; i < N_CONDITIONS; i++)
    adw_switch_row_set_active (self->condition_rows[i], (filters & conditions[i]) != 0);
  for (guint i = 0; i < SIGNET_N_CONTRACT_STATUSES; i++)
    gtk_check_button_set_active (self->status_checks[i], (statuses & (1u << i)) != 0);
  update_subtitle (self->status_row, self->status_checks, SIGNET_N_CONTRACT_STATUSES);
  for (guint i = 0; i < SIGNET_N_RISK_LEVELS; i++)
    gtk_check_button_set_active (self->risk_checks[i], (risks & (1u << i)) != 0);
  update_subtitle (self->risk_row, self->risk_checks, SIGNET_N_RISK_LEVELS);

  select_text (self->type_row, self->type_names, signet_contract_query_get_types (self->query));
  select_text (self->department_row, self->departments, signet_contract_query_get_departments (self->query));
  ids = signet_contract_query_get_owners (self->query, &n);
  select_id (self->owner_row, self->owner_ids, ids, n);
  ids = signet_contract_query_get_clients (self->query, &n);
  select_id (self->client_row, self->client_ids, ids, n);

  adw_expander_row_set_enable_expansion (self->expiring_row, days >= 0);
  if (days >= 0)
    adw_spin_row_set_value (self->expiring_days_row, days);

  for (guint field = 0; field < SIGNET_N_QUERY_DATES; field++)
    {
      const char *from;
      const char *to;

      signet_contract_query_get_date_range (self->query, field, &from, &to);
      signet_date_entry_set_date (self->date_from[field], from);
      signet_date_entry_set_date (self->date_to[field], to);
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_from[field]), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_to[field]), "error");
    }

  self->updating = FALSE;
}

static GtkStringList *
any_and (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  /* Translators: the first choice of a filter's drop-down: no filter. */
  gtk_string_list_append (list, C_("filter", "Any"));
  return list;
}

/* The drop-downs offer what the register holds now. */
static void
load_choices (SignetFilterPopover *self)
{
  g_autoptr(GtkStringList) types = any_and ();
  g_autoptr(GtkStringList) departments = any_and ();
  g_autoptr(GtkStringList) owners = any_and ();
  g_autoptr(GtkStringList) clients = any_and ();
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GListModel) client_list = NULL;

  g_clear_pointer (&self->type_names, g_strfreev);
  g_clear_pointer (&self->departments, g_strfreev);
  g_array_set_size (self->owner_ids, 0);
  g_array_set_size (self->client_ids, 0);

  if (self->store != NULL)
    {
      self->type_names = signet_store_list_type_names (self->store, NULL);
      self->departments = signet_store_list_departments (self->store, NULL);
      people = signet_store_list_people (self->store, NULL);
      client_list = signet_store_list_clients (self->store, NULL);
    }

  for (guint i = 0; self->type_names != NULL && self->type_names[i] != NULL; i++)
    gtk_string_list_append (types, self->type_names[i]);
  for (guint i = 0; self->departments != NULL && self->departments[i] != NULL; i++)
    gtk_string_list_append (departments, self->departments[i]);
  for (guint i = 0; people != NULL && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(SignetPerson) person = g_list_model_get_item (people, i);
      gint64 id = signet_person_get_id (person);

      gtk_string_list_append (owners, signet_person_get_name (person));
      g_array_append_val (self->owner_ids, id);
    }
  for (guint i = 0; client_list != NULL && i < g_list_model_get_n_items (client_list); i++)
    {
      g_autoptr(SignetClient) client = g_list_model_get_item (client_list, i);
      gint64 id = signet_client_get_id (client);

      gtk_string_list_append (clients, signet_client_get_name (client));
      g_array_append_val (self->client_ids, id);
    }

  self->updating = TRUE;
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));
  adw_combo_row_set_model (self->department_row, G_LIST_MODEL (departments));
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (owners));
  adw_combo_row_set_model (self->client_row, G_LIST_MODEL (clients));
  self->updating = FALSE;

  show_query (self);
}

static void
signet_filter_popover_show (GtkWidget *widget)
{
  load_choices (SIGNET_FILTER_POPOVER (widget));

  GTK_WIDGET_CLASS (signet_filter_popover_parent_class)->show (widget);
}

static GtkCheckButton *
add_check_row (SignetFilterPopover *self,
               AdwExpanderRow      *expander,
               const char          *label,
               GCallback            toggled)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new_with_label (label);

  /* The row's title is the check's label: the check alone is read. */
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_signal_connect_object (check, "toggled", toggled, self, G_CONNECT_SWAPPED);
  adw_expander_row_add_row (expander, row);

  return GTK_CHECK_BUTTON (check);
}

static void
build_rows (SignetFilterPopover *self)
{
  for (guint i = 0; i < N_CONDITIONS; i++)
    {
      GtkWidget *row = adw_switch_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), signet_contract_filter_to_label (conditions[i]));
      g_signal_connect_object (row, "notify::active", G_CALLBACK (condition_changed_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->conditions_group, row);
      self->condition_rows[i] = ADW_SWITCH_ROW (row);
    }

  for (guint i = 0; i < SIGNET_N_CONTRACT_STATUSES; i++)
    self->status_checks[i] = add_check_row (self, self->status_row,
                                            signet_contract_status_to_label ((SignetContractStatus) i),
                                            G_CALLBACK (status_toggled_cb));
  for (guint i = 0; i < SIGNET_N_RISK_LEVELS; i++)
    self->risk_checks[i] = add_check_row (self, self->risk_row,
                                          signet_risk_level_to_label ((SignetRiskLevel) i),
                                          G_CALLBACK (risk_toggled_cb));

  for (guint field = 0; field < SIGNET_N_QUERY_DATES; field++)
    {
      GtkWidget *expander = adw_expander_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), signet_query_date_to_label (field));
      /* Translators: the first day of a date range the list is filtered to. */
      self->date_from[field] = SIGNET_DATE_ENTRY (signet_date_entry_new (C_("date range", "From")));
      /* Translators: the last day of a date range the list is filtered to. */
      self->date_to[field] = SIGNET_DATE_ENTRY (signet_date_entry_new (C_("date range", "To")));
      g_signal_connect_object (self->date_from[field], "changed", G_CALLBACK (date_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->date_to[field], "changed", G_CALLBACK (date_changed_cb), self,
                               G_CONNECT_SWAPPED);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), GTK_WIDGET (self->date_from[field]));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), GTK_WIDGET (self->date_to[field]));
      adw_preferences_group_add (self->dates_group, expander);
    }

  g_signal_connect_object (self->type_row, "notify::selected", G_CALLBACK (combo_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->department_row, "notify::selected", G_CALLBACK (combo_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->owner_row, "notify::selected", G_CALLBACK (combo_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->client_row, "notify::selected", G_CALLBACK (combo_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->expiring_row, "notify::enable-expansion", G_CALLBACK (expiring_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->expiring_days_row, "notify::value", G_CALLBACK (expiring_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
signet_filter_popover_dispose (GObject *object)
{
  SignetFilterPopover *self = SIGNET_FILTER_POPOVER (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIGNET_TYPE_FILTER_POPOVER);

  G_OBJECT_CLASS (signet_filter_popover_parent_class)->dispose (object);
}

static void
signet_filter_popover_finalize (GObject *object)
{
  SignetFilterPopover *self = SIGNET_FILTER_POPOVER (object);

  g_clear_pointer (&self->query, signet_contract_query_free);
  g_clear_pointer (&self->type_names, g_strfreev);
  g_clear_pointer (&self->departments, g_strfreev);
  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_clear_pointer (&self->client_ids, g_array_unref);

  G_OBJECT_CLASS (signet_filter_popover_parent_class)->finalize (object);
}

static void
signet_filter_popover_class_init (SignetFilterPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_filter_popover_dispose;
  object_class->finalize = signet_filter_popover_finalize;
  widget_class->show = signet_filter_popover_show;

  /* The query the controls say, after a change the user made. */
  signals[QUERY_CHANGED] =
    g_signal_new ("query-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SIGNET_TYPE_CONTRACT_QUERY | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/signetapp/Signet/signet-filter-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetFilterPopover, conditions_group);
  gtk_widget_class_bind_template_child (widget_class, SignetFilterPopover, dates_group);
  gtk_widget_class_bind_template_child (widget_class, SignetFilterPopover, status_row);
  gtk_widget_class_bind_template_child (widget_class, SignetFilterPopover, risk_row);
  gtk_widget_class_bind_template_child (widget_class, SignetFilterPopover, type_row);
  gtk_widget_class_bind_template_child (widget_class, SignetFilterPopover, department_row);
  gtk_widget_class_bind_template_child (widget_class, SignetFilterPopover, owner_row);
  gtk_widget_class_bind_template_child (widget_class, SignetFilterPopover, client_row);
  gtk_widget_class_bind_template_child (widget_class, SignetFilterPopover, expiring_row);
  gtk_widget_class_bind_template_child (widget_class, SignetFilterPopover, expiring_days_row);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
}

static void
signet_filter_popover_init (SignetFilterPopover *self)
{
  g_type_ensure (SIGNET_TYPE_DATE_ENTRY);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->query = signet_contract_query_new ();
  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->client_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  build_rows (self);
  load_choices (self);
}

GtkWidget *
signet_filter_popover_new (void)
{
  return g_object_new (SIGNET_TYPE_FILTER_POPOVER, NULL);
}

void
signet_filter_popover_set_store (SignetFilterPopover *self,
                                 SignetStore         *store)
{
  g_return_if_fail (SIGNET_IS_FILTER_POPOVER (self));

  g_set_object (&self->store, store);
  /* Made when shown: the types and departments in use are read from
   * every contract, a third of a second at a million on a server, which
   * a window's first frame need not wait for. */
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    load_choices (self);
}

void
signet_filter_popover_set_query (SignetFilterPopover       *self,
                                 const SignetContractQuery *query)
{
  g_return_if_fail (SIGNET_IS_FILTER_POPOVER (self));
  g_return_if_fail (query != NULL);

  signet_contract_query_free (self->query);
  self->query = signet_contract_query_copy (query);
  show_query (self);
}

SignetContractQuery *
signet_filter_popover_dup_query (SignetFilterPopover *self)
{
  g_return_val_if_fail (SIGNET_IS_FILTER_POPOVER (self), NULL);

  return signet_contract_query_copy (self->query);
}
