#include "service/embeddedorchestrator.h"

#include "alerts/alertbook.h"
#include "api/accesstokens.h"
#include "api/useraccounts.h"
#include "common/logging.h"
#include "engine/workflowengine.h"
#include "kpis/kpihistory.h"
#include "notify/notifier.h"
#include "review/reviewdesk.h"
#include "service/coreservice.h"
#include "service/settingsdesk.h"
#include "service/testruns.h"
#include "store/workflowstore.h"

#include <QTimer>
#include <pwd.h>
#include <unistd.h>
#include <utility>

namespace {

// The desktop user's account: its log-in name and the full name the system keeps for it.
struct DesktopUser
{
    QString login;
    QString fullName;
};

DesktopUser desktopUser()
{
    DesktopUser user {qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME")), {}};
    if (const passwd *pw = getpwuid(getuid())) {
        if (user.login.isEmpty())
            user.login = QString::fromLocal8Bit(pw->pw_name);
        if (QString::fromLocal8Bit(pw->pw_name) == user.login && pw->pw_gecos)
            user.fullName = QString::fromLocal8Bit(pw->pw_gecos).section(QLatin1Char(','), 0, 0);
    }
    return user;
}

} // namespace

namespace Switchboard {

EmbeddedOrchestrator::EmbeddedOrchestrator(const CoreConfig &config, const CoreOptions &options,
                                           QObject *parent)
    : Orchestrator(parent)
    , m_config(config)
    , m_options(options)
    , m_executions(*this, [this](std::function<void(CoreService &)> work) { onCore(work); })
{
    m_thread.setObjectName(QStringLiteral("switchboard-core"));
}

EmbeddedOrchestrator::~EmbeddedOrchestrator()
{
    if (m_thread.isRunning()) {
        // Objects must die on the thread they live on.
        QMetaObject::invokeMethod(
            m_context, [this] { delete m_context; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
}

void EmbeddedOrchestrator::start()
{
    if (m_thread.isRunning())
        return;
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(m_context, [this] {
        auto *service = new CoreService(m_config, m_clock, m_options, m_context);
        connect(service, &CoreService::moduleChanged, this, &Orchestrator::moduleChanged);
        connect(service, &CoreService::overviewChanged, this, &Orchestrator::overviewChanged);
        const Status started = service->start();
        if (!started) {
            const QString message = started.error().toString();
            QMetaObject::invokeMethod(this, [this, message] {
                m_waiting.clear(); // nothing will do them; the console says why
                Q_EMIT failed(message);
            });
            return;
        }
        const DesktopUser user = desktopUser();
        service->users()->setLocalName(user.login, user.fullName);
        QMetaObject::invokeMethod(this, [this, service] {
            m_service = service;
            // What the console asked for while the core was starting, in order.
            for (auto &work : std::exchange(m_waiting, {}))
                onCore(std::move(work));
            Q_EMIT ready();
        });
    });
}

QString EmbeddedOrchestrator::connectionLabel() const
{
    return m_options.demo ? tr("Embedded core · demo clinic") : tr("Embedded core");
}

void EmbeddedOrchestrator::checkNow()
{
    onCore([](CoreService &service) { service.runChecks([] {}); });
}

void EmbeddedOrchestrator::checkModule(const QString &moduleId)
{
    onCore([moduleId](CoreService &service) { service.checkModule(moduleId); });
}

void EmbeddedOrchestrator::resetCircuitBreaker(const QString &moduleId)
{
    const QString who = userName();
    onCore([moduleId, who](CoreService &service) {
        if (Status st = service.resetCircuitBreaker(moduleId, who); !st)
            qCWarning(lcService) << "cannot reset" << moduleId << ":" << st.error().message;
    });
}

void EmbeddedOrchestrator::requestReport()
{
    onCore([this](CoreService &service) {
        // In the console's language: the person exporting it reads it.
        const QString html = service.reportHtml(true);
        QMetaObject::invokeMethod(this, [this, html] { Q_EMIT reportReady(html); });
    });
}

void EmbeddedOrchestrator::setModuleEnabled(const QString &moduleId, bool enabled)
{
    const QString who = userName();
    onCore([moduleId, enabled, who](CoreService &service) {
        if (Status st = service.setModuleEnabled(moduleId, enabled, who); !st)
            qCWarning(lcService) << "cannot switch" << moduleId << ":" << st.error().message;
    });
}

void EmbeddedOrchestrator::requestKpiHistory(const QString &name, int days)
{
    const auto answer = [this, name, days](const QJsonArray &samples) {
        QMetaObject::invokeMethod(
            this, [this, name, days, samples] { Q_EMIT kpiHistoryReady(name, days, samples); });
    };
    onCore([name, days, answer](CoreService &service) {
        if (!service.kpiHistory())
            return answer({});
        auto compared = service.kpiHistory()->compare(name, service.clock().now(), days);
        answer(compared ? KpiHistory::toJson(compared->samples) : QJsonArray());
    });
}

void EmbeddedOrchestrator::requestModuleHistory(const QString &moduleId, int days)
{
    const auto answer = [this, moduleId, days](const QJsonObject &history) {
        QMetaObject::invokeMethod(this, [this, moduleId, days, history] {
            Q_EMIT moduleHistoryReady(moduleId, days, history);
        });
    };
    onCore([moduleId, days, answer](CoreService &service) {
        if (!service.kpiHistory())
            return answer({});
        auto history = service.moduleHistory(moduleId, days);
        answer(history ? *history : QJsonObject());
    });
}

QString EmbeddedOrchestrator::userName() const
{
    // The person at this desktop, as the operating system knows them; shown by their full name.
    static const QString login = desktopUser().login;
    return login;
}

void EmbeddedOrchestrator::onCore(std::function<void(CoreService &)> work)
{
    if (CoreService *service = m_service.data()) {
        QMetaObject::invokeMethod(service, [service, work] { work(*service); });
        return;
    }
    // Before the core is up, the work waits for it, so nothing the console asks is lost.
    if (m_waiting.size() >= MaxWaiting) {
        qCWarning(lcService) << "the core is not up yet; dropped an old request";
        m_waiting.removeFirst();
    }
    m_waiting.append(std::move(work));
}

void EmbeddedOrchestrator::pushTasks(CoreService &service)
{
    if (!service.review())
        return;
    auto open = service.review()->openTasks(QString(), mayReadPhi());
    if (!open) {
        // The queue on screen stays as it was; the next change brings a fresh one.
        qCWarning(lcService) << "the review queue cannot be read:" << open.error().message;
        return;
    }
    const QJsonArray tasks = *open;
    QMetaObject::invokeMethod(this, [this, tasks] { Q_EMIT tasksChanged(tasks); });
}

void EmbeddedOrchestrator::report(const QString &taskId, const QString &action,
                                  const Status &result)
{
    const QString message = result ? QString() : result.error().message;
    QMetaObject::invokeMethod(this, [this, taskId, action, message] {
        if (message.isEmpty())
            Q_EMIT taskActionDone(taskId, action);
        else
            Q_EMIT taskActionFailed(taskId, action, message);
    });
}

void EmbeddedOrchestrator::requestTasks()
{
    onCore([this](CoreService &service) {
        if (!m_tasksConnected && service.review()) {
            m_tasksConnected = true;
            connect(service.review(), &ReviewDesk::tasksChanged, &service,
                    [this, &service] { pushTasks(service); });
        }
        pushTasks(service);
    });
}

void EmbeddedOrchestrator::claimTask(const QString &taskId)
{
    const QString who = userName();
    onCore([this, taskId, who](CoreService &service) {
        report(taskId, QStringLiteral("claim"), service.review()->claim(taskId, who));
    });
}

void EmbeddedOrchestrator::releaseTask(const QString &taskId)
{
    const QString who = userName();
    onCore([this, taskId, who](CoreService &service) {
        report(taskId, QStringLiteral("release"), service.review()->release(taskId, who));
    });
}

void EmbeddedOrchestrator::decideTask(const QString &taskId, const QString &decision,
                                      const QJsonObject &fields, const QString &comment)
{
    const QString who = userName();
    onCore([this, taskId, decision, fields, comment, who](CoreService &service) {
        auto decided = service.review()->decide(taskId, decision, fields, comment, who);
        report(taskId, QStringLiteral("decide"), decided ? Status(Ok {}) : Status(decided.error()));
    });
}

void EmbeddedOrchestrator::decideTasks(const QStringList &taskIds, const QString &decision)
{
    const QString who = userName();
    onCore([this, taskIds, decision, who](CoreService &service) {
        for (const auto &r : service.review()->decideMany(taskIds, decision, who)) {
            const QJsonObject result = r.toObject();
            report(result.value(QLatin1String("id")).toString(), QStringLiteral("decide"),
                   result.value(QLatin1String("ok")).toBool()
                       ? Status(Ok {})
                       : Status(makeError(result.value(QLatin1String("error")).toString())));
        }
    });
}

void EmbeddedOrchestrator::pushWorkflows(CoreService &service)
{
    QJsonArray list;
    for (const WorkflowStore::Summary &w : service.workflows()->list())
        list.append(QJsonObject {{QStringLiteral("id"), w.id},
                                 {QStringLiteral("name"), w.name},
                                 {QStringLiteral("enabled"), w.enabled},
                                 {QStringLiteral("latest_version"), w.latestVersion}});
    QMetaObject::invokeMethod(this, [this, list] { Q_EMIT workflowsChanged(list); });
}

void EmbeddedOrchestrator::requestWorkflows()
{
    onCore([this](CoreService &service) { pushWorkflows(service); });
}

void EmbeddedOrchestrator::requestWorkflow(const QString &id)
{
    onCore([this, id](CoreService &service) {
        auto draft = service.workflows()->draft(id);
        auto versions = service.workflows()->versions(id);
        if (!draft) {
            const QString message = draft.error().message;
            QMetaObject::invokeMethod(this,
                                      [this, id, message] { Q_EMIT workflowFailed(id, message); });
            return;
        }
        const QJsonObject doc = *draft;
        // Each version says where it runs.
        const QJsonObject deployed = service.workflows()->deployments(id).value();
        QJsonArray list;
        for (const auto &v : versions ? *versions : QJsonArray()) {
            QJsonObject entry = v.toObject();
            QJsonArray environments;
            for (const QString &env : WorkflowStore::environments()) {
                if (deployed.value(env).toInt() == entry.value(QLatin1String("version")).toInt())
                    environments.append(env);
            }
            entry.insert(QStringLiteral("environments"), environments);
            list.append(entry);
        }
        QMetaObject::invokeMethod(this,
                                  [this, id, doc, list] { Q_EMIT workflowReady(id, doc, list); });
    });
}

void EmbeddedOrchestrator::saveWorkflow(const QJsonObject &document)
{
    onCore([this, document](CoreService &service) {
        const QString id = document.value(QLatin1String("id")).toString();
        auto saved = service.workflows()->saveDraft(document);
        if (!saved) {
            const QString message = saved.error().message;
            QMetaObject::invokeMethod(this,
                                      [this, id, message] { Q_EMIT workflowFailed(id, message); });
            return;
        }
        QJsonArray issues;
        for (const WorkflowIssue &i : *saved)
            issues.append(
                QJsonObject {{QStringLiteral("node"), i.node},
                             {QStringLiteral("field"), i.field},
                             {QStringLiteral("message"), i.message.text()},
                             {QStringLiteral("texts"),
                              QJsonObject {{QStringLiteral("message"), i.message.toJson()}}}});
        QMetaObject::invokeMethod(this, [this, id, issues] { Q_EMIT workflowSaved(id, issues); });
        if (issues.isEmpty())
            pushWorkflows(service);
    });
}

void EmbeddedOrchestrator::publishWorkflow(const QString &id, const QString &note)
{
    const QString who = userName();
    onCore([this, id, note, who](CoreService &service) {
        auto version = service.workflows()->publish(id, note, who);
        if (!version) {
            const QString message = version.error().message;
            QMetaObject::invokeMethod(this,
                                      [this, id, message] { Q_EMIT workflowFailed(id, message); });
            return;
        }
        (void)service.engine()->scheduleWorkflows();
        service.refreshAlerts();
        const int v = *version;
        QMetaObject::invokeMethod(this, [this, id, v] { Q_EMIT workflowPublished(id, v); });
        pushWorkflows(service);
    });
}

void EmbeddedOrchestrator::requestVersion(const QString &id, int version)
{
    onCore([this, id, version](CoreService &service) {
        auto w = service.workflows()->version(id, version);
        if (!w) {
            const QString message = w.error().message;
            QMetaObject::invokeMethod(this,
                                      [this, id, message] { Q_EMIT workflowFailed(id, message); });
            return;
        }
        const QJsonObject doc = w->toJson();
        QMetaObject::invokeMethod(
            this, [this, id, version, doc] { Q_EMIT versionReady(id, version, doc); });
    });
}

void EmbeddedOrchestrator::testRun(const QJsonObject &document, const QJsonObject &input)
{
    const QString who = userName();
    onCore([this, document, input, who](CoreService &service) {
        const QString original = document.value(QLatin1String("id")).toString();
        const auto fail = [this, original](const QString &message) {
            QMetaObject::invokeMethod(
                this, [this, original, message] { Q_EMIT workflowFailed(original, message); });
        };
        if (!m_runsConnected) {
            m_runsConnected = true;
            WorkflowEngine *engine = service.engine();
            connect(engine, &WorkflowEngine::historyAppended, &service,
                    [this](const QString &execution, const HistoryEvent &e) {
                        if (!m_watched.contains(execution))
                            return;
                        QMetaObject::invokeMethod(this, [this, execution, event = e.toJson()] {
                            Q_EMIT executionEvent(execution, event);
                        });
                    });
            connect(engine, &WorkflowEngine::executionChanged, &service,
                    [this](const QString &execution, const QString &status) {
                        if (!m_watched.contains(execution))
                            return;
                        QMetaObject::invokeMethod(this, [this, execution, status] {
                            Q_EMIT executionStatus(execution, status);
                        });
                    });
        }
        auto started = TestRuns::start(service, document, input, who);
        if (!started)
            return fail(started.error().message);
        const QString execution = *started;
        m_watched.insert(execution);
        QMetaObject::invokeMethod(
            this, [this, original, execution] { Q_EMIT testRunStarted(original, execution); });
    });
}

void EmbeddedOrchestrator::requestExecution(const QString &executionId)
{
    m_executions.requestExecution(executionId);
}

void EmbeddedOrchestrator::revealExecution(const QString &executionId)
{
    m_executions.revealExecution(executionId);
}

void EmbeddedOrchestrator::requestExecutions(const ExecutionFilter &filter)
{
    m_executions.requestExecutions(filter);
}

void EmbeddedOrchestrator::cancelExecution(const QString &executionId)
{
    m_executions.cancelExecution(executionId);
}

void EmbeddedOrchestrator::retryExecution(const QString &executionId)
{
    m_executions.retryExecution(executionId);
}

void EmbeddedOrchestrator::previewRerun(const QString &executionId, const QString &fromStep,
                                        const std::optional<QJsonObject> &input)
{
    m_executions.previewRerun(executionId, fromStep, input);
}

void EmbeddedOrchestrator::rerunExecution(const QString &executionId, const QString &fromStep,
                                          const std::optional<QJsonObject> &input)
{
    m_executions.rerunExecution(executionId, fromStep, input);
}

void EmbeddedOrchestrator::requestJourney(const QString &key, const QString &value)
{
    m_executions.requestJourney(key, value);
}

void EmbeddedOrchestrator::requestDeadLetters(const QString &status, bool reveal)
{
    m_executions.requestDeadLetters(status, reveal);
}

void EmbeddedOrchestrator::replayDeadLetters(const QStringList &ids)
{
    m_executions.replayDeadLetters(ids);
}

void EmbeddedOrchestrator::replayDeadLetter(const QString &id, const QJsonObject &payload)
{
    m_executions.replayDeadLetter(id, payload);
}

void EmbeddedOrchestrator::discardDeadLetter(const QString &id, const QString &reason)
{
    m_executions.discardDeadLetter(id, reason);
}

void EmbeddedOrchestrator::promoteWorkflow(const QString &id, int version,
                                           const QString &environment)
{
    const QString who = userName();
    onCore([this, id, version, environment, who](CoreService &service) {
        if (Status st = service.workflows()->promote(id, version, environment, who); !st) {
            const QString message = st.error().message;
            QMetaObject::invokeMethod(this,
                                      [this, id, message] { Q_EMIT workflowFailed(id, message); });
            return;
        }
        (void)service.engine()->scheduleWorkflows();
        service.refreshAlerts();
        QMetaObject::invokeMethod(this, [this, id, version, environment] {
            Q_EMIT workflowPromoted(id, version, environment);
        });
    });
}

void EmbeddedOrchestrator::pushAlerts(CoreService &service)
{
    // Changes come in bursts (an alert, then its deliveries): send one picture per burst.
    if (m_alertsPending)
        return;
    m_alertsPending = true;
    QTimer::singleShot(50, &service, [this, &service] {
        m_alertsPending = false;
        auto alerts = service.alerts()->alerts(QStringLiteral("all"), 300);
        QJsonObject state {{QStringLiteral("alerts"), alerts ? *alerts : QJsonArray()},
                           {QStringLiteral("paging"), service.alerts()->paging()},
                           {QStringLiteral("silences"), service.alerts()->silences()},
                           {QStringLiteral("channels"), service.notifier()->channels()}};
        QMetaObject::invokeMethod(this, [this, state] { Q_EMIT alertsChanged(state); });
    });
}

void EmbeddedOrchestrator::alertFailure(const QString &message)
{
    QMetaObject::invokeMethod(this, [this, message] { Q_EMIT alertActionFailed(message); });
}

void EmbeddedOrchestrator::requestAlerts()
{
    onCore([this](CoreService &service) {
        if (!service.alerts())
            return;
        if (!m_alertsConnected) {
            m_alertsConnected = true;
            connect(&service, &CoreService::alertsChanged, &service,
                    [this, &service] { pushAlerts(service); });
        }
        pushAlerts(service);
    });
}

void EmbeddedOrchestrator::requestAlert(qint64 id)
{
    onCore([this, id](CoreService &service) {
        auto alert = service.alertDetails(id);
        if (!alert)
            return alertFailure(alert.error().message);
        const QJsonObject json = *alert;
        QMetaObject::invokeMethod(this, [this, id, json] { Q_EMIT alertReady(id, json); });
    });
}

void EmbeddedOrchestrator::actOnAlerts(const QList<qint64> &ids, const QString &action,
                                       const QString &note, int minutes)
{
    const QString who = userName();
    onCore([this, ids, action, note, minutes, who](CoreService &service) {
        QStringList refused;
        for (qint64 id : ids) {
            if (auto done = service.alerts()->act(id, action, who, note, minutes); !done)
                refused << done.error().message;
        }
        if (!refused.isEmpty())
            alertFailure(refused.join(QLatin1Char('\n')));
    });
}

void EmbeddedOrchestrator::addSilence(const QJsonObject &definition)
{
    const QString who = userName();
    onCore([this, definition, who](CoreService &service) {
        auto added = service.alerts()->addSilence(definition, who);
        if (!added)
            alertFailure(added.error().toString());
    });
}

void EmbeddedOrchestrator::removeSilence(qint64 id)
{
    const QString who = userName();
    onCore([this, id, who](CoreService &service) {
        if (Status st = service.alerts()->removeSilence(id, who); !st)
            alertFailure(st.error().message);
    });
}

void EmbeddedOrchestrator::saveChannel(const QJsonObject &definition, const QString &secret)
{
    const QString who = userName();
    onCore([this, definition, secret, who](CoreService &service) {
        const QString id = definition.value(QLatin1String("id")).toString();
        service.notifier()->saveChannel(
            definition, secret, who, [this, id](Result<QJsonObject> saved) {
                const QString message = saved ? QString() : saved.error().toString();
                QMetaObject::invokeMethod(this, [this, id, message] {
                    if (message.isEmpty())
                        Q_EMIT channelSaved(id);
                    else
                        Q_EMIT channelFailed(id, message);
                });
            });
    });
}

void EmbeddedOrchestrator::removeChannel(const QString &id)
{
    const QString who = userName();
    onCore([this, id, who](CoreService &service) {
        service.notifier()->removeChannel(id, who, [this, id](Status st) {
            if (!st) {
                const QString message = st.error().message;
                QMetaObject::invokeMethod(
                    this, [this, id, message] { Q_EMIT channelFailed(id, message); });
            }
        });
    });
}

void EmbeddedOrchestrator::testChannel(const QString &id)
{
    onCore([this, id](CoreService &service) {
        service.notifier()->sendTest(id, [this, id](Status st) {
            const QString message = st ? QString() : st.error().message;
            QMetaObject::invokeMethod(this, [this, id, message] {
                Q_EMIT channelTested(id, message.isEmpty(), message);
            });
        });
    });
}

} // namespace Switchboard
