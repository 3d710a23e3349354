/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-bench-contract-page"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "signet-amendment.h"
#include "signet-approval.h"
#include "signet-contract-page.h"
#include "signet-contract-process.h"
#include "signet-store-amendments.h"
#include "signet-store-approvals.h"
#include "signet-store-events.h"
#include "signet-store-process.h"

/* Opening a contract: the real SignetContractPage in a window of Signet's
 * default size (1200×760) on a display (run it under `xvfb-run -a`), timed
 * from signet_contract_page_set_contract() until the frame clock's next
 * "after-paint", the first frame that shows it. Two contracts of one
 * register, in the same run, each opened in turn after the page showed
 * nothing for a while: the floor, a signed contract with no amendment and
 * no approval, and one with 20 amendments and 10 approval steps (two
 * rounds of a five-step route: a return at the fifth, then five
 * approvals). Target: the second's median within 1.2 times the floor's. */

#define TARGET_RATIO 1.2
#define IDLE_MS 150
#define FRAME_TIMEOUT_MS 5000
#define N_AMENDMENTS 20
#define N_ROUTE_STEPS 5

static int rounds = 30;

static const GOptionEntry entries[] = {
  { "rounds", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &rounds, "Timed openings of each contract after a warm-up (30)", "N" },
  { NULL }
};

static gint64 painted;

static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);

  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Nearest-rank percentile of @samples (sorted in place). */
static double
percentile (GArray *samples,
            double  fraction)
{
  guint rank;

  g_array_sort (samples, compare_doubles);
  rank = (guint) ceil (fraction * samples->len);

  return g_array_index (samples, double, MAX (rank, 1) - 1);
}

static const char *
load_average (void)
{
  static char text[64] = "unknown\n";
  g_autofree char *contents = NULL;

  if (g_file_get_contents ("/proc/loadavg", &contents, NULL, NULL))
    g_snprintf (text, sizeof text, "%s", contents);

  return text;
}

static void
check (gboolean    ok,
       const char *what,
       GError     *error)
{
  if (ok)
    return;

  g_printerr ("%s: %s\n", what, error != NULL ? error->message : "failed");
  exit (EXIT_FAILURE);
}

static gboolean
flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;

  return G_SOURCE_REMOVE;
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  if (painted == 0)
    painted = g_get_monotonic_time ();
}

/* A signed contract of @client_id, 2026-01-01 to 2027-12-31. */
static SignetContract *
add_contract (SignetStore *store,
              gint64       client_id,
              const char  *number,
              const char  *title)
{
  g_autoptr(SignetContract) contract = signet_contract_new ();
  g_autoptr(GError) error = NULL;

  signet_contract_set_number (contract, number);
  signet_contract_set_title (contract, title);
  signet_contract_set_client_id (contract, client_id);
  signet_contract_set_contract_type (contract, "采购");
  signet_contract_set_owner (contract, "李娜");
  signet_contract_set_department (contract, "采购部");
  signet_contract_set_currency (contract, "CNY");
  signet_contract_set_value (contract, 120000000);
  signet_contract_set_start_date (contract, "2026-01-01");
  signet_contract_set_end_date (contract, "2027-12-31");
  signet_contract_set_notice_days (contract, 60);
  signet_contract_set_auto_renew (contract, TRUE);
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_DRAFT);
  check (signet_store_add_contract (store, contract, &error), "add contract", error);

  return g_steal_pointer (&contract);
}

static void
step (SignetStore         *store,
      gint64               id,
      SignetProcessAction  action)
{
  g_autoptr(SignetContract) contract = signet_store_get_contract (store, id, NULL);
  g_auto(SignetProcessStep) process_step = { action, NULL, };
  g_autoptr(GError) error = NULL;

  if (action == SIGNET_PROCESS_ACTION_MARK_SIGNED)
    {
      process_step.our_signing_date = g_strdup ("2025-12-20");
      process_step.their_signing_date = g_strdup ("2025-12-21");
    }
  check (signet_store_take_process_step (store, id, signet_contract_get_version (contract), &process_step, &error),
         "process step", error);
}

static void
decide (SignetStore         *store,
        gint64               id,
        SignetProcessAction  action,
        const char          *opinion)
{
  g_autoptr(SignetContract) contract = signet_store_get_contract (store, id, NULL);
  SignetApprovalDecision decision = { action, 0, (char *) "王芳", (char *) opinion, 0 };
  g_autoptr(GError) error = NULL;

  check (signet_store_decide_approval_step (store, id, 0, signet_contract_get_version (contract), &decision, &error),
         "decision", error);
}

