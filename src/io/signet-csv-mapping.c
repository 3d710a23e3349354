/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "signet-csv-private.h"
#include "signet-money.h"
#include "signet-store-import-mappings.h"

#define GROUP_COLUMNS "Columns"
#define GROUP_AMOUNTS "Amounts"
/* A column whose header cannot be a key of a mapping file ("Amount [USD]",
 * "a=b", no header), or whose header an earlier column has too, is named
 * by its place: column-3. */
#define COLUMN_KEY_PREFIX "column-"
#define DEFAULT_CURRENCY "CNY"

static const char * const field_tokens[] = {
  [SIGNET_CSV_FIELD_IGNORE] = "ignore",
  [SIGNET_CSV_FIELD_NUMBER] = "number",
  [SIGNET_CSV_FIELD_TITLE] = "title",
  [SIGNET_CSV_FIELD_CLIENT] = "client",
  [SIGNET_CSV_FIELD_CLIENT_CODE] = "client-code",
  [SIGNET_CSV_FIELD_TYPE] = "type",
  [SIGNET_CSV_FIELD_OWNER] = "owner",
  [SIGNET_CSV_FIELD_DEPARTMENT] = "department",
  [SIGNET_CSV_FIELD_VALUE] = "value",
  [SIGNET_CSV_FIELD_CURRENCY] = "currency",
  [SIGNET_CSV_FIELD_SIGNING_DATE] = "signing-date",
  [SIGNET_CSV_FIELD_START_DATE] = "start-date",
  [SIGNET_CSV_FIELD_END_DATE] = "end-date",
  [SIGNET_CSV_FIELD_NOTICE_DAYS] = "notice-days",
  [SIGNET_CSV_FIELD_AUTO_RENEW] = "auto-renew",
  [SIGNET_CSV_FIELD_STATUS] = "status",
  [SIGNET_CSV_FIELD_RISK_LEVEL] = "risk-level",
  [SIGNET_CSV_FIELD_TAGS] = "tags",
  [SIGNET_CSV_FIELD_NOTES] = "notes",
};

typedef struct
{
  const char     *name;   /* folded: see fold_header() */
  SignetCsvField  field;
} HeaderName;

