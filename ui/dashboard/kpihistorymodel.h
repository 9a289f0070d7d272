#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>

namespace Switchboard {

// Module 07's hourly history (time, leads, bookings) as a table; the trend chart reads it
// through QVXYModelMapper, and a table could show the same rows.
class KpiHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, LeadsColumn, BookingsColumn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Same number of rows: values change in place (dataChanged); otherwise the rows are replaced.
    void setHistory(const QJsonArray &history);

private:
    struct Row
    {
        double timeMs = 0;
        double leads = 0;
        double bookings = 0;
        bool operator==(const Row &) const = default;
    };
    QList<Row> m_rows;
};

} // namespace Switchboard
