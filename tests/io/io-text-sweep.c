/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "io-test-utils.h"
#include "io-text-sweep.h"

/* The register of io_write_text_sweep(). Plain, each value is escaped as
 * libxml2's writer escapes it, so the file is the one Signet exports. */

typedef struct
{
  GString  *out;
  gboolean  mixed;
} Sweep;

static const char *
entity_of (gunichar c)
{
  switch (c)
    {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return "&apos;";
    default:
      return NULL;
    }
}

static void
append_char (GString  *out,
             gunichar  c)
{
  g_string_append_unichar (out, c);
}

/* As the writer escapes text: the markup characters and double quotes,
 * and a carriage return, which a reader would otherwise turn into a line
 * feed. */
static void
append_plain_text_char (GString  *out,
                        gunichar  c)
{
  if (c == '&' || c == '<' || c == '>' || c == '"')
    g_string_append (out, entity_of (c));
  else if (c == '\r')
    g_string_append (out, "&#13;");
  else
    append_char (out, c);
}

/* As the writer escapes an attribute: also quotes, and the white space a
 * reader would otherwise turn into spaces. */
static void
append_plain_attribute_char (GString  *out,
                             gunichar  c)
{
  if (c == '&' || c == '<' || c == '>' || c == '"')
    g_string_append (out, entity_of (c));
  else if (c == '\r' || c == '\n' || c == '\t')
    g_string_append_printf (out, "&#%u;", c);
  else
    append_char (out, c);
}

/* Each character of @value its own way, in turn: in a CDATA section,
 * after a comment, as a hexadecimal reference, plain, as a decimal
 * reference, and as an entity or after a processing instruction. */
static void
append_text (Sweep      *s,
             const char *value)
{
  guint i = 0;

  if (!s->mixed)
    {
      for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
        append_plain_text_char (s->out, g_utf8_get_char (p));
      return;
    }

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);

      /* In a CDATA section or plain, a reader turns it into a line feed. */
      if (c == '\r')
        {
          g_string_append (s->out, "&#xD;");
          continue;
        }

      switch (i % 6)
        {
        case 0:
          g_string_append (s->out, "<![CDATA[");
          append_char (s->out, c);
          g_string_append (s->out, "]]>");
          break;
        case 1:
          g_string_append (s->out, "<!-- 注释 & <b> -->");
          append_plain_text_char (s->out, c);
          break;
        case 2:
          g_string_append_printf (s->out, "&#x%X;", c);
          break;
        case 3:
          append_plain_text_char (s->out, c);
          break;
        case 4:
          g_string_append_printf (s->out, "&#%u;", c);
          break;
        default:
          if (entity_of (c) != NULL)
            g_string_append (s->out, entity_of (c));
          else
            {
              g_string_append (s->out, "<?signet-sweep ignore me?>");
              append_plain_text_char (s->out, c);
            }
          break;
        }
    }
}

static void
append_attribute (Sweep      *s,
                  const char *name,
                  const char *value)
{
  guint i = 0;

  g_string_append_printf (s->out, " %s=\"", name);

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);

      if (!s->mixed)
        append_plain_attribute_char (s->out, c);
      else if (i % 4 == 0)
        g_string_append_printf (s->out, "&#x%x;", c);
      else if (i % 4 == 1)
        g_string_append_printf (s->out, "&#%u;", c);
      else if (i % 4 == 2 && entity_of (c) != NULL)
        g_string_append (s->out, entity_of (c));
      else
        append_plain_attribute_char (s->out, c);
    }

  g_string_append_c (s->out, '"');
}

static void
indent (Sweep *s,
        guint  level)
{
  for (guint i = 0; i < level; i++)
    g_string_append (s->out, "  ");
}

static void
element (Sweep      *s,
         guint       level,
         const char *name,
         const char *value)
{
  indent (s, level);
  g_string_append_printf (s->out, "<%s>", name);
  append_text (s, value);
  g_string_append_printf (s->out, "</%s>\n", name);
}

/* <@name and its attributes, given as name, value pairs up to NULL. */
static void
start_tag (Sweep      *s,
           guint       level,
           const char *name,
           ...) G_GNUC_NULL_TERMINATED;

static void
start_tag (Sweep      *s,
           guint       level,
           const char *name,
           ...)
{
  va_list args;

  indent (s, level);
  g_string_append_printf (s->out, "<%s", name);

  va_start (args, name);
  for (const char *attribute = va_arg (args, const char *); attribute != NULL;
       attribute = va_arg (args, const char *))
    append_attribute (s, attribute, va_arg (args, const char *));
  va_end (args);
}

static void
end_start_tag (Sweep *s)
{
  g_string_append (s->out, ">\n");
}

static void
end_element (Sweep      *s,
             guint       level,
             const char *name)
{
  indent (s, level);
  g_string_append_printf (s->out, "</%s>\n", name);
}

#define CLIENT_CODE "K&<甲>\"1\" 'x'"

