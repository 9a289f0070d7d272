#include "alerts/silencedialog.h"

#include "modules/modulecatalog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>

namespace Switchboard {

namespace {
const std::pair<const char *, const char *> Rules[] = {
    {"", QT_TRANSLATE_NOOP("Switchboard::SilenceDialog", "Any rule")},
    {"module_down", QT_TRANSLATE_NOOP("Switchboard::SilenceDialog", "Module down")},
    {"module_degraded", QT_TRANSLATE_NOOP("Switchboard::SilenceDialog", "Module degraded")},
    {"critical_path", QT_TRANSLATE_NOOP("Switchboard::SilenceDialog", "Critical path blocked")},
    {"circuit_open", QT_TRANSLATE_NOOP("Switchboard::SilenceDialog", "Circuit open")},
    {"kpi_threshold", QT_TRANSLATE_NOOP("Switchboard::SilenceDialog", "KPI threshold")},
    {"dead_letters", QT_TRANSLATE_NOOP("Switchboard::SilenceDialog", "Dead letters")},
    {"review_sla", QT_TRANSLATE_NOOP("Switchboard::SilenceDialog", "Review SLA")},
    {"missing_setting", QT_TRANSLATE_NOOP("Switchboard::SilenceDialog", "Missing setting")},
    {"notification_failing",
     QT_TRANSLATE_NOOP("Switchboard::SilenceDialog", "Notifications failing")}};
} // namespace

QString SilenceDialog::ruleLabel(const QString &rule)
{
    for (const auto &[id, label] : Rules) {
        if (rule == QLatin1String(id))
            return tr(label);
    }
    return rule;
}

SilenceDialog::SilenceDialog(const QDateTime &now, QWidget *parent)
    : QDialog(parent)
    , m_module(new QComboBox(this))
    , m_rule(new QComboBox(this))
    , m_repeat(new QComboBox(this))
    , m_starts(new QDateTimeEdit(now.toLocalTime(), this))
    , m_ends(new QDateTimeEdit(now.toLocalTime().addSecs(2LL * 3600), this))
    , m_noEnd(new QCheckBox(tr("No end"), this))
    , m_from(new QTimeEdit(QTime(22, 0), this))
    , m_minutes(new QSpinBox(this))
    , m_comment(new QLineEdit(this))
{
    setWindowTitle(tr("Silence alerts"));
    m_module->addItem(tr("Any module"), QString());
    for (const ModuleInfo &m : ModuleCatalog::all())
        m_module->addItem(m.name(), m.id);
    for (const auto &[rule, label] : Rules)
        m_rule->addItem(tr(label), QString::fromLatin1(rule));
    m_repeat->addItem(tr("Once"), QString());
    m_repeat->addItem(tr("Every day"), QStringLiteral("daily"));
    m_repeat->addItem(tr("Every week"), QStringLiteral("weekly"));
    for (QDateTimeEdit *e : {m_starts, m_ends}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    }
    m_minutes->setRange(1, 24 * 60);
    m_minutes->setValue(120);
    m_minutes->setSuffix(tr(" min"));
    auto *days = new QHBoxLayout;
    for (int d = 1; d <= 7; ++d) {
        auto *box = new QCheckBox(QLocale().dayName(d, QLocale::ShortFormat), this);
        box->setChecked(d == 7);
        m_days << box;
        days->addWidget(box);
    }
    m_comment->setPlaceholderText(tr("Why, e.g. \"Cal.com upgrade\""));

    auto *form = new QFormLayout;
    form->addRow(tr("Module"), m_module);
    form->addRow(tr("Rule"), m_rule);
    form->addRow(tr("Repeat"), m_repeat);
    form->addRow(tr("Starts"), m_starts);
    form->addRow(tr("Ends"), m_ends);
    form->addRow(QString(), m_noEnd);
    form->addRow(tr("Each time from"), m_from);
    form->addRow(tr("For"), m_minutes);
    form->addRow(tr("On"), days);
    form->addRow(tr("Comment"), m_comment);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Silence"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        Q_EMIT silenceRequested(definition());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_repeat, &QComboBox::currentIndexChanged, this, &SilenceDialog::updateFields);
    connect(m_noEnd, &QCheckBox::toggled, this, &SilenceDialog::updateFields);
    updateFields();
}

void SilenceDialog::updateFields()
{
    const QString repeat = m_repeat->currentData().toString();
    const bool recurring = !repeat.isEmpty();
    m_noEnd->setVisible(recurring);
    m_ends->setEnabled(!recurring || !m_noEnd->isChecked());
    m_from->setEnabled(recurring);
    m_minutes->setEnabled(recurring);
    for (QCheckBox *d : std::as_const(m_days))
        d->setEnabled(repeat == QLatin1String("weekly"));
}

void SilenceDialog::prefill(const QString &module, const QString &rule)
{
    m_module->setCurrentIndex(std::max(0, m_module->findData(module)));
    m_rule->setCurrentIndex(std::max(0, m_rule->findData(rule)));
}

QJsonObject SilenceDialog::definition() const
{
    const QString repeat = m_repeat->currentData().toString();
    QJsonObject json {
        {QStringLiteral("module"), m_module->currentData().toString()},
        {QStringLiteral("rule"), m_rule->currentData().toString()},
        {QStringLiteral("starts_at"), m_starts->dateTime().toUTC().toString(Qt::ISODate)},
        {QStringLiteral("recurrence"), repeat},
        {QStringLiteral("comment"), m_comment->text()}};
    if (repeat.isEmpty() || !m_noEnd->isChecked())
        json.insert(QStringLiteral("ends_at"), m_ends->dateTime().toUTC().toString(Qt::ISODate));
    if (!repeat.isEmpty()) {
        json.insert(QStringLiteral("from"), m_from->time().toString(QStringLiteral("HH:mm")));
        json.insert(QStringLiteral("minutes"), m_minutes->value());
        QJsonArray days;
        for (int d = 0; d < m_days.size(); ++d) {
            if (m_days.at(d)->isChecked())
                days.append(d + 1);
        }
        json.insert(QStringLiteral("weekdays"), days);
    }
    return json;
}

} // namespace Switchboard
