/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-xml"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-xml-import-private.h"

/* A contract's key dates, reviews and reminder settings. Key dates and
 * reviews are added to the contract unless it already has one with the
 * same details, so importing a file again adds nothing. Reminder settings
 * are taken for a contract the import adds or updates, or that has none of
 * its own; otherwise the contract's own are kept, unless existing records
 * are to be updated. Those of a skipped contract are only checked. */

void
_signet_xml_import_clear_dated (Import *self)
{
  g_clear_pointer (&self->key_date, signet_user_key_date_free);
  g_clear_pointer (&self->review, signet_review_free);
  self->dated_line = 0;
}

static gboolean
writes_extras (Import *self)
{
  return self->extras_contract_id != 0 && self->pending == NULL;
}

gboolean
_signet_xml_import_start_key_date (Import *self,
                                   guint   line)
{
  g_autofree char *kind = _signet_xml_import_get_attribute (self, "kind");
  g_autofree char *date = _signet_xml_import_get_attribute (self, "date");
  SignetKeyDateKind key_date_kind = SIGNET_KEY_DATE_OTHER;

  _signet_xml_import_clear_dated (self);
  self->dated_line = line;
  self->key_date = signet_user_key_date_new (self->extras_contract_id, SIGNET_KEY_DATE_OTHER, date, NULL, NULL);
  self->key_date->uuid = _signet_xml_import_get_attribute (self, "uuid");

  if (kind != NULL && (!signet_key_date_kind_from_token (kind, &key_date_kind) ||
                       !signet_key_date_kind_is_user (key_date_kind)))
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, _signet_xml_import_locate_attribute (self, line, "kind", kind), kind,
                 _("“%s” is not a kind of key date. Use one of: milestone, payment, other."), kind);

  self->key_date->kind = key_date_kind;

  if (date != NULL && !_signet_xml_import_check_date (self, date, line, "key-date", "date"))
    return FALSE;

  return TRUE;
}

/* The details that make two key dates or reviews the same, as one string
 * for a set: each text with its length before it, NULL apart from "". */
static void
append_detail (GString    *details,
               const char *text)
{
  if (text == NULL)
    g_string_append (details, "-;");
  else
    g_string_append_printf (details, "%zu:%s;", strlen (text), text);
}

static char *
key_date_details (const SignetUserKeyDate *key_date)
{
  GString *details = g_string_new (signet_key_date_kind_to_token (key_date->kind));

  g_string_append_c (details, ';');
  append_detail (details, key_date->date);
  append_detail (details, key_date->title);
  append_detail (details, key_date->note);

  return g_string_free (details, FALSE);
}

static char *
review_details (const char *date,
                const char *reviewer,
                const char *note)
{
  GString *details = g_string_new (NULL);

  append_detail (details, date);
  append_detail (details, reviewer);
  append_detail (details, note);

  return g_string_free (details, FALSE);
}

/* The contract's key dates, read once for all the file gives it: reading
 * them again for each made the import's time grow with the square of their
 * number (44 s for 10,000). */
static gboolean
read_known_key_dates (Import  *self,
                      GError **error)
{
  g_autoptr(GPtrArray) existing = NULL;

  if (self->known_key_dates != NULL)
    return TRUE;

  existing = signet_store_list_key_dates (self->store, self->extras_contract_id, error);
  if (existing == NULL)
    return FALSE;

  self->known_key_dates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < existing->len; i++)
    g_hash_table_add (self->known_key_dates, key_date_details (g_ptr_array_index (existing, i)));

  return TRUE;
}

gboolean
_signet_xml_import_finish_key_date (Import *self)
{
  g_autoptr(SignetUserKeyDate) key_date = g_steal_pointer (&self->key_date);
  g_autoptr(GError) error = NULL;
  g_autofree char *details = NULL;
  guint line = self->dated_line;

  /* A missing date or title is the schema's to report. */
  if (!writes_extras (self) || key_date->date == NULL || key_date->title == NULL)
    return TRUE;

  /* A file written before planned payments keeps its meaning. */
  if (key_date->kind == SIGNET_KEY_DATE_PAYMENT)
    return _signet_xml_import_add_payment_key_date (self, key_date, line);

  if (!read_known_key_dates (self, &error))
    return _signet_xml_import_fail_in_contract (self, error, line, 0, NULL);

  details = key_date_details (key_date);
  if (g_hash_table_contains (self->known_key_dates, details))
    return TRUE;

  key_date->contract_id = self->extras_contract_id;
  if (!signet_store_add_key_date (self->store, key_date, &error))
    return _signet_xml_import_fail_in_contract (self, error, line,
                                                _signet_xml_import_locate_attribute (self, line, "date", key_date->date),
                                                key_date->date);

  g_hash_table_add (self->known_key_dates, g_steal_pointer (&details));
  self->report->key_dates_added++;

  return TRUE;
}

gboolean
_signet_xml_import_start_review (Import *self,
                                 guint   line)
{
  _signet_xml_import_clear_dated (self);
  self->dated_line = line;
  self->review = g_new0 (SignetReview, 1);
  self->review->contract_id = self->extras_contract_id;
  self->review->date = _signet_xml_import_get_attribute (self, "date");
  self->review->reviewer = _signet_xml_import_get_attribute (self, "reviewer");

  if (self->review->date != NULL && !_signet_xml_import_check_date (self, self->review->date, line, "review", "date"))
    return FALSE;

  return _signet_xml_import_start_review_report (self, line);
}

