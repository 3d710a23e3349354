/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-annotation"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "signet-annotation.h"
#include "signet-enum-types.h"

struct _SignetAnnotation
{
  GObject               parent_instance;

  gint64                id;
  gint64                version_id;
  SignetAnnotationKind  kind;
  guint                 page;
  GArray               *rects;
  char                 *color;
  char                 *author;
  char                 *created_at;
  char                 *modified_at;
  char                 *comment;
};

G_DEFINE_FINAL_TYPE (SignetAnnotation, signet_annotation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION_ID,
  PROP_KIND,
  PROP_PAGE,
  PROP_RECTS,
  PROP_COLOR,
  PROP_AUTHOR,
  PROP_CREATED_AT,
  PROP_MODIFIED_AT,
  PROP_COMMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kind_tokens[SIGNET_N_ANNOTATION_KINDS] = {
  "highlight", "underline", "strikeout", "note", "rectangle",
};

/* The shortest of %.15g, %.16g and %.17g that reads back to @value, so that
 * 72.1 is stored as "72.1" and still comes back bit for bit. */
static void
append_number (GString *string,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (int precision = 15; precision <= 17; precision++)
    {
      g_autofree char *format = g_strdup_printf ("%%.%dg", precision);

      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  g_string_append (string, buffer);
}

static void
signet_annotation_finalize (GObject *object)
{
  SignetAnnotation *self = (SignetAnnotation *)object;

  g_clear_pointer (&self->rects, g_array_unref);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->modified_at, g_free);
  g_clear_pointer (&self->comment, g_free);

  G_OBJECT_CLASS (signet_annotation_parent_class)->finalize (object);
}

static void
signet_annotation_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SignetAnnotation *self = SIGNET_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_VERSION_ID:
      g_value_set_int64 (value, self->version_id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    case PROP_RECTS:
      g_value_set_boxed (value, self->rects);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;
    case PROP_MODIFIED_AT:
      g_value_set_string (value, self->modified_at);
      break;
    case PROP_COMMENT:
      g_value_set_string (value, self->comment);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_annotation_class_init (SignetAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = signet_annotation_finalize;
  object_class->get_property = signet_annotation_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_VERSION_ID] =
    g_param_spec_int64 ("version-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       SIGNET_TYPE_ANNOTATION_KIND, SIGNET_ANNOTATION_KIND_HIGHLIGHT,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_RECTS] =
    g_param_spec_boxed ("rects", NULL, NULL, G_TYPE_ARRAY,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_MODIFIED_AT] =
    g_param_spec_string ("modified-at", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_COMMENT] =
    g_param_spec_string ("comment", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
signet_annotation_init (SignetAnnotation *self)
{
}

const char *
signet_annotation_kind_to_token (SignetAnnotationKind kind)
{
  g_return_val_if_fail (kind < SIGNET_N_ANNOTATION_KINDS, NULL);

  return kind_tokens[kind];
}

gboolean
signet_annotation_kind_from_token (const char           *token,
                                   SignetAnnotationKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; token != NULL && i < G_N_ELEMENTS (kind_tokens); i++)
    {
      if (g_str_equal (token, kind_tokens[i]))
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
signet_annotation_kind_to_label (SignetAnnotationKind kind)
{
  switch (kind)
    {
    case SIGNET_ANNOTATION_KIND_HIGHLIGHT: return C_("annotation kind", "Highlight");
    case SIGNET_ANNOTATION_KIND_UNDERLINE: return C_("annotation kind", "Underline");
    case SIGNET_ANNOTATION_KIND_STRIKEOUT: return C_("annotation kind", "Strike-Out");
    case SIGNET_ANNOTATION_KIND_NOTE:      return C_("annotation kind", "Note");
    case SIGNET_ANNOTATION_KIND_RECTANGLE: return C_("annotation kind", "Rectangle");
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
signet_annotation_rects_to_string (const SignetAnnotationRect *rects,
                                   guint                       n_rects)
{
  GString *string = g_string_new (NULL);

  g_return_val_if_fail (rects != NULL || n_rects == 0, NULL);

  for (guint i = 0; i < n_rects; i++)
    {
      const double numbers[] = { rects[i].x1, rects[i].y1, rects[i].x2, rects[i].y2 };

      for (guint j = 0; j < G_N_ELEMENTS (numbers); j++)
        {
          if (string->len > 0)
            g_string_append_c (string, ' ');
          append_number (string, numbers[j]);
        }
    }

  return g_string_free (string, FALSE);
}

GArray *
signet_annotation_rects_parse (const char *text)
{
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (double));
  const char *p = text;
  GArray *rects;

  if (text == NULL)
    return NULL;

  for (;;)
    {
      char *end;
      double value;

      while (*p == ' ')
        p++;
      if (*p == '\0')
        break;

      value = g_ascii_strtod (p, &end);
      if (end == p || (*end != ' ' && *end != '\0') || !isfinite (value))
        return NULL;

      g_array_append_val (numbers, value);
      p = end;
    }

  if (numbers->len == 0 || numbers->len % 4 != 0)
    return NULL;

  rects = g_array_sized_new (FALSE, FALSE, sizeof (SignetAnnotationRect), numbers->len / 4);
  g_array_append_vals (rects, numbers->data, numbers->len / 4);

  return rects;
}

gboolean
signet_annotation_color_is_valid (const char *color)
{
  if (color == NULL || color[0] != '#')
    return FALSE;

  for (guint i = 1; i <= 6; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;

  return color[7] == '\0';
}

SignetAnnotation *
signet_annotation_new (gint64                      id,
                       gint64                      version_id,
                       SignetAnnotationKind        kind,
                       guint                       page,
                       const SignetAnnotationRect *rects,
                       guint                       n_rects,
                       const char                 *color,
                       const char                 *author,
                       const char                 *created_at,
                       const char                 *modified_at,
                       const char                 *comment)
{
  SignetAnnotation *self;

  g_return_val_if_fail (kind < SIGNET_N_ANNOTATION_KINDS, NULL);
  g_return_val_if_fail (rects != NULL && n_rects > 0, NULL);

  self = g_object_new (SIGNET_TYPE_ANNOTATION, NULL);
  self->id = id;
  self->version_id = version_id;
  self->kind = kind;
  self->page = page;
  self->rects = g_array_sized_new (FALSE, FALSE, sizeof (SignetAnnotationRect), n_rects);
  g_array_append_vals (self->rects, rects, n_rects);
  self->color = g_strdup (color);
  self->author = g_strdup (author);
  self->created_at = g_strdup (created_at);
  self->modified_at = g_strdup (modified_at);
  self->comment = g_strdup (comment != NULL ? comment : "");

  return self;
}

gint64
signet_annotation_get_id (SignetAnnotation *self)
{
  g_return_val_if_fail (SIGNET_IS_ANNOTATION (self), 0);

  return self->id;
}

gint64
signet_annotation_get_version_id (SignetAnnotation *self)
{
  g_return_val_if_fail (SIGNET_IS_ANNOTATION (self), 0);

  return self->version_id;
}

SignetAnnotationKind
signet_annotation_get_kind (SignetAnnotation *self)
{
  g_return_val_if_fail (SIGNET_IS_ANNOTATION (self), SIGNET_ANNOTATION_KIND_HIGHLIGHT);

  return self->kind;
}

guint
signet_annotation_get_page (SignetAnnotation *self)
{
  g_return_val_if_fail (SIGNET_IS_ANNOTATION (self), 0);

  return self->page;
}

GArray *
signet_annotation_get_rects (SignetAnnotation *self)
{
  g_return_val_if_fail (SIGNET_IS_ANNOTATION (self), NULL);

  return self->rects;
}

void
signet_annotation_get_bounds (SignetAnnotation     *self,
                              SignetAnnotationRect *bounds)
{
  g_return_if_fail (SIGNET_IS_ANNOTATION (self));
  g_return_if_fail (bounds != NULL);

  *bounds = g_array_index (self->rects, SignetAnnotationRect, 0);
  for (guint i = 1; i < self->rects->len; i++)
    {
      const SignetAnnotationRect *r = &g_array_index (self->rects, SignetAnnotationRect, i);

      bounds->x1 = MIN (bounds->x1, r->x1);
      bounds->y1 = MIN (bounds->y1, r->y1);
      bounds->x2 = MAX (bounds->x2, r->x2);
      bounds->y2 = MAX (bounds->y2, r->y2);
    }
}

const char *
signet_annotation_get_color (SignetAnnotation *self)
{
  g_return_val_if_fail (SIGNET_IS_ANNOTATION (self), NULL);

  return self->color;
}

const char *
signet_annotation_get_author (SignetAnnotation *self)
{
  g_return_val_if_fail (SIGNET_IS_ANNOTATION (self), NULL);

  return self->author;
}

const char *
signet_annotation_get_created_at (SignetAnnotation *self)
{
  g_return_val_if_fail (SIGNET_IS_ANNOTATION (self), NULL);

  return self->created_at;
}

const char *
signet_annotation_get_modified_at (SignetAnnotation *self)
{
  g_return_val_if_fail (SIGNET_IS_ANNOTATION (self), NULL);

  return self->modified_at;
}

const char *
signet_annotation_get_comment (SignetAnnotation *self)
{
  g_return_val_if_fail (SIGNET_IS_ANNOTATION (self), NULL);

  return self->comment;
}
