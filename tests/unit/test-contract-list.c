/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>

#include "signet-contract-list.h"
#include "signet-tombstone.h"
#include "store-fixture.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

typedef struct
{
  StoreFixture        base;       /* its client is Northwind */
  SignetContractList *list;
  GArray             *changes;
} Fixture;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  Change change = { position, removed, added };

  g_array_append_val (f->changes, change);
}

static SignetContract *
add_contract (Fixture    *f,
              const char *number,
              const char *title)
{
  g_autoptr(GError) error = NULL;
  SignetContract *contract = signet_contract_new ();

  signet_contract_set_number (contract, number);
  signet_contract_set_title (contract, title);
  signet_contract_set_client_id (contract, signet_client_get_id (f->base.client));
  g_assert_true (signet_store_add_contract (f->base.store, contract, &error));
  g_assert_no_error (error);

  return contract;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  store_fixture_open_empty (&f->base, "signet.db");

  f->base.client = signet_client_new ();
  signet_client_set_name (f->base.client, "Northwind");
  signet_client_set_code (f->base.client, "C001");
  g_assert_true (signet_store_add_client (f->base.store, f->base.client, &error));

  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *number = g_strdup_printf ("HT-%u0", i);
      g_autoptr(SignetContract) c = add_contract (f, number, i % 2 ? "合同 odd" : "合同 even");
    }

  f->list = signet_contract_list_new (f->base.store);
  f->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_signal_connect (f->list, "items-changed", G_CALLBACK (items_changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->list);
  g_array_unref (f->changes);
  store_fixture_close (&f->base);
}

static void
assert_change (Fixture *f,
               guint    index,
               guint    position,
               guint    removed,
               guint    added)
{
  Change *c;

  g_assert_cmpuint (index, <, f->changes->len);
  c = &g_array_index (f->changes, Change, index);
  g_assert_cmpuint (c->position, ==, position);
  g_assert_cmpuint (c->removed, ==, removed);
  g_assert_cmpuint (c->added, ==, added);
}

static const char *
number_at (Fixture *f,
           guint    position)
{
  g_autoptr(SignetContract) c = g_list_model_get_item (G_LIST_MODEL (f->list), position);
  static char buffer[64];

  g_strlcpy (buffer, signet_contract_get_number (c), sizeof buffer);

  return buffer;
}

static void
test_lazy_items (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 5);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (f->list)) == SIGNET_TYPE_CONTRACT);
  g_assert_cmpstr (number_at (f, 0), ==, "HT-10");
  g_assert_cmpstr (number_at (f, 4), ==, "HT-50");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (f->list), 5));
  g_assert_cmpuint (f->changes->len, ==, 0);
}

static void
test_insert_emits_one_row (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SignetContract) c = add_contract (f, "HT-25", "New");

  g_assert_cmpuint (f->changes->len, ==, 1);
  assert_change (f, 0, 2, 0, 1);
  g_assert_cmpuint (signet_contract_list_find (f->list, signet_contract_get_id (c)), ==, 2);
}

static void
test_delete_emits_one_row (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SignetContract) third = signet_store_find_contract_by_number (f->base.store, "HT-30", NULL);
  g_autoptr(SignetTombstone) tombstone = NULL;

  tombstone = signet_store_delete (f->base.store, SIGNET_TOMBSTONE_CONTRACT, signet_contract_get_id (third), NULL);
  g_assert_nonnull (tombstone);
  g_assert_cmpuint (f->changes->len, ==, 1);
  assert_change (f, 0, 2, 1, 0);

  g_assert_true (signet_store_restore (f->base.store, tombstone, NULL));
  g_assert_cmpuint (f->changes->len, ==, 2);
  assert_change (f, 1, 2, 0, 1);
}

static void
test_update_in_place (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SignetContract) c = signet_store_find_contract_by_number (f->base.store, "HT-40", NULL);

  signet_contract_set_title (c, "Renamed");
  g_assert_true (signet_store_update_contract (f->base.store, c, NULL));
  g_assert_cmpuint (f->changes->len, ==, 1);
  assert_change (f, 0, 3, 1, 1);
}

static void
test_update_moves (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SignetContract) c = signet_store_find_contract_by_number (f->base.store, "HT-20", NULL);

  /* HT-20 becomes HT-45: it moves from position 1 to 3. */
  signet_contract_set_number (c, "HT-45");
  g_assert_true (signet_store_update_contract (f->base.store, c, NULL));
  g_assert_cmpuint (f->changes->len, ==, 1);
  assert_change (f, 0, 1, 3, 3);
  g_assert_cmpstr (number_at (f, 3), ==, "HT-45");
}

static void
test_search_and_sort (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SignetContract) c = NULL;

  signet_contract_list_set_search (f->list, "odd");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 3);
  g_assert_cmpuint (f->changes->len, ==, 1);

  /* Typing the same text again is not a change. */
  signet_contract_list_set_search (f->list, "odd");
  g_assert_cmpuint (f->changes->len, ==, 1);

  /* A store change that falls outside the filter emits nothing. */
  c = add_contract (f, "HT-60", "even later");
  g_assert_cmpuint (f->changes->len, ==, 1);

  signet_contract_list_set_sort (f->list, SIGNET_SORT_NUMBER, TRUE);
  g_assert_cmpuint (f->changes->len, ==, 2);
  g_assert_cmpstr (number_at (f, 0), ==, "HT-50");

  signet_contract_list_set_search (f->list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 6);
  g_assert_cmpstr (number_at (f, 0), ==, "HT-60");
}