/* The headers of registers kept in Chinese and English spreadsheets. */
static const HeaderName header_names[] = {
  { "合同编号", SIGNET_CSV_FIELD_NUMBER },
  { "合同号", SIGNET_CSV_FIELD_NUMBER },
  { "合同编码", SIGNET_CSV_FIELD_NUMBER },
  { "编号", SIGNET_CSV_FIELD_NUMBER },
  { "contractno", SIGNET_CSV_FIELD_NUMBER },
  { "contractnumber", SIGNET_CSV_FIELD_NUMBER },
  { "contractid", SIGNET_CSV_FIELD_NUMBER },
  { "contract", SIGNET_CSV_FIELD_NUMBER },
  { "number", SIGNET_CSV_FIELD_NUMBER },
  { "no", SIGNET_CSV_FIELD_NUMBER },
  { "合同名称", SIGNET_CSV_FIELD_TITLE },
  { "合同标题", SIGNET_CSV_FIELD_TITLE },
  { "名称", SIGNET_CSV_FIELD_TITLE },
  { "标题", SIGNET_CSV_FIELD_TITLE },
  { "项目名称", SIGNET_CSV_FIELD_TITLE },
  { "title", SIGNET_CSV_FIELD_TITLE },
  { "contracttitle", SIGNET_CSV_FIELD_TITLE },
  { "contractname", SIGNET_CSV_FIELD_TITLE },
  { "name", SIGNET_CSV_FIELD_TITLE },
  { "subject", SIGNET_CSV_FIELD_TITLE },
  { "客户名称", SIGNET_CSV_FIELD_CLIENT },
  { "客户", SIGNET_CSV_FIELD_CLIENT },
  { "相对方", SIGNET_CSV_FIELD_CLIENT },
  { "合同相对方", SIGNET_CSV_FIELD_CLIENT },
  { "对方单位", SIGNET_CSV_FIELD_CLIENT },
  { "签约方", SIGNET_CSV_FIELD_CLIENT },
  { "签约单位", SIGNET_CSV_FIELD_CLIENT },
  { "client", SIGNET_CSV_FIELD_CLIENT },
  { "clientname", SIGNET_CSV_FIELD_CLIENT },
  { "customer", SIGNET_CSV_FIELD_CLIENT },
  { "customername", SIGNET_CSV_FIELD_CLIENT },
  { "counterparty", SIGNET_CSV_FIELD_CLIENT },
  { "客户编号", SIGNET_CSV_FIELD_CLIENT_CODE },
  { "客户代码", SIGNET_CSV_FIELD_CLIENT_CODE },
  { "客户编码", SIGNET_CSV_FIELD_CLIENT_CODE },
  { "clientcode", SIGNET_CSV_FIELD_CLIENT_CODE },
  { "customercode", SIGNET_CSV_FIELD_CLIENT_CODE },
  { "clientid", SIGNET_CSV_FIELD_CLIENT_CODE },
  { "合同类型", SIGNET_CSV_FIELD_TYPE },
  { "合同类别", SIGNET_CSV_FIELD_TYPE },
  { "类型", SIGNET_CSV_FIELD_TYPE },
  { "类别", SIGNET_CSV_FIELD_TYPE },
  { "type", SIGNET_CSV_FIELD_TYPE },
  { "contracttype", SIGNET_CSV_FIELD_TYPE },
  { "category", SIGNET_CSV_FIELD_TYPE },
  { "负责人", SIGNET_CSV_FIELD_OWNER },
  { "合同负责人", SIGNET_CSV_FIELD_OWNER },
  { "经办人", SIGNET_CSV_FIELD_OWNER },
  { "承办人", SIGNET_CSV_FIELD_OWNER },
  { "owner", SIGNET_CSV_FIELD_OWNER },
  { "contractowner", SIGNET_CSV_FIELD_OWNER },
  { "responsible", SIGNET_CSV_FIELD_OWNER },
  { "manager", SIGNET_CSV_FIELD_OWNER },
  { "部门", SIGNET_CSV_FIELD_DEPARTMENT },
  { "所属部门", SIGNET_CSV_FIELD_DEPARTMENT },
  { "承办部门", SIGNET_CSV_FIELD_DEPARTMENT },
  { "经办部门", SIGNET_CSV_FIELD_DEPARTMENT },
  { "department", SIGNET_CSV_FIELD_DEPARTMENT },
  { "dept", SIGNET_CSV_FIELD_DEPARTMENT },
  { "金额", SIGNET_CSV_FIELD_VALUE },
  { "合同金额", SIGNET_CSV_FIELD_VALUE },
  { "合同总额", SIGNET_CSV_FIELD_VALUE },
  { "总金额", SIGNET_CSV_FIELD_VALUE },
  { "合同价款", SIGNET_CSV_FIELD_VALUE },
  { "价款", SIGNET_CSV_FIELD_VALUE },
  { "amount", SIGNET_CSV_FIELD_VALUE },
  { "value", SIGNET_CSV_FIELD_VALUE },
  { "contractvalue", SIGNET_CSV_FIELD_VALUE },
  { "contractamount", SIGNET_CSV_FIELD_VALUE },
  { "币种", SIGNET_CSV_FIELD_CURRENCY },
  { "货币", SIGNET_CSV_FIELD_CURRENCY },
  { "currency", SIGNET_CSV_FIELD_CURRENCY },
  { "签订日期", SIGNET_CSV_FIELD_SIGNING_DATE },
  { "签约日期", SIGNET_CSV_FIELD_SIGNING_DATE },
  { "签署日期", SIGNET_CSV_FIELD_SIGNING_DATE },
  { "签订时间", SIGNET_CSV_FIELD_SIGNING_DATE },
  { "signingdate", SIGNET_CSV_FIELD_SIGNING_DATE },
  { "signeddate", SIGNET_CSV_FIELD_SIGNING_DATE },
  { "datesigned", SIGNET_CSV_FIELD_SIGNING_DATE },
  { "signedon", SIGNET_CSV_FIELD_SIGNING_DATE },
  { "signed", SIGNET_CSV_FIELD_SIGNING_DATE },
  { "开始日期", SIGNET_CSV_FIELD_START_DATE },
  { "起始日期", SIGNET_CSV_FIELD_START_DATE },
  { "生效日期", SIGNET_CSV_FIELD_START_DATE },
  { "开始时间", SIGNET_CSV_FIELD_START_DATE },
  { "startdate", SIGNET_CSV_FIELD_START_DATE },
  { "start", SIGNET_CSV_FIELD_START_DATE },
  { "effectivedate", SIGNET_CSV_FIELD_START_DATE },
  { "到期日期", SIGNET_CSV_FIELD_END_DATE },
  { "到期日", SIGNET_CSV_FIELD_END_DATE },
  { "结束日期", SIGNET_CSV_FIELD_END_DATE },
  { "终止日期", SIGNET_CSV_FIELD_END_DATE },
  { "截止日期", SIGNET_CSV_FIELD_END_DATE },
  { "结束时间", SIGNET_CSV_FIELD_END_DATE },
  { "enddate", SIGNET_CSV_FIELD_END_DATE },
  { "end", SIGNET_CSV_FIELD_END_DATE },
  { "expirydate", SIGNET_CSV_FIELD_END_DATE },
  { "expirationdate", SIGNET_CSV_FIELD_END_DATE },
  { "expires", SIGNET_CSV_FIELD_END_DATE },
  { "通知期", SIGNET_CSV_FIELD_NOTICE_DAYS },
  { "通知天数", SIGNET_CSV_FIELD_NOTICE_DAYS },
  { "提前通知天数", SIGNET_CSV_FIELD_NOTICE_DAYS },
  { "noticedays", SIGNET_CSV_FIELD_NOTICE_DAYS },
  { "noticeperiod", SIGNET_CSV_FIELD_NOTICE_DAYS },
  { "notice", SIGNET_CSV_FIELD_NOTICE_DAYS },
  { "自动续约", SIGNET_CSV_FIELD_AUTO_RENEW },
  { "是否自动续约", SIGNET_CSV_FIELD_AUTO_RENEW },
  { "autorenew", SIGNET_CSV_FIELD_AUTO_RENEW },
  { "autorenewal", SIGNET_CSV_FIELD_AUTO_RENEW },
  { "状态", SIGNET_CSV_FIELD_STATUS },
  { "合同状态", SIGNET_CSV_FIELD_STATUS },
  { "status", SIGNET_CSV_FIELD_STATUS },
  { "风险等级", SIGNET_CSV_FIELD_RISK_LEVEL },
  { "风险级别", SIGNET_CSV_FIELD_RISK_LEVEL },
  { "风险", SIGNET_CSV_FIELD_RISK_LEVEL },
  { "risk", SIGNET_CSV_FIELD_RISK_LEVEL },
  { "risklevel", SIGNET_CSV_FIELD_RISK_LEVEL },
  { "标签", SIGNET_CSV_FIELD_TAGS },
  { "tags", SIGNET_CSV_FIELD_TAGS },
  { "备注", SIGNET_CSV_FIELD_NOTES },
  { "说明", SIGNET_CSV_FIELD_NOTES },
  { "notes", SIGNET_CSV_FIELD_NOTES },
  { "note", SIGNET_CSV_FIELD_NOTES },
  { "remarks", SIGNET_CSV_FIELD_NOTES },
  { "comments", SIGNET_CSV_FIELD_NOTES },
};

