#include "review/taskform.h"

#include "common/statusstyle.h"
#include "common/tone.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDateTime>
#include <QDoubleValidator>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace Switchboard {

TaskForm::TaskForm(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QFormLayout)
    , m_error(new QLabel(this))
{
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_layout->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_error->setObjectName(QStringLiteral("formError"));
    m_error->setWordWrap(true);
    Tone::status(m_error, ModuleStatus::Down);
    m_error->hide();
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addLayout(m_layout);
    outer->addWidget(m_error);
}

void TaskForm::setFields(const QJsonArray &fields)
{
    while (m_layout->rowCount() > 0)
        m_layout->removeRow(0);
    m_fields.clear();
    clearError();
    for (const auto &v : fields) {
        const QJsonObject f = v.toObject();
        Field field {f.value(QLatin1String("name")).toString(),
                     f.value(QLatin1String("label")).toString(),
                     f.value(QLatin1String("type")).toString(QStringLiteral("text")),
                     f.value(QLatin1String("required")).toBool(),
                     f.value(QLatin1String("masked")).toBool(),
                     nullptr};
        if (field.label.isEmpty())
            field.label = field.name;
        const QJsonValue value = f.value(QLatin1String("value"));
        if (field.masked) {
            auto *hidden = new QLineEdit(tr("••• hidden for your role"), this);
            hidden->setReadOnly(true);
            field.editor = hidden;
        } else if (field.type == QLatin1String("multiline")) {
            auto *edit = new QPlainTextEdit(value.toString(), this);
            edit->setTabChangesFocus(true);
            edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 5);
            field.editor = edit;
        } else if (field.type == QLatin1String("boolean")) {
            auto *box = new QCheckBox(this);
            box->setChecked(value.toBool());
            field.editor = box;
        } else if (field.type == QLatin1String("choice")) {
            auto *combo = new QComboBox(this);
            combo->addItem(tr("— choose —"), QString());
            for (const auto &o : f.value(QLatin1String("options")).toArray())
                combo->addItem(o.toString(), o.toString());
            combo->setCurrentIndex(std::max(0, combo->findData(value.toString())));
            field.editor = combo;
        } else {
            auto *edit = new QLineEdit(this);
            if (field.type == QLatin1String("number")) {
                edit->setText(value.isDouble() ? QString::number(value.toDouble())
                                               : value.toString());
                edit->setPlaceholderText(tr("a number"));
            } else if (field.type == QLatin1String("date")) {
                edit->setText(value.toString());
                edit->setPlaceholderText(tr("YYYY-MM-DD"));
            } else if (field.type == QLatin1String("datetime")) {
                edit->setText(value.toString());
                edit->setPlaceholderText(tr("YYYY-MM-DD HH:MM"));
            } else {
                edit->setText(value.toString());
            }
            field.editor = edit;
        }
        field.editor->setObjectName(QStringLiteral("field_") + field.name);
        field.editor->setAccessibleName(field.label);
        QWidget *row = field.editor;
        // How sure the machine that filled it was: a number, a mark and a colour.
        const QJsonValue confidence = f.value(QLatin1String("confidence"));
        if (confidence.isDouble() && !field.masked) {
            const double c = confidence.toDouble();
            const ModuleStatus look = c < 0.6 ? ModuleStatus::Down
                : c < 0.8                     ? ModuleStatus::Degraded
                                              : ModuleStatus::Healthy;
            auto *sure = new QLabel(
                QStringLiteral("%1 %2 %").arg(StatusStyle::mark(look)).arg(qRound(c * 100)), this);
            sure->setObjectName(QStringLiteral("confidence_") + field.name);
            sure->setToolTip(tr("How sure the reading was: %1 %").arg(qRound(c * 100)));
            Tone::status(sure, look);
            auto *box = new QWidget(this);
            auto *h = new QHBoxLayout(box);
            h->setContentsMargins(0, 0, 0, 0);
            h->addWidget(field.editor, 1);
            h->addWidget(sure);
            row = box;
        }
        m_layout->addRow(field.required ? tr("%1 *").arg(field.label) : field.label, row);
        m_fields.append(field);
    }
}

