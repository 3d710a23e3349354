/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-ics"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libical/ical.h>

#include "signet-date.h"
#include "signet-file-replace.h"
#include "signet-ics.h"
#include "signet-reminders.h"
#include "signet-store-events.h"
#include "signet-store-uuids.h"
#include "signet-store-worker.h"

/* Events are read a year at a time, so that a register of 100,000
 * contracts never holds all of its events in memory. */
#define CHUNK_MONTHS 12

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

/* What one export reads of the register besides its events, once. */
typedef struct
{
  SignetStore                  *store;
  GHashTable                   *change_times;
  GHashTable                   *contract_uuids;
  GHashTable                   *key_date_uuids;
  gboolean                      uuids_read_again;
  GHashTable                   *leads;
  const SignetReminderSettings *defaults;
} Export;

static void
export_clear (Export *export)
{
  g_clear_pointer (&export->change_times, g_hash_table_unref);
  g_clear_pointer (&export->contract_uuids, g_hash_table_unref);
  g_clear_pointer (&export->key_date_uuids, g_hash_table_unref);
  g_clear_pointer (&export->leads, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Export, export_clear)

static char *
format_summary (SignetEvent *event)
{
  const char *number = signet_event_get_contract_number (event);
  const char *contract_title = signet_event_get_contract_title (event);
  const char *title = signet_event_get_title (event);

  switch (signet_event_get_kind (event))
    {
    case SIGNET_KEY_DATE_START:
      /* Translators: an event in an exported calendar: the first %s is
       * the contract number, the second its title ("Notice deadline:
       * HT-2026-0001 Cleaning services"). In those for key dates users
       * add, the first %s is the date's own title. */
      return g_strdup_printf (_("Start: %s %s"), number, contract_title);
    case SIGNET_KEY_DATE_END:
      return g_strdup_printf (_("End: %s %s"), number, contract_title);
    case SIGNET_KEY_DATE_NOTICE_DEADLINE:
      return g_strdup_printf (_("Notice deadline: %s %s"), number, contract_title);
    case SIGNET_KEY_DATE_REVIEW:
      return g_strdup_printf (_("Review due: %s %s"), number, contract_title);
    case SIGNET_KEY_DATE_MILESTONE:
      return g_strdup_printf (_("Milestone: %s (%s %s)"), title, number, contract_title);
    case SIGNET_KEY_DATE_PAYMENT:
      return g_strdup_printf (_("Payment due: %s (%s %s)"), title, number, contract_title);
    case SIGNET_KEY_DATE_APPROVAL:
      /* Translators: the first %s is the approval step ("法务"). */
      return g_strdup_printf (_("Approval due: %s (%s %s)"), title, number, contract_title);
    case SIGNET_KEY_DATE_OBLIGATION:
      /* Translators: the first %s is what the obligation asks for ("月度维保报告"). */
      return g_strdup_printf (_("Obligation due: %s (%s %s)"), title, number, contract_title);
    case SIGNET_KEY_DATE_LOAN:
      /* Translators: the first %s is the borrower of the paper original ("王芳"). */
      return g_strdup_printf (_("Original due back from %s (%s %s)"), title, number, contract_title);
    case SIGNET_KEY_DATE_FOLLOW_UP_REVIEW:
      return g_strdup_printf (_("Follow-up review: %s %s"), number, contract_title);
    case SIGNET_KEY_DATE_OTHER:
    default:
      return g_strdup_printf (_("Key date: %s (%s %s)"), title, number, contract_title);
    }
}

static char *
format_description (SignetEvent *event)
{
  const char *explanation = signet_event_get_explanation (event);
  /* Translators: a line in an exported calendar event; %s is the client's name. */
  g_autofree char *client = g_strdup_printf (_("Client: %s"), signet_event_get_client_name (event));

  if (explanation == NULL)
    return g_steal_pointer (&client);

  return g_strconcat (explanation, "\n", client, NULL);
}

/* The UUID of the event's record (a commitment's: a planned payment, an
 * obligation, a loan, a review; its event has it), contract or key date. A record added
 * since the export read them (by another connection, between two of its
 * reads) has its UUID read then; one deleted meanwhile has none, nor has
 * a row another program wrote into the database without one: their events
 * are left out rather than named by something another register could
 * name its own events by. */
static const char *
lookup_uuid (Export       *export,
             SignetEvent  *event,
             GError      **error)
{
  gint64 key_date_id = signet_event_get_key_date_id (event);
  gint64 id = key_date_id > 0 ? key_date_id : signet_event_get_contract_id (event);
  const char *uuid;

  if (signet_event_get_record_id (event) > 0)
    return signet_uuid_is_valid (signet_event_get_record_uuid (event)) ? signet_event_get_record_uuid (event) : NULL;

  uuid = g_hash_table_lookup (key_date_id > 0 ? export->key_date_uuids : export->contract_uuids, &id);

  if (uuid != NULL || export->uuids_read_again)
    return signet_uuid_is_valid (uuid) ? uuid : NULL;

  g_hash_table_unref (export->contract_uuids);
  g_hash_table_unref (export->key_date_uuids);
  export->key_date_uuids = NULL;
  export->uuids_read_again = TRUE;
  if (!(export->contract_uuids = signet_store_list_contract_uuids (export->store, error)) ||
      !(export->key_date_uuids = signet_store_list_key_date_uuids (export->store, error)))
    return NULL;

  uuid = g_hash_table_lookup (key_date_id > 0 ? export->key_date_uuids : export->contract_uuids, &id);

  return signet_uuid_is_valid (uuid) ? uuid : NULL;
}

/* A key date users added is named by its own UUID, so that moving it
 * moves the event in a calendar that had the file before; so are a planned
 * payment, a loan and a review's follow-up by their record's. The
 * occurrences of an obligation are named as derived dates are, from the
 * obligation's UUID. A derived date
 * is named by a UUID made from its contract's, its kind and its date
 * (version 5, RFC 9562: SHA-1 of the contract's UUID and "kind/date"): the
 * end of the next term, after a renewal, or the review due after one was
 * recorded, is another event than the one before. Neither depends on the
 * row ids, which another register gives to other records; and every UID
 * has the same short form, on one line of the file. */
static char *
format_uid (SignetEvent *event,
            const char  *uuid)
{
  g_autoptr(GChecksum) sha1 = NULL;
  g_autofree char *name = NULL;
  guint8 digest[20];
  gsize digest_len = sizeof digest;
  guint8 namespace[16];

  if (signet_event_get_key_date_id (event) > 0 ||
      (signet_event_get_record_id (event) > 0 && signet_event_get_kind (event) != SIGNET_KEY_DATE_OBLIGATION))
    return g_strdup_printf ("%s@" SIGNET_ICS_UID_DOMAIN, uuid);

  g_assert (signet_uuid_is_valid (uuid));
  for (guint i = 0, j = 0; i < 16; j++)
    if (uuid[j] != '-')
      {
        namespace[i++] = g_ascii_xdigit_value (uuid[j]) << 4 | g_ascii_xdigit_value (uuid[j + 1]);
        j++;
      }

  /* A contract's own step and an amendment's may be due the same day. */
  if (signet_event_get_kind (event) == SIGNET_KEY_DATE_APPROVAL)
    name = g_strdup_printf ("%s/%s/%s", signet_key_date_kind_to_token (signet_event_get_kind (event)),
                            signet_event_get_date (event), signet_event_get_title (event));
  else
    name = g_strdup_printf ("%s/%s", signet_key_date_kind_to_token (signet_event_get_kind (event)),
                            signet_event_get_date (event));
  sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  g_checksum_update (sha1, namespace, sizeof namespace);
  g_checksum_update (sha1, (const guchar *) name, -1);
  g_checksum_get_digest (sha1, digest, &digest_len);
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x@"
                          SIGNET_ICS_UID_DOMAIN,
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6],
                          digest[7], digest[8], digest[9], digest[10], digest[11], digest[12], digest[13],
                          digest[14], digest[15]);
}

