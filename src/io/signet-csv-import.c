/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "signet-csv-private.h"
#include "signet-date.h"
#include "signet-money.h"
#include "signet-store-import-mappings.h"

/* How many rows pass between two reports of progress and looks at the
 * cancellable. */
#define ROWS_PER_STEP 256

typedef struct
{
  SignetStore                  *store;
  const SignetCsvMapping       *mapping;
  const SignetCsvImportOptions *options;
  SignetCsvImportReport        *report;
  GCancellable                 *cancellable;
  char                          separator;
  int                           columns[SIGNET_CSV_N_FIELDS];
  gboolean                      had_contracts;
  GHashTable                   *clients_by_name;  /* name → gint64 id */
  GHashTable                   *clients_by_code;  /* code → gint64 id */
  GHashTable                   *numbers;          /* number → the row it was first in */
  guint                         next_code;
  guint                         row;
  char                        **cells;
  guint                         n_cells;
} CsvImport;

typedef struct
{
  const char *name;
  const char *code;
} CurrencyName;

/* What Chinese registers write in a currency column. */
static const CurrencyName currency_names[] = {
  { "人民币", "CNY" }, { "元", "CNY" }, { "RMB", "CNY" }, { "美元", "USD" }, { "欧元", "EUR" },
  { "港币", "HKD" }, { "港元", "HKD" }, { "日元", "JPY" }, { "英镑", "GBP" },
};

/* The cell of @field in the current row, trimmed; "" when the file has
 * no column for it or the row ends before it. */
static const char *
cell_of (CsvImport      *self,
         SignetCsvField  field)
{
  int column = self->columns[field];

  if (column < 0 || (guint) column >= self->n_cells)
    return "";

  return g_strstrip (self->cells[column]);
}

static gboolean
fail_at (CsvImport      *self,
         SignetCsvField  field,
         SignetCsvError  code,
         const char     *message,
         GError        **error)
{
  int column = self->columns[field];

  _signet_csv_set_error (error, code, self->row, column >= 0 ? (guint) column + 1 : 0,
                         column >= 0 ? self->mapping->headers[column] : NULL, "%s", message);
  return FALSE;
}

static SignetCsvField
csv_field_of (SignetField field)
{
  switch (field)
    {
    case SIGNET_FIELD_CONTRACT_NUMBER:       return SIGNET_CSV_FIELD_NUMBER;
    case SIGNET_FIELD_CONTRACT_TITLE:        return SIGNET_CSV_FIELD_TITLE;
    case SIGNET_FIELD_CONTRACT_CLIENT:       return SIGNET_CSV_FIELD_CLIENT;
    case SIGNET_FIELD_CONTRACT_TYPE:         return SIGNET_CSV_FIELD_TYPE;
    case SIGNET_FIELD_CONTRACT_OWNER:        return SIGNET_CSV_FIELD_OWNER;
    case SIGNET_FIELD_CONTRACT_DEPARTMENT:   return SIGNET_CSV_FIELD_DEPARTMENT;
    case SIGNET_FIELD_CONTRACT_VALUE:        return SIGNET_CSV_FIELD_VALUE;
    case SIGNET_FIELD_CONTRACT_CURRENCY:     return SIGNET_CSV_FIELD_CURRENCY;
    case SIGNET_FIELD_CONTRACT_SIGNING_DATE: return SIGNET_CSV_FIELD_SIGNING_DATE;
    case SIGNET_FIELD_CONTRACT_START_DATE:   return SIGNET_CSV_FIELD_START_DATE;
    case SIGNET_FIELD_CONTRACT_END_DATE:     return SIGNET_CSV_FIELD_END_DATE;
    case SIGNET_FIELD_CONTRACT_NOTICE_DAYS:  return SIGNET_CSV_FIELD_NOTICE_DAYS;
    case SIGNET_FIELD_CONTRACT_STATUS:       return SIGNET_CSV_FIELD_STATUS;
    case SIGNET_FIELD_CONTRACT_RISK_LEVEL:   return SIGNET_CSV_FIELD_RISK_LEVEL;
    case SIGNET_FIELD_CONTRACT_TAGS:         return SIGNET_CSV_FIELD_TAGS;
    case SIGNET_FIELD_CONTRACT_NOTES:        return SIGNET_CSV_FIELD_NOTES;
    case SIGNET_FIELD_CLIENT_NAME:           return SIGNET_CSV_FIELD_CLIENT;
    case SIGNET_FIELD_CLIENT_CODE:           return SIGNET_CSV_FIELD_CLIENT_CODE;
    default:                                 return SIGNET_CSV_FIELD_IGNORE;
    }
}

