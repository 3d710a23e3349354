/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "signet-amendment.h"
#include "signet-approval.h"
#include "signet-attachment.h"
#include "signet-contract-process.h"
#include "signet-obligation.h"
#include "signet-original.h"
#include "signet-payment.h"
#include "signet-person.h"
#include "signet-store.h"
#include "signet-tombstone.h"
#include "signet-store-amendments.h"
#include "signet-store-approvals.h"
#include "signet-store-attachments.h"
#include "signet-store-events.h"
#include "signet-store-notice.h"
#include "signet-store-obligations.h"
#include "signet-store-originals.h"
#include "signet-store-payments.h"
#include "signet-store-people.h"
#include "signet-store-process.h"
#include "signet-store-renewals.h"
#include "signet-store-team.h"
#include "signet-store-views.h"
#include "pg-test-server.h"
#include "unit-test-utils.h"

/* A team register open in several places at once, each a connection of
 * its own to one database on a real PostgreSQL server the test starts:
 * what one writes reaches the others' "changed" by itself within a
 * second, ids committed out of order included; a server restart is seen,
 * reported and got over with nothing written twice; a client killed in
 * the middle of its transaction leaves nothing behind, no lock included;
 * and of two saves of one version at once, the second is a conflict. */

/* How long a client waits for the server's lock before failing: the kill
 * case then fails rather than hangs if the dead client's lock stayed. */
#define LOCK_TIMEOUT_OPTION "&options=-c%20lock_timeout%3D3000"

typedef struct
{
  gint64           id;
  SignetChangeKind change;
  gint64           at;      /* monotonic time it was emitted */
} Seen;

typedef struct
{
  char        *uri;
  SignetStore *a;          /* one person's window */
  SignetStore *b;          /* another's */
  GArray      *seen;       /* of Seen: b's "changed" for contracts */
  guint        n_resets;   /* b's "reset" */
  GArray      *connected;  /* of gboolean: b's "connected" as it changed */
} Fixture;

static void
changed_cb (SignetStore      *store,
            SignetRecordKind  kind,
            gint64            id,
            SignetChangeKind  change,
            Fixture          *f)
{
  Seen seen = { id, change, g_get_monotonic_time () };

  if (kind == SIGNET_RECORD_CONTRACT)
    g_array_append_val (f->seen, seen);
}

static void
reset_cb (SignetStore *store,
          Fixture     *f)
{
  f->n_resets++;
}

static void
connected_cb (SignetStore *store,
              GParamSpec  *pspec,
              Fixture     *f)
{
  gboolean connected = signet_store_get_connected (store);

  g_array_append_val (f->connected, connected);
}

