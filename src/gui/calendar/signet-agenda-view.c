/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-agenda-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "signet-agenda-view.h"
#include "signet-contract-process.h"
#include "signet-date.h"
#include "signet-error-dialog.h"
#include "signet-event-row.h"
#include "signet-let-expire-dialog.h"
#include "signet-notice-choices.h"
#include "signet-store-events.h"
#include "signet-store-notice.h"
#include "signet-store-team.h"
#include "signet-termination-dialog.h"
#include "signet-utils.h"

struct _SignetAgendaView
{
  GtkWidget      parent_instance;

  GtkDropDown   *days_dropdown;
  GtkStack      *stack;
  GtkScrolledWindow *scroller;
  GtkListView   *list_view;
  AdwStatusPage *empty_page;

  SignetStore   *store;
  GListStore    *events;
  /* Set by tests; NULL follows the clock. */
  char          *fixed_today;
  /* The today the list was loaded for: what counts as overdue. */
  char          *today;
  char          *tomorrow;
  gboolean       stale;
  guint          reload_idle;
  /* Where the next page of the agenda starts; a page is read while the
   * end of the list is less than a few screens away. A register of
   * 100,000 contracts has some 400,000 events in 90 days, which nobody
   * scrolls through and which took seconds to read at once. */
  SignetAgendaCursor cursor;
  guint          more_idle;
  guint          loaded_days;

  /* The notice deadline a Let Expire or Terminate dialog decides at. */
  gint64         deciding_id;
  char          *deciding_deadline;
};

G_DEFINE_FINAL_TYPE (SignetAgendaView, signet_agenda_view, GTK_TYPE_WIDGET)

enum {
  EVENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const guint day_choices[] = { 30, 60, 90 };

/* Reads the next page when the end of the list is closer than this many
 * screens, so that scrolling does not reach it. */
#define SCREENS_AHEAD 3

/* Reads the next @n events after the cursor into the list, or with
 * @replace, in place of what it held. */
static void
load_events (SignetAgendaView *self,
             guint             n,
             gboolean          replace)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->events));

  if (self->store != NULL && !signet_agenda_cursor_is_done (&self->cursor))
    {
      events = signet_store_list_agenda_page (self->store, self->today, signet_agenda_view_get_days (self),
                                              &self->cursor, n, &error);
      if (events == NULL)
        {
          g_warning ("Cannot list the upcoming dates: %s", error->message);
          /* Not asked again until the next reload. */
          self->cursor.part = G_MAXUINT;
        }
    }

  g_list_store_splice (self->events, replace ? 0 : n_items, replace ? n_items : 0,
                       events != NULL ? events->pdata : NULL, events != NULL ? events->len : 0);
}

static gboolean
more_idle_cb (gpointer user_data)
{
  SignetAgendaView *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double page = gtk_adjustment_get_page_size (adjustment);

  self->more_idle = 0;
  if (gtk_adjustment_get_value (adjustment) + (SCREENS_AHEAD + 1) * page >= gtk_adjustment_get_upper (adjustment))
    load_events (self, SIGNET_AGENDA_PAGE_EVENTS, FALSE);

  return G_SOURCE_REMOVE;
}

/* Scrolled, or the list grew or shrank: read on if the end comes near.
 * In an idle, as the adjustment changes while the list is laid out. */
static void
scrolled_cb (SignetAgendaView *self,
             GtkAdjustment    *adjustment)
{
  if (self->more_idle == 0 && !signet_agenda_cursor_is_done (&self->cursor))
    self->more_idle = g_idle_add (more_idle_cb, self);
}

static void
reload (SignetAgendaView *self)
{
  g_autofree char *description = NULL;
  g_autofree char *previous = g_steal_pointer (&self->today);
  guint days = signet_agenda_view_get_days (self);
  guint n = SIGNET_AGENDA_PAGE_EVENTS;
  GDate tomorrow;

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  g_clear_handle_id (&self->more_idle, g_source_remove);
  self->stale = FALSE;

  if (self->fixed_today != NULL)
    self->today = g_strdup (self->fixed_today);
  else if (self->store != NULL)
    self->today = signet_store_dup_today (self->store);
  else
    self->today = signet_date_today_iso ();
  signet_date_parse (self->today, &tomorrow);
  g_date_add_days (&tomorrow, 1);
  g_free (self->tomorrow);
  self->tomorrow = signet_date_to_iso (&tomorrow);

  /* After a change, as far as the user had read and a page more (for
   * what the change added), in place, so that the list stays where it
   * was scrolled to; another period or day reads from the top. */
  if (g_strcmp0 (previous, self->today) == 0 && days == self->loaded_days)
    n += g_list_model_get_n_items (G_LIST_MODEL (self->events));
  else
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  self->loaded_days = days;
  signet_agenda_cursor_clear (&self->cursor);
  load_events (self, n, TRUE);

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "No contract has a date in the next %u day, and nothing is overdue.",
                                              "No contract has a date in the next %u days, and nothing is overdue.",
                                              days),
                                 days);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->events)) > 0 ? "list" : "empty");
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  SignetAgendaView *self = user_data;

  self->reload_idle = 0;
  reload (self);

  return G_SOURCE_REMOVE;
}

