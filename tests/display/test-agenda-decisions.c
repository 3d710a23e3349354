/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-agenda-decisions"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "display-test-utils.h"
#include "signet-agenda-view.h"
#include "signet-date.h"
#include "signet-event-row.h"
#include "signet-notice-choices.h"
#include "signet-store-events.h"
#include "signet-store-notice.h"

/* The agenda's choices at a notice deadline, as a user meets them: a
 * contract that renews itself by 31.12.2026 reaches its notice deadline on
 * 01.12.2026, and its row offers Renew…, Let Expire and Terminate…; Let
 * Expire asks for a comment, records the decision, and the row then says
 * what was decided instead of offering the buttons; Undo in the toast
 * takes it back. A contract that does not renew itself has no deadline
 * and no choices. In a window 1200 and 360 pixels wide, in English,
 * Chinese and German; drawn into agenda-decisions-LANG-WIDTH-STATE.png
 * beside the test. */

#define TODAY "2026-11-20"
#define DEADLINE "2026-12-01"

typedef struct
{
  SignetStore      *store;
  gint64            renewing_id;
  GtkWidget        *window;
  SignetAgendaView *agenda;
  int               width;
  gint64            renew_asked;
} Fixture;

static gint64
add_signed (Fixture      *f,
            SignetClient *client,
            const char   *number,
            const char   *title,
            const char   *end,
            gboolean      auto_renew)
{
  g_autoptr(SignetContract) contract = signet_contract_new ();
  g_autoptr(GError) error = NULL;

  signet_contract_set_number (contract, number);
  signet_contract_set_title (contract, title);
  signet_contract_set_client_id (contract, signet_client_get_id (client));
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_SIGNED);
  signet_contract_set_start_date (contract, "2026-01-01");
  signet_contract_set_end_date (contract, end);
  signet_contract_set_auto_renew (contract, auto_renew);
  signet_contract_set_notice_days (contract, 30);
  g_assert_true (signet_store_add_contract (f->store, contract, &error));
  g_assert_no_error (error);

  return signet_contract_get_id (contract);
}

static void
renew_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    Fixture       *f)
{
  f->renew_asked = g_variant_get_int64 (parameter);
}

static gboolean
agenda_loaded (gpointer data)
{
  return g_list_model_get_n_items (signet_agenda_view_get_model (data)) > 0;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) renew = g_simple_action_new ("renew-contract", G_VARIANT_TYPE_INT64);
  GtkWidget *overlay = adw_toast_overlay_new ();

  f->width = GPOINTER_TO_INT (data);
  f->store = display_test_new_store ();
  signet_store_set_today (f->store, TODAY);
  client = display_test_add_client (f->store, "北京华信科技有限公司", "HX");
  f->renewing_id = add_signed (f, client, "HT-2026-0001", "办公室租赁", "2026-12-31", TRUE);
  add_signed (f, client, "HT-2026-0002", "设备维护", "2026-12-10", FALSE);

  /* The window's action the renewal dialog answers to (Renew… of the
   * process section too): here only noted. */
  g_signal_connect (renew, "activate", G_CALLBACK (renew_activated_cb), f);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (renew));

  f->agenda = SIGNET_AGENDA_VIEW (signet_agenda_view_new ());
  signet_agenda_view_set_today (f->agenda, TODAY);
  signet_agenda_view_set_store (f->agenda, f->store);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->agenda));

  f->window = adw_window_new ();
  adw_window_set_content (ADW_WINDOW (f->window), overlay);
  gtk_widget_insert_action_group (f->window, "win", G_ACTION_GROUP (group));
  gtk_window_set_default_size (GTK_WINDOW (f->window), f->width, 640);
  display_test_show (GTK_WINDOW (f->window));
  g_assert_true (display_test_wait_for (agenda_loaded, f->agenda));
  display_test_spin (200);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  display_test_destroy_windows ();
  g_clear_object (&f->store);
}

/* Whether a label under @widget begins with @prefix. */
static gboolean
shows_label_starting (GtkWidget  *widget,
                      const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return TRUE;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (shows_label_starting (c, prefix))
      return TRUE;

  return FALSE;
}

/* Whether a visible label under @widget has @text in it. */
static gboolean
shows_label_containing (GtkWidget  *widget,
                        const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;

  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (shows_label_containing (c, text))
      return TRUE;

  return FALSE;
}

