/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-xml"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "signet-money.h"
#include "signet-store-people.h"
#include "signet-store-renewals.h"
#include "signet-store-uuids.h"
#include "signet-utils.h"
#include "signet-xml-import-private.h"

/* The records of the contract's life: the register's people and contract
 * types, matched on their names as clients are on their codes (added when
 * new, left alone when the same, else a conflict the policy settles), and
 * each contract's process steps and amendments, added to a contract the
 * import writes unless it has them already (a step with the same details,
 * an amendment of the same number), so that importing a file again adds
 * nothing. Those of a skipped contract are only checked. */

static const FieldInfo person_fields[] = {
  { "department", FIELD_PERSON_DEPARTMENT, SIGNET_FIELD_PERSON_DEPARTMENT },
  { "role", FIELD_PERSON_ROLE, SIGNET_FIELD_PERSON_ROLE },
  { "email", FIELD_PERSON_EMAIL, SIGNET_FIELD_PERSON_EMAIL },
};

static const FieldInfo type_fields[] = {
  { "currency", FIELD_TYPE_CURRENCY, SIGNET_FIELD_CONTRACT_CURRENCY },
  { "department", FIELD_TYPE_DEPARTMENT, SIGNET_FIELD_CONTRACT_DEPARTMENT },
  { "risk-level", FIELD_TYPE_RISK_LEVEL, SIGNET_FIELD_CONTRACT_RISK_LEVEL },
  { "notice-days", FIELD_TYPE_NOTICE_DAYS, SIGNET_FIELD_CONTRACT_NOTICE_DAYS },
  { "auto-renew", FIELD_TYPE_AUTO_RENEW, SIGNET_FIELD_TYPE_AUTO_RENEW },
  { "term-months", FIELD_TYPE_TERM_MONTHS, SIGNET_FIELD_TYPE_TERM_MONTHS },
  { "review-months", FIELD_TYPE_REVIEW_MONTHS, SIGNET_FIELD_TYPE_REVIEW_MONTHS },
  { "clause", FIELD_TYPE_CLAUSE, SIGNET_FIELD_TYPE_CHECKLIST },
};

static const FieldInfo offset_title_field = { "title", FIELD_OFFSET_TITLE, SIGNET_FIELD_TYPE_KEY_DATES };
static const FieldInfo step_comment_field = { "comment", FIELD_STEP_COMMENT, SIGNET_FIELD_NONE };
static const FieldInfo decision_comment_field = { "comment", FIELD_DECISION_COMMENT, SIGNET_FIELD_NONE };
static const FieldInfo opinion_field = { "opinion", FIELD_APPROVAL_OPINION, SIGNET_FIELD_APPROVAL_OPINION };

static const FieldInfo amendment_fields[] = {
  { "reason", FIELD_AMENDMENT_REASON, SIGNET_FIELD_AMENDMENT_REASON },
  { "value", FIELD_AMENDMENT_VALUE, SIGNET_FIELD_CONTRACT_VALUE },
  { "end-date", FIELD_AMENDMENT_END_DATE, SIGNET_FIELD_CONTRACT_END_DATE },
  { "title", FIELD_AMENDMENT_TITLE, SIGNET_FIELD_CONTRACT_TITLE },
  { "other-terms", FIELD_AMENDMENT_OTHER_TERMS, SIGNET_FIELD_AMENDMENT_OTHER_TERMS },
};

static gint64 find_attachment (Import      *self,
                               const char  *sha256,
                               GError     **error);
static gboolean check_optional_date (Import     *self,
                                     const char *date,
                                     guint       line,
                                     const char *element,
                                     const char *attribute);

static const FieldInfo *
find_field (const FieldInfo *fields,
            gsize            n_fields,
            const char      *name)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].element, name))
      return &fields[i];

  return NULL;
}

void
_signet_xml_import_clear_life (Import *self)
{
  g_clear_object (&self->person);
  g_clear_object (&self->contract_type);
  g_clear_pointer (&self->offset, signet_key_date_offset_free);
  g_clear_pointer (&self->clauses, g_ptr_array_unref);
  g_clear_pointer (&self->step, signet_process_event_free);
  g_clear_pointer (&self->decision, signet_notice_decision_free);
  g_clear_pointer (&self->amendment, signet_amendment_free);
  g_clear_pointer (&self->amendment_file, g_free);
  g_clear_pointer (&self->amendment_currency, g_free);
  g_clear_pointer (&self->known_steps, g_hash_table_unref);
  g_clear_pointer (&self->route, signet_approval_route_free);
  g_clear_pointer (&self->approval_steps, g_ptr_array_unref);
  g_clear_pointer (&self->known_deadlines, g_hash_table_unref);
  g_clear_pointer (&self->known_amendments, g_hash_table_unref);
  self->offset_line = 0;
  self->life_line = 0;
}

static gboolean
writes_extras (Import *self)
{
  return self->extras_contract_id != 0 && self->pending == NULL;
}

gboolean
_signet_xml_import_check_termination_reason (Import     *self,
                                             const char *text,
                                             guint       line,
                                             const char *element,
                                             const char *attribute)
{
  guint column;

  if (g_strv_contains (signet_termination_reasons (), text) ||
      g_str_equal (text, SIGNET_TERMINATION_REASON_CANCELLED_DRAFT))
    return TRUE;

  column = attribute != NULL
    ? _signet_xml_import_locate_attribute (self, line, attribute, text)
    : _signet_xml_import_locate_text (self, line, text, element);

  return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, column, text,
               _("“%s” is not a reason for a termination. Use one of: expired-not-renewed, breach, "
                 "mutual, client-request, insolvency, other, cancelled-draft."), text);
}

/* People and contract types. */

/* A name without its spaces, as the store compares people's names. */
static char *
name_key (const char *name)
{
  GString *key = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

/* The name attribute of a person or contract type, once in the file. */
static gboolean
start_named_record (Import      *self,
                    RecordType   record,
                    GHashTable  *seen,
                    guint        line)
{
  g_autofree char *key = NULL;
  guint first_line;

  self->record = record;
  self->record_line = line;
  self->key = _signet_xml_import_get_attribute (self, "name");

  /* A missing name is the schema's to report. */
  if (self->key == NULL)
    return TRUE;

  g_strstrip (self->key);
  if (*self->key == '\0')
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                 _signet_xml_import_locate_attribute (self, line, "name", NULL), NULL,
                 record == RECORD_PERSON
                 ? _("A person has no name: the name is only spaces.")
                 : _("A contract type has no name: the name is only spaces."));

  key = record == RECORD_PERSON ? name_key (self->key) : g_strdup (self->key);
  first_line = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key));
  if (first_line == 0)
    {
      g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (line));
      return TRUE;
    }

  if (record == RECORD_PERSON)
    /* Translators: %s is a person's name, the numbers are lines of the file. */
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                 _signet_xml_import_locate_attribute (self, line, "name", NULL), self->key,
                 _("The person %s appears twice in the file, on lines %u and %u (names that differ "
                   "only in spaces are one person)."), self->key, first_line, line);

  /* Translators: %s is a contract type's name, the numbers are lines of the file. */
  return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
               _signet_xml_import_locate_attribute (self, line, "name", NULL), self->key,
               _("The contract type %s appears twice in the file, on lines %u and %u."),
               self->key, first_line, line);
}

gboolean
_signet_xml_import_start_person (Import *self,
                                 guint   line)
{
  if (!start_named_record (self, RECORD_PERSON, self->seen_people, line))
    return FALSE;

  self->person = signet_person_new ();
  signet_person_set_name (self->person, self->key);

  return TRUE;
}

