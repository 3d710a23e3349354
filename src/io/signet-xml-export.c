/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-xml"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "signet-file-replace.h"
#include "signet-money.h"
#include "signet-store-attachments.h"
#include "signet-store-events.h"
#include "signet-store-review-findings.h"
#include "signet-store-uuids.h"
#include "signet-xml-export-private.h"

static int
write_cb (void       *context,
          const char *buffer,
          int         len)
{
  Export *self = context;
  gsize written = 0;

  if (self->error != NULL)
    return -1;

  if (!g_output_stream_write_all (self->stream, buffer, len, &written,
                                  self->cancellable, &self->error))
    return -1;

  return len;
}

static int
close_cb (void *context)
{
  return 0;
}

/* The failures libxml2 reports here are the stream's, which Export keeps. */
static void
ignore_libxml_error_cb (void        *user_data,
                        xmlErrorPtr  error)
{
}

/* Records whose text XML cannot carry (control characters, broken UTF-8)
 * stop the export, naming the record: writing them would give a file that
 * no XML reader accepts, and dropping the characters would lose data. */
gboolean
_signet_xml_export_check_text (const char  *text,
                               const char  *record,
                               const char  *label,
                               GError     **error)
{
  gunichar bad_char;

  if (text == NULL || _signet_xml_text_is_writable (text, &bad_char))
    return TRUE;

  g_set_error (error, SIGNET_XML_ERROR, SIGNET_XML_ERROR_UNWRITABLE,
               /* Translators: the first %s is a contract number or client code, the second a field name. */
               _("%s: the field “%s” holds the character U+%04X, which an XML file cannot contain. "
                 "Remove it and export again."),
               record, label, bad_char);

  return FALSE;
}

static gboolean
check_text (const char   *text,
            const char   *record,
            SignetField   field,
            GError      **error)
{
  gunichar bad_char;

  /* The field's label is translated only for the message: looking it up
   * for every field of 100,000 contracts was a tenth of the export. */
  if (text == NULL || _signet_xml_text_is_writable (text, &bad_char))
    return TRUE;

  return _signet_xml_export_check_text (text, record, signet_field_to_label (field), error);
}

gboolean
_signet_xml_export_writer_failed (Export  *self,
                                  GError **error)
{
  if (self->error != NULL)
    g_propagate_error (error, g_steal_pointer (&self->error));
  else
    g_set_error (error, SIGNET_XML_ERROR, SIGNET_XML_ERROR_FAILED,
                 _("The file could not be written."));

  return FALSE;
}

static gboolean
write_token_element (Export      *self,
                     const char  *name,
                     const char  *token,
                     GError     **error)
{
  if (xmlTextWriterWriteElement (self->writer, BAD_CAST name, BAD_CAST token) < 0)
    return _signet_xml_export_writer_failed (self, error);

  return TRUE;
}

/* Writes <name>text</name>, or nothing for an empty field. */
static gboolean
write_text_element (Export      *self,
                    const char  *name,
                    const char  *text,
                    const char  *record,
                    SignetField  field,
                    GError     **error)
{
  if (text == NULL || *text == '\0')
    return TRUE;

  if (!check_text (text, record, field, error))
    return FALSE;

  if (xmlTextWriterWriteElement (self->writer, BAD_CAST name, BAD_CAST text) < 0)
    return _signet_xml_export_writer_failed (self, error);

  return TRUE;
}

