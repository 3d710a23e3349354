/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <sqlite3.h>

#include "signet-demo.h"
#include "signet-search-text.h"
#include "signet-store.h"
#include "signet-store-attachments.h"
#include "signet-store-private.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

/* Search as users type it: the wider fields, pinyin, pinyin order, where a
 * match was found, and migration 8 on a register of the previous version. */

typedef StoreFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  store_fixture_open_empty (f, "signet.db");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  store_fixture_close (f);
}

static char *
query_raw_text (const char *path,
                const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return text;
}

static SignetClient *
add_client (SignetStore *store,
            const char  *name,
            const char  *code,
            const char  *contact)
{
  g_autoptr(GError) error = NULL;
  SignetClient *client = signet_client_new ();

  signet_client_set_name (client, name);
  signet_client_set_code (client, code);
  signet_client_set_contact (client, contact);
  g_assert_true (signet_store_add_client (store, client, &error));
  g_assert_no_error (error);

  return client;
}

static SignetContract *
add_contract (SignetStore  *store,
              SignetClient *client,
              const char   *number,
              const char   *title,
              const char   *owner,
              const char   *department)
{
  g_autoptr(GError) error = NULL;
  SignetContract *contract = signet_contract_new ();

  signet_contract_set_number (contract, number);
  signet_contract_set_title (contract, title);
  signet_contract_set_client_id (contract, signet_client_get_id (client));
  signet_contract_set_currency (contract, "CNY");
  signet_contract_set_owner (contract, owner);
  signet_contract_set_department (contract, department);
  g_assert_true (signet_store_add_contract (store, contract, &error));
  g_assert_no_error (error);

  return contract;
}

/* The numbers of the contracts @query finds, in @sort_key order, joined by
 * spaces. */
static char *
search_numbers (SignetStore   *store,
                const char    *query,
                SignetSortKey  sort_key,
                gboolean       descending)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = signet_store_query_contract_ids (store, query, sort_key, descending, &error);
  g_autoptr(GString) numbers = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(SignetContract) contract = signet_store_get_contract (store, g_array_index (ids, gint64, i), &error);

      g_assert_no_error (error);
      g_string_append_printf (numbers, "%s%s", i > 0 ? " " : "", signet_contract_get_number (contract));
    }

  return g_string_free (g_steal_pointer (&numbers), FALSE);
}

#define assert_finds(store, query, expected) \
  G_STMT_START { \
    g_autofree char *found_ = search_numbers ((store), (query), SIGNET_SORT_NUMBER, FALSE); \
    if (g_strcmp0 (found_, (expected)) != 0) \
      g_error ("search “%s” found “%s”, expected “%s”", (query), found_, (expected)); \
  } G_STMT_END

/* Another program (the sqlite3 shell, a script) has none of Signet's SQL
 * functions: it can still change and add clients and contracts, and Signet
 * keeps the search text of what it writes itself. */
static void
test_other_program_writes (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SignetClient) client = add_client (f->store, "华东物流", "HDWL", "王芳");
  g_autoptr(SignetContract) contract = add_contract (f->store, client, "HT-1", "仓储合同", "李娜", "采购部");
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;

  unit_exec_raw (f->path,
                 "UPDATE clients SET contact = '赵磊' WHERE code = 'HDWL';"
                 "UPDATE contracts SET owner = '陈静' WHERE number = 'HT-1';"
                 "INSERT INTO contracts (number, title, client_id, currency, status, risk_level, uuid)"
                 "  SELECT 'HT-2', 'Written elsewhere', id, 'CNY', 'draft', 'low',"
                 "         'b6c1d0e4-3f5a-4e2b-9c7d-8a1f2e3d4c5b'"
                 "  FROM clients WHERE code = 'HDWL';");

  g_assert_true (signet_store_check_external_changes (f->store, &error));
  g_assert_no_error (error);
  signet_contract_set_title (contract, "仓储服务合同");
  g_assert_true (signet_store_update_contract (f->store, contract, &error));
  g_assert_no_error (error);
  found = search_numbers (f->store, "ccfw", SIGNET_SORT_NUMBER, FALSE);
  g_assert_cmpstr (found, ==, "HT-1");
}