static void
write_people_and_types (Sweep *s)
{
  g_string_append (s->out, "  <people>\n");
  start_tag (s, 2, "person", "name", "张伟 'Zhang'", NULL);
  end_start_tag (s);
  element (s, 3, "department", "行政部 & IT");
  element (s, 3, "role", "合同 <管理员> \"A\"");
  element (s, 3, "email", "zhang.wei+ht@example.cn");
  end_element (s, 2, "person");
  g_string_append (s->out, "  </people>\n  <contract-types>\n");
  start_tag (s, 2, "contract-type", "name", "租赁 <A&B>", NULL);
  end_start_tag (s);
  element (s, 3, "currency", "CNY");
  element (s, 3, "department", "行政部 & \"IT\"");
  element (s, 3, "risk-level", "high");
  element (s, 3, "notice-days", "90");
  element (s, 3, "auto-renew", "true");
  element (s, 3, "term-months", "24");
  element (s, 3, "review-months", "6");
  start_tag (s, 3, "key-date-offset", "kind", "payment", "days", "15", NULL);
  end_start_tag (s);
  element (s, 4, "title", "首期 & <租金>");
  end_element (s, 3, "key-date-offset");
  element (s, 3, "clause", "押金 & <条款> 'A'");
  end_element (s, 2, "contract-type");
  g_string_append (s->out, "  </contract-types>\n");
}

static void
write_client (Sweep *s)
{
  start_tag (s, 2, "client", "code", CLIENT_CODE, NULL);
  end_start_tag (s);
  element (s, 3, "name", "华信 & \"科技\" <总部> 'HQ'");
  element (s, 3, "contact", "李 'Li' 娜");
  element (s, 3, "phone", "+86 (21) 6288-1234 转 <8>");
  element (s, 3, "email", "li.na+ht@example.cn");
  element (s, 3, "address", "上海市浦东新区\n张杨路 1588 号 <18 楼> & 东");
  element (s, 3, "notes", "  before X after ]] > \r\n第二行\t& <备注> \"引号\" 'single'  ");
  end_element (s, 2, "client");
}

static void
write_annotation (Sweep      *s,
                  guint       level,
                  const char *kind,
                  const char *comment)
{
  start_tag (s, level, "annotation",
             "kind", kind,
             "page", "12",
             "rects", "72 100.5 300 112.25 72 114 250 126",
             "color", "#ffd400",
             "author", "张 & \"Li\" <Na>\t'x'",
             "created-at", "2025-12-21T02:20:31.004Z",
             "modified-at", "2025-12-22T08:01:45.930Z",
             NULL);
  end_start_tag (s);
  element (s, level + 1, "comment", comment);
  end_element (s, level, "annotation");
}

static void
write_attachment (Sweep *s)
{
  g_autofree char *hello = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "hello", -1);
  g_autofree char *world = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "world!", -1);

  indent (s, 3);
  g_string_append (s->out, "<attachments>\n");
  start_tag (s, 4, "attachment",
             "name", "合同 & \"附件\" <1>.txt",
             "type", "text/plain",
             "size", "5",
             "sha256", hello,
             "role", "signed",
             "version", "2",
             "added-at", "2025-12-21T02:14:09.512Z",
             "added-by", "王 & <芳>",
             NULL);
  end_start_tag (s);
  element (s, 5, "description", "双方盖章版 & <原件>\n在档案室 'A-12'");
  element (s, 5, "data", "aGVsbG8=");
  indent (s, 5);
  g_string_append (s->out, "<annotations>\n");
  write_annotation (s, 6, "highlight", "押金条款 & <法务> \"确认\"");
  end_element (s, 5, "annotations");
  start_tag (s, 5, "earlier-version",
             "name", "draft <0>.txt",
             "type", "text/plain",
             "size", "6",
             "sha256", world,
             "version", "1",
             "added-at", "2025-12-01T06:30:00.000Z",
             "added-by", "Li \"Na\"",
             NULL);
  end_start_tag (s);
  element (s, 6, "data", "d29ybGQh");
  indent (s, 6);
  g_string_append (s->out, "<annotations>\n");
  write_annotation (s, 7, "note", "旧版 'note'\n第二行");
  end_element (s, 6, "annotations");
  end_element (s, 5, "earlier-version");
  end_element (s, 4, "attachment");
  end_element (s, 3, "attachments");
}

