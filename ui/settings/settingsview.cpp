#include "settings/settingsview.h"

#include "settings/accesspage.h"
#include "settings/datapage.h"
#include "settings/kpitargets.h"
#include "settings/moduleaddresses.h"
#include "settings/peoplepage.h"
#include "settings/settingsform.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace Switchboard {

namespace {

// A page that scrolls when the window is too small for it.
QWidget *scrolling(QWidget *page, QWidget *parent)
{
    auto *area = new QScrollArea(parent);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    page->setParent(area);
    area->setWidget(page);
    return area;
}

} // namespace

SettingsView::SettingsView(const QString &connection, ModuleTableModel *modules, QWidget *parent)
    : QWidget(parent)
    , m_nav(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_clinic(new SettingsForm({QStringLiteral("BRAND_NAME"), QStringLiteral("TIMEZONE")}, this))
    , m_modules(new ModuleAddresses(modules, this))
    , m_health(new SettingsForm(
          {QStringLiteral("HEALTH_CHECK_INTERVAL_MS"), QStringLiteral("HEALTH_CHECK_TIMEOUT_MS"),
           QStringLiteral("HEALTH_CHECK_RETRIES"), QStringLiteral("SLOW_RESPONSE_MS"),
           QStringLiteral("ERROR_THRESHOLD"), QStringLiteral("NO_EXECUTION_ALERT_HOURS"),
           QStringLiteral("DLQ_ALERT_THRESHOLD"), QStringLiteral("CIRCUIT_BREAKER_THRESHOLD"),
           QStringLiteral("CIRCUIT_BREAKER_TIMEOUT")},
          this))
    , m_targets(new KpiTargets(this))
    , m_data(new DataPage(this))
    , m_access(new AccessPage(this))
    , m_people(new PeoplePage(this))
    , m_notifications(new QWidget(this))
    , m_language(new QComboBox(this))
    , m_languageNote(new QLabel(this))
    , m_theme(new QComboBox(this))
{
    auto *title = new QLabel(tr("Settings"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);

    m_nav->setObjectName(QStringLiteral("settingsPages"));
    m_nav->setSpacing(3);
    m_nav->setAccessibleName(tr("Settings pages"));
    addPage(QStringLiteral("clinic"), tr("Clinic"), m_clinic);
    addPage(QStringLiteral("modules"), tr("Modules"), m_modules);
    addPage(QStringLiteral("health"), tr("Health checks"), m_health);
    addPage(QStringLiteral("targets"), tr("Targets"), m_targets);
    addPage(QStringLiteral("notifications"), tr("Notifications"), m_notifications);
    addPage(QStringLiteral("people"), tr("People"), m_people);
    addPage(QStringLiteral("access"), tr("API tokens"), m_access);
    addPage(QStringLiteral("data"), tr("Data and backups"), m_data);
    addPage(QStringLiteral("console"), tr("This console"), consolePage(connection));
    m_nav->setFixedWidth(std::max(170, m_nav->sizeHintForColumn(0) + 24));
    m_nav->setCurrentRow(0);

    auto *row = new QHBoxLayout;
    row->addWidget(m_nav);
    row->addWidget(m_stack, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(row, 1);

    connect(m_nav, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    for (SettingsForm *form : {m_clinic, m_health, m_data->retention()})
        connect(form, &SettingsForm::changeRequested, this,
                [this, form](const QJsonObject &values) { send(form, values); });
    connect(m_modules, &ModuleAddresses::changeRequested, this,
            [this](const QJsonObject &values) { send(m_modules, values); });
    connect(m_targets, &KpiTargets::changeRequested, this,
            [this](const QJsonObject &values) { send(m_targets, values); });
    connect(m_modules, &ModuleAddresses::moduleSwitched, this, &SettingsView::moduleSwitched);
    connect(m_data, &DataPage::backupRequested, this, &SettingsView::backupRequested);
    connect(m_data, &DataPage::restoreRequested, this, &SettingsView::restoreRequested);
}

void SettingsView::addPage(const QString &name, const QString &title, QWidget *page)
{
    m_names << name;
    m_nav->addItem(title);
    page->setObjectName(page->objectName().isEmpty() ? QStringLiteral("settings-") + name
                                                     : page->objectName());
    m_stack->addWidget(name == QLatin1String("modules") ? page : scrolling(page, m_stack));
}

QWidget *SettingsView::consolePage(const QString &connection)
{
    auto *page = new QWidget(this);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("The system's language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Español"), QStringLiteral("es"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(savedLanguage())));
    m_language->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_languageNote->setObjectName(QStringLiteral("languageNote"));
    m_languageNote->setWordWrap(true);
    m_languageNote->hide();
    m_theme->setObjectName(QStringLiteral("theme"));
    m_theme->addItem(tr("As the system"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(savedTheme())));
    m_theme->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *looks = new QGroupBox(tr("Language and look"), page);
    auto *looksForm = new QFormLayout(looks);
    looksForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    looksForm->addRow(tr("Console language:"), m_language);
    looksForm->addRow(m_languageNote);
    looksForm->addRow(tr("Theme:"), m_theme);

    auto *aboutBox = new QGroupBox(tr("This console"), page);
    auto *about = new QFormLayout(aboutBox);
    about->setRowWrapPolicy(QFormLayout::WrapLongRows);
    const auto selectable = [page](const QString &text) {
        auto *label = new QLabel(text, page);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setWordWrap(true);
        return label;
    };
    m_connection = selectable(connection);
    m_connection->setObjectName(QStringLiteral("connectedTo"));
    about->addRow(tr("Connected to:"), m_connection);
    auto *connectOther = new QPushButton(tr("Connect to a clinic…"), page);
    connectOther->setObjectName(QStringLiteral("connectToClinic"));
    connectOther->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed); // a button, not a bar
    connectOther->setToolTip(tr("Opens another window on a clinic's core on another machine "
                                "(Ctrl+Shift+O)."));
    about->addRow(QString(), connectOther);
    connect(connectOther, &QPushButton::clicked, this, &SettingsView::connectRequested);
    about->addRow(tr("Console folder:"),
                  selectable(QDir::toNativeSeparators(
                      QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))));
    about->addRow(tr("Version:"), selectable(QCoreApplication::applicationVersion()));

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(looks);
    layout->addWidget(aboutBox);
    layout->addStretch(1);

    connect(m_language, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(QLatin1String(LanguageKey), m_language->currentData().toString());
        m_languageNote->setText(tr("Saved. Switchboard speaks this language from its next start."));
        m_languageNote->show();
    });
    connect(m_theme, &QComboBox::currentIndexChanged, this, [this] {
        const QString theme = m_theme->currentData().toString();
        QSettings().setValue(QLatin1String(ThemeKey), theme);
        Q_EMIT themeChosen(theme);
    });
    return page;
}

