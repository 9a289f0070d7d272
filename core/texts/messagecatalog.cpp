#include "texts/messagecatalog.h"

#include "modules/modulecatalog.h"

#include <QCoreApplication>
#include <QHash>

namespace Switchboard::MessageCatalog {

namespace {

struct Entry
{
    const char *id;
    Source source;
};

// The core's texts for people. An id, once stored in an alert, is never given another meaning:
// reword its English freely, but add a new id for a new sense.
constexpr Entry Entries[] = {
    // The alerts' titles, messages and suggested actions (AlertRules, KpiRules).
    {"alert.missing_setting.title",
     {"Alerts", QT_TRANSLATE_NOOP("Alerts", "Missing Required Environment Variable")}},
    {"alert.missing_setting.endpoint",
     {"Alerts", QT_TRANSLATE_NOOP("Alerts", "%1 (required for Module %2 (%3))")}},
    {"alert.missing_setting.modules",
     {"Alerts", QT_TRANSLATE_NOOP("Alerts", "%1 (required for Modules %2)")}},
    {"alert.missing_setting.because",
     {"Alerts", QT_TRANSLATE_NOOP("Alerts", "%1 (required because %2 is set)")}},
    {"alert.missing_setting.action",
     {"Alerts",
      QT_TRANSLATE_NOOP("Alerts", "Set the variable in the configuration and restart the check")}},
    {"alert.module_down.title", {"Alerts", QT_TRANSLATE_NOOP("Alerts", "Module Down: %1")}},
    {"alert.module_down.action",
     {"Alerts", QT_TRANSLATE_NOOP("Alerts", "Investigate module logs and restart if necessary")}},
    {"alert.critical_path.title",
     {"Alerts", QT_TRANSLATE_NOOP("Alerts", "Module down in critical path")}},
    {"alert.critical_path.message",
     {"Alerts", QT_TRANSLATE_NOOP("Alerts", "Impact: Patient journey blocked")}},
    {"alert.critical_path.action",
     {"Alerts", QT_TRANSLATE_NOOP("Alerts", "Restore module health to ensure data flow")}},
    {"alert.circuit_open.title", {"Alerts", QT_TRANSLATE_NOOP("Alerts", "Circuit Open: %1")}},
    {"alert.circuit_open.message",
     {"Alerts",
      QT_TRANSLATE_NOOP("Alerts", "Calls to the module are refused until it answers again")}},
    {"alert.circuit_open.action",
     {"Alerts",
      QT_TRANSLATE_NOOP("Alerts", "Reset the breaker in Modules once the module answers again")}},
    {"alert.module_degraded.title", {"Alerts", QT_TRANSLATE_NOOP("Alerts", "Module Degraded: %1")}},
    {"alert.module_degraded.action",
     {"Alerts",
      QT_TRANSLATE_NOOP("Alerts", "Review the module's recent errors and response times")}},
    {"alert.dead_letters.title", {"Alerts", QT_TRANSLATE_NOOP("Alerts", "Dead letters piling up")}},
    {"alert.dead_letters.message",
     {"Alerts",
      QT_TRANSLATE_NOOP("Alerts",
                        "%1 module calls failed for good and wait in the dead-letter queue")}},
    {"alert.dead_letters.action",
     {"Alerts",
      QT_TRANSLATE_NOOP("Alerts",
                        "Inspect them in the dead-letter queue, then replay or discard them")}},
    {"alert.review_sla.title", {"Alerts", QT_TRANSLATE_NOOP("Alerts", "Review SLA Breached: %1")}},
    {"alert.review_sla.message",
     {"Alerts", QT_TRANSLATE_NOOP("Alerts", "Tasks past their SLA, now with the supervisors: %1")}},
    {"alert.review_sla.action",
     {"Alerts",
      QT_TRANSLATE_NOOP("Alerts",
                        "Open the supervisor queue in Review and decide or reassign them")}},
    {"alert.notification_failing.title",
     {"Alerts", QT_TRANSLATE_NOOP("Alerts", "Notifications Failing: %1")}},
    {"alert.notification_failing.message",
     {"Alerts", QT_TRANSLATE_NOOP("Alerts", "The last alert could not be delivered: %1")}},
    {"alert.notification_failing.action",
     {"Alerts",
      QT_TRANSLATE_NOOP("Alerts",
                        "Check the channel in Settings › Notifications and send a test")}},
    {"alert.secret_not_stored.title",
     {"Alerts", QT_TRANSLATE_NOOP("Alerts", "Secret Not Stored: %1")}},
    {"alert.secret_not_stored.message",
     {"Alerts", QT_TRANSLATE_NOOP("Alerts", "%1 is used from memory for this run only: %2")}},
    {"alert.secret_not_stored.action",
     {"Alerts",
      QT_TRANSLATE_NOOP("Alerts",
                        "Start a Secret Service (a desktop keychain), or set SECRETS_BACKEND=file "
                        "with a key (LoadCredential= or SWITCHBOARD_SECRET_KEY_FILE), then "
                        "restart; see docs/deployment.md")}},
    {"alert.kpi_unavailable.title",
     {"Alerts", QT_TRANSLATE_NOOP("Alerts", "KPI Data Unavailable")}},
    {"alert.kpi_unavailable.message",
     {"Alerts",
      QT_TRANSLATE_NOOP("Alerts",
                        "Failed to fetch KPI data from Module 07 (%1): the "
                        "dashboard shows no figures rather than old ones")}},
    {"alert.kpi_unavailable.action",
     {"Alerts",
      QT_TRANSLATE_NOOP("Alerts",
                        "Check Module 07; the figures return with its next "
                        "answer")}},
    {"alert.kpi_threshold.title",
     {"Alerts", QT_TRANSLATE_NOOP("Alerts", "KPI Threshold Breached")}},
    {"alert.kpi_threshold.below",
     {"Alerts", QT_TRANSLATE_NOOP("Alerts", "%1 (%2) below threshold (%3)")}},
    {"alert.kpi_threshold.above",
     {"Alerts", QT_TRANSLATE_NOOP("Alerts", "%1 (%2) above threshold (%3)")}},
    {"alert.kpi_threshold.action",
     {"Alerts",
      QT_TRANSLATE_NOOP(
          "Alerts", "Review the figure's trend on the dashboard and the modules that feed it")}},
    // The figures as the seed's KPI alerts name them ("Lead volume (15) below threshold (100)").
    {"kpi.leads_24h", {"Alerts", QT_TRANSLATE_NOOP("Alerts", "Lead volume")}},
    {"kpi.bookings_24h", {"Alerts", QT_TRANSLATE_NOOP("Alerts", "Bookings")}},
    {"kpi.revenue_24h_usd", {"Alerts", QT_TRANSLATE_NOOP("Alerts", "Revenue")}},
    {"kpi.lead_to_booking_rate", {"Alerts", QT_TRANSLATE_NOOP("Alerts", "Lead to booking rate")}},
    {"kpi.show_rate", {"Alerts", QT_TRANSLATE_NOOP("Alerts", "Show rate")}},
    {"kpi.nps_avg_30d", {"Alerts", QT_TRANSLATE_NOOP("Alerts", "NPS")}},
    {"kpi.errors_24h", {"Alerts", QT_TRANSLATE_NOOP("Alerts", "Errors")}},
    // What the alert book writes in an alert's history by itself.
    {"alert.history.cleared", {"Alerts", QT_TRANSLATE_NOOP("Alerts", "Condition cleared")}},
    {"alert.history.flapping",
     {"Alerts",
      QT_TRANSLATE_NOOP("Alerts",
                        "The condition changed %1 times in %2 minutes; the alert stays open "
                        "until it has been stable for %2 minutes")}},
    {"alert.history.snoozed", {"Alerts", QT_TRANSLATE_NOOP("Alerts", "%1 min")}},
    {"alert.history.snoozed_note", {"Alerts", QT_TRANSLATE_NOOP("Alerts", "%1 min: %2")}},
    // What the workflow validator finds wrong (WorkflowValidator), for the builder.
    {"workflow.problem.at_step",
     {"WorkflowProblems", QT_TRANSLATE_NOOP("WorkflowProblems", "step \"%1\": %2")}},
    {"workflow.problem.at_step_field",
     {"WorkflowProblems", QT_TRANSLATE_NOOP("WorkflowProblems", "step \"%1\", %2: %3")}},
    {"workflow.problem.at_field",
     {"WorkflowProblems", QT_TRANSLATE_NOOP("WorkflowProblems", "%1: %2")}},
    {"workflow.too_large",
     {"WorkflowProblems",
      QT_TRANSLATE_NOOP("WorkflowProblems",
                        "the workflow has %1 nodes and %2 connections; at most %3 nodes and %4 "
                        "connections are allowed (WORKFLOW_MAX_NODES)")}},
    {"workflow.correlation.too_many",
     {"WorkflowProblems", QT_TRANSLATE_NOOP("WorkflowProblems", "at most %1 correlation keys")}},
    {"workflow.correlation.key_name",
     {"WorkflowProblems",
      QT_TRANSLATE_NOOP("WorkflowProblems",
                        "a key's name is lower-case letters, digits and \"_\", e.g. patient_id")}},
    {"workflow.correlation.value",
     {"WorkflowProblems",
      QT_TRANSLATE_NOOP(
          "WorkflowProblems",
          "where the value is in the input, as \"input.<field>\" (e.g. \"input.patient_id\")")}},
    {"workflow.expression",
     {"WorkflowProblems",
      QT_TRANSLATE_NOOP("WorkflowProblems", "the expression does not compile: %1")}},
    {"workflow.template",
     {"WorkflowProblems",
      QT_TRANSLATE_NOOP("WorkflowProblems", "the template does not compile: %1")}},
    {"workflow.duration",
     {"WorkflowProblems",
      QT_TRANSLATE_NOOP(
          "WorkflowProblems",
          "expected a duration such as \"30s\", \"15m\" or \"7d\", of at most 366d")}},
    {"workflow.node.same_id",
     {"WorkflowProblems", QT_TRANSLATE_NOOP("WorkflowProblems", "another node has the same id")}},
    {"workflow.module.unknown_expected",
     {"WorkflowProblems",
      QT_TRANSLATE_NOOP("WorkflowProblems",
                        "unknown module \"%1\" (expected 01_intake … 09_compliance)")}},
    {"workflow.module.unknown",
     {"WorkflowProblems", QT_TRANSLATE_NOOP("WorkflowProblems", "unknown module \"%1\"")}},
    {"workflow.case.same_label",
     {"WorkflowProblems",
      QT_TRANSLATE_NOOP("WorkflowProblems", "another case has the label \"%1\"")}},
    {"workflow.join.n",
     {"WorkflowProblems",
      QT_TRANSLATE_NOOP("WorkflowProblems",
                        "must be from 1 to the number of incoming branches (%1)")}},
    {"workflow.delay.needs_duration",
     {"WorkflowProblems",
      QT_TRANSLATE_NOOP("WorkflowProblems",
                        "a delay needs a duration (e.g. \"24h\") or an until expression")}},
    {"workflow.run.choose",
     {"WorkflowProblems",
      QT_TRANSLATE_NOOP("WorkflowProblems", "choose the workflow this step runs")}},
    {"workflow.run.bad_id",
     {"WorkflowProblems",
      QT_TRANSLATE_NOOP("WorkflowProblems",
                        "\"%1\" is not a workflow id (lower-case letters, digits and -)")}},
    {"workflow.review.choice_options",
     {"WorkflowProblems", QT_TRANSLATE_NOOP("WorkflowProblems", "a choice field needs options")}},
    {"workflow.trigger.none",
     {"WorkflowProblems",
      QT_TRANSLATE_NOOP("WorkflowProblems", "the workflow needs a trigger node")}},
    {"workflow.node.placeholder",
     {"WorkflowProblems",
      QT_TRANSLATE_NOOP("WorkflowProblems",
                        "stands in for the n8n node \"%1\" (%2), which was not converted: %3. "
                        "Replace it with a Switchboard step")}},
    {"workflow.trigger.many",
     {"WorkflowProblems",
      QT_TRANSLATE_NOOP("WorkflowProblems",
                        "the workflow has %1 trigger nodes; it needs exactly one")}},
    {"workflow.trigger.cron",
     {"WorkflowProblems",
      QT_TRANSLATE_NOOP("WorkflowProblems", "the schedule cannot be read: %1")}},
    {"workflow.edge.no_node",
     {"WorkflowProblems", QT_TRANSLATE_NOOP("WorkflowProblems", "no node has the id \"%1\"")}},
    {"workflow.edge.twice",
     {"WorkflowProblems",
      QT_TRANSLATE_NOOP("WorkflowProblems", "the same connection to \"%1\" appears twice")}},
    {"workflow.edge.from_end",
     {"WorkflowProblems",
      QT_TRANSLATE_NOOP("WorkflowProblems", "an end node cannot lead anywhere")}},
    {"workflow.edge.port",
     {"WorkflowProblems",
      QT_TRANSLATE_NOOP("WorkflowProblems", "\"%1\" is not an output of this node (it has: %2)")}},
    {"workflow.edge.into_trigger",
     {"WorkflowProblems",
      QT_TRANSLATE_NOOP("WorkflowProblems", "nothing can lead into the trigger")}},
    {"workflow.condition.no_default",
     {"WorkflowProblems",
      QT_TRANSLATE_NOOP("WorkflowProblems",
                        "the condition has no default branch: connect its \"%1\" output")}},
    {"workflow.review.outcome_nowhere",
     {"WorkflowProblems",
      QT_TRANSLATE_NOOP("WorkflowProblems", "the outcome \"%1\" leads nowhere")}},
    {"workflow.wait.no_timeout",
     {"WorkflowProblems",
      QT_TRANSLATE_NOOP(
          "WorkflowProblems",
          "connect the \"timeout\" output: what happens when the event never comes?")}},
    {"workflow.wait.no_event",
     {"WorkflowProblems", QT_TRANSLATE_NOOP("WorkflowProblems", "connect the \"event\" output")}},
    {"workflow.node.dead_end",
     {"WorkflowProblems",
      QT_TRANSLATE_NOOP("WorkflowProblems",
                        "nothing follows this node: connect it, or finish with an end node")}},
    {"workflow.node.unreachable",
     {"WorkflowProblems",
      QT_TRANSLATE_NOOP("WorkflowProblems", "no path from the trigger reaches this node")}},
    {"workflow.loop.no_wait",
     {"WorkflowProblems",
      QT_TRANSLATE_NOOP(
          "WorkflowProblems",
          "these nodes form a loop with no wait in it (a review, a wait for an event, or a delay "
          "of at least a second), which would run without end: %1")}},
    // Why a module has its status (HealthRules).
    {"health.not_checked", {"HealthRules", QT_TRANSLATE_NOOP("HealthRules", "Not checked yet")}},
    {"health.not_configured",
     {"HealthRules", QT_TRANSLATE_NOOP("HealthRules", "No endpoint configured")}},
    {"health.disabled",
     {"HealthRules", QT_TRANSLATE_NOOP("HealthRules", "Disabled in configuration")}},
    {"health.responding", {"HealthRules", QT_TRANSLATE_NOOP("HealthRules", "Responding normally")}},
    {"health.no_answer",
     {"HealthRules", QT_TRANSLATE_NOOP("HealthRules", "Module not responding to health checks")}},
    {"health.reported_down",
     {"HealthRules", QT_TRANSLATE_NOOP("HealthRules", "Module reports itself down")}},
    {"health.circuit_open",
     {"HealthRules", QT_TRANSLATE_NOOP("HealthRules", "Circuit breaker open: calls fail fast")}},
    {"health.no_execution",
     {"HealthRules", QT_TRANSLATE_NOOP("HealthRules", "No execution in %1 hours")}},
    {"health.credential_refused",
     {"HealthRules",
      QT_TRANSLATE_NOOP("HealthRules", "Health check refused: the credential is wrong")}},
    {"health.malformed",
     {"HealthRules", QT_TRANSLATE_NOOP("HealthRules", "Health answer could not be read")}},
    {"health.circuit_half_open",
     {"HealthRules",
      QT_TRANSLATE_NOOP("HealthRules", "Circuit breaker half-open: testing recovery")}},
    {"health.too_many_errors",
     {"HealthRules",
      QT_TRANSLATE_NOOP("HealthRules", "%1 errors in last 24 hours (threshold: %2)")}},
    {"health.reported_degraded",
     {"HealthRules", QT_TRANSLATE_NOOP("HealthRules", "Module reports itself degraded")}},
    {"health.slow",
     {"HealthRules", QT_TRANSLATE_NOOP("HealthRules", "Slow response: %1 ms (limit: %2 ms)")}},
};

const QLatin1String ModulePrefix("module.");

} // namespace

std::optional<Source> find(const QString &id)
{
    if (id.startsWith(ModulePrefix)) {
        if (const ModuleInfo *info = ModuleCatalog::find(id.mid(ModulePrefix.size())))
            return Source {"Modules", info->displayName};
        return std::nullopt;
    }
    static const QHash<QString, Source> byId = [] {
        QHash<QString, Source> out;
        for (const Entry &e : Entries)
            out.insert(QLatin1String(e.id), e.source);
        return out;
    }();
    if (auto it = byId.constFind(id); it != byId.constEnd())
        return *it;
    return std::nullopt;
}

QStringList ids()
{
    QStringList out;
    for (const Entry &e : Entries)
        out << QLatin1String(e.id);
    for (const QString &module : ModuleCatalog::ids())
        out << ModulePrefix + module;
    return out;
}

} // namespace Switchboard::MessageCatalog
