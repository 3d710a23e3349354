/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-xml"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-money.h"
#include "signet-utils.h"
#include "signet-xml-import-private.h"

static const FieldInfo client_fields[] = {
  { "name", FIELD_CLIENT_NAME, SIGNET_FIELD_CLIENT_NAME },
  { "contact", FIELD_CLIENT_CONTACT, SIGNET_FIELD_CLIENT_CONTACT },
  { "phone", FIELD_CLIENT_PHONE, SIGNET_FIELD_CLIENT_PHONE },
  { "email", FIELD_CLIENT_EMAIL, SIGNET_FIELD_CLIENT_EMAIL },
  { "address", FIELD_CLIENT_ADDRESS, SIGNET_FIELD_CLIENT_ADDRESS },
  { "notes", FIELD_CLIENT_NOTES, SIGNET_FIELD_CLIENT_NOTES },
};

static const FieldInfo contract_fields[] = {
  { "title", FIELD_TITLE, SIGNET_FIELD_CONTRACT_TITLE },
  { "type", FIELD_TYPE, SIGNET_FIELD_CONTRACT_TYPE },
  { "owner", FIELD_OWNER, SIGNET_FIELD_CONTRACT_OWNER },
  { "department", FIELD_DEPARTMENT, SIGNET_FIELD_CONTRACT_DEPARTMENT },
  { "value", FIELD_VALUE, SIGNET_FIELD_CONTRACT_VALUE },
  { "signing-date", FIELD_SIGNING_DATE, SIGNET_FIELD_CONTRACT_SIGNING_DATE },
  { "their-signing-date", FIELD_THEIR_SIGNING_DATE, SIGNET_FIELD_CONTRACT_SIGNING_DATE },
  { "start-date", FIELD_START_DATE, SIGNET_FIELD_CONTRACT_START_DATE },
  { "end-date", FIELD_END_DATE, SIGNET_FIELD_CONTRACT_END_DATE },
  { "auto-renew", FIELD_AUTO_RENEW, SIGNET_FIELD_CONTRACT_NOTICE_DAYS },
  { "notice-days", FIELD_NOTICE_DAYS, SIGNET_FIELD_CONTRACT_NOTICE_DAYS },
  { "status", FIELD_STATUS, SIGNET_FIELD_CONTRACT_STATUS },
  { "termination-reason", FIELD_TERMINATION_REASON, SIGNET_FIELD_CONTRACT_STATUS },
  { "termination-date", FIELD_TERMINATION_DATE, SIGNET_FIELD_CONTRACT_STATUS },
  { "risk-level", FIELD_RISK_LEVEL, SIGNET_FIELD_CONTRACT_RISK_LEVEL },
  { "tags", FIELD_TAGS, SIGNET_FIELD_CONTRACT_TAGS },
  { "notes", FIELD_NOTES, SIGNET_FIELD_CONTRACT_NOTES },
  { "confidential", FIELD_CONFIDENTIAL, SIGNET_FIELD_CONTRACT_CONFIDENTIAL },
};

const FieldInfo _signet_xml_import_data_field = { "data", FIELD_DATA, SIGNET_FIELD_NONE };
const FieldInfo _signet_xml_import_description_field = { "description", FIELD_DESCRIPTION, SIGNET_FIELD_NONE };
const FieldInfo _signet_xml_import_comment_field = { "comment", FIELD_COMMENT, SIGNET_FIELD_NONE };
const FieldInfo _signet_xml_import_key_date_title_field = { "title", FIELD_KEY_DATE_TITLE, SIGNET_FIELD_KEY_DATE_TITLE };
const FieldInfo _signet_xml_import_key_date_note_field = { "note", FIELD_KEY_DATE_NOTE, SIGNET_FIELD_KEY_DATE_NOTE };
const FieldInfo _signet_xml_import_review_note_field = { "note", FIELD_REVIEW_NOTE, SIGNET_FIELD_REVIEW_NOTE };

const FieldInfo *
_signet_xml_import_lookup_field (RecordType  record,
                                 const char *name)
{
  const FieldInfo *fields = record == RECORD_CLIENT ? client_fields : contract_fields;
  gsize n_fields = record == RECORD_CLIENT ? G_N_ELEMENTS (client_fields) : G_N_ELEMENTS (contract_fields);

  if (record != RECORD_CLIENT && record != RECORD_CONTRACT)
    return NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].element, name))
      return &fields[i];

  return NULL;
}