static SignetStore *
open_store (const char *uri)
{
  g_autoptr(GError) error = NULL;
  SignetStore *store = signet_store_new (uri, &error);

  g_assert_no_error (error);

  return store;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *uri = pg_test_server_new_database ("team_live");

  f->uri = g_strconcat (uri, LOCK_TIMEOUT_OPTION, NULL);
  f->a = open_store (f->uri);
  f->b = open_store (f->uri);
  f->seen = g_array_new (FALSE, FALSE, sizeof (Seen));
  f->connected = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_signal_connect (f->b, "changed", G_CALLBACK (changed_cb), f);
  g_signal_connect (f->b, "reset", G_CALLBACK (reset_cb), f);
  g_signal_connect (f->b, "notify::connected", G_CALLBACK (connected_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  g_clear_pointer (&f->seen, g_array_unref);
  g_clear_pointer (&f->connected, g_array_unref);
  g_clear_pointer (&f->uri, g_free);
}

static gboolean
give_up_cb (gpointer data)
{
  *(gboolean *) data = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the main context until *@done, or @seconds have passed. */
static void
run_until (const gboolean *done,
           guint           seconds)
{
  gboolean gave_up = FALSE;
  guint timeout = g_timeout_add_seconds (seconds, give_up_cb, &gave_up);

  while (!*done && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  if (!gave_up)
    g_source_remove (timeout);
}

static gboolean
seen_contract (Fixture *f,
               gint64   id)
{
  for (guint i = 0; i < f->seen->len; i++)
    if (g_array_index (f->seen, Seen, i).id == id)
      return TRUE;

  return FALSE;
}

/* Runs the main context until b has seen @id changed (at most @seconds). */
static void
wait_for_contract (Fixture *f,
                   gint64   id,
                   guint    seconds)
{
  gboolean gave_up = FALSE;
  guint timeout = g_timeout_add_seconds (seconds, give_up_cb, &gave_up);

  while (!seen_contract (f, id) && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  if (!gave_up)
    g_source_remove (timeout);
}

static gint64
audit_count (Fixture *f,
             gint64   contract_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE record_kind = 'contract' "
                                          "AND record_id = %" G_GINT64_FORMAT, contract_id);

  return unit_query_raw_int (f->uri, sql);
}

/* A change one person makes reaches the other's window by itself, well
 * within a second; the window's own write is told once, by itself. */
static void
test_latency (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->a, "Northwind Traders", "NWT");
  g_autoptr(GError) error = NULL;
  gint64 worst = 0;
  gint64 total = 0;
  gint64 after_save = 0;
  const guint n = 10;

  signet_store_watch_external_changes (f->b, TRUE);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *number = g_strdup_printf ("HT-2026-%04u", i + 1);
      g_autoptr(SignetContract) contract = NULL;
      gint64 start;
      gint64 saved;
      gint64 latency;

      g_array_set_size (f->seen, 0);
      start = g_get_monotonic_time ();
      contract = unit_add_contract (f->a, client, number, "Office lease");
      saved = g_get_monotonic_time ();
      wait_for_contract (f, signet_contract_get_id (contract), 3);

      g_assert_cmpuint (f->seen->len, ==, 1);
      g_assert_cmpint (g_array_index (f->seen, Seen, 0).id, ==, signet_contract_get_id (contract));
      g_assert_cmpint (g_array_index (f->seen, Seen, 0).change, ==, SIGNET_CHANGE_ADDED);
      latency = g_array_index (f->seen, Seen, 0).at - start;
      after_save = MAX (after_save, g_array_index (f->seen, Seen, 0).at - saved);
      g_assert_cmpint (latency, <, G_USEC_PER_SEC);
      worst = MAX (worst, latency);
      total += latency;
    }
  g_test_message ("A change reached the other window in %.2f ms on average, %.2f ms at worst "
                  "(%u saves, each from the save's start); at worst %.2f ms after the save returned",
                  total / (double) n / 1000.0, worst / 1000.0, n, after_save / 1000.0);

  /* b's own save: its signal, once, and nothing announced back to it. */
  {
    g_autoptr(SignetContract) mine = unit_add_contract (f->b, client, "HT-2026-0100", "Freight");
    gboolean never = FALSE;

    g_assert_cmpuint (f->seen->len, ==, 2);
    g_timeout_add (300, give_up_cb, &never);
    run_until (&never, 5);
    g_assert_true (signet_store_check_external_changes (f->b, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (f->seen->len, ==, 2);
    g_assert_cmpuint (f->n_resets, ==, 0);
  }

  signet_store_watch_external_changes (f->b, FALSE);
}

/* Audit ids of transactions side by side commit out of order: the entry
 * with the lower id, committed last, is still told, and once each. */
static void
test_out_of_order (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SignetStore) c = open_store (f->uri);
  g_autoptr(SignetClient) client = unit_add_client (f->a, "Northwind Traders", "NWT");
  g_autoptr(SignetContract) first = NULL;
  g_autoptr(SignetContract) second = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_store_check_external_changes (f->b, &error));
  g_assert_no_error (error);
  g_array_set_size (f->seen, 0);

  g_assert_true (signet_store_begin_batch (f->a, &error));
  g_assert_no_error (error);
  first = unit_add_contract (f->a, client, "HT-2026-0001", "Office lease");
  second = unit_add_contract (c, client, "HT-2026-0002", "Freight");

  g_assert_true (signet_store_check_external_changes (f->b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->seen->len, ==, 1);
  g_assert_cmpint (g_array_index (f->seen, Seen, 0).id, ==, signet_contract_get_id (second));

  g_assert_true (signet_store_commit_batch (f->a, &error));
  g_assert_no_error (error);
  g_assert_true (signet_store_check_external_changes (f->b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->seen->len, ==, 2);
  g_assert_cmpint (g_array_index (f->seen, Seen, 1).id, ==, signet_contract_get_id (first));
  g_assert_cmpint (g_array_index (f->seen, Seen, 1).change, ==, SIGNET_CHANGE_ADDED);

  /* A batch's many entries are one "reset". */
  g_assert_true (signet_store_begin_batch (c, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *number = g_strdup_printf ("IMP-%04u", i + 1);
      g_autoptr(SignetContract) contract = unit_add_contract (c, client, number, "Imported");
    }
  g_assert_true (signet_store_commit_batch (c, &error));
  g_assert_no_error (error);
  g_array_set_size (f->seen, 0);
  g_assert_true (signet_store_check_external_changes (f->b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->seen->len, ==, 0);
  g_assert_cmpuint (f->n_resets, ==, 1);
}

static void
assert_disconnected (GError *error)
{
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_DISCONNECTED);
  g_assert_nonnull (strstr (error->message, "server"));
}

/* A restart of the server during editing: the watching window sees it by
 * itself; a save made meanwhile is refused, saying so, and writes
 * nothing; the store connects again by itself, says so, and the same save
 * made again is written once. Live updates go on over the new
 * connection. */
static void
test_server_restart (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->a, "Northwind Traders", "NWT");
  g_autoptr(SignetContract) base = unit_add_contract (f->a, client, "HT-2026-0001", "Office lease");
  g_autoptr(SignetContract) edited = signet_contract_copy (base);
  g_autoptr(SignetContract) after = NULL;
  g_autoptr(SignetContract) later = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = signet_contract_get_id (base);
  gint64 audit_before;
  gboolean a_connected = FALSE;
  gboolean reader_connected = FALSE;
  g_autoptr(SignetStore) reader = signet_store_open (f->uri, SIGNET_STORE_OPEN_READ_ONLY, &error);
  g_autoptr(SignetContract) read_back = NULL;
  gint64 start;

  g_assert_no_error (error);
  signet_store_watch_external_changes (f->b, TRUE);
  g_assert_true (signet_store_get_connected (f->b));
  g_assert_true (signet_store_get_connected (f->a));
  audit_before = audit_count (f, id);

  start = g_get_monotonic_time ();
  pg_test_server_restart ();
  g_test_message ("The server restarted in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);

  /* b, watching its socket, sees the connection go and come back by
   * itself, and reloads. */
  start = g_get_monotonic_time ();
  {
    gboolean done = FALSE;
    gboolean gave_up = FALSE;
    guint timeout = g_timeout_add_seconds (10, give_up_cb, &gave_up);

    while (!done && !gave_up)
      {
        g_main_context_iteration (NULL, TRUE);
        done = f->connected->len == 2;
      }
    if (!gave_up)
      g_source_remove (timeout);
  }
  g_assert_cmpuint (f->connected->len, ==, 2);
  g_assert_false (g_array_index (f->connected, gboolean, 0));
  g_assert_true (g_array_index (f->connected, gboolean, 1));
  g_assert_true (signet_store_get_connected (f->b));
  g_assert_cmpuint (f->n_resets, ==, 1);
  g_test_message ("The watching window was connected again %.0f ms after the restart",
                  (g_get_monotonic_time () - start) / 1000.0);

  /* a, idle meanwhile, learns of it from its save. */
  signet_contract_set_title (edited, "Office lease, second floor");
  g_assert_false (signet_store_save_contract (f->a, base, edited, &error));
  assert_disconnected (error);
  g_clear_error (&error);
  g_assert_false (signet_store_get_connected (f->a));
  g_assert_cmpint (audit_count (f, id), ==, audit_before);

  /* Every call fails alike until it is back. */
  after = signet_store_get_contract (f->a, id, &error);
  g_assert_null (after);
  assert_disconnected (error);
  g_clear_error (&error);

  g_signal_connect_swapped (f->a, "notify::connected", G_CALLBACK (give_up_cb), &a_connected);
  run_until (&a_connected, 10);
  g_assert_true (signet_store_get_connected (f->a));

  /* The same save, made again, is written once. */
  g_assert_true (signet_store_save_contract (f->a, base, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpint (audit_count (f, id), ==, audit_before + 1);
  after = signet_store_get_contract (f->b, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_contract_get_title (after), ==, "Office lease, second floor");

  /* A store opened for reading only is so again once connected. */
  read_back = signet_store_get_contract (reader, id, &error);
  g_assert_null (read_back);
  assert_disconnected (error);
  g_clear_error (&error);
  g_signal_connect_swapped (reader, "notify::connected", G_CALLBACK (give_up_cb), &reader_connected);
  run_until (&reader_connected, 10);
  g_assert_true (signet_store_get_connected (reader));
  read_back = signet_store_get_contract (reader, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_contract_get_title (read_back), ==, "Office lease, second floor");
  signet_contract_set_title (edited, "Written by a reader");
  g_assert_false (signet_store_save_contract (reader, read_back, edited, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (audit_count (f, id), ==, audit_before + 1);

  /* Both listen again. */
  g_array_set_size (f->seen, 0);
  later = unit_add_contract (f->a, client, "HT-2026-0002", "Freight");
  wait_for_contract (f, signet_contract_get_id (later), 3);
  g_assert_true (seen_contract (f, signet_contract_get_id (later)));

  signet_store_watch_external_changes (f->b, FALSE);
}

static SignetContract *
new_contract (gint64      client_id,
              const char *number)
{
  SignetContract *contract = signet_contract_new ();

  signet_contract_set_number (contract, number);
  signet_contract_set_title (contract, "Added by a client");
  signet_contract_set_client_id (contract, client_id);
  signet_contract_set_currency (contract, "CNY");
  signet_contract_set_value (contract, 100000);

  return contract;
}

/* The database @uri names. */
static char *
database_name (const char *uri)
{
  const char *start = strstr (uri, ":///") + 4;

  return g_strndup (start, strcspn (start, "?"));
}

/* A connection the server ends (an administrator's pg_terminate_backend)
 * while the database refuses new ones: the store tries again after 1 s,
 * then 2, 4 and 8 s, failing each time, every call failing meanwhile. Let
 * in after the third attempt, it is back at the fourth, 15 s after the
 * loss (GLib's whole-second timers fire up to a quarter second early and
 * three quarters late: 14 to 18 s); trying every second, it would be back
 * within 2 s of being let in. */
static void
test_reconnect_backoff (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *name = database_name (f->uri);
  g_autofree char *refuse = g_strdup_printf ("ALTER DATABASE \"%s\" ALLOW_CONNECTIONS false", name);
  g_autofree char *allow = g_strdup_printf ("ALTER DATABASE \"%s\" ALLOW_CONNECTIONS true", name);
  g_autofree char *terminate = g_strdup_printf ("SELECT count (pg_terminate_backend (pid)) FROM pg_stat_activity "
                                                "WHERE datname = '%s'", name);
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(GError) error = NULL;
  gboolean waited = FALSE;
  gboolean back = FALSE;
  gint64 lost;
  gint64 elapsed;

  unit_exec_raw (pg_test_server_admin_uri (), refuse);
  g_assert_cmpint (unit_query_raw_int (pg_test_server_admin_uri (), terminate), ==, 2);

  client = signet_client_new ();
  signet_client_set_name (client, "Northwind Traders");
  signet_client_set_code (client, "NWT");
  g_assert_false (signet_store_add_client (f->b, client, &error));
  lost = g_get_monotonic_time ();
  assert_disconnected (error);
  g_clear_error (&error);
  g_assert_cmpuint (f->connected->len, ==, 1);

  /* Past the first three attempts (the third at 6.25 to 9.25 s). */
  g_timeout_add (10000, give_up_cb, &waited);
  run_until (&waited, 15);
  g_assert_false (signet_store_get_connected (f->b));
  g_assert_false (signet_store_add_client (f->b, client, &error));
  assert_disconnected (error);
  g_clear_error (&error);

  unit_exec_raw (pg_test_server_admin_uri (), allow);
  g_signal_connect_swapped (f->b, "notify::connected", G_CALLBACK (give_up_cb), &back);
  run_until (&back, 15);
  elapsed = g_get_monotonic_time () - lost;
  g_test_message ("Connected again %.1f s after the loss, at the fourth attempt", elapsed / (double) G_USEC_PER_SEC);
  g_assert_true (signet_store_get_connected (f->b));
  g_assert_cmpint (elapsed, >=, 13 * G_USEC_PER_SEC);
  g_assert_cmpint (elapsed, <, 19 * G_USEC_PER_SEC);
  g_assert_cmpuint (f->connected->len, ==, 2);
  g_assert_cmpuint (f->n_resets, ==, 1);

  g_assert_true (signet_store_add_client (f->b, client, &error));
  g_assert_no_error (error);
  g_assert_cmpint (unit_query_raw_int (f->uri, "SELECT count(*) FROM clients WHERE code = 'NWT'"), ==, 1);
}

/* A restart under an open batch: the batch's writes fail, and the store
 * does not connect again before the batch ends (its next writes would
 * then each commit alone); committing it fails; nothing of it is
 * written. */
static void
test_restart_in_batch (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->a, "Northwind Traders", "NWT");
  g_autoptr(SignetContract) first = NULL;
  g_autoptr(SignetContract) second = new_contract (signet_client_get_id (client), "HT-2026-0002");
  g_autoptr(GError) error = NULL;
  gint64 audit_before = unit_query_raw_int (f->uri, "SELECT count(*) FROM audit");
  gboolean waited = FALSE;
  gboolean a_connected = FALSE;

  g_assert_true (signet_store_begin_batch (f->a, &error));
  g_assert_no_error (error);
  first = unit_add_contract (f->a, client, "HT-2026-0001", "Office lease");

  pg_test_server_restart ();

  g_assert_false (signet_store_add_contract (f->a, second, &error));
  assert_disconnected (error);
  g_clear_error (&error);
  g_assert_false (signet_store_get_connected (f->a));

  /* Past the first two attempts' time: still waiting for the batch. */
  g_timeout_add (2500, give_up_cb, &waited);
  run_until (&waited, 5);
  g_assert_false (signet_store_get_connected (f->a));

  g_assert_false (signet_store_commit_batch (f->a, &error));
  assert_disconnected (error);
  g_clear_error (&error);

  g_signal_connect_swapped (f->a, "notify::connected", G_CALLBACK (give_up_cb), &a_connected);
  run_until (&a_connected, 10);
  g_assert_true (signet_store_get_connected (f->a));
  g_assert_cmpint (unit_query_raw_int (f->uri, "SELECT count(*) FROM contracts"), ==, 0);
  g_assert_cmpint (unit_query_raw_int (f->uri, "SELECT count(*) FROM audit"), ==, audit_before);

  /* Written once, now. */
  g_clear_object (&second);
  second = new_contract (signet_client_get_id (client), "HT-2026-0002");
  g_assert_true (signet_store_add_contract (f->a, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (unit_query_raw_int (f->uri, "SELECT count(*) FROM contracts"), ==, 1);
  g_assert_cmpint (unit_query_raw_int (f->uri, "SELECT count(*) FROM audit"), ==, audit_before + 1);
}

/* The client program of the kill case, run as this test program again:
 * it opens the register, changes a contract and adds one in one
 * transaction, says so on its standard output, and is killed (SIGKILL)
 * before committing. */
static int
kill_mid_transaction (const char *uri,
                      gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = signet_store_new (uri, &error);
  g_autoptr(SignetContract) base = NULL;
  g_autoptr(SignetContract) edited = NULL;
  g_autoptr(SignetContract) added = NULL;

  if (store == NULL || !signet_store_begin_batch (store, &error))
    goto failed;
  base = signet_store_get_contract (store, id, &error);
  if (base == NULL)
    goto failed;
  edited = signet_contract_copy (base);
  signet_contract_set_title (edited, "Half-written title");
  if (!signet_store_save_contract (store, base, edited, &error))
    goto failed;
  added = new_contract (signet_contract_get_client_id (base), "HT-2026-KILL");
  if (!signet_store_add_contract (store, added, &error))
    goto failed;

  printf ("in-transaction\n");
  fflush (stdout);
  raise (SIGKILL);

failed:
  printf ("failed: %s\n", error != NULL ? error->message : "?");
  return 1;
}

/* kill -9 of a client in the middle of its transaction: nothing of it is
 * written, and another client writes the same rows at once (a lock left
 * behind would make it fail after lock_timeout). */
static void
test_kill_mid_transaction (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->a, "Northwind Traders", "NWT");
  g_autoptr(SignetContract) base = unit_add_contract (f->a, client, "HT-2026-0001", "Office lease");
  g_autoptr(SignetContract) edited = signet_contract_copy (base);
  g_autoptr(SignetContract) added = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, signet_contract_get_id (base));
  g_autofree char *out = NULL;
  const char *argv[] = { self_path, "--kill-mid-transaction", f->uri, id_text, NULL };
  gint64 audit_before = unit_query_raw_int (f->uri, "SELECT count(*) FROM audit");
  gint64 start;
  int status;

  g_assert_nonnull (self_path);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, "in-transaction\n");
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  /* Nothing half-written. */
  g_assert_cmpint (unit_query_raw_int (f->uri, "SELECT count(*) FROM contracts WHERE number = 'HT-2026-KILL'"),
                   ==, 0);
  g_assert_cmpint (unit_query_raw_int (f->uri, "SELECT count(*) FROM contracts WHERE title = 'Half-written title'"),
                   ==, 0);
  g_assert_cmpint (unit_query_raw_int (f->uri, "SELECT count(*) FROM audit"), ==, audit_before);

  /* The same rows, written at once by another client. */
  start = g_get_monotonic_time ();
  signet_contract_set_title (edited, "Office lease, second floor");
  g_assert_true (signet_store_save_contract (f->a, base, edited, &error));
  g_assert_no_error (error);
  added = new_contract (signet_contract_get_client_id (base), "HT-2026-KILL");
  g_assert_true (signet_store_add_contract (f->a, added, &error));
  g_assert_no_error (error);
  g_test_message ("After the kill, the same rows were written in %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_assert_cmpint (unit_query_raw_int (f->uri, "SELECT count(*) FROM contracts WHERE number = 'HT-2026-KILL'"),
                   ==, 1);
  g_assert_cmpint (unit_query_raw_int (f->uri, "SELECT count(*) FROM audit"), ==, audit_before + 2);
}

typedef struct
{
  SignetStore    *store;
  SignetContract *base;
  SignetContract *edited;
  GError         *error;
  gboolean        saved;
} Save;

static gpointer
save_thread (gpointer data)
{
  Save *save = data;

  save->saved = signet_store_save_contract (save->store, save->base, save->edited, &save->error);

  return NULL;
}

/* Two saves of the same version at once: the second, which reached the
 * server while the first held the contract's row uncommitted, waits for
 * it and then fails with a conflict, rather than writing over it with an
 * audit entry that says nothing of the first. */
static void
test_concurrent_saves (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->a, "Northwind Traders", "NWT");
  g_autoptr(SignetContract) base = unit_add_contract (f->a, client, "HT-2026-0001", "Office lease");
  g_autoptr(SignetContract) first = signet_contract_copy (base);
  g_autoptr(SignetContract) second = signet_contract_copy (base);
  g_autoptr(SignetContract) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GThread) thread = NULL;
  Save save = { f->b, base, second, NULL, FALSE };
  gint64 start;

  signet_contract_set_value (first, signet_contract_get_value (base) + 1);
  signet_contract_set_title (second, "Office lease, second floor");

  g_assert_true (signet_store_begin_batch (f->a, &error));
  g_assert_no_error (error);
  g_assert_true (signet_store_save_contract (f->a, base, first, &error));
  g_assert_no_error (error);

  thread = g_thread_new ("second save", save_thread, &save);
  start = g_get_monotonic_time ();
  while (unit_query_raw_int (pg_test_server_admin_uri (), "SELECT count(*) FROM pg_locks WHERE NOT granted") == 0)
    {
      g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
      g_usleep (10000);
    }

  g_assert_true (signet_store_commit_batch (f->a, &error));
  g_assert_no_error (error);
  g_thread_join (g_steal_pointer (&thread));

  g_assert_error (save.error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
  g_assert_false (save.saved);
  g_clear_error (&save.error);
  stored = signet_store_get_contract (f->b, signet_contract_get_id (base), &error);
  g_assert_no_error (error);
  g_assert_cmpint (signet_contract_get_version (stored), ==, signet_contract_get_version (base) + 1);
  g_assert_cmpint (signet_contract_get_value (stored), ==, signet_contract_get_value (base) + 1);
  g_assert_cmpstr (signet_contract_get_title (stored), ==, "Office lease");
  g_assert_cmpint (unit_query_raw_int (f->uri, "SELECT count(*) FROM audit WHERE action = 'update'"), ==, 1);
}

typedef struct
{
  SignetStore  *store;
  SignetClient *base;
  SignetClient *edited;
  GError       *error;
  gboolean      saved;
} ClientSave;

static gpointer
client_save_thread (gpointer data)
{
  ClientSave *save = data;

  save->saved = signet_store_save_client (save->store, save->base, save->edited, &save->error);

  return NULL;
}

/* The same for a client's form. */
static void
test_concurrent_client_saves (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SignetClient) base = unit_add_client (f->a, "Northwind Traders", "NWT");
  g_autoptr(SignetClient) first = signet_client_copy (base);
  g_autoptr(SignetClient) second = signet_client_copy (base);
  g_autoptr(SignetClient) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GThread) thread = NULL;
  ClientSave save = { f->b, base, second, NULL, FALSE };
  gint64 start;

  signet_client_set_name (first, "Northwind Traders Ltd");
  signet_client_set_code (second, "NWT-2");

  g_assert_true (signet_store_begin_batch (f->a, &error));
  g_assert_no_error (error);
  g_assert_true (signet_store_save_client (f->a, base, first, &error));
  g_assert_no_error (error);

  thread = g_thread_new ("second save", client_save_thread, &save);
  start = g_get_monotonic_time ();
  while (unit_query_raw_int (pg_test_server_admin_uri (), "SELECT count(*) FROM pg_locks WHERE NOT granted") == 0)
    {
      g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
      g_usleep (10000);
    }

  g_assert_true (signet_store_commit_batch (f->a, &error));
  g_assert_no_error (error);
  g_thread_join (g_steal_pointer (&thread));

  g_assert_error (save.error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
  g_assert_false (save.saved);
  g_clear_error (&save.error);
  stored = signet_store_get_client (f->b, signet_client_get_id (base), &error);
  g_assert_no_error (error);
  g_assert_cmpint (signet_client_get_version (stored), ==, signet_client_get_version (base) + 1);
  g_assert_cmpstr (signet_client_get_name (stored), ==, "Northwind Traders Ltd");
  g_assert_cmpstr (signet_client_get_code (stored), ==, "NWT");
}

/* The other saves that check a version, each through this: @first's
 * write by a is held uncommitted (a batch) while b writes @second, made
 * from the same version; b waits for a's row lock, then fails with a
 * conflict once a commits, and only a's write is audited. */
typedef gboolean (*WriteFunc) (SignetStore  *store,
                               gpointer      record,
                               GError      **error);

typedef struct
{
  WriteFunc    write;
  SignetStore *store;
  gpointer     record;
  GError      *error;
  gboolean     written;
} Write;

static gpointer
write_thread (gpointer data)
{
  Write *w = data;

  w->written = w->write (w->store, w->record, &w->error);

  return NULL;
}

/* @write_first by a, held uncommitted while b makes @w's write, which
 * waits for a's lock; then a commits and b's write ends. */
static void
race_second_write (Fixture   *f,
                   WriteFunc  write_first,
                   gpointer   first,
                   Write     *w)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GThread) thread = NULL;
  gint64 start;

  g_assert_true (signet_store_begin_batch (f->a, &error));
  g_assert_no_error (error);
  g_assert_true (write_first (f->a, first, &error));
  g_assert_no_error (error);

  thread = g_thread_new ("second write", write_thread, w);
  start = g_get_monotonic_time ();
  while (unit_query_raw_int (pg_test_server_admin_uri (), "SELECT count(*) FROM pg_locks WHERE NOT granted") == 0)
    {
      g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
      g_usleep (10000);
    }

  g_assert_true (signet_store_commit_batch (f->a, &error));
  g_assert_no_error (error);
  g_thread_join (g_steal_pointer (&thread));
}

/* The same, with the second write of another kind than the first (an
 * edit of a contract being renewed), refused with @domain and @code, and
 * @n_entries audit entries made by the first (a renewal audits both
 * contracts). */
static void
assert_second_write_refused (Fixture   *f,
                             WriteFunc  write_first,
                             gpointer   first,
                             WriteFunc  write_second,
                             gpointer   second,
                             GQuark     domain,
                             int        code,
                             gint64     n_entries)
{
  Write w = { write_second, f->b, second, NULL, FALSE };
  gint64 n_audit = unit_query_raw_int (f->uri, "SELECT count(*) FROM audit");

  race_second_write (f, write_first, first, &w);

  g_assert_error (w.error, domain, code);
  g_assert_false (w.written);
  g_clear_error (&w.error);
  g_assert_cmpint (unit_query_raw_int (f->uri, "SELECT count(*) FROM audit"), ==, n_audit + n_entries);
}

static void
assert_second_write_conflicts (Fixture   *f,
                               WriteFunc  write,
                               gpointer   first,
                               gpointer   second)
{
  assert_second_write_refused (f, write, first, write, second, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT, 1);
}

static void
test_concurrent_payment_saves (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->a, "Northwind Traders", "NWT");
  g_autoptr(SignetContract) contract = unit_add_contract (f->a, client, "HT-2026-0001", "Office lease");
  g_autoptr(SignetPayment) base = signet_payment_new (signet_contract_get_id (contract));
  g_autoptr(SignetPayment) first = NULL;
  g_autoptr(SignetPayment) second = NULL;
  g_autoptr(GError) error = NULL;

  base->title = g_strdup ("Deposit");
  base->amount = 100000;
  base->currency = g_strdup ("CNY");
  base->due_date = g_strdup ("2026-12-31");
  signet_store_add_payment (f->a, base, &error);
  g_assert_no_error (error);
  first = signet_payment_copy (base);
  second = signet_payment_copy (base);
  g_free (first->note);
  first->note = g_strdup ("first");
  g_free (second->note);
  second->note = g_strdup ("second");

  assert_second_write_conflicts (f, (WriteFunc) signet_store_update_payment, first, second);
}

static void
test_concurrent_obligation_saves (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->a, "Northwind Traders", "NWT");
  g_autoptr(SignetContract) contract = unit_add_contract (f->a, client, "HT-2026-0001", "Office lease");
  g_autoptr(SignetObligation) base = signet_obligation_new (signet_contract_get_id (contract));
  g_autoptr(SignetObligation) first = NULL;
  g_autoptr(SignetObligation) second = NULL;
  g_autoptr(GError) error = NULL;

  base->title = g_strdup ("Monthly report");
  base->due_date = g_strdup ("2026-12-31");
  signet_store_add_obligation (f->a, base, &error);
  g_assert_no_error (error);
  first = signet_obligation_copy (base);
  second = signet_obligation_copy (base);
  g_free (first->note);
  first->note = g_strdup ("first");
  g_free (second->note);
  second->note = g_strdup ("second");

  assert_second_write_conflicts (f, (WriteFunc) signet_store_update_obligation, first, second);
}

static void
test_concurrent_original_saves (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->a, "Northwind Traders", "NWT");
  g_autoptr(SignetContract) contract = unit_add_contract (f->a, client, "HT-2026-0001", "Office lease");
  g_autoptr(SignetOriginal) base = signet_original_new (signet_contract_get_id (contract));
  g_autoptr(SignetOriginal) first = NULL;
  g_autoptr(SignetOriginal) second = NULL;
  g_autoptr(GError) error = NULL;

  base->archive_number = g_strdup ("DA-2026-017");
  signet_store_save_original (f->a, base, &error);
  g_assert_no_error (error);
  first = signet_original_copy (base);
  second = signet_original_copy (base);
  g_free (first->room);
  first->room = g_strdup ("A");
  g_free (second->room);
  second->room = g_strdup ("B");

  assert_second_write_conflicts (f, (WriteFunc) signet_store_save_original, first, second);
}

