#include "builder/builderview.h"
#include "builder/caseseditor.h"
#include "builder/edgeitem.h"
#include "builder/inspector.h"
#include "builder/minimap.h"
#include "builder/nodeitem.h"
#include "builder/palettemodel.h"
#include "builder/payloadeditor.h"
#include "builder/reviewfieldseditor.h"
#include "builder/versionhistory.h"
#include "builder/workflowscene.h"
#include "builderdriver.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QGraphicsView>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <functional>

using namespace Switchboard;
using namespace BuilderDriver;

// The workflow builder, offscreen, driven with the mouse and the keyboard.
class TstBuilderView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensReadableFitsTheWholeAndShowsWhereYouAre()
    {
        BuilderView builder;
        builder.resize(1280, 800);
        builder.show();
        QVERIFY(QTest::qWaitForWindowExposed(&builder));
        QVERIFY(builder.openTemplate(QStringLiteral("new-patient-onboarding")));
        QGraphicsView *view = builder.canvas();
        // It opens at a size where the cards read, and every card reads in full.
        QVERIFY(view->transform().m11() >= 0.8);
        for (const QString &id : builder.graph().nodeIds())
            QVERIFY2(builder.scene()->nodeItem(id)->textFits(),
                     qPrintable(builder.scene()->nodeItem(id)->lines().join(" / ")));

        // Too big for the canvas: the minimap shows, framing the part in sight; a click in it
        // brings the far end into sight.
        Minimap *map = builder.minimap();
        const QRectF all = builder.scene()->itemsBoundingRect();
        QTRY_VERIFY(map->isVisible());
        QVERIFY(!map->shownArea().contains(all));
        const QPointF farEnd(all.right() - 20, all.center().y());
        QVERIFY(!map->shownArea().contains(farEnd));
        QTest::mouseClick(map->viewport(), Qt::LeftButton, {}, map->mapFromScene(farEnd));
        QVERIFY(map->shownArea().contains(farEnd));
        // It never takes more than a quarter of the canvas's width.
        QVERIFY(map->width() <= std::max(100, view->viewport()->width() / 4));

        // Fit: the whole workflow in the canvas, whatever its size; the minimap steps aside.
        builder.fitWorkflow();
        QVERIFY(map->shownArea().contains(all));
        QVERIFY(!map->isVisible());
    }

    void everyTemplateStepReadsInFullOnItsCard()
    {
        BuilderView builder;
        const QStringList templates = QDir(QStringLiteral(":/templates")).entryList();
        QVERIFY(templates.size() >= 10);
        for (const QString &file : templates) {
            QVERIFY(builder.openTemplate(QFileInfo(file).completeBaseName()));
            for (const QString &id : builder.graph().nodeIds())
                QVERIFY2(
                    builder.scene()->nodeItem(id)->textFits(),
                    qPrintable(file + ": " + builder.scene()->nodeItem(id)->lines().join(" / ")));
        }
    }

    void insertingFromThePaletteNeverCoversAStep()
    {
        BuilderView builder;
        builder.resize(1024, 700);
        builder.show();
        QVERIFY(QTest::qWaitForWindowExposed(&builder));
        QVERIFY(builder.openTemplate(QStringLiteral("new-patient-onboarding")));
        QTreeView *palette = builder.palette();
        for (const QString &entry : {QStringLiteral("Delay"), QStringLiteral("Notify"),
                                     QStringLiteral("Delay"), QStringLiteral("End")}) {
            // Beside the selected step, or in the middle of the canvas when none is.
            if (entry == QLatin1String("Notify"))
                builder.scene()->clearSelection();
            else
                builder.scene()->selectNodes({QStringLiteral("score")});
            palette->setCurrentIndex(paletteEntry(palette, entry));
            palette->setFocus();
            const qsizetype before = builder.graph().nodeIds().size();
            QTest::keyClick(palette, Qt::Key_Return);
            QCOMPARE(builder.graph().nodeIds().size(), before + 1);
            const QString added = builder.graph().nodeIds().last();
            const QRectF box = builder.scene()->nodeItem(added)->sceneBoundingRect();
            for (const QString &id : builder.graph().nodeIds()) {
                if (id != added)
                    QVERIFY2(!builder.scene()->nodeItem(id)->sceneBoundingRect().intersects(box),
                             qPrintable(added + " covers " + id));
            }
            // And it is in sight.
            QTRY_VERIFY(builder.minimap()->shownArea().contains(box.center()));
        }
    }

    void buildsAFlowFromAnEmptyCanvasAndUndoesEveryStep()
    {
        BuilderView builder;
        builder.resize(1280, 800);
        builder.show();
        QVERIFY(QTest::qWaitForWindowExposed(&builder));
        builder.newWorkflow();
        QCOMPARE(builder.graph().nodeIds().size(), 0);
        QList<QJsonObject> states {builder.graph().toJson()};
        // Every change of the model, in order (a drag that moved a step counts too).
        const auto step = [&] {
            if (builder.graph().toJson() != states.last())
                states << builder.graph().toJson();
        };

        // Start, a booking call and an end, dragged from the palette.
        dragOntoCanvas(builder, QStringLiteral("Start"), QPoint(120, 200));
        QCOMPARE(builder.graph().nodeIds(), QStringList {"trigger"});
        step();
        dragOntoCanvas(builder, QStringLiteral("Book the first free slot"), QPoint(420, 200));
        QCOMPARE(builder.graph().nodeType("module_call"), QStringLiteral("module_call"));
        QCOMPARE(builder.graph().node("module_call").value("module").toString(),
                 QStringLiteral("02_booking"));
        step();
        dragOntoCanvas(builder, QStringLiteral("End"), QPoint(720, 200));
        step();
        QCOMPARE(builder.graph().nodeIds().size(), 3);
        // A second start is refused, and says why.
        dragOntoCanvas(builder, QStringLiteral("Start"), QPoint(120, 400));
        QCOMPARE(builder.graph().nodeIds().size(), 3);
        QVERIFY(builder.statusText().contains(QStringLiteral("one start")));

        // Connect them with the mouse; a connection the format forbids is refused.
        connectByMouse(builder, "trigger", "out", "module_call");
        QCOMPARE(builder.graph().edges().size(), 1);
        step();
        connectByMouse(builder, "module_call", "out", "end");
        QCOMPARE(builder.graph().edges().size(), 2);
        step();
        connectByMouse(builder, "end", "out", "trigger"); // an end has no output: a drag
        QCOMPARE(builder.graph().edges().size(), 2);
        step();
        connectByMouse(builder, "module_call", "out", "trigger");
        QCOMPARE(builder.graph().edges().size(), 2);
        step();
        QVERIFY(builder.statusText().contains(QStringLiteral("into the trigger")));

        // Drag the arrow of module_call → end onto the trigger: refused; then back where it was.
        {
            QGraphicsView *view = builder.canvas();
            EdgeItem *edge = nullptr;
            for (EdgeItem *e : builder.scene()->edgeItems()) {
                if (e->edge().to == QLatin1String("end"))
                    edge = e;
            }
            QVERIFY(edge);
            const QPoint arrow = view->mapFromScene(edge->path().pointAtPercent(1));
            const QPoint onStart = view->mapFromScene(
                builder.scene()->nodeItem("trigger")->sceneBoundingRect().center());
            QTest::mousePress(view->viewport(), Qt::LeftButton, {}, arrow);
            QTest::mouseMove(view->viewport(), onStart);
            QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, onStart);
            QVERIFY(builder.statusText().contains(QStringLiteral("Not re-routed")));
            QCOMPARE(builder.graph().edges().size(), 2);
            step();
        }

        // The inspector: select the call and fill its payload and retry.
        builder.scene()->selectNodes({"module_call"});
        Inspector *inspector = builder.inspector();
        QCOMPARE(inspector->nodeId(), QStringLiteral("module_call"));
        auto *payload = qobject_cast<PayloadEditor *>(inspector->editor("payload"));
        QVERIFY(payload);
        // A value added as a row: its name typed, its value picked from what templates can read.
        QAbstractButton *addValue = nullptr;
        for (QAbstractButton *b : payload->findChildren<QAbstractButton *>())
            if (b->text() == QStringLiteral("Add a value"))
                addValue = b;
        QVERIFY(addValue);
        addValue->click();
        QCOMPARE(payload->model()->rowCount(), 1);
        payload->model()->setData(payload->model()->index(0, 0), QStringLiteral("patient_id"));
        const QModelIndex valueCell = payload->model()->index(0, 1);
        QAbstractItemDelegate *delegate = payload->table()->itemDelegateForIndex(valueCell);
        std::unique_ptr<QWidget> valueEditor(
            delegate->createEditor(payload->table()->viewport(), {}, valueCell));
        auto *valueLine = qobject_cast<QLineEdit *>(valueEditor.get());
        QVERIFY(valueLine && valueLine->completer());
        valueLine->completer()->setCompletionPrefix(QStringLiteral("patient"));
        QCOMPARE(valueLine->completer()->currentCompletion(),
                 QStringLiteral("{{ input.patient_id }}"));
        valueLine->setText(valueLine->completer()->currentCompletion());
        delegate->setModelData(valueLine, payload->model(), valueCell);
        valueEditor.reset();
        QCOMPARE(
            builder.graph().node("module_call").value("payload").toObject().value("patient_id"),
            QJsonValue("{{ input.patient_id }}"));
        // The same as JSON, one click away; broken JSON is refused, and the form comes back
        // only when the text is valid.
        auto *toggle = payload->findChild<QToolButton *>(QStringLiteral("jsonToggle"));
        QVERIFY(toggle);
        toggle->click();
        QVERIFY(payload->showsJson());
        auto *json = payload->findChild<QPlainTextEdit *>(QStringLiteral("jsonText"));
        QVERIFY(json->toPlainText().contains(QStringLiteral("\"patient_id\"")));
        json->setPlainText(QStringLiteral("{\"patient_id\": "));
        QVERIFY(inspector->errorFor("payload").contains(QStringLiteral("Not valid JSON")));
        toggle->click();
        QVERIFY(payload->showsJson());
        json->setPlainText(QStringLiteral("{\"patient_id\": \"{{ input.patient_id }}\"}"));
        QVERIFY(inspector->errorFor("payload").isEmpty());
        toggle->click();
        QVERIFY(!payload->showsJson());
        QCOMPARE(payload->model()->rowCount(), 1);
        step();
        auto *name = qobject_cast<QLineEdit *>(inspector->editor("name"));
        QTest::keyClicks(name, QStringLiteral("Book"));
        QCOMPARE(builder.graph().node("module_call").value("name").toString(),
                 QStringLiteral("Book"));
        step();
        // Typing a word is one undo step, not one per letter.
        QCOMPARE(builder.undoStack().count(), states.size() - 1);

        // It validates.
        builder.validateNow();
        QVERIFY2(builder.problems().isEmpty(),
                 qPrintable(builder.problems().isEmpty() ? QString()
                                                         : builder.problems().first().toString()));

        // Undo every step: each earlier model comes back exactly; redo restores them.
        for (int i = int(states.size()) - 2; i >= 0; --i) {
            builder.undoStack().undo();
            QCOMPARE(builder.graph().toJson(), states.at(i));
        }
        for (int i = 1; i < states.size(); ++i) {
            builder.undoStack().redo();
            QCOMPARE(builder.graph().toJson(), states.at(i));
        }
    }

    void deleteCopyPasteAndProblemBadges()
    {
        BuilderView builder;
        builder.resize(1280, 800);
        builder.show();
        QVERIFY(QTest::qWaitForWindowExposed(&builder));
        QVERIFY(builder.openTemplate(QStringLiteral("new-patient-onboarding")));
        const QJsonObject original = builder.graph().toJson();
        builder.validateNow();
        QVERIFY(builder.problems().isEmpty());
        // Deleting a step in the middle leaves steps behind it unreachable: badges and problems.
        builder.scene()->selectNodes({"book"});
        builder.canvas()->setFocus();
        QTest::keyClick(builder.canvas(), Qt::Key_Delete);
        QVERIFY(!builder.graph().hasNode("book"));
        builder.validateNow();
        QVERIFY(!builder.problems().isEmpty());
        bool badged = false;
        for (const QString &id : builder.graph().nodeIds())
            badged = badged || builder.scene()->nodeItem(id)->problem() == NodeItem::Problem::Error;
        QVERIFY(badged);
        QTest::keyClick(builder.canvas(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(builder.graph().toJson(), original);

        // Copy two steps and paste them into another workflow: new ids, their edge kept.
        builder.scene()->selectNodes({"email", "sms"});
        builder.copySelection();
        QVERIFY(builder.openTemplate(QStringLiteral("morning-report")));
        const int before = int(builder.graph().nodeIds().size());
        builder.paste();
        QCOMPARE(builder.graph().nodeIds().size(), before + 2);
        QVERIFY(builder.graph().hasNode("email") || builder.graph().hasNode("email_2"));
    }

    void importingABrokenFileChangesNothing()
    {
        BuilderView builder;
        QVERIFY(builder.openTemplate(QStringLiteral("document-processing")));
        const QJsonObject before = builder.graph().toJson();
        QTemporaryDir dir;
        const QString garbage = dir.filePath(QStringLiteral("garbage.json"));
        QFile g(garbage);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write("{\"id\": \"x\", \"nodes\": [");
        g.close();
        QVERIFY(!builder.importFile(garbage));
        QVERIFY(builder.statusText().contains(QStringLiteral("is not a workflow")));
        QCOMPARE(builder.graph().toJson(), before);

        QJsonObject wrong = before;
        QJsonArray nodes = wrong.value("nodes").toArray();
        QJsonObject call = nodes.at(2).toObject();
        call.insert("module", "10_pharmacy");
        nodes[2] = call;
        wrong.insert("nodes", nodes);
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        QFile b(bad);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write(QJsonDocument(wrong).toJson());
        b.close();
        QVERIFY(!builder.importFile(bad));
        QVERIFY2(builder.statusText().contains(call.value("id").toString())
                     && builder.statusText().contains(QStringLiteral("module")),
                 qPrintable(builder.statusText()));
        QCOMPARE(builder.graph().toJson(), before);

        // An n8n export converts, with its report; the node with no equivalent is the one
        // problem, named, so the workflow cannot be published until it is replaced.
        QVERIFY(builder.importFile(QFINDTESTDATA("../data/n8n/clinic-lead-follow-up.json")));
        QCOMPARE(builder.graph().metadata().value("id").toString(),
                 QStringLiteral("lead-follow-up-webhook"));
        QVERIFY(builder.statusText().contains(QStringLiteral("Imported from n8n")));
        QVERIFY(builder.importReport().join('\n').contains(
            QStringLiteral("Not mapped: \"Send Email\"")));
        builder.validateNow();
        QCOMPARE(builder.problems().size(), 1);
        QVERIFY(builder.problems().first().toString().contains(QStringLiteral("Send Email")));
        QVERIFY(builder.openTemplate(QStringLiteral("document-processing")));

        // A good file imports; export writes what is on the canvas.
        const QString out = dir.filePath(QStringLiteral("out.json"));
        QVERIFY(builder.exportFile(out));
        QVERIFY(builder.openTemplate(QStringLiteral("morning-report")));
        QVERIFY(builder.importFile(out));
        QCOMPARE(builder.graph().toJson(), before);
    }

    // An n8n export with three triggers: the admin picks which of its workflows to open.
    void anN8nExportWithSeveralTriggersAsksWhichToOpen()
    {
        BuilderView builder;
        builder.resize(1200, 800);
        builder.show();
        QVERIFY(QTest::qWaitForWindowExposed(&builder));
        // Answers the picker once it is up (it runs its own event loop inside importFile).
        const auto whenAsked = [&builder](std::function<void(QInputDialog *)> answer) {
            auto *poll = new QTimer(&builder);
            QObject::connect(poll, &QTimer::timeout, poll, [poll, answer] {
                if (auto *d = qobject_cast<QInputDialog *>(QApplication::activeModalWidget())) {
                    poll->deleteLater();
                    poll->stop();
                    answer(d);
                }
            });
            poll->start(10);
        };
        QStringList offered;
        whenAsked([&offered](QInputDialog *dialog) {
            offered = dialog->comboBoxItems();
            dialog->setTextValue(offered.value(1));
            dialog->accept();
        });
        QVERIFY(builder.importFile(QFINDTESTDATA("../data/n8n/clinic-lead-follow-up.json")));
        QCOMPARE(offered.size(), 3);
        QCOMPARE(builder.graph().metadata().value("id").toString(),
                 QStringLiteral("lead-follow-up-every-morning-rule-1"));
        // Cancelled, nothing changes.
        whenAsked([](QInputDialog *dialog) { dialog->reject(); });
        const QJsonObject before = builder.graph().toJson();
        QVERIFY(!builder.importFile(QFINDTESTDATA("../data/n8n/clinic-lead-follow-up.json")));
        QCOMPARE(builder.graph().toJson(), before);
    }

    void versionHistoryShowsTheDifferenceAndRestores()
    {
        BuilderView builder;
        builder.resize(1280, 800);
        QVERIFY(builder.openTemplate(QStringLiteral("document-processing")));
        QJsonObject v1 = builder.graph().toJson();
        v1.insert("version", 1);
        QJsonObject v2 = v1;
        v2.insert("version", 2);
        QJsonArray nodes = v2.value("nodes").toArray();
        QJsonObject review = nodes.at(4).toObject();
        QCOMPARE(review.value("id").toString(), QStringLiteral("review"));
        review.insert("sla", "2h");
        nodes[4] = review;
        v2.insert("nodes", nodes);
        QSignalSpy requested(&builder, &BuilderView::versionRequested);
        builder.workflowLoaded("document-processing", v2,
                               QJsonArray {QJsonObject {{"version", 2}, {"note", "faster"}},
                                           QJsonObject {{"version", 1}, {"note", "first"}}});
        builder.showHistory();
        VersionHistory *history = builder.history();
        QVERIFY(history);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(1).toInt(), 2);
        builder.versionLoaded("document-processing", 2, v2);
        QCOMPARE(history->changes(), QStringList {"No differences."});
        // Version 1 against version 2: the review's SLA.
        history->compare(1, 2);
        builder.versionLoaded("document-processing", 1, v1);
        QCOMPARE(history->changes(), QStringList {"~ Step review changed: sla"});
        // Open version 1 as the draft; undo brings the canvas back.
        const QJsonObject canvas = builder.graph().toJson();
        history->findChild<QPushButton *>("restoreVersion")->click();
        QCOMPARE(builder.graph().node("review").value("sla").toString(), QStringLiteral("4h"));
        builder.undoStack().undo();
        QCOMPARE(builder.graph().toJson(), canvas);
    }

    void showsWhereVersionsRunAndPromotes()
    {
        BuilderView builder;
        QVERIFY(builder.openTemplate(QStringLiteral("morning-report")));
        builder.workflowLoaded(
            "morning-report", builder.graph().toJson(),
            QJsonArray {QJsonObject {{"version", 3}, {"environments", QJsonArray {"dev"}}},
                        QJsonObject {{"version", 2},
                                     {"environments", QJsonArray {"staging", "production"}}}});
        QCOMPARE(
            builder.deploymentText(),
            QStringLiteral("Runs in dev: version 3 · staging: version 2 · production: version 2"));
        QCOMPARE(builder.deployed("staging"), 2);
        QSignalSpy promote(&builder, &BuilderView::promoteRequested);
        QVERIFY(builder.promote(QStringLiteral("staging")));
        QCOMPARE(promote.size(), 1);
        QCOMPARE(promote.first().at(1).toInt(), 3); // what dev runs goes to staging
        QCOMPARE(promote.first().at(2).toString(), QStringLiteral("staging"));
        QVERIFY(!builder.promote(QStringLiteral("dev")));
    }

    void reroutesAConnectionByItsArrow()
    {
        BuilderView builder;
        builder.resize(1280, 800);
        builder.show();
        QVERIFY(QTest::qWaitForWindowExposed(&builder));
        QVERIFY(builder.openTemplate(QStringLiteral("document-processing")));
        const QJsonObject before = builder.graph().toJson();
        QGraphicsView *view = builder.canvas();
        view->resetTransform();
        EdgeItem *edge = nullptr;
        for (EdgeItem *e : builder.scene()->edgeItems()) {
            if (e->edge().from == QLatin1String("store") && e->edge().to == QLatin1String("audit"))
                edge = e;
        }
        QVERIFY(edge);
        view->centerOn(edge);
        // Several arrows meet at audit's input: select the connection first, then drag its arrow.
        edge->setSelected(true);
        const QPoint arrow = view->mapFromScene(edge->path().pointAtPercent(1));
        const QPoint onDone =
            view->mapFromScene(builder.scene()->nodeItem("done")->sceneBoundingRect().center());
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, arrow);
        QTest::mouseMove(view->viewport(), onDone);
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, onDone);
        QVERIFY2(builder.graph().edges().contains(WorkflowEdge {"store", "done", "out"}),
                 qPrintable(builder.statusText()));
        QVERIFY(!builder.graph().edges().contains(WorkflowEdge {"store", "audit", "out"}));
        builder.undoStack().undo();
        QCOMPARE(builder.graph().toJson(), before);
    }

    void reviewFormFieldsAreEditedAsATable()
    {
        BuilderView builder;
        QVERIFY(builder.openTemplate(QStringLiteral("document-processing")));
        builder.scene()->selectNodes({"review"});
        auto *table = qobject_cast<ReviewFieldsEditor *>(builder.inspector()->editor("fields"));
        QVERIFY(table);
        QStandardItemModel *model = table->model();
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->item(0, 0)->text(), QStringLiteral("patient_name"));
        QCOMPARE(model->item(0, 4)->checkState(), Qt::Checked); // patient data
        const QJsonObject before = builder.graph().node("review");
        // A type that does not exist is refused, and nothing changes.
        model->item(2, 2)->setText(QStringLiteral("colour"));
        QVERIFY(builder.inspector()->errorFor("fields").contains(QStringLiteral("not a type")));
        QCOMPARE(builder.graph().node("review"), before);
        // A real change is written, keeping what the table does not show (the confidence).
        model->item(2, 2)->setText(QStringLiteral("number"));
        QVERIFY(builder.inspector()->errorFor("fields").isEmpty());
        const QJsonArray fields = builder.graph().node("review").value("fields").toArray();
        QCOMPARE(fields.at(2).toObject().value("type").toString(), QStringLiteral("number"));
        QVERIFY(fields.at(2).toObject().contains("confidence"));
        QCOMPARE(fields.at(0).toObject().value("phi").toBool(), true);
        builder.undoStack().undo();
        QCOMPARE(builder.graph().node("review"), before);
    }

    void renamesAStepFromTheInspector()
    {
        BuilderView builder;
        builder.resize(1280, 800);
        builder.show();
        QVERIFY(QTest::qWaitForWindowExposed(&builder));
        QVERIFY(builder.openTemplate(QStringLiteral("new-patient-onboarding")));
        const QJsonObject before = builder.graph().toJson();
        builder.scene()->selectNodes({"book"});
        auto *id = qobject_cast<QLineEdit *>(builder.inspector()->editor("id"));
        QVERIFY(id);
        // A bad id is refused under the field; nothing changes.
        id->setText(QStringLiteral("Book Now"));
        Q_EMIT id->editingFinished();
        QVERIFY(builder.inspector()->errorFor("id").contains(QStringLiteral("lower-case")));
        QCOMPARE(builder.graph().toJson(), before);
        id = qobject_cast<QLineEdit *>(builder.inspector()->editor("id"));
        id->setText(QStringLiteral("book_slot"));
        Q_EMIT id->editingFinished();
        QVERIFY(builder.graph().hasNode("book_slot"));
        QCOMPARE(builder.scene()->selectedNodeIds(), QStringList {"book_slot"});
        QCOMPARE(builder.inspector()->nodeId(), QStringLiteral("book_slot"));
        builder.validateNow();
        QVERIFY(builder.problems().isEmpty());
        builder.undoStack().undo();
        QCOMPARE(builder.graph().toJson(), before);
    }

    // A step that runs another workflow: picked from the published ones by name, its input
    // and whether to wait set in the inspector, each change one undo.
    void aRunWorkflowStepPicksAPublishedWorkflow()
    {
        BuilderView builder;
        builder.resize(1280, 800);
        builder.show();
        QVERIFY(QTest::qWaitForWindowExposed(&builder));
        builder.setWorkflows(QJsonArray {
            QJsonObject {{"id", "book-patient"}, {"name", "Book a patient"}, {"latest_version", 2}},
            QJsonObject {{"id", "draft-only"}, {"name", "Not published"}, {"latest_version", 0}},
            QJsonObject {{"id", "test-run-x"}, {"name", "Test run"}, {"latest_version", 1}}});
        QVERIFY(builder.openTemplate(QStringLiteral("new-patient-onboarding")));
        builder.scene()->selectNodes({QStringLiteral("score")});
        QTreeView *palette = builder.palette();
        palette->setCurrentIndex(paletteEntry(palette, QStringLiteral("Run a workflow")));
        palette->setFocus();
        QTest::keyClick(palette, Qt::Key_Return);
        const QString added = builder.graph().nodeIds().last();
        QCOMPARE(builder.graph().node(added).value("type").toString(),
                 QStringLiteral("run_workflow"));
        builder.scene()->selectNodes({added});
        // Not chosen yet: a problem that says so.
        builder.validateNow();
        QVERIFY(std::any_of(builder.problems().cbegin(), builder.problems().cend(),
                            [&](const WorkflowIssue &i) {
                                return i.node == added && i.field == QLatin1String("workflow");
                            }));
        auto *combo = qobject_cast<QComboBox *>(builder.inspector()->editor("workflow"));
        QVERIFY(combo);
        QCOMPARE(combo->count(), 1); // the published one only
        QCOMPARE(combo->itemText(0), QStringLiteral("Book a patient"));
        QVERIFY(fillSetting(builder.inspector(), "workflow", QStringLiteral("book-patient")));
        QCOMPARE(builder.graph().node(added).value("workflow").toString(),
                 QStringLiteral("book-patient"));
        QVERIFY(fillSetting(builder.inspector(), "input",
                            QJsonObject {{"patient", "{{ input.patient_id }}"}}));
        auto *wait = qobject_cast<QCheckBox *>(builder.inspector()->editor("wait"));
        QVERIFY(wait && wait->isChecked());
        wait->click();
        const QJsonObject node = builder.graph().node(added);
        QCOMPARE(node.value("wait"), QJsonValue(false));
        QCOMPARE(node.value("input").toObject().value("patient").toString(),
                 QStringLiteral("{{ input.patient_id }}"));
        builder.validateNow();
        QVERIFY(std::none_of(builder.problems().cbegin(), builder.problems().cend(),
                             [&](const WorkflowIssue &i) {
                                 return i.node == added && i.field == QLatin1String("workflow");
                             }));
        builder.undoStack().undo();
        QCOMPARE(builder.graph().node(added).value("wait"), QJsonValue(true));
    }

    void rebuildsTheOnboardingTemplateByHand()
    {
        // The built-in new-patient-onboarding flow, made again from an empty canvas the way an
        // admin would: every step dragged from the palette, renamed and filled in the
        // inspector, every connection drawn with the mouse. The result is that template.
        QFile file(QStringLiteral(":/templates/new-patient-onboarding.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject target = QJsonDocument::fromJson(file.readAll()).object();
        BuilderView builder;
        builder.resize(1400, 900);
        builder.show();
        QVERIFY(QTest::qWaitForWindowExposed(&builder));
        builder.newWorkflow();
        QGraphicsView *view = builder.canvas();
        view->resetTransform();
        view->scale(0.5, 0.5);
        Inspector *inspector = builder.inspector();

        // The workflow's own settings; what starts it reads in words.
        builder.scene()->clearSelection();
        auto *starts = qobject_cast<QComboBox *>(inspector->editor(QStringLiteral("trigger.kind")));
        QVERIFY(starts);
        QCOMPARE(starts->itemText(starts->findData(QStringLiteral("event"))),
                 QStringLiteral("A module's event"));
        QJsonObject meta = builder.graph().metadata();
        meta.insert("id", target.value("id"));
        builder.graph().setMetadata(meta);
        for (const char *key : {"name", "description"})
            QVERIFY2(fillSetting(inspector, QLatin1String(key), target.value(QLatin1String(key))),
                     key);
        const QJsonObject trigger = target.value("trigger").toObject();
        for (auto it = trigger.begin(); it != trigger.end(); ++it)
            QVERIFY2(fillSetting(inspector, QStringLiteral("trigger.") + it.key(), it.value()),
                     qPrintable(it.key()));

        const QJsonArray nodes = target.value("nodes").toArray();
        for (int i = 0; i < nodes.size(); ++i) {
            const QJsonObject node = nodes.at(i).toObject();
            const QString id = node.value("id").toString();
            const QPoint at = view->mapFromScene(QPointF(120 + (i % 4) * 260, 80 + (i / 4) * 190));
            const int before = int(builder.graph().nodeIds().size());
            dragOntoCanvas(builder, paletteTextFor(node), at);
            QCOMPARE(builder.graph().nodeIds().size(), before + 1);
            const QString made = builder.graph().nodeIds().last();
            builder.scene()->selectNodes({made});
            QVERIFY(fillSetting(inspector, QStringLiteral("id"), id));
            QVERIFY2(builder.graph().hasNode(id), qPrintable(builder.statusText()));
            for (auto it = node.begin(); it != node.end(); ++it) {
                if (it.key() == QLatin1String("id") || it.key() == QLatin1String("type"))
                    continue;
                if (it.value().isObject() && it.key() == QLatin1String("retry")) {
                    const QJsonObject retry = it.value().toObject();
                    for (auto r = retry.begin(); r != retry.end(); ++r)
                        QVERIFY(
                            fillSetting(inspector, QStringLiteral("retry.") + r.key(), r.value()));
                    continue;
                }
                QVERIFY2(fillSetting(inspector, it.key(), it.value()),
                         qPrintable(id + QLatin1Char('.') + it.key()));
            }
        }
        for (const QJsonValue &v : target.value("edges").toArray()) {
            const QJsonObject e = v.toObject();
            connectByMouse(builder, e.value("from").toString(), e.value("port").toString("out"),
                           e.value("to").toString());
        }
        builder.validateNow();
        QVERIFY2(builder.problems().isEmpty(),
                 qPrintable(builder.problems().isEmpty() ? QString()
                                                         : builder.problems().first().toString()));

        // The same workflow: settings, steps (positions apart) and connections.
        const QJsonObject built = builder.graph().toJson();
        for (const char *key : {"id", "name", "description", "trigger"})
            QCOMPARE(built.value(QLatin1String(key)), target.value(QLatin1String(key)));
        QHash<QString, QJsonObject> made;
        for (const QJsonValue &v : built.value("nodes").toArray()) {
            QJsonObject n = v.toObject();
            n.remove("position");
            made.insert(n.value("id").toString(), n);
        }
        QCOMPARE(made.size(), nodes.size());
        for (const QJsonValue &v : nodes)
            QCOMPARE(made.value(v.toObject().value("id").toString()), v.toObject());
        QSet<QString> want;
        QSet<QString> have;
        for (const QJsonValue &v : target.value("edges").toArray())
            want << QStringLiteral("%1>%2>%3")
                        .arg(v.toObject().value("from").toString(),
                             v.toObject().value("port").toString("out"),
                             v.toObject().value("to").toString());
        for (const WorkflowEdge &e : builder.graph().edges())
            have << QStringLiteral("%1>%2>%3").arg(e.from, e.port, e.to);
        QCOMPARE(have, want);
    }
};

QTEST_MAIN(TstBuilderView)
#include "tst_builderview.moc"
