/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-contract-table"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-column-sorter.h"
#include "signet-contract-process.h"
#include "signet-contract-table.h"
#include "signet-date.h"
#include "signet-money.h"
#include "signet-store-events.h"

/* Until the first frame only the rows that fit in the window are made:
 * every row made is also measured, and rows were most of the time Signet
 * took to show its window. At the usual font size a row is at least
 * ROW_MIN_HEIGHT pixels high (31 with Latin text, 34 with Chinese), and
 * the header bar and the column titles take about 80 (47 + 33; a little
 * less is counted). With a smaller font, or a window that grows, the rest
 * of the rows fill in a frame later. */
#define ROW_MIN_HEIGHT 31
#define CHROME_MIN_HEIGHT 78
#define FIRST_FRAME_MIN_ROWS 10

struct _SignetContractTable
{
  GtkWidget            parent_instance;

  GtkScrolledWindow   *scrolled_window;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *number_column;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *client_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *end_date_column;
  GtkColumnViewColumn *value_column;

  SignetContractList  *model;
  /* Until the first frame is painted only the rows that fit in the
   * window (first_frame_rows()), then all of it: GtkColumnView in GTK 4.8
   * makes about 200 rows up front, most of them out of sight. */
  GtkSliceListModel   *slice;
  gulong               after_paint_handler;
  guint                show_all_source;
  GdkFrameClock       *frame_clock;
  GtkSingleSelection  *selection;

  /* The title cells bound to a row: they say where a search found it. */
  GPtrArray           *title_items;

  gint64               selected_id;
  SignetContractTableColumns columns;
  /* Set while the model changes or the table selects a row itself, so the
   * selection changes GtkSingleSelection makes then are not the user's. */
  guint                updating;
};

G_DEFINE_FINAL_TYPE (SignetContractTable, signet_contract_table, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (SignetContractTableColumns, signet_contract_table_columns,
                    G_DEFINE_ENUM_VALUE (SIGNET_CONTRACT_TABLE_COLUMNS_ALL, "all"),
                    G_DEFINE_ENUM_VALUE (SIGNET_CONTRACT_TABLE_COLUMNS_NO_VALUE, "no-value"),
                    G_DEFINE_ENUM_VALUE (SIGNET_CONTRACT_TABLE_COLUMNS_ESSENTIAL, "essential"))

enum {
  PROP_0,
  PROP_COLUMNS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SELECTION_CHANGED,
  ROW_ACTIVATED,
  SORT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkColumnViewColumn *
column_for_key (SignetContractTable *self,
                SignetSortKey        key)
{
  switch (key)
    {
    case SIGNET_SORT_NUMBER:   return self->number_column;
    case SIGNET_SORT_TITLE:    return self->title_column;
    case SIGNET_SORT_CLIENT:   return self->client_column;
    case SIGNET_SORT_STATUS:   return self->status_column;
    case SIGNET_SORT_END_DATE: return self->end_date_column;
    case SIGNET_SORT_VALUE:    return self->value_column;
    default:
      g_assert_not_reached ();
    }
}

static void
scroll_to_position (SignetContractTable *self,
                    guint                position)
{
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_column_view_scroll_to (self->column_view, position, NULL, GTK_LIST_SCROLL_NONE, NULL);
}

/* Whether @widget, picked in the column view, is in one of its rows (not
 * in the column titles or the space below the last row). */
static gboolean
is_in_row (SignetContractTable *self,
           GtkWidget           *widget)
{
  for (GtkWidget *w = widget; w != NULL && w != GTK_WIDGET (self->column_view); w = gtk_widget_get_parent (w))
    {
      GtkWidget *parent = gtk_widget_get_parent (w);

      if (GTK_IS_LIST_VIEW (parent))
        return TRUE;
    }

  return FALSE;
}

/* The rows that the window shows at its size, before it is allocated. */
static guint
first_frame_rows (SignetContractTable *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  int width = -1;
  int height = -1;

  if (GTK_IS_WINDOW (root))
    {
      gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);

      /* A maximized window is as high as its monitor; take the tallest. */
      if (gtk_window_is_maximized (GTK_WINDOW (root)) || height <= 0)
        {
          GListModel *monitors = gdk_display_get_monitors (display);

          for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
            {
              g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
              GdkRectangle geometry;

              gdk_monitor_get_geometry (monitor, &geometry);
              height = MAX (height, geometry.height);
            }
        }
    }

  if (height <= 0)
    return G_MAXUINT;

  /* The last row may show only in part. */
  return MAX (FIRST_FRAME_MIN_ROWS, (MAX (height - CHROME_MIN_HEIGHT, 0) + ROW_MIN_HEIGHT - 1) / ROW_MIN_HEIGHT);
}

static void
restore_selection (SignetContractTable *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->selected_id != 0)
    position = signet_contract_list_find (self->model, self->selected_id);

  self->updating++;
  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
  self->updating--;
}

