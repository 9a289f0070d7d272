#include "dashboard/moduletablemodel.h"

#include "common/relativetime.h"
#include "common/statusstyle.h"
#include "modules/modulecatalog.h"

#include <QLocale>
#include <QTimer>

namespace Switchboard {

ModuleTableModel::ModuleTableModel(const Clock &clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock(clock)
    , m_coalesce(new QTimer(this))
{
    for (const ModuleInfo &info : ModuleCatalog::all()) {
        ModuleSnapshot s;
        s.id = info.id;
        m_rows.append(s);
    }
    m_coalesce->setSingleShot(true);
    m_coalesce->setInterval(CoalesceMs);
    connect(m_coalesce, &QTimer::timeout, this, &ModuleTableModel::flush);
}

int ModuleTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ModuleTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ModuleTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ModuleSnapshot &s = m_rows.at(index.row());
    switch (role) {
    case SnapshotRole:
        return QVariant::fromValue(s);
    case ModuleIdRole:
        return s.id;
    case StatusRole:
        return int(s.status());
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: {
            const ModuleInfo *info = ModuleCatalog::find(s.id);
            return info
                ? info->numberText() + QStringLiteral("  ") + ModuleCatalog::displayName(s.id)
                : s.id;
        }
        case StatusColumn:
            return StatusStyle::mark(s.status()) + QLatin1Char(' ') + StatusStyle::word(s.status());
        case ResponseColumn:
            return responseText(s.responseMs);
        case ErrorsColumn:
            // Not known while the module does not answer: the last count would look current.
            return s.responseMs < 0 ? QStringLiteral("—") : QLocale().toString(s.errors24h);
        case LastRunColumn:
            return relativeTime(s.lastRun, m_clock.now());
        case FeedColumn:
            return s.feedConnected ? tr("Live") : tr("Disconnected");
        case ReasonColumn:
            return HealthRules::reasonText(s.assessment, true);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == LastRunColumn && s.lastRun.isValid())
            return QLocale().toString(s.lastRun.toLocalTime(), QLocale::LongFormat);
        return HealthRules::reasonText(s.assessment, true);
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn)
            return StatusStyle::text(s.status());
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ResponseColumn || index.column() == ErrorsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant ModuleTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Module");
    case StatusColumn:
        return tr("Status");
    case ResponseColumn:
        return tr("Response");
    case ErrorsColumn:
        return tr("Errors (24 h)");
    case LastRunColumn:
        return tr("Last run");
    case FeedColumn:
        return tr("Event feed");
    case ReasonColumn:
        return tr("Why");
    }
    return {};
}

QString ModuleTableModel::figuresText(const ModuleSnapshot &s, const QDateTime &now)
{
    if (!s.enabled)
        return tr("Switched off in the settings");
    if (!s.lastCheck.isValid())
        return tr("Not checked yet");
    if (s.responseMs < 0)
        return s.statusSince.isValid()
            ? tr("No answer for %1").arg(elapsedText(s.statusSince.secsTo(now)))
            : tr("No answer");
    const QString errors = s.errors24h == 1
        ? tr("1 error in 24 h")
        : tr("%1 errors in 24 h").arg(QLocale().toString(s.errors24h));
    return tr("%1 · %2 · last run %3")
        .arg(responseText(s.responseMs), errors, relativeTime(s.lastRun, now));
}

QString ModuleTableModel::responseText(int responseMs)
{
    if (responseMs < 0)
        return tr("no answer");
    if (responseMs == 0)
        return tr("< 1 ms");
    return tr("%1 ms").arg(QLocale().toString(responseMs));
}

void ModuleTableModel::updateModule(const ModuleSnapshot &snapshot)
{
    m_pending.insert(snapshot.id, snapshot);
    if (!m_coalesce->isActive())
        m_coalesce->start();
}

void ModuleTableModel::flush()
{
    m_coalesce->stop();
    const auto pending = std::exchange(m_pending, {});
    for (auto it = pending.begin(); it != pending.end(); ++it) {
        const int row = rowOf(it.key());
        if (row < 0)
            continue;
        m_rows[row] = it.value();
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

int ModuleTableModel::rowOf(const QString &moduleId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == moduleId)
            return i;
    }
    return -1;
}

} // namespace Switchboard
