/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>

#include "pg-test-server.h"
#include "signet-store-private.h"
#include "signet-store-approvals.h"
#include "signet-store-attachments.h"
#include "signet-store-payments.h"
#include "signet-store-people.h"
#include "signet-store-team.h"
#include "signet-tombstone.h"
#include "unit-test-utils.h"

/* A team register set up with signet_store_setup_team() on the tests' own
 * PostgreSQL server, and people logging in as themselves: each test
 * connects as several database users at once and checks what the server
 * lets each of them see and write. */

typedef struct
{
  char        *uri;     /* the register's owner, who set it up */
  SignetStore *admin;
  SignetClient *client;
} Team;

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

static char *
uri_for (const Team *t,
         const char *user)
{
  return uri_as (t->uri, user);
}

static SignetStore *
open_as (const Team *t,
         const char *user)
{
  g_autofree char *uri = uri_for (t, user);
  g_autoptr(GError) error = NULL;
  SignetStore *store = signet_store_open (uri, SIGNET_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

static int
count_as (const Team *t,
          const char *user,
          const char *sql)
{
  g_autofree char *uri = uri_for (t, user);

  return unit_query_raw_int (uri, sql);
}

static void
add_user (Team            *t,
          const char      *db_user,
          SignetStoreRole  role,
          const char      *person,
          const char      *department)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_store_add_team_user (t->admin, db_user, role, person, department, &error));
  g_assert_no_error (error);
}

static SignetContract *
add_contract (Team       *t,
              const char *number,
              const char *department,
              const char *owner)
{
  SignetContract *contract = unit_add_contract (t->admin, t->client, number, "Office supplies");
  g_autoptr(GError) error = NULL;

  signet_contract_set_department (contract, department);
  signet_contract_set_owner (contract, owner);
  g_assert_true (signet_store_update_contract (t->admin, contract, &error));
  g_assert_no_error (error);

  return contract;
}

/* Sales: Ann reads, Ed edits; Legal: Al and Bo approve; Finance: Fi
 * edits. Contracts: S-1 of Sales, S-2 of Sales confidential and owned by
 * Ed, L-1 of Legal, N-1 of no department, F-1 of Finance confidential
 * and owned by no one. */
