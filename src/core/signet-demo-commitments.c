/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-demo"

#include "config.h"

#include "signet-demo-commitments-private.h"
#include "signet-store-current-terms.h"
#include "signet-store-events.h"
#include "signet-store-obligations.h"
#include "signet-store-people.h"
#include "signet-store-review-findings.h"
#include "signet-store-risks.h"

/* What the demo's contracts commit their parties to, as an office that
 * keeps its register well has it: payment schedules mostly paid on time,
 * a few payments late, obligations done, one late and one overdue, risks
 * that explain each contract's risk level, reviews that found a few
 * issues, and the signed originals in the archive, two of them out on
 * loan. Like the rest of the demo these are data in the contract's
 * language, not translated. Dates are counted from the store's day, so
 * that what is overdue stays within the last weeks whatever the day; the
 * numbers come from a generator of their own, so that the contracts stay
 * those of earlier versions of the demo. */

#define DEMO_COMMITMENTS_SEED 20240603u

/* ------------------------------------------------------------------ */
/* The contracts                                                       */

static void
demo_contract_clear (DemoContract *demo)
{
  g_clear_object (&demo->contract);
  g_clear_object (&demo->terms);
}

static gboolean
is_chinese (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      return TRUE;

  return FALSE;
}

/* The id of the person @name of People; 0 for nobody known. */
gint64
_signet_demo_person_id (Commitments  *self,
                        const char   *name,
                        GError      **error)
{
  g_autoptr(SignetPerson) person = NULL;
  gint64 *id;

  if (name == NULL)
    return 0;
  if ((id = g_hash_table_lookup (self->people, name)) != NULL)
    return *id;

  person = signet_store_find_person (self->store, name, error);
  if (person == NULL)
    return 0;

  id = g_new (gint64, 1);
  *id = signet_person_get_id (person);
  g_hash_table_insert (self->people, g_strdup (name), id);

  return *id;
}

