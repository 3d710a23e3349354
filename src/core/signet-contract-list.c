/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-contract-list"

#include "config.h"

#include <string.h>

#include "signet-contract-list.h"
#include "signet-store-private.h"
#include "signet-store-query.h"
#include "signet-utils.h"

struct _SignetContractList
{
  GObject        parent_instance;

  SignetStore   *store;
  GArray        *ids;        /* gint64, in display order */
  /* The length of the list: ids->len, or more while only the first ids
   * are loaded (signet_contract_list_new_head()). */
  guint          n_items;
  char          *search;
  SignetContractQuery *query; /* never NULL */
  SignetSortKey  sort_key;
  gboolean       descending;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SignetContractList, signet_contract_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH,
  PROP_QUERY,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GArray *
query_ids (SignetContractList *self)
{
  g_autoptr(GError) error = NULL;
  GArray *ids;

  ids = signet_store_query_contract_ids (self->store, self->search,
                                         self->sort_key, self->descending, &error);
  if (ids != NULL && !signet_contract_query_is_empty (self->query))
    {
      g_autoptr(GArray) all = ids;

      ids = signet_store_keep_contract_ids (self->store, all, self->query, &error);
    }
  if (ids == NULL)
    {
      g_warning ("Could not list contracts: %s", error->message);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  return ids;
}

static guint
find_in (GArray *ids,
         gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;

  return G_MAXUINT;
}

/* Replaces the ids and tells the views only about the stretch between the
 * common head and the common tail, which is the smallest single range that
 * covers an insertion, a removal or a move. */
static void
replace_ids (SignetContractList *self,
             GArray             *ids)
{
  g_autoptr(GArray) old = self->ids;
  guint old_n_items = self->n_items;
  guint head = 0;
  guint tail = 0;
  guint limit = MIN (old->len, ids->len);

  self->ids = ids;
  self->n_items = ids->len;

  /* Only the first ids were known: the rest may all have changed. */
  if (old->len != old_n_items)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, ids->len);
      if (old_n_items != ids->len)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
      return;
    }

  while (head < limit &&
         g_array_index (old, gint64, head) == g_array_index (ids, gint64, head))
    head++;

  while (tail < limit - head &&
         g_array_index (old, gint64, old->len - 1 - tail) ==
         g_array_index (ids, gint64, ids->len - 1 - tail))
    tail++;

  if (head == old->len && head == ids->len)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), head,
                              old->len - head - tail, ids->len - head - tail);

  if (old->len != ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
reload (SignetContractList *self)
{
  replace_ids (self, query_ids (self));
}

/* The ids after the first ones. No store change came in between (it would
 * have reloaded them all), so the views need to hear of nothing unless
 * another program changed the register meanwhile. */
static void
load_rest (SignetContractList *self)
{
  GArray *ids;

  if (self->ids->len == self->n_items)
    return;

  ids = query_ids (self);
  if (ids->len != self->n_items)
    {
      replace_ids (self, ids);
      return;
    }

  g_array_unref (self->ids);
  self->ids = ids;
}

static gboolean
same_ids (GArray *a,
          GArray *b)
{
  return a->len == b->len && memcmp (a->data, b->data, a->len * sizeof (gint64)) == 0;
}

static void
store_changed_cb (SignetContractList *self,
                  SignetRecordKind    kind,
                  gint64              id,
                  SignetChangeKind    change,
                  SignetStore        *store)
{
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) client_contracts = NULL;
  guint first = G_MAXUINT;
  guint last = 0;

  /* A person renamed is announced for each contract the person owns. */
  if ((kind == SIGNET_RECORD_CLIENT && change != SIGNET_CHANGE_UPDATED) || kind == SIGNET_RECORD_PERSON)
    return;

  /* A contract type is no row; its contracts name it by text. Nor is an
   * approval route, which no column shows. */
  if (kind == SIGNET_RECORD_CONTRACT_TYPE || kind == SIGNET_RECORD_APPROVAL_ROUTE)
    return;

  /* A saved view changes what a window shows only once it is chosen. */
  if (kind == SIGNET_RECORD_SAVED_VIEW)
    return;

  before = g_array_ref (self->ids);
  reload (self);

  /* A changed order was announced by reload(); an unchanged one still
   * needs the changed rows rebound: the contract itself, or for a renamed
   * client the stretch that holds its contracts. */
  if (!same_ids (before, self->ids))
    return;

  if (kind == SIGNET_RECORD_CONTRACT)
    {
      guint position = find_in (self->ids, id);

      if (position != G_MAXUINT)
        g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
      return;
    }

  client_contracts = signet_store_list_client_contract_ids (self->store, id, NULL);
  for (guint i = 0; client_contracts != NULL && i < client_contracts->len; i++)
    {
      guint position = find_in (self->ids, g_array_index (client_contracts, gint64, i));

      if (position != G_MAXUINT)
        {
          first = MIN (first, position);
          last = MAX (last, position);
        }
    }

  if (first != G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), first,
                                last - first + 1, last - first + 1);
}

