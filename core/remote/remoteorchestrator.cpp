#include "remote/remoteorchestrator.h"

#include "api/tokenstore.h"
#include "remote/snapshotjson.h"

#include <QJsonArray>
#include <QUrl>
#include <QUrlQuery>
#include <algorithm>
#include <utility>

namespace Switchboard {

namespace {

bool isOpen(const QJsonObject &task)
{
    const QString status = task.value(QLatin1String("status")).toString();
    return status == QLatin1String("pending") || status == QLatin1String("claimed")
        || status == QLatin1String("escalated");
}

} // namespace

RemoteOrchestrator::RemoteOrchestrator(const QUrl &base, QObject *parent)
    : Orchestrator(parent)
    , m_link(base)
{
    connect(&m_link, &RemoteLink::changed, this, &RemoteOrchestrator::onChange);
    connect(&m_link, &RemoteLink::stateChanged, this, &RemoteOrchestrator::onLinkState);
    connect(&m_link, &RemoteLink::reloadNeeded, this, &RemoteOrchestrator::reloadAll);
    connect(&m_link, &RemoteLink::sessionEnded, this, [this] {
        m_link.close();
        m_link.setToken({});
        Q_EMIT loginNeeded(
            tr("Your session on %1 has ended. Log in again.").arg(m_link.base().host()));
    });
    for (QTimer *t : {&m_executionsSoon, &m_alertsSoon}) {
        t->setSingleShot(true);
        t->setInterval(150);
    }
    connect(&m_executionsSoon, &QTimer::timeout, this, &RemoteOrchestrator::fetchExecutions);
    connect(&m_alertsSoon, &QTimer::timeout, this, &RemoteOrchestrator::fetchAlerts);
    m_watchTimer.setInterval(500);
    connect(&m_watchTimer, &QTimer::timeout, this, &RemoteOrchestrator::pollWatched);
}

QString RemoteOrchestrator::connectionLabel() const
{
    const QString where = m_link.base().host()
        + (m_link.base().port() > 0 ? QLatin1Char(':') + QString::number(m_link.base().port())
                                    : QString());
    return m_displayName.isEmpty() ? tr("Core at %1").arg(where)
                                   : tr("Core at %1 · %2").arg(where, m_displayName);
}

void RemoteOrchestrator::start()
{
    Q_EMIT linkChanged(false, tr("Connecting…"));
    if (m_link.token().isEmpty())
        Q_EMIT loginNeeded(QString());
    else
        begin();
}

void RemoteOrchestrator::logIn(const QString &name, const QString &password)
{
    m_link.login(name, password, [this](Result<QJsonObject> session) {
        if (session)
            return begin();
        // In the person's language: the core answers these in English.
        switch (session.error().kind) {
        case ErrorKind::Invalid:
            return Q_EMIT loginFailed(
                tr("The name or the password is wrong, or the account is disabled."));
        case ErrorKind::Conflict:
            return Q_EMIT loginFailed(tr("Too many wrong passwords: this name is locked for a "
                                         "few minutes. Try again later, or ask an administrator."));
        default:
            return Q_EMIT loginFailed(
                tr("Cannot log in to %1: %2").arg(m_link.base().host(), session.error().message));
        }
    });
}

void RemoteOrchestrator::begin()
{
    get(QStringLiteral("/api/v1/me"), [this](Result<QJsonObject> me) {
        if (!me) {
            if (m_started)
                return;
            if (me.error().kind == ErrorKind::Unavailable)
                return Q_EMIT failed(me.error().message);
            return Q_EMIT loginFailed(me.error().message);
        }
        m_name = me->value(QLatin1String("name")).toString();
        m_displayName = me->value(QLatin1String("display_name")).toString(m_name);
        m_role = me->value(QLatin1String("role")).toString(QStringLiteral("viewer"));
        // The feed first, so that nothing that changes while the picture loads is missed.
        m_link.openLive();
    });
}

void RemoteOrchestrator::onLinkState(RemoteLink::State state)
{
    if (state == RemoteLink::State::Live) {
        if (!m_started) {
            loadPicture();
            m_started = true;
            Q_EMIT ready();
        }
        Q_EMIT linkChanged(true, tr("Live"));
        return;
    }
    if (state == RemoteLink::State::Reconnecting)
        Q_EMIT linkChanged(false, tr("Reconnecting…"));
    else if (state == RemoteLink::State::Offline && m_started)
        Q_EMIT linkChanged(false, tr("Not connected"));
}

void RemoteOrchestrator::loadPicture()
{
    get(QStringLiteral("/api/v1/overview"), [this](Result<QJsonObject> picture) {
        if (!picture)
            return;
        for (const auto &m : picture->value(QLatin1String("modules")).toArray())
            Q_EMIT moduleChanged(SnapshotJson::moduleFromJson(m.toObject()));
        Q_EMIT overviewChanged(
            SnapshotJson::overviewFromJson(picture->value(QLatin1String("overview")).toObject()));
    });
}

void RemoteOrchestrator::reloadAll()
{
    loadPicture();
    if (m_tasksWanted)
        fetchTasks();
    if (m_workflowsWanted)
        fetchWorkflows();
    if (m_alertsWanted)
        fetchAlerts();
    if (m_executionsWanted)
        fetchExecutions();
    if (m_deadLettersWanted)
        fetchDeadLetters();
}

void RemoteOrchestrator::onChange(const QString &kind, const QJsonObject &data)
{
    if (kind == QLatin1String("module")) {
        Q_EMIT moduleChanged(SnapshotJson::moduleFromJson(data));
    } else if (kind == QLatin1String("overview")) {
        Q_EMIT overviewChanged(SnapshotJson::overviewFromJson(data));
    } else if (kind == QLatin1String("task")) {
        applyTask(data);
        // The list being read may have been taken before this change: applied again after it.
        if (m_tasksLoading)
            m_tasksMeanwhile.append(data);
        else if (m_tasksWanted)
            pushTasks();
    } else if (kind == QLatin1String("execution")) {
        if (m_executionsWanted)
            m_executionsSoon.start();
        const QString id = data.value(QLatin1String("id")).toString();
        if (m_watched.contains(id))
            pollWatched();
    } else if (kind == QLatin1String("alerts")) {
        if (m_alertsWanted)
            m_alertsSoon.start();
    }
}

bool RemoteOrchestrator::canControlModules() const
{
    const auto r = roleFromWire(m_role);
    return r && *r >= Role::Manager;
}

bool RemoteOrchestrator::mayReadPhi() const
{
    const auto r = roleFromWire(m_role);
    return r && TokenStore::mayReadPhi(*r);
}

void RemoteOrchestrator::checkNow()
{
    call("POST", QStringLiteral("/api/v1/control"),
         {{QStringLiteral("action"), QStringLiteral("test")}}, [](const Result<QJsonObject> &) {});
}

void RemoteOrchestrator::checkModule(const QString &moduleId)
{
    call("POST", QStringLiteral("/api/v1/control"),
         {{QStringLiteral("action"), QStringLiteral("test")}, {QStringLiteral("module"), moduleId}},
         [](const Result<QJsonObject> &) {});
}

void RemoteOrchestrator::resetCircuitBreaker(const QString &moduleId)
{
    call("POST", QStringLiteral("/api/v1/control"),
         {{QStringLiteral("action"), QStringLiteral("reset_circuit_breaker")},
          {QStringLiteral("module"), moduleId}},
         [](const Result<QJsonObject> &) {});
}

void RemoteOrchestrator::setModuleEnabled(const QString &moduleId, bool enabled)
{
    call("POST", QStringLiteral("/api/v1/control"),
         {{QStringLiteral("action"),
           enabled ? QStringLiteral("enable_module") : QStringLiteral("disable_module")},
          {QStringLiteral("module"), moduleId}},
         [](const Result<QJsonObject> &) {});
}

void RemoteOrchestrator::requestReport()
{
    m_link.getText(QStringLiteral("/api/v1/report"),
                   [this](Result<QString> html) { Q_EMIT reportReady(html ? *html : QString()); });
}

void RemoteOrchestrator::requestKpiHistory(const QString &name, int days)
{
    get(QStringLiteral("/api/v1/kpis/history?name=%1&days=%2")
            .arg(RemoteLink::encoded(name))
            .arg(days),
        [this, name, days](Result<QJsonObject> history) {
            Q_EMIT kpiHistoryReady(name, days,
                                   history ? history->value(QLatin1String("samples")).toArray()
                                           : QJsonArray());
        });
}

void RemoteOrchestrator::requestModuleHistory(const QString &moduleId, int days)
{
    get(QStringLiteral("/api/v1/modules/%1/history?days=%2")
            .arg(RemoteLink::encoded(moduleId))
            .arg(days),
        [this, moduleId, days](Result<QJsonObject> history) {
            Q_EMIT moduleHistoryReady(moduleId, days, history ? *history : QJsonObject());
        });
}

// Review tasks: the list once, then each change from the feed.

void RemoteOrchestrator::requestTasks()
{
    m_tasksWanted = true;
    fetchTasks();
}

void RemoteOrchestrator::fetchTasks()
{
    m_tasksLoading = true;
    m_tasksMeanwhile.clear();
    get(QStringLiteral("/api/v1/tasks"), [this](Result<QJsonObject> tasks) {
        m_tasksLoading = false;
        const QList<QJsonObject> meanwhile = std::exchange(m_tasksMeanwhile, {});
        if (tasks) {
            m_tasks.clear();
            for (const auto &t : tasks->value(QLatin1String("tasks")).toArray())
                m_tasks.insert(t[QLatin1String("id")].toString(), t.toObject());
            for (const QJsonObject &task : meanwhile)
                applyTask(task);
        }
        // Unreadable: what the feed told stays; the next change brings a fresh one.
        pushTasks();
    });
}

void RemoteOrchestrator::applyTask(const QJsonObject &task)
{
    const QString id = task.value(QLatin1String("id")).toString();
    if (isOpen(task))
        m_tasks.insert(id, task);
    else
        m_tasks.remove(id);
}

void RemoteOrchestrator::pushTasks()
{
    QList<QJsonObject> open = m_tasks.values();
    std::sort(open.begin(), open.end(), [](const QJsonObject &a, const QJsonObject &b) {
        const QString at = a.value(QLatin1String("created_at")).toString();
        const QString bt = b.value(QLatin1String("created_at")).toString();
        return at != bt
            ? at < bt
            : a.value(QLatin1String("id")).toString() < b.value(QLatin1String("id")).toString();
    });
    QJsonArray list;
    for (const QJsonObject &t : open)
        list.append(t);
    Q_EMIT tasksChanged(list);
}

void RemoteOrchestrator::taskAnswer(const QString &taskId, const QString &action,
                                    const Result<QJsonObject> &r)
{
    if (r)
        Q_EMIT taskActionDone(taskId, action);
    else
        Q_EMIT taskActionFailed(taskId, action, r.error().message);
}

void RemoteOrchestrator::claimTask(const QString &taskId)
{
    call("POST", QStringLiteral("/api/v1/tasks/%1/claim").arg(RemoteLink::encoded(taskId)), {},
         [this, taskId](const Result<QJsonObject> &r) {
             taskAnswer(taskId, QStringLiteral("claim"), r);
         });
}

void RemoteOrchestrator::releaseTask(const QString &taskId)
{
    call("POST", QStringLiteral("/api/v1/tasks/%1/release").arg(RemoteLink::encoded(taskId)), {},
         [this, taskId](const Result<QJsonObject> &r) {
             taskAnswer(taskId, QStringLiteral("release"), r);
         });
}

void RemoteOrchestrator::decideTask(const QString &taskId, const QString &decision,
                                    const QJsonObject &fields, const QString &comment)
{
    call("POST", QStringLiteral("/api/v1/tasks/%1/decision").arg(RemoteLink::encoded(taskId)),
         {{QStringLiteral("decision"), decision},
          {QStringLiteral("fields"), fields},
          {QStringLiteral("comment"), comment}},
         [this, taskId](const Result<QJsonObject> &r) {
             taskAnswer(taskId, QStringLiteral("decide"), r);
         });
}

void RemoteOrchestrator::decideTasks(const QStringList &taskIds, const QString &decision)
{
    call("POST", QStringLiteral("/api/v1/tasks/decisions"),
         {{QStringLiteral("ids"), QJsonArray::fromStringList(taskIds)},
          {QStringLiteral("decision"), decision}},
         [this, taskIds](const Result<QJsonObject> &r) {
             if (!r) {
                 for (const QString &id : taskIds)
                     taskAnswer(id, QStringLiteral("decide"), r);
                 return;
             }
             for (const auto &v : r->value(QLatin1String("results")).toArray()) {
                 const QJsonObject result = v.toObject();
                 const QString id = result.value(QLatin1String("id")).toString();
                 taskAnswer(id, QStringLiteral("decide"),
                            result.value(QLatin1String("ok")).toBool()
                                ? Result<QJsonObject>(QJsonObject())
                                : Result<QJsonObject>(
                                    makeError(result.value(QLatin1String("error")).toString())));
             }
         });
}

// Workflows.

void RemoteOrchestrator::requestWorkflows()
{
    m_workflowsWanted = true;
    fetchWorkflows();
}

void RemoteOrchestrator::fetchWorkflows()
{
    get(QStringLiteral("/api/v1/workflows"), [this](Result<QJsonObject> list) {
        if (list)
            Q_EMIT workflowsChanged(list->value(QLatin1String("workflows")).toArray());
    });
}

void RemoteOrchestrator::requestWorkflow(const QString &id)
{
    const QString path = QStringLiteral("/api/v1/workflows/") + RemoteLink::encoded(id);
    get(path, [this, id, path](Result<QJsonObject> workflow) {
        if (!workflow)
            return Q_EMIT workflowFailed(id, workflow.error().message);
        const QJsonObject draft = workflow->value(QLatin1String("draft")).toObject();
        const QJsonArray versions = workflow->value(QLatin1String("versions")).toArray();
        // Each version says where it runs.
        get(path + QStringLiteral("/versions"), [this, id, draft, versions](Result<QJsonObject> v) {
            const QJsonObject deployed =
                v ? v->value(QLatin1String("deployments")).toObject() : QJsonObject();
            QJsonArray list;
            for (const auto &entry : versions) {
                QJsonObject e = entry.toObject();
                QJsonArray environments;
                for (auto it = deployed.begin(); it != deployed.end(); ++it) {
                    if (it.value().toInt() == e.value(QLatin1String("version")).toInt())
                        environments.append(it.key());
                }
                e.insert(QStringLiteral("environments"), environments);
                list.append(e);
            }
            Q_EMIT workflowReady(id, draft, list);
        });
    });
}

void RemoteOrchestrator::saveWorkflow(const QJsonObject &document)
{
    const QString id = document.value(QLatin1String("id")).toString();
    m_link.requestDetailed(
        "PUT", QStringLiteral("/api/v1/workflows/") + RemoteLink::encoded(id), document,
        [this, id](Result<QJsonObject> saved, const QJsonObject &refusal) {
            if (saved) {
                Q_EMIT workflowSaved(id, {});
                return fetchWorkflows();
            }
            const QJsonArray issues = refusal.value(QLatin1String("issues")).toArray();
            if (!issues.isEmpty())
                return Q_EMIT workflowSaved(id, issues);
            Q_EMIT workflowFailed(id, saved.error().message);
        });
}

void RemoteOrchestrator::publishWorkflow(const QString &id, const QString &note)
{
    call("POST", QStringLiteral("/api/v1/workflows/%1/publish").arg(RemoteLink::encoded(id)),
         {{QStringLiteral("note"), note}}, [this, id](Result<QJsonObject> published) {
             if (!published)
                 return Q_EMIT workflowFailed(id, published.error().message);
             Q_EMIT workflowPublished(id, published->value(QLatin1String("version")).toInt());
             fetchWorkflows();
         });
}

void RemoteOrchestrator::requestVersion(const QString &id, int version)
{
    get(QStringLiteral("/api/v1/workflows/%1/versions/%2")
            .arg(RemoteLink::encoded(id))
            .arg(version),
        [this, id, version](Result<QJsonObject> document) {
            if (!document)
                return Q_EMIT workflowFailed(id, document.error().message);
            Q_EMIT versionReady(id, version, *document);
        });
}

void RemoteOrchestrator::promoteWorkflow(const QString &id, int version, const QString &environment)
{
    call("POST", QStringLiteral("/api/v1/workflows/%1/promote").arg(RemoteLink::encoded(id)),
         {{QStringLiteral("version"), version}, {QStringLiteral("environment"), environment}},
         [this, id, version, environment](const Result<QJsonObject> &r) {
             if (!r)
                 return Q_EMIT workflowFailed(id, r.error().message);
             Q_EMIT workflowPromoted(id, version, environment);
         });
}

void RemoteOrchestrator::testRun(const QJsonObject &document, const QJsonObject &input)
{
    const QString id = document.value(QLatin1String("id")).toString();
    call("POST", QStringLiteral("/api/v1/workflows/%1/test-run").arg(RemoteLink::encoded(id)),
         {{QStringLiteral("document"), document}, {QStringLiteral("input"), input}},
         [this, id](Result<QJsonObject> started) {
             if (!started)
                 return Q_EMIT workflowFailed(id, started.error().message);
             const QString execution = started->value(QLatin1String("execution_id")).toString();
             m_watched.insert(execution, 0);
             m_watchTimer.start();
             Q_EMIT testRunStarted(id, execution);
             pollWatched();
         });
}

// A test run's steps as they happen: its history, read while it runs (the feed says only
// when its status changes).
void RemoteOrchestrator::pollWatched()
{
    const QStringList ids = m_watched.keys();
    for (const QString &id : ids) {
        get(QStringLiteral("/api/v1/executions/") + RemoteLink::encoded(id),
            [this, id](Result<QJsonObject> execution) {
                if (!execution || !m_watched.contains(id))
                    return;
                const QJsonArray history = execution->value(QLatin1String("history")).toArray();
                int &seen = m_watched[id];
                for (qsizetype i = seen; i < history.size(); ++i)
                    Q_EMIT executionEvent(id, history.at(i).toObject());
                seen = std::max(seen, int(history.size()));
                const QString status = execution->value(QLatin1String("status")).toString();
                Q_EMIT executionStatus(id, status);
                if (status != QLatin1String("running") && status != QLatin1String("waiting")) {
                    m_watched.remove(id);
                    if (m_watched.isEmpty())
                        m_watchTimer.stop();
                }
            });
    }
}

} // namespace Switchboard