static void
test_pinyin_of_fields (void)
{
  /* Full pinyin, initials, and parts of either. */
  g_assert_true (signet_search_field_matches ("华东", "huadong"));
  g_assert_true (signet_search_field_matches ("华东", "hd"));
  g_assert_true (signet_search_field_matches ("上海华东建设工程有限公司", "huadongjianshe"));
  g_assert_true (signet_search_field_matches ("上海华东建设工程有限公司", "shhdjs"));
  g_assert_true (signet_search_field_matches ("上海华东建设工程有限公司", "dong"));
  g_assert_true (signet_search_field_matches ("李娜", "lina"));
  g_assert_true (signet_search_field_matches ("李娜", "ln"));
  /* Each character by the reading ICU gives it alone (see
   * signet-search-text.c): 重 of 重庆 as in 重要. */
  g_assert_true (signet_search_field_matches ("重庆", "zhongqing"));
  g_assert_true (signet_search_field_matches ("重庆", "zq"));
  /* The characters themselves, and Latin letters beside them. */
  g_assert_true (signet_search_field_matches ("华东", "华东"));
  g_assert_true (signet_search_field_matches ("ERP系统实施合同", "erpxitong"));
  g_assert_true (signet_search_field_matches ("ERP系统实施合同", "erpxt"));
  g_assert_true (signet_search_field_matches ("ERP系统实施合同", "xtssht"));
  g_assert_true (signet_search_field_matches ("办公楼 2 号楼装修", "2hlzx"));
  g_assert_true (signet_search_field_matches ("Contoso GmbH", "gmbh"));

  /* Nothing across syllables that are not there, no tones to type. */
  g_assert_false (signet_search_field_matches ("华东", "hx"));
  g_assert_false (signet_search_field_matches ("华东", "huá"));
  g_assert_false (signet_search_field_matches ("Contoso GmbH", "cg"));
  g_assert_false (signet_search_field_matches (NULL, "a"));
}

static void
test_search_pinyin (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SignetClient) huadong = add_client (f->store, "上海华东建设工程有限公司", "C001", NULL);
  g_autoptr(SignetClient) contoso = add_client (f->store, "Contoso GmbH", "C002", NULL);
  g_autoptr(SignetContract) a = add_contract (f->store, huadong, "HT-2026-0001", "办公场地租赁合同", NULL, NULL);
  g_autoptr(SignetContract) b = add_contract (f->store, contoso, "HT-2026-0002", "ERP系统实施合同", NULL, NULL);
  g_autoptr(SignetContract) c = add_contract (f->store, contoso, "HT-2026-0003", "Master Services Agreement", NULL, NULL);

  assert_finds (f->store, "huadong", "HT-2026-0001");
  assert_finds (f->store, "hd", "HT-2026-0001");
  assert_finds (f->store, "HD", "HT-2026-0001");
  /* Syllables typed apart are terms that each must match. */
  assert_finds (f->store, "hua dong", "HT-2026-0001");
  assert_finds (f->store, "zulin", "HT-2026-0001");
  assert_finds (f->store, "zlht", "HT-2026-0001");
  assert_finds (f->store, "hetong", "HT-2026-0001 HT-2026-0002");
  assert_finds (f->store, "ht", "HT-2026-0001 HT-2026-0002 HT-2026-0003");
  /* Latin mixed with Chinese, in the text and in the query. */
  assert_finds (f->store, "erpxt", "HT-2026-0002");
  assert_finds (f->store, "erp 实施", "HT-2026-0002");
  assert_finds (f->store, "contoso shishi", "HT-2026-0002");
  assert_finds (f->store, "master", "HT-2026-0003");
  assert_finds (f->store, "huadong master", "");
}

