/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-io"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gfiledescriptorbased.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "signet-file-replace.h"

/* Temporary files. A writer makes ".NAME.XXXXXXXX.part" (eight lower-case
 * hexadecimal digits) beside NAME and holds a lock on it (flock(2)) until
 * it has been renamed over NAME. The system drops that lock when the
 * process ends, however it ends: a file of that name that nobody holds
 * locked is one a writer left behind when it was killed or the machine
 * stopped, and the next writer to the folder removes it. */

static gboolean
is_temporary_name (const char *name)
{
  gsize len = strlen (name);
  const char *digits = name + len - strlen (".part") - 8;

  /* "." NAME "." 8 digits ".part", NAME not empty. */
  if (len < 16 || name[0] != '.' || !g_str_has_suffix (name, ".part") || digits[-1] != '.')
    return FALSE;

  for (guint i = 0; i < 8; i++)
    if (!g_ascii_isdigit (digits[i]) && (digits[i] < 'a' || digits[i] > 'f'))
      return FALSE;

  return TRUE;
}

/* Removes from @folder the temporary files writers left behind: files of
 * exactly that name, regular and the user's, that nobody holds locked and
 * that were last written before @started (a writer that has made its file
 * but not locked it yet keeps it). Best effort: a file that cannot be
 * looked at stays, and the export goes on. */
static void
remove_left_temporary_files (const char *folder,
                             gint64      started)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;
      struct stat again;
      int fd;

      if (!is_temporary_name (name))
        continue;

      path = g_build_filename (folder, name, NULL);
      fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
      if (fd < 0)
        continue;

      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == getuid () &&
          (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000 < started &&
          flock (fd, LOCK_EX | LOCK_NB) == 0 &&
          lstat (path, &again) == 0 && again.st_dev == st.st_dev && again.st_ino == st.st_ino)
        g_unlink (path);

      close (fd);
    }
}

/* A name in the destination's folder, so that the final rename stays on
 * one file system and replaces the destination in one step. */
static GFile *
create_temporary_sibling (GFile              *dest,
                          GFileOutputStream **stream,
                          GCancellable       *cancellable,
                          GError            **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (dest);
  g_autofree char *basename = g_file_get_basename (dest);
  g_autofree char *folder = NULL;

  if (parent == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("“%s” is not a file name."), basename);
      return NULL;
    }

  folder = g_file_get_path (parent);
  if (folder != NULL)
    remove_left_temporary_files (folder, g_get_real_time ());

  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *name = g_strdup_printf (".%s.%08x.part", basename, g_random_int ());
      g_autoptr(GFile) temporary = g_file_get_child (parent, name);

      /* Private like the register: what is exported is confidential. */
      *stream = g_file_create (temporary, G_FILE_CREATE_PRIVATE, cancellable, &local_error);
      if (*stream != NULL)
        {
          /* Held until the stream closes, or the process ends. */
          if (G_IS_FILE_DESCRIPTOR_BASED (*stream))
            flock (g_file_descriptor_based_get_fd (G_FILE_DESCRIPTOR_BASED (*stream)), LOCK_EX | LOCK_NB);

          return g_steal_pointer (&temporary);
        }

      if (attempt >= 10 || !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
}

/* The bytes reach the disk before the name does: after a crash the
 * destination is the old file or the whole new one, never a short one. */
static gboolean
sync_stream (GFileOutputStream  *stream,
             GError            **error)
{
  int fd;

  if (!G_IS_FILE_DESCRIPTOR_BASED (stream))
    return TRUE;

  fd = g_file_descriptor_based_get_fd (G_FILE_DESCRIPTOR_BASED (stream));
  if (fsync (fd) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The file could not be written to the disk: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

gboolean
signet_file_replace (SignetStore          *store,
                     GFile                *dest,
                     SignetFileWriteFunc   write,
                     gpointer              user_data,
                     GCancellable         *cancellable,
                     GError              **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  g_autoptr(GFile) temporary = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);
  g_return_val_if_fail (write != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The file is renamed over its destination: never over the register or
   * the files SQLite keeps beside it. */
  if (!signet_store_check_not_register_file (store, dest, error))
    return FALSE;

  temporary = create_temporary_sibling (dest, &stream, cancellable, error);
  if (temporary == NULL)
    return FALSE;

  /* Bigger writes than the writers' own small blocks. */
  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (stream), 256 * 1024);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (buffered), FALSE);

  /* Renamed while still open and locked, so that no other writer's
   * clean-up can take it for a left-over between the two steps. */
  if (!write (buffered, user_data, cancellable, &local_error) ||
      !g_output_stream_close (buffered, cancellable, &local_error) ||
      !sync_stream (stream, &local_error) ||
      !g_file_move (temporary, dest, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                    NULL, NULL, NULL, &local_error))
    {
      g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
      g_file_delete (temporary, NULL, NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* The bytes are on disk under their name already: what closing says no
   * longer changes what the user has. */
  g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);

  return TRUE;
}
