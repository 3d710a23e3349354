/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-contract"

#include "config.h"

#include "signet-contract.h"
#include "signet-enum-types.h"
#include "signet-utils.h"

struct _SignetContract
{
  GObject               parent_instance;

  gint64                id;
  gint64                version;
  char                  *uuid;
  char                  *number;
  char                  *title;
  gint64                client_id;
  char                  *client_name;
  char                  *contract_type;
  char                  *owner;
  char                  *department;
  gint64                value;
  char                  *currency;
  char                  *signing_date;
  char                  *start_date;
  char                  *end_date;
  gboolean              auto_renew;
  guint                 notice_days;
  SignetContractStatus  status;
  SignetRiskLevel       risk_level;
  char                  *tags;
  char                  *notes;
  char                  *their_signing_date;
  char                  *termination_reason;
  char                  *termination_date;
  gboolean              confidential;
};

G_DEFINE_FINAL_TYPE (SignetContract, signet_contract, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_UUID,
  PROP_NUMBER,
  PROP_TITLE,
  PROP_CLIENT_ID,
  PROP_CLIENT_NAME,
  PROP_CONTRACT_TYPE,
  PROP_OWNER,
  PROP_DEPARTMENT,
  PROP_VALUE,
  PROP_CURRENCY,
  PROP_SIGNING_DATE,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_AUTO_RENEW,
  PROP_NOTICE_DAYS,
  PROP_STATUS,
  PROP_RISK_LEVEL,
  PROP_TAGS,
  PROP_NOTES,
  PROP_THEIR_SIGNING_DATE,
  PROP_TERMINATION_REASON,
  PROP_TERMINATION_DATE,
  PROP_CONFIDENTIAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
signet_contract_finalize (GObject *object)
{
  SignetContract *self = (SignetContract *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->client_name, g_free);
  g_clear_pointer (&self->contract_type, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->department, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->signing_date, g_free);
  g_clear_pointer (&self->start_date, g_free);
  g_clear_pointer (&self->end_date, g_free);
  g_clear_pointer (&self->tags, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->their_signing_date, g_free);
  g_clear_pointer (&self->termination_reason, g_free);
  g_clear_pointer (&self->termination_date, g_free);

  G_OBJECT_CLASS (signet_contract_parent_class)->finalize (object);
}

static void
signet_contract_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SignetContract *self = SIGNET_CONTRACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_CLIENT_ID:
      g_value_set_int64 (value, self->client_id);
      break;

    case PROP_CLIENT_NAME:
      g_value_set_string (value, self->client_name);
      break;

    case PROP_CONTRACT_TYPE:
      g_value_set_string (value, self->contract_type);
      break;

    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;

    case PROP_DEPARTMENT:
      g_value_set_string (value, self->department);
      break;

    case PROP_VALUE:
      g_value_set_int64 (value, self->value);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_SIGNING_DATE:
      g_value_set_string (value, self->signing_date);
      break;

    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;

    case PROP_END_DATE:
      g_value_set_string (value, self->end_date);
      break;

    case PROP_AUTO_RENEW:
      g_value_set_boolean (value, self->auto_renew);
      break;

    case PROP_CONFIDENTIAL:
      g_value_set_boolean (value, self->confidential);
      break;

    case PROP_NOTICE_DAYS:
      g_value_set_uint (value, self->notice_days);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_RISK_LEVEL:
      g_value_set_enum (value, self->risk_level);
      break;

    case PROP_TAGS:
      g_value_set_string (value, self->tags);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_THEIR_SIGNING_DATE:
      g_value_set_string (value, self->their_signing_date);
      break;

    case PROP_TERMINATION_REASON:
      g_value_set_string (value, self->termination_reason);
      break;

    case PROP_TERMINATION_DATE:
      g_value_set_string (value, self->termination_date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_contract_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SignetContract *self = SIGNET_CONTRACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      signet_contract_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_VERSION:
      signet_contract_set_version (self, g_value_get_int64 (value));
      break;

    case PROP_UUID:
      signet_contract_set_uuid (self, g_value_get_string (value));
      break;

    case PROP_NUMBER:
      signet_contract_set_number (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      signet_contract_set_title (self, g_value_get_string (value));
      break;

    case PROP_CLIENT_ID:
      signet_contract_set_client_id (self, g_value_get_int64 (value));
      break;

    case PROP_CLIENT_NAME:
      signet_contract_set_client_name (self, g_value_get_string (value));
      break;

    case PROP_CONTRACT_TYPE:
      signet_contract_set_contract_type (self, g_value_get_string (value));
      break;

    case PROP_OWNER:
      signet_contract_set_owner (self, g_value_get_string (value));
      break;

    case PROP_DEPARTMENT:
      signet_contract_set_department (self, g_value_get_string (value));
      break;

    case PROP_VALUE:
      signet_contract_set_value (self, g_value_get_int64 (value));
      break;

    case PROP_CURRENCY:
      signet_contract_set_currency (self, g_value_get_string (value));
      break;

    case PROP_SIGNING_DATE:
      signet_contract_set_signing_date (self, g_value_get_string (value));
      break;

    case PROP_START_DATE:
      signet_contract_set_start_date (self, g_value_get_string (value));
      break;

    case PROP_END_DATE:
      signet_contract_set_end_date (self, g_value_get_string (value));
      break;

    case PROP_AUTO_RENEW:
      signet_contract_set_auto_renew (self, g_value_get_boolean (value));
      break;

    case PROP_CONFIDENTIAL:
      signet_contract_set_confidential (self, g_value_get_boolean (value));
      break;

    case PROP_NOTICE_DAYS:
      signet_contract_set_notice_days (self, g_value_get_uint (value));
      break;

    case PROP_STATUS:
      signet_contract_set_status (self, g_value_get_enum (value));
      break;

    case PROP_RISK_LEVEL:
      signet_contract_set_risk_level (self, g_value_get_enum (value));
      break;

    case PROP_TAGS:
      signet_contract_set_tags (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      signet_contract_set_notes (self, g_value_get_string (value));
      break;

    case PROP_THEIR_SIGNING_DATE:
      signet_contract_set_their_signing_date (self, g_value_get_string (value));
      break;

    case PROP_TERMINATION_REASON:
      signet_contract_set_termination_reason (self, g_value_get_string (value));
      break;

    case PROP_TERMINATION_DATE:
      signet_contract_set_termination_date (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_contract_class_init (SignetContractClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = signet_contract_finalize;
  object_class->get_property = signet_contract_get_property;
  object_class->set_property = signet_contract_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0,
      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CLIENT_ID] =
    g_param_spec_int64 ("client-id", NULL, NULL, 0, G_MAXINT64, 0,
      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CLIENT_NAME] =
    g_param_spec_string ("client-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONTRACT_TYPE] =
    g_param_spec_string ("contract-type", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DEPARTMENT] =
    g_param_spec_string ("department", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_VALUE] =
    g_param_spec_int64 ("value", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SIGNING_DATE] =
    g_param_spec_string ("signing-date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_START_DATE] =
    g_param_spec_string ("start-date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_END_DATE] =
    g_param_spec_string ("end-date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_AUTO_RENEW] =
    g_param_spec_boolean ("auto-renew", NULL, NULL, FALSE,
      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONFIDENTIAL] =
    g_param_spec_boolean ("confidential", NULL, NULL, FALSE,
      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTICE_DAYS] =
    g_param_spec_uint ("notice-days", NULL, NULL, 0, G_MAXUINT, 0,
      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, SIGNET_TYPE_CONTRACT_STATUS, SIGNET_CONTRACT_STATUS_DRAFT,
      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RISK_LEVEL] =
    g_param_spec_enum ("risk-level", NULL, NULL, SIGNET_TYPE_RISK_LEVEL, SIGNET_RISK_LEVEL_LOW,
      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TAGS] =
    g_param_spec_string ("tags", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_THEIR_SIGNING_DATE] =
    g_param_spec_string ("their-signing-date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TERMINATION_REASON] =
    g_param_spec_string ("termination-reason", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TERMINATION_DATE] =
    g_param_spec_string ("termination-date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
signet_contract_init (SignetContract *self)
{
  self->currency = g_strdup ("CNY");
  self->status = SIGNET_CONTRACT_STATUS_DRAFT;
  self->risk_level = SIGNET_RISK_LEVEL_LOW;
}

SignetContract *
signet_contract_new (void)
{
  return g_object_new (SIGNET_TYPE_CONTRACT, NULL);
}

SignetContract *
signet_contract_copy (SignetContract *self)
{
  SignetContract *copy;

  g_return_val_if_fail (SIGNET_IS_CONTRACT (self), NULL);

  copy = signet_contract_new ();
  copy->id = self->id;
  copy->version = self->version;
  signet_set_str (&copy->uuid, self->uuid);
  signet_set_str (&copy->number, self->number);
  signet_set_str (&copy->title, self->title);
  copy->client_id = self->client_id;
  signet_set_str (&copy->client_name, self->client_name);
  signet_set_str (&copy->contract_type, self->contract_type);
  signet_set_str (&copy->owner, self->owner);
  signet_set_str (&copy->department, self->department);
  copy->value = self->value;
  signet_set_str (&copy->currency, self->currency);
  signet_set_str (&copy->signing_date, self->signing_date);
  signet_set_str (&copy->start_date, self->start_date);
  signet_set_str (&copy->end_date, self->end_date);
  copy->auto_renew = self->auto_renew;
  copy->confidential = self->confidential;
  copy->notice_days = self->notice_days;
  copy->status = self->status;
  copy->risk_level = self->risk_level;
  signet_set_str (&copy->tags, self->tags);
  signet_set_str (&copy->notes, self->notes);
  signet_set_str (&copy->their_signing_date, self->their_signing_date);
  signet_set_str (&copy->termination_reason, self->termination_reason);
  signet_set_str (&copy->termination_date, self->termination_date);

  return copy;
}

gboolean
signet_contract_equal (SignetContract *self,
                       SignetContract *other)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT (self), FALSE);
  g_return_val_if_fail (SIGNET_IS_CONTRACT (other), FALSE);

  return self->id == other->id &&
         g_strcmp0 (self->number, other->number) == 0 &&
         g_strcmp0 (self->title, other->title) == 0 &&
         self->client_id == other->client_id &&
         g_strcmp0 (self->client_name, other->client_name) == 0 &&
         g_strcmp0 (self->contract_type, other->contract_type) == 0 &&
         g_strcmp0 (self->owner, other->owner) == 0 &&
         g_strcmp0 (self->department, other->department) == 0 &&
         self->value == other->value &&
         g_strcmp0 (self->currency, other->currency) == 0 &&
         g_strcmp0 (self->signing_date, other->signing_date) == 0 &&
         g_strcmp0 (self->start_date, other->start_date) == 0 &&
         g_strcmp0 (self->end_date, other->end_date) == 0 &&
         self->auto_renew == other->auto_renew &&
         self->confidential == other->confidential &&
         self->notice_days == other->notice_days &&
         self->status == other->status &&
         self->risk_level == other->risk_level &&
         g_strcmp0 (self->tags, other->tags) == 0 &&
         g_strcmp0 (self->notes, other->notes) == 0 &&
         g_strcmp0 (self->their_signing_date, other->their_signing_date) == 0 &&
         g_strcmp0 (self->termination_reason, other->termination_reason) == 0 &&
         g_strcmp0 (self->termination_date, other->termination_date) == 0;
}

gboolean
signet_contract_field_equal (SignetContract *self,
                             SignetContract *other,
                             SignetField     field)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT (self), FALSE);
  g_return_val_if_fail (SIGNET_IS_CONTRACT (other), FALSE);

  switch (field)
    {
    case SIGNET_FIELD_CONTRACT_NUMBER:
      return g_strcmp0 (self->number, other->number) == 0;
    case SIGNET_FIELD_CONTRACT_TITLE:
      return g_strcmp0 (self->title, other->title) == 0;
    case SIGNET_FIELD_CONTRACT_CLIENT:
      return self->client_id == other->client_id;
    case SIGNET_FIELD_CONTRACT_TYPE:
      return g_strcmp0 (self->contract_type, other->contract_type) == 0;
    case SIGNET_FIELD_CONTRACT_OWNER:
      return g_strcmp0 (self->owner, other->owner) == 0;
    case SIGNET_FIELD_CONTRACT_DEPARTMENT:
      return g_strcmp0 (self->department, other->department) == 0;
    case SIGNET_FIELD_CONTRACT_VALUE:
    case SIGNET_FIELD_CONTRACT_CURRENCY:
      return self->value == other->value && g_strcmp0 (self->currency, other->currency) == 0;
    case SIGNET_FIELD_CONTRACT_SIGNING_DATE:
      return g_strcmp0 (self->signing_date, other->signing_date) == 0;
    case SIGNET_FIELD_CONTRACT_START_DATE:
      return g_strcmp0 (self->start_date, other->start_date) == 0;
    case SIGNET_FIELD_CONTRACT_END_DATE:
      return g_strcmp0 (self->end_date, other->end_date) == 0;
    case SIGNET_FIELD_CONTRACT_NOTICE_DAYS:
      return self->notice_days == other->notice_days && self->auto_renew == other->auto_renew;
    case SIGNET_FIELD_CONTRACT_STATUS:
      return self->status == other->status;
    case SIGNET_FIELD_CONTRACT_RISK_LEVEL:
      return self->risk_level == other->risk_level;
    case SIGNET_FIELD_CONTRACT_TAGS:
      return g_strcmp0 (self->tags, other->tags) == 0;
    case SIGNET_FIELD_CONTRACT_NOTES:
      return g_strcmp0 (self->notes, other->notes) == 0;
    case SIGNET_FIELD_CONTRACT_CONFIDENTIAL:
      return self->confidential == other->confidential;
    default:
      g_return_val_if_reached (FALSE);
    }
}

void
signet_contract_copy_field (SignetContract *self,
                            SignetContract *source,
                            SignetField     field)
{
  g_return_if_fail (SIGNET_IS_CONTRACT (self));
  g_return_if_fail (SIGNET_IS_CONTRACT (source));

  switch (field)
    {
    case SIGNET_FIELD_CONTRACT_NUMBER:
      signet_contract_set_number (self, source->number);
      break;
    case SIGNET_FIELD_CONTRACT_TITLE:
      signet_contract_set_title (self, source->title);
      break;
    case SIGNET_FIELD_CONTRACT_CLIENT:
      signet_contract_set_client_id (self, source->client_id);
      signet_contract_set_client_name (self, source->client_name);
      break;
    case SIGNET_FIELD_CONTRACT_TYPE:
      signet_contract_set_contract_type (self, source->contract_type);
      break;
    case SIGNET_FIELD_CONTRACT_OWNER:
      signet_contract_set_owner (self, source->owner);
      break;
    case SIGNET_FIELD_CONTRACT_DEPARTMENT:
      signet_contract_set_department (self, source->department);
      break;
    case SIGNET_FIELD_CONTRACT_VALUE:
    case SIGNET_FIELD_CONTRACT_CURRENCY:
      signet_contract_set_value (self, source->value);
      signet_contract_set_currency (self, source->currency);
      break;
    case SIGNET_FIELD_CONTRACT_SIGNING_DATE:
      signet_contract_set_signing_date (self, source->signing_date);
      break;
    case SIGNET_FIELD_CONTRACT_START_DATE:
      signet_contract_set_start_date (self, source->start_date);
      break;
    case SIGNET_FIELD_CONTRACT_END_DATE:
      signet_contract_set_end_date (self, source->end_date);
      break;
    case SIGNET_FIELD_CONTRACT_NOTICE_DAYS:
      signet_contract_set_notice_days (self, source->notice_days);
      signet_contract_set_auto_renew (self, source->auto_renew);
      break;
    case SIGNET_FIELD_CONTRACT_STATUS:
      signet_contract_set_status (self, source->status);
      break;
    case SIGNET_FIELD_CONTRACT_RISK_LEVEL:
      signet_contract_set_risk_level (self, source->risk_level);
      break;
    case SIGNET_FIELD_CONTRACT_TAGS:
      signet_contract_set_tags (self, source->tags);
      break;
    case SIGNET_FIELD_CONTRACT_NOTES:
      signet_contract_set_notes (self, source->notes);
      break;
    case SIGNET_FIELD_CONTRACT_CONFIDENTIAL:
      signet_contract_set_confidential (self, source->confidential);
      break;
    default:
      g_return_if_reached ();
    }
}

gint64
signet_contract_get_id (SignetContract *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT (self), 0);

  return self->id;
}

void
signet_contract_set_id (SignetContract *self,
                        gint64 id)
{
  g_return_if_fail (SIGNET_IS_CONTRACT (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

gint64
signet_contract_get_version (SignetContract *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT (self), 0);

  return self->version;
}

void
signet_contract_set_version (SignetContract *self,
                             gint64          version)
{
  g_return_if_fail (SIGNET_IS_CONTRACT (self));

  if (self->version != version)
    {
      self->version = version;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
    }
}

const char *
signet_contract_get_uuid (SignetContract *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT (self), NULL);

  return self->uuid;
}

void
signet_contract_set_uuid (SignetContract *self,
                          const char     *uuid)
{
  g_return_if_fail (SIGNET_IS_CONTRACT (self));

  if (signet_set_str (&self->uuid, uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

const char *
signet_contract_get_number (SignetContract *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT (self), NULL);

  return self->number;
}

void
signet_contract_set_number (SignetContract *self,
                            const char     *number)
{
  g_return_if_fail (SIGNET_IS_CONTRACT (self));

  if (signet_set_str (&self->number, number))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

const char *
signet_contract_get_title (SignetContract *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT (self), NULL);

  return self->title;
}

void
signet_contract_set_title (SignetContract *self,
                           const char     *title)
{
  g_return_if_fail (SIGNET_IS_CONTRACT (self));

  if (signet_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gint64
signet_contract_get_client_id (SignetContract *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT (self), 0);

  return self->client_id;
}

void
signet_contract_set_client_id (SignetContract *self,
                               gint64 client_id)
{
  g_return_if_fail (SIGNET_IS_CONTRACT (self));

  if (self->client_id != client_id)
    {
      self->client_id = client_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_ID]);
    }
}

const char *
signet_contract_get_client_name (SignetContract *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT (self), NULL);

  return self->client_name;
}

void
signet_contract_set_client_name (SignetContract *self,
                                 const char     *client_name)
{
  g_return_if_fail (SIGNET_IS_CONTRACT (self));

  if (signet_set_str (&self->client_name, client_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_NAME]);
}

const char *
signet_contract_get_contract_type (SignetContract *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT (self), NULL);

  return self->contract_type;
}

void
signet_contract_set_contract_type (SignetContract *self,
                                   const char     *contract_type)
{
  g_return_if_fail (SIGNET_IS_CONTRACT (self));

  if (signet_set_str (&self->contract_type, contract_type))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTRACT_TYPE]);
}

const char *
signet_contract_get_owner (SignetContract *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT (self), NULL);

  return self->owner;
}

void
signet_contract_set_owner (SignetContract *self,
                           const char     *owner)
{
  g_return_if_fail (SIGNET_IS_CONTRACT (self));

  if (signet_set_str (&self->owner, owner))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER]);
}

const char *
signet_contract_get_department (SignetContract *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT (self), NULL);

  return self->department;
}

