/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-annotation-layer"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "signet-annotation-layer-private.h"
#include "signet-error-dialog.h"
#include "signet-store-attachments.h"
#include "signet-tombstone.h"
#include "signet-undo.h"

G_DEFINE_FINAL_TYPE (SignetAnnotationLayer, signet_annotation_layer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TOOL,
  PROP_COLOR,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ANNOTATION_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Keeping up with the store */

static gboolean
same_annotation (SignetAnnotation *a,
                 SignetAnnotation *b)
{
  return signet_annotation_get_id (a) == signet_annotation_get_id (b) &&
         g_strcmp0 (signet_annotation_get_modified_at (a), signet_annotation_get_modified_at (b)) == 0 &&
         g_strcmp0 (signet_annotation_get_color (a), signet_annotation_get_color (b)) == 0 &&
         g_strcmp0 (signet_annotation_get_comment (a), signet_annotation_get_comment (b)) == 0;
}

/* Replaces only the annotations that changed, so that a list showing them
 * keeps the rows (and the focus in them) of the others. */
static void
reload (SignetAnnotationLayer *self)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->annotations));
  gboolean same_ids;

  list = signet_store_list_annotations (self->store, self->version_id, &error);
  if (list == NULL)
    {
      g_warning ("The annotations of version %" G_GINT64_FORMAT " cannot be read: %s",
                 self->version_id, error->message);
      list = g_ptr_array_new_with_free_func (g_object_unref);
    }

  same_ids = list->len == n_old;
  for (guint i = 0; same_ids && i < n_old; i++)
    {
      g_autoptr(SignetAnnotation) old = g_list_model_get_item (G_LIST_MODEL (self->annotations), i);

      same_ids = signet_annotation_get_id (old) == signet_annotation_get_id (g_ptr_array_index (list, i));
    }

  if (!same_ids)
    {
      g_list_store_splice (self->annotations, 0, n_old, list->pdata, list->len);
    }
  else
    {
      for (guint i = 0; i < list->len; i++)
        {
          g_autoptr(SignetAnnotation) old = g_list_model_get_item (G_LIST_MODEL (self->annotations), i);

          if (!same_annotation (old, g_ptr_array_index (list, i)))
            g_list_store_splice (self->annotations, i, 1, &list->pdata[i], 1);
        }
    }

  if (self->selected != 0 && signet_annotation_layer_lookup (self, self->selected) == NULL)
    signet_annotation_layer_set_selected (self, 0);

  signet_pdf_viewer_queue_overlay_redraw (self->viewer);
}

static void
store_changed_cb (SignetAnnotationLayer *self,
                  SignetRecordKind       kind,
                  gint64                 id,
                  SignetChangeKind       change,
                  SignetStore           *store)
{
  if (kind == SIGNET_RECORD_CONTRACT && id == self->contract_id)
    reload (self);
}

static void
store_reset_cb (SignetAnnotationLayer *self,
                SignetStore           *store)
{
  reload (self);
}

/* Private API */

SignetAnnotation *
signet_annotation_layer_add (SignetAnnotationLayer      *self,
                             SignetAnnotationKind        kind,
                             guint                       page,
                             const SignetAnnotationRect *rects,
                             guint                       n_rects)
{
  g_autoptr(GError) error = NULL;
  SignetAnnotation *annotation;

  annotation = signet_store_add_annotation (self->store, self->version_id, kind, page, rects, n_rects,
                                            self->color, NULL, &error);
  if (annotation == NULL)
    signet_error_dialog_show (GTK_WIDGET (self->viewer), _("The Annotation Was Not Saved"), error);

  return annotation;
}

void
signet_annotation_layer_emit_added (SignetAnnotationLayer *self,
                                    SignetAnnotation      *annotation)
{
  g_signal_emit (self, signals[ANNOTATION_ADDED], 0, annotation);
}

/* GObject */

static void
signet_annotation_layer_dispose (GObject *object)
{
  SignetAnnotationLayer *self = (SignetAnnotationLayer *) object;

  signet_annotation_layer_detach_tools (self);

  if (self->viewer != NULL)
    {
      signet_pdf_viewer_set_overlay_func (self->viewer, NULL, NULL, NULL);
      g_clear_object (&self->viewer);
    }

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      g_clear_object (&self->store);
    }

  g_clear_object (&self->annotations);

  G_OBJECT_CLASS (signet_annotation_layer_parent_class)->dispose (object);
}

static void
signet_annotation_layer_finalize (GObject *object)
{
  SignetAnnotationLayer *self = (SignetAnnotationLayer *) object;

  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (signet_annotation_layer_parent_class)->finalize (object);
}

