/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-client"

#include "config.h"

#include "signet-client.h"
#include "signet-utils.h"

struct _SignetClient
{
  GObject parent_instance;

  gint64  id;
  gint64  version;
  char   *name;
  char   *code;
  char   *contact;
  char   *phone;
  char   *email;
  char   *address;
  char   *notes;
};

G_DEFINE_FINAL_TYPE (SignetClient, signet_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_NAME,
  PROP_CODE,
  PROP_CONTACT,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_ADDRESS,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
signet_client_finalize (GObject *object)
{
  SignetClient *self = (SignetClient *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->contact, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (signet_client_parent_class)->finalize (object);
}

static void
signet_client_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SignetClient *self = SIGNET_CLIENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_CONTACT:
      g_value_set_string (value, self->contact);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_client_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SignetClient *self = SIGNET_CLIENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      signet_client_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_VERSION:
      signet_client_set_version (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      signet_client_set_name (self, g_value_get_string (value));
      break;
    case PROP_CODE:
      signet_client_set_code (self, g_value_get_string (value));
      break;
    case PROP_CONTACT:
      signet_client_set_contact (self, g_value_get_string (value));
      break;
    case PROP_PHONE:
      signet_client_set_phone (self, g_value_get_string (value));
      break;
    case PROP_EMAIL:
      signet_client_set_email (self, g_value_get_string (value));
      break;
    case PROP_ADDRESS:
      signet_client_set_address (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      signet_client_set_notes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_client_class_init (SignetClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = signet_client_finalize;
  object_class->get_property = signet_client_get_property;
  object_class->set_property = signet_client_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONTACT] =
    g_param_spec_string ("contact", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
signet_client_init (SignetClient *self)
{
}

SignetClient *
signet_client_new (void)
{
  return g_object_new (SIGNET_TYPE_CLIENT, NULL);
}

SignetClient *
signet_client_copy (SignetClient *self)
{
  SignetClient *copy;

  g_return_val_if_fail (SIGNET_IS_CLIENT (self), NULL);

  copy = signet_client_new ();
  copy->id = self->id;
  copy->version = self->version;
  copy->name = g_strdup (self->name);
  copy->code = g_strdup (self->code);
  copy->contact = g_strdup (self->contact);
  copy->phone = g_strdup (self->phone);
  copy->email = g_strdup (self->email);
  copy->address = g_strdup (self->address);
  copy->notes = g_strdup (self->notes);

  return copy;
}

gint64
signet_client_get_id (SignetClient *self)
{
  g_return_val_if_fail (SIGNET_IS_CLIENT (self), 0);

  return self->id;
}

void
signet_client_set_id (SignetClient *self,
                      gint64        id)
{
  g_return_if_fail (SIGNET_IS_CLIENT (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

gint64
signet_client_get_version (SignetClient *self)
{
  g_return_val_if_fail (SIGNET_IS_CLIENT (self), 0);

  return self->version;
}

void
signet_client_set_version (SignetClient *self,
                           gint64        version)
{
  g_return_if_fail (SIGNET_IS_CLIENT (self));

  if (self->version != version)
    {
      self->version = version;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
    }
}

/* The field's string in @self, which the setter of the same field takes. */
static char **
field_slot (SignetClient *self,
            SignetField   field)
{
  switch (field)
    {
    case SIGNET_FIELD_CLIENT_NAME:
      return &self->name;
    case SIGNET_FIELD_CLIENT_CODE:
      return &self->code;
    case SIGNET_FIELD_CLIENT_CONTACT:
      return &self->contact;
    case SIGNET_FIELD_CLIENT_PHONE:
      return &self->phone;
    case SIGNET_FIELD_CLIENT_EMAIL:
      return &self->email;
    case SIGNET_FIELD_CLIENT_ADDRESS:
      return &self->address;
    case SIGNET_FIELD_CLIENT_NOTES:
      return &self->notes;
    default:
      return NULL;
    }
}

const char *
signet_client_get_field (SignetClient *self,
                         SignetField   field)
{
  char **slot;

  g_return_val_if_fail (SIGNET_IS_CLIENT (self), NULL);

  slot = field_slot (self, field);
  g_return_val_if_fail (slot != NULL, NULL);

  return *slot;
}

void
signet_client_set_field (SignetClient *self,
                         SignetField   field,
                         const char   *text)
{
  char **slot;

  g_return_if_fail (SIGNET_IS_CLIENT (self));

  slot = field_slot (self, field);
  g_return_if_fail (slot != NULL);

  /* The properties of the fields come in the order of the fields. */
  G_STATIC_ASSERT (PROP_NOTES - PROP_NAME == SIGNET_FIELD_CLIENT_NOTES - SIGNET_FIELD_CLIENT_NAME);
  if (signet_set_str (slot, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME + (field - SIGNET_FIELD_CLIENT_NAME)]);
}

const char *
signet_client_get_name (SignetClient *self)
{
  g_return_val_if_fail (SIGNET_IS_CLIENT (self), NULL);

  return self->name;
}

void
signet_client_set_name (SignetClient *self,
                        const char   *name)
{
  g_return_if_fail (SIGNET_IS_CLIENT (self));

  if (signet_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
signet_client_get_code (SignetClient *self)
{
  g_return_val_if_fail (SIGNET_IS_CLIENT (self), NULL);

  return self->code;
}

void
signet_client_set_code (SignetClient *self,
                        const char   *code)
{
  g_return_if_fail (SIGNET_IS_CLIENT (self));

  if (signet_set_str (&self->code, code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

const char *
signet_client_get_contact (SignetClient *self)
{
  g_return_val_if_fail (SIGNET_IS_CLIENT (self), NULL);

  return self->contact;
}

void
signet_client_set_contact (SignetClient *self,
                           const char   *contact)
{
  g_return_if_fail (SIGNET_IS_CLIENT (self));

  if (signet_set_str (&self->contact, contact))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT]);
}

const char *
signet_client_get_phone (SignetClient *self)
{
  g_return_val_if_fail (SIGNET_IS_CLIENT (self), NULL);

  return self->phone;
}

void
signet_client_set_phone (SignetClient *self,
                         const char   *phone)
{
  g_return_if_fail (SIGNET_IS_CLIENT (self));

  if (signet_set_str (&self->phone, phone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

const char *
signet_client_get_email (SignetClient *self)
{
  g_return_val_if_fail (SIGNET_IS_CLIENT (self), NULL);

  return self->email;
}

void
signet_client_set_email (SignetClient *self,
                         const char   *email)
{
  g_return_if_fail (SIGNET_IS_CLIENT (self));

  if (signet_set_str (&self->email, email))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

const char *
signet_client_get_address (SignetClient *self)
{
  g_return_val_if_fail (SIGNET_IS_CLIENT (self), NULL);

  return self->address;
}

void
signet_client_set_address (SignetClient *self,
                           const char   *address)
{
  g_return_if_fail (SIGNET_IS_CLIENT (self));

  if (signet_set_str (&self->address, address))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESS]);
}

const char *
signet_client_get_notes (SignetClient *self)
{
  g_return_val_if_fail (SIGNET_IS_CLIENT (self), NULL);

  return self->notes;
}

void
signet_client_set_notes (SignetClient *self,
                         const char   *notes)
{
  g_return_if_fail (SIGNET_IS_CLIENT (self));

  if (signet_set_str (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}
