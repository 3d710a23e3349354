/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-amendment.h"
#include "signet-approval.h"
#include "signet-contract-process.h"
#include "signet-contract-type.h"
#include "signet-date.h"
#include "signet-demo.h"
#include "signet-demo-private.h"
#include "signet-key-dates.h"
#include "signet-money.h"
#include "signet-store-amendments.h"
#include "signet-store-approvals.h"
#include "signet-store-events.h"
#include "signet-store-people.h"
#include "signet-store-process.h"
#include "signet-store-renewals.h"
#include "signet-store-types.h"

/* The sample register belongs to a company that works with Chinese and
 * international clients, so its records are in both languages whatever the
 * locale: they are data, like what a user types, and are not translated. */

typedef struct
{
  const char *name;
  const char *contact;
  const char *phone;
  const char *email;
  const char *address;
  const char *notes;
  guint       currency;       /* index into currencies[] */
  gboolean    chinese;
} DemoClient;

typedef struct
{
  const char *title;
  const char *subjects[4];    /* NULL-terminated; may be empty */
  const char *contract_type;
  const char *department;
  const char *tags;
  guint       min_value;      /* major units; 0 and 0 for no value */
  guint       max_value;
  guint       term_months;
  gboolean    renewable;      /* services and subscriptions renew by themselves */
} ContractTemplate;

/* Everything random about one contract, decided before any is written so
 * that the numbers can follow the order the contracts were entered in. */
typedef struct
{
  guint    index;             /* planning order, keeps sorting stable */
  guint32  created;           /* Julian day the contract was entered */
  guint32  signing;           /* Julian days; 0 for none */
  guint32  start;
  guint32  end;
  guint    client;            /* index into the client ids */
  gint64   value;             /* minor units */
  guint16  notice_days;
  guint8   template_index;
  gint8    subject;           /* -1 for none */
  gint8    note;              /* -1 for none, 0 the status note, n > 0 general note n - 1 */
  guint8   chinese;
  guint8   owner;
  guint8   status;
  guint8   risk;
  guint8   currency;
  guint8   auto_renew;
  guint8   walk;              /* a Walk: how it reaches its status */
} ContractPlan;

/* How a contract of the demo reaches its status: written with it, or, so
 * that a newcomer sees the process, added as a draft and taken through its
 * steps (WALK_PROCESS), or through the steps of its approval route once
 * the routes are set (WALK_ROUTE), or signed and then terminated
 * (WALK_TERMINATE). */
typedef enum
{
  WALK_NONE,
  WALK_PROCESS,
  WALK_TERMINATE,
  WALK_ROUTE,
} Walk;

/* The seed of signet_demo_fill(): the demo register only changes with the day. */
#define DEMO_SEED 20240601u
#define DEMO_N_CONTRACTS 96
/* A well-kept office has recorded most reviews; a handful came due in the
 * last weeks and wait for someone. */
#define DEMO_MAX_OVERDUE_REVIEWS 5
#define DEMO_OVERDUE_WITHIN_DAYS 40

static const char * const currencies[] = { "CNY", "USD", "EUR" };

static const DemoClient demo_clients[] = {
  { "上海华东建设工程有限公司", "王建国", "+86 21 6288 1234", "wangjg@huadong-build.example",
    "上海市浦东新区张杨路 1588 号 18 楼", "年度框架客户，工程类合同需总经理审批。", 0, TRUE },
  { "北京云启科技有限公司", "刘洋", "+86 10 8266 7788", "liuyang@yunqi-tech.example",
    "北京市海淀区中关村大街 27 号中关村大厦 9 层", NULL, 0, TRUE },
  { "深圳前海物流有限公司", "陈晓东", "+86 755 8633 2100", "chenxd@qianhai-logistics.example",
    "深圳市前海深港合作区前湾一路 35 号", "跨境运输合同以美元结算。", 0, TRUE },
  { "广州南方医药贸易有限公司", "黄丽", "+86 20 3862 5511", "huangli@nanfang-pharma.example",
    "广州市天河区天河路 385 号太古汇一座 21 楼", NULL, 0, TRUE },
  { "杭州西湖数据服务有限公司", "周敏", "+86 571 8796 3320", "zhoumin@xihu-data.example",
    "杭州市西湖区文三路 478 号华星时代广场 A 座", "数据处理须符合《个人信息保护法》。", 0, TRUE },
  { "成都天府餐饮管理有限公司", "李强", "+86 28 8553 9012", "liqiang@tianfu-catering.example",
    "成都市高新区天府大道北段 1700 号", NULL, 0, TRUE },
  { "苏州工业园区精密制造有限公司", "吴磊", "+86 512 6761 4455", "wulei@sip-precision.example",
    "苏州工业园区星湖街 328 号", "重点供应商，每季度考核交付。", 0, TRUE },
  { "武汉长江能源集团有限公司", "赵静", "+86 27 8577 6600", "zhaojing@changjiang-energy.example",
    "武汉市江汉区建设大道 568 号", NULL, 0, TRUE },
  { "南京金陵文化传媒有限公司", "孙悦", "+86 25 8468 2390", "sunyue@jinling-media.example",
    "南京市鼓楼区中山北路 2 号紫峰大厦 35 层", NULL, 0, TRUE },
  { "天津滨海港口服务有限公司", "马超", "+86 22 6570 1188", "machao@binhai-port.example",
    "天津市滨海新区新港二号路 35 号", NULL, 0, TRUE },
  { "重庆山城汽车零部件有限公司", "郑海", "+86 23 6386 7702", "zhenghai@shancheng-auto.example",
    "重庆市渝北区金开大道 68 号", "付款周期 60 天。", 0, TRUE },
  { "Northwind Traders Ltd", "Margaret Peacock", "+44 20 7946 0321", "m.peacock@northwind.example",
    "12 Bishopsgate, London EC2N 4AJ, United Kingdom", "Invoices in USD by agreement.", 1, FALSE },
  { "Contoso GmbH", "Jonas Weber", "+49 89 2180 4410", "jonas.weber@contoso.example",
    "Leopoldstraße 112, 80802 München, Germany", "Requires a data processing addendum with every service contract.", 2, FALSE },
  { "Fabrikam Inc.", "Daniel Brooks", "+1 206 555 0147", "dbrooks@fabrikam.example",
    "500 Pine Street, Seattle, WA 98101, USA", NULL, 1, FALSE },
  { "Adventure Works Cycles", "Laura Chen", "+1 425 555 0192", "laura.chen@adventure-works.example",
    "1 Microsoft Way, Redmond, WA 98052, USA", NULL, 1, FALSE },
  { "Tailspin Toys Ltd", "Oliver Grant", "+44 161 496 0734", "oliver.grant@tailspintoys.example",
    "45 Deansgate, Manchester M3 2AY, United Kingdom", NULL, 1, FALSE },
  { "Wide World Importers", "Sofia Alvarez", "+1 312 555 0110", "s.alvarez@wideworldimporters.example",
    "233 South Wacker Drive, Chicago, IL 60606, USA", "Key account since 2019.", 1, FALSE },
  { "Litware SAS", "Camille Martin", "+33 1 70 36 12 45", "camille.martin@litware.example",
    "18 rue de la Paix, 75002 Paris, France", NULL, 2, FALSE },
  { "Woodgrove Bank N.V.", "Pieter de Vries", "+31 20 794 5521", "p.devries@woodgrovebank.example",
    "Gustav Mahlerplein 2, 1082 MA Amsterdam, Netherlands", "Vendor due diligence renewed every year.", 2, FALSE },
  { "Proseware Pte. Ltd.", "Rachel Tan", "+65 6123 4567", "rachel.tan@proseware.example",
    "8 Marina View, Singapore 018960", NULL, 1, FALSE },
};

