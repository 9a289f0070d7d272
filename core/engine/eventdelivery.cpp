#include "engine/eventdelivery.h"

#include "common/logging.h"
#include "engine/executionrun.h"
#include "engine/executionstore.h"
#include "engine/inboundrequests.h"
#include "engine/runhost.h"
#include "engine/triggers.h"
#include "workflow/expressionengine.h"

#include <QCryptographicHash>
#include <QJsonArray>

namespace Switchboard {

EventDelivery::EventDelivery(RunHost &host, ExecutionStore &store, Triggers &triggers,
                             InboundRequests &inbound, ExpressionEngine &expressions)
    : m_host(host)
    , m_store(store)
    , m_triggers(triggers)
    , m_inbound(inbound)
    , m_expressions(expressions)
{
}

Result<QJsonObject> EventDelivery::deliver(const QString &type, const QString &module,
                                           const QJsonObject &data, const QString &key)
{
    const QJsonObject event {{QStringLiteral("type"), type},
                             {QStringLiteral("module"), module},
                             {QStringLiteral("data"), data}};
    const QString route = QStringLiteral("event");
    const QString fingerprint = InboundRequests::fingerprint(event);
    if (!key.isEmpty()) {
        auto replayed = m_inbound.replay(key, route, fingerprint);
        if (!replayed)
            return replayed.error();
        if (*replayed)
            return **replayed;
    }
    // Each start keyed by the event's key and the workflow (the key hashed, to stay short).
    const QByteArray keyHash = key.isEmpty()
        ? QByteArray()
        : QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(32);
    QJsonArray started;
    for (const QString &workflowId : m_triggers.forEvent(type, module, data)) {
        const QString startKey =
            key.isEmpty() ? QString() : QString::fromLatin1(keyHash + ':' + workflowId.toUtf8());
        auto s = m_host.startKeyed(startKey, workflowId, data, QStringLiteral("event:") + type);
        if (s)
            started.append(s->value(QLatin1String("execution_id")));
        else
            qCWarning(lcEngine) << workflowId << "could not start on" << type << ":"
                                << s.error().message;
    }

    QJsonArray resumed;
    QStringList unresumed;
    auto waiters = m_store.waitersFor(type);
    if (!waiters)
        return waiters.error();
    for (const ExecutionStore::Waiter &w : std::as_const(*waiters)) {
        if (!w.module.isEmpty() && w.module != module)
            continue;
        auto loaded = m_host.load(w.execution);
        if (!loaded) {
            if (loaded.error().kind != ErrorKind::NotFound)
                unresumed << loaded.error().message;
            continue;
        }
        ExecutionRun &run = **loaded;
        if (!w.match.isEmpty()) {
            auto match = m_expressions.evaluate(
                w.match, run.scope(w.match.contains(QLatin1String("steps")), event));
            if (!match || !m_expressions.truthy(*match)) {
                m_host.unload(run);
                continue;
            }
        }
        const QString execId = w.execution;
        const QString node = w.node;
        run.ops.append([this, execId, node] { return m_store.removeWaiter(execId, node); });
        Status st = m_host.resumeFromWait(run, node, QStringLiteral("event"), event,
                                          QStringLiteral("event_received"));
        if (!st && st.error().kind == ErrorKind::Conflict) {
            // Another core sharing the store holds the execution (its calls are in flight): the
            // event waits for that core as an "event" timer due at once, which only it fires.
            st = m_store.transaction([&] {
                return m_store.addTimer(execId, node, QStringLiteral("event"), 0,
                                        {{QStringLiteral("event"), event}});
            });
        }
        if (st)
            resumed.append(execId);
        else
            unresumed << st.error().message;
    }
    // The waiters stay stored: the same event sent again resumes them.
    if (!unresumed.isEmpty())
        return unavailable(QStringLiteral("%1 waiting executions could not be resumed (%2); send "
                                          "the event again")
                               .arg(unresumed.size())
                               .arg(unresumed.first()));
    const QJsonObject answer {{QStringLiteral("started"), started},
                              {QStringLiteral("resumed"), resumed}};
    if (!key.isEmpty()) {
        if (Status kept = m_store.transaction([&] {
                return m_inbound.remember(key, route, fingerprint, {202, answer});
            });
            !kept)
            return kept.error();
    }
    return answer;
}

} // namespace Switchboard