static void
test_search_wider_fields (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetClient) huadong = add_client (f->store, "上海华东建设工程有限公司", "HDJX", "王建国");
  g_autoptr(SignetClient) contoso = add_client (f->store, "Contoso GmbH", "C002", "Jonas Weber");
  g_autoptr(SignetContract) a = add_contract (f->store, huadong, "HT-2026-0001", "办公场地租赁合同", "李娜", "行政部");
  g_autoptr(SignetContract) b = add_contract (f->store, huadong, "HT-2026-0002", "原材料采购框架协议", "张伟", "采购部");
  g_autoptr(SignetContract) c = add_contract (f->store, contoso, "HT-2026-0003", "Supply Agreement", "Emma Schmidt", "Procurement");

  assert_finds (f->store, "李娜", "HT-2026-0001");
  assert_finds (f->store, "lina", "HT-2026-0001");
  assert_finds (f->store, "采购部", "HT-2026-0002");
  assert_finds (f->store, "cgb", "HT-2026-0002");
  assert_finds (f->store, "hdjx", "HT-2026-0001 HT-2026-0002");
  assert_finds (f->store, "王建国", "HT-2026-0001 HT-2026-0002");
  assert_finds (f->store, "wangjianguo", "HT-2026-0001 HT-2026-0002");
  assert_finds (f->store, "jonas", "HT-2026-0003");
  assert_finds (f->store, "procurement schmidt", "HT-2026-0003");

  signet_contract_set_contract_type (c, "供应");
  signet_contract_set_tags (c, "年度框架");
  g_assert_true (signet_store_update_contract (f->store, c, &error));
  g_assert_no_error (error);
  assert_finds (f->store, "供应", "HT-2026-0003");
  assert_finds (f->store, "gongying", "HT-2026-0003");
  assert_finds (f->store, "年度框架", "HT-2026-0003");
  assert_finds (f->store, "emma", "HT-2026-0003");

  /* A client's edit changes what finds each of its contracts. */
  signet_client_set_code (huadong, "SHHD");
  signet_client_set_contact (huadong, "刘洋");
  g_assert_true (signet_store_update_client (f->store, huadong, &error));
  g_assert_no_error (error);
  assert_finds (f->store, "hdjx", "");
  assert_finds (f->store, "shhd", "HT-2026-0001 HT-2026-0002");
  assert_finds (f->store, "liuyang", "HT-2026-0001 HT-2026-0002");
  assert_finds (f->store, "王建国", "");

  /* A new client and its contract, and a deleted contract. */
  {
    g_autoptr(SignetClient) yunqi = add_client (f->store, "北京云启科技有限公司", "YQKJ", NULL);
    g_autoptr(SignetContract) d = add_contract (f->store, yunqi, "HT-2026-0004", "云服务订阅协议", "李娜", NULL);

    assert_finds (f->store, "lina", "HT-2026-0001 HT-2026-0004");
    assert_finds (f->store, "yqkj", "HT-2026-0004");
    g_assert_true (signet_store_delete_contract (f->store, signet_contract_get_id (a), &error));
    g_assert_no_error (error);
    assert_finds (f->store, "lina", "HT-2026-0004");
  }
}

/* Typing on only looks at what the shorter query found; a write in
 * between, a deleted letter or another order looks at everything again. */
static void
test_search_typing_on (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetClient) huadong = add_client (f->store, "上海华东建设工程有限公司", "HDJX", NULL);
  g_autoptr(SignetContract) a = add_contract (f->store, huadong, "HT-2026-0001", "Equipment Lease", NULL, NULL);
  g_autoptr(SignetContract) b = add_contract (f->store, huadong, "HT-2026-0002", "Supply Agreement", NULL, NULL);

  assert_finds (f->store, "l", "HT-2026-0001 HT-2026-0002");
  assert_finds (f->store, "le", "HT-2026-0001");
  assert_finds (f->store, "lea", "HT-2026-0001");
  signet_contract_set_title (b, "Supply Lease");
  g_assert_true (signet_store_update_contract (f->store, b, &error));
  g_assert_no_error (error);
  assert_finds (f->store, "leas", "HT-2026-0001 HT-2026-0002");
  assert_finds (f->store, "leasx", "");
  assert_finds (f->store, "leas", "HT-2026-0001 HT-2026-0002");
  assert_finds (f->store, "leas supply", "HT-2026-0002");
  assert_finds (f->store, "supply", "HT-2026-0002");
  {
    g_autofree char *descending = search_numbers (f->store, "lease", SIGNET_SORT_NUMBER, TRUE);

    g_assert_cmpstr (descending, ==, "HT-2026-0002 HT-2026-0001");
  }
  assert_finds (f->store, "lease equipment", "HT-2026-0001");
}

