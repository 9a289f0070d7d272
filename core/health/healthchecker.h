#pragma once

#include "config/coreconfig.h"
#include "health/healthprobe.h"

#include <QObject>

class QNetworkAccessManager;
class QNetworkReply;

namespace Switchboard {

class ModuleCredentials;

// Asks one module's health endpoint how it is, with the configured timeout and retries, and
// turns the answer (or the lack of one) into a HealthProbe. Low rate, so QNAM is used here.
class HealthChecker final : public QObject
{
    Q_OBJECT

public:
    explicit HealthChecker(QObject *parent = nullptr);

    void probe(const ModuleConfig &module, const HealthSettings &settings);
    // Where each module's credential header comes from; none: no credential is sent.
    void setCredentials(const ModuleCredentials *credentials) { m_credentials = credentials; }

    // Reads a health answer body; exposed for tests of malformed answers.
    static HealthProbe parseAnswer(int httpStatus, const QByteArray &body, int responseMs);

Q_SIGNALS:
    void probed(const QString &moduleId, const Switchboard::HealthProbe &probe);

private:
    void attempt(const QString &moduleId, const QUrl &url, const HealthSettings &settings,
                 int attemptNumber);

    QNetworkAccessManager *m_network;
    const ModuleCredentials *m_credentials = nullptr;
};

} // namespace Switchboard