gboolean
_signet_xml_import_start_contract_type (Import *self,
                                        guint   line)
{
  if (!start_named_record (self, RECORD_CONTRACT_TYPE, self->seen_types, line))
    return FALSE;

  self->contract_type = signet_contract_type_new (self->key);
  self->clauses = g_ptr_array_new_with_free_func (g_free);

  return TRUE;
}

static gboolean
people_equal (SignetPerson *a,
              SignetPerson *b)
{
  return g_strcmp0 (signet_person_get_name (a), signet_person_get_name (b)) == 0 &&
         g_strcmp0 (signet_person_get_department (a), signet_person_get_department (b)) == 0 &&
         g_strcmp0 (signet_person_get_role (a), signet_person_get_role (b)) == 0 &&
         g_strcmp0 (signet_person_get_email (a), signet_person_get_email (b)) == 0;
}

static gboolean
types_equal (SignetContractType *a,
             SignetContractType *b)
{
  GPtrArray *offsets_a = signet_contract_type_get_key_date_offsets (a);
  GPtrArray *offsets_b = signet_contract_type_get_key_date_offsets (b);

  if (g_strcmp0 (signet_contract_type_get_name (a), signet_contract_type_get_name (b)) != 0 ||
      g_strcmp0 (signet_contract_type_get_currency (a), signet_contract_type_get_currency (b)) != 0 ||
      g_strcmp0 (signet_contract_type_get_department (a), signet_contract_type_get_department (b)) != 0 ||
      signet_contract_type_get_risk_level (a) != signet_contract_type_get_risk_level (b) ||
      signet_contract_type_get_notice_days (a) != signet_contract_type_get_notice_days (b) ||
      signet_contract_type_get_auto_renew (a) != signet_contract_type_get_auto_renew (b) ||
      signet_contract_type_get_term_months (a) != signet_contract_type_get_term_months (b) ||
      signet_contract_type_get_review_months (a) != signet_contract_type_get_review_months (b) ||
      !g_strv_equal (signet_contract_type_get_checklist (a), signet_contract_type_get_checklist (b)) ||
      offsets_a->len != offsets_b->len)
    return FALSE;

  for (guint i = 0; i < offsets_a->len; i++)
    {
      const SignetKeyDateOffset *offset_a = g_ptr_array_index (offsets_a, i);
      const SignetKeyDateOffset *offset_b = g_ptr_array_index (offsets_b, i);

      if (offset_a->kind != offset_b->kind || offset_a->days != offset_b->days ||
          g_strcmp0 (offset_a->title, offset_b->title) != 0)
        return FALSE;
    }

  return TRUE;
}

/* A store's refusal of a person or contract type, at its record. */
static gboolean
fail_record (Import       *self,
             const GError *error)
{
  guint column = _signet_xml_import_locate_attribute (self, self->record_line, "name", self->key);

  if (error->domain == SIGNET_STORE_ERROR)
    return _signet_xml_import_fail_in_register (self, error);

  if (self->record == RECORD_PERSON)
    /* Translators: the first %s is a person's name, the second the reason, a sentence. */
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, self->record_line, column, self->key,
                 _("Person %s: %s"), self->key, error->message);

  /* Translators: the first %s is a contract type's name, the second the reason, a sentence. */
  return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, self->record_line, column, self->key,
               _("Contract type %s: %s"), self->key, error->message);
}

static gboolean
fail_on_conflict (Import *self)
{
  guint column = _signet_xml_import_locate_attribute (self, self->record_line, "name", self->key);

  if (self->record == RECORD_PERSON)
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_CONFLICT, self->record_line, column, self->key,
                 _("The person %s is already in the register with other details. Nothing was "
                   "imported; choose to skip or to update existing records to import this file."),
                 self->key);

  return _signet_xml_import_fail (self, SIGNET_XML_ERROR_CONFLICT, self->record_line, column, self->key,
               _("The contract type %s is already in the register with other details. Nothing was "
                 "imported; choose to skip or to update existing records to import this file."),
               self->key);
}

/* How a record of one kind that is matched on its name goes into the register: its
 * write (an add when existing is NULL, else an update of existing), how a refused write
 * or a conflict fails the import, and its counters in the report. */
typedef struct
{
  SignetRecordKind kind;
  gboolean       (*write)         (Import *self, gpointer existing, GError **error);
  gboolean       (*fail_write)    (Import *self, const GError *error);
  gboolean       (*fail_conflict) (Import *self);
  guint           *added;
  guint           *unchanged;
  guint           *skipped;
  guint           *updated;
} NamedRecord;

/* Adds the file's record when the register has none of its name, and settles a record the
 * register has with other details as the user chose: skip it, update it or fail. */
static gboolean
merge_named_record (Import            *self,
                    gpointer           existing,
                    gboolean           equal,
                    const NamedRecord *record)
{
  g_autoptr(GError) error = NULL;

  if (existing == NULL)
    {
      if (!record->write (self, NULL, &error))
        return record->fail_write (self, error);
      (*record->added)++;
      return TRUE;
    }

  if (equal)
    {
      (*record->unchanged)++;
      return TRUE;
    }

  _signet_xml_import_add_conflict (self, record->kind);

  switch (self->options->on_conflict)
    {
    case SIGNET_CONFLICT_SKIP:
      (*record->skipped)++;
      return TRUE;

    case SIGNET_CONFLICT_UPDATE:
      if (!record->write (self, existing, &error))
        return record->fail_write (self, error);
      (*record->updated)++;
      return TRUE;

    case SIGNET_CONFLICT_FAIL:
    default:
      if (self->options->dry_run)
        return TRUE;
      return record->fail_conflict (self);
    }
}

static gboolean
write_person (Import   *self,
              gpointer  existing,
              GError  **error)
{
  if (existing == NULL)
    return signet_store_add_person (self->store, self->person, error);

  signet_person_set_id (self->person, signet_person_get_id (existing));
  signet_person_set_version (self->person, signet_person_get_version (existing));
  return signet_store_update_person (self->store, self->person, error);
}

static gboolean
finish_person (Import *self)
{
  g_autoptr(SignetPerson) existing = NULL;
  g_autoptr(GError) error = NULL;
  SignetImportReport *report = self->report;

  existing = signet_store_find_person (self->store, self->key, &error);
  if (error != NULL)
    return fail_record (self, error);

  return merge_named_record (self, existing, existing != NULL && people_equal (existing, self->person),
                             &(NamedRecord) { SIGNET_RECORD_PERSON, write_person, fail_record, fail_on_conflict,
                                              &report->people_added, &report->people_unchanged,
                                              &report->people_skipped, &report->people_updated });
}

static gboolean
write_contract_type (Import   *self,
                     gpointer  existing,
                     GError  **error)
{
  if (existing == NULL)
    return signet_store_add_contract_type (self->store, self->contract_type, error);

  signet_contract_type_set_id (self->contract_type, signet_contract_type_get_id (existing));
  signet_contract_type_set_version (self->contract_type, signet_contract_type_get_version (existing));
  return signet_store_update_contract_type (self->store, self->contract_type, error);
}

static gboolean
finish_contract_type (Import *self)
{
  g_autoptr(SignetContractType) existing = NULL;
  g_autoptr(GError) error = NULL;
  SignetImportReport *report = self->report;

  g_ptr_array_add (self->clauses, NULL);
  signet_contract_type_set_checklist (self->contract_type, (const char * const *) self->clauses->pdata);
  g_ptr_array_remove_index (self->clauses, self->clauses->len - 1);

  existing = signet_store_find_contract_type (self->store, self->key, &error);
  if (error != NULL)
    return fail_record (self, error);

  return merge_named_record (self, existing, existing != NULL && types_equal (existing, self->contract_type),
                             &(NamedRecord) { SIGNET_RECORD_CONTRACT_TYPE, write_contract_type, fail_record,
                                              fail_on_conflict, &report->types_added, &report->types_unchanged,
                                              &report->types_skipped, &report->types_updated });
}

