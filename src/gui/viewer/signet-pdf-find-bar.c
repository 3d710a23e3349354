/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-pdf-find-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-pdf-find-bar.h"

struct _SignetPdfFindBar
{
  GtkWidget          parent_instance;

  GtkWidget         *box;
  GtkSearchEntry    *entry;
  GtkLabel          *status_label;

  SignetPdfDocument *document;
  GCancellable      *cancellable;
  GPtrArray         *matches;
  int                current;
  guint              start_page;
  gboolean           searching;
  char              *error;
};

G_DEFINE_FINAL_TYPE (SignetPdfFindBar, signet_pdf_find_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SEARCHING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_MATCHES_CHANGED,
  SIGNAL_CURRENT_CHANGED,
  SIGNAL_CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_status (SignetPdfFindBar *self)
{
  g_autofree char *status = NULL;
  gboolean not_found = FALSE;

  if (self->searching)
    status = g_strdup (_("Searching…"));
  else if (self->error != NULL)
    status = g_strdup (self->error);
  else if (self->matches != NULL && self->matches->len > 0)
    /* Translators: the current match and the number of matches, as in "3 of 17". */
    status = g_strdup_printf (_("%d of %u"), self->current + 1, self->matches->len);
  else if (self->matches != NULL)
    {
      status = g_strdup (_("No matches"));
      not_found = TRUE;
    }

  gtk_label_set_text (self->status_label, status != NULL ? status : "");

  if (not_found)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "find.next",
                                 self->matches != NULL && self->matches->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "find.previous",
                                 self->matches != NULL && self->matches->len > 0);
}

static void
set_searching (SignetPdfFindBar *self,
               gboolean          searching)
{
  if (self->searching == searching)
    return;

  self->searching = searching;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

static void
cancel_search (SignetPdfFindBar *self)
{
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
}

static void
clear_results (SignetPdfFindBar *self)
{
  cancel_search (self);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->error, g_free);
  self->current = -1;
  set_searching (self, FALSE);
}

static int
first_match_from (GPtrArray *matches,
                  guint      page)
{
  for (guint i = 0; i < matches->len; i++)
    {
      const SignetPdfMatch *match = g_ptr_array_index (matches, i);

      if (match->page >= page)
        return (int) i;
    }

  /* Past the last match the search goes round to the first. */
  return matches->len > 0 ? 0 : -1;
}

static void
text_found_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SignetPdfFindBar) self = user_data;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;

  matches = signet_pdf_document_find_text_finish (SIGNET_PDF_DOCUMENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_searching (self, FALSE);

  if (matches == NULL)
    {
      self->error = g_strdup (error->message);
    }
  else
    {
      self->matches = g_steal_pointer (&matches);
      self->current = first_match_from (self->matches, self->start_page);
    }

  update_status (self);
  g_signal_emit (self, signals[SIGNAL_MATCHES_CHANGED], 0);
  g_signal_emit (self, signals[SIGNAL_CURRENT_CHANGED], 0);
}

static void
start_search (SignetPdfFindBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  clear_results (self);

  if (self->document != NULL && *text != '\0')
    {
      self->cancellable = g_cancellable_new ();
      set_searching (self, TRUE);
      signet_pdf_document_find_text_async (self->document, text, G_PRIORITY_DEFAULT,
                                           NULL, NULL, NULL,
                                           self->cancellable, text_found_cb, g_object_ref (self));
    }

  update_status (self);
  g_signal_emit (self, signals[SIGNAL_MATCHES_CHANGED], 0);
  g_signal_emit (self, signals[SIGNAL_CURRENT_CHANGED], 0);
}

static void
step (SignetPdfFindBar *self,
      int               delta)
{
  int n;

  if (self->matches == NULL || self->matches->len == 0)
    return;

  n = (int) self->matches->len;
  self->current = ((self->current + delta) % n + n) % n;

  update_status (self);
  g_signal_emit (self, signals[SIGNAL_CURRENT_CHANGED], 0);
}

static void
search_changed_cb (SignetPdfFindBar *self,
                   GtkSearchEntry   *entry)
{
  start_search (self);
}

static void
entry_activated_cb (SignetPdfFindBar *self,
                    GtkSearchEntry   *entry)
{
  signet_pdf_find_bar_next (self);
}

static void
next_match_cb (SignetPdfFindBar *self,
               GtkSearchEntry   *entry)
{
  signet_pdf_find_bar_next (self);
}

static void
previous_match_cb (SignetPdfFindBar *self,
                   GtkSearchEntry   *entry)
{
  signet_pdf_find_bar_previous (self);
}

