/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How far the text poppler gives for a page can be trusted. */
typedef enum
{
  SIGNET_PDF_TEXT_READABLE,
  /* GBK/GB18030 bytes that came out as Windows Latin-1 letters (a font
   * without a usable ToUnicode map), decoded again as Chinese. */
  SIGNET_PDF_TEXT_RECOVERED,
  /* Mostly characters without meaning: U+FFFD, private use, controls. */
  SIGNET_PDF_TEXT_UNREADABLE,
} SignetPdfTextQuality;

/* Decodes @text again from GB18030 when it reads as the Windows Latin-1
 * (WinAnsi) letters of GBK bytes, and returns NULL when it does not: real
 * Latin-1 text (French, German) is left as it is. On success, @sources (if
 * not NULL) gets n + 1 character indexes for the n characters of the
 * result: character i of the result comes from characters
 * [sources[i], sources[i + 1]) of @text, two for a Chinese character, one
 * for anything else. Free with g_free(). */
char                 *signet_pdf_text_recover_gbk (const char  *text,
                                                   guint      **sources);

/* Recovers @text when it can: *@text is replaced then, and *@sources (if
 * not NULL) set as above; it stays NULL otherwise. Also says whether the
 * text, recovered or not, is mostly characters without meaning, which
 * goes before its having been recovered. */
SignetPdfTextQuality  signet_pdf_text_assess      (char       **text,
                                                   guint      **sources);

G_END_DECLS
