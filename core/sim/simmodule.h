#pragma once

#include "common/clock.h"
#include "modules/modulecatalog.h"
#include "sim/simfault.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QRandomGenerator>
#include <memory>
#include <vector>

class QWebSocket;

namespace Switchboard {

class HttpService;
class HttpReply;
struct HttpRequest;
class SimFleet;

// One simulated automation module: its webhook, its /health, its /events WebSocket, and the
// fault it is playing. Counts every request and every effect, and de-duplicates effects by
// Idempotency-Key as a well-behaved module would.
class SimModule final : public QObject
{
    Q_OBJECT

public:
    SimModule(const ModuleInfo &info, const Clock &clock, quint32 seed, SimFleet *fleet);
    ~SimModule() override;

    Result<quint16> start(const QHostAddress &address, quint16 port);
    void setFault(const SimFault &fault);
    const SimFault &fault() const { return m_fault; }
    const ModuleInfo &info() const { return m_info; }

    // Sends an event to every /events subscriber; type and data empty: a realistic random one.
    void emitEvent(const QString &type = {}, const QJsonObject &data = {});
    int subscriberCount() const { return int(m_clients.size()); }
    bool isUp() const;

    QJsonObject stats() const;
    void reset();

private:
    void onWebhook(const HttpRequest &request, const HttpReply &reply);
    void onHealth(const HttpReply &reply);
    void onKpis(const HttpReply &reply);
    // Applies the fault to an answer: drops it, delays it or sends it as is.
    void answer(const HttpReply &reply, int status, const QByteArray &body);
    bool flappedDown() const;
    void acceptWebSocket(QWebSocket *socket);
    QJsonObject randomEvent(QString &type);
    QJsonObject effectResult(const QString &action, const QJsonObject &payload);

    ModuleInfo m_info;
    const Clock &m_clock;
    SimFleet *m_fleet;
    QRandomGenerator m_random;
    HttpService *m_http;
    QHostAddress m_address;
    quint16 m_port = 0;
    SimFault m_fault;
    qint64 m_faultSinceMs = 0;
    qint64 m_startedMs = 0;
    std::vector<std::unique_ptr<QWebSocket>> m_clients;
    QList<HttpReply> m_held; // answers withheld by the timeout fault

    // Counters reported by GET /stats.
    qint64 m_requests = 0;
    qint64 m_effects = 0;
    qint64 m_duplicates = 0;
    qint64 m_errors = 0;
    qint64 m_eventsSent = 0;
    QHash<QByteArray, QByteArray> m_idempotent; // key → the answer given
    QJsonArray m_recent; // the last RecentLength webhook bodies, oldest first
    static constexpr int RecentLength = 20;
    QJsonObject m_lastTrace;
    qint64 m_lastRunMs = 0;
    quint64 m_sequence = 0;
};

} // namespace Switchboard
