#pragma once

#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace Switchboard {

class ApiServer;
class CoreService;
struct HttpRequest;
class HttpReply;

// Executions (list, read, cancel, retry, re-run from a step with its preview), a business key's
// journey across workflows, and the dead-letter queue (list, replay one or many, discard).
// Patient data is masked unless the reader may read it and asks to (?reveal=true), audited.
class ExecutionRoutes
{
public:
    static void install(ApiServer &server, CoreService &core);

    // Whether the request asks to see patient data (?reveal=true); nullopt, with a 403 or 400
    // sent, when its role may not or the value is not true or false.
    static std::optional<bool> revealRequested(const HttpRequest &req, const HttpReply &reply);

private:
    // The query string as a JSON object, so that one schema checks it: the named parameters as
    // numbers when they read as whole numbers (otherwise the schema names them).
    static QJsonObject queryObject(const HttpRequest &req, const QStringList &numbers);
    static void installDeadLetters(ApiServer &server, CoreService &core);
    static constexpr int MaxBulkReplay = 500;
};

} // namespace Switchboard
