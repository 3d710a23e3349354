/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-demo"

#include "config.h"

#include "signet-date.h"
#include "signet-demo.h"

/* Demo data is sample content, like a template's placeholder text: it is
 * not translated, and it mixes Chinese and English on purpose because the
 * offices Signet is for work in both. */

typedef struct
{
  const char *name;
  const char *contact;
  const char *phone;
  const char *email;
  const char *address;
} DemoClient;

static const DemoClient demo_clients[] = {
  { "上海华东建设工程有限公司", "王建国", "021-6288 1234", "wang.jianguo@huadong-build.cn", "上海市浦东新区世纪大道 88 号" },
  { "北京云启科技有限公司", "李娜", "010-8265 7788", "lina@yunqi-tech.cn", "北京市海淀区中关村大街 27 号" },
  { "深圳前海物流有限公司", "陈晓东", "0755-2699 3300", "chen.xd@qianhai-logistics.cn", "深圳市南山区前海深港合作区" },
  { "广州南方医药集团", "周敏", "020-3888 6612", "zhoumin@nanfang-pharma.cn", "广州市天河区珠江新城华夏路 10 号" },
  { "杭州西湖文化传媒有限公司", "赵磊", "0571-8702 4455", "zhaolei@xihu-media.cn", "杭州市西湖区文三路 259 号" },
  { "成都天府软件园管理有限公司", "刘洋", "028-8518 9000", "liuyang@tianfu-park.cn", "成都市高新区天府大道中段 1366 号" },
  { "南京金陵酒店管理有限公司", "孙丽", "025-8471 1888", "sunli@jinling-hotels.cn", "南京市鼓楼区汉中路 2 号" },
  { "武汉长江电力设备有限公司", "何志强", "027-8779 5521", "hezq@changjiang-power.cn", "武汉市东湖新技术开发区光谷大道 77 号" },
  { "苏州工业园区精密制造有限公司", "吴芳", "0512-6288 3377", "wufang@sip-precision.cn", "苏州工业园区星湖街 328 号" },
  { "青岛海润食品有限公司", "郑海", "0532-8586 2200", "zhenghai@hairun-food.cn", "青岛市崂山区海尔路 180 号" },
  { "Northwind Traders Ltd", "Andrew Fuller", "+44 20 7946 0123", "a.fuller@northwind.example", "12 King Street, London EC2V 8EA" },
  { "Contoso GmbH", "Emma Schmidt", "+49 30 1234 5678", "emma.schmidt@contoso.example", "Friedrichstraße 123, 10117 Berlin" },
  { "Fabrikam Inc.", "Michael Brown", "+1 206 555 0142", "mbrown@fabrikam.example", "400 Pine Street, Seattle, WA 98101" },
  { "Adatum Corporation", "Sofia Rossi", "+39 02 8899 1122", "s.rossi@adatum.example", "Via Torino 45, 20123 Milano" },
  { "Tailspin Toys", "Liam O'Connor", "+353 1 555 0199", "liam@tailspintoys.example", "7 Harbour Road, Dublin 2" },
  { "Litware Consulting", "Chloé Martin", "+33 1 42 68 53 00", "chloe.martin@litware.example", "18 rue de Rivoli, 75004 Paris" },
  { "Wide World Importers", "Hiroshi Tanaka", "+81 3 5555 0101", "tanaka@wideworld.example", "2-1 Marunouchi, Chiyoda, Tokyo" },
  { "香港利丰贸易有限公司", "Karen Lau", "+852 2555 0188", "karen.lau@lifung-trading.example", "香港中环皇后大道中 99 号" },
};

typedef struct
{
  const char *title;
  const char *type;
  const char *tags;
} DemoContract;

static const DemoContract demo_contracts[] = {
  { "办公场地租赁合同", "租赁", "租赁, 行政" },
  { "软件许可协议", "许可", "IT, 软件" },
  { "年度维保服务合同", "服务", "维保, 年度框架" },
  { "设备采购合同", "采购", "采购, 设备" },
  { "物流运输服务协议", "服务", "物流" },
  { "保密协议", "保密", "法务, NDA" },
  { "技术开发合同", "开发", "IT, 研发" },
  { "广告投放合作协议", "合作", "市场, 媒体" },
  { "原材料供货合同", "采购", "采购, 供应链" },
  { "咨询服务合同", "服务", "咨询" },
  { "Master Services Agreement", "Services", "MSA, framework" },
  { "Data Processing Addendum", "Privacy", "GDPR, legal" },
  { "Software Subscription Agreement", "Licence", "IT, SaaS" },
  { "Distribution Agreement", "Distribution", "sales, EMEA" },
  { "Non-Disclosure Agreement", "Confidentiality", "NDA, legal" },
  { "Office Cleaning Services", "Services", "facilities" },
  { "Consulting Engagement Letter", "Consulting", "advisory" },
  { "Equipment Lease", "Lease", "leasing, equipment" },
};

static const char * const demo_owners[] = {
  "张伟", "李娜", "王芳", "刘洋", "陈静", "Emma Schmidt", "James Wilson", "赵敏",
};