const char *
signet_csv_field_to_token (SignetCsvField field)
{
  g_return_val_if_fail (field < G_N_ELEMENTS (field_tokens), NULL);

  return field_tokens[field];
}

gboolean
signet_csv_field_from_token (const char     *token,
                             SignetCsvField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  for (guint i = 0; token != NULL && i < G_N_ELEMENTS (field_tokens); i++)
    if (g_str_equal (token, field_tokens[i]))
      {
        *field = i;
        return TRUE;
      }

  return FALSE;
}

const char *
signet_csv_field_to_label (SignetCsvField field)
{
  switch (field)
    {
    case SIGNET_CSV_FIELD_IGNORE:       return C_("csv field", "Not Imported");
    case SIGNET_CSV_FIELD_NUMBER:       return signet_field_to_label (SIGNET_FIELD_CONTRACT_NUMBER);
    case SIGNET_CSV_FIELD_TITLE:        return signet_field_to_label (SIGNET_FIELD_CONTRACT_TITLE);
    case SIGNET_CSV_FIELD_CLIENT:       return C_("csv field", "Client Name");
    case SIGNET_CSV_FIELD_CLIENT_CODE:  return C_("csv field", "Client Code");
    case SIGNET_CSV_FIELD_TYPE:         return signet_field_to_label (SIGNET_FIELD_CONTRACT_TYPE);
    case SIGNET_CSV_FIELD_OWNER:        return signet_field_to_label (SIGNET_FIELD_CONTRACT_OWNER);
    case SIGNET_CSV_FIELD_DEPARTMENT:   return signet_field_to_label (SIGNET_FIELD_CONTRACT_DEPARTMENT);
    case SIGNET_CSV_FIELD_VALUE:        return signet_field_to_label (SIGNET_FIELD_CONTRACT_VALUE);
    case SIGNET_CSV_FIELD_CURRENCY:     return signet_field_to_label (SIGNET_FIELD_CONTRACT_CURRENCY);
    case SIGNET_CSV_FIELD_SIGNING_DATE: return signet_field_to_label (SIGNET_FIELD_CONTRACT_SIGNING_DATE);
    case SIGNET_CSV_FIELD_START_DATE:   return signet_field_to_label (SIGNET_FIELD_CONTRACT_START_DATE);
    case SIGNET_CSV_FIELD_END_DATE:     return signet_field_to_label (SIGNET_FIELD_CONTRACT_END_DATE);
    case SIGNET_CSV_FIELD_NOTICE_DAYS:  return signet_field_to_label (SIGNET_FIELD_CONTRACT_NOTICE_DAYS);
    case SIGNET_CSV_FIELD_AUTO_RENEW:   return C_("csv field", "Auto-Renew");
    case SIGNET_CSV_FIELD_STATUS:       return signet_field_to_label (SIGNET_FIELD_CONTRACT_STATUS);
    case SIGNET_CSV_FIELD_RISK_LEVEL:   return signet_field_to_label (SIGNET_FIELD_CONTRACT_RISK_LEVEL);
    case SIGNET_CSV_FIELD_TAGS:         return signet_field_to_label (SIGNET_FIELD_CONTRACT_TAGS);
    case SIGNET_CSV_FIELD_NOTES:        return signet_field_to_label (SIGNET_FIELD_CONTRACT_NOTES);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Full-width brackets as ASCII ones, ASCII lowered. */
static char *
fold_brackets (const char *header)
{
  GString *folded = g_string_sized_new (strlen (header));

  for (const char *p = header; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0xFF08 || c == 0x3010 || c == '[')
        g_string_append_c (folded, '(');
      else if (c == 0xFF09 || c == 0x3011 || c == ']')
        g_string_append_c (folded, ')');
      else if (c < 0x80)
        g_string_append_c (folded, g_ascii_tolower ((char) c));
      else
        g_string_append_unichar (folded, c);
    }

  return g_string_free (folded, FALSE);
}

/* The unit a header gives its amounts: "金额（万元）", "Amount (in
 * thousands)", "Value k", "Amount '000". */
static guint
unit_of_header (const char *folded)
{
  if (strstr (folded, "万") != NULL)
    return 10000;

  if (strstr (folded, "千") != NULL || strstr (folded, "thousand") != NULL || strstr (folded, "'000") != NULL ||
      strstr (folded, "(k)") != NULL || g_str_has_suffix (folded, " k") || strstr (folded, "ksh") != NULL ||
      strstr (folded, "k)") != NULL)
    return 1000;

  return 1;
}

/* The header without what is in brackets, spaces, dots, colons and
 * other marks: "Contract No." → "contractno", "金额（万元）" → "金额". */
static char *
fold_header (const char *folded)
{
  GString *name = g_string_sized_new (strlen (folded));
  guint depth = 0;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '(')
        depth++;
      else if (c == ')' && depth > 0)
        depth--;
      else if (depth > 0)
        continue;
      else if (g_unichar_isalnum (c) && c != 0x3002)
        g_string_append_unichar (name, c);
    }

  return g_string_free (name, FALSE);
}

