/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-store.h"

G_BEGIN_DECLS

/* What the display tests share: a register in the test's own data
 * directory, ways to find widgets the way a user sees them (by their
 * label or accessible name), and waiting for the main loop. */

/* GTK and libadwaita for a test, with a GSettings backend in memory and
 * G_TEST_OPTION_ISOLATE_DIRS. */
void          display_test_init            (int           *argc,
                                            char        ***argv);
/* XDG_DATA_DIRS as it was before display_test_init() isolated the
 * test's directories (NULL: unset), for a child process to isolate its
 * own from the system's again. */
const char   *display_test_system_data_dirs (void);
/* Runs the current test again in a child process in @locale (LC_ALL and
 * LANG: Debian 13's gettext ignores LANGUAGE in C.UTF-8, so it takes a
 * real locale). A child that skips through display_test_child_skip()
 * makes this test skip with the child's reason; GLib counts the child's
 * skip as a failure. */
void          display_test_run_in_locale   (const char    *locale);
/* In the child of display_test_run_in_locale(): skips the test for
 * @reason and tells the parent why. */
void          display_test_child_skip      (const char    *reason);
/* In the child: whether @category of the process is in @locale; if it
 * cannot be, the test skips and tells the parent why. */
gboolean      display_test_child_in_locale (const char    *locale,
                                            int            category);
/* In the child: whether the interface is Chinese (the zh_CN locale and
 * the build's catalog); if it cannot be, the test skips and tells the
 * parent why. */
gboolean      display_test_child_speaks_chinese (void);
/* Translates through the catalog of the build (po/ in the build
 * directory), as the app does through the installed one: a test run in
 * zh_CN.UTF-8 shows the app in Chinese. */
void          display_test_bind_build_catalog (void);
/* Puts every key of the app's settings back to its default. */
void          display_test_reset_settings  (void);
/* A new, empty register in the test's own data directory. */
SignetStore  *display_test_new_store       (void);
SignetClient *display_test_add_client      (SignetStore   *store,
                                            const char    *name,
                                            const char    *code);
SignetContract *display_test_add_contract  (SignetStore   *store,
                                            SignetClient  *client,
                                            const char    *number,
                                            const char    *title,
                                            gint64         value);
/* The same as a draft: a contract not signed yet, whose number, client,
 * title, value and dates the form edits (a signed one changes by
 * amendment). */
SignetContract *display_test_add_draft_contract (SignetStore   *store,
                                                 SignetClient  *client,
                                                 const char    *number,
                                                 const char    *title,
                                                 gint64         value);

/* A register with one client (北京华信科技有限公司, HX) and one contract
 * (HT-2026-0001, Office lease) in the window's store, and a second
 * connection to its file through which the test writes as another
 * program would; @window is the test's, destroyed at tear-down. For
 * g_test_add(). */
typedef struct
{
  SignetStore    *store;
  SignetStore    *other;
  SignetClient   *client;
  SignetContract *contract;
  GtkWidget      *window;
} DisplayTestTwoWriters;

void          display_test_two_writers_set_up    (DisplayTestTwoWriters *f,
                                                  gconstpointer          data);
void          display_test_two_writers_tear_down (DisplayTestTwoWriters *f,
                                                  gconstpointer          data);

/* Runs the main loop until @condition holds or 10 s pass; the result of
 * @condition at the end. */
gboolean      display_test_wait_for        (gboolean     (*condition) (gpointer data),
                                            gpointer       data);
/* Runs the main loop for @msec milliseconds. */
void          display_test_spin            (guint          msec);
/* Presents @window and waits until it is laid out at its size. */
void          display_test_show            (GtkWindow     *window);
/* Gives the shown @window a new default size and waits until it is laid
 * out at that size (its client-side shadow included, as in the default
 * size), in the layout of the breakpoint for it. */
void          display_test_resize          (GtkWindow     *window,
                                            int            width,
                                            int            height);

/* The first widget under @root (depth first, @root included) of @type. */
GtkWidget    *display_test_find_type       (GtkWidget     *root,
                                            GType          type);
/* The first widget under @root whose accessible name is @name. */
GtkWidget    *display_test_find_accessible (GtkWidget     *root,
                                            const char    *name);
