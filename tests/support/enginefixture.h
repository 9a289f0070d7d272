#pragma once

#include "audit/auditlog.h"
#include "common/manualclock.h"
#include "engine/workflowengine.h"
#include "fakemoduleclient.h"
#include "store/database.h"
#include "store/workflowstore.h"
#include "teststore.h"
#include "workflow/expressionengine.h"
#include "workflow/workflowvalidator.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <memory>

using namespace Switchboard;

// The engine with a fake module client and a manual clock: no network, no sleeping.
struct EngineFixture
{
    ManualClock clock;
    Database db;
    ExpressionEngine expressions;
    WorkflowValidator validator {expressions};
    std::unique_ptr<WorkflowStore> store;
    FakeModuleClient modules;
    std::unique_ptr<AuditLog> audit; // not forwarded: no compliance endpoint
    std::unique_ptr<WorkflowEngine> engine;

    // ":memory:": a new store each time, on PostgreSQL for the *_pg tests (TestStore).
    explicit EngineFixture(const QString &path = QStringLiteral(":memory:"))
    {
        if (!db.open(path == QLatin1String(":memory:") ? TestSupport::TestStore::fresh() : path))
            qFatal("cannot open the test database");
        store = std::make_unique<WorkflowStore>(db, clock, validator);
        audit = std::make_unique<AuditLog>(db, clock, modules);
        store->setAudit(audit.get());
        makeEngine();
    }

    void makeEngine()
    {
        engine = std::make_unique<WorkflowEngine>(db, *store, modules, expressions, clock);
        engine->setAudit(audit.get());
        QHash<QString, QUrl> endpoints;
        for (int n = 1; n <= 9; ++n)
            endpoints.insert(QStringLiteral("0%1_x").arg(n),
                             QUrl(QStringLiteral("http://127.0.0.1:1/%1").arg(n)));
        for (const char *id :
             {"01_intake", "02_booking", "03_telehealth", "04_billing", "05_followup", "06_ocr",
              "07_analytics", "08_messaging", "09_compliance"})
            endpoints.insert(QString::fromLatin1(id),
                             QUrl(QStringLiteral("http://127.0.0.1:1/") + QString::fromLatin1(id)));
        engine->setEndpoints(endpoints);
    }

    QString publish(const QByteArray &json)
    {
        const QJsonObject doc = QJsonDocument::fromJson(json).object();
        auto saved = store->saveDraft(doc);
        if (!saved || !saved->isEmpty())
            qFatal("test workflow does not validate: %s",
                   saved ? qPrintable(saved->first().toString())
                         : qPrintable(saved.error().message));
        if (!store->publish(doc.value(QLatin1String("id")).toString(), QStringLiteral("test"),
                            QStringLiteral("tester")))
            qFatal("cannot publish");
        return doc.value(QLatin1String("id")).toString();
    }

    QString start(const QString &id, const QJsonObject &input = {})
    {
        auto s = engine->start(id, input);
        settle();
        return s ? s->value(QLatin1String("execution_id")).toString() : QString();
    }

    // Waits until every commit is durable, so what waited for that (module calls, signals)
    // has gone out. On a file the log is synced on another thread.
    void settle()
    {
        QDeadlineTimer deadline(10000);
        while (!db.allDurable() && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        QCoreApplication::processEvents();
    }

    QJsonObject execution(const QString &id) { return engine->execution(id).value(); }
    QString status(const QString &id)
    {
        return execution(id).value(QLatin1String("status")).toString();
    }
    QStringList history(const QString &id)
    {
        QStringList out;
        for (const QJsonValue &e : execution(id).value(QLatin1String("history")).toArray())
            out << e.toObject().value(QLatin1String("type")).toString()
                    + (e.toObject().contains(QLatin1String("node"))
                           ? QLatin1Char(':') + e.toObject().value(QLatin1String("node")).toString()
                           : QString());
        return out;
    }
};
