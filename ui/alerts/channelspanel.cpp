#include "alerts/channelspanel.h"

#include "common/tone.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>

namespace Switchboard {

namespace {

QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out << part.trimmed();
    return out;
}

} // namespace

ChannelsPanel::ChannelsPanel(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_type(new QComboBox(this))
    , m_enabled(new QCheckBox(tr("Enabled"), this))
    , m_critical(new QCheckBox(tr("Critical"), this))
    , m_warning(new QCheckBox(tr("Warning"), this))
    , m_info(new QCheckBox(tr("Info"), this))
    , m_sendResolved(new QCheckBox(tr("Also say when an alert is resolved"), this))
    , m_perMinute(new QSpinBox(this))
    , m_form(new QFormLayout)
    , m_secretLabel(new QLabel(this))
    , m_urlLabel(new QLabel(this))
    , m_status(new QLabel(this))
    , m_save(new QPushButton(tr("&Save channel"), this))
    , m_test(new QPushButton(tr("Send &test"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
{
    setObjectName(QStringLiteral("channelsPanel"));
    m_list->setAccessibleName(tr("Notification channels"));
    m_list->setMinimumWidth(200);
    m_list->setWordWrap(true);
    m_type->addItem(tr("Slack"), QStringLiteral("slack"));
    m_type->addItem(tr("PagerDuty"), QStringLiteral("pagerduty"));
    m_type->addItem(tr("OpsGenie"), QStringLiteral("opsgenie"));
    m_type->addItem(tr("Webhook (JSON)"), QStringLiteral("webhook"));
    m_type->addItem(tr("E-mail (SMTP)"), QStringLiteral("email"));
    m_type->addItem(tr("SMS (Twilio)"), QStringLiteral("sms"));
    m_perMinute->setRange(0, 600);
    m_perMinute->setSpecialValueText(tr("Default"));
    m_perMinute->setSuffix(tr(" per minute"));
    for (const char *name : {"id", "name", "categories", "url", "smtp_url", "username", "from",
                             "to", "api_url", "account_sid", "secret"}) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QLatin1String(name));
        m_fields.insert(QLatin1String(name), edit);
    }
    m_fields[QStringLiteral("secret")]->setEchoMode(QLineEdit::Password);
    m_fields[QStringLiteral("id")]->setPlaceholderText(tr("front-desk-slack"));
    m_fields[QStringLiteral("categories")]->setPlaceholderText(tr("All; or e.g. health, kpi"));
    m_fields[QStringLiteral("to")]->setPlaceholderText(tr("Separate several with commas"));
    m_fields[QStringLiteral("smtp_url")]->setPlaceholderText(
        QStringLiteral("smtp://mail.clinic.example:587"));
    m_fields[QStringLiteral("account_sid")]->setPlaceholderText(QStringLiteral("AC…"));

    auto *severities = new QHBoxLayout;
    severities->addWidget(m_critical);
    severities->addWidget(m_warning);
    severities->addWidget(m_info);
    severities->addStretch();
    m_form->addRow(tr("Type"), m_type);
    m_form->addRow(tr("Id"), m_fields[QStringLiteral("id")]);
    m_form->addRow(tr("Name"), m_fields[QStringLiteral("name")]);
    m_form->addRow(QString(), m_enabled);
    m_form->addRow(tr("Severities"), severities);
    m_form->addRow(tr("Categories"), m_fields[QStringLiteral("categories")]);
    m_form->addRow(m_urlLabel, m_fields[QStringLiteral("url")]);
    m_form->addRow(tr("SMTP server"), m_fields[QStringLiteral("smtp_url")]);
    m_form->addRow(tr("User name"), m_fields[QStringLiteral("username")]);
    m_form->addRow(tr("Twilio API"), m_fields[QStringLiteral("api_url")]);
    m_form->addRow(tr("Account SID"), m_fields[QStringLiteral("account_sid")]);
    m_form->addRow(tr("From"), m_fields[QStringLiteral("from")]);
    m_form->addRow(tr("To"), m_fields[QStringLiteral("to")]);
    m_form->addRow(m_secretLabel, m_fields[QStringLiteral("secret")]);
    m_form->addRow(QString(), m_sendResolved);
    m_form->addRow(tr("Rate limit"), m_perMinute);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("channelStatus"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_save);
    buttons->addWidget(m_test);
    buttons->addStretch();
    buttons->addWidget(m_remove);
    auto *intro = new QLabel(tr("Where alerts go. Webhook URLs, keys, passwords and tokens are "
                                "kept in the system keychain, never in Switchboard's files."),
                             this);
    intro->setWordWrap(true);
    auto *right = new QVBoxLayout;
    right->addWidget(intro);
    right->addLayout(m_form);
    right->addLayout(buttons);
    right->addWidget(m_status);
    right->addStretch();
    auto *add = new QPushButton(tr("&New channel"), this);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addWidget(add);
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left);
    layout->addLayout(right, 1);

    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        // A new channel starts with its type's usual alerts: paging and texting only for
        // critical ones.
        if (m_type->isEnabled())
            setDefaultSeverities(m_type->currentData().toString());
        updateFields();
    });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_channels.size())
            editChannel(m_channels.at(row).toObject().value(QLatin1String("id")).toString());
    });
    connect(add, &QPushButton::clicked, this, [this] { newChannel(QStringLiteral("slack")); });
    connect(m_save, &QPushButton::clicked, this, [this] {
        say(tr("Saving…"), false);
        Q_EMIT saveRequested(definition(), m_fields[QStringLiteral("secret")]->text());
    });
    connect(m_test, &QPushButton::clicked, this, [this] {
        say(tr("Sending a test…"), false);
        Q_EMIT testRequested(m_fields[QStringLiteral("id")]->text());
    });
    connect(m_remove, &QPushButton::clicked, this,
            [this] { Q_EMIT removeRequested(m_fields[QStringLiteral("id")]->text()); });
    newChannel(QStringLiteral("slack"));
}

