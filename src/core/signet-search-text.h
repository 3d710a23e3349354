/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a search looks in, and the order names sort in, as Chinese users
 * expect them: text is found by its characters and by its pinyin, full
 * (华东 as "huadong") and by initials ("hd"), and names sort in pinyin
 * order (北京 < 重庆 < 上海 < 天津). Both come from ICU: its Han-Latin
 * transliterator and its zh collation. Safe to call from any thread. */

/* @text lower-cased the way a query is: what an instr() finds a term in. */
char       *signet_search_fold              (const char  *text);

/* Between the fields of a stored search text: no term holds it, so none
 * is found across two fields, and the text splits back into its fields. */
#define SIGNET_SEARCH_FIELD_SEPARATOR '\x1e'

/* Appends @text folded and, when it holds Chinese characters, its full
 * pinyin and its initials (Latin letters and digits kept as they are, white
 * space dropped), each after a space; nothing for NULL or empty text. */
void        signet_search_append_field      (GString     *out,
                                             const char  *text);

/* Whether @folded_term, a term of a query folded with signet_search_fold(),
 * is in @text, its pinyin or its initials. */
gboolean    signet_search_field_matches     (const char  *text,
                                             const char  *folded_term);

/* The zh collation's sort key of @text: memcmp() order is pinyin order. */
GBytes     *signet_search_sort_key          (const char  *text);

/* The ICU version the transliterator and the collator come from, and the
 * collator's own version: stored keys and pinyin are remade when either
 * changes (see signet-store-search.c). */
const char *signet_search_icu_version       (void);

G_END_DECLS
