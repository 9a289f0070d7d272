#pragma once

// A base for tests that talk to a core over its HTTP API: the core listens on a free loopback
// port with a known admin token and a data folder of its own.

#include "common/clock.h"
#include "service/coreservice.h"
#include "sim/simdemoclinic.h"
#include "testsupport.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace TestSupport {

class ApiCoreTest : public QObject
{
protected:
    // Starts the core with these options plus the listening port, data folder and admin token.
    // port 0: a free one.
    Switchboard::Status startCore(Switchboard::CoreOptions options,
                                  const Switchboard::CoreConfig &config = {}, quint16 port = 0)
    {
        options.listen = true;
        options.listenPort = port;
        options.dataDir = m_data.path();
        options.adminTokenFromEnv = QString::fromLatin1(m_token);
        m_core = std::make_unique<Switchboard::CoreService>(config, m_clock, options);
        return m_core->start();
    }

    // The demo clinic on free ports, quiet (no events, no past), with a support token
    // ("support-token-0123456789", for ana) and a viewer token ("viewer-token-0123456789").
    Switchboard::Status startDemoCore(quint16 port = 0)
    {
        Switchboard::CoreOptions options;
        options.demo = true;
        options.demoClinic = [](const Switchboard::Clock &clock) {
            return std::make_unique<Switchboard::SimDemoClinic>(clock);
        };
        options.demoBasePort = 0;
        options.demoEventRate = 0;
        options.demoHistoryDays = 0; // the tests count the stored history themselves
        options.tokens = {
            {QStringLiteral("support-token-0123456789"), QStringLiteral("support:ana")},
            {QStringLiteral("viewer-token-0123456789"), QStringLiteral("viewer")}};
        return startCore(options, {}, port);
    }

    // A document the OCR module read badly, so that the demo clinic's workflow asks a person
    // (queue ocr-review, with a patient's name in the form); the task's id, empty if none came.
    QString reviewTask(const QString &document)
    {
        const QJsonObject event {
            {QStringLiteral("type"), QStringLiteral("document.processed")},
            {QStringLiteral("module"), QStringLiteral("06_ocr")},
            {QStringLiteral("data"),
             QJsonObject {
                 {QStringLiteral("document_id"), document},
                 {QStringLiteral("document_type"), QStringLiteral("id_card")},
                 {QStringLiteral("confidence"), 0.7},
                 {QStringLiteral("size_bytes"), 10},
                 {QStringLiteral("fields"),
                  QJsonObject {{QStringLiteral("patient_name"), QStringLiteral("Grace Okafor")},
                               {QStringLiteral("insurance_id"), QStringLiteral("INS-1")}}}}}};
        if (TestSupport::post(url(QStringLiteral("/api/v1/events")), QJsonDocument(event).toJson(),
                              auth())
                .status
            != 202)
            return {};
        QString id;
        (void)QTest::qWaitFor(
            [&] {
                for (const QJsonValue t :
                     TestSupport::get(url(QStringLiteral("/api/v1/tasks?queue=ocr-review")), auth())
                         .json()
                         .value(QLatin1String("tasks"))
                         .toArray()) {
                    if (t[QLatin1String("title")].toString().contains(document))
                        id = t[QLatin1String("id")].toString();
                }
                return !id.isEmpty();
            },
            10000);
        return id;
    }

    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_core->apiPort()).arg(path);
    }
    QList<QPair<QByteArray, QByteArray>> auth() const
    {
        return {{"Authorization", "Bearer " + m_token}};
    }

    Switchboard::SystemClock m_clock;
    QTemporaryDir m_data;
    std::unique_ptr<Switchboard::CoreService> m_core;
    const QByteArray m_token = "api-test-token-0123456789";
};

} // namespace TestSupport
