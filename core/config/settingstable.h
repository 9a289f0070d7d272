#pragma once

#include "common/result.h"
#include "config/coreconfig.h"

#include <QList>
#include <QString>
#include <functional>

namespace Switchboard::SettingsTable {

// One setting, known by its environment variable and its JSON path. Every value, from any
// source, is validated by the same function so the sources cannot drift apart.
struct Setting
{
    QString env;
    QString json; // empty: environment only
    std::function<Status(CoreConfig &, const QString &value, const QString &field)> apply;
    QString defaultText; // what applies when nothing sets it, as check-config prints it
    // A secret: never printed, and also read from the file named by <env>_FILE.
    bool secret = false;
};

// Every setting, in the order check-config prints them.
const QList<Setting> &all();
const Setting *byEnv(const QString &name);
const Setting *byJson(const QString &path);

// Variables Switchboard reads outside this table (the API's tokens, the secret key file …)
// or that the specification's env block sets for n8n and Switchboard has no use for, each
// with what becomes of it. Known names are never warned about.
struct Recognised
{
    QString name;
    QString note;
};
const QList<Recognised> &recognised();

// The known name nearest to an unknown one (ERORR_THRESHOLD → ERROR_THRESHOLD), or empty when
// none is close.
QString nearestKnown(const QString &name);

// A duration: a plain number counts in plainUnitMs (1 for the *_MS and *_TIMEOUT variables,
// which the specification writes in milliseconds), or a number with a unit: 500ms, 120s, 2m,
// 1h. Bounded to [minMs, maxMs].
Result<qint64> parseDuration(const QString &text, const QString &field, qint64 plainUnitMs,
                             qint64 minMs, qint64 maxMs);

// A duration as the settings write it: "15m", "2h", "30s", "500ms".
QString durationText(qint64 ms);

} // namespace Switchboard::SettingsTable