static void
team_set_up (Team          *t,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  t->uri = pg_test_server_new_database ("team");
  g_assert_true (signet_store_setup_team (t->uri, &error));
  g_assert_no_error (error);
  /* Again, as after an upgrade: it only refreshes. */
  g_assert_true (signet_store_setup_team (t->uri, &error));
  g_assert_no_error (error);

  t->admin = signet_store_open (t->uri, SIGNET_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (signet_store_get_role (t->admin), ==, SIGNET_STORE_ROLE_ADMINISTRATOR);
  t->client = unit_add_client (t->admin, "Acme", "ACME");

  add_user (t, "ann", SIGNET_STORE_ROLE_READER, "Ann", "Sales");
  add_user (t, "ed", SIGNET_STORE_ROLE_EDITOR, "Ed", "Sales");
  add_user (t, "al", SIGNET_STORE_ROLE_APPROVER, "Al", "Legal");
  add_user (t, "bo", SIGNET_STORE_ROLE_APPROVER, "Bo", "Legal");
  add_user (t, "fi", SIGNET_STORE_ROLE_EDITOR, "Fi", "Finance");

  g_clear_object (&t->client);
  t->client = unit_add_client (t->admin, "Beta", "BETA");
  g_object_unref (add_contract (t, "S-1", "Sales", NULL));
  g_object_unref (add_contract (t, "S-2", "Sales", "Ed"));
  g_object_unref (add_contract (t, "L-1", "Legal", NULL));
  g_object_unref (add_contract (t, "N-1", NULL, NULL));
  g_object_unref (add_contract (t, "F-1", "Finance", NULL));
  unit_exec_raw (t->uri, "UPDATE contracts SET confidential = 1 WHERE number IN ('S-2', 'F-1')");
}

static void
team_tear_down (Team          *t,
                gconstpointer  data)
{
  g_clear_object (&t->client);
  g_clear_object (&t->admin);
  g_clear_pointer (&t->uri, g_free);
}

static void
test_reader_refused (Team          *t,
                     gconstpointer  data)
{
  g_autoptr(SignetStore) reader = open_as (t, "ann");
  g_autoptr(SignetStore) editor = open_as (t, "ed");
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = unit_query_raw_int (t->uri, "SELECT id FROM contracts WHERE number = 'S-1'");

  g_assert_cmpint (signet_store_get_role (reader), ==, SIGNET_STORE_ROLE_READER);
  g_assert_false (signet_store_can_edit (reader));
  g_assert_cmpstr (signet_store_get_acting_name (reader), ==, "Ann");
  g_assert_cmpint (signet_store_get_role (editor), ==, SIGNET_STORE_ROLE_EDITOR);
  g_assert_true (signet_store_can_edit (editor));

  /* The reader reads the contract, and the server refuses its change. */
  contract = signet_store_get_contract (reader, id, &error);
  g_assert_no_error (error);
  signet_contract_set_title (contract, "Changed by a reader");
  g_assert_false (signet_store_update_contract (reader, contract, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "(reader) does not allow this change"));
  g_clear_error (&error);

  client = signet_client_new ();
  signet_client_set_name (client, "Gamma");
  signet_client_set_code (client, "GAMMA");
  g_assert_false (signet_store_add_client (reader, client, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_cmpint (unit_query_raw_int (t->uri, "SELECT count(*) FROM contracts WHERE title = 'Office supplies'"), ==, 5);
  g_assert_cmpint (unit_query_raw_int (t->uri, "SELECT count(*) FROM clients"), ==, 2);

  /* The editor of the same department may; the audit names Ed, the
   * person, not the account running the test. */
  g_clear_object (&contract);
  contract = signet_store_get_contract (editor, id, &error);
  g_assert_no_error (error);
  signet_contract_set_title (contract, "Changed by an editor");
  g_assert_true (signet_store_update_contract (editor, contract, &error));
  g_assert_no_error (error);
  g_assert_cmpint (unit_query_raw_int (t->uri,
                                       "SELECT count(*) FROM audit WHERE \"user\" = 'Ed' "
                                       "AND record_kind = 'contract' AND action = 'update'"), ==, 1);

  /* People and settings are the administrator's. */
  {
    g_autoptr(SignetPerson) person = signet_person_new ();

    signet_person_set_name (person, "Zed");
    g_assert_false (signet_store_add_person (editor, person, &error));
    g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_READ_ONLY);
    g_assert_nonnull (strstr (error->message, "(editor)"));
  }
}

static void
test_departments (Team          *t,
                  gconstpointer  data)
{
  static const struct { const char *user; const char *numbers; } seen[] = {
    { "ann", "N-1 S-1" },          /* Sales, not S-2: confidential, not Ann's */
    { "ed", "N-1 S-1 S-2" },       /* Sales, and S-2 as its owner */
    { "al", "L-1 N-1" },
    { "fi", "N-1" },               /* F-1 is confidential, and no one's */
  };
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (signet_store_count_contracts (t->admin), ==, 5);
  unit_exec_raw (t->uri, "INSERT INTO key_dates (contract_id, kind, date, title, uuid) "
                         "SELECT id, 'other', '2027-01-01', 'Check', 'kd-' || id FROM contracts");

  for (guint i = 0; i < G_N_ELEMENTS (seen); i++)
    {
      g_autoptr(SignetStore) store = open_as (t, seen[i].user);
      g_auto(GStrv) expected = g_strsplit (seen[i].numbers, " ", -1);
      int n = (int) g_strv_length (expected);

      g_test_message ("%s sees %s", seen[i].user, seen[i].numbers);
      g_assert_cmpuint (signet_store_count_contracts (store), ==, n);
      g_assert_cmpint (count_as (t, seen[i].user, "SELECT count(*) FROM contracts"), ==, n);
      /* A contract's rows go with it. */
      g_assert_cmpint (count_as (t, seen[i].user, "SELECT count(*) FROM key_dates"), ==, n);
      for (int j = 0; j < n; j++)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM contracts WHERE number = '%s'", expected[j]);

          g_assert_cmpint (count_as (t, seen[i].user, sql), ==, 1);
        }
    }

  /* The audit shows a contract's entries to those who see it. */
  g_assert_cmpint (count_as (t, "fi", "SELECT count(DISTINCT record_id) FROM audit WHERE record_kind = 'contract'"), ==, 1);
  g_assert_cmpint (count_as (t, "ed", "SELECT count(DISTINCT record_id) FROM audit WHERE record_kind = 'contract'"), ==, 3);
  g_assert_cmpint (count_as (t, "ed", "SELECT count(*) FROM audit WHERE record_kind = 'client'"), ==,
                   unit_query_raw_int (t->uri, "SELECT count(*) FROM audit WHERE record_kind = 'client'"));

  /* An editor cannot move a contract out of sight, nor write one into
   * another department. */
  {
    g_autoptr(SignetStore) ed = open_as (t, "ed");
    gint64 id = unit_query_raw_int (t->uri, "SELECT id FROM contracts WHERE number = 'S-1'");
    g_autoptr(SignetContract) contract = signet_store_get_contract (ed, id, &error);

    g_assert_no_error (error);
    signet_contract_set_department (contract, "Legal");
    g_assert_false (signet_store_update_contract (ed, contract, &error));
    g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_READ_ONLY);
    g_assert_cmpint (unit_query_raw_int (t->uri, "SELECT count(*) FROM contracts WHERE department = 'Legal'"), ==, 1);
  }
}

