#include "dashboard/kpihistorymodel.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLocale>

namespace Switchboard {

int KpiHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int KpiHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KpiHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    // Numbers, for the chart's model mapper (which reads the display role); the time as
    // people read it is in the tooltip.
    if (role == Qt::DisplayRole || role == Qt::EditRole)
        return index.column() == TimeColumn ? r.timeMs
            : index.column() == LeadsColumn ? r.leads
                                            : r.bookings;
    if (role == Qt::ToolTipRole)
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(qint64(r.timeMs)).toLocalTime(),
                                  QLocale::ShortFormat);
    return {};
}

QVariant KpiHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Hour");
    case LeadsColumn:
        return tr("Leads");
    case BookingsColumn:
        return tr("Bookings");
    }
    return {};
}

void KpiHistoryModel::setHistory(const QJsonArray &history)
{
    QList<Row> rows;
    for (const QJsonValue &v : history) {
        const QJsonObject o = v.toObject();
        const QDateTime t =
            QDateTime::fromString(o.value(QLatin1String("ts")).toString(), Qt::ISODate);
        if (t.isValid())
            rows.append({double(t.toMSecsSinceEpoch()), o.value(QLatin1String("leads")).toDouble(),
                         o.value(QLatin1String("bookings")).toDouble()});
    }
    if (rows.size() != m_rows.size()) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    for (int i = 0; i < rows.size(); ++i) {
        if (rows.at(i) == m_rows.at(i))
            continue;
        m_rows[i] = rows.at(i);
        Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
    }
}

} // namespace Switchboard
