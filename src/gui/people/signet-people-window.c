/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-people-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "signet-error-dialog.h"
#include "signet-field-error.h"
#include "signet-form-row.h"
#include "signet-people-window.h"
#include "signet-search-text.h"
#include "signet-store-people.h"
#include "signet-store-team.h"
#include "signet-tombstone.h"
#include "signet-undo.h"
#include "signet-unsaved-dialog.h"

#define FIRST_FIELD SIGNET_FIELD_PERSON_NAME
#define N_FIELDS    (SIGNET_FIELD_PERSON_EMAIL - SIGNET_FIELD_PERSON_NAME + 1)

#define RESPONSE_CLOSE "close"

struct _SignetPeopleWindow
{
  AdwDialog            parent_instance;

  AdwNavigationSplitView *split_view;
  AdwNavigationPage   *form_page;
  GtkSearchEntry      *search_entry;
  GtkStack            *list_stack;
  GtkListBox          *list_box;
  GtkStack            *form_stack;
  AdwPreferencesGroup *fields_group;
  GtkActionBar        *action_bar;

  GtkWidget           *rows[N_FIELDS];
  GtkLabel            *error_labels[N_FIELDS];

  SignetStore         *store;
  GListModel          *people;
  GtkFilterListModel  *filtered;
  GtkCustomFilter     *filter;
  GStrv                terms;

  /* The person in the form as stored (id 0: a new one), or NULL. */
  SignetPerson        *person;
  guint                filling;
  gboolean             asking;    /* the question about unsaved edits is open */
};

G_DEFINE_FINAL_TYPE (SignetPeopleWindow, signet_people_window, ADW_TYPE_DIALOG)

enum {
  PERSON_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
nonempty (const char *text)
{
  return (text != NULL && *text != '\0') ? text : NULL;
}

static GtkEditable *
entry (SignetPeopleWindow *self,
       SignetField         field)
{
  return GTK_EDITABLE (self->rows[field - FIRST_FIELD]);
}

static const char *
person_field (SignetPerson *person,
              SignetField   field)
{
  switch (field)
    {
    case SIGNET_FIELD_PERSON_NAME:       return signet_person_get_name (person);
    case SIGNET_FIELD_PERSON_DEPARTMENT: return signet_person_get_department (person);
    case SIGNET_FIELD_PERSON_ROLE:       return signet_person_get_role (person);
    case SIGNET_FIELD_PERSON_EMAIL:      return signet_person_get_email (person);
    default:                             g_return_val_if_reached (NULL);
    }
}

static SignetPerson *
read_form (SignetPeopleWindow *self)
{
  SignetPerson *person = signet_person_copy (self->person);

  signet_person_set_name (person, nonempty (gtk_editable_get_text (entry (self, SIGNET_FIELD_PERSON_NAME))));
  signet_person_set_department (person,
                                nonempty (gtk_editable_get_text (entry (self, SIGNET_FIELD_PERSON_DEPARTMENT))));
  signet_person_set_role (person, nonempty (gtk_editable_get_text (entry (self, SIGNET_FIELD_PERSON_ROLE))));
  signet_person_set_email (person, nonempty (gtk_editable_get_text (entry (self, SIGNET_FIELD_PERSON_EMAIL))));

  return person;
}

static gboolean
is_dirty (SignetPeopleWindow *self)
{
  if (self->person == NULL)
    return FALSE;

  /* A new person is compared with an empty one. */
  for (SignetField field = FIRST_FIELD; field < FIRST_FIELD + N_FIELDS; field++)
    if (g_strcmp0 (nonempty (gtk_editable_get_text (entry (self, field))),
                   nonempty (person_field (self->person, field))) != 0)
      return TRUE;

  return FALSE;
}

static void
update_actions (SignetPeopleWindow *self)
{
  gboolean stored = self->person != NULL && signet_person_get_id (self->person) != 0;

  gboolean dirty = is_dirty (self);
  /* The people directory is the administrator's, on a team register. */
  gboolean may_edit = self->store != NULL && signet_store_can_edit_settings (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.add", may_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.save", dirty && may_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.delete", stored && may_edit);
  /* Closing with edits asks first (close_attempted_cb). */
  adw_dialog_set_can_close (ADW_DIALOG (self), !dirty);
}

static void
entry_changed_cb (SignetPeopleWindow *self,
                  GtkEditable        *editable)
{
  guint index = signet_form_get_field (GTK_WIDGET (editable)) - FIRST_FIELD;

  if (self->filling > 0)
    return;

  signet_field_error_clear (self->rows[index], self->error_labels[index]);
  update_actions (self);
}

static void
describe_contracts (SignetPeopleWindow *self)
{
  gint64 id = self->person != NULL ? signet_person_get_id (self->person) : 0;
  guint n_contracts = id != 0 ? signet_store_count_person_contracts (self->store, id) : 0;
  g_autofree char *description = NULL;

  if (n_contracts > 0)
    description = g_strdup_printf (ngettext ("Owns %u contract.", "Owns %u contracts.", n_contracts), n_contracts);

  adw_preferences_group_set_description (self->fields_group, description);
}

/* Shows @person (a copy of it) in the form; NULL for none. */
static void
show_person (SignetPeopleWindow *self,
             SignetPerson       *person)
{
  g_clear_object (&self->person);
  if (person != NULL)
    self->person = signet_person_copy (person);

  self->filling++;
  for (guint i = 0; i < N_FIELDS; i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->rows[i]),
                             person != NULL ? (person_field (person, FIRST_FIELD + i) ?: "") : "");
      signet_field_error_clear (self->rows[i], self->error_labels[i]);
    }
  self->filling--;

