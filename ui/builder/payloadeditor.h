#pragma once

#include "builder/formjsoneditor.h"

class QStandardItemModel;
class QTableView;

namespace Switchboard {

class CompletingDelegate;

// What a step sends (a module call's payload, a Set step's values, an End step's output) as
// rows of name and value. A value is text with templates ("{{ input.patient_id }}"), offered as
// you type from the workflow's input and the steps' outputs of the last test run; a number,
// true/false or a JSON object typed as such keeps its type. JSON is one click away.
class PayloadEditor final : public FormJsonEditor
{
    Q_OBJECT

public:
    explicit PayloadEditor(QWidget *parent = nullptr);

    QStandardItemModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    // The paths templates can read ("input.patient_id", "steps.book.output.slot").
    void setSuggestions(const QStringList &paths);
    QStringList suggestions() const;

    // A cell's text as the value it stands for: JSON when it reads as a number, true, false,
    // null, an object or a list; text otherwise.
    static QJsonValue valueOf(const QString &text);
    static QString textOf(const QJsonValue &value);

protected:
    void setFormValue(const QJsonValue &value) override;
    QJsonValue formValue() const override;
    QString formProblem() const override;
    bool fitsForm(const QJsonValue &value) const override { return value.isObject(); }

private:
    void appendField(const QString &name, const QJsonValue &value);

    QStandardItemModel *m_model;
    QTableView *m_table;
    CompletingDelegate *m_values;
};

} // namespace Switchboard
