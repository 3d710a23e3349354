/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-contract-section"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-contract-section.h"
#include "signet-store-team.h"

typedef struct
{
  SignetStore    *store;
  gint64          contract_id;
  /* As stored, read again on the first get_contract() after a reload. */
  SignetContract *contract;
  gboolean        contract_stale;
  /* Something it shows changed while the section was hidden. */
  gboolean        reload_pending;
  guint           reloads;
} SignetContractSectionPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SignetContractSection, signet_contract_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RELOADS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_write (SignetContractSectionClass *klass,
          const char                 *action)
{
  action = g_intern_string (action);
  for (guint i = 0; klass->writes[i] != NULL; i++)
    if (klass->writes[i] == action)
      return TRUE;

  return FALSE;
}

/* A button a reload made sensitive itself (Add… once the contract is
 * saved) is turned off with its action. */
static void
lock_actionables (SignetContractSectionClass *klass,
                  GtkWidget                  *widget)
{
  const char *action;

  if (GTK_IS_ACTIONABLE (widget) &&
      (action = gtk_actionable_get_action_name (GTK_ACTIONABLE (widget))) != NULL &&
      is_write (klass, action))
    gtk_widget_set_sensitive (widget, FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    lock_actionables (klass, child);
}

/* After the section's own reload, which may enable an action for what it
 * shows (a loan to return) or make a button sensitive, so that the
 * store's word is the last. */
static void
update_writes (SignetContractSection *self)
{
  SignetContractSectionClass *klass = SIGNET_CONTRACT_SECTION_GET_CLASS (self);

  if (klass->writes[0] == NULL || signet_contract_section_may_write (self))
    return;

  for (guint i = 0; klass->writes[i] != NULL; i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), klass->writes[i], FALSE);
  lock_actionables (klass, GTK_WIDGET (self));
}

static void
reload (SignetContractSection *self)
{
  SignetContractSectionPrivate *priv = signet_contract_section_get_instance_private (self);

  priv->reload_pending = FALSE;
  priv->contract_stale = TRUE;
  SIGNET_CONTRACT_SECTION_GET_CLASS (self)->reload (self);
  update_writes (self);

  priv->reloads++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELOADS]);
}

/* A hidden section reloads when it is shown: a page kept in the
 * background, or a register imported into, costs nothing until then. One
 * that hid itself (nothing to show) reloads at once, since what it loads
 * decides whether it shows. */
static void
queue_reload (SignetContractSection *self)
{
  SignetContractSectionPrivate *priv = signet_contract_section_get_instance_private (self);
  GtkWidget *widget = GTK_WIDGET (self);

  if (gtk_widget_get_mapped (widget) || !gtk_widget_get_visible (widget))
    reload (self);
  else
    priv->reload_pending = TRUE;
}

static void
store_changed_cb (SignetContractSection *self,
                  SignetRecordKind       kind,
                  gint64                 id,
                  SignetChangeKind       change,
                  SignetStore           *store)
{
  SignetContractSectionPrivate *priv = signet_contract_section_get_instance_private (self);

  if (kind == SIGNET_RECORD_CONTRACT && id > 0 && id == priv->contract_id)
    queue_reload (self);
}

static void
register_changed_cb (SignetContractSection *self,
                     SignetRecordKind       kind,
                     gint64                 id,
                     SignetChangeKind       change,
                     SignetStore           *store)
{
  queue_reload (self);
}

/* Many records written elsewhere at once (an import): this contract's may
 * be among them. */
static void
store_reset_cb (SignetContractSection *self,
                SignetStore           *store)
{
  queue_reload (self);
}