static void
test_concurrent_person_saves (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SignetPerson) base = signet_person_new ();
  g_autoptr(SignetPerson) first = NULL;
  g_autoptr(SignetPerson) second = NULL;
  g_autoptr(GError) error = NULL;

  signet_person_set_name (base, "Ana Lima");
  signet_store_add_person (f->a, base, &error);
  g_assert_no_error (error);
  first = signet_person_copy (base);
  second = signet_person_copy (base);
  signet_person_set_email (first, "ana@example.com");
  signet_person_set_email (second, "lima@example.com");

  assert_second_write_conflicts (f, (WriteFunc) signet_store_update_person, first, second);
}

typedef struct
{
  gint64 contract_id;
  gint64 version;
} Step;

static gboolean
submit (SignetStore  *store,
        gpointer      record,
        GError      **error)
{
  Step *step = record;
  SignetProcessStep submit = { .action = SIGNET_PROCESS_ACTION_SUBMIT };

  return signet_store_take_process_step (store, step->contract_id, step->version, &submit, error);
}

/* A process step (status only) checks the contract's version too. */
static void
test_concurrent_process_steps (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->a, "Northwind Traders", "NWT");
  g_autoptr(SignetContract) contract = unit_add_contract (f->a, client, "HT-2026-0001", "Office lease");
  Step step = { signet_contract_get_id (contract), signet_contract_get_version (contract) };

  assert_second_write_conflicts (f, submit, &step, &step);
}

