/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-date-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-date-entry.h"

struct _SignetDateEntry
{
  AdwEntryRow  parent_instance;

  GtkWidget   *format_label;
  GtkPopover  *popover;
  GtkCalendar *calendar;

  /* Set while the popover moves the calendar to the typed date, which
   * must not count as the user picking a day. */
  gboolean     syncing;
};

G_DEFINE_FINAL_TYPE (SignetDateEntry, signet_date_entry, ADW_TYPE_ENTRY_ROW)

static void
text_changed_cb (SignetDateEntry *self,
                 GtkEditable     *editable)
{
  const char *text = gtk_editable_get_text (editable);

  gtk_widget_set_visible (self->format_label, text == NULL || *text == '\0');
}

static void
popover_shown_cb (SignetDateEntry *self,
                  GtkPopover      *popover)
{
  g_autoptr(GDateTime) date_time = NULL;
  GDate date;

  if (signet_date_parse (signet_date_entry_get_text (self), &date))
    date_time = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                       g_date_get_day (&date), 0, 0, 0);
  else
    date_time = g_date_time_new_now_local ();

  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, date_time);
  self->syncing = FALSE;
}

static void
calendar_day_selected_cb (SignetDateEntry *self,
                          GtkCalendar     *calendar)
{
  g_autoptr(GDateTime) date_time = NULL;
  g_autofree char *text = NULL;

  if (self->syncing)
    return;

  date_time = gtk_calendar_get_date (calendar);
  text = g_date_time_format (date_time, "%Y-%m-%d");
  signet_date_entry_set_text (self, text);
  gtk_popover_popdown (self->popover);
}

static void
signet_date_entry_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SIGNET_TYPE_DATE_ENTRY);

  G_OBJECT_CLASS (signet_date_entry_parent_class)->dispose (object);
}

static void
signet_date_entry_class_init (SignetDateEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_date_entry_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-date-entry.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetDateEntry, format_label);
  gtk_widget_class_bind_template_child (widget_class, SignetDateEntry, popover);
  gtk_widget_class_bind_template_child (widget_class, SignetDateEntry, calendar);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
}

static void
signet_date_entry_init (SignetDateEntry *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
signet_date_entry_new (const char *title)
{
  return g_object_new (SIGNET_TYPE_DATE_ENTRY, "title", title, NULL);
}

const char *
signet_date_entry_get_text (SignetDateEntry *self)
{
  g_return_val_if_fail (SIGNET_IS_DATE_ENTRY (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self));
}

void
signet_date_entry_set_text (SignetDateEntry *self,
                            const char      *text)
{
  g_return_if_fail (SIGNET_IS_DATE_ENTRY (self));

  gtk_editable_set_text (GTK_EDITABLE (self), text ? text : "");
}