static void
write_contract (Sweep *s)
{
  g_autofree char *hello = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "hello", -1);

  start_tag (s, 2, "contract", "number", "HT/2026 <1> & \"中\" 'x'", "client", CLIENT_CODE,
             "uuid", "92e86557-87e9-4e11-83bd-2aa5c7de3350", NULL);
  end_start_tag (s);
  element (s, 3, "title", "租赁 & <维护> \"合同\"");
  element (s, 3, "type", "租赁 <A&B>");
  element (s, 3, "owner", "张伟 'Zhang'");
  element (s, 3, "department", "行政部 & IT");
  start_tag (s, 3, "value", "currency", "CNY", NULL);
  g_string_append_c (s->out, '>');
  append_text (s, "1234.56");
  g_string_append (s->out, "</value>\n");
  element (s, 3, "signing-date", "2025-12-20");
  element (s, 3, "their-signing-date", "2025-12-22");
  element (s, 3, "start-date", "2026-01-01");
  element (s, 3, "end-date", "2028-02-29");
  element (s, 3, "auto-renew", "true");
  element (s, 3, "notice-days", "90");
  /* What a signed contract exports as: active is shown, not stored. */
  element (s, 3, "status", "signed");
  element (s, 3, "risk-level", "medium");
  element (s, 3, "tags", "租赁, <年度> & IT");
  element (s, 3, "notes", "押金三个月。\n第二行 & <备注>\r\n\t\"结束\"  ");
  write_attachment (s);

  indent (s, 3);
  g_string_append (s->out, "<reviews>\n");
  start_tag (s, 4, "review", "date", "2025-06-30", "reviewer", "王 & <芳> \"F\"", NULL);
  end_start_tag (s);
  element (s, 5, "note", "条款无异议 & <OK>\n'第二行'");
  end_element (s, 4, "review");
  end_element (s, 3, "reviews");

  start_tag (s, 3, "reminders", "end-leads", "120 60 30", "notice-leads", "30 7", "review-leads", "", NULL);
  g_string_append (s->out, "/>\n");

  indent (s, 3);
  g_string_append (s->out, "<process>\n");
  start_tag (s, 4, "step", "action", "approve", "from", "in-review", "to", "approved",
             "at", "2025-12-18T08:00:00.000Z", "recorded-by", "王 & <芳> \"R\"", "decided-by", "张 'Z' & <总>", NULL);
  end_start_tag (s);
  element (s, 5, "comment", "同意 & <签署>\n'第二行' \"OK\"");
  end_element (s, 4, "step");
  start_tag (s, 4, "step", "action", "mark-signed", "from", "approved", "to", "signed",
             "at", "2025-12-22T09:30:00.000Z", "recorded-by", "Li \"Na\"",
             "our-signing-date", "2025-12-20", "their-signing-date", "2025-12-22", NULL);
  g_string_append (s->out, "/>\n");
  end_element (s, 3, "process");

  indent (s, 3);
  g_string_append (s->out, "<notice-decisions>\n");
  start_tag (s, 4, "decision", "deadline", "2027-12-01", "term-end", "2028-02-29", "choice", "let-expire",
             "at", "2027-11-20T10:00:00.000Z", "recorded-by", "王 & <芳> \"R\"", "decided-by", "总 'Z' & <经理>", NULL);
  end_start_tag (s);
  element (s, 5, "comment", "不再续约 & <说明>\n'第二行' \"OK\"");
  end_element (s, 4, "decision");
  end_element (s, 3, "notice-decisions");

  indent (s, 3);
  g_string_append (s->out, "<amendments>\n");
  start_tag (s, 4, "amendment", "number", "HT/2026 <1>-A1 & 'x'", "uuid", "5b0c7a3e-2f1d-4c6b-9e8a-7d6c5b4a3f21",
             "effective-date", "2026-07-01", "signing-date", "2026-06-20", "attachment", hello, NULL);
  end_start_tag (s);
  element (s, 5, "reason", "价格 & <调整> \"3%\"\n'第二行'");
  start_tag (s, 5, "value", "currency", "CNY", NULL);
  g_string_append_c (s->out, '>');
  append_text (s, "1300.00");
  g_string_append (s->out, "</value>\n");
  element (s, 5, "end-date", "2028-12-31");
  start_tag (s, 5, "notice", "days", "60", "auto-renew", "false", NULL);
  g_string_append (s->out, "/>\n");
  element (s, 5, "title", "租赁 & <维护> \"续\"");
  element (s, 5, "other-terms", "押金 <两个月> & 'x'\n第二行");
  end_element (s, 4, "amendment");
  end_element (s, 3, "amendments");

  /* A payment key date of a file before planned payments comes in as
   * one, and exports as one. */
  indent (s, 3);
  g_string_append (s->out, "<payments>\n");
  start_tag (s, 4, "payment", "uuid", "d41de449-752a-4fb1-86da-7e63dd395083", "direction", "receivable",
             "due", "2026-01-15", NULL);
  end_start_tag (s);
  element (s, 5, "title", "首期 & <租金>");
  element (s, 5, "note", "三个月押金 \"同期\" 支付。\n'第二行'");
  end_element (s, 4, "payment");
  end_element (s, 3, "payments");
  end_element (s, 2, "contract");
}

void
io_write_text_sweep (const char *path,
                     gboolean    mixed)
{
  g_autoptr(GString) out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  Sweep s = { out, mixed };

  g_string_append (out, "<register");
  append_attribute (&s, "xmlns", "https://signetapp.github.io/ns/register/1");
  append_attribute (&s, "version", "1");
  g_string_append (out, ">\n");
  write_people_and_types (&s);
  g_string_append (out, "  <clients>\n");
  write_client (&s);
  g_string_append (out, "  </clients>\n  <contracts>\n");
  write_contract (&s);
  g_string_append (out, "  </contracts>\n</register>\n");

  io_write_file (path, out->str, out->len);
}
