// An execution's typed state and its stored JSON: what older databases hold reads back and is
// written again unchanged, and damaged states are refused naming what is wrong.

#include "common/phimask.h"
#include "engine/executionjson.h"
#include "engine/executionstate.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRandomGenerator>
#include <QTest>

using namespace Switchboard;

namespace {

// A state as the engine stored it before it was typed (schema 11): a saga under way after a
// join, a call in flight, a retried call whose outcome was unknown, a kept body.
const QByteArray Stored = R"({
  "steps": {
    "start": {"status": "completed", "visits": 1, "started_at": 1767603600000,
              "finished_at": 1767603600000, "output": {"patient_id": "p1"}},
    "charge": {"status": "completed", "visits": 1, "started_at": 1767603600001,
               "finished_at": 1767603600200, "attempts": 2, "uncertain": false,
               "output": {"ok": true}, "request": {"action": "charge", "amount": 40},
               "compensation_request": {"action": "refund", "amount": 40}},
    "book": {"status": "failed", "visits": 2, "started_at": 1767603601000,
             "finished_at": 1767603602000, "attempts": 5, "error": "HTTP 503",
             "uncertain": true, "output": {"error": "HTTP 503"}},
    "review": {"status": "waiting", "visits": 1, "started_at": 1767603601000,
               "task_id": "tk_0011223344556677"},
    "both": {"status": "waiting", "visits": 1, "started_at": 1767603601000},
    "again": {"status": "retrying", "visits": 1, "started_at": 1767603601000, "attempts": 1,
              "error": ""}
  },
  "vars": {"tier": "gold", "count": 3},
  "ready": ["next", "next"],
  "inflight": {"charge": {"attempt": 1, "visit": 1, "compensation": true,
                          "span": "00f067aa0ba902b7"},
               "book": {"attempt": 3, "visit": 2}},
  "waiting": ["review", "again"],
  "joins": {"both": {"arrived": 1}, "other": {"arrived": 2, "fired": true}},
  "completed": ["charge"],
  "compensate": []
})";

