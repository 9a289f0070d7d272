#pragma once

#include "engine/executionqueries.h"

#include <QJsonArray>
#include <QJsonObject>
#include <functional>
#include <optional>

namespace Switchboard {

class CoreService;
class Orchestrator;

// The executions and dead letters of an embedded core, for EmbeddedOrchestrator: each request
// is read or done on the core's thread, and answered through the console's Orchestrator signals
// on the console's thread. Patient data is masked unless revealed (audited, and only for a
// console that may read it).
class EmbeddedExecutions
{
public:
    // Runs work on the core's thread with the service, if it is running.
    using OnCore = std::function<void(std::function<void(CoreService &)>)>;
    EmbeddedExecutions(Orchestrator &console, OnCore onCore);

    void requestExecution(const QString &executionId);
    void revealExecution(const QString &executionId);
    void requestExecutions(const ExecutionFilter &filter);
    void cancelExecution(const QString &executionId);
    void retryExecution(const QString &executionId);
    void previewRerun(const QString &executionId, const QString &fromStep,
                      const std::optional<QJsonObject> &input);
    void rerunExecution(const QString &executionId, const QString &fromStep,
                        const std::optional<QJsonObject> &input);
    void requestJourney(const QString &key, const QString &value);
    void requestDeadLetters(const QString &status, bool reveal);
    void replayDeadLetters(const QStringList &ids);
    void replayDeadLetter(const QString &id, const QJsonObject &payload);
    void discardDeadLetter(const QString &id, const QString &reason);

private:
    void onCore(std::function<void(CoreService &)> work);
    void pushExecutions(CoreService &service);
    void pushExecution(CoreService &service, const QString &executionId, bool reveal);
    void pushDeadLetters(CoreService &service);
    // After a dead-letter action: its outcomes, the list again, and the overview's count.
    void deadLettersHandled(CoreService &service, const QString &action, const QJsonArray &results);
    // executionActionDone, or executionActionFailed when message is not empty.
    void actionAnswered(const QString &executionId, const QString &action, const QString &message,
                        const QString &newId = {});

    Orchestrator &m_console;
    OnCore m_onCore;
    // Touched on the core's thread only:
    bool m_executionsConnected = false;
    bool m_executionsPending = false;
    ExecutionFilter m_executionsFilter; // the list asked for
    QString m_deadLetterStatus; // the dead letters asked for
    bool m_deadLettersRevealed = false;
};

} // namespace Switchboard
