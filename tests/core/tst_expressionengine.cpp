#include "workflow/directexpression.h"
#include "workflow/expressionengine.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace Switchboard;

namespace {

// This process's resident memory, in KiB.
qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

} // namespace

class TstExpressionEngine : public QObject
{
    Q_OBJECT

    const QJsonObject m_scope {
        {"input", QJsonObject {{"score", 9}, {"patient_id", "pt-1"}, {"first_name", "Ana"}}},
        {"steps",
         QJsonObject {
             {"book", QJsonObject {{"output", QJsonObject {{"slot", "2026-01-06T09:00:00Z"}}}}}}}};

private Q_SLOTS:
    void evaluatesConditionsAndPaths()
    {
        ExpressionEngine engine;
        QCOMPARE(*engine.evaluate(QStringLiteral("input.score >= 8"), m_scope), QJsonValue(true));
        QCOMPARE(*engine.evaluate(QStringLiteral("input.score < 5"), m_scope), QJsonValue(false));
        QCOMPARE(*engine.evaluate(QStringLiteral("steps.book.output.slot"), m_scope),
                 QJsonValue(QStringLiteral("2026-01-06T09:00:00Z")));
        QCOMPARE(*engine.evaluate(QStringLiteral("input.missing"), m_scope),
                 QJsonValue(QJsonValue::Null));
    }

