/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-xml"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/xmlschemas.h>

#include "signet-xml-import-private.h"

/* How many nodes pass between two looks at the cancellable. */
#define CANCEL_CHECK_INTERVAL 1024

/* Where the file first gave a client code or contract number, as written
 * (spaces around it included), for the message if it comes again. */
typedef struct
{
  guint  line;
  char  *written;
} KeyPlace;

static void
key_place_free (gpointer data)
{
  KeyPlace *place = data;

  g_free (place->written);
  g_free (place);
}

static void
import_clear_record (Import *self)
{
  _signet_xml_import_clear_attachment (self);
  _signet_xml_import_clear_dated (self);
  _signet_xml_import_clear_life (self);
  _signet_xml_import_clear_commitments (self);
  g_clear_pointer (&self->known_key_dates, g_hash_table_unref);
  g_clear_pointer (&self->known_reviews, g_hash_table_unref);
  self->record_written = FALSE;
  self->extras_contract_id = 0;
  self->contract_added = FALSE;
  self->contract_updated = FALSE;
  self->section = SECTION_NONE;
  g_hash_table_remove_all (self->stored_files);
  g_clear_pointer (&self->key, g_free);
  g_clear_object (&self->client);
  g_clear_object (&self->contract);
  g_clear_pointer (&self->client_code, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->file_uuid, g_free);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      self->field_lines[i] = 0;
      g_clear_pointer (&self->field_values[i], g_free);
    }
  self->record = RECORD_NONE;
  self->record_line = 0;
}

char *
_signet_xml_import_get_attribute (Import     *self,
                                  const char *name)
{
  for (guint i = 0; i < self->node->n_attributes; i++)
    if (g_str_equal (self->node->attributes[i].name, name))
      return g_strdup (self->node->attributes[i].value);

  return NULL;
}

/* Records. */

void
_signet_xml_import_add_conflict (Import           *self,
                                 SignetRecordKind  kind)
{
  SignetImportReport *report = self->report;
  SignetImportConflict *conflict;

  report->n_conflicts++;
  if (report->conflicts->len >= SIGNET_IMPORT_MAX_NAMED_CONFLICTS)
    return;

  conflict = g_new0 (SignetImportConflict, 1);
  conflict->kind = kind;
  conflict->key = g_strdup (self->key);
  conflict->line = self->record_line;
  g_ptr_array_add (report->conflicts, conflict);
}

static void
free_conflict (gpointer data)
{
  SignetImportConflict *conflict = data;

  g_free (conflict->key);
  g_free (conflict);
}

static gboolean
clients_equal (SignetClient *a,
               SignetClient *b)
{
  return g_strcmp0 (signet_client_get_name (a), signet_client_get_name (b)) == 0 &&
         g_strcmp0 (signet_client_get_code (a), signet_client_get_code (b)) == 0 &&
         g_strcmp0 (signet_client_get_contact (a), signet_client_get_contact (b)) == 0 &&
         g_strcmp0 (signet_client_get_phone (a), signet_client_get_phone (b)) == 0 &&
         g_strcmp0 (signet_client_get_email (a), signet_client_get_email (b)) == 0 &&
         g_strcmp0 (signet_client_get_address (a), signet_client_get_address (b)) == 0 &&
         g_strcmp0 (signet_client_get_notes (a), signet_client_get_notes (b)) == 0;
}

static gboolean
fail_on_conflict (Import     *self,
                  const char *attribute)
{
  guint column = _signet_xml_import_locate_attribute (self, self->record_line, attribute, self->key);

  if (self->record == RECORD_CLIENT)
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_CONFLICT, self->record_line, column, self->key,
                 _("The client %s is already in the register with other details. Nothing was "
                   "imported; choose to skip or to update existing records to import this file."),
                 self->key);
  else
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_CONFLICT, self->record_line, column, self->key,
                 _("The contract %s is already in the register with other details. Nothing was "
                   "imported; choose to skip or to update existing records to import this file."),
                 self->key);
}

static void
remember_client_id (Import     *self,
                    const char *code,
                    gint64      id)
{
  g_hash_table_insert (self->client_ids, g_strdup (code), g_memdup2 (&id, sizeof id));
}

