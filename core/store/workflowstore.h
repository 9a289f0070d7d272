#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "workflow/workflow.h"
#include "workflow/workflowvalidator.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

namespace Switchboard {

class AuditTrail;
class Database;

// Workflow drafts and their published versions. A draft is saved only when it validates;
// publishing copies it into a new, immutable version.
class WorkflowStore
{
public:
    WorkflowStore(Database &db, const Clock &clock, WorkflowValidator &validator);

    struct Summary
    {
        QString id;
        QString name;
        bool enabled = true;
        int latestVersion = 0; // 0: never published
        QJsonObject trigger; // of the version running in this environment
    };

    // Validates and saves a draft. On issues, nothing is written and they are returned.
    Result<QList<WorkflowIssue>> saveDraft(const QJsonObject &document);
    // A new immutable version, which at once runs in this store's environment.
    Result<int> publish(const QString &id, const QString &note, const QString &who);
    // Saves and publishes document unless its latest published version is the same already
    // (switchboard-core --workflow, on every start); returns the version that runs.
    Result<int> publishIfChanged(const QJsonObject &document, const QString &note,
                                 const QString &who);
    // Makes a version run in an environment: dev, staging or production, in that order; a
    // version reaches staging from dev and production from staging (a rollback too: promote
    // the older version along the same path).
    Status promote(const QString &id, int version, const QString &environment, const QString &who);
    // {"dev": 3, "staging": 2, "production": 2}: what runs where; absent: nothing yet.
    Result<QJsonObject> deployments(const QString &id);
    // The environment of the core this store serves (CoreConfig::environment).
    void setEnvironment(const QString &environment)
    {
        m_environment = environment;
        ++m_generation;
    }
    static QStringList environments();
    Status setEnabled(const QString &id, bool enabled, const QString &who);
    // Where publishing, promoting and enabling are recorded, in the same transaction.
    void setAudit(AuditTrail *audit) { m_audit = audit; }

    QList<Summary> list();
    Result<QJsonObject> draft(const QString &id);
    Result<QJsonArray> versions(const QString &id);
    // A published version; version 0 means the one running in this environment (the latest
    // for a workflow published before environments existed). Cached: versions never change.
    Result<Workflow> version(const QString &id, int version = 0);
    // The published, enabled workflows, latest version of each.
    QList<Workflow> published();
    // Grows with every publish and enable/disable, so that users of published() know when to
    // read it again.
    quint64 generation() const { return m_generation; }
    // Another core sharing the store published, promoted or switched a workflow: what runs
    // here is read again.
    void invalidate() { ++m_generation; }

private:
    void changed();

    Database &m_db;
    AuditTrail *m_audit = nullptr;
    const Clock &m_clock;
    WorkflowValidator &m_validator;
    QHash<QString, Workflow> m_cache; // "id@version"
    // The version deployed here, per workflow, while the generation stays the same.
    QHash<QString, int> m_deployed;
    quint64 m_deployedGeneration = 0;
    quint64 m_generation = 0;
    QString m_environment = QStringLiteral("production");
};

} // namespace Switchboard
