/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-store.h"

G_BEGIN_DECLS

/* For the migration tests: opens @path and migrates it only as far as
 * @target_version, so each migration can be tested from the one before. */
SignetStore *signet_store_new_at_version (const char  *path,
                                          int          target_version,
                                          GError     **error);

G_END_DECLS