    // Every expression DirectExpression answers, it answers as JavaScript does: each one here
    // is evaluated both ways and compared. Those it must answer are listed as such (the fast
    // path is taken), and those whose meaning hangs on a conversion or an error must be left
    // to the engine.
    void directAnswersAreJavaScriptsAnswers_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<bool>("direct");
        const struct
        {
            const char *expression;
            bool direct;
        } rows[] = {
            {"input.score >= 8", true},
            {"input.score > 9", true},
            {"input.score <= 9 && input.score < 10", true},
            {"input.score == 9", true},
            {"input.score === 9", true},
            {"input.score != 9", true},
            {"input.score !== 9.0", true},
            {"input.score == '9'", false}, // a conversion
            {"input.score === '9'", true},
            {"input.first_name == 'Ana'", true},
            {"input.first_name == \"Ana\"", true},
            {"input.first_name < 'Bob'", true},
            {"input.first_name > 'ana'", true},
            {"input.first_name == 'A\\'na'", true},
            {"input.first_name == 'A\\u006Ea'", false},
            {"input.missing", true},
            {"input.missing == null", true},
            {"input.missing === null", true},
            {"input.missing === undefined", true},
            {"input.nothing == null", true},
            {"input.nothing === null", true},
            {"input.nothing === undefined", true},
            {"input.missing.deeper", false}, // a TypeError
            {"input.flag", true},
            {"!input.flag", true},
            {"!!input.first_name", true},
            {"input.flag || input.first_name", true},
            {"input.flag && input.first_name", true},
            {"input.zero || 'none'", true},
            {"input.empty || input.zero || input.missing", true},
            {"input.score >= 8 ? 'booking' : 'followup'", true},
            {"input.score < 8 ? steps.nowhere.output.id : steps.book.output.slot", true},
            {"input.score >= 8 ? steps.book.output.slot : steps.nowhere.output.id", true},
            {"(input.score > 5 && input.score < 10) || input.flag", true},
            {"input.score > 5 ? input.score > 8 ? 'high' : 'mid' : 'low'", true},
            {"-input.score < -8", true},
            {"input.score >= 8.5e0", true},
            {".5 < 1", true},
            {"input.tags", true},
            {"input.tags == input.tags", false}, // identity in JavaScript
            {"input.tags.length", false},
            {"input.first_name.length", false},
            {"input.constructor", false},
            {"input.toString", false},
            {"input.score + 1", false},
            {"input.score >= 8 >= 0", false},
            {"input.first_name.toUpperCase()", false},
            {"input['score']", false},
            {"input?.score", false},
            {"input.missing ?? 'x'", false},
            {"input.score >= 010", false},
            {"0x10 > input.score", false},
            {"Math.max(input.score, 3)", false},
            {"typeof input.score", false},
            {"input.score = 3", false},
            {"input.score >== 3", false},
            {"true === !false", true},
            {"null == undefined", true},
            {"null === undefined", true},
            {"input.flag === false", true},
            {"input.flag == 0", false}, // a conversion
            {"steps.book.output.slot > '2026'", true},
            {"vars.count > 1", false}, // undefined compared: the engine says false
            {"event.kind == 'x'", true},
            {"env.execution_id", true},
        };
        for (const auto &row : rows)
            QTest::newRow(row.expression) << QString::fromUtf8(row.expression) << row.direct;
    }

    void directAnswersAreJavaScriptsAnswers()
    {
        QFETCH(QString, expression);
        QFETCH(bool, direct);
        QJsonObject scope = m_scope;
        QJsonObject input = scope.value(QLatin1String("input")).toObject();
        input.insert(QStringLiteral("flag"), false);
        input.insert(QStringLiteral("zero"), 0);
        input.insert(QStringLiteral("empty"), QStringLiteral(""));
        input.insert(QStringLiteral("nothing"), QJsonValue::Null);
        input.insert(QStringLiteral("tags"), QJsonArray {"a", "b"});
        scope.insert(QStringLiteral("input"), input);
        scope.insert(QStringLiteral("env"),
                     QJsonObject {{QStringLiteral("execution_id"), QStringLiteral("ex_1")}});
        ExpressionEngine engine;
        const std::optional<QJsonValue> fast = DirectExpression::evaluate(expression, scope);
        QCOMPARE(fast.has_value(), direct);
        const Result<QJsonValue> slow = engine.evaluateInEngine(expression, scope);
        if (fast) {
            QVERIFY2(slow.ok(), qPrintable(slow.ok() ? QString() : slow.error().message));
            QCOMPARE(*fast, *slow);
        }
        // Either way, evaluate() gives the engine's answer.
        const Result<QJsonValue> either = engine.evaluate(expression, scope);
        QCOMPARE(either.ok(), slow.ok());
        if (slow.ok())
            QCOMPARE(*either, *slow);
    }

    void rendersTemplates()
    {
        ExpressionEngine engine;
        const auto rendered = engine.render(
            QJsonObject {
                {"greeting", "Hello {{ input.first_name }}, see you {{ steps.book.output.slot }}"},
                {"score", "{{ input.score }}"},
                {"list", QJsonArray {"{{ input.patient_id }}", 3}}},
            m_scope);
        QVERIFY(rendered.ok());
        const QJsonObject o = rendered->toObject();
        QCOMPARE(o.value(QLatin1String("greeting")).toString(),
                 QStringLiteral("Hello Ana, see you 2026-01-06T09:00:00Z"));
        QCOMPARE(o.value(QLatin1String("score")), QJsonValue(9)); // a whole {{ }} keeps its type
        QCOMPARE(o.value(QLatin1String("list")).toArray().at(0).toString(), QStringLiteral("pt-1"));
    }

    void reportsErrorsInsteadOfThrowing()
    {
        ExpressionEngine engine;
        QVERIFY(!engine.checkExpression(QStringLiteral("input.score >=")).ok());
        QVERIFY(!engine.checkExpression(QStringLiteral("")).ok());
        QVERIFY(!engine.checkTemplate(QStringLiteral("Hi {{ input. }}")).ok());
        const auto thrown = engine.evaluate(QStringLiteral("input.nothing.deeper"), m_scope);
        QVERIFY(!thrown.ok());
        QVERIFY2(thrown.error().message.contains(QStringLiteral("deeper"))
                     || thrown.error().message.contains(QStringLiteral("null")),
                 qPrintable(thrown.error().message));
    }

    void stopsRunawayCode()
    {
        ExpressionEngine engine(100);
        QElapsedTimer timer;
        timer.start();
        const auto r =
            engine.evaluate(QStringLiteral("(function(){ while (true) {} })()"), m_scope);
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QStringLiteral("longer than 100 ms")));
        QVERIFY(timer.elapsed() < 5000);
        // The engine is usable afterwards.
        QCOMPARE(*engine.evaluate(QStringLiteral("1 + 1"), m_scope), QJsonValue(2));
    }

    void hasNoInputOrOutput()
    {
        ExpressionEngine engine;
        for (const char *probe : {"typeof console", "typeof XMLHttpRequest", "typeof require",
                                  "typeof Qt", "typeof fetch", "typeof setTimeout"}) {
            const auto r = engine.evaluate(QString::fromLatin1(probe), m_scope);
            QVERIFY(r.ok());
            QCOMPARE(r->toString(), QStringLiteral("undefined"));
        }
        // Inputs cannot be changed from an expression.
        QVERIFY(engine.evaluate(QStringLiteral("input.score = 1"), m_scope).ok());
        QCOMPARE(*engine.evaluate(QStringLiteral("input.score"), m_scope), QJsonValue(9));
    }

    void anExpressionCannotEscapeItsFunction_data()
    {
        QTest::addColumn<QString>("expression");
        // Each tries to close the wrapper and run a loop at compile time.
        QTest::newRow("close the call") << "0) }); for(;;){} (function(){ return (0";
        QTest::newRow("close the return") << "0); for(;;){} (0";
        QTest::newRow("comment out the rest") << "0)}); while(1){} //";
    }
    void anExpressionCannotEscapeItsFunction()
    {
        QFETCH(QString, expression);
        ExpressionEngine engine(100);
        QElapsedTimer timer;
        timer.start();
        const Status checked = engine.checkExpression(expression);
        const auto evaluated = engine.evaluate(expression, m_scope);
        QVERIFY2(timer.elapsed() < 2000, "the expression ran unguarded");
        QVERIFY(!checked.ok() || !evaluated.ok() || evaluated->toDouble() == 0);
        QCOMPARE(*engine.evaluate(QStringLiteral("1 + 1"), m_scope), QJsonValue(2));
    }

    void runawayRecursionIsStopped_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::newRow("tail call") << "(function f(){ return f(); })()";
        QTest::newRow("deep call") << "(function f(n){ return 1 + f(n + 1); })(0)";
        QTest::newRow("strict tail call") << "(function f(){ 'use strict'; return f(); })()";
        QTest::newRow("strict through the constructor")
            << "(function(){}).constructor('\\'use st' + 'rict\\'; return (function f(){ return "
               "f(); })()')()";
        QTest::newRow("strict through eval")
            << "eval('\\'use st' + 'rict\\'; (function f(){ return f(); })()')";
    }
    void runawayRecursionIsStopped()
    {
        QFETCH(QString, expression);
        ExpressionEngine engine(200);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!engine.evaluate(expression, m_scope).ok());
        QVERIFY(timer.elapsed() < 5000);
        QCOMPARE(*engine.evaluate(QStringLiteral("2 * 3"), m_scope), QJsonValue(6));
    }

    void hugeTextsAreRefused()
    {
        ExpressionEngine engine;
        const auto repeated = engine.evaluate(QStringLiteral("'x'.repeat(2**25).length"), m_scope);
        QVERIFY(!repeated.ok());
        QVERIFY2(repeated.error().message.contains(QStringLiteral("longer than")),
                 qPrintable(repeated.error().message));
        QVERIFY(!engine.evaluate(QStringLiteral("'x'.padStart(1e9)"), m_scope).ok());
        QCOMPARE(*engine.evaluate(QStringLiteral("'ab'.repeat(3)"), m_scope),
                 QJsonValue(QStringLiteral("ababab")));
        QVERIFY(!engine.checkExpression(QString(20000, QLatin1Char('1'))).ok());
    }

    // Allocation bombs that go around repeat and pad: each ends in an error within the time
    // limit, and the memory the engine held stays bounded.
    void allocationBombsEndWithBoundedMemory_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::newRow("doubling a text") << "(function(){ var s = 'x'; for (;;) s += s; })()";
        QTest::newRow("doubling and reading") << "(function(){ var s = 'xy'; for (;;) { s = s + s; "
                                                 "s.charCodeAt(s.length - 1); } })()";
        QTest::newRow("a huge array") << "new Array(2**31).fill(0).length";
        QTest::newRow("growing an array")
            << "(function(){ var a = []; for (;;) a.push(a.length); })()";
        QTest::newRow("join") << "new Array(2**26).join('x').length";
        QTest::newRow("objects")
            << "(function(){ var o = {}; for (var i = 0;; ++i) o['k' + i] = i; })()";
    }

    void allocationBombsEndWithBoundedMemory()
    {
        QFETCH(QString, expression);
        ExpressionEngine engine;
        const qint64 before = residentKiB();
        const auto result = engine.evaluate(expression, m_scope);
        QVERIFY(!result.ok());
        const qint64 grown = residentKiB() - before;
        QVERIFY2(grown < 300 * 1024,
                 qPrintable(QStringLiteral("grew by %1 MiB: %2")
                                .arg(grown / 1024)
                                .arg(result.error().message)));
        QCOMPARE(*engine.evaluate(QStringLiteral("2 * 3"), m_scope), QJsonValue(6));
    }

    void evaluationsCannotReachEachOther()
    {
        ExpressionEngine engine;
        // Globals, built-ins and prototypes are frozen: nothing one evaluation leaves behind
        // is seen by the next, whoever's data it carried.
        (void)engine.evaluate(QStringLiteral("(function(){ return this; })().leak = input.score"),
                              m_scope);
        (void)engine.evaluate(QStringLiteral("(leak2 = input.score)"), m_scope);
        (void)engine.evaluate(QStringLiteral("Object.prototype.polluted = input.score"), m_scope);
        (void)engine.evaluate(QStringLiteral("Array.prototype.push = null"), m_scope);
        (void)engine.evaluate(QStringLiteral("JSON.stringify = function(){ return 'x'; }"),
                              m_scope);
        QCOMPARE(engine.evaluate(QStringLiteral("typeof leak"), m_scope)->toString(),
                 QStringLiteral("undefined"));
        QCOMPARE(engine.evaluate(QStringLiteral("typeof leak2"), m_scope)->toString(),
                 QStringLiteral("undefined"));
        QCOMPARE(engine.evaluate(QStringLiteral("typeof ({}).polluted"), m_scope)->toString(),
                 QStringLiteral("undefined"));
        QCOMPARE(*engine.evaluate(QStringLiteral("[1].concat([2]).length"), m_scope),
                 QJsonValue(2));
        QCOMPARE(engine.evaluate(QStringLiteral("JSON.stringify({a: 1})"), m_scope)->toString(),
                 QStringLiteral("{\"a\":1}"));
        QVERIFY(engine
                    .evaluate(
                        QStringLiteral("(function(){ var a = []; a.push(1); return a.length; })()"),
                        m_scope)
                    .ok());
    }
};

QTEST_GUILESS_MAIN(TstExpressionEngine)
#include "tst_expressionengine.moc"
