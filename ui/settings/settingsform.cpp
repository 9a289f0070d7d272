#include "settings/settingsform.h"

#include "common/statusstyle.h"
#include "common/tone.h"
#include "settings/savebar.h"
#include "settings/settingtexts.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QVBoxLayout>

namespace Switchboard {

namespace {

QLabel *mutedLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    Tone::muted(label);
    return label;
}

} // namespace

SettingsForm::SettingsForm(const QStringList &names, QWidget *parent)
    : QWidget(parent)
    , m_bar(new SaveBar(this))
{
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    for (const QString &name : names) {
        const SettingTexts::Text text = SettingTexts::of(name);
        auto *cell = new QWidget(this);
        auto *column = new QVBoxLayout(cell);
        column->setContentsMargins(0, 0, 0, 0);
        column->setSpacing(2);
        auto *edit = new QLineEdit(cell);
        edit->setObjectName(name);
        edit->setAccessibleName(text.label);
        edit->setToolTip(tr("%1 in the env file").arg(name));
        auto *note = mutedLabel(cell);
        note->setText(text.help);
        column->addWidget(edit);
        column->addWidget(note);
        auto *label = new QLabel(text.label, this);
        label->setBuddy(edit);
        form->addRow(label, cell);
        m_rows.append({name, edit, note, text.help, QString()});
        connect(edit, &QLineEdit::textChanged, this, &SettingsForm::updateButtons);
        connect(edit, &QLineEdit::returnPressed, m_bar, &SaveBar::saveClicked);
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_bar);
    layout->addStretch(1);
    connect(m_bar, &SaveBar::saveClicked, this, [this] {
        if (const QJsonObject values = changes(); m_bar->submit(values))
            Q_EMIT changeRequested(values);
    });
    connect(m_bar, &SaveBar::undoClicked, this, [this] {
        for (Row &row : m_rows)
            row.edit->setText(row.value);
    });
    updateButtons();
}

bool SettingsForm::has(const QString &name) const
{
    return field(name) != nullptr;
}

QLineEdit *SettingsForm::field(const QString &name) const
{
    for (const Row &row : m_rows) {
        if (row.name == name)
            return row.edit;
    }
    return nullptr;
}

QString SettingsForm::statusText() const
{
    return m_bar->status();
}

void SettingsForm::setSettings(const QJsonArray &settings)
{
    for (const QJsonValue v : settings) {
        const QJsonObject s = v.toObject();
        for (Row &row : m_rows) {
            if (row.name != s.value(QLatin1String("name")).toString())
                continue;
            const bool untouched = row.edit->text() == row.value;
            row.value = s.value(QLatin1String("value")).toString();
            if (untouched)
                row.edit->setText(row.value);
            QStringList note {row.help};
            const QString lockedBy = s.value(QLatin1String("locked_by")).toString();
            row.edit->setReadOnly(!lockedBy.isEmpty());
            if (!lockedBy.isEmpty())
                note << tr("Set in %1: change it there.").arg(lockedBy);
            if (const QString next = s.value(QLatin1String("next_start")).toString();
                !next.isEmpty())
                note << tr("%1 from the next start.").arg(next);
            else if (!s.value(QLatin1String("live")).toBool())
                note << tr("A change applies from the next start.");
            if (const QString by = s.value(QLatin1String("changed_by")).toString(); !by.isEmpty())
                note << tr("Changed by %1, %2.")
                            .arg(by,
                                 QLocale().toString(
                                     QDateTime::fromString(
                                         s.value(QLatin1String("changed_at")).toString(),
                                         Qt::ISODate)
                                         .toLocalTime(),
                                     QLocale::ShortFormat));
            row.note->setText(note.join(QLatin1Char(' ')));
            Tone::plain(row.edit);
        }
    }
    updateButtons();
}

void SettingsForm::showRefusal(const QString &name, const QString &message)
{
    for (Row &row : m_rows) {
        if (row.name != name)
            continue;
        Tone::refused(row.edit);
        row.edit->setFocus();
        m_bar->setStatus(tr("Not saved: %1").arg(message));
        return;
    }
}

void SettingsForm::showChanged(const QJsonObject &result)
{
    const QJsonArray later = result.value(QLatin1String("at_restart")).toArray();
    m_bar->setStatus(later.isEmpty() ? tr("Saved and in effect.")
                                     : tr("Saved. Some changes apply from the next start."));
}

QJsonObject SettingsForm::changes() const
{
    QJsonObject values;
    for (const Row &row : m_rows) {
        if (!row.edit->isReadOnly() && row.edit->text().trimmed() != row.value)
            values.insert(row.name, row.edit->text().trimmed());
    }
    return values;
}

void SettingsForm::updateButtons()
{
    m_bar->setChanged(!changes().isEmpty());
}

} // namespace Switchboard