static const ContractTemplate chinese_templates[] = {
  { "软件许可协议", { "ERP 系统", "办公套件", "设计软件", NULL }, "软件许可", "信息技术部", "IT, 软件",
    50000, 600000, 12, TRUE },
  { "办公场地租赁合同", { "浦东办公室", "研发中心", "华南分部", NULL }, "租赁", "行政部", "租赁, 办公",
    240000, 2400000, 36, FALSE },
  { "年度维保服务合同", { "机房设备", "空调系统", "电梯", NULL }, "维保服务", "行政部", "维保, 年度框架",
    30000, 300000, 12, TRUE },
  { "原材料采购框架协议", { "钢材", "包装材料", "电子元器件", NULL }, "采购", "采购部", "采购, 年度框架",
    500000, 5000000, 12, TRUE },
  { "物流运输服务合同", { "华东线路", "冷链配送", "跨境运输", NULL }, "物流服务", "采购部", "物流",
    100000, 1200000, 24, TRUE },
  { "保密协议", { NULL }, "保密协议", "法务部", "保密, NDA",
    0, 0, 24, FALSE },
  { "技术开发合同", { "移动应用", "数据平台", "智能仓储系统", NULL }, "技术开发", "信息技术部", "研发",
    300000, 3000000, 18, FALSE },
  { "设备采购合同", { "服务器", "生产线设备", "办公电脑", NULL }, "采购", "采购部", "设备, 固定资产",
    100000, 2000000, 12, FALSE },
  { "广告宣传服务合同", { "线上推广", "展会", NULL }, "市场服务", "市场部", "市场, 广告",
    50000, 800000, 12, FALSE },
  { "云服务订阅协议", { "对象存储", "数据库服务", NULL }, "订阅服务", "信息技术部", "云服务, SaaS",
    60000, 600000, 12, TRUE },
  { "工程施工合同", { "厂房扩建", "办公楼装修", NULL }, "工程", "行政部", "工程, 施工",
    1000000, 20000000, 18, FALSE },
  { "财务咨询服务协议", { "税务筹划", "审计准备", NULL }, "咨询", "财务部", "咨询, 财务",
    80000, 500000, 6, FALSE },
  { "销售代理协议", { "华北区域", "西南区域", NULL }, "代理", "销售部", "销售, 渠道",
    200000, 3000000, 24, TRUE },
};

static const ContractTemplate english_templates[] = {
  { "Master Services Agreement", { NULL }, "Services", "Sales", "MSA, framework",
    100000, 2000000, 36, TRUE },
  { "Data Processing Addendum", { NULL }, "Data protection", "Legal", "GDPR, privacy",
    0, 0, 36, FALSE },
  { "Software License Agreement", { "ERP Platform", "Design Suite", "Analytics", NULL }, "License", "IT", "software",
    20000, 400000, 12, TRUE },
  { "Non-Disclosure Agreement", { NULL }, "NDA", "Legal", "NDA",
    0, 0, 24, FALSE },
  { "Distribution Agreement", { "EMEA", "North America", "APAC", NULL }, "Distribution", "Sales", "distribution, channel",
    200000, 3000000, 24, TRUE },
  { "Supply Agreement", { "Packaging", "Electronic Components", NULL }, "Supply", "Procurement", "supply chain",
    300000, 4000000, 12, TRUE },
  { "Statement of Work", { "Website Relaunch", "Data Migration", "Security Audit", NULL }, "Services", "Operations", "SOW, project",
    30000, 400000, 6, FALSE },
  { "Cloud Hosting Agreement", { NULL }, "Subscription", "IT", "cloud, SaaS",
    40000, 500000, 12, TRUE },
  { "Consulting Agreement", { "Tax Advisory", "Transfer Pricing", NULL }, "Consulting", "Finance", "advisory",
    50000, 300000, 6, FALSE },
  { "Equipment Lease", { "Forklifts", "Office Printers", NULL }, "Lease", "Operations", "lease, equipment",
    60000, 700000, 36, TRUE },
  { "Support and Maintenance Agreement", { NULL }, "Services", "IT", "support, maintenance",
    20000, 200000, 12, TRUE },
};

static const char * const chinese_owners[] = { "张伟", "李娜", "王芳", "陈静", "杨帆", "赵磊" };
static const char * const english_owners[] = { "Emma Schmidt", "James Miller", "Sarah Johnson", "Lukas Becker", "Olivia Brown" };

/* Indexed by SignetContractStatus. */
static const char * const chinese_status_notes[] = {
  "初稿已发对方，等待反馈。",
  "法务部正在审核违约责任条款。",
  "已获总经理审批，待安排签署。",
  "双方已盖章，待开始日期生效。",
  "按月对账，验收后 30 日内付款。",
  "已到期，未续约，押金已退还。",
  "已续约一期，价格上调 3%。",
  "因对方经营调整，双方协商提前终止，尾款已结清。",
};

static const char * const english_status_notes[] = {
  "First draft sent to the client for comments.",
  "Legal is reviewing the indemnity clause.",
  "Approved by the CFO; signature pending.",
  "Countersigned copy received; starts on the start date.",
  "Invoiced monthly; payment net 30 after acceptance.",
  "Expired without renewal; data returned to the client.",
  "Renewed for another term at a 3% uplift.",
  "Terminated early by mutual agreement; final invoice settled.",
};

static const char * const chinese_notes[] = {
  "纸质原件存放于档案室 A-03 柜。",
  "对方要求增加违约金上限条款，已同意。",
  "含两次免费现场培训。",
  "续约前需重新询价。",
};

/* The second of each says the payments are on time. */
#define DEMO_PAYMENTS_REVIEW_NOTE 1

static const char * const chinese_review_notes[] = {
  "条款与履约情况已核对，无异常。",
  "付款按期，无争议。",
  "对方联系人已变更，已更新客户信息。",
};

static const char * const english_review_notes[] = {
  "Terms and performance checked; no issues.",
  "Payments on time; no disputes.",
  "New contact at the client; client details updated.",
};

static const char * const english_notes[] = {
  "Original filed in cabinet B-12.",
  "Liability cap set at 12 months of fees.",
  "Counterparty asked for a change-of-control clause.",
  "Price review due before renewal.",
};

/* Parts of the names signet_demo_generate() makes up. */
static const char * const chinese_cities[] = {
  "上海", "北京", "深圳", "广州", "杭州", "成都", "苏州", "武汉",
  "南京", "天津", "重庆", "西安", "青岛", "厦门", "长沙", "宁波",
};
static const char * const chinese_brands[] = {
  "华东", "云启", "前海", "南方", "西湖", "天府", "金陵", "长江",
  "恒信", "博远", "瑞丰", "鼎盛", "星辰", "汇通", "中联", "新禾",
};
static const char * const chinese_trades[] = {
  "科技", "物流", "建设工程", "医药贸易", "数据服务", "餐饮管理", "精密制造", "能源",
  "文化传媒", "港口服务", "汽车零部件", "电子", "环保", "金融信息", "农业发展", "供应链管理",
};
static const char * const english_brands[] = {
  "Northwind", "Contoso", "Fabrikam", "Adventure", "Tailspin", "Litware", "Woodgrove", "Proseware",
  "Blue Yonder", "Coho", "Alpine", "Lucerne", "Margie's", "Trey", "Wingtip", "Humongous",
};
static const char * const english_trades[] = {
  "Traders", "Systems", "Logistics", "Works", "Labs", "Foods", "Energy", "Media",
  "Holdings", "Partners", "Software", "Motors", "Health", "Capital", "Textiles", "Airlines",
};
static const char * const english_suffixes[] = {
  "Ltd", "GmbH", "Inc.", "LLC", "S.A.", "B.V.", "Pte. Ltd.", "plc",
};
static const char * const chinese_surnames[] = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴" };
static const char * const chinese_given_names[] = { "伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "涛", "明" };
static const char * const english_first_names[] = { "Anna", "Ben", "Clara", "David", "Eva", "Frank", "Grace", "Henry", "Isla", "Jack" };
static const char * const english_last_names[] = { "Smith", "Müller", "Dubois", "Rossi", "Jansen", "Brown", "Novak", "Keller", "Walsh", "Berg" };

static const ContractTemplate *
get_template (gboolean chinese,
              guint    index)
{
  return chinese ? &chinese_templates[index] : &english_templates[index];
}

static guint
count_templates (gboolean chinese)
{
  return chinese ? G_N_ELEMENTS (chinese_templates) : G_N_ELEMENTS (english_templates);
}

static guint
count_subjects (const ContractTemplate *template)
{
  guint n = 0;

  while (n < G_N_ELEMENTS (template->subjects) && template->subjects[n] != NULL)
    n++;

  return n;
}

static guint
pick (GRand *rand,
      guint  n)
{
  return g_rand_int_range (rand, 0, n);
}

/* A number in [@low, @high]. */
static guint
pick_between (GRand *rand,
              guint  low,
              guint  high)
{
  return g_rand_int_range (rand, low, high + 1);
}

static guint32
shift_months (guint32 julian,
              int     months)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  signet_date_add_months (&date, months);

  return g_date_get_julian (&date);
}

/* The last day of a term of @months that starts on @start. */
static guint32
term_end (guint32 start,
          guint   months)
{
  return shift_months (start, months) - 1;
}

/* The first day of the shortest run of whole terms that ends on @end and
 * started no later than @latest_start. */