/* The step of L-1 that Al must decide, pending. */
static gint64
pend_for_al (Team *t)
{
  gint64 al = unit_query_raw_int (t->uri, "SELECT id FROM people WHERE db_user = 'al'");
  g_autofree char *sql = NULL;

  unit_exec_raw (t->uri, "UPDATE contracts SET status = 'in-review' WHERE number = 'L-1'");
  sql = g_strdup_printf ("INSERT INTO approval_steps (contract_id, amendment_id, round, position, name, "
                         "person_id, person_name, due_days, due_date, state) "
                         "SELECT id, 0, 1, 0, 'Legal review', %" G_GINT64_FORMAT ", 'Al', 3, '2026-12-10', 'pending' "
                         "FROM contracts WHERE number = 'L-1'", al);
  unit_exec_raw (t->uri, sql);

  return unit_query_raw_int (t->uri, "SELECT id FROM contracts WHERE number = 'L-1'");
}

static gboolean
decide_as (SignetStore  *store,
           gint64        contract_id,
           GError      **error)
{
  g_autoptr(SignetContract) contract = signet_store_get_contract (store, contract_id, NULL);
  SignetApprovalDecision decision = { .action = SIGNET_PROCESS_ACTION_APPROVE };

  g_assert_nonnull (contract);

  return signet_store_decide_approval_step (store, contract_id, 0, signet_contract_get_version (contract),
                                            &decision, error);
}