/* A contract of the type the only rule gives the route "Standard" of
 * @n_steps steps (each decided by anyone with the role Legal), with its
 * status. */
static SignetContract *
add_routed_contract_steps (Fixture              *f,
                           SignetContractStatus  status,
                           guint                 n_steps)
{
  g_autoptr(SignetClient) client = unit_add_client (f->a, "Northwind Traders", "NWT");
  g_autoptr(SignetApprovalRoute) route = signet_approval_route_new ("Standard");
  g_autoptr(SignetRouteStep) legal = signet_route_step_new ("Legal", 0, "Legal", 2);
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_approval_rule_free);
  g_autoptr(GError) error = NULL;
  SignetContract *contract = signet_contract_new ();

  for (guint i = 0; i < n_steps; i++)
    signet_approval_route_add_step (route, legal);
  g_assert_true (signet_store_add_approval_route (f->a, route, &error));
  g_assert_no_error (error);
  g_ptr_array_add (rules, signet_approval_rule_new ("Purchase", 0, NULL, route->id));
  g_assert_true (signet_store_set_approval_rules (f->a, rules, &error));
  g_assert_no_error (error);

  signet_contract_set_number (contract, "HT-2026-0001");
  signet_contract_set_title (contract, "Office equipment");
  signet_contract_set_client_id (contract, signet_client_get_id (client));
  signet_contract_set_contract_type (contract, "Purchase");
  signet_contract_set_currency (contract, "CNY");
  signet_contract_set_value (contract, 100000);
  signet_contract_set_status (contract, status);
  g_assert_true (signet_store_add_contract (f->a, contract, &error));
  g_assert_no_error (error);

  return contract;
}

static SignetContract *
add_routed_contract (Fixture              *f,
                     SignetContractStatus  status)
{
  return add_routed_contract_steps (f, status, 1);
}

/* An import of thousands of contracts in one window leaves the others
 * reading the register while it runs (in a file the batch drops the
 * contracts' indexes, which on a server would lock the table until the
 * import commits; the fixture's lock timeout turns a wait into an error). */
