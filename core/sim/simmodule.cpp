#include "sim/simmodule.h"

#include "common/logging.h"
#include "net/httpservice.h"
#include "sim/simfleet.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QWebSocket>

namespace Switchboard {

namespace {

// Made-up patients: the simulator's events carry PHI on purpose, so that tests can check it
// never leaks into logs, alerts or reports.
const char *const PatientNames[] = {"Maria Lopez",  "James Carter",    "Aisha Khan",
                                    "Tom Becker",   "Lucia Fernandez", "Grace Okafor",
                                    "Daniel Novak", "Mei Tanaka"};

QString hexId(QRandomGenerator &random, int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (int i = 0; i < bytes; ++i)
        raw[i] = char(random.bounded(256));
    return QString::fromLatin1(raw.toHex());
}

} // namespace

SimModule::SimModule(const ModuleInfo &info, const Clock &clock, quint32 seed, SimFleet *fleet)
    : QObject(fleet)
    , m_info(info)
    , m_clock(clock)
    , m_fleet(fleet)
    , m_random(seed + quint32(info.number) * 7919u)
    , m_http(new HttpService(this))
{
    m_startedMs = m_clock.nowMs();
    m_lastRunMs = m_startedMs;
    const QString base = QStringLiteral("/webhook/") + info.webhookPath;
    m_http->route("POST", base,
                  [this](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
                      onWebhook(req, reply);
                  });
    m_http->route("GET", base + QStringLiteral("/health"),
                  [this](const HttpRequest &, const HttpReply &reply, const QStringList &) {
                      onHealth(reply);
                  });
    if (info.number == 7) {
        m_http->route("GET", base + QStringLiteral("/kpis"),
                      [this](const HttpRequest &, const HttpReply &reply, const QStringList &) {
                          onKpis(reply);
                      });
    }
    m_http->webSocketRoute(QStringLiteral("/events"));
    connect(m_http, &HttpService::webSocketConnected, this, &SimModule::acceptWebSocket);
}

SimModule::~SimModule() = default;

Result<quint16> SimModule::start(const QHostAddress &address, quint16 port)
{
    m_address = address;
    auto listening = m_http->listenOn(address, port);
    if (listening)
        m_port = *listening;
    return listening;
}

bool SimModule::isUp() const
{
    return m_fault.mode != SimFault::Mode::Down && !flappedDown();
}

void SimModule::setFault(const SimFault &fault)
{
    const bool wasDown = m_fault.mode == SimFault::Mode::Down;
    m_fault = fault;
    m_faultSinceMs = m_clock.nowMs();
    if (fault.mode == SimFault::Mode::Down) {
        // Down is a module that is gone: connections refused, subscribers dropped.
        m_http->closeAll();
        for (auto &client : m_clients)
            client->abort();
        m_clients.clear();
    } else if (wasDown) {
        auto listening = m_http->listenOn(m_address, m_port);
        if (!listening)
            qCWarning(lcSim) << m_info.id << "could not come back up:" << listening.error().message;
    }
    if (fault.mode != SimFault::Mode::Timeout) {
        for (const HttpReply &held : std::as_const(m_held))
            held.abort();
        m_held.clear();
    }
    qCInfo(lcSim) << m_info.id << "fault mode" << SimFault::modeName(fault.mode);
}

bool SimModule::flappedDown() const
{
    if (m_fault.mode != SimFault::Mode::Flapping)
        return false;
    const qint64 phase = (m_clock.nowMs() - m_faultSinceMs) / qMax(1, m_fault.flapPeriodMs);
    return phase % 2 == 0; // starts down, so the first check after the fault sees it
}

void SimModule::answer(const HttpReply &reply, int status, const QByteArray &body)
{
    switch (m_fault.mode) {
    case SimFault::Mode::Down:
        reply.abort();
        return;
    case SimFault::Mode::Flapping:
        if (flappedDown()) {
            reply.abort();
            return;
        }
        break;
    case SimFault::Mode::Timeout:
        // Never answered; the connection is dropped when the fault changes.
        m_held.append(reply);
        return;
    case SimFault::Mode::Slow:
        QTimer::singleShot(m_fault.latencyMs, this,
                           [reply, status, body] { reply.send(status, body); });
        return;
    case SimFault::Mode::Malformed:
        reply.send(200, body.left(qMax<qsizetype>(1, body.size() / 2)));
        return;
    case SimFault::Mode::Errors:
    case SimFault::Mode::None:
        break;
    }
    reply.send(status, body);
}

void SimModule::onWebhook(const HttpRequest &request, const HttpReply &reply)
{
    ++m_requests;
    QJsonObject trace;
    for (const char *name : {"traceparent", "X-Trace-ID", "X-Parent-Span-ID", "X-Service-Name"}) {
        const QByteArray value = request.header(name);
        if (!value.isEmpty())
            trace[QString::fromLatin1(name)] = QString::fromLatin1(value);
    }
    if (!trace.isEmpty())
        m_lastTrace = trace;

    auto payload = request.jsonBody();
    if (!payload || !payload->value(QLatin1String("action")).isString()) {
        answer(reply, 400,
               QJsonDocument(
                   QJsonObject {{QStringLiteral("error"),
                                 payload ? QStringLiteral("the body needs an \"action\" string")
                                         : payload.error().message},
                                {QStringLiteral("field"), QStringLiteral("action")}})
                   .toJson(QJsonDocument::Compact));
        return;
    }
    // The last requests, for tests that check what a module was told (the simulator's own
    // memory; nothing is logged).
    m_recent.append(*payload);
    if (m_recent.size() > RecentLength)
        m_recent.removeFirst();
    const QByteArray key = request.header("Idempotency-Key");
    if (!key.isEmpty()) {
        auto it = m_idempotent.constFind(key);
        if (it != m_idempotent.constEnd()) {
            ++m_duplicates;
            answer(reply, 200, it.value());
            return;
        }
    }
    if (m_fault.mode == SimFault::Mode::Errors && m_random.generateDouble() < m_fault.errorRate) {
        ++m_errors;
        if (m_fault.retryAfterSeconds > 0) {
            reply.send(429, QByteArrayLiteral(R"({"error":"too many requests"})"),
                       "application/json",
                       {{"Retry-After", QByteArray::number(m_fault.retryAfterSeconds)}});
            return;
        }
        answer(reply, 500,
               QByteArrayLiteral(R"({"error":"simulated module failure","retryable":true})"));
        return;
    }
    if (m_fault.mode == SimFault::Mode::Down || flappedDown()) {
        reply.abort();
        return;
    }
    // The effect happens here, once per key, even if the answer is then lost to a fault.
    ++m_effects;
    m_lastRunMs = m_clock.nowMs();
    const QByteArray body =
        QJsonDocument(effectResult(payload->value(QLatin1String("action")).toString(), *payload))
            .toJson(QJsonDocument::Compact);
    if (!key.isEmpty())
        m_idempotent.insert(key, body);
    answer(reply, 200, body);
}

QJsonObject SimModule::effectResult(const QString &action, const QJsonObject &payload)
{
    QJsonObject result {
        {QStringLiteral("success"), true},
        {QStringLiteral("module"), m_info.id},
        {QStringLiteral("action"), action},
        {QStringLiteral("id"), m_info.id.left(2) + QLatin1Char('-') + hexId(m_random, 6)}};
    switch (m_info.number) {
    case 1:
        result[QStringLiteral("lead_id")] = QStringLiteral("lead-") + hexId(m_random, 4);
        result[QStringLiteral("score")] = payload.contains(QLatin1String("score"))
            ? payload.value(QLatin1String("score"))
            : QJsonValue(int(m_random.bounded(11)));
        break;
    case 2: {
        QJsonArray slots;
        const QDateTime base = m_clock.now().addDays(1);
        for (int i = 0; i < 3; ++i)
            slots.append(
                base.addSecs(3600 * (9 + 2 * i) - base.time().msecsSinceStartOfDay() / 1000)
                    .toString(Qt::ISODate));
        result[QStringLiteral("slots")] = slots;
        result[QStringLiteral("slot")] = slots.first();
        result[QStringLiteral("booking_id")] = QStringLiteral("bk-") + hexId(m_random, 4);
        break;
    }
    case 4:
        result[QStringLiteral("payment_id")] = QStringLiteral("pay-") + hexId(m_random, 4);
        result[QStringLiteral("status")] = QStringLiteral("succeeded");
        break;
    case 8:
        result[QStringLiteral("message_id")] = QStringLiteral("msg-") + hexId(m_random, 4);
        result[QStringLiteral("channel")] =
            payload.value(QLatin1String("channel")).toString(QStringLiteral("email"));
        break;
    case 9:
        result[QStringLiteral("audit_id")] = QStringLiteral("aud-") + hexId(m_random, 4);
        break;
    default:
        break;
    }
    return result;
}

void SimModule::onHealth(const HttpReply &reply)
{
    ++m_requests;
    const QJsonObject health {
        {QStringLiteral("status"),
         m_errors > 5 ? QStringLiteral("degraded") : QStringLiteral("healthy")},
        {QStringLiteral("last_run"),
         QDateTime::fromMSecsSinceEpoch(m_lastRunMs, Qt::UTC).toString(Qt::ISODate)},
        {QStringLiteral("errors_24h"), m_errors},
        {QStringLiteral("uptime_seconds"), (m_clock.nowMs() - m_startedMs) / 1000},
        {QStringLiteral("version"), QStringLiteral("1.5.0")}};
    answer(reply, 200, QJsonDocument(health).toJson(QJsonDocument::Compact));
}

void SimModule::onKpis(const HttpReply &reply)
{
    ++m_requests;
    answer(reply, 200, QJsonDocument(m_fleet->kpis()).toJson(QJsonDocument::Compact));
}

void SimModule::acceptWebSocket(QWebSocket *raw)
{
    std::unique_ptr<QWebSocket> socket(raw);
    if (socket->requestUrl().path() != QLatin1String("/events") || !isUp()) {
        socket->close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("no such feed"));
        socket.release()->deleteLater();
        return;
    }
    connect(raw, &QWebSocket::disconnected, this, [this, raw] {
        for (auto it = m_clients.begin(); it != m_clients.end(); ++it) {
            if (it->get() == raw) {
                it->release()->deleteLater();
                m_clients.erase(it);
                break;
            }
        }
    });
    m_clients.push_back(std::move(socket));
}

