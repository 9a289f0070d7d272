#include "store/workflowstore.h"

#include "audit/audittrail.h"
#include "common/logging.h"
#include "store/database.h"

#include <QJsonDocument>

namespace Switchboard {

namespace {

// Which version runs in an environment, and who made it so.
const QString DeployVersion = QStringLiteral(
    "INSERT INTO deployments (workflow_id, environment, version, promoted_at, promoted_by) "
    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (workflow_id, environment) DO UPDATE SET version = "
    "excluded.version, promoted_at = excluded.promoted_at, promoted_by = excluded.promoted_by");
QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
} // namespace

WorkflowStore::WorkflowStore(Database &db, const Clock &clock, WorkflowValidator &validator)
    : m_db(db)
    , m_clock(clock)
    , m_validator(validator)
{
}

Result<QList<WorkflowIssue>> WorkflowStore::saveDraft(const QJsonObject &document)
{
    const QList<WorkflowIssue> issues = m_validator.validate(document);
    if (!issues.isEmpty())
        return issues;
    QJsonObject draft = document;
    draft.remove(QStringLiteral("version"));
    auto r =
        m_db.run(QStringLiteral("INSERT INTO workflows (id, draft, updated_at) VALUES (?, ?, ?) "
                                "ON CONFLICT(id) DO UPDATE SET draft = excluded.draft, updated_at "
                                "= excluded.updated_at"),
                 {draft.value(QLatin1String("id")).toString(), compact(draft), m_clock.nowMs()});
    if (!r)
        return r.error();
    return QList<WorkflowIssue>();
}

void WorkflowStore::changed()
{
    ++m_generation;
    // The other cores sharing the store read what runs again (CoreService).
    if (Status told = m_db.announce(QStringLiteral("workflows")); !told)
        qCWarning(lcStore) << "the other cores were not told of the change:"
                           << told.error().message;
}

Result<int> WorkflowStore::publish(const QString &id, const QString &note, const QString &who)
{
    auto d = draft(id);
    if (!d)
        return d.error();
    // The validator may have learned new rules since the draft was saved.
    const QList<WorkflowIssue> issues = m_validator.validate(*d);
    if (!issues.isEmpty())
        return makeError(
            QStringLiteral("the draft does not validate: %1").arg(issues.first().toString()),
            issues.first().node);
    int version = 0;
    Status st = m_db.transaction([&]() -> Status {
        auto q = m_db.exec(
            QStringLiteral(
                "SELECT COALESCE(MAX(version), 0) FROM workflow_versions WHERE workflow_id = ?"),
            {id});
        if (!q)
            return q.error();
        q->next();
        version = q->value(0).toInt() + 1;
        QJsonObject definition = *d;
        definition.insert(QStringLiteral("version"), version);
        auto ins =
            m_db.run(QStringLiteral("INSERT INTO workflow_versions (workflow_id, version, "
                                    "definition, note, published_at) VALUES (?, ?, ?, ?, ?)"),
                     {id, version, compact(definition), note.isEmpty() ? QStringLiteral("") : note,
                      m_clock.nowMs()});
        if (!ins)
            return ins.error();
        // Published here, it runs here.
        auto deployed =
            m_db.run(DeployVersion,
                     {id, m_environment, version, m_clock.nowMs(), QStringLiteral("publish")});
        if (!deployed)
            return deployed.error();
        return audit(m_audit, QStringLiteral("workflow.published"), who,
                     {{QStringLiteral("workflow_id"), id},
                      {QStringLiteral("version"), version},
                      {QStringLiteral("environment"), m_environment}});
    });
    if (!st)
        return st.error();
    changed();
    return version;
}

Result<int> WorkflowStore::publishIfChanged(const QJsonObject &document, const QString &note,
                                            const QString &who)
{
    const QString id = document.value(QLatin1String("id")).toString();
    QJsonObject wanted = document;
    wanted.remove(QStringLiteral("version"));
    auto latest = m_db.exec(QStringLiteral("SELECT version, definition FROM workflow_versions "
                                           "WHERE workflow_id = ? ORDER BY version DESC LIMIT 1"),
                            {id});
    if (!latest)
        return latest.error();
    if (latest->next()) {
        QJsonObject stored = QJsonDocument::fromJson(latest->value(1).toByteArray()).object();
        stored.remove(QStringLiteral("version"));
        if (stored == wanted)
            return latest->value(0).toInt();
    }
    auto issues = saveDraft(wanted);
    if (!issues)
        return issues.error();
    if (!issues->isEmpty())
        return makeError(issues->first().toString(), issues->first().node);
    return publish(id, note, who);
}

Status WorkflowStore::setEnabled(const QString &id, bool enabled, const QString &who)
{
    Status st = m_db.transaction([&]() -> Status {
        auto r = m_db.run(QStringLiteral("UPDATE workflows SET enabled = ? WHERE id = ?"),
                          {enabled ? 1 : 0, id});
        if (!r)
            return r.error();
        if (*r == 0)
            return notFound(QStringLiteral("no workflow has the id \"%1\"").arg(id),
                            QStringLiteral("id"));
        return audit(m_audit,
                     enabled ? QStringLiteral("workflow.enabled")
                             : QStringLiteral("workflow.disabled"),
                     who, {{QStringLiteral("workflow_id"), id}});
    });
    if (!st)
        return st;
    changed();
    return Ok {};
}

QList<WorkflowStore::Summary> WorkflowStore::list()
{
    QList<Summary> out;
    auto q = m_db.exec(QStringLiteral(
        "SELECT w.id, w.draft, w.enabled, COALESCE(MAX(v.version), 0) FROM workflows w "
        "LEFT JOIN workflow_versions v ON v.workflow_id = w.id GROUP BY w.id ORDER BY w.id"));
    if (!q)
        return out;
    while (q->next()) {
        const QJsonObject draft = QJsonDocument::fromJson(q->value(1).toByteArray()).object();
        Summary s {q->value(0).toString(),
                   draft.value(QLatin1String("name")).toString(),
                   q->value(2).toBool(),
                   q->value(3).toInt(),
                   {}};
        if (s.latestVersion > 0) {
            auto running = version(s.id);
            if (running)
                s.trigger = running->trigger;
        }
        out.append(s);
    }
    return out;
}

Result<QJsonObject> WorkflowStore::draft(const QString &id)
{
    auto q = m_db.exec(QStringLiteral("SELECT draft FROM workflows WHERE id = ?"), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return notFound(QStringLiteral("no workflow has the id \"%1\"").arg(id),
                        QStringLiteral("id"));
    return QJsonDocument::fromJson(q->value(0).toByteArray()).object();
}

Result<QJsonArray> WorkflowStore::versions(const QString &id)
{
    auto q = m_db.exec(QStringLiteral("SELECT version, note, published_at FROM workflow_versions "
                                      "WHERE workflow_id = ? ORDER BY version DESC"),
                       {id});
    if (!q)
        return q.error();
    QJsonArray out;
    while (q->next()) {
        out.append(QJsonObject {{QStringLiteral("version"), q->value(0).toInt()},
                                {QStringLiteral("note"), q->value(1).toString()},
                                {QStringLiteral("published_at"),
                                 QDateTime::fromMSecsSinceEpoch(q->value(2).toLongLong(), Qt::UTC)
                                     .toString(Qt::ISODate)}});
    }
    if (out.isEmpty() && !draft(id))
        return notFound(QStringLiteral("no workflow has the id \"%1\"").arg(id),
                        QStringLiteral("id"));
    return out;
}

QStringList WorkflowStore::environments()
{
    return {QStringLiteral("dev"), QStringLiteral("staging"), QStringLiteral("production")};
}

Result<QJsonObject> WorkflowStore::deployments(const QString &id)
{
    auto q = m_db.exec(
        QStringLiteral("SELECT environment, version FROM deployments WHERE workflow_id = ?"), {id});
    if (!q)
        return q.error();
    QJsonObject out;
    while (q->next())
        out.insert(q->value(0).toString(), q->value(1).toInt());
    return out;
}

Status WorkflowStore::promote(const QString &id, int version, const QString &environment,
                              const QString &who)
{
    const QStringList order = environments();
    const qsizetype target = order.indexOf(environment);
    if (target < 0)
        return makeError(QStringLiteral("\"%1\" is not an environment (dev, staging, production)")
                             .arg(environment),
                         QStringLiteral("environment"));
    if (auto v = this->version(id, version); !v)
        return v.error();
    auto deployed = deployments(id);
    if (!deployed)
        return deployed.error();
    if (target > 0 && deployed->value(order.at(target - 1)).toInt() != version)
        return makeError(QStringLiteral("version %1 does not run in %2 yet; promote it there first")
                             .arg(version)
                             .arg(order.at(target - 1)),
                         QStringLiteral("version"));
    Status st = m_db.transaction([&]() -> Status {
        auto r = m_db.run(DeployVersion, {id, environment, version, m_clock.nowMs(), who});
        if (!r)
            return r.error();
        return audit(m_audit, QStringLiteral("workflow.promoted"), who,
                     {{QStringLiteral("workflow_id"), id},
                      {QStringLiteral("version"), version},
                      {QStringLiteral("environment"), environment}});
    });
    if (!st)
        return st;
    changed();
    return Ok {};
}

Result<Workflow> WorkflowStore::version(const QString &id, int number)
{
    if (number == 0 && m_deployedGeneration == m_generation) {
        if (const auto known = m_deployed.constFind(id); known != m_deployed.constEnd())
            return version(id, known.value());
    }
    if (number == 0) {
        // The version running here; a workflow published before environments existed has no
        // deployments, and runs its latest version.
        auto q = m_db.exec(QStringLiteral("SELECT environment, version FROM deployments WHERE "
                                          "workflow_id = ?"),
                           {id});
        if (!q)
            return q.error();
        bool any = false;
        while (q->next()) {
            any = true;
            if (q->value(0).toString() != m_environment)
                continue;
            // A damaged row must not send this into itself (version 0 is "the deployed one").
            const int deployed = q->value(1).toInt();
            if (deployed < 1)
                return internalError(
                    QStringLiteral("workflow \"%1\" is deployed to %2 as version %3, which "
                                   "cannot exist; promote a published version again")
                        .arg(id, m_environment)
                        .arg(deployed),
                    QStringLiteral("version"));
            if (m_deployedGeneration != m_generation) {
                m_deployed.clear();
                m_deployedGeneration = m_generation;
            }
            m_deployed.insert(id, deployed);
            return version(id, deployed);
        }
        if (any)
            return notFound(QStringLiteral("workflow \"%1\" has no version promoted to %2")
                                .arg(id, m_environment),
                            QStringLiteral("id"));
    }
    if (number > 0) {
        auto cached = m_cache.constFind(id + QLatin1Char('@') + QString::number(number));
        if (cached != m_cache.constEnd())
            return cached.value();
    }
    auto q = number > 0
        ? m_db.exec(QStringLiteral("SELECT definition, version FROM workflow_versions WHERE "
                                   "workflow_id = ? AND version = ?"),
                    {id, number})
        : m_db.exec(QStringLiteral("SELECT definition, version FROM workflow_versions WHERE "
                                   "workflow_id = ? ORDER BY version DESC LIMIT 1"),
                    {id});
    if (!q)
        return q.error();
    if (!q->next()) {
        if (number > 0)
            return notFound(QStringLiteral("workflow \"%1\" has no version %2").arg(id).arg(number),
                            QStringLiteral("version"));
        return makeError(
            QStringLiteral("workflow \"%1\" has no published version; publish it first").arg(id),
            QStringLiteral("id"));
    }
    // A stored version that no longer reads as a workflow is damage, never an empty workflow
    // that would run to "completed" without doing anything.
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(q->value(0).toByteArray(), &parseError);
    const int stored = q->value(1).toInt();
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return internalError(QStringLiteral("version %1 of workflow \"%2\" is damaged in the "
                                            "database (%3); restore it from a backup")
                                 .arg(stored)
                                 .arg(id, parseError.errorString()));
    auto w = Workflow::fromJson(doc.object());
    if (!w)
        return internalError(QStringLiteral("version %1 of workflow \"%2\" is damaged in the "
                                            "database: %3")
                                 .arg(stored)
                                 .arg(id, w.error().toString()));
    w->version = stored;
    m_cache.insert(id + QLatin1Char('@') + QString::number(w->version), *w);
    return w;
}

QList<Workflow> WorkflowStore::published()
{
    QList<Workflow> out;
    for (const Summary &s : list()) {
        if (s.latestVersion == 0 || !s.enabled)
            continue;
        if (auto w = version(s.id))
            out.append(*w);
    }
    return out;
}

} // namespace Switchboard
