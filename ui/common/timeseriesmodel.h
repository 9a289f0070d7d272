#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QStringList>

namespace Switchboard {

// Points in time with one or more values each (column 0: time in ms since the epoch, then one
// column per series), for charts through QVXYModelMapper and for tables. Long series are
// reduced to at most maxPoints() rows, keeping each bucket's lowest and highest value, so that
// a chart draws no more points than it has pixels and no peak disappears.
class TimeSeriesModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    struct Point
    {
        QDateTime at;
        QList<double> values; // one per series; NaN: no value
        bool operator==(const Point &) const = default;
    };

    explicit TimeSeriesModel(const QStringList &seriesNames, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Same number of rows after reduction: values change in place (dataChanged); otherwise the
    // rows are replaced in one reset.
    void setPoints(const QList<Point> &points);
    void setSeriesNames(const QStringList &names);
    QStringList seriesNames() const { return m_names; }
    void setMaxPoints(int maxPoints);
    int maxPoints() const { return m_maxPoints; }

    // The range of the values (all series) and of the time; empty model: {0, 0}.
    std::pair<double, double> valueRange() const;
    std::pair<qint64, qint64> timeRange() const;

private:
    QList<Point> reduced() const;

    QStringList m_names;
    QList<Point> m_all;
    QList<Point> m_rows;
    int m_maxPoints = 2000;
};

} // namespace Switchboard
