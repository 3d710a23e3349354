/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-approval-route-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-approval-route-dialog.h"
#include "signet-person.h"

struct _SignetApprovalRouteDialog
{
  AdwDialog        parent_instance;

  AdwEntryRow     *name_row;
  GtkLabel        *error_label;
  GtkListBox      *steps_list;

  /* What the approver drop-downs offer after "Anyone With the Role": the
   * people's ids and, for their items, their names. */
  GArray          *person_ids;
  GtkStringList   *approvers;

  gint64           id;
  char            *uuid;
  gint64           version;
};

G_DEFINE_FINAL_TYPE (SignetApprovalRouteDialog, signet_approval_route_dialog, ADW_TYPE_DIALOG)

enum {
  SAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Each row keeps its widgets as object data. */
#define STEP_NAME     "signet-step-name"
#define STEP_APPROVER "signet-step-approver"
#define STEP_ROLE     "signet-step-role"
#define STEP_DAYS     "signet-step-days"
#define STEP_NUMBER   "signet-step-number"
#define STEP_UP       "signet-step-up"
#define STEP_DOWN     "signet-step-down"

static guint
count_steps (SignetApprovalRouteDialog *self)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (self->steps_list, (int) n) != NULL)
    n++;

  return n;
}

/* Numbers the steps in their order and lets only a step that can move
 * be moved. */
static void
renumber_steps (SignetApprovalRouteDialog *self)
{
  guint n = count_steps (self);

  for (guint i = 0; i < n; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->steps_list, (int) i);
      g_autofree char *number = NULL;

      /* Translators: the place of a step in an approval route: "Step 2". */
      number = g_strdup_printf (_("Step %u"), i + 1);
      gtk_label_set_text (g_object_get_data (G_OBJECT (row), STEP_NUMBER), number);
      gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), STEP_UP), i > 0);
      gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), STEP_DOWN), i + 1 < n);
    }
}

static void
move_step (SignetApprovalRouteDialog *self,
           GtkListBoxRow             *row,
           int                        by)
{
  int index = gtk_list_box_row_get_index (row);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (row)));

  if (index + by < 0 || index + by >= (int) count_steps (self))
    return;

  g_object_ref (row);
  gtk_list_box_remove (self->steps_list, GTK_WIDGET (row));
  gtk_list_box_insert (self->steps_list, GTK_WIDGET (row), index + by);
  g_object_unref (row);
  renumber_steps (self);

  /* The button pressed keeps the focus, to move the step on, unless it
   * cannot any more. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (row)) && gtk_widget_get_sensitive (focus))
    gtk_widget_grab_focus (focus);
  else
    gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), STEP_NAME));
}

static void
up_clicked_cb (GtkListBoxRow *row,
               GtkButton     *button)
{
  move_step (g_object_get_data (G_OBJECT (row), "signet-dialog"), row, -1);
}

static void
down_clicked_cb (GtkListBoxRow *row,
                 GtkButton     *button)
{
  move_step (g_object_get_data (G_OBJECT (row), "signet-dialog"), row, 1);
}

static void
remove_clicked_cb (GtkListBoxRow *row,
                   GtkButton     *button)
{
  SignetApprovalRouteDialog *self = g_object_get_data (G_OBJECT (row), "signet-dialog");

  gtk_list_box_remove (self->steps_list, GTK_WIDGET (row));
  renumber_steps (self);
}

static GtkWidget *
new_icon_button (const char *icon_name,
                 const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

/* A label of a step's field, in the column before them. */
static GtkWidget *
new_field_label (const char *text,
                 GtkWidget  *field)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);
  gtk_widget_add_css_class (label, "dimmed");

  return label;
}

/* The role's field, with its label, only for a step anyone with the role
 * decides. */
static void
approver_selected_cb (GtkWidget   *role,
                      GParamSpec  *pspec,
                      GtkDropDown *approver)
{
  gboolean by_role = gtk_drop_down_get_selected (approver) == 0;

  gtk_widget_set_visible (role, by_role);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (role), "signet-label"), by_role);
}

/* The step's number with the buttons that move and remove it, then its
 * fields under each other, each after its label: its name, who decides
 * (a person, or anyone with a role, and the role), and the working days
 * they have. One column of fields fits a phone's width. */