/* The lead times of the reminders Signet gives for @event: none for an
 * event of a contract not in force, nor for a kind reminders are not
 * given for. */
static GArray *
event_leads (Export      *export,
             SignetEvent *event)
{
  gint64 contract_id = signet_event_get_contract_id (event);
  SignetKeyDateKind kind = signet_event_get_kind (event);
  SignetReminderSettings *own;
  GArray *leads = NULL;

  if ((kind != SIGNET_KEY_DATE_END && kind != SIGNET_KEY_DATE_NOTICE_DEADLINE && kind != SIGNET_KEY_DATE_REVIEW) ||
      !g_hash_table_lookup_extended (export->leads, &contract_id, NULL, (gpointer *) &own))
    return NULL;

  if (own != NULL)
    leads = signet_reminder_settings_get_leads (own, kind);

  return leads != NULL ? leads : signet_reminder_settings_get_leads (export->defaults, kind);
}

/* A reminder as calendar applications give one: a VALARM that shows
 * @description @lead_days before the (all-day) event starts. */
static icalcomponent *
new_alarm (guint       lead_days,
           const char *description)
{
  icalcomponent *alarm = icalcomponent_new_valarm ();
  struct icaldurationtype before = icaldurationtype_null_duration ();
  struct icaltriggertype trigger = { 0 };

  before.is_neg = lead_days > 0;
  before.days = lead_days;
  trigger.time = icaltime_null_time ();
  trigger.duration = before;

  icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
  icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
  icalcomponent_add_property (alarm, icalproperty_new_description (description));

  return alarm;
}