void SimModule::emitEvent(const QString &type, const QJsonObject &data)
{
    if (!isUp())
        return;
    QString eventType = type;
    QJsonObject eventData = data;
    if (eventType.isEmpty())
        eventData = randomEvent(eventType);
    m_fleet->kpiLedger().count(m_info.number, eventType, eventData);
    m_lastRunMs = m_clock.nowMs();
    ++m_sequence;
    ++m_eventsSent;
    const QJsonObject event {{QStringLiteral("type"), eventType},
                             {QStringLiteral("module"), m_info.id},
                             {QStringLiteral("ts"), m_clock.now().toString(Qt::ISODateWithMs)},
                             {QStringLiteral("trace_id"), hexId(m_random, 16)},
                             {QStringLiteral("data"), eventData}};
    if (m_clients.empty())
        return;
    const QString text = QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact));
    for (auto &client : m_clients)
        client->sendTextMessage(text);
}

QJsonObject SimModule::randomEvent(QString &type)
{
    // A patient keeps their id across modules, so the demo's journeys follow one person from
    // intake to booking, payment and follow-up.
    int who = m_random.bounded(int(std::size(PatientNames)));
    // Most bookings are of a lead still waiting for one; the others are patients coming back.
    const bool booking = m_info.number == 2 && m_random.bounded(10) < 8;
    const QString waiting = m_fleet->kpiLedger().oldestOpenLead();
    if (booking && waiting.startsWith(QLatin1String("pt-")) && m_random.bounded(10) < 7)
        who = std::clamp(waiting.mid(3).toInt() - 1001, 0, int(std::size(PatientNames)) - 1);
    const QString patient = QString::fromLatin1(PatientNames[who]);
    const QString patientId = QStringLiteral("pt-%1").arg(1001 + who);
    QJsonObject d {{QStringLiteral("patient_id"), patientId}};
    switch (m_info.number) {
    case 1:
        type = QStringLiteral("lead.captured");
        d[QStringLiteral("score")] = int(m_random.bounded(11));
        d[QStringLiteral("source")] =
            QStringList {QStringLiteral("website"), QStringLiteral("phone"),
                         QStringLiteral("referral")}
                .at(m_random.bounded(3));
        d[QStringLiteral("patient_name")] = patient;
        break;
    case 2:
        if (booking) {
            type = QStringLiteral("booking.created");
            d[QStringLiteral("booking_id")] = QStringLiteral("bk-") + hexId(m_random, 4);
            d[QStringLiteral("slot")] =
                m_clock.now().addSecs(3600LL * (24 + m_random.bounded(72))).toString(Qt::ISODate);
        } else {
            type = QStringLiteral("booking.no_show");
            d[QStringLiteral("booking_id")] = QStringLiteral("bk-") + hexId(m_random, 4);
        }
        d[QStringLiteral("patient_name")] = patient;
        break;
    case 3:
        type = m_random.bounded(2) ? QStringLiteral("session.started")
                                   : QStringLiteral("session.completed");
        d[QStringLiteral("session_id")] = QStringLiteral("tv-") + hexId(m_random, 4);
        d[QStringLiteral("duration_min")] = 15 + int(m_random.bounded(31));
        break;
    case 4:
        if (m_random.bounded(10) < 8) {
            type = QStringLiteral("payment.succeeded");
            const double amount = 50.0 * (1 + m_random.bounded(8));
            d[QStringLiteral("amount_usd")] = amount;
        } else {
            type = QStringLiteral("payment.failed");
            const bool insufficient = m_random.bounded(2) == 0;
            d[QStringLiteral("amount_usd")] = 150.0;
            d[QStringLiteral("reason_code")] =
                insufficient ? QStringLiteral("51") : QStringLiteral("54");
            d[QStringLiteral("reason")] = insufficient ? QStringLiteral("insufficient_funds")
                                                       : QStringLiteral("expired_card");
        }
        break;
    case 5:
        type = QStringLiteral("campaign.sent");
        d[QStringLiteral("campaign")] =
            QStringLiteral("nurture-") + QString::number(1 + m_random.bounded(5));
        break;
    case 6: {
        type = QStringLiteral("document.processed");
        d[QStringLiteral("document_id")] = QStringLiteral("doc-") + hexId(m_random, 4);
        d[QStringLiteral("document_type")] =
            QStringList {QStringLiteral("insurance_card"), QStringLiteral("id_card"),
                         QStringLiteral("referral_letter")}
                .at(m_random.bounded(3));
        d[QStringLiteral("confidence")] = 0.55 + 0.44 * m_random.generateDouble();
        d[QStringLiteral("size_bytes")] = 50000 + int(m_random.bounded(4000000));
        // What the OCR read; made-up patient data, as the other events carry.
        d[QStringLiteral("fields")] = QJsonObject {
            {QStringLiteral("patient_name"), patient},
            {QStringLiteral("date_of_birth"),
             QDate(1950 + int(m_random.bounded(55)), 1 + int(m_random.bounded(12)),
                   1 + int(m_random.bounded(28)))
                 .toString(Qt::ISODate)},
            {QStringLiteral("insurance_id"), QStringLiteral("INS-") + hexId(m_random, 3)}};
        // How sure the OCR is of each field: around the document's own confidence.
        const double overall = d.value(QLatin1String("confidence")).toDouble();
        QJsonObject perField;
        for (const char *field : {"patient_name", "date_of_birth", "insurance_id"})
            perField[QLatin1String(field)] = std::clamp(
                qRound((overall + 0.2 * (m_random.generateDouble() - 0.5)) * 100) / 100.0, 0.3,
                0.99);
        d[QStringLiteral("field_confidence")] = perField;
        break;
    }
    case 7:
        type = QStringLiteral("kpi.updated");
        d = m_fleet->kpis();
        d.remove(QStringLiteral("history"));
        break;
    case 8:
        type = m_random.bounded(20) == 0 ? QStringLiteral("message.failed")
                                         : QStringLiteral("message.sent");
        d[QStringLiteral("channel")] =
            QStringList {QStringLiteral("email"), QStringLiteral("sms"), QStringLiteral("whatsapp")}
                .at(m_random.bounded(3));
        break;
    default:
        type = QStringLiteral("audit.logged");
        d[QStringLiteral("event")] = QStringLiteral("record.accessed");
        d[QStringLiteral("hash")] = hexId(m_random, 16);
        break;
    }
    return d;
}

QJsonObject SimModule::stats() const
{
    return {{QStringLiteral("port"), m_port},
            {QStringLiteral("requests"), m_requests},
            {QStringLiteral("effects"), m_effects},
            {QStringLiteral("duplicate_keys_suppressed"), m_duplicates},
            {QStringLiteral("errors"), m_errors},
            {QStringLiteral("events_sent"), m_eventsSent},
            {QStringLiteral("subscribers"), subscriberCount()},
            {QStringLiteral("fault"), m_fault.toJson()},
            {QStringLiteral("last_trace_headers"), m_lastTrace},
            {QStringLiteral("recent_requests"), m_recent}};
}

void SimModule::reset()
{
    setFault(SimFault {});
    m_requests = m_effects = m_duplicates = m_errors = m_eventsSent = 0;
    m_idempotent.clear();
    m_lastTrace = {};
    m_recent = {};
    m_lastRunMs = m_clock.nowMs();
}

} // namespace Switchboard