static GtkWidget *
new_step_row (SignetApprovalRouteDialog *self,
              const SignetRouteStep     *step)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *due = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *number = gtk_label_new (NULL);
  GtkWidget *up = new_icon_button ("go-up-symbolic", _("Move the Step Up"));
  GtkWidget *down = new_icon_button ("go-down-symbolic", _("Move the Step Down"));
  GtkWidget *remove = new_icon_button ("user-trash-symbolic", _("Remove the Step"));
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *approver;
  GtkWidget *role = gtk_entry_new ();
  GtkWidget *role_label;
  GtkWidget *days;
  GtkWidget *days_label;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  g_object_set_data (G_OBJECT (row), "signet-dialog", self);

  gtk_label_set_xalign (GTK_LABEL (number), 0);
  gtk_widget_set_hexpand (number, TRUE);
  gtk_widget_add_css_class (number, "heading");
  g_signal_connect_object (up, "clicked", G_CALLBACK (up_clicked_cb), row, G_CONNECT_SWAPPED);
  g_signal_connect_object (down, "clicked", G_CALLBACK (down_clicked_cb), row, G_CONNECT_SWAPPED);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), row, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (head), number);
  gtk_box_append (GTK_BOX (head), up);
  gtk_box_append (GTK_BOX (head), down);
  gtk_box_append (GTK_BOX (head), remove);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);

  gtk_widget_set_hexpand (name, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (name), _("Name, such as Legal"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Step Name"), -1);
  gtk_editable_set_text (GTK_EDITABLE (name), step != NULL && step->name != NULL ? step->name : "");
  gtk_grid_attach (GTK_GRID (grid), new_field_label (_("Name"), name), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), name, 1, 0, 1, 1);

  approver = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->approvers)), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (approver), TRUE);
  gtk_drop_down_set_expression (GTK_DROP_DOWN (approver),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_widget_set_hexpand (approver, TRUE);
  gtk_widget_set_tooltip_text (approver, _("Who decides: a person, or anyone with a role"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (approver), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Approver"), -1);
  for (guint i = 0; step != NULL && step->person_id != 0 && i < self->person_ids->len; i++)
    if (g_array_index (self->person_ids, gint64, i) == step->person_id)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (approver), i + 1);
  gtk_grid_attach (GTK_GRID (grid), new_field_label (_("Approver"), approver), 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), approver, 1, 1, 1, 1);

  gtk_widget_set_hexpand (role, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (role), _("Role in People, such as Legal"));
  gtk_widget_set_tooltip_text (role, _("Anyone whose role in People is this decides"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (role), GTK_ACCESSIBLE_PROPERTY_LABEL, C_("person", "Role"), -1);
  gtk_editable_set_text (GTK_EDITABLE (role), step != NULL && step->role != NULL ? step->role : "");
  role_label = new_field_label (C_("person", "Role"), role);
  g_object_set_data (G_OBJECT (role), "signet-label", role_label);
  gtk_grid_attach (GTK_GRID (grid), role_label, 0, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), role, 1, 2, 1, 1);
  g_signal_connect_object (approver, "notify::selected", G_CALLBACK (approver_selected_cb), role,
                           G_CONNECT_SWAPPED);
  approver_selected_cb (role, NULL, GTK_DROP_DOWN (approver));

  days = gtk_spin_button_new_with_range (1, SIGNET_ROUTE_STEP_DUE_DAYS_MAX, 1);
  gtk_editable_set_width_chars (GTK_EDITABLE (days), 3);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (days), step != NULL && step->due_days > 0
                                                     ? step->due_days : SIGNET_ROUTE_STEP_DUE_DAYS_DEFAULT);
  gtk_accessible_update_property (GTK_ACCESSIBLE (days), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Working days to decide"), -1);
  days_label = gtk_label_new (_("working days (Monday to Friday)"));
  gtk_label_set_wrap (GTK_LABEL (days_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (days_label), 0);
  gtk_widget_set_hexpand (days_label, TRUE);
  gtk_box_append (GTK_BOX (due), days);
  gtk_box_append (GTK_BOX (due), days_label);
  gtk_grid_attach (GTK_GRID (grid), new_field_label (_("Due Within"), days), 0, 3, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), due, 1, 3, 1, 1);

  gtk_box_append (GTK_BOX (box), head);
  gtk_box_append (GTK_BOX (box), grid);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), STEP_NUMBER, number);
  g_object_set_data (G_OBJECT (row), STEP_UP, up);
  g_object_set_data (G_OBJECT (row), STEP_DOWN, down);
  g_object_set_data (G_OBJECT (row), STEP_NAME, name);
  g_object_set_data (G_OBJECT (row), STEP_APPROVER, approver);
  g_object_set_data (G_OBJECT (row), STEP_ROLE, role);
  g_object_set_data (G_OBJECT (row), STEP_DAYS, days);

  return row;
}

static void
add_step_clicked_cb (SignetApprovalRouteDialog *self,
                     GtkButton                 *button)
{
  GtkWidget *row = new_step_row (self, NULL);

  gtk_list_box_append (self->steps_list, row);
  renumber_steps (self);
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), STEP_NAME));
}

static void
save_clicked_cb (SignetApprovalRouteDialog *self,
                 GtkButton                 *button)
{
  g_signal_emit (self, signals[SAVE], 0);
}

