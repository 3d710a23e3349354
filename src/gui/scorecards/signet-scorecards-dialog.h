/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-store.h"

G_BEGIN_DECLS

/* The performance scorecards (绩效评价): a table of every client or every
 * department, ranked, or of one contract, with the figures of
 * SignetScorecard over a period the user picks (this year, last year, the
 * last 12 months or a range of dates). Each figure says how it is
 * computed when pointed at, and a button lists every explanation. A
 * number that counts contracts is a button: it emits "show-contracts"
 * with the SignetContractQuery selecting them and a title naming what
 * they are; a number of one contract's scorecard emits "open-contract"
 * with its id. It follows the store while shown. */
#define SIGNET_TYPE_SCORECARDS_DIALOG (signet_scorecards_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetScorecardsDialog, signet_scorecards_dialog, SIGNET, SCORECARDS_DIALOG, AdwDialog)

/* The clients' scorecards over this year. */
AdwDialog *signet_scorecards_dialog_new           (SignetStore            *store);
/* Adds the contract @contract_id (@number, its label) to the subjects and
 * shows its scorecard. */
void       signet_scorecards_dialog_show_contract (SignetScorecardsDialog *self,
                                                   gint64                  contract_id,
                                                   const char             *number);

G_END_DECLS
