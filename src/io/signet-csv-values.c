/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "signet-csv-private.h"
#include "signet-money.h"

typedef struct
{
  guint  row;
  guint  column;
  char  *header;
} SignetCsvErrorPrivate;

static void
signet_csv_error_private_init (SignetCsvErrorPrivate *priv)
{
  priv->row = 0;
  priv->column = 0;
  priv->header = NULL;
}

static void
signet_csv_error_private_copy (const SignetCsvErrorPrivate *src,
                               SignetCsvErrorPrivate       *dest)
{
  dest->row = src->row;
  dest->column = src->column;
  dest->header = g_strdup (src->header);
}

static void
signet_csv_error_private_clear (SignetCsvErrorPrivate *priv)
{
  g_clear_pointer (&priv->header, g_free);
}

G_DEFINE_EXTENDED_ERROR (SignetCsvError, signet_csv_error)

void
_signet_csv_set_error (GError     **error,
                       SignetCsvError code,
                       guint        row,
                       guint        column,
                       const char  *header,
                       const char  *format,
                       ...)
{
  SignetCsvErrorPrivate *priv;
  g_autofree char *message = NULL;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, SIGNET_CSV_ERROR, code, message);
  priv = signet_csv_error_get_private (*error);
  priv->row = row;
  priv->column = column;
  priv->header = g_strdup (header);
}

static SignetCsvErrorPrivate *
get_place (const GError *error)
{
  if (error == NULL || error->domain != SIGNET_CSV_ERROR)
    return NULL;

  return signet_csv_error_get_private (error);
}

guint
signet_csv_error_get_row (const GError *error)
{
  SignetCsvErrorPrivate *priv = get_place (error);

  return priv ? priv->row : 0;
}

guint
signet_csv_error_get_column (const GError *error)
{
  SignetCsvErrorPrivate *priv = get_place (error);

  return priv ? priv->column : 0;
}

const char *
signet_csv_error_get_header (const GError *error)
{
  SignetCsvErrorPrivate *priv = get_place (error);

  return priv ? priv->header : NULL;
}

char *
signet_csv_error_format (const GError *error,
                         const char   *file_name)
{
  const char *header;
  guint row, column;

  g_return_val_if_fail (error != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  row = signet_csv_error_get_row (error);
  column = signet_csv_error_get_column (error);
  header = signet_csv_error_get_header (error);

  /* The header after the place, as the spreadsheet's user knows the
   * column by it: "台账.csv:12:4: 签订日期: …". */
  if (row > 0 && column > 0 && header != NULL && *header != '\0')
    return g_strdup_printf ("%s:%u:%u: %s: %s", file_name, row, column, header, error->message);
  else if (row > 0 && column > 0)
    return g_strdup_printf ("%s:%u:%u: %s", file_name, row, column, error->message);
  else if (row > 0)
    return g_strdup_printf ("%s:%u: %s", file_name, row, error->message);
  else
    return g_strdup_printf ("%s: %s", file_name, error->message);
}

/* Full-width digits and signs, as Chinese input methods type them, read
 * as the ASCII ones; other characters are kept. */
static char *
fold_full_width (const char *text)
{
  GString *folded = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF01 && c <= 0xFF5E)
        g_string_append_c (folded, (char) (c - 0xFF01 + 0x21));
      else if (c == 0x3000)
        g_string_append_c (folded, ' ');
      else
        g_string_append_unichar (folded, c);
    }

  return g_string_free (folded, FALSE);
}

static gboolean
strip_prefix (char       **text,
              const char  *prefix)
{
  if (!g_str_has_prefix (*text, prefix))
    return FALSE;
  *text += strlen (prefix);
  return TRUE;
}

static gboolean
strip_suffix (char       *text,
              const char *suffix)
{
  gsize length = strlen (text), suffix_length = strlen (suffix);

  if (length < suffix_length || strcmp (text + length - suffix_length, suffix) != 0)
    return FALSE;
  text[length - suffix_length] = '\0';
  return TRUE;
}

/* The decimal mark is a point, and commas group thousands; in files
 * separated by semicolons (what Excel writes where the comma is the
 * decimal mark) the other way round. With both in a number, the last one
 * is the decimal mark. Spaces and apostrophes group too. */