static guint32
term_start_before (guint32 end,
                   guint   months,
                   guint   min_terms,
                   guint32 latest_start)
{
  guint32 start;
  guint n_terms = min_terms;

  do
    start = shift_months (end + 1, -(int) (months * n_terms++));
  while (start > latest_start);

  return start;
}

static char *
julian_to_iso (guint32 julian)
{
  GDate date;

  if (julian == 0)
    return NULL;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);

  return signet_date_to_iso (&date);
}

static guint
get_year (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);

  return g_date_get_year (&date);
}

/* The store's today: the real one, unless a test fixed it. */
static guint32
get_today (SignetStore *store)
{
  g_autofree char *iso = signet_store_dup_today (store);
  GDate today;

  if (!signet_date_parse (iso, &today))
    g_assert_not_reached ();

  return g_date_get_julian (&today);
}

/* Dates that fit the status: nothing is signed before approval, running
 * contracts started in the past, expired ones ended there. @ends_soon puts
 * the end of a running contract within the next 90 days. */
static void
plan_dates (ContractPlan *plan,
            GRand        *rand,
            guint32       today,
            guint         term_months,
            gboolean      ends_soon)
{
  switch ((SignetContractStatus) plan->status)
    {
    case SIGNET_CONTRACT_STATUS_DRAFT:
    case SIGNET_CONTRACT_STATUS_IN_REVIEW:
    case SIGNET_CONTRACT_STATUS_APPROVED:
      plan->start = today + pick_between (rand, 14, 120);
      plan->end = term_end (plan->start, term_months);
      plan->created = today - pick_between (rand, 0, 60);
      return;

    case SIGNET_CONTRACT_STATUS_SIGNED:
      plan->signing = today - pick_between (rand, 1, 25);
      plan->start = today + pick_between (rand, 3, 45);
      plan->end = term_end (plan->start, term_months);
      break;

    case SIGNET_CONTRACT_STATUS_ACTIVE:
    case SIGNET_CONTRACT_STATUS_RENEWED:
      plan->end = today + (ends_soon ? pick_between (rand, 3, 88) : pick_between (rand, 95, 540));
      /* A renewed contract keeps its first start date: at least two terms. */
      plan->start = term_start_before (plan->end, term_months,
                                       plan->status == SIGNET_CONTRACT_STATUS_RENEWED ? 2 : 1, today);
      plan->signing = plan->start - pick_between (rand, 5, 40);
      break;

    case SIGNET_CONTRACT_STATUS_EXPIRED:
      plan->end = today - pick_between (rand, 1, 400);
      plan->start = term_start_before (plan->end, term_months, 1, plan->end);
      plan->signing = plan->start - pick_between (rand, 5, 40);
      break;

    case SIGNET_CONTRACT_STATUS_TERMINATED:
      /* Ended early: the end date is the one the contract would have had. */
      plan->end = today + pick_between (rand, 20, 400);
      plan->start = term_start_before (plan->end, term_months, 1, today - 90);
      plan->signing = plan->start - pick_between (rand, 5, 40);
      break;

    default:
      g_assert_not_reached ();
    }

  plan->created = plan->signing - pick_between (rand, 7, 45);
}

/* Everything but the client and the status, which the callers choose. */
static void
plan_contract (ContractPlan *plan,
               GRand        *rand,
               guint32       today,
               gboolean      ends_soon)
{
  const ContractTemplate *template;
  guint n_subjects;
  guint percent;

  plan->template_index = pick (rand, count_templates (plan->chinese));
  template = get_template (plan->chinese, plan->template_index);

  n_subjects = count_subjects (template);
  plan->subject = n_subjects > 0 && pick (rand, 3) > 0 ? (gint8) pick (rand, n_subjects) : -1;

  /* People mostly own contracts in their own language, not always. */
  if (pick (rand, 5) > 0)
    plan->owner = plan->chinese ? pick (rand, G_N_ELEMENTS (chinese_owners))
                                : G_N_ELEMENTS (chinese_owners) + pick (rand, G_N_ELEMENTS (english_owners));
  else
    plan->owner = pick (rand, G_N_ELEMENTS (chinese_owners) + G_N_ELEMENTS (english_owners));

  if (template->max_value > 0)
    {
      guint thousands = pick_between (rand, template->min_value / 1000, template->max_value / 1000);
      guint exponent = signet_currency_get_exponent (currencies[plan->currency]);
      gint64 minor = (gint64) thousands * 1000;

      for (guint i = 0; i < exponent; i++)
        minor *= 10;
      plan->value = minor;
    }

  percent = pick (rand, 100);
  plan->risk = percent < 55 ? SIGNET_RISK_LEVEL_LOW
             : percent < 85 ? SIGNET_RISK_LEVEL_MEDIUM
             : SIGNET_RISK_LEVEL_HIGH;
  if (plan->status == SIGNET_CONTRACT_STATUS_TERMINATED && plan->risk == SIGNET_RISK_LEVEL_LOW)
    plan->risk = SIGNET_RISK_LEVEL_MEDIUM;

  /* Contracts that have ended no longer renew by themselves. */
  if (template->renewable && pick (rand, 2) == 0 &&
      plan->status != SIGNET_CONTRACT_STATUS_EXPIRED && plan->status != SIGNET_CONTRACT_STATUS_TERMINATED)
    {
      static const guint16 notice_choices[] = { 30, 60, 90 };

      plan->auto_renew = TRUE;
      plan->notice_days = notice_choices[pick (rand, G_N_ELEMENTS (notice_choices))];
    }
  else
    plan->notice_days = template->renewable ? 30 : 0;

  /* The note for a running contract is about invoicing, which a contract
   * without a value has none of. */
  percent = pick (rand, 100);
  if (percent < 35 && (template->max_value > 0 ||
                       (plan->status != SIGNET_CONTRACT_STATUS_ACTIVE && plan->status != SIGNET_CONTRACT_STATUS_RENEWED)))
    plan->note = 0;
  else if (percent < 55)
    plan->note = 1 + pick (rand, G_N_ELEMENTS (chinese_notes));
  else
    plan->note = -1;

  plan_dates (plan, rand, today, template->term_months, ends_soon);
}

static int
compare_plans (gconstpointer a,
               gconstpointer b)
{
  const ContractPlan *pa = a;
  const ContractPlan *pb = b;

  if (pa->created != pb->created)
    return pa->created < pb->created ? -1 : 1;

  return pa->index < pb->index ? -1 : pa->index > pb->index;
}

static const char *
plan_owner (const ContractPlan *plan)
{
  if (plan->owner < G_N_ELEMENTS (chinese_owners))
    return chinese_owners[plan->owner];

  return english_owners[plan->owner - G_N_ELEMENTS (chinese_owners)];
}

static SignetContract *
contract_from_plan (const ContractPlan *plan,
                    const char         *number,
                    gint64              client_id)
{
  const ContractTemplate *template = get_template (plan->chinese, plan->template_index);
  g_autoptr(SignetContract) contract = signet_contract_new ();
  g_autofree char *title = NULL;
  g_autofree char *signing = julian_to_iso (plan->signing);
  g_autofree char *start = julian_to_iso (plan->start);
  g_autofree char *end = julian_to_iso (plan->end);
  const char *owner;
  const char *note = NULL;

  if (plan->subject < 0)
    title = g_strdup (template->title);
  else if (plan->chinese)
    title = g_strdup_printf ("%s（%s）", template->title, template->subjects[plan->subject]);
  else
    title = g_strdup_printf ("%s – %s", template->title, template->subjects[plan->subject]);

  owner = plan_owner (plan);

  if (plan->note == 0)
    note = plan->chinese ? chinese_status_notes[plan->status] : english_status_notes[plan->status];
  else if (plan->note > 0)
    note = plan->chinese ? chinese_notes[plan->note - 1] : english_notes[plan->note - 1];

  signet_contract_set_number (contract, number);
  signet_contract_set_title (contract, title);
  signet_contract_set_client_id (contract, client_id);
  signet_contract_set_contract_type (contract, template->contract_type);
  signet_contract_set_owner (contract, owner);
  signet_contract_set_department (contract, template->department);
  signet_contract_set_value (contract, plan->value);
  signet_contract_set_currency (contract, currencies[plan->currency]);
  signet_contract_set_signing_date (contract, signing);
  signet_contract_set_start_date (contract, start);
  signet_contract_set_end_date (contract, end);
  signet_contract_set_auto_renew (contract, plan->auto_renew);
  signet_contract_set_notice_days (contract, plan->notice_days);
  signet_contract_set_status (contract, plan->status);
  if (plan->walk == WALK_PROCESS || plan->walk == WALK_ROUTE)
    {
      signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_DRAFT);
      signet_contract_set_signing_date (contract, NULL);
    }
  else if (plan->walk == WALK_TERMINATE)
    signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_SIGNED);
  signet_contract_set_risk_level (contract, plan->risk);
  signet_contract_set_tags (contract, template->tags);
  signet_contract_set_notes (contract, note);

  return g_steal_pointer (&contract);
}

