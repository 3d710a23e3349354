/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-person"

#include "config.h"

#include "signet-person.h"
#include "signet-utils.h"

struct _SignetPerson
{
  GObject parent_instance;

  gint64  id;
  gint64  version;
  char   *name;
  char   *department;
  char   *role;
  char   *email;
};

G_DEFINE_FINAL_TYPE (SignetPerson, signet_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_NAME,
  PROP_DEPARTMENT,
  PROP_ROLE,
  PROP_EMAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
signet_person_finalize (GObject *object)
{
  SignetPerson *self = (SignetPerson *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->department, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->email, g_free);

  G_OBJECT_CLASS (signet_person_parent_class)->finalize (object);
}

static char **
text_slot (SignetPerson *self,
           guint         prop_id)
{
  switch (prop_id)
    {
    case PROP_NAME:       return &self->name;
    case PROP_DEPARTMENT: return &self->department;
    case PROP_ROLE:       return &self->role;
    case PROP_EMAIL:      return &self->email;
    default:              return NULL;
    }
}

static void
set_text (SignetPerson *self,
          guint         prop_id,
          const char   *text)
{
  if (signet_set_str (text_slot (self, prop_id), text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
signet_person_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SignetPerson *self = SIGNET_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case PROP_NAME:
    case PROP_DEPARTMENT:
    case PROP_ROLE:
    case PROP_EMAIL:
      g_value_set_string (value, *text_slot (self, prop_id));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_person_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SignetPerson *self = SIGNET_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      signet_person_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_VERSION:
      signet_person_set_version (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
    case PROP_DEPARTMENT:
    case PROP_ROLE:
    case PROP_EMAIL:
      set_text (self, prop_id, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_person_class_init (SignetPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = signet_person_finalize;
  object_class->get_property = signet_person_get_property;
  object_class->set_property = signet_person_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_DEPARTMENT] = g_param_spec_string ("department", NULL, NULL, NULL, flags);
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, NULL, flags);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
signet_person_init (SignetPerson *self)
{
}

SignetPerson *
signet_person_new (void)
{
  return g_object_new (SIGNET_TYPE_PERSON, NULL);
}

SignetPerson *
signet_person_copy (SignetPerson *self)
{
  SignetPerson *copy;

  g_return_val_if_fail (SIGNET_IS_PERSON (self), NULL);

  copy = signet_person_new ();
  copy->id = self->id;
  copy->version = self->version;
  copy->name = g_strdup (self->name);
  copy->department = g_strdup (self->department);
  copy->role = g_strdup (self->role);
  copy->email = g_strdup (self->email);

  return copy;
}

gint64
signet_person_get_id (SignetPerson *self)
{
  g_return_val_if_fail (SIGNET_IS_PERSON (self), 0);

  return self->id;
}

void
signet_person_set_id (SignetPerson *self,
                      gint64        id)
{
  g_return_if_fail (SIGNET_IS_PERSON (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

gint64
signet_person_get_version (SignetPerson *self)
{
  g_return_val_if_fail (SIGNET_IS_PERSON (self), 0);

  return self->version;
}

void
signet_person_set_version (SignetPerson *self,
                           gint64        version)
{
  g_return_if_fail (SIGNET_IS_PERSON (self));

  if (self->version != version)
    {
      self->version = version;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
    }
}

#define TEXT_ACCESSORS(field, PROP)                               \
const char *                                                      \
signet_person_get_##field (SignetPerson *self)                    \
{                                                                 \
  g_return_val_if_fail (SIGNET_IS_PERSON (self), NULL);           \
  return self->field;                                             \
}                                                                 \
                                                                  \
void                                                              \
signet_person_set_##field (SignetPerson *self,                    \
                           const char   *field)                   \
{                                                                 \
  g_return_if_fail (SIGNET_IS_PERSON (self));                     \
  set_text (self, PROP, field);                                   \
}

TEXT_ACCESSORS (name, PROP_NAME)
TEXT_ACCESSORS (department, PROP_DEPARTMENT)
TEXT_ACCESSORS (role, PROP_ROLE)
TEXT_ACCESSORS (email, PROP_EMAIL)