gboolean
_signet_csv_parse_amount (const char  *text,
                          guint        unit,
                          const char  *currency,
                          char         separator,
                          gint64      *minor_units,
                          GError     **error)
{
  g_autofree char *folded = fold_full_width (text);
  char *p = g_strstrip (folded);
  const char *last_point, *last_comma;
  char decimal_mark;
  guint64 digits = 0, scale = 1, result;
  guint decimals = 0, exponent = signet_currency_get_exponent (currency);
  gboolean seen_mark = FALSE, seen_digit = FALSE;

  /* A currency's sign before the amount, or 元 after it. */
  if (!strip_prefix (&p, "¥") && !strip_prefix (&p, "￥") && !strip_prefix (&p, "$") && !strip_prefix (&p, "€"))
    strip_prefix (&p, currency);
  strip_suffix (p, "元");
  p = g_strstrip (p);

  if (*p == '-')
    {
      g_set_error (error, SIGNET_MONEY_ERROR, SIGNET_MONEY_ERROR_NEGATIVE,
                   _("“%s” is a negative amount: a contract’s value cannot be negative."), text);
      return FALSE;
    }

  last_point = strrchr (p, '.');
  last_comma = strrchr (p, ',');
  if (last_point != NULL && last_comma != NULL)
    decimal_mark = last_point > last_comma ? '.' : ',';
  else
    decimal_mark = separator == ';' ? ',' : '.';

  for (const char *q = p; *q != '\0'; q++)
    {
      if (g_ascii_isdigit (*q))
        {
          if (digits > (G_MAXINT64 / 10))
            goto overflow;
          digits = digits * 10 + (guint64) (*q - '0');
          seen_digit = TRUE;
          if (seen_mark)
            decimals++;
        }
      else if (*q == decimal_mark && !seen_mark)
        seen_mark = TRUE;
      else if ((*q == ',' || *q == '.' || *q == ' ' || *q == '\'') && *q != decimal_mark && !seen_mark)
        continue;
      else
        {
          g_set_error (error, SIGNET_MONEY_ERROR, SIGNET_MONEY_ERROR_SYNTAX,
                       _("“%s” is not an amount: an amount is digits, with a decimal mark and "
                         "thousands separators at most."), text);
          return FALSE;
        }
    }

  if (!seen_digit)
    {
      g_set_error (error, SIGNET_MONEY_ERROR, SIGNET_MONEY_ERROR_SYNTAX,
                   _("“%s” is not an amount: an amount is digits, with a decimal mark and "
                     "thousands separators at most."), text);
      return FALSE;
    }

  /* digits / 10^decimals × unit × 10^exponent, in whole minor units. */
  if (!g_uint64_checked_mul (&result, digits, unit))
    goto overflow;
  for (guint i = 0; i < exponent; i++)
    if (!g_uint64_checked_mul (&result, result, 10))
      goto overflow;
  for (guint i = 0; i < decimals; i++)
    scale *= 10;
  if (decimals > 18 || result % scale != 0)
    {
      g_set_error (error, SIGNET_MONEY_ERROR, SIGNET_MONEY_ERROR_PRECISION,
                   _("“%s” has more decimals than %s has: an amount is counted in whole cents "
                     "(fen)."), text, currency);
      return FALSE;
    }
  result /= scale;
  if (result > G_MAXINT64)
    goto overflow;

  *minor_units = (gint64) result;
  return TRUE;

overflow:
  g_set_error (error, SIGNET_MONEY_ERROR, SIGNET_MONEY_ERROR_OVERFLOW,
               _("“%s” is too large an amount for Signet."), text);
  return FALSE;
}

typedef struct
{
  const char *word;
  int         value;
} Word;

static const Word status_words[] = {
  { "草稿", SIGNET_CONTRACT_STATUS_DRAFT },
  { "起草", SIGNET_CONTRACT_STATUS_DRAFT },
  { "拟定", SIGNET_CONTRACT_STATUS_DRAFT },
  { "审核中", SIGNET_CONTRACT_STATUS_IN_REVIEW },
  { "审批中", SIGNET_CONTRACT_STATUS_IN_REVIEW },
  { "待审批", SIGNET_CONTRACT_STATUS_IN_REVIEW },
  { "待审核", SIGNET_CONTRACT_STATUS_IN_REVIEW },
  { "已批准", SIGNET_CONTRACT_STATUS_APPROVED },
  { "已审批", SIGNET_CONTRACT_STATUS_APPROVED },
  { "待签署", SIGNET_CONTRACT_STATUS_APPROVED },
  { "已签署", SIGNET_CONTRACT_STATUS_SIGNED },
  { "已签订", SIGNET_CONTRACT_STATUS_SIGNED },
  { "已签约", SIGNET_CONTRACT_STATUS_SIGNED },
  { "履行中", SIGNET_CONTRACT_STATUS_ACTIVE },
  { "执行中", SIGNET_CONTRACT_STATUS_ACTIVE },
  { "生效", SIGNET_CONTRACT_STATUS_ACTIVE },
  { "有效", SIGNET_CONTRACT_STATUS_ACTIVE },
  { "已生效", SIGNET_CONTRACT_STATUS_ACTIVE },
  { "已到期", SIGNET_CONTRACT_STATUS_EXPIRED },
  { "到期", SIGNET_CONTRACT_STATUS_EXPIRED },
  { "已过期", SIGNET_CONTRACT_STATUS_EXPIRED },
  { "过期", SIGNET_CONTRACT_STATUS_EXPIRED },
  { "已续约", SIGNET_CONTRACT_STATUS_RENEWED },
  { "已续签", SIGNET_CONTRACT_STATUS_RENEWED },
  { "已终止", SIGNET_CONTRACT_STATUS_TERMINATED },
  { "终止", SIGNET_CONTRACT_STATUS_TERMINATED },
  { "已解除", SIGNET_CONTRACT_STATUS_TERMINATED },
  { "in review", SIGNET_CONTRACT_STATUS_IN_REVIEW },
  { "under review", SIGNET_CONTRACT_STATUS_IN_REVIEW },
  { "pending", SIGNET_CONTRACT_STATUS_IN_REVIEW },
  { "in force", SIGNET_CONTRACT_STATUS_ACTIVE },
  { "current", SIGNET_CONTRACT_STATUS_ACTIVE },
  { "ended", SIGNET_CONTRACT_STATUS_EXPIRED },
  { "cancelled", SIGNET_CONTRACT_STATUS_TERMINATED },
};