/* Numbers follow HT-{YYYY}-{NNNN} by the year each contract was entered,
 * in the order they were entered, as the app itself would have given them. */
static gboolean
add_planned_contracts (SignetStore  *store,
                       GArray       *plans,
                       GArray       *client_ids,
                       GArray       *contract_ids,
                       GError      **error)
{
  guint width = 4;
  guint year = 0;
  guint sequence = 0;
  guint most_in_a_year = 0;

  g_array_sort (plans, compare_plans);

  /* Four digits unless a generated register has more in one year. */
  for (guint i = 0; i < plans->len; i++)
    {
      guint plan_year = get_year (g_array_index (plans, ContractPlan, i).created);

      sequence = plan_year == year ? sequence + 1 : 1;
      year = plan_year;
      most_in_a_year = MAX (most_in_a_year, sequence);
    }
  for (guint limit = 10000; most_in_a_year >= limit && width < 9; limit *= 10)
    width++;
  year = 0;
  sequence = 0;

  for (guint i = 0; i < plans->len; i++)
    {
      const ContractPlan *plan = &g_array_index (plans, ContractPlan, i);
      g_autoptr(SignetContract) contract = NULL;
      g_autofree char *number = NULL;
      guint plan_year = get_year (plan->created);

      if (plan_year != year)
        {
          year = plan_year;
          sequence = 0;
        }

      number = g_strdup_printf ("HT-%04u-%0*u", year, (int) width, ++sequence);
      contract = contract_from_plan (plan, number, g_array_index (client_ids, gint64, plan->client));
      if (!signet_store_add_contract (store, contract, error))
        return FALSE;
      if (contract_ids != NULL)
        g_array_append_val (contract_ids, (gint64) { signet_contract_get_id (contract) });
    }

  return TRUE;
}

static guint
review_months (const SignetReviewIntervals *intervals,
               SignetRiskLevel              risk)
{
  switch (risk)
    {
    case SIGNET_RISK_LEVEL_HIGH:   return intervals->high_months;
    case SIGNET_RISK_LEVEL_MEDIUM: return intervals->medium_months;
    case SIGNET_RISK_LEVEL_LOW:
    default:                       return intervals->low_months;
    }
}

static guint demo_type_review_months (const char *name);
static const char * const *demo_type_checklist (const char *name);

/* The reviews of a contract in force, each one done by its owner in the
 * days before it came due, so that the next one is still to come; except
 * that every other review that came due in the last weeks is left for
 * someone to do, up to a handful in the register (*@n_overdue). Each
 * answers the checklist of the contract's type, or the usual one. */
static gboolean
record_plan_reviews (SignetStore                 *store,
                     const ContractPlan          *plan,
                     gint64                       contract_id,
                     const SignetReviewIntervals *intervals,
                     guint32                      today,
                     GRand                       *rand,
                     guint                       *n_candidates,
                     guint                       *n_overdue,
                     SignetDemoReviews           *reviews,
                     GError                     **error)
{
  guint months = review_months (intervals, plan->risk);
  guint32 base = plan->start;

  /* Its type's interval, when the type has one, as the calendar counts. */
  if (demo_type_review_months (get_template (plan->chinese, plan->template_index)->contract_type) > 0)
    months = demo_type_review_months (get_template (plan->chinese, plan->template_index)->contract_type);

  if (!signet_contract_status_is_in_force (plan->status) || months == 0)
    return TRUE;

  for (;;)
    {
      guint32 due = shift_months (base, months);
      guint32 done;
      g_autofree char *date = NULL;
      const char *note = NULL;
      guint n_notes = G_N_ELEMENTS (chinese_review_notes);

      if (due > today)
        return TRUE;

      if (due + DEMO_OVERDUE_WITHIN_DAYS >= today && *n_overdue < DEMO_MAX_OVERDUE_REVIEWS &&
          (*n_candidates)++ % 2 == 0)
        {
          (*n_overdue)++;
          return TRUE;
        }

      done = due - pick_between (rand, 0, 12);
      date = julian_to_iso (MAX (done, base + 1));
      if (pick (rand, 2) == 0)
        {
          guint n = pick (rand, n_notes);

          /* Nothing is paid under a contract without a value: its review
           * says nothing of payments (which it answers not applicable). */
          if (plan->value > 0 || n != DEMO_PAYMENTS_REVIEW_NOTE)
            note = plan->chinese ? chinese_review_notes[n] : english_review_notes[n];
        }
      if (!_signet_demo_record_review (store, contract_id, date, plan_owner (plan), note,
                                       demo_type_checklist (get_template (plan->chinese, plan->template_index)->contract_type),
                                       plan->chinese, reviews, error))
        return FALSE;
      base = MAX (done, base + 1);
    }
}

static gboolean
add_demo_clients (SignetStore  *store,
                  GArray       *client_ids,
                  GError      **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_clients); i++)
    {
      const DemoClient *demo = &demo_clients[i];
      g_autoptr(SignetClient) client = NULL;
      g_autofree char *code = g_strdup_printf ("C%03u", i + 1);
      gint64 id;

      /* A demo register whose contracts were all deleted keeps its clients. */
      client = signet_store_find_client_by_code (store, code, error);
      if (client == NULL)
        {
          if (error != NULL && *error != NULL)
            return FALSE;

          client = signet_client_new ();
          signet_client_set_code (client, code);
          signet_client_set_name (client, demo->name);
          signet_client_set_contact (client, demo->contact);
          signet_client_set_phone (client, demo->phone);
          signet_client_set_email (client, demo->email);
          signet_client_set_address (client, demo->address);
          signet_client_set_notes (client, demo->notes);
          if (!signet_store_add_client (store, client, error))
            return FALSE;
        }

      id = signet_client_get_id (client);
      g_array_append_val (client_ids, id);
    }

  return TRUE;
}

/* This records, on the contracts above. The people who own them
 * get a department, a role (what an approval step may ask for) and an
 * email; the most common kinds of contract become types with defaults,
 * key dates after the start and a review checklist. */
static const struct
{
  const char *name;
  const char *department;
  const char *role;
  const char *email;
} demo_people[] = {
  { "张伟", "法务部", "法务", "zhang.wei@signet.example" },
  { "李娜", "采购部", "部门负责人", "li.na@signet.example" },
  { "王芳", "财务部", "财务", "wang.fang@signet.example" },
  { "陈静", "行政部", "部门负责人", "chen.jing@signet.example" },
  { "杨帆", "信息技术部", "部门负责人", "yang.fan@signet.example" },
  { "赵磊", "总经办", "总经理", "zhao.lei@signet.example" },
  { "Emma Schmidt", "Legal", "Legal counsel", "emma.schmidt@signet.example" },
  { "James Miller", "Sales", "Department head", "james.miller@signet.example" },
  { "Sarah Johnson", "Finance", "Finance", "sarah.johnson@signet.example" },
  { "Lukas Becker", "IT", "Department head", "lukas.becker@signet.example" },
  { "Olivia Brown", "Operations", "Contract manager", "olivia.brown@signet.example" },
};

typedef struct
{
  const char            *name;
  const char            *department;
  SignetRiskLevel        risk;
  guint                  notice_days;
  SignetAutoRenewDefault auto_renew;
  guint                  term_months;
  guint                  review_months;  /* 0: by risk level */
  SignetKeyDateOffset    offsets[2];     /* a NULL title ends them */
  const char            *checklist[4];   /* NULL-terminated */
  const char            *amendment_reason; /* of the amendment waiting for approval */
} DemoType;

/* Named as the demo's contracts name their kinds, so that those are of
 * these types. */