/* Approval routes, matched on their names. */

gboolean
_signet_xml_import_start_route (Import *self,
                                guint   line)
{
  self->record = RECORD_ROUTE;
  self->record_line = line;
  self->key = _signet_xml_import_get_attribute (self, "name");
  self->file_uuid = _signet_xml_import_get_attribute (self, "uuid");
  self->route = signet_approval_route_new (self->key);
  self->route->uuid = g_strdup (self->file_uuid);

  return TRUE;
}

static gboolean
read_route_step (Import *self,
                 guint   line)
{
  g_autofree char *name = _signet_xml_import_get_attribute (self, "name");
  g_autofree char *person = _signet_xml_import_get_attribute (self, "person");
  g_autofree char *role = _signet_xml_import_get_attribute (self, "role");
  g_autofree char *days = _signet_xml_import_get_attribute (self, "due-days");
  g_autoptr(SignetRouteStep) step = NULL;
  g_autoptr(SignetPerson) found = NULL;
  g_autoptr(GError) error = NULL;
  guint64 due_days = SIGNET_ROUTE_STEP_DUE_DAYS_DEFAULT;

  if (days != NULL && !g_ascii_string_to_unsigned (days, 10, 1, SIGNET_ROUTE_STEP_DUE_DAYS_MAX, &due_days, NULL))
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                 _signet_xml_import_locate_attribute (self, line, "due-days", days), days,
                 _("“%s” is not a number of working days; write one from 1 to %d."), days,
                 SIGNET_ROUTE_STEP_DUE_DAYS_MAX);

  /* A person of the file's <people> or of the register, by name. */
  if (person != NULL && self->pending == NULL)
    {
      found = signet_store_find_person (self->store, person, &error);
      if (error != NULL)
        return _signet_xml_import_fail_in_register (self, error);
      if (found == NULL)
        /* Translators: the first %s is a person's name, the second a route's. */
        return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                     _signet_xml_import_locate_attribute (self, line, "person", person), person,
                     _("The step of the route %s names %s, who is neither among the file's people nor in the "
                       "register."), self->key ? self->key : "", person);
    }

  step = signet_route_step_new (name, found != NULL ? signet_person_get_id (found) : 0,
                                found != NULL ? NULL : role, due_days);
  signet_set_str (&step->person_name, found != NULL ? signet_person_get_name (found) : NULL);
  signet_approval_route_add_step (self->route, step);

  return TRUE;
}

static gboolean
routes_equal (const SignetApprovalRoute *a,
              const SignetApprovalRoute *b)
{
  if (g_strcmp0 (a->name, b->name) != 0 || a->steps->len != b->steps->len)
    return FALSE;

  for (guint i = 0; i < a->steps->len; i++)
    {
      const SignetRouteStep *x = g_ptr_array_index (a->steps, i);
      const SignetRouteStep *y = g_ptr_array_index (b->steps, i);

      if (g_strcmp0 (x->name, y->name) != 0 || x->person_id != y->person_id ||
          g_strcmp0 (x->role, y->role) != 0 || x->due_days != y->due_days)
        return FALSE;
    }

  return TRUE;
}

static void
remember_route (Import *self,
                gint64  id)
{
  if (self->file_uuid != NULL)
    g_hash_table_insert (self->route_ids, g_strdup (self->file_uuid), g_memdup2 (&id, sizeof id));
}

/* An added route's id is remembered for the file's rules that name it. */
static gboolean
write_route (Import   *self,
             gpointer  existing,
             GError  **error)
{
  SignetApprovalRoute *route = existing;

  if (route == NULL)
    {
      if (!signet_store_add_approval_route (self->store, self->route, error))
        return FALSE;
      remember_route (self, self->route->id);
      return TRUE;
    }

  self->route->id = route->id;
  self->route->version = route->version;
  return signet_store_update_approval_route (self->store, self->route, error);
}

static gboolean
fail_route (Import       *self,
            const GError *error)
{
  guint column = _signet_xml_import_locate_attribute (self, self->record_line, "name", self->key);

  if (error->domain == SIGNET_STORE_ERROR)
    return _signet_xml_import_fail_in_register (self, error);
  /* Translators: the first %s is an approval route's name, the second the reason, a sentence. */
  return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, self->record_line, column, self->key,
               _("Approval route %s: %s"), self->key, error->message);
}

static gboolean
fail_on_route_conflict (Import *self)
{
  guint column = _signet_xml_import_locate_attribute (self, self->record_line, "name", self->key);

  return _signet_xml_import_fail (self, SIGNET_XML_ERROR_CONFLICT, self->record_line, column, self->key,
               _("The approval route %s is already in the register with other steps. Nothing was "
                 "imported; choose to skip or to update existing records to import this file."),
               self->key);
}

static gboolean
finish_route (Import *self)
{
  g_autoptr(GPtrArray) routes = NULL;
  g_autoptr(GError) error = NULL;
  SignetImportReport *report = self->report;
  SignetApprovalRoute *existing = NULL;

  routes = signet_store_list_approval_routes (self->store, &error);
  if (routes == NULL)
    return _signet_xml_import_fail_in_register (self, error);

  for (guint i = 0; i < routes->len && existing == NULL; i++)
    if (g_strcmp0 (((SignetApprovalRoute *) g_ptr_array_index (routes, i))->name, self->key) == 0)
      existing = g_ptr_array_index (routes, i);

  /* The rules name the register's route even when the file's is skipped. */
  if (existing != NULL)
    remember_route (self, existing->id);

  return merge_named_record (self, existing, existing != NULL && routes_equal (existing, self->route),
                             &(NamedRecord) { SIGNET_RECORD_APPROVAL_ROUTE, write_route, fail_route,
                                              fail_on_route_conflict, &report->routes_added,
                                              &report->routes_unchanged, &report->routes_skipped,
                                              &report->routes_updated });
}

gboolean
_signet_xml_import_finish_life_record (Import *self)
{
  /* Without a name the schema has an error to report. */
  if (self->key == NULL)
    return TRUE;

  if (self->record == RECORD_ROUTE)
    return self->pending != NULL || finish_route (self);

  return self->record == RECORD_PERSON ? finish_person (self) : finish_contract_type (self);
}

/* Approval rules, all of them at once at the end of <approval-rules>. */

typedef struct
{
  SignetApprovalRule *rule;
  char               *route_uuid;
  guint               line;
} ImportRule;

void
_signet_xml_import_free_rule (gpointer data)
{
  ImportRule *rule = data;

  signet_approval_rule_free (rule->rule);
  g_free (rule->route_uuid);
  g_free (rule);
}

gboolean
_signet_xml_import_read_rule (Import *self,
                              guint   line)
{
  g_autofree char *type = _signet_xml_import_get_attribute (self, "type");
  g_autofree char *min_value = _signet_xml_import_get_attribute (self, "min-value");
  g_autofree char *currency = _signet_xml_import_get_attribute (self, "currency");
  g_autoptr(GError) money_error = NULL;
  ImportRule *rule;
  gint64 minor_units = 0;

  if (min_value != NULL && currency != NULL &&
      !signet_money_parse_decimal (min_value, currency, &minor_units, &money_error))
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                 _signet_xml_import_locate_attribute (self, line, "min-value", min_value), min_value,
                 "%s", money_error->message);

  rule = g_new0 (ImportRule, 1);
  rule->rule = signet_approval_rule_new (type, minor_units, min_value != NULL ? currency : NULL, 0);
  rule->route_uuid = _signet_xml_import_get_attribute (self, "route");
  rule->line = line;
  g_ptr_array_add (self->rules, rule);

  return TRUE;
}

