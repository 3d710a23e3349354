/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-store.h"

G_BEGIN_DECLS

/* A store is used by one thread at a time, so long work in a thread (an
 * export, an import, loading a file, working out reminders) opens a
 * connection of its own to the register. The opener is made in the
 * store's thread as the work starts and keeps what the worker's store
 * must share with it: the register, whether it may be written (never when
 * the store may not) and the day set by signet_store_set_today() (or the
 * system's day then), so that a test's clock holds in the worker too and a
 * run that crosses midnight works for the day it started on. */
typedef struct _SignetStoreOpener SignetStoreOpener;

/* @flags: SIGNET_STORE_OPEN_DEFAULT for work that writes, or
 * SIGNET_STORE_OPEN_READ_ONLY. A worker never makes a register: one
 * deleted meanwhile is an error. */
SignetStoreOpener *signet_store_opener_new  (SignetStore              *self,
                                             SignetStoreOpenFlags      flags);
void               signet_store_opener_free (SignetStoreOpener        *opener);
/* Opens the register in the calling thread (see signet_store_open()). */
SignetStore       *signet_store_open_worker (const SignetStoreOpener  *opener,
                                             GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetStoreOpener, signet_store_opener_free)

G_END_DECLS