static const DemoType demo_types[] = {
  { "采购", "采购部", SIGNET_RISK_LEVEL_MEDIUM, 30, SIGNET_AUTO_RENEW_NO, 12, 6,
    { { SIGNET_KEY_DATE_PAYMENT, (char *) "预付款（30%）", 15 }, { SIGNET_KEY_DATE_MILESTONE, (char *) "到货验收", 60 } },
    { "付款条件已核对", "验收标准明确", "违约责任与违约金比例", NULL }, "增加采购数量，单价不变。" },
  { "租赁", "行政部", SIGNET_RISK_LEVEL_LOW, 90, SIGNET_AUTO_RENEW_YES, 36, 12,
    { { SIGNET_KEY_DATE_PAYMENT, (char *) "押金支付", 7 }, { SIGNET_KEY_DATE_PAYMENT, (char *) "首期租金", 30 } },
    { "租金调整条款", "续租优先权", "押金退还条件", NULL }, "增租一层办公区，租金相应增加。" },
  { "维保服务", "行政部", SIGNET_RISK_LEVEL_LOW, 30, SIGNET_AUTO_RENEW_YES, 12, 0,
    { { SIGNET_KEY_DATE_MILESTONE, (char *) "首次巡检", 30 }, { 0, NULL, 0 } },
    { "服务范围清单", "响应时间承诺", NULL }, "增加设备维保范围，费用相应调整。" },
};

static const DemoType *
find_demo_type (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_types); i++)
    if (g_strcmp0 (demo_types[i].name, name) == 0)
      return &demo_types[i];

  return NULL;
}

static guint
demo_type_review_months (const char *name)
{
  const DemoType *type = find_demo_type (name);

  return type != NULL ? type->review_months : 0;
}

/* NULL for a kind of contract that is no type of the demo's. */
static const char * const *
demo_type_checklist (const char *name)
{
  const DemoType *type = find_demo_type (name);

  return type != NULL ? type->checklist : NULL;
}

static gboolean
add_demo_people (SignetStore  *store,
                 GError      **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_people); i++)
    {
      g_autoptr(SignetPerson) person = signet_store_find_person (store, demo_people[i].name, error);

      /* Every owner became a person as the contracts were written. */
      if (person == NULL)
        {
          if (error != NULL && *error != NULL)
            return FALSE;
          continue;
        }

      signet_person_set_department (person, demo_people[i].department);
      signet_person_set_role (person, demo_people[i].role);
      signet_person_set_email (person, demo_people[i].email);
      if (!signet_store_update_person (store, person, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_demo_types (SignetStore  *store,
                GError      **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_types); i++)
    {
      const DemoType *demo = &demo_types[i];
      g_autoptr(SignetContractType) type = signet_store_find_contract_type (store, demo->name, error);

      /* A demo register filled again keeps the types it has. */
      if (type != NULL)
        continue;
      if (error != NULL && *error != NULL)
        return FALSE;

      type = signet_contract_type_new (demo->name);
      signet_contract_type_set_currency (type, "CNY");
      signet_contract_type_set_department (type, demo->department);
      signet_contract_type_set_risk_level (type, demo->risk);
      signet_contract_type_set_notice_days (type, demo->notice_days);
      signet_contract_type_set_auto_renew (type, demo->auto_renew);
      signet_contract_type_set_term_months (type, demo->term_months);
      signet_contract_type_set_review_months (type, demo->review_months);
      for (guint o = 0; o < G_N_ELEMENTS (demo->offsets) && demo->offsets[o].title != NULL; o++)
        signet_contract_type_add_key_date_offset (type, &demo->offsets[o]);
      signet_contract_type_set_checklist (type, demo->checklist);
      if (!signet_store_add_contract_type (store, type, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean decide_demo_step (SignetStore          *store,
                                  gint64                contract_id,
                                  gint64                amendment_id,
                                  SignetProcessAction   action,
                                  const char           *opinion,
                                  GError              **error);

/* Whether @contract_id waits for a step of its approval route. */
static gboolean
has_pending_step (SignetStore  *store,
                  gint64        contract_id,
                  gboolean     *pending,
                  GError      **error)
{
  g_autoptr(GPtrArray) steps = signet_store_list_approval_steps (store, contract_id, 0, error);

  if (steps == NULL)
    return FALSE;

  *pending = FALSE;
  for (guint i = 0; i < steps->len; i++)
    *pending |= ((SignetApprovalStep *) g_ptr_array_index (steps, i))->state == SIGNET_STEP_PENDING;

  return TRUE;
}

/* Takes the steps @actions (ending with SIGNET_N_PROCESS_ACTIONS) on
 * @contract_id: decisions by @approver, a return with @return_reason,
 * signing on @signing (both parties). A contract the approval routes of a
 * demo register filled again send for approval is approved at each step
 * of its route by the people of the step, or returned at its first. */
static gboolean
take_steps (SignetStore                *store,
            gint64                      contract_id,
            const SignetProcessAction  *actions,
            const char                 *approver,
            const char                 *return_reason,
            const char                 *signing,
            GError                    **error)
{
  for (guint i = 0; actions[i] != SIGNET_N_PROCESS_ACTIONS; i++)
    {
      g_autoptr(SignetContract) contract = signet_store_get_contract (store, contract_id, error);
      g_auto(SignetProcessStep) step = { actions[i], NULL, };
      gboolean routed = FALSE;

      if (contract == NULL)
        return FALSE;

      if ((actions[i] == SIGNET_PROCESS_ACTION_APPROVE || actions[i] == SIGNET_PROCESS_ACTION_RETURN) &&
          !has_pending_step (store, contract_id, &routed, error))
        return FALSE;
      if (routed && actions[i] == SIGNET_PROCESS_ACTION_RETURN)
        {
          if (!decide_demo_step (store, contract_id, 0, actions[i], return_reason, error))
            return FALSE;
          continue;
        }
      if (routed)
        {
          while (routed)
            if (!decide_demo_step (store, contract_id, 0, actions[i], NULL, error) ||
                !has_pending_step (store, contract_id, &routed, error))
              return FALSE;
          continue;
        }

      if (actions[i] == SIGNET_PROCESS_ACTION_APPROVE || actions[i] == SIGNET_PROCESS_ACTION_RETURN)
        step.decided_by = g_strdup (approver);
      if (actions[i] == SIGNET_PROCESS_ACTION_RETURN)
        step.comment = g_strdup (return_reason);
      if (actions[i] == SIGNET_PROCESS_ACTION_MARK_SIGNED)
        {
          step.our_signing_date = g_strdup (signing);
          step.their_signing_date = g_strdup (signing);
        }
      if (!signet_store_take_process_step (store, contract_id, signet_contract_get_version (contract), &step, error))
        return FALSE;
    }

  return TRUE;
}

/* The walked plans reach their status through the process (see Walk). */
static gboolean
walk_plan (SignetStore         *store,
           const ContractPlan  *plan,
           gint64               contract_id,
           guint32              today,
           GError             **error)
{
  static const SignetProcessAction to_review[] = {
    SIGNET_PROCESS_ACTION_SUBMIT, SIGNET_PROCESS_ACTION_RETURN, SIGNET_PROCESS_ACTION_SUBMIT, SIGNET_N_PROCESS_ACTIONS,
  };
  static const SignetProcessAction to_approved[] = {
    SIGNET_PROCESS_ACTION_SUBMIT, SIGNET_PROCESS_ACTION_APPROVE, SIGNET_N_PROCESS_ACTIONS,
  };
  static const SignetProcessAction to_signed[] = {
    SIGNET_PROCESS_ACTION_SUBMIT, SIGNET_PROCESS_ACTION_APPROVE, SIGNET_PROCESS_ACTION_MARK_SIGNED,
    SIGNET_N_PROCESS_ACTIONS,
  };
  const char *approver = plan->chinese ? "张伟" : "Emma Schmidt";
  const char *reason = plan->chinese ? "违约金比例未写明，请补充后再提交。"
                                     : "The liability cap is missing; add it and submit again.";
  g_autofree char *signing = plan->signing > 0 ? julian_to_iso (plan->signing) : NULL;

  if (plan->walk == WALK_TERMINATE)
    {
      g_autoptr(SignetContract) contract = signet_store_get_contract (store, contract_id, error);
      g_autofree char *effective = julian_to_iso (MIN (today, plan->end));
      g_auto(SignetProcessStep) step = { SIGNET_PROCESS_ACTION_TERMINATE, NULL, };

      if (contract == NULL)
        return FALSE;
      step.comment = g_strdup (plan->chinese ? "客户业务调整，双方协商一致提前终止。"
                                             : "The client reorganised; both sides agreed to end it early.");
      step.termination_reason = g_strdup ("mutual");
      step.effective_date = g_steal_pointer (&effective);

      return signet_store_take_process_step (store, contract_id, signet_contract_get_version (contract), &step, error);
    }

  switch ((SignetContractStatus) plan->status)
    {
    case SIGNET_CONTRACT_STATUS_IN_REVIEW:
      return take_steps (store, contract_id, to_review, approver, reason, NULL, error);
    case SIGNET_CONTRACT_STATUS_APPROVED:
      return take_steps (store, contract_id, to_approved, approver, NULL, NULL, error);
    default:
      return take_steps (store, contract_id, to_signed, approver, NULL, signing, error);
    }
}

/* An amendment in force since halfway through the contract's term so far,
 * raising its value by a tenth or, with @extend, moving its end a year on
 * under a new title. */
static gboolean
amend_plan (SignetStore         *store,
            const ContractPlan  *plan,
            gint64               contract_id,
            guint32              today,
            gboolean             extend,
            GError             **error)
{
  g_autoptr(SignetContract) contract = signet_store_get_contract (store, contract_id, error);
  g_autoptr(SignetAmendment) amendment = signet_amendment_new (contract_id);

  if (contract == NULL)
    return FALSE;

  amendment->number = signet_store_next_amendment_number (store, contract_id, SIGNET_AMENDMENT_NUMBER_PATTERN_DEFAULT,
                                                          error);
  if (amendment->number == NULL)
    return FALSE;
  amendment->effective_date = julian_to_iso (plan->start + (today - plan->start) / 2);
  amendment->signing_date = julian_to_iso (plan->start + (today - plan->start) / 2 - 3);
  if (extend)
    {
      amendment->changes = SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_END_DATE) |
                           SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_TITLE);
      amendment->end_date = julian_to_iso (shift_months (plan->end, 12));
      amendment->title = g_strconcat (signet_contract_get_title (contract), plan->chinese ? "（延期一年）" : " (extended)",
                                      NULL);
      amendment->reason = g_strdup (plan->chinese ? "项目延期，服务期延长一年。" : "The project runs a year longer.");
    }
  else
    {
      amendment->changes = SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_VALUE);
      amendment->value = signet_contract_get_value (contract) + signet_contract_get_value (contract) / 10;
      amendment->currency = g_strdup (signet_contract_get_currency (contract));
      amendment->reason = g_strdup (plan->chinese ? "增加采购数量，单价不变。" : "More units at the same unit price.");
    }

  return signet_store_add_amendment (store, amendment, error);
}

/* Renews @contract_id and takes the successor through the process to
 * signed; its id in @successor_id. */
static gboolean
renew_and_sign (SignetStore  *store,
                gint64        contract_id,
                guint32       today,
                gint64       *successor_id,
                GError      **error)
{
  static const SignetProcessAction to_signed[] = {
    SIGNET_PROCESS_ACTION_SUBMIT, SIGNET_PROCESS_ACTION_APPROVE, SIGNET_PROCESS_ACTION_MARK_SIGNED,
    SIGNET_N_PROCESS_ACTIONS,
  };
  g_autoptr(SignetContract) contract = signet_store_get_contract (store, contract_id, error);
  g_autoptr(SignetContract) successor = NULL;
  g_autofree char *signing = NULL;
  GDate start;

  if (contract == NULL ||
      !(successor = signet_store_propose_renewal (store, contract_id, "HT-{YYYY}-{NNNN}", error)) ||
      !signet_store_renew_contract (store, contract_id, signet_contract_get_version (contract), successor,
                                    signet_contract_get_owner (contract), "续约一期，价格不变。", error))
    return FALSE;

  /* Signed a week before its term, or today when that is still to come. */
  if (signet_contract_get_start_date (successor) != NULL &&
      signet_date_parse (signet_contract_get_start_date (successor), &start))
    signing = julian_to_iso (MIN (g_date_get_julian (&start) - 7, today));
  else
    signing = julian_to_iso (today);

  *successor_id = signet_contract_get_id (successor);

  return take_steps (store, *successor_id, to_signed, "张伟", NULL, signing, error);
}

/* The approval routes: each contract of the demo's types takes the
 * standard one, and any contract of a million yuan or more the one that
 * adds the general manager. */
#define DEMO_MAJOR_MIN_VALUE ((gint64) 1000000 * 100)

static const char * const demo_standard_steps[] = { "部门负责人", "法务", "财务" };

/* What each step's approver wrote when approving, by the step's name,
 * which is also the role of the people who decide it. */
static const struct
{
  const char *step;
  const char *opinion;
} demo_opinions[] = {
  { "部门负责人", "同意，请法务审核合同条款。" },
  { "法务", "条款已审核，违约责任明确，同意。" },
  { "财务", "在年度预算内，付款条件可行，同意。" },
  { "总经理", "同意签署。" },
};

/* A contract the routes send for approval (signet_store_select_route()
 * decides; this is what the plans know before the contract is written). */
static gboolean
plan_is_routed (const ContractPlan *plan)
{
  return find_demo_type (get_template (plan->chinese, plan->template_index)->contract_type) != NULL ||
         (g_str_equal (currencies[plan->currency], "CNY") && plan->value >= DEMO_MAJOR_MIN_VALUE);
}

static gboolean
add_demo_routes (SignetStore  *store,
                 GError      **error)
{
  g_autoptr(SignetApprovalRoute) standard = signet_approval_route_new ("标准审批");
  g_autoptr(SignetApprovalRoute) major = signet_approval_route_new ("重大合同审批");
  g_autoptr(SignetRouteStep) top = signet_route_step_new ("总经理", 0, "总经理", 3);
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_approval_rule_free);
  g_autoptr(GPtrArray) existing = signet_store_list_approval_routes (store, error);

  /* A demo register filled again keeps the routes and rules it has. */
  if (existing == NULL || existing->len > 0)
    return existing != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (demo_standard_steps); i++)
    {
      g_autoptr(SignetRouteStep) step = signet_route_step_new (demo_standard_steps[i], 0, demo_standard_steps[i],
                                                               SIGNET_ROUTE_STEP_DUE_DAYS_DEFAULT);

      signet_approval_route_add_step (standard, step);
      signet_approval_route_add_step (major, step);
    }
  signet_approval_route_add_step (major, top);
  if (!signet_store_add_approval_route (store, standard, error) ||
      !signet_store_add_approval_route (store, major, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_types); i++)
    g_ptr_array_add (rules, signet_approval_rule_new (demo_types[i].name, 0, NULL, standard->id));
  g_ptr_array_add (rules, signet_approval_rule_new (NULL, DEMO_MAJOR_MIN_VALUE, "CNY", major->id));

  return signet_store_set_approval_rules (store, rules, error);
}

