#include "sim/simfleet.h"

#include "common/logging.h"
#include "modules/modulecatalog.h"
#include "net/httpservice.h"
#include "sim/simmodule.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace Switchboard {

namespace {
constexpr int EventTickMs = 20;
}

SimFleet::SimFleet(const Clock &clock, quint32 seed, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_seed(seed)
    , m_random(seed)
    , m_control(new HttpService(this))
    , m_eventTimer(new QTimer(this))
    , m_kpis(clock, seed)
{
    for (const ModuleInfo &info : ModuleCatalog::all())
        m_modules.append(new SimModule(info, clock, seed, this));
    m_eventTimer->setInterval(EventTickMs);
    connect(m_eventTimer, &QTimer::timeout, this, &SimFleet::emitBatch);
    setupControl();
}

SimFleet::~SimFleet() = default;

quint16 SimFleet::randomBasePort()
{
    return quint16(10000 + QRandomGenerator::global()->bounded(22700));
}

Status SimFleet::start(const QHostAddress &address, quint16 basePort)
{
    if (basePort == 0 || basePort > 65535 - 9)
        return makeError(QStringLiteral("the base port must be from 1 to 65526"),
                         QStringLiteral("base-port"));
    auto control = m_control->listenOn(address, basePort);
    if (!control)
        return control.error();
    for (SimModule *module : std::as_const(m_modules)) {
        auto listening = module->start(address, quint16(basePort + module->info().number));
        if (!listening) {
            m_control->closeAll();
            return listening.error();
        }
    }
    m_basePort = basePort;
    return Ok {};
}

void SimFleet::setEventRate(double perSecond)
{
    m_eventRate = qMax(0.0, perSecond);
    if (m_eventRate > 0)
        m_eventTimer->start();
    else
        m_eventTimer->stop();
    updateKpiRates();
}

void SimFleet::setEventMix(const QList<double> &weights)
{
    double total = 0;
    for (double w : weights)
        total += qMax(0.0, w);
    m_mix = weights.size() == m_modules.size() && total > 0 ? weights : QList<double> {};
    updateKpiRates();
}

QList<double> SimFleet::clinicMix()
{
    // Shares of the events in percent, modules 01 to 09: for every 100 events, some 5 leads,
    // 3 bookings and 3 payments among documents, messages and audit events. At the demo's
    // 200 events an hour, a clinic of some 220 leads and 160 bookings a day.
    return {4.6, 4.2, 6, 3.4, 3, 10, 4, 34, 30.8};
}

void SimFleet::updateKpiRates()
{
    // A clinic's mix has a made-up past at the rates of its events, which follow from what each
    // module's events carry (see SimModule::randomEvent). An even spread is a load, not a
    // clinic: it counts only what it sends.
    if (m_mix.isEmpty()) {
        m_kpis.setRates({});
        return;
    }
    double total = 0;
    for (double w : std::as_const(m_mix))
        total += qMax(0.0, w);
    const auto perHour = [&](int number) {
        const double share = qMax(0.0, m_mix.at(number - 1)) / total;
        return m_eventRate * 3600 * share;
    };
    SimKpiLedger::Rates rates;
    rates.leads = perHour(1);
    rates.bookings = 0.8 * perHour(2);
    rates.noShows = 0.2 * perHour(2);
    rates.visits = 0.5 * perHour(3);
    rates.payments = 0.8 * perHour(4);
    m_kpis.setRates(rates);
}

void SimFleet::emitBatch()
{
    // Spread the rate over ticks; fractions carry over so low rates still emit.
    m_eventCarry += m_eventRate * EventTickMs / 1000.0;
    while (m_eventCarry >= 1.0) {
        m_eventCarry -= 1.0;
        int pick = m_random.bounded(int(m_modules.size()));
        if (!m_mix.isEmpty()) {
            double total = 0;
            for (double w : std::as_const(m_mix))
                total += qMax(0.0, w);
            double at = m_random.generateDouble() * total;
            for (pick = 0; pick < m_mix.size() - 1; ++pick) {
                at -= qMax(0.0, m_mix.at(pick));
                if (at < 0)
                    break;
            }
        }
        m_modules.at(pick)->emitEvent();
    }
}

Status SimFleet::applyFault(const QJsonObject &json)
{
    const QString id = json.value(QLatin1String("module")).toString();
    SimModule *target = module(id);
    if (!target)
        return makeError(
            QStringLiteral("unknown module \"%1\" (expected 01_intake … 09_compliance)").arg(id),
            QStringLiteral("module"));
    auto fault = SimFault::fromJson(json);
    if (!fault)
        return fault.error();
    target->setFault(*fault);
    return Ok {};
}

Status SimFleet::runScenario(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(
            QStringLiteral("the scenario is not a JSON object: %1").arg(error.errorString()));
    const QJsonArray steps = doc.object().value(QLatin1String("steps")).toArray();
    if (steps.isEmpty())
        return makeError(QStringLiteral("the scenario needs a non-empty \"steps\" list"),
                         QStringLiteral("steps"));
    // Validate every step before running any, so a bad file changes nothing.
    QList<QPair<int, QJsonObject>> planned;
    int lastAt = 0;
    for (int i = 0; i < steps.size(); ++i) {
        const QJsonObject step = steps.at(i).toObject();
        const QString where = QStringLiteral("steps[%1]").arg(i);
        const int at = step.value(QLatin1String("at_ms")).toInt(-1);
        if (at < 0)
            return makeError(
                QStringLiteral("needs \"at_ms\", a time in milliseconds from the start"), where);
        if (!module(step.value(QLatin1String("module")).toString()))
            return makeError(QStringLiteral("unknown module \"%1\"")
                                 .arg(step.value(QLatin1String("module")).toString()),
                             where);
        auto fault = SimFault::fromJson(step);
        if (!fault)
            return makeError(fault.error().message, where + QLatin1Char('.') + fault.error().field);
        planned.append({at, step});
        lastAt = qMax(lastAt, at);
    }
    const int repeatMs = doc.object().value(QLatin1String("repeat_ms")).toInt(0);
    if (repeatMs != 0 && repeatMs <= lastAt)
        return makeError(QStringLiteral("must be later than the last step"),
                         QStringLiteral("repeat_ms"));

    qDeleteAll(m_scenarioTimers);
    m_scenarioTimers.clear();
    for (const auto &[at, step] : planned) {
        auto *timer = new QTimer(this);
        timer->setSingleShot(repeatMs == 0);
        const QJsonObject copy = step;
        connect(timer, &QTimer::timeout, this, [this, timer, copy, repeatMs] {
            if (Status st = applyFault(copy); !st)
                qCWarning(lcSim) << "scenario step refused:" << st.error().toString();
            if (repeatMs)
                timer->setInterval(repeatMs);
        });
        timer->start(at);
        m_scenarioTimers.append(timer);
    }
    return Ok {};
}

SimModule *SimFleet::module(const QString &id) const
{
    for (SimModule *m : m_modules) {
        if (m->info().id == id)
            return m;
    }
    return nullptr;
}

QJsonObject SimFleet::stats() const
{
    QJsonObject modules;
    for (SimModule *m : m_modules)
        modules[m->info().id] = m->stats();
    return {{QStringLiteral("base_port"), m_basePort},
            {QStringLiteral("event_rate"), m_eventRate},
            {QStringLiteral("seed"), qint64(m_seed)},
            {QStringLiteral("modules"), modules}};
}

void SimFleet::reset()
{
    qDeleteAll(m_scenarioTimers);
    m_scenarioTimers.clear();
    for (SimModule *m : std::as_const(m_modules))
        m->reset();
    m_kpis.reset();
}

QList<std::pair<QString, ModuleSample>> SimFleet::pastChecks(int days) const
{
    QRandomGenerator random(m_seed ^ 0xc4ec);
    const qint64 thisHour = m_clock.now().toSecsSinceEpoch() / 3600 * 3600;
    QList<std::pair<QString, ModuleSample>> out;
    for (int h = days * 24 - 1; h >= 1; --h) {
        const QDateTime at = QDateTime::fromSecsSinceEpoch(thisHour - 3600LL * h, Qt::UTC);
        for (const ModuleInfo &info : ModuleCatalog::all()) {
            ModuleSample s;
            s.at = at;
            s.checks = 4; // every 15 minutes, as the specification checks
            s.status = ModuleStatus::Healthy;
            // The simulated modules answer over loopback within a few milliseconds.
            s.p50 = 1 + int(random.bounded(3));
            s.p95 = s.p50 + 1 + int(random.bounded(6));
            s.p99 = s.p95 + int(random.bounded(15));
            if (info.number == 4 && (h == 72 || h == 73)) {
                s.status = ModuleStatus::Down;
                s.unanswered = h == 72 ? 2 : 4;
                if (s.unanswered == s.checks)
                    s.p50 = s.p95 = s.p99 = -1;
            } else if (info.number == 5 && h == 9 * 24) {
                s.status = ModuleStatus::Degraded;
                s.p50 *= 20;
                s.p95 *= 25;
                s.p99 *= 30;
            }
            out.append({info.id, s});
        }
    }
    return out;
}

QList<QJsonObject> SimFleet::reviewStarters() const
{
    const auto document = [](const char *id, const char *type, double confidence, const char *name,
                             const char *born, const char *insurance, double nameConfidence) {
        return QJsonObject {
            {QStringLiteral("module"), QStringLiteral("06_ocr")},
            {QStringLiteral("type"), QStringLiteral("document.processed")},
            {QStringLiteral("data"),
             QJsonObject {
                 {QStringLiteral("document_id"), QLatin1String(id)},
                 {QStringLiteral("document_type"), QLatin1String(type)},
                 {QStringLiteral("confidence"), confidence},
                 {QStringLiteral("size_bytes"), 420000},
                 {QStringLiteral("fields"),
                  QJsonObject {{QStringLiteral("patient_name"), QLatin1String(name)},
                               {QStringLiteral("date_of_birth"), QLatin1String(born)},
                               {QStringLiteral("insurance_id"), QLatin1String(insurance)}}},
                 {QStringLiteral("field_confidence"),
                  QJsonObject {{QStringLiteral("patient_name"), nameConfidence},
                               {QStringLiteral("date_of_birth"), 0.93},
                               {QStringLiteral("insurance_id"), 0.88}}}}}};
    };
    return {
        document("doc-3f1a", "insurance_card", 0.72, "Maria Lopz", "1984-03-12", "INS-4471", 0.58),
        document("doc-77c0", "referral_letter", 0.64, "James Carter", "1979-11-02", "", 0.9),
        document("doc-a912", "id_card", 0.81, "Aisha Khan", "1991-07-23", "INS-1290", 0.84),
        {{QStringLiteral("module"), QStringLiteral("08_messaging")},
         {QStringLiteral("type"), QStringLiteral("reply.drafted")},
         {QStringLiteral("data"),
          QJsonObject {{QStringLiteral("message_id"), QStringLiteral("msg-5521")},
                       {QStringLiteral("confidence"), 0.74},
                       {QStringLiteral("draft"),
                        QStringLiteral("Thank you for your message. Your appointment is "
                                       "confirmed for Tuesday at 10:30. Please bring your "
                                       "insurance card.")}}}}};
}

void SimFleet::setupControl()
{
    m_control->route(
        "POST", QStringLiteral("/faults"),
        [this](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
            auto body = req.jsonBody();
            if (!body)
                return reply.sendError(400, body.error().message);
            Status st = applyFault(*body);
            if (!st)
                return reply.sendError(400, st.error().message, st.error().field);
            reply.sendJson(
                200,
                {{QStringLiteral("ok"), true},
                 {QStringLiteral("module"), body->value(QLatin1String("module"))},
                 {QStringLiteral("fault"),
                  module(body->value(QLatin1String("module")).toString())->fault().toJson()}});
        });
    m_control->route("GET", QStringLiteral("/stats"),
                     [this](const HttpRequest &, const HttpReply &reply, const QStringList &) {
                         reply.sendJson(200, stats());
                     });
    m_control->route("POST", QStringLiteral("/reset"),
                     [this](const HttpRequest &, const HttpReply &reply, const QStringList &) {
                         reset();
                         reply.sendJson(200, {{QStringLiteral("ok"), true}});
                     });
    m_control->route(
        "POST", QStringLiteral("/emit"),
        [this](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
            auto body = req.jsonBody();
            if (!body)
                return reply.sendError(400, body.error().message);
            SimModule *target = module(body->value(QLatin1String("module")).toString());
            if (!target)
                return reply.sendError(400, QStringLiteral("unknown module"),
                                       QStringLiteral("module"));
            target->emitEvent(body->value(QLatin1String("type")).toString(),
                              body->value(QLatin1String("data")).toObject());
            reply.sendJson(200,
                           {{QStringLiteral("ok"), true},
                            {QStringLiteral("subscribers"), target->subscriberCount()}});
        });
    m_control->route(
        "POST", QStringLiteral("/event-rate"),
        [this](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
            auto body = req.jsonBody();
            const double rate = body ? body->value(QLatin1String("rate")).toDouble(-1) : -1;
            if (rate < 0 || rate > 100000)
                return reply.sendError(
                    400, QStringLiteral("\"rate\" must be events per second from 0 to 100000"),
                    QStringLiteral("rate"));
            setEventRate(rate);
            reply.sendJson(200, {{QStringLiteral("ok"), true}, {QStringLiteral("rate"), rate}});
        });
    m_control->route("GET", QStringLiteral("/healthz"),
                     [](const HttpRequest &, const HttpReply &reply, const QStringList &) {
                         reply.sendJson(200, {{QStringLiteral("ok"), true}});
                     });
}

} // namespace Switchboard
