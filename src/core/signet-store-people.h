/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-person.h"
#include "signet-store.h"

G_BEGIN_DECLS

/* The people of the register (migration 10): who owns contracts. A
 * contract's owner is a reference to one of them; the contract keeps the
 * person's name beside it, so that everything that read the owner as a
 * name (the form, search, exports) still does, and a rename of the person
 * renames it in every contract the person owns.
 *
 * Names that differ only in spaces ("张伟", "张 伟", " 张伟 ") are the same
 * person: adding or renaming one to a name another has is refused, and
 * an owner written as either finds the person. */

/* Every person, by name in pinyin order. */
GListModel   *signet_store_list_people          (SignetStore   *self,
                                                 GError       **error);
SignetPerson *signet_store_get_person           (SignetStore   *self,
                                                 gint64         id,
                                                 GError       **error);
/* The person whose name is @name, spaces aside; NULL (and no error) when
 * there is none. */
SignetPerson *signet_store_find_person          (SignetStore   *self,
                                                 const char    *name,
                                                 GError       **error);
/* Adds @person and sets its id and version. Field errors on
 * SIGNET_FIELD_PERSON_*: no name, an email that is not one, a name
 * another person has. */
gboolean      signet_store_add_person           (SignetStore   *self,
                                                 SignetPerson  *person,
                                                 GError       **error);
/* Writes @person over the stored one if the stored version is still
 * @person's, else fails with SIGNET_STORE_ERROR_CONFLICT and writes
 * nothing. A new name becomes the owner of every contract the person
 * owns (and what search finds them by). */
gboolean      signet_store_update_person        (SignetStore   *self,
                                                 SignetPerson  *person,
                                                 GError       **error);
/* The contracts @person_id owns. A person who owns any cannot be deleted
 * (signet_store_delete() with SIGNET_TOMBSTONE_PERSON says so). */
guint         signet_store_count_person_contracts (SignetStore *self,
                                                 gint64         person_id);

G_END_DECLS
