/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-exchange-rates-dialog.h"
#include "signet-money.h"
#include "signet-month-chart.h"
#include "signet-overview-bar.h"
#include "signet-overview-view.h"
#include "signet-store-events.h"

/* The top clients the page shows, per currency or converted. */
#define N_TOP_CLIENTS 5

struct _SignetOverviewView
{
  AdwBin            parent_instance;

  GtkStack         *stack;
  GtkLabel         *as_of_label;
  GtkFlowBox       *attention_box;
  GtkBox           *status_box;
  GtkBox           *value_box;
  GtkLabel         *rates_label;
  GtkBox           *clients_box;
  SignetMonthChart *month_chart;
  AdwStatusPage    *error_page;

  SignetStore      *store;
  SignetOverview   *overview;
  gboolean          stale;
  guint             reload_idle;
};

G_DEFINE_FINAL_TYPE (SignetOverviewView, signet_overview_view, ADW_TYPE_BIN)

enum {
  SHOW_CONTRACTS,
  COMPUTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The statuses the chart has a bar for, in the order of the process. */
static const SignetContractStatus chart_statuses[] = {
  SIGNET_CONTRACT_STATUS_DRAFT,
  SIGNET_CONTRACT_STATUS_IN_REVIEW,
  SIGNET_CONTRACT_STATUS_APPROVED,
  SIGNET_CONTRACT_STATUS_SIGNED,
  SIGNET_CONTRACT_STATUS_ACTIVE,
  SIGNET_CONTRACT_STATUS_EXPIRED,
  SIGNET_CONTRACT_STATUS_RENEWED,
  SIGNET_CONTRACT_STATUS_TERMINATED,
};

static void
figure_clicked_cb (SignetOverviewView *self,
                   GtkButton          *button)
{
  SignetContractQuery *query = g_object_get_data (G_OBJECT (button), "query");
  const char *title = g_object_get_data (G_OBJECT (button), "title");

  g_signal_emit (self, signals[SHOW_CONTRACTS], 0, query, title);
}

/* A button that lists the contracts of @query (taken) under @title, read
 * to a screen reader as @accessible. */
static GtkWidget *
figure_button (SignetOverviewView  *self,
               GtkWidget           *child,
               SignetContractQuery *query,
               const char          *title,
               const char          *accessible)
{
  GtkWidget *button = gtk_button_new ();

  gtk_button_set_child (GTK_BUTTON (button), child);
  g_object_set_data_full (G_OBJECT (button), "query", query, (GDestroyNotify) signet_contract_query_free);
  g_object_set_data_full (G_OBJECT (button), "title", g_strdup (title), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (figure_clicked_cb), self, G_CONNECT_SWAPPED);

  return button;
}

/* "12,345" as the locale groups digits. */
static char *
format_count (guint n)
{
  return g_strdup_printf ("%'u", n);
}

/* "Expiring in 30 days, 3 contracts": what a screen reader reads of a number. */
static char *
describe_count (const char *what,
                guint       n)
{
  g_autofree char *number = format_count (n);

  /* Translators: what a number of the overview counts and the number,
   * read to a screen reader: "Expiring in 30 days, 3 contracts". */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s contract", "%s, %s contracts", n), what, number);
}

static void
remove_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (box))
        gtk_flow_box_remove (GTK_FLOW_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static void
add_tile (SignetOverviewView  *self,
          SignetOverviewCount  count)
{
  guint n = signet_overview_get_count (self->overview, count);
  const char *label = signet_overview_count_get_label (count);
  g_autofree char *number = format_count (n);
  g_autofree char *accessible = describe_count (label, n);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *value = gtk_label_new (number);
  GtkWidget *caption = gtk_label_new (label);
  GtkWidget *button;

  gtk_widget_add_css_class (value, "title-1");
  gtk_widget_add_css_class (value, "numeric");
  if (n > 0 && count >= SIGNET_OVERVIEW_OVERDUE_REVIEWS && count <= SIGNET_OVERVIEW_OVERDUE_LOANS)
    gtk_widget_add_css_class (value, "error");
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (caption), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_lines (GTK_LABEL (caption), 2);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), caption);

  button = figure_button (self, box, signet_overview_dup_count_query (self->overview, count), label, accessible);
  gtk_widget_add_css_class (button, "card");
  gtk_widget_add_css_class (button, "overview-tile");
  gtk_flow_box_append (self->attention_box, button);
  gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
}

