/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"
/* F_OFD_SETLK and its kin. */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "signet-store-private.h"

/* SQLite's locks, kept by the open file description instead of the process.
 *
 * SQLite locks the register and its -shm with POSIX record locks (fcntl
 * F_SETLK). Those belong to the process, and closing ANY descriptor of a
 * file drops every one the process holds on it. Code that knows nothing of
 * the register does exactly that: GIO sniffs a file's content type by
 * open(), read() and close() when the name is not enough, so a GTK file
 * chooser showing the register's folder dropped the window's locks. The
 * next program to open the register then believed it was alone, deleted
 * the WAL the window was still writing to, and saves were lost.
 *
 * Open file description locks (F_OFD_SETLK, Linux 3.15) belong to one open
 * file description and go only when the last descriptor of it closes, so
 * nobody else's close() can drop them. They conflict with the POSIX locks
 * of other processes, so the sqlite3 shell and older Signets still see them.
 *
 * SQLite counts the locks of all its connections to a file in one process
 * together and takes or drops the real lock through whichever connection's
 * descriptor comes first: POSIX locks do not care which. Open file
 * description locks do: a lock taken through one descriptor and "dropped"
 * through another stays, and then conflicts with the process's own next
 * lock (a second connection's write was refused as busy). So every lock on
 * a file goes through one description per file and process, a duplicate
 * of the first descriptor SQLite locked the file through; and when SQLite
 * closes one of its descriptors of the file, which it does only when it
 * holds no lock there, the locks go as POSIX locks would. Within SQLite,
 * the locks behave as they always did; outside it, a close() cannot touch
 * them.
 *
 * A kernel or file system without them answers EINVAL; the call is then
 * made as SQLite asked. */

typedef struct
{
  dev_t dev;
  ino_t ino;
  int   fd;   /* the description every lock on the file goes through */
} LockedFile;

static GMutex locked_files_mutex;
static GArray *locked_files;   /* of LockedFile */

static LockedFile *
find_locked_file (const struct stat *st)
{
  for (guint i = 0; locked_files != NULL && i < locked_files->len; i++)
    {
      LockedFile *file = &g_array_index (locked_files, LockedFile, i);

      if (file->dev == st->st_dev && file->ino == st->st_ino)
        return file;
    }

  return NULL;
}

/* With the mutex held. The description stays open with the file's entry,
 * so the inode cannot be reused for another file meanwhile. */
static int
lock_description (int                fd,
                  const struct stat *st)
{
  LockedFile *file = find_locked_file (st);
  LockedFile added;

  if (file != NULL)
    return file->fd;

  added.dev = st->st_dev;
  added.ino = st->st_ino;
  added.fd = fcntl (fd, F_DUPFD_CLOEXEC, 3);
  if (added.fd < 0)
    return -1;

  if (locked_files == NULL)
    locked_files = g_array_new (FALSE, FALSE, sizeof (LockedFile));
  g_array_append_val (locked_files, added);

  return added.fd;
}

static int
to_description_command (int command)
{
  switch (command)
    {
    case F_SETLK:
      return F_OFD_SETLK;
    case F_SETLKW:
      return F_OFD_SETLKW;
    case F_GETLK:
      return F_OFD_GETLK;
    default:
      return 0;
    }
}

static int
description_fcntl (int           fd,
                   int           command,
                   struct flock *lock)
{
  struct flock copy = *lock;
  struct stat st;
  int description;
  int rc;
  int saved_errno;

  if (fstat (fd, &st) != 0)
    return -1;

  /* The kernel refuses open file description commands with a pid. */
  copy.l_pid = 0;

  g_mutex_lock (&locked_files_mutex);
  description = lock_description (fd, &st);
  if (description >= 0 && command == F_SETLKW)
    {
      /* Waiting for another process must not hold up every other lock of
       * this one: wait through a descriptor of the same description. */
      description = fcntl (description, F_DUPFD_CLOEXEC, 3);
      g_mutex_unlock (&locked_files_mutex);
      if (description < 0)
        return -1;
      rc = fcntl (description, F_OFD_SETLKW, &copy);
      saved_errno = errno;
      close (description);
    }
  else if (description >= 0)
    {
      rc = fcntl (description, to_description_command (command), &copy);
      saved_errno = errno;
      g_mutex_unlock (&locked_files_mutex);
    }
  else
    {
      saved_errno = errno;
      g_mutex_unlock (&locked_files_mutex);
      errno = saved_errno;
      return -1;
    }

  if (rc < 0 && saved_errno == EINVAL)
    return fcntl (fd, command, lock);

  if (rc == 0 && command == F_GETLK)
    *lock = copy;

  errno = saved_errno;
  return rc;
}

/* SQLite calls it as fcntl(): every command with a third argument. */
static int
locks_fcntl (int fd,
             int command,
             ...)
{
  va_list args;
  void *argument;

  /* Read as a pointer whatever the command, as glibc's fcntl() does. */
  va_start (args, command);
  argument = va_arg (args, void *);
  va_end (args);

  if (to_description_command (command) == 0)
    return fcntl (fd, command, argument);

  return description_fcntl (fd, command, argument);
}

