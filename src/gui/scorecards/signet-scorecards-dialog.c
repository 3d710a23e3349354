/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-scorecards-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "signet-date.h"
#include "signet-date-entry.h"
#include "signet-scorecard.h"
#include "signet-scorecards-dialog.h"
#include "signet-store-events.h"

struct _SignetScorecardsDialog
{
  AdwDialog          parent_instance;

  AdwToggleGroup    *subject_group;
  GtkMenuButton     *help_button;
  GtkBox            *explanations_box;
  GtkDropDown       *period_dropdown;
  GtkMenuButton     *range_button;
  GtkPopover        *range_popover;
  GtkListBox        *range_list;
  GtkLabel          *range_error;
  GtkLabel          *caption;
  GtkStack          *stack;
  AdwStatusPage     *empty_page;
  GtkColumnView     *column_view;
  GtkWidget         *spinner;

  GtkWidget         *from_entry;
  GtkWidget         *to_entry;
  GtkColumnViewColumn *name_column;
  GListStore        *scorecards;
  SignetStore       *store;
  gint64             contract_id;
  char              *from;
  char              *to;
  guint              reload_source;
  guint              popup_source;
  GCancellable      *cancellable;   /* of the scorecards being worked out */
};

G_DEFINE_FINAL_TYPE (SignetScorecardsDialog, signet_scorecards_dialog, ADW_TYPE_DIALOG)

enum {
  SHOW_CONTRACTS,
  OPEN_CONTRACT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The columns after the rank and the name, each a figure; some show a
 * second one under it. */
static const struct
{
  SignetScorecardFigure figure;
  int                   second;   /* a SignetScorecardFigure, or -1 */
} columns[] = {
  { SIGNET_SCORECARD_CONTRACTS, -1 },
  { SIGNET_SCORECARD_VALUE, -1 },
  { SIGNET_SCORECARD_PAYMENTS_RECEIVED, SIGNET_SCORECARD_DAYS_LATE_RECEIVED },
  { SIGNET_SCORECARD_PAYMENTS_MADE, SIGNET_SCORECARD_DAYS_LATE_MADE },
  { SIGNET_SCORECARD_OBLIGATIONS, -1 },
  { SIGNET_SCORECARD_OPEN_RISKS, -1 },
  { SIGNET_SCORECARD_OPEN_FINDINGS, -1 },
  { SIGNET_SCORECARD_RENEWALS, SIGNET_SCORECARD_TACIT_RENEWALS },
  { SIGNET_SCORECARD_TERMINATIONS, -1 },
};

/* A cell's widgets, kept on its box. */
#define CELL_BUTTON "scorecard-button"
#define CELL_LABEL "scorecard-label"
#define CELL_SECOND "scorecard-second"
#define CELL_CARD "scorecard"
#define CELL_FIGURE "scorecard-figure"

static void reload (SignetScorecardsDialog *self);

static SignetScorecardSubject
get_subject (SignetScorecardsDialog *self)
{
  const char *name = adw_toggle_group_get_active_name (self->subject_group);

  if (g_strcmp0 (name, "departments") == 0)
    return SIGNET_SCORECARD_DEPARTMENT;
  if (g_strcmp0 (name, "contract") == 0)
    return SIGNET_SCORECARD_CONTRACT;

  return SIGNET_SCORECARD_CLIENT;
}

static SignetScorecardPeriod
get_period (SignetScorecardsDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->period_dropdown);

  return selected <= SIGNET_SCORECARD_PERIOD_CUSTOM ? selected : SIGNET_SCORECARD_PERIOD_THIS_YEAR;
}