/* The person of the demo who decides a step: one with the step's role,
 * of the contract's department when there is one. */
static const char *
demo_approver (const char *step,
               const char *department)
{
  const char *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (demo_people); i++)
    if (g_strcmp0 (demo_people[i].role, step) == 0)
      {
        if (g_strcmp0 (demo_people[i].department, department) == 0)
          return demo_people[i].name;
        if (first == NULL)
          first = demo_people[i].name;
      }

  return first;
}

/* Decides the pending step of @contract_id's approval (@amendment_id 0)
 * or of the amendment's, recorded, as on a single desktop, by the user
 * on the approver's behalf; the step's own opinion unless @opinion. */
static gboolean
decide_demo_step (SignetStore          *store,
                  gint64                contract_id,
                  gint64                amendment_id,
                  SignetProcessAction   action,
                  const char           *opinion,
                  GError              **error)
{
  g_autoptr(SignetContract) contract = signet_store_get_contract (store, contract_id, error);
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(SignetPerson) approver = NULL;
  SignetApprovalDecision decision = { action, 0, NULL, (char *) opinion, 0 };

  if (contract == NULL || !(steps = signet_store_list_approval_steps (store, contract_id, amendment_id, error)))
    return FALSE;

  for (guint i = 0; i < steps->len; i++)
    {
      const SignetApprovalStep *step = g_ptr_array_index (steps, i);

      if (step->state != SIGNET_STEP_PENDING)
        continue;

      approver = signet_store_find_person (store, demo_approver (step->name, signet_contract_get_department (contract)),
                                           error);
      if (approver == NULL && error != NULL && *error != NULL)
        return FALSE;
      if (approver != NULL)
        decision.approver_id = signet_person_get_id (approver);
      for (guint o = 0; o < G_N_ELEMENTS (demo_opinions) && decision.opinion == NULL; o++)
        if (g_strcmp0 (demo_opinions[o].step, step->name) == 0)
          decision.opinion = (char *) demo_opinions[o].opinion;
      break;
    }

  /* With no step pending the store says why it cannot decide. */
  return signet_store_decide_approval_step (store, contract_id, amendment_id, signet_contract_get_version (contract),
                                            &decision, error);
}

/* A WALK_ROUTE plan in review waits at the second step of its route, the
 * first approved; an approved one was returned by 法务 in its first round
 * and approved at every step of the second. In a register whose routes
 * or rules the user changed, one no rule routes goes as a walked plan. */