QLineEdit *ChannelsPanel::field(const QString &name) const
{
    return m_fields.value(name);
}

void ChannelsPanel::updateFields()
{
    const QString type = m_type->currentData().toString();
    const auto show = [this](const char *name, bool visible) {
        m_form->setRowVisible(m_fields.value(QLatin1String(name)), visible);
    };
    show("url", type == QLatin1String("pagerduty") || type == QLatin1String("opsgenie"));
    m_urlLabel->setText(type == QLatin1String("opsgenie") ? tr("Alert API URL")
                                                          : tr("Events API URL"));
    m_fields[QStringLiteral("url")]->setPlaceholderText(
        type == QLatin1String("opsgenie")
            ? QStringLiteral("https://api.opsgenie.com")
            : QStringLiteral("https://events.pagerduty.com/v2/enqueue"));
    show("smtp_url", type == QLatin1String("email"));
    show("username", type == QLatin1String("email"));
    show("api_url", type == QLatin1String("sms"));
    show("account_sid", type == QLatin1String("sms"));
    show("from", type == QLatin1String("email") || type == QLatin1String("sms"));
    show("to", type == QLatin1String("email") || type == QLatin1String("sms"));
    m_secretLabel->setText(type == QLatin1String("pagerduty")      ? tr("Routing key")
                               : type == QLatin1String("opsgenie") ? tr("API key")
                               : type == QLatin1String("email")    ? tr("Password")
                               : type == QLatin1String("sms")      ? tr("Auth token")
                                                                   : tr("Webhook URL"));
}