static gboolean
write_client (Export        *self,
              SignetClient  *client,
              GError       **error)
{
  const char *code = signet_client_get_code (client);

  if (!check_text (code, code, SIGNET_FIELD_CLIENT_CODE, error))
    return FALSE;

  if (xmlTextWriterStartElement (self->writer, BAD_CAST "client") < 0 ||
      xmlTextWriterWriteAttribute (self->writer, BAD_CAST "code", BAD_CAST code) < 0)
    return _signet_xml_export_writer_failed (self, error);

  if (!write_text_element (self, "name", signet_client_get_name (client), code, SIGNET_FIELD_CLIENT_NAME, error) ||
      !write_text_element (self, "contact", signet_client_get_contact (client), code, SIGNET_FIELD_CLIENT_CONTACT, error) ||
      !write_text_element (self, "phone", signet_client_get_phone (client), code, SIGNET_FIELD_CLIENT_PHONE, error) ||
      !write_text_element (self, "email", signet_client_get_email (client), code, SIGNET_FIELD_CLIENT_EMAIL, error) ||
      !write_text_element (self, "address", signet_client_get_address (client), code, SIGNET_FIELD_CLIENT_ADDRESS, error) ||
      !write_text_element (self, "notes", signet_client_get_notes (client), code, SIGNET_FIELD_CLIENT_NOTES, error))
    return FALSE;

  if (xmlTextWriterEndElement (self->writer) < 0)
    return _signet_xml_export_writer_failed (self, error);

  return TRUE;
}

/* The record's UUID, so that an import into another register keeps what
 * calendar files name it by. A row written by hand into the database may
 * have none; the import gives it one. */
static gboolean
write_uuid (Export     *self,
            const char *uuid)
{
  return !signet_uuid_is_valid (uuid) ||
         xmlTextWriterWriteAttribute (self->writer, BAD_CAST "uuid", BAD_CAST uuid) >= 0;
}

/* The key dates users added, by date (the order the store lists them in,
 * and the order they come back in once imported). */
static gboolean
write_key_dates (Export      *self,
                 gint64       contract_id,
                 const char  *number,
                 GError     **error)
{
  g_autoptr(GPtrArray) key_dates = signet_store_list_key_dates (self->store, contract_id, error);
  gboolean started = FALSE;

  if (key_dates == NULL)
    return FALSE;

  for (guint i = 0; i < key_dates->len; i++)
    {
      SignetUserKeyDate *key_date = g_ptr_array_index (key_dates, i);

      /* Written as the planned payment it stands for, with <payments>. */
      if (key_date->kind == SIGNET_KEY_DATE_PAYMENT)
        continue;

      if (!started && xmlTextWriterStartElement (self->writer, BAD_CAST "key-dates") < 0)
        return _signet_xml_export_writer_failed (self, error);
      started = TRUE;

      if (xmlTextWriterStartElement (self->writer, BAD_CAST "key-date") < 0 ||
          xmlTextWriterWriteAttribute (self->writer, BAD_CAST "kind",
                                       BAD_CAST signet_key_date_kind_to_token (key_date->kind)) < 0 ||
          xmlTextWriterWriteAttribute (self->writer, BAD_CAST "date", BAD_CAST key_date->date) < 0 ||
          !write_uuid (self, key_date->uuid))
        return _signet_xml_export_writer_failed (self, error);

      if (!write_text_element (self, "title", key_date->title, number, SIGNET_FIELD_KEY_DATE_TITLE, error) ||
          !write_text_element (self, "note", key_date->note, number, SIGNET_FIELD_KEY_DATE_NOTE, error))
        return FALSE;

      if (xmlTextWriterEndElement (self->writer) < 0)
        return _signet_xml_export_writer_failed (self, error);
    }

  if (started && xmlTextWriterEndElement (self->writer) < 0)
    return _signet_xml_export_writer_failed (self, error);

  return TRUE;
}