void
signet_contract_set_department (SignetContract *self,
                                const char     *department)
{
  g_return_if_fail (SIGNET_IS_CONTRACT (self));

  if (signet_set_str (&self->department, department))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPARTMENT]);
}

gint64
signet_contract_get_value (SignetContract *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT (self), 0);

  return self->value;
}

void
signet_contract_set_value (SignetContract *self,
                           gint64 minor_units)
{
  g_return_if_fail (SIGNET_IS_CONTRACT (self));

  if (self->value != minor_units)
    {
      self->value = minor_units;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
    }
}

const char *
signet_contract_get_currency (SignetContract *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT (self), NULL);

  return self->currency;
}

void
signet_contract_set_currency (SignetContract *self,
                              const char     *currency)
{
  g_return_if_fail (SIGNET_IS_CONTRACT (self));

  if (signet_set_str (&self->currency, currency))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

const char *
signet_contract_get_signing_date (SignetContract *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT (self), NULL);

  return self->signing_date;
}

void
signet_contract_set_signing_date (SignetContract *self,
                                  const char     *date)
{
  g_return_if_fail (SIGNET_IS_CONTRACT (self));

  if (signet_set_str (&self->signing_date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNING_DATE]);
}

const char *
signet_contract_get_start_date (SignetContract *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT (self), NULL);

  return self->start_date;
}

