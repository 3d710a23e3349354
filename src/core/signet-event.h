/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "signet-key-dates.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_EVENT (signet_event_get_type ())

G_DECLARE_FINAL_TYPE (SignetEvent, signet_event, SIGNET, EVENT, GObject)

/* One dated event of a contract, as the calendar and the agenda show it:
 * a date derived from the contract (start, end, notice deadline, review;
 * key-date-id 0, title NULL) or a key date a user added (milestone,
 * payment, other; with its id and title, its note as the explanation).
 * Immutable. The store makes them (signet-store-events.h); tests and
 * widgets may make their own with signet_event_new(). */
SignetEvent       *signet_event_new                 (gint64             contract_id,
                                                     const char        *contract_number,
                                                     const char        *contract_title,
                                                     const char        *client_name,
                                                     const char        *date,
                                                     SignetKeyDateKind  kind,
                                                     const char        *title,
                                                     gint64             key_date_id,
                                                     const char        *explanation);

gint64             signet_event_get_contract_id     (SignetEvent       *self);
const char        *signet_event_get_contract_number (SignetEvent       *self);
const char        *signet_event_get_contract_title  (SignetEvent       *self);
const char        *signet_event_get_client_name     (SignetEvent       *self);
/* YYYY-MM-DD */
const char        *signet_event_get_date            (SignetEvent       *self);
SignetKeyDateKind  signet_event_get_kind            (SignetEvent       *self);
/* The user key date's title; NULL for a derived date. */
const char        *signet_event_get_title           (SignetEvent       *self);
/* 0 for a derived date. */
gint64             signet_event_get_key_date_id     (SignetEvent       *self);
/* Translated, e.g. "notice deadline 2027-03-02 = end 2027-04-01 − 30 days",
 * or the note of a key date a user added; NULL when there is nothing to
 * explain. Made on first use for the store's derived events. */
const char        *signet_event_get_explanation     (SignetEvent       *self);
/* The record an event of a commitment is made from
 * (signet_key_date_kind_is_commitment()): the planned payment, obligation,
 * loan or review (payments.id, obligations.id, loans.id, reviews.id), and
 * its UUID; 0 and NULL for every other event. */
gint64             signet_event_get_record_id       (SignetEvent       *self);
const char        *signet_event_get_record_uuid     (SignetEvent       *self);

G_END_DECLS