/* A review's checklist as it answered it, then its follow-up actions. */
static gboolean
write_review_findings (Export                    *self,
                       const SignetReviewReport  *review,
                       const char                *number,
                       GError                   **error)
{
  for (guint i = 0; review->items != NULL && i < review->items->len; i++)
    {
      const SignetReviewItem *item = g_ptr_array_index (review->items, i);
      const char *answer = signet_review_answer_to_token (item->answer);

      if (!check_text (item->item, number, SIGNET_FIELD_REVIEW_CHECKLIST, error))
        return FALSE;

      if (xmlTextWriterStartElement (self->writer, BAD_CAST "item") < 0 ||
          xmlTextWriterWriteAttribute (self->writer, BAD_CAST "clause", BAD_CAST item->item) < 0 ||
          (answer != NULL && xmlTextWriterWriteAttribute (self->writer, BAD_CAST "answer", BAD_CAST answer) < 0))
        return _signet_xml_export_writer_failed (self, error);

      if (!write_text_element (self, "finding", item->finding, number, SIGNET_FIELD_REVIEW_CHECKLIST, error))
        return FALSE;

      if (xmlTextWriterEndElement (self->writer) < 0)
        return _signet_xml_export_writer_failed (self, error);
    }

  for (guint i = 0; review->actions != NULL && i < review->actions->len; i++)
    {
      const SignetReviewAction *action = g_ptr_array_index (review->actions, i);

      if (!check_text (action->owner_name, number, SIGNET_FIELD_REVIEW_CHECKLIST, error))
        return FALSE;

      if (xmlTextWriterStartElement (self->writer, BAD_CAST "action") < 0 ||
          !write_uuid (self, action->uuid) ||
          (action->owner_name != NULL &&
           xmlTextWriterWriteAttribute (self->writer, BAD_CAST "owner", BAD_CAST action->owner_name) < 0) ||
          (action->due_date != NULL &&
           xmlTextWriterWriteAttribute (self->writer, BAD_CAST "due", BAD_CAST action->due_date) < 0) ||
          (action->done_date != NULL &&
           xmlTextWriterWriteAttribute (self->writer, BAD_CAST "done", BAD_CAST action->done_date) < 0))
        return _signet_xml_export_writer_failed (self, error);

      if (!write_text_element (self, "description", action->description, number, SIGNET_FIELD_REVIEW_CHECKLIST, error))
        return FALSE;

      if (xmlTextWriterEndElement (self->writer) < 0)
        return _signet_xml_export_writer_failed (self, error);
    }

  return TRUE;
}

/* Recorded reviews, oldest first: the store lists them newest first. */
static gboolean
write_reviews (Export      *self,
               gint64       contract_id,
               const char  *number,
               GError     **error)
{
  g_autoptr(GPtrArray) reviews = signet_store_list_review_reports (self->store, contract_id, error);

  if (reviews == NULL)
    return FALSE;

  if (reviews->len == 0)
    return TRUE;

  if (xmlTextWriterStartElement (self->writer, BAD_CAST "reviews") < 0)
    return _signet_xml_export_writer_failed (self, error);

  for (guint i = reviews->len; i > 0; i--)
    {
      SignetReviewReport *review = g_ptr_array_index (reviews, i - 1);

      if (!check_text (review->reviewer, number, SIGNET_FIELD_REVIEW_REVIEWER, error))
        return FALSE;

      if (xmlTextWriterStartElement (self->writer, BAD_CAST "review") < 0 ||
          xmlTextWriterWriteAttribute (self->writer, BAD_CAST "date", BAD_CAST review->date) < 0 ||
          xmlTextWriterWriteAttribute (self->writer, BAD_CAST "reviewer", BAD_CAST review->reviewer) < 0 ||
          (review->follow_up_date != NULL &&
           xmlTextWriterWriteAttribute (self->writer, BAD_CAST "follow-up", BAD_CAST review->follow_up_date) < 0))
        return _signet_xml_export_writer_failed (self, error);

      if (!write_text_element (self, "note", review->note, number, SIGNET_FIELD_REVIEW_NOTE, error) ||
          !write_review_findings (self, review, number, error))
        return FALSE;

      if (xmlTextWriterEndElement (self->writer) < 0)
        return _signet_xml_export_writer_failed (self, error);
    }

  if (xmlTextWriterEndElement (self->writer) < 0)
    return _signet_xml_export_writer_failed (self, error);

  return TRUE;
}