/* The figures behind a rate, as a line under its explanation. */
static char *
dup_breakdown (SignetScorecard       *card,
               SignetScorecardFigure  figure)
{
  const SignetScorecardPayments *payments;
  const SignetScorecardObligations *obligations;

  switch (figure)
    {
    case SIGNET_SCORECARD_PAYMENTS_RECEIVED:
    case SIGNET_SCORECARD_PAYMENTS_MADE:
      payments = signet_scorecard_get_payments (card, figure == SIGNET_SCORECARD_PAYMENTS_RECEIVED
                                                      ? SIGNET_PAYMENT_RECEIVABLE : SIGNET_PAYMENT_PAYABLE);
      /* Translators: how the planned payments due in a scorecard's
       * period stand. */
      return g_strdup_printf (_("On time: %u · Late: %u · Overdue: %u · Not yet due: %u · Without an amount: %u"),
                              payments->n_on_time, payments->n_late, payments->n_overdue,
                              payments->n_not_yet_due, payments->n_no_amount);

    case SIGNET_SCORECARD_OBLIGATIONS:
      obligations = signet_scorecard_get_obligations (card);
      /* Translators: how the obligation occurrences due in a scorecard's
       * period stand. */
      return g_strdup_printf (_("On time: %u · Late: %u · Overdue: %u · Not yet due: %u · Waived: %u"),
                              obligations->n_on_time, obligations->n_late, obligations->n_overdue,
                              obligations->n_not_yet_due, obligations->n_waived);

    case SIGNET_SCORECARD_OPEN_RISKS:
    case SIGNET_SCORECARD_OPEN_FINDINGS:
      {
        guint n = signet_scorecard_get_n_contracts (card, figure);

        return n > 0 ? g_strdup_printf (ngettext ("On %u contract", "On %u contracts", n), n) : NULL;
      }

    case SIGNET_SCORECARD_CONTRACTS:
    case SIGNET_SCORECARD_VALUE:
    case SIGNET_SCORECARD_DAYS_LATE_RECEIVED:
    case SIGNET_SCORECARD_DAYS_LATE_MADE:
    case SIGNET_SCORECARD_RENEWALS:
    case SIGNET_SCORECARD_TACIT_RENEWALS:
    case SIGNET_SCORECARD_TERMINATIONS:
    default:
      return NULL;
    }
}

/* The line under a figure: the average days late under a rate, the tacit
 * renewals under the renewals. */
static char *
dup_second_line (SignetScorecard       *card,
                 SignetScorecardFigure  second)
{
  g_autofree char *text = NULL;

  switch (second)
    {
    case SIGNET_SCORECARD_DAYS_LATE_RECEIVED:
    case SIGNET_SCORECARD_DAYS_LATE_MADE:
      if (signet_scorecard_get_count (card, second) == 0)
        return NULL;
      text = signet_scorecard_format_figure (card, second);
      /* Translators: under a share of payments on time, the average
       * days late of the late ones, "4.5"; keep it short, the column is
       * as wide as its number. */
      return g_strdup_printf (_("avg. %s days late"), text);

    case SIGNET_SCORECARD_TACIT_RENEWALS:
      if (signet_scorecard_get_count (card, second) == 0)
        return NULL;
      text = signet_scorecard_format_figure (card, second);
      /* Translators: under the renewals of a scorecard, how many
       * auto-renewing contracts renewed by themselves. */
      return g_strdup_printf (_("Tacit renewals: %s"), text);

    default:
      return NULL;
    }
}

/* Whether the figure's number opens something: the contracts its query
 * selects, or the one contract of a contract's scorecard. */
static gboolean
figure_opens (SignetScorecard       *card,
              SignetScorecardFigure  figure)
{
  g_autoptr(SignetContractQuery) query = NULL;

  if (signet_scorecard_get_count (card, figure) == 0)
    return FALSE;
  if (signet_scorecard_get_subject (card) == SIGNET_SCORECARD_CONTRACT)
    return figure == SIGNET_SCORECARD_CONTRACTS || figure == SIGNET_SCORECARD_VALUE;

  query = signet_scorecard_dup_query (card, figure);

  return query != NULL;
}

