/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-xml"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "signet-money.h"
#include "signet-store-amendments.h"
#include "signet-store-approvals.h"
#include "signet-store-attachments.h"
#include "signet-store-notice.h"
#include "signet-store-people.h"
#include "signet-store-process.h"
#include "signet-store-renewals.h"
#include "signet-store-uuids.h"
#include "signet-store-types.h"
#include "signet-xml-export-private.h"

/* The records of the contract's life written by an export: the register's
 * people and contract types (before the clients, so that the contracts
 * that name them come after), and each contract's process steps and
 * amendments (after its reminder settings). */

static gboolean
check_field (const char   *text,
             const char   *record,
             SignetField   field,
             GError      **error)
{
  return _signet_xml_export_check_text (text, record, signet_field_to_label (field), error);
}

/* <name>text</name>, or nothing for an empty text. */
static gboolean
write_text (Export      *self,
            const char  *name,
            const char  *text,
            const char  *record,
            SignetField  field,
            GError     **error)
{
  if (text == NULL || *text == '\0')
    return TRUE;

  if (!check_field (text, record, field, error))
    return FALSE;

  if (xmlTextWriterWriteElement (self->writer, BAD_CAST name, BAD_CAST text) < 0)
    return _signet_xml_export_writer_failed (self, error);

  return TRUE;
}

static gboolean
write_attribute (Export      *self,
                 const char  *name,
                 const char  *value,
                 const char  *record,
                 SignetField  field,
                 GError     **error)
{
  if (value == NULL)
    return TRUE;

  if (!check_field (value, record, field, error))
    return FALSE;

  if (xmlTextWriterWriteAttribute (self->writer, BAD_CAST name, BAD_CAST value) < 0)
    return _signet_xml_export_writer_failed (self, error);

  return TRUE;
}

static gboolean
write_number (Export     *self,
              const char *name,
              gint64      number,
              GError    **error)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, number);

  if (xmlTextWriterWriteElement (self->writer, BAD_CAST name, BAD_CAST text) < 0)
    return _signet_xml_export_writer_failed (self, error);

  return TRUE;
}

static gboolean
end_element (Export  *self,
             GError **error)
{
  if (xmlTextWriterEndElement (self->writer) < 0)
    return _signet_xml_export_writer_failed (self, error);

  return TRUE;
}

static int
compare_people_by_name (gconstpointer a,
                        gconstpointer b)
{
  return strcmp (signet_person_get_name (*(SignetPerson **) a), signet_person_get_name (*(SignetPerson **) b));
}

gboolean
_signet_xml_export_write_people (Export      *self,
                                 GHashTable  *wanted,
                                 GError     **error)
{
  g_autoptr(GListModel) model = signet_store_list_people (self->store, error);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);

  if (model == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SignetPerson) person = g_list_model_get_item (model, i);

      if (wanted == NULL || g_hash_table_contains (wanted, signet_person_get_name (person)))
        g_ptr_array_add (people, g_steal_pointer (&person));
    }

  if (people->len == 0)
    return TRUE;

  /* By name in byte order, the same in every language, as clients are by
   * code: the same register gives the same bytes. */
  g_ptr_array_sort (people, compare_people_by_name);

  if (xmlTextWriterStartElement (self->writer, BAD_CAST "people") < 0)
    return _signet_xml_export_writer_failed (self, error);

  for (guint i = 0; i < people->len; i++)
    {
      SignetPerson *person = g_ptr_array_index (people, i);
      const char *name = signet_person_get_name (person);

      if (xmlTextWriterStartElement (self->writer, BAD_CAST "person") < 0)
        return _signet_xml_export_writer_failed (self, error);

      if (!write_attribute (self, "name", name, name, SIGNET_FIELD_PERSON_NAME, error) ||
          !write_text (self, "department", signet_person_get_department (person), name, SIGNET_FIELD_PERSON_DEPARTMENT, error) ||
          !write_text (self, "role", signet_person_get_role (person), name, SIGNET_FIELD_PERSON_ROLE, error) ||
          !write_text (self, "email", signet_person_get_email (person), name, SIGNET_FIELD_PERSON_EMAIL, error) ||
          !end_element (self, error))
        return FALSE;
    }

  return end_element (self, error);
}