static void
set_label_text (GtkListItem *list_item,
                const char  *text)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text ? text : "");
}

/* Title and client may be cut short in their column: then the tooltip has
 * it all. Asked for on hover, because setting a tooltip on every cell as it
 * is bound cost a tenth of the start-up time. */
static gboolean
long_text_query_tooltip_cb (GtkLabel   *label,
                            int         x,
                            int         y,
                            gboolean    keyboard_mode,
                            GtkTooltip *tooltip,
                            gpointer    data)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;

  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}

static void
plain_cell_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     SignetContractTable      *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
text_cell_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    SignetContractTable      *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (long_text_query_tooltip_cb), NULL);
  gtk_list_item_set_child (list_item, label);
}

static void
status_cell_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      SignetContractTable      *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "status-pill");
  gtk_list_item_set_child (list_item, label);
}

static void
value_cell_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     SignetContractTable      *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
  /* Clear of the overlay scrollbar at the right edge. */
  gtk_widget_set_margin_end (label, 8);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

/* The number, and after it a mark while the contract's paper original is
 * on loan. */
static void
number_cell_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      SignetContractTable      *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *mark = gtk_image_new_from_icon_name ("document-send-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_tooltip_text (mark, _("The paper original is on loan"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The paper original is on loan"), -1);
  gtk_widget_add_css_class (mark, "dim-label");
  gtk_widget_set_visible (mark, FALSE);
  gtk_box_append (GTK_BOX (box), mark);
  gtk_list_item_set_child (list_item, box);
}

static void
number_cell_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     SignetContractTable      *self)
{
  SignetContract *contract = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  const char *number = signet_contract_get_number (contract);
  gboolean on_loan = self->model != NULL &&
                     signet_store_contract_is_on_loan (signet_contract_list_get_store (self->model),
                                                       signet_contract_get_id (contract));

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), number != NULL ? number : "");
  gtk_widget_set_visible (gtk_widget_get_last_child (box), on_loan);
}

/* Under the title, where the search found a row that shows nothing it
 * looked for ("Owner: 李娜", "in 租赁合同.pdf"). The label is made the first
 * time a row needs it: most rows never do. */
static void
update_match_location (SignetContractTable *self,
                       GtkListItem         *list_item)
{
  SignetContract *contract = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *location = gtk_widget_get_last_child (box);
  const char *search = self->model != NULL ? signet_contract_list_get_search (self->model) : NULL;
  g_autofree char *text = NULL;

  if (contract != NULL && search != NULL)
    text = signet_store_describe_match (signet_contract_list_get_store (self->model),
                                        signet_contract_get_id (contract), search);

  if (location == gtk_widget_get_first_child (box))
    {
      if (text == NULL)
        return;

      location = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (location), 0.0f);
      gtk_label_set_ellipsize (GTK_LABEL (location), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (location, "caption");
      gtk_widget_add_css_class (location, "dim-label");
      gtk_box_append (GTK_BOX (box), location);
    }

  gtk_label_set_text (GTK_LABEL (location), text != NULL ? text : "");
  gtk_widget_set_visible (location, text != NULL);
}

static void
search_changed_cb (SignetContractTable *self)
{
  for (guint i = 0; i < self->title_items->len; i++)
    update_match_location (self, g_ptr_array_index (self->title_items, i));
}

static void
title_cell_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     SignetContractTable      *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (long_text_query_tooltip_cb), NULL);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (list_item, box);
}

static void
title_cell_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    SignetContractTable      *self)
{
  SignetContract *contract = gtk_list_item_get_item (list_item);
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));

  gtk_label_set_text (GTK_LABEL (title), signet_contract_get_title (contract));
  g_ptr_array_add (self->title_items, list_item);
  update_match_location (self, list_item);
}

static void
title_cell_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      SignetContractTable      *self)
{
  if (self->title_items != NULL)
    g_ptr_array_remove_fast (self->title_items, list_item);
}

