/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SIGNET_TYPE_PERSON (signet_person_get_type ())

G_DECLARE_FINAL_TYPE (SignetPerson, signet_person, SIGNET, PERSON, GObject)

/* One person of the register's directory: who owns contracts (and, later,
 * approves and borrows them). A value, as SignetClient is: the store fills
 * it in and takes it back. */
SignetPerson *signet_person_new            (void);
SignetPerson *signet_person_copy           (SignetPerson *self);

gint64        signet_person_get_id         (SignetPerson *self);
void          signet_person_set_id         (SignetPerson *self,
                                            gint64        id);
/* 1 when added, one more with every write; 0 for a person not stored. */
gint64        signet_person_get_version    (SignetPerson *self);
void          signet_person_set_version    (SignetPerson *self,
                                            gint64        version);
const char   *signet_person_get_name       (SignetPerson *self);
void          signet_person_set_name       (SignetPerson *self,
                                            const char   *name);
const char   *signet_person_get_department (SignetPerson *self);
void          signet_person_set_department (SignetPerson *self,
                                            const char   *department);
const char   *signet_person_get_role       (SignetPerson *self);
void          signet_person_set_role       (SignetPerson *self,
                                            const char   *role);
const char   *signet_person_get_email      (SignetPerson *self);
void          signet_person_set_email      (SignetPerson *self,
                                            const char   *email);

G_END_DECLS
