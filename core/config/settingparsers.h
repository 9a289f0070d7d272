#pragma once

// The parsers the settings table is built from, shared by its files (settingstable.cpp,
// integrationsettings.cpp). Every value, from any source, goes through one of them.

#include "common/result.h"
#include "config/settingstable.h"

#include <QUrl>
#include <functional>

namespace Switchboard::SettingsTable {

using Apply = std::function<Status(CoreConfig &, const QString &, const QString &)>;

constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;

Result<bool> parseBool(const QString &text, const QString &field);
Result<int> parseInt(const QString &text, const QString &field, int min, int max);
// Empty text is an empty URL (unset).
Result<QUrl> parseUrl(const QString &text, const QString &field, const QStringList &schemes);

// A whole number, bounded, stored through set.
Apply wholeNumber(int min, int max, std::function<void(CoreConfig &, int)> set);
// A duration in plainUnitMs (or with a unit), bounded, stored through set.
Apply duration(qint64 plainUnitMs, qint64 minMs, qint64 maxMs,
               std::function<void(CoreConfig &, qint64)> set);
Apply flag(std::function<void(CoreConfig &, bool)> set);
// One of choices, compared in lower case.
Apply oneOf(const QStringList &choices, std::function<void(CoreConfig &, const QString &)> set);

// The settings of the integrations: e-mail alerts, OpsGenie, dashboard publishing, tracing,
// module credentials, n8n (integrationsettings.cpp).
void addIntegrations(QList<Setting> &s);

} // namespace Switchboard::SettingsTable