static void
signet_annotation_layer_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SignetAnnotationLayer *self = SIGNET_ANNOTATION_LAYER (object);

  switch (prop_id)
    {
    case PROP_TOOL:
      g_value_set_uint (value, self->tool);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_SELECTED:
      g_value_set_int64 (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_annotation_layer_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  SignetAnnotationLayer *self = SIGNET_ANNOTATION_LAYER (object);

  switch (prop_id)
    {
    case PROP_TOOL:
      signet_annotation_layer_set_tool (self, g_value_get_uint (value));
      break;

    case PROP_COLOR:
      signet_annotation_layer_set_color (self, g_value_get_string (value));
      break;

    case PROP_SELECTED:
      signet_annotation_layer_set_selected (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_annotation_layer_class_init (SignetAnnotationLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = signet_annotation_layer_dispose;
  object_class->finalize = signet_annotation_layer_finalize;
  object_class->get_property = signet_annotation_layer_get_property;
  object_class->set_property = signet_annotation_layer_set_property;

  /* A SignetAnnotationTool. */
  properties[PROP_TOOL] =
    g_param_spec_uint ("tool", NULL, NULL,
                       SIGNET_ANNOTATION_TOOL_NONE, SIGNET_ANNOTATION_TOOL_RECTANGLE,
                       SIGNET_ANNOTATION_TOOL_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SELECTED] =
    g_param_spec_int64 ("selected", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ANNOTATION_ADDED] =
    g_signal_new ("annotation-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SIGNET_TYPE_ANNOTATION);
}

static void
signet_annotation_layer_init (SignetAnnotationLayer *self)
{
  self->annotations = g_list_store_new (SIGNET_TYPE_ANNOTATION);
  guint n_colors;

  self->color = g_strdup (signet_annotation_colors (&n_colors)[0].color);
}

/* Public API */

SignetAnnotationLayer *
signet_annotation_layer_new (SignetPdfViewer *viewer,
                             SignetStore     *store,
                             gint64           contract_id,
                             gint64           version_id)
{
  SignetAnnotationLayer *self;

  g_return_val_if_fail (SIGNET_IS_PDF_VIEWER (viewer), NULL);
  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);

  self = g_object_new (SIGNET_TYPE_ANNOTATION_LAYER, NULL);
  self->viewer = g_object_ref (viewer);
  self->store = g_object_ref (store);
  self->contract_id = contract_id;
  self->version_id = version_id;

  signet_annotation_layer_attach_tools (self);

  signet_pdf_viewer_set_overlay_func (viewer, signet_annotation_layer_draw_page, self, NULL);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "reset", G_CALLBACK (store_reset_cb), self, G_CONNECT_SWAPPED);
  reload (self);

  return self;
}

SignetPdfViewer *
signet_annotation_layer_get_viewer (SignetAnnotationLayer *self)
{
  g_return_val_if_fail (SIGNET_IS_ANNOTATION_LAYER (self), NULL);

  return self->viewer;
}

SignetStore *
signet_annotation_layer_get_store (SignetAnnotationLayer *self)
{
  g_return_val_if_fail (SIGNET_IS_ANNOTATION_LAYER (self), NULL);

  return self->store;
}

gint64
signet_annotation_layer_get_version_id (SignetAnnotationLayer *self)
{
  g_return_val_if_fail (SIGNET_IS_ANNOTATION_LAYER (self), 0);

  return self->version_id;
}

GListModel *
signet_annotation_layer_get_annotations (SignetAnnotationLayer *self)
{
  g_return_val_if_fail (SIGNET_IS_ANNOTATION_LAYER (self), NULL);

  return G_LIST_MODEL (self->annotations);
}

SignetAnnotation *
signet_annotation_layer_lookup (SignetAnnotationLayer *self,
                                gint64                 annotation_id)
{
  GListModel *model;

  g_return_val_if_fail (SIGNET_IS_ANNOTATION_LAYER (self), NULL);

  model = G_LIST_MODEL (self->annotations);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SignetAnnotation) annotation = g_list_model_get_item (model, i);

      if (signet_annotation_get_id (annotation) == annotation_id)
        return annotation;
    }

  return NULL;
}

SignetAnnotationTool
signet_annotation_layer_get_tool (SignetAnnotationLayer *self)
{
  g_return_val_if_fail (SIGNET_IS_ANNOTATION_LAYER (self), SIGNET_ANNOTATION_TOOL_NONE);

  return self->tool;
}

void
signet_annotation_layer_set_tool (SignetAnnotationLayer *self,
                                  SignetAnnotationTool   tool)
{
  g_return_if_fail (SIGNET_IS_ANNOTATION_LAYER (self));
  g_return_if_fail (tool <= SIGNET_ANNOTATION_TOOL_RECTANGLE);

  if (self->tool == tool)
    return;

  self->tool = tool;
  if (self->dragging)
    {
      self->dragging = FALSE;
      signet_pdf_viewer_queue_overlay_redraw (self->viewer);
    }
  signet_annotation_layer_update_cursor (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOL]);
}

