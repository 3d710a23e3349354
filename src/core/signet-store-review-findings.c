/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include "signet-store-private.h"

/* Reviews with a checklist (定期审查): a review answers each item of its
 * contract type's checklist (the type's clauses, review_clauses) OK,
 * issue or not applicable, with a finding; an issue becomes a follow-up
 * action with an owner and a due date. A review with open actions
 * schedules a follow-up review (reviews.follow_up_date). */

/* Version 19. A clause an earlier review confirmed is answered OK; one it
 * left unconfirmed stays unanswered, as nobody said more. */
gboolean
_signet_store_migrate_review_findings (SignetStore  *self,
                                       GError      **error)
{
  return _signet_store_exec (self,
    "ALTER TABLE reviews ADD COLUMN follow_up_date TEXT;"
    "ALTER TABLE review_clauses ADD COLUMN answer TEXT"
    "  CHECK (answer IN ('ok', 'issue', 'na'));"
    "ALTER TABLE review_clauses ADD COLUMN finding TEXT;"
    "UPDATE review_clauses SET answer = 'ok' WHERE confirmed;"
    "CREATE TABLE review_actions ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  review_id INTEGER NOT NULL,"
    "  position INTEGER,"
    "  description TEXT NOT NULL CHECK (description <> ''),"
    "  owner_id INTEGER,"
    "  due_date TEXT,"
    "  done_date TEXT);"
    "CREATE INDEX review_actions_review ON review_actions (review_id);"
    "CREATE INDEX review_actions_open ON review_actions (due_date) "
    "  WHERE done_date IS NULL;",
    error);
}
