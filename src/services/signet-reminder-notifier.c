/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-reminder-notifier"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-key-dates.h"
#include "signet-reminder-notifier.h"
#include "signet-store-events.h"
#include "signet-store-worker.h"

struct _SignetReminderNotifier
{
  GObject           parent_instance;

  GApplication     *app;
  SignetStore      *store;
  GSettings        *settings;
  SignetNotifyFunc  func;
  gpointer          func_data;

  /* Ids sent on sent_day, so that a check later the same day sends only
   * what is new; the next day every reminder still due comes again. */
  GHashTable       *sent;
  char             *sent_day;
  guint             timeout_id;
  GCancellable     *cancellable;

  /* A check or acknowledgement that failed on a busy register or a full
   * disk is tried again after each delay in turn, the last one repeating;
   * the user is told once per run of failures, and the notice goes when a
   * check succeeds again. */
  GArray           *retry_delays;   /* of guint, milliseconds */
  guint             retry_id;
  guint             n_failures;     /* in a row */
  GPtrArray        *pending_acks;   /* of GVariant (xssu), not yet stored */
};

#define STARTUP_DELAY_SECONDS 3

/* A minute: a writer that holds the register that long is rare. Then five
 * and fifteen minutes, enough for someone to free disk space; then every
 * quarter of an hour. */
static const guint default_retry_delays[] = { 60 * 1000, 5 * 60 * 1000, 15 * 60 * 1000 };

#define FAILURE_NOTIFICATION_ID "reminders-failed"

G_DEFINE_FINAL_TYPE (SignetReminderNotifier, signet_reminder_notifier, G_TYPE_OBJECT)

static void
send_to_app (const char    *id,
             GNotification *notification,
             gpointer       user_data)
{
  SignetReminderNotifier *self = user_data;

  if (self->app == NULL)
    return;

  if (notification != NULL)
    g_application_send_notification (self->app, id, notification);
  else
    g_application_withdraw_notification (self->app, id);
}

static void check_in_thread (SignetReminderNotifier *self);
static gboolean store_acknowledgement (SignetReminderNotifier  *self,
                                       GVariant                *parameter,
                                       GError                 **error);

/* Worth trying again soon: the register is fine, only not now. */
static gboolean
error_is_passing (const GError *error)
{
  return g_error_matches (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_BUSY) ||
         g_error_matches (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_DISK_FULL);
}

static gboolean
retry_cb (gpointer data)
{
  SignetReminderNotifier *self = data;
  g_autoptr(GPtrArray) acks = g_steal_pointer (&self->pending_acks);

  self->retry_id = 0;
  self->pending_acks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);

  for (guint i = 0; acks != NULL && i < acks->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!store_acknowledgement (self, g_ptr_array_index (acks, i), &error))
        g_warning ("The reminder could not be acknowledged: %s", error->message);
    }

  check_in_thread (self);

  return G_SOURCE_REMOVE;
}

/* Tells the user once per run of failures, and tries again when the
 * cause should pass: a reminder that cannot be worked out must not just
 * stay away until the next day's check. */
static void
report_failure (SignetReminderNotifier *self,
                const GError           *error)
{
  guint delay;

  g_message ("Reminders are held up: %s", error->message);

  if (self->n_failures++ == 0)
    {
      g_autoptr(GNotification) notification = g_notification_new (_("Reminders are held up"));
      g_autofree char *body = NULL;

      /* Translators: %s says what went wrong, e.g. that the disk is full. */
      body = g_strdup_printf (_("%s\nSignet keeps trying, and catches up on the reminders as soon as it can."),
                              error->message);
      g_notification_set_body (notification, body);
      g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
      self->func (FAILURE_NOTIFICATION_ID, notification, self->func_data);
    }

  /* Other failures wait for the next regular check, at most an hour. */
  if (!error_is_passing (error) || self->retry_id != 0)
    return;

  delay = g_array_index (self->retry_delays, guint,
                         MIN (self->n_failures, self->retry_delays->len) - 1);
  self->retry_id = g_timeout_add (delay, retry_cb, self);
}

