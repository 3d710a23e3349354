/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The paper original (纸质原件) of a contract: where the signed original
 * is archived and how many originals and copies there are. One per
 * contract; "version" is raised by every write, for the usual conflict
 * check (signet_store_save_original()). */
typedef struct
{
  gint64  contract_id;
  char   *archive_number;      /* unique in the register; nullable */
  char   *room;                /* the location, each part nullable */
  char   *cabinet;
  char   *shelf;
  char   *box;
  guint   originals;           /* 1 by default */
  guint   copies;
  gint64  archived_by_id;      /* people.id; 0: nobody named */
  char   *archived_by;         /* that person's name, as read; not written */
  char   *archived_on;         /* YYYY-MM-DD, nullable */
  char   *note;
  gint64  version;             /* 0: not stored yet */
} SignetOriginal;

SignetOriginal *signet_original_new      (gint64                 contract_id);
SignetOriginal *signet_original_copy     (const SignetOriginal  *original);
void            signet_original_free     (SignetOriginal        *original);
/* "Room 3 · Cabinet B · Shelf 2 · Box 14", translated; NULL when no part
 * of the location is known. */
char           *signet_original_dup_location (const SignetOriginal *original);

/* How a loan came back. */
typedef enum
{
  SIGNET_LOAN_CONDITION_NONE,    /* not returned yet */
  SIGNET_LOAN_CONDITION_INTACT,
  SIGNET_LOAN_CONDITION_DAMAGED,
} SignetLoanCondition;

/* Where a loan stands on a day: out and due later (or today), out past
 * its due date, back by its due date, or back after it. */
typedef enum
{
  SIGNET_LOAN_ON_LOAN,
  SIGNET_LOAN_OVERDUE,
  SIGNET_LOAN_RETURNED,
  SIGNET_LOAN_RETURNED_LATE,
} SignetLoanState;

/* One loan (借阅) of a contract's original to a borrower of People. The
 * store keeps who recorded the lending and the return (the OS user:
 * @lent_by, @returned_by). The condition is stored in loans.
 * return_condition as its token ("intact", "damaged"), then a line break
 * and @condition_note when there is one. */
typedef struct
{
  gint64               id;              /* 0: not stored yet */
  gint64               contract_id;
  char                *uuid;
  gint64               borrower_id;     /* people.id, required */
  char                *borrower;        /* that person's name, as read; not written */
  char                *department;      /* the borrower's, editable */
  char                *purpose;         /* required */
  char                *lent_on;         /* YYYY-MM-DD */
  char                *due_on;          /* YYYY-MM-DD, not before @lent_on */
  char                *returned_on;     /* NULL while out */
  SignetLoanCondition  condition;       /* NONE while out */
  char                *condition_note;
  char                *lent_by;
  char                *returned_by;
  /* The contract's number and title, as read by
   * signet_store_list_open_loans(); not written. */
  char                *contract_number;
  char                *contract_title;
} SignetLoan;

SignetLoan      *signet_loan_new           (gint64             contract_id);
SignetLoan      *signet_loan_copy          (const SignetLoan  *loan);
void             signet_loan_free          (SignetLoan        *loan);
/* The loan's state on @today (YYYY-MM-DD): overdue from the day after
 * its due date. */
SignetLoanState  signet_loan_get_state     (const SignetLoan  *loan,
                                            const char        *today);
/* Days past the due date: until @today while out, until the return once
 * back; 0 when not late. */
guint            signet_loan_days_late     (const SignetLoan  *loan,
                                            const char        *today);
/* "intact", "damaged"; NULL for NONE. */
const char      *signet_loan_condition_to_token   (SignetLoanCondition  condition);
gboolean         signet_loan_condition_from_token (const char          *token,
                                                   SignetLoanCondition *condition);
/* Translated: "Intact", "Damaged". */
const char      *signet_loan_condition_to_label   (SignetLoanCondition  condition);
/* The stored text of a condition and its note, and back. */
char            *signet_loan_condition_to_text    (SignetLoanCondition  condition,
                                                   const char          *note);
void             signet_loan_condition_from_text  (const char          *text,
                                                   SignetLoanCondition *condition,
                                                   char               **note);
/* The due date of a loan lent on @lent_on: 14 days later. */
char            *signet_loan_default_due_on       (const char          *lent_on);
#define SIGNET_LOAN_DEFAULT_DAYS 14

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetOriginal, signet_original_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetLoan, signet_loan_free)

G_END_DECLS