static gboolean
walk_route (SignetStore         *store,
            const ContractPlan  *plan,
            gint64               contract_id,
            guint32              today,
            GError             **error)
{
  static const SignetProcessAction submit[] = { SIGNET_PROCESS_ACTION_SUBMIT, SIGNET_N_PROCESS_ACTIONS };
  g_autoptr(SignetContract) draft = signet_store_get_contract (store, contract_id, error);
  g_autoptr(SignetApprovalRoute) route = NULL;

  if (draft == NULL)
    return FALSE;
  route = signet_store_select_route (store, draft, error);
  if (route == NULL)
    return (error == NULL || *error == NULL) && walk_plan (store, plan, contract_id, today, error);

  if (!take_steps (store, contract_id, submit, NULL, NULL, NULL, error) ||
      !decide_demo_step (store, contract_id, 0, SIGNET_PROCESS_ACTION_APPROVE, NULL, error))
    return FALSE;
  /* A route of one step, which a user may have made of the demo's, has
   * nothing after its first. */
  if (plan->status == SIGNET_CONTRACT_STATUS_IN_REVIEW || route->steps->len < 2)
    return TRUE;

  if (!decide_demo_step (store, contract_id, 0, SIGNET_PROCESS_ACTION_RETURN, "违约金比例未写明，请补充后再提交。", error) ||
      !take_steps (store, contract_id, submit, NULL, NULL, NULL, error))
    return FALSE;

  for (;;)
    {
      g_autoptr(SignetContract) contract = signet_store_get_contract (store, contract_id, error);

      if (contract == NULL)
        return FALSE;
      if (signet_contract_get_status (contract) != SIGNET_CONTRACT_STATUS_IN_REVIEW)
        return TRUE;
      if (!decide_demo_step (store, contract_id, 0, SIGNET_PROCESS_ACTION_APPROVE, NULL, error))
        return FALSE;
    }
}

/* An amendment raising the value by a fifth from the first of next
 * month, not signed yet: its route has it wait for approval. */
static gboolean
amend_in_review (SignetStore         *store,
                 const ContractPlan  *plan,
                 gint64               contract_id,
                 guint32              today,
                 GError             **error)
{
  g_autoptr(SignetContract) contract = signet_store_get_contract (store, contract_id, error);
  g_autoptr(SignetAmendment) amendment = signet_amendment_new (contract_id);
  const DemoType *type = find_demo_type (get_template (plan->chinese, plan->template_index)->contract_type);
  GDate effective;

  if (contract == NULL)
    return FALSE;

  amendment->number = signet_store_next_amendment_number (store, contract_id, SIGNET_AMENDMENT_NUMBER_PATTERN_DEFAULT,
                                                          error);
  if (amendment->number == NULL)
    return FALSE;
  g_date_clear (&effective, 1);
  g_date_set_julian (&effective, today);
  g_date_set_day (&effective, 1);
  signet_date_add_months (&effective, 1);
  amendment->effective_date = signet_date_to_iso (&effective);
  amendment->changes = SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_VALUE);
  amendment->value = signet_contract_get_value (contract) + signet_contract_get_value (contract) / 5;
  amendment->currency = g_strdup (signet_contract_get_currency (contract));
  amendment->reason = g_strdup (type->amendment_reason);

  return signet_store_add_amendment (store, amendment, error);
}

/* After the contracts: people, types, the walked plans' process, two
 * amended contracts and a renewal chain of three, first an expired
 * contract renewed, then its successor; then the approval routes, with
 * a contract waiting at their second step, one approved after a return,
 * and an amendment waiting for approval. */
static gboolean
add_life_records (SignetStore  *store,
                  GArray       *plans,
                  GArray       *contract_ids,
                  guint32       today,
                  GError      **error)
{
  guint n_amended = 0;
  gboolean renewed = FALSE;
  gint64 to_amend_in_review = 0;
  const ContractPlan *to_amend_plan = NULL;

  if (!add_demo_people (store, error) || !add_demo_types (store, error))
    return FALSE;

  for (guint i = 0; i < plans->len; i++)
    {
      const ContractPlan *plan = &g_array_index (plans, ContractPlan, i);
      gint64 id = g_array_index (contract_ids, gint64, i);

      if ((plan->walk == WALK_PROCESS || plan->walk == WALK_TERMINATE) && !walk_plan (store, plan, id, today, error))
        return FALSE;

      if (plan->walk == WALK_NONE && plan->status == SIGNET_CONTRACT_STATUS_ACTIVE && plan->chinese &&
          plan->start < today && n_amended < 2)
        {
          if (!amend_plan (store, plan, id, today, n_amended == 1, error))
            return FALSE;
          n_amended++;
        }
      else if (plan->walk == WALK_NONE && plan->status == SIGNET_CONTRACT_STATUS_ACTIVE && plan->chinese &&
               find_demo_type (get_template (plan->chinese, plan->template_index)->contract_type) != NULL &&
               plan->start < today && plan->end > today + 60 && to_amend_plan == NULL)
        {
          to_amend_plan = plan;
          to_amend_in_review = id;
        }

      if (plan->walk == WALK_NONE && plan->status == SIGNET_CONTRACT_STATUS_EXPIRED && plan->chinese && !renewed)
        {
          gint64 second = 0;
          gint64 third = 0;

          if (!renew_and_sign (store, id, today, &second, error) ||
              !renew_and_sign (store, second, today, &third, error))
            return FALSE;
          renewed = TRUE;
        }
    }

  /* Set last, so that the contracts above went through the process as
   * before routes existed. */
  if (!add_demo_routes (store, error))
    return FALSE;
  for (guint i = 0; i < plans->len; i++)
    if (g_array_index (plans, ContractPlan, i).walk == WALK_ROUTE &&
        !walk_route (store, &g_array_index (plans, ContractPlan, i), g_array_index (contract_ids, gint64, i), today,
                     error))
      return FALSE;

  return to_amend_plan == NULL || amend_in_review (store, to_amend_plan, to_amend_in_review, today, error);
}

static gboolean
fill_in_batch (SignetStore  *store,
               GError      **error)
{
  /* One cycle of statuses: mostly running contracts, like a real register. */
  static const SignetContractStatus status_cycle[] = {
    SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_CONTRACT_STATUS_DRAFT,
    SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_CONTRACT_STATUS_EXPIRED, SIGNET_CONTRACT_STATUS_IN_REVIEW,
    SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_CONTRACT_STATUS_RENEWED, SIGNET_CONTRACT_STATUS_SIGNED,
    SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_CONTRACT_STATUS_EXPIRED, SIGNET_CONTRACT_STATUS_APPROVED,
    SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_CONTRACT_STATUS_TERMINATED, SIGNET_CONTRACT_STATUS_ACTIVE,
    SIGNET_CONTRACT_STATUS_RENEWED,
  };
  g_autoptr(GArray) client_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) plans = g_array_sized_new (FALSE, TRUE, sizeof (ContractPlan), DEMO_N_CONTRACTS);
  g_autoptr(GArray) contract_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), DEMO_N_CONTRACTS);
  g_autoptr(GRand) rand = g_rand_new_with_seed (DEMO_SEED);
  /* Its own numbers: the contracts stay those of earlier versions. */
  g_autoptr(GRand) review_rand = g_rand_new_with_seed (DEMO_SEED + 1);
  SignetReviewIntervals intervals;
  guint32 today = get_today (store);
  guint n_running = 0;
  guint n_candidates = 0;
  guint n_overdue = 0;
  gboolean routed_review = FALSE;
  gboolean routed_approved = FALSE;
  SignetDemoReviews reviews = { 0, 0 };

  if (!add_demo_clients (store, client_ids, error))
    return FALSE;

  for (guint i = 0; i < DEMO_N_CONTRACTS; i++)
    {
      const DemoClient *demo = &demo_clients[i % G_N_ELEMENTS (demo_clients)];
      ContractPlan plan = { 0 };
      gboolean ends_soon = FALSE;

      plan.index = i;
      plan.client = i % G_N_ELEMENTS (demo_clients);
      plan.status = status_cycle[i % G_N_ELEMENTS (status_cycle)];
      plan.chinese = demo->chinese;
      plan.currency = demo->currency;
      /* Some cross-border work with Chinese clients is billed in dollars. */
      if (demo->chinese && i % 9 == 4)
        plan.currency = 1;

      /* Every fourth running contract comes up for its end or renewal soon. */
      if (plan.status == SIGNET_CONTRACT_STATUS_ACTIVE || plan.status == SIGNET_CONTRACT_STATUS_RENEWED)
        ends_soon = n_running++ % 4 == 0;

      plan_contract (&plan, rand, today, ends_soon);
      /* The first in review, approved, signed and terminated contract of
       * the cycle show the process that brought them there. */
      if (i < G_N_ELEMENTS (status_cycle) &&
          (plan.status == SIGNET_CONTRACT_STATUS_IN_REVIEW || plan.status == SIGNET_CONTRACT_STATUS_APPROVED ||
           plan.status == SIGNET_CONTRACT_STATUS_SIGNED))
        plan.walk = WALK_PROCESS;
      else if (i < G_N_ELEMENTS (status_cycle) && plan.status == SIGNET_CONTRACT_STATUS_TERMINATED)
        plan.walk = WALK_TERMINATE;
      /* A later one in review and the first draft, Chinese and in yuan
       * of a kind the routes send for approval, show a route: the one in
       * review waits at its second step, the draft becomes one approved
       * after a return (no approved contract of the demo is of such a
       * kind). See walk_route(). */
      else if (plan.status == SIGNET_CONTRACT_STATUS_IN_REVIEW && !routed_review && plan.chinese && plan.currency == 0 &&
               plan_is_routed (&plan))
        {
          plan.walk = WALK_ROUTE;
          routed_review = TRUE;
        }
      else if (plan.status == SIGNET_CONTRACT_STATUS_DRAFT && !routed_approved && plan.chinese && plan.currency == 0 &&
               plan_is_routed (&plan))
        {
          plan.status = SIGNET_CONTRACT_STATUS_APPROVED;
          plan.walk = WALK_ROUTE;
          routed_approved = TRUE;
        }
      g_array_append_val (plans, plan);
    }

  if (!add_planned_contracts (store, plans, client_ids, contract_ids, error))
    return FALSE;

  signet_store_get_review_intervals (store, &intervals);
  for (guint i = 0; i < plans->len; i++)
    if (!record_plan_reviews (store, &g_array_index (plans, ContractPlan, i), g_array_index (contract_ids, gint64, i),
                              &intervals, today, review_rand, &n_candidates, &n_overdue, &reviews, error))
      return FALSE;

  return add_life_records (store, plans, contract_ids, today, error) &&
         _signet_demo_add_commitments (store, &reviews, error);
}