static void
report_success (SignetReminderNotifier *self)
{
  if (self->n_failures == 0)
    return;

  self->n_failures = 0;
  g_clear_handle_id (&self->retry_id, g_source_remove);
  self->func (FAILURE_NOTIFICATION_ID, NULL, self->func_data);
}

char *
signet_reminder_notification_id (const SignetReminder *reminder)
{
  SignetEvent *event = reminder->event;

  return g_strdup_printf ("reminder-%" G_GINT64_FORMAT "-%s-%s",
                          signet_event_get_contract_id (event),
                          signet_key_date_kind_to_token (signet_event_get_kind (event)),
                          signet_event_get_date (event));
}

/* The lead times of Preferences; a key with a wrong value counts as its
 * default rather than silencing reminders. */
SignetReminderSettings *
signet_reminder_settings_new_from_gsettings (GSettings *settings)
{
  static const struct { const char *key; SignetKeyDateKind kind; } keys[] = {
    { "reminder-end-leads", SIGNET_KEY_DATE_END },
    { "reminder-notice-leads", SIGNET_KEY_DATE_NOTICE_DEADLINE },
    { "reminder-review-leads", SIGNET_KEY_DATE_REVIEW },
  };
  g_autoptr(SignetReminderSettings) builtin = signet_reminder_settings_new_default ();
  SignetReminderSettings *defaults = signet_reminder_settings_new ();
  GArray **slots[] = { &defaults->end_leads, &defaults->notice_leads, &defaults->review_leads };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *text = g_settings_get_string (settings, keys[i].key);
      g_autoptr(GError) error = NULL;

      *slots[i] = signet_reminder_leads_parse (text, &error);
      if (*slots[i] == NULL)
        {
          GArray *fallback = signet_reminder_settings_get_leads (builtin, keys[i].kind);

          g_warning ("The setting %s is not a list of days (%s); using the default", keys[i].key, error->message);
          *slots[i] = g_array_copy (fallback);
        }
    }

  return defaults;
}

static GNotification *
build_notification (const SignetReminder *reminder)
{
  SignetEvent *event = reminder->event;
  g_autofree char *title = signet_reminder_dup_title (reminder);
  g_autofree char *body = NULL;
  GNotification *notification = g_notification_new (title);
  const char *client = signet_event_get_client_name (event);

  if (signet_event_get_explanation (event) != NULL)
    body = g_strdup_printf ("%s\n%s", client ? client : "", signet_event_get_explanation (event));
  else
    body = g_strdup (client);
  if (body != NULL)
    g_notification_set_body (notification, body);

  g_notification_set_priority (notification,
                               reminder->days_left <= 7 ? G_NOTIFICATION_PRIORITY_HIGH
                                                        : G_NOTIFICATION_PRIORITY_NORMAL);
  g_notification_set_default_action_and_target_value (notification, "app.open-contract",
                                                      g_variant_new_int64 (signet_event_get_contract_id (event)));
  g_notification_add_button_with_target_value (notification, _("Open Contract"), "app.open-contract",
                                               g_variant_new_int64 (signet_event_get_contract_id (event)));
  g_notification_add_button_with_target_value (notification, _("Acknowledge"), "app.acknowledge-reminder",
                                               g_variant_new ("(xssu)",
                                                              signet_event_get_contract_id (event),
                                                              signet_key_date_kind_to_token (signet_event_get_kind (event)),
                                                              signet_event_get_date (event),
                                                              reminder->lead_days));

  return notification;
}