static void
store_reset_cb (SignetContractList *self,
                SignetStore        *store)
{
  guint old_len = self->n_items;

  g_array_unref (self->ids);
  self->ids = query_ids (self);
  self->n_items = self->ids->len;

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->ids->len);
  if (old_len != self->ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static GType
signet_contract_list_get_item_type (GListModel *model)
{
  return SIGNET_TYPE_CONTRACT;
}

static guint
signet_contract_list_get_n_items (GListModel *model)
{
  return SIGNET_CONTRACT_LIST (model)->n_items;
}

static gpointer
signet_contract_list_get_item (GListModel *model,
                               guint       position)
{
  SignetContractList *self = SIGNET_CONTRACT_LIST (model);
  SignetContract *contract;

  if (position >= self->n_items)
    return NULL;

  if (position >= self->ids->len)
    {
      load_rest (self);
      if (position >= self->ids->len)
        return NULL;
    }

  /* Every position has an item, a damaged contract too: opening it says
   * what is wrong. It shows the terms in force today, as it is sorted and
   * found by them. */
  contract = signet_store_get_listed_contract (self->store,
                                               g_array_index (self->ids, gint64, position),
                                               NULL);
  if (contract != NULL)
    _signet_store_apply_listed_terms (self->store, contract);

  return contract;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = signet_contract_list_get_item_type;
  iface->get_n_items = signet_contract_list_get_n_items;
  iface->get_item = signet_contract_list_get_item;
}

static void
signet_contract_list_constructed (GObject *object)
{
  SignetContractList *self = (SignetContractList *)object;

  G_OBJECT_CLASS (signet_contract_list_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "reset",
                           G_CALLBACK (store_reset_cb), self, G_CONNECT_SWAPPED);
}

static void
signet_contract_list_dispose (GObject *object)
{
  SignetContractList *self = (SignetContractList *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (signet_contract_list_parent_class)->dispose (object);
}

static void
signet_contract_list_finalize (GObject *object)
{
  SignetContractList *self = (SignetContractList *)object;

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->query, signet_contract_query_free);

  G_OBJECT_CLASS (signet_contract_list_parent_class)->finalize (object);
}

static void
signet_contract_list_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SignetContractList *self = SIGNET_CONTRACT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    case PROP_QUERY:
      g_value_set_boxed (value, self->query);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_contract_list_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SignetContractList *self = SIGNET_CONTRACT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SEARCH:
      signet_contract_list_set_search (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_contract_list_class_init (SignetContractListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = signet_contract_list_constructed;
  object_class->dispose = signet_contract_list_dispose;
  object_class->finalize = signet_contract_list_finalize;
  object_class->get_property = signet_contract_list_get_property;
  object_class->set_property = signet_contract_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SIGNET_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_QUERY] =
    g_param_spec_boxed ("query", NULL, NULL, SIGNET_TYPE_CONTRACT_QUERY,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
signet_contract_list_init (SignetContractList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->query = signet_contract_query_new ();
  self->sort_key = SIGNET_SORT_NUMBER;
}

SignetContractList *
signet_contract_list_new (SignetStore *store)
{
  SignetContractList *self;

  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);

  self = g_object_new (SIGNET_TYPE_CONTRACT_LIST, "store", store, NULL);
  g_array_unref (self->ids);
  self->ids = query_ids (self);
  self->n_items = self->ids->len;

  return self;
}

SignetContractList *
signet_contract_list_new_head (SignetStore   *store,
                               SignetSortKey  sort_key,
                               gboolean       descending,
                               guint          n_first)
{
  SignetContractList *self;
  g_autoptr(GError) error = NULL;
  GArray *ids;

  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);
  g_return_val_if_fail (sort_key <= SIGNET_SORT_VALUE, NULL);

  self = g_object_new (SIGNET_TYPE_CONTRACT_LIST, "store", store, NULL);
  self->sort_key = sort_key;
  self->descending = !!descending;

  ids = signet_store_query_first_contract_ids (store, sort_key, descending, n_first, &error);
  if (ids == NULL)
    {
      g_warning ("Could not list contracts: %s", error->message);
      return self;
    }

  g_array_unref (self->ids);
  self->ids = ids;
  self->n_items = ids->len < n_first ? ids->len : signet_store_count_contracts (store);

  return self;
}

void
signet_contract_list_load_all (SignetContractList *self)
{
  g_return_if_fail (SIGNET_IS_CONTRACT_LIST (self));

  load_rest (self);
}

SignetStore *
signet_contract_list_get_store (SignetContractList *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT_LIST (self), NULL);

  return self->store;
}

