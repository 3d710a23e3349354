/* SPDX-License-Identifier: GPL-3.0-or-later */

/* unshare() */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "io-test-utils.h"
#include "unit-test-utils.h"

void
io_fixture_set_up (IoFixture     *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("signet-io-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "signet.db", NULL);
  f->store = signet_store_new (f->path, &error);
  g_assert_no_error (error);
}

void
io_fixture_tear_down (IoFixture     *f,
                      gconstpointer  data)
{
  g_clear_object (&f->store);
  unit_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

char *
io_fixture_path (IoFixture  *f,
                 const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

SignetStore *
io_fixture_open_store (IoFixture  *f,
                       const char *name)
{
  g_autofree char *path = io_fixture_path (f, name);
  g_autoptr(GError) error = NULL;
  SignetStore *store = signet_store_new (path, &error);

  g_assert_no_error (error);

  return store;
}

SignetClient *
io_add_client (SignetStore *store,
               const char  *code,
               const char  *name)
{
  g_autoptr(GError) error = NULL;
  SignetClient *client = signet_client_new ();

  signet_client_set_code (client, code);
  signet_client_set_name (client, name);
  g_assert_true (signet_store_add_client (store, client, &error));
  g_assert_no_error (error);

  return client;
}

static void
update_contract (SignetStore    *store,
                 SignetContract *contract)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_store_update_contract (store, contract, &error));
  g_assert_no_error (error);
}

void
io_fill_sample_register (SignetStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetClient) huaxin = NULL;
  g_autoptr(SignetClient) acme = NULL;
  g_autoptr(SignetClient) plain = NULL;
  g_autoptr(SignetContract) lease = NULL;
  g_autoptr(SignetContract) licence = NULL;
  g_autoptr(SignetContract) kuwait = NULL;
  g_autoptr(SignetContract) draft = NULL;

  huaxin = io_add_client (store, "C001", "北京华信科技有限公司");
  signet_client_set_contact (huaxin, "李娜");
  signet_client_set_phone (huaxin, "+86 10 6552 8888");
  signet_client_set_email (huaxin, "li.na@huaxin.example.cn");
  signet_client_set_address (huaxin, "北京市朝阳区建国路 88 号\n华信大厦 12 层");
  signet_client_set_notes (huaxin, "年度框架客户；付款 30 天。");
  g_assert_true (signet_store_update_client (store, huaxin, &error));
  g_assert_no_error (error);

  acme = io_add_client (store, "ACME-01", "Acme & Sons <Ltd>");
  signet_client_set_notes (acme, "  Quotes \"here\" and 'there',\r\nCRLF line, a\ttab, and an emoji 🖋  ");
  g_assert_true (signet_store_update_client (store, acme, &error));
  g_assert_no_error (error);

  plain = io_add_client (store, "B-7", "Plain client");

  lease = unit_add_contract (store, huaxin, "HT-2026-0001", "办公场地租赁合同");
  signet_contract_set_contract_type (lease, "租赁");
  signet_contract_set_owner (lease, "张伟");
  signet_contract_set_department (lease, "行政部");
  signet_contract_set_value (lease, 123456789);
  signet_contract_set_signing_date (lease, "2025-12-20");
  signet_contract_set_start_date (lease, "2026-01-01");
  signet_contract_set_end_date (lease, "2028-02-29");
  signet_contract_set_auto_renew (lease, TRUE);
  signet_contract_set_notice_days (lease, 90);
  signet_contract_set_status (lease, SIGNET_CONTRACT_STATUS_ACTIVE);
  signet_contract_set_risk_level (lease, SIGNET_RISK_LEVEL_HIGH);
  signet_contract_set_tags (lease, "租赁, 年度");
  signet_contract_set_notes (lease, "押金三个月。\n第二行 & <备注>");
  update_contract (store, lease);

  licence = unit_add_contract (store, acme, "LIC/2026/7", "Software licence “Pro”");
  signet_contract_set_currency (licence, "JPY");
  signet_contract_set_value (licence, 9800000);
  signet_contract_set_status (licence, SIGNET_CONTRACT_STATUS_IN_REVIEW);
  signet_contract_set_risk_level (licence, SIGNET_RISK_LEVEL_MEDIUM);
  signet_contract_set_start_date (licence, "2026-03-01");
  update_contract (store, licence);

  kuwait = unit_add_contract (store, acme, "KW-1", "Maintenance");
  signet_contract_set_currency (kuwait, "KWD");
  signet_contract_set_value (kuwait, 1005);
  signet_contract_set_end_date (kuwait, "2026-06-30");
  signet_contract_set_status (kuwait, SIGNET_CONTRACT_STATUS_TERMINATED);
  update_contract (store, kuwait);

  draft = unit_add_contract (store, plain, "A-0", "Zero value draft");
  signet_contract_set_value (draft, 0);
  signet_contract_set_currency (draft, "USD");
  update_contract (store, draft);

  /* Every other status once, so each token goes through the file. */
  for (SignetContractStatus status = SIGNET_CONTRACT_STATUS_DRAFT; status < SIGNET_N_CONTRACT_STATUSES; status++)
    {
      g_autofree char *number = g_strdup_printf ("HT-2025-%04u", 10 + status);
      g_autofree char *title = g_strdup_printf ("合同 %s", signet_contract_status_to_token (status));
      g_autoptr(SignetContract) contract = unit_add_contract (store, huaxin, number, title);

      signet_contract_set_status (contract, status);
      signet_contract_set_value (contract, 99999999999999);
      update_contract (store, contract);
    }
}