/* The choices shown under a row of @number's (only a notice deadline's
 * are), or NULL. */
static SignetNoticeChoices *
find_choices_under (GtkWidget  *widget,
                    const char *number)
{
  if (SIGNET_IS_EVENT_ROW (widget))
    {
      GtkWidget *footer = signet_event_row_get_footer (SIGNET_EVENT_ROW (widget));

      if (gtk_widget_get_mapped (widget) && gtk_widget_get_visible (footer) &&
          shows_label_starting (widget, number))
        return SIGNET_NOTICE_CHOICES (footer);
      return NULL;
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      SignetNoticeChoices *found = find_choices_under (c, number);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static SignetNoticeChoices *
find_choices (Fixture    *f,
              const char *number)
{
  return find_choices_under (GTK_WIDGET (f->agenda), number);
}

/* A button shows its whole label: the label has at least the width it
 * asks for, and the button lies inside the window. */
static void
assert_not_truncated (Fixture   *f,
                      GtkWidget *button)
{
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));
  graphene_rect_t bounds;
  int natural = 0;

  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (GTK_IS_LABEL (label));
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_width (label), >=, natural);
  g_assert_true (gtk_widget_compute_bounds (button, f->window, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (f->window));
}

static gboolean
decision_shown (gpointer data)
{
  Fixture *f = data;
  SignetNoticeChoices *choices = find_choices (f, "HT-2026-0001");
  g_autofree char *said = g_strdup_printf (_("Decided: %1$s · %2$s · %3$s"),
                                           g_dpgettext2 (GETTEXT_PACKAGE, "notice decision", "Let expire"),
                                           g_get_user_name (), "");

  return choices != NULL && shows_label_containing (GTK_WIDGET (choices), said);
}

static gboolean
buttons_back (gpointer data)
{
  Fixture *f = data;
  SignetNoticeChoices *choices = find_choices (f, "HT-2026-0001");

  return choices != NULL &&
         display_test_find_button (GTK_WIDGET (choices), C_("notice decision", "Let Expire")) != NULL &&
         gtk_widget_get_mapped (display_test_find_button (GTK_WIDGET (choices), C_("notice decision", "Let Expire")));
}

/* The toast's button as it reads, without its access key. */
static const char *
undo_label (void)
{
  static char label[64];
  g_autoptr(GString) text = g_string_new (_("_Undo"));

  g_string_replace (text, "_", "", 0);
  g_strlcpy (label, text->str, sizeof label);

  return label;
}

static gboolean
undo_shown (gpointer data)
{
  Fixture *f = data;

  return display_test_find_button (f->window, undo_label ()) != NULL;
}

static void
look_at (Fixture    *f,
         const char *state)
{
  const char *messages = setlocale (LC_MESSAGES, NULL);
  const char *lang = g_str_has_prefix (messages, "zh_CN") ? "zh_CN" : g_str_has_prefix (messages, "de_DE") ? "de_DE" : "C";
  g_autofree char *name = g_strdup_printf ("agenda-decisions-%s-%d-%s", lang, f->width, state);
  g_autofree char *path = display_test_save_screenshot (f->window, name);
}

