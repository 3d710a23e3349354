/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-contract-page"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-contract-page-private.h"
#include "signet-date.h"
#include "signet-money.h"

/* A field's value as the rest of the app shows it (the list, the
 * history): labels for status and risk, the client's name, the amount with
 * its currency, dates in the local format. NULL when empty. */
static char *
format_value (SignetContract *contract,
              SignetField     field)
{
  const char *text = NULL;

  switch (field)
    {
    case SIGNET_FIELD_CONTRACT_NUMBER:
      text = signet_contract_get_number (contract);
      break;
    case SIGNET_FIELD_CONTRACT_TITLE:
      text = signet_contract_get_title (contract);
      break;
    case SIGNET_FIELD_CONTRACT_CLIENT:
      text = signet_contract_get_client_name (contract);
      break;
    case SIGNET_FIELD_CONTRACT_TYPE:
      text = signet_contract_get_contract_type (contract);
      break;
    case SIGNET_FIELD_CONTRACT_OWNER:
      text = signet_contract_get_owner (contract);
      break;
    case SIGNET_FIELD_CONTRACT_DEPARTMENT:
      text = signet_contract_get_department (contract);
      break;
    case SIGNET_FIELD_CONTRACT_VALUE:
    case SIGNET_FIELD_CONTRACT_CURRENCY:
      return signet_money_format (signet_contract_get_value (contract), signet_contract_get_currency (contract));
    case SIGNET_FIELD_CONTRACT_SIGNING_DATE:
      text = signet_contract_get_signing_date (contract);
      break;
    case SIGNET_FIELD_CONTRACT_START_DATE:
      text = signet_contract_get_start_date (contract);
      break;
    case SIGNET_FIELD_CONTRACT_END_DATE:
      text = signet_contract_get_end_date (contract);
      break;
    case SIGNET_FIELD_CONTRACT_NOTICE_DAYS:
      {
        guint days = signet_contract_get_notice_days (contract);

        if (signet_contract_get_auto_renew (contract))
          return g_strdup_printf (ngettext ("renews itself, %u day of notice",
                                            "renews itself, %u days of notice", days), days);
        return g_strdup_printf (ngettext ("%u day", "%u days", days), days);
      }
    case SIGNET_FIELD_CONTRACT_STATUS:
      return g_strdup (signet_contract_status_to_label (signet_contract_get_status (contract)));
    case SIGNET_FIELD_CONTRACT_RISK_LEVEL:
      return g_strdup (signet_risk_level_to_label (signet_contract_get_risk_level (contract)));
    case SIGNET_FIELD_CONTRACT_TAGS:
      text = signet_contract_get_tags (contract);
      break;
    case SIGNET_FIELD_CONTRACT_NOTES:
      text = signet_contract_get_notes (contract);
      break;
    case SIGNET_FIELD_CONTRACT_CONFIDENTIAL:
      return g_strdup (signet_contract_get_confidential (contract) ? _("Confidential") : _("Not confidential"));
    default:
      g_assert_not_reached ();
    }

  if (text == NULL || *text == '\0')
    return NULL;

  if (field == SIGNET_FIELD_CONTRACT_SIGNING_DATE || field == SIGNET_FIELD_CONTRACT_START_DATE ||
      field == SIGNET_FIELD_CONTRACT_END_DATE)
    return signet_date_format_display (text);

  return g_strdup (text);
}

/* Reload puts the stored value in the form, Keep Mine the user's back;
 * what the user typed since the conflict is kept for Keep Mine. */
static void
choice_changed_cb (SignetConflictPanel *panel,
                   SignetField          field,
                   gboolean             keep_mine,
                   SignetContractPage  *self)
{
  if (self->mine == NULL)
    return;

  if (keep_mine)
    {
      _signet_contract_page_fill_field (self, self->mine, field);
    }
  else
    {
      g_autoptr(SignetContract) form = _signet_contract_page_read_form (self, NULL);

      if (form != NULL)
        signet_contract_copy_field (self->mine, form, field);
      _signet_contract_page_fill_field (self, self->contract, field);
    }

  _signet_contract_page_update_dirty (self);
}