/* Values. */

gboolean
_signet_xml_import_check_date (Import     *self,
                               const char *text,
                               guint       line,
                               const char *element,
                               const char *attribute)
{
  SignetDateCheck check = signet_date_check (text);
  guint column;

  if (check == SIGNET_DATE_OK)
    return TRUE;

  if (attribute != NULL)
    column = _signet_xml_import_locate_attribute (self, line, attribute, text);
  else
    column = _signet_xml_import_locate_text (self, line, text, element);

  if (check == SIGNET_DATE_OUT_OF_RANGE)
    {
      g_autofree char *message = signet_date_out_of_range_message (text);

      return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, column, text, "%s", message);
    }

  /* Translators: %s is a date as written in the file, such as 2026-02-30. */
  return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, column, text,
               _("“%s” is not a date that exists; write dates as YYYY-MM-DD, for example 2026-02-28."),
               text);
}

static gboolean
check_date (Import     *self,
            const char *text,
            guint       line,
            const char *element)
{
  return _signet_xml_import_check_date (self, text, line, element, NULL);
}

static gboolean
finish_value (Import     *self,
              const char *text,
              guint       line)
{
  g_autoptr(GError) money_error = NULL;
  gint64 minor_units = 0;
  gboolean well_formed;

  /* A missing currency is the schema's to report. */
  if (self->currency == NULL)
    return TRUE;

  if (!signet_currency_is_valid (self->currency))
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                 _signet_xml_import_locate_attribute (self, line, "currency", self->currency), self->currency,
                 _("“%s” is not an ISO 4217 currency code, such as CNY, USD or EUR."),
                 self->currency ? self->currency : "");

  /* The schema's pattern, checked here for a message that says which rule. */
  well_formed = *text != '\0';
  for (const char *p = text, *point = NULL; *p != '\0'; p++)
    {
      if (*p == '.' && point == NULL && p != text && p[1] != '\0')
        point = p;
      else if (!g_ascii_isdigit (*p))
        well_formed = FALSE;
    }

  if (text[0] == '-')
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, _signet_xml_import_locate_text (self, line, text, "value"), text,
                 _("The amount “%s” is negative; a contract value cannot be below zero."), text);

  if (!well_formed)
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, _signet_xml_import_locate_text (self, line, text, "value"), text,
                 _("“%s” is not an amount; write digits with an optional decimal point, like 1234.50."),
                 text);

  if (!signet_money_parse_decimal (text, self->currency, &minor_units, &money_error))
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, _signet_xml_import_locate_text (self, line, text, "value"), text,
                 "%s", money_error->message);

  signet_contract_set_value (self->contract, minor_units);
  signet_contract_set_currency (self->contract, self->currency);

  return TRUE;
}

static const char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

