/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-pdf-text-recovery"

#include "config.h"

#include <string.h>

#include "signet-pdf-text-recovery.h"

/* Chinese PDFs made by older Windows software often draw GBK text with a
 * TrueType font that is not embedded, declared with WinAnsiEncoding and
 * without a ToUnicode map: each byte of a Chinese character becomes a
 * Latin-1 letter ("¹ØÓÚ" for 关于). The page looks the same in poppler,
 * so only the text can tell. It is recovered when the letters above ASCII
 * pair up as GB2312 characters and those are mostly common ones: the 3,755
 * characters of GB2312's first level, its punctuation and its full-width
 * forms. French or German text has its accented letters one at a time
 * between ASCII ones, and even where two meet ("öß") they seldom make a
 * common Chinese character; nothing of it is touched. */

/* A page is recovered only on this much evidence: at least this many
 * GB2312 pairs, */
#define MIN_PAIRS 2
/* this share of the letters above ASCII in such pairs, */
#define MIN_PAIRED_SHARE 0.9
/* and this share of the pairs common characters. */
#define MIN_COMMON_SHARE 0.75

/* A page is unreadable when at least this many characters, and at least
 * half of those that are not spaces, mean nothing. A private-use bullet
 * or two (Symbol fonts) is common in good PDFs. */
#define MIN_MEANINGLESS 4

/* What WinAnsiEncoding gives for the bytes 0x80-0x9F; 0 where it has
 * nothing (poppler then draws a bullet, which stands for 0x95). */