/* Loads now when shown, else the next time it is shown; a burst of
 * changes reloads once. */
static void
queue_reload (SignetAgendaView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  if (self->reload_idle == 0)
    self->reload_idle = g_idle_add (reload_idle_cb, self);
}

static char *
describe_date (SignetAgendaView *self,
               const char       *date)
{
  g_autofree char *display = signet_date_format_display (date);

  if (g_strcmp0 (date, self->today) == 0)
    return g_strdup (_("Today"));
  if (g_strcmp0 (date, self->tomorrow) == 0)
    return g_strdup (_("Tomorrow"));

  return g_steal_pointer (&display);
}

static void
store_changed_cb (SignetAgendaView *self,
                  int               kind,
                  gint64            id,
                  int               change,
                  SignetStore      *store)
{
  queue_reload (self);
}

static void
store_reset_cb (SignetAgendaView *self,
                SignetStore      *store)
{
  queue_reload (self);
}

static void
days_selected_cb (SignetAgendaView *self,
                  GParamSpec       *pspec,
                  GtkDropDown      *dropdown)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
  else
    self->stale = TRUE;
}

static void
row_activated_cb (SignetAgendaView *self,
                  guint             position,
                  GtkListView      *list_view)
{
  g_autoptr(SignetEvent) event = g_list_model_get_item (G_LIST_MODEL (self->events), position);

  if (event != NULL)
    g_signal_emit (self, signals[EVENT_ACTIVATED], 0, event);
}

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              SignetAgendaView         *self)
{
  GtkWidget *row = signet_event_row_new ();

  gtk_widget_add_css_class (row, "agenda-row");
  signet_event_row_set_footer (SIGNET_EVENT_ROW (row), signet_notice_choices_new ());
  gtk_list_item_set_child (item, row);
}

/* A notice deadline of a signed contract still in force offers its
 * choices; once one was taken, the row says which instead. */
static void
bind_notice_choices (SignetAgendaView *self,
                     SignetEventRow   *row,
                     SignetEvent      *event)
{
  GtkWidget *choices = signet_event_row_get_footer (row);
  gint64 id = signet_event_get_contract_id (event);
  const char *deadline = signet_event_get_date (event);
  g_autoptr(SignetNoticeDecision) decision = NULL;
  g_autoptr(SignetContract) contract = NULL;
  gboolean in_force;

  if (signet_event_get_kind (event) != SIGNET_KEY_DATE_NOTICE_DEADLINE || self->store == NULL)
    {
      gtk_widget_set_visible (choices, FALSE);
      return;
    }

  decision = signet_store_get_notice_decision (self->store, id, deadline, NULL);
  contract = signet_store_get_contract (self->store, id, NULL);
  in_force = contract != NULL &&
             signet_process_action_allowed (SIGNET_PROCESS_ACTION_TERMINATE, contract, NULL) &&
             signet_contract_get_shown_status (contract, self->today) != SIGNET_CONTRACT_STATUS_EXPIRED;

  gtk_widget_set_visible (choices, decision != NULL || in_force);
  signet_notice_choices_set (SIGNET_NOTICE_CHOICES (choices), id, signet_event_get_contract_number (event),
                             deadline, decision);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             SignetAgendaView         *self)
{
  SignetEvent *event = gtk_list_item_get_item (item);
  guint position = gtk_list_item_get_position (item);
  SignetEventRow *row = SIGNET_EVENT_ROW (gtk_list_item_get_child (item));
  const char *date = signet_event_get_date (event);
  g_autoptr(SignetEvent) previous = NULL;
  gboolean overdue = g_strcmp0 (date, self->today) < 0;

  if (position > 0)
    previous = g_list_model_get_item (G_LIST_MODEL (self->events), position - 1);

  /* What is overdue comes first under one heading, each row with its
   * date; then a heading opens each coming date. */
  if (previous == NULL ||
      (g_strcmp0 (signet_event_get_date (previous), self->today) < 0) != overdue ||
      (!overdue && g_strcmp0 (signet_event_get_date (previous), date) != 0))
    {
      g_autofree char *heading = overdue ? g_strdup (_("Overdue")) : describe_date (self, date);

      signet_event_row_set_heading (row, heading);
    }
  else
    {
      signet_event_row_set_heading (row, NULL);
    }

  signet_event_row_set_event (row, event, overdue);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), signet_event_get_explanation (event));
  bind_notice_choices (self, row, event);
}

