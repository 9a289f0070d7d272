#pragma once

#include <QJsonArray>
#include <QWidget>

class QStandardItemModel;
class QTableView;

namespace Switchboard {

// The form of a human-review step as a small table, a field a row: name, label, type, required,
// patient data (PHI), and the value it starts with (a template). Add and remove rows with the
// buttons; every change that leaves the form valid is reported with the whole list.
class ReviewFieldsEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit ReviewFieldsEditor(QWidget *parent = nullptr);

    void setFields(const QJsonArray &fields);
    QJsonArray fields() const;
    // Empty when the form is fine, else what is wrong and where.
    QString problem() const;
    QStandardItemModel *model() const { return m_model; }

    static QStringList types();

Q_SIGNALS:
    void edited();

private:
    void appendRow(const QJsonObject &field);

    QStandardItemModel *m_model;
    QTableView *m_table;
    bool m_loading = false;
    QJsonArray m_original; // keeps settings the table does not show (options, confidence)
};

} // namespace Switchboard