void
signet_contract_set_start_date (SignetContract *self,
                                const char     *date)
{
  g_return_if_fail (SIGNET_IS_CONTRACT (self));

  if (signet_set_str (&self->start_date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_DATE]);
}

const char *
signet_contract_get_end_date (SignetContract *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT (self), NULL);

  return self->end_date;
}

void
signet_contract_set_end_date (SignetContract *self,
                              const char     *date)
{
  g_return_if_fail (SIGNET_IS_CONTRACT (self));

  if (signet_set_str (&self->end_date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_DATE]);
}

gboolean
signet_contract_get_auto_renew (SignetContract *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT (self), 0);

  return self->auto_renew;
}

void
signet_contract_set_auto_renew (SignetContract *self,
                                gboolean auto_renew)
{
  g_return_if_fail (SIGNET_IS_CONTRACT (self));

  auto_renew = !!auto_renew;

  if (self->auto_renew != auto_renew)
    {
      self->auto_renew = auto_renew;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTO_RENEW]);
    }
}

gboolean
signet_contract_get_confidential (SignetContract *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT (self), FALSE);

  return self->confidential;
}

void
signet_contract_set_confidential (SignetContract *self,
                                  gboolean        confidential)
{
  g_return_if_fail (SIGNET_IS_CONTRACT (self));

  confidential = !!confidential;

  if (self->confidential != confidential)
    {
      self->confidential = confidential;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIDENTIAL]);
    }
}