static gboolean
finish_client (Import *self)
{
  g_autoptr(SignetClient) existing = NULL;
  g_autoptr(GError) error = NULL;
  SignetImportReport *report = self->report;

  existing = signet_store_find_client_by_code (self->store, self->key, &error);
  if (error != NULL)
    return _signet_xml_import_fail_with_store_error (self, error);

  if (existing == NULL)
    {
      if (!signet_store_add_client (self->store, self->client, &error))
        return _signet_xml_import_fail_with_store_error (self, error);
      report->clients_added++;
      remember_client_id (self, self->key, signet_client_get_id (self->client));
      return TRUE;
    }

  signet_client_set_id (self->client, signet_client_get_id (existing));
  remember_client_id (self, self->key, signet_client_get_id (existing));

  if (clients_equal (existing, self->client))
    {
      report->clients_unchanged++;
      return TRUE;
    }

  _signet_xml_import_add_conflict (self, SIGNET_RECORD_CLIENT);

  switch (self->options->on_conflict)
    {
    case SIGNET_CONFLICT_SKIP:
      report->clients_skipped++;
      return TRUE;

    case SIGNET_CONFLICT_UPDATE:
      if (!signet_store_update_client (self->store, self->client, &error))
        return _signet_xml_import_fail_with_store_error (self, error);
      report->clients_updated++;
      return TRUE;

    case SIGNET_CONFLICT_FAIL:
    default:
      /* A dry run goes on, to count and name every conflict. */
      if (self->options->dry_run)
        return TRUE;
      return fail_on_conflict (self, "code");
    }
}

static gboolean
finish_contract (Import *self)
{
  g_autoptr(SignetContract) existing = NULL;
  g_autoptr(GError) error = NULL;
  SignetImportReport *report = self->report;

  if (!self->no_contracts_before)
    existing = signet_store_find_contract_by_number (self->store, self->key, &error);
  if (error != NULL)
    return _signet_xml_import_fail_with_store_error (self, error);

  if (existing == NULL)
    {
      if (!signet_store_add_contract (self->store, self->contract, &error))
        return _signet_xml_import_fail_with_store_error (self, error);
      report->contracts_added++;
      self->contract_added = TRUE;
      self->extras_contract_id = signet_contract_get_id (self->contract);
      _signet_xml_import_note_contract (self, self->extras_contract_id, signet_contract_get_uuid (self->contract));
      return TRUE;
    }

  signet_contract_set_id (self->contract, signet_contract_get_id (existing));
  signet_contract_set_client_name (self->contract, signet_contract_get_client_name (existing));
  _signet_xml_import_note_contract (self, signet_contract_get_id (existing), signet_contract_get_uuid (existing));

  if (signet_contract_equal (existing, self->contract))
    {
      report->contracts_unchanged++;
      self->extras_contract_id = signet_contract_get_id (existing);
      return TRUE;
    }

  _signet_xml_import_add_conflict (self, SIGNET_RECORD_CONTRACT);

  switch (self->options->on_conflict)
    {
    case SIGNET_CONFLICT_SKIP:
      report->contracts_skipped++;
      return TRUE;

    case SIGNET_CONFLICT_UPDATE:
      if (!signet_store_update_contract (self->store, self->contract, &error))
        return _signet_xml_import_fail_with_store_error (self, error);
      report->contracts_updated++;
      self->contract_updated = TRUE;
      self->extras_contract_id = signet_contract_get_id (existing);
      return TRUE;

    case SIGNET_CONFLICT_FAIL:
    default:
      if (self->options->dry_run)
        return TRUE;
      return fail_on_conflict (self, "number");
    }
}

/* Elements. */

static gboolean
start_root (Import     *self,
            const char *name,
            const char *ns,
            guint       line)
{
  static const char ns_prefix[] = "https://signetapp.github.io/ns/register/";
  g_autofree char *version = NULL;

  if (g_strcmp0 (name, "register") != 0 || g_strcmp0 (ns, SIGNET_XML_NAMESPACE) != 0)
    {
      if (g_strcmp0 (name, "register") == 0 && ns != NULL && g_str_has_prefix (ns, ns_prefix))
        return _signet_xml_import_fail (self, SIGNET_XML_ERROR_VERSION, line, _signet_xml_import_locate_attribute (self, line, "xmlns", ns), ns,
                     _("This register is in version %s of the Signet format; this version of "
                       "Signet reads version %d. Update Signet to import it."),
                     ns + strlen (ns_prefix), SIGNET_XML_VERSION);

      return _signet_xml_import_fail (self, SIGNET_XML_ERROR_VERSION, line,
                   ns ? _signet_xml_import_locate_attribute (self, line, "xmlns", ns) : _signet_xml_import_locate_text (self, line, NULL, name),
                   ns ? ns : name,
                   _("This is not a Signet register: it starts with <%s> in the namespace “%s”, "
                     "not with <register> in “%s”."),
                   name, ns ? ns : "", SIGNET_XML_NAMESPACE);
    }

  version = _signet_xml_import_get_attribute (self, "version");
  if (version != NULL && !g_str_equal (version, G_STRINGIFY (SIGNET_XML_VERSION)))
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_VERSION, line, _signet_xml_import_locate_attribute (self, line, "version", version), version,
                 _("This register is in version %s of the Signet format; this version of "
                   "Signet reads version %d. Update Signet to import it."),
                 version, SIGNET_XML_VERSION);

  return TRUE;
}

/* "line 10, column 23", for a message that names two places. */
static char *
describe_place (guint line,
                guint column)
{
  if (column == 0)
    /* Translators: a place in a file, inside a sentence. */
    return g_strdup_printf (_("line %u"), line);

  /* Translators: a place in a file, inside a sentence. */
  return g_strdup_printf (_("line %u, column %u"), line, column);
}