/* The contract's number for a sentence, or its id when it is gone. */
static char *
dup_number (SignetAgendaView *self,
            gint64            id)
{
  g_autoptr(SignetContract) contract = signet_store_get_contract (self->store, id, NULL);

  return contract != NULL ? g_strdup (signet_contract_get_number (contract))
                          : g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* The contract's version now: the decision is taken on what the row shows,
 * which the agenda keeps up to date. */
static gint64
current_version (SignetAgendaView *self,
                 gint64            id)
{
  g_autoptr(SignetContract) contract = signet_store_get_contract (self->store, id, NULL);

  return contract != NULL ? signet_contract_get_version (contract) : 0;
}

static void
undo_let_expire_cb (AdwToast         *toast,
                    SignetAgendaView *self)
{
  gint64 decision_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "decision-id"));
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !signet_store_withdraw_notice_decision (self->store, decision_id, &error))
    signet_error_dialog_show (GTK_WIDGET (self), _("The Decision Was Not Withdrawn"), error);
}

static void
let_expire_responded_cb (SignetAgendaView      *self,
                         const char            *response,
                         SignetLetExpireDialog *dialog)
{
  g_autofree char *comment = NULL;
  g_autoptr(GError) error = NULL;
  gint64 decision_id = 0;
  AdwToast *toast;

  if (g_strcmp0 (response, "let-expire") != 0 || self->store == NULL || self->deciding_deadline == NULL)
    return;

  comment = signet_let_expire_dialog_dup_comment (dialog);
  if (!signet_store_let_expire (self->store, self->deciding_id, current_version (self, self->deciding_id),
                                self->deciding_deadline, NULL, comment, &decision_id, &error))
    {
      signet_error_dialog_show (GTK_WIDGET (self), _("The Decision Was Not Recorded"), error);
      return;
    }

  /* Short enough for a phone's width: the row above says which contract
   * and what was decided. */
  toast = adw_toast_new (_("Decision recorded"));
  adw_toast_set_use_markup (toast, FALSE);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data (G_OBJECT (toast), "decision-id", GSIZE_TO_POINTER (decision_id));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_let_expire_cb), self, 0);
  signet_toast_show (GTK_WIDGET (self), toast);
}

/* Remembers which contract and deadline the dialog decides at. */
static gboolean
start_deciding (SignetAgendaView *self,
                GVariant         *parameter)
{
  const char *deadline = NULL;

  if (self->store == NULL)
    return FALSE;

  g_variant_get (parameter, "(x&s)", &self->deciding_id, &deadline);
  g_free (self->deciding_deadline);
  self->deciding_deadline = g_strdup (deadline);

  return TRUE;
}

static void
let_expire_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SignetAgendaView *self = SIGNET_AGENDA_VIEW (widget);
  g_autofree char *number = NULL;
  g_autofree char *end = NULL;
  g_autoptr(GError) error = NULL;
  AdwDialog *dialog;

  if (!start_deciding (self, parameter))
    return;

  end = signet_store_dup_notice_term_end (self->store, self->deciding_id, self->deciding_deadline, &error);
  if (end == NULL)
    {
      signet_error_dialog_show (widget, _("The Decision Was Not Recorded"), error);
      return;
    }

  number = dup_number (self, self->deciding_id);
  dialog = signet_let_expire_dialog_new (number, end);
  g_signal_connect_object (dialog, "response", G_CALLBACK (let_expire_responded_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, widget);
}

static void
termination_responded_cb (SignetAgendaView        *self,
                          const char              *response,
                          SignetTerminationDialog *dialog)
{
  g_auto(SignetProcessStep) step = { 0, };
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "terminate") != 0 || self->store == NULL || self->deciding_deadline == NULL ||
      !signet_termination_dialog_fill_step (dialog, &step))
    return;

  if (!signet_store_terminate_at_notice (self->store, self->deciding_id, current_version (self, self->deciding_id),
                                         self->deciding_deadline, &step, &error))
    signet_error_dialog_show (GTK_WIDGET (self), _("The Contract Was Not Terminated"), error);
}

static void
terminate_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SignetAgendaView *self = SIGNET_AGENDA_VIEW (widget);
  g_autofree char *end = NULL;
  AdwDialog *dialog;

  if (!start_deciding (self, parameter))
    return;

  /* Notice given at the deadline ends the contract with its term: the
   * dialog starts at that end, and at "Not renewed", the first reason. */
  end = signet_store_dup_notice_term_end (self->store, self->deciding_id, self->deciding_deadline, NULL);
  dialog = signet_termination_dialog_new (end != NULL ? end : self->today);
  g_signal_connect_object (dialog, "response", G_CALLBACK (termination_responded_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, widget);
}

