#include "settings/settingsview.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace Switchboard {

SettingsView::SettingsView(const QString &connection, QWidget *parent)
    : QWidget(parent)
    , m_language(new QComboBox(this))
    , m_languageNote(new QLabel(this))
{
    auto *title = new QLabel(tr("Settings"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);

    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("The system's language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Español"), QStringLiteral("es"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(savedLanguage())));
    m_language->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_languageNote->setObjectName(QStringLiteral("languageNote"));
    m_languageNote->setWordWrap(true);
    m_languageNote->hide();
    auto *languageBox = new QGroupBox(tr("Language"), this);
    auto *languageForm = new QFormLayout(languageBox);
    languageForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    languageForm->addRow(tr("Console language:"), m_language);
    languageForm->addRow(m_languageNote);

    auto *aboutBox = new QGroupBox(tr("This console"), this);
    auto *about = new QFormLayout(aboutBox);
    const auto selectable = [this](const QString &text) {
        auto *label = new QLabel(text, this);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setWordWrap(true);
        return label;
    };
    about->addRow(tr("Connected to:"), selectable(connection));
    about->addRow(tr("Data folder:"),
                  selectable(QDir::toNativeSeparators(
                      QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))));
    about->addRow(tr("Version:"), selectable(QCoreApplication::applicationVersion()));

    auto *clinicBox = new QGroupBox(tr("The clinic's settings"), this);
    auto *clinic = new QVBoxLayout(clinicBox);
    auto *where = new QLabel(
        tr("Module addresses, thresholds and time zone come from the core's configuration file "
           "(switchboard --config FILE, or --env-file FILE with the specification's variables). "
           "Notification channels are set under Alerts › Channels, and workflows under "
           "Workflows."),
        this);
    where->setWordWrap(true);
    clinic->addWidget(where);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(languageBox);
    layout->addWidget(aboutBox);
    layout->addWidget(clinicBox);
    layout->addStretch(1);

    connect(m_language, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(QLatin1String(LanguageKey), m_language->currentData().toString());
        m_languageNote->setText(tr("Saved. Switchboard speaks this language from its next start."));
        m_languageNote->show();
    });
}

QString SettingsView::savedLanguage()
{
    return QSettings().value(QLatin1String(LanguageKey)).toString();
}

} // namespace Switchboard
