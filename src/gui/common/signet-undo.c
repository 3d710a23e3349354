/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-undo"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-error-dialog.h"
#include "signet-undo.h"

/* A deleted record's toast stays twice as long as libadwaita's default:
 * the Undo it offers is worth the time to read it. Ctrl+Z and the menu
 * still undo once it has gone. */
#define TOAST_SECONDS 10

struct _SignetUndo
{
  GObject          parent_instance;

  SignetStore     *store;
  SignetTombstone *tombstone;
  /* signet_store_get_edit_count() once the deletion was made. */
  guint64          edit_count;
  char            *label;

  AdwToastOverlay *toast_overlay;   /* weak */
  AdwToast        *toast;           /* weak, while it shows */
};

static void set_tombstone (SignetUndo      *self,
                           SignetStore     *store,
                           SignetTombstone *tombstone);

G_DEFINE_FINAL_TYPE (SignetUndo, signet_undo, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_label (SignetTombstone *tombstone)
{
  const char *label;

  if (tombstone == NULL)
    return g_strdup (_("_Undo"));

  label = signet_tombstone_get_label (tombstone);
  switch (signet_tombstone_get_kind (tombstone))
    {
    case SIGNET_TOMBSTONE_CONTRACT:
      /* Translators: a menu item; %s is a contract number. */
      return g_strdup_printf (_("_Undo Delete Contract %s"), label);
    case SIGNET_TOMBSTONE_CLIENT:
      /* Translators: a menu item; %s is a client's name. */
      return g_strdup_printf (_("_Undo Delete Client “%s”"), label);
    case SIGNET_TOMBSTONE_ATTACHMENT:
      /* Translators: a menu item; %s is the name of an attached file. */
      return g_strdup_printf (_("_Undo Delete File “%s”"), label);
    case SIGNET_TOMBSTONE_KEY_DATE:
      /* Translators: a menu item; %s is the title of a key date. */
      return g_strdup_printf (_("_Undo Delete Key Date “%s”"), label);
    case SIGNET_TOMBSTONE_ANNOTATION:
      /* Translators: a menu item; %s is the name of the annotated file. */
      return g_strdup_printf (_("_Undo Delete Annotation in “%s”"), label);
    case SIGNET_TOMBSTONE_AMENDMENT:
      /* Translators: a menu item; %s is an amendment's number. */
      return g_strdup_printf (_("_Undo Delete Amendment %s"), label);
    case SIGNET_TOMBSTONE_OBLIGATION:
      /* Translators: a menu item; %s is what an obligation says must be done. */
      return g_strdup_printf (_("_Undo Delete Obligation “%s”"), label);
    case SIGNET_TOMBSTONE_PERSON:
      /* Translators: a menu item; %s is a person's name. */
      return g_strdup_printf (_("_Undo Delete Person “%s”"), label);
    case SIGNET_TOMBSTONE_PAYMENT:
      /* Translators: a menu item; %s is the title of a planned payment. */
      return g_strdup_printf (_("_Undo Delete Planned Payment “%s”"), label);
    case SIGNET_TOMBSTONE_PAYMENT_INVOICE:
      /* Translators: a menu item; %s is an invoice's number. */
      return g_strdup_printf (_("_Undo Delete Invoice %s"), label);
    case SIGNET_TOMBSTONE_PAYMENT_SETTLEMENT:
      /* Translators: a menu item; %s is the title of the planned payment
       * a payment received or made was recorded on. */
      return g_strdup_printf (_("_Undo Delete Payment on “%s”"), label);
    case SIGNET_TOMBSTONE_RISK:
      /* Translators: a menu item; %s is the description of a risk. */
      return g_strdup_printf (_("_Undo Delete Risk “%s”"), label);
    case SIGNET_TOMBSTONE_REVIEW:
      /* Translators: a menu item; %s is the date of a review. */
      return g_strdup_printf (_("_Undo Delete Review of %s"), label);
    case SIGNET_TOMBSTONE_LOAN:
      /* Translators: a menu item; %s is who the paper original was lent to. */
      return g_strdup_printf (_("_Undo Delete Loan to %s"), label);
    case SIGNET_TOMBSTONE_ORIGINAL:
      /* Translators: a menu item; %s is a contract number. */
      return g_strdup_printf (_("_Undo Delete Record of the Original of %s"), label);
    case SIGNET_TOMBSTONE_SAVED_VIEW:
      /* Translators: a menu item; %s is a saved view's name. */
      return g_strdup_printf (_("_Undo Delete View “%s”"), label);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The toast's title is markup: the record's name is escaped. */
static char *
format_toast_title (SignetTombstone *tombstone)
{
  g_autofree char *label = g_markup_escape_text (signet_tombstone_get_label (tombstone), -1);

  switch (signet_tombstone_get_kind (tombstone))
    {
    case SIGNET_TOMBSTONE_CONTRACT:
      return g_strdup_printf (_("Contract %s deleted"), label);
    case SIGNET_TOMBSTONE_CLIENT:
      return g_strdup_printf (_("Client “%s” deleted"), label);
    case SIGNET_TOMBSTONE_ATTACHMENT:
      return g_strdup_printf (_("“%s” deleted"), label);
    case SIGNET_TOMBSTONE_KEY_DATE:
      return g_strdup_printf (_("Key date “%s” deleted"), label);
    case SIGNET_TOMBSTONE_ANNOTATION:
      return g_strdup (_("Annotation deleted"));
    case SIGNET_TOMBSTONE_AMENDMENT:
      return g_strdup_printf (_("Amendment %s deleted"), label);
    case SIGNET_TOMBSTONE_OBLIGATION:
      return g_strdup_printf (_("Obligation “%s” deleted"), label);
    case SIGNET_TOMBSTONE_PERSON:
      return g_strdup_printf (_("“%s” deleted from the people"), label);
    case SIGNET_TOMBSTONE_PAYMENT:
      return g_strdup_printf (_("Planned payment “%s” deleted"), label);
    case SIGNET_TOMBSTONE_PAYMENT_INVOICE:
      return g_strdup_printf (_("Invoice %s deleted"), label);
    case SIGNET_TOMBSTONE_PAYMENT_SETTLEMENT:
      return g_strdup_printf (_("Payment on “%s” deleted"), label);
    case SIGNET_TOMBSTONE_RISK:
      return g_strdup_printf (_("Risk “%s” deleted"), label);
    case SIGNET_TOMBSTONE_REVIEW:
      /* Translators: %s is the date of a review. */
      return g_strdup_printf (_("Review of %s deleted"), label);
    case SIGNET_TOMBSTONE_LOAN:
      /* Translators: %s is who the paper original was lent to. */
      return g_strdup_printf (_("Loan to %s deleted"), label);
    case SIGNET_TOMBSTONE_ORIGINAL:
      /* Translators: %s is a contract number. */
      return g_strdup_printf (_("Record of the original of %s deleted"), label);
    case SIGNET_TOMBSTONE_SAVED_VIEW:
      /* Translators: %s is a saved view's name. */
      return g_strdup_printf (_("View “%s” deleted"), label);
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *
failure_heading (SignetTombstone *tombstone)
{
  switch (signet_tombstone_get_kind (tombstone))
    {
    case SIGNET_TOMBSTONE_CONTRACT:
      return _("Could Not Restore the Contract");
    case SIGNET_TOMBSTONE_CLIENT:
      return _("The Client Could Not Be Restored");
    case SIGNET_TOMBSTONE_ATTACHMENT:
      return _("The File Could Not Be Restored");
    case SIGNET_TOMBSTONE_KEY_DATE:
      return _("The Key Date Could Not Be Restored");
    case SIGNET_TOMBSTONE_ANNOTATION:
      return _("The Annotation Was Not Restored");
    case SIGNET_TOMBSTONE_AMENDMENT:
      return _("The Amendment Was Not Restored");
    case SIGNET_TOMBSTONE_PAYMENT:
      return _("The Planned Payment Was Not Restored");
    case SIGNET_TOMBSTONE_PAYMENT_INVOICE:
      return _("The Invoice Was Not Restored");
    case SIGNET_TOMBSTONE_PAYMENT_SETTLEMENT:
      return _("The Payment Was Not Restored");
    case SIGNET_TOMBSTONE_OBLIGATION:
      return _("The Obligation Was Not Restored");
    case SIGNET_TOMBSTONE_RISK:
      return _("The Risk Was Not Restored");
    case SIGNET_TOMBSTONE_REVIEW:
      return _("The Review Was Not Restored");
    case SIGNET_TOMBSTONE_LOAN:
      return _("The Loan Was Not Restored");
    case SIGNET_TOMBSTONE_ORIGINAL:
      return _("The Original’s Record Was Not Restored");
    case SIGNET_TOMBSTONE_SAVED_VIEW:
      return _("The View Was Not Restored");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* "The next change": the next write the user makes in this window that
 * changes a record (saving, adding, deleting, dismissing a reminder, ...),
 * told apart by the count of them of the store the window writes through,
 * which the PDF windows opened from it share: a change there counts too.
 * An import, written through a connection of its own, ends it from the
 * import dialog. What the store reports of other programs and connections
 * on the register, and the text it extracts from attached files in the
 * background, leaves the deletion to be undone. */
static void
store_changed_cb (SignetUndo *self)
{
  if (self->store != NULL && signet_store_get_edit_count (self->store) != self->edit_count)
    set_tombstone (self, NULL, NULL);
}

static void
toast_button_clicked_cb (SignetUndo *self,
                         AdwToast   *toast)
{
  signet_undo_undo (self, self->toast_overlay != NULL ? GTK_WIDGET (self->toast_overlay) : NULL);
}

static void
set_tombstone (SignetUndo      *self,
               SignetStore     *store,
               SignetTombstone *tombstone)
{
  gboolean could_undo = self->tombstone != NULL;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->toast, self);
      adw_toast_dismiss (self->toast);
      g_clear_weak_pointer (&self->toast);
    }

  g_set_object (&self->store, store);
  g_set_object (&self->tombstone, tombstone);
  g_free (self->label);
  self->label = format_label (tombstone);

  if (store != NULL)
    {
      self->edit_count = signet_store_get_edit_count (store);
      g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
      g_signal_connect_swapped (store, "reset", G_CALLBACK (store_changed_cb), self);
    }

  if (could_undo != (tombstone != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

static void
signet_undo_dispose (GObject *object)
{
  SignetUndo *self = (SignetUndo *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->toast != NULL)
    g_signal_handlers_disconnect_by_data (self->toast, self);
  g_clear_weak_pointer (&self->toast);
  g_clear_weak_pointer (&self->toast_overlay);
  g_clear_object (&self->store);
  g_clear_object (&self->tombstone);

  G_OBJECT_CLASS (signet_undo_parent_class)->dispose (object);
}

static void
signet_undo_finalize (GObject *object)
{
  SignetUndo *self = (SignetUndo *)object;

  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (signet_undo_parent_class)->finalize (object);
}

static void
signet_undo_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SignetUndo *self = SIGNET_UNDO (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, signet_undo_get_can_undo (self));
      break;
    case PROP_LABEL:
      g_value_set_string (value, signet_undo_get_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_undo_class_init (SignetUndoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = signet_undo_dispose;
  object_class->finalize = signet_undo_finalize;
  object_class->get_property = signet_undo_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[RESTORED] =
    g_signal_new ("restored",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SIGNET_TYPE_TOMBSTONE);
}

static void
signet_undo_init (SignetUndo *self)
{
  self->label = format_label (NULL);
}

SignetUndo *
signet_undo_get (GtkWidget *widget)
{
  static GQuark quark;
  GtkRoot *root;
  SignetUndo *undo;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  if (quark == 0)
    quark = g_quark_from_static_string ("signet-undo");

  root = gtk_widget_get_root (widget);
  if (!GTK_IS_WINDOW (root))
    return NULL;

  undo = g_object_get_qdata (G_OBJECT (root), quark);
  if (undo == NULL)
    {
      undo = g_object_new (SIGNET_TYPE_UNDO, NULL);
      g_object_set_qdata_full (G_OBJECT (root), quark, undo, g_object_unref);
    }

  return undo;
}

void
signet_undo_set_toast_overlay (SignetUndo      *self,
                               AdwToastOverlay *overlay)
{
  g_return_if_fail (SIGNET_IS_UNDO (self));
  g_return_if_fail (overlay == NULL || ADW_IS_TOAST_OVERLAY (overlay));

  g_set_weak_pointer (&self->toast_overlay, overlay);
}

void
signet_undo_offer (GtkWidget       *widget,
                   SignetStore     *store,
                   SignetTombstone *tombstone)
{
  SignetUndo *self;
  g_autofree char *title = NULL;
  GtkWidget *overlay;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (SIGNET_IS_STORE (store));
  g_return_if_fail (SIGNET_IS_TOMBSTONE (tombstone));

  self = signet_undo_get (widget);
  if (self == NULL)
    return;

  set_tombstone (self, store, tombstone);

  title = format_toast_title (tombstone);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, TOAST_SECONDS);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (toast_button_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->toast, toast);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    overlay = GTK_WIDGET (self->toast_overlay);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    signet_toast_show (widget, toast);
}

gboolean
signet_undo_get_can_undo (SignetUndo *self)
{
  g_return_val_if_fail (SIGNET_IS_UNDO (self), FALSE);

  return self->tombstone != NULL;
}

const char *
signet_undo_get_label (SignetUndo *self)
{
  g_return_val_if_fail (SIGNET_IS_UNDO (self), NULL);

  return self->label;
}

void
signet_undo_undo (SignetUndo *self,
                  GtkWidget  *parent)
{
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SIGNET_IS_UNDO (self));

  if (self->tombstone == NULL)
    return;

  /* Undone once, whatever comes of it: a restore that failed would fail
   * again for the same reason. */
  tombstone = g_object_ref (self->tombstone);
  store = g_object_ref (self->store);
  set_tombstone (self, NULL, NULL);

  if (!signet_store_restore (store, tombstone, &error))
    {
      if (parent != NULL)
        signet_error_dialog_show (parent, failure_heading (tombstone), error);
      else
        g_warning ("%s: %s", failure_heading (tombstone), error->message);
      return;
    }

  g_signal_emit (self, signals[RESTORED], 0, tombstone);
}

void
signet_undo_forget (SignetUndo *self)
{
  g_return_if_fail (SIGNET_IS_UNDO (self));

  set_tombstone (self, NULL, NULL);
}
