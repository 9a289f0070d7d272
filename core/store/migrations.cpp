#include "store/migrations.h"

#include <iterator>

namespace Switchboard {

namespace {

// Each entry upgrades the schema by one version. Never edit a released entry: add another.
const char *const Steps[] = {
    // 1: workflows, versions, executions with their event history, timers, waiters, tasks.
    R"SQL(
CREATE TABLE workflows (
    id TEXT PRIMARY KEY,
    draft TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1,
    updated_at INTEGER NOT NULL
);
CREATE TABLE workflow_versions (
    workflow_id TEXT NOT NULL REFERENCES workflows(id),
    version INTEGER NOT NULL,
    definition TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    published_at INTEGER NOT NULL,
    PRIMARY KEY (workflow_id, version)
);
CREATE TABLE executions (
    id TEXT PRIMARY KEY,
    workflow_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    status TEXT NOT NULL,
    trace_id TEXT NOT NULL,
    input TEXT NOT NULL,
    state TEXT NOT NULL,
    output TEXT,
    error TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    finished_at INTEGER
);
CREATE INDEX executions_by_status ON executions(status, updated_at);
CREATE TABLE execution_events (
    execution_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    ts INTEGER NOT NULL,
    type TEXT NOT NULL,
    node TEXT,
    attempt INTEGER,
    data TEXT,
    PRIMARY KEY (execution_id, seq)
) WITHOUT ROWID;
CREATE TABLE timers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    execution_id TEXT NOT NULL,
    node TEXT NOT NULL,
    kind TEXT NOT NULL,
    due_at INTEGER NOT NULL,
    data TEXT
);
CREATE INDEX timers_by_due ON timers(due_at);
CREATE TABLE waiters (
    execution_id TEXT NOT NULL,
    node TEXT NOT NULL,
    event_type TEXT NOT NULL,
    module TEXT,
    match TEXT,
    PRIMARY KEY (execution_id, node)
);
CREATE INDEX waiters_by_type ON waiters(event_type);
CREATE TABLE tasks (
    id TEXT PRIMARY KEY,
    execution_id TEXT NOT NULL,
    node TEXT NOT NULL,
    queue TEXT NOT NULL,
    role TEXT NOT NULL,
    title TEXT NOT NULL,
    form TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    due_at INTEGER,
    claimed_by TEXT,
    decided_by TEXT,
    decision TEXT,
    decided_at INTEGER
);
CREATE INDEX tasks_by_queue ON tasks(queue, status);
)SQL",
    // 2: the dead-letter queue: module calls that failed for good, kept for inspection and replay.
    R"SQL(
CREATE TABLE dead_letters (
    id TEXT PRIMARY KEY,
    execution_id TEXT NOT NULL,
    node TEXT NOT NULL,
    module TEXT NOT NULL,
    action TEXT NOT NULL,
    payload TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    error TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    result TEXT
);
CREATE INDEX dead_letters_by_status ON dead_letters(status, created_at);
)SQL",
    // 3: the clinic's key figures, one sample per figure and hour, for trends beyond a day.
    R"SQL(
CREATE TABLE kpi_samples (
    name TEXT NOT NULL,
    at INTEGER NOT NULL,
    value REAL NOT NULL,
    PRIMARY KEY (name, at)
);
)SQL",
    // 4: modules switched on or off from the console or the API (over the configuration); each
    // module's checks per hour: the worst status seen, response-time percentiles, and how many
    // checks went unanswered; key-figure events counted per hour (EventKpis).
    R"SQL(
