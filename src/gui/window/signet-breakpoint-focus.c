/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-breakpoint-focus"

#include "config.h"

#include <adwaita.h>

#include "signet-breakpoint-focus.h"

#define KEEPER_KEY "signet-breakpoint-focus"

typedef struct
{
  GtkWidget     *owner;
  GWeakRef       focus;
  GdkFrameClock *frame_clock;
  gulong         frame_handler;
} Keeper;

/* Whether a breakpoint bin above @widget still hides its content while it
 * lays it out anew (until the next frame). */
static gboolean
layout_changing (GtkWidget *widget)
{
  for (GtkWidget *child = widget; child != NULL; child = gtk_widget_get_parent (child))
    {
      GtkWidget *parent = gtk_widget_get_parent (child);

      if (parent != NULL && ADW_IS_BREAKPOINT_BIN (parent) && !gtk_widget_get_child_visible (child))
        return TRUE;
    }

  return FALSE;
}

static void
stop_keeping (Keeper *keeper)
{
  if (keeper->frame_clock != NULL)
    g_clear_signal_handler (&keeper->frame_handler, keeper->frame_clock);
  g_clear_object (&keeper->frame_clock);
  g_weak_ref_set (&keeper->focus, NULL);
}

/* At the end of the frame that shows the new layout (libadwaita hands the
 * focus on at its start), the focus goes back to the widget that had it if
 * that is still shown; else it stays where GTK and libadwaita put it. No
 * key press comes in between: input is read between frames. */
static void
frame_painted_cb (Keeper        *keeper,
                  GdkFrameClock *frame_clock)
{
  g_autoptr(GtkWidget) focus = g_weak_ref_get (&keeper->focus);
  GtkRoot *root = gtk_widget_get_root (keeper->owner);

  if (focus != NULL && layout_changing (focus))
    {
      gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
      return;
    }

  stop_keeping (keeper);
  if (focus != NULL && root != NULL && gtk_widget_get_root (focus) == root &&
      gtk_root_get_focus (root) != focus &&
      gtk_widget_get_mapped (focus) && gtk_widget_is_sensitive (focus))
    gtk_widget_grab_focus (focus);
}

static void
breakpoint_changed_cb (Keeper *keeper)
{
  GtkRoot *root = gtk_widget_get_root (keeper->owner);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (keeper->owner);

  /* A change that comes before the focus is back keeps the widget the
   * user had, not one the focus passed through. */
  if (keeper->frame_clock != NULL || frame_clock == NULL || focus == NULL ||
      (focus != keeper->owner && !gtk_widget_is_ancestor (focus, keeper->owner)))
    return;

  g_weak_ref_set (&keeper->focus, focus);
  keeper->frame_clock = g_object_ref (frame_clock);
  keeper->frame_handler = g_signal_connect_swapped (frame_clock, "after-paint", G_CALLBACK (frame_painted_cb), keeper);
  gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

static void
owner_unmapped_cb (Keeper *keeper)
{
  stop_keeping (keeper);
}

static void
keeper_free (Keeper *keeper)
{
  stop_keeping (keeper);
  g_weak_ref_clear (&keeper->focus);
  g_free (keeper);
}

void
signet_breakpoint_focus_keep (GtkWidget *owner)
{
  Keeper *keeper;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (g_object_get_data (G_OBJECT (owner), KEEPER_KEY) == NULL);

  keeper = g_new0 (Keeper, 1);
  keeper->owner = owner;
  g_weak_ref_init (&keeper->focus, NULL);
  g_object_set_data_full (G_OBJECT (owner), KEEPER_KEY, keeper, (GDestroyNotify) keeper_free);
  g_signal_connect_swapped (owner, "notify::current-breakpoint", G_CALLBACK (breakpoint_changed_cb), keeper);
  g_signal_connect_swapped (owner, "unmap", G_CALLBACK (owner_unmapped_cb), keeper);
}
