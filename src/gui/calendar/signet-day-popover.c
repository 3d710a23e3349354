/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-day-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-day-popover.h"
#include "signet-store-events.h"

struct _SignetDayPopover
{
  GtkPopover   parent_instance;

  GtkLabel    *title;
  GtkListView *list_view;

  GListStore  *events;
  SignetStore *store;
};

G_DEFINE_FINAL_TYPE (SignetDayPopover, signet_day_popover, GTK_TYPE_POPOVER)

enum {
  EVENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
row_activated_cb (SignetDayPopover *self,
                  guint             position,
                  GtkListView      *list_view)
{
  g_autoptr(SignetEvent) event = g_list_model_get_item (G_LIST_MODEL (self->events), position);

  gtk_popover_popdown (GTK_POPOVER (self));
  if (event != NULL)
    g_signal_emit (self, signals[EVENT_ACTIVATED], 0, event);
}

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (row), dot);
  gtk_box_append (GTK_BOX (row), texts);
  gtk_list_item_set_child (item, row);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  SignetEvent *event = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *dot = gtk_widget_get_first_child (row);
  GtkWidget *title = gtk_widget_get_first_child (gtk_widget_get_next_sibling (dot));
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  const char *key_date_title = signet_event_get_title (event);
  const char *kind = signet_key_date_kind_to_label (signet_event_get_kind (event));
  g_autofree char *kind_class = g_strconcat ("kind-", signet_key_date_kind_to_token (signet_event_get_kind (event)), NULL);
  g_autofree char *contract = NULL;
  g_autofree char *details = NULL;

  /* Translators: a contract in the list of a day's events: number and title. */
  contract = g_strdup_printf (C_("calendar event", "%1$s %2$s"),
                              signet_event_get_contract_number (event),
                              signet_event_get_contract_title (event));

  if (key_date_title != NULL && *key_date_title != '\0')
    {
      /* Translators: a key date a user added: its kind and its title. */
      g_autofree char *what = g_strdup_printf (C_("calendar event", "%1$s: %2$s"), kind, key_date_title);

      /* Translators: under a contract in the agenda: what the date is, and the client. */
      details = g_strdup_printf (C_("agenda", "%1$s · %2$s"), what, signet_event_get_client_name (event));
    }
  else
    {
      details = g_strdup_printf (C_("agenda", "%1$s · %2$s"), kind, signet_event_get_client_name (event));
    }

  gtk_widget_set_css_classes (dot, (const char *[]) { "event-dot", kind_class, NULL });
  gtk_label_set_text (GTK_LABEL (title), contract);
  gtk_label_set_text (GTK_LABEL (subtitle), details);
}

static void
signet_day_popover_dispose (GObject *object)
{
  SignetDayPopover *self = SIGNET_DAY_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGNET_TYPE_DAY_POPOVER);
  g_clear_object (&self->events);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (signet_day_popover_parent_class)->dispose (object);
}

static void
signet_day_popover_class_init (SignetDayPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_day_popover_dispose;

  signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SIGNET_TYPE_EVENT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-day-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetDayPopover, title);
  gtk_widget_class_bind_template_child (widget_class, SignetDayPopover, list_view);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_bind_cb);
}

static void
signet_day_popover_init (SignetDayPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->events = g_list_store_new (SIGNET_TYPE_EVENT);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->events)))));
}

GtkWidget *
signet_day_popover_new (void)
{
  return g_object_new (SIGNET_TYPE_DAY_POPOVER, NULL);
}

void
signet_day_popover_set_store (SignetDayPopover *self,
                              SignetStore      *store)
{
  g_return_if_fail (SIGNET_IS_DAY_POPOVER (self));
  g_return_if_fail (store == NULL || SIGNET_IS_STORE (store));

  g_set_object (&self->store, store);
}

void
signet_day_popover_show_day (SignetDayPopover *self,
                             const char       *date)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (SIGNET_IS_DAY_POPOVER (self));
  g_return_if_fail (signet_date_is_valid (date));

  if (self->store != NULL)
    {
      events = signet_store_list_events (self->store, date, date, &error);
      if (events == NULL)
        g_warning ("Cannot list the dates of %s: %s", date, error->message);
    }

  title = signet_date_format_display (date);
  gtk_label_set_text (self->title, title);
  g_list_store_splice (self->events, 0, g_list_model_get_n_items (G_LIST_MODEL (self->events)),
                       events != NULL ? events->pdata : NULL, events != NULL ? events->len : 0);
}