/* The same answers on every core: a register past the size the scan is
 * split at, checked against instr() on the stored text. */
static void
test_search_large (Fixture       *f,
                   gconstpointer  data)
{
  /* Typed one after the other: some extend the one before. */
  const char * const queries[] = { "a", "合同", "hetong", "ht", "l", "li", "lin", "lina", "lina c", "lina cg",
                                   "master s", "采购 框架", "采购 框架协议", "hdjx", "zz", "合" };
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_demo_generate (f->store, 300, 30000, 7, &error));
  g_assert_no_error (error);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_auto(GStrv) terms = g_strsplit (queries[q], " ", -1);
      g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM contracts c JOIN clients k ON k.id = c.client_id");
      g_autoptr(GArray) ids = signet_store_query_contract_ids (f->store, queries[q], SIGNET_SORT_TITLE, FALSE, &error);

      g_assert_no_error (error);
      for (guint t = 0; terms[t] != NULL; t++)
        g_string_append_printf (sql, " %s (instr (c.search_text, '%s') > 0 OR instr (c.search_facets, '%s') > 0"
                                " OR instr (k.search_text, '%s') > 0)", t == 0 ? "WHERE" : "AND",
                                terms[t], terms[t], terms[t]);
      g_test_message ("“%s”: %u", queries[q], ids->len);
      g_assert_cmpint (ids->len, ==, unit_query_raw_int (f->path, sql->str));
    }
}

static void
test_pinyin_order (Fixture       *f,
                   gconstpointer  data)
{
  const char * const cities[] = { "天津", "上海", "重庆", "北京" };
  g_autofree char *by_client = NULL;
  g_autofree char *by_client_descending = NULL;
  g_autofree char *by_title = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cities); i++)
    {
      g_autofree char *name = g_strconcat (cities[i], "贸易有限公司", NULL);
      g_autofree char *code = g_strdup_printf ("C%u", i);
      g_autofree char *number = g_strdup_printf ("HT-%u", i);
      g_autofree char *title = g_strconcat (cities[i], "办公室租赁合同", NULL);
      g_autoptr(SignetClient) client = add_client (f->store, name, code, NULL);
      g_autoptr(SignetContract) contract = add_contract (f->store, client, number, title, NULL, NULL);
    }

  /* HT-3 北京 < HT-2 重庆 < HT-1 上海 < HT-0 天津 */
  by_client = search_numbers (f->store, NULL, SIGNET_SORT_CLIENT, FALSE);
  g_assert_cmpstr (by_client, ==, "HT-3 HT-2 HT-1 HT-0");
  by_client_descending = search_numbers (f->store, NULL, SIGNET_SORT_CLIENT, TRUE);
  g_assert_cmpstr (by_client_descending, ==, "HT-0 HT-1 HT-2 HT-3");
  by_title = search_numbers (f->store, "zulin", SIGNET_SORT_TITLE, FALSE);
  g_assert_cmpstr (by_title, ==, "HT-3 HT-2 HT-1 HT-0");
  {
    g_autoptr(GListModel) clients = signet_store_list_clients (f->store, NULL);
    g_autoptr(SignetClient) first = g_list_model_get_item (clients, 0);
    g_autoptr(SignetClient) second = g_list_model_get_item (clients, 1);
    g_autoptr(SignetClient) last = g_list_model_get_item (clients, 3);

    g_assert_cmpstr (signet_client_get_name (first), ==, "北京贸易有限公司");
    g_assert_cmpstr (signet_client_get_name (second), ==, "重庆贸易有限公司");
    g_assert_cmpstr (signet_client_get_name (last), ==, "天津贸易有限公司");
  }

  /* Latin before Chinese; case does not split names ("contoso" after
   * "Adventure", "Alpha" before "beta"). */
  {
    g_autoptr(SignetClient) client = add_client (f->store, "contoso GmbH", "C9", NULL);
    g_autoptr(SignetContract) contract = add_contract (f->store, client, "HT-9", "Alpha lease", NULL, NULL);
    g_autoptr(SignetClient) other = add_client (f->store, "Adventure Works", "C8", NULL);
    g_autoptr(SignetContract) second = add_contract (f->store, other, "HT-8", "beta lease", NULL, NULL);
    g_autofree char *all_by_client = search_numbers (f->store, NULL, SIGNET_SORT_CLIENT, FALSE);
    g_autofree char *all_by_title = search_numbers (f->store, NULL, SIGNET_SORT_TITLE, FALSE);

    g_assert_cmpstr (all_by_client, ==, "HT-8 HT-9 HT-3 HT-2 HT-1 HT-0");
    g_assert_cmpstr (all_by_title, ==, "HT-9 HT-8 HT-3 HT-2 HT-1 HT-0");
  }
}