SignetCsvField
signet_csv_guess_field (const char *header,
                        guint      *value_unit)
{
  g_autofree char *folded = NULL;
  g_autofree char *name = NULL;

  if (value_unit != NULL)
    *value_unit = 1;
  if (header == NULL)
    return SIGNET_CSV_FIELD_IGNORE;

  folded = fold_brackets (header);
  name = fold_header (folded);

  /* "Amount k" folds to "amountk". */
  if (g_str_has_suffix (folded, " k"))
    name[strlen (name) - 1] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (header_names); i++)
    if (g_str_equal (header_names[i].name, name))
      {
        if (header_names[i].field == SIGNET_CSV_FIELD_VALUE && value_unit != NULL)
          *value_unit = unit_of_header (folded);
        return header_names[i].field;
      }

  return SIGNET_CSV_FIELD_IGNORE;
}

/* The currency an amount's header names: "Amount (USD)", "金额(元)". */
static char *
currency_of_header (const char *header)
{
  g_autofree char *folded = fold_brackets (header);
  const char *open = strchr (folded, '(');
  g_autofree char *inside = NULL;

  if (open == NULL)
    return NULL;

  inside = g_ascii_strup (open + 1, -1);
  g_strdelimit (inside, ")", '\0');
  g_strstrip (inside);
  if (strlen (inside) == 3 && signet_currency_is_valid (inside))
    return g_steal_pointer (&inside);

  return NULL;
}