static gboolean
rules_equal (GPtrArray *a,
             GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const SignetApprovalRule *x = g_ptr_array_index (a, i);
      const SignetApprovalRule *y = g_ptr_array_index (b, i);

      if (g_strcmp0 (x->contract_type, y->contract_type) != 0 || g_strcmp0 (x->min_currency, y->min_currency) != 0 ||
          (x->min_currency != NULL && x->min_value != y->min_value) || x->route_id != y->route_id)
        return FALSE;
    }

  return TRUE;
}

gboolean
_signet_xml_import_finish_rules (Import *self)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new ();
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GPtrArray) routes = NULL;
  g_autoptr(GError) error = NULL;
  SignetImportReport *report = self->report;
  guint line = self->rules->len > 0 ? ((ImportRule *) g_ptr_array_index (self->rules, 0))->line : 0;

  if (self->pending != NULL || self->rules->len == 0)
    return TRUE;

  if (!(existing = signet_store_list_approval_rules (self->store, &error)) ||
      !(routes = signet_store_list_approval_routes (self->store, &error)))
    return _signet_xml_import_fail_in_register (self, error);

  /* Each names a route of the file, or one the register has. */
  for (guint i = 0; i < self->rules->len; i++)
    {
      ImportRule *rule = g_ptr_array_index (self->rules, i);
      gint64 *id = rule->route_uuid != NULL ? g_hash_table_lookup (self->route_ids, rule->route_uuid) : NULL;

      for (guint j = 0; id == NULL && rule->route_uuid != NULL && j < routes->len; j++)
        if (g_strcmp0 (((SignetApprovalRoute *) g_ptr_array_index (routes, j))->uuid, rule->route_uuid) == 0)
          id = &((SignetApprovalRoute *) g_ptr_array_index (routes, j))->id;

      if (id == NULL)
        return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, rule->line,
                     _signet_xml_import_locate_attribute (self, rule->line, "route", rule->route_uuid),
                     rule->route_uuid,
                     _("The approval rule names the route %s, which is neither in the file nor in the register."),
                     rule->route_uuid ? rule->route_uuid : "");

      rule->rule->route_id = *id;
      g_ptr_array_add (rules, rule->rule);
    }

  if (rules_equal (existing, rules))
    {
      report->rules_unchanged = TRUE;
      return TRUE;
    }

  if (existing->len > 0)
    {
      g_free (self->key);
      self->key = g_strdup ("approval-rules");
      self->record_line = line;
      _signet_xml_import_add_conflict (self, SIGNET_RECORD_APPROVAL_ROUTE);
      g_clear_pointer (&self->key, g_free);

      if (self->options->on_conflict == SIGNET_CONFLICT_SKIP)
        return TRUE;
      if (self->options->on_conflict != SIGNET_CONFLICT_UPDATE)
        return self->options->dry_run ||
               _signet_xml_import_fail (self, SIGNET_XML_ERROR_CONFLICT, line, 0, NULL,
                 _("The register has other approval rules. Nothing was imported; choose to skip or to "
                   "update existing records to import this file."));
    }

  if (!signet_store_set_approval_rules (self->store, rules, &error))
    {
      if (error->domain == SIGNET_STORE_ERROR)
        return _signet_xml_import_fail_in_register (self, error);
      /* Translators: %s is the reason, a sentence. */
      return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, 0, NULL, _("Approval rules: %s"),
                                      error->message);
    }
  report->rules_set = TRUE;

  return TRUE;
}

/* A contract's approval steps, all of them at once at the end of
 * <approval-steps>: they replace the contract's when it was added or
 * updated, or had none. */

typedef struct
{
  SignetApprovalStep *step;
  char               *amendment_uuid;
  char               *attachment;
  guint               line;
} ImportApprovalStep;

void
_signet_xml_import_free_approval_step (gpointer data)
{
  ImportApprovalStep *step = data;

  signet_approval_step_free (step->step);
  g_free (step->amendment_uuid);
  g_free (step->attachment);
  g_free (step);
}

static gboolean
read_approval_step (Import *self,
                    guint   line)
{
  ImportApprovalStep *read = g_new0 (ImportApprovalStep, 1);
  SignetApprovalStep *step = g_new0 (SignetApprovalStep, 1);
  g_autofree char *round = _signet_xml_import_get_attribute (self, "round");
  g_autofree char *position = _signet_xml_import_get_attribute (self, "position");
  g_autofree char *days = _signet_xml_import_get_attribute (self, "due-days");
  g_autofree char *state = _signet_xml_import_get_attribute (self, "state");
  guint64 n = 0;

  if (self->approval_steps == NULL)
    self->approval_steps = g_ptr_array_new_with_free_func (_signet_xml_import_free_approval_step);

  read->step = step;
  read->line = line;
  read->amendment_uuid = _signet_xml_import_get_attribute (self, "amendment");
  read->attachment = _signet_xml_import_get_attribute (self, "attachment");
  g_ptr_array_add (self->approval_steps, read);

  step->contract_id = self->extras_contract_id;
  step->name = _signet_xml_import_get_attribute (self, "name");
  step->person_name = _signet_xml_import_get_attribute (self, "person");
  step->role = _signet_xml_import_get_attribute (self, "role");
  step->due_date = _signet_xml_import_get_attribute (self, "due-date");
  step->decided_by = _signet_xml_import_get_attribute (self, "decided-by");
  step->recorded_by = _signet_xml_import_get_attribute (self, "recorded-by");
  step->decided_at = _signet_xml_import_get_attribute (self, "decided-at");
  step->round = round != NULL && g_ascii_string_to_unsigned (round, 10, 1, G_MAXUINT, &n, NULL) ? n : 1;
  step->position = position != NULL && g_ascii_string_to_unsigned (position, 10, 0, G_MAXUINT, &n, NULL) ? n : 0;
  step->due_days = days != NULL && g_ascii_string_to_unsigned (days, 10, 1, SIGNET_ROUTE_STEP_DUE_DAYS_MAX, &n, NULL)
                   ? n : SIGNET_ROUTE_STEP_DUE_DAYS_DEFAULT;

  if (state != NULL && !signet_step_state_from_token (state, &step->state))
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                 _signet_xml_import_locate_attribute (self, line, "state", state), state,
                 _("“%s” is not the state of an approval step. Use one of: waiting, pending, approved, "
                   "returned, rejected, skipped."), state);

  return check_optional_date (self, step->due_date, line, "approval-step", "due-date") &&
         _signet_xml_import_check_time (self, step->decided_at, line, "decided-at");
}

static gint64
person_id_of (Import      *self,
              const char  *name,
              GError     **error)
{
  g_autoptr(SignetPerson) person = NULL;

  if (name == NULL)
    return 0;

  person = signet_store_find_person (self->store, name, error);

  return person != NULL ? signet_person_get_id (person) : (*error != NULL ? -1 : 0);
}

