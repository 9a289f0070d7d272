#pragma once

#include "service/orchestrator.h"

// An Orchestrator the test drives by hand: it emits what it is told and records requests.
class FakeOrchestrator final : public Switchboard::Orchestrator
{
    Q_OBJECT

public:
    using Orchestrator::Orchestrator;

    void start() override { Q_EMIT ready(); }
    QString connectionLabel() const override { return QStringLiteral("Fake core"); }
    bool isDemo() const override { return false; }
    void checkNow() override { ++checks; }
    void checkModule(const QString &moduleId) override { checkedModules << moduleId; }
    void resetCircuitBreaker(const QString &moduleId) override { resetModules << moduleId; }
    void requestReport() override
    {
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT reportReady(report); }, Qt::QueuedConnection);
    }

    int checks = 0;
    QStringList checkedModules;
    QStringList resetModules;
    QString report = QStringLiteral("<html><body>Fake report</body></html>");
};
