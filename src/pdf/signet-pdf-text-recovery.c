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
 * forms, and among the characters most of all from the 1,192 most
 * frequent. French or German text has its accented letters one at a time
 * between ASCII ones, and even where two meet ("öß") they seldom make a
 * common Chinese character; nothing of it is touched. Korean in EUC-KR
 * pairs up as GB2312's first level too, but as Chinese it reads as
 * characters picked at random: a third of them frequent, against nine in
 * ten in Chinese text. */

/* A page is recovered only on this much evidence: at least this many
 * GB2312 pairs, */
#define MIN_PAIRS 2
/* this share of the letters above ASCII in such pairs, */
#define MIN_PAIRED_SHARE 0.9
/* this share of the pairs common characters, */
#define MIN_COMMON_SHARE 0.75
/* and this share of the Chinese characters among them frequent ones. */
#define MIN_FREQUENT_SHARE 0.6

/* A page is unreadable when at least this many characters, and at least
 * half of those that are not spaces, mean nothing. A private-use bullet
 * or two (Symbol fonts) is common in good PDFs. */
#define MIN_MEANINGLESS 4

/* About 1,200 of the most frequent characters of modern Chinese text,
 * which make up some nine tenths of it. */
static const char frequent_hanzi[] =
  "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于"
  "着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还"
  "进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情"
  "明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或"
  "新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员"
  "解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太"
  "量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基"
  "眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交"
  "规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济"
  "车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调"
  "深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越"
  "器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历"
  "首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维"
  "革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧"
  "黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值"
  "仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印"
  "晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财"
  "环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担"
  "州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养"
  "伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央"
  "户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮"
  "露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移"
  "娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶"
  "春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣"
  "择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶"
  "玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌"
  "店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞"
  "努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱"
  "埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁"
  "伸摩盟末乃悲拍丁赵滑哭陷朗哀坡仿瑞掩旗瞧艾秦拔吐虫逼甘唱杯捕峰烧";

#define CJK_FIRST 0x4E00
#define CJK_LAST  0x9FFF

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

/* One bit per character of the CJK Unified Ideographs block. */
static const guint8 *
frequent_hanzi_bits (void)
{
  static guint8 *bits;

  if (g_once_init_enter_pointer (&bits))
    {
      guint8 *made = g_new0 (guint8, (CJK_LAST - CJK_FIRST + 1) / 8 + 1);

      for (const char *p = frequent_hanzi; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          g_assert (c >= CJK_FIRST && c <= CJK_LAST);
          made[(c - CJK_FIRST) / 8] |= 1 << ((c - CJK_FIRST) % 8);
        }

      g_once_init_leave_pointer (&bits, made);
    }

  return bits;
}

static gboolean
is_frequent_hanzi (gunichar c)
{
  return c >= CJK_FIRST && c <= CJK_LAST &&
         (frequent_hanzi_bits ()[(c - CJK_FIRST) / 8] & (1 << ((c - CJK_FIRST) % 8))) != 0;
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

/* The GB2312 pair at @i, or FALSE; *@trail gets its trail byte. */
static gboolean
is_gb2312_pair (const int *bytes,
                guint      n_chars,
                guint      i,
                int       *trail)
{
  return i + 1 < n_chars && is_gb2312_lead (bytes[i]) && (*trail = trail_byte (bytes[i + 1], TRUE)) >= 0;
}

static gboolean
pairs_look_like_gb2312 (const int *bytes,
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

      if (is_gb2312_pair (bytes, n_chars, i, &trail))
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

/* Rows 16 and up of GB2312 are hanzi; at least one, and mostly frequent
 * ones. */
static gboolean
hanzi_look_frequent (GIConv     converter,
                     const int *bytes,
                     guint      n_chars)
{
  g_autoptr(GString) decoded = g_string_new (NULL);
  guint n_hanzi = 0;
  guint n_frequent = 0;

  for (guint i = 0; i < n_chars; i++)
    {
      int trail;

      if (!is_high (bytes[i]) || !is_gb2312_pair (bytes, n_chars, i, &trail))
        continue;

      g_string_truncate (decoded, 0);
      if (bytes[i] >= 0xB0 && decode_pair (converter, bytes[i], trail, decoded))
        {
          n_hanzi++;
          if (is_frequent_hanzi (g_utf8_get_char (decoded->str)))
            n_frequent++;
        }
      i++;
    }

  return n_hanzi > 0 && n_frequent >= MIN_FREQUENT_SHARE * n_hanzi;
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

  if (!pairs_look_like_gb2312 (bytes, (guint) n_chars))
    return NULL;

  /* glibc knows GB18030 (a superset of GBK and GB2312); a C library that
   * does not leaves the text as poppler gave it. */
  converter = g_iconv_open ("UTF-8", "GB18030");
  if (converter == (GIConv) -1)
    return NULL;

  if (!hanzi_look_frequent (converter, bytes, (guint) n_chars))
    {
      g_iconv_close (converter);
      return NULL;
    }

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
