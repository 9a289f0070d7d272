#pragma once

#include "common/clock.h"
#include "health/modulesnapshot.h"

#include <QAbstractTableModel>
#include <QHash>

class QTimer;

namespace Switchboard {

// The nine modules as rows. Feeds the dashboard tiles (column 0 with SnapshotRole) and the
// Modules table (all columns). Updates arriving from the core are coalesced: rows change at
// most every CoalesceMs, with one dataChanged per changed row, never a reset.
class ModuleTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        StatusColumn,
        ResponseColumn,
        ErrorsColumn,
        LastRunColumn,
        FeedColumn,
        ReasonColumn,
        ColumnCount
    };
    enum Role { SnapshotRole = Qt::UserRole + 1, ModuleIdRole, StatusRole };

    explicit ModuleTableModel(const Clock &clock, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Queues a snapshot; applied on the next coalescing tick.
    void updateModule(const Switchboard::ModuleSnapshot &snapshot);
    // Applies queued snapshots now (tests, screenshots).
    void flush();
    int rowOf(const QString &moduleId) const;
    const ModuleSnapshot &snapshotAt(int row) const { return m_rows.at(row); }
    const Clock &clock() const { return m_clock; }

    // "12 ms", "< 1 ms" or "no answer" (-1).
    static QString responseText(int responseMs);
    // A module's figures on one line: "21 ms · 0 errors in 24 h · last run 3 min ago"; for a
    // module that does not answer, how long it has not ("No answer for 12 min").
    static QString figuresText(const ModuleSnapshot &snapshot, const QDateTime &now);

    static constexpr int CoalesceMs = 100;

private:
    const Clock &m_clock;
    QList<ModuleSnapshot> m_rows;
    QHash<QString, ModuleSnapshot> m_pending;
    QTimer *m_coalesce;
};

} // namespace Switchboard