static const char * const demo_departments[] = {
  "法务部", "采购部", "行政部", "信息技术部", "Sales", "Finance", "市场部",
};

static gboolean
add_demo_client (SignetStore  *store,
                 const char   *name,
                 const char   *code,
                 const char   *contact,
                 const char   *phone,
                 const char   *email,
                 const char   *address,
                 gint64       *id,
                 GError      **error)
{
  g_autoptr(SignetClient) client = signet_client_new ();

  signet_client_set_name (client, name);
  signet_client_set_code (client, code);
  signet_client_set_contact (client, contact);
  signet_client_set_phone (client, phone);
  signet_client_set_email (client, email);
  signet_client_set_address (client, address);

  if (!signet_store_add_client (store, client, error))
    return FALSE;

  *id = signet_client_get_id (client);

  return TRUE;
}

static char *
iso_offset (const GDate *today,
            int          days)
{
  GDate date = *today;

  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);

  return signet_date_to_iso (&date);
}

/* The status a contract has given where its term lies relative to today,
 * with a share of earlier stages for contracts that start in the future. */
static SignetContractStatus
status_for (guint index,
            int   start_offset,
            int   end_offset)
{
  static const SignetContractStatus pending[] = {
    SIGNET_CONTRACT_STATUS_DRAFT, SIGNET_CONTRACT_STATUS_IN_REVIEW,
    SIGNET_CONTRACT_STATUS_APPROVED, SIGNET_CONTRACT_STATUS_SIGNED,
  };

  if (start_offset > 0)
    return pending[index % G_N_ELEMENTS (pending)];

  if (end_offset < 0)
    {
      switch (index % 3)
        {
        case 0:  return SIGNET_CONTRACT_STATUS_RENEWED;
        case 1:  return SIGNET_CONTRACT_STATUS_TERMINATED;
        default: return SIGNET_CONTRACT_STATUS_EXPIRED;
        }
    }

  return SIGNET_CONTRACT_STATUS_ACTIVE;
}

gboolean
signet_demo_fill (SignetStore  *store,
                  GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261127);
  gint64 client_ids[G_N_ELEMENTS (demo_clients)];
  const guint n_contracts = 96;
  GDate today;

  g_return_val_if_fail (SIGNET_IS_STORE (store), FALSE);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));

  if (!signet_store_begin_batch (store, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_clients); i++)
    {
      const DemoClient *c = &demo_clients[i];
      g_autofree char *code = g_strdup_printf ("C%03u", i + 1);

      if (!add_demo_client (store, c->name, code, c->contact, c->phone, c->email,
                            c->address, &client_ids[i], error))
        goto failed;
    }

  for (guint i = 0; i < n_contracts; i++)
    {
      const DemoContract *d = &demo_contracts[i % G_N_ELEMENTS (demo_contracts)];
      g_autoptr(SignetContract) contract = signet_contract_new ();
      /* Terms of one to three years ending from a year ago to two years
       * ahead, so that the register has expired contracts, contracts ending
       * within 90 days and contracts far from their end. */
      int end_offset = -400 + (int) ((i * 977) % 1130);
      int term_days = 365 * (1 + (int) (i % 3)) - 1;
      int start_offset = end_offset - term_days;
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;
      g_autofree char *signing = NULL;
      g_autofree char *number = NULL;
      g_autofree char *title = NULL;
      guint client = (i * 7) % G_N_ELEMENTS (demo_clients);
      gboolean chinese_client = client < 10 || client == 17;
      const char *currency;
      gint64 value;

      if (i % 11 == 0)
        start_offset = 10 + (int) (i % 60), end_offset = start_offset + 364;

      start = iso_offset (&today, start_offset);
      end = iso_offset (&today, end_offset);
      signing = iso_offset (&today, start_offset - 5 - (int) (i % 20));

      number = g_strdup_printf ("HT-%d-%04u", g_date_time_get_year (now), i + 1);
      title = g_strdup (d->title);

      if (chinese_client)
        currency = (i % 9 == 0) ? "USD" : "CNY";
      else
        currency = (i % 2 == 0) ? "EUR" : "USD";

      /* From 20,000.00 to about 5,000,000.00, in whole hundreds. */
      value = (gint64) (200 + g_rand_int_range (rand, 0, 50000)) * 10000;

      signet_contract_set_number (contract, number);
      signet_contract_set_title (contract, title);
      signet_contract_set_client_id (contract, client_ids[client]);
      signet_contract_set_contract_type (contract, d->type);
      signet_contract_set_owner (contract, demo_owners[i % G_N_ELEMENTS (demo_owners)]);
      signet_contract_set_department (contract, demo_departments[(i / 2) % G_N_ELEMENTS (demo_departments)]);
      signet_contract_set_value (contract, value);
      signet_contract_set_currency (contract, currency);
      signet_contract_set_signing_date (contract, signing);
      signet_contract_set_start_date (contract, start);
      signet_contract_set_end_date (contract, end);
      signet_contract_set_auto_renew (contract, i % 4 == 1);
      signet_contract_set_notice_days (contract, i % 4 == 1 ? 30 * (1 + i % 3) : 0);
      signet_contract_set_status (contract, status_for (i, start_offset, end_offset));
      signet_contract_set_risk_level (contract, (i * 5) % SIGNET_N_RISK_LEVELS);
      signet_contract_set_tags (contract, d->tags);
      if (i % 6 == 0)
        signet_contract_set_notes (contract, chinese_client
                                     ? "付款方式：按季度支付，发票开具后 30 日内付款。"
                                     : "Payment quarterly in advance, net 30 from invoice.");

      if (!signet_store_add_contract (store, contract, error))
        goto failed;
    }

  return signet_store_commit_batch (store, error);

