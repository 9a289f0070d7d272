#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QWidget>

class QFormLayout;
class QLabel;

namespace Switchboard {

// The decision form of one review task, built from the human_review node's field definitions
// (text, multiline, number, boolean, choice, date, datetime), so a new queue needs no new
// code. Fields hidden from this console's role show as such and cannot be edited.
class TaskForm final : public QWidget
{
    Q_OBJECT

public:
    explicit TaskForm(QWidget *parent = nullptr);

    // fields: the task's form.fields.
    void setFields(const QJsonArray &fields);
    // The values as they stand, typed as the engine expects; hidden fields are left out.
    QJsonObject values() const;
    // The first field that is missing or malformed, shown under the form and focused; empty
    // when the form is fine. Required fields may stay empty for a rejection.
    QString validate(bool rejecting);
    // Shows an error the core returned, e.g. for "fields.amount".
    void showError(const QString &field, const QString &message);
    void clearError();
    // Focuses the first editable field (F2).
    void focusFirstField();
    QWidget *editorFor(const QString &name) const;

private:
    struct Field
    {
        QString name;
        QString label;
        QString type;
        bool required = false;
        bool masked = false;
        QWidget *editor = nullptr;
    };
    QString textOf(const Field &f) const;
    void mark(QWidget *editor, bool invalid);

    QFormLayout *m_layout;
    QLabel *m_error;
    QList<Field> m_fields;
};

} // namespace Switchboard