static void
watch_store (SignetContractSection *self)
{
  SignetContractSectionPrivate *priv = signet_contract_section_get_instance_private (self);
  SignetContractSectionClass *klass = SIGNET_CONTRACT_SECTION_GET_CLASS (self);

  if (klass->watched[0] == 0)
    g_signal_connect_object (priv->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < G_N_ELEMENTS (klass->watched) && klass->watched[i] != 0; i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", g_quark_to_string (klass->watched[i]), NULL);

      g_signal_connect_object (priv->store, signal, G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
    }

  for (guint i = 0; i < G_N_ELEMENTS (klass->watched_any) && klass->watched_any[i] != 0; i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", g_quark_to_string (klass->watched_any[i]), NULL);

      g_signal_connect_object (priv->store, signal, G_CALLBACK (register_changed_cb), self, G_CONNECT_SWAPPED);
    }

  g_signal_connect_object (priv->store, "reset", G_CALLBACK (store_reset_cb), self, G_CONNECT_SWAPPED);
}

static void
signet_contract_section_map (GtkWidget *widget)
{
  SignetContractSection *self = SIGNET_CONTRACT_SECTION (widget);
  SignetContractSectionPrivate *priv = signet_contract_section_get_instance_private (self);

  /* Before the children map, so that they are mapped as reloaded. */
  if (priv->reload_pending)
    reload (self);

  /* One that hid itself on reloading (nothing to show) stays unmapped. */
  if (gtk_widget_get_visible (widget))
    GTK_WIDGET_CLASS (signet_contract_section_parent_class)->map (widget);
}

static void
signet_contract_section_dispose (GObject *object)
{
  SignetContractSection *self = SIGNET_CONTRACT_SECTION (object);
  SignetContractSectionPrivate *priv = signet_contract_section_get_instance_private (self);

  if (priv->store != NULL)
    g_signal_handlers_disconnect_by_data (priv->store, self);
  g_clear_object (&priv->store);
  g_clear_object (&priv->contract);

  G_OBJECT_CLASS (signet_contract_section_parent_class)->dispose (object);
}

static void
signet_contract_section_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SignetContractSection *self = SIGNET_CONTRACT_SECTION (object);
  SignetContractSectionPrivate *priv = signet_contract_section_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_RELOADS:
      g_value_set_uint (value, priv->reloads);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_contract_section_class_init (SignetContractSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_contract_section_dispose;
  object_class->get_property = signet_contract_section_get_property;

  widget_class->map = signet_contract_section_map;

  /* How many times the section has reloaded. A debugging aid: the GTK
   * inspector shows it, so that one can see that a hidden section does no
   * work, and tests count with it what no user can see: that changes made
   * while a section is hidden cost one reload, when it is shown. */
  properties[PROP_RELOADS] =
    g_param_spec_uint ("reloads", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
signet_contract_section_init (SignetContractSection *self)
{
}

void
signet_contract_section_class_watch (SignetContractSectionClass *klass,
                                     const char                 *detail)
{
  GQuark quark;
  guint i;

  g_return_if_fail (SIGNET_IS_CONTRACT_SECTION_CLASS (klass));
  g_return_if_fail (detail != NULL);

  quark = g_quark_from_string (detail);
  for (i = 0; i < G_N_ELEMENTS (klass->watched) - 1 && klass->watched[i] != 0; i++)
    if (klass->watched[i] == quark)
      return;

  /* The last place stays 0, the end of the list. */
  g_return_if_fail (i < G_N_ELEMENTS (klass->watched) - 1);
  klass->watched[i] = quark;
}

void
signet_contract_section_class_install_write (SignetContractSectionClass *klass,
                                             const char                 *name,
                                             const char                 *parameter_type,
                                             GtkWidgetActionActivateFunc activate)
{
  guint i;

  g_return_if_fail (SIGNET_IS_CONTRACT_SECTION_CLASS (klass));
  g_return_if_fail (name != NULL);

  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), name, parameter_type, activate);

  for (i = 0; i < G_N_ELEMENTS (klass->writes) - 1 && klass->writes[i] != NULL; i++)
    ;
  g_return_if_fail (i < G_N_ELEMENTS (klass->writes) - 1);
  klass->writes[i] = g_intern_string (name);
}

void
signet_contract_section_class_set_archival (SignetContractSectionClass *klass)
{
  g_return_if_fail (SIGNET_IS_CONTRACT_SECTION_CLASS (klass));

  klass->archival = TRUE;
}

gboolean
signet_contract_section_may_write (SignetContractSection *self)
{
  SignetContractSectionPrivate *priv;

  g_return_val_if_fail (SIGNET_IS_CONTRACT_SECTION (self), FALSE);

  priv = signet_contract_section_get_instance_private (self);
  if (priv->store == NULL || signet_store_can_edit (priv->store))
    return TRUE;

  return SIGNET_CONTRACT_SECTION_GET_CLASS (self)->archival &&
         signet_store_get_role (priv->store) == SIGNET_STORE_ROLE_ARCHIVIST &&
         !signet_store_is_read_only (priv->store);
}

void
signet_contract_section_class_watch_any (SignetContractSectionClass *klass,
                                         const char                 *detail)
{
  GQuark quark;
  guint i;

  g_return_if_fail (SIGNET_IS_CONTRACT_SECTION_CLASS (klass));
  g_return_if_fail (detail != NULL);

  quark = g_quark_from_string (detail);
  for (i = 0; i < G_N_ELEMENTS (klass->watched_any) - 1 && klass->watched_any[i] != 0; i++)
    if (klass->watched_any[i] == quark)
      return;

  g_return_if_fail (i < G_N_ELEMENTS (klass->watched_any) - 1);
  klass->watched_any[i] = quark;
}

void
signet_contract_section_set_contract (SignetContractSection *self,
                                      SignetStore           *store,
                                      gint64                 contract_id)
{
  SignetContractSectionPrivate *priv;

  g_return_if_fail (SIGNET_IS_CONTRACT_SECTION (self));
  g_return_if_fail (store == NULL || SIGNET_IS_STORE (store));

  priv = signet_contract_section_get_instance_private (self);

  if (contract_id < 0)
    contract_id = 0;
  if (priv->store == store && priv->contract_id == contract_id)
    return;

  if (priv->store != store)
    {
      if (priv->store != NULL)
        g_signal_handlers_disconnect_by_data (priv->store, self);
      g_set_object (&priv->store, store);
      if (store != NULL)
        watch_store (self);
      /* The actions are enabled by default; only a store says otherwise. */
      for (guint i = 0; SIGNET_CONTRACT_SECTION_GET_CLASS (self)->writes[i] != NULL; i++)
        gtk_widget_action_set_enabled (GTK_WIDGET (self), SIGNET_CONTRACT_SECTION_GET_CLASS (self)->writes[i],
                                       signet_contract_section_may_write (self));
    }

  priv->contract_id = contract_id;
  g_clear_object (&priv->contract);
  queue_reload (self);
}

SignetStore *
signet_contract_section_get_store (SignetContractSection *self)
{
  SignetContractSectionPrivate *priv = signet_contract_section_get_instance_private (self);

  g_return_val_if_fail (SIGNET_IS_CONTRACT_SECTION (self), NULL);

  return priv->store;
}

gint64
signet_contract_section_get_contract_id (SignetContractSection *self)
{
  SignetContractSectionPrivate *priv = signet_contract_section_get_instance_private (self);

  g_return_val_if_fail (SIGNET_IS_CONTRACT_SECTION (self), 0);

  return priv->store != NULL ? priv->contract_id : 0;
}

SignetContract *
signet_contract_section_get_contract (SignetContractSection *self)
{
  SignetContractSectionPrivate *priv = signet_contract_section_get_instance_private (self);

  g_return_val_if_fail (SIGNET_IS_CONTRACT_SECTION (self), NULL);

  if (priv->contract_stale && priv->store != NULL && priv->contract_id > 0)
    {
      g_autoptr(SignetContract) stored = signet_store_get_contract (priv->store, priv->contract_id, NULL);

      /* One deleted elsewhere keeps what it was while its page says so. */
      if (stored != NULL)
        g_set_object (&priv->contract, stored);
    }
  priv->contract_stale = FALSE;

  return priv->store != NULL && priv->contract_id > 0 ? priv->contract : NULL;
}