static void
client_cell_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     SignetContractTable      *self)
{
  SignetContract *contract = gtk_list_item_get_item (list_item);

  set_label_text (list_item, signet_contract_get_client_name (contract));
}

static void
status_cell_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     SignetContractTable      *self)
{
  SignetContract *contract = gtk_list_item_get_item (list_item);
  g_autofree char *today = signet_store_dup_today (signet_contract_list_get_store (self->model));
  SignetContractStatus status = signet_contract_get_shown_status (contract, today);
  g_autofree char *status_class = g_strdup_printf ("status-%s", signet_contract_status_to_token (status));
  const char *classes[] = { "status-pill", status_class, NULL };
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_widget_set_css_classes (label, classes);
  gtk_label_set_text (GTK_LABEL (label), signet_contract_status_to_label (status));
}

static void
end_date_cell_bind_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item,
                       SignetContractTable      *self)
{
  SignetContract *contract = gtk_list_item_get_item (list_item);
  g_autofree char *text = signet_date_format_display (signet_contract_get_end_date (contract));

  set_label_text (list_item, text);
}

static void
value_cell_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    SignetContractTable      *self)
{
  SignetContract *contract = gtk_list_item_get_item (list_item);
  g_autofree char *text = signet_money_format (signet_contract_get_value (contract),
                                               signet_contract_get_currency (contract));

  set_label_text (list_item, text);
}

static void
model_items_changing_cb (SignetContractTable *self,
                         guint                position,
                         guint                removed,
                         guint                added,
                         GListModel          *model)
{
  self->updating++;
}

static void
model_items_changed_cb (SignetContractTable *self,
                        guint                position,
                        guint                removed,
                        guint                added,
                        GListModel          *model)
{
  self->updating--;
  restore_selection (self);
}

static void
selection_changed_cb (SignetContractTable *self,
                      GParamSpec          *pspec,
                      GtkSingleSelection  *selection)
{
  g_autoptr(SignetContract) contract = NULL;

  if (self->updating > 0)
    return;

  contract = gtk_single_selection_get_selected_item (selection);
  if (contract != NULL)
    g_object_ref (contract);

  self->selected_id = contract ? signet_contract_get_id (contract) : 0;
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/* A click on a row, after the row selected itself: also on the row that
 * was selected already, which a window showing one pane at a time opens
 * again. */
static void
row_released_cb (SignetContractTable *self,
                 int                  n_press,
                 double               x,
                 double               y,
                 GtkGestureClick     *gesture)
{
  GtkWidget *picked;

  if (n_press != 1)
    return;

  picked = gtk_widget_pick (GTK_WIDGET (self->column_view), x, y, GTK_PICK_DEFAULT);
  if (picked != NULL && is_in_row (self, picked))
    g_signal_emit (self, signals[ROW_ACTIVATED], 0);
}

/* Enter on a row, or a double click. */
static void
column_view_activated_cb (SignetContractTable *self,
                          guint                position,
                          GtkColumnView       *column_view)
{
  g_signal_emit (self, signals[ROW_ACTIVATED], 0);
}

static void
view_sorter_changed_cb (SignetContractTable *self,
                        GtkSorterChange      change,
                        GtkSorter           *view_sorter)
{
  SignetSortKey key;
  gboolean descending;
  guint position;

  if (self->model == NULL || !signet_column_sorter_probe (view_sorter, &key, &descending))
    return;

  if (key == signet_contract_list_get_sort_key (self->model) &&
      descending == signet_contract_list_get_descending (self->model))
    return;

  signet_contract_list_set_sort (self->model, key, descending);

  position = gtk_single_selection_get_selected (self->selection);
  scroll_to_position (self, position != GTK_INVALID_LIST_POSITION ? position : 0);

  g_signal_emit (self, signals[SORT_CHANGED], 0);
}

static void
stop_waiting_for_paint (SignetContractTable *self)
{
  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_handler, self->frame_clock);
  g_clear_object (&self->frame_clock);
}

static gboolean
show_all_rows_cb (gpointer data)
{
  SignetContractTable *self = data;

  self->show_all_source = 0;
  if (self->slice != NULL)
    {
      signet_contract_list_load_all (self->model);
      gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
    }

  return G_SOURCE_REMOVE;
}

/* The rest of the rows once the frame is on screen, not while it is made. */
static void
first_frame_painted_cb (SignetContractTable *self,
                        GdkFrameClock       *frame_clock)
{
  stop_waiting_for_paint (self);

  if (self->show_all_source == 0)
    self->show_all_source = g_idle_add (show_all_rows_cb, self);
}