void SettingsView::setConnection(const QString &connection)
{
    m_connection->setText(connection);
}

void SettingsView::setNotifications(QWidget *channels)
{
    auto *area = static_cast<QScrollArea *>(
        m_stack->widget(int(m_names.indexOf(QStringLiteral("notifications")))));
    delete area->takeWidget();
    m_notifications = channels;
    area->setWidget(channels);
}

QStringList SettingsView::pageNames()
{
    return {QStringLiteral("clinic"),  QStringLiteral("modules"),       QStringLiteral("health"),
            QStringLiteral("targets"), QStringLiteral("notifications"), QStringLiteral("people"),
            QStringLiteral("access"),  QStringLiteral("data"),          QStringLiteral("console")};
}

bool SettingsView::showPage(const QString &name)
{
    const int index = int(m_names.indexOf(name));
    if (index < 0)
        return false;
    m_nav->setCurrentRow(index);
    return true;
}

QString SettingsView::currentPage() const
{
    return m_names.value(m_nav->currentRow());
}

void SettingsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    Q_EMIT settingsWanted();
}

void SettingsView::send(QWidget *page, const QJsonObject &values)
{
    m_sender = page;
    Q_EMIT changeRequested(values);
}

void SettingsView::setSettings(const QJsonObject &overview)
{
    const QJsonArray settings = overview.value(QLatin1String("settings")).toArray();
    m_clinic->setSettings(settings);
    m_health->setSettings(settings);
    m_data->retention()->setSettings(settings);
    m_modules->setSettings(settings);
    m_targets->setSettings(settings);
    m_data->setData(overview.value(QLatin1String("data")).toObject());
}

void SettingsView::showChanged(const QJsonObject &result)
{
    if (auto *form = qobject_cast<SettingsForm *>(m_sender))
        form->showChanged(result);
    else if (m_sender == m_modules)
        m_modules->showChanged(result);
    else if (m_sender == m_targets)
        m_targets->showChanged();
    m_sender = nullptr;
}

void SettingsView::showRefusal(const QString &field, const QString &message)
{
    if (field == QLatin1String("backup") || field == QLatin1String("data")) {
        showPage(QStringLiteral("data"));
        m_data->showRefusal(message);
        return;
    }
    if (field == QLatin1String(KpiTargets::Setting)) {
        showPage(QStringLiteral("targets"));
        m_targets->showRefusal(message);
        return;
    }
    if (m_modules->has(field)) {
        showPage(QStringLiteral("modules"));
        m_modules->showRefusal(field, message);
        return;
    }
    const QList<std::pair<QString, SettingsForm *>> forms {
        {QStringLiteral("clinic"), m_clinic},
        {QStringLiteral("health"), m_health},
        {QStringLiteral("data"), m_data->retention()}};
    for (const auto &[name, form] : forms) {
        if (form->has(field)) {
            showPage(name);
            form->showRefusal(field, message);
            return;
        }
    }
    // Not a field of any page: said on the page that asked.
    if (auto *form = qobject_cast<SettingsForm *>(m_sender))
        form->showRefusal(field, message);
}

void SettingsView::showBackupMade(const QString &path)
{
    m_data->showBackupMade(path);
}

void SettingsView::showRestoreScheduled(const QString &path)
{
    m_data->showRestoreScheduled(path);
}

QString SettingsView::savedLanguage()
{
    return QSettings().value(QLatin1String(LanguageKey)).toString();
}

QString SettingsView::savedTheme()
{
    return QSettings().value(QLatin1String(ThemeKey), QStringLiteral("system")).toString();
}

} // namespace Switchboard