void ChannelsPanel::setChannels(const QJsonArray &channels)
{
    const QString current = m_fields[QStringLiteral("id")]->text();
    m_channels = channels;
    const QSignalBlocker block(m_list);
    m_list->clear();
    if (channels.isEmpty()) {
        // A hint in the empty list, not selectable.
        auto *hint = new QListWidgetItem(tr("No channels yet: alerts reach no one outside this "
                                            "console. Fill in the form to add one."),
                                         m_list);
        hint->setFlags(Qt::NoItemFlags);
    }
    for (const auto &v : channels) {
        const QJsonObject c = v.toObject();
        QString line = c.value(QLatin1String("name")).toString();
        const QString last = c.value(QLatin1String("last_status")).toString();
        if (!c.value(QLatin1String("enabled")).toBool())
            line += tr(" · off");
        else if (c.value(QLatin1String("failing")).toBool())
            line += tr(" · ✕ failing");
        else if (last == QLatin1String("sent"))
            line += tr(" · ✓ working");
        auto *item = new QListWidgetItem(line, m_list);
        item->setToolTip(c.value(QLatin1String("last_error")).toString());
        if (c.value(QLatin1String("id")).toString() == current)
            m_list->setCurrentItem(item);
    }
}

void ChannelsPanel::newChannel(const QString &type)
{
    const QSignalBlocker block(m_list);
    m_list->clearSelection();
    m_list->setCurrentRow(-1);
    for (QLineEdit *e : std::as_const(m_fields))
        e->clear();
    m_fields[QStringLiteral("id")]->setReadOnly(false);
    m_type->setEnabled(true);
    m_type->setCurrentIndex(std::max(0, m_type->findData(type)));
    m_enabled->setChecked(true);
    setDefaultSeverities(type);
    m_sendResolved->setChecked(type != QLatin1String("sms"));
    m_perMinute->setValue(0);
    m_fields[QStringLiteral("secret")]->setPlaceholderText(QString());
    m_test->setEnabled(false);
    m_remove->setEnabled(false);
    m_status->clear();
    updateFields();
}

void ChannelsPanel::setDefaultSeverities(const QString &type)
{
    const bool pages = type == QLatin1String("pagerduty") || type == QLatin1String("opsgenie")
        || type == QLatin1String("sms");
    m_critical->setChecked(true);
    m_warning->setChecked(!pages);
    m_info->setChecked(false);
}

void ChannelsPanel::editChannel(const QString &id)
{
    for (const auto &v : std::as_const(m_channels)) {
        const QJsonObject c = v.toObject();
        if (c.value(QLatin1String("id")).toString() != id)
            continue;
        const QJsonObject settings = c.value(QLatin1String("settings")).toObject();
        m_type->setCurrentIndex(
            std::max(0, m_type->findData(c.value(QLatin1String("type")).toString())));
        m_type->setEnabled(false);
        m_fields[QStringLiteral("id")]->setText(id);
        m_fields[QStringLiteral("id")]->setReadOnly(true);
        m_fields[QStringLiteral("name")]->setText(c.value(QLatin1String("name")).toString());
        m_enabled->setChecked(c.value(QLatin1String("enabled")).toBool());
        QStringList severities;
        for (const auto &s : c.value(QLatin1String("severities")).toArray())
            severities << s.toString();
        m_critical->setChecked(severities.isEmpty()
                               || severities.contains(QLatin1String("critical")));
        m_warning->setChecked(severities.isEmpty()
                              || severities.contains(QLatin1String("warning")));
        m_info->setChecked(severities.isEmpty() || severities.contains(QLatin1String("info")));
        QStringList categories;
        for (const auto &s : c.value(QLatin1String("categories")).toArray())
            categories << s.toString();
        m_fields[QStringLiteral("categories")]->setText(categories.join(QStringLiteral(", ")));
        for (const char *name : {"url", "smtp_url", "username", "from", "api_url", "account_sid"})
            m_fields[QLatin1String(name)]->setText(settings.value(QLatin1String(name)).toString());
        QStringList to;
        for (const auto &s : settings.value(QLatin1String("to")).toArray())
            to << s.toString();
        m_fields[QStringLiteral("to")]->setText(to.join(QStringLiteral(", ")));
        m_fields[QStringLiteral("secret")]->clear();
        m_fields[QStringLiteral("secret")]->setPlaceholderText(
            c.value(QLatin1String("has_secret")).toBool()
                ? tr("Kept in the keychain; type a new one to replace it")
                : QString());
        m_sendResolved->setChecked(c.value(QLatin1String("send_resolved")).toBool());
        m_perMinute->setValue(c.value(QLatin1String("per_minute")).toInt());
        m_test->setEnabled(true);
        m_remove->setEnabled(true);
        const QString error = c.value(QLatin1String("last_error")).toString();
        say(error.isEmpty() ? QString() : tr("Last delivery failed: %1").arg(error),
            !error.isEmpty());
        updateFields();
        return;
    }
}