guint
signet_contract_get_notice_days (SignetContract *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT (self), 0);

  return self->notice_days;
}

void
signet_contract_set_notice_days (SignetContract *self,
                                 guint days)
{
  g_return_if_fail (SIGNET_IS_CONTRACT (self));

  if (self->notice_days != days)
    {
      self->notice_days = days;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTICE_DAYS]);
    }
}

SignetContractStatus
signet_contract_get_status (SignetContract *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT (self), 0);

  return self->status;
}

void
signet_contract_set_status (SignetContract *self,
                            SignetContractStatus status)
{
  g_return_if_fail (SIGNET_IS_CONTRACT (self));

  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

SignetRiskLevel
signet_contract_get_risk_level (SignetContract *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT (self), 0);

  return self->risk_level;
}

void
signet_contract_set_risk_level (SignetContract *self,
                                SignetRiskLevel level)
{
  g_return_if_fail (SIGNET_IS_CONTRACT (self));

  if (self->risk_level != level)
    {
      self->risk_level = level;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RISK_LEVEL]);
    }
}

const char *
signet_contract_get_tags (SignetContract *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT (self), NULL);

  return self->tags;
}

void
signet_contract_set_tags (SignetContract *self,
                          const char     *tags)
{
  g_return_if_fail (SIGNET_IS_CONTRACT (self));

  if (signet_set_str (&self->tags, tags))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

const char *
signet_contract_get_notes (SignetContract *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT (self), NULL);

  return self->notes;
}