/* The store's refusal of a row, at the column of the field it names. */
static gboolean
fail_with_store_error (CsvImport  *self,
                       GError     *cause,
                       GError    **error)
{
  if (cause->domain == SIGNET_FIELD_ERROR)
    return fail_at (self, csv_field_of (cause->code), SIGNET_CSV_ERROR_INVALID, cause->message, error);

  if (cause->domain == SIGNET_STORE_ERROR)
    {
      g_propagate_error (error, g_error_copy (cause));
      return FALSE;
    }

  _signet_csv_set_error (error, SIGNET_CSV_ERROR_INVALID, self->row, 0, NULL, "%s", cause->message);
  return FALSE;
}

static gboolean
read_date (CsvImport       *self,
           SignetCsvField   field,
           char           **iso,
           GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *text = cell_of (self, field);

  *iso = NULL;
  if (*text == '\0')
    return TRUE;

  *iso = signet_date_read_input (text, &local_error);
  if (*iso == NULL)
    return fail_at (self, field, SIGNET_CSV_ERROR_INVALID, local_error->message, error);

  return TRUE;
}

static gboolean
read_currency (CsvImport  *self,
               char      **currency,
               GError    **error)
{
  const char *text = cell_of (self, SIGNET_CSV_FIELD_CURRENCY);
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;

  if (*text == '\0')
    {
      *currency = g_strdup (self->mapping->currency);
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (currency_names); i++)
    if (g_str_equal (text, currency_names[i].name))
      {
        *currency = g_strdup (currency_names[i].code);
        return TRUE;
      }

  code = g_ascii_strup (text, -1);
  if (signet_currency_is_valid (code))
    {
      *currency = g_steal_pointer (&code);
      return TRUE;
    }

  message = g_strdup_printf (_("“%s” is not a currency: write its ISO 4217 code, such as CNY or USD."), text);
  return fail_at (self, SIGNET_CSV_FIELD_CURRENCY, SIGNET_CSV_ERROR_INVALID, message, error);
}

static void
remember_client (CsvImport    *self,
                 SignetClient *client)
{
  gint64 id = signet_client_get_id (client);

  g_hash_table_insert (self->clients_by_name, g_strdup (signet_client_get_name (client)),
                       g_memdup2 (&id, sizeof id));
  g_hash_table_insert (self->clients_by_code, g_strdup (signet_client_get_code (client)),
                       g_memdup2 (&id, sizeof id));
}

static gboolean
load_clients (CsvImport  *self,
              GError    **error)
{
  g_autoptr(GListModel) clients = signet_store_list_clients (self->store, error);

  if (clients == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(SignetClient) client = g_list_model_get_item (clients, i);

      /* Two clients of one name: the file's name means the first in the
       * list's order. */
      if (!g_hash_table_contains (self->clients_by_name, signet_client_get_name (client)))
        remember_client (self, client);
      else
        {
          gint64 id = signet_client_get_id (client);

          g_hash_table_insert (self->clients_by_code, g_strdup (signet_client_get_code (client)),
                               g_memdup2 (&id, sizeof id));
        }
    }

  return TRUE;
}