static void
test_match_location (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetClient) huadong = add_client (f->store, "上海华东建设工程有限公司", "HDJX", "王建国");
  g_autoptr(SignetContract) a = add_contract (f->store, huadong, "HT-2026-0001", "办公场地租赁合同", "李娜", "采购部");
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("%PDF-1.4 test", 13);
  gint64 id = signet_contract_get_id (a);
  struct { const char *search; const char *location; } cases[] = {
    { "李娜", "Owner: 李娜" },
    { "lina", "Owner: 李娜" },
    { "租赁 ln", "Owner: 李娜" },
    { "采购部", "Department: 采购部" },
    { "hdjx", "Code: HDJX" },
    { "wjg", "Contact Person: 王建国" },
    { "第三条", "in 租赁合同.pdf, page 3" },
    { "rent", "in 租赁合同.pdf, page 1" },
    /* What the row shows says it all. */
    { "租赁", NULL },
    { "zulin", NULL },
    { "huadong", NULL },
    { "ht-2026", NULL },
    { NULL, NULL },
    /* Not found at all. */
    { "nothing", NULL },
  };

  attachment = signet_store_add_attachment (f->store, id, bytes, "租赁合同.pdf", "application/pdf",
                                            SIGNET_ATTACHMENT_ROLE_SIGNED, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (signet_store_set_blob_text (f->store, signet_attachment_get_sha256 (attachment),
                                             SIGNET_BLOB_TEXT_DONE,
                                             "Rent of the premises\n第一条 租赁物\f第二条\n\f第三条 租金\n", &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *location = signet_store_describe_match (f->store, id, cases[i].search);

      g_assert_cmpstr (location, ==, cases[i].location);
    }
  assert_finds (f->store, "第三条", "HT-2026-0001");
}

/* A register of the previous version (6, before migration 7's UUIDs), with
 * its rows as that version wrote them: migration 8 makes their search text,
 * pinyin and sort keys. */
static void
test_migration_8 (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "v6.db", NULL);
  g_autoptr(SignetStore) v6 = signet_store_new_at_version (path, 6, &error);
  g_autoptr(SignetStore) now = NULL;
  g_autofree char *version = NULL;
  g_autofree char *by_client = NULL;
  g_autofree char *by_title = NULL;
  g_autofree char *location = NULL;
  g_autofree char *texts = NULL;

  g_assert_no_error (error);
  g_clear_object (&v6);

  unit_exec_raw (path,
                 "INSERT INTO clients (id, name, code, contact) VALUES"
                 "  (1, '天津滨海港口服务有限公司', 'TJBH', '马超'),"
                 "  (2, '上海华东建设工程有限公司', 'HDJX', '王建国'),"
                 "  (3, '重庆山城汽车零部件有限公司', 'CQSC', NULL),"
                 "  (4, '北京云启科技有限公司', 'BJYQ', '刘洋');"
                 "INSERT INTO contracts (id, number, title, client_id, contract_type, owner, department,"
                 "  value, currency, status, risk_level, tags, search_text) VALUES"
                 "  (1, 'HT-2026-0001', '天津仓储合同', 1, '租赁', '李娜', '采购部', 100, 'CNY', 'draft', 'low', NULL,"
                 "   'ht-2026-0001 天津仓储合同 天津滨海港口服务有限公司 '),"
                 "  (2, 'HT-2026-0002', '上海办公场地租赁合同', 2, '租赁', '张伟', '行政部', 100, 'CNY', 'draft', 'low', '年度框架',"
                 "   'ht-2026-0002 上海办公场地租赁合同 上海华东建设工程有限公司 年度框架'),"
                 "  (3, 'HT-2026-0003', '重庆汽配采购协议', 3, '采购', '王芳', '采购部', 100, 'CNY', 'draft', 'low', NULL,"
                 "   'ht-2026-0003 重庆汽配采购协议 重庆山城汽车零部件有限公司 '),"
                 "  (4, 'HT-2026-0004', '北京云服务订阅协议', 4, '订阅服务', '李娜', '信息技术部', 100, 'CNY', 'draft', 'low', NULL,"
                 "   'ht-2026-0004 北京云服务订阅协议 北京云启科技有限公司 ');"
            /* Files' text as it was read before pages were marked and
             * Chinese given as Latin-1 letters was recovered. */
                 "INSERT INTO blob_text (sha256, state, text) VALUES"
                 "  ('a1', 'done', '¹ØÓÚºì¾ü×÷Õ½µÄÔ­Ôò'),"
                 "  ('b2', 'done', '关于红军作战的原则 page 1'),"
                 "  ('c3', 'done', 'Lease agreement');");

  now = signet_store_new (path, &error);
  g_assert_no_error (error);

  assert_finds (now, "李娜", "HT-2026-0001 HT-2026-0004");
  assert_finds (now, "lina", "HT-2026-0001 HT-2026-0004");
  assert_finds (now, "采购部", "HT-2026-0001 HT-2026-0003");
  assert_finds (now, "hdjx", "HT-2026-0002");
  assert_finds (now, "huadong", "HT-2026-0002");
  assert_finds (now, "hd", "HT-2026-0002");
  assert_finds (now, "年度框架", "HT-2026-0002");
  assert_finds (now, "liuyang", "HT-2026-0004");

  by_client = search_numbers (now, NULL, SIGNET_SORT_CLIENT, FALSE);
  g_assert_cmpstr (by_client, ==, "HT-2026-0004 HT-2026-0003 HT-2026-0002 HT-2026-0001");
  by_title = search_numbers (now, NULL, SIGNET_SORT_TITLE, FALSE);
  g_assert_cmpstr (by_title, ==, "HT-2026-0004 HT-2026-0003 HT-2026-0002 HT-2026-0001");

  location = signet_store_describe_match (now, 1, "lina");
  g_assert_cmpstr (location, ==, "Owner: 李娜");

  g_clear_object (&now);
  texts = query_raw_text (path, "SELECT count(*) FROM blob_text");
  g_assert_cmpstr (texts, ==, "0");
  version = query_raw_text (path, "SELECT version FROM search_icu");
  g_assert_cmpstr (version, ==, signet_search_icu_version ());
  /* Migrated on to the newest version. */
  g_assert_cmpint (unit_query_raw_int (path, "PRAGMA user_version"), ==, signet_store_get_schema_version ());
}