gboolean
_signet_xml_import_finish_review (Import *self)
{
  g_autoptr(SignetReview) review = g_steal_pointer (&self->review);
  g_autoptr(GError) error = NULL;
  g_autofree char *reviewer = NULL;
  g_autofree char *details = NULL;
  guint line = self->dated_line;
  gboolean recorded = FALSE;

  if (!writes_extras (self) || review->date == NULL || review->reviewer == NULL)
    return TRUE;

  /* The store keeps the reviewer's name without surrounding spaces. */
  reviewer = g_strstrip (g_strdup (review->reviewer));

  /* Read once per contract, as its key dates are. */
  if (self->known_reviews == NULL)
    {
      g_autoptr(GPtrArray) existing = signet_store_list_reviews (self->store, self->extras_contract_id, &error);

      if (existing == NULL)
        return _signet_xml_import_fail_in_contract (self, error, line, 0, NULL);

      self->known_reviews = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < existing->len; i++)
        {
          SignetReview *other = g_ptr_array_index (existing, i);

          g_hash_table_add (self->known_reviews, review_details (other->date, other->reviewer, other->note));
        }
    }

  details = review_details (review->date, reviewer, review->note);
  if (g_hash_table_contains (self->known_reviews, details))
    return TRUE;

  if (!_signet_xml_import_record_review_report (self, review, line, &recorded))
    return FALSE;

  if (!recorded &&
      !signet_store_record_review (self->store, self->extras_contract_id, review->date, review->reviewer,
                                   review->note, NULL, &error))
    return _signet_xml_import_fail_in_contract (self, error, line,
                                                _signet_xml_import_locate_attribute (self, line, "date", review->date),
                                                review->date);

  g_hash_table_add (self->known_reviews, g_steal_pointer (&details));
  self->report->reviews_added++;

  return TRUE;
}

gboolean
_signet_xml_import_check_time (Import     *self,
                               const char *text,
                               guint       line,
                               const char *attribute)
{
  SignetDateCheck check;
  g_autofree char *message = NULL;

  /* A missing attribute is the schema's to report, or takes its default. */
  if (text == NULL)
    return TRUE;

  check = signet_timestamp_check (text, NULL);
  if (check == SIGNET_DATE_OK)
    return TRUE;

  message = signet_timestamp_describe_problem (text, check);

  return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                                  _signet_xml_import_locate_attribute (self, line, attribute, text), text,
                                  "%s", message);
}

static const struct
{
  const char        *attribute;
  SignetKeyDateKind  kind;
} lead_attributes[] = {
  { "end-leads", SIGNET_KEY_DATE_END },
  { "notice-leads", SIGNET_KEY_DATE_NOTICE_DEADLINE },
  { "review-leads", SIGNET_KEY_DATE_REVIEW },
};

static GArray **
settings_leads (SignetReminderSettings *settings,
                SignetKeyDateKind       kind)
{
  switch (kind)
    {
    case SIGNET_KEY_DATE_END:
      return &settings->end_leads;
    case SIGNET_KEY_DATE_NOTICE_DEADLINE:
      return &settings->notice_leads;
    case SIGNET_KEY_DATE_REVIEW:
    default:
      return &settings->review_leads;
    }
}

static gboolean
leads_equal (GArray *a,
             GArray *b)
{
  g_autofree char *text_a = a ? signet_reminder_leads_to_string (a) : NULL;
  g_autofree char *text_b = b ? signet_reminder_leads_to_string (b) : NULL;

  return g_strcmp0 (text_a, text_b) == 0;
}

gboolean
_signet_xml_import_read_reminders (Import *self,
                                   guint   line)
{
  g_autoptr(SignetReminderSettings) settings = signet_reminder_settings_new ();
  g_autoptr(SignetReminderSettings) current = NULL;
  g_autoptr(GError) error = NULL;
  gboolean same = TRUE;
  gboolean own = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (lead_attributes); i++)
    {
      g_autofree char *text = _signet_xml_import_get_attribute (self, lead_attributes[i].attribute);
      GArray **leads = settings_leads (settings, lead_attributes[i].kind);

      /* Left out: the Preferences' lead times; empty: no reminders. */
      if (text == NULL)
        continue;

      *leads = signet_reminder_leads_parse (text, &error);
      if (*leads == NULL)
        return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                     _signet_xml_import_locate_attribute (self, line, lead_attributes[i].attribute, text), text,
                     _("Contract %s: %s"), self->key ? self->key : "", error->message);
    }

  if (!writes_extras (self))
    return TRUE;

  current = signet_store_get_reminder_settings (self->store, self->extras_contract_id, &error);
  if (current == NULL)
    return _signet_xml_import_fail_in_contract (self, error, line, 0, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (lead_attributes); i++)
    {
      GArray *current_leads = *settings_leads (current, lead_attributes[i].kind);

      same = same && leads_equal (current_leads, *settings_leads (settings, lead_attributes[i].kind));
      own = own || current_leads != NULL;
    }

  if (same)
    return TRUE;

  if (own && !self->contract_added && !self->contract_updated &&
      self->options->on_conflict != SIGNET_CONFLICT_UPDATE)
    return TRUE;

  if (!signet_store_set_reminder_settings (self->store, self->extras_contract_id, settings, &error))
    return _signet_xml_import_fail_in_contract (self, error, line, 0, NULL);

  self->report->reminders_changed++;

  return TRUE;
}