/* The value of @attribute, the record's key, without the spaces around
 * it: the store keeps it so, and matches on it. NULL when it is missing. */
static char *
get_key_attribute (Import     *self,
                   const char *attribute)
{
  char *value = _signet_xml_import_get_attribute (self, attribute);

  return value != NULL ? g_strstrip (value) : NULL;
}

/* Refuses a client code or contract number the file gave before, spaces
 * around it aside, naming both places: the store would otherwise refuse
 * the second record with a message about its database. */
static gboolean
check_key_once (Import     *self,
                GHashTable *seen,
                const char *attribute,
                guint       line)
{
  g_autofree char *written = _signet_xml_import_get_attribute (self, attribute);
  g_autofree char *first_place = NULL;
  g_autofree char *second_place = NULL;
  KeyPlace *first = g_hash_table_lookup (seen, self->key);
  guint column;

  if (first == NULL)
    {
      first = g_new0 (KeyPlace, 1);
      first->line = line;
      first->written = g_steal_pointer (&written);
      g_hash_table_insert (seen, g_strdup (self->key), first);
      return TRUE;
    }

  column = _signet_xml_import_locate_attribute (self, line, attribute, written);
  first_place = describe_place (first->line, _signet_xml_import_locate_attribute (self, first->line, attribute, first->written));
  second_place = describe_place (line, column);

  if (g_str_equal (first->written, written) && self->record == RECORD_CLIENT)
    /* Translators: %s is a client code; the others are places in the file ("line 10, column 23"). */
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, column, written,
                 _("The client code %s appears twice in the file: on %s, and on %s."),
                 self->key, first_place, second_place);

  if (g_str_equal (first->written, written))
    /* Translators: %s is a contract number; the others are places in the file ("line 10, column 23"). */
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, column, written,
                 _("The contract number %s appears twice in the file: on %s, and on %s."),
                 self->key, first_place, second_place);

  if (self->record == RECORD_CLIENT)
    /* Translators: the client codes as written, each with its place in the file. */
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, column, written,
                 _("The client codes “%s” (%s) and “%s” (%s) are the same code: Signet removes the "
                   "spaces around a code, so a client code appears twice in the file."),
                 first->written, first_place, written, second_place);

  /* Translators: the contract numbers as written, each with its place in the file. */
  return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, column, written,
               _("The contract numbers “%s” (%s) and “%s” (%s) are the same number: Signet removes "
                 "the spaces around a number, so a contract number appears twice in the file."),
               first->written, first_place, written, second_place);
}

static gboolean
start_client (Import *self,
              guint   line)
{
  import_clear_record (self);
  self->record = RECORD_CLIENT;
  self->record_line = line;
  self->key = get_key_attribute (self, "code");
  self->client = signet_client_new ();
  signet_client_set_code (self->client, self->key);

  if (self->key == NULL)
    return TRUE;

  if (*self->key == '\0')
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                 _signet_xml_import_locate_attribute (self, line, "code", NULL), NULL,
                 _("A client has no code: its code is only spaces."));

  return check_key_once (self, self->seen_codes, "code", line);
}

static gboolean
start_contract (Import *self,
                guint   line)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contract_uuid = NULL;
  gint64 *client_id;

  import_clear_record (self);
  self->record = RECORD_CONTRACT;
  self->record_line = line;
  self->key = get_key_attribute (self, "number");
  self->client_code = get_key_attribute (self, "client");
  self->contract = signet_contract_new ();
  signet_contract_set_number (self->contract, self->key);
  /* Kept by a contract the import adds, not by one it updates; the store
   * gives it a new one if another contract has it. */
  contract_uuid = _signet_xml_import_get_attribute (self, "uuid");
  signet_contract_set_uuid (self->contract, contract_uuid);
  self->file_uuid = g_steal_pointer (&contract_uuid);

  if (self->key != NULL && *self->key == '\0')
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                 _signet_xml_import_locate_attribute (self, line, "number", NULL), NULL,
                 _("A contract has no number: its number is only spaces."));

  if (self->key != NULL && !check_key_once (self, self->seen_numbers, "number", line))
    return FALSE;

  if (self->client_code == NULL)
    return TRUE;

  client_id = g_hash_table_lookup (self->client_ids, self->client_code);

  /* A client of the file that was not written because the file already
   * failed: the contract will not be written either. */
  if (client_id == NULL && g_hash_table_contains (self->seen_codes, self->client_code))
    return TRUE;

  if (client_id == NULL)
    {
      g_autoptr(SignetClient) client = signet_store_find_client_by_code (self->store, self->client_code, &error);

      if (error != NULL)
        return _signet_xml_import_fail_with_store_error (self, error);

      if (client == NULL)
        return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                     _signet_xml_import_locate_attribute (self, line, "client", self->client_code), self->client_code,
                     _("The contract %s belongs to the client %s, which is neither in the file nor "
                       "in the register."), self->key ? self->key : "", self->client_code);

      remember_client_id (self, self->client_code, signet_client_get_id (client));
      client_id = g_hash_table_lookup (self->client_ids, self->client_code);
    }

  signet_contract_set_client_id (self->contract, *client_id);

  return TRUE;
}

