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

  /* The date last set, as the register holds it, and the text it shows
   * as: while the text is that, the field holds that date as it came,
   * even one outside the range, or one the field would not read. */
  char        *set_iso;
  char        *set_text;

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
  g_autofree char *iso = NULL;
  GDate date;

  if (signet_date_entry_get_date (self, &iso, NULL) && signet_date_parse (iso, &date))
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
  g_autofree char *iso = NULL;
  g_autofree char *text = NULL;

  if (self->syncing)
    return;

  date_time = gtk_calendar_get_date (calendar);
  iso = g_date_time_format (date_time, "%Y-%m-%d");
  text = signet_date_format_display (iso);
  gtk_editable_set_text (GTK_EDITABLE (self), text);
  gtk_popover_popdown (self->popover);
}

static void
signet_date_entry_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SIGNET_TYPE_DATE_ENTRY);

  G_OBJECT_CLASS (signet_date_entry_parent_class)->dispose (object);
}

static void
signet_date_entry_finalize (GObject *object)
{
  SignetDateEntry *self = SIGNET_DATE_ENTRY (object);

  g_clear_pointer (&self->set_iso, g_free);
  g_clear_pointer (&self->set_text, g_free);

  G_OBJECT_CLASS (signet_date_entry_parent_class)->finalize (object);
}

static void
signet_date_entry_class_init (SignetDateEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_date_entry_dispose;
  object_class->finalize = signet_date_entry_finalize;

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
  g_autofree char *format = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The form of the locale's dates, which the field shows and reads. */
  format = signet_date_input_format ();
  gtk_label_set_text (GTK_LABEL (self->format_label), format);
}

GtkWidget *
signet_date_entry_new (const char *title)
{
  return g_object_new (SIGNET_TYPE_DATE_ENTRY, "title", title, NULL);
}

void
signet_date_entry_set_date (SignetDateEntry *self,
                            const char      *iso)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SIGNET_IS_DATE_ENTRY (self));

  if (iso != NULL && *iso == '\0')
    iso = NULL;

  text = signet_date_format_display (iso);
  /* A register from before dates were checked may hold anything: it
   * shows as it is, for the store to refuse at Save as before. */
  if (*text == '\0' && iso != NULL)
    g_set_str (&text, iso);

  g_set_str (&self->set_iso, iso);
  g_set_str (&self->set_text, text);
  gtk_editable_set_text (GTK_EDITABLE (self), text);
}

gboolean
signet_date_entry_get_date (SignetDateEntry  *self,
                            char            **iso,
                            GError          **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SIGNET_IS_DATE_ENTRY (self), FALSE);
  g_return_val_if_fail (iso != NULL, FALSE);

  *iso = NULL;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));

  if (self->set_text != NULL && g_str_equal (text, self->set_text))
    {
      *iso = g_strdup (self->set_iso);
      return TRUE;
    }

  if (*text == '\0')
    return TRUE;

  *iso = signet_date_read_input (text, error);

  return *iso != NULL;
}
