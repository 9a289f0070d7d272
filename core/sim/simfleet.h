#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "health/modulehistory.h"
#include "sim/simkpiledger.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QRandomGenerator>

class QTimer;

namespace Switchboard {

class HttpService;
class SimModule;

// The nine simulated modules plus the control API on the base port: POST /faults,
// GET /stats, POST /reset, POST /emit. Used by switchboard-sim, the demo clinic and tests.
class SimFleet final : public QObject
{
    Q_OBJECT

public:
    SimFleet(const Clock &clock, quint32 seed, QObject *parent = nullptr);
    ~SimFleet() override;

    // Control on basePort, module NN on basePort + NN.
    Status start(const QHostAddress &address, quint16 basePort);
    quint16 basePort() const { return m_basePort; }
    // A random base port below Linux's ephemeral range (32768 and up), so that the fleet's
    // listeners never collide with the local ports of outgoing connections.
    static quint16 randomBasePort();

    // Spontaneous events per second for the whole fleet; 0 stops them.
    void setEventRate(double perSecond);
    double eventRate() const { return m_eventRate; }
    // How the events spread over the modules: a weight per module, 01 to 09. A mix makes the
    // fleet a clinic with a past: module 07's figures include made-up hours before the start at
    // the mix's rates. Without one, every module is as likely and 07 counts only what was sent.
    void setEventMix(const QList<double> &weights);
    // A clinic's day: few leads, bookings and payments among many documents, messages and
    // audit events. The demo clinic's mix.
    static QList<double> clinicMix();

    // {"module": "04_billing", "mode": "down", …}
    Status applyFault(const QJsonObject &json);
    // A JSON scenario: {"steps": [{"at_ms": 0, "module": "02_booking", "mode": "down"}, …]}.
    // Each step is a fault applied at its time after start; "repeat_ms" restarts the list.
    Status runScenario(const QByteArray &json);

    SimModule *module(const QString &id) const;
    QJsonObject stats() const;
    void reset();

    // The key figures of the events the modules put on their feeds (served by module 07).
    SimKpiLedger &kpiLedger() { return m_kpis; }
    QJsonObject kpis() const { return m_kpis.kpis(); }
    // The demo clinic's past: module 07's figures once an hour for the last `days` days (up to
    // the hour before this one), at the rates of the fleet's events, so that the trend charts
    // have weeks to show on first start and agree with today's figures. Deterministic for a
    // seed.
    QList<std::pair<QDateTime, QJsonObject>> pastKpis(int days) const { return m_kpis.past(days); }
    // The demo clinic's past health checks, one sample per module and hour for the last `days`
    // days: quick answers, with a two-hour billing outage three days ago and a slow follow-up
    // hour nine days ago.
    QList<std::pair<QString, ModuleSample>> pastChecks(int days) const;
    // A few events that lead to review tasks (documents read with low confidence, a drafted
    // reply to approve), so a fresh demo clinic's Review section has work in it:
    // {module, type, data} each.
    QList<QJsonObject> reviewStarters() const;

private:
    void setupControl();
    void emitBatch();
    void updateKpiRates();

    const Clock &m_clock;
    quint32 m_seed;
    QRandomGenerator m_random;
    HttpService *m_control;
    QList<SimModule *> m_modules;
    QTimer *m_eventTimer;
    double m_eventRate = 0;
    double m_eventCarry = 0;
    quint16 m_basePort = 0;
    QList<QTimer *> m_scenarioTimers;
    QList<double> m_mix; // a weight per module, or empty for an even spread
    SimKpiLedger m_kpis;
};

} // namespace Switchboard
