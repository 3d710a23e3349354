/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "signet-enums.h"

G_BEGIN_DECLS

/* What a risk of a contract is about (风险类别). Tokens are stored and
 * written to XML; never translated. */
typedef enum
{
  SIGNET_RISK_CATEGORY_LEGAL,
  SIGNET_RISK_CATEGORY_PERFORMANCE,
  SIGNET_RISK_CATEGORY_FINANCIAL,
  SIGNET_RISK_CATEGORY_OTHER,
} SignetRiskCategory;

#define SIGNET_N_RISK_CATEGORIES (SIGNET_RISK_CATEGORY_OTHER + 1)

/* Where a risk stands. Only an open one counts for the suggested level:
 * a mitigated risk has its mitigation in place, and the register keeps one
 * score per risk, the one before mitigation; a risk that still matters
 * after it stays open, its likelihood or impact lowered. */
typedef enum
{
  SIGNET_RISK_STATUS_OPEN,
  SIGNET_RISK_STATUS_MITIGATED,
  SIGNET_RISK_STATUS_CLOSED,
} SignetRiskStatus;

#define SIGNET_N_RISK_STATUSES (SIGNET_RISK_STATUS_CLOSED + 1)

/* Likelihood and impact each run from 1 to 5; the score is their product. */
#define SIGNET_RISK_RATING_MIN 1
#define SIGNET_RISK_RATING_MAX 5

/* The lowest score of each suggested level: 15 and more is high, 8 to 14
 * medium, 7 and less low. The one place the thresholds are. */
#define SIGNET_RISK_HIGH_FROM   15
#define SIGNET_RISK_MEDIUM_FROM 8

/* One risk of a contract's register (风险登记), as the store gives and
 * takes it. */
typedef struct
{
  gint64             id;            /* 0: not stored yet */
  gint64             contract_id;
  char              *uuid;
  SignetRiskCategory category;
  char              *description;   /* required */
  guint              likelihood;    /* 1 to 5 */
  guint              impact;        /* 1 to 5 */
  char              *mitigation;    /* nullable */
  gint64             owner_id;      /* people.id; 0: nobody */
  char              *owner_name;    /* filled in by the store as it reads; not written */
  SignetRiskStatus   status;
  char              *next_review;   /* "YYYY-MM-DD", nullable */
  gint64             annotation_id; /* the clause it comes from; 0: none */
  gint64             version;       /* as read; an update over another version is a conflict */
} SignetRisk;

SignetRisk   *signet_risk_new                 (gint64              contract_id);
SignetRisk   *signet_risk_copy                (const SignetRisk   *risk);
void          signet_risk_free                (SignetRisk         *risk);
/* likelihood × impact, 1 to 25 for a valid risk. */
guint         signet_risk_get_score           (const SignetRisk   *risk);

/* "legal", "performance", "financial", "other" */
const char   *signet_risk_category_to_token   (SignetRiskCategory  category);
gboolean      signet_risk_category_from_token (const char         *token,
                                               SignetRiskCategory *category);
/* Translated: "Legal" (法律), "Performance" (履约), "Financial" (财务), "Other". */
const char   *signet_risk_category_to_label   (SignetRiskCategory  category);
/* "open", "mitigated", "closed" */
const char   *signet_risk_status_to_token     (SignetRiskStatus    status);
gboolean      signet_risk_status_from_token   (const char         *token,
                                               SignetRiskStatus   *status);
/* Translated: "Open" (未处理), "Mitigated" (已缓解), "Closed" (已关闭). */
const char   *signet_risk_status_to_label     (SignetRiskStatus    status);

/* The level a score suggests: SIGNET_RISK_HIGH_FROM and more high,
 * SIGNET_RISK_MEDIUM_FROM and more medium, else low. */
SignetRiskLevel signet_risk_level_for_score   (guint               score);
/* The suggested level of a contract from its risks (SignetRisk *, any
 * order): that of the highest score among the open ones. FALSE when none
 * is open: no suggestion. @highest (nullable) gets the open risk with the
 * highest score (the first of equal ones), pointing into @risks. */
gboolean      signet_risks_suggest_level      (GPtrArray          *risks,
                                               SignetRiskLevel    *level,
                                               const SignetRisk  **highest);
/* The suggestion and its rule in words, translated: "Suggested: High —
 * highest open score 16 (4 × 4); 15 or more is high". */
char         *signet_risk_describe_suggestion (SignetRiskLevel     level,
                                               const SignetRisk   *highest);

/* A level the user kept against the suggestion, with why
 * (risk_level_choices). */
typedef struct
{
  gint64           contract_id;
  SignetRiskLevel  level;       /* the contract's level kept */
  SignetRiskLevel  suggested;   /* the suggestion when it was kept */
  char            *reason;      /* required */
  char            *chosen_at;   /* UTC, the audit log's format */
  char            *chosen_by;
} SignetRiskLevelChoice;

SignetRiskLevelChoice *signet_risk_level_choice_new  (gint64                        contract_id);
SignetRiskLevelChoice *signet_risk_level_choice_copy (const SignetRiskLevelChoice  *choice);
void                   signet_risk_level_choice_free (SignetRiskLevelChoice        *choice);

/* Whether the section tells the user that the contract's @level differs
 * from the suggestion: only with a suggestion (@has_suggestion) other than
 * @level, and not while @choice (nullable) kept this very level against
 * this very suggestion; when either moved, the choice no longer holds. */
gboolean      signet_risk_level_needs_notice  (SignetRiskLevel              level,
                                               gboolean                     has_suggestion,
                                               SignetRiskLevel              suggested,
                                               const SignetRiskLevelChoice *choice);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetRisk, signet_risk_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetRiskLevelChoice, signet_risk_level_choice_free)

G_END_DECLS