static struct icaltimetype
date_value (const GDate *date)
{
  struct icaltimetype value = icaltime_null_date ();

  value.year = g_date_get_year (date);
  value.month = g_date_get_month (date);
  value.day = g_date_get_day (date);

  return value;
}

/* RFC 5545 wants a DTSTAMP in every event: when the information was last
 * revised. That is the contract's newest audit entry (key dates and
 * reviews are audited on the contract too), so an unchanged register
 * exports the same stamp. A contract without one (written before audits
 * existed) gets the Unix epoch rather than the time of the export. */
static struct icaltimetype
stamp_value (const char *change_time)
{
  struct icaltimetype value = icaltime_null_time ();
  int year, month, day, hour, minute, second;

  value.zone = icaltimezone_get_utc_timezone ();
  if (change_time != NULL &&
      sscanf (change_time, "%d-%d-%dT%d:%d:%d", &year, &month, &day, &hour, &minute, &second) == 6)
    {
      value.year = year;
      value.month = month;
      value.day = day;
      value.hour = hour;
      value.minute = minute;
      value.second = second;
    }
  else
    {
      value.year = 1970;
      value.month = 1;
      value.day = 1;
    }

  return value;
}

static gboolean
append_event (GString      *out,
              SignetEvent  *event,
              Export       *export,
              GError      **error)
{
  g_autoptr(icalcomponent) vevent = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  const char *uuid = lookup_uuid (export, event, &local_error);
  gint64 contract_id = signet_event_get_contract_id (event);
  GArray *leads;
  GDate date, next_day;
  char *text;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (uuid == NULL)
    return TRUE;

  /* The store hands on dates in the range only; the day after the last
   * one is still one GDate and libical can hold. */
  if (!signet_date_parse (signet_event_get_date (event), &date))
    g_return_val_if_reached (TRUE);

  vevent = icalcomponent_new_vevent ();
  uid = format_uid (event, uuid);
  summary = format_summary (event);
  description = format_description (event);

  next_day = date;
  signet_date_add_days (&next_day, 1);

  icalcomponent_add_property (vevent, icalproperty_new_uid (uid));
  icalcomponent_add_property (vevent, icalproperty_new_dtstamp (stamp_value (g_hash_table_lookup (export->change_times, &contract_id))));
  icalcomponent_add_property (vevent, icalproperty_new_dtstart (date_value (&date)));
  /* All-day: DTEND is the day after (exclusive); some calendar
   * applications show an event without it as lasting no time. */
  icalcomponent_add_property (vevent, icalproperty_new_dtend (date_value (&next_day)));
  icalcomponent_add_property (vevent, icalproperty_new_summary (summary));
  icalcomponent_add_property (vevent, icalproperty_new_description (description));
  icalcomponent_add_property (vevent,
                              icalproperty_new_categories (signet_key_date_kind_to_label (signet_event_get_kind (event))));
  /* A deadline does not make anyone busy. */
  icalcomponent_add_property (vevent, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));

  /* Signet's reminders, for the calendar application to give too: the
   * same lead times, each with the words of Signet's notification. */
  leads = event_leads (export, event);
  for (guint i = 0; leads != NULL && i < leads->len; i++)
    {
      SignetReminder reminder = { event, g_array_index (leads, guint, i), g_array_index (leads, guint, i) };
      g_autofree char *title = signet_reminder_dup_title (&reminder);

      icalcomponent_add_component (vevent, new_alarm (reminder.lead_days, title));
    }

  text = icalcomponent_as_ical_string_r (vevent);
  g_string_append (out, text);
  icalmemory_free_buffer (text);

  return TRUE;
}

