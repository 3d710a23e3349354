/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-db-pg"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "signet-db-pg-private.h"

/* The store's SQL is SQLite's: its placeholders are written here as the
 * server's, and its transaction statements found. */

static gboolean
is_ident_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '$' || (guchar) c >= 0x80;
}

static gboolean
is_transaction_word (const char *word,
                     gsize       length)
{
  static const char *const words[] = {
    "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT",
    "RELEASE", "PREPARE",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (words); i++)
    if (strlen (words[i]) == length && g_ascii_strncasecmp (word, words[i], length) == 0)
      return TRUE;
  return FALSE;
}

/* Copies the literal, quoted identifier, comment or dollar-quoted string
 * that starts at @p into @out, returning where it ends; or NULL when
 * nothing of the kind starts there. */
static const char *
skip_quoted (const char *p,
             const char *start,
             GString    *out)
{
  const char *q;

  if (p[0] == '\'' || p[0] == '"')
    {
      gboolean escapes = p[0] == '\'' && p > start && (p[-1] == 'E' || p[-1] == 'e')
                         && (p - 1 == start || !is_ident_char (p[-2]));
      char quote = p[0];

      for (q = p + 1; *q != '\0'; q++)
        {
          if (escapes && *q == '\\' && q[1] != '\0')
            q++;
          else if (*q == quote)
            break;
        }
      if (*q != '\0')
        q++;
    }
  else if (p[0] == '-' && p[1] == '-')
    {
      q = p + strcspn (p, "\n");
    }
  else if (p[0] == '/' && p[1] == '*')
    {
      int depth = 1;

      for (q = p + 2; *q != '\0' && depth > 0; q++)
        {
          if (q[0] == '/' && q[1] == '*')
            depth++, q++;
          else if (q[0] == '*' && q[1] == '/')
            depth--, q++;
        }
    }
  else if (p[0] == '$' && (p == start || !is_ident_char (p[-1])) && !g_ascii_isdigit (p[1]))
    {
      g_autofree char *tag = NULL;
      const char *end;

      for (q = p + 1; *q != '\0' && *q != '$'; q++)
        if (!(g_ascii_isalnum (*q) || *q == '_' || (guchar) *q >= 0x80))
          return NULL;
      if (*q != '$')
        return NULL;
      tag = g_strndup (p, q - p + 1);
      end = strstr (q + 1, tag);
      q = end != NULL ? end + strlen (tag) : q + strlen (q);
    }
  else
    return NULL;

  g_string_append_len (out, p, q - p);
  return q;
}

/* @sql with SQLite's ?NNN and ? written as PostgreSQL's $NNN (a bare ?
 * takes one more than the largest number so far, as in SQLite), leaving
 * literals, quoted names and comments alone. Also says how many
 * parameters it has, adds the numbers it uses to @numbers (when given:
 * SQLite lets some go unused) and says whether a statement in it begins,
 * ends or marks a transaction. */
char *
_signet_db_pg_rewrite_sql (const char *sql,
                           GArray     *numbers,
                           int        *n_params,
                           gboolean   *transaction_control)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  gboolean at_statement_start = TRUE;
  int largest = 0;
  const char *p = sql;

  *transaction_control = FALSE;
  while (*p != '\0')
    {
      const char *next = skip_quoted (p, sql, out);

      if (next != NULL)
        {
          if (p[0] != '-' && p[0] != '/')
            at_statement_start = FALSE;
          p = next;
        }
      else if (*p == '?')
        {
          int number;

          if (g_ascii_isdigit (p[1]))
            {
              char *end;

              number = (int) strtol (p + 1, &end, 10);
              p = end;
            }
          else
            {
              number = largest + 1;
              p++;
            }
          largest = MAX (largest, number);
          if (numbers != NULL)
            g_array_append_val (numbers, number);
          g_string_append_printf (out, "$%d", number);
          at_statement_start = FALSE;
        }
      else if (*p == '$' && g_ascii_isdigit (p[1]) && (p == sql || !is_ident_char (p[-1])))
        {
          /* The server's own form, in SQL written for it alone. */
          char *end;
          int number = (int) strtol (p + 1, &end, 10);

          largest = MAX (largest, number);
          if (numbers != NULL)
            g_array_append_val (numbers, number);
          g_string_append_len (out, p, end - p);
          p = end;
          at_statement_start = FALSE;
        }
      else if (*p == ';')
        {
          at_statement_start = TRUE;
          g_string_append_c (out, *p++);
        }
      else if (at_statement_start && is_ident_char (*p))
        {
          const char *word = p;

          while (is_ident_char (*p))
            p++;
          if (is_transaction_word (word, p - word))
            *transaction_control = TRUE;
          g_string_append_len (out, word, p - word);
          at_statement_start = FALSE;
        }
      else
        g_string_append_c (out, *p++);
    }

  *n_params = largest;
  return g_string_free (out, FALSE);
}
