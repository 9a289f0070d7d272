#pragma once

#include "common/result.h"
#include "engine/executionrun.h"
#include "engine/moduleclient.h"

#include <QHash>
#include <QUrl>

namespace Switchboard {

class ExpressionEngine;

// What a module_call step sends and how often: the request (the module's endpoint, the
// Idempotency-Key <execution>:<node>:<visit>[:compensate], the trace and span, the timeout and
// the rendered payload) and the retry policy (attempts, exponential backoff with jitter).
class ModuleCalls
{
public:
    explicit ModuleCalls(ExpressionEngine &expressions);

    void setEndpoints(const QHash<QString, QUrl> &endpoints) { m_endpoints = endpoints; }
    // Each module's call timeout, for module_call nodes that do not set timeout_s.
    void setTimeouts(const QHash<QString, int> &ms) { m_timeoutsMs = ms; }

    // The call the node (or its compensation) makes now; an error says what is missing. The
    // message is what the step's history and error show.
    Result<ModuleCallRequest> request(const ExecutionRun &run, const WorkflowNode &node,
                                      bool compensation) const;
    // Renders the body the first time a visit's call (or its compensation) is queued and keeps
    // it in the step, committed with it: every send under the same Idempotency-Key — retries,
    // re-sends after a restart — then carries the same bytes. A new visit renders anew.
    void keepBody(ExecutionRun &run, const WorkflowNode &node, bool compensation) const;
    // <execution>:<node>:<visit>[:compensate]; a re-run's unchanged call keeps the original's
    // (ExecutionState::reuse).
    static QByteArray idempotencyKey(const ExecutionRun &run, const QString &nodeId,
                                     bool compensation, const QJsonObject &body = {});
    // A short digest of a call's body, to tell whether a re-run sends the same.
    static QString bodyHash(const QJsonObject &body);
    // The body the node's call would send in run's scope (a re-run's preview).
    Result<QJsonObject> renderCall(const ExecutionRun &run, const WorkflowNode &node) const
    {
        return render(run, node, false);
    }

    // The body kept with the step when its call was first queued, if any.
    static std::optional<QJsonObject> keptBody(const ExecutionRun &run, const QString &nodeId,
                                               bool compensation);

    // Six tries with the specification's 1 s, 2 s, 4 s, 8 s and 16 s between them.
    static constexpr int DefaultMaxAttempts = 6;
    static int maxAttempts(const WorkflowNode &node);
    // The wait before the next attempt, ±20 % jitter.
    static qint64 backoffMs(const WorkflowNode &node, int attempt);

private:
    Result<QJsonObject> render(const ExecutionRun &run, const WorkflowNode &node,
                               bool compensation) const;

    ExpressionEngine &m_expressions;
    QHash<QString, QUrl> m_endpoints;
    QHash<QString, int> m_timeoutsMs;
};

} // namespace Switchboard
