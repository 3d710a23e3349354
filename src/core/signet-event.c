/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-event"

#include "config.h"

#include <string.h>

#include "signet-enum-types.h"
#include "signet-event-private.h"

struct _SignetEvent
{
  GObject            parent_instance;

  gint64             contract_id;
  char              *contract_number;
  char              *contract_title;
  char              *client_name;
  char               date[11];
  SignetKeyDateKind  kind;
  char              *title;
  gint64             key_date_id;
  char              *explanation;
  gint64             record_id;
  char              *record_uuid;

  /* Set for a derived event until its explanation is made. Dates are
   * kept in place ("" for none): a month makes thousands of events. */
  gboolean               derived;
  char                   start_date[11];
  char                   end_date[11];
  char                   last_review[11];
  char                   as_of[11];
  gboolean               auto_renew;
  guint                  notice_days;
  SignetContractStatus   status;
  SignetRiskLevel        risk_level;
  SignetReviewIntervals  intervals;
};

G_DEFINE_FINAL_TYPE (SignetEvent, signet_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONTRACT_ID,
  PROP_CONTRACT_NUMBER,
  PROP_CONTRACT_TITLE,
  PROP_CLIENT_NAME,
  PROP_DATE,
  PROP_KIND,
  PROP_TITLE,
  PROP_KEY_DATE_ID,
  PROP_EXPLANATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
signet_event_finalize (GObject *object)
{
  SignetEvent *self = (SignetEvent *)object;

  g_clear_pointer (&self->contract_number, g_free);
  g_clear_pointer (&self->contract_title, g_free);
  g_clear_pointer (&self->client_name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->explanation, g_free);
  g_clear_pointer (&self->record_uuid, g_free);

  G_OBJECT_CLASS (signet_event_parent_class)->finalize (object);
}

static void
signet_event_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SignetEvent *self = SIGNET_EVENT (object);

  switch (prop_id)
    {
    case PROP_CONTRACT_ID:
      g_value_set_int64 (value, self->contract_id);
      break;

    case PROP_CONTRACT_NUMBER:
      g_value_set_string (value, self->contract_number);
      break;

    case PROP_CONTRACT_TITLE:
      g_value_set_string (value, self->contract_title);
      break;

    case PROP_CLIENT_NAME:
      g_value_set_string (value, self->client_name);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_KEY_DATE_ID:
      g_value_set_int64 (value, self->key_date_id);
      break;

    case PROP_EXPLANATION:
      g_value_set_string (value, signet_event_get_explanation (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Stored dates are YYYY-MM-DD; anything else is no date to the
 * derivation either. */
static void
copy_date (char       *dest,
           const char *date)
{
  if (date != NULL && strlen (date) == 10)
    memcpy (dest, date, 11);
  else
    *dest = '\0';
}

/* The words signet_contract_derive_key_dates() gives the event's date, as
 * the contract's page shows them. */
static void
explain (SignetEvent *self)
{
  g_autoptr(SignetContract) contract = signet_contract_new ();
  g_autoptr(GPtrArray) dates = NULL;

  signet_contract_set_start_date (contract, *self->start_date ? self->start_date : NULL);
  signet_contract_set_end_date (contract, *self->end_date ? self->end_date : NULL);
  signet_contract_set_auto_renew (contract, self->auto_renew);
  signet_contract_set_notice_days (contract, self->notice_days);
  signet_contract_set_status (contract, self->status);
  signet_contract_set_risk_level (contract, self->risk_level);

  dates = signet_contract_derive_key_dates (contract, self->as_of,
                                            *self->last_review ? self->last_review : NULL,
                                            &self->intervals);
  for (guint i = 0; i < dates->len; i++)
    {
      SignetKeyDate *key_date = g_ptr_array_index (dates, i);

      if (key_date->kind == self->kind && g_strcmp0 (key_date->date, self->date) == 0)
        {
          if (key_date->explanation != NULL && *key_date->explanation != '\0')
            self->explanation = g_steal_pointer (&key_date->explanation);
          break;
        }
    }

  self->derived = FALSE;
}

static void
signet_event_class_init (SignetEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = signet_event_finalize;
  object_class->get_property = signet_event_get_property;

  /* Read-only: a month of the calendar makes thousands of events, so the
   * store fills the fields directly instead of through construct
   * properties. */
  properties[PROP_CONTRACT_ID] =
    g_param_spec_int64 ("contract-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONTRACT_NUMBER] =
    g_param_spec_string ("contract-number", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONTRACT_TITLE] =
    g_param_spec_string ("contract-title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CLIENT_NAME] =
    g_param_spec_string ("client-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       SIGNET_TYPE_KEY_DATE_KIND, SIGNET_KEY_DATE_START,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_KEY_DATE_ID] =
    g_param_spec_int64 ("key-date-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_EXPLANATION] =
    g_param_spec_string ("explanation", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
signet_event_init (SignetEvent *self)
{
}

SignetEvent *
signet_event_new (gint64             contract_id,
                  const char        *contract_number,
                  const char        *contract_title,
                  const char        *client_name,
                  const char        *date,
                  SignetKeyDateKind  kind,
                  const char        *title,
                  gint64             key_date_id,
                  const char        *explanation)
{
  SignetEvent *self;

  g_return_val_if_fail (date != NULL && strlen (date) == 10, NULL);

  self = g_object_new (SIGNET_TYPE_EVENT, NULL);
  self->contract_id = contract_id;
  self->contract_number = g_strdup (contract_number);
  self->contract_title = g_strdup (contract_title);
  self->client_name = g_strdup (client_name);
  g_strlcpy (self->date, date, sizeof self->date);
  self->kind = kind;
  self->title = g_strdup (title);
  self->key_date_id = key_date_id;
  self->explanation = g_strdup (explanation);

  return self;
}

gint64
signet_event_get_contract_id (SignetEvent *self)
{
  g_return_val_if_fail (SIGNET_IS_EVENT (self), 0);

  return self->contract_id;
}

const char *
signet_event_get_contract_number (SignetEvent *self)
{
  g_return_val_if_fail (SIGNET_IS_EVENT (self), NULL);

  return self->contract_number;
}

const char *
signet_event_get_contract_title (SignetEvent *self)
{
  g_return_val_if_fail (SIGNET_IS_EVENT (self), NULL);

  return self->contract_title;
}

const char *
signet_event_get_client_name (SignetEvent *self)
{
  g_return_val_if_fail (SIGNET_IS_EVENT (self), NULL);

  return self->client_name;
}

const char *
signet_event_get_date (SignetEvent *self)
{
  g_return_val_if_fail (SIGNET_IS_EVENT (self), NULL);

  return self->date;
}

SignetKeyDateKind
signet_event_get_kind (SignetEvent *self)
{
  g_return_val_if_fail (SIGNET_IS_EVENT (self), SIGNET_KEY_DATE_START);

  return self->kind;
}

const char *
signet_event_get_title (SignetEvent *self)
{
  g_return_val_if_fail (SIGNET_IS_EVENT (self), NULL);

  return self->title;
}

gint64
signet_event_get_key_date_id (SignetEvent *self)
{
  g_return_val_if_fail (SIGNET_IS_EVENT (self), 0);

  return self->key_date_id;
}

const char *
signet_event_get_explanation (SignetEvent *self)
{
  g_return_val_if_fail (SIGNET_IS_EVENT (self), NULL);

  if (self->derived)
    explain (self);

  return self->explanation;
}

gint64
signet_event_get_record_id (SignetEvent *self)
{
  g_return_val_if_fail (SIGNET_IS_EVENT (self), 0);

  return self->record_id;
}

const char *
signet_event_get_record_uuid (SignetEvent *self)
{
  g_return_val_if_fail (SIGNET_IS_EVENT (self), NULL);

  return self->record_uuid;
}

void
_signet_event_set_record (SignetEvent *self,
                          gint64       record_id,
                          const char  *record_uuid)
{
  g_return_if_fail (SIGNET_IS_EVENT (self));

  self->record_id = record_id;
  g_free (self->record_uuid);
  self->record_uuid = g_strdup (record_uuid);
}

int
_signet_event_compare (gconstpointer a,
                       gconstpointer b)
{
  const SignetEvent *x = *(SignetEvent * const *) a;
  const SignetEvent *y = *(SignetEvent * const *) b;
  int cmp = strcmp (x->date, y->date);

  if (cmp == 0)
    cmp = (int) x->kind - (int) y->kind;
  if (cmp == 0)
    cmp = g_strcmp0 (x->contract_number, y->contract_number);

  return cmp;
}

void
_signet_event_set_derivation (SignetEvent                 *self,
                              const char                  *start_date,
                              const char                  *end_date,
                              gboolean                     auto_renew,
                              guint                        notice_days,
                              SignetContractStatus         status,
                              SignetRiskLevel              risk_level,
                              const char                  *last_review,
                              const char                  *as_of,
                              const SignetReviewIntervals *intervals)
{
  g_return_if_fail (SIGNET_IS_EVENT (self));
  g_return_if_fail (as_of != NULL && strlen (as_of) == 10 && intervals != NULL);

  g_clear_pointer (&self->explanation, g_free);
  self->derived = TRUE;
  copy_date (self->start_date, start_date);
  copy_date (self->end_date, end_date);
  copy_date (self->last_review, last_review);
  g_strlcpy (self->as_of, as_of, sizeof self->as_of);
  self->auto_renew = auto_renew;
  self->notice_days = notice_days;
  self->status = status;
  self->risk_level = risk_level;
  self->intervals = *intervals;
}