/* A code for a new client: C0001, C0002, ... the first ones free. */
static char *
next_client_code (CsvImport *self)
{
  for (;;)
    {
      char *code = g_strdup_printf ("C%04u", ++self->next_code);

      if (!g_hash_table_contains (self->clients_by_code, code))
        return code;
      g_free (code);
    }
}

/* The id of the client the row names by code or by name; a client the
 * register lacks is added (in a dry run, to its copy) when the import may
 * create clients, and listed in the report either way. */
static gboolean
resolve_client (CsvImport  *self,
                gint64     *client_id,
                GError    **error)
{
  const char *name = cell_of (self, SIGNET_CSV_FIELD_CLIENT);
  const char *code = cell_of (self, SIGNET_CSV_FIELD_CLIENT_CODE);
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(GError) local_error = NULL;
  SignetCsvField field = *code != '\0' ? SIGNET_CSV_FIELD_CLIENT_CODE : SIGNET_CSV_FIELD_CLIENT;
  gint64 *known;

  if (*code == '\0' && *name == '\0')
    return fail_at (self, self->columns[SIGNET_CSV_FIELD_CLIENT] >= 0 ? SIGNET_CSV_FIELD_CLIENT : SIGNET_CSV_FIELD_CLIENT_CODE,
                    SIGNET_CSV_ERROR_INVALID, _("This contract names no client."), error);

  known = *code != '\0' ? g_hash_table_lookup (self->clients_by_code, code)
                        : g_hash_table_lookup (self->clients_by_name, name);
  if (known != NULL)
    {
      *client_id = *known;
      return TRUE;
    }

  if (!self->options->dry_run && !self->options->create_clients)
    {
      g_autofree char *message =
        g_strdup_printf (_("The client “%s” is not in the register. Confirm that the clients the "
                           "file names are to be created, or add them first."),
                         *name != '\0' ? name : code);

      return fail_at (self, field, SIGNET_CSV_ERROR_NEW_CLIENT, message, error);
    }

  client = signet_client_new ();
  signet_client_set_name (client, *name != '\0' ? name : code);
  if (*code != '\0')
    signet_client_set_code (client, code);
  else
    {
      g_autofree char *new_code = next_client_code (self);

      signet_client_set_code (client, new_code);
    }

  if (!signet_store_add_client (self->store, client, &local_error))
    return fail_with_store_error (self, local_error, error);

  remember_client (self, client);
  g_ptr_array_add (self->report->new_clients, g_strdup (signet_client_get_name (client)));
  *client_id = signet_client_get_id (client);

  return TRUE;
}

static gboolean
check_number (CsvImport  *self,
              const char *number,
              GError    **error)
{
  g_autoptr(SignetContract) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *message = NULL;
  gpointer first_row;

  if (*number == '\0')
    return TRUE;  /* the store says that a number is needed */

  if (g_hash_table_lookup_extended (self->numbers, number, NULL, &first_row))
    {
      /* Translators: %s is a contract number, the numbers are rows of the spreadsheet. */
      message = g_strdup_printf (_("The contract number %s appears twice in the file: in rows %u and %u."),
                                 number, GPOINTER_TO_UINT (first_row), self->row);
      return fail_at (self, SIGNET_CSV_FIELD_NUMBER, SIGNET_CSV_ERROR_DUPLICATE, message, error);
    }
  g_hash_table_insert (self->numbers, g_strdup (number), GUINT_TO_POINTER (self->row));

  if (!self->had_contracts)
    return TRUE;

  existing = signet_store_find_contract_by_number (self->store, number, &local_error);
  if (local_error != NULL)
    return fail_with_store_error (self, local_error, error);
  if (existing == NULL)
    return TRUE;

  /* Translators: %s are a contract number and the title of the contract in the register. */
  message = g_strdup_printf (_("The contract number %s is already in the register, as “%s”. Nothing was "
                               "imported: remove the row or give it another number."),
                             number, signet_contract_get_title (existing));
  return fail_at (self, SIGNET_CSV_FIELD_NUMBER, SIGNET_CSV_ERROR_DUPLICATE, message, error);
}