/* Writes the contract once its fields are read; what follows them is
 * written as it is read. */
static gboolean
write_contract_once (Import *self)
{
  if (self->record_written || self->pending != NULL)
    return TRUE;

  self->record_written = TRUE;

  return finish_contract (self);
}

static Section
section_of (const char *name)
{
  if (g_str_equal (name, "attachments"))
    return SECTION_ATTACHMENTS;
  if (g_str_equal (name, "key-dates"))
    return SECTION_KEY_DATES;
  if (g_str_equal (name, "reviews"))
    return SECTION_REVIEWS;
  if (g_str_equal (name, "reminders"))
    return SECTION_REMINDERS;
  if (g_str_equal (name, "process"))
    return SECTION_PROCESS;
  if (g_str_equal (name, "amendments"))
    return SECTION_AMENDMENTS;
  if (g_str_equal (name, "renewal-of"))
    return SECTION_RENEWAL_OF;
  if (g_str_equal (name, "notice-decisions"))
    return SECTION_NOTICE_DECISIONS;
  if (g_str_equal (name, "approval-steps"))
    return SECTION_APPROVAL_STEPS;
  if (g_str_equal (name, "payments"))
    return SECTION_PAYMENTS;
  if (g_str_equal (name, "obligations"))
    return SECTION_OBLIGATIONS;
  if (g_str_equal (name, "risks"))
    return SECTION_RISKS;
  if (g_str_equal (name, "risk-level-choice"))
    return SECTION_RISK_LEVEL_CHOICE;
  if (g_str_equal (name, "original"))
    return SECTION_ORIGINAL;
  if (g_str_equal (name, "loans"))
    return SECTION_LOANS;

  return SECTION_NONE;
}

/* The attributes of the schema's Key, Person and MediaType types, at most
 * SIGNET_XML_MAX_KEY_CHARS characters long. */