  adw_navigation_page_set_title (self->form_page,
                                 person == NULL ? _("Person")
                                 : signet_person_get_id (person) == 0 ? _("New Person")
                                 : signet_person_get_name (person));
  gtk_stack_set_visible_child_name (self->form_stack, person != NULL ? "form" : "none");
  gtk_action_bar_set_revealed (self->action_bar, person != NULL);
  describe_contracts (self);
  update_actions (self);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  SignetPerson *person = item;
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *department = signet_person_get_department (person);
  const char *role = signet_person_get_role (person);

  if (department != NULL)
    g_string_append (subtitle, department);
  if (department != NULL && role != NULL)
    /* Translators: between a person's department and role in the list of people. */
    g_string_append (subtitle, _(" · "));
  if (role != NULL)
    g_string_append (subtitle, role);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), signet_person_get_name (person));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  /* A long department ends in an ellipsis rather than making the row tall. */
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "signet-person", g_object_ref (person), g_object_unref);

  return row;
}

static void
select_person_row (SignetPeopleWindow *self)
{
  gint64 id = self->person != NULL ? signet_person_get_id (self->person) : 0;
  GtkListBoxRow *row;

  gtk_list_box_unselect_all (self->list_box);
  for (int i = 0; id != 0 && (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    {
      SignetPerson *person = g_object_get_data (G_OBJECT (row), "signet-person");

      if (signet_person_get_id (person) == id)
        {
          gtk_list_box_select_row (self->list_box, row);
          return;
        }
    }
}

static void
update_list_page (SignetPeopleWindow *self)
{
  const char *page = "list";

  if (g_list_model_get_n_items (self->people) == 0)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    page = "no-match";

  gtk_stack_set_visible_child_name (self->list_stack, page);
}

static void
reload_people (SignetPeopleWindow *self)
{
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;

  people = signet_store_list_people (self->store, &error);
  if (people == NULL)
    {
      g_warning ("Could not read the people: %s", error->message);
      people = G_LIST_MODEL (g_list_store_new (SIGNET_TYPE_PERSON));
    }

  g_set_object (&self->people, people);
  gtk_filter_list_model_set_model (self->filtered, self->people);
  select_person_row (self);
  update_list_page (self);
}

/* Whether every word of the search is in one of the person's fields, as
 * typed or by pinyin. */
static gboolean
person_matches_cb (gpointer item,
                   gpointer user_data)
{
  SignetPeopleWindow *self = user_data;
  SignetPerson *person = item;
  g_autoptr(GString) text = NULL;

  if (self->terms == NULL)
    return TRUE;

  text = g_string_new (NULL);
  signet_search_append_field (text, signet_person_get_name (person));
  signet_search_append_field (text, signet_person_get_department (person));
  signet_search_append_field (text, signet_person_get_role (person));
  signet_search_append_field (text, signet_person_get_email (person));

  for (guint i = 0; self->terms[i] != NULL; i++)
    if (strstr (text->str, self->terms[i]) == NULL)
      return FALSE;

  return TRUE;
}

static void
search_changed_cb (SignetPeopleWindow *self,
                   GtkSearchEntry     *search_entry)
{
  g_autofree char *folded = g_utf8_strdown (gtk_editable_get_text (GTK_EDITABLE (search_entry)), -1);

  g_clear_pointer (&self->terms, g_strfreev);
  if (*g_strstrip (folded) != '\0')
    self->terms = g_strsplit_set (folded, " \t", -1);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  select_person_row (self);
  update_list_page (self);
}


static void
show_error (SignetPeopleWindow *self,
            const char         *heading,
            const char         *message)
{
  AdwDialog *dialog = signet_alert_dialog_new (heading, message);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), RESPONSE_CLOSE, _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static gboolean
save_person (SignetPeopleWindow *self)
{
  g_autoptr(SignetPerson) edited = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (!is_dirty (self))
    return TRUE;

  edited = read_form (self);
  if (signet_person_get_id (edited) == 0)
    saved = signet_store_add_person (self->store, edited, &error);
  else
    saved = signet_store_update_person (self->store, edited, &error);

  if (!saved)
    {
      SignetField field = error->domain == SIGNET_FIELD_ERROR ? (SignetField) error->code : SIGNET_FIELD_NONE;

      if (field >= FIRST_FIELD && field < FIRST_FIELD + N_FIELDS)
        {
          signet_field_error_show (self->rows[field - FIRST_FIELD], self->error_labels[field - FIRST_FIELD],
                                   error->message);
          gtk_widget_grab_focus (self->rows[field - FIRST_FIELD]);
        }
      else
        show_error (self, _("Could Not Save the Person"), error->message);
      return FALSE;
    }

  show_person (self, edited);
  select_person_row (self);
  g_signal_emit (self, signals[PERSON_SAVED], 0, signet_person_get_id (edited));

  return TRUE;
}

/* What is to happen once the edits in the form are saved or dropped:
 * another person shown (@person), a new one started, or the dialog
 * closed. */
typedef enum
{
  NEXT_SHOW,
  NEXT_ADD,
  NEXT_CLOSE,
} Next;

typedef struct
{
  SignetPeopleWindow *self;
  Next                next;
  SignetPerson       *person;
} Pending;

static void
pending_free (Pending *pending)
{
  g_clear_object (&pending->person);
  g_object_unref (pending->self);
  g_free (pending);
}

static void
go_on (SignetPeopleWindow *self,
       Next                next,
       SignetPerson       *person)
{
  switch (next)
    {
    case NEXT_SHOW:
      show_person (self, person);
      adw_navigation_split_view_set_show_content (self->split_view, TRUE);
      break;
    case NEXT_ADD:
      signet_people_window_add_person (self, NULL);
      break;
    case NEXT_CLOSE:
    default:
      adw_dialog_force_close (ADW_DIALOG (self));
      break;
    }
}

static void
unsaved_dialog_responded_cb (AdwAlertDialog *dialog,
                             const char     *response,
                             Pending        *pending)
{
  SignetPeopleWindow *self = pending->self;

  self->asking = FALSE;
  if ((g_str_equal (response, SIGNET_RESPONSE_SAVE) && save_person (self)) ||
      g_str_equal (response, SIGNET_RESPONSE_DISCARD))
    go_on (self, pending->next, pending->person);
  else
    select_person_row (self);

  pending_free (pending);
}

/* Goes on at once, or once the user saved or dropped the edits in the
 * form; while the question is open nothing else is asked. */
static void
after_unsaved (SignetPeopleWindow *self,
               Next                next,
               SignetPerson       *person)
{
  Pending *pending;
  AdwDialog *dialog;

  if (self->asking)
    return;

  if (!is_dirty (self))
    {
      go_on (self, next, person);
      return;
    }

  pending = g_new0 (Pending, 1);
  pending->self = g_object_ref (self);
  pending->next = next;
  pending->person = person != NULL ? g_object_ref (person) : NULL;
  self->asking = TRUE;

  dialog = signet_unsaved_dialog_new (signet_person_get_id (self->person) != 0
                                      ? signet_person_get_name (self->person) : NULL);
  g_signal_connect (dialog, "response", G_CALLBACK (unsaved_dialog_responded_cb), pending);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
close_attempted_cb (SignetPeopleWindow *self)
{
  after_unsaved (self, NEXT_CLOSE, NULL);
}

/* A change of the register: the list again, and the person in the form
 * as now stored, unless the user is editing it. */
static void
store_changed_cb (SignetPeopleWindow *self,
                  SignetRecordKind    kind,
                  gint64              id,
                  SignetChangeKind    change)
{
  g_autoptr(SignetPerson) stored = NULL;
  gint64 shown = self->person != NULL ? signet_person_get_id (self->person) : 0;

  reload_people (self);

  if (shown == 0 || is_dirty (self))
    {
      describe_contracts (self);
      return;
    }

  stored = signet_store_get_person (self->store, shown, NULL);
  show_person (self, stored);
}

static void
store_reset_cb (SignetPeopleWindow *self,
                SignetStore        *store)
{
  store_changed_cb (self, SIGNET_RECORD_PERSON, 0, SIGNET_CHANGE_UPDATED);
}

static void
row_activated_cb (SignetPeopleWindow *self,
                  GtkListBoxRow      *row)
{
  after_unsaved (self, NEXT_SHOW, g_object_get_data (G_OBJECT (row), "signet-person"));
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  after_unsaved (SIGNET_PEOPLE_WINDOW (widget), NEXT_ADD, NULL);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_person (SIGNET_PEOPLE_WINDOW (widget));
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SignetPeopleWindow *self = SIGNET_PEOPLE_WINDOW (widget);

  adw_navigation_split_view_set_show_content (self->split_view, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  adw_dialog_close (ADW_DIALOG (widget));
}

/* Deleted at once, with Undo in a toast and the main menu: a person who
 * owns contracts is refused, with the store's reason. */
static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SignetPeopleWindow *self = SIGNET_PEOPLE_WINDOW (widget);
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GError) error = NULL;

  if (self->person == NULL || signet_person_get_id (self->person) == 0)
    return;

  tombstone = signet_store_delete (self->store, SIGNET_TOMBSTONE_PERSON, signet_person_get_id (self->person),
                                   &error);
  if (tombstone == NULL)
    {
      show_error (self, _("Cannot Delete the Person"), error->message);
      return;
    }

  show_person (self, NULL);
  adw_navigation_split_view_set_show_content (self->split_view, FALSE);
  signet_undo_offer (GTK_WIDGET (self), self->store, tombstone);
}

static void
build_form (SignetPeopleWindow *self)
{
  for (SignetField field = FIRST_FIELD; field < FIRST_FIELD + N_FIELDS; field++)
    {
      GtkWidget *row = adw_entry_row_new ();

      signet_form_row_add (self->fields_group, field, row, &self->error_labels[field - FIRST_FIELD]);
      self->rows[field - FIRST_FIELD] = row;
      g_signal_connect_object (row, "changed", G_CALLBACK (entry_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "entry-activated", G_CALLBACK (save_person), self, G_CONNECT_SWAPPED);
    }

  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self->rows[SIGNET_FIELD_PERSON_EMAIL - FIRST_FIELD]),
                                   GTK_INPUT_PURPOSE_EMAIL);
  gtk_widget_set_tooltip_text (self->rows[SIGNET_FIELD_PERSON_ROLE - FIRST_FIELD],
                               _("What the person does, such as Legal Counsel or Department Head"));
}

static void
signet_people_window_dispose (GObject *object)
{
  SignetPeopleWindow *self = SIGNET_PEOPLE_WINDOW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGNET_TYPE_PEOPLE_WINDOW);
  g_clear_object (&self->filtered);
  g_clear_object (&self->people);
  g_clear_object (&self->person);
  g_clear_object (&self->store);
  g_clear_pointer (&self->terms, g_strfreev);

  G_OBJECT_CLASS (signet_people_window_parent_class)->dispose (object);
}

