/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-clients-window.h"
#include "signet-conflict-panel.h"

G_BEGIN_DECLS

/* What the parts of the Clients window share: signet-clients-window.c
 * lists the clients and edits one; signet-clients-window-contracts.c
 * searches the list and shows the contracts of the client in the form. */

/* The client fields, SIGNET_FIELD_CLIENT_NAME .. SIGNET_FIELD_CLIENT_NOTES. */
#define FIRST_FIELD SIGNET_FIELD_CLIENT_NAME
#define N_FIELDS    (SIGNET_FIELD_CLIENT_NOTES - SIGNET_FIELD_CLIENT_NAME + 1)

typedef void (*ContinueFunc) (SignetClientsWindow *self,
                              gpointer             data);

struct _SignetClientsWindow
{
  AdwDialog     parent_instance;

  GtkStack     *stack;
  AdwNavigationSplitView *split_view;
  AdwNavigationPage *form_page;
  GtkStack     *form_stack;
  GtkBox       *form_box;
  AdwPreferencesGroup *fields_group;
  AdwPreferencesGroup *notes_group;
  GtkActionBar *action_bar;
  GtkListBox   *list_box;
  GtkWidget    *delete_button;
  SignetConflictPanel *conflict_panel;
  /* Says that the client in the form was deleted elsewhere. */
  GtkWidget    *deleted_notice;

  GtkEditable  *entries[N_FIELDS];   /* NULL for the notes */
  GtkTextView  *notes_view;
  GtkWidget    *field_widgets[N_FIELDS];
  GtkLabel     *error_labels[N_FIELDS];

  /* The search over the list, and what it found nothing for. */
  GtkSearchEntry *search_entry;
  GtkLabel     *no_match_label;
  char         *query;               /* case-folded; NULL for none */
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;      /* the clients the list shows */
  /* The contracts of the client in the form. */
  AdwPreferencesGroup *contracts_group;
  GtkListBox   *contracts_list;
  guint         contracts_idle;

  SignetStore  *store;
  GListModel   *clients;
  /* Why the clients could not be read before the window was shown: told
   * as it is shown. */
  GError       *load_error;
  SignetClient *client;              /* as stored; id 0 for a new one */
  /* While a refused save is being resolved: the form as the user had it
   * then, which Keep Mine puts back field by field. */
  SignetClient *mine;

  guint         loading;
  /* Set while the unsaved-changes question is open. */
  gboolean      asking;
};

/* signet-clients-window.c */
void _signet_clients_window_after_unsaved   (SignetClientsWindow *self,
                                             ContinueFunc         func,
                                             gpointer             data,
                                             GDestroyNotify       destroy);

/* signet-clients-window-contracts.c */
void _signet_clients_window_build_search    (SignetClientsWindow *self);
void _signet_clients_window_build_contracts (SignetClientsWindow *self);
/* Lists the contracts of the client in the form (none for a new one). */
void _signet_clients_window_show_contracts  (SignetClientsWindow *self);
/* The same when the main loop is idle: after a change to contracts. */
void _signet_clients_window_queue_contracts (SignetClientsWindow *self);
/* Brings the client's contracts into view, the first one focused. */
void _signet_clients_window_focus_contracts (SignetClientsWindow *self);

G_END_DECLS