static gboolean
is_short_attribute (const char *element,
                    const char *attribute)
{
  static const char * const short_attributes[][2] = {
    { "client", "code" },
    { "contract", "number" },
    { "contract", "client" },
    { "attachment", "name" },
    { "attachment", "type" },
    { "attachment", "added-by" },
    { "earlier-version", "name" },
    { "earlier-version", "type" },
    { "earlier-version", "added-by" },
    { "annotation", "author" },
    { "review", "reviewer" },
    { "person", "name" },
    { "contract-type", "name" },
    { "step", "recorded-by" },
    { "step", "decided-by" },
    { "decision", "recorded-by" },
    { "decision", "decided-by" },
    { "amendment", "number" },
    { "route", "name" },
    { "step", "name" },
    { "step", "person" },
    { "step", "role" },
    { "rule", "type" },
    { "approval-step", "name" },
    { "approval-step", "person" },
    { "approval-step", "role" },
    { "approval-step", "decided-by" },
    { "approval-step", "recorded-by" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (short_attributes); i++)
    if (g_str_equal (short_attributes[i][0], element) && g_str_equal (short_attributes[i][1], attribute))
      return TRUE;

  return FALSE;
}

/* The start of a value too long to quote whole. */
static char *
shorten (const char *value)
{
  g_autofree char *start = g_utf8_substring (value, 0, 32);

  return g_strconcat (start, "…", NULL);
}

/* Attributes are limited as the texts of fields are (add_text()): a
 * contract number of megabytes would be carried into every lookup and
 * message, and the schema's integers have no limit of length. */
static gboolean
check_attribute_lengths (Import *self)
{
  const ImportNode *node = self->node;

  for (guint i = 0; i < node->n_attributes; i++)
    {
      const ImportAttribute *attribute = &node->attributes[i];
      gsize len = strlen (attribute->value);
      g_autofree char *start = NULL;
      glong n_chars = 0;

      /* No more bytes than a key has characters: short enough. */
      if (len <= SIGNET_XML_MAX_KEY_CHARS)
        continue;

      if (is_short_attribute (node->name, attribute->name))
        n_chars = g_utf8_strlen (attribute->value, -1);

      if (n_chars <= SIGNET_XML_MAX_KEY_CHARS && len <= SIGNET_XML_MAX_ATTRIBUTE_BYTES)
        continue;

      /* Only for the message: finding the column reads the file again. */
      start = shorten (attribute->value);

      if (n_chars > SIGNET_XML_MAX_KEY_CHARS)
        /* Translators: the first %s is an attribute's name, the second an element's. */
        return _signet_xml_import_fail (self, SIGNET_XML_ERROR_LIMIT, node->line,
                     _signet_xml_import_locate_attribute (self, node->line, attribute->name, NULL), start,
                     _("The attribute “%s” of <%s> is %ld characters long; Signet reads at most %d "
                       "characters there."),
                     attribute->name, node->name, n_chars, SIGNET_XML_MAX_KEY_CHARS);

      /* Translators: the first %s is an attribute's name, the second an element's. */
      return _signet_xml_import_fail (self, SIGNET_XML_ERROR_LIMIT, node->line,
                   _signet_xml_import_locate_attribute (self, node->line, attribute->name, NULL), start,
                   _("The attribute “%s” of <%s> is %lu bytes long; Signet reads at most %d bytes "
                     "in one attribute."),
                   attribute->name, node->name, (gulong) len, SIGNET_XML_MAX_ATTRIBUTE_BYTES);
    }

  return TRUE;
}

/* The elements inside <attachment>: its data, the annotations of its
 * current version, and each earlier version with its data and annotations
 * one level deeper. The schema refuses any other arrangement; this only
 * makes sure nothing else is acted on meanwhile. */
static gboolean
start_attachment_child (Import          *self,
                        const char      *name,
                        int              depth,
                        guint            line,
                        const FieldInfo **field)
{
  /* Depth of the children of the version being read. */
  int version_depth = self->version.earlier ? 6 : 5;

  if (depth == 5 && g_str_equal (name, "description"))
    *field = &_signet_xml_import_description_field;
  else if (depth == version_depth && g_str_equal (name, "data") && self->version.open)
    *field = &_signet_xml_import_data_field;
  else if (depth == version_depth && g_str_equal (name, "annotations"))
    return _signet_xml_import_finish_version (self);
  else if (depth == 5 && g_str_equal (name, "earlier-version"))
    return _signet_xml_import_finish_version (self) &&
           _signet_xml_import_start_earlier_version (self, line);
  else if (depth == version_depth + 1 && g_str_equal (name, "annotation"))
    return _signet_xml_import_finish_version (self) &&
           _signet_xml_import_start_annotation (self, line);
  else if (depth == version_depth + 2 && g_str_equal (name, "comment") && self->in_annotation)
    *field = &_signet_xml_import_comment_field;

  return TRUE;
}

static gboolean end_element (Import *self);

/* Reads the text of @field from here to its end. */
static gboolean
start_field (Import          *self,
             const FieldInfo *field,
             int              depth,
             guint            line,
             gboolean         empty)
{
  self->field = field;
  self->field_depth = depth;
  g_string_truncate (self->text, 0);
  self->text_line = 0;
  if (field->field != FIELD_DATA)
    self->field_lines[field->field] = line;

  if (field->field == FIELD_VALUE)
    {
      g_free (self->currency);
      self->currency = _signet_xml_import_get_attribute (self, "currency");
    }

  if (empty)
    return _signet_xml_import_finish_field (self);

  return TRUE;
}

static gboolean
start_element (Import *self)
{
  const char *name = self->node->name;
  const char *ns = self->node->ns;
  int depth = self->node->depth;
  guint line = self->node->line;
  gboolean empty = self->node->empty;
  const FieldInfo *field = NULL;

  if (depth >= SIGNET_XML_MAX_DEPTH)
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_LIMIT, line, _signet_xml_import_locate_text (self, line, NULL, name), name,
                 _("Elements are nested more than %d levels deep; a Signet register nests nine."),
                 SIGNET_XML_MAX_DEPTH);

  if (!check_attribute_lengths (self))
    return FALSE;

  if (depth == 0)
    return start_root (self, name, ns, line);

  /* Elements of other namespaces are the schema's to refuse. */
  if (g_strcmp0 (ns, SIGNET_XML_NAMESPACE) != 0)
    return TRUE;

  if (depth == 2 && g_str_equal (name, "client"))
    return start_client (self, line);

  if (depth == 2 && g_str_equal (name, "contract"))
    return start_contract (self, line);

  if (depth == 2 && g_str_equal (name, "person"))
    {
      import_clear_record (self);
      return _signet_xml_import_start_person (self, line) && (!empty || end_element (self));
    }

  if (depth == 2 && g_str_equal (name, "route"))
    {
      import_clear_record (self);
      return _signet_xml_import_start_route (self, line) && (!empty || end_element (self));
    }

  if (depth == 2 && g_str_equal (name, "rule"))
    return _signet_xml_import_read_rule (self, line);

  if (depth == 2 && g_str_equal (name, "saved-view"))
    return _signet_xml_import_read_saved_view (self, line);

  if (depth == 2 && g_str_equal (name, "contract-type"))
    {
      import_clear_record (self);
      return _signet_xml_import_start_contract_type (self, line) && (!empty || end_element (self));
    }

  /* A field inside a field is the schema's to refuse. */
  if (self->field != NULL)
    return TRUE;

  if ((depth >= 3 && (self->record == RECORD_PERSON || self->record == RECORD_CONTRACT_TYPE ||
                      self->record == RECORD_ROUTE)) ||
      (depth >= 4 && (self->section == SECTION_PROCESS || self->section == SECTION_AMENDMENTS ||
                      self->section == SECTION_NOTICE_DECISIONS || self->section == SECTION_APPROVAL_STEPS)))
    {
      if (!_signet_xml_import_start_life_element (self, name, depth, line, empty, &field))
        return FALSE;
      if (field == NULL)
        return TRUE;
      return start_field (self, field, depth, line, empty);
    }

  if (depth == 3 && self->record == RECORD_CONTRACT && section_of (name) != SECTION_NONE)
    {
      if (!write_contract_once (self))
        return FALSE;

      if (section_of (name) == SECTION_REMINDERS)
        return _signet_xml_import_read_reminders (self, line);

      if (section_of (name) == SECTION_RENEWAL_OF)
        return _signet_xml_import_read_renewal_of (self, line);

      if (_signet_xml_import_is_commitment_section (section_of (name)))
        {
          gboolean success;

          self->section = section_of (name);
          success = _signet_xml_import_start_commitments (self, self->section, line);
          if (success && empty)
            success = _signet_xml_import_finish_commitments (self);
          if (empty)
            self->section = SECTION_NONE;
          return success;
        }

      if (!empty)
        self->section = section_of (name);

      return TRUE;
    }

  /* What a contract commits us to, and a review's checklist and actions. */
  if ((depth >= 4 && _signet_xml_import_is_commitment_section (self->section)) ||
      (depth >= 5 && self->review != NULL && !(depth == 5 && g_str_equal (name, "note"))))
    {
      if (!_signet_xml_import_start_commitment_element (self, name, depth, line, empty, &field))
        return FALSE;
      if (field == NULL)
        return TRUE;
      return start_field (self, field, depth, line, empty);
    }

  if (depth == 3)
    field = _signet_xml_import_lookup_field (self->record, name);
  else if (depth == 4 && self->section == SECTION_ATTACHMENTS && g_str_equal (name, "attachment"))
    return _signet_xml_import_start_attachment (self, line) &&
           (!empty || (_signet_xml_import_finish_version (self) && _signet_xml_import_finish_attachment (self)));
  else if (depth == 4 && self->section == SECTION_KEY_DATES && g_str_equal (name, "key-date"))
    return _signet_xml_import_start_key_date (self, line) &&
           (!empty || _signet_xml_import_finish_key_date (self));
  else if (depth == 4 && self->section == SECTION_REVIEWS && g_str_equal (name, "review"))
    return _signet_xml_import_start_review (self, line) &&
           (!empty || _signet_xml_import_finish_review (self));
  else if (depth >= 5 && self->in_attachment)
    {
      gboolean in_annotation = self->in_annotation;
      gboolean is_annotation = g_str_equal (name, "annotation");
      gboolean is_version = g_str_equal (name, "earlier-version");

      if (!start_attachment_child (self, name, depth, line, &field))
        return FALSE;

      if (empty && is_annotation && !in_annotation && self->in_annotation)
        return _signet_xml_import_finish_annotation (self);
      if (empty && is_version)
        return _signet_xml_import_finish_version (self);
    }
  else if (depth == 5 && self->key_date != NULL && g_str_equal (name, "title"))
    field = &_signet_xml_import_key_date_title_field;
  else if (depth == 5 && self->key_date != NULL && g_str_equal (name, "note"))
    field = &_signet_xml_import_key_date_note_field;
  else if (depth == 5 && self->review != NULL && g_str_equal (name, "note"))
    field = &_signet_xml_import_review_note_field;

  if (field == NULL)
    return TRUE;

  return start_field (self, field, depth, line, empty);
}