static SignetCsvMapping *
mapping_new (const char * const *headers)
{
  SignetCsvMapping *mapping = g_new0 (SignetCsvMapping, 1);

  mapping->n_columns = g_strv_length ((char **) headers);
  mapping->headers = g_strdupv ((char **) headers);
  mapping->fields = g_new0 (SignetCsvField, mapping->n_columns);
  mapping->value_unit = 1;
  mapping->currency = g_strdup (DEFAULT_CURRENCY);

  return mapping;
}

SignetCsvMapping *
signet_csv_mapping_guess (const char * const *headers)
{
  SignetCsvMapping *mapping;
  gboolean taken[SIGNET_CSV_N_FIELDS] = { FALSE, };

  g_return_val_if_fail (headers != NULL, NULL);

  mapping = mapping_new (headers);
  for (guint i = 0; i < mapping->n_columns; i++)
    {
      guint unit = 1;
      SignetCsvField field = signet_csv_guess_field (headers[i], &unit);

      if (field == SIGNET_CSV_FIELD_IGNORE || taken[field])
        continue;

      taken[field] = TRUE;
      mapping->fields[i] = field;
      if (field == SIGNET_CSV_FIELD_VALUE)
        {
          g_autofree char *currency = currency_of_header (headers[i]);

          mapping->value_unit = unit;
          if (currency != NULL)
            g_set_str (&mapping->currency, currency);
        }
    }

  return mapping;
}

/* What a header can be as a key of a GKeyFile. */
static gboolean
header_is_key (const char *header)
{
  return *header != '\0' && strpbrk (header, "=[]\n\r") == NULL &&
         !g_ascii_isspace (*header) && !g_ascii_isspace (header[strlen (header) - 1]) &&
         *header != '#' && !g_str_has_prefix (header, COLUMN_KEY_PREFIX);
}

/* A header, or for a header that cannot be a key or that an earlier
 * column has too, the column's place. */
