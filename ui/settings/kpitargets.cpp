#include "settings/kpitargets.h"

#include "kpis/kpidefinitions.h"
#include "settings/savebar.h"

#include <QGridLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QVBoxLayout>

namespace Switchboard {

namespace {

QString unitText(const KpiDefinition &d)
{
    switch (d.unit) {
    case KpiDefinition::Unit::Money:
        return KpiTargets::tr("US dollars");
    case KpiDefinition::Unit::Percent:
        return QStringLiteral("%");
    case KpiDefinition::Unit::Score:
        return KpiTargets::tr("0 to 10");
    case KpiDefinition::Unit::Count:
        break;
    }
    return {};
}

} // namespace

KpiTargets::KpiTargets(QWidget *parent)
    : QWidget(parent)
    , m_bar(new SaveBar(this))
{
    auto *help = new QLabel(tr("Leave a box empty for no target. A figure outside its targets "
                               "shows on its card and raises a warning."),
                            this);
    help->setWordWrap(true);
    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("At least"), this), 0, 1);
    grid->addWidget(new QLabel(tr("At most"), this), 0, 2);
    int row = 1;
    for (const KpiDefinition &d : KpiDefinition::all()) {
        auto *title = new QLabel(d.translatedTitle(), this);
        title->setToolTip(d.translatedMeaning());
        grid->addWidget(title, row, 0);
        const bool percent = d.unit == KpiDefinition::Unit::Percent;
        int column = 1;
        for (const char *bound : {"min_", "max_"}) {
            auto *edit = new QLineEdit(this);
            const QString key = QLatin1String(bound) + QLatin1String(d.threshold);
            edit->setObjectName(key);
            edit->setAccessibleName(QStringLiteral("%1 %2").arg(
                d.translatedTitle(), column == 1 ? tr("at least") : tr("at most")));
            edit->setPlaceholderText(tr("no target"));
            edit->setMaximumWidth(140);
            connect(edit, &QLineEdit::textChanged, this, &KpiTargets::updateButtons);
            m_fields.append({key, percent, edit});
            grid->addWidget(edit, row, column++);
        }
        grid->addWidget(new QLabel(unitText(d), this), row, 3);
        ++row;
    }
    grid->setColumnStretch(4, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(help);
    layout->addLayout(grid);
    layout->addWidget(m_bar);
    layout->addStretch(1);
    connect(m_bar, &SaveBar::saveClicked, this, [this] {
        QString problem;
        const auto thresholds = typed(&problem);
        if (!thresholds) {
            m_bar->setStatus(tr("Not saved: %1").arg(problem));
            return;
        }
        const QJsonObject values {
            {QLatin1String(Setting),
             QString::fromUtf8(QJsonDocument(*thresholds).toJson(QJsonDocument::Compact))}};
        if (m_bar->submit(values))
            Q_EMIT changeRequested(values);
    });
    connect(m_bar, &SaveBar::undoClicked, this, [this] {
        setSettings({QJsonObject {
            {QStringLiteral("name"), QLatin1String(Setting)},
            {QStringLiteral("value"),
             QString::fromUtf8(QJsonDocument(m_value).toJson(QJsonDocument::Compact))}}});
    });
    updateButtons();
}

QLineEdit *KpiTargets::field(const QString &key) const
{
    for (const Field &f : m_fields) {
        if (f.key == key)
            return f.edit;
    }
    return nullptr;
}

void KpiTargets::setSettings(const QJsonArray &settings)
{
    for (const QJsonValue v : settings) {
        const QJsonObject s = v.toObject();
        if (s.value(QLatin1String("name")).toString() != QLatin1String(Setting))
            continue;
        m_value =
            QJsonDocument::fromJson(s.value(QLatin1String("value")).toString().toUtf8()).object();
        const QString lockedBy = s.value(QLatin1String("locked_by")).toString();
        for (const Field &f : std::as_const(m_fields)) {
            const QJsonValue value = m_value.value(f.key);
            f.edit->setText(value.isDouble() ? QLocale().toString(
                                value.toDouble() * (f.percent ? 100 : 1), 'g', 6)
                                             : QString());
            f.edit->setReadOnly(!lockedBy.isEmpty());
            f.edit->setToolTip(
                lockedBy.isEmpty() ? QString() : tr("Set in %1: change it there.").arg(lockedBy));
        }
    }
    updateButtons();
}

std::optional<QJsonObject> KpiTargets::typed(QString *problem) const
{
    QJsonObject out;
    for (const Field &f : m_fields) {
        const QString text = f.edit->text().trimmed();
        if (text.isEmpty())
            continue;
        bool ok = false;
        double v = QLocale().toDouble(text, &ok);
        if (!ok)
            v = text.toDouble(&ok);
        if (!ok || v < 0 || (f.percent && v > 100)) {
            *problem = tr("“%1” is not a number for %2").arg(text, f.edit->accessibleName());
            return std::nullopt;
        }
        out.insert(f.key, f.percent ? v / 100 : v);
    }
    return out;
}

void KpiTargets::showRefusal(const QString &message)
{
    m_bar->setStatus(tr("Not saved: %1").arg(message));
}

void KpiTargets::showChanged()
{
    m_bar->setStatus(tr("Saved and in effect."));
}

void KpiTargets::updateButtons()
{
    QString problem;
    const auto now = typed(&problem);
    const bool changed = !now || *now != m_value;
    const bool locked = !m_fields.isEmpty() && m_fields.first().edit->isReadOnly();
    m_bar->setChanged(changed && !locked);
}

} // namespace Switchboard