static gboolean
end_element (Import *self)
{
  const char *name = self->node->name;
  int depth = self->node->depth;
  gboolean success = TRUE;

  if (self->field != NULL)
    return depth == self->field_depth ? _signet_xml_import_finish_field (self) : TRUE;

  /* Once libxml2 found the file wrong, records are not written: the error
   * it found is the one to report. */
  if (self->pending != NULL)
    return TRUE;

  if (depth == 3 && self->section == SECTION_APPROVAL_STEPS && g_str_equal (name, "approval-steps"))
    {
      self->section = SECTION_NONE;
      return _signet_xml_import_finish_approval_steps (self);
    }
  else if (depth == 3 && _signet_xml_import_is_commitment_section (self->section) &&
           section_of (name) == self->section)
    {
      success = _signet_xml_import_finish_commitments (self);
      self->section = SECTION_NONE;
      return success;
    }
  else if (depth >= 4 && _signet_xml_import_is_commitment_section (self->section))
    return _signet_xml_import_end_commitment_element (self, name, depth);
  else if (depth == 3 && self->section != SECTION_NONE && section_of (name) == self->section)
    self->section = SECTION_NONE;
  else if (depth == 1 && g_str_equal (name, "approval-rules"))
    return _signet_xml_import_finish_rules (self);
  else if (depth == 1 && g_str_equal (name, "saved-views"))
    return _signet_xml_import_finish_saved_views (self);
  else if (depth == 4 && self->in_attachment && g_str_equal (name, "attachment"))
    return _signet_xml_import_finish_version (self) && _signet_xml_import_finish_attachment (self);
  else if (depth == 5 && self->in_attachment && g_str_equal (name, "earlier-version"))
    return _signet_xml_import_finish_version (self);
  else if (depth >= 6 && self->in_annotation && g_str_equal (name, "annotation"))
    return _signet_xml_import_finish_annotation (self);
  else if (depth == 4 && self->key_date != NULL && g_str_equal (name, "key-date"))
    return _signet_xml_import_finish_key_date (self);
  else if (depth == 4 && self->review != NULL && g_str_equal (name, "review"))
    return _signet_xml_import_finish_review (self);
  else if (depth == 2 && self->record == RECORD_CLIENT && g_str_equal (name, "client"))
    success = finish_client (self);
  else if (depth == 2 && self->record == RECORD_CONTRACT && g_str_equal (name, "contract"))
    success = self->record_written || finish_contract (self);
  else if (depth == 2 && (self->record == RECORD_PERSON || self->record == RECORD_CONTRACT_TYPE ||
                           self->record == RECORD_ROUTE))
    success = _signet_xml_import_finish_life_record (self);
  else if (depth >= 3)
    return _signet_xml_import_end_life_element (self, name, depth);
  else
    return TRUE;

  if (success && depth == 2)
    import_clear_record (self);

  return success;
}

