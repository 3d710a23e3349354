/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "signet-store-private.h"

typedef struct
{
  char *prefix;
  char *suffix;
  guint width;
} NumberPattern;

static void
number_pattern_clear (NumberPattern *pattern)
{
  g_clear_pointer (&pattern->prefix, g_free);
  g_clear_pointer (&pattern->suffix, g_free);
}

static gboolean
expand_pattern (const char     *pattern,
                GDateTime      *now,
                NumberPattern  *out,
                GError        **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean seen_sequence = FALSE;
  const char *p = pattern;

  memset (out, 0, sizeof *out);

  while (*p != '\0')
    {
      const char *close;
      g_autofree char *token = NULL;

      if (*p == '}')
        goto invalid;

      if (*p != '{')
        {
          g_string_append_c (text, *p++);
          continue;
        }

      close = strchr (p, '}');
      if (close == NULL)
        goto invalid;

      token = g_strndup (p + 1, close - p - 1);
      p = close + 1;

      if (g_str_equal (token, "YYYY"))
        g_string_append_printf (text, "%04d", g_date_time_get_year (now));
      else if (g_str_equal (token, "YY"))
        g_string_append_printf (text, "%02d", g_date_time_get_year (now) % 100);
      else if (g_str_equal (token, "MM"))
        g_string_append_printf (text, "%02d", g_date_time_get_month (now));
      else if (g_str_equal (token, "DD"))
        g_string_append_printf (text, "%02d", g_date_time_get_day_of_month (now));
      else if (*token == 'N' && strspn (token, "N") == strlen (token) && strlen (token) <= 9 && !seen_sequence)
        {
          seen_sequence = TRUE;
          out->width = strlen (token);
          out->prefix = g_strdup (text->str);
          g_string_truncate (text, 0);
        }
      else
        goto invalid;
    }

  if (!seen_sequence)
    {
      g_set_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_CONTRACT_NUMBER,
                   _("The number pattern “%s” has no sequence; add {NNNN} where the running number goes."),
                   pattern);
      return FALSE;
    }

  out->suffix = g_strdup (text->str);

  return TRUE;

invalid:
  number_pattern_clear (out);
  g_set_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_CONTRACT_NUMBER,
               _("The number pattern “%s” is not valid. Use text with {YYYY}, {YY}, {MM}, {DD} "
                 "and one {NNNN} for the running number."),
               pattern);
  return FALSE;
}

gboolean
signet_contract_number_pattern_is_valid (const char  *pattern,
                                         GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  NumberPattern parsed;

  g_return_val_if_fail (pattern != NULL, FALSE);

  if (!expand_pattern (pattern, now, &parsed, error))
    return FALSE;

  number_pattern_clear (&parsed);

  return TRUE;
}

char *
signet_store_next_contract_number (SignetStore  *self,
                                   const char   *pattern,
                                   GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  NumberPattern parsed;
  SignetDbStmt *stmt;
  gsize prefix_len, suffix_len;
  guint64 highest = 0;
  char *result;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (pattern != NULL, NULL);

  if (!expand_pattern (pattern, now, &parsed, error))
    return NULL;

  prefix_len = strlen (parsed.prefix);
  suffix_len = strlen (parsed.suffix);

  /* Both engines count characters in substr() and length() and compare
   * the number's text byte for byte (SQLite's BINARY, the server's "C"). */
  stmt = _signet_store_statement (self,
                                  "SELECT number FROM contracts WHERE substr(number, 1, length(?1)) = ?1",
                                  error);
  if (stmt == NULL)
    {
      number_pattern_clear (&parsed);
      return NULL;
    }

  signet_db_bind_text (stmt, 1, parsed.prefix);

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      const char *number = signet_db_column_text (stmt, 0);
      gsize len = strlen (number);
      const char *digits = number + prefix_len;
      gsize n_digits;

      if (len < prefix_len + suffix_len + 1 ||
          strcmp (number + len - suffix_len, parsed.suffix) != 0)
        continue;

      n_digits = len - prefix_len - suffix_len;
      if (n_digits > 18 || strspn (digits, "0123456789") < n_digits)
        continue;

      highest = MAX (highest, g_ascii_strtoull (digits, NULL, 10));
    }
  signet_db_reset (stmt);
  if (rc != SIGNET_DB_DONE)
    {
      number_pattern_clear (&parsed);
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  result = g_strdup_printf ("%s%0*" G_GUINT64_FORMAT "%s",
                            parsed.prefix, (int) parsed.width, highest + 1, parsed.suffix);
  number_pattern_clear (&parsed);

  return result;
}
