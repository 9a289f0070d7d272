#pragma once

#include "common/result.h"
#include "config/coreconfig.h"

#include <QMap>
#include <QString>

namespace Switchboard {

class Database;

// Deletes what is older than its period, in small batches so the core's own writes never wait
// long behind it. Open work (running executions, open alerts, pending dead letters, notices
// not yet sent) is never touched.
class Retention
{
public:
    Retention(Database &db, const RetentionSettings &settings);

    // Rows deleted, by table; an error stops the pass (the next one goes on from there).
    Result<QMap<QString, int>> prune(qint64 nowMs);

    static constexpr int BatchRows = 500;

private:
    // Runs sql (a DELETE whose rowids come from a LIMIT ? subquery) until it deletes nothing.
    Result<int> deleteInBatches(const QString &sql, const QVariantList &values);

    Database &m_db;
    RetentionSettings m_settings;
};

} // namespace Switchboard