static void
signet_people_window_class_init (SignetPeopleWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_people_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-people-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetPeopleWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, SignetPeopleWindow, form_page);
  gtk_widget_class_bind_template_child (widget_class, SignetPeopleWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SignetPeopleWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SignetPeopleWindow, list_box);
  gtk_widget_class_bind_template_child (widget_class, SignetPeopleWindow, form_stack);
  gtk_widget_class_bind_template_child (widget_class, SignetPeopleWindow, fields_group);
  gtk_widget_class_bind_template_child (widget_class, SignetPeopleWindow, action_bar);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_attempted_cb);

  gtk_widget_class_install_action (widget_class, "person.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "person.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "person.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "person.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "person.close", NULL, close_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "person.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "person.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "person.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "person.close", NULL);

  signals[PERSON_SAVED] = g_signal_new ("person-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
signet_people_window_init (SignetPeopleWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (person_matches_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->filtered), create_row_cb, NULL, NULL);
  build_form (self);
  show_person (self, NULL);
}

AdwDialog *
signet_people_window_new (SignetStore *store)
{
  SignetPeopleWindow *self;

  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);

  self = g_object_new (SIGNET_TYPE_PEOPLE_WINDOW, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed::" SIGNET_STORE_CHANGED_PEOPLE, G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "reset", G_CALLBACK (store_reset_cb), self, G_CONNECT_SWAPPED);
  reload_people (self);
  update_actions (self);
  /* Shown, not changed, by whoever may not change the settings. */
  if (!signet_store_can_edit_settings (store))
    for (guint i = 0; i < N_FIELDS; i++)
      gtk_widget_set_sensitive (self->rows[i], FALSE);

  return ADW_DIALOG (self);
}

void
signet_people_window_add_person (SignetPeopleWindow *self,
                                 const char         *name)
{
  g_autoptr(SignetPerson) person = signet_person_new ();

  g_return_if_fail (SIGNET_IS_PEOPLE_WINDOW (self));

  show_person (self, person);
  gtk_editable_set_text (entry (self, SIGNET_FIELD_PERSON_NAME), name != NULL ? name : "");
  gtk_list_box_unselect_all (self->list_box);
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
  gtk_widget_grab_focus (self->rows[0]);
}
