#pragma once

#include "common/result.h"

#include <QJsonObject>

namespace Switchboard {

class ExecutionStore;
class ExpressionEngine;
class InboundRequests;
class RunHost;
class Triggers;

// An event from a module (POST /api/v1/events, the simulator's feed): starts the published,
// enabled workflows it triggers and resumes the executions waiting for it.
class EventDelivery
{
public:
    EventDelivery(RunHost &host, ExecutionStore &store, Triggers &triggers,
                  InboundRequests &inbound, ExpressionEngine &expressions);

    // {"started": [ids], "resumed": [ids]}. With an Idempotency-Key the event takes effect
    // once: a repeat gets the first answer with "replayed": true, and a repeat after a partial
    // failure (503) starts nothing twice, each start being keyed by the key and the workflow,
    // and each resumed wait gone with its resumption.
    Result<QJsonObject> deliver(const QString &type, const QString &module, const QJsonObject &data,
                                const QString &key);

private:
    RunHost &m_host;
    ExecutionStore &m_store;
    Triggers &m_triggers;
    InboundRequests &m_inbound;
    ExpressionEngine &m_expressions;
};

} // namespace Switchboard