static gboolean
generate_clients (SignetStore  *store,
                  GRand        *rand,
                  guint         n_clients,
                  GArray       *client_ids,
                  GArray       *client_is_chinese,
                  GError      **error)
{
  const guint n_chinese_names = G_N_ELEMENTS (chinese_cities) * G_N_ELEMENTS (chinese_brands) * G_N_ELEMENTS (chinese_trades);
  const guint n_english_names = G_N_ELEMENTS (english_brands) * G_N_ELEMENTS (english_trades) * G_N_ELEMENTS (english_suffixes);

  for (guint i = 0; i < n_clients; i++)
    {
      g_autoptr(SignetClient) client = signet_client_new ();
      g_autoptr(GString) name = g_string_new (NULL);
      g_autofree char *code = g_strdup_printf ("C%05u", i + 1);
      g_autofree char *phone = NULL;
      g_autofree char *email = g_strdup_printf ("contact@c%05u.example", i + 1);
      g_autofree char *contact = NULL;
      gboolean chinese = i % 2 == 0;
      guint k = i / 2;
      /* Stepping by a number coprime to the name count spreads the names
       * over every part list while keeping them unique. */
      guint combination;
      gint64 id;

      if (chinese)
        {
          combination = (k * 769) % n_chinese_names;
          g_string_append_printf (name, "%s%s%s有限公司",
                                  chinese_cities[combination % G_N_ELEMENTS (chinese_cities)],
                                  chinese_brands[(combination / G_N_ELEMENTS (chinese_cities)) % G_N_ELEMENTS (chinese_brands)],
                                  chinese_trades[combination / (G_N_ELEMENTS (chinese_cities) * G_N_ELEMENTS (chinese_brands))]);
          if (k >= n_chinese_names)
            g_string_append_printf (name, "（第%u分公司）", k / n_chinese_names + 1);
          contact = g_strconcat (chinese_surnames[pick (rand, G_N_ELEMENTS (chinese_surnames))],
                                 chinese_given_names[pick (rand, G_N_ELEMENTS (chinese_given_names))], NULL);
          phone = g_strdup_printf ("+86 21 %04u %04u", pick_between (rand, 5000, 6999), pick (rand, 10000));
        }
      else
        {
          combination = (k * 257) % n_english_names;
          g_string_append_printf (name, "%s %s %s",
                                  english_brands[combination % G_N_ELEMENTS (english_brands)],
                                  english_trades[(combination / G_N_ELEMENTS (english_brands)) % G_N_ELEMENTS (english_trades)],
                                  english_suffixes[combination / (G_N_ELEMENTS (english_brands) * G_N_ELEMENTS (english_trades))]);
          if (k >= n_english_names)
            g_string_append_printf (name, " (%u)", k / n_english_names + 1);
          contact = g_strconcat (english_first_names[pick (rand, G_N_ELEMENTS (english_first_names))], " ",
                                 english_last_names[pick (rand, G_N_ELEMENTS (english_last_names))], NULL);
          phone = g_strdup_printf ("+1 555 %04u", pick (rand, 10000));
        }

      signet_client_set_code (client, code);
      signet_client_set_name (client, name->str);
      signet_client_set_contact (client, contact);
      signet_client_set_phone (client, phone);
      signet_client_set_email (client, email);
      if (!signet_store_add_client (store, client, error))
        return FALSE;

      id = signet_client_get_id (client);
      g_array_append_val (client_ids, id);
      g_array_append_val (client_is_chinese, chinese);
    }

  return TRUE;
}

static gboolean
generate_in_batch (SignetStore  *store,
                   guint         n_clients,
                   guint         n_contracts,
                   guint32       seed,
                   GError      **error)
{
  g_autoptr(GArray) client_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_clients);
  g_autoptr(GArray) client_is_chinese = g_array_sized_new (FALSE, FALSE, sizeof (gboolean), n_clients);
  g_autoptr(GArray) plans = g_array_sized_new (FALSE, TRUE, sizeof (ContractPlan), n_contracts);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint32 today = get_today (store);

  if (!generate_clients (store, rand, n_clients, client_ids, client_is_chinese, error))
    return FALSE;

  for (guint i = 0; i < n_contracts; i++)
    {
      ContractPlan plan = { 0 };
      guint percent = pick (rand, 100);
      gboolean chinese_client;

      plan.index = i;
      plan.client = pick (rand, n_clients);
      chinese_client = g_array_index (client_is_chinese, gboolean, plan.client);
      plan.chinese = pick (rand, 10) < 8 ? chinese_client : !chinese_client;
      plan.currency = chinese_client ? (pick (rand, 10) == 0 ? 1 : 0) : 1 + pick (rand, 2);
      plan.status = percent < 45 ? SIGNET_CONTRACT_STATUS_ACTIVE
                  : percent < 65 ? SIGNET_CONTRACT_STATUS_EXPIRED
                  : percent < 73 ? SIGNET_CONTRACT_STATUS_RENEWED
                  : percent < 78 ? SIGNET_CONTRACT_STATUS_TERMINATED
                  : percent < 84 ? SIGNET_CONTRACT_STATUS_SIGNED
                  : percent < 88 ? SIGNET_CONTRACT_STATUS_APPROVED
                  : percent < 94 ? SIGNET_CONTRACT_STATUS_IN_REVIEW
                  : SIGNET_CONTRACT_STATUS_DRAFT;

      plan_contract (&plan, rand, today, pick (rand, 10) == 0);
      g_array_append_val (plans, plan);
    }

  return add_planned_contracts (store, plans, client_ids, NULL, error);
}

gboolean
signet_demo_fill (SignetStore  *store,
                  GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!signet_store_begin_batch (store, error))
    return FALSE;

  if (!fill_in_batch (store, error))
    {
      signet_store_rollback_batch (store);
      return FALSE;
    }

  return signet_store_commit_batch (store, error);
}

gboolean
signet_demo_generate (SignetStore  *store,
                      guint         n_clients,
                      guint         n_contracts,
                      guint32       seed,
                      GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (store), FALSE);
  g_return_val_if_fail (n_clients > 0 || n_contracts == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!signet_store_begin_batch (store, error))
    return FALSE;

  if (!generate_in_batch (store, n_clients, n_contracts, seed, error))
    {
      signet_store_rollback_batch (store);
      return FALSE;
    }

  return signet_store_commit_batch (store, error);
}
