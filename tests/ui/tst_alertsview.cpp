#include "alerts/alertdetail.h"
#include "alerts/alertfiltermodel.h"
#include "alerts/alertsview.h"
#include "alerts/alerttablemodel.h"
#include "alerts/channelspanel.h"
#include "alerts/silencedialog.h"
#include "app/desktopnotifier.h"
#include "app/mainwindow.h"
#include "common/manualclock.h"
#include "fakeorchestrator.h"
#include "modules/modulesview.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTreeView>

using namespace Switchboard;

namespace {

QJsonObject alert(qint64 id, const QString &severity, const QString &rule, const QString &module,
                  const QString &title, const QString &state = QStringLiteral("firing"))
{
    return {{"id", id},
            {"fingerprint", rule + ":" + module},
            {"severity", severity},
            {"category", rule == "kpi_threshold" ? "kpi" : "health"},
            {"rule", rule},
            {"module", module},
            {"title", title},
            {"message", "Module not responding to health checks"},
            {"action", "Investigate module logs and restart if necessary"},
            {"state", state},
            {"first_seen", "2026-11-22T08:00:00.000Z"},
            {"last_seen", "2026-11-22T08:58:00.000Z"},
            {"count", 4},
            {"owner", ""},
            {"inhibited_by", ""},
            {"silenced", false}};
}

QJsonObject stateWith(const QJsonArray &alerts)
{
    return {{"alerts", alerts},
            {"paging", QJsonObject {{"critical", 1}, {"warning", 1}}},
            {"silences",
             QJsonArray {QJsonObject {{"id", 7},
                                      {"module", "07_analytics"},
                                      {"rule", ""},
                                      {"recurrence", "weekly"},
                                      {"from", "22:00"},
                                      {"minutes", 240},
                                      {"weekdays", QJsonArray {7}},
                                      {"starts_at", "2026-11-01T00:00:00Z"},
                                      {"comment", "Backups"},
                                      {"created_by", "maria"},
                                      {"active", false},
                                      {"expired", false}}}},
            {"channels",
             QJsonArray {QJsonObject {{"id", "slack"},
                                      {"type", "slack"},
                                      {"name", "Front desk Slack"},
                                      {"enabled", true},
                                      {"severities", QJsonArray()},
                                      {"categories", QJsonArray()},
                                      {"send_resolved", true},
                                      {"per_minute", 0},
                                      {"settings", QJsonObject()},
                                      {"has_secret", true},
                                      {"last_status", "sent"},
                                      {"failing", false}}}}};
}

} // namespace

// The Alerts section in a real window against a fake core: the inbox, bulk actions, the
// detail pane, silences, channels, the unread badge and the desktop notification.
class TstAlertsView : public QObject
{
    Q_OBJECT

    ManualClock m_clock {QDateTime(QDate(2026, 11, 22), QTime(9, 0), Qt::UTC)};

    static QStringList titles(const AlertsView &view)
    {
        QStringList out;
        const QAbstractItemModel *m = view.table()->model();
        for (int r = 0; r < m->rowCount(); ++r) {
            const QModelIndex top = m->index(r, AlertTableModel::Title);
            if (m->hasChildren(m->index(r, 0))) {
                for (int c = 0; c < m->rowCount(m->index(r, 0)); ++c)
                    out << m->index(c, AlertTableModel::Title, m->index(r, 0)).data().toString();
            } else {
                out << top.data().toString();
            }
        }
        return out;
    }

private Q_SLOTS:
    // An alert whose problem is still there cannot be resolved by hand (it would come back at
    // once as a new alert, and the selection would jump to another row): Resolve says why, a
    // mixed selection resolves only the others, and the selection holds through refreshes.
    void resolvingWaitsForTheProblemToGo()
    {
        FakeOrchestrator core;
        MainWindow window(core, m_clock);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QJsonObject down =
            alert(1, "critical", "module_down", "02_booking", "Module Down: Consult Booking");
        down.insert("condition_active", true);
        QJsonObject held = alert(2, "warning", "module_degraded", "04_billing",
                                 "Module Degraded: Billing & Payments");
        held.insert("condition_active", false);
        Q_EMIT core.alertsChanged(stateWith({down, held}));
        window.showView(QStringLiteral("alerts"));
        AlertsView *view = window.alertsView();
        auto *resolve = view->findChild<QPushButton *>(QStringLiteral("resolveAlerts"));
        QVERIFY(resolve);
        view->selectAlert(1);
        QVERIFY(!resolve->isEnabled());
        QVERIFY(resolve->toolTip().contains(QStringLiteral("still there")));
        view->selectAlert(2);
        QVERIFY(resolve->isEnabled());

        auto *table = view->findChild<QTreeView *>(QStringLiteral("alertTable"));
        QVERIFY(table);
        table->selectAll();
        QCOMPARE(view->selectedIds().size(), 2);
        Q_EMIT core.alertsChanged(stateWith({down, held}));
        QCOMPARE(view->selectedIds().size(), 2);
        resolve->click();
        QCOMPARE(core.alertActions.last(), QStringLiteral("resolve:2::0"));
    }