CREATE TABLE module_settings (
    module TEXT PRIMARY KEY,
    enabled INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE TABLE module_samples (
    module TEXT NOT NULL,
    at INTEGER NOT NULL,
    status INTEGER NOT NULL,
    p50 INTEGER NOT NULL,
    p95 INTEGER NOT NULL,
    p99 INTEGER NOT NULL,
    checks INTEGER NOT NULL,
    unanswered INTEGER NOT NULL,
    PRIMARY KEY (module, at)
);
CREATE TABLE event_counts (
    at INTEGER NOT NULL,
    name TEXT NOT NULL,
    value REAL NOT NULL,
    PRIMARY KEY (at, name)
);
)SQL",
    // 5: the hash-chained audit log (forwarded to 09_compliance), and review tasks that went
    // past their SLA to the supervisors keep the queue they came from.
    R"SQL(
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    ts INTEGER NOT NULL,
    event TEXT NOT NULL,
    actor TEXT NOT NULL,
    data TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    forwarded_at INTEGER
);
CREATE INDEX audit_log_waiting ON audit_log(forwarded_at, seq);
ALTER TABLE tasks ADD COLUMN escalated_from TEXT;
)SQL",
    // 6: which published version runs in which environment (dev, staging, production).
    R"SQL(
CREATE TABLE deployments (
    workflow_id TEXT NOT NULL,
    environment TEXT NOT NULL,
    version INTEGER NOT NULL,
    promoted_at INTEGER NOT NULL,
    promoted_by TEXT NOT NULL,
    PRIMARY KEY (workflow_id, environment)
);
)SQL",
    // 7: the alert book (one row per alert, its history and its notification deliveries),
    // silences, and the notification channels' settings (their secrets live in the keychain).
    R"SQL(
CREATE TABLE alerts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    fingerprint TEXT NOT NULL,
    rule TEXT NOT NULL,
    category TEXT NOT NULL,
    severity TEXT NOT NULL,
    module TEXT NOT NULL,
    subject TEXT NOT NULL,
    title TEXT NOT NULL,
    message TEXT NOT NULL,
    action TEXT NOT NULL,
    derived_from TEXT NOT NULL,
    state TEXT NOT NULL,
    first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    count INTEGER NOT NULL,
    owner TEXT NOT NULL,
    snoozed_until INTEGER,
    resolved_at INTEGER,
    resolved_by TEXT NOT NULL,
    inhibited_by TEXT NOT NULL,
    silence_id INTEGER NOT NULL,
    notified INTEGER NOT NULL
);
CREATE INDEX alerts_by_state ON alerts(state, last_seen);
CREATE TABLE alert_events (
    alert_id INTEGER NOT NULL,
    ts INTEGER NOT NULL,
    kind TEXT NOT NULL,
    actor TEXT NOT NULL,
    note TEXT NOT NULL
);
CREATE INDEX alert_events_by_alert ON alert_events(alert_id, ts);
CREATE TABLE alert_deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    alert_id INTEGER NOT NULL,
    channel TEXT NOT NULL,
    event TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    http_status INTEGER NOT NULL,
    error TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX alert_deliveries_by_alert ON alert_deliveries(alert_id);
CREATE TABLE silences (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    definition TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    removed_at INTEGER
);
CREATE TABLE notification_channels (
    id TEXT PRIMARY KEY,
    definition TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);
)SQL",
    // 8: the indexes that finishing an execution needs (its timers, waiters and tasks), at
    // most one schedule timer per workflow, and the answers to inbound requests that carried
    // an Idempotency-Key, so that a client's retry gets the first answer.
    R"SQL(
CREATE INDEX timers_by_execution ON timers(execution_id);
CREATE INDEX tasks_by_execution ON tasks(execution_id);
DELETE FROM timers WHERE kind = 'schedule' AND id NOT IN
    (SELECT MIN(id) FROM timers WHERE kind = 'schedule' GROUP BY node);
CREATE UNIQUE INDEX timers_one_schedule ON timers(node) WHERE kind = 'schedule';
CREATE TABLE inbound_requests (
    key TEXT NOT NULL,
    route TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER NOT NULL,
    answer TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (key, route)
);
CREATE INDEX inbound_requests_by_age ON inbound_requests(created_at);
)SQL",
    // 9: the notification outbox: a notice is written with the alert change that decides it,
    // and becomes deliveries (one per channel) later, so a stop loses none.
    R"SQL(
