#include "alerts/alertsview.h"
#include "alerts/channelspanel.h"
#include "alerts/silencedialog.h"
#include "app/mainwindow.h"
#include "common/manualclock.h"
#include "dashboard/moduletablemodel.h"
#include "fakeorchestrator.h"
#include "service/embeddedorchestrator.h"
#include "settings/accesspage.h"
#include "settings/credentialdialog.h"
#include "settings/datapage.h"
#include "settings/kpitargets.h"
#include "settings/moduleaddresses.h"
#include "settings/peoplepage.h"
#include "settings/persondialog.h"
#include "settings/settingsform.h"
#include "settings/settingsview.h"

#include <QComboBox>
#include <QDirIterator>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Switchboard;

namespace {

QJsonObject setting(const char *name, const char *value, QJsonObject more = {})
{
    more.insert(QStringLiteral("name"), QLatin1String(name));
    more.insert(QStringLiteral("value"), QLatin1String(value));
    if (!more.contains(QLatin1String("live")))
        more.insert(QStringLiteral("live"), true);
    return more;
}

QJsonObject overview()
{
    return {
        {"settings",
         QJsonArray {
             setting("BRAND_NAME", "Sunrise Clinic"), setting("SLOW_RESPONSE_MS", "3000"),
             setting("ERROR_THRESHOLD", "5", {{"locked_by", "/etc/switchboard/switchboard.env:7"}}),
             setting("CIRCUIT_BREAKER_THRESHOLD", "5", {{"live", false}, {"next_start", "8"}}),
             setting("KPI_THRESHOLDS_JSON", R"({"min_leads_24h":10,"min_nps":8})"),
             setting("MODULE_02_ENDPOINT", "http://127.0.0.1:8702/webhook/consult-booking"),
             setting("RETENTION_DAYS_EXECUTIONS", "90")}},
        {"data",
         QJsonObject {{"folder", "/var/lib/switchboard"},
                      {"database", "/var/lib/switchboard/switchboard.db"},
                      {"backups",
                       QJsonArray {QJsonObject {{"path",
                                                 "/var/lib/switchboard/backups/manual/"
                                                 "switchboard-2026-12-03_09-00-00.db"},
                                                {"at", "2026-12-03T09:00:00Z"},
                                                {"bytes", 204800}},
                                   QJsonObject {{"path",
                                                 "/var/lib/switchboard/backups/"
                                                 "switchboard-2026-12-02.db"},
                                                {"at", "2026-12-02T03:00:00Z"},
                                                {"bytes", 102400}}}}}}};
}

} // namespace

class TstSettingsView : public QObject
{
    Q_OBJECT

    ManualClock m_clock {QDateTime(QDate(2026, 12, 3), QTime(9, 30), Qt::UTC)};

    // Starts a real core and shows the window on it once the core is up.
    static bool startAndShow(EmbeddedOrchestrator &core, MainWindow &window)
    {
        QSignalSpy started(&core, &Orchestrator::overviewChanged);
        core.start();
        if (!QTest::qWaitFor([&] { return !started.isEmpty(); }, 20000))
            return false;
        window.resize(1024, 700);
        window.show();
        return QTest::qWaitForWindowExposed(&window);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().remove(QLatin1String(SettingsView::LanguageKey));
        QSettings().remove(QLatin1String(SettingsView::ThemeKey));
    }

    void theChosenLanguageIsKeptForTheNextStart()
    {
        ModuleTableModel modules(m_clock);
        QCOMPARE(SettingsView::savedLanguage(), QString());
        {
            SettingsView view(QStringLiteral("Embedded core"), &modules);
            auto *language = view.findChild<QComboBox *>(QStringLiteral("language"));
            QCOMPARE(language->currentData().toString(), QString()); // the system's
            language->setCurrentIndex(language->findData(QStringLiteral("es")));
            QVERIFY(view.findChild<QLabel *>(QStringLiteral("languageNote"))
                        ->text()
                        .contains(QStringLiteral("next start")));
        }
        QCOMPARE(SettingsView::savedLanguage(), QStringLiteral("es"));
        // Opened again, it shows what was chosen.
        SettingsView again(QStringLiteral("Embedded core"), &modules);
        QCOMPARE(again.findChild<QComboBox *>(QStringLiteral("language"))->currentData().toString(),
                 QStringLiteral("es"));
        QSettings().remove(QLatin1String(SettingsView::LanguageKey));
    }