/* Called at the end of each field element with its whole text. */
gboolean
_signet_xml_import_finish_field (Import *self)
{
  const FieldInfo *info = self->field;
  guint line = self->text_line > 0 ? self->text_line : self->field_lines[info->field];
  g_autofree char *data = NULL;
  g_autofree char *stripped = NULL;
  SignetContract *contract = self->contract;
  SignetClient *client = self->client;
  char *raw;

  /* A <data> chunk, up to megabytes, is taken as it is; other texts are
   * short and copied, and the buffer serves the next field. */
  if (info->field == FIELD_DATA)
    {
      raw = g_string_free (g_steal_pointer (&self->text), FALSE);
      self->text = g_string_sized_new (256);
    }
  else
    raw = g_strndup (self->text->str, self->text->len);

  self->field = NULL;
  self->text_line = 0;

  /* The text is kept with the record, for messages that quote it. */
  if (info->field != FIELD_DATA)
    {
      self->field_lines[info->field] = line;
      g_free (self->field_values[info->field]);
      self->field_values[info->field] = raw;
    }
  else
    data = raw;

  if (info->field != FIELD_DATA)
    stripped = g_strstrip (g_strdup (raw));

  /* start_element() only reads these inside their record. */
  g_assert (info->field != FIELD_DESCRIPTION || self->in_attachment);
  g_assert (info->field != FIELD_COMMENT || self->in_annotation);
  g_assert ((info->field != FIELD_KEY_DATE_TITLE && info->field != FIELD_KEY_DATE_NOTE) || self->key_date != NULL);
  g_assert (info->field != FIELD_REVIEW_NOTE || self->review != NULL);

  switch (info->field)
    {
    case FIELD_CLIENT_NAME:
      if (*stripped == '\0')
        return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, _signet_xml_import_locate_text (self, line, NULL, info->element), raw,
                     _("The name of the client %s is empty."), self->key ? self->key : "");
      signet_client_set_name (client, stripped);
      break;
    case FIELD_CLIENT_CONTACT:
      signet_client_set_contact (client, nonempty (raw));
      break;
    case FIELD_CLIENT_PHONE:
      signet_client_set_phone (client, nonempty (raw));
      break;
    case FIELD_CLIENT_EMAIL:
      signet_client_set_email (client, nonempty (raw));
      break;
    case FIELD_CLIENT_ADDRESS:
      signet_client_set_address (client, nonempty (raw));
      break;
    case FIELD_CLIENT_NOTES:
      signet_client_set_notes (client, nonempty (raw));
      break;
    case FIELD_TITLE:
      if (*stripped == '\0')
        return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, _signet_xml_import_locate_text (self, line, NULL, info->element), raw,
                     _("The title of the contract %s is empty."), self->key ? self->key : "");
      signet_contract_set_title (contract, stripped);
      break;
    case FIELD_TYPE:
      signet_contract_set_contract_type (contract, nonempty (raw));
      break;
    case FIELD_OWNER:
      signet_contract_set_owner (contract, nonempty (raw));
      break;
    case FIELD_DEPARTMENT:
      signet_contract_set_department (contract, nonempty (raw));
      break;
    case FIELD_VALUE:
      return finish_value (self, raw, line);
    case FIELD_SIGNING_DATE:
      if (!check_date (self, stripped, line, info->element))
        return FALSE;
      signet_contract_set_signing_date (contract, stripped);
      break;
    case FIELD_THEIR_SIGNING_DATE:
      if (!check_date (self, stripped, line, info->element))
        return FALSE;
      signet_contract_set_their_signing_date (contract, stripped);
      break;
    case FIELD_TERMINATION_REASON:
      if (!_signet_xml_import_check_termination_reason (self, stripped, line, info->element, NULL))
        return FALSE;
      signet_contract_set_termination_reason (contract, stripped);
      break;
    case FIELD_TERMINATION_DATE:
      if (!check_date (self, stripped, line, info->element))
        return FALSE;
      signet_contract_set_termination_date (contract, stripped);
      break;
    case FIELD_START_DATE:
      if (!check_date (self, stripped, line, info->element))
        return FALSE;
      signet_contract_set_start_date (contract, stripped);
      break;
    case FIELD_END_DATE:
      {
        const char *start = signet_contract_get_start_date (contract);

        if (!check_date (self, stripped, line, info->element))
          return FALSE;

        if (start != NULL && strcmp (stripped, start) < 0)
          return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                       _signet_xml_import_locate_text (self, line, stripped, info->element), stripped,
                       _("The end date %s is before the start date %s."), stripped, start);

        signet_contract_set_end_date (contract, stripped);
      }
      break;
    case FIELD_AUTO_RENEW:
      if (g_str_equal (stripped, "true") || g_str_equal (stripped, "1"))
        signet_contract_set_auto_renew (contract, TRUE);
      else if (g_str_equal (stripped, "false") || g_str_equal (stripped, "0"))
        signet_contract_set_auto_renew (contract, FALSE);
      else
        return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                     _signet_xml_import_locate_text (self, line, stripped, info->element), stripped,
                     _("“%s” is not a yes-or-no value; write true or false."), stripped);
      break;
    case FIELD_NOTICE_DAYS:
      {
        guint64 days = 0;

        if (!g_ascii_string_to_unsigned (stripped, 10, 0, 3650, &days, NULL))
          return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                       _signet_xml_import_locate_text (self, line, stripped, info->element), stripped,
                       _("“%s” is not a notice period; write a number of days from 0 to 3650."),
                       stripped);
        signet_contract_set_notice_days (contract, days);
      }
      break;
    case FIELD_STATUS:
      {
        SignetContractStatus status;

        if (!signet_contract_status_from_token (raw, &status))
          return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                       _signet_xml_import_locate_text (self, line, raw, info->element), raw,
                       _("“%s” is not a contract status. Use one of: draft, in-review, approved, "
                         "signed, active, expired, renewed, terminated."), raw);
        signet_contract_set_status (contract, status);
      }
      break;
    case FIELD_RISK_LEVEL:
      {
        SignetRiskLevel level;

        if (!signet_risk_level_from_token (raw, &level))
          return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                       _signet_xml_import_locate_text (self, line, raw, info->element), raw,
                       _("“%s” is not a risk level. Use one of: low, medium, high."), raw);
        signet_contract_set_risk_level (contract, level);
      }
      break;
    case FIELD_TAGS:
      signet_contract_set_tags (contract, nonempty (raw));
      break;
    case FIELD_NOTES:
      signet_contract_set_notes (contract, nonempty (raw));
      break;
    case FIELD_CONFIDENTIAL:
      if (g_str_equal (stripped, "true") || g_str_equal (stripped, "1"))
        signet_contract_set_confidential (contract, TRUE);
      else if (g_str_equal (stripped, "false") || g_str_equal (stripped, "0"))
        signet_contract_set_confidential (contract, FALSE);
      else
        return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                     _signet_xml_import_locate_text (self, line, stripped, info->element), stripped,
                     _("“%s” is not a yes-or-no value; write true or false."), stripped);
      break;
    case FIELD_DATA:
      return _signet_xml_import_decode_chunk (self, raw, line);
    case FIELD_DESCRIPTION:
      signet_set_str (&self->attachment_description, nonempty (raw));
      break;
    case FIELD_COMMENT:
      signet_set_str (&self->annotation.comment, raw);
      break;
    case FIELD_KEY_DATE_TITLE:
      if (*stripped == '\0')
        return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, _signet_xml_import_locate_text (self, line, NULL, info->element), raw,
                     _("A key date of the contract %s has an empty title."), self->key ? self->key : "");
      signet_set_str (&self->key_date->title, stripped);
      break;
    case FIELD_KEY_DATE_NOTE:
      signet_set_str (&self->key_date->note, nonempty (raw));
      break;
    case FIELD_REVIEW_NOTE:
      signet_set_str (&self->review->note, nonempty (raw));
      break;
    case FIELD_NONE:
    case N_FIELDS:
      g_assert_not_reached ();
    default:
      if (info->field >= FIELD_PAYMENT_TITLE)
        return _signet_xml_import_finish_commitment_field (self, info, raw, stripped, line);
      return _signet_xml_import_finish_life_field (self, info, raw, stripped, line);
    }

  return TRUE;
}

