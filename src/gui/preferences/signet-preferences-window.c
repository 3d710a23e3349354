/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-application.h"
#include "signet-approval-routes-page.h"
#include "signet-contract-types-page.h"
#include "signet-money.h"
#include "signet-preferences-window.h"
#include "signet-reminders.h"

struct _SignetPreferencesWindow
{
  AdwPreferencesDialog  parent_instance;

  AdwEntryRow          *pattern_row;
  AdwActionRow         *example_row;
  GtkLabel             *example_label;
  AdwComboRow          *currency_row;
  AdwEntryRow          *end_leads_row;
  AdwEntryRow          *notice_leads_row;
  AdwEntryRow          *review_leads_row;
  AdwActionRow         *leads_error_row;
  AdwSwitchRow         *background_row;
  AdwSpinRow           *high_row;
  AdwSpinRow           *medium_row;
  AdwSpinRow           *low_row;

  GSettings            *settings;
  SignetStore          *store;
  GtkStringList        *currencies;
  /* Set while the rows are being filled in from the settings. */
  gboolean              loading;
};

G_DEFINE_FINAL_TYPE (SignetPreferencesWindow, signet_preferences_window, ADW_TYPE_PREFERENCES_DIALOG)

/* Checks the pattern as it is typed; only a valid one is kept. */
static void
pattern_changed_cb (SignetPreferencesWindow *self,
                    GtkEditable             *editable)
{
  const char *pattern = gtk_editable_get_text (editable);
  g_autoptr(GError) error = NULL;
  g_autofree char *example = NULL;

  if (!signet_contract_number_pattern_is_valid (pattern, &error) ||
      (self->store != NULL &&
       (example = signet_store_next_contract_number (self->store, pattern, &error)) == NULL))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->pattern_row), "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->example_row), _("Invalid Pattern"));
      gtk_label_set_text (self->example_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->example_label), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->pattern_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->example_label), "error");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->example_row), _("Next Number"));
  gtk_label_set_text (self->example_label, example ? example : "");

  if (!self->loading)
    g_settings_set_string (self->settings, "number-pattern", pattern);
}

static void
currency_selected_cb (SignetPreferencesWindow *self,
                      GParamSpec              *pspec,
                      AdwComboRow             *row)
{
  guint position = adw_combo_row_get_selected (row);

  if (self->loading || position == GTK_INVALID_LIST_POSITION)
    return;

  /* The first choice follows the language, the empty setting. */
  g_settings_set_string (self->settings, "default-currency",
                         position == 0 ? "" : gtk_string_list_get_string (self->currencies, position));
}

static const struct
{
  const char *key;
  gsize       offset;
} leads_rows[] = {
  { "reminder-end-leads", G_STRUCT_OFFSET (SignetPreferencesWindow, end_leads_row) },
  { "reminder-notice-leads", G_STRUCT_OFFSET (SignetPreferencesWindow, notice_leads_row) },
  { "reminder-review-leads", G_STRUCT_OFFSET (SignetPreferencesWindow, review_leads_row) },
};

#define LEADS_ROW(self, i) (*(AdwEntryRow **) G_STRUCT_MEMBER_P ((self), leads_rows[i].offset))

/* Lead times are kept when applied and valid; a wrong one says why under
 * the rows and keeps the last good value. */
static void
leads_applied_cb (SignetPreferencesWindow *self,
                  AdwEntryRow             *row)
{
  for (guint i = 0; i < G_N_ELEMENTS (leads_rows); i++)
    {
      const char *text;
      g_autofree char *trimmed = NULL;
      g_autofree char *canonical = NULL;
      g_autoptr(GArray) leads = NULL;
      g_autoptr(GError) error = NULL;

      if (LEADS_ROW (self, i) != row)
        continue;

      text = gtk_editable_get_text (GTK_EDITABLE (row));
      trimmed = g_strstrip (g_strdup (text));
      if (*trimmed != '\0' && (leads = signet_reminder_leads_parse (trimmed, &error)) == NULL)
        {
          gtk_widget_add_css_class (GTK_WIDGET (row), "error");
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->leads_error_row), error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->leads_error_row), TRUE);
          return;
        }

      canonical = leads != NULL ? signet_reminder_leads_to_string (leads) : g_strdup ("");
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_widget_set_visible (GTK_WIDGET (self->leads_error_row), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (row), canonical);
      g_settings_set_string (self->settings, leads_rows[i].key, canonical);
    }
}

static void
background_toggled_cb (SignetPreferencesWindow *self,
                       GParamSpec              *pspec,
                       AdwSwitchRow            *row)
{
  if (!self->loading)
    g_settings_set_boolean (self->settings, "run-in-background", adw_switch_row_get_active (row));
}