CREATE TABLE notification_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    alert_id INTEGER NOT NULL,
    event TEXT NOT NULL,
    alert TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    dispatched_at INTEGER
);
CREATE INDEX notification_outbox_waiting ON notification_outbox(id) WHERE dispatched_at IS NULL;
ALTER TABLE alert_deliveries ADD COLUMN outbox_id INTEGER;
ALTER TABLE alert_deliveries ADD COLUMN context TEXT;
CREATE INDEX alert_deliveries_unfinished ON alert_deliveries(status) WHERE status IN ('queued', 'retrying');
)SQL",
    // 10: what retention deletes by age: finished executions, resolved alerts, old deliveries.
    R"SQL(
CREATE INDEX executions_by_finish ON executions(finished_at) WHERE finished_at IS NOT NULL;
CREATE INDEX alerts_by_resolution ON alerts(resolved_at) WHERE state = 'resolved';
CREATE INDEX alert_deliveries_by_age ON alert_deliveries(updated_at);
CREATE INDEX alert_deliveries_by_outbox ON alert_deliveries(outbox_id);
)SQL",
    // 11: counts kept as rows change, so that /metrics, /status and the console's overview
    // cost the same with a hundred executions or tasks as with millions: executions by status,
    // tasks by queue and status (kept by triggers, so every path that writes them counts). The
    // review queues' oldest task and overdue count are read through indexes, not scans.
    R"SQL(
CREATE TABLE execution_counts (status TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO execution_counts (status, n) SELECT status, COUNT(*) FROM executions GROUP BY status;
CREATE TRIGGER executions_count_insert AFTER INSERT ON executions BEGIN
    INSERT INTO execution_counts (status, n) VALUES (NEW.status, 1)
        ON CONFLICT (status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER executions_count_update AFTER UPDATE OF status ON executions
    WHEN OLD.status IS NOT NEW.status BEGIN
    UPDATE execution_counts SET n = n - 1 WHERE status = OLD.status;
    INSERT INTO execution_counts (status, n) VALUES (NEW.status, 1)
        ON CONFLICT (status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER executions_count_delete AFTER DELETE ON executions BEGIN
    UPDATE execution_counts SET n = n - 1 WHERE status = OLD.status;
END;
CREATE TABLE task_counts (
    queue TEXT NOT NULL,
    status TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (queue, status)
) WITHOUT ROWID;
INSERT INTO task_counts (queue, status, n) SELECT queue, status, COUNT(*) FROM tasks GROUP BY queue, status;
CREATE TRIGGER tasks_count_insert AFTER INSERT ON tasks BEGIN
    INSERT INTO task_counts (queue, status, n) VALUES (NEW.queue, NEW.status, 1)
        ON CONFLICT (queue, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER tasks_count_update AFTER UPDATE OF queue, status ON tasks
    WHEN OLD.status IS NOT NEW.status OR OLD.queue IS NOT NEW.queue BEGIN
    UPDATE task_counts SET n = n - 1 WHERE queue = OLD.queue AND status = OLD.status;
    INSERT INTO task_counts (queue, status, n) VALUES (NEW.queue, NEW.status, 1)
        ON CONFLICT (queue, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER tasks_count_delete AFTER DELETE ON tasks BEGIN
    UPDATE task_counts SET n = n - 1 WHERE queue = OLD.queue AND status = OLD.status;
END;
DROP INDEX tasks_by_queue;
CREATE INDEX tasks_by_queue_age ON tasks(queue, status, created_at);
CREATE INDEX tasks_by_queue_due ON tasks(queue, status, due_at) WHERE due_at IS NOT NULL;
CREATE INDEX tasks_escalated ON tasks(escalated_from, status) WHERE escalated_from IS NOT NULL;
)SQL",
    // 12: the Executions list, paged and filtered through indexes at any size: where each
    // execution came from (webhook, api, event, schedule, retry, test-run; read back from its
    // start event for older rows, "event:<type>" kept as "event"); indexes newest first overall,
    // by status, by workflow, by origin and by trace id. The status index no longer holds
    // updated_at, which changed on every save.
    R"SQL(
ALTER TABLE executions ADD COLUMN origin TEXT NOT NULL DEFAULT '';
UPDATE executions SET origin = COALESCE((SELECT json_extract(ev.data, '$.origin')
    FROM execution_events ev WHERE ev.execution_id = executions.id
    AND ev.type = 'execution_started' ORDER BY ev.seq LIMIT 1), '');
UPDATE executions SET origin = substr(origin, 1, instr(origin, ':') - 1) WHERE instr(origin, ':') > 0;
DROP INDEX executions_by_status;
CREATE INDEX executions_by_status ON executions(status, created_at, id);
CREATE INDEX executions_by_start ON executions(created_at, id);
CREATE INDEX executions_by_workflow ON executions(workflow_id, created_at, id);
CREATE INDEX executions_by_origin ON executions(origin, created_at, id);
CREATE INDEX executions_by_trace ON executions(trace_id);
)SQL",
    // 13: repair and journeys. A dead letter keeps why it was discarded, and is claimed
    // ("replaying") while its call is out, so a second replay cannot send it twice; letters are
    // found by execution. Each execution's correlation keys (patient_id, appointment_id, …) are
    // indexed by key and value, newest last, for the journey across workflows.
    R"SQL(
ALTER TABLE dead_letters ADD COLUMN reason TEXT;
CREATE INDEX dead_letters_by_execution ON dead_letters(execution_id);
CREATE TABLE execution_keys (
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    execution_id TEXT NOT NULL,
    PRIMARY KEY (key, value, created_at, execution_id)
) WITHOUT ROWID;
CREATE INDEX execution_keys_by_execution ON execution_keys(execution_id);
CREATE INDEX execution_keys_by_value ON execution_keys(value);
)SQL",
    // 14: conversion counts leads whose patient books later: the leads of the last day that
    // have not booked yet, by a hash of their patient id.
    R"SQL(
CREATE TABLE kpi_open_leads (
    patient TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX kpi_open_leads_by_patient ON kpi_open_leads(patient, at);
)SQL",
    // 15: the settings changed from the console or the API (SettingsDesk), over the files'.
    R"SQL(
CREATE TABLE console_settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    actor TEXT NOT NULL
);
)SQL",
    // 16: alerts keep their texts as message ids with arguments (Message), so each reader sees
    // them in their own language; the English columns stay for the API and older readers.
    R"SQL(
