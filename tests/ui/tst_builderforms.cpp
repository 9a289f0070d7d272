#include "builder/builderview.h"
#include "builder/caseseditor.h"
#include "builder/inspector.h"
#include "builder/payloadeditor.h"
#include "builder/versionhistory.h"
#include "builder/workflowscene.h"

#include <QAbstractItemDelegate>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QPushButton>
#include <QScrollArea>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using namespace Switchboard;

// The builder's forms: a condition's ways out and a step's values as rows instead of JSON, an
// inspector that fits its pane, and the version history as a dialog.
class TstBuilderForms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitsSimpleTestsAndKeepsTheRestAsExpressions()
    {
        const CasesEditor::Test score = CasesEditor::split(QStringLiteral("input.score >= 8"));
        QCOMPARE(score.field, QStringLiteral("input.score"));
        QCOMPARE(score.op, QStringLiteral(">="));
        QCOMPARE(score.value, QStringLiteral("8"));
        QCOMPARE(CasesEditor::join(score.field, score.op, score.value),
                 QStringLiteral("input.score >= 8"));
        const CasesEditor::Test text =
            CasesEditor::split(QStringLiteral("steps.check.output.status === 'ok'"));
        QCOMPARE(text.op, QStringLiteral("=="));
        QCOMPARE(text.value, QStringLiteral("'ok'"));
        // More than one comparison, or arithmetic: an expression, kept whole.
        for (const char *when : {"input.size_bytes > 10 * 1024 * 1024",
                                 "input.a > 1 && input.b < 2", "input.tags.includes('vip')"}) {
            const CasesEditor::Test t = CasesEditor::split(QLatin1String(when));
            QVERIFY2(t.op.isEmpty(), when);
            QCOMPARE(t.field, QLatin1String(when));
        }
        // Text typed as a value is quoted, numbers and true/false are not.
        QCOMPARE(CasesEditor::join(QStringLiteral("input.channel"), QStringLiteral("=="),
                                   QStringLiteral("sms")),
                 QStringLiteral("input.channel == \"sms\""));
        QCOMPARE(CasesEditor::join(QStringLiteral("input.vip"), QStringLiteral("!="),
                                   QStringLiteral("true")),
                 QStringLiteral("input.vip != true"));
    }

    void editsAConditionsWaysAsRows()
    {
        BuilderView builder;
        builder.resize(1280, 800);
        builder.show();
        QVERIFY(QTest::qWaitForWindowExposed(&builder));
        QVERIFY(builder.openTemplate(QStringLiteral("document-processing")));
        builder.scene()->selectNodes({QStringLiteral("size")});
        auto *cases = qobject_cast<CasesEditor *>(builder.inspector()->editor("cases"));
        QVERIFY(cases);
        QStandardItemModel *rows = cases->model();
        QCOMPARE(rows->rowCount(), 1);
        // "10 * 1024 * 1024" is arithmetic: the row is an expression, its value cell closed.
        QCOMPARE(rows->item(0, 2)->data(Qt::UserRole).toString(), QStringLiteral("expression"));
        QVERIFY(!rows->item(0, 3)->isEditable());

        // A second way, added and filled in the row: field, comparison picked, value.
        QAbstractButton *add = nullptr;
        for (QAbstractButton *b : cases->findChildren<QAbstractButton *>())
            if (b->text() == QStringLiteral("Add a way"))
                add = b;
        QVERIFY(add);
        add->click();
        QCOMPARE(rows->rowCount(), 2);
        rows->setData(rows->index(1, 0), QStringLiteral("scanned"));
        rows->setData(rows->index(1, 1), QStringLiteral("input.kind"));
        const QModelIndex test = rows->index(1, 2);
        QAbstractItemDelegate *delegate = cases->table()->itemDelegateForIndex(test);
        {
            std::unique_ptr<QWidget> editor(
                delegate->createEditor(cases->table()->viewport(), {}, test));
            auto *combo = qobject_cast<QComboBox *>(editor.get());
            QVERIFY(combo);
            combo->setCurrentIndex(combo->findData(QStringLiteral("!=")));
            delegate->setModelData(combo, rows, test);
        }
        rows->setData(rows->index(1, 3), QStringLiteral("pdf"));
        QJsonArray stored =
            builder.graph().node(QStringLiteral("size")).value(QLatin1String("cases")).toArray();
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored.at(1)[QLatin1String("label")].toString(), QStringLiteral("scanned"));
        QCOMPARE(stored.at(1)[QLatin1String("when")].toString(),
                 QStringLiteral("input.kind != \"pdf\""));
        // The first way is untouched, to the character.
        QCOMPARE(stored.at(0)[QLatin1String("when")].toString(),
                 QStringLiteral("input.size_bytes > 10 * 1024 * 1024"));
        // The new way is a port of the step at once.
        QVERIFY(builder.graph().ports(QStringLiteral("size")).contains(QStringLiteral("scanned")));

        // Two ways with one name are refused, and nothing is written.
        rows->setData(rows->index(1, 0), QStringLiteral("too_large"));
        QVERIFY(builder.inspector()->errorFor("cases").contains(QStringLiteral("Two ways")));
        stored =
            builder.graph().node(QStringLiteral("size")).value(QLatin1String("cases")).toArray();
        QCOMPARE(stored.at(1)[QLatin1String("label")].toString(), QStringLiteral("scanned"));
    }

    void payloadValuesKeepTheirType()
    {
        QCOMPARE(PayloadEditor::valueOf(QStringLiteral("3")), QJsonValue(3));
        QCOMPARE(PayloadEditor::valueOf(QStringLiteral("true")), QJsonValue(true));
        QCOMPARE(PayloadEditor::valueOf(QStringLiteral("{\"a\": 1}")),
                 QJsonValue(QJsonObject {{"a", 1}}));
        QCOMPARE(PayloadEditor::valueOf(QStringLiteral("{{ input.patient_id }}")),
                 QJsonValue(QStringLiteral("{{ input.patient_id }}")));
        QCOMPARE(PayloadEditor::valueOf(QStringLiteral("email")), QJsonValue("email"));
        // Loaded values stay as they were unless edited: the text "3" stays text.
        PayloadEditor editor;
        const QJsonObject payload {
            {"count", "3"}, {"slots", 3}, {"nested", QJsonObject {{"x", 1}}}};
        editor.setValue(payload);
        QCOMPARE(editor.value().toObject(), payload);
        editor.model()->setData(editor.model()->index(0, 1), QStringLiteral("4"));
        int countRow = -1;
        for (int r = 0; r < editor.model()->rowCount(); ++r)
            if (editor.model()->index(r, 0).data().toString() == QLatin1String("count"))
                countRow = r;
        editor.model()->setData(editor.model()->index(countRow, 1), QStringLiteral("4"));
        QCOMPARE(editor.value().toObject().value("count"), QJsonValue(4));
    }

    void theInspectorFitsItsPaneForEveryKindOfStep_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1024x700") << QSize(1024, 700);
        QTest::newRow("1280x800") << QSize(1280, 800);
    }

    void theInspectorFitsItsPaneForEveryKindOfStep()
    {
        QFETCH(QSize, size);
        BuilderView builder;
        builder.resize(size);
        builder.show();
        QVERIFY(QTest::qWaitForWindowExposed(&builder));
        auto *scroll =
            qobject_cast<QScrollArea *>(builder.inspector()->parentWidget()->parentWidget());
        QVERIFY(scroll);
        QSet<QString> kinds;
        for (const char *name :
             {"new-patient-onboarding", "invoice-approval", "payment-failure-recovery",
              "nightly-cleanup", "document-processing", "telehealth-session"}) {
            QVERIFY(builder.openTemplate(QLatin1String(name)));
            for (const QString &id : builder.graph().nodeIds()) {
                builder.scene()->selectNodes({id});
                QCoreApplication::processEvents();
                kinds << builder.graph().nodeType(id);
                // Nothing wider than what the pane shows: no field cut off on the right.
                QVERIFY2(builder.inspector()->minimumSizeHint().width()
                             <= scroll->viewport()->width(),
                         qPrintable(QStringLiteral("%1 in %2: %3 > %4")
                                        .arg(id, QLatin1String(name))
                                        .arg(builder.inspector()->minimumSizeHint().width())
                                        .arg(scroll->viewport()->width())));
                QVERIFY(builder.inspector()->width() <= scroll->viewport()->width());
                // For a look at the result: SWITCHBOARD_SHOTS=<folder>.
                if (const QString dir = qEnvironmentVariable("SWITCHBOARD_SHOTS");
                    !dir.isEmpty() && (id == QLatin1String("score") || id == QLatin1String("book")))
                    builder.grab().save(QStringLiteral("%1/builder-%2-%3x%4.png")
                                            .arg(dir, id)
                                            .arg(size.width())
                                            .arg(size.height()));
            }
        }
        QVERIFY2(kinds.size() >= 9, qPrintable(QStringList(kinds.values()).join(", ")));
    }

    void theVersionHistoryClosesWithCloseAndEscape()
    {
        BuilderView builder;
        builder.resize(1280, 800);
        builder.show();
        QVERIFY(QTest::qWaitForWindowExposed(&builder));
        builder.showHistory();
        VersionHistory *history = builder.history();
        QVERIFY(history && history->isVisible());
        QTest::keyClick(history, Qt::Key_Escape);
        QVERIFY(!history->isVisible());
        builder.showHistory();
        QVERIFY(history->isVisible());
        auto *buttons = history->findChild<QDialogButtonBox *>();
        QVERIFY(buttons && buttons->button(QDialogButtonBox::Close));
        buttons->button(QDialogButtonBox::Close)->click();
        QVERIFY(!history->isVisible());
    }
};

QTEST_MAIN(TstBuilderForms)
#include "tst_builderforms.moc"
