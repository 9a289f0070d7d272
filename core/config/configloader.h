#pragma once

#include "common/result.h"
#include "config/coreconfig.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Switchboard::ConfigLoader {

using EnvMap = QMap<QString, QString>;

struct EnvValue
{
    QString value;
    int line = 0;
};

// Parses a dotenv-style file as the specification writes one: KEY="value", KEY='value',
// KEY=value, # comment lines, a trailing "# …" or "// …" comment after a value, an optional
// "export ". Errors name the line.
Result<QMap<QString, EnvValue>> parseEnvLines(const QString &text);
// The same, values only.
Result<EnvMap> parseEnvFile(const QString &text);

// Applies the specification's variables (MODULE_01_ENDPOINT, ERROR_THRESHOLD, …) on top of
// config. Unrelated variables are ignored; a bad value is refused with the variable named and
// nothing applied.
Status applyEnv(CoreConfig &config, const EnvMap &env);

// Applies a JSON configuration document on top of config. Unknown keys and bad values are
// refused with the JSON path named (e.g. "health.timeout_ms").
Status applyJson(CoreConfig &config, const QByteArray &json);

// A setting as check-config prints it: its value (secrets hidden) and where it came from.
struct SettingSource
{
    QString name;
    QString value;
    QString origin; // "default", "environment", "<file>:<line>", "<file> (<json path>)"
};

struct Loaded
{
    CoreConfig config;
    QList<SettingSource> settings; // every setting, set or not, in the table's order
    QStringList warnings; // unknown variables, each with the nearest known name
    QStringList notes; // variables of the specification that Switchboard does not use
};

// Sources, the later winning: the defaults, the JSON file, the env file, then the process
// environment (as Docker's -e, systemd's Environment= and dotenv tools have it). Every secret
// variable X may instead be given as X_FILE, the path of a file holding it (systemd's
// LoadCredential=, Docker secrets). Either path may be empty. A bad value is refused naming
// the variable and where it was set.
Result<Loaded> loadAll(const QString &jsonPath, const QString &envPath, const EnvMap &processEnv);
Result<CoreConfig> load(const QString &jsonPath, const QString &envPath,
                        const EnvMap &processEnv = {});
// The settings a file or the environment sets, with where: CoreOptions::configuredIn.
QMap<QString, QString> configuredIn(const Loaded &loaded);

// An environment file listing every setting, commented out, with its default (the package's
// /etc/switchboard/switchboard.env; switchboard-core --env-template).
QString envTemplate();

// This process's environment.
EnvMap processEnvironment();
// A secret variable outside the settings (SWITCHBOARD_ADMIN_TOKEN …): name's value, or the
// contents of the file name_FILE points at; empty when neither is set. Both set is an error.
Result<QString> secretVariable(const EnvMap &env, const QString &name);

} // namespace Switchboard::ConfigLoader
