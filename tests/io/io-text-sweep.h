/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A register in which every element of the format that holds text, and
 * every attribute, has a value with characters XML escapes, Chinese text,
 * line breaks, tabs and a carriage return.
 *
 * Written plain (@mixed FALSE), it is byte for byte the file Signet
 * exports (with attachments) for the register it describes. Written mixed,
 * each text is the same text spelt every way XML allows: CDATA sections,
 * the five entities, hexadecimal and decimal character references, with
 * comments and processing instructions between its characters; each
 * attribute with entities and character references. An import of either
 * must store the same register. */
void io_write_text_sweep (const char *path,
                          gboolean    mixed);

G_END_DECLS