static void
test_client_rename (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetClient) other = signet_client_new ();
  g_autoptr(SignetClient) renamed = NULL;
  g_autoptr(SignetContract) c = NULL;

  signet_client_set_name (other, "Other");
  signet_client_set_code (other, "C002");
  g_assert_true (signet_store_add_client (f->base.store, other, &error));
  g_assert_cmpuint (f->changes->len, ==, 0);

  c = signet_store_find_contract_by_number (f->base.store, "HT-20", NULL);
  signet_contract_set_client_id (c, signet_client_get_id (other));
  g_assert_true (signet_store_update_contract (f->base.store, c, NULL));
  g_clear_object (&c);
  c = signet_store_find_contract_by_number (f->base.store, "HT-40", NULL);
  signet_contract_set_client_id (c, signet_client_get_id (other));
  g_assert_true (signet_store_update_contract (f->base.store, c, NULL));
  g_array_set_size (f->changes, 0);

  renamed = signet_client_copy (other);
  signet_client_set_name (renamed, "Other Renamed");
  g_assert_true (signet_store_update_client (f->base.store, renamed, &error));
  g_assert_no_error (error);

  /* Only the stretch from HT-20 to HT-40 is rebound. */
  g_assert_cmpuint (f->changes->len, ==, 1);
  assert_change (f, 0, 1, 3, 3);
}

static void
test_batch_reset (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_true (signet_store_begin_batch (f->base.store, NULL));
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *number = g_strdup_printf ("HT-9%02u", i);
      g_autoptr(SignetContract) c = add_contract (f, number, "Bulk");
    }
  g_assert_cmpuint (f->changes->len, ==, 0);
  g_assert_true (signet_store_commit_batch (f->base.store, NULL));

  g_assert_cmpuint (f->changes->len, ==, 1);
  assert_change (f, 0, 0, 5, 25);
}

static char *
model_number_at (GListModel *model,
                 guint       position)
{
  g_autoptr(SignetContract) contract = g_list_model_get_item (model, position);

  g_assert_nonnull (contract);

  return g_strdup (signet_contract_get_number (contract));
}

/* A list that loads only its first ids (a window's first screenful) has
 * the whole register's length at once, gives the same rows as a full list
 * in the same order, and loads the rest when a later row is asked for. */
static void
test_head_then_rest (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SignetContractList) head = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  GListModel *full = G_LIST_MODEL (f->list);

  head = signet_contract_list_new_head (f->base.store, SIGNET_SORT_NUMBER, TRUE, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (head)), ==, 5);

  signet_contract_list_set_sort (f->list, SIGNET_SORT_NUMBER, TRUE);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *expected = model_number_at (full, i);
      g_autofree char *got = model_number_at (G_LIST_MODEL (head), i);

      g_assert_cmpstr (got, ==, expected);
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (head), 5));

  /* A change before the rest is loaded replaces the whole list. */
  g_clear_object (&head);
  head = signet_contract_list_new_head (f->base.store, SIGNET_SORT_NUMBER, FALSE, 2);
  g_signal_connect (head, "items-changed", G_CALLBACK (items_changed_cb), f);
  g_array_set_size (f->changes, 0);
  {
    g_autoptr(SignetContract) added = add_contract (f, "HT-00", "合同 first");
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (head)), ==, 6);
  g_assert_cmpuint (f->changes->len, >=, 1);
  {
    g_autofree char *first = model_number_at (G_LIST_MODEL (head), 0);
    g_autofree char *last = model_number_at (G_LIST_MODEL (head), 5);

    g_assert_cmpstr (first, ==, "HT-00");
    g_assert_cmpstr (last, ==, "HT-50");
  }

  /* Loading the rest of a list that is up to date announces nothing. */
  g_clear_object (&head);
  head = signet_contract_list_new_head (f->base.store, SIGNET_SORT_NUMBER, FALSE, 3);
  g_signal_connect (head, "items-changed", G_CALLBACK (items_changed_cb), f);
  g_array_set_size (f->changes, 0);
  signet_contract_list_load_all (head);
  g_assert_cmpuint (f->changes->len, ==, 0);
  {
    g_autoptr(SignetContract) last = signet_store_find_contract_by_number (f->base.store, "HT-50", NULL);

    g_assert_cmpuint (signet_contract_list_find (head, signet_contract_get_id (last)), ==, 5);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/contract-list/lazy-items", test_lazy_items);
  ADD ("/contract-list/insert", test_insert_emits_one_row);
  ADD ("/contract-list/delete-restore", test_delete_emits_one_row);
  ADD ("/contract-list/update-in-place", test_update_in_place);
  ADD ("/contract-list/update-moves", test_update_moves);
  ADD ("/contract-list/search-and-sort", test_search_and_sort);
  ADD ("/contract-list/client-rename", test_client_rename);
  ADD ("/contract-list/batch-reset", test_batch_reset);
  ADD ("/contract-list/head-then-rest", test_head_then_rest);
#undef ADD

  return g_test_run ();
}