/* BEGIN:VCALENDAR and its properties, without the END line. */
static char *
calendar_header (void)
{
  g_autoptr(icalcomponent) calendar = icalcomponent_new_vcalendar ();
  icalproperty *name;
  char *text;
  char *end;
  char *header;

  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//" SIGNET_ICS_UID_DOMAIN "//Signet//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  /* The name calendar applications give an imported or subscribed file:
   * NAME (RFC 7986) for those that read it, X-WR-CALNAME for the others. */
  icalcomponent_add_property (calendar, icalproperty_new_name (_("Contract Dates")));
  name = icalproperty_new_x (_("Contract Dates"));
  icalproperty_set_x_name (name, "X-WR-CALNAME");
  icalcomponent_add_property (calendar, name);

  text = icalcomponent_as_ical_string_r (calendar);
  end = strstr (text, "END:VCALENDAR");
  header = g_strndup (text, end != NULL ? (gsize) (end - text) : strlen (text));
  icalmemory_free_buffer (text);

  return header;
}

static gboolean
write_string (GOutputStream  *stream,
              GString        *text,
              GCancellable   *cancellable,
              GError        **error)
{
  gboolean ok = g_output_stream_write_all (stream, text->str, text->len, NULL, cancellable, error);

  g_string_truncate (text, 0);

  return ok;
}

