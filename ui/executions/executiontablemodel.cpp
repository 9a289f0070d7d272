#include "executions/executiontablemodel.h"

#include "common/relativetime.h"
#include "common/statusstyle.h"

#include <QDateTime>
#include <QGuiApplication>

namespace Switchboard {

namespace {

qint64 msOf(const QJsonObject &e, const char *key)
{
    const QDateTime t =
        QDateTime::fromString(e.value(QLatin1String(key)).toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

bool isFinal(const QString &status)
{
    return status == QLatin1String("completed") || status == QLatin1String("failed")
        || status == QLatin1String("cancelled");
}

} // namespace

ExecutionTableModel::ExecutionTableModel(const Clock &clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock(clock)
{
}

QString ExecutionTableModel::statusText(const QString &status)
{
    if (status == QLatin1String("running"))
        return tr("▶ Running");
    if (status == QLatin1String("waiting"))
        return tr("‖ Waiting");
    if (status == QLatin1String("completed"))
        return tr("✓ Completed");
    if (status == QLatin1String("failed"))
        return tr("✕ Failed");
    if (status == QLatin1String("cancelled"))
        return tr("– Cancelled");
    return status;
}

QString ExecutionTableModel::originText(const QString &origin)
{
    if (origin == QLatin1String("webhook"))
        return tr("Webhook");
    if (origin == QLatin1String("api"))
        return tr("API");
    if (origin == QLatin1String("event"))
        return tr("Module event");
    if (origin == QLatin1String("schedule"))
        return tr("Schedule");
    if (origin == QLatin1String("retry"))
        return tr("Retry");
    if (origin == QLatin1String("rerun"))
        return tr("Re-run from a step");
    if (origin == QLatin1String("test-run"))
        return tr("Test run");
    return origin.isEmpty() ? tr("Unknown") : origin;
}

QColor ExecutionTableModel::statusColor(const QString &status)
{
    if (status == QLatin1String("completed"))
        return StatusStyle::text(ModuleStatus::Healthy);
    if (status == QLatin1String("failed"))
        return StatusStyle::text(ModuleStatus::Down);
    if (status == QLatin1String("waiting"))
        return StatusStyle::text(ModuleStatus::Degraded);
    if (status == QLatin1String("running"))
        return QGuiApplication::palette().color(QPalette::Link);
    return StatusStyle::text(ModuleStatus::Unknown);
}

void ExecutionTableModel::setWorkflowNames(const QHash<QString, QString> &names)
{
    if (names == m_names)
        return;
    m_names = names;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, WorkflowColumn), index(int(m_rows.size()) - 1, WorkflowColumn));
}

QString ExecutionTableModel::durationText(qint64 ms)
{
    if (ms < 60000)
        return tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', ms < 10000 ? 1 : 0);
    const qint64 minutes = ms / 60000;
    if (minutes < 60)
        return tr("%1 min %2 s").arg(minutes).arg((ms / 1000) % 60);
    if (minutes < 48LL * 60)
        return tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 days").arg(minutes / (24LL * 60));
}

int ExecutionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ExecutionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExecutionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WorkflowColumn:
        return tr("Workflow");
    case StatusColumn:
        return tr("Status");
    case StartedColumn:
        return tr("Started");
    case DurationColumn:
        return tr("Duration");
    case OriginColumn:
        return tr("Started by");
    case ErrorColumn:
        return tr("Why it failed");
    }
    return {};
}

QVariant ExecutionTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const QJsonObject &e = m_rows.at(index.row());
    const QString status = e.value(QLatin1String("status")).toString();
    const qint64 started = msOf(e, "created_at");
    // A finished execution took until its last change; a live one has been going until now.
    const qint64 ended = isFinal(status) ? msOf(e, "updated_at") : m_clock.nowMs();
    switch (role) {
    case ExecutionIdRole:
        return e.value(QLatin1String("id")).toString();
    case StatusRole:
        return status;
    case SearchRole:
        return QStringList {e.value(QLatin1String("id")).toString(),
                            e.value(QLatin1String("workflow_id")).toString(),
                            m_names.value(e.value(QLatin1String("workflow_id")).toString()),
                            e.value(QLatin1String("trace_id")).toString()}
            .join(QLatin1Char(' '));
    case SortRole:
        return index.column() == DurationColumn ? QVariant(ended - started)
            : index.column() == StartedColumn   ? QVariant(started)
                                                : data(index, Qt::DisplayRole);
    case Qt::ForegroundRole:
        return index.column() == StatusColumn ? QVariant(statusColor(status)) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == WorkflowColumn)
            return e.value(QLatin1String("workflow_id")).toString();
        return index.column() == ErrorColumn ? e.value(QLatin1String("error")).toString()
                                             : e.value(QLatin1String("id")).toString();
    case Qt::DisplayRole:
        switch (index.column()) {
        case WorkflowColumn: {
            const QString id = e.value(QLatin1String("workflow_id")).toString();
            return tr("%1 (v%2)")
                .arg(m_names.value(id, id))
                .arg(e.value(QLatin1String("version")).toInt());
        }
        case StatusColumn:
            return statusText(status);
        case StartedColumn:
            return started > 0
                ? relativeTime(QDateTime::fromMSecsSinceEpoch(started, Qt::UTC), m_clock.now())
                : QString();
        case DurationColumn:
            return started > 0 ? durationText(std::max<qint64>(0, ended - started)) : QString();
        case OriginColumn:
            return originText(e.value(QLatin1String("origin")).toString());
        case ErrorColumn:
            return e.value(QLatin1String("error")).toString();
        }
    }
    return {};
}

void ExecutionTableModel::setExecutions(const QJsonArray &executions)
{
    beginResetModel();
    m_rows.clear();
    for (const auto &e : executions)
        m_rows.append(e.toObject());
    endResetModel();
}

int ExecutionTableModel::rowOf(const QString &executionId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).value(QLatin1String("id")).toString() == executionId)
            return i;
    }
    return -1;
}

} // namespace Switchboard