/* SQLite closes a descriptor of a file only when it holds no lock on it
 * (it keeps a closed connection's descriptor open until then), expecting
 * the close to drop the process's locks there, as POSIX locks go. */
static int
locks_close (int fd)
{
  struct stat st;

  if (fstat (fd, &st) == 0)
    {
      LockedFile *file;

      g_mutex_lock (&locked_files_mutex);
      file = find_locked_file (&st);
      if (file != NULL)
        {
          struct flock all = { .l_type = F_UNLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
          guint index = file - &g_array_index (locked_files, LockedFile, 0);

          /* The description may live on in SQLite's own descriptor. */
          fcntl (file->fd, F_OFD_SETLK, &all);
          close (file->fd);
          g_array_remove_index_fast (locked_files, index);
        }
      g_mutex_unlock (&locked_files_mutex);
    }

  return close (fd);
}

/* The files SQLite keeps beside a database, by the suffix of their name. */
static const char * const companion_suffixes[] = { "-wal", "-shm", "-journal" };

static gboolean
same_file (const GStatBuf *a,
           const GStatBuf *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* Which file of the register @path is: 0 for the database, 1 + the index
 * of its suffix for a companion, -1 for none. Decided by stat() alone:
 * opening one of them and closing it is what this guards against. */
static int
find_register_file (const char *register_path,
                    const char *path)
{
  GStatBuf target;
  GStatBuf own;
  GStatBuf target_folder;
  GStatBuf own_folder;
  g_autofree char *name = NULL;
  g_autofree char *own_name = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *own_folder_path = NULL;

  if (g_stat (path, &target) == 0)
    {
      if (g_stat (register_path, &own) == 0 && same_file (&target, &own))
        return 0;

      for (guint i = 0; i < G_N_ELEMENTS (companion_suffixes); i++)
        {
          g_autofree char *companion = g_strconcat (register_path, companion_suffixes[i], NULL);

          if (g_stat (companion, &own) == 0 && same_file (&target, &own))
            return 1 + i;
        }

      return -1;
    }

  /* A file to be made: SQLite would take it for one of the register's if
   * it has such a name in the register's folder. */
  name = g_path_get_basename (path);
  own_name = g_path_get_basename (register_path);
  if (!g_str_has_prefix (name, own_name))
    return -1;

  folder = g_path_get_dirname (path);
  own_folder_path = g_path_get_dirname (register_path);
  if (g_stat (folder, &target_folder) != 0 || g_stat (own_folder_path, &own_folder) != 0 ||
      !same_file (&target_folder, &own_folder))
    return -1;

  if (g_str_equal (name + strlen (own_name), ""))
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (companion_suffixes); i++)
    if (g_str_equal (name + strlen (own_name), companion_suffixes[i]))
      return 1 + i;

  return -1;
}

/* Private API */

void
_signet_store_use_description_locks (void)
{
  sqlite3_vfs *vfs = sqlite3_vfs_find (NULL);

  /* Both or neither: locks taken by description must be dropped by it. */
  if (vfs != NULL && vfs->xSetSystemCall != NULL &&
      vfs->xSetSystemCall (vfs, "close", (sqlite3_syscall_ptr) locks_close) == SQLITE_OK)
    {
      if (vfs->xSetSystemCall (vfs, "fcntl", (sqlite3_syscall_ptr) locks_fcntl) == SQLITE_OK)
        return;

      vfs->xSetSystemCall (vfs, "close", NULL);
    }

  g_warning ("SQLite does not let Signet keep its locks by open file description; "
             "closing a register file elsewhere in the program would drop them");
}

gboolean
_signet_store_check_not_companion (const char  *path,
                                   GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (companion_suffixes); i++)
    {
      g_autofree char *database = NULL;

      if (!g_str_has_suffix (path, companion_suffixes[i]))
        continue;

      database = g_strndup (path, strlen (path) - strlen (companion_suffixes[i]));
      if (!g_file_test (database, G_FILE_TEST_IS_REGULAR))
        continue;

      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_OPEN,
                   _("“%s” belongs to the register “%s” and is not a register itself. "
                     "Open “%s” instead."),
                   path, database, database);
      return FALSE;
    }

  return TRUE;
}

/* Public API */

gboolean
signet_store_check_not_register_file (SignetStore  *self,
                                      GFile        *file,
                                      GError      **error)
{
  g_autofree char *path = NULL;
  int which;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The register is a local file; a file elsewhere is never one of its. */
  path = g_file_get_path (file);
  if (path == NULL)
    return TRUE;

  which = find_register_file (self->path, path);
  if (which < 0)
    return TRUE;

  if (which == 0)
    g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_REGISTER_FILE,
                 _("“%s” is Signet's own register file. Choose another file; "
                   "nothing was read or written."),
                 path);
  else
    g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_REGISTER_FILE,
                 _("“%s” is part of Signet's own register file “%s”. Choose another file; "
                   "nothing was read or written."),
                 path, self->path);

  return FALSE;
}