static int
compare_types_by_name (gconstpointer a,
                       gconstpointer b)
{
  return strcmp (signet_contract_type_get_name (*(SignetContractType **) a),
                 signet_contract_type_get_name (*(SignetContractType **) b));
}

static gboolean
write_contract_type (Export              *self,
                     SignetContractType  *type,
                     GError             **error)
{
  const char *name = signet_contract_type_get_name (type);
  GPtrArray *offsets = signet_contract_type_get_key_date_offsets (type);
  const char * const *clauses = signet_contract_type_get_checklist (type);
  SignetAutoRenewDefault auto_renew = signet_contract_type_get_auto_renew (type);

  if (xmlTextWriterStartElement (self->writer, BAD_CAST "contract-type") < 0)
    return _signet_xml_export_writer_failed (self, error);

  if (!write_attribute (self, "name", name, name, SIGNET_FIELD_TYPE_NAME, error) ||
      !write_text (self, "currency", signet_contract_type_get_currency (type), name, SIGNET_FIELD_CONTRACT_CURRENCY, error) ||
      !write_text (self, "department", signet_contract_type_get_department (type), name, SIGNET_FIELD_CONTRACT_DEPARTMENT, error))
    return FALSE;

  if (signet_contract_type_get_risk_level (type) >= 0 &&
      xmlTextWriterWriteElement (self->writer, BAD_CAST "risk-level",
                                 BAD_CAST signet_risk_level_to_token (signet_contract_type_get_risk_level (type))) < 0)
    return _signet_xml_export_writer_failed (self, error);

  if (signet_contract_type_get_notice_days (type) >= 0 &&
      !write_number (self, "notice-days", signet_contract_type_get_notice_days (type), error))
    return FALSE;

  if (auto_renew != SIGNET_AUTO_RENEW_UNSET &&
      xmlTextWriterWriteElement (self->writer, BAD_CAST "auto-renew",
                                 BAD_CAST (auto_renew == SIGNET_AUTO_RENEW_YES ? "true" : "false")) < 0)
    return _signet_xml_export_writer_failed (self, error);

  if ((signet_contract_type_get_term_months (type) > 0 &&
       !write_number (self, "term-months", signet_contract_type_get_term_months (type), error)) ||
      (signet_contract_type_get_review_months (type) > 0 &&
       !write_number (self, "review-months", signet_contract_type_get_review_months (type), error)))
    return FALSE;

  for (guint i = 0; i < offsets->len; i++)
    {
      const SignetKeyDateOffset *offset = g_ptr_array_index (offsets, i);

      if (xmlTextWriterStartElement (self->writer, BAD_CAST "key-date-offset") < 0 ||
          xmlTextWriterWriteAttribute (self->writer, BAD_CAST "kind", BAD_CAST signet_key_date_kind_to_token (offset->kind)) < 0 ||
          xmlTextWriterWriteFormatAttribute (self->writer, BAD_CAST "days", "%u", offset->days) < 0)
        return _signet_xml_export_writer_failed (self, error);

      if (!write_text (self, "title", offset->title, name, SIGNET_FIELD_TYPE_KEY_DATES, error) ||
          !end_element (self, error))
        return FALSE;
    }

  for (guint i = 0; clauses[i] != NULL; i++)
    if (!write_text (self, "clause", clauses[i], name, SIGNET_FIELD_TYPE_CHECKLIST, error))
      return FALSE;

  return end_element (self, error);
}

gboolean
_signet_xml_export_write_contract_types (Export      *self,
                                         GHashTable  *wanted,
                                         GError     **error)
{
  g_autoptr(GPtrArray) all = signet_store_list_contract_types (self->store, error);
  g_autoptr(GPtrArray) types = g_ptr_array_new ();

  if (all == NULL)
    return FALSE;

  for (guint i = 0; i < all->len; i++)
    {
      SignetContractType *type = g_ptr_array_index (all, i);

      if (wanted == NULL || g_hash_table_contains (wanted, signet_contract_type_get_name (type)))
        g_ptr_array_add (types, type);
    }

  if (types->len == 0)
    return TRUE;

  g_ptr_array_sort (types, compare_types_by_name);

  if (xmlTextWriterStartElement (self->writer, BAD_CAST "contract-types") < 0)
    return _signet_xml_export_writer_failed (self, error);

  for (guint i = 0; i < types->len; i++)
    if (!write_contract_type (self, g_ptr_array_index (types, i), error))
      return FALSE;

  return end_element (self, error);
}