/* The contract's own lead times; nothing when it follows the Preferences. */
static gboolean
write_reminders (Export      *self,
                 gint64       contract_id,
                 GError     **error)
{
  static const struct
  {
    const char        *attribute;
    SignetKeyDateKind  kind;
  } kinds[] = {
    { "end-leads", SIGNET_KEY_DATE_END },
    { "notice-leads", SIGNET_KEY_DATE_NOTICE_DEADLINE },
    { "review-leads", SIGNET_KEY_DATE_REVIEW },
  };
  g_autoptr(SignetReminderSettings) settings = signet_store_get_reminder_settings (self->store, contract_id, error);
  gboolean started = FALSE;

  if (settings == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GArray *leads = signet_reminder_settings_get_leads (settings, kinds[i].kind);
      g_autofree char *text = NULL;

      if (leads == NULL)
        continue;

      if (!started && xmlTextWriterStartElement (self->writer, BAD_CAST "reminders") < 0)
        return _signet_xml_export_writer_failed (self, error);
      started = TRUE;

      text = signet_reminder_leads_to_string (leads);
      if (xmlTextWriterWriteAttribute (self->writer, BAD_CAST kinds[i].attribute, BAD_CAST text) < 0)
        return _signet_xml_export_writer_failed (self, error);
    }

  if (started && xmlTextWriterEndElement (self->writer) < 0)
    return _signet_xml_export_writer_failed (self, error);

  return TRUE;
}

