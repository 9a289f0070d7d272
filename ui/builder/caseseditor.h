#pragma once

#include "builder/formjsoneditor.h"

class QStandardItemModel;
class QTableView;

namespace Switchboard {

class ChoiceDelegate;

// A condition's ways out as rows, tried top to bottom: the way's name, then the test as field,
// comparison and value ("input.score" "≥" "8"). A test that is more than one comparison is kept
// as a whole expression in the field column, with "expression" as its comparison; picking
// "expression" on any row does the same. JSON is one click away.
class CasesEditor final : public FormJsonEditor
{
    Q_OBJECT

public:
    explicit CasesEditor(QWidget *parent = nullptr);

    QStandardItemModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

    // A test split into field, comparison and value; nullopt-like empty field when it is not
    // one simple comparison (then it stays an expression).
    struct Test
    {
        QString field;
        QString op; // ==, !=, >, >=, <, <=; empty: an expression
        QString value; // as written in the expression (numbers bare, text quoted)
    };
    static Test split(const QString &when);
    // The expression of a row: "field op value", the value quoted unless it is a number,
    // true, false or null.
    static QString join(const QString &field, const QString &op, const QString &value);

protected:
    void setFormValue(const QJsonValue &value) override;
    QJsonValue formValue() const override;
    QString formProblem() const override;
    bool fitsForm(const QJsonValue &value) const override { return value.isArray(); }

private:
    void appendCase(const QString &label, const QString &when);
    void moveCurrent(int by);

    QStandardItemModel *m_model;
    QTableView *m_table;
    ChoiceDelegate *m_ops;
};

} // namespace Switchboard
