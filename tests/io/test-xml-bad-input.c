/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Files an import must refuse. Each case asserts the message the user
 * gets, where it points, and that the register did not change: an export
 * before and after gives the same bytes.
 *
 * Run with --write-corpus=DIR to write every case (and the valid file) to
 * DIR instead of testing: fuzz/run-fuzz.sh seeds its corpus this way. */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "io-test-utils.h"
#include "io-text-sweep.h"

/* A valid register whose lines the cases below refer to by number. */
static const char valid_register[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                        /* 1 */
  "<register xmlns=\"https://signetapp.github.io/ns/register/1\" version=\"1\">\n"     /* 2 */
  "  <clients>\n"                                                                     /* 3 */
  "    <client code=\"K100\">\n"                                                      /* 4 */
  "      <name>华信科技</name>\n"                                                     /* 5 */
  "      <email>li@example.cn</email>\n"                                              /* 6 */
  "    </client>\n"                                                                   /* 7 */
  "  </clients>\n"                                                                    /* 8 */
  "  <contracts>\n"                                                                   /* 9 */
  "    <contract number=\"IMP-0001\" client=\"K100\">\n"                              /* 10 */
  "      <title>年度框架</title>\n"                                                   /* 11 */
  "      <value currency=\"CNY\">1234.50</value>\n"                                   /* 12 */
  "      <start-date>2026-01-01</start-date>\n"                                       /* 13 */
  "      <end-date>2026-12-31</end-date>\n"                                           /* 14 */
  "      <notice-days>30</notice-days>\n"                                             /* 15 */
  "      <status>active</status>\n"                                                   /* 16 */
  "      <risk-level>low</risk-level>\n"                                              /* 17 */
  "    </contract>\n"                                                                 /* 18 */
  "  </contracts>\n"                                                                  /* 19 */
  "</register>\n";                                                                    /* 20 */

#define HEAD \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define ROOT \
  "<register xmlns=\"https://signetapp.github.io/ns/register/1\" version=\"1\">\n"

/* "hello" */
#define HELLO_SHA256 "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"

typedef struct
{
  const char     *name;
  /* Either the valid register with @from replaced by @to ... */
  const char     *from;
  const char     *to;
  /* ... or a file of its own, written by @write. */
  void          (*write) (const char *path);
  SignetXmlError  code;
  const char     *message;   /* a part of the message */
  guint           line;      /* 0: not checked */
  guint           column;    /* 0: not checked */
  const char     *value;     /* NULL: not checked */
} BadInput;

static void
write_text (const char *path,
            const char *text)
{
  io_write_file (path, text, -1);
}

static void
write_not_xml (const char *path)
{
  write_text (path, "Contract register, exported 2026-01-31\nHT-2026-0001;年度框架;1234.50\n");
}

static void
write_empty (const char *path)
{
  write_text (path, "");
}

static void
write_pdf (const char *path)
{
  static const char pdf[] = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";

  io_write_file (path, pdf, sizeof pdf - 1);
}

static void
write_truncated (const char *path)
{
  /* Cut in the middle of line 13. */
  const char *cut = strstr (valid_register, "2026-01-01");

  io_write_file (path, valid_register, cut - valid_register);
}

static void
write_truncated_in_tag (const char *path)
{
  const char *cut = strstr (valid_register, "<contract number");

  io_write_file (path, valid_register, cut - valid_register + 12);
}

static void
write_invalid_utf8 (const char *path)
{
  g_autoptr(GString) text = g_string_new (valid_register);

  /* 0xC3 must be followed by a continuation byte; "(" is not one. */
  g_string_replace (text, "<title>年度框架</title>", "<title>caf\xc3(</title>", 1);
  io_write_file (path, text->str, text->len);
}

static void
write_latin1_declared_utf8 (const char *path)
{
  g_autoptr(GString) text = g_string_new (valid_register);

  g_string_replace (text, "<name>华信科技</name>", "<name>M\xfcller GmbH</name>", 1);
  io_write_file (path, text->str, text->len);
}

static void
write_billion_laughs (const char *path)
{
  write_text (path,
              HEAD
              "<!DOCTYPE register [\n"
              "  <!ENTITY lol \"lol\">\n"
              "  <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
              "  <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
              "  <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
              "  <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
              "  <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
              "  <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
              "  <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
              "  <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
              "  <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
              "]>\n"
              ROOT
              "  <clients>\n"
              "    <client code=\"K100\">\n"
              "      <name>&lol9;</name>\n"
              "    </client>\n"
              "  </clients>\n"
              "</register>\n");
}

static void
write_external_entity (const char *path)
{
  write_text (path,
              HEAD
              "<!DOCTYPE register [\n"
              "  <!ENTITY secret SYSTEM \"file:///etc/passwd\">\n"
              "]>\n"
              ROOT
              "  <clients>\n"
              "    <client code=\"K100\">\n"
              "      <name>&secret;</name>\n"
              "    </client>\n"
              "  </clients>\n"
              "</register>\n");
}

static void
write_external_dtd (const char *path)
{
  write_text (path,
              HEAD
              "<!DOCTYPE register SYSTEM \"file:///etc/passwd\">\n"
              ROOT
              "  <clients/>\n"
              "</register>\n");
}

static void
write_network_dtd (const char *path)
{
  write_text (path,
              HEAD
              "<!DOCTYPE register PUBLIC \"-//Evil//DTD//EN\" \"http://127.0.0.1:9/evil.dtd\">\n"
              ROOT
              "</register>\n");
}

static void
write_parameter_entities (const char *path)
{
  write_text (path,
              HEAD
              "<!DOCTYPE register [\n"
              "  <!ENTITY % file SYSTEM \"file:///etc/passwd\">\n"
              "  <!ENTITY % wrapper \"<!ENTITY leak '%file;'>\">\n"
              "  %wrapper;\n"
              "]>\n"
              ROOT
              "  <clients>\n"
              "    <client code=\"K100\">\n"
              "      <name>&leak;</name>\n"
              "    </client>\n"
              "  </clients>\n"
              "</register>\n");
}

static void
write_undeclared_entity (const char *path)
{
  g_autoptr(GString) text = g_string_new (valid_register);

  g_string_replace (text, "<name>华信科技</name>", "<name>&secret;</name>", 1);
  io_write_file (path, text->str, text->len);
}

static void
write_deep_nesting (const char *path)
{
  g_autoptr(GString) text = g_string_new (HEAD ROOT "  <clients>\n    <client code=\"K100\">\n      <name>");

  for (guint i = 0; i < 10000; i++)
    g_string_append (text, "<b>");
  for (guint i = 0; i < 10000; i++)
    g_string_append (text, "</b>");
  g_string_append (text, "</name>\n    </client>\n  </clients>\n</register>\n");
  io_write_file (path, text->str, text->len);
}

/* 100 MB of text in one node, written in pieces: never committed, never
 * held in memory whole. */
static void
write_huge_text (const char *path)
{
  g_autofree char *chunk = g_strnfill (1024 * 1024, 'x');
  FILE *file = g_fopen (path, "wb");

  g_assert_nonnull (file);
  fputs (HEAD ROOT "  <clients>\n    <client code=\"K100\">\n      <name>Big</name>\n      <notes>", file);
  for (guint i = 0; i < 100; i++)
    fwrite (chunk, 1, 1024 * 1024, file);
  fputs ("</notes>\n    </client>\n  </clients>\n</register>\n", file);
  g_assert_cmpint (fclose (file), ==, 0);
}

/* Over Signet's own limit per field, under libxml2's. */
static void
write_long_field (const char *path)
{
  g_autofree char *notes = g_strnfill (2 * 1024 * 1024, 'y');
  g_autofree char *text = g_strconcat (HEAD ROOT "  <clients>\n    <client code=\"K100\">\n      <name>Big</name>\n"
                                       "      <notes>", notes, "</notes>\n    </client>\n  </clients>\n</register>\n",
                                       NULL);

  write_text (path, text);
}

/* The same in a CDATA section, which counts as text like any other. */
static void
write_long_cdata_field (const char *path)
{
  g_autofree char *notes = g_strnfill (2 * 1024 * 1024, 'y');
  g_autofree char *text = g_strconcat (HEAD ROOT "  <clients>\n    <client code=\"K100\">\n      <name>Big</name>\n"
                                       "      <notes>a<![CDATA[", notes, "]]>b</notes>\n    </client>\n  </clients>\n"
                                       "</register>\n", NULL);

  write_text (path, text);
}

/* The valid register with @length characters @c (UTF-8) after @prefix in
 * place of @attribute's value. */
static void
write_long_attribute (const char *path,
                      const char *attribute,
                      const char *prefix,
                      const char *c,
                      gsize       length)
{
  g_autoptr(GString) text = g_string_new (valid_register);
  g_autoptr(GString) value = g_string_new (prefix);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  for (gsize i = 0; i < length; i++)
    g_string_append (value, c);

  from = g_strdup_printf ("%s=\"%s\"", attribute, g_str_equal (attribute, "code") ? "K100" : "IMP-0001");
  to = g_strdup_printf ("%s=\"%s\"", attribute, value->str);
  g_assert_true (g_string_replace (text, from, to, 1) == 1);
  io_write_file (path, text->str, text->len);
}

/* Two megabytes of contract number. */
static void
write_long_number (const char *path)
{
  write_long_attribute (path, "number", "IMP-0001", "0", 2 * 1024 * 1024);
}

/* 256 characters, 768 bytes: the limit counts characters. */
static void
write_long_code (const char *path)
{
  write_long_attribute (path, "code", "", "甲", 256);
}

/* Past libxml2's own limit on a tag. */
static void
write_huge_attribute (const char *path)
{
  write_long_attribute (path, "number", "IMP-", "0", 11 * 1000 * 1000);
}

/* 1001 characters of three bytes each: the limit counts characters. */
static void
write_long_title (const char *path)
{
  g_autoptr(GString) text = g_string_new (valid_register);
  g_autoptr(GString) title = g_string_new ("<title>");

  for (guint i = 0; i < 1001; i++)
    g_string_append (title, "合");
  g_string_append (title, "</title>");
  g_string_replace (text, "<title>年度框架</title>", title->str, 1);
  io_write_file (path, text->str, text->len);
}

static void
write_duplicate_number (const char *path)
{
  g_autoptr(GString) text = g_string_new (valid_register);
  const char *contract = strstr (valid_register, "    <contract ");
  const char *end = strstr (valid_register, "  </contracts>");
  g_autofree char *copy = g_strndup (contract, end - contract);

  g_string_replace (text, "  </contracts>", "", 1);
  g_string_replace (text, "</register>", "", 1);
  g_string_append (text, copy);
  g_string_append (text, "  </contracts>\n</register>\n");
  io_write_file (path, text->str, text->len);
}

/* The same number twice, written with spaces around it that make the two
 * differ: " IMP-0001" on line 10, "IMP-0001 " on line 21. */
static void
write_duplicate_number_spaces (const char *path)
{
  g_autoptr(GString) text = g_string_new (valid_register);
  const char *contract = strstr (valid_register, "    <contract ");
  const char *end = strstr (valid_register, "  </contracts>");
  g_autoptr(GString) copy = g_string_new_len (contract, end - contract);

  g_string_replace (text, "number=\"IMP-0001\"", "number=\" IMP-0001\"", 1);
  g_string_replace (copy, "number=\"IMP-0001\"", "number=\"IMP-0001 \"", 1);
  g_string_replace (text, "  </contracts>", "", 1);
  g_string_replace (text, "</register>", "", 1);
  g_string_append (text, copy->str);
  g_string_append (text, "  </contracts>\n</register>\n");
  io_write_file (path, text->str, text->len);
}

static void
write_duplicate_code_spaces (const char *path)
{
  g_autoptr(GString) text = g_string_new (valid_register);

  g_string_replace (text, "  </clients>",
                    "    <client code=\"&#32;K100&#9;\">\n"
                    "      <name>Another client</name>\n"
                    "    </client>\n"
                    "  </clients>", 1);
  io_write_file (path, text->str, text->len);
}

static void
write_duplicate_code (const char *path)
{
  g_autoptr(GString) text = g_string_new (valid_register);

  g_string_replace (text, "  </clients>",
                    "    <client code=\"K100\">\n"
                    "      <name>Another client</name>\n"
                    "    </client>\n"
                    "  </clients>", 1);
  io_write_file (path, text->str, text->len);
}

static void
write_attachment (const char *path,
                  const char *size,
                  const char *sha256,
                  const char *data)
{
  g_autoptr(GString) text = g_string_new (valid_register);
  g_autofree char *attachments =
    g_strdup_printf ("      <risk-level>low</risk-level>\n"
                     "      <attachments>\n"
                     "        <attachment name=\"hello.txt\" type=\"text/plain\" size=\"%s\" sha256=\"%s\">\n"
                     "          <data>%s</data>\n"
                     "        </attachment>\n"
                     "      </attachments>", size, sha256, data);

  g_string_replace (text, "      <risk-level>low</risk-level>", attachments, 1);
  io_write_file (path, text->str, text->len);
}

static void
write_attachment_bad_sha (const char *path)
{
  write_attachment (path, "5", "0000000000000000000000000000000000000000000000000000000000000000", "aGVsbG8=");
}

static void
write_attachment_bad_base64 (const char *path)
{
  write_attachment (path, "5", HELLO_SHA256, "aGVs*bG8=");
}

static void
write_attachment_short_base64 (const char *path)
{
  write_attachment (path, "5", HELLO_SHA256, "aGVsbG8");
}

static void
write_attachment_bad_size (const char *path)
{
  write_attachment (path, "6", HELLO_SHA256, "aGVsbG8=");
}

/* The valid register with one attachment of "hello" on IMP-0001 (line
 * 19) with @attributes added, holding @inner (from line 20). */
static void
write_attachment_with (const char *path,
                       const char *attributes,
                       const char *inner)
{
  g_autoptr(GString) text = g_string_new (valid_register);
  g_autofree char *attachments =
    g_strdup_printf ("      <risk-level>low</risk-level>\n"
                     "      <attachments>\n"
                     "        <attachment name=\"hello.txt\" type=\"text/plain\" size=\"5\" sha256=\"%s\"%s>\n"
                     "%s"
                     "        </attachment>\n"
                     "      </attachments>", HELLO_SHA256, attributes, inner);

  g_string_replace (text, "      <risk-level>low</risk-level>", attachments, 1);
  io_write_file (path, text->str, text->len);
}

#define HELLO_DATA "          <data>aGVsbG8=</data>\n"
#define ZERO_SHA256 "0000000000000000000000000000000000000000000000000000000000000000"

static void
write_earlier_version_bad_sha (const char *path)
{
  write_attachment_with (path, " version=\"2\"",
                         HELLO_DATA
                         "          <earlier-version name=\"hello.txt\" type=\"text/plain\" size=\"5\" "
                         "sha256=\"" ZERO_SHA256 "\" version=\"1\">\n"
                         "            <data>aGVsbG8=</data>\n"
                         "          </earlier-version>\n");
}

static void
write_earlier_version_bad_base64 (const char *path)
{
  write_attachment_with (path, " version=\"2\"",
                         HELLO_DATA
                         "          <earlier-version name=\"hello.txt\" type=\"text/plain\" size=\"5\" "
                         "sha256=\"" HELLO_SHA256 "\" version=\"1\">\n"
                         "            <data>aGVs!bG8=</data>\n"
                         "          </earlier-version>\n");
}

static void
write_versions_out_of_order (const char *path)
{
  write_attachment_with (path, " version=\"2\"",
                         HELLO_DATA
                         "          <earlier-version name=\"hello.txt\" type=\"text/plain\" size=\"5\" "
                         "sha256=\"" HELLO_SHA256 "\" version=\"3\">\n"
                         "            <data>aGVsbG8=</data>\n"
                         "          </earlier-version>\n");
}

static void
write_unknown_role (const char *path)
{
  write_attachment_with (path, " role=\"contract\"", HELLO_DATA);
}

/* An annotation on line 22 of the current version. */
static void
write_annotation (const char *path,
                  const char *kind,
                  const char *page,
                  const char *rects,
                  const char *color)
{
  g_autofree char *inner =
    g_strdup_printf (HELLO_DATA
                     "          <annotations>\n"
                     "            <annotation kind=\"%s\" page=\"%s\" rects=\"%s\" color=\"%s\" author=\"李娜\" "
                     "created-at=\"2026-01-31T09:15:02.123Z\" modified-at=\"2026-01-31T09:15:02.123Z\"/>\n"
                     "          </annotations>\n", kind, page, rects, color);

  write_attachment_with (path, "", inner);
}

/* A size of seventy thousand digits, which the schema's integer takes. */
static void
write_attachment_long_size (const char *path)
{
  g_autofree char *zeros = g_strnfill (70000, '0');
  g_autofree char *size = g_strconcat (zeros, "5", NULL);

  write_attachment (path, size, HELLO_SHA256, "aGVsbG8=");
}

static void
write_annotation_long_author (const char *path)
{
  g_autofree char *author = g_strnfill (256, 'a');
  g_autofree char *inner =
    g_strdup_printf (HELLO_DATA
                     "          <annotations>\n"
                     "            <annotation kind=\"note\" page=\"1\" rects=\"1 2 3 4\" color=\"#ffd400\" author=\"%s\" "
                     "created-at=\"2026-01-31T09:15:02.123Z\" modified-at=\"2026-01-31T09:15:02.123Z\"/>\n"
                     "          </annotations>\n", author);

  write_attachment_with (path, "", inner);
}

static void
write_annotation_unknown_kind (const char *path)
{
  write_annotation (path, "squiggly", "1", "1 2 3 4", "#ffd400");
}

static void
write_annotation_page_zero (const char *path)
{
  write_annotation (path, "note", "0", "1 2 3 4", "#ffd400");
}

static void
write_annotation_page_text (const char *path)
{
  write_annotation (path, "note", "two", "1 2 3 4", "#ffd400");
}

static void
write_annotation_five_numbers (const char *path)
{
  write_annotation (path, "highlight", "1", "72 100 300 112 72", "#ffd400");
}

static void
write_annotation_words (const char *path)
{
  write_annotation (path, "highlight", "1", "left top right bottom", "#ffd400");
}

/* On an annotation of an earlier version (line 24), one level deeper. */
static void
write_annotation_red (const char *path)
{
  write_attachment_with (path, " version=\"2\"",
                         HELLO_DATA
                         "          <earlier-version name=\"hello.txt\" type=\"text/plain\" size=\"5\" "
                         "sha256=\"" HELLO_SHA256 "\" version=\"1\">\n"
                         "            <data>aGVsbG8=</data>\n"
                         "            <annotations>\n"
                         "              <annotation kind=\"rectangle\" page=\"1\" rects=\"1 2 3 4\" color=\"red\" "
                         "author=\"李娜\" created-at=\"2026-01-31T09:15:02.123Z\" "
                         "modified-at=\"2026-01-31T09:15:02.123Z\"/>\n"
                         "            </annotations>\n"
                         "          </earlier-version>\n");
}

static void
write_attachment_too_large (const char *path)
{
  write_attachment (path, "250000000", HELLO_SHA256, "aGVsbG8=");
}

static void
write_attachment_empty (const char *path)
{
  write_attachment (path, "0", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "");
}

/* Elements after the contract's fields, from line 18. */
static void
write_after_fields (const char *path,
                    const char *elements)
{
  g_autoptr(GString) text = g_string_new (valid_register);
  g_autofree char *replacement = g_strconcat ("      <risk-level>low</risk-level>\n", elements, NULL);

  g_string_replace (text, "      <risk-level>low</risk-level>\n", replacement, 1);
  io_write_file (path, text->str, text->len);
}

static void
write_key_date_unknown_kind (const char *path)
{
  write_after_fields (path,
                      "      <key-dates>\n"
                      "        <key-date kind=\"deadline\" date=\"2026-05-01\">\n"
                      "          <title>交付</title>\n"
                      "        </key-date>\n"
                      "      </key-dates>\n");
}

static void
write_key_date_impossible (const char *path)
{
  write_after_fields (path,
                      "      <key-dates>\n"
                      "        <key-date kind=\"payment\" date=\"2026-02-30\">\n"
                      "          <title>尾款</title>\n"
                      "        </key-date>\n"
                      "      </key-dates>\n");
}

static void
write_review_in_future (const char *path)
{
  write_after_fields (path,
                      "      <reviews>\n"
                      "        <review date=\"2199-01-01\" reviewer=\"王芳\"/>\n"
                      "      </reviews>\n");
}

static void
write_reminders_too_long (const char *path)
{
  write_after_fields (path, "      <reminders end-leads=\"90 9999\"/>\n");
}

/* libxml2 keeps at most 65535 as an element's line: a mistake further
 * down a large file must still be reported on its own line. The valid
 * register's lines 1-9, then FAR_CONTRACTS contracts of nine lines each,
 * the last one with @last_lines in place of its end date (line 5 of 9). */
#define FAR_CONTRACTS 8000
#define FAR_END_DATE_LINE (9 + 9 * (FAR_CONTRACTS - 1) + 5)

static void
write_far_register (const char *path,
                    const char *last_lines)
{
  const char *contracts = strstr (valid_register, "    <contract number");
  g_autoptr(GString) text = g_string_new_len (valid_register, contracts - valid_register);

  for (guint i = 1; i <= FAR_CONTRACTS; i++)
    g_string_append_printf (text,
                            "    <contract number=\"FAR-%05u\" client=\"K100\">\n"
                            "      <title>年度框架</title>\n"
                            "      <value currency=\"CNY\">1234.50</value>\n"
                            "      <start-date>2026-01-01</start-date>\n"
                            "%s"
                            "      <notice-days>30</notice-days>\n"
                            "      <status>active</status>\n"
                            "      <risk-level>low</risk-level>\n"
                            "    </contract>\n",
                            i, i < FAR_CONTRACTS ? "      <end-date>2026-12-31</end-date>\n" : last_lines);
  g_string_append (text, "  </contracts>\n</register>\n");
  io_write_file (path, text->str, text->len);
}

static void
write_far_impossible_date (const char *path)
{
  write_far_register (path, "      <end-date>2026-02-30</end-date>\n");
}

static void
write_far_unknown_element (const char *path)
{
  write_far_register (path, "      <colour>blue</colour>\n");
}

static const BadInput bad_inputs[] = {
  { "not-xml", .write = write_not_xml, .code = SIGNET_XML_ERROR_MALFORMED,
    .message = "The file is not an XML document.", .line = 1, .column = 1 },
  { "empty", .write = write_empty, .code = SIGNET_XML_ERROR_MALFORMED,
    .message = "The file is empty." },
  { "pdf", .write = write_pdf, .code = SIGNET_XML_ERROR_MALFORMED,
    .message = "The file is not an XML document.", .line = 1 },
  { "truncated", .write = write_truncated, .code = SIGNET_XML_ERROR_MALFORMED,
    .message = "The file ends before the register does: it is incomplete, perhaps cut off.", .line = 13,
    .column = 19 },
  { "truncated-in-tag", .write = write_truncated_in_tag, .code = SIGNET_XML_ERROR_MALFORMED,
    .message = "The file ends before the register does", .line = 10 },
  { "invalid-utf8", .write = write_invalid_utf8, .code = SIGNET_XML_ERROR_MALFORMED,
    .message = "The file is not valid UTF-8 text", .line = 11, .value = "0xC3 0x28 0x3C 0x2F" },
  { "latin1-declared-utf8", .write = write_latin1_declared_utf8, .code = SIGNET_XML_ERROR_MALFORMED,
    .message = "The file is not valid UTF-8 text", .line = 5 },
  { "wrong-namespace", "https://signetapp.github.io/ns/register/1", "urn:example:contracts",
    .code = SIGNET_XML_ERROR_VERSION,
    .message = "This is not a Signet register: it starts with <register> in the namespace "
               "“urn:example:contracts”, not with <register> in “https://signetapp.github.io/ns/register/1”.",
    .line = 2, .column = 18, .value = "urn:example:contracts" },
  { "no-namespace", " xmlns=\"https://signetapp.github.io/ns/register/1\"", "",
    .code = SIGNET_XML_ERROR_VERSION, .message = "This is not a Signet register", .line = 2 },
  { "wrong-root", "<register xmlns", "<registry xmlns", .code = SIGNET_XML_ERROR_VERSION,
    .message = "This is not a Signet register: it starts with <registry> in the namespace",
    .line = 2, .column = 18 },
  { "unknown-version", "version=\"1\">", "version=\"2\">", .code = SIGNET_XML_ERROR_VERSION,
    .message = "This register is in version 2 of the Signet format; this version of Signet reads version 1. "
               "Update Signet to import it.", .line = 2, .column = 70, .value = "2" },
  { "namespace-of-version-2", "ns/register/1\"", "ns/register/2\"", .code = SIGNET_XML_ERROR_VERSION,
    .message = "This register is in version 2 of the Signet format", .line = 2 },
  { "missing-title", "      <title>年度框架</title>\n", "", .code = SIGNET_XML_ERROR_INVALID,
    .message = "The file does not follow the Signet format: Element 'value': This element is not expected. "
               "Expected is ( title ).", .line = 11, .value = "value" },
  { "missing-status", "      <status>active</status>\n", "", .code = SIGNET_XML_ERROR_INVALID,
    .message = "Element 'risk-level': This element is not expected. Expected is ( status ).", .line = 16 },
  { "missing-currency", " currency=\"CNY\"", "", .code = SIGNET_XML_ERROR_INVALID,
    .message = "Element 'value': The attribute 'currency' is required but missing.", .line = 12 },
  { "missing-client-code", " code=\"K100\"", "", .code = SIGNET_XML_ERROR_INVALID,
    .message = "Element 'client': The attribute 'code' is required but missing.", .line = 4 },
  { "blank-title", "<title>年度框架</title>", "<title>   </title>", .code = SIGNET_XML_ERROR_INVALID,
    .message = "The title of the contract IMP-0001 is empty.", .line = 11, .column = 7, .value = "   " },
  { "empty-name", "<name>华信科技</name>", "<name></name>", .code = SIGNET_XML_ERROR_INVALID,
    .message = "The name of the client K100 is empty.", .line = 5, .column = 7 },
  { "date-does-not-exist", "<end-date>2026-12-31</end-date>", "<end-date>2026-02-30</end-date>",
    .code = SIGNET_XML_ERROR_INVALID,
    .message = "“2026-02-30” is not a date that exists; write dates as YYYY-MM-DD, for example 2026-02-28.",
    .line = 14, .column = 17, .value = "2026-02-30" },
  { "date-not-iso", "<start-date>2026-01-01</start-date>", "<start-date>01/02/2026</start-date>",
    .code = SIGNET_XML_ERROR_INVALID, .message = "“01/02/2026” is not a date that exists",
    .line = 13, .column = 19 },
  { "end-before-start", "<end-date>2026-12-31</end-date>", "<end-date>2025-12-31</end-date>",
    .code = SIGNET_XML_ERROR_INVALID, .message = "The end date 2025-12-31 is before the start date 2026-01-01.",
    .line = 14, .column = 17, .value = "2025-12-31" },
  { "negative-amount", ">1234.50<", ">-1234.50<", .code = SIGNET_XML_ERROR_INVALID,
    .message = "The amount “-1234.50” is negative; a contract value cannot be below zero.",
    .line = 12, .column = 29, .value = "-1234.50" },
  { "non-numeric-amount", ">1234.50<", ">twelve<", .code = SIGNET_XML_ERROR_INVALID,
    .message = "“twelve” is not an amount; write digits with an optional decimal point, like 1234.50.",
    .line = 12, .column = 29, .value = "twelve" },
  { "grouped-amount", ">1234.50<", ">1,234.50<", .code = SIGNET_XML_ERROR_INVALID,
    .message = "“1,234.50” is not an amount", .line = 12 },
  { "float-amount", ">1234.50<", ">1.2345e3<", .code = SIGNET_XML_ERROR_INVALID,
    .message = "“1.2345e3” is not an amount", .line = 12 },
  { "cdata-amount-too-many-decimals", ">1234.50<", "><![CDATA[1234.505]]><", .code = SIGNET_XML_ERROR_INVALID,
    .message = "The amount “1234.505” has more decimals than CNY allows (2).", .line = 12, .column = 38,
    .value = "1234.505" },
  { "too-many-decimals", "currency=\"CNY\">1234.50<", "currency=\"JPY\">1234.5<", .code = SIGNET_XML_ERROR_INVALID,
    .message = "The amount “1234.5” has more decimals than JPY allows (0).", .line = 12, .column = 29 },
  { "unknown-currency", "currency=\"CNY\"", "currency=\"ABC\"", .code = SIGNET_XML_ERROR_INVALID,
    .message = "“ABC” is not an ISO 4217 currency code, such as CNY, USD or EUR.",
    .line = 12, .column = 24, .value = "ABC" },
  { "unknown-status", "<status>active</status>", "<status>finished</status>", .code = SIGNET_XML_ERROR_INVALID,
    .message = "“finished” is not a contract status. Use one of: draft, in-review, approved, signed, active, "
               "expired, renewed, terminated.", .line = 16, .column = 15, .value = "finished" },
  { "translated-status", "<status>active</status>", "<status>履行中</status>", .code = SIGNET_XML_ERROR_INVALID,
    .message = "“履行中” is not a contract status.", .line = 16, .column = 15 },
  { "unknown-risk-level", "<risk-level>low</risk-level>", "<risk-level>extreme</risk-level>",
    .code = SIGNET_XML_ERROR_INVALID, .message = "“extreme” is not a risk level. Use one of: low, medium, high.",
    .line = 17, .column = 19 },
  { "notice-too-long", "<notice-days>30</notice-days>", "<notice-days>9999</notice-days>",
    .code = SIGNET_XML_ERROR_INVALID,
    .message = "“9999” is not a notice period; write a number of days from 0 to 3650.", .line = 15 },
  { "duplicate-number", .write = write_duplicate_number, .code = SIGNET_XML_ERROR_INVALID,
    .message = "The contract number IMP-0001 appears twice in the file: on line 10, column 23, and on "
               "line 21, column 23.", .line = 21, .column = 23, .value = "IMP-0001" },
  { "duplicate-code", .write = write_duplicate_code, .code = SIGNET_XML_ERROR_INVALID,
    .message = "The client code K100 appears twice in the file: on line 4, column 19, and on line 8, column 19.",
    .line = 8, .column = 19 },
  { "duplicate-number-spaces", .write = write_duplicate_number_spaces, .code = SIGNET_XML_ERROR_INVALID,
    .message = "The contract numbers “ IMP-0001” (line 10, column 23) and “IMP-0001 ” (line 21, column 23) are "
               "the same number: Signet removes the spaces around a number, so a contract number appears twice "
               "in the file.", .line = 21, .column = 23, .value = "IMP-0001 " },
  { "duplicate-code-spaces", .write = write_duplicate_code_spaces, .code = SIGNET_XML_ERROR_INVALID,
    .message = "The client codes “K100” (line 4, column 19) and “ K100\t” (line 8, column 19) are the same code: "
               "Signet removes the spaces around a code, so a client code appears twice in the file.",
    .line = 8, .column = 19, .value = " K100\t" },
  { "number-of-spaces", "number=\"IMP-0001\"", "number=\"  \"", .code = SIGNET_XML_ERROR_INVALID,
    .message = "A contract has no number: its number is only spaces.", .line = 10, .column = 23 },
  { "code-of-spaces", "code=\"K100\"", "code=\" \"", .code = SIGNET_XML_ERROR_INVALID,
    .message = "A client has no code: its code is only spaces.", .line = 4, .column = 19 },
  { "unknown-client", "client=\"K100\"", "client=\"C404\"", .code = SIGNET_XML_ERROR_INVALID,
    .message = "The contract IMP-0001 belongs to the client C404, which is neither in the file nor in the register.",
    .line = 10, .column = 41, .value = "C404" },
  { "invalid-email", "<email>li@example.cn</email>", "<email>li at example.cn</email>",
    .code = SIGNET_XML_ERROR_INVALID, .message = "Client K100: “li at example.cn” is not an email address.",
    .line = 6, .column = 14, .value = "li at example.cn" },
  { "unknown-element", "      <status>", "      <colour>blue</colour>\n      <status>", .code = SIGNET_XML_ERROR_INVALID,
    .message = "Element 'colour': This element is not expected.", .line = 16, .value = "colour" },
  { "text-between-records", "  <contracts>\n", "  <contracts>\n  stray text\n", .code = SIGNET_XML_ERROR_INVALID,
    .message = "Character content other than whitespace is not allowed", .line = 11 },
  { "billion-laughs", .write = write_billion_laughs, .code = SIGNET_XML_ERROR_FORBIDDEN,
    .message = "The file has a document type declaration (<!DOCTYPE …>).", .line = 2, .column = 1 },
  { "external-entity", .write = write_external_entity, .code = SIGNET_XML_ERROR_FORBIDDEN,
    .message = "The file has a document type declaration (<!DOCTYPE …>).", .line = 2 },
  { "external-dtd", .write = write_external_dtd, .code = SIGNET_XML_ERROR_FORBIDDEN,
    .message = "The file has a document type declaration (<!DOCTYPE …>).", .line = 2 },
  { "network-dtd", .write = write_network_dtd, .code = SIGNET_XML_ERROR_FORBIDDEN,
    .message = "The file has a document type declaration", .line = 2 },
  { "parameter-entities", .write = write_parameter_entities, .code = SIGNET_XML_ERROR_FORBIDDEN,
    .message = "The file has a document type declaration (<!DOCTYPE …>).", .line = 2 },
  { "undeclared-entity", .write = write_undeclared_entity, .code = SIGNET_XML_ERROR_FORBIDDEN,
    .message = "The file uses entities, which Signet does not read", .line = 5 },
  { "deep-nesting", .write = write_deep_nesting, .code = SIGNET_XML_ERROR_LIMIT,
    .message = "Elements are nested more than 16 levels deep; a Signet register nests nine.", .line = 5 },
  { "huge-text-node", .write = write_huge_text, .code = SIGNET_XML_ERROR_LIMIT,
    .message = "A text in the file is longer than 1048576 bytes", .line = 6 },
  { "long-field", .write = write_long_field, .code = SIGNET_XML_ERROR_LIMIT,
    .message = "The text of <notes> is longer than 1048576 bytes", .line = 6 },
  { "long-cdata-field", .write = write_long_cdata_field, .code = SIGNET_XML_ERROR_LIMIT,
    .message = "The text of <notes> is longer than 1048576 bytes", .line = 6 },
  { "long-number", .write = write_long_number, .code = SIGNET_XML_ERROR_LIMIT,
    .message = "The attribute “number” of <contract> is 2097160 characters long; Signet reads at most 255 "
               "characters there.", .line = 10, .column = 23, .value = "IMP-0001000000000000000000000000…" },
  { "long-title", .write = write_long_title, .code = SIGNET_XML_ERROR_INVALID,
    .message = "[facet 'maxLength'] The value has a length of '1001'; this exceeds the allowed maximum "
               "length of '1000'.", .line = 11 },
  { "long-code", .write = write_long_code, .code = SIGNET_XML_ERROR_LIMIT,
    .message = "The attribute “code” of <client> is 256 characters long; Signet reads at most 255 characters "
               "there.", .line = 4, .column = 19 },
  { "long-attachment-size", .write = write_attachment_long_size, .code = SIGNET_XML_ERROR_LIMIT,
    .message = "The attribute “size” of <attachment> is 70001 bytes long; Signet reads at most 65536 bytes in "
               "one attribute.", .line = 19, .column = 62 },
  { "long-annotation-author", .write = write_annotation_long_author, .code = SIGNET_XML_ERROR_LIMIT,
    .message = "The attribute “author” of <annotation> is 256 characters long; Signet reads at most 255 "
               "characters there.", .line = 22, .column = 86 },
  { "huge-attribute", .write = write_huge_attribute, .code = SIGNET_XML_ERROR_LIMIT,
    .message = "A tag in the file is longer than 10000000 bytes with its attributes; Signet reads at most 65536 "
               "bytes in one attribute.", .line = 10 },
  { "attachment-sha256-mismatch", .write = write_attachment_bad_sha, .code = SIGNET_XML_ERROR_INVALID,
    .message = "The attachment “hello.txt” is damaged: its SHA-256 checksum is " HELLO_SHA256
               ", not 0000000000000000000000000000000000000000000000000000000000000000 as the file says.",
    .line = 19, .column = 73 },
  { "attachment-broken-base64", .write = write_attachment_bad_base64, .code = SIGNET_XML_ERROR_INVALID,
    .message = "The data of the attachment “hello.txt” is not valid base64 near “*bG8=”.", .line = 20 },
  { "attachment-truncated-base64", .write = write_attachment_short_base64, .code = SIGNET_XML_ERROR_INVALID,
    .message = "The data of the attachment “hello.txt” is not valid base64: its length is not a multiple "
               "of four characters.", .line = 20 },
  { "attachment-size-mismatch", .write = write_attachment_bad_size, .code = SIGNET_XML_ERROR_INVALID,
    .message = "The attachment “hello.txt” should have 6 bytes but its data has 5.", .line = 19, .column = 62 },
  { "earlier-version-sha256-mismatch", .write = write_earlier_version_bad_sha, .code = SIGNET_XML_ERROR_INVALID,
    .message = "Version 1 of the attachment “hello.txt” is damaged: its SHA-256 checksum is " HELLO_SHA256
               ", not " ZERO_SHA256 " as the file says.",
    .line = 21, .column = 80, .value = ZERO_SHA256 },
  { "earlier-version-broken-base64", .write = write_earlier_version_bad_base64, .code = SIGNET_XML_ERROR_INVALID,
    .message = "The data of version 1 of the attachment “hello.txt” is not valid base64 near “!bG8=”.",
    .line = 22, .value = "!bG8=" },
  { "earlier-versions-out-of-order", .write = write_versions_out_of_order, .code = SIGNET_XML_ERROR_INVALID,
    .message = "Version 3 of the attachment “hello.txt” is out of order: earlier versions come in ascending "
               "order, each below the current version, 2.", .line = 21, .column = 155, .value = "3" },
  { "attachment-unknown-role", .write = write_unknown_role, .code = SIGNET_XML_ERROR_INVALID,
    .message = "“contract” is not a role of an attachment. Use one of: signed, draft, amendment, appendix, other.",
    .line = 19, .column = 145, .value = "contract" },
  { "attachment-too-large", .write = write_attachment_too_large, .code = SIGNET_XML_ERROR_LIMIT,
    /* GLib puts a no-break space between a size and its unit. */
    .message = "The attachment “hello.txt” is 250.0\u00a0MB, more than the 200.0\u00a0MB Signet keeps for one file.",
    .line = 19, .column = 62, .value = "250000000" },
  { "attachment-empty", .write = write_attachment_empty, .code = SIGNET_XML_ERROR_INVALID,
    .message = "The attachment “hello.txt” is an empty file; Signet does not keep empty files.",
    .line = 19, .column = 62, .value = "0" },
  { "annotation-unknown-kind", .write = write_annotation_unknown_kind, .code = SIGNET_XML_ERROR_INVALID,
    .message = "“squiggly” is not a kind of annotation. Use one of: highlight, underline, strikeout, note, rectangle.",
    .line = 22, .column = 31, .value = "squiggly" },
  { "annotation-page-zero", .write = write_annotation_page_zero, .code = SIGNET_XML_ERROR_INVALID,
    .message = "“0” is not a page number; pages are counted from 1.", .line = 22, .column = 43, .value = "0" },
  { "annotation-page-text", .write = write_annotation_page_text, .code = SIGNET_XML_ERROR_INVALID,
    .message = "“two” is not a page number; pages are counted from 1.", .line = 22, .column = 43, .value = "two" },
  { "annotation-rects-not-whole", .write = write_annotation_five_numbers, .code = SIGNET_XML_ERROR_INVALID,
    .message = "“72 100 300 112 72” is not a list of rectangles: write four numbers for each, x1 y1 x2 y2, "
               "separated by spaces.", .line = 22, .column = 58, .value = "72 100 300 112 72" },
  { "annotation-rects-not-numbers", .write = write_annotation_words, .code = SIGNET_XML_ERROR_INVALID,
    .message = "“left top right bottom” is not a list of rectangles", .line = 22, .column = 58,
    .value = "left top right bottom" },
  { "annotation-colour-red", .write = write_annotation_red, .code = SIGNET_XML_ERROR_INVALID,
    .message = "“red” is not a color; write it as #rrggbb, for example #ffd400.", .line = 24, .column = 76,
    .value = "red" },
  { "key-date-unknown-kind", .write = write_key_date_unknown_kind, .code = SIGNET_XML_ERROR_INVALID,
    .message = "“deadline” is not a kind of key date. Use one of: milestone, payment, other.",
    .line = 19, .column = 25, .value = "deadline" },
  { "key-date-does-not-exist", .write = write_key_date_impossible, .code = SIGNET_XML_ERROR_INVALID,
    .message = "“2026-02-30” is not a date that exists", .line = 19, .column = 40, .value = "2026-02-30" },
  { "review-in-future", .write = write_review_in_future, .code = SIGNET_XML_ERROR_INVALID,
    .message = "Contract IMP-0001: The review date 2199-01-01 is in the future.", .line = 19, .column = 23,
    .value = "2199-01-01" },
  { "reminder-lead-too-long", .write = write_reminders_too_long, .code = SIGNET_XML_ERROR_INVALID,
    .message = "Contract IMP-0001: “9999” is not a number of days from 0 to 3650.", .line = 18, .column = 29,
    .value = "90 9999" },
  { "far-line-impossible-date", .write = write_far_impossible_date, .code = SIGNET_XML_ERROR_INVALID,
    .message = "“2026-02-30” is not a date that exists", .line = FAR_END_DATE_LINE, .column = 17,
    .value = "2026-02-30" },
  { "far-line-unknown-element", .write = write_far_unknown_element, .code = SIGNET_XML_ERROR_INVALID,
    .message = "Element 'colour': This element is not expected.", .line = FAR_END_DATE_LINE, .column = 7,
    .value = "colour" },
};

static void
write_case (const BadInput *input,
            const char     *path)
{
  if (input->write != NULL)
    {
      input->write (path);
    }
  else
    {
      g_autoptr(GString) text = g_string_new (valid_register);

      g_assert_nonnull (strstr (valid_register, input->from));
      g_string_replace (text, input->from, input->to, 1);
      io_write_file (path, text->str, text->len);
    }
}

/* Everything stored, files included. */
static GBytes *
export_everything (SignetStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_xml_export_to_stream (store, out, NULL, SIGNET_EXPORT_WITH_ATTACHMENTS, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_bad_input (IoFixture     *f,
                gconstpointer  data)
{
  const BadInput *input = data;
  g_autofree char *path = io_fixture_path (f, "bad.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *formatted = NULL;
  SignetImportReport *report = NULL;

  io_fill_sample_register (f->store);
  before = export_everything (f->store);
  write_case (input, path);

  for (guint dry_run = 0; dry_run <= 1; dry_run++)
    {
      SignetImportOptions options = { SIGNET_CONFLICT_UPDATE, dry_run };

      g_clear_error (&error);
      g_assert_false (signet_xml_import (f->store, file, &options, &report, NULL, NULL, NULL, &error));
      g_assert_null (report);
      g_assert_nonnull (error);

      formatted = signet_xml_error_format (error, "bad.xml");
      g_test_message ("%s (value: %s)", formatted, signet_xml_error_get_value (error));
      g_clear_pointer (&formatted, g_free);

      g_assert_error (error, SIGNET_XML_ERROR, (int) input->code);
      g_assert_nonnull (strstr (error->message, input->message));
      if (input->line > 0)
        g_assert_cmpuint (signet_xml_error_get_line (error), ==, input->line);
      if (input->column > 0)
        g_assert_cmpuint (signet_xml_error_get_column (error), ==, input->column);
      if (input->value != NULL)
        g_assert_cmpstr (signet_xml_error_get_value (error), ==, input->value);

      /* Nothing of /etc/passwd may reach the user, or the register. */
      g_assert_null (strstr (error->message, "root:"));
    }

  after = export_everything (f->store);
  io_assert_bytes_equal (before, after);
}

/* The cases differ from a file that imports: each breaks one thing. */
static void
test_valid_register (IoFixture     *f,
                     gconstpointer  data)
{
  g_autofree char *path = io_fixture_path (f, "valid.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetContract) contract = NULL;
  SignetImportOptions options = { SIGNET_CONFLICT_FAIL, FALSE };

  io_fill_sample_register (f->store);
  io_write_file (path, valid_register, -1);
  g_assert_true (signet_xml_import (f->store, file, &options, &report, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->clients_added, ==, 1);
  g_assert_cmpuint (report->contracts_added, ==, 1);

  contract = signet_store_find_contract_by_number (f->store, "IMP-0001", NULL);
  g_assert_cmpstr (signet_contract_get_title (contract), ==, "年度框架");
  g_assert_cmpint (signet_contract_get_value (contract), ==, 123450);
  g_assert_cmpstr (signet_contract_get_client_name (contract), ==, "华信科技");
  g_assert_cmpuint (signet_contract_get_notice_days (contract), ==, 30);
}

/* A good attachment is checked and counted; a dry run stores nothing. */
static void
test_valid_attachment (IoFixture     *f,
                       gconstpointer  data)
{
  g_autofree char *path = io_fixture_path (f, "attachment.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  SignetImportOptions options = { SIGNET_CONFLICT_FAIL, TRUE };

  write_attachment (path, "5", HELLO_SHA256, "aGVs\n          bG8=");
  g_assert_true (signet_xml_import (f->store, file, &options, &report, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->attachments_added, ==, 1);
  g_assert_cmpuint (report->attachments_skipped, ==, 0);
  summary = signet_import_report_describe (report);
  g_assert_nonnull (strstr (summary, "Attachments: 1 new, 0 skipped; annotations: 0 new."));
  g_assert_cmpuint (signet_store_count_contracts (f->store), ==, 0);
}

/* Keys and names of the most characters Signet reads, in Chinese: three
 * bytes each, so the limit is one of characters. */
static void
test_valid_long_keys (IoFixture     *f,
                      gconstpointer  data)
{
  g_autofree char *path = io_fixture_path (f, "long-keys.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) code = g_string_new (NULL);
  g_autoptr(GString) number = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (valid_register);
  g_autoptr(SignetContract) contract = NULL;
  SignetImportOptions options = { SIGNET_CONFLICT_FAIL, FALSE };

  for (guint i = 0; i < 255; i++)
    {
      g_string_append (code, "甲");
      g_string_append (number, "号");
    }
  g_string_replace (text, "K100", code->str, 0);
  g_string_replace (text, "IMP-0001", number->str, 0);
  io_write_file (path, text->str, text->len);

  g_assert_true (signet_xml_import (f->store, file, &options, &report, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  contract = signet_store_find_contract_by_number (f->store, number->str, NULL);
  g_assert_nonnull (contract);
}

static void
write_corpus (const char *dir)
{
  g_autofree char *valid_path = g_build_filename (dir, "valid.xml", NULL);
  g_autofree char *plain_path = g_build_filename (dir, "text-sweep-plain.xml", NULL);
  g_autofree char *mixed_path = g_build_filename (dir, "text-sweep-mixed.xml", NULL);

  g_mkdir_with_parents (dir, 0700);
  io_write_file (valid_path, valid_register, -1);

  /* Every text of the format, plain and spelt with CDATA sections,
   * entities, character references, comments and processing instructions
   * (tests/io/test-xml-text.c). */
  io_write_text_sweep (plain_path, FALSE);
  io_write_text_sweep (mixed_path, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *name = g_strconcat (bad_inputs[i].name, ".xml", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      /* Seeds are for mutation: the multi-megabyte ones only slow it down. */
      if (bad_inputs[i].write == write_huge_text || bad_inputs[i].write == write_long_field ||
          bad_inputs[i].write == write_long_cdata_field || bad_inputs[i].write == write_long_number ||
          bad_inputs[i].write == write_huge_attribute)
        continue;

      write_case (&bad_inputs[i], path);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");

  if (argc == 2 && g_str_has_prefix (argv[1], "--write-corpus="))
    {
      write_corpus (argv[1] + strlen ("--write-corpus="));
      return 0;
    }

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xml/bad-input/valid", IoFixture, NULL, io_fixture_set_up, test_valid_register, io_fixture_tear_down);
  g_test_add ("/xml/bad-input/valid-attachment", IoFixture, NULL, io_fixture_set_up, test_valid_attachment,
              io_fixture_tear_down);
  g_test_add ("/xml/bad-input/valid-long-keys", IoFixture, NULL, io_fixture_set_up, test_valid_long_keys,
              io_fixture_tear_down);

  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *test_path = g_strconcat ("/xml/bad-input/", bad_inputs[i].name, NULL);

      g_test_add (test_path, IoFixture, &bad_inputs[i], io_fixture_set_up, test_bad_input, io_fixture_tear_down);
    }

  return g_test_run ();
}