void
_signet_contract_page_build_conflicts (SignetContractPage *self)
{
  GtkWidget *panel = signet_conflict_panel_new (_("This Contract Was Changed Elsewhere"));

  self->conflict_panel = SIGNET_CONFLICT_PANEL (panel);
  gtk_box_prepend (self->form_box, panel);
  self->deleted_notice =
    signet_deleted_notice_new (_("This Contract Was Deleted Elsewhere"),
                               _("Someone else deleted this contract while it was open here. "
                                 "What the form shows is kept: save to add it again as a new "
                                 "contract, or copy what you need."));
  gtk_box_prepend (self->form_box, self->deleted_notice);
  g_signal_connect_object (panel, "choice-changed", G_CALLBACK (choice_changed_cb), self, 0);
}

gboolean
_signet_contract_page_take_conflicts (SignetContractPage  *self,
                                      SignetContract      *edited,
                                      GError             **error)
{
  g_autoptr(SignetContract) current = NULL;
  g_autoptr(GArray) conflicts = NULL;

  conflicts = signet_store_list_contract_conflicts (self->store, self->contract, edited, &current, error);
  if (conflicts == NULL)
    return FALSE;

  /* The status is no field of the form: a step of the process, taken here
   * or elsewhere, is simply taken in (the form's contract is the stored
   * one, with its status). */
  for (guint i = conflicts->len; i > 0; i--)
    if (g_array_index (conflicts, SignetFieldConflict, i - 1).field == SIGNET_FIELD_CONTRACT_STATUS)
      g_array_remove_index (conflicts, i - 1);

  /* The form keeps every value the user has; the stored contract becomes
   * what it saves over and what "dirty" compares with. */
  g_set_object (&self->contract, current);
  _signet_contract_page_update_title (self);

  if (conflicts->len == 0)
    {
      _signet_contract_page_update_dirty (self);
      return TRUE;
    }

  g_clear_object (&self->mine);
  self->mine = signet_contract_copy (edited);

  signet_conflict_panel_clear (self->conflict_panel);
  for (guint i = 0; i < conflicts->len; i++)
    {
      const SignetFieldConflict *conflict = &g_array_index (conflicts, SignetFieldConflict, i);
      g_autofree char *theirs = format_value (current, conflict->field);
      g_autofree char *mine = format_value (edited, conflict->field);

      signet_conflict_panel_add_field (self->conflict_panel, conflict->field, theirs, mine, conflict->edited);
      if (!conflict->edited)
        _signet_contract_page_fill_field (self, current, conflict->field);
    }

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  _signet_contract_page_update_dirty (self);

  g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
               _("The contract %s was changed elsewhere while you were editing it. Nothing was saved; "
                 "choose for each field shown whether to reload the new value or keep yours, then save again."),
               signet_contract_get_number (current));

  return FALSE;
}

void
_signet_contract_page_drop_conflicts (SignetContractPage *self)
{
  g_clear_object (&self->mine);

  if (self->conflict_panel != NULL)
    signet_conflict_panel_clear (self->conflict_panel);
}

void
_signet_contract_page_meet_change (SignetContractPage *self)
{
  g_autoptr(SignetContract) stored = NULL;
  g_autoptr(SignetContract) edited = NULL;
  g_autoptr(GError) error = NULL;

  stored = signet_store_get_contract (self->store, signet_contract_get_id (self->contract), &error);
  if (stored == NULL)
    {
      if (g_error_matches (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND))
        _signet_contract_page_set_deleted (self, TRUE);
      return;
    }

  if (signet_contract_get_version (stored) == signet_contract_get_version (self->contract))
    return;

  /* A form that cannot be read yet (a half-typed amount) meets the change
   * when it is saved. */
  edited = _signet_contract_page_read_form (self, NULL);
  if (edited == NULL)
    return;

  /* What the form holds was saved: by this page, as the store announces
   * its own save before the page takes the result in. */
  if (signet_contract_equal (stored, edited))
    return;

  if (!_signet_contract_page_take_conflicts (self, edited, &error) &&
      g_error_matches (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND))
    _signet_contract_page_set_deleted (self, TRUE);
}

void
_signet_contract_page_set_deleted (SignetContractPage *self,
                                   gboolean            deleted)
{
  if (self->deleted_notice == NULL)
    return;

  if (deleted)
    {
      _signet_contract_page_drop_conflicts (self);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
    }
  gtk_widget_set_visible (self->deleted_notice, deleted);
  /* There is nothing left to delete. */
  gtk_widget_set_visible (self->delete_button,
                          !deleted && self->contract != NULL && signet_contract_get_id (self->contract) != 0);
}

gboolean
_signet_contract_page_get_deleted (SignetContractPage *self)
{
  return self->deleted_notice != NULL && gtk_widget_get_visible (self->deleted_notice);
}