/* One bar of a chart: the name, the bar, the number, all one button. The
 * names and the numbers of a chart are as wide as its widest, so that
 * its bars start and end in line. */
static GtkWidget *
bar_row (GtkBox     *chart,
         const char *name,
         double      fraction,
         const char *number)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *name_label = gtk_label_new (name);
  GtkWidget *number_label = gtk_label_new (number);
  GtkWidget *bar = signet_overview_bar_new (fraction);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (name_label), 10);
  gtk_label_set_max_width_chars (GTK_LABEL (name_label), 22);
  gtk_widget_set_size_request (name_label, 90, -1);
  gtk_label_set_xalign (GTK_LABEL (number_label), 1);
  gtk_widget_add_css_class (number_label, "numeric");
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);

  gtk_size_group_add_widget (g_object_get_data (G_OBJECT (chart), "names"), name_label);
  gtk_size_group_add_widget (g_object_get_data (G_OBJECT (chart), "numbers"), number_label);

  gtk_grid_attach (GTK_GRID (grid), name_label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), bar, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), number_label, 2, 0, 1, 1);

  return grid;
}

static void
append_bar_button (GtkBox    *box,
                   GtkWidget *button)
{
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "overview-bar-row");
  gtk_box_append (box, button);
}

static void
fill_statuses (SignetOverviewView *self)
{
  guint highest = 1;

  for (guint i = 0; i < G_N_ELEMENTS (chart_statuses); i++)
    highest = MAX (highest, signet_overview_get_status_count (self->overview, chart_statuses[i]));

  for (guint i = 0; i < G_N_ELEMENTS (chart_statuses); i++)
    {
      SignetContractStatus status = chart_statuses[i];
      guint n = signet_overview_get_status_count (self->overview, status);
      const char *label = signet_contract_status_to_label (status);
      g_autofree char *number = format_count (n);
      g_autofree char *accessible = describe_count (label, n);

      append_bar_button (self->status_box,
                         figure_button (self, bar_row (self->status_box, label, (double) n / highest, number),
                                        signet_overview_dup_status_query (self->overview, status),
                                        label, accessible));
    }
}

/* A line of the values: the amount large, what it is below it. */
static GtkWidget *
value_content (const char *amount,
               const char *what)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *amount_label = gtk_label_new (amount);
  GtkWidget *what_label = gtk_label_new (what);

  gtk_label_set_xalign (GTK_LABEL (amount_label), 0);
  gtk_widget_add_css_class (amount_label, "title-3");
  gtk_widget_add_css_class (amount_label, "numeric");
  gtk_label_set_xalign (GTK_LABEL (what_label), 0);
  gtk_label_set_wrap (GTK_LABEL (what_label), TRUE);
  gtk_widget_add_css_class (what_label, "dim-label");
  gtk_box_append (GTK_BOX (box), amount_label);
  gtk_box_append (GTK_BOX (box), what_label);

  return box;
}