static void
load_settings (SignetPreferencesWindow *self)
{
  g_autofree char *pattern = g_settings_get_string (self->settings, "number-pattern");
  g_autofree char *currency = g_settings_get_string (self->settings, "default-currency");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->currencies));

  self->loading = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->pattern_row), pattern);
  pattern_changed_cb (self, GTK_EDITABLE (self->pattern_row));

  adw_combo_row_set_selected (self->currency_row, 0);
  for (guint i = 1; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->currencies, i), currency) == 0)
      adw_combo_row_set_selected (self->currency_row, i);

  for (guint i = 0; i < G_N_ELEMENTS (leads_rows); i++)
    {
      g_autofree char *leads = g_settings_get_string (self->settings, leads_rows[i].key);

      gtk_editable_set_text (GTK_EDITABLE (LEADS_ROW (self, i)), leads);
    }
  adw_switch_row_set_active (self->background_row, g_settings_get_boolean (self->settings, "run-in-background"));

  self->loading = FALSE;
}

static void
signet_preferences_window_dispose (GObject *object)
{
  SignetPreferencesWindow *self = (SignetPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGNET_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->currencies);

  G_OBJECT_CLASS (signet_preferences_window_parent_class)->dispose (object);
}

static void
signet_preferences_window_class_init (SignetPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetPreferencesWindow, pattern_row);
  gtk_widget_class_bind_template_child (widget_class, SignetPreferencesWindow, example_row);
  gtk_widget_class_bind_template_child (widget_class, SignetPreferencesWindow, example_label);
  gtk_widget_class_bind_template_child (widget_class, SignetPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, SignetPreferencesWindow, end_leads_row);
  gtk_widget_class_bind_template_child (widget_class, SignetPreferencesWindow, notice_leads_row);
  gtk_widget_class_bind_template_child (widget_class, SignetPreferencesWindow, review_leads_row);
  gtk_widget_class_bind_template_child (widget_class, SignetPreferencesWindow, leads_error_row);
  gtk_widget_class_bind_template_child (widget_class, SignetPreferencesWindow, background_row);
  gtk_widget_class_bind_template_child (widget_class, SignetPreferencesWindow, high_row);
  gtk_widget_class_bind_template_child (widget_class, SignetPreferencesWindow, medium_row);
  gtk_widget_class_bind_template_child (widget_class, SignetPreferencesWindow, low_row);
  gtk_widget_class_bind_template_callback (widget_class, leads_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, background_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, pattern_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, currency_selected_cb);
}

static void
signet_preferences_window_init (SignetPreferencesWindow *self)
{
  g_autofree char *follow = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Until load_settings(): setting the model selects its first currency,
   * which is not the user's choice. */
  self->loading = TRUE;

  self->settings = g_settings_new (SIGNET_SETTINGS_SCHEMA);
  /* Translators: the first choice of default currency: the currency of
   * the user's language and region, whichever it is, as in "EUR
   * (Automatic)". The code comes first, for a narrow dialog cuts the end. */
  follow = g_strdup_printf (_("%s (Automatic)"), signet_currency_for_locale ());
  self->currencies = gtk_string_list_new (NULL);
  gtk_string_list_append (self->currencies, follow);
  gtk_string_list_splice (self->currencies, 1, 0, signet_currency_list ());
  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (self->currencies));
  adw_combo_row_set_expression (self->currency_row,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));

  /* The spin rows write their settings as they change. */
  g_settings_bind (self->settings, "review-months-high", self->high_row, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "review-months-medium", self->medium_row, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "review-months-low", self->low_row, "value", G_SETTINGS_BIND_DEFAULT);
}

AdwDialog *
signet_preferences_window_new (SignetStore *store)
{
  SignetPreferencesWindow *self;

  g_return_val_if_fail (store == NULL || SIGNET_IS_STORE (store), NULL);

  self = g_object_new (SIGNET_TYPE_PREFERENCES_WINDOW, NULL);
  g_set_object (&self->store, store);
  load_settings (self);

  /* Types and routes belong to the register: without one there are none
   * to edit. */
  if (store != NULL)
    {
      adw_preferences_dialog_add (ADW_PREFERENCES_DIALOG (self),
                                  ADW_PREFERENCES_PAGE (signet_contract_types_page_new (store)));
      adw_preferences_dialog_add (ADW_PREFERENCES_DIALOG (self),
                                  ADW_PREFERENCES_PAGE (signet_approval_routes_page_new (store)));
    }

  return ADW_DIALOG (self);
}
