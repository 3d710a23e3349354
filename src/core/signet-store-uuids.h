/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-store.h"

G_BEGIN_DECLS

/* Every contract, key date and review has a UUID (RFC 9562, version 4,
 * lower case), given when it is added and never changed: what names it
 * outside the register, where a row id would name another record in
 * another register (signet-store-uuids.c). */

/* The UUIDs of every contract (deleted ones are not there), by id (gint64 *
 * keys, char * values). */
GHashTable *signet_store_list_contract_uuids  (SignetStore  *self,
                                               GError      **error);
/* The UUIDs of every key date users added, by key date id. */
GHashTable *signet_store_list_key_date_uuids  (SignetStore  *self,
                                               GError      **error);
/* The id of the contract whose UUID is @uuid (deleted ones are not
 * there), 0 with no error when there is none, -1 on error. */
gint64      signet_store_find_contract_id_by_uuid (SignetStore  *self,
                                                   const char   *uuid,
                                                   GError      **error);
/* TRUE when @text is a UUID as the store writes them: 36 characters,
 * lower-case hexadecimal digits and hyphens in the 8-4-4-4-12 groups. */
gboolean    signet_uuid_is_valid              (const char   *text);

G_END_DECLS