static void
fill_values (SignetOverviewView *self)
{
  const SignetOverviewConverted *converted = signet_overview_get_converted_total (self->overview);
  guint n_values = signet_overview_get_n_values (self->overview);
  g_autofree char *rates = signet_overview_describe_rates (self->overview);

  if (n_values == 0)
    {
      GtkWidget *none = gtk_label_new (_("No contract is active today."));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_widget_set_margin_top (none, 12);
      gtk_widget_set_margin_bottom (none, 12);
      gtk_box_append (self->value_box, none);
    }

  for (guint i = 0; i < n_values; i++)
    {
      const SignetOverviewValue *value = signet_overview_get_value (self->overview, i);
      g_autofree char *amount = signet_money_format (value->amount, value->currency);
      g_autofree char *count = format_count (value->n_contracts);
      /* Translators: under a value in force: its currency and how many
       * active contracts it is the value of, "CNY, 4 active contracts". */
      g_autofree char *what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s active contract",
                                                            "%s, %s active contracts", value->n_contracts),
                                               value->currency, count);
      g_autofree char *accessible = g_strdup_printf ("%s: %s", amount, what);
      /* Translators: the title of the list of the contracts behind a value, "Active contracts in CNY". */
      g_autofree char *title = g_strdup_printf (_("Active contracts in %s"), value->currency);

      append_bar_button (self->value_box,
                         figure_button (self, value_content (amount, what),
                                        signet_overview_dup_value_query (self->overview, i), title, accessible));
    }

  if (converted != NULL)
    {
      g_autofree char *money = signet_money_format (converted->amount, converted->base);
      /* Translators: a total of several currencies converted by exchange rates, "≈ ¥650,000.00". */
      g_autofree char *amount = g_strdup_printf (_("≈ %s"), money);
      g_autofree char *count = format_count (converted->n_contracts);
      /* Translators: under the converted total: the currency it is in and
       * how many active contracts, "All currencies in CNY, 6 active contracts". */
      g_autofree char *what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "All currencies in %s, %s active contract",
                                                            "All currencies in %s, %s active contracts",
                                                            converted->n_contracts),
                                               converted->base, count);
      g_autofree char *accessible = g_strdup_printf ("%s: %s; %s", amount, what, rates);

      append_bar_button (self->value_box,
                         figure_button (self, value_content (amount, what),
                                        signet_overview_dup_status_query (self->overview, SIGNET_CONTRACT_STATUS_ACTIVE),
                                        signet_contract_status_to_label (SIGNET_CONTRACT_STATUS_ACTIVE), accessible));
    }

  if (rates != NULL)
    {
      /* Translators: %s is the rates, "1 USD = 7.10 CNY, 1 EUR = 7.80 CNY, set 07.12.2026". */
      g_autofree char *text = g_strdup_printf (_("Converted at %s."), rates);

      gtk_label_set_label (self->rates_label, text);
    }
  else if (n_values > 1)
    gtk_label_set_label (self->rates_label,
                         _("Values in different currencies are not added up. Enter exchange rates to see a total."));
  else
    gtk_label_set_label (self->rates_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->rates_label), *gtk_label_get_label (self->rates_label) != '\0');
}

static GtkWidget *
client_heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 6);

  return label;
}

static void
add_client_row (SignetOverviewView  *self,
                const char          *name,
                const char          *amount,
                guint                n_contracts,
                double               fraction,
                SignetContractQuery *query,
                const char          *title)
{
  g_autofree char *count = format_count (n_contracts);
  /* Translators: a client's value and how many contracts it adds up,
   * read to a screen reader: "Acme: ¥350,000.00, 3 contracts". */
  g_autofree char *accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s, %s contract",
                                                              "%s: %s, %s contracts", n_contracts),
                                                 name, amount, count);

  append_bar_button (self->clients_box,
                     figure_button (self, bar_row (self->clients_box, name, fraction, amount), query, title, accessible));
}

static void
fill_clients (SignetOverviewView *self)
{
  guint n_converted = signet_overview_get_n_converted_clients (self->overview);
  guint n_clients = signet_overview_get_n_top_clients (self->overview);
  const char *currency = NULL;
  gint64 highest = 1;

  if (n_converted > 0)
    {
      const SignetOverviewConverted *top = signet_overview_get_converted_client (self->overview, 0);

      highest = MAX (top->amount, 1);
      for (guint i = 0; i < n_converted; i++)
        {
          const SignetOverviewConverted *client = signet_overview_get_converted_client (self->overview, i);
          g_autofree char *money = signet_money_format (client->amount, client->base);
          g_autofree char *amount = g_strdup_printf (_("≈ %s"), money);
          const char *name = client->client_name != NULL ? client->client_name : "";

          add_client_row (self, name, amount, client->n_contracts, (double) client->amount / highest,
                          signet_overview_dup_converted_client_query (self->overview, i), name);
        }
      return;
    }

  if (n_clients == 0)
    {
      GtkWidget *none = gtk_label_new (_("No client has an active contract today."));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_widget_set_margin_top (none, 12);
      gtk_widget_set_margin_bottom (none, 12);
      gtk_box_append (self->clients_box, none);
    }

  /* Per currency, each against its own highest: amounts in different
   * currencies are never set against each other. */
  for (guint i = 0; i < n_clients; i++)
    {
      const SignetOverviewValue *client = signet_overview_get_top_client (self->overview, i);
      g_autofree char *amount = signet_money_format (client->amount, client->currency);
      const char *name = client->client_name != NULL ? client->client_name : "";
      /* Translators: the title of the list of a client's active contracts
       * in a currency: "Acme, CNY". */
      g_autofree char *title = g_strdup_printf (C_("client and currency", "%s, %s"), name, client->currency);

      if (g_strcmp0 (currency, client->currency) != 0)
        {
          currency = client->currency;
          highest = MAX (client->amount, 1);
          if (signet_overview_get_n_values (self->overview) > 1)
            gtk_box_append (self->clients_box, client_heading (currency));
        }

      add_client_row (self, name, amount, client->n_contracts, (double) client->amount / highest,
                      signet_overview_dup_top_client_query (self->overview, i), title);
    }
}