static void
test_import_lets_others_read (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->a, "Northwind Traders", "NWT");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) seen = NULL;
  g_autoptr(GArray) after = NULL;

  g_assert_true (signet_store_begin_batch (f->a, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 5100; i++)
    {
      g_autofree char *number = g_strdup_printf ("BULK-%05u", i);
      g_autoptr(SignetContract) contract = new_contract (signet_client_get_id (client), number);

      g_assert_true (signet_store_add_contract (f->a, contract, &error));
      g_assert_no_error (error);
    }

  seen = signet_store_query_contract_ids (f->b, NULL, SIGNET_SORT_TITLE, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (seen);
  g_assert_cmpuint (seen->len, ==, 0);

  g_assert_true (signet_store_commit_batch (f->a, &error));
  g_assert_no_error (error);
  g_assert_true (signet_store_check_external_changes (f->b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_resets, ==, 1);
  after = signet_store_query_contract_ids (f->b, NULL, SIGNET_SORT_TITLE, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 5100);
}

static SignetContract *
reread (Fixture *f,
        gint64   id)
{
  g_autoptr(GError) error = NULL;
  SignetContract *contract = signet_store_get_contract (f->b, id, &error);

  g_assert_no_error (error);

  return contract;
}

typedef struct
{
  gint64                 contract_id;
  gint64                 amendment_id;
  gint64                 version;
  SignetApprovalDecision decision;
} Decision;

static gboolean
decide (SignetStore  *store,
        gpointer      record,
        GError      **error)
{
  Decision *d = record;

  return signet_store_decide_approval_step (store, d->contract_id, d->amendment_id, d->version, &d->decision,
                                            error);
}

/* Two decisions on the one pending step of a contract, from one version
 * of it: the second is a conflict, and the step is the first's. */
static void
test_concurrent_approval_decisions (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(SignetContract) contract = add_routed_contract (f, SIGNET_CONTRACT_STATUS_DRAFT);
  g_autoptr(SignetContract) submitted = NULL;
  g_autoptr(SignetContract) stored = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = signet_contract_get_id (contract);
  Step step = { id, signet_contract_get_version (contract) };
  Decision approve = { id, 0, 0, { .action = SIGNET_PROCESS_ACTION_APPROVE } };
  Decision reject = { id, 0, 0, { .action = SIGNET_PROCESS_ACTION_REJECT, .opinion = (char *) "Too expensive" } };

  g_assert_true (submit (f->a, &step, &error));
  g_assert_no_error (error);
  submitted = reread (f, id);
  approve.version = reject.version = signet_contract_get_version (submitted);

  assert_second_write_conflicts (f, decide, &approve, &reject);

  stored = reread (f, id);
  g_assert_cmpint (signet_contract_get_status (stored), ==, SIGNET_CONTRACT_STATUS_APPROVED);
  steps = signet_store_list_approval_steps (f->b, id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steps->len, ==, 1);
  g_assert_cmpint (((SignetApprovalStep *) g_ptr_array_index (steps, 0))->state, ==, SIGNET_STEP_APPROVED);
  g_assert_null (((SignetApprovalStep *) g_ptr_array_index (steps, 0))->opinion);
}

/* An amendment's decision takes no version: of two on its one pending
 * step, the second finds it decided, the amendment no longer in review,
 * rather than deciding it over the first. */
static void
test_concurrent_amendment_decisions (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(SignetContract) contract = add_routed_contract (f, SIGNET_CONTRACT_STATUS_SIGNED);
  g_autoptr(SignetAmendment) amendment = signet_amendment_new (signet_contract_get_id (contract));
  g_autoptr(SignetAmendment) stored = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = signet_contract_get_id (contract);
  Decision approve = { id, 0, 0, { .action = SIGNET_PROCESS_ACTION_APPROVE } };
  Decision reject = { id, 0, 0, { .action = SIGNET_PROCESS_ACTION_REJECT, .opinion = (char *) "Too expensive" } };

  amendment->number = g_strdup ("HT-2026-0001-A1");
  amendment->effective_date = g_strdup ("2027-03-01");
  amendment->changes = SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_VALUE);
  amendment->value = 120000;
  amendment->currency = g_strdup ("CNY");
  g_assert_true (signet_store_add_amendment (f->a, amendment, &error));
  g_assert_no_error (error);
  g_assert_cmpint (amendment->state, ==, SIGNET_AMENDMENT_IN_REVIEW);
  approve.amendment_id = reject.amendment_id = amendment->id;

  assert_second_write_refused (f, decide, &approve, decide, &reject,
                               SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_NOT_ALLOWED, 1);

  stored = signet_store_get_amendment (f->b, amendment->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->state, ==, SIGNET_AMENDMENT_APPROVED);
  steps = signet_store_list_approval_steps (f->b, id, amendment->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steps->len, ==, 1);
  g_assert_cmpint (((SignetApprovalStep *) g_ptr_array_index (steps, 0))->state, ==, SIGNET_STEP_APPROVED);
}

/* With two steps the second decision, taken on the first step, would
 * find the second pending and decide that one, which its approver never
 * saw: the decision names the step it is on, and is a conflict once
 * another is pending. */
static void
test_concurrent_amendment_decisions_two_steps (Fixture       *f,
                                               gconstpointer  data)
{
  g_autoptr(SignetContract) contract = add_routed_contract_steps (f, SIGNET_CONTRACT_STATUS_SIGNED, 2);
  g_autoptr(SignetAmendment) amendment = signet_amendment_new (signet_contract_get_id (contract));
  g_autoptr(SignetAmendment) stored = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = signet_contract_get_id (contract);
  Decision approve = { id, 0, 0, { .action = SIGNET_PROCESS_ACTION_APPROVE } };
  Decision reject = { id, 0, 0, { .action = SIGNET_PROCESS_ACTION_REJECT, .opinion = (char *) "Too expensive" } };

  amendment->number = g_strdup ("HT-2026-0001-A1");
  amendment->effective_date = g_strdup ("2027-03-01");
  amendment->changes = SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_VALUE);
  amendment->value = 120000;
  amendment->currency = g_strdup ("CNY");
  g_assert_true (signet_store_add_amendment (f->a, amendment, &error));
  g_assert_no_error (error);
  steps = signet_store_list_approval_steps (f->b, id, amendment->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steps->len, ==, 2);
  approve.amendment_id = reject.amendment_id = amendment->id;
  approve.decision.step_id = reject.decision.step_id = ((SignetApprovalStep *) g_ptr_array_index (steps, 0))->id;
  g_clear_pointer (&steps, g_ptr_array_unref);

  assert_second_write_refused (f, decide, &approve, decide, &reject,
                               SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT, 1);

  stored = signet_store_get_amendment (f->b, amendment->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->state, ==, SIGNET_AMENDMENT_IN_REVIEW);
  steps = signet_store_list_approval_steps (f->b, id, amendment->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((SignetApprovalStep *) g_ptr_array_index (steps, 0))->state, ==, SIGNET_STEP_APPROVED);
  g_assert_cmpint (((SignetApprovalStep *) g_ptr_array_index (steps, 1))->state, ==, SIGNET_STEP_PENDING);
}

static gboolean
submit_amendment (SignetStore  *store,
                  gpointer      record,
                  GError      **error)
{
  return signet_store_submit_amendment (store, *(gint64 *) record, error);
}

/* A returned amendment submitted again in two places at once: the second
 * finds it in review, rather than starting a second round beside the
 * first's. */
static void
test_concurrent_amendment_submits (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(SignetContract) contract = add_routed_contract (f, SIGNET_CONTRACT_STATUS_SIGNED);
  g_autoptr(SignetAmendment) amendment = signet_amendment_new (signet_contract_get_id (contract));
  g_autoptr(SignetAmendment) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = signet_contract_get_id (contract);
  Decision send_back = { id, 0, 0, { .action = SIGNET_PROCESS_ACTION_RETURN, .opinion = (char *) "Wrong value" } };

  amendment->number = g_strdup ("HT-2026-0001-A1");
  amendment->effective_date = g_strdup ("2027-03-01");
  amendment->changes = SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_VALUE);
  amendment->value = 120000;
  amendment->currency = g_strdup ("CNY");
  g_assert_true (signet_store_add_amendment (f->a, amendment, &error));
  g_assert_no_error (error);
  send_back.amendment_id = amendment->id;
  g_assert_true (decide (f->a, &send_back, &error));
  g_assert_no_error (error);

  assert_second_write_refused (f, submit_amendment, &amendment->id, submit_amendment, &amendment->id,
                               SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_NOT_ALLOWED, 1);

  stored = signet_store_get_amendment (f->b, amendment->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->state, ==, SIGNET_AMENDMENT_IN_REVIEW);
  g_assert_cmpint (unit_query_raw_int (f->uri, "SELECT max (round) FROM approval_steps"), ==, 2);
  g_assert_cmpint (unit_query_raw_int (f->uri, "SELECT count(*) FROM approval_steps WHERE state = 'pending'"), ==, 1);
}

/* A route edited in two places from one version. */
static void
test_concurrent_route_saves (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(SignetApprovalRoute) base = signet_approval_route_new ("Standard");
  g_autoptr(SignetRouteStep) legal = signet_route_step_new ("Legal", 0, "Legal", 2);
  g_autoptr(SignetApprovalRoute) first = NULL;
  g_autoptr(SignetApprovalRoute) second = NULL;
  g_autoptr(SignetApprovalRoute) stored = NULL;
  g_autoptr(GError) error = NULL;

  signet_approval_route_add_step (base, legal);
  g_assert_true (signet_store_add_approval_route (f->a, base, &error));
  g_assert_no_error (error);
  first = signet_approval_route_copy (base);
  second = signet_approval_route_copy (base);
  g_free (first->name);
  first->name = g_strdup ("Standard, first");
  g_free (second->name);
  second->name = g_strdup ("Standard, second");

  assert_second_write_conflicts (f, (WriteFunc) signet_store_update_approval_route, first, second);

  stored = signet_store_get_approval_route (f->b, base->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->name, ==, "Standard, first");
  g_assert_cmpint (stored->version, ==, 2);
}

typedef struct
{
  gint64          contract_id;
  gint64          version;
  SignetContract *successor;
} Renewal;

static gboolean
renew (SignetStore  *store,
       gpointer      record,
       GError      **error)
{
  Renewal *r = record;

  return signet_store_renew_contract (store, r->contract_id, r->version, r->successor, NULL, NULL, error);
}

typedef struct
{
  SignetContract *base;
  SignetContract *edited;
} Edit;

static gboolean
edit (SignetStore  *store,
      gpointer      record,
      GError      **error)
{
  Edit *e = record;

  return signet_store_save_contract (store, e->base, e->edited, error);
}

/* A signed contract of 2026 that does not renew itself (no notice
 * deadline) and its successor as Renew… proposes it, numbered @number. */
static SignetContract *
propose_successor (Fixture        *f,
                   SignetContract *contract,
                   const char     *number)
{
  g_autoptr(GError) error = NULL;
  SignetContract *successor = signet_store_propose_renewal (f->a, signet_contract_get_id (contract),
                                                            "XQ-{NNNN}", &error);

  g_assert_no_error (error);
  signet_contract_set_number (successor, number);

  return successor;
}

