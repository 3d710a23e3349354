/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-store.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_PREFERENCES_WINDOW (signet_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (SignetPreferencesWindow, signet_preferences_window, SIGNET, PREFERENCES_WINDOW, AdwPreferencesDialog)

/* The app's preferences, as a dialog to present over a window; @store
 * (nullable) gives the example of the next contract number. */
AdwDialog *signet_preferences_window_new (SignetStore *store);

G_END_DECLS