/* The contract's process steps, oldest first, as the store lists them. */
gboolean
_signet_xml_export_write_process (Export      *self,
                                  gint64       contract_id,
                                  const char  *number,
                                  GError     **error)
{
  g_autoptr(GPtrArray) events = signet_store_list_process_events (self->store, contract_id, error);

  if (events == NULL)
    return FALSE;

  if (events->len == 0)
    return TRUE;

  if (xmlTextWriterStartElement (self->writer, BAD_CAST "process") < 0)
    return _signet_xml_export_writer_failed (self, error);

  for (guint i = 0; i < events->len; i++)
    {
      SignetProcessEvent *event = g_ptr_array_index (events, i);

      if (xmlTextWriterStartElement (self->writer, BAD_CAST "step") < 0 ||
          (event->has_action &&
           xmlTextWriterWriteAttribute (self->writer, BAD_CAST "action",
                                        BAD_CAST signet_process_action_to_token (event->action)) < 0) ||
          xmlTextWriterWriteAttribute (self->writer, BAD_CAST "from",
                                       BAD_CAST signet_contract_status_to_token (event->from_status)) < 0 ||
          xmlTextWriterWriteAttribute (self->writer, BAD_CAST "to",
                                       BAD_CAST signet_contract_status_to_token (event->to_status)) < 0 ||
          xmlTextWriterWriteAttribute (self->writer, BAD_CAST "at", BAD_CAST event->at) < 0)
        return _signet_xml_export_writer_failed (self, error);

      if (!write_attribute (self, "recorded-by", event->recorded_by, number, SIGNET_FIELD_CONTRACT_STATUS, error) ||
          !write_attribute (self, "decided-by", event->decided_by, number, SIGNET_FIELD_CONTRACT_STATUS, error) ||
          !write_attribute (self, "our-signing-date", event->our_signing_date, number, SIGNET_FIELD_CONTRACT_SIGNING_DATE, error) ||
          !write_attribute (self, "their-signing-date", event->their_signing_date, number, SIGNET_FIELD_CONTRACT_SIGNING_DATE, error) ||
          !write_attribute (self, "termination-reason", event->termination_reason, number, SIGNET_FIELD_CONTRACT_STATUS, error) ||
          !write_attribute (self, "effective-date", event->effective_date, number, SIGNET_FIELD_CONTRACT_STATUS, error) ||
          !write_attribute (self, "term-end", event->term_end, number, SIGNET_FIELD_CONTRACT_END_DATE, error) ||
          !write_attribute (self, "new-term-end", event->new_term_end, number, SIGNET_FIELD_CONTRACT_END_DATE, error) ||
          !write_text (self, "comment", event->comment, number, SIGNET_FIELD_CONTRACT_STATUS, error) ||
          !end_element (self, error))
        return FALSE;
    }

  return end_element (self, error);
}