static gboolean
load_contracts (Commitments  *self,
                GError      **error)
{
  g_autoptr(GArray) ids = signet_store_query_contract_ids (self->store, NULL, SIGNET_SORT_NUMBER, FALSE, error);

  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      DemoContract demo = { 0 };
      GError *person_error = NULL;

      demo.id = g_array_index (ids, gint64, i);
      demo.contract = signet_store_get_contract (self->store, demo.id, error);
      if (demo.contract == NULL)
        return FALSE;
      demo.terms = signet_contract_copy (demo.contract);
      signet_store_apply_current_terms (self->store, demo.terms);
      demo.chinese = is_chinese (signet_contract_get_title (demo.contract));
      demo.shown = signet_contract_get_shown_status (demo.terms, self->today_iso);
      demo.signing = julian_from_iso (signet_contract_get_signing_date (demo.contract));
      demo.start = julian_from_iso (signet_contract_get_start_date (demo.terms));
      demo.end = julian_from_iso (signet_contract_get_end_date (demo.terms));
      demo.owner_id = _signet_demo_person_id (self, signet_contract_get_owner (demo.contract), &person_error);
      if (person_error != NULL)
        {
          g_propagate_error (error, person_error);
          demo_contract_clear (&demo);
          return FALSE;
        }
      g_array_append_val (self->contracts, demo);
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Obligations                                                         */

/* What each kind of contract commits us or the other party to: the first
 * due date @offset days after the start (a negative one: before the
 * end). */
static const struct
{
  const char            *contract_type;
  SignetObligationParty  party;
  SignetRecurrence       recurrence;
  int                    offset;
  const char            *title;
} demo_obligations[] = {
  { "维保服务", SIGNET_OBLIGATION_PARTY_US, SIGNET_RECURRENCE_NONE, 7, "提供机房出入权限及配合人员名单" },
  { "维保服务", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_MONTHLY, 30, "提交月度维保报告" },
  { "维保服务", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_QUARTERLY, 90, "季度设备巡检（巡检记录双方签字）" },
  { "技术开发", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_NONE, 14, "提供测试环境及测试数据" },
  { "技术开发", SIGNET_OBLIGATION_PARTY_US, SIGNET_RECURRENCE_NONE, 30, "提交需求规格说明书" },
  { "技术开发", SIGNET_OBLIGATION_PARTY_US, SIGNET_RECURRENCE_MONTHLY, 30, "提交月度项目进度报告" },
  { "技术开发", SIGNET_OBLIGATION_PARTY_US, SIGNET_RECURRENCE_NONE, -30, "交付系统及源代码，组织终验" },
  { "物流服务", SIGNET_OBLIGATION_PARTY_US, SIGNET_RECURRENCE_MONTHLY, 30, "提交月度运输质量报告（准时率、货损率）" },
  { "物流服务", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_QUARTERLY, 15, "提供下季度货量预测" },
  { "租赁", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_YEARLY, 180, "年度消防设施检测并提供检测报告" },
  { "租赁", SIGNET_OBLIGATION_PARTY_US, SIGNET_RECURRENCE_NONE, -30, "退租前恢复原状并办理交接" },
  { "订阅服务", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_MONTHLY, 30, "提供月度服务可用性报告（SLA 99.9%）" },
  { "采购", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_NONE, 30, "首批货物交付" },
  { "采购", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_NONE, 40, "提供产品质量检验报告" },
  { "采购", SIGNET_OBLIGATION_PARTY_US, SIGNET_RECURRENCE_NONE, 45, "到货后 7 日内组织验收" },
  { "工程", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_MONTHLY, 30, "提交月度施工进度及安全报告" },
  { "工程", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_NONE, -15, "提交竣工验收资料" },
  { "软件许可", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_QUARTERLY, 90, "提供季度版本更新及安全补丁" },
  { "代理", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_QUARTERLY, 90, "提交季度销售报表及库存情况" },
  { "Services", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_NONE, 14, "Give our team access to the client's systems" },
  { "Services", SIGNET_OBLIGATION_PARTY_US, SIGNET_RECURRENCE_MONTHLY, 30, "Monthly service report" },
  { "Services", SIGNET_OBLIGATION_PARTY_US, SIGNET_RECURRENCE_QUARTERLY, 90, "Quarterly business review" },
  { "Data protection", SIGNET_OBLIGATION_PARTY_US, SIGNET_RECURRENCE_YEARLY, 365, "Annual data protection audit report" },
  { "Supply", SIGNET_OBLIGATION_PARTY_US, SIGNET_RECURRENCE_QUARTERLY, 90, "Quarterly certificate of conformity" },
  { "Supply", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_NONE, 20, "Confirm the delivery schedule" },
  { "Subscription", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_MONTHLY, 30, "Monthly uptime report (99.9 % SLA)" },
  { "Lease", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_YEARLY, 365, "Annual safety inspection of the equipment" },
  { "Distribution", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_QUARTERLY, 90, "Quarterly sales and stock report" },
};

/* The contracts of the demo with obligations; a monthly one on a contract
 * that began long ago would have years of reports to tick off. */
#define DEMO_N_OBLIGATION_CONTRACTS 14
#define DEMO_MAX_PAST_OCCURRENCES 24

/* What became of an occurrence that fell due. */
typedef enum
{
  OCCURRENCE_DONE,
  OCCURRENCE_LATE,
  OCCURRENCE_WAIVED,
  OCCURRENCE_OPEN,
} OccurrenceFate;

typedef struct
{
  guint n_monthly;
  guint n_quarterly;
} ObligationCounts;

/* Every occurrence that fell due was done on time, a day or three early,
 * except the last of the first monthly obligation (still open: overdue),
 * the one before the last of the second (waived), and the last of the
 * first quarterly one (done nine days late). */
static gboolean
record_occurrences (Commitments             *self,
                    const DemoContract      *demo,
                    const SignetObligation  *obligation,
                    ObligationCounts        *counts,
                    GError                 **error)
{
  g_autofree char *last_date = signet_obligation_dup_last_date (obligation, demo->terms);
  g_autofree char *yesterday = julian_to_iso (self->today - 1);
  g_autoptr(GPtrArray) past = signet_obligation_list_occurrences (obligation, last_date, NULL, yesterday);
  guint which = 0;

  /* Counted among the ones that have fallen due. */
  if (obligation->recurrence == SIGNET_RECURRENCE_MONTHLY && past->len > 0)
    which = ++counts->n_monthly;
  else if (obligation->recurrence == SIGNET_RECURRENCE_QUARTERLY && past->len > 0)
    which = ++counts->n_quarterly;

  for (guint i = 0; i < past->len; i++)
    {
      const char *due = g_ptr_array_index (past, i);
      guint32 due_day = julian_from_iso (due);
      OccurrenceFate fate = OCCURRENCE_DONE;
      g_autofree char *done = NULL;

      if (obligation->recurrence == SIGNET_RECURRENCE_MONTHLY && which == 1 && i + 1 == past->len)
        fate = OCCURRENCE_OPEN;
      else if (obligation->recurrence == SIGNET_RECURRENCE_MONTHLY && which == 2 && i + 2 == past->len)
        fate = OCCURRENCE_WAIVED;
      else if (obligation->recurrence == SIGNET_RECURRENCE_QUARTERLY && which == 1 && i + 1 == past->len)
        fate = OCCURRENCE_LATE;

      switch (fate)
        {
        case OCCURRENCE_OPEN:
          continue;
        case OCCURRENCE_WAIVED:
          if (!signet_store_waive_occurrence (self->store, obligation->id, due,
                                              demo->chinese ? "春节假期，双方同意本月报告与下月合并提交。"
                                                            : "Agreed to combine this report with the next one.",
                                              error))
            return FALSE;
          continue;
        case OCCURRENCE_LATE:
          done = julian_to_iso (MIN (due_day + 9, self->today));
          break;
        case OCCURRENCE_DONE:
        default:
          done = julian_to_iso (MAX (due_day - pick_between (self->rand, 0, 3), demo->start));
          break;
        }
      if (!signet_store_mark_occurrence_done (self->store, obligation->id, due, done, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_obligations (Commitments  *self,
                 GError      **error)
{
  ObligationCounts counts = { 0, 0 };
  guint n_contracts = 0;

  for (guint i = 0; i < self->contracts->len && n_contracts < DEMO_N_OBLIGATION_CONTRACTS; i++)
    {
      const DemoContract *demo = &g_array_index (self->contracts, DemoContract, i);
      const char *type = signet_contract_get_contract_type (demo->contract);
      gboolean any = FALSE;

      if (demo->shown != SIGNET_CONTRACT_STATUS_ACTIVE || demo->start + 31 > self->today)
        continue;

      for (guint o = 0; o < G_N_ELEMENTS (demo_obligations); o++)
        {
          g_autoptr(SignetObligation) obligation = NULL;
          guint32 due = demo_obligations[o].offset >= 0 ? demo->start + demo_obligations[o].offset
                                                        : demo->end + demo_obligations[o].offset;
          g_autofree char *yesterday = julian_to_iso (self->today - 1);
          g_autoptr(GPtrArray) past = NULL;

          if (g_strcmp0 (demo_obligations[o].contract_type, type) != 0 || due >= demo->end)
            continue;

          obligation = signet_obligation_new (demo->id);
          obligation->party = demo_obligations[o].party;
          obligation->title = g_strdup (demo_obligations[o].title);
          obligation->owner_id = demo->owner_id;
          obligation->due_date = julian_to_iso (due);
          obligation->recurrence = demo_obligations[o].recurrence;
          past = signet_obligation_list_occurrences (obligation, NULL, NULL, yesterday);
          if (past->len > DEMO_MAX_PAST_OCCURRENCES)
            continue;

          if (!signet_store_add_obligation (self->store, obligation, error) ||
              !record_occurrences (self, demo, obligation, &counts, error))
            return FALSE;
          any = TRUE;
        }
      n_contracts += any;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Risks                                                               */

typedef struct
{
  SignetRiskCategory  category;
  guint               likelihood;
  guint               impact;
  gboolean            foreign;      /* only for a contract not in yuan */
  const char         *description;
  const char         *mitigation;
} DemoRisk;

/* By the level their score suggests: high (15 and more), medium, low. */
static const DemoRisk chinese_risks[SIGNET_N_RISK_LEVELS][4] = {
  [SIGNET_RISK_LEVEL_HIGH] = {
    { SIGNET_RISK_CATEGORY_FINANCIAL, 4, 4, FALSE, "对方资金紧张，上一期款项已逾期未付",
      "暂停后续交付，财务部每周催收，法务部评估发送律师函" },
    { SIGNET_RISK_CATEGORY_PERFORMANCE, 4, 4, FALSE, "对方产能紧张，近两个季度各有一批次延期交付",
      "要求对方提交产能保障计划，同时引入备选供应商" },
    { SIGNET_RISK_CATEGORY_LEGAL, 3, 5, FALSE, "涉及个人信息跨境传输，尚未完成数据出境安全评估",
      "已委托律师事务所开展安全评估，评估完成前暂停跨境传输" },
    { SIGNET_RISK_CATEGORY_OTHER, 3, 5, FALSE, "项目所在园区计划整体搬迁，可能影响合同履行地点",
      "与园区管委会确认搬迁时间表，约定搬迁费用分担" },
  },
  [SIGNET_RISK_LEVEL_MEDIUM] = {
    { SIGNET_RISK_CATEGORY_LEGAL, 3, 4, FALSE, "违约金上限仅为合同金额的 5%，不足以覆盖可能的损失",
      "续约谈判时要求将违约金上限提高至 20%" },
    { SIGNET_RISK_CATEGORY_PERFORMANCE, 3, 3, FALSE, "对方关键技术人员流动，可能影响交付进度",
      "要求对方书面确认项目经理及核心成员，变更须提前 30 日通知" },
    { SIGNET_RISK_CATEGORY_FINANCIAL, 3, 3, TRUE, "以外币结算，汇率波动影响实际成本",
      "财务部按季度办理远期结售汇，锁定汇率" },
    { SIGNET_RISK_CATEGORY_OTHER, 2, 4, FALSE, "台风季节港口停运可能导致交付延误",
      "提前两周备货，合同已约定不可抗力通知期限" },
  },
  [SIGNET_RISK_LEVEL_LOW] = {
    { SIGNET_RISK_CATEGORY_LEGAL, 2, 2, FALSE, "合同中英文版本个别条款表述不一致",
      "补充约定两种文本不一致时以中文文本为准" },
    { SIGNET_RISK_CATEGORY_PERFORMANCE, 2, 3, FALSE, "设备备件需从海外订购，到货周期较长",
      "常用备件在本地保留安全库存" },
    { SIGNET_RISK_CATEGORY_FINANCIAL, 2, 3, FALSE, "押金退还条件约定不够明确",
      "在补充协议中明确押金退还期限及扣减情形" },
    { SIGNET_RISK_CATEGORY_OTHER, 1, 4, FALSE, "对方办公地址变更，书面通知可能送达延误",
      "已更新客户信息，约定电子邮件送达同样有效" },
  },
};

static const DemoRisk english_risks[SIGNET_N_RISK_LEVELS][4] = {
  [SIGNET_RISK_LEVEL_HIGH] = {
    { SIGNET_RISK_CATEGORY_FINANCIAL, 4, 4, FALSE, "The client's last instalment is overdue and its cash is tight",
      "Deliveries on hold; finance chases weekly; legal to send a formal notice" },
    { SIGNET_RISK_CATEGORY_PERFORMANCE, 4, 4, FALSE, "Two late deliveries in the last two quarters",
      "Capacity plan requested from the supplier; a second source qualified" },
    { SIGNET_RISK_CATEGORY_LEGAL, 3, 5, FALSE, "Personal data leaves the EU without standard contractual clauses",
      "SCCs drafted by counsel; transfers paused until they are signed" },
    { SIGNET_RISK_CATEGORY_OTHER, 3, 5, FALSE, "The client announced a sale of the business unit",
      "Change-of-control clause checked; contact at the buyer identified" },
  },
  [SIGNET_RISK_LEVEL_MEDIUM] = {
    { SIGNET_RISK_CATEGORY_LEGAL, 3, 4, FALSE, "Liability cap of 12 months' fees may not cover a data breach",
      "Ask for a separate cap for data protection at renewal" },
    { SIGNET_RISK_CATEGORY_PERFORMANCE, 3, 3, FALSE, "The client's project lead is leaving",
      "Handover meeting held; new lead named in writing" },
    { SIGNET_RISK_CATEGORY_FINANCIAL, 3, 3, TRUE, "Fees in a foreign currency: exchange rate exposure",
      "Finance hedges the quarterly amounts with forwards" },
    { SIGNET_RISK_CATEGORY_OTHER, 2, 4, FALSE, "Shipping disruption in the Red Sea may delay deliveries",
      "Two weeks of safety stock; force majeure notice period agreed" },
  },
  [SIGNET_RISK_LEVEL_LOW] = {
    { SIGNET_RISK_CATEGORY_LEGAL, 2, 2, FALSE, "Governing law clause differs from our template",
      "Accepted: courts of the client's seat, English law" },
    { SIGNET_RISK_CATEGORY_PERFORMANCE, 2, 3, FALSE, "Spare parts come from overseas with long lead times",
      "Common spare parts kept in stock locally" },
    { SIGNET_RISK_CATEGORY_FINANCIAL, 2, 3, FALSE, "Payment terms of 60 days strain cash flow",
      "Early payment discount offered at renewal" },
    { SIGNET_RISK_CATEGORY_OTHER, 1, 4, FALSE, "The client moved offices; notices may go astray",
      "Notice address updated; notices by email agreed" },
  },
};

/* Who follows a risk up: legal and financial risks their departments,
 * the others the contract's owner. */
static gint64
risk_owner (Commitments         *self,
            const DemoContract  *demo,
            SignetRiskCategory   category,
            GError             **error)
{
  if (category == SIGNET_RISK_CATEGORY_LEGAL)
    return _signet_demo_person_id (self, demo->chinese ? "张伟" : "Emma Schmidt", error);
  if (category == SIGNET_RISK_CATEGORY_FINANCIAL)
    return _signet_demo_person_id (self, demo->chinese ? "王芳" : "Sarah Johnson", error);

  return demo->owner_id;
}

static gboolean
add_risk (Commitments         *self,
          const DemoContract  *demo,
          SignetRiskLevel      band,
          guint                choice,
          SignetRiskStatus     status,
          GError             **error)
{
  const DemoRisk *risks = demo->chinese ? chinese_risks[band] : english_risks[band];
  gboolean foreign = g_strcmp0 (signet_contract_get_currency (demo->contract), "CNY") != 0;
  const DemoRisk *demo_risk = &risks[choice % 4];
  g_autoptr(SignetRisk) risk = signet_risk_new (demo->id);
  GError *owner_error = NULL;

  /* A risk of exchange rates only where there is one. */
  if (demo_risk->foreign && !foreign)
    demo_risk = &risks[(choice + 1) % 4];

  risk->category = demo_risk->category;
  risk->description = g_strdup (demo_risk->description);
  risk->likelihood = demo_risk->likelihood;
  risk->impact = demo_risk->impact;
  risk->mitigation = g_strdup (demo_risk->mitigation);
  risk->owner_id = risk_owner (self, demo, demo_risk->category, &owner_error);
  if (owner_error != NULL)
    {
      g_propagate_error (error, owner_error);
      return FALSE;
    }
  risk->status = status;
  if (status != SIGNET_RISK_STATUS_CLOSED)
    risk->next_review = julian_to_iso (self->today + pick_between (self->rand, 7, status == SIGNET_RISK_STATUS_OPEN ? 75 : 150));

  return signet_store_add_risk (self->store, risk, error);
}

/* The contract whose level is below what its risks suggest: the one
 * with a receivable overdue (a risk of its money found since), unless it
 * is high already; else the first running Chinese one at low. */
static gint64
choose_unnoticed (Commitments *self)
{
  for (guint i = 0; i < self->contracts->len; i++)
    {
      const DemoContract *demo = &g_array_index (self->contracts, DemoContract, i);

      if (demo->id == self->late_receivable_id &&
          signet_contract_get_risk_level (demo->contract) != SIGNET_RISK_LEVEL_HIGH)
        return demo->id;
    }

  for (guint i = 0; i < self->contracts->len; i++)
    {
      const DemoContract *demo = &g_array_index (self->contracts, DemoContract, i);

      if (signet_contract_get_risk_level (demo->contract) == SIGNET_RISK_LEVEL_LOW && demo->chinese &&
          demo->shown == SIGNET_CONTRACT_STATUS_ACTIVE)
        return demo->id;
    }

  return 0;
}

/* The contracts in force and those on their way to it have a risk
 * register whose highest open score suggests the level the contract
 * has, with a lower risk beside it, and now and then a risk mitigated or
 * closed that would have suggested more. Two do not agree: a contract
 * whose owner keeps it at high against a medium suggestion, saying why,
 * and one still below the high risk found since, which its Risks section
 * points out. */
static gboolean
add_risks (Commitments  *self,
           GError      **error)
{
  gint64 unnoticed = choose_unnoticed (self);
  gboolean kept = FALSE;
  guint n = 0;

  for (guint i = 0; i < self->contracts->len; i++)
    {
      const DemoContract *demo = &g_array_index (self->contracts, DemoContract, i);
      SignetRiskLevel level = signet_contract_get_risk_level (demo->contract);
      SignetRiskLevel band = level;
      gboolean keep = FALSE;
      guint choice;

      if (demo->shown != SIGNET_CONTRACT_STATUS_ACTIVE && demo->shown != SIGNET_CONTRACT_STATUS_SIGNED &&
          demo->shown != SIGNET_CONTRACT_STATUS_APPROVED && demo->shown != SIGNET_CONTRACT_STATUS_IN_REVIEW)
        continue;

      n++;
      choice = n;
      if (demo->id == unnoticed)
        {
          band = SIGNET_RISK_LEVEL_HIGH;
          /* Its money: the first high risk is the client's overdue payment. */
          if (demo->id == self->late_receivable_id)
            choice = 0;
        }
      else if (!kept && level == SIGNET_RISK_LEVEL_HIGH && demo->chinese &&
               demo->shown == SIGNET_CONTRACT_STATUS_ACTIVE)
        {
          band = SIGNET_RISK_LEVEL_MEDIUM;
          kept = keep = TRUE;
        }

      if (!add_risk (self, demo, band, choice, SIGNET_RISK_STATUS_OPEN, error))
        return FALSE;
      if (band != SIGNET_RISK_LEVEL_LOW &&
          !add_risk (self, demo, SIGNET_RISK_LEVEL_LOW, n + 1, SIGNET_RISK_STATUS_OPEN, error))
        return FALSE;
      if (n % 3 == 0 && band != SIGNET_RISK_LEVEL_HIGH &&
          !add_risk (self, demo, band + 1, n + 2, n % 2 == 0 ? SIGNET_RISK_STATUS_MITIGATED : SIGNET_RISK_STATUS_CLOSED,
                     error))
        return FALSE;
      if (keep &&
          !signet_store_keep_risk_level (self->store, demo->id,
                                         "对方为首次合作，合同金额较大且近期涉及诉讼，维持高风险等级，履约满一年后再评估。",
                                         error))
        return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Reviews                                                             */

static const char * const chinese_checklist[] = { "签章完整", "授权有效", "条款合规", "履约正常", "付款正常", NULL };
static const char * const english_checklist[] = {
  "Signatures and seals complete", "Signatory authority valid", "Terms compliant", "Performance on track",
  "Payments on track", NULL,
};

/* What a review found wrong with an item, and what was to be done. */
static const struct
{
  const char *item;
  const char *finding;
  const char *action;
} demo_findings[] = {
  { "签章完整", "附件三缺少骑缝章。", "联系对方补盖附件三骑缝章。" },
  { "授权有效", "对方签字人的授权委托书已过期。", "要求对方提供有效的授权委托书。" },
  { "条款合规", "数据处理条款未体现《个人信息保护法》的要求。", "起草数据处理补充协议并发对方确认。" },
  { "履约正常", "上月有两次服务响应超时。", "约谈对方项目经理，要求提交整改报告。" },
  { "付款正常", "第二期款项晚付 15 天。", "与对方财务确认后续付款计划。" },
  { "付款条件已核对", "发票开具时间与付款条件约定不一致。", "与对方确认以验收单日期为开票依据。" },
  { "验收标准明确", "验收标准未量化，难以判断是否合格。", "补充验收标准附件，明确各项指标。" },
  { "违约责任与违约金比例", "违约金比例低于公司标准（合同金额的 10%）。", "与对方协商签订补充协议，将违约金比例提高至 10%。" },
  { "租金调整条款", "租金调整以物价指数为准，但未约定指数来源。", "与出租方书面约定采用国家统计局公布的指数。" },
  { "续租优先权", "续租优先权的行使期限未写明。", "在补充协议中约定到期前 90 日书面提出续租。" },
  { "押金退还条件", "押金退还期限未约定。", "与出租方约定退租交接后 30 日内退还押金。" },
  { "服务范围清单", "新增的两台空调机组未列入服务范围清单。", "更新服务范围清单并由双方签字确认。" },
  { "响应时间承诺", "夜间报修的响应时间未约定。", "补充约定夜间报修 4 小时内到场。" },
  { "Signatures and seals complete", "Annex 3 is not initialled.", "Ask the client to initial Annex 3." },
  { "Signatory authority valid", "The signatory's power of attorney has expired.", "Ask for a current power of attorney." },
  { "Terms compliant", "No data processing terms for the new service.", "Draft a data processing addendum." },
  { "Performance on track", "Two missed response times last month.", "Ask the client's project lead for a remediation plan." },
  { "Payments on track", "The second instalment was paid 15 days late.", "Agree a payment plan with the client's finance team." },
};

/* A review of the last weeks whose action is still open: the first two. */
#define DEMO_RECENT_REVIEW_DAYS 45
#define DEMO_MAX_OPEN_FINDINGS 2

gboolean
_signet_demo_record_review (SignetStore         *store,
                            gint64               contract_id,
                            const char          *date,
                            const char          *reviewer,
                            const char          *note,
                            const char * const  *checklist,
                            gboolean             chinese,
                            SignetDemoReviews   *reviews,
                            GError             **error)
{
  g_autoptr(SignetReviewReport) report = signet_review_report_new (contract_id, date);
  g_autoptr(SignetContract) contract = signet_store_get_contract (store, contract_id, error);
  g_autofree char *today_iso = signet_store_dup_today (store);
  guint32 today = julian_from_iso (today_iso);
  guint32 day = julian_from_iso (date);
  gboolean default_list = checklist == NULL;
  /* A review of the last weeks whose action is still open, due in the
   * weeks to come; an older one's was done. */
  gboolean open = day + DEMO_RECENT_REVIEW_DAYS >= today && reviews->n_open_findings < DEMO_MAX_OPEN_FINDINGS;
  guint32 action_due = day + (open ? DEMO_RECENT_REVIEW_DAYS : 30);
  guint n_items;
  guint issue = G_MAXUINT;

  if (contract == NULL)
    return FALSE;

  if (default_list)
    checklist = chinese ? chinese_checklist : english_checklist;
  n_items = g_strv_length ((char **) checklist);

  /* Every fifth review found an issue, and the first recent ones. */
  if (n_items > 0 && (open || (reviews->n_reviews % 5 == 2 && day + DEMO_RECENT_REVIEW_DAYS < today)))
    issue = (reviews->n_reviews / 5) % n_items;
  reviews->n_reviews++;

  report->reviewer = g_strdup (reviewer);
  report->note = g_strdup (note);
  for (guint i = 0; i < n_items; i++)
    {
      const char *finding = NULL;
      const char *action = NULL;
      SignetReviewAnswer answer = SIGNET_REVIEW_ANSWER_OK;

      for (guint f = 0; f < G_N_ELEMENTS (demo_findings) && i == issue; f++)
        if (g_str_equal (demo_findings[f].item, checklist[i]))
          {
            finding = demo_findings[f].finding;
            action = demo_findings[f].action;
          }

      /* Nothing to pay, nothing to check about payments (the last item). */
      if (default_list && signet_contract_get_value (contract) == 0 && i + 1 == n_items)
        answer = SIGNET_REVIEW_ANSWER_NA;
      else if (finding != NULL)
        {
          g_autoptr(SignetPerson) owner = signet_store_find_person (store, reviewer, error);
          g_autofree char *due = julian_to_iso (action_due);

          if (owner == NULL && error != NULL && *error != NULL)
            return FALSE;
          answer = SIGNET_REVIEW_ANSWER_ISSUE;
          g_ptr_array_add (report->actions,
                           signet_review_action_new (action, owner != NULL ? signet_person_get_id (owner) : 0, due));
        }
      g_ptr_array_add (report->items, signet_review_item_new (checklist[i], answer, finding));
    }

  if (!signet_store_record_review_report (store, report, error))
    return FALSE;

  for (guint a = 0; a < report->actions->len; a++)
    {
      const SignetReviewAction *action = g_ptr_array_index (report->actions, a);
      g_autofree char *done = NULL;

      if (open)
        {
          reviews->n_open_findings++;
          continue;
        }
      done = julian_to_iso (MIN (day + 10 + reviews->n_reviews % 18, today));
      if (!signet_store_set_review_action_done (store, action->id, done, error))
        return FALSE;
    }

  return TRUE;
}

/* If no review of the last weeks found anything, the latest review of a
 * contract in force asks for a follow-up after all, so that the list's
 * "Open Review Findings" has something to show. */
static gboolean
ensure_open_finding (Commitments  *self,
                     GError      **error)
{
  g_autoptr(SignetReviewAction) action = NULL;
  const DemoContract *latest_demo = NULL;
  g_autofree char *latest = NULL;
  gint64 review_id = 0;
  g_autofree char *due = julian_to_iso (self->today + 14);

  if (self->reviews->n_open_findings > 0)
    return TRUE;

  for (guint i = 0; i < self->contracts->len; i++)
    {
      const DemoContract *demo = &g_array_index (self->contracts, DemoContract, i);
      g_autoptr(GPtrArray) reports = NULL;
      SignetReviewReport *newest;

      if (demo->shown != SIGNET_CONTRACT_STATUS_ACTIVE)
        continue;
      if ((reports = signet_store_list_review_reports (self->store, demo->id, error)) == NULL)
        return FALSE;
      if (reports->len == 0)
        continue;
      newest = g_ptr_array_index (reports, 0);
      if (latest == NULL || g_strcmp0 (newest->date, latest) > 0)
        {
          g_free (latest);
          latest = g_strdup (newest->date);
          review_id = newest->id;
          latest_demo = demo;
        }
    }

  if (latest_demo == NULL)
    return TRUE;

  action = signet_review_action_new (latest_demo->chinese ? "与对方确认联系人变更后的对接安排。"
                                                          : "Confirm the new contact person's responsibilities.",
                                     latest_demo->owner_id, due);
  action->review_id = review_id;
  self->reviews->n_open_findings++;

  return signet_store_add_review_action (self->store, action, error);
}

/* ------------------------------------------------------------------ */

gboolean
_signet_demo_add_commitments (SignetStore        *store,
                              SignetDemoReviews  *reviews,
                              GError            **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (DEMO_COMMITMENTS_SEED);
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GArray) contracts = g_array_new (FALSE, TRUE, sizeof (DemoContract));
  g_autofree char *today_iso = signet_store_dup_today (store);
  Commitments self = {
    .store = store,
    .rand = rand,
    .today = julian_from_iso (today_iso),
    .today_iso = today_iso,
    .people = people,
    .contracts = contracts,
    .reviews = reviews,
    .invoice_number = 3100420,
  };

  g_array_set_clear_func (contracts, (GDestroyNotify) demo_contract_clear);

  return load_contracts (&self, error) &&
         _signet_demo_add_payments (&self, error) &&
         add_obligations (&self, error) &&
         add_risks (&self, error) &&
         ensure_open_finding (&self, error) &&
         _signet_demo_add_originals (&self, error);
}