    void workingThroughTheInbox()
    {
        FakeOrchestrator core;
        MainWindow window(core, m_clock);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        Q_EMIT core.ready();
        QTRY_COMPARE(core.alertRequests, 1);
        const QJsonArray first {
            alert(1, "critical", "module_down", "02_booking", "Module Down: Consult Booking"),
            alert(2, "warning", "kpi_threshold", "", "KPI Threshold Breached"),
            alert(3, "warning", "module_degraded", "04_billing",
                  "Module Degraded: Billing & Payments", "resolved")};
        Q_EMIT core.alertsChanged(stateWith(first));
        AlertsView *view = window.alertsView();
        // The first picture is what was already there: nothing new, no desktop notice.
        QCOMPARE(view->model()->unreadCount(), 0);
        QCOMPARE(window.desktopNotifier()->shown(), 0);

        // A new critical alert: announced on the desktop and counted as new on the navigation.
        QJsonArray second = first;
        second.append(alert(4, "critical", "module_down", "06_ocr", "Module Down: Document OCR"));
        Q_EMIT core.alertsChanged(stateWith(second));
        QCOMPARE(window.desktopNotifier()->shown(), 1);
        QCOMPARE(window.desktopNotifier()->lastTitle(),
                 QStringLiteral("Module Down: Document OCR"));
        QCOMPARE(view->model()->unreadCount(), 1);
        auto *nav = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        QCOMPARE(nav->item(4)->text(), QStringLiteral("Alerts (1 new)"));
        Q_EMIT core.alertsChanged(stateWith(second)); // the same picture again: no second notice
        QCOMPARE(window.desktopNotifier()->shown(), 1);

        // Opening the section shows the most pressing alert, which is then read.
        window.showView(QStringLiteral("alerts"));
        QTRY_VERIFY(!view->selectedIds().isEmpty());
        QCOMPARE(titles(*view).size(), 3); // open ones only
        QVERIFY(titles(*view).at(0).startsWith(QLatin1String("Module Down: Consult Booking")));
        // A module's name with "&" reads as written on the button that opens it.
        {
            AlertDetail billing;
            billing.showAlert(alert(3, "warning", "module_degraded", "04_billing",
                                    "Module Degraded: Billing & Payments"));
            QCOMPARE(billing.findChild<QPushButton *>(QStringLiteral("openModule"))->text(),
                     QStringLiteral("Open Billing && Payments in Modules"));
        }
        view->selectAlert(4);
        QCOMPARE(view->model()->unreadCount(), 0);
        QCOMPARE(nav->item(4)->text(), QStringLiteral("Alerts (3)")); // open ones
        QCOMPARE(view->detail()->titleText(), QStringLiteral("Module Down: Document OCR"));

        // Its details: deliveries and history, when the core answers.
        QJsonObject details =
            alert(4, "critical", "module_down", "06_ocr", "Module Down: Document OCR");
        details.insert("deliveries",
                       QJsonArray {QJsonObject {{"channel", "slack"},
                                                {"event", "trigger"},
                                                {"status", "sent"},
                                                {"attempts", 1},
                                                {"error", ""}}});
        details.insert("history",
                       QJsonArray {QJsonObject {{"at", "2026-11-22T08:00:00.000Z"},
                                                {"kind", "raised"},
                                                {"actor", ""},
                                                {"note", ""}}});
        details.insert("executions", QJsonArray {"ex_1"});
        Q_EMIT core.alertReady(4, details);
        QCOMPARE(view->detail()->deliveryRows(), 1);
        QCOMPARE(view->detail()->historyLines().size(), 1);
        QVERIFY(view->detail()->historyLines().at(0).endsWith(QLatin1String("Raised")));
        // Its executions are links that open the Executions section.
        auto *executions = view->detail()->findChild<QLabel *>(QStringLiteral("alertExecutions"));
        QVERIFY2(executions->text().contains(QStringLiteral("href=\"execution:ex_1\"")),
                 qPrintable(executions->text()));
        QSignalSpy opened(view, &AlertsView::executionOpened);
        executions->setFocus(); // followed from the keyboard: Tab to the link, Enter
        QTest::keyClick(executions, Qt::Key_Tab);
        QTest::keyClick(executions, Qt::Key_Return);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).toString(), QStringLiteral("ex_1"));
        QCOMPARE(window.currentView(), QStringLiteral("executions"));
        QVERIFY(window.showView(QStringLiteral("alerts")));
        view->table()->setFocus();

        // Search and the state filter.
        view->searchEdit()->setText(QStringLiteral("billing"));
        QCOMPARE(titles(*view).size(), 0); // resolved, so not among the open ones
        view->stateBox()->setCurrentIndex(view->stateBox()->findData("all"));
        QCOMPARE(titles(*view).size(), 1);
        view->searchEdit()->clear();
        QCOMPARE(titles(*view).size(), 4);
        view->stateBox()->setCurrentIndex(view->stateBox()->findData("open"));

        // Grouped by module: clinic-wide alerts under their own heading.
        view->selectAlert(4);
        view->groupBox()->setCurrentIndex(
            view->groupBox()->findData(int(AlertTableModel::ByModule)));
        const QAbstractItemModel *m = view->table()->model();
        QStringList groups;
        for (int r = 0; r < m->rowCount(); ++r)
            groups << m->index(r, 0).data().toString();
        QCOMPARE(groups,
                 (QStringList {"Consult Booking (1)", "Clinic-wide (1)", "Document OCR (1)"}));
        QCOMPARE(view->selectedIds(), QList<qint64> {4}); // the selection survived regrouping
        view->groupBox()->setCurrentIndex(0);

        // Acknowledge two at once, with a note, from the keyboard.
        view->table()->selectAll();
        QCOMPARE(view->selectedIds().size(), 3);
        view->noteEdit()->setText(QStringLiteral("vendor called"));
        QTest::keyClick(view->table(), Qt::Key_A, Qt::AltModifier);
        QCOMPARE(core.alertActions, QStringList {"ack:1,2,4:vendor called:0"});
        QVERIFY(view->noteEdit()->text().isEmpty());
        QTest::mouseClick(view->resolveButton(), Qt::LeftButton);
        QCOMPARE(core.alertActions.last(), QStringLiteral("resolve:1,2,4::0"));
        Q_EMIT core.alertActionFailed(QStringLiteral("no open alert 2"));
        QCOMPARE(view->errorText(), QStringLiteral("no open alert 2"));

        // The link to the module.
        view->selectAlert(4);
        QPushButton *open = nullptr;
        for (QPushButton *b : view->detail()->findChildren<QPushButton *>())
            if (b->text().contains(QLatin1String("Document OCR")))
                open = b;
        QVERIFY(open);
        QTest::mouseClick(open, Qt::LeftButton);
        QCOMPARE(window.currentView(), QStringLiteral("modules"));
    }

    void silencesAndChannels()
    {
        FakeOrchestrator core;
        MainWindow window(core, m_clock);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.showView(QStringLiteral("alerts"));
        Q_EMIT core.alertsChanged(stateWith(
            {alert(1, "critical", "module_down", "02_booking", "Module Down: Consult Booking")}));
        AlertsView *view = window.alertsView();
        QCOMPARE(view->silenceTable()->rowCount(), 1);
        QVERIFY(view->silenceTable()->item(0, 2)->text().contains(QLatin1String("22:00")));

        // Silence the selected alert's module from the inbox.
        view->selectAlert(1);
        QTest::keyClick(view->table(), Qt::Key_S, Qt::AltModifier);
        QTRY_VERIFY(view->silenceDialog() && view->silenceDialog()->isVisible());
        SilenceDialog *dialog = view->silenceDialog();
        QCOMPARE(dialog->moduleBox()->currentData().toString(), QStringLiteral("02_booking"));
        QCOMPARE(dialog->ruleBox()->currentData().toString(), QStringLiteral("module_down"));
        dialog->commentEdit()->setText(QStringLiteral("Cal.com upgrade"));
        QPushButton *confirm = nullptr;
        for (QPushButton *b : dialog->findChildren<QPushButton *>())
            if (b->text() == QLatin1String("Silence"))
                confirm = b;
        QVERIFY(confirm);
        confirm->click();
        QCOMPARE(core.silencesAdded.size(), 1);
        const QJsonObject silence = core.silencesAdded.first();
        QCOMPARE(silence.value("module").toString(), QStringLiteral("02_booking"));
        QCOMPARE(silence.value("comment").toString(), QStringLiteral("Cal.com upgrade"));
        QVERIFY(silence.contains("ends_at"));

        view->tabs()->setCurrentIndex(1);
        view->silenceTable()->selectRow(0);
        for (QPushButton *b : view->findChildren<QPushButton *>())
            if (b->text() == QLatin1String("End the selected silence"))
                b->click();
        QCOMPARE(core.silencesRemoved, QList<qint64> {7});

        // Channels, in Settings › Notifications: the list, and a new PagerDuty channel with its
        // routing key.
        QVERIFY(window.showView(QStringLiteral("settings-notifications")));
        ChannelsPanel *channels = view->channels();
        QCOMPARE(channels->channelCount(), 1);
        channels->newChannel(QStringLiteral("pagerduty"));
        QVERIFY(channels->field("url")->isVisible());
        QVERIFY(!channels->field("smtp_url")->isVisible());
        QTest::keyClicks(channels->field("id"), QStringLiteral("oncall"));
        QTest::keyClicks(channels->field("name"), QStringLiteral("On-call"));
        QTest::keyClicks(channels->field("url"),
                         QStringLiteral("https://events.pagerduty.com/v2/enqueue"));
        QTest::keyClicks(channels->field("secret"), QStringLiteral("R0UTING"));
        QCOMPARE(channels->field("secret")->echoMode(), QLineEdit::Password);
        QTest::mouseClick(channels->saveButton(), Qt::LeftButton);
        QCOMPARE(core.channelsSaved.size(), 1);
        QCOMPARE(core.channelsSaved.first().value("type").toString(), QStringLiteral("pagerduty"));
        QCOMPARE(core.channelsSaved.first().value("id").toString(), QStringLiteral("oncall"));
        QCOMPARE(core.channelsSaved.first().value("settings").toObject().value("url").toString(),
                 QStringLiteral("https://events.pagerduty.com/v2/enqueue"));
        // A paging channel starts with critical alerts only, as the seed routes them.
        QCOMPARE(core.channelsSaved.first().value("severities").toArray(),
                 (QJsonArray {"critical"}));
        QCOMPARE(core.secrets, QStringList {"R0UTING"});
        Q_EMIT core.channelSaved(QStringLiteral("oncall"));
        QVERIFY(channels->field("secret")->text().isEmpty()); // never kept on screen
        QTest::mouseClick(channels->testButton(), Qt::LeftButton);
        QCOMPARE(core.channelsTested, QStringList {"oncall"});
        Q_EMIT core.channelTested(QStringLiteral("oncall"), false,
                                  QStringLiteral("HTTP 400: bad routing key"));
        QVERIFY(channels->statusText().contains(QLatin1String("bad routing key")));

        // An existing channel opens with its secret kept, not shown.
        channels->editChannel(QStringLiteral("slack"));
        QVERIFY(channels->field("secret")->text().isEmpty());
        QVERIFY(channels->field("secret")->placeholderText().contains(QLatin1String("keychain")));
        QVERIFY(!channels->typeBox()->isEnabled());
    }
};

QTEST_MAIN(TstAlertsView)
#include "tst_alertsview.moc"