static void
show_figures (SignetOverviewView *self)
{
  SignetOverviewMonth copy[SIGNET_OVERVIEW_N_MONTHS];
  g_autofree char *day = signet_date_format_display (signet_overview_get_today (self->overview));
  g_autofree char *total = format_count (signet_overview_get_n_contracts (self->overview));
  g_autofree char *as_of = NULL;

  if (signet_overview_get_n_contracts (self->overview) == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  /* Translators: above the overview: the day its figures are of and how
   * many contracts the register holds, "As of 07.12.2026 · 11 contracts". */
  as_of = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "As of %s · %s contract", "As of %s · %s contracts",
                                        signet_overview_get_n_contracts (self->overview)),
                           day, total);
  gtk_label_set_label (self->as_of_label, as_of);

  remove_children (GTK_WIDGET (self->attention_box));
  remove_children (GTK_WIDGET (self->status_box));
  remove_children (GTK_WIDGET (self->value_box));
  remove_children (GTK_WIDGET (self->clients_box));

  for (SignetOverviewCount count = 0; count < SIGNET_N_OVERVIEW_COUNTS; count++)
    add_tile (self, count);
  fill_statuses (self);
  fill_values (self);
  fill_clients (self);

  for (guint i = 0; i < SIGNET_OVERVIEW_N_MONTHS; i++)
    copy[i] = *signet_overview_get_month (self->overview, i);
  signet_month_chart_set_months (self->month_chart, copy, SIGNET_OVERVIEW_N_MONTHS);

  gtk_stack_set_visible_child_name (self->stack, "figures");
}

static void
compute (SignetOverviewView *self)
{
  g_autoptr(GError) error = NULL;
  SignetOverview *overview;

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  self->stale = FALSE;

  if (self->store == NULL)
    return;

  overview = signet_store_compute_overview (self->store, N_TOP_CLIENTS, &error);
  if (overview == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  g_set_object (&self->overview, overview);
  g_object_unref (overview);
  show_figures (self);
  g_signal_emit (self, signals[COMPUTED], 0);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  SignetOverviewView *self = user_data;

  self->reload_idle = 0;
  compute (self);

  return G_SOURCE_REMOVE;
}

/* Computes when shown, else the next time it is shown; a burst of
 * changes (an import's, the demo's) computes once. */
static void
queue_compute (SignetOverviewView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  if (self->reload_idle == 0)
    self->reload_idle = g_idle_add (reload_idle_cb, self);
}

static void
store_changed_cb (SignetOverviewView *self,
                  int                 kind,
                  gint64              id,
                  int                 change,
                  SignetStore        *store)
{
  queue_compute (self);
}

static void
store_reset_cb (SignetOverviewView *self,
                SignetStore        *store)
{
  queue_compute (self);
}

static void
month_bar_activated_cb (SignetOverviewView *self,
                        guint               index,
                        gboolean            ended,
                        SignetMonthChart   *chart)
{
  const SignetOverviewMonth *month;
  g_autoptr(SignetContractQuery) query = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  int year;
  int number;

  if (self->overview == NULL || index >= SIGNET_OVERVIEW_N_MONTHS)
    return;

  month = signet_overview_get_month (self->overview, index);
  query = ended ? signet_overview_dup_ended_query (self->overview, index)
                : signet_overview_dup_signed_query (self->overview, index);
  if (sscanf (month->month, "%d-%d", &year, &number) == 2)
    date = g_date_time_new_local (year, number, 1, 0, 0, 0);
  /* xgettext:no-c-format */
  name = date != NULL ? g_date_time_format (date, C_("overview month", "%B %Y")) : g_strdup (month->month);
  /* Translators: the title of the list of the contracts signed, or ended, in a month: "Signed in March 2026". */
  title = g_strdup_printf (ended ? _("Ended in %s") : _("Signed in %s"), name);

  g_signal_emit (self, signals[SHOW_CONTRACTS], 0, query, title);
}

static void
exchange_rates_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SignetOverviewView *self = SIGNET_OVERVIEW_VIEW (widget);

  if (self->store == NULL)
    return;

  adw_dialog_present (signet_exchange_rates_dialog_new (self->store), widget);
}

