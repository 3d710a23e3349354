/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "signet-contract.h"

G_BEGIN_DECLS

/* Who must do what an obligation (履约义务) says: we or the client. */
typedef enum
{
  SIGNET_OBLIGATION_PARTY_US,
  SIGNET_OBLIGATION_PARTY_CLIENT,
} SignetObligationParty;

#define SIGNET_N_OBLIGATION_PARTIES (SIGNET_OBLIGATION_PARTY_CLIENT + 1)

typedef enum
{
  SIGNET_RECURRENCE_NONE,
  SIGNET_RECURRENCE_MONTHLY,
  SIGNET_RECURRENCE_QUARTERLY,
  SIGNET_RECURRENCE_YEARLY,
} SignetRecurrence;

#define SIGNET_N_RECURRENCES (SIGNET_RECURRENCE_YEARLY + 1)

/* An occurrence without a stored row is open; the store keeps only the
 * done and the waived ones. */
typedef enum
{
  SIGNET_OCCURRENCE_OPEN,
  SIGNET_OCCURRENCE_DONE,
  SIGNET_OCCURRENCE_WAIVED,
} SignetOccurrenceStatus;

/* "us", "client" */
const char *signet_obligation_party_to_token     (SignetObligationParty  party);
gboolean    signet_obligation_party_from_token   (const char            *token,
                                                  SignetObligationParty *party);
/* Translated: "Us", "Client". */
const char *signet_obligation_party_to_label     (SignetObligationParty  party);

/* "none", "monthly", "quarterly", "yearly" */
const char *signet_recurrence_to_token           (SignetRecurrence       recurrence);
gboolean    signet_recurrence_from_token         (const char            *token,
                                                  SignetRecurrence      *recurrence);
/* Translated: "Once", "Monthly", "Quarterly", "Yearly". */
const char *signet_recurrence_to_label           (SignetRecurrence       recurrence);

/* What was done about one occurrence, as the store keeps it. */
typedef struct
{
  char                   *due_date;     /* the occurrence it is about */
  SignetOccurrenceStatus  status;       /* DONE or WAIVED */
  char                   *done_date;    /* DONE: the day it was done */
  char                   *note;         /* nullable; why it was waived */
  char                   *recorded_at;  /* UTC timestamp */
  char                   *recorded_by;
} SignetOccurrence;

SignetOccurrence *signet_occurrence_copy         (const SignetOccurrence *occurrence);
void              signet_occurrence_free         (SignetOccurrence       *occurrence);
/* Done after the day it was due. */
gboolean          signet_occurrence_is_done_late (const SignetOccurrence *occurrence);

/* One obligation of a contract, as the store gives and takes it. Dates
 * are "YYYY-MM-DD". */
typedef struct
{
  gint64                 id;             /* 0: not stored yet */
  gint64                 contract_id;
  char                  *uuid;
  SignetObligationParty  party;
  char                  *title;          /* what must be done */
  gint64                 owner_id;       /* people.id; 0: nobody */
  char                  *due_date;       /* the first (or only) due date */
  SignetRecurrence       recurrence;
  char                  *until_date;     /* nullable: until the contract ends */
  gint64                 annotation_id;  /* its clause; 0: none */
  char                  *note;
  gint64                 version;
  /* SignetOccurrence *, the done and waived ones by due date, set by the
   * store when it lists the obligation; never NULL. */
  GPtrArray             *occurrences;
} SignetObligation;

SignetObligation *signet_obligation_new          (gint64                  contract_id);
SignetObligation *signet_obligation_copy         (const SignetObligation *obligation);
void              signet_obligation_free         (SignetObligation       *obligation);

/* The last day an occurrence of @obligation may fall on, under @terms (its
 * contract with the terms in force today, signet_store_apply_current_terms()):
 * its until date, else the end in force; a termination date (a terminated
 * contract, or one let expire) cuts either short. NULL: open-ended, no
 * until date and no end. */
char             *signet_obligation_dup_last_date (const SignetObligation *obligation,
                                                   SignetContract         *terms);

/* The due dates ("YYYY-MM-DD", newly allocated, ascending) of the
 * occurrences of @obligation from @from to @to (both included; either
 * NULL: no bound there) that fall on or before @last_date (NULL:
 * open-ended, listed up to @to or else SIGNET_DATE_MAX). The nth occurrence is the first due
 * date plus n months, quarters or years, clamped to the end of a shorter
 * month and always counted from the first date: monthly from 31 January
 * gives 28 (or 29) February, 31 March, 30 April. */
GPtrArray        *signet_obligation_list_occurrences (const SignetObligation *obligation,
                                                      const char             *last_date,
                                                      const char             *from,
                                                      const char             *to);

/* What was recorded about the occurrence due on @due_date; NULL: it is
 * open. */
const SignetOccurrence *signet_obligation_find_occurrence (const SignetObligation *obligation,
                                                           const char             *due_date);
SignetOccurrenceStatus  signet_obligation_occurrence_status (const SignetObligation *obligation,
                                                             const char             *due_date);

/* The due date of the earliest occurrence still open (overdue ones
 * first), or NULL when every occurrence up to @last_date is done or
 * waived. Newly allocated. */
char             *signet_obligation_dup_next_open (const SignetObligation *obligation,
                                                   const char             *last_date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetObligation, signet_obligation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetOccurrence, signet_occurrence_free)

G_END_DECLS