/* Sends the reminders of @due not sent yet on @today. */
static guint
send_due (SignetReminderNotifier *self,
          const char             *today,
          GPtrArray              *due)
{
  guint n_sent = 0;
  guint n_more = 0;

  if (g_strcmp0 (today, self->sent_day) != 0)
    {
      g_hash_table_remove_all (self->sent);
      g_free (self->sent_day);
      self->sent_day = g_strdup (today);
    }

  for (guint i = 0; i < due->len; i++)
    {
      SignetReminder *reminder = g_ptr_array_index (due, i);
      g_autofree char *id = signet_reminder_notification_id (reminder);
      g_autoptr(GNotification) notification = NULL;

      if (g_hash_table_contains (self->sent, id))
        continue;

      if (n_sent >= SIGNET_REMINDER_MAX_NOTIFICATIONS)
        {
          n_more++;
          continue;
        }

      notification = build_notification (reminder);
      self->func (id, notification, self->func_data);
      g_hash_table_add (self->sent, g_steal_pointer (&id));
      n_sent++;
    }

  if (n_more > 0)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("%u more date needs attention",
                                                          "%u more dates need attention", n_more), n_more);
      g_autoptr(GNotification) notification = g_notification_new (title);

      g_notification_set_body (notification, _("The calendar’s agenda lists them all."));
      g_notification_set_default_action (notification, "app.show-agenda");
      self->func ("reminders-more", notification, self->func_data);
      n_sent++;
    }

  return n_sent;
}

guint
signet_reminder_notifier_check (SignetReminderNotifier *self)
{
  g_autoptr(SignetReminderSettings) defaults = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (SIGNET_IS_REMINDER_NOTIFIER (self), 0);

  today = signet_store_dup_today (self->store);
  defaults = signet_reminder_settings_new_from_gsettings (self->settings);
  due = signet_reminders_due (self->store, today, defaults, &error);
  if (due == NULL)
    {
      report_failure (self, error);
      return 0;
    }

  report_success (self);

  return send_due (self, today, due);
}

/* The same work in a thread, on a connection of its own: with a large
 * register, working out what is due (and, the first time, the index of
 * dates) takes long enough to hold up the window. */
typedef struct
{
  SignetStoreOpener      *opener;
  char                   *today;
  SignetReminderSettings *defaults;
} CheckData;

static void
check_data_free (CheckData *data)
{
  signet_store_opener_free (data->opener);
  g_free (data->today);
  signet_reminder_settings_free (data->defaults);
  g_free (data);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckData *data = task_data;
  g_autoptr(SignetStore) store = NULL;
  GPtrArray *due;
  GError *error = NULL;

  store = signet_store_open_worker (data->opener, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  due = signet_reminders_due (store, data->today, data->defaults, &error);
  if (due == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, due, (GDestroyNotify) g_ptr_array_unref);
}

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  SignetReminderNotifier *self = SIGNET_REMINDER_NOTIFIER (source);
  CheckData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;

  due = g_task_propagate_pointer (G_TASK (result), &error);
  if (due == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        report_failure (self, error);
      return;
    }

  report_success (self);
  send_due (self, data->today, due);
}

static void
check_in_thread (SignetReminderNotifier *self)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, check_done_cb, NULL);
  CheckData *data = g_new0 (CheckData, 1);

  data->opener = signet_store_opener_new (self->store, SIGNET_STORE_OPEN_DEFAULT);
  data->today = signet_store_dup_today (self->store);
  data->defaults = signet_reminder_settings_new_from_gsettings (self->settings);
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);
  g_task_run_in_thread (task, check_thread);
}

static gboolean
store_acknowledgement (SignetReminderNotifier  *self,
                       GVariant                *parameter,
                       GError                 **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 contract_id;
  const char *kind_token;
  const char *event_date;
  guint32 lead_days;
  SignetKeyDateKind kind;
  g_autofree char *id = NULL;

  g_variant_get (parameter, "(x&s&su)", &contract_id, &kind_token, &event_date, &lead_days);
  if (!signet_key_date_kind_from_token (kind_token, &kind))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not a kind of date", kind_token);
      return FALSE;
    }

  if (!signet_store_acknowledge_reminder (self->store, contract_id, kind, event_date, lead_days,
                                          &local_error))
    {
      if (!error_is_passing (local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      /* Kept for the retry: otherwise the click is lost, and the reminder
       * comes again the next day. */
      g_ptr_array_add (self->pending_acks, g_variant_ref_sink (parameter));
      report_failure (self, local_error);
      return TRUE;
    }

  id = g_strdup_printf ("reminder-%" G_GINT64_FORMAT "-%s-%s", contract_id, kind_token, event_date);
  if (self->func == send_to_app && self->app != NULL)
    g_application_withdraw_notification (self->app, id);

  return TRUE;
}

gboolean
signet_reminder_notifier_acknowledge (SignetReminderNotifier  *self,
                                      GVariant                *parameter,
                                      GError                 **error)
{
  g_return_val_if_fail (SIGNET_IS_REMINDER_NOTIFIER (self), FALSE);
  g_return_val_if_fail (g_variant_is_of_type (parameter, G_VARIANT_TYPE ("(xssu)")), FALSE);

  return store_acknowledgement (self, parameter, error);
}

static gboolean
day_changed_cb (gpointer data);

static void
schedule_next_day (SignetReminderNotifier *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                        g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) next = g_date_time_add_days (midnight, 1);
  GTimeSpan until = g_date_time_difference (next, now);

  /* A minute past midnight, and at least hourly: a suspended machine's
   * timers run late, and the next check then comes soon after waking. */
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add_seconds (MIN (until / G_USEC_PER_SEC + 60, 3600), day_changed_cb, self);
}