GBytes *
io_export_bytes (SignetStore *store,
                 const char  *search)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_xml_export_to_stream (store, out, search, SIGNET_EXPORT_FLAGS_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

void
io_assert_bytes_equal (GBytes *a,
                       GBytes *b)
{
  gsize len_a, len_b;
  const char *data_a = g_bytes_get_data (a, &len_a);
  const char *data_b = g_bytes_get_data (b, &len_b);

  if (len_a != len_b || memcmp (data_a, data_b, len_a) != 0)
    {
      g_autofree char *text_a = g_strndup (data_a, len_a);
      g_autofree char *text_b = g_strndup (data_b, len_b);

      g_assert_cmpstr (text_a, ==, text_b);
    }
}

void
io_assert_valid_against_schema (IoFixture *f,
                                GBytes    *xml)
{
  g_autofree char *xml_path = io_fixture_path (f, "schema-check.xml");
  g_autofree char *xsd_path = io_fixture_path (f, "signet-1.xsd");
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autoptr(GBytes) schema = signet_xml_get_schema ();
  g_autofree char *command = NULL;
  g_autofree char *err = NULL;
  int status;

  if (xmllint == NULL)
    {
      g_test_skip ("xmllint (libxml2-utils) is not installed: the export is not checked against the schema by another validator");
      return;
    }

  io_write_file (xml_path, g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
  io_write_file (xsd_path, g_bytes_get_data (schema, NULL), g_bytes_get_size (schema));
  command = g_strdup_printf ("%s --noout --schema %s %s", xmllint, xsd_path, xml_path);
  g_assert_true (g_spawn_command_line_sync (command, NULL, &err, &status, NULL));
  if (status != 0)
    g_test_message ("%s", err);
  g_assert_cmpint (status, ==, 0);
}

void
io_write_file (const char *path,
               const char *contents,
               gssize      len)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, len, &error));
  g_assert_no_error (error);
}

void
io_write_large_import (const char *path,
                       guint       n_contracts)
{
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                          "<register xmlns=\"" SIGNET_XML_NAMESPACE "\" version=\"1\">\n"
                                          "  <contracts>\n");
  g_autofree char *notes = g_strnfill (1024, 'n');

  for (guint i = 1; i <= n_contracts; i++)
    g_string_append_printf (text,
                            "    <contract number=\"BIG-%05u\" client=\"C001\">\n"
                            "      <title>Contract %u</title>\n"
                            "      <value currency=\"CNY\">%u.00</value>\n"
                            "      <status>active</status>\n"
                            "      <notes>%s %u</notes>\n"
                            "    </contract>\n", i, i, i, notes, i);
  g_string_append (text, "  </contracts>\n</register>\n");
  io_write_file (path, text->str, text->len);
}