static gboolean
add_text (Import *self)
{
  const char *value = self->node->value;
  guint line = self->node->line;
  gsize len;

  if (self->field == NULL)
    return TRUE;

  if (self->text_line == 0)
    self->text_line = line;

  len = strlen (value);

  if (self->text->len + len > SIGNET_XML_MAX_TEXT_BYTES && self->field->field != FIELD_DATA)
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_LIMIT, line, 0, self->field->element,
                 _("The text of <%s> is longer than %d bytes, the most Signet reads in one field."),
                 self->field->element, SIGNET_XML_MAX_TEXT_BYTES);

  g_string_append_len (self->text, value, len);

  return TRUE;
}

static gboolean
handle_node (Import *self)
{
  switch (self->node->type)
    {
    case XML_READER_TYPE_ELEMENT:
      return start_element (self);
    case XML_READER_TYPE_END_ELEMENT:
      return end_element (self);
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
      return add_text (self);
    case XML_READER_TYPE_DOCUMENT_TYPE:
      return _signet_xml_import_refuse_doctype (self);
    default:
      return TRUE;
    }
}

/* libxml2's first error, reported while reading up to the current node:
 * kept, unless a check of ours already failed the import. */
static void
take_libxml_error (Import *self,
                   GError *error,
                   guint   line)
{
  if (self->pending != NULL)
    {
      g_error_free (error);
      return;
    }

  self->pending = error;
  self->pending_line = line;
}

static gboolean
read_register (Import  *self,
               GError **error)
{
  g_autoptr(GError) end_error = NULL;
  guint n_nodes = 0;
  guint end_error_line = 0;
  goffset n_read = 0;
  goffset reported = 0;
  int status;

  while ((self->node = _signet_xml_import_reader_next (self->source, &n_read)) != NULL)
    {
      if (self->node->error != NULL)
        take_libxml_error (self, g_error_copy (self->node->error), self->node->error_line);

      /* An error of libxml2's is the one to report once the reader is past
       * its line; until then a check of ours may find an earlier one. */
      if (self->pending != NULL && self->pending_line > 0 && self->node->line > self->pending_line)
        break;

      if (!handle_node (self))
        break;

      if (n_read != reported && self->size > 0)
        {
          reported = n_read;
          _signet_xml_progress_report (&self->progress, 0.99 * n_read / self->size);
        }

      if (++n_nodes % CANCEL_CHECK_INTERVAL == 0 &&
          g_cancellable_set_error_if_cancelled (self->cancellable, error))
        return FALSE;
    }
  self->node = NULL;

  /* Stopped early or not, the reader says how far it got. */
  status = _signet_xml_import_reader_get_end (self->source, &self->io_error, &end_error, &end_error_line);

  if (self->io_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->io_error));
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;

  if (end_error != NULL)
    take_libxml_error (self, g_steal_pointer (&end_error), end_error_line);

  if (self->pending != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->pending));
      return FALSE;
    }

  if (status < 0)
    return _signet_xml_set_error (error, SIGNET_XML_ERROR_MALFORMED, 0, 0, NULL,
                                  _("The file is not well-formed XML."));

  if (!_signet_xml_import_link_renewals (self))
    {
      g_propagate_error (error, g_steal_pointer (&self->pending));
      return FALSE;
    }

  return TRUE;
}