static gboolean
import_row (CsvImport  *self,
            GError    **error)
{
  g_autoptr(SignetContract) contract = signet_contract_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *signing = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  const char *number = cell_of (self, SIGNET_CSV_FIELD_NUMBER);
  const char *text;
  gint64 client_id = 0;

  if (!check_number (self, number, error))
    return FALSE;

  signet_contract_set_number (contract, number);
  signet_contract_set_title (contract, cell_of (self, SIGNET_CSV_FIELD_TITLE));

  if (!read_currency (self, &currency, error))
    return FALSE;
  signet_contract_set_currency (contract, currency);

  text = cell_of (self, SIGNET_CSV_FIELD_VALUE);
  if (*text != '\0')
    {
      gint64 value;

      if (!_signet_csv_parse_amount (text, self->mapping->value_unit, currency, self->separator,
                                     &value, &local_error))
        return fail_at (self, SIGNET_CSV_FIELD_VALUE, SIGNET_CSV_ERROR_INVALID, local_error->message, error);
      signet_contract_set_value (contract, value);
    }

  if (!read_date (self, SIGNET_CSV_FIELD_SIGNING_DATE, &signing, error) ||
      !read_date (self, SIGNET_CSV_FIELD_START_DATE, &start, error) ||
      !read_date (self, SIGNET_CSV_FIELD_END_DATE, &end, error))
    return FALSE;
  signet_contract_set_signing_date (contract, signing);
  signet_contract_set_start_date (contract, start);
  signet_contract_set_end_date (contract, end);

  /* A register kept in a spreadsheet lists signed contracts: without a
   * status, one with a signing date is signed, the others drafts. */
  text = cell_of (self, SIGNET_CSV_FIELD_STATUS);
  if (*text != '\0')
    {
      SignetContractStatus status;

      if (!_signet_csv_parse_status (text, &status))
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” is not a status: write Draft, In Review, Approved, Signed, Active, "
                               "Expired, Renewed or Terminated (or 草稿, 审核中, 已批准, 已签署, 履行中, "
                               "已到期, 已续约, 已终止)."), text);

          return fail_at (self, SIGNET_CSV_FIELD_STATUS, SIGNET_CSV_ERROR_INVALID, message, error);
        }
      signet_contract_set_status (contract, status);
    }
  else
    signet_contract_set_status (contract, signing != NULL ? SIGNET_CONTRACT_STATUS_SIGNED
                                                          : SIGNET_CONTRACT_STATUS_DRAFT);

  text = cell_of (self, SIGNET_CSV_FIELD_RISK_LEVEL);
  if (*text != '\0')
    {
      SignetRiskLevel level;

      if (!_signet_csv_parse_risk_level (text, &level))
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” is not a risk level: write Low, Medium or High (or 低, 中, 高)."), text);

          return fail_at (self, SIGNET_CSV_FIELD_RISK_LEVEL, SIGNET_CSV_ERROR_INVALID, message, error);
        }
      signet_contract_set_risk_level (contract, level);
    }

  text = cell_of (self, SIGNET_CSV_FIELD_NOTICE_DAYS);
  if (*text != '\0')
    {
      guint days;

      if (!_signet_csv_parse_days (text, &days))
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” is not a notice period: write a number of days, such as 30."), text);

          return fail_at (self, SIGNET_CSV_FIELD_NOTICE_DAYS, SIGNET_CSV_ERROR_INVALID, message, error);
        }
      signet_contract_set_notice_days (contract, days);
    }

  text = cell_of (self, SIGNET_CSV_FIELD_AUTO_RENEW);
  if (self->columns[SIGNET_CSV_FIELD_AUTO_RENEW] >= 0)
    {
      gboolean auto_renew;

      if (!_signet_csv_parse_boolean (text, &auto_renew))
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” does not say whether the contract renews itself: write yes or no "
                               "(是 or 否)."), text);

          return fail_at (self, SIGNET_CSV_FIELD_AUTO_RENEW, SIGNET_CSV_ERROR_INVALID, message, error);
        }
      signet_contract_set_auto_renew (contract, auto_renew);
    }

  signet_contract_set_contract_type (contract, cell_of (self, SIGNET_CSV_FIELD_TYPE));
  signet_contract_set_owner (contract, cell_of (self, SIGNET_CSV_FIELD_OWNER));
  signet_contract_set_department (contract, cell_of (self, SIGNET_CSV_FIELD_DEPARTMENT));
  signet_contract_set_tags (contract, cell_of (self, SIGNET_CSV_FIELD_TAGS));
  signet_contract_set_notes (contract, cell_of (self, SIGNET_CSV_FIELD_NOTES));

  if (!resolve_client (self, &client_id, error))
    return FALSE;
  signet_contract_set_client_id (contract, client_id);

  if (!signet_store_add_contract (self->store, contract, &local_error))
    return fail_with_store_error (self, local_error, error);

  self->report->contracts_added++;
  return TRUE;
}

