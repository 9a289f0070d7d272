#include "api/apiserver.h"
#include "apicoretest.h"
#include "app/mainwindow.h"
#include "remote/logindialog.h"
#include "remote/remoteorchestrator.h"
#include "review/reviewdesk.h"
#include "review/reviewview.h"
#include "review/tasktablemodel.h"
#include "store/database.h"
#include "testsupport.h"

#include <QCheckBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>

using namespace Switchboard;
using namespace TestSupport;

namespace {

const QString Password = QStringLiteral("a long clinic passphrase");

} // namespace

// Two desks on one core over loopback, in real windows: support staff at reception log in
// through the log-in dialog and work the review queue; the manager's console, on the same core,
// sees each step through the live feed. A dropped link greys the console and refuses changes.
class TstRemoteConsole : public ApiCoreTest
{
    Q_OBJECT

    quint16 m_port = 0;
    SystemClock m_wallClock;

    QUrl base() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }

    void addPerson(const QString &name, const QString &displayName, const QString &role)
    {
        const auto added = post(url(QStringLiteral("/api/v1/users")),
                                QJsonDocument(QJsonObject {{"name", name},
                                                           {"display_name", displayName},
                                                           {"role", role},
                                                           {"password", Password}})
                                    .toJson(),
                                auth());
        QCOMPARE(added.status, 201);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const Status started = startDemoCore();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        m_port = m_core->apiPort();
        addPerson(QStringLiteral("ana"), QStringLiteral("Ana Ruiz"), QStringLiteral("support"));
        addPerson(QStringLiteral("jorge"), QStringLiteral("Jorge Pérez"),
                  QStringLiteral("manager"));
    }

    void receptionClaimsAndDecidesWhileTheManagerWatches()
    {
        // Reception: the console asks for a log-in, and a wrong password is said so.
        RemoteOrchestrator reception(base());
        MainWindow desk(reception, m_wallClock);
        desk.resize(1280, 800);
        QPointer<LoginDialog> login;
        connect(&reception, &RemoteOrchestrator::loginNeeded, &desk, [&](const QString &reason) {
            login = new LoginDialog(reception, reason, &desk);
            login->setAttribute(Qt::WA_DeleteOnClose);
            login->open();
        });
        desk.show();
        QVERIFY(QTest::qWaitForWindowExposed(&desk));
        reception.start();
        QTRY_VERIFY(login && login->isVisible());
        auto *name = login->findChild<QLineEdit *>(QStringLiteral("loginName"));
        auto *password = login->findChild<QLineEdit *>(QStringLiteral("loginPassword"));
        auto *button = login->findChild<QPushButton *>(QStringLiteral("loginButton"));
        auto *problem = login->findChild<QLabel *>(QStringLiteral("loginProblem"));
        name->clear();
        QTest::keyClicks(name, QStringLiteral("ana"));
        QTest::keyClicks(password, QStringLiteral("not her password"));
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY(problem->isVisible());
        QCOMPARE(problem->text(),
                 QStringLiteral("The name or the password is wrong, or the account is disabled."));
        QVERIFY(!desk.findChild<QStackedWidget *>()->isEnabled()); // nothing shown as current
        password->clear();
        QTest::keyClicks(password, Password);
        QSignalSpy ready(&reception, &Orchestrator::ready);
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(ready.wait(10000));
        QTRY_VERIFY(!login); // closed once in
        QCOMPARE(reception.role(), QStringLiteral("support"));
        QVERIFY(!reception.canControlModules());
        QVERIFY(reception.connectionLabel().contains(QStringLiteral("Ana Ruiz")));
        QTRY_VERIFY(desk.findChild<QStackedWidget *>()->isEnabled());
        // Support staff may reveal patient data (audited); the console offers it once it knows.
        QVERIFY(reception.mayReadPhi());
        QVERIFY(!desk.findChild<QCheckBox *>(QStringLiteral("deadLetterReveal"))->isHidden());

        // The manager's console, on the same core.
        RemoteOrchestrator office(base());
        MainWindow manager(office, m_wallClock);
        manager.resize(1280, 800);
        manager.show();
        QSignalSpy officeReady(&office, &Orchestrator::ready);
        office.logIn(QStringLiteral("jorge"), Password);
        QVERIFY(officeReady.wait(10000));

        const QString task = reviewTask(QStringLiteral("doc-desk-1"));
        QVERIFY(!task.isEmpty());
        ReviewView *view = desk.reviewView();
        QVERIFY(desk.showView(QStringLiteral("review")));
        QTRY_VERIFY_WITH_TIMEOUT(view->selectTask(task), 10000);
        TaskTableModel *watched = manager.reviewView()->tasks();
        QTRY_VERIFY_WITH_TIMEOUT(watched->rowOf(task) >= 0, 10000);

        // Claimed at reception: the manager sees who has it, by name.
        desk.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&desk));
        QTest::keyClick(view, Qt::Key_L, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(
            watched->index(watched->rowOf(task), TaskTableModel::OwnerColumn).data().toString(),
            QStringLiteral("Ana Ruiz"), 10000);

        // Decided at reception: it leaves the manager's queue, and the core has who decided.
        QTest::keyClick(view, Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(watched->rowOf(task) < 0, 10000);
        const QJsonObject decided =
            get(url(QStringLiteral("/api/v1/tasks/") + task), auth()).json();
        QCOMPARE(decided.value(QLatin1String("status")).toString(), QStringLiteral("decided"));
        QCOMPARE(decided.value(QLatin1String("decision"))
                     .toObject()
                     .value(QLatin1String("decided_by_name"))
                     .toString(),
                 QStringLiteral("Ana Ruiz"));
    }

    void aDroppedLinkGreysTheConsoleAndRefusesChanges()
    {
        RemoteOrchestrator reception(base());
        MainWindow desk(reception, m_wallClock);
        desk.resize(1024, 700);
        desk.show();
        reception.link().setRetryDelays(50, 400);
        QSignalSpy ready(&reception, &Orchestrator::ready);
        reception.logIn(QStringLiteral("ana"), Password);
        QVERIFY(ready.wait(10000));
        const QString task = reviewTask(QStringLiteral("doc-desk-2"));
        QVERIFY(!task.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(desk.reviewView()->tasks()->rowOf(task) >= 0, 10000);
        auto *pages = desk.findChild<QStackedWidget *>();
        auto *banner = desk.findChild<QLabel *>(QStringLiteral("linkBanner"));
        QVERIFY(pages->isEnabled());
        QVERIFY(banner->isHidden());

        m_core->api()->closeAll(); // the network between desk and core goes away
        QTRY_VERIFY(!pages->isEnabled());
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(QStringLiteral("not being updated")),
                 qPrintable(banner->text()));
        // A claim made meanwhile (from a shortcut the greyed page does not stop) is refused
        // with the reason, and nothing reaches the core.
        QSignalSpy refused(&reception, &Orchestrator::taskActionFailed);
        reception.claimTask(task);
        QTRY_COMPARE(refused.size(), 1);
        QVERIFY(refused.first().at(2).toString().contains(QStringLiteral("nothing was sent")));
        const auto stored = m_core->review()->task(task, false);
        QVERIFY(stored.ok());
        QVERIFY(stored->value(QLatin1String("claimed_by")).isNull());

        // Changed while the desk was away: caught up once the link is back.
        QVERIFY(m_core->review()->claim(task, QStringLiteral("jorge")).ok());
        QVERIFY(m_core->api()->listenOn(QHostAddress::LocalHost, m_port).ok());
        QTRY_VERIFY_WITH_TIMEOUT(pages->isEnabled(), 10000);
        QVERIFY(banner->isHidden());
        TaskTableModel *tasks = desk.reviewView()->tasks();
        QTRY_VERIFY_WITH_TIMEOUT(
            !tasks->taskAt(tasks->rowOf(task)).value(QLatin1String("claimed_by")).isNull(), 10000);
    }

    // The core restarts (an upgrade, a crash): the console finds it again with the same
    // session, reads everything again, and shows what changed while it was away.
    void aRestartedCoreIsReadAgain()
    {
        RemoteOrchestrator reception(base());
        MainWindow desk(reception, m_wallClock);
        desk.show();
        reception.link().setRetryDelays(50, 400);
        QSignalSpy ready(&reception, &Orchestrator::ready);
        reception.logIn(QStringLiteral("ana"), Password);
        QVERIFY(ready.wait(10000));
        const QString task = reviewTask(QStringLiteral("doc-desk-3"));
        QVERIFY(!task.isEmpty());
        TaskTableModel *tasks = desk.reviewView()->tasks();
        QTRY_VERIFY_WITH_TIMEOUT(tasks->rowOf(task) >= 0, 10000);
        QSignalSpy reloads(&reception.link(), &RemoteLink::reloadNeeded);
        auto *pages = desk.findChild<QStackedWidget *>();

        m_core.reset();
        QTRY_VERIFY(!pages->isEnabled());
        // Decided while the core was down (as another core on the same store would).
        {
            Database db;
            QVERIFY(db.open(m_data.filePath(QStringLiteral("demo.db"))).ok());
            QVERIFY(
                db.run(QStringLiteral("UPDATE tasks SET status = 'decided' WHERE id = ?"), {task})
                    .ok());
        }
        const Status restarted = startDemoCore(m_port);
        QVERIFY2(restarted.ok(),
                 qPrintable(restarted.ok() ? QString() : restarted.error().toString()));
        QVERIFY(reloads.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(pages->isEnabled(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(tasks->rowOf(task) < 0, 10000);
        QCOMPARE(reception.userName(), QStringLiteral("ana")); // the same session
    }
};

QTEST_MAIN(TstRemoteConsole)
#include "tst_remoteconsole.moc"