static const Word risk_words[] = {
  { "低", SIGNET_RISK_LEVEL_LOW },
  { "低风险", SIGNET_RISK_LEVEL_LOW },
  { "中", SIGNET_RISK_LEVEL_MEDIUM },
  { "中等", SIGNET_RISK_LEVEL_MEDIUM },
  { "中风险", SIGNET_RISK_LEVEL_MEDIUM },
  { "高", SIGNET_RISK_LEVEL_HIGH },
  { "高风险", SIGNET_RISK_LEVEL_HIGH },
  { "l", SIGNET_RISK_LEVEL_LOW },
  { "m", SIGNET_RISK_LEVEL_MEDIUM },
  { "med", SIGNET_RISK_LEVEL_MEDIUM },
  { "h", SIGNET_RISK_LEVEL_HIGH },
};

static const Word boolean_words[] = {
  { "是", TRUE }, { "否", FALSE }, { "yes", TRUE }, { "no", FALSE }, { "y", TRUE }, { "n", FALSE },
  { "true", TRUE }, { "false", FALSE }, { "1", TRUE }, { "0", FALSE }, { "x", TRUE }, { "", FALSE },
  { "ja", TRUE }, { "nein", FALSE }, { "oui", TRUE }, { "non", FALSE },
};

/* @text lowered (ASCII), its spaces and full-width forms folded. */
static char *
fold_word (const char *text)
{
  g_autofree char *folded = fold_full_width (text);

  return g_ascii_strdown (g_strstrip (folded), -1);
}

static gboolean
find_word (const Word *words,
           gsize       n_words,
           const char *folded,
           int        *value)
{
  for (gsize i = 0; i < n_words; i++)
    if (g_str_equal (words[i].word, folded))
      {
        *value = words[i].value;
        return TRUE;
      }

  return FALSE;
}

/* Chinese or English words, the stored tokens, and the status's name in
 * the user's language. */
gboolean
_signet_csv_parse_status (const char           *text,
                          SignetContractStatus *status)
{
  g_autofree char *folded = fold_word (text);
  int value;

  for (guint i = 0; i < SIGNET_N_CONTRACT_STATUSES; i++)
    {
      g_autofree char *token = g_strdelimit (g_strdup (signet_contract_status_to_token (i)), "-_", ' ');
      g_autofree char *label = fold_word (signet_contract_status_to_label (i));

      if (g_str_equal (folded, token) || g_str_equal (folded, signet_contract_status_to_token (i)) ||
          g_str_equal (folded, label))
        {
          *status = i;
          return TRUE;
        }
    }

  if (!find_word (status_words, G_N_ELEMENTS (status_words), folded, &value))
    return FALSE;

  *status = value;
  return TRUE;
}

gboolean
_signet_csv_parse_risk_level (const char      *text,
                              SignetRiskLevel *level)
{
  g_autofree char *folded = fold_word (text);
  int value;

  for (guint i = 0; i < SIGNET_N_RISK_LEVELS; i++)
    {
      g_autofree char *label = fold_word (signet_risk_level_to_label (i));

      if (g_str_equal (folded, signet_risk_level_to_token (i)) || g_str_equal (folded, label))
        {
          *level = i;
          return TRUE;
        }
    }

  if (!find_word (risk_words, G_N_ELEMENTS (risk_words), folded, &value))
    return FALSE;

  *level = value;
  return TRUE;
}

gboolean
_signet_csv_parse_boolean (const char *text,
                           gboolean   *value)
{
  g_autofree char *folded = fold_word (text);
  int found;

  if (!find_word (boolean_words, G_N_ELEMENTS (boolean_words), folded, &found))
    return FALSE;

  *value = found;
  return TRUE;
}

/* "30", "30天", "30 days". */
gboolean
_signet_csv_parse_days (const char *text,
                        guint      *days)
{
  g_autofree char *folded = fold_word (text);
  char *end = NULL;
  guint64 value;

  if (!g_ascii_isdigit (*folded))
    return FALSE;

  value = g_ascii_strtoull (folded, &end, 10);
  end = g_strstrip (end);
  if (*end != '\0' && !g_str_equal (end, "天") && !g_str_equal (end, "日") &&
      !g_str_equal (end, "days") && !g_str_equal (end, "day") && !g_str_equal (end, "d"))
    return FALSE;
  if (value > G_MAXUINT)
    return FALSE;

  *days = (guint) value;
  return TRUE;
}