static char *
dup_list_title (SignetScorecardsDialog *self,
                SignetScorecard        *card,
                SignetScorecardFigure   figure)
{
  g_autofree char *from = signet_date_format_display (signet_scorecard_get_from (card));
  g_autofree char *to = signet_date_format_display (signet_scorecard_get_to (card));

  if (figure == SIGNET_SCORECARD_OPEN_FINDINGS)
    /* Translators: what the list shows after a click in a scorecard:
     * the client or department, then the figure. */
    return g_strdup_printf (_("%s: %s"), signet_scorecard_get_name (card), signet_scorecard_figure_get_label (figure));

  /* Translators: what the list shows after a click in a scorecard: the
   * client or department, the figure, the first and last day. */
  return g_strdup_printf (_("%s: %s, %s to %s"), signet_scorecard_get_name (card),
                          signet_scorecard_figure_get_label (figure), from, to);
}

static void
figure_clicked_cb (SignetScorecardsDialog *self,
                   GtkButton              *button)
{
  SignetScorecard *card = g_object_get_data (G_OBJECT (button), CELL_CARD);
  SignetScorecardFigure figure = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), CELL_FIGURE));
  g_autoptr(SignetContractQuery) query = NULL;
  g_autofree char *title = NULL;

  if (card == NULL)
    return;

  if (signet_scorecard_get_subject (card) == SIGNET_SCORECARD_CONTRACT)
    {
      g_signal_emit (self, signals[OPEN_CONTRACT], 0, signet_scorecard_get_subject_id (card));
      return;
    }

  query = signet_scorecard_dup_query (card, figure);
  if (query == NULL)
    return;

  title = dup_list_title (self, card, figure);
  g_signal_emit (self, signals[SHOW_CONTRACTS], 0, query, title);
}

static void
figure_cell_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      SignetScorecardsDialog   *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), CELL_FIGURE));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *second = gtk_label_new (NULL);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_button_set_child (GTK_BUTTON (button), gtk_label_new (NULL));
  gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 1);
  gtk_label_set_justify (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), GTK_JUSTIFY_RIGHT);
  gtk_widget_add_css_class (gtk_button_get_child (GTK_BUTTON (button)), "numeric");
  g_object_set_data (G_OBJECT (button), CELL_FIGURE, GUINT_TO_POINTER (columns[column].figure));
  g_signal_connect_object (button, "clicked", G_CALLBACK (figure_clicked_cb), self, G_CONNECT_SWAPPED);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_widget_add_css_class (label, "numeric");
  /* Where the button's padding puts its text, and as tall, so that a row
   * of numbers that open nothing is as high as the others. */
  gtk_widget_set_margin_end (label, 10);
  gtk_widget_set_size_request (label, -1, 34);

  gtk_label_set_xalign (GTK_LABEL (second), 1);
  gtk_widget_set_margin_end (second, 10);
  gtk_widget_add_css_class (second, "dim-label");
  gtk_widget_add_css_class (second, "caption");

  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), second);
  g_object_set_data (G_OBJECT (box), CELL_BUTTON, button);
  g_object_set_data (G_OBJECT (box), CELL_LABEL, label);
  g_object_set_data (G_OBJECT (box), CELL_SECOND, second);
  gtk_list_item_set_child (item, box);
}

static void
figure_cell_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     SignetScorecardsDialog   *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), CELL_FIGURE));
  SignetScorecardFigure figure = columns[column].figure;
  SignetScorecard *card = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *button = g_object_get_data (G_OBJECT (box), CELL_BUTTON);
  GtkWidget *label = g_object_get_data (G_OBJECT (box), CELL_LABEL);
  GtkWidget *second = g_object_get_data (G_OBJECT (box), CELL_SECOND);
  g_autofree char *text = signet_scorecard_format_figure (card, figure);
  g_autofree char *second_text = columns[column].second >= 0 ? dup_second_line (card, columns[column].second) : NULL;
  g_autofree char *breakdown = dup_breakdown (card, figure);
  g_autofree char *tooltip = NULL;
  g_autofree char *accessible = NULL;
  gboolean opens = figure_opens (card, figure);

  gtk_label_set_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), text);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_visible (button, opens);
  gtk_widget_set_visible (label, !opens);
  g_object_set_data (G_OBJECT (button), CELL_CARD, card);

  gtk_label_set_text (GTK_LABEL (second), second_text != NULL ? second_text : "");
  gtk_widget_set_visible (second, second_text != NULL);

  if (breakdown != NULL)
    tooltip = g_strdup_printf ("%s\n\n%s", signet_scorecard_figure_get_explanation (figure), breakdown);
  else
    tooltip = g_strdup (signet_scorecard_figure_get_explanation (figure));
  gtk_widget_set_tooltip_text (box, tooltip);

  /* Translators: a number of a scorecard to a screen reader: the
   * client, the figure's name, the number ("Acme, Open Risks: 2"). */
  accessible = g_strdup_printf (_("%s, %s: %s"), signet_scorecard_get_name (card),
                                signet_scorecard_figure_get_label (figure), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (opens ? button : label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                  -1);
}