/* The field whose accessible name is @name below @root, outside a
 * conflict panel (whose rows are named after the fields too), or NULL. */
GtkWidget    *display_test_find_form_field (GtkWidget     *root,
                                            const char    *name);
/* The first row under @root (depth first, @root included) of @type, an
 * AdwPreferencesRow or a subclass of it, titled @title, or NULL. A
 * conflict panel's rows are action rows titled after the form's fields,
 * which are entry rows: @type tells them apart. */
GtkWidget    *display_test_find_row        (GtkWidget     *root,
                                            GType          type,
                                            const char    *title);
/* The first label under @root (@root included) that shows @text (access
 * key markers aside), or NULL. */
GtkWidget    *display_test_find_label      (GtkWidget     *root,
                                            const char    *text);
/* Whether a label below @widget shows @label. */
gboolean      display_test_shows_label     (GtkWidget     *widget,
                                            const char    *label);
/* Whether a visible label below @root (hidden ones and those under them
 * left out) shows @text. */
gboolean      display_test_shows_visible_label (GtkWidget *root,
                                                const char *text);
/* The first button under @root showing @label (mnemonic underscores are
 * ignored). */
GtkWidget    *display_test_find_button     (GtkWidget     *root,
                                            const char    *label);
/* Selects @contract in the list of the shown Signet @window, as a user
 * clicks it, and checks that its page shows a contract. */
void          display_test_select_contract (GtkWidget     *window,
                                            SignetContract *contract);
/* The first visible toplevel window of @type, or NULL. */
GtkWidget    *display_test_find_toplevel   (GType          type);
/* Whether GTK's file chooser is shown (for display_test_wait_for()). */
gboolean      display_test_file_chooser_shown  (gpointer   data);
/* Whether the GtkFileChooser @chooser has a current folder (for
 * display_test_wait_for()). */
gboolean      display_test_chooser_has_folder  (gpointer   chooser);
/* Runs xdotool with @args while the main loop runs, so that the window
 * sees the keys as a user types them, and lets it draw for 100 ms after;
 * whether xdotool ran and succeeded. */
gboolean      display_test_run_xdotool     (const char * const *args);
/* The id of the one X window called @title, searched through xdotool for
 * up to 5 s while the main loop runs; NULL when xdotool is not installed
 * or no single window has that title by then. */
char         *display_test_find_x_window   (const char    *title);
/* Whether there is a window to type into, @window_id from
 * display_test_find_x_window(); if not, skips the test, saying that
 * xdotool types @what for it. */
gboolean      display_test_can_type        (const char    *window_id,
                                            const char    *what);
/* Focuses the X window @window_id and types @keys into it through
 * xdotool: key names separated by spaces, 50 ms apart. */
gboolean      display_test_press_keys      (const char    *window_id,
                                            const char    *keys);
/* The alert dialog shown (the topmost when they stack), or NULL. */
AdwAlertDialog *display_test_find_alert_dialog (void);
/* Whether an alert dialog is shown, and whether none is (for
 * display_test_wait_for()). */
gboolean      display_test_alert_shown     (gpointer       data);
gboolean      display_test_no_alert        (gpointer       data);
/* Clicks the button of @response in the alert shown, as a user answers
 * it, and waits until the alert is gone. */
void          display_test_respond         (const char    *response);
/* Presents @dialog over a new window of @width × @height, as over Signet's
 * window, and waits until it shows; the window, destroyed between tests. */
GtkWidget    *display_test_present_dialog  (AdwDialog     *dialog,
                                            int            width,
                                            int            height);
/* Draws @widget as it is on screen into NAME.png beside the test binary
 * and returns the path. */
char         *display_test_save_screenshot (GtkWidget     *widget,
                                            const char    *name);
/* Destroys every toplevel window (between tests). */
void          display_test_destroy_windows (void);

/* The file @name of the PDF corpus (SIGNET_PDF_CORPUS_DEFAULT_DIR), or
 * NULL when the corpus is not there: the test then skips, saying so. */
GBytes       *display_test_read_corpus_file (const char   *name);

G_END_DECLS