static void
signet_approval_route_dialog_finalize (GObject *object)
{
  SignetApprovalRouteDialog *self = SIGNET_APPROVAL_ROUTE_DIALOG (object);

  g_clear_pointer (&self->person_ids, g_array_unref);
  g_clear_object (&self->approvers);
  g_clear_pointer (&self->uuid, g_free);

  G_OBJECT_CLASS (signet_approval_route_dialog_parent_class)->finalize (object);
}

static void
signet_approval_route_dialog_class_init (SignetApprovalRouteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = signet_approval_route_dialog_finalize;

  /* Save pressed: the caller writes signet_approval_route_dialog_dup_route(). */
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-approval-route-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetApprovalRouteDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, SignetApprovalRouteDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SignetApprovalRouteDialog, steps_list);
  gtk_widget_class_bind_template_callback (widget_class, add_step_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
}

static void
signet_approval_route_dialog_init (SignetApprovalRouteDialog *self)
{
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->approvers = gtk_string_list_new (NULL);
  gtk_string_list_append (self->approvers, _("Anyone With the Role"));

  gtk_widget_init_template (GTK_WIDGET (self));
}

AdwDialog *
signet_approval_route_dialog_new (const SignetApprovalRoute *route,
                                  GListModel                *people)
{
  SignetApprovalRouteDialog *self = g_object_new (SIGNET_TYPE_APPROVAL_ROUTE_DIALOG, NULL);
  guint n_people = people != NULL ? g_list_model_get_n_items (people) : 0;

  g_return_val_if_fail (people == NULL || G_IS_LIST_MODEL (people), NULL);

  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(SignetPerson) person = g_list_model_get_item (people, i);
      gint64 id = signet_person_get_id (person);

      g_array_append_val (self->person_ids, id);
      gtk_string_list_append (self->approvers, signet_person_get_name (person));
    }

  if (route == NULL)
    {
      adw_dialog_set_title (ADW_DIALOG (self), _("New Approval Route"));
      /* A route has one step at least: the first is there to fill in. */
      gtk_list_box_append (self->steps_list, new_step_row (self, NULL));
      renumber_steps (self);
      return ADW_DIALOG (self);
    }

  adw_dialog_set_title (ADW_DIALOG (self), _("Edit Approval Route"));
  self->id = route->id;
  self->uuid = g_strdup (route->uuid);
  self->version = route->version;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), route->name != NULL ? route->name : "");
  for (guint i = 0; route->steps != NULL && i < route->steps->len; i++)
    gtk_list_box_append (self->steps_list, new_step_row (self, g_ptr_array_index (route->steps, i)));
  renumber_steps (self);

  return ADW_DIALOG (self);
}

SignetApprovalRoute *
signet_approval_route_dialog_dup_route (SignetApprovalRouteDialog *self)
{
  g_autoptr(SignetApprovalRoute) route = NULL;
  g_autofree char *name = NULL;
  guint n;

  g_return_val_if_fail (SIGNET_IS_APPROVAL_ROUTE_DIALOG (self), NULL);

  name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  route = signet_approval_route_new (g_strstrip (name));
  route->id = self->id;
  route->uuid = g_strdup (self->uuid);
  route->version = self->version;

  n = count_steps (self);
  for (guint i = 0; i < n; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->steps_list, (int) i);
      GtkDropDown *approver = g_object_get_data (G_OBJECT (row), STEP_APPROVER);
      guint selected = gtk_drop_down_get_selected (approver);
      g_autofree char *step_name = g_strdup (gtk_editable_get_text (g_object_get_data (G_OBJECT (row), STEP_NAME)));
      g_autofree char *role = g_strdup (gtk_editable_get_text (g_object_get_data (G_OBJECT (row), STEP_ROLE)));
      guint days = (guint) gtk_spin_button_get_value_as_int (g_object_get_data (G_OBJECT (row), STEP_DAYS));
      g_autoptr(SignetRouteStep) step = NULL;

      if (selected > 0 && selected != GTK_INVALID_LIST_POSITION && selected - 1 < self->person_ids->len)
        {
          step = signet_route_step_new (g_strstrip (step_name), g_array_index (self->person_ids, gint64, selected - 1),
                                        NULL, days);
          step->person_name = g_strdup (gtk_string_list_get_string (self->approvers, selected));
        }
      else
        {
          step = signet_route_step_new (g_strstrip (step_name), 0, g_strstrip (role), days);
        }
      signet_approval_route_add_step (route, step);
    }

  return g_steal_pointer (&route);
}

void
signet_approval_route_dialog_show_error (SignetApprovalRouteDialog *self,
                                         const GError              *error)
{
  g_return_if_fail (SIGNET_IS_APPROVAL_ROUTE_DIALOG (self));
  g_return_if_fail (error != NULL);

  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_accessible_announce (GTK_ACCESSIBLE (self), error->message, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_HIGH);
}