static gboolean
day_changed_cb (gpointer data)
{
  SignetReminderNotifier *self = data;

  self->timeout_id = 0;
  check_in_thread (self);
  schedule_next_day (self);

  return G_SOURCE_REMOVE;
}

void
signet_reminder_notifier_start (SignetReminderNotifier *self)
{
  g_return_if_fail (SIGNET_IS_REMINDER_NOTIFIER (self));

  /* A few seconds in: the window comes first. */
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add_seconds (STARTUP_DELAY_SECONDS, day_changed_cb, self);
}

static void
settings_changed_cb (SignetReminderNotifier *self,
                     const char             *key,
                     GSettings              *settings)
{
  /* Other lead times may make other reminders due now. */
  if (g_str_has_prefix (key, "reminder-"))
    signet_reminder_notifier_check (self);
}

static void
signet_reminder_notifier_dispose (GObject *object)
{
  SignetReminderNotifier *self = (SignetReminderNotifier *)object;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_pointer (&self->pending_acks, g_ptr_array_unref);
  g_clear_pointer (&self->retry_delays, g_array_unref);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_weak_pointer (&self->app);
  g_clear_pointer (&self->sent, g_hash_table_unref);
  g_clear_pointer (&self->sent_day, g_free);

  G_OBJECT_CLASS (signet_reminder_notifier_parent_class)->dispose (object);
}

static void
signet_reminder_notifier_class_init (SignetReminderNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = signet_reminder_notifier_dispose;
}

static void
signet_reminder_notifier_init (SignetReminderNotifier *self)
{
  self->sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
  self->func = send_to_app;
  self->func_data = self;
  self->pending_acks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  self->retry_delays = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_vals (self->retry_delays, default_retry_delays, G_N_ELEMENTS (default_retry_delays));
}

SignetReminderNotifier *
signet_reminder_notifier_new (GApplication *app,
                              SignetStore  *store,
                              GSettings    *settings)
{
  SignetReminderNotifier *self;

  g_return_val_if_fail (app == NULL || G_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (SIGNET_TYPE_REMINDER_NOTIFIER, NULL);
  g_set_weak_pointer (&self->app, app);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  g_signal_connect_object (settings, "changed", G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}

void
signet_reminder_notifier_set_func (SignetReminderNotifier *self,
                                   SignetNotifyFunc        func,
                                   gpointer                user_data)
{
  g_return_if_fail (SIGNET_IS_REMINDER_NOTIFIER (self));

  self->func = func != NULL ? func : send_to_app;
  self->func_data = func != NULL ? user_data : self;
}

void
signet_reminder_notifier_set_retry_delays (SignetReminderNotifier *self,
                                           const guint            *delays_ms,
                                           guint                   n_delays)
{
  g_return_if_fail (SIGNET_IS_REMINDER_NOTIFIER (self));
  g_return_if_fail (delays_ms != NULL && n_delays > 0);

  g_array_set_size (self->retry_delays, 0);
  g_array_append_vals (self->retry_delays, delays_ms, n_delays);
}
