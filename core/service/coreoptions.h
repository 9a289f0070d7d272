#pragma once

#include <QHash>
#include <QHostAddress>
#include <QMap>
#include <QSslConfiguration>
#include <QString>
#include <functional>
#include <memory>

namespace Switchboard {

class Clock;
class DemoClinic;

// How a core instance runs, apart from the clinic's configuration.
struct CoreOptions
{
    // Start an in-process simulated fleet and point every module at it (the demo clinic).
    bool demo = false;
    // Base port for the demo fleet; 0 tries 8700, then free ports.
    quint16 demoBasePort = 0;
    // Spontaneous events a second, spread over the modules like a clinic's day
    // (SimFleet::clinicMix): 200 an hour.
    double demoEventRate = 200.0 / 3600;
    // Makes the demo clinic: set by the programs that link the simulator; without it a demo
    // is refused.
    std::function<std::unique_ptr<DemoClinic>(const Clock &)> demoClinic;
    // Publish the built-in templates (the demo clinic always does).
    bool templates = false;
    // Save the built-in templates as drafts, for a person to review and publish
    // (switchboard-core --install-templates); a workflow of the same id is left as it is.
    bool templateDrafts = false;
    // Bearer tokens besides the admin's: token → role ("support", "manager", "viewer", "admin").
    QHash<QString, QString> tokens;
    // Days of past key figures and checks a fresh demo clinic starts with (0: none).
    int demoHistoryDays = 30;
    // Serve the HTTP API; off for the console's embedded core unless asked for.
    bool listen = false;
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 8600;
    // The API over HTTPS with this certificate and key (--tls-cert, --tls-key); null: plain.
    QSslConfiguration tls;
    QString dataDir;
    // SQLite database file; empty: <dataDir>/switchboard.db (demo.db for the demo clinic).
    QString storePath;
    QString adminTokenFromEnv; // SWITCHBOARD_ADMIN_TOKEN
    // Folder for the scheduled dashboard report (empty: none); written at config.reportCron.
    QString reportDir;
    // Workflow files (JSON) published at start unless their latest version is the same
    // (switchboard-core --workflow): a deployment or a benchmark needs no API calls.
    QStringList workflowFiles;
    // Settings a file or the environment sets: variable → where ("<file>:<line>",
    // "environment"). Settings shows them and does not let them be changed there.
    QMap<QString, QString> configuredIn;
};

} // namespace Switchboard
