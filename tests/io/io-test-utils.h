/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-store.h"
#include "signet-xml.h"

G_BEGIN_DECLS

/* A register in a temporary folder, removed afterwards. */
typedef struct
{
  char        *dir;
  char        *path;
  SignetStore *store;
} IoFixture;

void          io_fixture_set_up          (IoFixture     *f,
                                          gconstpointer  data);
void          io_fixture_tear_down       (IoFixture     *f,
                                          gconstpointer  data);
/* A second, empty register next to the first one. */
SignetStore  *io_fixture_open_store      (IoFixture     *f,
                                          const char    *name);
char         *io_fixture_path            (IoFixture     *f,
                                          const char    *name);

/* Clients and contracts that use every field, every status and risk level,
 * currencies with 0, 2 and 3 decimals, Chinese text and the characters XML
 * must escape. */
void          io_fill_sample_register    (SignetStore   *store);
SignetClient *io_add_client              (SignetStore   *store,
                                          const char    *code,
                                          const char    *name);

/* The whole register as signet_xml_export_to_stream() writes it. */
GBytes       *io_export_bytes            (SignetStore   *store,
                                          const char    *search);
void          io_assert_bytes_equal      (GBytes        *a,
                                          GBytes        *b);
/* Checks @xml against the schema the app installs with another validator,
 * xmllint; without it, the test is marked skipped, saying so, and goes on. */
void          io_assert_valid_against_schema (IoFixture     *f,
                                              GBytes        *xml);
void          io_write_file              (const char    *path,
                                          const char    *contents,
                                          gssize         len);
/* A file of @n_contracts new contracts (BIG-00001 ...) of the sample
 * register's client C001, each with a kilobyte of notes: from a few
 * thousand on, more than SQLite's page cache holds, so that an import
 * writes to the disk before it commits. */
void          io_write_large_import      (const char    *path,
                                          guint          n_contracts);
/* @n_contracts contracts (KD-00000 ...) of a client of the file, each
 * with @n_key_dates milestone key dates on days from 2026-01-01 on, titled
 * apart (payment key dates become planned payments, not key dates). */
void          io_write_key_dates_import  (const char    *path,
                                          guint          n_contracts,
                                          guint          n_key_dates);

/* A full disk, for real: io_enter_mount_namespace() gives the calling
 * process a mount namespace of its own (as root, or through a user
 * namespace), early, while it has one thread; io_mount_small_disk() then
 * mounts a tmpfs of @size bytes on @dir in it, gone when the process ends.
 * FALSE with the reason a test skips for when the system does not allow
 * it. */
gboolean      io_enter_mount_namespace   (char         **why_not);
gboolean      io_mount_small_disk        (const char    *dir,
                                          guint64        size,
                                          char         **why_not);

/* For a test that changes its whole process, as a mount namespace does,
 * which the process leaves only by ending: io_test_in_child() runs the
 * calling test again in a child process and returns TRUE there; in the
 * test's own process it returns FALSE once the child passed, or skipped
 * through io_child_skip(), which makes the test skip here with the child's
 * reason (GLib counts a child's skip as a failure). */
gboolean      io_test_in_child           (void);
void          io_child_skip              (const char    *reason);

/* What a run of the signet binary printed and how it ended. */
typedef struct
{
  int   status;   /* the exit status, or -1 when it did not exit */
  char *out;
  char *err;
} IoRun;

void          io_run_clear               (IoRun         *run);
/* Runs @binary with the arguments (NULL-terminated) and no display or
 * session bus, as a scheduled job would. */
void          io_run_signet              (IoRun         *run,
                                          const char    *binary,
                                          const char    *first,
                                          ...) G_GNUC_NULL_TERMINATED;

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IoRun, io_run_clear)

G_END_DECLS