/* Sort keys made by another ICU do not compare with this one's: a
 * register that says so gets new keys and pinyin when it is opened. */
static void
test_icu_version_change (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *same_version = NULL;
  g_autofree char *by_client = NULL;
  const char * const cities[] = { "天津", "上海", "重庆", "北京" };

  for (guint i = 0; i < G_N_ELEMENTS (cities); i++)
    {
      g_autofree char *code = g_strdup_printf ("C%u", i);
      g_autofree char *number = g_strdup_printf ("HT-%u", i);
      g_autoptr(SignetClient) client = add_client (f->store, cities[i], code, NULL);
      g_autoptr(SignetContract) contract = add_contract (f->store, client, number, cities[i], NULL, NULL);
    }
  g_clear_object (&f->store);

  /* As an older ICU might have left them: other keys, no pinyin (the
   * triggers watch other columns). A server's bytes are bytea. */
  unit_exec_raw (f->path,
                 store_fixture_on_server ()
                 ? "UPDATE search_icu SET version = 'icu 1.0, zh collator 1.0';"
                   "UPDATE clients SET name_key = convert_to (code, 'UTF8'), search_text = lower (name);"
                   "UPDATE contracts SET title_key = convert_to (number, 'UTF8'), search_text = lower (title);"
                 : "UPDATE search_icu SET version = 'icu 1.0, zh collator 1.0';"
                   "UPDATE clients SET name_key = CAST (code AS BLOB), search_text = lower (name);"
                   "UPDATE contracts SET title_key = CAST (number AS BLOB), search_text = lower (title);");
  f->store = signet_store_new (f->path, &error);
  g_assert_no_error (error);

  same_version = g_strdup_printf ("SELECT count(*) FROM search_icu WHERE version = '%s'",
                                  signet_search_icu_version ());
  g_assert_cmpint (unit_query_raw_int (f->path, same_version), ==, 1);
  by_client = search_numbers (f->store, NULL, SIGNET_SORT_CLIENT, FALSE);
  g_assert_cmpstr (by_client, ==, "HT-3 HT-2 HT-1 HT-0");
  assert_finds (f->store, "beijing", "HT-3");
}