/* A store's refusal, placed at the field it names. */
gboolean
_signet_xml_import_fail_with_store_error (Import       *self,
                                          const GError *error)
{
  guint line = self->record_line;
  guint column = 0;
  const char *value = self->key;

  if (error->domain == SIGNET_STORE_ERROR)
    return _signet_xml_import_fail_in_register (self, error);

  if (error->domain == SIGNET_FIELD_ERROR)
    {
      const FieldInfo *fields = self->record == RECORD_CLIENT ? client_fields : contract_fields;
      gsize n_fields = self->record == RECORD_CLIENT ? G_N_ELEMENTS (client_fields) : G_N_ELEMENTS (contract_fields);

      for (gsize i = 0; i < n_fields; i++)
        {
          if ((int) fields[i].signet_field == error->code && self->field_lines[fields[i].field] > 0)
            {
              line = self->field_lines[fields[i].field];
              value = self->field_values[fields[i].field];
              column = _signet_xml_import_locate_text (self, line, value, fields[i].element);
              break;
            }
        }
    }

  if (column == 0 && line == self->record_line)
    column = _signet_xml_import_locate_attribute (self, line, self->record == RECORD_CLIENT ? "code" : "number", self->key);

  if (self->record == RECORD_CLIENT)
    /* Translators: the first %s is a client code, the second the reason, a sentence. */
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, column, value, _("Client %s: %s"),
                 self->key, error->message);
  else
    /* Translators: the first %s is a contract number, the second the reason, a sentence. */
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, column, value, _("Contract %s: %s"),
                 self->key, error->message);
}

gboolean
_signet_xml_import_fail_in_contract (Import       *self,
                                     const GError *error,
                                     guint         line,
                                     guint         column,
                                     const char   *value)
{
  if (error->domain == SIGNET_STORE_ERROR)
    return _signet_xml_import_fail_in_register (self, error);

  return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, column, value, _("Contract %s: %s"),
                                  self->key ? self->key : "", error->message);
}
