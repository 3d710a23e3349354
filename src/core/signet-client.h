/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "signet-enums.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_CLIENT (signet_client_get_type ())

G_DECLARE_FINAL_TYPE (SignetClient, signet_client, SIGNET, CLIENT, GObject)

SignetClient *signet_client_new              (void);
SignetClient *signet_client_copy             (SignetClient *self);

gint64        signet_client_get_id           (SignetClient *self);
void          signet_client_set_id           (SignetClient *self,
                                              gint64        id);
/* How many times the stored record has been written: 1 when added, one
 * more with every write; 0 for a client not stored yet. */
gint64        signet_client_get_version      (SignetClient *self);
void          signet_client_set_version      (SignetClient *self,
                                              gint64        version);
/* The text of one field, SIGNET_FIELD_CLIENT_NAME .. _NOTES, as a save
 * compares and merges them (see signet_store_save_client()). */
const char   *signet_client_get_field        (SignetClient *self,
                                              SignetField   field);
void          signet_client_set_field        (SignetClient *self,
                                              SignetField   field,
                                              const char   *text);
const char   *signet_client_get_name         (SignetClient *self);
void          signet_client_set_name         (SignetClient *self,
                                              const char   *name);
const char   *signet_client_get_code         (SignetClient *self);
void          signet_client_set_code         (SignetClient *self,
                                              const char   *code);
const char   *signet_client_get_contact      (SignetClient *self);
void          signet_client_set_contact      (SignetClient *self,
                                              const char   *contact);
const char   *signet_client_get_phone        (SignetClient *self);
void          signet_client_set_phone        (SignetClient *self,
                                              const char   *phone);
const char   *signet_client_get_email        (SignetClient *self);
void          signet_client_set_email        (SignetClient *self,
                                              const char   *email);
const char   *signet_client_get_address      (SignetClient *self);
void          signet_client_set_address      (SignetClient *self,
                                              const char   *address);
const char   *signet_client_get_notes        (SignetClient *self);
void          signet_client_set_notes        (SignetClient *self,
                                              const char   *notes);

G_END_DECLS
