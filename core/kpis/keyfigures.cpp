#include "kpis/keyfigures.h"

#include "common/clock.h"
#include "common/logging.h"
#include "config/coreconfig.h"
#include "kpis/eventkpis.h"
#include "kpis/kpicollector.h"
#include "kpis/kpidefinitions.h"
#include "kpis/kpihistory.h"

namespace Switchboard {

KeyFigures::KeyFigures(Database &db, const CoreConfig &config, const Clock &clock,
                       std::function<int()> errors24h, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_clock(clock)
    , m_errors24h(std::move(errors24h))
    , m_events(std::make_unique<EventKpis>(db, clock))
    , m_history(std::make_unique<KpiHistory>(db))
    , m_collector(new KpiCollector(clock, this))
{
}

KeyFigures::~KeyFigures() = default;

Status KeyFigures::load()
{
    return m_events->load();
}

void KeyFigures::note(const QString &moduleId, const QJsonObject &event)
{
    m_events->note(moduleId, event);
}

void KeyFigures::aggregate(std::function<void()> done)
{
    const auto finish = [this, done = std::move(done)] {
        keep();
        done();
    };
    const ModuleConfig *analytics = m_config.module(QStringLiteral("07_analytics"));
    if (!analytics || !analytics->enabled || analytics->endpoint.isEmpty()) {
        finish();
        return;
    }
    auto *once = new QObject(this);
    const auto answered = [finish, once] {
        once->deleteLater();
        finish();
    };
    connect(m_collector, &KpiCollector::updated, once, answered);
    connect(m_collector, &KpiCollector::failed, once, answered);
    m_collector->fetch(KpiCollector::urlFor(analytics->endpoint), m_config.health.timeoutMs);
}

void KeyFigures::keep()
{
    const QDateTime now = m_clock.now();
    if (Status saved = m_events->save(); !saved)
        qCWarning(lcService) << "event counts not kept:" << saved.error().message;
    if (Status kept = m_history->record(now, figures()); !kept)
        qCWarning(lcService) << "key figures not kept:" << kept.error().message;
    m_previousWeek = {};
    for (const QString &name : KpiHistory::names()) {
        const auto week = m_history->compare(name, now, 7);
        if (week && week->previousAverage)
            m_previousWeek.insert(name, *week->previousAverage);
    }
}

QJsonObject KeyFigures::figures() const
{
    // One source at a time, so the figures never mix two ways of counting: module 07 where it
    // is set up, else the core's own counts of the modules' events.
    QJsonObject out;
    const ModuleConfig *analytics = m_config.module(QStringLiteral("07_analytics"));
    if (analytics && analytics->enabled && !analytics->endpoint.isEmpty()) {
        const qint64 fresh = 3LL * m_config.health.intervalMs;
        const QDateTime at = m_collector->fetchedAt();
        if (at.isValid() && at.msecsTo(m_clock.now()) <= fresh) {
            const QJsonObject latest = m_collector->latest();
            for (auto it = latest.begin(); it != latest.end(); ++it) {
                if (it.value().isDouble() && KpiDefinition::find(it.key()))
                    out.insert(it.key(), it.value());
            }
        } else {
            // Old figures are not shown as today's: the dashboard says they are unavailable.
            out.insert(QStringLiteral("unavailable"), true);
        }
        out.insert(QStringLiteral("source"), QStringLiteral("07_analytics"));
    } else {
        out = m_events->figures();
        out.insert(QStringLiteral("source"), QStringLiteral("core_events"));
    }
    out.insert(QStringLiteral("errors_24h"), m_errors24h());
    return out;
}

} // namespace Switchboard
