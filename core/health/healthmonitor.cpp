#include "health/healthmonitor.h"

#include "common/logging.h"
#include "health/eventfeed.h"
#include "health/healthchecker.h"
#include "modules/modulecatalog.h"

#include <QTimer>

namespace Switchboard {

HealthMonitor::HealthMonitor(const Clock &clock, const CoreConfig &config, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_checker(new HealthChecker(clock, this))
    , m_feed(new EventFeed(this))
    , m_interval(new QTimer(this))
{
    connect(m_checker, &HealthChecker::probed, this, &HealthMonitor::onProbed);
    connect(m_feed, &EventFeed::connectionChanged, this, &HealthMonitor::onFeedChanged);
    connect(m_feed, &EventFeed::eventReceived, this, &HealthMonitor::onEvent);
    connect(m_interval, &QTimer::timeout, this, &HealthMonitor::checkAll);
    for (const ModuleInfo &info : ModuleCatalog::all())
        m_states[info.id].snapshot.id = info.id;
    setConfig(config);
}

HealthMonitor::~HealthMonitor() = default;

void HealthMonitor::setConfig(const CoreConfig &config)
{
    m_config = config;
    m_checker->setN8n(config.n8n);
    m_interval->setInterval(config.health.intervalMs);
    for (const ModuleConfig &m : config.modules) {
        State &state = m_states[m.id];
        state.snapshot.enabled = m.enabled;
        state.snapshot.configured = !m.endpoint.isEmpty();
        state.snapshot.endpoint =
            m.endpoint.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment)
                .toDisplayString();
        state.snapshot.timeoutMs = m.callTimeoutMs(config.health.timeoutMs);
        reassess(state);
    }
    if (m_interval->isActive())
        m_feed->subscribe(config.modules);
}

void HealthMonitor::setCredentials(const ModuleCredentials *credentials)
{
    m_checker->setCredentials(credentials);
}

void HealthMonitor::start()
{
    m_feed->subscribe(m_config.modules);
    m_interval->start();
    checkAll();
}

quint64 HealthMonitor::checkAll()
{
    ++m_round;
    m_pending.clear();
    for (const ModuleConfig &m : m_config.modules) {
        if (m.enabled && !m.endpoint.isEmpty()) {
            m_pending.insert(m.id);
            m_checker->probe(m, m_config.health);
        }
    }
    if (m_pending.isEmpty()) {
        // Nothing to ask; the round is over at once, but after the caller has connected.
        const quint64 round = m_round;
        QTimer::singleShot(0, this, [this, round] {
            m_lastRoundFinished = m_clock.now();
            Q_EMIT roundFinished(round);
        });
    }
    return m_round;
}

void HealthMonitor::checkModule(const QString &moduleId)
{
    const ModuleConfig *m = m_config.module(moduleId);
    if (m && m->enabled && !m->endpoint.isEmpty())
        m_checker->probe(*m, m_config.health);
}

void HealthMonitor::setCircuitState(const QString &moduleId, CircuitState state)
{
    auto it = m_states.find(moduleId);
    if (it == m_states.end() || it->snapshot.circuit == state)
        return;
    it->snapshot.circuit = state;
    QList<CircuitTransition> &history = it->snapshot.circuitHistory;
    history.append({m_clock.now(), state});
    if (history.size() > ModuleSnapshot::CircuitHistoryLength)
        history.removeFirst();
    reassess(*it);
}

QList<ModuleSnapshot> HealthMonitor::snapshots() const
{
    QList<ModuleSnapshot> list;
    for (const ModuleInfo &info : ModuleCatalog::all())
        list.append(m_states.value(info.id).snapshot);
    return list;
}

ModuleSnapshot HealthMonitor::snapshot(const QString &moduleId) const
{
    return m_states.value(moduleId).snapshot;
}

void HealthMonitor::onProbed(const QString &moduleId, const HealthProbe &probe)
{
    auto it = m_states.find(moduleId);
    if (it == m_states.end())
        return;
    State &state = *it;
    state.probe = probe;
    ModuleSnapshot &s = state.snapshot;
    s.lastCheck = m_clock.now();
    s.responseMs = probe.outcome == HealthProbe::Outcome::NoAnswer ? -1 : probe.responseMs;
    if (probe.outcome == HealthProbe::Outcome::Answered) {
        s.errors24h = probe.errors24h;
        s.version = probe.version;
        s.uptimeSeconds = probe.uptimeSeconds;
    }
    s.responseHistory.append(s.responseMs);
    if (s.responseHistory.size() > ModuleSnapshot::HistoryLength)
        s.responseHistory.removeFirst();
    if (probe.outcome != HealthProbe::Outcome::Answered)
        qCInfo(lcHealth) << moduleId << "health check failed:" << probe.error;
    reassess(state);
    Q_EMIT checked(s);

    if (m_pending.remove(moduleId) && m_pending.isEmpty()) {
        m_lastRoundFinished = m_clock.now();
        Q_EMIT roundFinished(m_round);
    }
}

void HealthMonitor::onFeedChanged(const QString &moduleId, bool connected)
{
    auto it = m_states.find(moduleId);
    if (it == m_states.end() || it->snapshot.feedConnected == connected)
        return;
    it->snapshot.feedConnected = connected;
    Q_EMIT moduleChanged(it->snapshot);
}

void HealthMonitor::onEvent(const QString &moduleId, const QJsonObject &event)
{
    auto it = m_states.find(moduleId);
    if (it == m_states.end())
        return;
    ++it->snapshot.eventsSeen;
    it->lastActivity = m_clock.now();
    Q_EMIT eventReceived(moduleId, event);
}

void HealthMonitor::reassess(State &state)
{
    ModuleSnapshot &s = state.snapshot;
    const ModuleConfig *m = m_config.module(s.id);
    if (!m)
        return;
    const HealthAssessment next = HealthRules::assess(*m, state.probe, s.circuit, m_config.health,
                                                      m_clock.now(), state.lastActivity);
    QDateTime lastRun = state.probe ? state.probe->lastRun : QDateTime();
    if (state.lastActivity.isValid() && (!lastRun.isValid() || state.lastActivity > lastRun))
        lastRun = state.lastActivity;
    s.lastRun = lastRun;
    if (next.status != s.assessment.status) {
        s.statusSince = m_clock.now();
        qCInfo(lcHealth).noquote() << s.id << "is now" << toWire(next.status) << "-"
                                   << HealthRules::reasonText(next, false);
    }
    s.assessment = next;
    Q_EMIT moduleChanged(s);
}

} // namespace Switchboard