static gboolean
write_contract (Export          *self,
                SignetContract  *contract,
                const char      *client_code,
                GError         **error)
{
  const char *number = signet_contract_get_number (contract);
  const char *currency = signet_contract_get_currency (contract);
  g_autofree char *amount = signet_money_to_decimal (signet_contract_get_value (contract), currency);
  g_autofree char *notice_days = g_strdup_printf ("%u", signet_contract_get_notice_days (contract));
  gint64 id = signet_contract_get_id (contract);

  if (!check_text (number, number, SIGNET_FIELD_CONTRACT_NUMBER, error))
    return FALSE;

  if (xmlTextWriterStartElement (self->writer, BAD_CAST "contract") < 0 ||
      xmlTextWriterWriteAttribute (self->writer, BAD_CAST "number", BAD_CAST number) < 0 ||
      xmlTextWriterWriteAttribute (self->writer, BAD_CAST "client", BAD_CAST client_code) < 0 ||
      !write_uuid (self, signet_contract_get_uuid (contract)))
    return _signet_xml_export_writer_failed (self, error);

  if (!write_text_element (self, "title", signet_contract_get_title (contract), number, SIGNET_FIELD_CONTRACT_TITLE, error) ||
      !write_text_element (self, "type", signet_contract_get_contract_type (contract), number, SIGNET_FIELD_CONTRACT_TYPE, error) ||
      !write_text_element (self, "owner", signet_contract_get_owner (contract), number, SIGNET_FIELD_CONTRACT_OWNER, error) ||
      !write_text_element (self, "department", signet_contract_get_department (contract), number, SIGNET_FIELD_CONTRACT_DEPARTMENT, error))
    return FALSE;

  if (xmlTextWriterStartElement (self->writer, BAD_CAST "value") < 0 ||
      xmlTextWriterWriteAttribute (self->writer, BAD_CAST "currency", BAD_CAST currency) < 0 ||
      xmlTextWriterWriteString (self->writer, BAD_CAST amount) < 0 ||
      xmlTextWriterEndElement (self->writer) < 0)
    return _signet_xml_export_writer_failed (self, error);

  if (!write_text_element (self, "signing-date", signet_contract_get_signing_date (contract), number, SIGNET_FIELD_CONTRACT_SIGNING_DATE, error) ||
      !write_text_element (self, "their-signing-date", signet_contract_get_their_signing_date (contract), number, SIGNET_FIELD_CONTRACT_SIGNING_DATE, error) ||
      !write_text_element (self, "start-date", signet_contract_get_start_date (contract), number, SIGNET_FIELD_CONTRACT_START_DATE, error) ||
      !write_text_element (self, "end-date", signet_contract_get_end_date (contract), number, SIGNET_FIELD_CONTRACT_END_DATE, error) ||
      !write_token_element (self, "auto-renew", signet_contract_get_auto_renew (contract) ? "true" : "false", error) ||
      !write_token_element (self, "notice-days", notice_days, error) ||
      !write_token_element (self, "status", signet_contract_status_to_token (signet_contract_get_status (contract)), error) ||
      !write_text_element (self, "termination-reason", signet_contract_get_termination_reason (contract), number, SIGNET_FIELD_CONTRACT_STATUS, error) ||
      !write_text_element (self, "termination-date", signet_contract_get_termination_date (contract), number, SIGNET_FIELD_CONTRACT_STATUS, error) ||
      !write_token_element (self, "risk-level", signet_risk_level_to_token (signet_contract_get_risk_level (contract)), error) ||
      !write_text_element (self, "tags", signet_contract_get_tags (contract), number, SIGNET_FIELD_CONTRACT_TAGS, error) ||
      !write_text_element (self, "notes", signet_contract_get_notes (contract), number, SIGNET_FIELD_CONTRACT_NOTES, error))
    return FALSE;

  /* Only when set: a file of contracts none of which is confidential
   * stays one that an earlier version of Signet reads. */
  if (signet_contract_get_confidential (contract) &&
      !write_token_element (self, "confidential", "true", error))
    return FALSE;

  if (g_hash_table_contains (self->with_records, &id))
    {
      if ((self->flags & SIGNET_EXPORT_WITH_ATTACHMENTS) &&
          !_signet_xml_export_write_attachments (self, id, number, error))
        return FALSE;

      if (!write_key_dates (self, id, number, error) ||
          !write_reviews (self, id, number, error) ||
          !write_reminders (self, id, error) ||
          !_signet_xml_export_write_process (self, id, number, error) ||
          !_signet_xml_export_write_notice_decisions (self, id, number, error) ||
          !_signet_xml_export_write_amendments (self, id, number, error) ||
          !_signet_xml_export_write_approval_steps (self, id, number, error))
        return FALSE;
    }

  if (!_signet_xml_export_write_renewal_of (self, id, error))
    return FALSE;

  if (g_hash_table_contains (self->with_records, &id) &&
      !_signet_xml_export_write_commitments (self, id, number, error))
    return FALSE;

  if (xmlTextWriterEndElement (self->writer) < 0)
    return _signet_xml_export_writer_failed (self, error);

  return TRUE;
}

static int
compare_clients_by_code (gconstpointer a,
                         gconstpointer b)
{
  SignetClient *client_a = *(SignetClient **) a;
  SignetClient *client_b = *(SignetClient **) b;

  return strcmp (signet_client_get_code (client_a), signet_client_get_code (client_b));
}

/* The clients to write, by code (a byte order, the same in every locale),
 * and a map from client id to code for the contracts. With a search, only
 * the clients of the listed contracts, and in @owners and @types the names
 * of the people and contract types they name. */