gboolean
signet_ics_export_to_stream (SignetStore                   *store,
                             GOutputStream                 *stream,
                             const char                    *from,
                             const char                    *to,
                             const SignetReminderSettings  *reminder_defaults,
                             GCancellable                  *cancellable,
                             GError                       **error)
{
  g_autoptr(SignetReminderSettings) builtin = NULL;
  g_auto(Export) export = { store };
  g_autoptr(GString) out = g_string_sized_new (64 * 1024);
  g_autofree char *header = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  GDate chunk_start, range_end;

  g_return_val_if_fail (SIGNET_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (from == NULL || signet_date_is_valid (from), FALSE);
  g_return_val_if_fail (to == NULL || signet_date_is_valid (to), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (reminder_defaults == NULL)
    reminder_defaults = builtin = signet_reminder_settings_new_default ();
  export.defaults = reminder_defaults;

  if (!signet_store_get_events_span (store, &first, &last, error) ||
      !(export.change_times = signet_store_list_contract_change_times (store, error)) ||
      !(export.contract_uuids = signet_store_list_contract_uuids (store, error)) ||
      !(export.key_date_uuids = signet_store_list_key_date_uuids (store, error)) ||
      !(export.leads = signet_store_list_reminder_leads (store, error)))
    return FALSE;

  header = calendar_header ();
  g_string_append (out, header);

  /* The span, like every event the store hands on, lies in the range of
   * dates: a register from before it may hold others, which it leaves out
   * (the contract's page says so). */
  if (first != NULL)
    {
      signet_date_parse (from != NULL && strcmp (from, first) > 0 ? from : first, &chunk_start);
      signet_date_parse (to != NULL && strcmp (to, last) < 0 ? to : last, &range_end);
    }

  while (first != NULL && g_date_compare (&chunk_start, &range_end) <= 0)
    {
      g_autoptr(GPtrArray) events = NULL;
      g_autofree char *chunk_from = signet_date_to_iso (&chunk_start);
      g_autofree char *chunk_to = NULL;
      GDate chunk_end = chunk_start;

      if (!signet_date_add_months (&chunk_end, CHUNK_MONTHS) || !signet_date_add_days (&chunk_end, -1) ||
          g_date_compare (&chunk_end, &range_end) > 0)
        chunk_end = range_end;
      chunk_to = signet_date_to_iso (&chunk_end);

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !(events = signet_store_list_events (store, chunk_from, chunk_to, error)))
        return FALSE;

      for (guint i = 0; i < events->len; i++)
        {
          if (!append_event (out, g_ptr_array_index (events, i), &export, error) ||
              (out->len >= 60 * 1024 && !write_string (stream, out, cancellable, error)))
            return FALSE;
        }

      chunk_start = chunk_end;
      if (!signet_date_add_days (&chunk_start, 1))
        break;
    }

  g_string_append (out, "END:VCALENDAR\r\n");

  return write_string (stream, out, cancellable, error) &&
         g_output_stream_flush (stream, cancellable, error);
}

typedef struct
{
  SignetStore                  *store;
  const char                   *from;
  const char                   *to;
  const SignetReminderSettings *reminder_defaults;
} IcsToFile;

static gboolean
write_calendar (GOutputStream  *stream,
                gpointer        user_data,
                GCancellable   *cancellable,
                GError        **error)
{
  IcsToFile *ics = user_data;

  return signet_ics_export_to_stream (ics->store, stream, ics->from, ics->to, ics->reminder_defaults,
                                      cancellable, error);
}

gboolean
signet_ics_export (SignetStore                   *store,
                   GFile                         *dest,
                   const char                    *from,
                   const char                    *to,
                   const SignetReminderSettings  *reminder_defaults,
                   GCancellable                  *cancellable,
                   GError                       **error)
{
  IcsToFile ics = { store, from, to, reminder_defaults };

  g_return_val_if_fail (SIGNET_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return signet_file_replace (store, dest, write_calendar, &ics, cancellable, error);
}

typedef struct
{
  SignetStoreOpener *opener;
  GFile *dest;
  char  *from;
  char  *to;
  SignetReminderSettings *reminder_defaults;
} ExportData;

static void
export_data_free (ExportData *data)
{
  signet_store_opener_free (data->opener);
  g_clear_object (&data->dest);
  g_free (data->from);
  g_free (data->to);
  g_clear_pointer (&data->reminder_defaults, signet_reminder_settings_free);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* A connection of its own: the caller's store stays usable in its
   * thread. It only reads: the events' index it needs up to date is
   * brought up to date in its connection alone. */
  store = signet_store_open_worker (data->opener, &error);
  if (store == NULL ||
      !signet_ics_export (store, data->dest, data->from, data->to, data->reminder_defaults, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
signet_ics_export_async (SignetStore                  *store,
                         GFile                        *dest,
                         const char                   *from,
                         const char                   *to,
                         const SignetReminderSettings *reminder_defaults,
                         GCancellable                 *cancellable,
                         GAsyncReadyCallback           callback,
                         gpointer                      user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (SIGNET_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (dest));

  data = g_new0 (ExportData, 1);
  data->opener = signet_store_opener_new (store, SIGNET_STORE_OPEN_READ_ONLY);
  data->dest = g_object_ref (dest);
  data->from = g_strdup (from);
  data->to = g_strdup (to);
  data->reminder_defaults = reminder_defaults != NULL ? signet_reminder_settings_copy (reminder_defaults) : NULL;

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_ics_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
signet_ics_export_finish (SignetStore   *store,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == signet_ics_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