failed:
  signet_store_rollback_batch (store);
  return FALSE;
}

static const char * const words_zh[] = {
  "采购", "租赁", "服务", "维保", "软件", "许可", "物流", "咨询", "开发", "保密",
  "供货", "广告", "工程", "设备", "培训", "运维", "数据", "安全", "云", "仓储",
};

static const char * const words_en[] = {
  "Master", "Services", "Supply", "Licence", "Lease", "Maintenance", "Consulting",
  "Logistics", "Data", "Security", "Cloud", "Hardware", "Training", "Support",
  "Framework", "Agreement", "Renewal", "Subscription", "Distribution", "Marketing",
};

static char *
random_title (GRand *rand)
{
  if (g_rand_boolean (rand))
    return g_strconcat (words_zh[g_rand_int_range (rand, 0, G_N_ELEMENTS (words_zh))],
                        words_zh[g_rand_int_range (rand, 0, G_N_ELEMENTS (words_zh))],
                        "合同", NULL);

  return g_strjoin (" ",
                    words_en[g_rand_int_range (rand, 0, G_N_ELEMENTS (words_en))],
                    words_en[g_rand_int_range (rand, 0, G_N_ELEMENTS (words_en))],
                    "Agreement", NULL);
}

gboolean
signet_demo_generate (SignetStore  *store,
                      guint         n_clients,
                      guint         n_contracts,
                      guint32       seed,
                      GError      **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree gint64 *client_ids = g_new0 (gint64, MAX (n_clients, 1));
  GDate base;

  g_return_val_if_fail (SIGNET_IS_STORE (store), FALSE);
  g_return_val_if_fail (n_clients > 0, FALSE);

  g_date_clear (&base, 1);
  g_date_set_dmy (&base, 1, 1, 2022);

  if (!signet_store_begin_batch (store, error))
    return FALSE;

  for (guint i = 0; i < n_clients; i++)
    {
      g_autofree char *name = i % 2
        ? g_strdup_printf ("%s%s有限公司 %u", words_zh[i % G_N_ELEMENTS (words_zh)],
                           words_zh[(i / 7) % G_N_ELEMENTS (words_zh)], i)
        : g_strdup_printf ("%s %s Ltd %u", words_en[i % G_N_ELEMENTS (words_en)],
                           words_en[(i / 7) % G_N_ELEMENTS (words_en)], i);
      g_autofree char *code = g_strdup_printf ("G%05u", i + 1);

      if (!add_demo_client (store, name, code, NULL, NULL, NULL, NULL, &client_ids[i], error))
        goto failed;
    }

  for (guint i = 0; i < n_contracts; i++)
    {
      g_autoptr(SignetContract) contract = signet_contract_new ();
      g_autofree char *number = g_strdup_printf ("GEN-%07u", i + 1);
      g_autofree char *title = random_title (rand);
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;
      GDate date = base;

      g_date_add_days (&date, g_rand_int_range (rand, 0, 1500));
      start = signet_date_to_iso (&date);
      g_date_add_days (&date, g_rand_int_range (rand, 30, 1100));
      end = signet_date_to_iso (&date);

      signet_contract_set_number (contract, number);
      signet_contract_set_title (contract, title);
      signet_contract_set_client_id (contract, client_ids[g_rand_int_range (rand, 0, n_clients)]);
      signet_contract_set_value (contract, (gint64) g_rand_int_range (rand, 1, 1000000) * 100);
      signet_contract_set_currency (contract, (i % 5 == 0) ? "USD" : (i % 7 == 0) ? "EUR" : "CNY");
      signet_contract_set_start_date (contract, start);
      signet_contract_set_end_date (contract, end);
      signet_contract_set_auto_renew (contract, i % 4 == 0);
      signet_contract_set_notice_days (contract, i % 4 == 0 ? 30 : 0);
      signet_contract_set_status (contract, g_rand_int_range (rand, 0, SIGNET_N_CONTRACT_STATUSES));
      signet_contract_set_risk_level (contract, g_rand_int_range (rand, 0, SIGNET_N_RISK_LEVELS));

      if (!signet_store_add_contract (store, contract, error))
        goto failed;
    }

  return signet_store_commit_batch (store, error);

failed:
  signet_store_rollback_batch (store);
  return FALSE;
}
