/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-store.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_HISTORY_SECTION (signet_history_section_get_type ())

G_DECLARE_FINAL_TYPE (SignetHistorySection, signet_history_section, SIGNET, HISTORY_SECTION, GtkWidget)

/* The contract page's History: who changed the contract, its files, key
 * dates and reviews, and when, from the audit log, newest first. */
GtkWidget *signet_history_section_new          (void);
void       signet_history_section_set_store    (SignetHistorySection *self,
                                                SignetStore          *store);
/* 0 for none. */
void       signet_history_section_set_contract (SignetHistorySection *self,
                                                gint64                contract_id);

G_END_DECLS
