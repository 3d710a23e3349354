/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-date-fields"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "display-test-utils.h"
#include "signet-contract-page.h"
#include "signet-date.h"
#include "signet-enums.h"
#include "signet-window.h"

/* Dates as a user in de_DE, en_US or zh_CN meets them: the list's date
 * column and the contract's date fields show the locale's short date; a
 * field takes the locale's form, ISO and the common Chinese forms, and
 * saves the day typed; a form the locale does not use is refused at its
 * field with what was read and how to type it, and nothing is stored.
 * Each locale runs in a process of its own. Screenshots of the form go
 * next to the test binary (date-fields-de_DE.png, ...). */

typedef struct
{
  const char *locale;
  const char *end_shown;      /* 2027-03-31 */
  const char *typed;          /* 2027-04-30 in the locale's form, without leading zeros */
  const char *typed_shown;    /* the same as the field shows it after Save */
  const char *refused;        /* a form the locale does not use */
  const char *hint;
} LocaleCase;

static const LocaleCase locale_cases[] = {
  { "de_DE.UTF-8", "31.03.2027", "30.4.2027", "30.04.2027", "05/01/2027", "DD.MM.YYYY" },
  { "en_US.UTF-8", "03/31/2027", "4/30/2027", "04/30/2027", "05.01.2027", "MM/DD/YYYY" },
  { "zh_CN.UTF-8", "2027年03月31日", "2027年4月30日", "2027年04月30日", "05/01/2027", "YYYY年MM月DD日" },
};

static const char *
stored_end_date (SignetStore *store,
                 gint64       id,
                 char       **owned)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetContract) stored = signet_store_get_contract (store, id, &error);

  g_assert_no_error (error);
  *owned = g_strdup (signet_contract_get_end_date (stored));

  return *owned;
}

/* Types @text into the end date and saves; the error of the save. */
static GError *
type_and_save (SignetContractPage *page,
               GtkWidget          *end_entry,
               const char         *text)
{
  GError *error = NULL;

  gtk_editable_set_text (GTK_EDITABLE (end_entry), text);
  display_test_spin (20);
  if (signet_contract_page_save (page, &error))
    g_assert_no_error (error);
  display_test_spin (20);

  return error;
}

static void
test_locale (gconstpointer data)
{
  const LocaleCase *c = data;
  const char *end_label = NULL;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetContract) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autofree char *end = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *read = NULL;
  SignetWindow *window;
  GtkWindow *page_window;
  SignetContractPage *page;
  GtkWidget *end_entry;
  GtkAdjustment *adjustment;
  gint64 id;

  if (!g_test_subprocess ())
    {
      display_test_run_in_locale (c->locale);
      return;
    }

  if (!display_test_child_in_locale (c->locale, LC_TIME))
    return;

  display_test_reset_settings ();
  store = display_test_new_store ();
  client = display_test_add_client (store, "华信科技", "K100");
  contract = display_test_add_draft_contract (store, client, "DF-1", "Lease of the depot", 1000000);
  signet_contract_set_start_date (contract, "2026-01-05");
  signet_contract_set_end_date (contract, "2027-03-31");
  g_assert_true (signet_store_update_contract (store, contract, &error));
  g_assert_no_error (error);
  id = signet_contract_get_id (contract);

  /* The list's date column. */
  window = signet_window_new (NULL, store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  display_test_show (GTK_WINDOW (window));
  display_test_spin (200);
  g_assert_true (display_test_shows_label (GTK_WIDGET (window), c->end_shown));

  /* The contract's fields, in the same form. */
  stored = signet_store_get_contract (store, id, &error);
  g_assert_no_error (error);
  page = SIGNET_CONTRACT_PAGE (signet_contract_page_new ());
  page_window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (page_window, 700, 860);
  gtk_window_set_child (page_window, GTK_WIDGET (page));
  signet_contract_page_set_store (page, store);
  signet_contract_page_set_contract (page, stored);
  display_test_show (page_window);

  end_label = signet_field_to_label (SIGNET_FIELD_CONTRACT_END_DATE);
  end_entry = display_test_find_accessible (GTK_WIDGET (page), end_label);
  g_assert_nonnull (end_entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (end_entry)), ==, c->end_shown);
  g_assert_false (signet_contract_page_get_dirty (page));

  /* The locale's form without leading zeros, ISO, and the Chinese forms,
   * each stored as the day typed and shown back in the locale's form. */
  g_assert_null (type_and_save (page, end_entry, c->typed));
  g_assert_cmpstr (stored_end_date (store, id, &end), ==, "2027-04-30");
  g_clear_pointer (&end, g_free);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (end_entry)), ==, c->typed_shown);
  g_assert_false (signet_contract_page_get_dirty (page));

  g_assert_null (type_and_save (page, end_entry, "2027-05-31"));
  g_assert_cmpstr (stored_end_date (store, id, &end), ==, "2027-05-31");
  g_clear_pointer (&end, g_free);

  g_assert_null (type_and_save (page, end_entry, "2027/6/30"));
  g_assert_cmpstr (stored_end_date (store, id, &end), ==, "2027-06-30");
  g_clear_pointer (&end, g_free);

  g_assert_null (type_and_save (page, end_entry, "２０２７年７月３１日"));
  g_assert_cmpstr (stored_end_date (store, id, &end), ==, "2027-07-31");
  g_clear_pointer (&end, g_free);

  /* A form the locale does not write dates in: refused at the field, in
   * the words of the field's reader, and nothing stored. */
  read = signet_date_read_input (c->refused, &read_error);
  g_assert_null (read);
  g_assert_error (read_error, SIGNET_DATE_INPUT_ERROR, SIGNET_DATE_INPUT_ERROR_AMBIGUOUS);
  error = type_and_save (page, end_entry, c->refused);
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_CONTRACT_END_DATE);
  g_assert_nonnull (strstr (error->message, read_error->message));
  g_assert_true (display_test_shows_label (GTK_WIDGET (page), error->message));
  g_assert_true (gtk_widget_has_css_class (end_entry, "error"));
  g_assert_true (signet_contract_page_get_dirty (page));
  g_assert_cmpstr (stored_end_date (store, id, &end), ==, "2027-07-31");
  g_clear_pointer (&end, g_free);
  /* The field and its message in view. */
  gtk_widget_grab_focus (end_entry);
  display_test_spin (100);
  adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (end_entry, GTK_TYPE_SCROLLED_WINDOW)));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + 300);
  display_test_spin (100);
  shot = g_strdup_printf ("date-fields-%.5s", c->locale);
  g_free (display_test_save_screenshot (GTK_WIDGET (page_window), shot));
  g_clear_error (&error);

  /* An empty field shows how dates are typed here. */
  gtk_editable_set_text (GTK_EDITABLE (end_entry), "");
  display_test_spin (20);
  g_assert_true (display_test_shows_label (end_entry, c->hint));

  display_test_destroy_windows ();
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);
  display_test_bind_build_catalog ();

  for (guint i = 0; i < G_N_ELEMENTS (locale_cases); i++)
    {
      const char *name = locale_cases[i].locale;
      g_autofree char *path = g_strdup_printf ("/date-fields/%.*s", (int) strcspn (name, "."), name);

      g_test_add_data_func (path, &locale_cases[i], test_locale);
    }

  return g_test_run ();
}