static SignetContract *
add_signed (Fixture  *f,
            gboolean  auto_renew)
{
  g_autoptr(SignetClient) client = unit_add_client (f->a, "Northwind Traders", "NWT");
  g_autoptr(GError) error = NULL;
  SignetContract *contract = signet_contract_new ();

  signet_contract_set_number (contract, "HT-2026-0001");
  signet_contract_set_title (contract, "Cleaning");
  signet_contract_set_client_id (contract, signet_client_get_id (client));
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_SIGNED);
  signet_contract_set_start_date (contract, "2026-01-01");
  signet_contract_set_end_date (contract, "2026-12-31");
  signet_contract_set_auto_renew (contract, auto_renew);
  signet_contract_set_notice_days (contract, 30);
  g_assert_true (signet_store_add_contract (f->a, contract, &error));
  g_assert_no_error (error);

  return contract;
}

/* Two renewals of one version of a contract: the second is a conflict,
 * and the contract has one successor, the first's. The first's audit
 * entries: the successor's creation and "Renewal of", the contract's
 * "Renewed". */
static void
test_concurrent_renewals (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SignetContract) contract = add_signed (f, FALSE);
  g_autoptr(SignetContract) first = propose_successor (f, contract, "XQ-0001");
  g_autoptr(SignetContract) second = propose_successor (f, contract, "XQ-0002");
  g_autoptr(SignetContract) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = signet_contract_get_id (contract);
  Renewal a = { id, signet_contract_get_version (contract), first };
  Renewal b = { id, signet_contract_get_version (contract), second };

  assert_second_write_refused (f, renew, &a, renew, &b, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT, 3);

  stored = reread (f, id);
  g_assert_cmpint (signet_contract_get_status (stored), ==, SIGNET_CONTRACT_STATUS_RENEWED);
  g_assert_cmpint (signet_store_get_renewal_successor (f->b, id, &error), ==, signet_contract_get_id (first));
  g_assert_no_error (error);
  g_assert_cmpint (unit_query_raw_int (f->uri, "SELECT count(*) FROM contracts WHERE number LIKE 'XQ-%'"), ==, 1);
}

/* A contract's form saved while the contract, opened at the same
 * version, is renewed: the save is a conflict, not written over the
 * renewal. */
static void
test_edit_during_renewal (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SignetContract) contract = add_signed (f, FALSE);
  g_autoptr(SignetContract) successor = propose_successor (f, contract, "XQ-0001");
  g_autoptr(SignetContract) edited = signet_contract_copy (contract);
  g_autoptr(SignetContract) stored = NULL;
  gint64 id = signet_contract_get_id (contract);
  Renewal renewal = { id, signet_contract_get_version (contract), successor };
  Edit e = { contract, edited };

  signet_contract_set_notes (edited, "Ask for the keys back");

  assert_second_write_refused (f, renew, &renewal, edit, &e, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT, 3);

  stored = reread (f, id);
  g_assert_cmpint (signet_contract_get_status (stored), ==, SIGNET_CONTRACT_STATUS_RENEWED);
  g_assert_cmpint (signet_contract_get_version (stored), ==, signet_contract_get_version (contract) + 1);
  g_assert_null (signet_contract_get_notes (stored));
}

/* And renewed while its form is saved: the renewal is a conflict; the
 * contract is signed still, with the save's notes, and has no successor. */
static void
test_renewal_during_edit (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SignetContract) contract = add_signed (f, FALSE);
  g_autoptr(SignetContract) successor = propose_successor (f, contract, "XQ-0001");
  g_autoptr(SignetContract) edited = signet_contract_copy (contract);
  g_autoptr(SignetContract) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = signet_contract_get_id (contract);
  Renewal renewal = { id, signet_contract_get_version (contract), successor };
  Edit e = { contract, edited };

  signet_contract_set_notes (edited, "Ask for the keys back");

  assert_second_write_refused (f, edit, &e, renew, &renewal, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT, 1);

  stored = reread (f, id);
  g_assert_cmpint (signet_contract_get_status (stored), ==, SIGNET_CONTRACT_STATUS_SIGNED);
  g_assert_cmpstr (signet_contract_get_notes (stored), ==, "Ask for the keys back");
  g_assert_cmpint (signet_store_get_renewal_successor (f->b, id, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (unit_query_raw_int (f->uri, "SELECT count(*) FROM contracts WHERE number LIKE 'XQ-%'"), ==, 0);
}

#define NOTICE_DAY      "2026-11-20"
#define NOTICE_DEADLINE "2026-12-01"

typedef struct
{
  gint64             contract_id;
  gint64             version;
  SignetProcessStep *terminate;  /* NULL: Let Expire */
} NoticeDecision;

static gboolean
decide_at_notice (SignetStore  *store,
                  gpointer      record,
                  GError      **error)
{
  NoticeDecision *d = record;

  if (d->terminate == NULL)
    return signet_store_let_expire (store, d->contract_id, d->version, NOTICE_DEADLINE, NULL, NULL, NULL, error);

  return signet_store_terminate_at_notice (store, d->contract_id, d->version, NOTICE_DEADLINE, d->terminate, error);
}

/* Terminate and Let Expire taken at one notice deadline from one version
 * of the contract: the second is a conflict, and the deadline has one
 * decision, the first's, audited with its step. (Let Expire second: a
 * termination takes the process's step, which locks the row itself.) */
static void
test_concurrent_notice_decisions (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(SignetContract) contract = add_signed (f, TRUE);
  g_autoptr(SignetContract) stored = NULL;
  g_autoptr(SignetNoticeDecision) decided = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(SignetProcessStep) terminate = { SIGNET_PROCESS_ACTION_TERMINATE };
  gint64 id = signet_contract_get_id (contract);
  NoticeDecision terminating = { id, signet_contract_get_version (contract), &terminate };
  NoticeDecision let_expire = { id, signet_contract_get_version (contract), NULL };

  signet_store_set_today (f->a, NOTICE_DAY);
  signet_store_set_today (f->b, NOTICE_DAY);
  terminate.termination_reason = g_strdup ("expired-not-renewed");
  terminate.comment = g_strdup ("Not needed any more");
  terminate.effective_date = g_strdup ("2026-12-31");

  assert_second_write_refused (f, decide_at_notice, &terminating, decide_at_notice, &let_expire,
                               SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT, 2);

  stored = reread (f, id);
  g_assert_cmpint (signet_contract_get_status (stored), ==, SIGNET_CONTRACT_STATUS_TERMINATED);
  g_assert_cmpstr (signet_contract_get_termination_reason (stored), ==, "expired-not-renewed");
  decided = signet_store_get_notice_decision (f->b, id, NOTICE_DEADLINE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (decided);
  g_assert_cmpint (decided->choice, ==, SIGNET_NOTICE_CHOICE_TERMINATE);
  g_assert_cmpint (unit_query_raw_int (f->uri, "SELECT count(*) FROM notice_decisions"), ==, 1);
}

/* The first original of a contract recorded in two places at once, each
 * from a form that found none, with its archive number: there is no row
 * yet to lock, and a contract has one original; the second is a
 * conflict, not an error of the server's (a key that exists). */
static void
assert_one_first_original (Fixture *f,
                           gint64   contract_id)
{
  g_autoptr(SignetOriginal) first = signet_original_new (contract_id);
  g_autoptr(SignetOriginal) second = signet_original_new (contract_id);
  g_autoptr(SignetOriginal) stored = NULL;
  g_autoptr(GError) error = NULL;

  first->archive_number = g_strdup ("DA-2026-017");
  first->room = g_strdup ("A");
  second->archive_number = g_strdup ("DA-2026-017");
  second->room = g_strdup ("B");

  assert_second_write_conflicts (f, (WriteFunc) signet_store_save_original, first, second);

  stored = signet_store_get_original (f->b, contract_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  g_assert_cmpstr (stored->archive_number, ==, "DA-2026-017");
  g_assert_cmpstr (stored->room, ==, "A");
  g_assert_cmpint (stored->version, ==, 1);
  g_assert_cmpint (second->version, ==, 0);
  g_assert_cmpint (unit_query_raw_int (f->uri, "SELECT count(*) FROM originals"), ==, 1);
}

static void
test_concurrent_first_originals (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->a, "Northwind Traders", "NWT");
  g_autoptr(SignetContract) contract = unit_add_contract (f->a, client, "HT-2026-0001", "Office lease");

  assert_one_first_original (f, signet_contract_get_id (contract));
}

/* Two payments received on one planned payment at once, each a write of
 * its own: both stand, and the paid sum counts both, where the second's
 * sum, read before the first committed, would leave the first out. */
static void
test_concurrent_settlements (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->a, "Northwind Traders", "NWT");
  g_autoptr(SignetContract) contract = unit_add_contract (f->a, client, "HT-2026-0001", "Office lease");
  g_autoptr(SignetPayment) payment = signet_payment_new (signet_contract_get_id (contract));
  g_autoptr(SignetPaymentSettlement) first = NULL;
  g_autoptr(SignetPaymentSettlement) second = NULL;
  g_autoptr(SignetPayment) stored = NULL;
  g_autoptr(GError) error = NULL;
  Write w = { (WriteFunc) signet_store_add_payment_settlement, f->b, NULL, NULL, FALSE };

  payment->title = g_strdup ("Deposit");
  payment->amount = 100000;
  payment->currency = g_strdup ("CNY");
  payment->due_date = g_strdup ("2026-12-31");
  signet_store_add_payment (f->a, payment, &error);
  g_assert_no_error (error);
  first = signet_payment_settlement_new (payment->id);
  first->date = g_strdup ("2026-12-01");
  first->amount = 30000;
  second = signet_payment_settlement_new (payment->id);
  second->date = g_strdup ("2026-12-02");
  second->amount = 50000;
  w.record = second;

  race_second_write (f, (WriteFunc) signet_store_add_payment_settlement, first, &w);

  g_assert_no_error (w.error);
  g_assert_true (w.written);
  stored = signet_store_get_payment (f->b, payment->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->paid, ==, 80000);
  g_assert_cmpint (unit_query_raw_int (f->uri, "SELECT paid FROM payments"), ==, 80000);
}

typedef struct
{
  gint64      attachment_id;
  const char *text;
} Replacement;

static gboolean
replace (SignetStore  *store,
         gpointer      record,
         GError      **error)
{
  Replacement *r = record;
  g_autoptr(GBytes) bytes = g_bytes_new_static (r->text, strlen (r->text));
  g_autoptr(SignetAttachment) attachment = signet_store_replace_attachment (store, r->attachment_id, bytes,
                                                                            "lease.txt", "text/plain", error);

  return attachment != NULL;
}

/* A file replaced by a new version in two places at once: both versions
 * are kept, the second as version 3, rather than the second refused by
 * the server (two versions 2). */
static void
test_concurrent_replacements (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->a, "Northwind Traders", "NWT");
  g_autoptr(SignetContract) contract = unit_add_contract (f->a, client, "HT-2026-0001", "Office lease");
  g_autoptr(GBytes) bytes = g_bytes_new_static ("draft", 5);
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autoptr(SignetAttachment) stored = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  Replacement first = { 0, "signed by us" };
  Replacement second = { 0, "signed by both" };
  Write w = { replace, f->b, &second, NULL, FALSE };
  g_autofree char *latest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, second.text, -1);

  attachment = signet_store_add_attachment (f->a, signet_contract_get_id (contract), bytes, "lease.txt",
                                            "text/plain", SIGNET_ATTACHMENT_ROLE_OTHER, NULL, &error);
  g_assert_no_error (error);
  first.attachment_id = second.attachment_id = signet_attachment_get_id (attachment);

  race_second_write (f, replace, &first, &w);

  g_assert_no_error (w.error);
  g_assert_true (w.written);
  versions = signet_store_list_attachment_versions (f->b, first.attachment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 3);
  stored = signet_store_get_attachment (f->b, first.attachment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (signet_attachment_get_version (stored), ==, 3);
  g_assert_cmpstr (signet_attachment_get_sha256 (stored), ==, latest);
}