static const gunichar winansi_high[32] = {
  0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
  0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

/* The byte a WinAnsi font drew as @c, or -1 for a character no byte
 * gives. */
static int
winansi_byte (gunichar c)
{
  if (c <= 0xFF)
    return (int) c;

  for (guint i = 0; i < G_N_ELEMENTS (winansi_high); i++)
    if (winansi_high[i] == c)
      return (int) (0x80 + i);

  return -1;
}

static gboolean
is_high (int byte)
{
  /* A no-break space is as common in Latin text as it is absent from
   * GB2312's bytes. */
  return byte >= 0x80 && byte != 0xA0;
}

/* The trail byte @byte stands for after a lead byte, or -1. WinAnsi draws
 * 0xAD as a hyphen, and poppler gives that as an ASCII one; 0x2D is never
 * a trail byte itself. @strict: GB2312's trail bytes only; otherwise also
 * those GBK adds, ASCII letters among them. */
static int
trail_byte (int      byte,
            gboolean strict)
{
  if (byte == '-')
    return 0xAD;
  if (byte >= 0xA1 && byte <= 0xFE)
    return byte;
  if (!strict && ((byte >= 0x40 && byte <= 0x7E) || (byte >= 0x80 && byte <= 0xA0)))
    return byte;

  return -1;
}

static gboolean
is_gb2312_lead (int byte)
{
  return byte >= 0xA1 && byte <= 0xF7;
}

/* The first level of GB2312 (the common hanzi, rows 16-55), its
 * punctuation (row 1) and its full-width forms (row 3). */
static gboolean
is_common_pair (int lead)
{
  return (lead >= 0xB0 && lead <= 0xD7) || lead == 0xA1 || lead == 0xA3;
}

static gboolean
looks_like_gbk (const int *bytes,
                guint      n_chars)
{
  guint n_high = 0;
  guint n_paired = 0;
  guint n_pairs = 0;
  guint n_common = 0;

  for (guint i = 0; i < n_chars; i++)
    {
      int trail;

      if (!is_high (bytes[i]))
        continue;

      if (i + 1 < n_chars && is_gb2312_lead (bytes[i]) && (trail = trail_byte (bytes[i + 1], TRUE)) >= 0)
        {
          guint high = is_high (bytes[i + 1]) ? 2 : 1;

          n_pairs++;
          n_high += high;
          n_paired += high;
          if (is_common_pair (bytes[i]))
            n_common++;
          i++;
          continue;
        }

      n_high++;
    }

  return n_pairs >= MIN_PAIRS &&
         n_paired >= MIN_PAIRED_SHARE * n_high &&
         n_common >= MIN_COMMON_SHARE * n_pairs;
}

/* One character from two bytes, or FALSE when GB18030 has none there. */
static gboolean
decode_pair (GIConv   converter,
             int      lead,
             int      trail,
             GString *out)
{
  char in[2] = { (char) lead, (char) trail };
  char decoded[8];
  char *in_p = in;
  char *out_p = decoded;
  gsize in_left = sizeof in;
  gsize out_left = sizeof decoded;

  g_iconv (converter, NULL, NULL, NULL, NULL);
  if (g_iconv (converter, &in_p, &in_left, &out_p, &out_left) == (gsize) -1 || in_left != 0)
    return FALSE;

  if (g_utf8_strlen (decoded, out_p - decoded) != 1)
    return FALSE;

  g_string_append_len (out, decoded, out_p - decoded);

  return TRUE;
}

char *
signet_pdf_text_recover_gbk (const char  *text,
                             guint      **sources)
{
  g_autofree gunichar *chars = NULL;
  g_autofree int *bytes = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GArray) starts = NULL;
  GIConv converter;
  glong n_chars = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (sources != NULL)
    *sources = NULL;

  chars = g_utf8_to_ucs4_fast (text, -1, &n_chars);
  bytes = g_new (int, MAX (n_chars, 1));
  for (glong i = 0; i < n_chars; i++)
    bytes[i] = winansi_byte (chars[i]);

  if (!looks_like_gbk (bytes, (guint) n_chars))
    return NULL;

  /* glibc knows GB18030 (a superset of GBK and GB2312); a C library that
   * does not leaves the text as poppler gave it. */
  converter = g_iconv_open ("UTF-8", "GB18030");
  if (converter == (GIConv) -1)
    return NULL;

  out = g_string_sized_new (strlen (text));
  starts = g_array_sized_new (FALSE, FALSE, sizeof (guint), (guint) n_chars + 1);

  for (glong i = 0; i < n_chars; i++)
    {
      guint start = (guint) i;
      int trail;

      g_array_append_val (starts, start);

      /* Past the evidence, a lone high letter before an ASCII one is a
       * GBK character too. */
      if (is_high (bytes[i]) && bytes[i] != 0xFF && i + 1 < n_chars &&
          (trail = trail_byte (bytes[i + 1], FALSE)) >= 0 &&
          decode_pair (converter, bytes[i], trail, out))
        {
          i++;
          continue;
        }

      g_string_append_unichar (out, chars[i]);
    }

  g_iconv_close (converter);

  if (sources != NULL)
    {
      guint end = (guint) n_chars;

      g_array_append_val (starts, end);
      *sources = (guint *) (gpointer) g_array_free (g_steal_pointer (&starts), FALSE);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
is_meaningless (gunichar c)
{
  return c == 0xFFFD ||
         (c >= 0xE000 && c <= 0xF8FF) ||
         c >= 0xF0000 ||
         (g_unichar_iscntrl (c) && !g_unichar_isspace (c));
}

static gboolean
is_unreadable (const char *text)
{
  guint n_meaningless = 0;
  guint n_shown = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        continue;

      n_shown++;
      if (is_meaningless (c))
        n_meaningless++;
    }

  return n_meaningless >= MIN_MEANINGLESS && n_meaningless * 2 >= n_shown;
}

SignetPdfTextQuality
signet_pdf_text_assess (char   **text,
                        guint  **sources)
{
  char *recovered;

  g_return_val_if_fail (text != NULL && *text != NULL, SIGNET_PDF_TEXT_READABLE);

  recovered = signet_pdf_text_recover_gbk (*text, sources);
  if (recovered != NULL)
    {
      g_free (*text);
      *text = recovered;
    }

  if (is_unreadable (*text))
    return SIGNET_PDF_TEXT_UNREADABLE;

  return recovered != NULL ? SIGNET_PDF_TEXT_RECOVERED : SIGNET_PDF_TEXT_READABLE;
}