static void
figure_cell_unbind_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       SignetScorecardsDialog   *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  g_object_set_data (g_object_get_data (G_OBJECT (box), CELL_BUTTON), CELL_CARD, NULL);
}

static void
text_cell_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
rank_cell_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  data)
{
  SignetScorecard *card = gtk_list_item_get_item (item);
  guint rank = signet_scorecard_get_rank (card);
  g_autofree char *text = rank > 0 ? g_strdup_printf ("%u", rank) : g_strdup ("");

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
name_cell_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  data)
{
  SignetScorecard *card = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), signet_scorecard_get_name (card));
  gtk_widget_set_tooltip_text (label, signet_scorecard_get_name (card));
}

/* What a column sorts by: a rate for the shares (none due sorts below
 * 0 %), else the count. */
static double
figure_sort_key (SignetScorecard       *card,
                 SignetScorecardFigure  figure)
{
  switch (figure)
    {
    case SIGNET_SCORECARD_PAYMENTS_RECEIVED:
      return signet_scorecard_payments_get_rate (signet_scorecard_get_payments (card, SIGNET_PAYMENT_RECEIVABLE));
    case SIGNET_SCORECARD_PAYMENTS_MADE:
      return signet_scorecard_payments_get_rate (signet_scorecard_get_payments (card, SIGNET_PAYMENT_PAYABLE));
    case SIGNET_SCORECARD_OBLIGATIONS:
      return signet_scorecard_obligations_get_rate (signet_scorecard_get_obligations (card));
    default:
      return signet_scorecard_get_count (card, figure);
    }
}

static int
compare_figures (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  SignetScorecardFigure figure = GPOINTER_TO_UINT (data);
  double x = figure_sort_key ((SignetScorecard *) a, figure);
  double y = figure_sort_key ((SignetScorecard *) b, figure);

  return (x > y) - (x < y);
}

static int
compare_ranks (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  guint x = signet_scorecard_get_rank ((SignetScorecard *) a);
  guint y = signet_scorecard_get_rank ((SignetScorecard *) b);

  return (x > y) - (x < y);
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  return g_utf8_collate (signet_scorecard_get_name ((SignetScorecard *) a),
                         signet_scorecard_get_name ((SignetScorecard *) b));
}

static void
set_sorter (GtkColumnViewColumn *column,
            GCompareDataFunc     compare,
            gpointer             data)
{
  g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (compare, data, NULL);

  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
}

static GtkColumnViewColumn *
add_column (SignetScorecardsDialog *self,
            const char             *title,
            GtkListItemFactory     *factory)
{
  GtkColumnViewColumn *column = gtk_column_view_column_new (title, factory);

  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);

  return column;
}