static GPtrArray *
collect_clients (Export      *self,
                 GArray      *contract_ids,
                 gboolean     all,
                 GHashTable  *codes,
                 GHashTable  *owners,
                 GHashTable  *types,
                 GError     **error)
{
  g_autoptr(GListModel) model = signet_store_list_clients (self->store, error);
  g_autoptr(GPtrArray) clients = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) wanted = NULL;
  guint n_clients;

  if (model == NULL)
    return NULL;

  n_clients = g_list_model_get_n_items (model);
  if (!all)
    {
      wanted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

      for (guint i = 0; i < contract_ids->len; i++)
        {
          g_autoptr(SignetContract) contract =
            signet_store_get_contract (self->store, g_array_index (contract_ids, gint64, i), error);
          gint64 client_id;

          if (contract == NULL)
            return NULL;

          client_id = signet_contract_get_client_id (contract);
          g_hash_table_add (wanted, g_memdup2 (&client_id, sizeof client_id));
          if (signet_contract_get_owner (contract) != NULL)
            g_hash_table_add (owners, g_strdup (signet_contract_get_owner (contract)));
          if (signet_contract_get_contract_type (contract) != NULL)
            g_hash_table_add (types, g_strdup (signet_contract_get_contract_type (contract)));
          if (g_hash_table_contains (self->with_records, &g_array_index (contract_ids, gint64, i)) &&
              !_signet_xml_export_collect_commitment_people (self, g_array_index (contract_ids, gint64, i),
                                                             owners, error))
            return NULL;
        }
    }

  for (guint i = 0; i < n_clients; i++)
    {
      g_autoptr(SignetClient) client = g_list_model_get_item (model, i);
      gint64 id = signet_client_get_id (client);

      g_hash_table_insert (codes, g_memdup2 (&id, sizeof id), g_strdup (signet_client_get_code (client)));
      if (all || g_hash_table_contains (wanted, &id))
        g_ptr_array_add (clients, g_steal_pointer (&client));
    }

  g_ptr_array_sort (clients, compare_clients_by_code);

  return g_steal_pointer (&clients);
}

static gboolean
write_register (Export      *self,
                const char  *search,
                GError     **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) clients = NULL;
  g_autoptr(GHashTable) codes = NULL;
  g_autoptr(GHashTable) owners = NULL;
  g_autoptr(GHashTable) types = NULL;
  xmlTextWriterPtr writer = self->writer;
  gboolean all = (search == NULL || *search == '\0');
  guint n_records;

  ids = signet_store_query_contract_ids (self->store, all ? NULL : search, SIGNET_SORT_NUMBER, FALSE, error);
  if (ids == NULL)
    return FALSE;

  self->with_records = signet_store_list_contracts_with_records (self->store, error);
  if (self->with_records == NULL ||
      !_signet_xml_export_read_renewals (self, all ? NULL : ids, error))
    return FALSE;

  codes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  if (!all)
    {
      owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  clients = collect_clients (self, ids, all, codes, owners, types, error);
  if (clients == NULL)
    return FALSE;

  n_records = clients->len + ids->len;

  if (xmlTextWriterSetIndent (writer, 1) < 0 ||
      xmlTextWriterSetIndentString (writer, BAD_CAST "  ") < 0 ||
      xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL) < 0 ||
      xmlTextWriterStartElement (writer, BAD_CAST "register") < 0 ||
      xmlTextWriterWriteAttribute (writer, BAD_CAST "xmlns", BAD_CAST SIGNET_XML_NAMESPACE) < 0 ||
      xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "version", "%d", SIGNET_XML_VERSION) < 0)
    return _signet_xml_export_writer_failed (self, error);

  if (!_signet_xml_export_write_people (self, owners, error) ||
      !_signet_xml_export_write_contract_types (self, types, error) ||
      !_signet_xml_export_write_approval_routes (self, error))
    return FALSE;

  if (xmlTextWriterStartElement (writer, BAD_CAST "clients") < 0)
    return _signet_xml_export_writer_failed (self, error);

  for (guint i = 0; i < clients->len; i++)
    {
      if (!write_client (self, g_ptr_array_index (clients, i), error))
        return FALSE;
      _signet_xml_progress_report (&self->progress, (double) (i + 1) / (n_records + 1));
    }

  if (xmlTextWriterEndElement (writer) < 0 ||
      xmlTextWriterStartElement (writer, BAD_CAST "contracts") < 0)
    return _signet_xml_export_writer_failed (self, error);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(SignetContract) contract = NULL;
      const char *client_code;
      gint64 client_id;

      if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
        return FALSE;

      contract = signet_store_get_contract (self->store, g_array_index (ids, gint64, i), error);
      if (contract == NULL)
        return FALSE;

      client_id = signet_contract_get_client_id (contract);
      client_code = g_hash_table_lookup (codes, &client_id);
      g_assert (client_code != NULL);

      if (!write_contract (self, contract, client_code, error))
        return FALSE;
      _signet_xml_progress_report (&self->progress, (double) (clients->len + i + 1) / (n_records + 1));
    }

  if (xmlTextWriterEndElement (writer) < 0)
    return _signet_xml_export_writer_failed (self, error);

  /* The saved views travel with the whole register, not with a search's
   * contracts, whose file may go to another register. */
  if (all && !_signet_xml_export_write_saved_views (self, error))
    return FALSE;

  if (xmlTextWriterEndDocument (writer) < 0 || xmlTextWriterFlush (writer) < 0)
    return _signet_xml_export_writer_failed (self, error);

  return TRUE;
}