static void
test_approver_only (Team          *t,
                    gconstpointer  data)
{
  g_autoptr(SignetStore) bo = open_as (t, "bo");
  g_autoptr(SignetStore) al = open_as (t, "al");
  g_autoptr(GError) error = NULL;
  gint64 id = pend_for_al (t);

  /* Bo approves too, and sees the contract, but the step is Al's. */
  g_assert_cmpint (signet_store_get_role (bo), ==, SIGNET_STORE_ROLE_APPROVER);
  g_assert_false (decide_as (bo, id, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, "Only Al can decide this step. Nothing was changed.");
  g_clear_error (&error);
  g_assert_cmpint (unit_query_raw_int (t->uri, "SELECT count(*) FROM approval_steps WHERE state = 'pending'"), ==, 1);

  /* Nor may the step be written around the store. */
  {
    g_autofree char *bo_uri = uri_for (t, "bo");
    g_autofree char *al_uri = uri_for (t, "al");

    g_assert_cmpint (unit_query_raw_int (bo_uri, "SELECT count(*) FROM approval_steps"), ==, 1);
    g_assert_cmpint (unit_query_raw_int (al_uri, "SELECT count(*) FROM approval_steps"), ==, 1);
  }

  g_assert_true (decide_as (al, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (unit_query_raw_int (t->uri,
                                       "SELECT count(*) FROM approval_steps WHERE state = 'approved' "
                                       "AND decided_by = 'Al' AND recorded_by = 'Al' "
                                       "AND decided_by_id = (SELECT id FROM people WHERE db_user = 'al')"), ==, 1);
  g_assert_cmpint (unit_query_raw_int (t->uri, "SELECT count(*) FROM audit WHERE \"user\" = 'Al'"), >=, 1);
}

/* The contract whose step names Al is his to see, whatever its
 * department: F-1 is confidential and of Finance. */
static void
test_confidential_approver (Team          *t,
                            gconstpointer  data)
{
  gint64 al = unit_query_raw_int (t->uri, "SELECT id FROM people WHERE db_user = 'al'");
  g_autofree char *sql = g_strdup_printf ("INSERT INTO approval_steps (contract_id, amendment_id, round, position, name, "
                                          "person_id, person_name, due_days, state) "
                                          "SELECT id, 0, 1, 0, 'Legal review', %" G_GINT64_FORMAT ", 'Al', 3, 'waiting' "
                                          "FROM contracts WHERE number = 'F-1'", al);

  g_assert_cmpint (count_as (t, "al", "SELECT count(*) FROM contracts WHERE number = 'F-1'"), ==, 0);
  unit_exec_raw (t->uri, sql);
  g_assert_cmpint (count_as (t, "al", "SELECT count(*) FROM contracts WHERE number = 'F-1'"), ==, 1);
  g_assert_cmpint (count_as (t, "bo", "SELECT count(*) FROM contracts WHERE number = 'F-1'"), ==, 0);
  g_assert_cmpint (count_as (t, "fi", "SELECT count(*) FROM contracts WHERE number = 'F-1'"), ==, 0);
}

/* An editor deletes a contract of their department: its agenda events,
 * which the store removes after the contract, go with it, though the
 * contract is no longer there to show them. */
static void
test_delete_as_editor (Team          *t,
                       gconstpointer  data)
{
  g_autoptr(SignetStore) ed = open_as (t, "ed");
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = unit_query_raw_int (t->uri, "SELECT id FROM contracts WHERE number = 'S-1'");
  g_autofree char *events = g_strdup_printf ("SELECT count(*) FROM contract_events WHERE contract_id = %" G_GINT64_FORMAT, id);

  contract = signet_store_get_contract (t->admin, id, &error);
  g_assert_no_error (error);
  signet_contract_set_start_date (contract, "2027-01-01");
  signet_contract_set_end_date (contract, "2027-12-31");
  g_assert_true (signet_store_update_contract (t->admin, contract, &error));
  g_assert_no_error (error);
  g_assert_cmpint (unit_query_raw_int (t->uri, events), >, 0);

  g_assert_true (signet_store_delete_contract (ed, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (unit_query_raw_int (t->uri, events), ==, 0);
  g_assert_cmpint (unit_query_raw_int (t->uri, "SELECT count(*) FROM audit WHERE \"user\" = 'Ed' AND action = 'delete'"), ==, 1);

  /* A reader may not. */
  {
    g_autoptr(SignetStore) ann = open_as (t, "ann");
    gint64 other = unit_query_raw_int (t->uri, "SELECT id FROM contracts WHERE number = 'N-1'");

    g_assert_false (signet_store_delete_contract (ann, other, &error));
    g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_READ_ONLY);
    g_assert_cmpint (unit_query_raw_int (t->uri, "SELECT count(*) FROM contracts"), ==, 4);
  }
}

/* Rows two steps or more below a contract, made for S-1 (Sales) and S-2
 * (Sales, confidential, Ed's): a file with its version, bytes, text and
 * annotation, a review's clauses and actions, a payment's invoices and
 * settlements, an obligation's occurrences, and renewals N-1 to S-1 and
 * S-1 to S-2. */
static const char deep_rows_sql[] =
  "INSERT INTO attachments (contract_id, role, added_at, added_by)"
  "  SELECT id, 'signed', '2026-12-01T00:00:00.000Z', 'Admin' FROM contracts WHERE number IN ('S-1', 'S-2');"
  "INSERT INTO blobs (sha256, size, data)"
  "  SELECT encode (sha256 (convert_to (number, 'UTF8')), 'hex'), 3, convert_to (number, 'UTF8')"
  "  FROM contracts WHERE number IN ('S-1', 'S-2');"
  "INSERT INTO attachment_versions (attachment_id, version, sha256, file_name, content_type, size, added_at, added_by)"
  "  SELECT a.id, 1, encode (sha256 (convert_to (c.number, 'UTF8')), 'hex'), c.number || '.txt', 'text/plain', 3,"
  "         '2026-12-01T00:00:00.000Z', 'Admin' FROM attachments a JOIN contracts c ON c.id = a.contract_id;"
  "INSERT INTO blob_text (sha256, state, text) SELECT sha256, 'done', 'terms' FROM blobs;"
  "INSERT INTO annotations (version_id, kind, page, rects, color, author, created_at, modified_at)"
  "  SELECT id, 'highlight', 0, '[]', '#ffff00', 'Admin', '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'"
  "  FROM attachment_versions;"
  "INSERT INTO reviews (contract_id, date, reviewer, uuid)"
  "  SELECT id, '2026-12-01', 'Admin', 'rv-' || number FROM contracts WHERE number IN ('S-1', 'S-2');"
  "INSERT INTO review_clauses (review_id, position, clause, confirmed) SELECT id, 0, 'Term', 1 FROM reviews;"
  "INSERT INTO review_actions (uuid, review_id, description) SELECT 'ra-' || id, id, 'Fix the term' FROM reviews;"
  "INSERT INTO payments (uuid, contract_id, direction, title, amount, currency, due_date)"
  "  SELECT 'pay-' || number, id, 'receivable', 'Deposit', 100, 'CNY', '2027-01-01' FROM contracts"
  "  WHERE number IN ('S-1', 'S-2');"
  "INSERT INTO payment_invoices (uuid, payment_id, number, date, amount)"
  "  SELECT 'inv-' || id, id, 'INV-' || id, '2027-01-02', 100 FROM payments;"
  "INSERT INTO payment_settlements (uuid, payment_id, date, amount, recorded_at, recorded_by)"
  "  SELECT 'set-' || id, id, '2027-01-03', 100, '2027-01-03T00:00:00.000Z', 'Admin' FROM payments;"
  "INSERT INTO obligations (uuid, contract_id, party, title, due_date)"
  "  SELECT 'ob-' || number, id, 'us', 'Deliver', '2027-01-01' FROM contracts WHERE number IN ('S-1', 'S-2');"
  "INSERT INTO obligation_occurrences (obligation_id, due_date, status, recorded_at, recorded_by)"
  "  SELECT id, '2027-01-01', 'waived', '2027-01-01T00:00:00.000Z', 'Admin' FROM obligations;"
  "INSERT INTO renewals (predecessor_id, successor_id, at)"
  "  SELECT p.id, s.id, '2026-12-01T00:00:00.000Z' FROM contracts p, contracts s"
  "  WHERE (p.number, s.number) IN (('N-1', 'S-1'), ('S-1', 'S-2'));";

/* Each such row of S-2 is hidden from Ann, who reads Sales but is not
 * named on it, and seen by Ed, its owner; S-1's are seen by both, and
 * neither by Fi, of Finance. */
static void
test_deep_rows (Team          *t,
                gconstpointer  data)
{
  static const char * const tables[] = {
    "attachment_versions", "annotations", "blobs", "blob_text", "review_clauses", "review_actions",
    "payment_invoices", "payment_settlements", "obligation_occurrences", "renewals",
  };
  g_autoptr(SignetStore) ann = open_as (t, "ann");
  g_autoptr(GString) seen = g_string_new (NULL);
  g_autoptr(GString) wanted = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;

  unit_exec_raw (t->uri, deep_rows_sql);

  /* Each table's count as the owner, Ed, Ann and Fi, all of them
   * compared at once, so that a failure names every table that leaks. */
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      g_autofree char *counts = g_strdup_printf ("%s %d %d %d %d", tables[i], unit_query_raw_int (t->uri, sql),
                                                 count_as (t, "ed", sql), count_as (t, "ann", sql),
                                                 count_as (t, "fi", sql));
      g_autofree char *expected = g_strdup_printf ("%s 2 2 1 0", tables[i]);

      g_string_append_printf (seen, "%s\n", counts);
      g_string_append_printf (wanted, "%s\n", expected);
    }
  g_assert_cmpstr (seen->str, ==, wanted->str);
  g_assert_cmpint (count_as (t, "ann", "SELECT count(*) FROM attachment_versions WHERE file_name = 'S-1.txt'"), ==, 1);
  g_assert_cmpint (count_as (t, "ann", "SELECT count(*) FROM renewals r JOIN contracts c ON c.id = r.successor_id "
                                       "WHERE c.number = 'S-1'"), ==, 1);

  /* Through the store, as the app reads a file: the one Ann cannot see
   * is not there for her. */
  sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "S-2", -1);
  bytes = signet_store_load_blob_bytes (ann, sha256, &error);
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
  g_assert_null (bytes);
  g_clear_error (&error);
  g_free (sha256);
  sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "S-1", -1);
  bytes = signet_store_load_blob_bytes (ann, sha256, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "S-1", 3);

  /* The plans the policies make look dear: the server does not compile
   * them for the register's database. */
  g_assert_cmpint (count_as (t, "ann", "SELECT CAST (current_setting ('jit') = 'off' AS integer)"), ==, 1);
}

static gint64
contract_id (Team       *t,
             const char *number)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM contracts WHERE number = '%s'", number);

  return unit_query_raw_int (t->uri, sql);
}

