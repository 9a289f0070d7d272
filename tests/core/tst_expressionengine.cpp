#include "workflow/expressionengine.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

using namespace Switchboard;

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
};

QTEST_GUILESS_MAIN(TstExpressionEngine)
#include "tst_expressionengine.moc"