static gboolean
read_rows (CsvImport        *self,
           SignetCsvReader  *reader,
           SignetCsvProgressFunc progress,
           gpointer          progress_data,
           GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  char **cells;

  while ((cells = _signet_csv_reader_next (reader, &self->row, &local_error)) != NULL)
    {
      self->cells = cells;
      self->n_cells = g_strv_length (cells);
      self->report->rows++;

      if (!import_row (self, error))
        return FALSE;

      if (self->report->rows % ROWS_PER_STEP == 0)
        {
          if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress (_signet_csv_reader_get_fraction (reader), progress_data);
        }
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
mapping_fits (const SignetCsvMapping *mapping,
              const char * const     *headers,
              GError                **error)
{
  if (mapping->n_columns == g_strv_length ((char **) headers))
    {
      guint i;

      for (i = 0; i < mapping->n_columns && g_str_equal (mapping->headers[i], headers[i]); i++)
        ;
      if (i == mapping->n_columns)
        return TRUE;
    }

  _signet_csv_set_error (error, SIGNET_CSV_ERROR_MAPPING, 1, 0, NULL,
                         _("The file’s headers have changed since its columns were mapped. Open it again."));
  return FALSE;
}

gboolean
signet_csv_import (SignetStore                  *store,
                   GFile                        *file,
                   const SignetCsvMapping       *mapping,
                   const SignetCsvImportOptions *options,
                   SignetCsvImportReport       **report_out,
                   GCancellable                 *cancellable,
                   SignetCsvProgressFunc         progress,
                   gpointer                      progress_data,
                   GError                      **error)
{
  g_autoptr(SignetCsvImportReport) report = NULL;
  g_autoptr(SignetCsvReader) reader = NULL;
  g_autoptr(SignetCsvMapping) guessed = NULL;
  g_autoptr(SignetStore) scratch = NULL;
  g_autoptr(GError) local_error = NULL;
  CsvImport self = { 0 };
  const char * const *headers;
  gboolean success = FALSE;

  g_return_val_if_fail (SIGNET_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Before a byte is read: a descriptor of the register closed here would
   * drop its locks, and the file is no spreadsheet. */
  if (!signet_store_check_not_register_file (store, file, error))
    return FALSE;

  reader = _signet_csv_reader_open (file, options->encoding, cancellable, error);
  if (reader == NULL)
    return FALSE;
  headers = _signet_csv_reader_get_headers (reader);

  if (mapping == NULL)
    mapping = guessed = signet_csv_mapping_for_register (store, headers);
  else if (!mapping_fits (mapping, headers, error))
    return FALSE;

  if (!signet_csv_mapping_check (mapping, error))
    return FALSE;

  /* A dry run writes into a private copy of the register, so that it
   * meets every refusal the import would while the register sees no write
   * (as the XML import's does). */
  if (options->dry_run)
    {
      scratch = signet_store_new_scratch_copy (store, error);
      if (scratch == NULL)
        return FALSE;
      store = scratch;
    }

  report = g_new0 (SignetCsvImportReport, 1);
  report->dry_run = options->dry_run;
  report->encoding = _signet_csv_reader_get_encoding (reader);
  report->new_clients = g_ptr_array_new_with_free_func (g_free);

  self.store = store;
  self.mapping = mapping;
  self.options = options;
  self.report = report;
  self.cancellable = cancellable;
  self.separator = _signet_csv_reader_get_separator (reader);
  self.clients_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.clients_by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint f = 0; f < SIGNET_CSV_N_FIELDS; f++)
    self.columns[f] = -1;
  for (guint i = 0; i < mapping->n_columns; i++)
    if (mapping->fields[i] != SIGNET_CSV_FIELD_IGNORE && self.columns[mapping->fields[i]] < 0)
      self.columns[mapping->fields[i]] = (int) i;

  if (progress != NULL)
    progress (0.0, progress_data);

  if (!signet_store_begin_batch (store, &local_error))
    goto out;

  self.had_contracts = signet_store_count_contracts (store) > 0;

  if (load_clients (&self, &local_error) &&
      read_rows (&self, reader, progress, progress_data, &local_error) &&
      !options->dry_run)
    {
      g_autofree char *key = signet_csv_headers_key (headers);
      g_autofree char *data = signet_csv_mapping_to_data (mapping);

      /* In the import's transaction: remembered once it is in. */
      if (signet_store_remember_import_mapping (store, key, data, &local_error) &&
          signet_store_commit_batch (store, &local_error))
        {
          report->mapping_remembered = TRUE;
          success = TRUE;
        }
      else
        signet_store_rollback_batch (store);
    }
  else
    {
      signet_store_rollback_batch (store);
      success = (local_error == NULL);
    }

out:
  g_clear_pointer (&self.clients_by_name, g_hash_table_unref);
  g_clear_pointer (&self.clients_by_code, g_hash_table_unref);
  g_clear_pointer (&self.numbers, g_hash_table_unref);

  if (!success)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (progress != NULL)
    progress (1.0, progress_data);
  if (report_out != NULL)
    *report_out = g_steal_pointer (&report);

  return TRUE;
}

char *
signet_csv_import_report_describe (const SignetCsvImportReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_new = report->new_clients->len;

  g_return_val_if_fail (report != NULL, NULL);

  if (report->dry_run)
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE, "Dry run: %u contract would be added.",
                                         "Dry run: %u contracts would be added.", report->contracts_added),
                            report->contracts_added);
  else
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE, "%u contract added.", "%u contracts added.",
                                         report->contracts_added),
                            report->contracts_added);

  if (n_new > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < n_new; i++)
        {
          if (i > 0)
            /* Translators: between the names of a list. */
            g_string_append (names, _(", "));
          g_string_append (names, g_ptr_array_index (report->new_clients, i));
        }

      g_string_append_c (text, '\n');
      if (report->dry_run)
        g_string_append_printf (text,
                                g_dngettext (GETTEXT_PACKAGE, "%u new client would be created: %s.",
                                             "%u new clients would be created: %s.", n_new),
                                n_new, names->str);
      else
        g_string_append_printf (text,
                                g_dngettext (GETTEXT_PACKAGE, "%u new client created: %s.",
                                             "%u new clients created: %s.", n_new),
                                n_new, names->str);
    }

  g_string_append_c (text, '\n');
  /* Translators: %s is an encoding, such as “GBK (GB18030)”. */
  g_string_append_printf (text, _("Read as %s."), signet_csv_encoding_to_label (report->encoding));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
signet_csv_import_report_free (SignetCsvImportReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->new_clients, g_ptr_array_unref);
  g_free (report);
}