gboolean
_signet_xml_import_finish_approval_steps (Import *self)
{
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GPtrArray) amendments = NULL;
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GPtrArray) file_steps = g_steal_pointer (&self->approval_steps);
  g_autoptr(GError) error = NULL;

  if (!writes_extras (self) || file_steps == NULL)
    return TRUE;

  existing = signet_store_list_all_approval_steps (self->store, self->extras_contract_id, &error);
  if (existing == NULL)
    return _signet_xml_import_fail_in_register (self, error);
  if (existing->len > 0 && !self->contract_added && !self->contract_updated)
    return TRUE;

  amendments = signet_store_list_amendments (self->store, self->extras_contract_id, &error);
  if (amendments == NULL)
    return _signet_xml_import_fail_in_register (self, error);

  steps = g_ptr_array_new ();
  for (guint i = 0; i < file_steps->len; i++)
    {
      ImportApprovalStep *read = g_ptr_array_index (file_steps, i);
      SignetApprovalStep *step = read->step;
      gint64 id;

      step->contract_id = self->extras_contract_id;
      for (guint j = 0; read->amendment_uuid != NULL && step->amendment_id == 0 && j < amendments->len; j++)
        {
          SignetAmendment *amendment = g_ptr_array_index (amendments, j);

          if (g_strcmp0 (amendment->uuid, read->amendment_uuid) == 0)
            step->amendment_id = amendment->id;
        }

      if (read->amendment_uuid != NULL && step->amendment_id == 0)
        /* Translators: %s is a UUID, the second %s a contract number. */
        return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, read->line,
                     _signet_xml_import_locate_attribute (self, read->line, "amendment", read->amendment_uuid),
                     read->amendment_uuid,
                     _("The approval step names the amendment %s, which the contract %s does not have."),
                     read->amendment_uuid, self->key ? self->key : "");

      if (read->attachment != NULL)
        {
          step->attachment_id = find_attachment (self, read->attachment, &error);
          if (step->attachment_id < 0)
            return _signet_xml_import_fail_in_register (self, error);
          if (step->attachment_id == 0)
            return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, read->line,
                         _signet_xml_import_locate_attribute (self, read->line, "attachment", read->attachment),
                         read->attachment,
                         _("The approval step names the file %s, but no attachment of the contract %s has that "
                           "SHA-256."), read->attachment, self->key ? self->key : "");
        }

      if ((id = person_id_of (self, step->person_name, &error)) < 0 ||
          (step->person_id = id, (id = person_id_of (self, step->decided_by, &error)) < 0))
        return _signet_xml_import_fail_in_register (self, error);
      step->decided_by_id = id;

      g_ptr_array_add (steps, step);
    }

  if (!signet_store_put_approval_steps (self->store, self->extras_contract_id, steps, &error))
    return _signet_xml_import_fail_in_contract (self, error, 0, 0, NULL);

  self->report->approval_steps_added += steps->len;

  return TRUE;
}

/* Process steps. */

/* Fails, naming the token, when @attribute's @value is not one. */
static gboolean
fail_on_token (Import     *self,
               const char *value,
               guint       line,
               const char *attribute)
{
  guint column = _signet_xml_import_locate_attribute (self, line, attribute, value);

  if (g_str_equal (attribute, "action"))
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, column, value,
                 _("“%s” is not an action of the contract process. Use one of: submit-for-review, "
                   "approve, return-for-changes, reject, mark-signed, terminate, renew, cancel-draft."), value);

  return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, column, value,
               _("“%s” is not a contract status. Use one of: draft, in-review, approved, "
                 "signed, active, expired, renewed, terminated."), value);
}

static gboolean
check_optional_date (Import     *self,
                     const char *date,
                     guint       line,
                     const char *element,
                     const char *attribute)
{
  return date == NULL || _signet_xml_import_check_date (self, date, line, element, attribute);
}

static gboolean
start_step (Import *self,
            guint   line)
{
  SignetProcessEvent *step = g_new0 (SignetProcessEvent, 1);
  g_autofree char *action = _signet_xml_import_get_attribute (self, "action");
  g_autofree char *from = _signet_xml_import_get_attribute (self, "from");
  g_autofree char *to = _signet_xml_import_get_attribute (self, "to");

  g_clear_pointer (&self->step, signet_process_event_free);
  self->step = step;
  self->life_line = line;
  step->contract_id = self->extras_contract_id;
  step->recorded_by = _signet_xml_import_get_attribute (self, "recorded-by");
  step->decided_by = _signet_xml_import_get_attribute (self, "decided-by");
  step->at = _signet_xml_import_get_attribute (self, "at");
  step->our_signing_date = _signet_xml_import_get_attribute (self, "our-signing-date");
  step->their_signing_date = _signet_xml_import_get_attribute (self, "their-signing-date");
  step->termination_reason = _signet_xml_import_get_attribute (self, "termination-reason");
  step->effective_date = _signet_xml_import_get_attribute (self, "effective-date");
  step->term_end = _signet_xml_import_get_attribute (self, "term-end");
  step->new_term_end = _signet_xml_import_get_attribute (self, "new-term-end");
  step->has_action = action != NULL;

  if (action != NULL && !signet_process_action_from_token (action, &step->action))
    return fail_on_token (self, action, line, "action");
  if (from != NULL && !signet_contract_status_from_token (from, &step->from_status))
    return fail_on_token (self, from, line, "from");
  if (to != NULL && !signet_contract_status_from_token (to, &step->to_status))
    return fail_on_token (self, to, line, "to");

  return _signet_xml_import_check_time (self, step->at, line, "at") &&
         check_optional_date (self, step->our_signing_date, line, "step", "our-signing-date") &&
         check_optional_date (self, step->their_signing_date, line, "step", "their-signing-date") &&
         check_optional_date (self, step->effective_date, line, "step", "effective-date") &&
         check_optional_date (self, step->term_end, line, "step", "term-end") &&
         check_optional_date (self, step->new_term_end, line, "step", "new-term-end") &&
         (step->termination_reason == NULL ||
          _signet_xml_import_check_termination_reason (self, step->termination_reason, line, "step", "termination-reason"));
}

static void
append_detail (GString    *details,
               const char *text)
{
  if (text == NULL)
    g_string_append (details, "-;");
  else
    g_string_append_printf (details, "%zu:%s;", strlen (text), text);
}

/* What makes two steps the same step, as one string for a set. */
static char *
step_details (const SignetProcessEvent *step)
{
  GString *details = g_string_new (NULL);

  append_detail (details, step->has_action ? signet_process_action_to_token (step->action) : NULL);
  append_detail (details, signet_contract_status_to_token (step->from_status));
  append_detail (details, signet_contract_status_to_token (step->to_status));
  append_detail (details, step->at);
  append_detail (details, step->recorded_by);
  append_detail (details, step->decided_by);
  append_detail (details, step->comment);
  append_detail (details, step->our_signing_date);
  append_detail (details, step->their_signing_date);
  append_detail (details, step->termination_reason);
  append_detail (details, step->effective_date);
  append_detail (details, step->term_end);
  append_detail (details, step->new_term_end);

  return g_string_free (details, FALSE);
}

static gboolean
finish_step (Import *self)
{
  g_autoptr(SignetProcessEvent) step = g_steal_pointer (&self->step);
  g_autoptr(GError) error = NULL;
  g_autofree char *details = NULL;
  guint line = self->life_line;
  guint n_known;

  /* Missing attributes are the schema's to report. */
  if (!writes_extras (self) || step->at == NULL || step->recorded_by == NULL)
    return TRUE;

  if (self->known_steps == NULL)
    {
      g_autoptr(GPtrArray) existing = signet_store_list_process_events (self->store, self->extras_contract_id, &error);

      if (existing == NULL)
        return _signet_xml_import_fail_in_contract (self, error, line, 0, NULL);

      /* How many of each the contract had: two steps alike (taken within
       * the same millisecond) are two steps, and each of the file matches
       * one of those. */
      self->known_steps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < existing->len; i++)
        {
          g_autofree char *known = step_details (g_ptr_array_index (existing, i));
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->known_steps, known));

          g_hash_table_insert (self->known_steps, g_steal_pointer (&known), GUINT_TO_POINTER (n + 1));
        }
    }

  details = step_details (step);
  n_known = GPOINTER_TO_UINT (g_hash_table_lookup (self->known_steps, details));
  if (n_known > 0)
    {
      g_hash_table_insert (self->known_steps, g_steal_pointer (&details), GUINT_TO_POINTER (n_known - 1));
      return TRUE;
    }

  step->contract_id = self->extras_contract_id;
  if (!signet_store_import_process_event (self->store, step, &error))
    return _signet_xml_import_fail_in_contract (self, error, line,
                                                _signet_xml_import_locate_attribute (self, line, "at", step->at),
                                                step->at);

  self->report->steps_added++;

  return TRUE;
}