static void
signet_agenda_view_map (GtkWidget *widget)
{
  SignetAgendaView *self = SIGNET_AGENDA_VIEW (widget);

  GTK_WIDGET_CLASS (signet_agenda_view_parent_class)->map (widget);

  if (self->stale)
    reload (self);
}

static void
signet_agenda_view_dispose (GObject *object)
{
  SignetAgendaView *self = SIGNET_AGENDA_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  g_clear_handle_id (&self->more_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIGNET_TYPE_AGENDA_VIEW);
  /* The template's top box is a child of its own. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->events);

  G_OBJECT_CLASS (signet_agenda_view_parent_class)->dispose (object);
}

static void
signet_agenda_view_finalize (GObject *object)
{
  SignetAgendaView *self = SIGNET_AGENDA_VIEW (object);

  g_free (self->fixed_today);
  g_free (self->today);
  g_free (self->tomorrow);
  g_free (self->deciding_deadline);
  signet_agenda_cursor_clear (&self->cursor);

  G_OBJECT_CLASS (signet_agenda_view_parent_class)->finalize (object);
}

static void
signet_agenda_view_class_init (SignetAgendaViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_agenda_view_dispose;
  object_class->finalize = signet_agenda_view_finalize;

  widget_class->map = signet_agenda_view_map;

  signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SIGNET_TYPE_EVENT);

  /* The choices at a notice deadline (SignetNoticeChoices): the contract's
   * id and the deadline. */
  gtk_widget_class_install_action (widget_class, "agenda.let-expire", "(xs)", let_expire_activated);
  gtk_widget_class_install_action (widget_class, "agenda.terminate", "(xs)", terminate_activated);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-agenda-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetAgendaView, days_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SignetAgendaView, stack);
  gtk_widget_class_bind_template_child (widget_class, SignetAgendaView, scroller);
  gtk_widget_class_bind_template_child (widget_class, SignetAgendaView, list_view);
  gtk_widget_class_bind_template_child (widget_class, SignetAgendaView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, days_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "agendaview");
}

static void
signet_agenda_view_init (SignetAgendaView *self)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (day_choices); i++)
    {
      g_autofree char *label =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Next %u day", "Next %u days", day_choices[i]),
                         day_choices[i]);

      gtk_string_list_append (choices, label);
    }
  gtk_drop_down_set_model (self->days_dropdown, G_LIST_MODEL (choices));

  self->events = g_list_store_new (SIGNET_TYPE_EVENT);
  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->events)))));

  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);

  self->stale = TRUE;
}

GtkWidget *
signet_agenda_view_new (void)
{
  return g_object_new (SIGNET_TYPE_AGENDA_VIEW, NULL);
}

void
signet_agenda_view_set_store (SignetAgendaView *self,
                              SignetStore      *store)
{
  g_return_if_fail (SIGNET_IS_AGENDA_VIEW (self));
  g_return_if_fail (store == NULL || SIGNET_IS_STORE (store));

  if (!signet_store_set_watched (&self->store, store, self,
                                 G_CALLBACK (store_changed_cb), G_CALLBACK (store_reset_cb)))
    return;

  /* Deciding at a notice deadline writes the contract: not a reader's. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.let-expire", store == NULL || signet_store_can_edit (store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.terminate", store == NULL || signet_store_can_edit (store));
  queue_reload (self);
}

void
signet_agenda_view_set_today (SignetAgendaView *self,
                              const char       *today)
{
  g_return_if_fail (SIGNET_IS_AGENDA_VIEW (self));
  g_return_if_fail (today == NULL || signet_date_is_valid (today));

  if (signet_set_str (&self->fixed_today, today))
    queue_reload (self);
}

guint
signet_agenda_view_get_days (SignetAgendaView *self)
{
  guint selected;

  g_return_val_if_fail (SIGNET_IS_AGENDA_VIEW (self), 0);

  selected = gtk_drop_down_get_selected (self->days_dropdown);

  return selected < G_N_ELEMENTS (day_choices) ? day_choices[selected] : day_choices[0];
}

void
signet_agenda_view_set_days (SignetAgendaView *self,
                             guint             days)
{
  g_return_if_fail (SIGNET_IS_AGENDA_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (day_choices); i++)
    if (day_choices[i] == days)
      {
        gtk_drop_down_set_selected (self->days_dropdown, i);
        return;
      }

  g_return_if_reached ();
}

GListModel *
signet_agenda_view_get_model (SignetAgendaView *self)
{
  g_return_val_if_fail (SIGNET_IS_AGENDA_VIEW (self), NULL);

  return G_LIST_MODEL (self->events);
}