/* The decisions taken at the contract's notice deadlines, oldest first. */
gboolean
_signet_xml_export_write_notice_decisions (Export      *self,
                                           gint64       contract_id,
                                           const char  *number,
                                           GError     **error)
{
  g_autoptr(GPtrArray) decisions = signet_store_list_notice_decisions (self->store, contract_id, error);

  if (decisions == NULL)
    return FALSE;

  if (decisions->len == 0)
    return TRUE;

  if (xmlTextWriterStartElement (self->writer, BAD_CAST "notice-decisions") < 0)
    return _signet_xml_export_writer_failed (self, error);

  for (guint i = 0; i < decisions->len; i++)
    {
      SignetNoticeDecision *decision = g_ptr_array_index (decisions, i);

      if (xmlTextWriterStartElement (self->writer, BAD_CAST "decision") < 0 ||
          xmlTextWriterWriteAttribute (self->writer, BAD_CAST "deadline", BAD_CAST decision->deadline) < 0 ||
          xmlTextWriterWriteAttribute (self->writer, BAD_CAST "term-end", BAD_CAST decision->term_end) < 0 ||
          xmlTextWriterWriteAttribute (self->writer, BAD_CAST "choice",
                                       BAD_CAST signet_notice_choice_to_token (decision->choice)) < 0 ||
          xmlTextWriterWriteAttribute (self->writer, BAD_CAST "at", BAD_CAST decision->at) < 0)
        return _signet_xml_export_writer_failed (self, error);

      if (!write_attribute (self, "recorded-by", decision->recorded_by, number, SIGNET_FIELD_CONTRACT_NOTICE_DAYS, error) ||
          !write_attribute (self, "decided-by", decision->decided_by, number, SIGNET_FIELD_CONTRACT_NOTICE_DAYS, error) ||
          !write_text (self, "comment", decision->comment, number, SIGNET_FIELD_CONTRACT_NOTICE_DAYS, error) ||
          !end_element (self, error))
        return FALSE;
    }

  return end_element (self, error);
}

/* The SHA-256 of the amendment's signed file, which the import finds among
 * the contract's attachments; only when they are written too. */
static gboolean
write_amendment_attachment (Export                 *self,
                            const SignetAmendment  *amendment,
                            GError                **error)
{
  g_autoptr(SignetAttachment) attachment = NULL;

  if (amendment->attachment_id <= 0 || !(self->flags & SIGNET_EXPORT_WITH_ATTACHMENTS))
    return TRUE;

  attachment = signet_store_get_attachment (self->store, amendment->attachment_id, error);
  if (attachment == NULL)
    return FALSE;

  if (xmlTextWriterWriteAttribute (self->writer, BAD_CAST "attachment",
                                   BAD_CAST signet_attachment_get_sha256 (attachment)) < 0)
    return _signet_xml_export_writer_failed (self, error);

  return TRUE;
}

static gboolean
write_amendment (Export                 *self,
                 const SignetAmendment  *amendment,
                 const char             *number,
                 GError                **error)
{
  if (xmlTextWriterStartElement (self->writer, BAD_CAST "amendment") < 0)
    return _signet_xml_export_writer_failed (self, error);

  if (!write_attribute (self, "number", amendment->number, number, SIGNET_FIELD_AMENDMENT_NUMBER, error) ||
      !write_attribute (self, "uuid", amendment->uuid, number, SIGNET_FIELD_AMENDMENT_NUMBER, error) ||
      !write_attribute (self, "effective-date", amendment->effective_date, number, SIGNET_FIELD_AMENDMENT_EFFECTIVE_DATE, error) ||
      !write_attribute (self, "signing-date", amendment->signing_date, number, SIGNET_FIELD_AMENDMENT_SIGNING_DATE, error) ||
      !write_amendment_attachment (self, amendment, error) ||
      (amendment->state != SIGNET_AMENDMENT_APPROVED &&
       !write_attribute (self, "state", signet_amendment_state_to_token (amendment->state), number,
                         SIGNET_FIELD_AMENDMENT_NUMBER, error)) ||
      !write_text (self, "reason", amendment->reason, number, SIGNET_FIELD_AMENDMENT_REASON, error))
    return FALSE;

  if (signet_amendment_changes (amendment, SIGNET_AMENDED_VALUE))
    {
      g_autofree char *amount = signet_money_to_decimal (amendment->value, amendment->currency);

      if (xmlTextWriterStartElement (self->writer, BAD_CAST "value") < 0 ||
          xmlTextWriterWriteAttribute (self->writer, BAD_CAST "currency", BAD_CAST amendment->currency) < 0 ||
          xmlTextWriterWriteString (self->writer, BAD_CAST amount) < 0 ||
          xmlTextWriterEndElement (self->writer) < 0)
        return _signet_xml_export_writer_failed (self, error);
    }

  if (signet_amendment_changes (amendment, SIGNET_AMENDED_END_DATE) &&
      xmlTextWriterWriteElement (self->writer, BAD_CAST "end-date", BAD_CAST amendment->end_date) < 0)
    return _signet_xml_export_writer_failed (self, error);

  if (signet_amendment_changes (amendment, SIGNET_AMENDED_NOTICE) &&
      (xmlTextWriterStartElement (self->writer, BAD_CAST "notice") < 0 ||
       xmlTextWriterWriteFormatAttribute (self->writer, BAD_CAST "days", "%u", amendment->notice_days) < 0 ||
       xmlTextWriterWriteAttribute (self->writer, BAD_CAST "auto-renew",
                                    BAD_CAST (amendment->auto_renew ? "true" : "false")) < 0 ||
       xmlTextWriterEndElement (self->writer) < 0))
    return _signet_xml_export_writer_failed (self, error);

  /* An amendment may change the other terms to none, which an empty
   * element says. */
  if ((signet_amendment_changes (amendment, SIGNET_AMENDED_TITLE) &&
       !write_text (self, "title", amendment->title, number, SIGNET_FIELD_CONTRACT_TITLE, error)))
    return FALSE;

  if (signet_amendment_changes (amendment, SIGNET_AMENDED_OTHER))
    {
      const char *other = amendment->other_terms != NULL ? amendment->other_terms : "";

      if (!check_field (other, number, SIGNET_FIELD_AMENDMENT_OTHER_TERMS, error))
        return FALSE;
      if (xmlTextWriterWriteElement (self->writer, BAD_CAST "other-terms", BAD_CAST other) < 0)
        return _signet_xml_export_writer_failed (self, error);
    }

  return end_element (self, error);
}

