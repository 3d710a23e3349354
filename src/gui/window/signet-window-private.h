/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-calendar-view.h"
#include "signet-contract-list.h"
#include "signet-contract-page.h"
#include "signet-contract-table.h"
#include "signet-filter-popover.h"
#include "signet-overview-view.h"
#include "signet-text-indexer.h"
#include "signet-undo.h"
#include "signet-views-sidebar.h"
#include "signet-window.h"

G_BEGIN_DECLS

/* Shared by signet-window.c (layout, state, settings) and
 * signet-window-actions.c (what the window's actions do). */

struct _SignetWindow
{
  AdwApplicationWindow  parent_instance;

  AdwWindowTitle       *list_window_title;
  AdwViewSwitcherBar   *list_switcher_bar;
  AdwButtonContent     *new_button_content;
  GtkWidget            *clients_button;
  GtkWidget            *search_button;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;
  /* The items "New Contract of Type" lists, one for each type. */
  GMenu                *contract_types_section;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GSimpleActionGroup   *filters;       /* filter.on-loan, ...: the list's filters */
  /* The Filter popover, the chips of the filters in force with the count
   * shown, and the saved views (signet-window-filters.c). */
  GtkMenuButton        *filter_button;
  SignetFilterPopover  *filter_popover;
  GtkRevealer          *chips_revealer;
  GtkFlowBox           *chips_box;
  GtkLabel             *count_label;
  SignetContractQuery  *chips_query;   /* what the chips show */
  AdwOverlaySplitView  *views_split;
  SignetViewsSidebar   *views_sidebar;
  GtkToggleButton      *views_button;
  gint64                view_id;       /* the saved view shown, 0 once the filters changed */
  AdwToastOverlay      *toast_overlay;
  /* The window's pages: "main" (the list and the calendar), "empty" and
   * "error"; the list's: "main" (the table) and "no-results". */
  GtkStack             *window_stack;
  GtkStack             *stack;
  /* NULL until first shown. */
  AdwStatusPage        *error_page;
  AdwStatusPage        *empty_page;
  AdwStatusPage        *no_results_page;
  AdwNavigationSplitView *split_view;
  AdwNavigationPage    *list_page;
  AdwNavigationPage    *contract_page;
  GtkWidget            *contract_header;
  /* The contract's menu (Print…, Export as PDF…). */
  GtkWidget            *contract_menu_button;
  /* Over the contract when the search hides it from the list. */
  AdwBanner            *search_banner;
  AdwBanner            *query_banner;   /* what signet_window_show_contracts() narrowed to */
  /* Under the list's header bar while the team register's server
   * connection is lost, and the binding that shows it; the other pages'
   * banners follow it (signet-window-team.c). */
  AdwBanner            *connection_banner;
  GBinding             *connection_binding;
  GtkWidget            *sidebar_handle;
  SignetContractTable  *table;
  SignetContractPage   *page;
  AdwViewStack         *view_stack;
  /* The Calendar page: empty until the first frame is painted, then its
   * header bar, the view (NULL until then) and the switcher bar. */
  AdwBin               *calendar_page;
  SignetCalendarView   *calendar_view;
  /* The Overview page: empty until first shown, then as the Calendar's. */
  AdwBin               *overview_page;
  SignetOverviewView   *overview_view;
  GtkRevealer          *indexing_revealer;
  GtkLabel             *indexing_label;
  GtkProgressBar       *indexing_progress;

  GSettings            *settings;
  SignetStore          *store;
  SignetContractList   *list;
  char                 *query_title;   /* the banner's; NULL once the query is changed */
  /* Reads the text of attached PDFs for search, in the background. */
  SignetTextIndexer    *text_indexer;
  AdwDialog            *clients_window;
  AdwDialog            *people_window;
  AdwDialog            *archive_dialog;
  /* The deletion Ctrl+Z undoes (owned by the window, see signet_undo_get()),
   * and the main menu's section that names it. */
  SignetUndo           *undo;
  GMenu                *undo_section;
  /* Set while "Open a Register" is asking for a file. */
  GCancellable         *open_cancellable;

  /* Set while the contract page is pushed over the list it was opened
   * from, where the focus returns with the user. */
  gboolean              pushed_from_list;
  /* Set once the user agreed to close despite unsaved changes. */
  gboolean              close_confirmed;
  gulong                first_frame_handler;
  /* What the first frame does not show is made once it is painted. */
  GdkFrameClock        *startup_frame_clock;
  gulong                startup_paint_handler;
  guint                 startup_idle;
  gboolean              startup_finished;
};

typedef void (*SignetWindowContinue) (SignetWindow *self,
                                      gpointer      data);

void     _signet_window_class_init_actions  (GtkWidgetClass       *widget_class);
/* win.renew-contract and win.open-contract (signet-window-renewals.c). */
void     _signet_window_class_init_renewals (GtkWidgetClass       *widget_class);
/* contract.print, contract.export-pdf, win.print-list, win.export-list-pdf
 * and win.print (Ctrl+P) (signet-window-print.c). */
void     _signet_window_class_init_print    (GtkWidgetClass       *widget_class);
/* win.connect-team-register (signet-window-team.c). */
void     _signet_window_class_init_team     (GtkWidgetClass       *widget_class);
/* For a team register, its name in the subtitle and the banner bound to
 * its connection; for a file (or NULL), no banner. */
void     _signet_window_set_team_store      (SignetWindow         *self,
                                             SignetStore          *store);
/* A banner for under the header bar of a page made in code, shown while
 * the list's connection_banner is. */
GtkWidget *_signet_window_new_connection_banner (SignetWindow     *self);
/* Shows the register in @store from now on, in place of the one shown. */
void     _signet_window_set_store           (SignetWindow         *self,
                                             SignetStore          *store);
void     _signet_window_update_print_actions (SignetWindow        *self);
/* win.filters (Ctrl+Shift+F), win.save-view, win.toggle-views (F9), the
 * chips and the saved views (signet-window-filters.c). */
void     _signet_window_class_init_filters  (GtkWidgetClass       *widget_class);
void     _signet_window_init_filters        (SignetWindow         *self);
void     _signet_window_set_filters_store   (SignetWindow         *self,
                                             SignetStore          *store);
void     _signet_window_update_filters      (SignetWindow         *self);
void     _signet_window_finalize_filters    (SignetWindow         *self);
/* Connects the window's Undo to win.undo and the main menu. */
void     _signet_window_init_undo           (SignetWindow         *self);
void     _signet_window_update_actions      (SignetWindow         *self);
void     _signet_window_update_view         (SignetWindow         *self);
/* Runs @func right away, or once the user saved or discarded the changes
 * of the contract on the page; never when the user cancels. */
void     _signet_window_after_unsaved       (SignetWindow         *self,
                                             SignetWindowContinue  func,
                                             gpointer              data,
                                             GDestroyNotify        destroy);
/* Lists the register's contract types under New Contract of Type again. */
void     _signet_window_update_contract_types (SignetWindow       *self);
/* Shows the contract with @id (0: none) on the page and selects it. */
void     _signet_window_show_contract       (SignetWindow         *self,
                                             gint64                id);
/* Brings the contract page into view: pushed over the list when the
 * window is too narrow for both. */
void     _signet_window_reveal_page         (SignetWindow         *self);
void     _signet_window_show_error          (SignetWindow         *self,
                                             const char           *heading,
                                             const GError         *error);

G_END_DECLS