static SignetAttachment *
attach (SignetStore *store,
        gint64       contract_id,
        const char  *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  SignetAttachment *attachment = signet_store_add_attachment (store, contract_id, bytes, "terms.txt", "text/plain",
                                                              SIGNET_ATTACHMENT_ROLE_SIGNED, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (attachment);

  return attachment;
}

/* One file attached to F-1, confidential and of Finance, and to S-1 of
 * Sales: its bytes are stored once and seen by Ann through S-1; a file of
 * F-1 alone is not. Ed, who cannot see F-1's, still attaches the same
 * bytes to S-1, and while his attachment is deleted Ann sees none. */
static void
test_shared_blob (Team          *t,
                  gconstpointer  data)
{
  g_autoptr(SignetStore) ed = open_as (t, "ed");
  g_autoptr(SignetStore) ann = open_as (t, "ann");
  g_autoptr(SignetAttachment) confidential = attach (t->admin, contract_id (t, "F-1"), "shared terms");
  g_autoptr(SignetAttachment) secret = attach (t->admin, contract_id (t, "F-1"), "secret terms");
  g_autoptr(SignetAttachment) shared = NULL;
  g_autofree char *shared_sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "shared terms", -1);
  g_autofree char *secret_sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "secret terms", -1);
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (count_as (t, "ed", "SELECT count(*) FROM blobs"), ==, 0);
  shared = attach (ed, contract_id (t, "S-1"), "shared terms");
  g_assert_cmpint (unit_query_raw_int (t->uri, "SELECT count(*) FROM blobs"), ==, 2);
  g_assert_true (signet_store_set_blob_text (t->admin, shared_sha256, SIGNET_BLOB_TEXT_DONE, "shared terms", &error));
  g_assert_no_error (error);
  g_assert_true (signet_store_set_blob_text (t->admin, secret_sha256, SIGNET_BLOB_TEXT_DONE, "secret terms", &error));
  g_assert_no_error (error);

  g_assert_cmpint (count_as (t, "ann", "SELECT count(*) FROM blobs"), ==, 1);
  g_assert_cmpint (count_as (t, "ann", "SELECT count(*) FROM blob_text"), ==, 1);
  g_assert_cmpint (count_as (t, "ann", "SELECT count(*) FROM attachment_versions"), ==, 1);
  bytes = signet_store_load_blob_bytes (ann, shared_sha256, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "shared terms", 12);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = signet_store_load_blob_bytes (ann, secret_sha256, &error);
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The bytes stay, F-1's file names them; Ed's Undo brings his file
   * back, seen again. */
  tombstone = signet_store_delete (ed, SIGNET_TOMBSTONE_ATTACHMENT, signet_attachment_get_id (shared), &error);
  g_assert_no_error (error);
  g_assert_nonnull (tombstone);
  g_assert_cmpint (count_as (t, "ann", "SELECT count(*) FROM blobs"), ==, 0);
  g_assert_cmpint (count_as (t, "ann", "SELECT count(*) FROM blob_text"), ==, 0);
  g_assert_cmpint (unit_query_raw_int (t->uri, "SELECT count(*) FROM blobs"), ==, 2);
  g_assert_cmpint (unit_query_raw_int (t->uri, "SELECT count(*) FROM blob_text"), ==, 2);
  g_assert_true (signet_store_restore (ed, tombstone, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_as (t, "ann", "SELECT count(*) FROM blobs"), ==, 1);
}