/* The contract's amendments by effective date, as the store lists them. */
gboolean
_signet_xml_export_write_amendments (Export      *self,
                                     gint64       contract_id,
                                     const char  *number,
                                     GError     **error)
{
  g_autoptr(GPtrArray) amendments = signet_store_list_amendments (self->store, contract_id, error);

  if (amendments == NULL)
    return FALSE;

  if (amendments->len == 0)
    return TRUE;

  if (xmlTextWriterStartElement (self->writer, BAD_CAST "amendments") < 0)
    return _signet_xml_export_writer_failed (self, error);

  for (guint i = 0; i < amendments->len; i++)
    if (!write_amendment (self, g_ptr_array_index (amendments, i), number, error))
      return FALSE;

  return end_element (self, error);
}

gboolean
_signet_xml_export_read_renewals (Export      *self,
                                  GArray      *ids,
                                  GError     **error)
{
  g_autoptr(GPtrArray) records = signet_store_list_renewal_records (self->store, error);
  g_autoptr(GHashTable) written = NULL;

  if (records == NULL)
    return FALSE;

  /* A link to a contract the file does not hold would name what an
   * import cannot find. */
  if (ids != NULL)
    {
      written = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < ids->len; i++)
        g_hash_table_add (written, &g_array_index (ids, gint64, i));
    }

  self->renewals = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                          (GDestroyNotify) signet_renewal_record_free);
  for (guint i = 0; i < records->len; i++)
    {
      SignetRenewalRecord *record = g_ptr_array_index (records, i);

      if (written != NULL && !g_hash_table_contains (written, &record->predecessor_id))
        continue;

      g_ptr_array_index (records, i) = NULL;
      g_hash_table_insert (self->renewals, &record->successor_id, record);
    }

  return TRUE;
}

gboolean
_signet_xml_export_write_renewal_of (Export      *self,
                                     gint64       contract_id,
                                     GError     **error)
{
  SignetRenewalRecord *record = g_hash_table_lookup (self->renewals, &contract_id);

  /* A predecessor without a UUID (a row written by hand) cannot be named. */
  if (record == NULL || !signet_uuid_is_valid (record->predecessor_uuid))
    return TRUE;

  if (xmlTextWriterStartElement (self->writer, BAD_CAST "renewal-of") < 0 ||
      xmlTextWriterWriteAttribute (self->writer, BAD_CAST "uuid", BAD_CAST record->predecessor_uuid) < 0 ||
      xmlTextWriterWriteAttribute (self->writer, BAD_CAST "at", BAD_CAST record->at) < 0 ||
      xmlTextWriterEndElement (self->writer) < 0)
    return _signet_xml_export_writer_failed (self, error);

  return TRUE;
}