/* The register: the floor signed at once, the other through two rounds of
 * a five-step route, then amended 20 times (after the rule is gone, so
 * that each is in effect at once, as amendments before routes were). */
static void
fill (SignetStore     *store,
      SignetContract **none,
      SignetContract **many)
{
  static const char * const step_names[N_ROUTE_STEPS] = { "部门负责人", "法务", "财务", "副总经理", "总经理" };
  g_autoptr(SignetClient) client = signet_client_new ();
  g_autoptr(SignetApprovalRoute) route = signet_approval_route_new ("重大采购审批");
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_approval_rule_free);
  g_autoptr(GError) error = NULL;
  gint64 id;

  signet_client_set_name (client, "上海华东建设工程有限公司");
  signet_client_set_code (client, "HDJS");
  check (signet_store_add_client (store, client, &error), "add client", error);

  *none = add_contract (store, signet_client_get_id (client), "HT-2026-0001", "钢材年度采购框架协议");
  step (store, signet_contract_get_id (*none), SIGNET_PROCESS_ACTION_SUBMIT);
  step (store, signet_contract_get_id (*none), SIGNET_PROCESS_ACTION_APPROVE);
  step (store, signet_contract_get_id (*none), SIGNET_PROCESS_ACTION_MARK_SIGNED);

  for (guint i = 0; i < N_ROUTE_STEPS; i++)
    {
      g_autoptr(SignetRouteStep) route_step = signet_route_step_new (step_names[i], 0, step_names[i], 2);

      signet_approval_route_add_step (route, route_step);
    }
  check (signet_store_add_approval_route (store, route, &error), "add route", error);
  g_ptr_array_add (rules, signet_approval_rule_new (NULL, 0, NULL, route->id));
  check (signet_store_set_approval_rules (store, rules, &error), "set rules", error);

  *many = add_contract (store, signet_client_get_id (client), "HT-2026-0002", "钢材年度采购框架协议（二期）");
  id = signet_contract_get_id (*many);
  step (store, id, SIGNET_PROCESS_ACTION_SUBMIT);
  for (guint i = 0; i < N_ROUTE_STEPS - 1; i++)
    decide (store, id, SIGNET_PROCESS_ACTION_APPROVE, "同意。");
  decide (store, id, SIGNET_PROCESS_ACTION_RETURN, "违约金比例需写明。");
  step (store, id, SIGNET_PROCESS_ACTION_SUBMIT);
  for (guint i = 0; i < N_ROUTE_STEPS; i++)
    decide (store, id, SIGNET_PROCESS_ACTION_APPROVE, "同意。");
  step (store, id, SIGNET_PROCESS_ACTION_MARK_SIGNED);

  g_ptr_array_set_size (rules, 0);
  check (signet_store_set_approval_rules (store, rules, &error), "clear rules", error);

  for (guint i = 0; i < N_AMENDMENTS; i++)
    {
      g_autoptr(SignetAmendment) amendment = signet_amendment_new (id);

      amendment->number = signet_store_next_amendment_number (store, id, SIGNET_AMENDMENT_NUMBER_PATTERN_DEFAULT,
                                                              &error);
      check (amendment->number != NULL, "amendment number", error);
      amendment->effective_date = g_strdup_printf ("2026-%02u-%02u", 1 + i / 2, 1 + (i % 2) * 14);
      amendment->signing_date = g_strdup (amendment->effective_date);
      amendment->reason = g_strdup_printf ("第 %u 次价格调整", i + 1);
      amendment->changes = SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_VALUE);
      amendment->value = 120000000 + (gint64) (i + 1) * 1000000;
      amendment->currency = g_strdup ("CNY");
      if (i % 5 == 4)
        {
          amendment->changes |= SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_OTHER);
          amendment->other_terms = g_strdup ("付款方式改为季度付款");
        }
      check (signet_store_add_amendment (store, amendment, &error), "add amendment", error);
    }

  g_set_object (none, signet_store_get_contract (store, signet_contract_get_id (*none), NULL));
  g_set_object (many, signet_store_get_contract (store, id, NULL));
}

/* Opens @contract on @page: the wall time to the first frame after it, and
 * the CPU time spent until then. */