static void
signet_contract_table_map (GtkWidget *widget)
{
  SignetContractTable *self = SIGNET_CONTRACT_TABLE (widget);

  GTK_WIDGET_CLASS (signet_contract_table_parent_class)->map (widget);

  if (self->after_paint_handler == 0 && self->slice != NULL &&
      gtk_slice_list_model_get_size (self->slice) != G_MAXUINT)
    {
      self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
      self->after_paint_handler =
        g_signal_connect_object (self->frame_clock, "after-paint",
                                 G_CALLBACK (first_frame_painted_cb), self, G_CONNECT_SWAPPED);
    }
}

static void
signet_contract_table_unmap (GtkWidget *widget)
{
  stop_waiting_for_paint (SIGNET_CONTRACT_TABLE (widget));

  GTK_WIDGET_CLASS (signet_contract_table_parent_class)->unmap (widget);
}

static void
signet_contract_table_dispose (GObject *object)
{
  SignetContractTable *self = (SignetContractTable *)object;

  stop_waiting_for_paint (self);
  g_clear_handle_id (&self->show_all_source, g_source_remove);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGNET_TYPE_CONTRACT_TABLE);

  g_clear_pointer (&self->title_items, g_ptr_array_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->slice);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (signet_contract_table_parent_class)->dispose (object);
}