/* Approval routes and rules. */

static gboolean
write_route_step_who (Export      *self,
                      gint64       person_id,
                      const char  *person_name,
                      const char  *role,
                      const char  *record,
                      GError     **error)
{
  if (person_id > 0)
    return write_attribute (self, "person", person_name, record, SIGNET_FIELD_ROUTE_STEPS, error);

  return write_attribute (self, "role", role, record, SIGNET_FIELD_ROUTE_STEPS, error);
}

gboolean
_signet_xml_export_write_approval_routes (Export  *self,
                                          GError **error)
{
  g_autoptr(GPtrArray) routes = signet_store_list_approval_routes (self->store, error);
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GHashTable) uuids = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (routes == NULL || !(rules = signet_store_list_approval_rules (self->store, error)))
    return FALSE;

  if (routes->len > 0 && xmlTextWriterStartElement (self->writer, BAD_CAST "approval-routes") < 0)
    return _signet_xml_export_writer_failed (self, error);

  /* By name, as the store lists them: names are unique. */
  for (guint i = 0; i < routes->len; i++)
    {
      SignetApprovalRoute *route = g_ptr_array_index (routes, i);

      g_hash_table_insert (uuids, &route->id, route->uuid);
      if (xmlTextWriterStartElement (self->writer, BAD_CAST "route") < 0)
        return _signet_xml_export_writer_failed (self, error);
      if (!write_attribute (self, "name", route->name, route->name, SIGNET_FIELD_ROUTE_NAME, error) ||
          !write_attribute (self, "uuid", route->uuid, route->name, SIGNET_FIELD_ROUTE_NAME, error))
        return FALSE;

      for (guint j = 0; j < route->steps->len; j++)
        {
          SignetRouteStep *step = g_ptr_array_index (route->steps, j);

          if (xmlTextWriterStartElement (self->writer, BAD_CAST "step") < 0)
            return _signet_xml_export_writer_failed (self, error);
          if (!write_attribute (self, "name", step->name, route->name, SIGNET_FIELD_ROUTE_STEPS, error) ||
              !write_route_step_who (self, step->person_id, step->person_name, step->role, route->name, error))
            return FALSE;
          if (xmlTextWriterWriteFormatAttribute (self->writer, BAD_CAST "due-days", "%u", step->due_days) < 0 ||
              xmlTextWriterEndElement (self->writer) < 0)
            return _signet_xml_export_writer_failed (self, error);
        }

      if (!end_element (self, error))
        return FALSE;
    }

  if (routes->len > 0 && !end_element (self, error))
    return FALSE;

  if (rules->len == 0)
    return TRUE;

  if (xmlTextWriterStartElement (self->writer, BAD_CAST "approval-rules") < 0)
    return _signet_xml_export_writer_failed (self, error);

  for (guint i = 0; i < rules->len; i++)
    {
      SignetApprovalRule *rule = g_ptr_array_index (rules, i);
      const char *route_uuid = g_hash_table_lookup (uuids, &rule->route_id);

      if (xmlTextWriterStartElement (self->writer, BAD_CAST "rule") < 0 ||
          (route_uuid != NULL && xmlTextWriterWriteAttribute (self->writer, BAD_CAST "route", BAD_CAST route_uuid) < 0))
        return _signet_xml_export_writer_failed (self, error);
      if (!write_attribute (self, "type", rule->contract_type, "", SIGNET_FIELD_APPROVAL_RULES, error))
        return FALSE;
      if (rule->min_currency != NULL)
        {
          g_autofree char *amount = signet_money_to_decimal (rule->min_value, rule->min_currency);

          if (xmlTextWriterWriteAttribute (self->writer, BAD_CAST "min-value", BAD_CAST amount) < 0 ||
              xmlTextWriterWriteAttribute (self->writer, BAD_CAST "currency", BAD_CAST rule->min_currency) < 0)
            return _signet_xml_export_writer_failed (self, error);
        }
      if (!end_element (self, error))
        return FALSE;
    }

  return end_element (self, error);
}

