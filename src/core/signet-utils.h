/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

/* Replaces *str_pointer with a copy of @new_str; TRUE when it changed.
 * (g_set_str arrives in GLib 2.76; Debian 12 has 2.74.) */
static inline gboolean
signet_set_str (char       **str_pointer,
                const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str ||
      (*str_pointer != NULL && new_str != NULL && strcmp (*str_pointer, new_str) == 0))
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;

  return TRUE;
}

G_END_DECLS
