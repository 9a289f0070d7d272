#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>

namespace Switchboard {

// An execution's history as a table: when, what happened in plain words, the step, and the
// details (an error, or the event's data). Rows are read from the JSON as they are shown, so a
// history of 10,000 events costs nothing until it is scrolled through.
class HistoryModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, WhatColumn, StepColumn, DetailsColumn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setHistory(const QJsonArray &history);
    // The steps' names by id, shown instead of the ids where a step has one.
    void setStepNames(const QHash<QString, QString> &names);

    // A history event's type in plain words ("step_failed" → "Step failed").
    static QString eventText(const QString &type);

private:
    QJsonArray m_history;
    QHash<QString, QString> m_names;
};

} // namespace Switchboard