QJsonObject object(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TstExecutionState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aStoredStateReadsBackAndIsWrittenUnchanged()
    {
        const QJsonObject stored = object(Stored);
        QVERIFY(!stored.isEmpty());
        auto state = ExecutionState::fromJson(stored);
        QVERIFY(state.ok());
        QCOMPARE(state->toJson(), stored);

        const StepState *charge = state->step(QStringLiteral("charge"));
        QVERIFY(charge);
        QCOMPARE(charge->status, StepStatus::Completed);
        QCOMPARE(charge->attempts, 2);
        QCOMPARE(charge->uncertain, std::optional<bool>(false));
        QCOMPARE(charge->request->value(QLatin1String("amount")).toInt(), 40);
        QCOMPARE(state->step(QStringLiteral("again"))->error, QString(QLatin1String("")));
        QVERIFY(!state->step(QStringLiteral("again"))->error.isNull());
        QCOMPARE(state->inflight.value(QStringLiteral("charge")).span,
                 QStringLiteral("00f067aa0ba902b7"));
        QVERIFY(state->inflight.value(QStringLiteral("charge")).compensation);
        QCOMPARE(state->joins.value(QStringLiteral("other")).fired, true);
        QCOMPARE(state->ready, QStringList({QStringLiteral("next"), QStringLiteral("next")}));
        QVERIFY(state->compensate && state->compensate->isEmpty()); // under way, nothing left
        QVERIFY(!state->step(QStringLiteral("never")));
    }

    void aStepReachedAgainStartsFreshWithOneVisitMore()
    {
        auto state = ExecutionState::fromJson(object(Stored));
        QVERIFY(state.ok());
        const QJsonObject before = state->stepsJson();
        StepState &book = state->startStep(QStringLiteral("book"), 1767603700000);
        QCOMPARE(book.visits, 3);
        QCOMPARE(book.status, StepStatus::Running);
        QVERIFY(book.output.isUndefined());
        QVERIFY(book.error.isNull());
        QVERIFY(!book.uncertain && !book.request);
        // What expressions see follows the change.
        const QJsonObject after = state->stepsJson().value(QLatin1String("book")).toObject();
        QCOMPARE(after,
                 object(R"({"status": "running", "visits": 3, "started_at": 1767603700000})"));
        QVERIFY(before != state->stepsJson());
    }

    // The stored text is the JSON, with steps written out again only when they changed.
    void theStoredTextIsTheStateAfterEveryChange()
    {
        auto state = ExecutionState::fromJson(object(Stored));
        QVERIFY(state.ok());
        const auto parsedText = [&] {
            QJsonParseError error;
            const QJsonObject o = QJsonDocument::fromJson(state->toText(), &error).object();
            if (error.error != QJsonParseError::NoError)
                qWarning() << error.errorString() << state->toText();
            return o;
        };
        QCOMPARE(parsedText(), state->toJson());
        state->changeStep(QStringLiteral("both")).status = StepStatus::Completed;
        StepState &odd = state->startStep(QStringLiteral("a \"quoted\"\n\\node\u00e9"), 5);
        odd.output = QJsonObject {{QStringLiteral("x"), 1}};
        state->ready.clear();
        state->parent = ParentLink {QStringLiteral("ex_parent"), QStringLiteral("run"), 2, false};
        QCOMPARE(parsedText(), state->toJson());
        // The parent link reads back as it was.
        auto back = ExecutionState::fromJson(parsedText());
        QVERIFY(back.ok() && back->parent);
        QCOMPARE(back->parent->execution, QStringLiteral("ex_parent"));
        QCOMPARE(back->parent->node, QStringLiteral("run"));
        QCOMPARE(back->parent->depth, 2);
        QCOMPARE(back->parent->wait, false);
        QCOMPARE(parsedText()
                     .value(QLatin1String("steps"))
                     .toObject()
                     .value(QLatin1String("both"))
                     .toObject()
                     .value(QLatin1String("status"))
                     .toString(),
                 QStringLiteral("completed"));
        // Written straight from the typed state, and still byte for byte what Qt writes.
        QCOMPARE(state->toText(), QJsonDocument(state->toJson()).toJson(QJsonDocument::Compact));
        ExecutionState empty;
        QCOMPARE(QJsonDocument::fromJson(empty.toText()).object(), empty.toJson());
        QCOMPARE(empty.toText(), QJsonDocument(empty.toJson()).toJson(QJsonDocument::Compact));
    }

    // A step's text is written straight from its fields: byte for byte what Qt would write.
    void aStepIsWrittenAsQtWritesItsJson_data()
    {
        QTest::addColumn<QJsonValue>("output");
        QTest::addColumn<QString>("error");
        QTest::newRow("object") << QJsonValue(QJsonObject {{QStringLiteral("id"), 7}})
                                << QString(QLatin1String(""));
        QTest::newRow("whole number") << QJsonValue(42) << QString();
        QTest::newRow("fraction") << QJsonValue(0.1) << QStringLiteral("timed out\tafter 5 s");
        QTest::newRow("huge") << QJsonValue(1e300) << QStringLiteral("line\nnext \"q\" \\ \x01");
        QTest::newRow("text") << QJsonValue(QStringLiteral("caf\u00e9")) << QString();
        QTest::newRow("list") << QJsonValue(QJsonArray {1, true, QJsonValue::Null}) << QString();
        QTest::newRow("false") << QJsonValue(false) << QString();
        QTest::newRow("null") << QJsonValue(QJsonValue::Null) << QString();
        QTest::newRow("none") << QJsonValue(QJsonValue::Undefined) << QString();
    }

    void aStepIsWrittenAsQtWritesItsJson()
    {
        QFETCH(QJsonValue, output);
        QFETCH(QString, error);
        StepState full;
        full.status = StepStatus::Retrying;
        full.visits = 2;
        full.attempts = 3;
        full.startedAt = 1767603700000;
        full.finishedAt = 1767603700123;
        full.output = output;
        full.error = error;
        full.uncertain = true;
        full.taskId = QStringLiteral("tk_1");
        full.child = QStringLiteral("ex_0011");
        full.request = QJsonObject {{QStringLiteral("action"), QStringLiteral("book")}};
        full.compensationRequest = QJsonObject {{QStringLiteral("n"), -1.5}};
        QCOMPARE(full.toText(), QJsonDocument(full.toJson()).toJson(QJsonDocument::Compact));
        StepState bare;
        QCOMPARE(bare.toText(), QJsonDocument(bare.toJson()).toJson(QJsonDocument::Compact));
    }

    // Times are written as Qt writes a UTC time with milliseconds, without a QDateTime.
    void timesAreWrittenAsQtWritesThem()
    {
        QRandomGenerator random(5);
        QList<qint64> times {1,
                             999,
                             86399999,
                             86400000,
                             951782400000 /* 2000-02-29 */,
                             4107542399999 /* 2100-02-28 end */,
                             1798761600000};
        for (int i = 0; i < 20000; ++i)
            times << qint64(random.bounded(4102444800.0) * 1000); // up to 2100
        for (const qint64 ms : std::as_const(times))
            QCOMPARE(ExecutionJson::isoText(ms),
                     QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs));
    }

    // A member is patient data by its name, at any depth and in arrays; what has none is
    // returned as it came.
    void patientDataIsMaskedByNameAtAnyDepth()
    {
        const PhiMask mask({QStringLiteral("Favourite-Colour")});
        const QJsonObject doc {{"id", "ex_1"},
                               {"input",
                                QJsonObject {{"Patient_Name", "Grace"},
                                             {"visits",
                                              QJsonArray {QJsonObject {{"notes", "cough"}},
                                                          QJsonObject {{"room", 4}}}},
                                             {"favourite colour", "teal"},
                                             {"dob", QJsonValue::Null}}}};
        const QJsonObject masked = mask.maskDocument(doc);
        QVERIFY(masked.value("masked").toBool());
        const QJsonObject input = masked.value("input").toObject();
        QCOMPARE(input.value("Patient_Name").toString(), PhiMask::maskedText());
        QCOMPARE(input.value("favourite colour").toString(), PhiMask::maskedText());
        QCOMPARE(input.value("visits").toArray().at(0).toObject().value("notes").toString(),
                 PhiMask::maskedText());
        QCOMPARE(input.value("visits").toArray().at(1).toObject().value("room").toInt(), 4);
        QVERIFY(input.value("dob").isNull()); // nothing to hide
        QCOMPARE(mask.fieldsIn(doc), QStringList({"Patient_Name", "favourite colour", "notes"}));
        const QJsonObject clean {{"id", "ex_2"}, {"input", QJsonObject {{"room", 4}}}};
        QCOMPARE(mask.maskDocument(clean), clean);
        QVERIFY(!mask.maskDocument(clean).contains("masked"));
    }

    void damagedStatesAreRefusedNamingWhat_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("named");
        QTest::newRow("unknown step status")
            << QByteArray(R"({"steps": {"a": {"status": "exploded"}}})") << QStringLiteral("steps")
            << QStringLiteral("\"exploded\"");
        QTest::newRow("step not an object") << QByteArray(R"({"steps": {"a": 5}})")
                                            << QStringLiteral("steps") << QStringLiteral("\"a\"");
        QTest::newRow("ready not a list") << QByteArray(R"({"ready": "a"})")
                                          << QStringLiteral("ready") << QStringLiteral("ready");
        QTest::newRow("waiting holds a number")
            << QByteArray(R"({"waiting": ["a", 3]})") << QStringLiteral("waiting")
            << QStringLiteral("waiting");
        QTest::newRow("parent names no execution")
            << QByteArray(R"({"parent": {"node": "run"}})") << QStringLiteral("parent")
            << QStringLiteral("parent");
        QTest::newRow("compensate not a list")
            << QByteArray(R"({"compensate": {}})") << QStringLiteral("compensate")
            << QStringLiteral("compensate");
    }

    void damagedStatesAreRefusedNamingWhat()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QFETCH(QString, named);
        const QJsonObject stored = object(json);
        QVERIFY(!stored.isEmpty());
        auto state = ExecutionState::fromJson(stored);
        QVERIFY(!state.ok());
        QCOMPARE(state.error().kind, ErrorKind::Internal);
        QCOMPARE(state.error().field, field);
        QVERIFY2(state.error().message.contains(named), qPrintable(state.error().message));
    }
};

QTEST_GUILESS_MAIN(TstExecutionState)
#include "tst_executionstate.moc"