/* Notice decisions. */

static gboolean
start_decision (Import *self,
                guint   line)
{
  SignetNoticeDecision *decision = g_new0 (SignetNoticeDecision, 1);
  g_autofree char *choice = _signet_xml_import_get_attribute (self, "choice");

  g_clear_pointer (&self->decision, signet_notice_decision_free);
  self->decision = decision;
  self->life_line = line;
  decision->contract_id = self->extras_contract_id;
  decision->deadline = _signet_xml_import_get_attribute (self, "deadline");
  decision->term_end = _signet_xml_import_get_attribute (self, "term-end");
  decision->at = _signet_xml_import_get_attribute (self, "at");
  decision->recorded_by = _signet_xml_import_get_attribute (self, "recorded-by");
  decision->decided_by = _signet_xml_import_get_attribute (self, "decided-by");

  if (choice != NULL && !signet_notice_choice_from_token (choice, &decision->choice))
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                 _signet_xml_import_locate_attribute (self, line, "choice", choice), choice,
                 _("“%s” is not a decision at a notice deadline. Use one of: renew, let-expire, terminate."),
                 choice);

  return check_optional_date (self, decision->deadline, line, "decision", "deadline") &&
         check_optional_date (self, decision->term_end, line, "decision", "term-end") &&
         _signet_xml_import_check_time (self, decision->at, line, "at");
}

static gboolean
finish_decision (Import *self)
{
  g_autoptr(SignetNoticeDecision) decision = g_steal_pointer (&self->decision);
  g_autoptr(GError) error = NULL;
  guint line = self->life_line;

  /* Missing attributes are the schema's to report. */
  if (!writes_extras (self) || decision->deadline == NULL || decision->term_end == NULL ||
      decision->at == NULL || decision->recorded_by == NULL)
    return TRUE;

  /* One decision per deadline: one the contract has is that decision. */
  if (self->known_deadlines == NULL)
    {
      g_autoptr(GPtrArray) existing = signet_store_list_notice_decisions (self->store, self->extras_contract_id, &error);

      if (existing == NULL)
        return _signet_xml_import_fail_in_contract (self, error, line, 0, NULL);

      self->known_deadlines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < existing->len; i++)
        g_hash_table_add (self->known_deadlines,
                          g_strdup (((SignetNoticeDecision *) g_ptr_array_index (existing, i))->deadline));
    }

  if (g_hash_table_contains (self->known_deadlines, decision->deadline))
    return TRUE;

  decision->contract_id = self->extras_contract_id;
  if (!signet_store_import_notice_decision (self->store, decision, &error))
    return _signet_xml_import_fail_in_contract (self, error, line,
                                                _signet_xml_import_locate_attribute (self, line, "deadline", decision->deadline),
                                                decision->deadline);

  g_hash_table_add (self->known_deadlines, g_strdup (decision->deadline));
  self->report->decisions_added++;

  return TRUE;
}

/* Amendments. */

static gboolean
start_amendment (Import *self,
                 guint   line)
{
  SignetAmendment *amendment = signet_amendment_new (self->extras_contract_id);

  g_clear_pointer (&self->amendment, signet_amendment_free);
  g_clear_pointer (&self->amendment_file, g_free);
  self->amendment = amendment;
  self->life_line = line;
  amendment->number = _signet_xml_import_get_attribute (self, "number");
  amendment->uuid = _signet_xml_import_get_attribute (self, "uuid");
  amendment->effective_date = _signet_xml_import_get_attribute (self, "effective-date");
  amendment->signing_date = _signet_xml_import_get_attribute (self, "signing-date");
  self->amendment_file = _signet_xml_import_get_attribute (self, "attachment");
  self->amendment_state = SIGNET_AMENDMENT_APPROVED;
  {
    g_autofree char *state = _signet_xml_import_get_attribute (self, "state");

    if (state != NULL && !signet_amendment_state_from_token (state, &self->amendment_state))
      return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                   _signet_xml_import_locate_attribute (self, line, "state", state), state,
                   _("“%s” is not the state of an amendment. Use one of: approved, in-review, returned, "
                     "rejected."), state);
  }

  return check_optional_date (self, amendment->effective_date, line, "amendment", "effective-date") &&
         check_optional_date (self, amendment->signing_date, line, "amendment", "signing-date");
}

static gboolean
read_notice (Import *self,
             guint   line)
{
  g_autofree char *days = _signet_xml_import_get_attribute (self, "days");
  g_autofree char *auto_renew = _signet_xml_import_get_attribute (self, "auto-renew");
  guint64 n_days = 0;

  /* Missing attributes are the schema's to report. */
  if (days == NULL || auto_renew == NULL)
    return TRUE;

  if (!g_ascii_string_to_unsigned (days, 10, 0, 3650, &n_days, NULL))
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                 _signet_xml_import_locate_attribute (self, line, "days", days), days,
                 _("“%s” is not a notice period; write a number of days from 0 to 3650."), days);

  if (!g_str_equal (auto_renew, "true") && !g_str_equal (auto_renew, "1") &&
      !g_str_equal (auto_renew, "false") && !g_str_equal (auto_renew, "0"))
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                 _signet_xml_import_locate_attribute (self, line, "auto-renew", auto_renew), auto_renew,
                 _("“%s” is not a yes-or-no value; write true or false."), auto_renew);

  self->amendment->changes |= SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_NOTICE);
  self->amendment->notice_days = n_days;
  self->amendment->auto_renew = g_str_equal (auto_renew, "true") || g_str_equal (auto_renew, "1");

  return TRUE;
}

/* The contract's attachment whose current file has the SHA-256 @sha256,
 * or 0. */
static gint64
find_attachment (Import      *self,
                 const char  *sha256,
                 GError     **error)
{
  g_autoptr(GPtrArray) attachments = signet_store_list_attachments (self->store, self->extras_contract_id, error);

  if (attachments == NULL)
    return -1;

  for (guint i = 0; i < attachments->len; i++)
    {
      SignetAttachment *attachment = g_ptr_array_index (attachments, i);

      if (g_ascii_strcasecmp (signet_attachment_get_sha256 (attachment), sha256) == 0)
        return signet_attachment_get_id (attachment);
    }

  return 0;
}

static gboolean
finish_amendment (Import *self)
{
  g_autoptr(SignetAmendment) amendment = g_steal_pointer (&self->amendment);
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  guint line = self->life_line;

  /* Missing attributes are the schema's to report. */
  if (!writes_extras (self) || amendment->number == NULL || amendment->effective_date == NULL)
    return TRUE;

  if (self->known_amendments == NULL)
    {
      g_autoptr(GPtrArray) existing = signet_store_list_amendments (self->store, self->extras_contract_id, &error);

      if (existing == NULL)
        return _signet_xml_import_fail_in_contract (self, error, line, 0, NULL);

      self->known_amendments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < existing->len; i++)
        g_hash_table_add (self->known_amendments, g_strdup (((SignetAmendment *) g_ptr_array_index (existing, i))->number));
    }

  number = g_strstrip (g_strdup (amendment->number));
  if (g_hash_table_contains (self->known_amendments, number))
    return TRUE;

  if (self->amendment_file != NULL)
    {
      amendment->attachment_id = find_attachment (self, self->amendment_file, &error);
      if (amendment->attachment_id < 0)
        return _signet_xml_import_fail_in_contract (self, error, line, 0, NULL);
      if (amendment->attachment_id == 0)
        /* Translators: the first %s is an amendment's number, the second a SHA-256, the third a contract number. */
        return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                     _signet_xml_import_locate_attribute (self, line, "attachment", self->amendment_file),
                     self->amendment_file,
                     _("The amendment %s names the file %s as its signed file, but no attachment of the "
                       "contract %s has that SHA-256."),
                     number, self->amendment_file, self->key ? self->key : "");
    }

  amendment->contract_id = self->extras_contract_id;
  if (!signet_store_add_amendment (self->store, amendment, &error))
    return _signet_xml_import_fail_in_contract (self, error, line,
                                                _signet_xml_import_locate_attribute (self, line, "number", amendment->number),
                                                amendment->number);

  /* The approval the file gives it, not the one a rule of this register
   * would start. */
  if (!signet_store_import_amendment_state (self->store, amendment->id, self->amendment_state, &error))
    return _signet_xml_import_fail_in_contract (self, error, line, 0, NULL);

  g_hash_table_add (self->known_amendments, g_steal_pointer (&number));
  self->report->amendments_added++;

  return TRUE;
}