static void
stop_search_cb (SignetPdfFindBar *self,
                GtkSearchEntry   *entry)
{
  g_signal_emit (self, signals[SIGNAL_CLOSED], 0);
}

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  signet_pdf_find_bar_next (SIGNET_PDF_FIND_BAR (widget));
}

static void
previous_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  signet_pdf_find_bar_previous (SIGNET_PDF_FIND_BAR (widget));
}

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_CLOSED], 0);
}

static gboolean
signet_pdf_find_bar_grab_focus (GtkWidget *widget)
{
  SignetPdfFindBar *self = SIGNET_PDF_FIND_BAR (widget);

  if (!gtk_widget_grab_focus (GTK_WIDGET (self->entry)))
    return FALSE;

  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);

  return TRUE;
}

static void
signet_pdf_find_bar_dispose (GObject *object)
{
  SignetPdfFindBar *self = (SignetPdfFindBar *) object;

  clear_results (self);
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (object), SIGNET_TYPE_PDF_FIND_BAR);

  G_OBJECT_CLASS (signet_pdf_find_bar_parent_class)->dispose (object);
}

static void
signet_pdf_find_bar_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SignetPdfFindBar *self = SIGNET_PDF_FIND_BAR (object);

  switch (prop_id)
    {
    case PROP_SEARCHING:
      g_value_set_boolean (value, self->searching);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_pdf_find_bar_class_init (SignetPdfFindBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_pdf_find_bar_dispose;
  object_class->get_property = signet_pdf_find_bar_get_property;

  widget_class->grab_focus = signet_pdf_find_bar_grab_focus;

  properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_MATCHES_CHANGED] =
    g_signal_new ("matches-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signals[SIGNAL_CURRENT_CHANGED] =
    g_signal_new ("current-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signals[SIGNAL_CLOSED] =
    g_signal_new ("closed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "find.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "find.previous", NULL, previous_activated);
  gtk_widget_class_install_action (widget_class, "find.close", NULL, close_activated);

  /* Enter goes forward through the entry's own activate signal, after the
   * input method has had the key; Shift+Enter is not the input method's. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_SHIFT_MASK, "find.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_SHIFT_MASK, "find.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, GDK_SHIFT_MASK, "find.previous", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-pdf-find-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetPdfFindBar, box);
  gtk_widget_class_bind_template_child (widget_class, SignetPdfFindBar, entry);
  gtk_widget_class_bind_template_child (widget_class, SignetPdfFindBar, status_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, previous_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "signet-pdf-find-bar");
}

static void
signet_pdf_find_bar_init (SignetPdfFindBar *self)
{
  self->current = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
  update_status (self);
}

GtkWidget *
signet_pdf_find_bar_new (void)
{
  return g_object_new (SIGNET_TYPE_PDF_FIND_BAR, NULL);
}

void
signet_pdf_find_bar_set_document (SignetPdfFindBar  *self,
                                  SignetPdfDocument *document)
{
  g_return_if_fail (SIGNET_IS_PDF_FIND_BAR (self));
  g_return_if_fail (document == NULL || SIGNET_IS_PDF_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  self->start_page = 0;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  start_search (self);
}

void
signet_pdf_find_bar_set_start_page (SignetPdfFindBar *self,
                                    guint             page)
{
  g_return_if_fail (SIGNET_IS_PDF_FIND_BAR (self));

  self->start_page = page;
}

const char *
signet_pdf_find_bar_get_text (SignetPdfFindBar *self)
{
  g_return_val_if_fail (SIGNET_IS_PDF_FIND_BAR (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

void
signet_pdf_find_bar_set_text (SignetPdfFindBar *self,
                              const char       *text)
{
  g_return_if_fail (SIGNET_IS_PDF_FIND_BAR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
}

gboolean
signet_pdf_find_bar_get_searching (SignetPdfFindBar *self)
{
  g_return_val_if_fail (SIGNET_IS_PDF_FIND_BAR (self), FALSE);

  return self->searching;
}

GPtrArray *
signet_pdf_find_bar_get_matches (SignetPdfFindBar *self)
{
  g_return_val_if_fail (SIGNET_IS_PDF_FIND_BAR (self), NULL);

  return self->matches;
}

int
signet_pdf_find_bar_get_current (SignetPdfFindBar *self)
{
  g_return_val_if_fail (SIGNET_IS_PDF_FIND_BAR (self), -1);

  return self->current;
}

void
signet_pdf_find_bar_next (SignetPdfFindBar *self)
{
  g_return_if_fail (SIGNET_IS_PDF_FIND_BAR (self));

  step (self, 1);
}

void
signet_pdf_find_bar_previous (SignetPdfFindBar *self)
{
  g_return_if_fail (SIGNET_IS_PDF_FIND_BAR (self));

  step (self, -1);
}