static void
open_contract (SignetContractPage *page,
               SignetContract     *contract,
               double             *wall_ms,
               double             *cpu)
{
  gboolean timed_out = FALSE;
  guint timeout;
  gint64 start;
  double cpu_start;

  signet_contract_page_set_contract (page, NULL);
  spin (IDLE_MS);

  painted = 0;
  cpu_start = cpu_ms ();
  start = g_get_monotonic_time ();
  signet_contract_page_set_contract (page, contract);

  timeout = g_timeout_add (FRAME_TIMEOUT_MS, flag_cb, &timed_out);
  while (painted == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  check (painted != 0, "no frame after opening the contract", NULL);
  g_source_remove (timeout);

  *wall_ms = (painted - start) / 1000.0;
  *cpu = cpu_ms () - cpu_start;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(SignetContract) none = NULL;
  g_autoptr(SignetContract) many = NULL;
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  g_autoptr(GArray) none_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) many_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) none_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) many_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *load_at_start = NULL;
  const char *renderer;
  GtkWindow *window;
  GtkWidget *page;
  double floor_median, median, ratio;

  setlocale (LC_ALL, "");

  g_option_context_set_summary (context, "Times opening a contract with 20 amendments and 10 approval steps "
                                         "on a SignetContractPage against one with none.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || rounds < 1)
    {
      g_printerr ("Usage: %s [--rounds=N]\n", g_get_prgname ());
      return EXIT_FAILURE;
    }

  load_at_start = g_strdup (load_average ());
  dir = g_dir_make_tmp ("signet-bench-page-XXXXXX", &error);
  check (dir != NULL, "temporary folder", error);
  path = g_build_filename (dir, "signet.db", NULL);
  store = signet_store_new (path, &error);
  check (store != NULL, path, error);
  signet_store_set_today (store, "2026-11-15");
  fill (store, &none, &many);

  gtk_init ();
  adw_init ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1200, 760);
  page = signet_contract_page_new ();
  signet_contract_page_set_store (SIGNET_CONTRACT_PAGE (page), store);
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  spin (500);

  /* Round 0 warms up; then the two in turn, so that both see the same
   * machine. */
  for (int r = 0; r <= rounds; r++)
    {
      double wall, cpu;

      open_contract (SIGNET_CONTRACT_PAGE (page), none, &wall, &cpu);
      if (r > 0)
        {
          g_array_append_val (none_wall, wall);
          g_array_append_val (none_cpu, cpu);
        }
      open_contract (SIGNET_CONTRACT_PAGE (page), many, &wall, &cpu);
      if (r > 0)
        {
          g_array_append_val (many_wall, wall);
          g_array_append_val (many_cpu, cpu);
        }
    }

  renderer = g_getenv ("GSK_RENDERER");
  floor_median = percentile (none_wall, 0.5);
  median = percentile (many_wall, 0.5);
  ratio = floor_median > 0 ? median / floor_median : 0;

  printf ("method: the real SignetContractPage in a 1200x760 window, renderer %s, style.css loaded;\n"
          "  %d openings of each contract in turn after a warm-up, each after the page showed\n"
          "  nothing for %d ms, timed from signet_contract_page_set_contract() to the frame\n"
          "  clock's next after-paint (the first frame that shows it); CPU time of the process\n"
          "  over the same span. Floor: a signed contract with no amendment and no approval\n"
          "  step. Measured: one with %d amendments and %d approval steps (a %d-step route,\n"
          "  returned at its last step, then approved through). Load at the start %s",
          renderer != NULL ? renderer : "(default)", rounds, IDLE_MS, N_AMENDMENTS,
          2 * N_ROUTE_STEPS, N_ROUTE_STEPS, load_at_start);
  printf ("%-34s %9s %9s %9s %9s %9s\n", "", "median", "p5", "p95", "cpu med", "cpu p95");
  printf ("%-34s %9.2f %9.2f %9.2f %9.2f %9.2f\n", "floor: no amendments, no steps", floor_median,
          percentile (none_wall, 0.05), percentile (none_wall, 0.95), percentile (none_cpu, 0.5),
          percentile (none_cpu, 0.95));
  printf ("%-34s %9.2f %9.2f %9.2f %9.2f %9.2f\n", "20 amendments, 10 approval steps", median,
          percentile (many_wall, 0.05), percentile (many_wall, 0.95), percentile (many_cpu, 0.5),
          percentile (many_cpu, 0.95));
  printf ("ratio of the medians (ms): %.2f; of the CPU medians: %.2f\n", ratio,
          percentile (none_cpu, 0.5) > 0 ? percentile (many_cpu, 0.5) / percentile (none_cpu, 0.5) : 0);
  printf ("load average at the end: %s", load_average ());
  printf ("target ratio <= %.1f: %s\n", TARGET_RATIO, ratio <= TARGET_RATIO ? "met" : "NOT met");

  gtk_window_destroy (window);
  g_clear_object (&store);
  g_unlink (path);
  g_rmdir (dir);

  return ratio <= TARGET_RATIO ? EXIT_SUCCESS : 2;
}
