// The Executions list through the API: paged with a cursor, filtered by status, workflow,
// origin and time, searched by execution or trace id, and every wrong query refused naming
// its field; the statement behind it reads an index for every filter (no scan, no sort).

#include "apicoretest.h"
#include "engine/executionqueries.h"
#include "store/database.h"
#include "testsupport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>
#include <QUrlQuery>

using namespace Switchboard;
using namespace TestSupport;

namespace {

QByteArray workflow(const char *id, const char *trigger)
{
    return QByteArray(R"({"id": ")") + id + R"(", "name": "List", "trigger": )" + trigger
        + R"(, "nodes": [{"id": "start", "type": "trigger"}, {"id": "done", "type": "end"}],
             "edges": [{"from": "start", "to": "done"}]})";
}

} // namespace

class TstExecutionList : public ApiCoreTest
{
    Q_OBJECT

    QJsonObject list(const QString &query)
    {
        const HttpResult r = get(url(QStringLiteral("/api/v1/executions?") + query), auth());
        if (r.status != 200)
            qWarning() << query << r.status << r.body;
        return r.json();
    }
    int count(const QString &query)
    {
        return int(list(query).value(QLatin1String("executions")).toArray().size());
    }

    QStringList m_started; // by the API, then by the webhook
    QString m_traceOfFirst;

private Q_SLOTS:
    void initTestCase()
    {
        const Status started = startCore(CoreOptions());
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        for (const auto &[id, trigger] :
             {std::pair {"list-a", R"({"kind": "manual"})"},
              std::pair {"list-b", R"({"kind": "manual"})"},
              std::pair {"list-hook",
                         R"({"kind": "webhook", "path": "list-hook", "respond": "on_end"})"}}) {
            const QString path = QStringLiteral("/api/v1/workflows/") + QLatin1String(id);
            QCOMPARE(request("PUT", url(path), workflow(id, trigger), auth()).status, 200);
            QCOMPARE(post(url(path + QStringLiteral("/publish")), "{}", auth()).status, 201);
        }
        for (int i = 0; i < 8; ++i) {
            const HttpResult r = post(url(QStringLiteral("/api/v1/workflows/%1/executions")
                                              .arg(i < 5 ? "list-a" : "list-b")),
                                      R"({"input":{}})", auth());
            QCOMPARE(r.status, 201);
            m_started << r.json().value(QLatin1String("execution_id")).toString();
            if (i == 0)
                m_traceOfFirst = r.json().value(QLatin1String("trace_id")).toString();
        }
        for (int i = 0; i < 2; ++i)
            QCOMPARE(post(url(QStringLiteral("/hooks/list-hook")), "{}").status, 200);
        QTRY_COMPARE(count(QStringLiteral("status=completed")), 10);
    }