ALTER TABLE alerts ADD COLUMN texts TEXT NOT NULL DEFAULT '';
ALTER TABLE alert_events ADD COLUMN texts TEXT NOT NULL DEFAULT '';
)SQL",
    // 17: API tokens issued from the console (AccessTokens): a hash of each, never the token.
    R"SQL(
CREATE TABLE access_tokens (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    last_used_at INTEGER,
    revoked_at INTEGER,
    revoked_by TEXT NOT NULL DEFAULT ''
);
)SQL",
    // 18: people who log in (UserAccounts): an Argon2id hash of each password, never the
    // password; their sessions by a hash of the token.
    R"SQL(
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    queues TEXT NOT NULL DEFAULT '[]',
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    password_changed_at INTEGER NOT NULL,
    last_login_at INTEGER
);
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at INTEGER
);
CREATE INDEX sessions_by_user ON sessions(user_id);
)SQL",
    // 19: cores sharing one store (the shared mode). An execution a core is working on is
    // leased to it (owner, lease_until) and changed only with the revision it was read at
    // (rev); a due timer is claimed for a while by the core that fires it (claimed_until).
    // The core that checks the modules keeps their last snapshot here for the other cores.
    R"SQL(
ALTER TABLE executions ADD COLUMN owner TEXT;
ALTER TABLE executions ADD COLUMN lease_until INTEGER;
ALTER TABLE executions ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;
ALTER TABLE timers ADD COLUMN claimed_until INTEGER;
CREATE INDEX executions_by_lease ON executions(lease_until) WHERE owner IS NOT NULL;
CREATE TABLE cluster_modules (
    module TEXT PRIMARY KEY,
    snapshot TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);
)SQL",
};

} // namespace

int Migrations::count()
{
    return int(std::size(Steps));
}

QString Migrations::script(int toVersion)
{
    return QString::fromUtf8(Steps[toVersion - 1]);
}

} // namespace Switchboard