/* Renewal links. */

typedef struct
{
  gint64  successor_id;
  char   *successor_number;
  char   *uuid;
  char   *at;
  guint   line;
} ImportRenewal;

void
_signet_xml_import_free_renewal (gpointer data)
{
  ImportRenewal *renewal = data;

  g_free (renewal->successor_number);
  g_free (renewal->uuid);
  g_free (renewal->at);
  g_free (renewal);
}

/* Only the uuids the register does not know the contract by: an import
 * keeps the file's uuid for what it adds, so memory stays flat with the
 * size of the file. */
void
_signet_xml_import_note_contract (Import     *self,
                                  gint64      id,
                                  const char *uuid)
{
  if (self->file_uuid != NULL && g_strcmp0 (self->file_uuid, uuid) != 0)
    g_hash_table_insert (self->contract_ids, g_strdup (self->file_uuid), g_memdup2 (&id, sizeof id));
}

gboolean
_signet_xml_import_read_renewal_of (Import *self,
                                    guint   line)
{
  g_autofree char *uuid = _signet_xml_import_get_attribute (self, "uuid");
  g_autofree char *at = _signet_xml_import_get_attribute (self, "at");
  ImportRenewal *renewal;

  if (!_signet_xml_import_check_time (self, at, line, "at"))
    return FALSE;

  /* Missing attributes are the schema's to report. */
  if (!writes_extras (self) || uuid == NULL || at == NULL)
    return TRUE;

  renewal = g_new0 (ImportRenewal, 1);
  renewal->successor_id = self->extras_contract_id;
  renewal->successor_number = g_strdup (self->key);
  renewal->uuid = g_steal_pointer (&uuid);
  renewal->at = g_steal_pointer (&at);
  renewal->line = line;
  g_ptr_array_add (self->renewals, renewal);

  return TRUE;
}

gboolean
_signet_xml_import_link_renewals (Import *self)
{
  for (guint i = 0; i < self->renewals->len; i++)
    {
      ImportRenewal *renewal = g_ptr_array_index (self->renewals, i);
      g_autoptr(GError) error = NULL;
      SignetRenewalRecord record = { renewal->successor_id, 0, renewal->uuid, renewal->at };
      gint64 *in_file = g_hash_table_lookup (self->contract_ids, renewal->uuid);
      guint column = _signet_xml_import_locate_attribute (self, renewal->line, "uuid", renewal->uuid);

      record.predecessor_id = in_file != NULL
        ? *in_file
        : signet_store_find_contract_id_by_uuid (self->store, renewal->uuid, &error);
      if (record.predecessor_id < 0)
        return _signet_xml_import_fail_in_register (self, error);

      if (record.predecessor_id == 0)
        /* Translators: the first %s is a contract number, the second a UUID. */
        return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, renewal->line, column, renewal->uuid,
                     _("The contract %s renews the contract %s, which is neither in the file nor in the "
                       "register."), renewal->successor_number, renewal->uuid);

      if (!signet_store_import_renewal_record (self->store, &record, &error))
        {
          if (error->domain == SIGNET_STORE_ERROR)
            return _signet_xml_import_fail_in_register (self, error);

          return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, renewal->line, column, renewal->uuid,
                       _("Contract %s: %s"), renewal->successor_number, error->message);
        }
    }

  return TRUE;
}

/* Elements. */

gboolean
_signet_xml_import_start_life_element (Import           *self,
                                       const char       *name,
                                       int               depth,
                                       guint             line,
                                       gboolean          empty,
                                       const FieldInfo **field)
{
  *field = NULL;

  if (self->record == RECORD_PERSON && depth == 3 && self->person != NULL)
    *field = find_field (person_fields, G_N_ELEMENTS (person_fields), name);
  else if (self->record == RECORD_CONTRACT_TYPE && depth == 3 && g_str_equal (name, "key-date-offset"))
    {
      g_autofree char *kind = _signet_xml_import_get_attribute (self, "kind");
      g_autofree char *days = _signet_xml_import_get_attribute (self, "days");
      SignetKeyDateKind offset_kind = SIGNET_KEY_DATE_OTHER;
      guint64 n_days = 0;

      if (kind != NULL && (!signet_key_date_kind_from_token (kind, &offset_kind) ||
                           !signet_key_date_kind_is_user (offset_kind)))
        return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                     _signet_xml_import_locate_attribute (self, line, "kind", kind), kind,
                     _("“%s” is not a kind of key date. Use one of: milestone, payment, other."), kind);

      if (days != NULL && !g_ascii_string_to_unsigned (days, 10, 0, 36500, &n_days, NULL))
        return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                     _signet_xml_import_locate_attribute (self, line, "days", days), days,
                     _("“%s” is not a number of days after the start; write one from 0 to 36500."), days);

      g_clear_pointer (&self->offset, signet_key_date_offset_free);
      self->offset = signet_key_date_offset_new (offset_kind, NULL, n_days);
      self->offset_line = line;
    }
  else if (self->record == RECORD_CONTRACT_TYPE && depth == 3 && self->contract_type != NULL)
    *field = find_field (type_fields, G_N_ELEMENTS (type_fields), name);
  else if (self->record == RECORD_CONTRACT_TYPE && depth == 4 && self->offset != NULL && g_str_equal (name, "title"))
    *field = &offset_title_field;
  else if (self->section == SECTION_PROCESS && depth == 4 && g_str_equal (name, "step"))
    return start_step (self, line) && (!empty || finish_step (self));
  else if (self->section == SECTION_PROCESS && depth == 5 && self->step != NULL && g_str_equal (name, "comment"))
    *field = &step_comment_field;
  else if (self->record == RECORD_ROUTE && depth == 3 && self->route != NULL && g_str_equal (name, "step"))
    return read_route_step (self, line);
  else if (self->section == SECTION_APPROVAL_STEPS && depth == 4 && g_str_equal (name, "approval-step"))
    return read_approval_step (self, line);
  else if (self->section == SECTION_APPROVAL_STEPS && depth == 5 && self->approval_steps != NULL &&
           g_str_equal (name, "opinion"))
    *field = &opinion_field;
  else if (self->section == SECTION_NOTICE_DECISIONS && depth == 4 && g_str_equal (name, "decision"))
    return start_decision (self, line) && (!empty || finish_decision (self));
  else if (self->section == SECTION_NOTICE_DECISIONS && depth == 5 && self->decision != NULL &&
           g_str_equal (name, "comment"))
    *field = &decision_comment_field;
  else if (self->section == SECTION_AMENDMENTS && depth == 4 && g_str_equal (name, "amendment"))
    return start_amendment (self, line) && (!empty || finish_amendment (self));
  else if (self->section == SECTION_AMENDMENTS && depth == 5 && self->amendment != NULL && g_str_equal (name, "notice"))
    return read_notice (self, line);
  else if (self->section == SECTION_AMENDMENTS && depth == 5 && self->amendment != NULL)
    {
      *field = find_field (amendment_fields, G_N_ELEMENTS (amendment_fields), name);
      if (*field != NULL && (*field)->field == FIELD_AMENDMENT_VALUE)
        {
          g_free (self->amendment_currency);
          self->amendment_currency = _signet_xml_import_get_attribute (self, "currency");
        }
    }

  return TRUE;
}