static char *
column_key (const SignetCsvMapping *mapping,
            guint                   column)
{
  gboolean repeated = FALSE;

  for (guint i = 0; i < column && !repeated; i++)
    repeated = g_str_equal (mapping->headers[i], mapping->headers[column]);

  if (!repeated && header_is_key (mapping->headers[column]))
    return g_strdup (mapping->headers[column]);

  return g_strdup_printf (COLUMN_KEY_PREFIX "%u", column + 1);
}

SignetCsvMapping *
signet_csv_mapping_new_from_data (const char * const *headers,
                                  const char         *data,
                                  GError            **error)
{
  g_autoptr(SignetCsvMapping) mapping = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) keys = NULL;
  g_autofree char *currency = NULL;

  g_return_val_if_fail (headers != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  if (!g_key_file_load_from_data (key_file, data, -1, G_KEY_FILE_NONE, &local_error))
    {
      _signet_csv_set_error (error, SIGNET_CSV_ERROR_MAPPING, 0, 0, NULL,
                             _("The mapping is not a mapping file: %s"), local_error->message);
      return NULL;
    }

  mapping = mapping_new (headers);
  /* A mapping made for another spreadsheet may name columns this one has
   * not: no error, as long as the fields a contract needs have columns
   * (signet_csv_mapping_check()). */
  keys = g_key_file_get_keys (key_file, GROUP_COLUMNS, NULL, NULL);
  for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
    {
      g_autofree char *token = g_key_file_get_string (key_file, GROUP_COLUMNS, keys[k], NULL);
      SignetCsvField field;

      if (!signet_csv_field_from_token (token ? g_strstrip (token) : NULL, &field))
        {
          /* Translators: the first %s is a header of the spreadsheet, the second what the mapping gives it. */
          _signet_csv_set_error (error, SIGNET_CSV_ERROR_MAPPING, 0, 0, keys[k],
                                 _("The mapping gives the column “%s” the field “%s”, which Signet does "
                                   "not know. The fields are listed in docs/csv-import.md."),
                                 keys[k], token ? token : "");
          return NULL;
        }

      for (guint i = 0; i < mapping->n_columns; i++)
        {
          g_autofree char *key = column_key (mapping, i);

          if (g_str_equal (key, keys[k]))
            mapping->fields[i] = field;
        }
    }

  if (g_key_file_has_key (key_file, GROUP_AMOUNTS, "unit", NULL))
    {
      guint64 unit = g_key_file_get_uint64 (key_file, GROUP_AMOUNTS, "unit", NULL);

      if (unit != 1 && unit != 1000 && unit != 10000)
        {
          _signet_csv_set_error (error, SIGNET_CSV_ERROR_MAPPING, 0, 0, NULL,
                                 _("The mapping’s unit of amounts must be 1, 1000 or 10000."));
          return NULL;
        }
      mapping->value_unit = (guint) unit;
    }
  else
    {
      /* As the header says, when the mapping does not. */
      for (guint i = 0; i < mapping->n_columns; i++)
        if (mapping->fields[i] == SIGNET_CSV_FIELD_VALUE)
          signet_csv_guess_field (headers[i], &mapping->value_unit);
    }

  currency = g_key_file_get_string (key_file, GROUP_AMOUNTS, "currency", NULL);
  if (currency != NULL)
    {
      g_strstrip (currency);
      if (!signet_currency_is_valid (currency))
        {
          _signet_csv_set_error (error, SIGNET_CSV_ERROR_MAPPING, 0, 0, NULL,
                                 _("The mapping’s currency “%s” is not an ISO 4217 currency code."), currency);
          return NULL;
        }
      g_set_str (&mapping->currency, currency);
    }

  return g_steal_pointer (&mapping);
}

char *
signet_csv_mapping_to_data (const SignetCsvMapping *mapping)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  g_return_val_if_fail (mapping != NULL, NULL);

  for (guint i = 0; i < mapping->n_columns; i++)
    {
      g_autofree char *key = column_key (mapping, i);

      g_key_file_set_string (key_file, GROUP_COLUMNS, key, signet_csv_field_to_token (mapping->fields[i]));
    }

  g_key_file_set_uint64 (key_file, GROUP_AMOUNTS, "unit", mapping->value_unit);
  g_key_file_set_string (key_file, GROUP_AMOUNTS, "currency", mapping->currency);

  return g_key_file_to_data (key_file, NULL, NULL);
}

