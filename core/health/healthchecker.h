#pragma once

#include "config/coreconfig.h"
#include "health/healthprobe.h"

#include <QObject>

class QNetworkAccessManager;
class QNetworkReply;

namespace Switchboard {

class Clock;
class ModuleCredentials;

// Asks one module's health endpoint how it is, with the configured timeout and retries, and
// turns the answer (or the lack of one) into a HealthProbe. With N8N_API_BASE and the module's
// MODULE_NN_WORKFLOW_ID, asks the n8n API for the workflow's last executions instead (the
// seed's "Option B"). Low rate, so QNAM is used here.
class HealthChecker final : public QObject
{
    Q_OBJECT

public:
    explicit HealthChecker(const Clock &clock, QObject *parent = nullptr);

    void probe(const ModuleConfig &module, const HealthSettings &settings);
    // Where each module's credential header comes from; none: no credential is sent.
    void setCredentials(const ModuleCredentials *credentials) { m_credentials = credentials; }

    void setN8n(const N8nHealthSettings &n8n) { m_n8n = n8n; }

    // Reads a health answer body; exposed for tests of malformed answers.
    static HealthProbe parseAnswer(int httpStatus, const QByteArray &body, int responseMs);
    // Reads the n8n API's list of executions ({"data": [{"status", "startedAt"}, …]}): the last
    // run, and the failed ones (error, crashed) since now - 24 h.
    static HealthProbe parseN8nExecutions(int httpStatus, const QByteArray &body, int responseMs,
                                          const QDateTime &now);
    // The executions the n8n API is asked for (the newest first).
    static constexpr int N8nExecutionsRead = 250;

Q_SIGNALS:
    void probed(const QString &moduleId, const Switchboard::HealthProbe &probe);

private:
    void attempt(const QString &moduleId, const QUrl &url, const HealthSettings &settings,
                 int attemptNumber, bool n8n);

    const Clock &m_clock;
    QNetworkAccessManager *m_network;
    const ModuleCredentials *m_credentials = nullptr;
    N8nHealthSettings m_n8n;
};

} // namespace Switchboard