static void
test_choices (Fixture       *f,
              gconstpointer  data)
{
  const char *labels[] = {
    C_("notice decision", "Renew…"), C_("notice decision", "Let Expire"), C_("notice decision", "Terminate…"),
  };
  SignetNoticeChoices *choices = find_choices (f, "HT-2026-0001");
  g_autoptr(SignetNoticeDecision) decision = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *end_shown = signet_date_format_display ("2026-12-31");
  g_autofree char *deadline_shown = signet_date_format_display (DEADLINE);
  g_autofree char *description = g_strdup_printf (_("%s, notice deadline %s"), "HT-2026-0001", deadline_shown);
  GtkWidget *effective;
  GtkWidget *comment;
  GtkWidget *undo;

  /* The three choices, whole at every width; none for the contract that
   * does not renew itself (it has no notice deadline). */
  g_assert_nonnull (choices);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (choices)));
  g_assert_null (find_choices (f, "HT-2026-0002"));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      GtkWidget *button = display_test_find_button (GTK_WIDGET (choices), labels[i]);
      g_autofree char *mismatch = NULL;

      g_assert_nonnull (button);
      assert_not_truncated (f, button);
      /* A screen reader says which contract and deadline it is for. */
      mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                     description);
      g_assert_null (mismatch);
    }
  look_at (f, "choices");

  /* Renew… asks the window for the renewal of this contract. */
  g_signal_emit_by_name (display_test_find_button (GTK_WIDGET (choices), labels[0]), "clicked");
  g_assert_cmpint (f->renew_asked, ==, f->renewing_id);

  /* Terminate… opens the termination dialog at the term's end, the day
   * notice given now takes effect; cancelled, nothing changes. */
  g_signal_emit_by_name (display_test_find_button (GTK_WIDGET (choices), labels[2]), "clicked");
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  effective = display_test_find_accessible (f->window, _("Effective From"));
  g_assert_nonnull (effective);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (effective)), ==, end_shown);
  display_test_respond ("cancel");

  /* Let Expire asks for a comment, and records the decision with it. */
  g_signal_emit_by_name (display_test_find_button (GTK_WIDGET (choices), labels[1]), "clicked");
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  comment = display_test_find_accessible (f->window, C_("notice decision", "Comment"));
  g_assert_nonnull (comment);
  gtk_editable_set_text (GTK_EDITABLE (comment), "业主收回房屋");
  /* Drawn once it has come in. */
  display_test_spin (500);
  look_at (f, "let-expire-dialog");
  display_test_respond ("let-expire");

  decision = signet_store_get_notice_decision (f->store, f->renewing_id, DEADLINE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (decision);
  g_assert_cmpint (decision->choice, ==, SIGNET_NOTICE_CHOICE_LET_EXPIRE);
  g_assert_cmpstr (decision->comment, ==, "业主收回房屋");
  g_assert_cmpstr (decision->term_end, ==, "2026-12-31");

  /* The row says what was decided, with the comment, instead of the
   * buttons. */
  g_assert_true (display_test_wait_for (decision_shown, f));
  choices = find_choices (f, "HT-2026-0001");
  g_assert_false (gtk_widget_get_visible (display_test_find_button (GTK_WIDGET (choices), labels[1])) &&
                  gtk_widget_get_mapped (display_test_find_button (GTK_WIDGET (choices), labels[1])));
  g_assert_true (shows_label_containing (GTK_WIDGET (choices), "\n业主收回房屋"));
  /* Drawn once the dialog has gone and the toast has come in. */
  display_test_spin (600);
  look_at (f, "decided");

  /* Undo in the toast: the decision goes and the choices come back. */
  g_assert_true (display_test_wait_for (undo_shown, f));
  undo = display_test_find_button (f->window, undo_label ());
  g_signal_emit_by_name (undo, "clicked");
  g_assert_true (display_test_wait_for (buttons_back, f));
  g_clear_pointer (&decision, signet_notice_decision_free);
  decision = signet_store_get_notice_decision (f->store, f->renewing_id, DEADLINE, &error);
  g_assert_no_error (error);
  g_assert_null (decision);
}

/* In Chinese, and in German, whose labels are the longest. */
static void
test_in_locale (gconstpointer data)
{
  static const int widths[] = { 1200, 360 };
  const char *locale = data;

  if (!g_test_subprocess ())
    {
      display_test_run_in_locale (locale);
      return;
    }

  if (g_str_has_prefix (locale, "zh_CN") ? !display_test_child_speaks_chinese ()
                                         : !display_test_child_in_locale (locale, LC_MESSAGES))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      Fixture f = { 0, };

      fixture_set_up (&f, GINT_TO_POINTER (widths[i]));
      test_choices (&f, NULL);
      fixture_tear_down (&f, NULL);
    }
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);
  display_test_bind_build_catalog ();

  g_test_add ("/agenda-decisions/1200/choices", Fixture, GINT_TO_POINTER (1200),
              fixture_set_up, test_choices, fixture_tear_down);
  g_test_add ("/agenda-decisions/360/choices", Fixture, GINT_TO_POINTER (360),
              fixture_set_up, test_choices, fixture_tear_down);
  g_test_add_data_func ("/agenda-decisions/zh_CN/choices", "zh_CN.UTF-8", test_in_locale);
  g_test_add_data_func ("/agenda-decisions/de_DE/choices", "de_DE.UTF-8", test_in_locale);

  return g_test_run ();
}
