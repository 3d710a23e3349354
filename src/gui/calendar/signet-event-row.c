/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-event-row"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-event-row.h"

struct _SignetEventRow
{
  GtkWidget  parent_instance;

  GtkLabel  *heading;
  GtkWidget *dot;
  GtkLabel  *title;
  GtkLabel  *details;
  GtkWidget *footer;
};

G_DEFINE_FINAL_TYPE (SignetEventRow, signet_event_row, GTK_TYPE_WIDGET)

static void
signet_event_row_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), SIGNET_TYPE_EVENT_ROW);
  /* The box of the dot and the texts has no name to be disposed by. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (signet_event_row_parent_class)->dispose (object);
}

static void
signet_event_row_class_init (SignetEventRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_event_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-event-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetEventRow, heading);
  gtk_widget_class_bind_template_child (widget_class, SignetEventRow, dot);
  gtk_widget_class_bind_template_child (widget_class, SignetEventRow, title);
  gtk_widget_class_bind_template_child (widget_class, SignetEventRow, details);

  gtk_widget_class_set_css_name (widget_class, "eventrow");
}

static void
signet_event_row_init (SignetEventRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
signet_event_row_new (void)
{
  return g_object_new (SIGNET_TYPE_EVENT_ROW, NULL);
}

void
signet_event_row_set_event (SignetEventRow *self,
                            SignetEvent    *event,
                            gboolean        overdue)
{
  const char *key_date_title;
  const char *kind;
  g_autofree char *what = NULL;
  g_autofree char *contract = NULL;
  g_autofree char *details = NULL;

  g_return_if_fail (SIGNET_IS_EVENT_ROW (self));
  g_return_if_fail (SIGNET_IS_EVENT (event));

  key_date_title = signet_event_get_title (event);
  kind = signet_key_date_kind_to_label (signet_event_get_kind (event));

  if (key_date_title != NULL && *key_date_title != '\0')
    /* Translators: a key date a user added: its kind and its title. */
    what = g_strdup_printf (C_("calendar event", "%1$s: %2$s"), kind, key_date_title);
  else
    what = g_strdup (kind);

  /* A commitment says what is owed or to be done: "Receivable ¥300,000.00,
   * ¥100,000.00 paid", "Lent on 01.10.2026 for: 审计". */
  if (signet_key_date_kind_is_commitment (signet_event_get_kind (event)) &&
      signet_event_get_record_id (event) > 0 && signet_event_get_explanation (event) != NULL)
    {
      char *with_record = g_strdup_printf (C_("agenda", "%1$s · %2$s"), what, signet_event_get_explanation (event));

      g_free (what);
      what = with_record;
    }

  /* Translators: a contract in the list of a day's events: number and title. */
  contract = g_strdup_printf (C_("calendar event", "%1$s %2$s"),
                              signet_event_get_contract_number (event),
                              signet_event_get_contract_title (event));
  if (overdue)
    {
      g_autofree char *display = signet_date_format_display (signet_event_get_date (event));

      /* Translators: under an overdue contract in the agenda: what the date is, when it was, and the client. */
      details = g_strdup_printf (C_("agenda", "%1$s · %2$s · %3$s"), what, display,
                                 signet_event_get_client_name (event));
    }
  else
    {
      /* Translators: under a contract in the agenda: what the date is, and the client. */
      details = g_strdup_printf (C_("agenda", "%1$s · %2$s"), what, signet_event_get_client_name (event));
    }

  gtk_widget_set_css_classes (self->dot,
                              (const char *[]) { "event-dot",
                                                 signet_event_kind_css_class (signet_event_get_kind (event)),
                                                 NULL });
  gtk_label_set_text (self->title, contract);
  gtk_label_set_text (self->details, details);
  /* The agenda beside the month grid is narrow: what a payment owes or
   * whom a loan is to may be cut off there, and is read in full here. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->details), details);

  if (overdue)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "overdue");
      gtk_widget_add_css_class (GTK_WIDGET (self->heading), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "overdue");
      gtk_widget_remove_css_class (GTK_WIDGET (self->heading), "error");
    }
}

void
signet_event_row_set_heading (SignetEventRow *self,
                              const char     *heading)
{
  g_return_if_fail (SIGNET_IS_EVENT_ROW (self));

  gtk_label_set_text (self->heading, heading != NULL ? heading : "");
  gtk_widget_set_visible (GTK_WIDGET (self->heading), heading != NULL);
}

void
signet_event_row_set_footer (SignetEventRow *self,
                             GtkWidget      *footer)
{
  g_return_if_fail (SIGNET_IS_EVENT_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (footer));

  g_return_if_fail (self->footer == NULL);

  /* Last in the row's vertical box: under the dot and the texts. */
  self->footer = footer;
  gtk_widget_insert_before (footer, GTK_WIDGET (self), NULL);
}

GtkWidget *
signet_event_row_get_footer (SignetEventRow *self)
{
  g_return_val_if_fail (SIGNET_IS_EVENT_ROW (self), NULL);

  return self->footer;
}

const char *
signet_event_kind_css_class (SignetKeyDateKind kind)
{
  static const char * const classes[] = {
    [SIGNET_KEY_DATE_START] = "kind-start",
    [SIGNET_KEY_DATE_END] = "kind-end",
    [SIGNET_KEY_DATE_NOTICE_DEADLINE] = "kind-notice-deadline",
    [SIGNET_KEY_DATE_REVIEW] = "kind-review",
    [SIGNET_KEY_DATE_MILESTONE] = "kind-milestone",
    [SIGNET_KEY_DATE_PAYMENT] = "kind-payment",
    [SIGNET_KEY_DATE_OTHER] = "kind-other",
    [SIGNET_KEY_DATE_APPROVAL] = "kind-approval",
    [SIGNET_KEY_DATE_OBLIGATION] = "kind-obligation",
    [SIGNET_KEY_DATE_LOAN] = "kind-loan",
    [SIGNET_KEY_DATE_FOLLOW_UP_REVIEW] = "kind-follow-up-review",
  };

  return kind < G_N_ELEMENTS (classes) ? classes[kind] : "kind-other";
}