static void
signet_contract_table_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SignetContractTable *self = SIGNET_CONTRACT_TABLE (object);

  switch (prop_id)
    {
    case PROP_COLUMNS:
      g_value_set_enum (value, signet_contract_table_get_columns (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_contract_table_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SignetContractTable *self = SIGNET_CONTRACT_TABLE (object);

  switch (prop_id)
    {
    case PROP_COLUMNS:
      signet_contract_table_set_columns (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_contract_table_class_init (SignetContractTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_contract_table_dispose;
  object_class->get_property = signet_contract_table_get_property;
  object_class->set_property = signet_contract_table_set_property;
  widget_class->map = signet_contract_table_map;
  widget_class->unmap = signet_contract_table_unmap;

  /* Which columns show: the window shows fewer as it narrows. */
  properties[PROP_COLUMNS] =
    g_param_spec_enum ("columns", NULL, NULL,
                       SIGNET_TYPE_CONTRACT_TABLE_COLUMNS,
                       SIGNET_CONTRACT_TABLE_COLUMNS_ALL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signals[ROW_ACTIVATED] =
    g_signal_new ("row-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signals[SORT_CHANGED] =
    g_signal_new ("sort-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-contract-table.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetContractTable, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SignetContractTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, SignetContractTable, number_column);
  gtk_widget_class_bind_template_child (widget_class, SignetContractTable, title_column);
  gtk_widget_class_bind_template_child (widget_class, SignetContractTable, client_column);
  gtk_widget_class_bind_template_child (widget_class, SignetContractTable, status_column);
  gtk_widget_class_bind_template_child (widget_class, SignetContractTable, end_date_column);
  gtk_widget_class_bind_template_child (widget_class, SignetContractTable, value_column);
  gtk_widget_class_bind_template_callback (widget_class, plain_cell_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_cell_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_cell_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, value_cell_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, number_cell_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, number_cell_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_cell_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_cell_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_cell_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, client_cell_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_cell_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, end_date_cell_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, value_cell_bind_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
signet_contract_table_init (SignetContractTable *self)
{
  static const SignetSortKey keys[] = {
    SIGNET_SORT_NUMBER, SIGNET_SORT_TITLE, SIGNET_SORT_CLIENT,
    SIGNET_SORT_STATUS, SIGNET_SORT_END_DATE, SIGNET_SORT_VALUE,
  };
  GtkShortcutController *shortcuts;
  GtkGesture *click;

  self->title_items = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(SignetColumnSorter) sorter = signet_column_sorter_new (keys[i]);

      gtk_column_view_column_set_sorter (column_for_key (self, keys[i]), GTK_SORTER (sorter));
    }

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (view_sorter_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->column_view, "activate",
                           G_CALLBACK (column_view_activated_cb), self, G_CONNECT_SWAPPED);
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (row_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));

  /* Delete acts on the list only, so it never deletes a contract while
   * someone presses Delete in a field of the form. */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("contract.delete")));
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0),
                                                          gtk_named_action_new ("contract.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (shortcuts));
}

GtkWidget *
signet_contract_table_new (void)
{
  return g_object_new (SIGNET_TYPE_CONTRACT_TABLE, NULL);
}

SignetContractList *
signet_contract_table_get_model (SignetContractTable *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT_TABLE (self), NULL);

  return self->model;
}

void
signet_contract_table_set_model (SignetContractTable *self,
                                 SignetContractList  *model)
{
  g_return_if_fail (SIGNET_IS_CONTRACT_TABLE (self));
  g_return_if_fail (model == NULL || SIGNET_IS_CONTRACT_LIST (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);

  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->slice);
  g_set_object (&self->model, model);
  self->selected_id = 0;

  if (model == NULL)
    return;

  /* One handler before GtkSingleSelection reacts to a change and one after
   * it: in between, the selection it drops is not the user's doing. */
  g_signal_connect_object (model, "items-changed",
                           G_CALLBACK (model_items_changing_cb), self, G_CONNECT_SWAPPED);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    signet_contract_list_load_all (model);
  self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (model)), 0,
                                          signet_contract_table_get_first_frame_rows (self));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  g_signal_connect_object (model, "items-changed",
                           G_CALLBACK (model_items_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  /* Rows the search keeps where they were are not bound again. */
  g_signal_connect_object (model, "notify::search",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
}

gint64
signet_contract_table_get_selected_id (SignetContractTable *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT_TABLE (self), 0);

  return self->selected_id;
}

void
signet_contract_table_select_id (SignetContractTable *self,
                                 gint64               id)
{
  g_return_if_fail (SIGNET_IS_CONTRACT_TABLE (self));

  self->selected_id = id;
  if (self->model == NULL)
    return;

  restore_selection (self);
  scroll_to_position (self, gtk_single_selection_get_selected (self->selection));
}

void
signet_contract_table_set_sort (SignetContractTable *self,
                                SignetSortKey        key,
                                gboolean             descending)
{
  g_return_if_fail (SIGNET_IS_CONTRACT_TABLE (self));
  g_return_if_fail (key <= SIGNET_SORT_VALUE);

  gtk_column_view_sort_by_column (self->column_view, column_for_key (self, key),
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  if (self->model != NULL)
    signet_contract_list_set_sort (self->model, key, descending);
}

GtkWidget *
signet_contract_table_get_column_view (SignetContractTable *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT_TABLE (self), NULL);

  return GTK_WIDGET (self->column_view);
}

void
signet_contract_table_focus_selection (SignetContractTable *self)
{
  guint position;

  g_return_if_fail (SIGNET_IS_CONTRACT_TABLE (self));

  /* Scrolling to a row with GTK_LIST_SCROLL_FOCUS makes it the row that
   * the column view gives the focus to, but while the view is not focused
   * it does not move the focus itself. */
  position = self->selection ? gtk_single_selection_get_selected (self->selection) : GTK_INVALID_LIST_POSITION;
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_column_view_scroll_to (self->column_view, position, NULL, GTK_LIST_SCROLL_FOCUS, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

SignetContractTableColumns
signet_contract_table_get_columns (SignetContractTable *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT_TABLE (self), SIGNET_CONTRACT_TABLE_COLUMNS_ALL);

  return self->columns;
}

void
signet_contract_table_set_columns (SignetContractTable        *self,
                                   SignetContractTableColumns  columns)
{
  gboolean essential;

  g_return_if_fail (SIGNET_IS_CONTRACT_TABLE (self));
  g_return_if_fail (columns <= SIGNET_CONTRACT_TABLE_COLUMNS_ESSENTIAL);

  if (self->columns == columns)
    return;

  self->columns = columns;
  essential = (columns == SIGNET_CONTRACT_TABLE_COLUMNS_ESSENTIAL);
  gtk_column_view_column_set_visible (self->client_column, !essential);
  gtk_column_view_column_set_visible (self->status_column, !essential);
  gtk_column_view_column_set_visible (self->value_column, columns == SIGNET_CONTRACT_TABLE_COLUMNS_ALL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMNS]);
}

/* How many rows the table makes before its first frame: those that fit in
 * the window, or G_MAXUINT (all) once it is on screen. */
guint
signet_contract_table_get_first_frame_rows (SignetContractTable *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT_TABLE (self), G_MAXUINT);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    return G_MAXUINT;

  return first_frame_rows (self);
}