typedef struct
{
  gint64      contract_id;
  const char *file_name;
} Attaching;

static gboolean
attach (SignetStore  *store,
        gpointer      record,
        GError      **error)
{
  Attaching *a = record;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("the signed lease", 16);
  g_autoptr(SignetAttachment) attachment = signet_store_add_attachment (store, a->contract_id, bytes, a->file_name,
                                                                        "text/plain", SIGNET_ATTACHMENT_ROLE_SIGNED,
                                                                        NULL, error);

  return attachment != NULL;
}

/* One file attached to two contracts in two places at once: its bytes are
 * stored once and both attachments are made, rather than the second
 * refused by the server (the same bytes twice). */
static void
test_concurrent_same_file (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->a, "Northwind Traders", "NWT");
  g_autoptr(SignetContract) lease = unit_add_contract (f->a, client, "HT-2026-0001", "Office lease");
  g_autoptr(SignetContract) parking = unit_add_contract (f->a, client, "HT-2026-0002", "Parking");
  Attaching first = { signet_contract_get_id (lease), "lease.txt" };
  Attaching second = { signet_contract_get_id (parking), "lease copy.txt" };
  Write w = { attach, f->b, &second, NULL, FALSE };

  race_second_write (f, attach, &first, &w);

  g_assert_no_error (w.error);
  g_assert_true (w.written);
  g_assert_cmpint (unit_query_raw_int (f->uri, "SELECT count(*) FROM blobs"), ==, 1);
  g_assert_cmpint (unit_query_raw_int (f->uri, "SELECT count(*) FROM attachments"), ==, 2);
}

/* A contract with its original in the archive, and a person to lend it
 * to; @loan and @other are loans of it to that person, not added. */
static gint64
add_lendable (Fixture     *f,
              SignetLoan **loan,
              SignetLoan **other)
{
  g_autoptr(SignetClient) client = unit_add_client (f->a, "Northwind Traders", "NWT");
  g_autoptr(SignetContract) contract = unit_add_contract (f->a, client, "HT-2026-0001", "Office lease");
  g_autoptr(SignetOriginal) original = signet_original_new (signet_contract_get_id (contract));
  g_autoptr(SignetPerson) borrower = signet_person_new ();
  g_autoptr(GError) error = NULL;
  gint64 id = signet_contract_get_id (contract);

  original->archive_number = g_strdup ("DA-2026-017");
  g_assert_true (signet_store_save_original (f->a, original, &error));
  g_assert_no_error (error);
  signet_person_set_name (borrower, "Li Na");
  g_assert_true (signet_store_add_person (f->a, borrower, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 2; i++)
    {
      SignetLoan *l = signet_loan_new (id);

      l->borrower_id = signet_person_get_id (borrower);
      l->purpose = g_strdup (i == 0 ? "Audit" : "Court hearing");
      l->lent_on = g_strdup ("2026-12-01");
      l->due_on = g_strdup ("2026-12-15");
      *(i == 0 ? loan : other) = l;
    }

  return id;
}

/* The original lent in two places at once, each from a form that found
 * it in the archive: the second is told it is on loan, rather than
 * refused by the server (one loan out per original). */
static void
test_concurrent_loans (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SignetLoan) first = NULL;
  g_autoptr(SignetLoan) second = NULL;
  g_autoptr(SignetLoan) open = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_lendable (f, &first, &second);

  assert_second_write_refused (f, (WriteFunc) signet_store_add_loan, first, (WriteFunc) signet_store_add_loan,
                               second, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_IN_USE, 1);

  open = signet_store_get_open_loan (f->b, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (open);
  g_assert_cmpstr (open->purpose, ==, "Audit");
  g_assert_cmpint (unit_query_raw_int (f->uri, "SELECT count(*) FROM loans"), ==, 1);
}

static gboolean
delete_original (SignetStore  *store,
                 gpointer      record,
                 GError      **error)
{
  g_autoptr(SignetTombstone) tombstone = signet_store_delete (store, SIGNET_TOMBSTONE_ORIGINAL,
                                                              *(gint64 *) record, error);

  return tombstone != NULL;
}

/* The original lent in one place while its record is deleted in another,
 * as one recorded on the wrong contract: the delete is refused, as for
 * one lent before, rather than leaving a loan of no original. */
static void
test_delete_during_loan (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SignetLoan) loan = NULL;
  g_autoptr(SignetLoan) unused = NULL;
  g_autoptr(SignetOriginal) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_lendable (f, &loan, &unused);

  assert_second_write_refused (f, (WriteFunc) signet_store_add_loan, loan, delete_original, &id,
                               SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_IN_USE, 1);

  stored = signet_store_get_original (f->b, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
}

typedef struct
{
  gint64               loan_id;
  SignetLoanCondition  condition;
  const char          *note;
} Return;

static gboolean
return_loan (SignetStore  *store,
             gpointer      record,
             GError      **error)
{
  Return *r = record;

  return signet_store_return_loan (store, r->loan_id, "2026-12-10", r->condition, r->note, error);
}

/* Its return recorded in two places at once: the second is told it came
 * back already, rather than told it recorded a return that was not
 * written. */
static void
test_concurrent_returns (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SignetLoan) loan = NULL;
  g_autoptr(SignetLoan) unused = NULL;
  g_autoptr(GPtrArray) loans = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_lendable (f, &loan, &unused);
  Return intact = { 0, SIGNET_LOAN_CONDITION_INTACT, NULL };
  Return damaged = { 0, SIGNET_LOAN_CONDITION_DAMAGED, "Page 3 torn" };

  g_assert_true (signet_store_add_loan (f->a, loan, &error));
  g_assert_no_error (error);
  intact.loan_id = damaged.loan_id = loan->id;

  assert_second_write_refused (f, return_loan, &intact, return_loan, &damaged,
                               SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT, 1);

  loans = signet_store_list_loans (f->b, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loans->len, ==, 1);
  g_assert_cmpint (((SignetLoan *) g_ptr_array_index (loans, 0))->condition, ==, SIGNET_LOAN_CONDITION_INTACT);
}

/* Keys a user types, added in two places at once: the second is told
 * whose the key is, as when the first had been committed before, rather
 * than given the server's message about a unique index. */
static gboolean
add_contract (SignetStore  *store,
              gpointer      record,
              GError      **error)
{
  return signet_store_add_contract (store, record, error);
}

static void
test_concurrent_contract_numbers (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->a, "Northwind Traders", "NWT");
  g_autoptr(SignetContract) first = signet_contract_new ();
  g_autoptr(SignetContract) second = signet_contract_new ();

  signet_contract_set_number (first, "HT-2026-0001");
  signet_contract_set_title (first, "Office lease");
  signet_contract_set_client_id (first, signet_client_get_id (client));
  signet_contract_set_number (second, "HT-2026-0001");
  signet_contract_set_title (second, "Parking");
  signet_contract_set_client_id (second, signet_client_get_id (client));

  assert_second_write_refused (f, add_contract, first, add_contract, second,
                               SIGNET_FIELD_ERROR, SIGNET_FIELD_CONTRACT_NUMBER, 1);
}