char *
signet_csv_headers_key (const char * const *headers)
{
  g_return_val_if_fail (headers != NULL, NULL);

  return g_strjoinv ("\t", (char **) headers);
}

SignetCsvMapping *
signet_csv_mapping_for_register (SignetStore        *store,
                                 const char * const *headers)
{
  g_autofree char *key = NULL;
  g_autofree char *data = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);
  g_return_val_if_fail (headers != NULL, NULL);

  key = signet_csv_headers_key (headers);
  data = signet_store_dup_import_mapping (store, key, NULL);
  if (data != NULL)
    {
      SignetCsvMapping *remembered = signet_csv_mapping_new_from_data (headers, data, NULL);

      /* A remembered mapping this build cannot read is guessed anew. */
      if (remembered != NULL)
        return remembered;
    }

  return signet_csv_mapping_guess (headers);
}

SignetCsvMapping *
signet_csv_mapping_copy (const SignetCsvMapping *mapping)
{
  SignetCsvMapping *copy;

  g_return_val_if_fail (mapping != NULL, NULL);

  copy = mapping_new ((const char * const *) mapping->headers);
  memcpy (copy->fields, mapping->fields, mapping->n_columns * sizeof (SignetCsvField));
  copy->value_unit = mapping->value_unit;
  g_set_str (&copy->currency, mapping->currency);

  return copy;
}

void
signet_csv_mapping_free (SignetCsvMapping *mapping)
{
  if (mapping == NULL)
    return;

  g_strfreev (mapping->headers);
  g_free (mapping->fields);
  g_free (mapping->currency);
  g_free (mapping);
}

gboolean
signet_csv_mapping_check (const SignetCsvMapping *mapping,
                          GError                **error)
{
  static const SignetCsvField required[] = {
    SIGNET_CSV_FIELD_NUMBER, SIGNET_CSV_FIELD_TITLE,
  };
  int first_column[SIGNET_CSV_N_FIELDS];

  g_return_val_if_fail (mapping != NULL, FALSE);

  for (guint f = 0; f < SIGNET_CSV_N_FIELDS; f++)
    first_column[f] = -1;

  for (guint i = 0; i < mapping->n_columns; i++)
    {
      SignetCsvField field = mapping->fields[i];

      if (field == SIGNET_CSV_FIELD_IGNORE)
        continue;

      if (first_column[field] >= 0)
        {
          /* Translators: %s is a field of a contract; the numbers are columns of the spreadsheet. */
          _signet_csv_set_error (error, SIGNET_CSV_ERROR_MAPPING, 1, i + 1, mapping->headers[i],
                                 _("Columns %d and %u both go to “%s”: choose one of them."),
                                 first_column[field] + 1, i + 1, signet_csv_field_to_label (field));
          return FALSE;
        }
      first_column[field] = (int) i;
    }

  for (guint r = 0; r < G_N_ELEMENTS (required); r++)
    if (first_column[required[r]] < 0)
      {
        /* Translators: %s is a field of a contract. */
        _signet_csv_set_error (error, SIGNET_CSV_ERROR_MAPPING, 0, 0, NULL,
                               _("No column goes to “%s”, which every contract needs. Choose the "
                                 "column that holds it."),
                               signet_csv_field_to_label (required[r]));
        return FALSE;
      }

  if (first_column[SIGNET_CSV_FIELD_CLIENT] < 0 && first_column[SIGNET_CSV_FIELD_CLIENT_CODE] < 0)
    {
      _signet_csv_set_error (error, SIGNET_CSV_ERROR_MAPPING, 0, 0, NULL,
                             _("No column goes to the client’s name or code, which every contract "
                               "needs. Choose the column that holds it."));
      return FALSE;
    }

  return TRUE;
}