QString TaskForm::textOf(const Field &f) const
{
    if (auto *edit = qobject_cast<QLineEdit *>(f.editor))
        return edit->text().trimmed();
    if (auto *edit = qobject_cast<QPlainTextEdit *>(f.editor))
        return edit->toPlainText().trimmed();
    if (auto *combo = qobject_cast<QComboBox *>(f.editor))
        return combo->currentData().toString();
    return {};
}

QJsonObject TaskForm::values() const
{
    QJsonObject out;
    for (const Field &f : m_fields) {
        if (f.masked)
            continue;
        if (auto *box = qobject_cast<QCheckBox *>(f.editor)) {
            out.insert(f.name, box->isChecked());
            continue;
        }
        const QString text = textOf(f);
        if (f.type == QLatin1String("number") && !text.isEmpty()) {
            bool ok = false;
            const double n = QLocale().toDouble(text, &ok);
            out.insert(f.name, ok ? QJsonValue(n) : QJsonValue(text.toDouble(&ok)));
            if (!ok)
                out.insert(f.name, text); // the engine names it as not a number
            continue;
        }
        if (f.type == QLatin1String("datetime") && !text.isEmpty()) {
            const QDateTime t = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm"));
            out.insert(f.name, t.isValid() ? t.toString(Qt::ISODate) : text);
            continue;
        }
        out.insert(f.name, text);
    }
    return out;
}

void TaskForm::mark(QWidget *editor, bool invalid)
{
    editor->setStyleSheet(invalid ? QStringLiteral("border: 2px solid %1;")
                                        .arg(StatusStyle::text(ModuleStatus::Down).name())
                                  : QString());
}

QString TaskForm::validate(bool rejecting)
{
    clearError();
    for (const Field &f : std::as_const(m_fields)) {
        if (f.masked || qobject_cast<QCheckBox *>(f.editor))
            continue;
        const QString text = textOf(f);
        QString problem;
        if (text.isEmpty()) {
            if (f.required && !rejecting)
                problem = tr("%1 is required.").arg(f.label);
        } else if (f.type == QLatin1String("number")) {
            bool ok = false;
            QLocale().toDouble(text, &ok);
            if (!ok)
                text.toDouble(&ok);
            if (!ok)
                problem = tr("%1 must be a number.").arg(f.label);
        } else if (f.type == QLatin1String("date")
                   && !QDate::fromString(text, Qt::ISODate).isValid()) {
            problem = tr("%1 must be a date like 2026-03-14.").arg(f.label);
        } else if (f.type == QLatin1String("datetime")
                   && !QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm")).isValid()
                   && !QDateTime::fromString(text, Qt::ISODate).isValid()) {
            problem = tr("%1 must be a date and time like 2026-03-14 09:30.").arg(f.label);
        }
        if (!problem.isEmpty()) {
            showError(f.name, problem);
            return problem;
        }
    }
    return {};
}

void TaskForm::showError(const QString &field, const QString &message)
{
    const QString name = field.startsWith(QLatin1String("fields.")) ? field.mid(7) : field;
    for (const Field &f : std::as_const(m_fields)) {
        if (f.name == name) {
            mark(f.editor, true);
            f.editor->setFocus();
        }
    }
    m_error->setText(message);
    m_error->show();
}

void TaskForm::clearError()
{
    for (const Field &f : std::as_const(m_fields))
        mark(f.editor, false);
    m_error->clear();
    m_error->hide();
}

void TaskForm::focusFirstField()
{
    for (const Field &f : std::as_const(m_fields)) {
        if (!f.masked) {
            f.editor->setFocus();
            if (auto *edit = qobject_cast<QLineEdit *>(f.editor))
                edit->selectAll();
            return;
        }
    }
}

QWidget *TaskForm::editorFor(const QString &name) const
{
    for (const Field &f : m_fields) {
        if (f.name == name)
            return f.editor;
    }
    return nullptr;
}

} // namespace Switchboard
