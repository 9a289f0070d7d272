#pragma once

#include <QJsonValue>
#include <QWidget>

class QHBoxLayout;
class QPlainTextEdit;
class QStackedWidget;
class QToolButton;

namespace Switchboard {

// A setting edited as a form of rows, with its JSON one click away: "JSON" swaps the form for
// the text, and back once the text is valid, so nothing typed is lost either way. Subclasses
// give the form (conditions' cases, payloads); every change is reported by `edited`.
class FormJsonEditor : public QWidget
{
    Q_OBJECT

public:
    void setValue(const QJsonValue &value);
    // The value as the page shown holds it (the JSON page's text, when that is shown and valid).
    QJsonValue value() const;
    // Empty when the value is fine, else what is wrong and where.
    QString problem() const;
    bool showsJson() const;
    // Swaps to the JSON text, or back to the form; going back is refused while the text is not
    // valid JSON of the right shape.
    bool showJson(bool json);

Q_SIGNALS:
    void edited();

protected:
    explicit FormJsonEditor(QWidget *parent);
    // The form page; subclasses set it once, in their constructor.
    void setForm(QWidget *form);
    virtual void setFormValue(const QJsonValue &value) = 0;
    virtual QJsonValue formValue() const = 0;
    virtual QString formProblem() const = 0;
    // Whether the JSON page's value has the shape the form takes (an array, an object).
    virtual bool fitsForm(const QJsonValue &value) const = 0;
    // The row under the form, for the subclass's buttons; "JSON" sits at its right.
    QHBoxLayout *buttons() const { return m_buttons; }
    // Subclasses call this when the form changed.
    void formEdited();
    bool loading() const { return m_loading; }
    // The first row of a column of names that is empty (`missing`, %1 the row's number) or
    // repeats another (`twice`, %1 the name); empty when each row has its own name.
    static QString namingProblem(const QStringList &names, const QString &missing,
                                 const QString &twice);

private:
    QJsonValue jsonPageValue(QString *problem) const;

    QStackedWidget *m_pages;
    QPlainTextEdit *m_json;
    QToolButton *m_toggle;
    QHBoxLayout *m_buttons;
    bool m_loading = false;
};

} // namespace Switchboard