void
io_write_key_dates_import (const char *path,
                           guint       n_contracts,
                           guint       n_key_dates)
{
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                          "<register xmlns=\"" SIGNET_XML_NAMESPACE "\" version=\"1\">\n"
                                          "  <clients>\n"
                                          "    <client code=\"K1\">\n"
                                          "      <name>华信科技</name>\n"
                                          "    </client>\n"
                                          "  </clients>\n"
                                          "  <contracts>\n");
  g_autoptr(GDate) start = g_date_new_dmy (1, G_DATE_JANUARY, 2026);

  for (guint c = 0; c < n_contracts; c++)
    {
      g_string_append_printf (text,
                              "    <contract number=\"KD-%05u\" client=\"K1\">\n"
                              "      <title>框架合同 %u</title>\n"
                              "      <value currency=\"CNY\">1000.00</value>\n"
                              "      <start-date>2026-01-01</start-date>\n"
                              "      <end-date>2030-12-31</end-date>\n"
                              "      <status>active</status>\n"
                              "      <key-dates>\n", c, c);

      for (guint d = 0; d < n_key_dates; d++)
        {
          g_autoptr(GDate) day = g_date_copy (start);
          char date[16];

          g_date_add_days (day, d % 3000);
          g_date_strftime (date, sizeof date, "%Y-%m-%d", day);
          g_string_append_printf (text,
                                  "        <key-date kind=\"milestone\" date=\"%s\">\n"
                                  "          <title>验收 %u</title>\n"
                                  "        </key-date>\n", date, d);
        }

      g_string_append (text, "      </key-dates>\n    </contract>\n");
    }

  g_string_append (text, "  </contracts>\n</register>\n");
  io_write_file (path, text->str, text->len);
}

static gboolean
write_proc_file (const char  *path,
                 const char  *text,
                 char       **why_not)
{
  g_autoptr(GError) error = NULL;

  if (g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_NONE, 0666, &error))
    return TRUE;

  *why_not = g_strdup_printf ("cannot map the user into its namespace: %s", error->message);

  return FALSE;
}

gboolean
io_enter_mount_namespace (char **why_not)
{
  uid_t uid = getuid ();
  gid_t gid = getgid ();
  g_autofree char *uid_map = g_strdup_printf ("0 %u 1\n", (guint) uid);
  g_autofree char *gid_map = g_strdup_printf ("0 %u 1\n", (guint) gid);

  if (unshare (CLONE_NEWNS | (uid != 0 ? CLONE_NEWUSER : 0)) != 0)
    {
      *why_not = g_strdup_printf ("the system allows no mount namespace here: %s", g_strerror (errno));
      return FALSE;
    }

  if (uid != 0 &&
      (!write_proc_file ("/proc/self/setgroups", "deny", why_not) ||
       !write_proc_file ("/proc/self/uid_map", uid_map, why_not) ||
       !write_proc_file ("/proc/self/gid_map", gid_map, why_not)))
    return FALSE;

  /* Mounts made here must not reach the system's namespace. */
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    {
      /* In a chroot, "/" is mostly no mount point. */
      *why_not = g_strdup_printf ("cannot make the mounts private: %s%s", g_strerror (errno),
                                  errno == EINVAL ? " (/ is no mount point: a chroot?)" : "");
      return FALSE;
    }

  return TRUE;
}

/* The file a child of io_test_in_child() writes why it skips to. */
#define SKIP_REASON_VARIABLE "SIGNET_TEST_SKIP_REASON_FILE"

gboolean
io_test_in_child (void)
{
  g_auto(GStrv) envp = NULL;
  g_autofree char *reason_path = NULL;
  g_autofree char *reason = NULL;
  int fd;

  if (g_test_subprocess ())
    return TRUE;

  fd = g_file_open_tmp ("signet-skip-XXXXXX", &reason_path, NULL);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  envp = g_environ_setenv (g_get_environ (), SKIP_REASON_VARIABLE, reason_path, TRUE);

  g_test_trap_subprocess_with_envp (NULL, (const char * const *) envp, 0,
                                    G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (!g_test_trap_has_passed () && g_file_get_contents (reason_path, &reason, NULL, NULL) && *reason != '\0')
    g_test_skip (reason);
  else
    g_test_trap_assert_passed ();
  g_unlink (reason_path);

  return FALSE;
}

void
io_child_skip (const char *reason)
{
  g_assert_true (g_test_subprocess ());
  g_assert_true (g_file_set_contents (g_getenv (SKIP_REASON_VARIABLE), reason, -1, NULL));
  g_test_skip (reason);
}

gboolean
io_mount_small_disk (const char  *dir,
                     guint64      size,
                     char       **why_not)
{
  g_autofree char *options = g_strdup_printf ("size=%" G_GUINT64_FORMAT ",mode=0700", size);

  if (mount ("tmpfs", dir, "tmpfs", MS_NOSUID | MS_NODEV, options) != 0)
    {
      *why_not = g_strdup_printf ("cannot mount a tmpfs: %s", g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}

void
io_run_clear (IoRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
io_run_signet (IoRun      *run,
               const char *binary,
               const char *first,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  va_list args;

  g_ptr_array_add (argv, (char *) binary);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "DBUS_SESSION_BUS_ADDRESS", "disabled:", TRUE);

  io_run_clear (run);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &run->status, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (run->status) ? WEXITSTATUS (run->status) : -1;
}