/* Every round of the contract's and its amendments' approval, as the
 * store lists them (by amendment, round and position). */
gboolean
_signet_xml_export_write_approval_steps (Export      *self,
                                         gint64       contract_id,
                                         const char  *number,
                                         GError     **error)
{
  g_autoptr(GPtrArray) steps = signet_store_list_all_approval_steps (self->store, contract_id, error);
  g_autoptr(GPtrArray) amendments = NULL;
  g_autoptr(GHashTable) amendment_uuids = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (steps == NULL)
    return FALSE;

  if (steps->len == 0)
    return TRUE;

  amendments = signet_store_list_amendments (self->store, contract_id, error);
  if (amendments == NULL)
    return FALSE;
  for (guint i = 0; i < amendments->len; i++)
    {
      SignetAmendment *amendment = g_ptr_array_index (amendments, i);

      g_hash_table_insert (amendment_uuids, &amendment->id, amendment->uuid);
    }

  if (xmlTextWriterStartElement (self->writer, BAD_CAST "approval-steps") < 0)
    return _signet_xml_export_writer_failed (self, error);

  for (guint i = 0; i < steps->len; i++)
    {
      SignetApprovalStep *step = g_ptr_array_index (steps, i);
      const char *amendment_uuid = step->amendment_id != 0 ? g_hash_table_lookup (amendment_uuids, &step->amendment_id) : NULL;

      /* The steps of an amendment deleted since are the amendment's. */
      if (step->amendment_id != 0 && amendment_uuid == NULL)
        continue;

      if (xmlTextWriterStartElement (self->writer, BAD_CAST "approval-step") < 0 ||
          (amendment_uuid != NULL &&
           xmlTextWriterWriteAttribute (self->writer, BAD_CAST "amendment", BAD_CAST amendment_uuid) < 0) ||
          xmlTextWriterWriteFormatAttribute (self->writer, BAD_CAST "round", "%u", step->round) < 0 ||
          xmlTextWriterWriteFormatAttribute (self->writer, BAD_CAST "position", "%u", step->position) < 0)
        return _signet_xml_export_writer_failed (self, error);

      if (!write_attribute (self, "name", step->name, number, SIGNET_FIELD_APPROVAL_STEP, error) ||
          !write_route_step_who (self, step->person_id, step->person_name, step->role, number, error))
        return FALSE;

      if (xmlTextWriterWriteFormatAttribute (self->writer, BAD_CAST "due-days", "%u", step->due_days) < 0 ||
          (step->due_date != NULL &&
           xmlTextWriterWriteAttribute (self->writer, BAD_CAST "due-date", BAD_CAST step->due_date) < 0) ||
          xmlTextWriterWriteAttribute (self->writer, BAD_CAST "state", BAD_CAST signet_step_state_to_token (step->state)) < 0)
        return _signet_xml_export_writer_failed (self, error);

      if (!write_attribute (self, "decided-by", step->decided_by, number, SIGNET_FIELD_APPROVER, error) ||
          !write_attribute (self, "recorded-by", step->recorded_by, number, SIGNET_FIELD_APPROVER, error) ||
          !write_attribute (self, "decided-at", step->decided_at, number, SIGNET_FIELD_APPROVER, error))
        return FALSE;

      if (step->attachment_id > 0 && (self->flags & SIGNET_EXPORT_WITH_ATTACHMENTS))
        {
          g_autoptr(SignetAttachment) attachment = signet_store_get_attachment (self->store, step->attachment_id, error);

          if (attachment == NULL)
            return FALSE;
          if (xmlTextWriterWriteAttribute (self->writer, BAD_CAST "attachment",
                                           BAD_CAST signet_attachment_get_sha256 (attachment)) < 0)
            return _signet_xml_export_writer_failed (self, error);
        }

      if (!write_text (self, "opinion", step->opinion, number, SIGNET_FIELD_APPROVAL_OPINION, error) ||
          !end_element (self, error))
        return FALSE;
    }

  return end_element (self, error);
}
