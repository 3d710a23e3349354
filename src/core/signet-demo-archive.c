/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-demo"

#include "config.h"

#include "signet-demo-commitments-private.h"
#include "signet-store-originals.h"
#include "signet-store-people.h"

/* The paper originals of the demo register's signed contracts in the
 * archive, and their loans (see signet-demo-commitments.c). */

/* Who borrows an original of the archive and why. */
static const struct
{
  const char *borrower;
  const char *purpose;
} chinese_loans[] = {
  { "王芳", "核对付款条款，办理付款审批" },
  { "张伟", "合同纠纷应诉准备，核对原件签章" },
  { "李娜", "供应商年度考核，查阅原件条款" },
  { "赵磊", "总经理办公会审阅" },
  { "杨帆", "系统验收资料核对" },
}, english_loans[] = {
  { "Sarah Johnson", "The external auditors check the signed original" },
  { "Emma Schmidt", "Due diligence for the client's acquisition" },
  { "James Miller", "Renewal negotiation: the original terms" },
};

#define DEMO_LOAN_HISTORIES 8

static gboolean
lend (Commitments         *self,
      const DemoContract  *demo,
      guint                which,
      guint32              lent,
      guint32              due,
      guint32              returned,
      SignetLoanCondition  condition,
      const char          *condition_note,
      GError             **error)
{
  const char *borrower = demo->chinese ? chinese_loans[which % G_N_ELEMENTS (chinese_loans)].borrower
                                       : english_loans[which % G_N_ELEMENTS (english_loans)].borrower;
  const char *purpose = demo->chinese ? chinese_loans[which % G_N_ELEMENTS (chinese_loans)].purpose
                                      : english_loans[which % G_N_ELEMENTS (english_loans)].purpose;
  g_autoptr(SignetPerson) person = signet_store_find_person (self->store, borrower, error);
  g_autoptr(SignetLoan) loan = signet_loan_new (demo->id);
  const char *archivist = demo->chinese ? "陈静" : "Olivia Brown";
  g_autofree char *returned_on = NULL;

  /* A borrower the user removed from People borrows nothing. */
  if (person == NULL)
    return error == NULL || *error == NULL;

  loan->borrower_id = signet_person_get_id (person);
  loan->department = g_strdup (signet_person_get_department (person));
  loan->purpose = g_strdup (purpose);
  loan->lent_on = julian_to_iso (lent);
  loan->due_on = julian_to_iso (due);
  loan->lent_by = g_strdup (archivist);
  returned_on = returned > 0 ? julian_to_iso (returned) : NULL;

  /* Lent out and brought back: the return is its own step, as at the
   * archive's desk. */
  return signet_store_add_loan (self->store, loan, error) &&
         (returned_on == NULL ||
          signet_store_return_loan (self->store, loan->id, returned_on, condition, condition_note, error));
}

/* A few originals went out and came back, one late, one with a crease;
 * two are out now: one due back next week, one overdue. */
static gboolean
add_loans (Commitments         *self,
           const DemoContract  *demo,
           guint32              archived,
           guint                n,
           gboolean            *on_loan,
           gboolean            *overdue,
           GError             **error)
{
  guint32 day = archived + 20;
  guint n_loans = 1 + n % 3;

  for (guint i = 0; i < n_loans && day + 30 < self->today - 10; i++)
    {
      guint32 lent = day + pick_between (self->rand, 0, 20);
      guint32 due = lent + SIGNET_LOAN_DEFAULT_DAYS;
      gboolean late = n == 2 && i == 0;
      gboolean damaged = n == 4 && i == 0;
      guint32 returned = late ? due + 6 : lent + pick_between (self->rand, 2, SIGNET_LOAN_DEFAULT_DAYS);

      if (returned >= self->today)
        break;
      if (!lend (self, demo, n + i, lent, due, returned, damaged ? SIGNET_LOAN_CONDITION_DAMAGED : SIGNET_LOAN_CONDITION_INTACT,
                 damaged ? (demo->chinese ? "第 3 页右上角有折痕。" : "Page 3 is creased at the corner.") : NULL,
                 error))
        return FALSE;
      day = returned + pick_between (self->rand, 30, 120);
    }

  if (!*overdue && demo->chinese && archived + 60 <= self->today && day < self->today - 30)
    {
      *overdue = TRUE;
      /* Legal kept it for a dispute longer than the archive lends. */
      return lend (self, demo, 1, self->today - 30, self->today - 30 + SIGNET_LOAN_DEFAULT_DAYS, 0,
                   SIGNET_LOAN_CONDITION_NONE, NULL, error);
    }
  if (!*on_loan && archived + 30 <= self->today && day < self->today - 5)
    {
      *on_loan = TRUE;
      return lend (self, demo, 2, self->today - 5, self->today - 5 + SIGNET_LOAN_DEFAULT_DAYS, 0,
                   SIGNET_LOAN_CONDITION_NONE, NULL, error);
    }

  return TRUE;
}

/* Most signed contracts have their original in the archive, filed by the
 * contract manager a few days after signing, in archive room A (the
 * English ones in B), by cabinet, shelf and box. The archive number is the year and the contract's place in the
 * register, unique as a register filled again needs it to be. */
gboolean
_signet_demo_add_originals (Commitments  *self,
                            GError      **error)
{
  gboolean on_loan = FALSE;
  gboolean overdue = FALSE;
  guint n_with_loans = 0;
  guint n = 0;

  for (guint i = 0; i < self->contracts->len; i++)
    {
      const DemoContract *demo = &g_array_index (self->contracts, DemoContract, i);
      g_autoptr(SignetOriginal) original = NULL;
      guint32 archived;
      GDate signed_on;
      GError *person_error = NULL;

      if (!is_signed (demo) || demo->signing + 3 > self->today)
        continue;
      /* One in eight is still with the other party for countersigning. */
      if (n++ % 8 == 7)
        continue;

      archived = MIN (demo->signing + pick_between (self->rand, 2, 10), self->today);
      g_date_clear (&signed_on, 1);
      g_date_set_julian (&signed_on, demo->signing);
      original = signet_original_new (demo->id);
      original->archive_number = g_strdup_printf ("GD-%u-%04" G_GINT64_FORMAT, g_date_get_year (&signed_on), demo->id);
      /* The location reads "A室 · 3柜 · 2层 · 15盒", "Room A · Cabinet 3 · …". */
      original->room = g_strdup (demo->chinese ? "A" : "B");
      original->cabinet = g_strdup_printf ("%u", 1 + (guint) (demo->id / 24) % 6);
      original->shelf = g_strdup_printf ("%u", 1 + (guint) (demo->id / 6) % 4);
      original->box = g_strdup_printf ("%u", 1 + (guint) demo->id / 3);
      /* Two originals where each party signed two (一式四份). */
      original->originals = n % 5 == 0 ? 2 : 1;
      original->copies = n % 3;
      original->archived_by_id = _signet_demo_person_id (self, demo->chinese ? "陈静" : "Olivia Brown", &person_error);
      if (person_error != NULL)
        {
          g_propagate_error (error, person_error);
          return FALSE;
        }
      original->archived_on = julian_to_iso (archived);
      if (!signet_store_save_original (self->store, original, error))
        return FALSE;

      if (n % 4 == 1 && n_with_loans < DEMO_LOAN_HISTORIES)
        {
          if (!add_loans (self, demo, archived, n_with_loans++, &on_loan, &overdue, error))
            return FALSE;
        }
    }

  return TRUE;
}
