#include "settings/settingsview.h"

#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace Switchboard;

class TstSettingsView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().remove(QLatin1String(SettingsView::LanguageKey));
    }

    void theChosenLanguageIsKeptForTheNextStart()
    {
        QCOMPARE(SettingsView::savedLanguage(), QString());
        {
            SettingsView view(QStringLiteral("Embedded core"));
            auto *language = view.findChild<QComboBox *>(QStringLiteral("language"));
            QCOMPARE(language->currentData().toString(), QString()); // the system's
            language->setCurrentIndex(language->findData(QStringLiteral("es")));
            QVERIFY(view.findChild<QLabel *>(QStringLiteral("languageNote"))
                        ->text()
                        .contains(QStringLiteral("next start")));
        }
        QCOMPARE(SettingsView::savedLanguage(), QStringLiteral("es"));
        // Opened again, it shows what was chosen.
        SettingsView again(QStringLiteral("Embedded core"));
        QCOMPARE(again.findChild<QComboBox *>(QStringLiteral("language"))->currentData().toString(),
                 QStringLiteral("es"));
        QSettings().remove(QLatin1String(SettingsView::LanguageKey));
    }
};

QTEST_MAIN(TstSettingsView)
#include "tst_settingsview.moc"