gboolean
signet_xml_export_to_stream (SignetStore            *store,
                             GOutputStream          *stream,
                             const char             *search,
                             SignetExportFlags       flags,
                             GCancellable           *cancellable,
                             SignetXmlProgressFunc   progress,
                             gpointer                progress_data,
                             GError                **error)
{
  Export self = { 0 };
  gboolean success;

  g_return_val_if_fail (SIGNET_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  _signet_xml_init ();

  self.store = store;
  self.stream = stream;
  self.cancellable = cancellable;
  self.flags = flags;
  _signet_xml_progress_init (&self.progress, progress, progress_data);
  _signet_xml_progress_report (&self.progress, 0.0);

  /* One transaction for the whole export: every record comes from the same
   * state of the register, and the reads skip a lock each. It writes
   * nothing and is rolled back. */
  if (!signet_store_begin_batch (store, error))
    return FALSE;

  xmlSetStructuredErrorFunc (NULL, ignore_libxml_error_cb);
  self.writer = xmlNewTextWriter (xmlOutputBufferCreateIO (write_cb, close_cb, &self, NULL));
  success = write_register (&self, search, error);
  signet_store_rollback_batch (store);
  g_clear_pointer (&self.with_records, g_hash_table_unref);
  g_clear_pointer (&self.renewals, g_hash_table_unref);
  g_clear_pointer (&self.person_names, g_hash_table_unref);

  /* Freeing the writer flushes what it still holds. */
  xmlFreeTextWriter (self.writer);
  xmlSetStructuredErrorFunc (NULL, NULL);
  if (success && self.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self.error));
      success = FALSE;
    }
  g_clear_error (&self.error);

  if (success && !g_output_stream_flush (stream, cancellable, error))
    success = FALSE;

  if (success)
    _signet_xml_progress_report (&self.progress, 1.0);

  return success;
}

typedef struct
{
  SignetStore           *store;
  const char            *search;
  SignetExportFlags      flags;
  SignetXmlProgressFunc  progress;
  gpointer               progress_data;
} ExportToFile;

static gboolean
write_export (GOutputStream  *stream,
              gpointer        user_data,
              GCancellable   *cancellable,
              GError        **error)
{
  ExportToFile *export = user_data;

  return signet_xml_export_to_stream (export->store, stream, export->search, export->flags,
                                      cancellable, export->progress, export->progress_data, error);
}

gboolean
signet_xml_export (SignetStore            *store,
                   GFile                  *dest,
                   const char             *search,
                   SignetExportFlags       flags,
                   GCancellable           *cancellable,
                   SignetXmlProgressFunc   progress,
                   gpointer                progress_data,
                   GError                **error)
{
  ExportToFile export = { store, search, flags, progress, progress_data };

  g_return_val_if_fail (SIGNET_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return signet_file_replace (store, dest, write_export, &export, cancellable, error);
}
