#pragma once

#include "common/clock.h"
#include "common/result.h"

#include <QJsonObject>
#include <optional>

namespace Switchboard {

class Database;

// The answers to requests that carried an Idempotency-Key (inbound_requests): a client that
// sends the same request again, because its first answer was lost, gets that first answer
// instead of starting the work twice. Keys are kept for a day.
class InboundRequests
{
public:
    InboundRequests(Database &db, const Clock &clock);

    struct Answer
    {
        int status = 0;
        QJsonObject body;
    };
    // The first answer to (key, route), as a client gets it again: its body with
    // "replayed": true; a conflict when the key came with another request (fingerprint),
    // nothing when the key is new.
    Result<std::optional<QJsonObject>> replay(const QString &key, const QString &route,
                                              const QString &fingerprint);
    // What identifies a request's content under its key (SHA-256 of its compact JSON).
    static QString fingerprint(const QJsonObject &request);
    // Keeps the answer; run it in the transaction that does the work.
    Status remember(const QString &key, const QString &route, const QString &fingerprint,
                    const Answer &answer);
    Status prune();

    static constexpr qint64 KeptMs = 24LL * 3600 * 1000;
    static constexpr int MaxKeyLength = 255;

private:
    // The stored answer to (key, route); a conflict when the key came with another request
    // (fingerprint), nothing when the key is new.
    Result<std::optional<Answer>> find(const QString &key, const QString &route,
                                       const QString &fingerprint);
    Database &m_db;
    const Clock &m_clock;
};

} // namespace Switchboard