/* On a server a write marks a row's search text for the app to remake
 * only when a searched value changes: a save names every column, and
 * must not make every saved row's text again. */
static void
test_pending_on_change (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(SignetClient) other = NULL;
  g_autoptr(SignetContract) contract = NULL;

  if (!store_fixture_on_server ())
    {
      g_test_skip ("A register on a server only: its triggers mark what the app remakes");
      return;
    }

  client = add_client (f->store, "华东物流", "HDWL", "王芳");
  other = add_client (f->store, "北方能源", "BFNY", NULL);
  contract = add_contract (f->store, client, "HT-1", "仓储合同", "李娜", "采购部");
  g_assert_cmpint (unit_query_raw_int (f->path, "SELECT count(*) FROM contracts WHERE title_key IS NULL"), ==, 0);
  g_assert_cmpint (unit_query_raw_int (f->path, "SELECT count(*) FROM clients WHERE name_key IS NULL"), ==, 0);

  /* The searched columns named, their values unchanged. */
  unit_exec_raw (f->path,
                 "UPDATE contracts SET number = number, title = title, contract_type = contract_type,"
                 " owner = owner, department = department, tags = tags, client_id = client_id,"
                 " version = version + 1;"
                 "UPDATE clients SET name = name, code = code, contact = contact, version = version + 1;");
  g_assert_cmpint (unit_query_raw_int (f->path, "SELECT count(*) FROM contracts WHERE title_key IS NULL"), ==, 0);
  g_assert_cmpint (unit_query_raw_int (f->path, "SELECT count(*) FROM clients WHERE name_key IS NULL"), ==, 0);

  /* Another client: the contract's text shows the client's name. */
  unit_exec_raw (f->path,
                 "UPDATE contracts SET client_id = (SELECT id FROM clients WHERE code = 'BFNY');"
                 "UPDATE clients SET contact = '赵磊' WHERE code = 'HDWL';");
  g_assert_cmpint (unit_query_raw_int (f->path, "SELECT count(*) FROM contracts WHERE title_key IS NULL"), ==, 1);
  g_assert_cmpint (unit_query_raw_int (f->path, "SELECT count(*) FROM clients WHERE name_key IS NULL"), ==, 1);
}

/* On a server the store writes a contract with the search text and sort
 * key the app makes (pinyin, ICU), so a batch's rows need no second
 * write before they are sorted or searched; a row another program
 * inserts is still the app's to make. */