void
signet_annotation_layer_set_color (SignetAnnotationLayer *self,
                                   const char            *color)
{
  g_autofree char *lower = NULL;

  g_return_if_fail (SIGNET_IS_ANNOTATION_LAYER (self));

  if (!signet_annotation_color_is_valid (color))
    return;

  lower = g_ascii_strdown (color, -1);
  if (g_strcmp0 (self->color, lower) == 0)
    return;

  g_free (self->color);
  self->color = g_steal_pointer (&lower);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

gint64
signet_annotation_layer_get_selected (SignetAnnotationLayer *self)
{
  g_return_val_if_fail (SIGNET_IS_ANNOTATION_LAYER (self), 0);

  return self->selected;
}

void
signet_annotation_layer_set_selected (SignetAnnotationLayer *self,
                                      gint64                 annotation_id)
{
  g_return_if_fail (SIGNET_IS_ANNOTATION_LAYER (self));

  if (annotation_id != 0 && signet_annotation_layer_lookup (self, annotation_id) == NULL)
    annotation_id = 0;

  if (self->selected == annotation_id)
    return;

  self->selected = annotation_id;
  signet_pdf_viewer_queue_overlay_redraw (self->viewer);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

void
signet_annotation_layer_reveal (SignetAnnotationLayer *self,
                                gint64                 annotation_id)
{
  SignetAnnotation *annotation;

  g_return_if_fail (SIGNET_IS_ANNOTATION_LAYER (self));

  annotation = signet_annotation_layer_lookup (self, annotation_id);
  if (annotation == NULL)
    return;

  signet_annotation_layer_set_selected (self, annotation_id);
  signet_pdf_viewer_go_to_page (self->viewer, signet_annotation_get_page (annotation));
}

GPtrArray *
signet_annotation_layer_mark_selection (SignetAnnotationLayer *self,
                                        SignetAnnotationKind   kind)
{
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GPtrArray) made = NULL;

  g_return_val_if_fail (SIGNET_IS_ANNOTATION_LAYER (self), NULL);
  g_return_val_if_fail (kind == SIGNET_ANNOTATION_KIND_HIGHLIGHT ||
                        kind == SIGNET_ANNOTATION_KIND_UNDERLINE ||
                        kind == SIGNET_ANNOTATION_KIND_STRIKEOUT, NULL);

  matches = signet_pdf_viewer_get_selection_rects (self->viewer);
  made = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < matches->len; i++)
    {
      const SignetPdfMatch *match = g_ptr_array_index (matches, i);
      g_autoptr(GArray) rects = g_array_sized_new (FALSE, FALSE, sizeof (SignetAnnotationRect), match->n_rects);
      SignetAnnotation *annotation;

      for (guint j = 0; j < match->n_rects; j++)
        {
          const SignetPdfRect *r = &match->rects[j];
          SignetAnnotationRect rect = { r->x, r->y, r->x + r->width, r->y + r->height };

          g_array_append_val (rects, rect);
        }

      annotation = signet_annotation_layer_add (self, kind, match->page,
                                   (const SignetAnnotationRect *) (gpointer) rects->data, rects->len);
      if (annotation == NULL)
        return NULL;

      g_ptr_array_add (made, annotation);
    }

  if (made->len == 0)
    return g_steal_pointer (&made);

  /* The selection would hide the mark just made. */
  signet_pdf_page_view_clear_selection (self->page_view);
  signet_annotation_layer_set_selected (self, signet_annotation_get_id (g_ptr_array_index (made, made->len - 1)));
  for (guint i = 0; i < made->len; i++)
    signet_annotation_layer_emit_added (self, g_ptr_array_index (made, i));

  return g_steal_pointer (&made);
}

void
signet_annotation_layer_delete (SignetAnnotationLayer *self,
                                gint64                 annotation_id)
{
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SIGNET_IS_ANNOTATION_LAYER (self));

  tombstone = signet_store_delete (self->store, SIGNET_TOMBSTONE_ANNOTATION, annotation_id, &error);
  if (tombstone == NULL)
    {
      signet_error_dialog_show (GTK_WIDGET (self->viewer), _("The Annotation Was Not Deleted"), error);
      return;
    }

  signet_undo_offer (GTK_WIDGET (self->viewer), self->store, tombstone);
}