/* Ed writes the rows below a payment of S-1 through the store, and his
 * Undo of the payment's deletion puts them back: each goes in after the
 * row it belongs to, which the server checks he sees. */
static void
test_editor_deep_writes (Team          *t,
                         gconstpointer  data)
{
  g_autoptr(SignetStore) ed = open_as (t, "ed");
  g_autoptr(SignetPayment) payment = signet_payment_new (contract_id (t, "S-1"));
  g_autoptr(SignetPaymentInvoice) invoice = NULL;
  g_autoptr(SignetPaymentSettlement) settlement = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GError) error = NULL;

  payment->title = g_strdup ("Deposit");
  payment->amount = 100000;
  payment->currency = g_strdup ("CNY");
  payment->due_date = g_strdup ("2027-01-01");
  g_assert_true (signet_store_add_payment (ed, payment, &error));
  g_assert_no_error (error);
  invoice = signet_payment_invoice_new (payment->id);
  invoice->number = g_strdup ("INV-1");
  invoice->date = g_strdup ("2027-01-02");
  invoice->amount = 100000;
  g_assert_true (signet_store_add_payment_invoice (ed, invoice, &error));
  g_assert_no_error (error);
  settlement = signet_payment_settlement_new (payment->id);
  settlement->date = g_strdup ("2027-01-03");
  settlement->amount = 40000;
  g_assert_true (signet_store_add_payment_settlement (ed, settlement, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_as (t, "ann", "SELECT count(*) FROM payment_invoices"), ==, 1);
  g_assert_cmpint (count_as (t, "ann", "SELECT count(*) FROM payment_settlements"), ==, 1);

  tombstone = signet_store_delete (ed, SIGNET_TOMBSTONE_PAYMENT, payment->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tombstone);
  g_assert_cmpint (unit_query_raw_int (t->uri, "SELECT count(*) FROM payment_invoices"), ==, 0);
  g_assert_cmpint (unit_query_raw_int (t->uri, "SELECT count(*) FROM payment_settlements"), ==, 0);
  g_assert_true (signet_store_restore (ed, tombstone, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_as (t, "ann", "SELECT count(*) FROM payment_invoices"), ==, 1);
  g_assert_cmpint (count_as (t, "ann", "SELECT count(*) FROM payment_settlements"), ==, 1);
  g_assert_cmpint (count_as (t, "fi", "SELECT count(*) FROM payment_invoices"), ==, 0);
}

/* The audit entry of a payment of S-2, which the store records as the
 * contract's, is seen by Ed, its owner, and not by Ann; S-1's by both. */
static void
test_audit_of_rows (Team          *t,
                    gconstpointer  data)
{
  static const char * const numbers[] = { "S-1", "S-2" };
  static const char count_sql[] = "SELECT count(*) FROM audit WHERE action = 'add-payment'";

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autoptr(SignetPayment) payment = signet_payment_new (contract_id (t, numbers[i]));
      g_autoptr(GError) error = NULL;

      payment->title = g_strdup ("Deposit");
      payment->amount = 100000;
      payment->currency = g_strdup ("CNY");
      payment->due_date = g_strdup ("2027-01-01");
      g_assert_true (signet_store_add_payment (t->admin, payment, &error));
      g_assert_no_error (error);
    }

  g_assert_cmpint (unit_query_raw_int (t->uri, count_sql), ==, 2);
  g_assert_cmpint (count_as (t, "ed", count_sql), ==, 2);
  g_assert_cmpint (count_as (t, "ann", count_sql), ==, 1);
  g_assert_cmpint (count_as (t, "ann", "SELECT count(*) FROM audit a JOIN contracts c ON c.id = a.record_id "
                                       "WHERE a.action = 'add-payment' AND c.number = 'S-1'"), ==, 1);
  g_assert_cmpint (count_as (t, "fi", count_sql), ==, 0);
}

