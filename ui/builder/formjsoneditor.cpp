#include "builder/formjsoneditor.h"

#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace Switchboard {

FormJsonEditor::FormJsonEditor(QWidget *parent)
    : QWidget(parent)
    , m_pages(new QStackedWidget(this))
    , m_json(new QPlainTextEdit(this))
    , m_toggle(new QToolButton(this))
    , m_buttons(new QHBoxLayout)
{
    m_json->setObjectName(QStringLiteral("jsonText"));
    m_json->setTabChangesFocus(true);
    m_json->setMinimumHeight(fontMetrics().lineSpacing() * 6);
    m_pages->addWidget(m_json);
    m_toggle->setObjectName(QStringLiteral("jsonToggle"));
    m_toggle->setText(tr("JSON"));
    m_toggle->setCheckable(true);
    m_toggle->setToolTip(tr("Edit this setting as JSON text, or go back to the form"));
    connect(m_toggle, &QToolButton::clicked, this, [this](bool json) {
        if (!showJson(json))
            m_toggle->setChecked(true); // the text stays until it is valid
    });
    connect(m_json, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading)
            Q_EMIT edited();
    });
    m_buttons->setContentsMargins(0, 0, 0, 0);
    m_buttons->addStretch(1);
    m_buttons->addWidget(m_toggle);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_pages);
    layout->addLayout(m_buttons);
}

void FormJsonEditor::setForm(QWidget *form)
{
    m_pages->insertWidget(0, form);
    m_pages->setCurrentIndex(0);
}

void FormJsonEditor::setValue(const QJsonValue &value)
{
    m_loading = true;
    setFormValue(value);
    if (showsJson())
        m_json->setPlainText(QString::fromUtf8(
            value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)
                            : QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented)));
    m_loading = false;
}

QJsonValue FormJsonEditor::value() const
{
    if (!showsJson())
        return formValue();
    QString problem;
    return jsonPageValue(&problem);
}

QString FormJsonEditor::problem() const
{
    if (!showsJson())
        return formProblem();
    QString problem;
    (void)jsonPageValue(&problem);
    return problem;
}

bool FormJsonEditor::showsJson() const
{
    return m_pages->currentWidget() == m_json;
}

QJsonValue FormJsonEditor::jsonPageValue(QString *problem) const
{
    const QString text = m_json->toPlainText().trimmed();
    if (text.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        *problem = tr("Not valid JSON yet: %1 (at character %2)")
                       .arg(error.errorString())
                       .arg(error.offset);
        return QJsonValue(QJsonValue::Undefined);
    }
    QJsonValue value = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    if (!fitsForm(value))
        *problem = doc.isArray() ? tr("This setting is an object ({ … }), not a list.")
                                 : tr("This setting is a list ([ … ]), not an object.");
    return value;
}

bool FormJsonEditor::showJson(bool json)
{
    if (json == showsJson())
        return true;
    if (json) {
        const QJsonValue value = formValue();
        m_loading = true;
        m_json->setPlainText(QString::fromUtf8(
            value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)
                            : QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented)));
        m_loading = false;
        m_pages->setCurrentWidget(m_json);
        m_toggle->setChecked(true);
        return true;
    }
    QString problem;
    const QJsonValue value = jsonPageValue(&problem);
    if (!problem.isEmpty())
        return false;
    m_loading = true;
    setFormValue(value);
    m_loading = false;
    m_pages->setCurrentIndex(0);
    m_toggle->setChecked(false);
    return true;
}

QString FormJsonEditor::namingProblem(const QStringList &names, const QString &missing,
                                      const QString &twice)
{
    for (qsizetype r = 0; r < names.size(); ++r) {
        if (names.at(r).isEmpty())
            return missing.arg(r + 1);
        if (names.indexOf(names.at(r)) < r)
            return twice.arg(names.at(r));
    }
    return {};
}

void FormJsonEditor::formEdited()
{
    if (!m_loading)
        Q_EMIT edited();
}

} // namespace Switchboard
