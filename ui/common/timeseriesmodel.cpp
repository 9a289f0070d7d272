#include "common/timeseriesmodel.h"

#include <QLocale>
#include <cmath>

namespace Switchboard {

TimeSeriesModel::TimeSeriesModel(const QStringList &seriesNames, QObject *parent)
    : QAbstractTableModel(parent)
    , m_names(seriesNames)
{
}

int TimeSeriesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TimeSeriesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_names.size()) + 1;
}

QVariant TimeSeriesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Point &p = m_rows.at(index.row());
    // Numbers for the chart's model mapper, which reads the display role; people read the time
    // in the tooltip.
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        if (index.column() == 0)
            return double(p.at.toMSecsSinceEpoch());
        return p.values.value(index.column() - 1, std::nan(""));
    }
    if (role == Qt::ToolTipRole)
        return QLocale().toString(p.at.toLocalTime(), QLocale::ShortFormat);
    return {};
}

QVariant TimeSeriesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == 0 ? tr("Time") : m_names.value(section - 1);
}

void TimeSeriesModel::setSeriesNames(const QStringList &names)
{
    if (names == m_names)
        return;
    beginResetModel();
    m_names = names;
    endResetModel();
}

void TimeSeriesModel::setMaxPoints(int maxPoints)
{
    maxPoints = std::max(maxPoints, 4);
    if (maxPoints == m_maxPoints)
        return;
    m_maxPoints = maxPoints;
    setPoints(m_all);
}

QList<TimeSeriesModel::Point> TimeSeriesModel::reduced() const
{
    if (m_all.size() <= m_maxPoints)
        return m_all;
    // Buckets of equal count; from each, the points holding the first series' lowest and
    // highest value, in time order.
    const int buckets = m_maxPoints / 2;
    const double width = double(m_all.size()) / buckets;
    QList<Point> out;
    out.reserve(qsizetype(buckets) * 2);
    for (int b = 0; b < buckets; ++b) {
        const qsizetype from = qsizetype(b * width);
        const qsizetype to = std::min<qsizetype>(qsizetype((b + 1) * width), m_all.size());
        qsizetype low = from;
        qsizetype high = from;
        for (qsizetype i = from; i < to; ++i) {
            const double v = m_all.at(i).values.value(0);
            if (v < m_all.at(low).values.value(0))
                low = i;
            if (v > m_all.at(high).values.value(0))
                high = i;
        }
        out.append(m_all.at(std::min(low, high)));
        if (low != high)
            out.append(m_all.at(std::max(low, high)));
    }
    return out;
}

void TimeSeriesModel::setPoints(const QList<Point> &points)
{
    m_all = points;
    const QList<Point> rows = reduced();
    if (rows.size() != m_rows.size()) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rows.at(i) == m_rows.at(i))
            continue;
        m_rows[i] = rows.at(i);
        Q_EMIT dataChanged(index(int(i), 0), index(int(i), columnCount() - 1));
    }
}

std::pair<double, double> TimeSeriesModel::valueRange() const
{
    bool any = false;
    double low = 0;
    double high = 0;
    for (const Point &p : m_rows) {
        for (double v : p.values) {
            if (std::isnan(v))
                continue;
            low = any ? std::min(low, v) : v;
            high = any ? std::max(high, v) : v;
            any = true;
        }
    }
    return {low, high};
}

std::pair<qint64, qint64> TimeSeriesModel::timeRange() const
{
    if (m_rows.isEmpty())
        return {0, 0};
    return {m_rows.first().at.toMSecsSinceEpoch(), m_rows.last().at.toMSecsSinceEpoch()};
}

} // namespace Switchboard
