#include "alerts/alertfiltermodel.h"
#include "alerts/alertsview.h"
#include "app/mainwindow.h"
#include "executions/executionsview.h"
#include "layoutcheck.h"
#include "modules/dependencygraphview.h"
#include "modules/modulesview.h"
#include "service/embeddedorchestrator.h"
#include "sim/simdemoclinic.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

using namespace Switchboard;

// Every section of the console on the demo clinic, in English and in Spanish, at the sizes
// clinic desks have: nothing a person reads is cut off or sticks out of its pane, and in Spanish
// nothing is left in English.
class TstEveryView : public QObject
{
    Q_OBJECT

    SystemClock m_clock;
    QTranslator m_spanish;
    QString m_language;
    std::unique_ptr<EmbeddedOrchestrator> m_core;

    static QStringList views() { return MainWindow::viewNames() + MainWindow::tabNames(); }

private Q_SLOTS:
    void cleanupTestCase()
    {
        m_core.reset();
        QApplication::removeTranslator(&m_spanish);
    }

    // A demo core for a language: the templates it installs read in the language it starts in.
    void startCore(const QString &language)
    {
        if (m_core && m_language == language)
            return;
        m_core.reset();
        QApplication::removeTranslator(&m_spanish);
        if (language == QLatin1String("es")) {
            QVERIFY(m_spanish.load(QStringLiteral(QT_TESTCASE_BUILDDIR "/../switchboard_es.qm")));
            QApplication::installTranslator(&m_spanish);
        }
        QLocale::setDefault(QLocale(language));
        m_language = language;
        CoreOptions options;
        options.demo = true;
        options.demoClinic = [](const Clock &clock) {
            return std::make_unique<SimDemoClinic>(clock);
        };
        options.demoEventRate = 5;
        m_core = std::make_unique<EmbeddedOrchestrator>(CoreConfig(), options);
        QSignalSpy overviews(m_core.get(), &Orchestrator::overviewChanged);
        m_core->start();
        QTRY_VERIFY_WITH_TIMEOUT(
            !overviews.isEmpty()
                && overviews.last().first().value<SystemOverview>().lastCheck.isValid(),
            30000);
    }

    // The checks themselves find what they are for: a field cut off in a pane that cannot
    // scroll sideways, a one-line label too long for its place, and English words.
    void theChecksFindWhatTheyLookFor()
    {
        QWidget window;
        window.resize(300, 200);
        auto *area = new QScrollArea(&window);
        area->setObjectName(QStringLiteral("pane"));
        area->setGeometry(0, 0, 300, 100);
        area->setWidgetResizable(true);
        area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        auto *wide = new QWidget;
        wide->setMinimumWidth(500);
        area->setWidget(wide);
        auto *label = new QLabel(QStringLiteral("Abrir el informe de esta mañana"), &window);
        label->setGeometry(0, 120, 40, 20);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QStringList cut = LayoutCheck::cutOff(&window);
        QVERIFY2(cut.filter(QStringLiteral("pane needs 500 px")).size() == 1,
                 qPrintable(cut.join(QLatin1Char('\n'))));
        QVERIFY2(cut.filter(QStringLiteral("Abrir el informe")).size() == 1,
                 qPrintable(cut.join(QLatin1Char('\n'))));
        QCOMPARE(LayoutCheck::englishIn({QStringLiteral("Abrir el informe"),
                                         QStringLiteral("Open the report"),
                                         QStringLiteral("flujo new-patient-onboarding")})
                     .size(),
                 1);
    }

