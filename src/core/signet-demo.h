/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-store.h"

G_BEGIN_DECLS

/* Fills @store with a realistic sample register (Chinese and English
 * clients, contracts in every status and risk level, CNY/USD/EUR values,
 * deadlines around today) for `signet --demo` and screenshots. The data is
 * the same for the same day. Everything is written in one batch: all or
 * nothing. */
gboolean signet_demo_fill     (SignetStore  *store,
                               GError      **error);

/* Writes @n_clients clients and @n_contracts contracts made from mixed
 * Chinese and English words, for benchmarks. The same @seed and day give
 * the same register. One batch. */
gboolean signet_demo_generate (SignetStore  *store,
                               guint         n_clients,
                               guint         n_contracts,
                               guint32       seed,
                               GError      **error);

G_END_DECLS