static void
test_inserted_with_texts (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(GError) error = NULL;

  if (!store_fixture_on_server ())
    {
      g_test_skip ("A register on a server only: a file's own functions make the texts as it writes");
      return;
    }

  client = add_client (f->store, "华东物流", "HDWL", "王芳");
  g_assert_true (signet_store_begin_batch (f->store, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *number = g_strdup_printf ("HT-%u", i + 1);
      g_autoptr(SignetContract) contract = add_contract (f->store, client, number, "租赁合同", "李娜", "采购部");
    }
  g_assert_true (signet_store_commit_batch (f->store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (unit_query_raw_int (f->path, "SELECT count(*) FROM contracts WHERE title_key IS NULL"), ==, 0);
  g_assert_cmpint (unit_query_raw_int (f->path,
                                       "SELECT count(*) FROM contracts WHERE strpos (search_text, 'zulin') > 0"
                                       " AND strpos (search_facets, 'lina') > 0"),
                   ==, 3);

  unit_exec_raw (f->path,
                 "INSERT INTO contracts (number, title, client_id, currency, value, status, risk_level,"
                 " search_text, search_facets, title_key)"
                 " SELECT 'HT-9', '仓储合同', id, 'CNY', 0, 'draft', 'low', 'ht-9', '', signet_sort_key ('仓储合同')"
                 " FROM clients WHERE code = 'HDWL'");
  g_assert_cmpint (unit_query_raw_int (f->path, "SELECT count(*) FROM contracts WHERE title_key IS NULL"), ==, 1);
  g_assert_true (signet_store_check_external_changes (f->store, &error));
  g_assert_no_error (error);
  assert_finds (f->store, "cangchu", "HT-9");
  assert_finds (f->store, "zulin", "HT-1 HT-2 HT-3");
}

/* A term of one or two characters is looked up in the GIN index of the
 * clients' characters and pairs, not made row by row: planned so, a
 * search of a city's name read 20,000 clients for 1.7 s. What the server
 * plans is read through a function, as a row: EXPLAIN is no expression. */
static void
test_short_terms_by_index (Fixture       *f,
                           gconstpointer  data)
{
  if (!store_fixture_on_server ())
    {
      g_test_skip ("A register on a server only: a file searches in memory");
      return;
    }

  unit_exec_raw (f->path,
                 "INSERT INTO clients (name, code, search_text)"
                 " SELECT CASE WHEN i % 30 = 0 THEN '上海' ELSE '北京' END || '贸易' || i || '有限公司', 'K' || i,"
                 "        CASE WHEN i % 30 = 0 THEN '上海' ELSE '北京' END || '贸易' || i || '有限公司 shanghai maoyi'"
                 " FROM generate_series (1, 6000) i;"
                 "ANALYZE clients;"
                 "CREATE FUNCTION test_plan_uses (query text, name text) RETURNS integer LANGUAGE plpgsql AS $$"
                 " DECLARE line text; found integer := 0;"
                 " BEGIN"
                 "   SET LOCAL plan_cache_mode = force_generic_plan;"
                 "   EXECUTE 'PREPARE test_plan (text) AS ' || query;"
                 "   FOR line IN EXECUTE 'EXPLAIN EXECUTE test_plan (''上海'')' LOOP"
                 "     IF strpos (line, name) > 0 THEN found := 1; END IF;"
                 "   END LOOP;"
                 "   DEALLOCATE test_plan;"
                 "   RETURN found;"
                 " END $$;");
  g_assert_cmpint (unit_query_raw_int (f->path,
                                       "SELECT test_plan_uses ('SELECT c.id FROM clients k JOIN contracts c ON c.client_id = k.id"
                                       " WHERE signet_search_grams (k.search_text) @> ARRAY[CAST ($1 AS text)]',"
                                       " 'clients_search_text_grams')"),
                   ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/search/pinyin-of-fields", test_pinyin_of_fields);
  ADD ("/search/pinyin", test_search_pinyin);
  ADD ("/search/wider-fields", test_search_wider_fields);
  ADD ("/search/typing-on", test_search_typing_on);
  ADD ("/search/large", test_search_large);
  ADD ("/search/pinyin-order", test_pinyin_order);
  ADD ("/search/match-location", test_match_location);
  ADD ("/search/migration-8", test_migration_8);
  ADD ("/search/icu-version-change", test_icu_version_change);
  ADD ("/search/other-program-writes", test_other_program_writes);
  ADD ("/search/pending-on-change", test_pending_on_change);
  ADD ("/search/short-terms-by-index", test_short_terms_by_index);
  ADD ("/search/inserted-with-texts", test_inserted_with_texts);
#undef ADD

  return g_test_run ();
}