void
signet_contract_set_notes (SignetContract *self,
                           const char     *notes)
{
  g_return_if_fail (SIGNET_IS_CONTRACT (self));

  if (signet_set_str (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

const char *
signet_contract_get_their_signing_date (SignetContract *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT (self), NULL);

  return self->their_signing_date;
}

void
signet_contract_set_their_signing_date (SignetContract *self,
                                        const char     *date)
{
  g_return_if_fail (SIGNET_IS_CONTRACT (self));

  if (signet_set_str (&self->their_signing_date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEIR_SIGNING_DATE]);
}

const char *
signet_contract_get_termination_reason (SignetContract *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT (self), NULL);

  return self->termination_reason;
}

void
signet_contract_set_termination_reason (SignetContract *self,
                                        const char     *token)
{
  g_return_if_fail (SIGNET_IS_CONTRACT (self));

  if (signet_set_str (&self->termination_reason, token))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERMINATION_REASON]);
}

const char *
signet_contract_get_termination_date (SignetContract *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT (self), NULL);

  return self->termination_date;
}

void
signet_contract_set_termination_date (SignetContract *self,
                                      const char     *date)
{
  g_return_if_fail (SIGNET_IS_CONTRACT (self));

  if (signet_set_str (&self->termination_date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERMINATION_DATE]);
}
