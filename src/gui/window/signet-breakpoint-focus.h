/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Keeps the keyboard focus on the widget that has it when @owner (an
 * AdwApplicationWindow, AdwWindow, AdwDialog or AdwBreakpointBin) moves to
 * another breakpoint, as long as the new layout still shows that widget.
 * libadwaita hides the content for the frame in which it lays it out anew,
 * GTK takes the focus off what is hidden, and libadwaita then hands it to
 * the next widget that takes it: a user who makes the window narrower or
 * wider (tiles, maximizes it) while typing in a field would type on in the
 * header bar's view switcher. */
void signet_breakpoint_focus_keep (GtkWidget *owner);

G_END_DECLS