    void aPageSendsOnlyWhatChangedAndShowsWhyItWasRefused()
    {
        ModuleTableModel modules(m_clock);
        SettingsView view(QStringLiteral("Embedded core"), &modules);
        view.setSettings(overview());
        QSignalSpy sent(&view, &SettingsView::changeRequested);
        SettingsForm *health = view.health();
        QCOMPARE(health->field(QStringLiteral("SLOW_RESPONSE_MS"))->text(), QStringLiteral("3000"));
        // Set in a file: shown, not editable, and where to change it.
        QLineEdit *locked = health->field(QStringLiteral("ERROR_THRESHOLD"));
        QVERIFY(locked->isReadOnly());
        bool saysWhere = false;
        for (QLabel *l : health->findChildren<QLabel *>())
            saysWhere = saysWhere || l->text().contains(QStringLiteral("switchboard.env:7"));
        QVERIFY(saysWhere);
        bool saysLater = false;
        for (QLabel *l : health->findChildren<QLabel *>())
            saysLater = saysLater || l->text().contains(QStringLiteral("8 from the next start"));
        QVERIFY(saysLater);

        auto *save = health->findChild<QPushButton *>(QStringLiteral("saveSettings"));
        QVERIFY(!save->isEnabled());
        health->field(QStringLiteral("SLOW_RESPONSE_MS"))->setText(QStringLiteral("fast"));
        QVERIFY(save->isEnabled());
        save->click();
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().first().toJsonObject(), (QJsonObject {{"SLOW_RESPONSE_MS", "fast"}}));
        // The core refuses it: the page says why and the field is marked.
        view.showPage(QStringLiteral("clinic"));
        view.showRefusal(QStringLiteral("SLOW_RESPONSE_MS"),
                         QStringLiteral("expected a whole number, got \"fast\""));
        QCOMPARE(view.currentPage(), QStringLiteral("health"));
        QVERIFY(health->statusText().contains(QStringLiteral("whole number")));
        // Undo puts back what the core has.
        health->findChild<QPushButton *>(QStringLiteral("revertSettings"))->click();
        QCOMPARE(health->field(QStringLiteral("SLOW_RESPONSE_MS"))->text(), QStringLiteral("3000"));
        QVERIFY(!save->isEnabled());
    }

    void targetsAreTypedAsPeopleReadThem()
    {
        ModuleTableModel modules(m_clock);
        SettingsView view(QStringLiteral("Embedded core"), &modules);
        view.setSettings(overview());
        QSignalSpy sent(&view, &SettingsView::changeRequested);
        KpiTargets *targets = view.targets();
        QCOMPARE(targets->field(QStringLiteral("min_leads_24h"))->text(), QStringLiteral("10"));
        QCOMPARE(targets->field(QStringLiteral("min_nps"))->text(), QStringLiteral("8"));
        // Rates as percentages.
        targets->field(QStringLiteral("min_lead_to_booking_rate"))->setText(QStringLiteral("40"));
        targets->field(QStringLiteral("min_leads_24h"))->clear();
        targets->findChild<QPushButton *>(QStringLiteral("saveSettings"))->click();
        QCOMPARE(sent.size(), 1);
        const QJsonObject json =
            QJsonDocument::fromJson(
                sent.first().first().toJsonObject().value(KpiTargets::Setting).toString().toUtf8())
                .object();
        QCOMPARE(json, (QJsonObject {{"min_lead_to_booking_rate", 0.4}, {"min_nps", 8}}));
        // Not a number: said, and nothing sent.
        targets->field(QStringLiteral("max_show_rate"))->setText(QStringLiteral("lots"));
        targets->findChild<QPushButton *>(QStringLiteral("saveSettings"))->click();
        QCOMPARE(sent.size(), 1);
    }

    void modulesAreEditedInPlaceAndSwitchedOnOrOff()
    {
        ModuleTableModel modules(m_clock);
        SettingsView view(QStringLiteral("Embedded core"), &modules);
        view.setSettings(overview());
        QSignalSpy sent(&view, &SettingsView::changeRequested);
        QSignalSpy switched(&view, &SettingsView::moduleSwitched);
        QTableWidget *table = view.modules()->table();
        QCOMPARE(table->item(1, ModuleAddresses::Address)->text(),
                 QStringLiteral("http://127.0.0.1:8702/webhook/consult-booking"));
        table->item(1, ModuleAddresses::Timeout)->setText(QStringLiteral("20"));
        view.modules()->findChild<QPushButton *>(QStringLiteral("saveSettings"))->click();
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().first().toJsonObject(),
                 (QJsonObject {{"MODULE_02_TIMEOUT_S", "20"}}));
        view.showRefusal(QStringLiteral("MODULE_02_TIMEOUT_S"), QStringLiteral("out of range"));
        QCOMPARE(view.currentPage(), QStringLiteral("modules"));
        table->item(3, ModuleAddresses::On)->setCheckState(Qt::Unchecked);
        QCOMPARE(switched.size(), 1);
        QCOMPARE(switched.first().at(0).toString(), QStringLiteral("04_billing"));
        QCOMPARE(switched.first().at(1).toBool(), false);
    }

    void backupsAreListedMadeAndRestoredAfterAsking()
    {
        ModuleTableModel modules(m_clock);
        SettingsView view(QStringLiteral("Embedded core"), &modules);
        view.setSettings(overview());
        DataPage *data = view.data();
        QCOMPARE(data->backups()->count(), 2);
        QVERIFY(data->backups()->item(0)->text().contains(QStringLiteral("made by hand")));
        QSignalSpy backup(&view, &SettingsView::backupRequested);
        data->findChild<QPushButton *>(QStringLiteral("backupNow"))->click();
        QCOMPARE(backup.size(), 1);
        view.showBackupMade(QStringLiteral("/var/lib/switchboard/backups/manual/x.db"));
        QVERIFY(data->statusText().contains(QStringLiteral("x.db")));
        view.showRefusal(QStringLiteral("backup"), QStringLiteral("disk full"));
        QCOMPARE(view.currentPage(), QStringLiteral("data"));
        QVERIFY(data->statusText().contains(QStringLiteral("disk full")));
    }

    void theWindowAsksTheCoreAndShowsItsAnswer()
    {
        FakeOrchestrator core;
        core.settings = overview();
        MainWindow window(core, m_clock);
        window.resize(1024, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showView(QStringLiteral("settings-health")));
        SettingsView *view = window.settingsView();
        QTRY_COMPARE(view->health()->field(QStringLiteral("SLOW_RESPONSE_MS"))->text(),
                     QStringLiteral("3000"));
        view->health()->field(QStringLiteral("SLOW_RESPONSE_MS"))->setText(QStringLiteral("2500"));
        view->health()->findChild<QPushButton *>(QStringLiteral("saveSettings"))->click();
        QCOMPARE(core.settingChanges.size(), 1);
        QTRY_COMPARE(view->health()->statusText(), QStringLiteral("Saved and in effect."));
        // Notifications moved from Alerts to Settings.
        QVERIFY(window.showView(QStringLiteral("settings-notifications")));
        QVERIFY(window.alertsView()->channels()->isVisible());
    }

    // Settings › People, against a real core: an admin adds a person (what the console can
    // check is said as it is typed, a name in use is refused in the dialog), changes their
    // role, gives a new password, and cannot disable the last admin.
    void peopleAreAddedChangedAndDisabled()
    {
        EmbeddedOrchestrator core {CoreConfig(), CoreOptions()};
        MainWindow window(core, m_clock);
        QVERIFY(startAndShow(core, window));
        QSignalSpy lists(&core, &Orchestrator::usersReady);
        QVERIFY(window.showView(QStringLiteral("settings-people")));
        QVERIFY(lists.wait(5000));
        PeoplePage *page = window.settingsView()->people();
        QCOMPARE(page->table()->rowCount(), 0);
        QVERIFY(!page->changeButton()->isEnabled());

        const auto add = [&](const QString &name, const QString &display, const QString &role) {
            page->addButton()->click();
            PersonDialog *dialog = page->dialog();
            dialog->nameEdit()->setText(name);
            dialog->displayNameEdit()->setText(display);
            dialog->roleBox()->setCurrentIndex(dialog->roleBox()->findData(role));
            dialog->passwordEdit()->setText(QStringLiteral("a long passphrase"));
            dialog->repeatEdit()->setText(QStringLiteral("a long passphrase"));
            return dialog;
        };
        PersonDialog *dialog =
            add(QStringLiteral("Maria G"), QStringLiteral("María Gómez"), QStringLiteral("admin"));
        QVERIFY(!dialog->saveButton()->isEnabled());
        QVERIFY(dialog->problemText().contains(QStringLiteral("lower-case")));
        dialog->nameEdit()->setText(QStringLiteral("maria"));
        dialog->repeatEdit()->setText(QStringLiteral("a long passphrasE"));
        QVERIFY(dialog->problemText().contains(QStringLiteral("differ")));
        dialog->repeatEdit()->setText(QStringLiteral("a long passphrase"));
        QVERIFY(dialog->saveButton()->isEnabled());
        QSignalSpy saved(&core, &Orchestrator::userSaved);
        dialog->saveButton()->click();
        QVERIFY(saved.wait(10000));
        QTRY_VERIFY(!page->dialog());
        QTRY_COMPARE(page->table()->rowCount(), 1);
        QCOMPARE(page->table()->item(0, 0)->text(), QStringLiteral("María Gómez (maria)"));
        QCOMPARE(page->table()->item(0, 1)->text(), QStringLiteral("Admin"));
        QCOMPARE(page->table()->item(0, 3)->text(), QStringLiteral("never"));

        // The same name again: the core refuses, the dialog says so and keeps what was typed.
        QSignalSpy refused(&core, &Orchestrator::usersRefused);
        dialog =
            add(QStringLiteral("maria"), QStringLiteral("Another María"), QStringLiteral("viewer"));
        dialog->saveButton()->click();
        QVERIFY(refused.wait(10000));
        QVERIFY2(dialog->problemText().contains(QStringLiteral("already")),
                 qPrintable(dialog->problemText()));
        QCOMPARE(dialog->displayNameEdit()->text(), QStringLiteral("Another María"));
        dialog->nameEdit()->setText(QStringLiteral("ana"));
        dialog->saveButton()->click();
        QVERIFY(saved.wait(10000));
        QTRY_COMPARE(page->table()->rowCount(), 2);

        // Ana becomes support for one queue.
        page->table()->selectRow(0); // by name: ana first
        page->changeButton()->click();
        dialog = page->dialog();
        QVERIFY(!dialog->nameEdit()->isEnabled());
        QVERIFY(!dialog->saveButton()->isEnabled()); // nothing changed yet
        dialog->roleBox()->setCurrentIndex(dialog->roleBox()->findData(QStringLiteral("support")));
        dialog->queuesEdit()->setText(QStringLiteral("ocr-review, ocr-review"));
        dialog->saveButton()->click();
        QVERIFY(saved.wait(5000));
        QTRY_COMPARE(page->table()->item(0, 2)->text(), QStringLiteral("ocr-review"));
        QCOMPARE(page->table()->item(0, 1)->text(), QStringLiteral("Support"));

        // A new password for Ana.
        page->table()->selectRow(0);
        page->passwordButton()->click();
        dialog = page->dialog();
        dialog->passwordEdit()->setText(QStringLiteral("ana"));
        QVERIFY(!dialog->saveButton()->isEnabled());
        dialog->passwordEdit()->setText(QStringLiteral("another long passphrase"));
        dialog->repeatEdit()->setText(QStringLiteral("another long passphrase"));
        dialog->saveButton()->click();
        QVERIFY(saved.wait(10000));
        QTRY_VERIFY(!page->dialog());

        // María is the only admin: disabling her is refused, saying why.
        page->setConfirmDisable(false);
        page->table()->selectRow(1);
        QCOMPARE(page->disableButton()->text(), QStringLiteral("Disable…"));
        page->disableButton()->click();
        QVERIFY(refused.wait(5000));
        QVERIFY2(page->statusText().contains(QStringLiteral("only admin")),
                 qPrintable(page->statusText()));
        page->table()->selectRow(0);
        page->disableButton()->click();
        QVERIFY(saved.wait(5000));
        QTRY_COMPARE(page->table()->item(0, 4)->text(), QStringLiteral("Disabled"));
        page->table()->selectRow(0);
        QCOMPARE(page->disableButton()->text(), QStringLiteral("Enable"));
    }

    // API tokens, against a real core: a token issued is shown once and listed without
    // its secret; a second of the same name is refused with why; one revoked says so.
    void peopleAreGivenTokensAndTakenThemBack()
    {
        EmbeddedOrchestrator core {CoreConfig(), CoreOptions()};
        MainWindow window(core, m_clock);
        QVERIFY(startAndShow(core, window));
        QSignalSpy lists(&core, &Orchestrator::tokensReady);
        QVERIFY(window.showView(QStringLiteral("settings-access")));
        QVERIFY(lists.wait(5000));
        AccessPage *page = window.settingsView()->access();
        QCOMPARE(page->table()->rowCount(), 0);
        QVERIFY(!page->issueButton()->isEnabled());

        QSignalSpy issued(&core, &Orchestrator::tokenIssued);
        page->nameEdit()->setText(QStringLiteral("Reception desk"));
        page->roleBox()->setCurrentIndex(page->roleBox()->findData(QStringLiteral("support")));
        page->issueButton()->click();
        QVERIFY(issued.wait(5000));
        const QString token = page->issuedToken()->text();
        QVERIFY(token.startsWith(QLatin1String("sbt_")));
        QTRY_COMPARE(page->table()->rowCount(), 1);
        QCOMPARE(page->table()->item(0, 0)->text(), QStringLiteral("Reception desk"));
        QCOMPARE(page->table()->item(0, 1)->text(), QStringLiteral("Support"));
        QCOMPARE(page->table()->item(0, 4)->text(), QStringLiteral("In use"));
        for (int c = 0; c < page->table()->columnCount(); ++c)
            QVERIFY(!page->table()->item(0, c)->text().contains(token));
        QVERIFY(page->nameEdit()->text().isEmpty());

        QSignalSpy refused(&core, &Orchestrator::tokensRefused);
        page->nameEdit()->setText(QStringLiteral("reception desk"));
        page->issueButton()->click();
        QVERIFY(refused.wait(5000));
        QVERIFY2(page->statusText().contains(QStringLiteral("already in use")),
                 qPrintable(page->statusText()));

        page->setConfirmRevoke(false);
        page->table()->selectRow(0);
        QVERIFY(page->revokeButton()->isEnabled());
        lists.clear();
        page->revokeButton()->click();
        QVERIFY(lists.wait(5000));
        QTRY_VERIFY(page->table()->item(0, 4)->text().startsWith(QStringLiteral("Revoked")));
        page->table()->selectRow(0);
        QVERIFY(!page->revokeButton()->isEnabled());
    }
    // An admin gives a module its API key in Settings › Modules: the real core stores it in
    // the secret store (the encrypted file, as on a server), says how it is sent, never shows
    // it, refuses a bad header naming it, and removes it.
    void aModuleCredentialIsSetShownAndRemoved()
    {
        QTemporaryDir data;
        CoreConfig config;
        config.secretsBackend = QStringLiteral("file");
        CoreOptions options;
        options.dataDir = data.path();
        EmbeddedOrchestrator core {config, options};
        QSignalSpy started(&core, &Orchestrator::ready);
        core.start();
        QVERIFY(started.wait(20000));
        MainWindow window(core, m_clock);
        window.resize(1024, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showView(QStringLiteral("settings-modules")));
        ModuleAddresses *modules = window.settingsView()->modules();
        QVERIFY(!modules->credentialButton()->isEnabled());
        modules->table()->setCurrentCell(1, ModuleAddresses::Module); // 02 Consult Booking
        QTRY_VERIFY(modules->credentialButton()->isEnabled());

        QSignalSpy answers(&core, &Orchestrator::credentialReady);
        modules->credentialButton()->click();
        QVERIFY(answers.wait(5000));
        CredentialDialog *dialog = modules->credentialDialog();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->moduleId(), QStringLiteral("02_booking"));
        QVERIFY2(dialog->statusText().contains(QStringLiteral("No credential")),
                 qPrintable(dialog->statusText()));
        QVERIFY(!dialog->removeButton()->isEnabled());

        // A header with a space is refused, and the dialog stays open with why.
        QSignalSpy refused(&core, &Orchestrator::credentialRefused);
        dialog->headerEdit()->setText(QStringLiteral("api key"));
        dialog->secretEdit()->setText(QStringLiteral("sk-clinic-7781"));
        dialog->saveButton()->click();
        QVERIFY(refused.wait(5000));
        QTRY_VERIFY(dialog->statusText().startsWith(QStringLiteral("Not saved")));
        QVERIFY(dialog->isVisible());
        // What was typed stays, to be corrected.
        QCOMPARE(dialog->secretEdit()->text(), QStringLiteral("sk-clinic-7781"));

        // A good one is stored and described, never shown.
        answers.clear();
        dialog->headerEdit()->setText(QStringLiteral("apikey"));
        QVERIFY(dialog->saveButton()->isEnabled());
        dialog->saveButton()->click();
        QVERIFY(answers.wait(10000));
        QCOMPARE(answers.last().at(1).toJsonObject().value("set").toBool(), true);
        QTRY_VERIFY(!modules->credentialDialog()); // closed and gone
        modules->credentialButton()->click();
        QTRY_VERIFY(modules->credentialDialog()
                    && modules->credentialDialog()->statusText().contains(
                        QStringLiteral("An API key is set, sent in the header \"apikey\"")));
        QVERIFY(modules->credentialDialog()->secretEdit()->text().isEmpty());
        QDirIterator files(data.path(), QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile f(files.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains("sk-clinic-7781"), qPrintable(f.fileName()));
        }

        // Removed, the module is called without one again.
        answers.clear();
        QVERIFY(modules->credentialDialog()->removeButton()->isEnabled());
        modules->credentialDialog()->removeButton()->click();
        QVERIFY(answers.wait(10000));
        QCOMPARE(answers.last().at(1).toJsonObject().value("set").toBool(), false);
    }
};

QTEST_MAIN(TstSettingsView)
#include "tst_settingsview.moc"
