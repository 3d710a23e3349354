/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-store.h"

G_BEGIN_DECLS

/* A part of the contract page that shows one stored contract's own things
 * (its files, key dates, history). It holds the store and the contract,
 * watches the store for the changes its class asks for and reloads on
 * them, and on "reset" (an import), only for its contract: at once while it
 * is shown, else once when it is shown next. */
#define SIGNET_TYPE_CONTRACT_SECTION (signet_contract_section_get_type ())

G_DECLARE_DERIVABLE_TYPE (SignetContractSection, signet_contract_section, SIGNET, CONTRACT_SECTION, GtkWidget)

struct _SignetContractSectionClass
{
  GtkWidgetClass parent_class;

  /* Shows the contract as it is stored now (the store may be NULL and
   * the contract id 0: a contract not saved yet). Subclasses must
   * implement it. */
  void (*reload) (SignetContractSection *self);

  /*< private >*/
  /* The "changed" details the class watches, 0-terminated; none: every
   * change. An array, not a list, so that a subclass starts from a copy of
   * its parent's. */
  GQuark watched[5];
  /* The details watched for every record, 0-terminated. */
  GQuark watched_any[3];
  /* The actions that write the register, NULL-terminated (interned). */
  const char *writes[13];
  /* They write the archive's records (originals and loans). */
  gboolean archival;
};

/* From class_init: reload on "changed::@detail" (one of the
 * SIGNET_STORE_CHANGED_* details) for the section's contract. A class that
 * watches nothing reloads on every change to its contract. */
void            signet_contract_section_class_watch     (SignetContractSectionClass *klass,
                                                         const char                 *detail);
/* From class_init: reload on "changed::@detail" for any record, for what
 * the section shows of the register's settings (the approval routes and
 * their rules, which every contract follows). */
void            signet_contract_section_class_watch_any (SignetContractSectionClass *klass,
                                                         const char                 *detail);

/* From class_init: installs the action @name as
 * gtk_widget_class_install_action() does, as one that writes the
 * register: it is disabled while the user may not write what the section
 * shows (signet_contract_section_may_write()), so that its buttons and
 * menu items are insensitive for a reader. */
void            signet_contract_section_class_install_write (SignetContractSectionClass *klass,
                                                             const char                 *name,
                                                             const char                 *parameter_type,
                                                             GtkWidgetActionActivateFunc activate);
/* From class_init: the section's writes are the archive's (a paper
 * original and its loans), which an archivist makes too. */
void            signet_contract_section_class_set_archival  (SignetContractSectionClass *klass);
/* Whether the user may write what the section shows: what
 * signet_store_can_edit() says of its store (a reader, an archivist or a
 * register opened read-only may not), and for the archive's records also
 * an archivist of a store not opened read-only. TRUE without a store. */
gboolean        signet_contract_section_may_write       (SignetContractSection      *self);

/* Shows @contract_id of @store: 0 for a contract not saved yet. Setting
 * the same again does nothing: the section follows the contract's changes
 * itself. */
void            signet_contract_section_set_contract    (SignetContractSection      *self,
                                                         SignetStore                *store,
                                                         gint64                      contract_id);
SignetStore    *signet_contract_section_get_store       (SignetContractSection      *self);
gint64          signet_contract_section_get_contract_id (SignetContractSection      *self);
/* The contract as stored when the section last reloaded, read once per
 * reload; NULL while there is none. One deleted keeps what it was. */
SignetContract *signet_contract_section_get_contract    (SignetContractSection      *self);

G_END_DECLS