/* Compiled once: a compiled schema is only read while validating, so every
 * import (in any thread) can share it. */
static gpointer
compile_schema (gpointer data)
{
  g_autoptr(GBytes) bytes = signet_xml_get_schema ();
  xmlSchemaParserCtxtPtr parser;
  xmlSchemaPtr schema;
  gsize size;
  const char *text = g_bytes_get_data (bytes, &size);

  parser = xmlSchemaNewMemParserCtxt (text, size);
  schema = xmlSchemaParse (parser);
  xmlSchemaFreeParserCtxt (parser);

  if (schema == NULL)
    g_error ("The embedded XML schema does not compile");

  return schema;
}

xmlSchemaPtr
_signet_xml_import_get_schema (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, compile_schema, NULL);
}

gboolean
signet_xml_import (SignetStore                *store,
                   GFile                      *src,
                   const SignetImportOptions  *options,
                   SignetImportReport        **report_out,
                   GCancellable               *cancellable,
                   SignetXmlProgressFunc       progress,
                   gpointer                    progress_data,
                   GError                    **error)
{
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(GFileInputStream) file_stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(SignetStore) scratch = NULL;
  Import self = { 0 };
  gboolean success = FALSE;

  g_return_val_if_fail (SIGNET_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (src), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  _signet_xml_init ();

  /* Before a byte is read: a descriptor of the register closed here would
   * drop its locks, and the file is no import. */
  if (!signet_store_check_not_register_file (store, src, error))
    return FALSE;

  file_stream = g_file_read (src, cancellable, error);
  if (file_stream == NULL)
    return FALSE;

  /* A dry run writes what the import would into a private copy of the
   * register, so that it meets every refusal the import would, while the
   * register sees no write and no write lock. */
  if (options->dry_run)
    {
      scratch = signet_store_new_scratch_copy (store, error);
      if (scratch == NULL)
        return FALSE;
      store = scratch;
    }

  info = g_file_input_stream_query_info (file_stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);

  report = g_new0 (SignetImportReport, 1);
  report->dry_run = options->dry_run;
  report->on_conflict = options->on_conflict;
  report->conflicts = g_ptr_array_new_with_free_func (free_conflict);

  self.store = store;
  self.file = src;
  self.options = options;
  self.report = report;
  self.cancellable = cancellable;
  stream = g_buffered_input_stream_new_sized (G_INPUT_STREAM (file_stream), 64 * 1024);
  self.size = info ? g_file_info_get_size (info) : 0;
  self.seen_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, key_place_free);
  self.seen_numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, key_place_free);
  self.seen_people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.contract_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.renewals = g_ptr_array_new_with_free_func (_signet_xml_import_free_renewal);
  self.route_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.rules = g_ptr_array_new_with_free_func (_signet_xml_import_free_rule);
  self.saved_views = g_ptr_array_new_with_free_func (_signet_xml_import_free_view);
  self.seen_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.client_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.stored_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.text = g_string_sized_new (256);
  _signet_xml_progress_init (&self.progress, progress, progress_data);
  _signet_xml_progress_report (&self.progress, 0.0);

  if (!signet_store_begin_batch (store, &local_error))
    goto out;

  self.no_contracts_before = signet_store_count_contracts (store) == 0;
  self.source = _signet_xml_import_reader_start (&self, stream, cancellable);

  if (read_register (&self, &local_error) && !options->dry_run)
    success = signet_store_commit_batch (store, &local_error);
  else
    {
      signet_store_rollback_batch (store);
      success = (local_error == NULL);
    }

out:
  if (self.source != NULL)
    _signet_xml_import_reader_free (self.source);
  import_clear_record (&self);
  g_string_free (self.text, TRUE);
  g_clear_error (&self.pending);
  g_clear_error (&self.io_error);
  g_clear_pointer (&self.seen_codes, g_hash_table_unref);
  g_clear_pointer (&self.seen_numbers, g_hash_table_unref);
  g_clear_pointer (&self.seen_people, g_hash_table_unref);
  g_clear_pointer (&self.contract_ids, g_hash_table_unref);
  g_clear_pointer (&self.renewals, g_ptr_array_unref);
  g_clear_pointer (&self.route_ids, g_hash_table_unref);
  g_clear_pointer (&self.rules, g_ptr_array_unref);
  g_clear_pointer (&self.saved_views, g_ptr_array_unref);
  g_clear_pointer (&self.seen_types, g_hash_table_unref);
  g_clear_pointer (&self.client_ids, g_hash_table_unref);
  g_clear_pointer (&self.stored_files, g_hash_table_unref);

  if (!success)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  _signet_xml_progress_report (&self.progress, 1.0);
  if (report_out != NULL)
    *report_out = g_steal_pointer (&report);

  return TRUE;
}
