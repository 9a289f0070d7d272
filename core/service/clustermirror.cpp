#include "service/clustermirror.h"

#include "common/clock.h"
#include "common/logging.h"
#include "remote/snapshotjson.h"
#include "store/database.h"

#include <QJsonDocument>
#include <QTimer>
#include <algorithm>

namespace Switchboard {

namespace {

// The key figures' row and when the last round of checks ended, beside the modules' (whose
// ids start with their number).
const QString FiguresRow = QStringLiteral("key-figures");

} // namespace

ClusterMirror::ClusterMirror(Database &db, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &ClusterMirror::read);
}

Status ClusterMirror::publish(const ModuleSnapshot &snapshot)
{
    return put(snapshot.id, SnapshotJson::toJson(snapshot));
}

Status ClusterMirror::publishRound(const QJsonObject &figures, const QJsonObject &previousWeek,
                                   const QDateTime &lastCheck)
{
    return put(FiguresRow,
               {{QStringLiteral("figures"), figures},
                {QStringLiteral("previous_week"), previousWeek},
                {QStringLiteral("last_check"), lastCheck.toMSecsSinceEpoch()}});
}

Status ClusterMirror::put(const QString &row, const QJsonObject &json)
{
    auto r = m_db.run(
        QStringLiteral("INSERT INTO cluster_modules (module, snapshot, updated_at) VALUES (?, ?, "
                       "?) ON CONFLICT (module) DO UPDATE SET snapshot = excluded.snapshot, "
                       "updated_at = excluded.updated_at"),
        {row, QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)),
         m_clock.nowMs()});
    return r ? Status(Ok {}) : Status(r.error());
}

void ClusterMirror::follow()
{
    read();
    m_timer->start(FollowMs);
}

void ClusterMirror::stop()
{
    m_timer->stop();
}

bool ClusterMirror::following() const
{
    return m_timer->isActive();
}

QList<ModuleSnapshot> ClusterMirror::modules() const
{
    QStringList ids = m_modules.keys();
    std::sort(ids.begin(), ids.end());
    QList<ModuleSnapshot> out;
    for (const QString &id : std::as_const(ids))
        out.append(SnapshotJson::moduleFromJson(m_modules.value(id)));
    return out;
}

void ClusterMirror::read()
{
    auto rows = m_db.exec(QStringLiteral("SELECT module, snapshot FROM cluster_modules"));
    if (!rows) {
        qCWarning(lcService) << "cannot read the modules as the other core sees them:"
                             << rows.error().message;
        return;
    }
    while (rows->next()) {
        const QString id = rows->value(0).toString();
        const QJsonObject json = QJsonDocument::fromJson(rows->value(1).toByteArray()).object();
        if (id == FiguresRow) {
            m_figures = json.value(QLatin1String("figures")).toObject();
            m_previousWeek = json.value(QLatin1String("previous_week")).toObject();
            m_lastCheck = json.contains(QLatin1String("last_check"))
                ? QDateTime::fromMSecsSinceEpoch(
                    json.value(QLatin1String("last_check")).toInteger(), Qt::UTC)
                : QDateTime();
            continue;
        }
        if (m_modules.value(id) == json)
            continue;
        m_modules.insert(id, json);
        Q_EMIT moduleChanged(SnapshotJson::moduleFromJson(json));
    }
    Q_EMIT refreshed();
}

} // namespace Switchboard