gboolean
_signet_xml_import_end_life_element (Import     *self,
                                     const char *name,
                                     int         depth)
{
  if (self->record == RECORD_CONTRACT_TYPE && depth == 3 && self->offset != NULL &&
      g_str_equal (name, "key-date-offset"))
    {
      g_autoptr(SignetKeyDateOffset) offset = g_steal_pointer (&self->offset);

      /* A missing title is the schema's to report. */
      if (offset->title != NULL && self->contract_type != NULL)
        signet_contract_type_add_key_date_offset (self->contract_type, offset);
      return TRUE;
    }

  if (self->section == SECTION_PROCESS && depth == 4 && self->step != NULL && g_str_equal (name, "step"))
    return finish_step (self);

  if (self->section == SECTION_NOTICE_DECISIONS && depth == 4 && self->decision != NULL && g_str_equal (name, "decision"))
    return finish_decision (self);

  if (self->section == SECTION_AMENDMENTS && depth == 4 && self->amendment != NULL && g_str_equal (name, "amendment"))
    return finish_amendment (self);

  return TRUE;
}

static gboolean
read_months (Import          *self,
             const FieldInfo *info,
             const char      *text,
             guint            line,
             guint            most,
             guint           *months)
{
  guint64 n = 0;

  if (g_ascii_string_to_unsigned (text, 10, 1, most, &n, NULL))
    {
      *months = n;
      return TRUE;
    }

  return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
               _signet_xml_import_locate_text (self, line, text, info->element), text,
               _("“%s” is not a number of months; write one from 1 to %u."), text, most);
}

static gboolean
read_boolean (Import          *self,
              const FieldInfo *info,
              const char      *text,
              guint            line,
              gboolean        *value)
{
  if (g_str_equal (text, "true") || g_str_equal (text, "1"))
    *value = TRUE;
  else if (g_str_equal (text, "false") || g_str_equal (text, "0"))
    *value = FALSE;
  else
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                 _signet_xml_import_locate_text (self, line, text, info->element), text,
                 _("“%s” is not a yes-or-no value; write true or false."), text);

  return TRUE;
}

static const char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

static gboolean
finish_amendment_value (Import     *self,
                        const char *text,
                        guint       line)
{
  g_autoptr(GError) money_error = NULL;
  gint64 minor_units = 0;

  /* A missing currency is the schema's to report. */
  if (self->amendment_currency == NULL)
    return TRUE;

  if (!signet_money_parse_decimal (text, self->amendment_currency, &minor_units, &money_error))
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                 _signet_xml_import_locate_text (self, line, text, "value"), text,
                 "%s", money_error->message);

  self->amendment->changes |= SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_VALUE);
  self->amendment->value = minor_units;
  signet_set_str (&self->amendment->currency, self->amendment_currency);

  return TRUE;
}

gboolean
_signet_xml_import_finish_life_field (Import          *self,
                                      const FieldInfo *info,
                                      char            *raw,
                                      const char      *stripped,
                                      guint            line)
{
  SignetContractType *type = self->contract_type;
  SignetAmendment *amendment = self->amendment;

  switch (info->field)
    {
    case FIELD_PERSON_DEPARTMENT:
      signet_person_set_department (self->person, nonempty (stripped));
      break;
    case FIELD_PERSON_ROLE:
      signet_person_set_role (self->person, nonempty (stripped));
      break;
    case FIELD_PERSON_EMAIL:
      signet_person_set_email (self->person, nonempty (stripped));
      break;
    case FIELD_TYPE_CURRENCY:
      signet_contract_type_set_currency (type, nonempty (stripped));
      break;
    case FIELD_TYPE_DEPARTMENT:
      signet_contract_type_set_department (type, nonempty (stripped));
      break;
    case FIELD_TYPE_RISK_LEVEL:
      {
        SignetRiskLevel level;

        if (!signet_risk_level_from_token (stripped, &level))
          return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                       _signet_xml_import_locate_text (self, line, stripped, info->element), stripped,
                       _("“%s” is not a risk level. Use one of: low, medium, high."), stripped);
        signet_contract_type_set_risk_level (type, level);
      }
      break;
    case FIELD_TYPE_NOTICE_DAYS:
      {
        guint64 days = 0;

        if (!g_ascii_string_to_unsigned (stripped, 10, 0, 3650, &days, NULL))
          return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                       _signet_xml_import_locate_text (self, line, stripped, info->element), stripped,
                       _("“%s” is not a notice period; write a number of days from 0 to 3650."), stripped);
        signet_contract_type_set_notice_days (type, days);
      }
      break;
    case FIELD_TYPE_AUTO_RENEW:
      {
        gboolean auto_renew;

        if (!read_boolean (self, info, stripped, line, &auto_renew))
          return FALSE;
        signet_contract_type_set_auto_renew (type, auto_renew ? SIGNET_AUTO_RENEW_YES : SIGNET_AUTO_RENEW_NO);
      }
      break;
    case FIELD_TYPE_TERM_MONTHS:
    case FIELD_TYPE_REVIEW_MONTHS:
      {
        gboolean term = info->field == FIELD_TYPE_TERM_MONTHS;
        guint months = 0;

        if (!read_months (self, info, stripped, line, term ? 1200 : 120, &months))
          return FALSE;
        if (term)
          signet_contract_type_set_term_months (type, months);
        else
          signet_contract_type_set_review_months (type, months);
      }
      break;
    case FIELD_TYPE_CLAUSE:
      if (*stripped != '\0')
        g_ptr_array_add (self->clauses, g_strdup (stripped));
      break;
    case FIELD_OFFSET_TITLE:
      if (*stripped == '\0')
        return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                     _signet_xml_import_locate_text (self, line, NULL, info->element), raw,
                     _("A key date of the contract type %s has an empty title."), self->key ? self->key : "");
      signet_set_str (&self->offset->title, stripped);
      break;
    case FIELD_STEP_COMMENT:
      signet_set_str (&self->step->comment, nonempty (raw));
      break;
    case FIELD_DECISION_COMMENT:
      signet_set_str (&self->decision->comment, nonempty (raw));
      break;
    case FIELD_APPROVAL_OPINION:
      {
        ImportApprovalStep *read = g_ptr_array_index (self->approval_steps, self->approval_steps->len - 1);

        signet_set_str (&read->step->opinion, nonempty (raw));
      }
      break;
    case FIELD_AMENDMENT_REASON:
      signet_set_str (&amendment->reason, nonempty (raw));
      break;
    case FIELD_AMENDMENT_VALUE:
      return finish_amendment_value (self, stripped, line);
    case FIELD_AMENDMENT_END_DATE:
      if (!_signet_xml_import_check_date (self, stripped, line, info->element, NULL))
        return FALSE;
      amendment->changes |= SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_END_DATE);
      signet_set_str (&amendment->end_date, stripped);
      break;
    case FIELD_AMENDMENT_TITLE:
      amendment->changes |= SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_TITLE);
      signet_set_str (&amendment->title, stripped);
      break;
    case FIELD_AMENDMENT_OTHER_TERMS:
      amendment->changes |= SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_OTHER);
      signet_set_str (&amendment->other_terms, raw);
      break;
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}
