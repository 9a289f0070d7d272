#include "executions/deadlettermodel.h"

#include "common/relativetime.h"
#include "common/statusstyle.h"
#include "modules/modulecatalog.h"

#include <QColor>
#include <QDateTime>

namespace Switchboard {

DeadLetterModel::DeadLetterModel(const Clock &clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock(clock)
{
}

int DeadLetterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DeadLetterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DeadLetterModel::statusText(const QString &status)
{
    if (status == QLatin1String("pending"))
        return tr("! Waiting");
    if (status == QLatin1String("replaying"))
        return tr("↻ Being sent");
    if (status == QLatin1String("replayed"))
        return tr("✓ Sent again");
    if (status == QLatin1String("discarded"))
        return tr("– Set aside");
    return status;
}

QVariant DeadLetterModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const QJsonObject &l = m_rows.at(index.row());
    const QString status = l.value(QLatin1String("status")).toString();
    switch (role) {
    case LetterIdRole:
        return l.value(QLatin1String("id")).toString();
    case ExecutionIdRole:
        return l.value(QLatin1String("execution_id")).toString();
    case StatusRole:
        return status;
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn && status == QLatin1String("pending"))
            return StatusStyle::text(ModuleStatus::Degraded);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == ErrorColumn)
            return l.value(QLatin1String("error")).toString();
        if (index.column() == StatusColumn && status == QLatin1String("discarded"))
            return tr("Why: %1").arg(l.value(QLatin1String("reason")).toString());
        if (index.column() == ExecutionColumn)
            return tr("Open the execution");
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case ModuleColumn:
        return ModuleCatalog::displayName(l.value(QLatin1String("module")).toString());
    case ActionColumn:
        return l.value(QLatin1String("action")).toString();
    case ErrorColumn:
        return l.value(QLatin1String("error")).toString();
    case AttemptsColumn:
        return l.value(QLatin1String("attempts")).toInt();
    case AgeColumn:
        return relativeTime(QDateTime::fromString(l.value(QLatin1String("created_at")).toString(),
                                                  Qt::ISODateWithMs),
                            QDateTime::fromMSecsSinceEpoch(m_clock.nowMs()));
    case StatusColumn:
        return statusText(status);
    case ExecutionColumn:
        return l.value(QLatin1String("execution_id")).toString();
    default:
        return {};
    }
}

QVariant DeadLetterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ModuleColumn:
        return tr("Module");
    case ActionColumn:
        return tr("Action");
    case ErrorColumn:
        return tr("What went wrong");
    case AttemptsColumn:
        return tr("Attempts");
    case AgeColumn:
        return tr("Failed");
    case StatusColumn:
        return tr("Status");
    case ExecutionColumn:
        return tr("Execution");
    default:
        return {};
    }
}

void DeadLetterModel::setLetters(const QJsonArray &letters)
{
    beginResetModel();
    m_rows.clear();
    for (const QJsonValue v : letters)
        m_rows.append(v.toObject());
    endResetModel();
}

int DeadLetterModel::rowOf(const QString &letterId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).value(QLatin1String("id")).toString() == letterId)
            return i;
    }
    return -1;
}

QStringList DeadLetterModel::pendingIds() const
{
    QStringList ids;
    for (const QJsonObject &l : m_rows) {
        if (l.value(QLatin1String("status")).toString() == QLatin1String("pending"))
            ids << l.value(QLatin1String("id")).toString();
    }
    return ids;
}

} // namespace Switchboard