/* And two contracts given one new number at once. */
static void
test_concurrent_renumbering (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->a, "Northwind Traders", "NWT");
  g_autoptr(SignetContract) lease = unit_add_contract (f->a, client, "HT-2026-0001", "Office lease");
  g_autoptr(SignetContract) parking = unit_add_contract (f->a, client, "HT-2026-0002", "Parking");
  g_autoptr(SignetContract) first = signet_contract_copy (lease);
  g_autoptr(SignetContract) second = signet_contract_copy (parking);
  Edit a = { lease, first };
  Edit b = { parking, second };

  signet_contract_set_number (first, "HT-2026-0100");
  signet_contract_set_number (second, "HT-2026-0100");

  assert_second_write_refused (f, edit, &a, edit, &b, SIGNET_FIELD_ERROR, SIGNET_FIELD_CONTRACT_NUMBER, 1);
}

static gboolean
add_client (SignetStore  *store,
            gpointer      record,
            GError      **error)
{
  return signet_store_add_client (store, record, error);
}

static void
test_concurrent_client_codes (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SignetClient) first = signet_client_new ();
  g_autoptr(SignetClient) second = signet_client_new ();

  signet_client_set_name (first, "Northwind Traders");
  signet_client_set_code (first, "NWT");
  signet_client_set_name (second, "Northwind Transport");
  signet_client_set_code (second, "NWT");

  assert_second_write_refused (f, add_client, first, add_client, second,
                               SIGNET_FIELD_ERROR, SIGNET_FIELD_CLIENT_CODE, 1);
}

static void
test_concurrent_archive_numbers (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->a, "Northwind Traders", "NWT");
  g_autoptr(SignetContract) lease = unit_add_contract (f->a, client, "HT-2026-0001", "Office lease");
  g_autoptr(SignetContract) parking = unit_add_contract (f->a, client, "HT-2026-0002", "Parking");
  g_autoptr(SignetOriginal) first = signet_original_new (signet_contract_get_id (lease));
  g_autoptr(SignetOriginal) second = signet_original_new (signet_contract_get_id (parking));

  first->archive_number = g_strdup ("DA-2026-017");
  second->archive_number = g_strdup ("DA-2026-017");

  assert_second_write_refused (f, (WriteFunc) signet_store_save_original, first,
                               (WriteFunc) signet_store_save_original, second,
                               SIGNET_FIELD_ERROR, SIGNET_FIELD_ORIGINAL_ARCHIVE_NUMBER, 1);
}

static void
test_concurrent_amendment_numbers (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(SignetContract) contract = add_signed (f, FALSE);
  g_autoptr(SignetAmendment) first = signet_amendment_new (signet_contract_get_id (contract));
  g_autoptr(SignetAmendment) second = signet_amendment_new (signet_contract_get_id (contract));

  for (guint i = 0; i < 2; i++)
    {
      SignetAmendment *amendment = i == 0 ? first : second;

      amendment->number = g_strdup ("HT-2026-0001-A1");
      amendment->effective_date = g_strdup ("2027-03-01");
      amendment->changes = SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_VALUE);
      amendment->value = i == 0 ? 120000 : 130000;
      amendment->currency = g_strdup ("CNY");
    }

  assert_second_write_refused (f, (WriteFunc) signet_store_add_amendment, first,
                               (WriteFunc) signet_store_add_amendment, second,
                               SIGNET_FIELD_ERROR, SIGNET_FIELD_AMENDMENT_NUMBER, 1);
}

static gboolean
add_view (SignetStore  *store,
          gpointer      record,
          GError      **error)
{
  return signet_store_add_saved_view (store, record, error) > 0;
}

static void
test_concurrent_view_names (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(SignetSavedView) first = signet_saved_view_new ();
  g_autoptr(SignetSavedView) second = signet_saved_view_new ();

  first->name = g_strdup ("Leases");
  first->search = g_strdup ("lease");
  second->name = g_strdup ("Leases");
  second->search = g_strdup ("rent");

  assert_second_write_refused (f, add_view, first, add_view, second, SIGNET_FIELD_ERROR, SIGNET_FIELD_VIEW_NAME, 1);
}

static void
test_concurrent_person_names (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SignetPerson) first = signet_person_new ();
  g_autoptr(SignetPerson) second = signet_person_new ();

  signet_person_set_name (first, "Ana Lima");
  signet_person_set_department (first, "Legal");
  signet_person_set_name (second, "Ana  Lima");
  signet_person_set_department (second, "Finance");

  assert_second_write_refused (f, (WriteFunc) signet_store_add_person, first, (WriteFunc) signet_store_add_person,
                               second, SIGNET_FIELD_ERROR, SIGNET_FIELD_PERSON_NAME, 1);
}

/* @uri with the login @user instead of its own. */
static char *
uri_as (const char *uri,
        const char *user)
{
  const char *start = strstr (uri, "user=");
  const char *end;

  g_assert_nonnull (start);
  end = strchr (start, '&');

  return g_strdup_printf ("%.*suser=%s%s", (int) (start - uri), uri, user, end != NULL ? end : "");
}

/* The same by two archivists, who record originals but may not change
 * contracts (and so may not lock a contract's row). */
static void
test_archivists_first_originals (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->a, "Northwind Traders", "NWT");
  g_autoptr(SignetContract) contract = unit_add_contract (f->a, client, "HT-2026-0001", "Office lease");
  g_autoptr(SignetStore) admin = NULL;
  g_autofree char *archie = uri_as (f->uri, "archie");
  g_autofree char *arlo = uri_as (f->uri, "arlo");
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_store_setup_team (f->uri, &error));
  g_assert_no_error (error);
  admin = open_store (f->uri);
  g_assert_true (signet_store_add_team_user (admin, "archie", SIGNET_STORE_ROLE_ARCHIVIST, "Wang Fang", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (signet_store_add_team_user (admin, "arlo", SIGNET_STORE_ROLE_ARCHIVIST, "Chen Jing", NULL, &error));
  g_assert_no_error (error);

  g_clear_object (&f->a);
  g_clear_object (&f->b);
  f->a = open_store (archie);
  f->b = open_store (arlo);
  g_assert_cmpint (signet_store_get_role (f->a), ==, SIGNET_STORE_ROLE_ARCHIVIST);
  g_assert_cmpint (signet_store_get_role (f->b), ==, SIGNET_STORE_ROLE_ARCHIVIST);

  assert_one_first_original (f, signet_contract_get_id (contract));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");

  if (argc == 4 && strcmp (argv[1], "--kill-mid-transaction") == 0)
    return kill_mid_transaction (argv[2], g_ascii_strtoll (argv[3], NULL, 10));

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/team-live/latency", test_latency);
  ADD ("/team-live/out-of-order", test_out_of_order);
  ADD ("/team-live/server-restart", test_server_restart);
  ADD ("/team-live/restart-in-batch", test_restart_in_batch);
  ADD ("/team-live/reconnect-backoff", test_reconnect_backoff);
  ADD ("/team-live/kill-mid-transaction", test_kill_mid_transaction);
  ADD ("/team-live/concurrent-saves", test_concurrent_saves);
  ADD ("/team-live/import-lets-others-read", test_import_lets_others_read);
  ADD ("/team-live/concurrent-client-saves", test_concurrent_client_saves);
  ADD ("/team-live/concurrent-payment-saves", test_concurrent_payment_saves);
  ADD ("/team-live/concurrent-obligation-saves", test_concurrent_obligation_saves);
  ADD ("/team-live/concurrent-original-saves", test_concurrent_original_saves);
  ADD ("/team-live/concurrent-person-saves", test_concurrent_person_saves);
  ADD ("/team-live/concurrent-process-steps", test_concurrent_process_steps);
  ADD ("/team-live/concurrent-approval-decisions", test_concurrent_approval_decisions);
  ADD ("/team-live/concurrent-amendment-decisions", test_concurrent_amendment_decisions);
  ADD ("/team-live/concurrent-amendment-decisions-two-steps", test_concurrent_amendment_decisions_two_steps);
  ADD ("/team-live/concurrent-amendment-submits", test_concurrent_amendment_submits);
  ADD ("/team-live/concurrent-route-saves", test_concurrent_route_saves);
  ADD ("/team-live/concurrent-renewals", test_concurrent_renewals);
  ADD ("/team-live/edit-during-renewal", test_edit_during_renewal);
  ADD ("/team-live/renewal-during-edit", test_renewal_during_edit);
  ADD ("/team-live/concurrent-notice-decisions", test_concurrent_notice_decisions);
  ADD ("/team-live/concurrent-first-originals", test_concurrent_first_originals);
  ADD ("/team-live/archivists-first-originals", test_archivists_first_originals);
  ADD ("/team-live/concurrent-settlements", test_concurrent_settlements);
  ADD ("/team-live/concurrent-replacements", test_concurrent_replacements);
  ADD ("/team-live/concurrent-same-file", test_concurrent_same_file);
  ADD ("/team-live/concurrent-loans", test_concurrent_loans);
  ADD ("/team-live/concurrent-contract-numbers", test_concurrent_contract_numbers);
  ADD ("/team-live/concurrent-renumbering", test_concurrent_renumbering);
  ADD ("/team-live/concurrent-client-codes", test_concurrent_client_codes);
  ADD ("/team-live/concurrent-archive-numbers", test_concurrent_archive_numbers);
  ADD ("/team-live/concurrent-amendment-numbers", test_concurrent_amendment_numbers);
  ADD ("/team-live/concurrent-person-names", test_concurrent_person_names);
  ADD ("/team-live/concurrent-view-names", test_concurrent_view_names);
  ADD ("/team-live/concurrent-returns", test_concurrent_returns);
  ADD ("/team-live/delete-during-loan", test_delete_during_loan);

  return g_test_run ();
}
