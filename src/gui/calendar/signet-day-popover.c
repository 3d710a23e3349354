/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-day-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-day-popover.h"
#include "signet-event-row.h"
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
  gtk_list_item_set_child (item, signet_event_row_new ());
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  /* The popover lists one day: what is overdue is the agenda's to say. */
  signet_event_row_set_event (SIGNET_EVENT_ROW (gtk_list_item_get_child (item)),
                              gtk_list_item_get_item (item), FALSE);
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