QJsonObject ChannelsPanel::definition() const
{
    const QString type = m_type->currentData().toString();
    QJsonArray severities;
    if (m_critical->isChecked())
        severities.append(QStringLiteral("critical"));
    if (m_warning->isChecked())
        severities.append(QStringLiteral("warning"));
    if (m_info->isChecked())
        severities.append(QStringLiteral("info"));
    QJsonObject settings;
    const auto put = [&](const char *name) {
        const QString v = m_fields.value(QLatin1String(name))->text().trimmed();
        if (!v.isEmpty())
            settings.insert(QLatin1String(name), v);
    };
    if (type == QLatin1String("pagerduty") || type == QLatin1String("opsgenie"))
        put("url");
    if (type == QLatin1String("email")) {
        put("smtp_url");
        put("username");
    }
    if (type == QLatin1String("sms")) {
        put("api_url");
        put("account_sid");
    }
    if (type == QLatin1String("email") || type == QLatin1String("sms")) {
        put("from");
        settings.insert(
            QStringLiteral("to"),
            QJsonArray::fromStringList(splitList(m_fields.value(QStringLiteral("to"))->text())));
    }
    return {{QStringLiteral("id"), m_fields.value(QStringLiteral("id"))->text().trimmed()},
            {QStringLiteral("type"), type},
            {QStringLiteral("name"), m_fields.value(QStringLiteral("name"))->text().trimmed()},
            {QStringLiteral("enabled"), m_enabled->isChecked()},
            {QStringLiteral("severities"), severities.size() == 3 ? QJsonArray() : severities},
            {QStringLiteral("categories"),
             QJsonArray::fromStringList(
                 splitList(m_fields.value(QStringLiteral("categories"))->text()))},
            {QStringLiteral("send_resolved"), m_sendResolved->isChecked()},
            {QStringLiteral("per_minute"), m_perMinute->value()},
            {QStringLiteral("settings"), settings}};
}

void ChannelsPanel::say(const QString &text, bool bad)
{
    m_status->setText(text);
    if (bad)
        Tone::status(m_status, ModuleStatus::Down);
    else
        Tone::plain(m_status);
}

void ChannelsPanel::showSaved(const QString &)
{
    m_fields[QStringLiteral("secret")]->clear();
    say(tr("Saved. The secret is in the keychain."), false);
    m_test->setEnabled(true);
    m_remove->setEnabled(true);
    m_fields[QStringLiteral("id")]->setReadOnly(true);
    m_type->setEnabled(false);
}

void ChannelsPanel::showFailed(const QString &, const QString &message)
{
    say(tr("Not saved: %1").arg(message), true);
}

void ChannelsPanel::showTested(const QString &, bool ok, const QString &message)
{
    say(ok ? tr("Test sent. Check that it arrived.") : tr("The test failed: %1").arg(message), !ok);
}

QString ChannelsPanel::statusText() const
{
    return m_status->text();
}

int ChannelsPanel::channelCount() const
{
    return int(m_channels.size());
}

} // namespace Switchboard
