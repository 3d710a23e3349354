/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-search-text"

#include "config.h"

#include <string.h>

#include <unicode/ucol.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

#include "signet-search-text.h"

/* Han-Latin takes about 200 ms to open (it compiles its rules) and about
 * 100 µs per title, which made importing 100,000 contracts ten times
 * slower. Each character is therefore transliterated once, alone, and its
 * syllable kept for the process: a title then costs a few hash lookups.
 * ICU's readings from context are few (重庆 is read "chong qing" whole,
 * but 长沙 "zhang sha" all the same), so a character with two readings is
 * found by the one ICU gives it alone (重庆 by "zhongqing"). One
 * transliterator serves every thread, under a lock: it may not be used by
 * two at once. */
static GMutex pinyin_lock;
static UTransliterator *pinyin;
static gboolean pinyin_opened;
static GHashTable *syllables;   /* gunichar -> char *, lower-case ASCII */

/* Its name is in the version stored with the keys: another collation
 * makes other keys. */
#define COLLATION "zh@colReorder=latn-hani"

/* A UCollator may not be used by two threads at once either, and the
 * stores of the import, export and reminder threads write sort keys: each
 * thread opens its own (0.2 ms). */
typedef struct
{
  UCollator *collator;
  gboolean   opened;
} ThreadCollator;

static void
thread_collator_free (gpointer data)
{
  ThreadCollator *thread_collator = data;

  g_clear_pointer (&thread_collator->collator, ucol_close);
  g_free (thread_collator);
}

static GPrivate collator_key = G_PRIVATE_INIT (thread_collator_free);

/* Called with pinyin_lock held. */
static UTransliterator *
get_pinyin (void)
{
  UErrorCode status = U_ZERO_ERROR;
  UChar id[64];

  if (pinyin_opened)
    return pinyin;

  pinyin_opened = TRUE;
  syllables = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  /* Latin-ASCII drops the tone marks: users type "huadong", not "huádōng". */
  u_uastrcpy (id, "Han-Latin; Latin-ASCII");
  pinyin = utrans_openU (id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
  /* An ICU built without its transliteration data: search finds Chinese
   * text by its characters only. */
  if (U_FAILURE (status))
    g_warning ("ICU has no Han-Latin transliterator, so search ignores pinyin: %s",
               u_errorName (status));

  return pinyin;
}

/* The syllable of @c ("hua" for 华), or NULL when ICU has none. */
static const char *
lookup_syllable (gunichar c)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&pinyin_lock);
  UTransliterator *transliterator = get_pinyin ();
  UErrorCode status = U_ZERO_ERROR;
  UChar buffer[32];
  int32_t n_units = 0;
  int32_t limit;
  char *syllable;
  gunichar text[2] = { c, 0 };
  g_autofree char *latin = NULL;
  gpointer found;

  if (transliterator == NULL)
    return NULL;

  if (g_hash_table_lookup_extended (syllables, GUINT_TO_POINTER (c), NULL, &found))
    return found;

  {
    g_autofree gunichar2 *units = g_ucs4_to_utf16 (text, 1, NULL, NULL, NULL);

    if (units != NULL)
      for (n_units = 0; units[n_units] != 0 && n_units < 2; n_units++)
        buffer[n_units] = units[n_units];
  }

  limit = n_units;
  utrans_transUChars (transliterator, buffer, &n_units, G_N_ELEMENTS (buffer), 0, &limit, &status);
  if (U_SUCCESS (status))
    latin = g_utf16_to_utf8 (buffer, n_units, NULL, NULL, NULL);

  /* Only a reading in plain letters: ICU leaves a character it cannot
   * read as it was. */
  syllable = NULL;
  if (latin != NULL && *latin != '\0')
    {
      gboolean plain = TRUE;

      for (const char *p = latin; *p != '\0' && plain; p++)
        plain = g_ascii_isalpha (*p);
      if (plain)
        syllable = g_ascii_strdown (latin, -1);
    }

  g_hash_table_insert (syllables, GUINT_TO_POINTER (c), syllable);

  return syllable;
}

static UCollator *
get_collator (void)
{
  ThreadCollator *thread_collator = g_private_get (&collator_key);
  UErrorCode status = U_ZERO_ERROR;

  if (thread_collator == NULL)
    {
      thread_collator = g_new0 (ThreadCollator, 1);
      g_private_set (&collator_key, thread_collator);
    }

  if (thread_collator->opened)
    return thread_collator->collator;

  thread_collator->opened = TRUE;
  /* zh is pinyin order, ICU's default for Chinese. It puts Chinese before
   * Latin; a register mixes both, and Latin first keeps the order English
   * titles had (and most lists put them). */
  thread_collator->collator = ucol_open (COLLATION, &status);
  if (U_FAILURE (status))
    g_warning ("ICU has no zh collation, so names sort by code point: %s", u_errorName (status));

  return thread_collator->collator;
}