static void
build_columns (SignetScorecardsDialog *self)
{
  GtkListItemFactory *factory;
  GtkColumnViewColumn *column;

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (text_cell_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (rank_cell_bind_cb), NULL);
  /* Translators: the column of a scorecard's place in the ranking. */
  column = add_column (self, C_("scorecards", "Rank"), factory);
  set_sorter (column, compare_ranks, NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (text_cell_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (name_cell_bind_cb), NULL);
  self->name_column = add_column (self, _("Client"), factory);
  /* Wide enough for a Chinese company's name, and wider when there is
   * room; the figures to its right scroll when the window is narrow. */
  gtk_column_view_column_set_fixed_width (self->name_column, 200);
  gtk_column_view_column_set_expand (self->name_column, TRUE);
  gtk_column_view_column_set_resizable (self->name_column, TRUE);
  set_sorter (self->name_column, compare_names, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      factory = gtk_signal_list_item_factory_new ();
      g_object_set_data (G_OBJECT (factory), CELL_FIGURE, GUINT_TO_POINTER (i));
      g_signal_connect_object (factory, "setup", G_CALLBACK (figure_cell_setup_cb), self, 0);
      g_signal_connect_object (factory, "bind", G_CALLBACK (figure_cell_bind_cb), self, 0);
      g_signal_connect_object (factory, "unbind", G_CALLBACK (figure_cell_unbind_cb), self, 0);
      column = add_column (self, signet_scorecard_figure_get_label (columns[i].figure), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      set_sorter (column, compare_figures, GUINT_TO_POINTER (columns[i].figure));
    }
}

static void
build_explanations (SignetScorecardsDialog *self)
{
  for (guint figure = 0; figure < SIGNET_N_SCORECARD_FIGURES; figure++)
    {
      GtkWidget *heading = gtk_label_new (signet_scorecard_figure_get_label (figure));
      GtkWidget *text = gtk_label_new (signet_scorecard_figure_get_explanation (figure));
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (text), 50);
      gtk_box_append (GTK_BOX (box), heading);
      gtk_box_append (GTK_BOX (box), text);
      gtk_box_append (self->explanations_box, box);
    }
}

static void
update_range_button (SignetScorecardsDialog *self)
{
  g_autofree char *from = signet_date_format_display (self->from);
  g_autofree char *to = signet_date_format_display (self->to);
  /* Translators: the period of the scorecards, its first and last day. */
  g_autofree char *label = g_strdup_printf (_("%s to %s"), from, to);

  gtk_menu_button_set_label (self->range_button, label);
}

static void
update_caption (SignetScorecardsDialog *self,
                const char             *today)
{
  g_autofree char *day = signet_date_format_display (today);
  g_autofree char *text = NULL;

  if (get_subject (self) == SIGNET_SCORECARD_CONTRACT)
    /* Translators: %s is the day the figures are of. */
    text = g_strdup_printf (_("As of %s. Point at a figure to see how it is computed."), day);
  else
    /* Translators: %s is the day the figures are of. */
    text = g_strdup_printf (_("Ranked by payments on time, then obligations on time; as of %s. "
                              "A number that is a button lists its contracts; point at a figure "
                              "to see how it is computed."), day);

  gtk_label_set_text (self->caption, text);
}

static void
show_scorecards (SignetScorecardsDialog *self,
                 GPtrArray              *cards,
                 const GError           *error)
{
  SignetScorecardSubject subject = get_subject (self);

  if (error != NULL)
    {
      adw_status_page_set_title (self->empty_page, _("The Scorecards Could Not Be Computed"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      g_list_store_remove_all (self->scorecards);
      return;
    }

  g_list_store_splice (self->scorecards, 0, g_list_model_get_n_items (G_LIST_MODEL (self->scorecards)),
                       cards->pdata, cards->len);

  if (cards->len == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Scorecards"));
      adw_status_page_set_description (self->empty_page,
                                       subject == SIGNET_SCORECARD_DEPARTMENT
                                       ? _("No contract names a department yet.")
                                       : _("No client has a contract yet."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "table");
}

static void
scorecards_computed_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      data)
{
  g_autoptr(SignetScorecardsDialog) self = data;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;

  cards = signet_store_compute_scorecards_finish (SIGNET_STORE (source), result, &error);
  /* A newer period or subject was asked for meanwhile, or the dialog
   * went. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_visible (self->spinner, FALSE);
  show_scorecards (self, cards, error);
}

/* Works the figures out in a thread: on a large register (100,000
 * contracts with their payments and obligations) that takes seconds,
 * through which the window stays responsive and the figures shown stay
 * until the new ones come. */
static void
reload (SignetScorecardsDialog *self)
{
  g_autofree char *today = NULL;
  SignetScorecardSubject subject = get_subject (self);
  SignetScorecardPeriod period = get_period (self);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store == NULL)
    return;

  today = signet_store_dup_today (self->store);
  if (period != SIGNET_SCORECARD_PERIOD_CUSTOM || self->from == NULL)
    {
      g_clear_pointer (&self->from, g_free);
      g_clear_pointer (&self->to, g_free);
      signet_scorecard_period_get_range (period == SIGNET_SCORECARD_PERIOD_CUSTOM
                                         ? SIGNET_SCORECARD_PERIOD_THIS_YEAR : period,
                                         today, &self->from, &self->to);
    }
  update_range_button (self);
  update_caption (self, today);

  switch (subject)
    {
    case SIGNET_SCORECARD_CONTRACT:
      gtk_column_view_column_set_title (self->name_column, _("Contract"));
      break;
    case SIGNET_SCORECARD_DEPARTMENT:
      gtk_column_view_column_set_title (self->name_column, _("Department"));
      break;
    case SIGNET_SCORECARD_CLIENT:
    default:
      gtk_column_view_column_set_title (self->name_column, _("Client"));
      break;
    }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_visible (self->spinner, TRUE);
  signet_store_compute_scorecards_async (self->store, subject, self->contract_id, self->from, self->to,
                                         self->cancellable, scorecards_computed_cb, g_object_ref (self));
}

static gboolean
reload_idle_cb (gpointer data)
{
  SignetScorecardsDialog *self = data;

  self->reload_source = 0;
  reload (self);

  return G_SOURCE_REMOVE;
}

/* Writes come in bursts (a payment with its settlements, an import):
 * the figures are worked out again once they are over. */
static void
store_changed_cb (SignetScorecardsDialog *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_LOW, reload_idle_cb, self, NULL);
}

static void
subject_changed_cb (SignetScorecardsDialog *self)
{
  reload (self);
}

static gboolean
popup_range_cb (gpointer data)
{
  SignetScorecardsDialog *self = data;

  self->popup_source = 0;
  gtk_menu_button_popup (self->range_button);

  return G_SOURCE_REMOVE;
}

static void
period_selected_cb (SignetScorecardsDialog *self)
{
  if (get_period (self) == SIGNET_SCORECARD_PERIOD_CUSTOM)
    {
      /* The range shown stays until the user gives another. Asked once
       * the drop-down's own popover has gone, which a popover opened at
       * the same moment loses its grab to. */
      if (self->popup_source == 0)
        self->popup_source = g_idle_add (popup_range_cb, self);
      return;
    }

  reload (self);
}

static void
range_popover_shown_cb (SignetScorecardsDialog *self)
{
  signet_date_entry_set_date (SIGNET_DATE_ENTRY (self->from_entry), self->from);
  signet_date_entry_set_date (SIGNET_DATE_ENTRY (self->to_entry), self->to);
  gtk_widget_set_visible (GTK_WIDGET (self->range_error), FALSE);
  gtk_widget_grab_focus (self->from_entry);
}

static void
range_applied_cb (SignetScorecardsDialog *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GError) error = NULL;

  if (!signet_date_entry_get_date (SIGNET_DATE_ENTRY (self->from_entry), &from, &error) ||
      !signet_date_entry_get_date (SIGNET_DATE_ENTRY (self->to_entry), &to, &error))
    {
      gtk_label_set_text (self->range_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->range_error), TRUE);
      return;
    }
  if (from == NULL || to == NULL || strcmp (from, to) > 0)
    {
      gtk_label_set_text (self->range_error, _("Enter a first day on or before the last day."));
      gtk_widget_set_visible (GTK_WIDGET (self->range_error), TRUE);
      return;
    }

  g_set_str (&self->from, from);
  g_set_str (&self->to, to);
  gtk_popover_popdown (self->range_popover);

  if (get_period (self) != SIGNET_SCORECARD_PERIOD_CUSTOM)
    gtk_drop_down_set_selected (self->period_dropdown, SIGNET_SCORECARD_PERIOD_CUSTOM);
  else
    reload (self);
}

static void
signet_scorecards_dialog_dispose (GObject *object)
{
  SignetScorecardsDialog *self = SIGNET_SCORECARDS_DIALOG (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->popup_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIGNET_TYPE_SCORECARDS_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->scorecards);

  G_OBJECT_CLASS (signet_scorecards_dialog_parent_class)->dispose (object);
}

static void
signet_scorecards_dialog_finalize (GObject *object)
{
  SignetScorecardsDialog *self = SIGNET_SCORECARDS_DIALOG (object);

  g_free (self->from);
  g_free (self->to);

  G_OBJECT_CLASS (signet_scorecards_dialog_parent_class)->finalize (object);
}

static void
signet_scorecards_dialog_class_init (SignetScorecardsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_scorecards_dialog_dispose;
  object_class->finalize = signet_scorecards_dialog_finalize;

  signals[SHOW_CONTRACTS] = g_signal_new ("show-contracts", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                          SIGNET_TYPE_CONTRACT_QUERY, G_TYPE_STRING);
  signals[OPEN_CONTRACT] = g_signal_new ("open-contract", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-scorecards-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetScorecardsDialog, subject_group);
  gtk_widget_class_bind_template_child (widget_class, SignetScorecardsDialog, help_button);
  gtk_widget_class_bind_template_child (widget_class, SignetScorecardsDialog, explanations_box);
  gtk_widget_class_bind_template_child (widget_class, SignetScorecardsDialog, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SignetScorecardsDialog, range_button);
  gtk_widget_class_bind_template_child (widget_class, SignetScorecardsDialog, range_popover);
  gtk_widget_class_bind_template_child (widget_class, SignetScorecardsDialog, range_list);
  gtk_widget_class_bind_template_child (widget_class, SignetScorecardsDialog, range_error);
  gtk_widget_class_bind_template_child (widget_class, SignetScorecardsDialog, caption);
  gtk_widget_class_bind_template_child (widget_class, SignetScorecardsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SignetScorecardsDialog, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SignetScorecardsDialog, column_view);
  gtk_widget_class_bind_template_child (widget_class, SignetScorecardsDialog, spinner);
  gtk_widget_class_bind_template_callback (widget_class, subject_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, range_popover_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, range_applied_cb);
}

static void
signet_scorecards_dialog_init (SignetScorecardsDialog *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkSortListModel *sorted;

  g_type_ensure (SIGNET_TYPE_DATE_ENTRY);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->scorecards = g_list_store_new (SIGNET_TYPE_SCORECARD);
  build_columns (self);
  /* In the ranking's order until a column's heading is clicked. */
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->scorecards)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_no_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  build_explanations (self);

  self->from_entry = signet_date_entry_new (_("First Day"));
  self->to_entry = signet_date_entry_new (_("Last Day"));
  gtk_list_box_append (self->range_list, self->from_entry);
  gtk_list_box_append (self->range_list, self->to_entry);
}

AdwDialog *
signet_scorecards_dialog_new (SignetStore *store)
{
  SignetScorecardsDialog *self;

  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);

  self = g_object_new (SIGNET_TYPE_SCORECARDS_DIALOG, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "reset", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);

  return ADW_DIALOG (self);
}

void
signet_scorecards_dialog_show_contract (SignetScorecardsDialog *self,
                                        gint64                  contract_id,
                                        const char             *number)
{
  AdwToggle *toggle;

  g_return_if_fail (SIGNET_IS_SCORECARDS_DIALOG (self));
  g_return_if_fail (number != NULL);

  self->contract_id = contract_id;
  toggle = adw_toggle_group_get_toggle_by_name (self->subject_group, "contract");
  if (toggle == NULL)
    {
      toggle = adw_toggle_new ();
      adw_toggle_set_name (toggle, "contract");
      adw_toggle_group_add (self->subject_group, toggle);
    }
  adw_toggle_set_label (toggle, number);

  if (g_strcmp0 (adw_toggle_group_get_active_name (self->subject_group), "contract") == 0)
    reload (self);
  else
    adw_toggle_group_set_active_name (self->subject_group, "contract");
}