static void
signet_overview_view_map (GtkWidget *widget)
{
  SignetOverviewView *self = SIGNET_OVERVIEW_VIEW (widget);
  g_autofree char *today = self->store != NULL ? signet_store_dup_today (self->store) : NULL;

  GTK_WIDGET_CLASS (signet_overview_view_parent_class)->map (widget);

  /* The day may have moved on while the page was hidden. */
  if (self->stale || self->overview == NULL ||
      g_strcmp0 (today, signet_overview_get_today (self->overview)) != 0)
    compute (self);
}

static void
signet_overview_view_dispose (GObject *object)
{
  SignetOverviewView *self = SIGNET_OVERVIEW_VIEW (object);

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  signet_store_set_watched (&self->store, NULL, self, G_CALLBACK (store_changed_cb), G_CALLBACK (store_reset_cb));
  /* The stack is the bin's child and a template child: the bin lets go
   * of it first, else disposing the template would unparent it behind
   * the bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIGNET_TYPE_OVERVIEW_VIEW);
  g_clear_object (&self->overview);

  G_OBJECT_CLASS (signet_overview_view_parent_class)->dispose (object);
}

static void
signet_overview_view_class_init (SignetOverviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_overview_view_dispose;
  widget_class->map = signet_overview_view_map;

  signals[SHOW_CONTRACTS] =
    g_signal_new ("show-contracts",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  SIGNET_TYPE_CONTRACT_QUERY | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  signals[COMPUTED] =
    g_signal_new ("computed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (SIGNET_TYPE_MONTH_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-overview-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetOverviewView, stack);
  gtk_widget_class_bind_template_child (widget_class, SignetOverviewView, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, SignetOverviewView, attention_box);
  gtk_widget_class_bind_template_child (widget_class, SignetOverviewView, status_box);
  gtk_widget_class_bind_template_child (widget_class, SignetOverviewView, value_box);
  gtk_widget_class_bind_template_child (widget_class, SignetOverviewView, rates_label);
  gtk_widget_class_bind_template_child (widget_class, SignetOverviewView, clients_box);
  gtk_widget_class_bind_template_child (widget_class, SignetOverviewView, month_chart);
  gtk_widget_class_bind_template_child (widget_class, SignetOverviewView, error_page);
  gtk_widget_class_bind_template_callback (widget_class, month_bar_activated_cb);

  gtk_widget_class_install_action (widget_class, "overview.exchange-rates", NULL, exchange_rates_activated);
}

static void
add_size_groups (GtkBox *chart)
{
  g_object_set_data_full (G_OBJECT (chart), "names", gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL), g_object_unref);
  g_object_set_data_full (G_OBJECT (chart), "numbers", gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL), g_object_unref);
}

static void
signet_overview_view_init (SignetOverviewView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_size_groups (self->status_box);
  add_size_groups (self->clients_box);
}

GtkWidget *
signet_overview_view_new (void)
{
  return g_object_new (SIGNET_TYPE_OVERVIEW_VIEW, NULL);
}

void
signet_overview_view_set_store (SignetOverviewView *self,
                                SignetStore        *store)
{
  g_return_if_fail (SIGNET_IS_OVERVIEW_VIEW (self));
  g_return_if_fail (store == NULL || SIGNET_IS_STORE (store));

  if (!signet_store_set_watched (&self->store, store, self,
                                 G_CALLBACK (store_changed_cb), G_CALLBACK (store_reset_cb)))
    return;

  g_clear_object (&self->overview);
  queue_compute (self);
}

SignetOverview *
signet_overview_view_get_overview (SignetOverviewView *self)
{
  g_return_val_if_fail (SIGNET_IS_OVERVIEW_VIEW (self), NULL);

  return self->overview;
}
