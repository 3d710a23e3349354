/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "register-snapshot.h"

static void
describe_file (GString    *out,
               const char *path,
               gboolean    with_contents)
{
  g_autofree char *name = g_path_get_basename (path);
  struct stat st;

  if (stat (path, &st) != 0)
    {
      g_string_append_printf (out, "%s: absent\n", name);
      return;
    }

  g_string_append_printf (out, "%s: present", name);

  if (with_contents)
    {
      g_autofree char *contents = NULL;
      g_autofree char *sum = NULL;
      gsize len = 0;

      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
      g_string_append_printf (out, ", %" G_GSIZE_FORMAT " bytes, sha256 %s, mtime %lld.%09ld",
                              len, sum, (long long) st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    }

  g_string_append_c (out, '\n');
}

char *
register_snapshot (const char *path)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  describe_file (out, path, TRUE);
  describe_file (out, wal, TRUE);
  /* A reader may need the -shm made (it holds no data, only the index of
   * the -wal); whether it existed before is what matters for a file that
   * must not be created. */
  describe_file (out, shm, FALSE);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
register_snapshot_file (const char *path)
{
  g_autoptr(GString) out = g_string_new (NULL);

  describe_file (out, path, TRUE);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
register_assert_unchanged (const char *path,
                           const char *before)
{
  g_autofree char *after = register_snapshot (path);

  if (g_strcmp0 (before, after) != 0)
    g_error ("%s changed:\nbefore:\n%safter:\n%s", path, before, after);
}

void
register_assert_unchanged_file (const char *path,
                                const char *before)
{
  g_autofree char *after = register_snapshot_file (path);

  if (g_strcmp0 (before, after) != 0)
    g_error ("%s changed:\nbefore:\n%safter:\n%s", path, before, after);
}
