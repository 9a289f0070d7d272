#include "common/logformat.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Switchboard;

// The log lines as journald and a log shipper read them.
class TstLogFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textLinesHaveALevelATimeAndOneLine()
    {
        const QByteArray line =
            LogFormat::format(LogFormat::Style::Text, false, QtWarningMsg, "switchboard.health",
                              QStringLiteral("02_booking is down\nsecond line"),
                              QStringLiteral("2026-12-02T08:00:00.000Z"), {});
        QCOMPARE(line,
                 QByteArray("2026-12-02T08:00:00.000Z WARNING switchboard.health: "
                            "02_booking is down ⏎ second line\n"));
    }

    void underSystemdEachLineCarriesItsPriority()
    {
        for (const auto &[type, prefix] :
             {std::pair {QtCriticalMsg, "<3>"}, std::pair {QtWarningMsg, "<4>"},
              std::pair {QtInfoMsg, "<6>"}, std::pair {QtDebugMsg, "<7>"}})
            QVERIFY(LogFormat::format(LogFormat::Style::Text, true, type, "c", QStringLiteral("m"),
                                      QStringLiteral("t"), {})
                        .startsWith(prefix));
    }

    void jsonLinesCarryTheTraceOfTheWorkAtHand()
    {
        const QByteArray line =
            LogFormat::format(LogFormat::Style::Json, false, QtInfoMsg, "switchboard.engine",
                              QStringLiteral("step \"charge\" done"), QStringLiteral("T"),
                              "4bf92f3577b34da6a3ce929d0e0e4736");
        QVERIFY(line.endsWith('\n'));
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        QCOMPARE(o.value(QLatin1String("level")).toString(), QStringLiteral("info"));
        QCOMPARE(o.value(QLatin1String("category")).toString(),
                 QStringLiteral("switchboard.engine"));
        QCOMPARE(o.value(QLatin1String("message")).toString(),
                 QStringLiteral("step \"charge\" done"));
        QCOMPARE(o.value(QLatin1String("trace_id")).toString(),
                 QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736"));
    }

    // The handler takes the trace from the scope the engine opens around an execution's work.
    void aTraceScopeNamesTheTraceForItsLines()
    {
        QByteArray captured;
        LogFormat::install(LogFormat::Style::Json, false);
        {
            const LogFormat::TraceScope outer("aaaa");
            {
                const LogFormat::TraceScope inner("bbbb");
                captured = LogFormat::format(LogFormat::Style::Json, false, QtInfoMsg, "c",
                                             QStringLiteral("m"), QStringLiteral("t"),
                                             LogFormat::currentTrace());
                QCOMPARE(LogFormat::currentTrace(), QByteArray("bbbb"));
            }
            QCOMPARE(LogFormat::currentTrace(), QByteArray("aaaa"));
        }
        QVERIFY(LogFormat::currentTrace().isEmpty());
        qInstallMessageHandler(nullptr);
        QVERIFY(captured.contains("\"trace_id\":\"bbbb\""));
    }
};

QTEST_GUILESS_MAIN(TstLogFormat)
#include "tst_logformat.moc"