/* A register of an older version is upgraded by its owner only: anyone
 * else is told so, and nothing is changed. */
static void
test_upgrade_by_owner (Team          *t,
                       gconstpointer  data)
{
  g_autofree char *uri = pg_test_server_new_database ("older");
  g_autofree char *ed_uri = uri_as (uri, "ed");
  g_autoptr(SignetStore) store = signet_store_new_at_version (uri, 23, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (store);
  g_clear_object (&store);
  unit_exec_raw (uri, "GRANT SELECT ON ALL TABLES IN SCHEMA public TO ed");

  store = signet_store_open (ed_uri, SIGNET_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "Its owner must upgrade it first"));
  g_clear_error (&error);
  g_assert_cmpint (unit_query_raw_int (uri, "SELECT CAST (value AS integer) FROM signet_meta "
                                            "WHERE key = 'schema_version'"), ==, 23);

  g_assert_true (signet_store_setup_team (uri, &error));
  g_assert_no_error (error);
  g_assert_cmpint (unit_query_raw_int (uri, "SELECT CAST (value AS integer) FROM signet_meta "
                                            "WHERE key = 'schema_version'"), ==, signet_store_get_schema_version ());
  store = signet_store_open (ed_uri, SIGNET_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (signet_store_get_role (store), ==, SIGNET_STORE_ROLE_EDITOR);
}

/* The roles belong to the whole server: the owner of another register on
 * it sets that one up too, with the roles as the first made them. */
static void
test_second_owner (Team          *t,
                   gconstpointer  data)
{
  g_autofree char *admin = uri_as (pg_test_server_admin_uri (), "owner2");
  g_autoptr(GString) uri = g_string_new (admin);
  g_autoptr(GError) error = NULL;

  unit_exec_raw (pg_test_server_admin_uri (), "CREATE ROLE owner2 LOGIN CREATEROLE");
  unit_exec_raw (pg_test_server_admin_uri (), "CREATE DATABASE second OWNER owner2");
  g_string_replace (uri, "///postgres?", "///second?", 1);

  g_assert_true (signet_store_setup_team (uri->str, &error));
  g_assert_no_error (error);
  g_assert_cmpint (unit_query_raw_int (uri->str, "SELECT count(*) FROM pg_policies WHERE policyname = 'signet_visible'"), >, 10);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/team-roles/" path, Team, NULL, team_set_up, func, team_tear_down)
  ADD ("reader-refused", test_reader_refused);
  ADD ("departments", test_departments);
  ADD ("approver-only", test_approver_only);
  ADD ("confidential-approver", test_confidential_approver);
  ADD ("delete-as-editor", test_delete_as_editor);
  ADD ("deep-rows", test_deep_rows);
  ADD ("shared-blob", test_shared_blob);
  ADD ("audit-of-rows", test_audit_of_rows);
  ADD ("editor-deep-writes", test_editor_deep_writes);
  ADD ("upgrade-by-owner", test_upgrade_by_owner);
  ADD ("second-owner", test_second_owner);
#undef ADD

  return g_test_run ();
}