/* @text as UTF-16, in a buffer the caller frees. */
static UChar *
to_uchars (const char *text,
           int32_t    *n_units)
{
  UErrorCode status = U_ZERO_ERROR;
  int32_t needed = 0;
  UChar *buffer;

  u_strFromUTF8 (NULL, 0, &needed, text, -1, &status);
  status = U_ZERO_ERROR;
  buffer = g_new (UChar, needed + 1);
  u_strFromUTF8 (buffer, needed + 1, n_units, text, -1, &status);
  if (U_FAILURE (status))
    *n_units = 0;

  return buffer;
}

static gboolean
is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

/* Appends the pinyin of @run, a run of Chinese characters, to @full
 * ("huadong") and its initials to @initials ("hd"); a character without a
 * reading stays as it is in both. */
static void
append_pinyin (GString    *full,
               GString    *initials,
               const char *run,
               gsize       length)
{
  for (const char *p = run; p < run + length; p = g_utf8_next_char (p))
    {
      const char *syllable = lookup_syllable (g_utf8_get_char (p));

      if (syllable != NULL)
        {
          g_string_append (full, syllable);
          g_string_append_c (initials, syllable[0]);
        }
      else
        {
          g_string_append_len (full, p, g_utf8_next_char (p) - p);
          g_string_append_len (initials, p, g_utf8_next_char (p) - p);
        }
    }
}

char *
signet_search_fold (const char *text)
{
  return g_utf8_strdown (text != NULL ? text : "", -1);
}

void
signet_search_append_field (GString    *out,
                            const char *text)
{
  g_autofree char *folded = NULL;
  g_autoptr(GString) full = NULL;
  g_autoptr(GString) initials = NULL;
  gboolean any_han = FALSE;
  const char *run;

  g_return_if_fail (out != NULL);

  if (text == NULL || *text == '\0')
    return;

  folded = signet_search_fold (text);
  g_string_append (out, folded);

  for (const char *p = folded; *p != '\0' && !any_han; p = g_utf8_next_char (p))
    any_han = is_han (g_utf8_get_char (p));
  if (!any_han)
    return;

  /* Letters and digits between Chinese characters stay as they are, so
   * that "ERP系统" is found by "erpxitong" and "erpxt"; spaces go, as
   * users type pinyin without them. */
  full = g_string_new (NULL);
  initials = g_string_new (NULL);
  run = folded;
  while (*run != '\0')
    {
      gboolean han = is_han (g_utf8_get_char (run));
      const char *end = run;

      while (*end != '\0' && is_han (g_utf8_get_char (end)) == han)
        end = g_utf8_next_char (end);

      if (han)
        append_pinyin (full, initials, run, end - run);
      else
        for (const char *p = run; p < end; p = g_utf8_next_char (p))
          if (!g_unichar_isspace (g_utf8_get_char (p)))
            {
              g_string_append_len (full, p, g_utf8_next_char (p) - p);
              g_string_append_len (initials, p, g_utf8_next_char (p) - p);
            }

      run = end;
    }

  g_string_append_printf (out, " %s %s", full->str, initials->str);
}

gboolean
signet_search_field_matches (const char *text,
                             const char *folded_term)
{
  g_autoptr(GString) searched = g_string_new (NULL);

  g_return_val_if_fail (folded_term != NULL, FALSE);

  signet_search_append_field (searched, text);

  return strstr (searched->str, folded_term) != NULL;
}

GBytes *
signet_search_sort_key (const char *text)
{
  g_autofree UChar *units = NULL;
  int32_t n_units = 0;
  UCollator *collator = get_collator ();
  guint8 small[256];
  int32_t length;

  if (collator == NULL)
    return g_bytes_new (text != NULL ? text : "", text != NULL ? strlen (text) : 0);

  units = to_uchars (text != NULL ? text : "", &n_units);
  length = ucol_getSortKey (collator, units, n_units, small, sizeof small);
  if (length <= (int32_t) sizeof small)
    return g_bytes_new (small, length);
  else
    {
      guint8 *key = g_malloc (length);

      ucol_getSortKey (collator, units, n_units, key, length);
      return g_bytes_new_take (key, length);
    }
}

const char *
signet_search_icu_version (void)
{
  static char *version;

  if (g_once_init_enter_pointer (&version))
    {
      UVersionInfo icu, collator;
      char icu_text[U_MAX_VERSION_STRING_LENGTH];
      char collator_text[U_MAX_VERSION_STRING_LENGTH];

      u_getVersion (icu);
      memset (collator, 0, sizeof collator);
      if (get_collator () != NULL)
        ucol_getVersion (get_collator (), collator);
      u_versionToString (icu, icu_text);
      u_versionToString (collator, collator_text);
      g_once_init_leave_pointer (&version, g_strdup_printf ("icu %s, " COLLATION " collator %s",
                                                            icu_text, collator_text));
    }

  return version;
}