const char *
signet_contract_list_get_search (SignetContractList *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT_LIST (self), NULL);

  return self->search;
}

void
signet_contract_list_set_search (SignetContractList *self,
                                 const char         *search)
{
  g_return_if_fail (SIGNET_IS_CONTRACT_LIST (self));

  if (search != NULL && *search == '\0')
    search = NULL;

  if (!signet_set_str (&self->search, search))
    return;

  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

SignetSortKey
signet_contract_list_get_sort_key (SignetContractList *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT_LIST (self), SIGNET_SORT_NUMBER);

  return self->sort_key;
}

gboolean
signet_contract_list_get_descending (SignetContractList *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT_LIST (self), FALSE);

  return self->descending;
}

void
signet_contract_list_set_sort (SignetContractList *self,
                               SignetSortKey       key,
                               gboolean            descending)
{
  g_return_if_fail (SIGNET_IS_CONTRACT_LIST (self));

  descending = !!descending;

  if (self->sort_key == key && self->descending == descending)
    return;

  self->sort_key = key;
  self->descending = descending;
  reload (self);
}

SignetContractFilter
signet_contract_list_get_filters (SignetContractList *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT_LIST (self), SIGNET_CONTRACT_FILTER_NONE);

  return signet_contract_query_get_filters (self->query);
}

void
signet_contract_list_set_filters (SignetContractList   *self,
                                  SignetContractFilter  filters)
{
  g_autoptr(SignetContractQuery) query = NULL;

  g_return_if_fail (SIGNET_IS_CONTRACT_LIST (self));

  query = signet_contract_query_copy (self->query);
  signet_contract_query_set_filters (query, filters);
  signet_contract_list_set_query (self, query);
}

const SignetContractQuery *
signet_contract_list_get_query (SignetContractList *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT_LIST (self), NULL);

  return self->query;
}

void
signet_contract_list_set_query (SignetContractList        *self,
                                const SignetContractQuery *query)
{
  g_autoptr(SignetContractQuery) empty = NULL;

  g_return_if_fail (SIGNET_IS_CONTRACT_LIST (self));

  if (query == NULL)
    query = empty = signet_contract_query_new ();

  if (signet_contract_query_equal (self->query, query))
    return;

  signet_contract_query_free (self->query);
  self->query = signet_contract_query_copy (query);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

guint
signet_contract_list_find (SignetContractList *self,
                           gint64              id)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT_LIST (self), G_MAXUINT);

  load_rest (self);

  return find_in (self->ids, id);
}