    void nothingIsCutOff_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QSize>("size");
        for (const char *language : {"en", "es"}) {
            for (const QSize size : {QSize(1280, 800), QSize(1024, 700)})
                QTest::addRow("%s %dx%d", language, size.width(), size.height())
                    << QString::fromLatin1(language) << size;
        }
    }

    void nothingIsCutOff()
    {
        QFETCH(QString, language);
        QFETCH(QSize, size);
        startCore(language);
        if (QTest::currentTestFailed())
            return;
        {
            MainWindow window(*m_core, m_clock);
            window.resize(size);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            // What the window asks for when the core becomes ready (it was before the window).
            QSignalSpy tasks(m_core.get(), &Orchestrator::tasksChanged);
            QSignalSpy alerts(m_core.get(), &Orchestrator::alertsChanged);
            QSignalSpy workflows(m_core.get(), &Orchestrator::workflowsChanged);
            m_core->requestTasks();
            m_core->requestAlerts();
            m_core->requestWorkflows();
            QTRY_VERIFY_WITH_TIMEOUT(!tasks.isEmpty() && !alerts.isEmpty() && !workflows.isEmpty(),
                                     10000);
            QStringList problems;
            QStringList english;
            for (const QString &view : views()) {
                // The section asks the core for its list when shown: its answer is awaited
                // (a section showing what it had already gets none; then the wait ends).
                static const QHash<QString, QList<const char *>> answers {
                    {QStringLiteral("executions"),
                     {SIGNAL(executionsChanged(QJsonArray, bool)),
                      SIGNAL(executionReady(QString, QJsonObject)),
                      SIGNAL(versionReady(QString, int, QJsonObject))}},
                    {QStringLiteral("dead-letters"),
                     {SIGNAL(deadLettersChanged(QString, QJsonArray))}},
                    {QStringLiteral("review"), {SIGNAL(tasksChanged(QJsonArray))}},
                    {QStringLiteral("alerts"), {SIGNAL(alertsChanged(QJsonObject))}},
                    {QStringLiteral("workflows"), {SIGNAL(workflowsChanged(QJsonArray))}}};
                std::vector<std::unique_ptr<QSignalSpy>> spies;
                for (const char *signal : answers.value(view))
                    spies.push_back(std::make_unique<QSignalSpy>(m_core.get(), signal));
                QVERIFY(window.showView(view));
                for (const auto &spy : spies) {
                    if (spy->isEmpty())
                        (void)spy->wait(3000);
                }
                QCoreApplication::processEvents();
                for (const QString &problem : LayoutCheck::cutOff(&window))
                    problems << view + QStringLiteral(": ") + problem;
                for (const QString &cell : LayoutCheck::elidedCells(&window))
                    problems << view + QStringLiteral(": ") + cell;
                // Painted text the widget checks cannot see: the dependency graph's names.
                if (view == QLatin1String("modules")) {
                    if (const QString cut = window.modulesView()->graph()->cutName();
                        !cut.isEmpty())
                        problems << QStringLiteral("modules: \"%1\" is cut in the dependency graph")
                                        .arg(cut);
                }
                if (language != QLatin1String("en"))
                    for (const QString &word :
                         LayoutCheck::englishIn(LayoutCheck::visibleTexts(&window)))
                        english << view + QStringLiteral(": ") + word;
            }
            // The demo's past alerts, one opened with its history: the core's words for them
            // (titles, what to do, what happened) read in the console's language too.
            QVERIFY(window.showView(QStringLiteral("alerts")));
            QSignalSpy past(m_core.get(), &Orchestrator::alertsChanged);
            QComboBox *state = window.alertsView()->stateBox();
            state->setCurrentIndex(state->findData(QStringLiteral("all")));
            QTRY_VERIFY(window.alertsView()->filter()->rowCount() >= 2);
            // From no selection, so that choosing the first one always asks for its details.
            window.alertsView()->table()->selectionModel()->clear();
            QSignalSpy opened(m_core.get(), &Orchestrator::alertReady);
            window.alertsView()->table()->setCurrentIndex(
                window.alertsView()->filter()->index(0, 0));
            QVERIFY(opened.wait(10000));
            QCoreApplication::processEvents();
            const QStringList alertTexts = LayoutCheck::visibleTexts(&window);
            QVERIFY2(alertTexts.join(QLatin1Char('\n')).contains(QLatin1String("%")) == false,
                     "a message's placeholder was left unfilled");
            for (const QString &problem :
                 LayoutCheck::cutOff(&window) + LayoutCheck::elidedCells(&window))
                problems << QStringLiteral("alerts (all): ") + problem;
            if (language != QLatin1String("en"))
                for (const QString &word : LayoutCheck::englishIn(alertTexts))
                    english << QStringLiteral("alerts (all): ") + word;
            state->setCurrentIndex(0);
            problems.removeDuplicates();
            english.removeDuplicates();
            // Each on its own line: the check's message is cut at a length.
            for (const QString &line : problems + english)
                qWarning().noquote() << "found:" << line;
            // In another language than English, nothing a person reads is left in English.
            QVERIFY2(english.isEmpty(), qPrintable(english.join(QLatin1Char('\n'))));
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        }
    }
};

QTEST_MAIN(TstEveryView)
#include "tst_everyview.moc"