    // Following next_cursor from page to page shows every execution once, newest first.
    void pagesFollowTheCursorToTheEnd()
    {
        QStringList seen;
        QString cursor;
        qint64 previous = std::numeric_limits<qint64>::max();
        int pages = 0;
        do {
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("limit"), QStringLiteral("3"));
            if (!cursor.isEmpty())
                query.addQueryItem(QStringLiteral("cursor"), cursor);
            const QJsonObject page = list(query.toString(QUrl::FullyEncoded));
            const QJsonArray rows = page.value(QLatin1String("executions")).toArray();
            QVERIFY(rows.size() <= 3);
            for (const QJsonValue &row : rows) {
                const qint64 at = QDateTime::fromString(row[QLatin1String("created_at")].toString(),
                                                        Qt::ISODateWithMs)
                                      .toMSecsSinceEpoch();
                QVERIFY(at <= previous);
                previous = at;
                seen << row[QLatin1String("id")].toString();
            }
            cursor = page.value(QLatin1String("next_cursor")).toString();
            QVERIFY(++pages <= 4);
        } while (!cursor.isEmpty());
        QCOMPARE(pages, 4); // 3 + 3 + 3 + 1
        QCOMPARE(seen.size(), 10);
        QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), 10);
        for (const QString &id : std::as_const(m_started))
            QVERIFY(seen.contains(id));
    }

    void filtersTakeOnlyWhatTheyName()
    {
        QCOMPARE(count(QStringLiteral("workflow=list-b")), 3);
        QCOMPARE(count(QStringLiteral("origin=webhook")), 2);
        QCOMPARE(count(QStringLiteral("origin=api")), 8);
        QCOMPARE(count(QStringLiteral("origin=api&workflow=list-a")), 5);
        QCOMPARE(count(QStringLiteral("status=failed")), 0);
        const QJsonArray byId = list(QStringLiteral("q=") + m_started.at(3))
                                    .value(QLatin1String("executions"))
                                    .toArray();
        QCOMPARE(byId.size(), 1);
        QCOMPARE(byId.at(0)[QLatin1String("id")].toString(), m_started.at(3));
        QCOMPARE(byId.at(0)[QLatin1String("origin")].toString(), QStringLiteral("api"));
        const QJsonArray byTrace = list(QStringLiteral("q=") + m_traceOfFirst)
                                       .value(QLatin1String("executions"))
                                       .toArray();
        QCOMPARE(byTrace.size(), 1);
        QCOMPARE(byTrace.at(0)[QLatin1String("id")].toString(), m_started.at(0));
        const QString hourAgo =
            QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODate);
        const QString inAnHour =
            QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate);
        QCOMPARE(count(QStringLiteral("from=") + hourAgo), 10);
        QCOMPARE(count(QStringLiteral("from=") + inAnHour), 0);
        QCOMPARE(count(QStringLiteral("to=") + hourAgo), 0);
        QCOMPARE(count(QStringLiteral("from=%1&to=%2").arg(hourAgo, inAnHour)), 10);
        QVERIFY(list(QStringLiteral("limit=10")).value(QLatin1String("next_cursor")).isNull());
    }

    void wrongQueriesAreRefusedByName_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("cursor made up") << "cursor=abc"
                                        << "cursor";
        QTest::newRow("cursor without an id") << "cursor=123."
                                              << "cursor";
        QTest::newRow("from not a date") << "from=yesterday"
                                         << "from";
        QTest::newRow("to not a date") << "to=2026-13-45T99:00:00Z"
                                       << "to";
        QTest::newRow("limit zero") << "limit=0"
                                    << "limit";
        QTest::newRow("limit words") << "limit=ten"
                                     << "limit";
        QTest::newRow("limit huge") << "limit=1000000"
                                    << "limit";
        QTest::newRow("status unknown") << "status=done"
                                        << "status";
        QTest::newRow("origin unknown") << "origin=fax"
                                        << "origin";
        QTest::newRow("unknown filter") << "colour=red"
                                        << "colour";
    }

    void wrongQueriesAreRefusedByName()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const HttpResult r = get(url(QStringLiteral("/api/v1/executions?") + query), auth());
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QLatin1String("field")).toString(), field);
    }

    // Each filter reads through an index in the list's order: no table scan, no sort, however
    // many executions the store holds.
    void everyFilterReadsThroughAnIndex_data()
    {
        // status, workflow, origin, search, cursor
        QTest::addColumn<QStringList>("given");
        const QString next = QStringLiteral("1767603600000.ex_1");
        QTest::newRow("all") << QStringList {{}, {}, {}, {}, {}};
        QTest::newRow("next page") << QStringList {{}, {}, {}, {}, next};
        QTest::newRow("status") << QStringList {QStringLiteral("failed"), {}, {}, {}, {}};
        QTest::newRow("status, next page")
            << QStringList {QStringLiteral("failed"), {}, {}, {}, next};
        QTest::newRow("workflow") << QStringList {{}, QStringLiteral("list-a"), {}, {}, {}};
        QTest::newRow("origin") << QStringList {{}, {}, QStringLiteral("schedule"), {}, {}};
        QTest::newRow("origin, next page")
            << QStringList {{}, {}, QStringLiteral("schedule"), {}, next};
        QTest::newRow("search") << QStringList {{}, {}, {}, QStringLiteral("ex_1"), {}};
    }

    void everyFilterReadsThroughAnIndex()
    {
        QFETCH(QStringList, given);
        const QString search = given.at(3);
        ExecutionFilter filter;
        filter.status = given.at(0);
        filter.workflowId = given.at(1);
        filter.origin = given.at(2);
        filter.search = search;
        filter.cursor = given.at(4);
        auto query = ExecutionQueries::pageQuery(filter);
        QVERIFY(query.ok());
        Database db;
        QVERIFY(db.open(m_data.filePath(QStringLiteral("plan.db"))).ok());
        auto plan = db.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + query->sql, query->values);
        QVERIFY(plan.ok());
        QStringList steps;
        while (plan->next())
            steps << plan->value(3).toString();
        const QString all = steps.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QLatin1String("USING INDEX"))
                     || all.contains(QLatin1String("USING PRIMARY KEY"))
                     || all.contains(QLatin1String("MULTI-INDEX OR")),
                 qPrintable(all));
        // A filter reads a range of an index (SEARCH); a SCAN would walk the whole list until
        // enough rows match. Unfiltered, the list is the index in order.
        const bool filtered = !(given.at(0) + given.at(1) + given.at(2) + search).isEmpty();
        QVERIFY2(!filtered || !all.contains(QLatin1String("SCAN ")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("USING INDEX executions_by_"))
                     || all.contains(QLatin1String("USING INDEX sqlite_autoindex_executions")),
                 qPrintable(all));
        if (search.isEmpty()) // one row at most: nothing to sort
            QVERIFY2(!all.contains(QLatin1String("TEMP B-TREE")), qPrintable(all));
    }
};

QTEST_GUILESS_MAIN(TstExecutionList)
#include "tst_executionlist.moc"
