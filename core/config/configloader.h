#pragma once

#include "common/result.h"
#include "config/coreconfig.h"

#include <QByteArray>
#include <QMap>
#include <QString>

namespace Switchboard::ConfigLoader {

using EnvMap = QMap<QString, QString>;

// Parses a dotenv-style file (KEY="value", KEY='value', KEY=value, # comments, optional
// "export "). Errors name the line.
Result<EnvMap> parseEnvFile(const QString &text);

// Applies the primary specification's variables (MODULE_01_ENDPOINT, ENABLED_01_INTAKE,
// ERROR_THRESHOLD, HEALTH_CHECK_TIMEOUT_MS, KPI_THRESHOLDS_JSON, HIPAA_MODE, …) on top of
// config. Unrelated variables are ignored; a bad value is refused with the variable named.
Status applyEnv(CoreConfig &config, const EnvMap &env);

// Applies a JSON configuration document on top of config. Unknown keys and bad values are
// refused with the JSON path named (e.g. "health.timeout_ms").
Status applyJson(CoreConfig &config, const QByteArray &json);

// Reads the optional JSON file then the optional env file; either path may be empty.
Result<CoreConfig> load(const QString &jsonPath, const QString &envPath);

} // namespace Switchboard::ConfigLoader
