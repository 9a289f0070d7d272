#include "config/configloader.h"

#include "common/logging.h"
#include "config/settingstable.h"
#include "modules/modulecatalog.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>

namespace Switchboard::ConfigLoader {

using SettingsTable::Setting;

namespace {

// Leaves of the document with their dotted paths; kpi_thresholds is one leaf (an object).
void flatten(const QJsonObject &obj, const QString &prefix, QList<QPair<QString, QJsonValue>> &out)
{
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        const QString path = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        if (it.value().isObject() && path != QLatin1String("kpi_thresholds"))
            flatten(it.value().toObject(), path, out);
        else
            out.append({path, it.value()});
    }
}

Result<QString> jsonScalarText(const QJsonValue &v, const QString &field)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 15);
    case QJsonValue::Null:
        return QString();
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    default:
        return makeError(QStringLiteral("expected a single value, not a list"), field);
    }
}

// Where a value came from, and the value.
struct Given
{
    QString value;
    QString origin;
};

// The contents of a secret's file (X_FILE), without the trailing newline an editor adds.
Result<QString> readSecretFile(const QString &variable, const QString &path)
{
    QFile file(path.trimmed());
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()),
                         variable);
    QString text = QString::fromUtf8(file.read(64LL * 1024));
    while (text.endsWith(QLatin1Char('\n')) || text.endsWith(QLatin1Char('\r')))
        text.chop(1);
    return text;
}

bool isKnown(const QString &name)
{
    if (SettingsTable::byEnv(name))
        return true;
    for (const SettingsTable::Recognised &r : SettingsTable::recognised()) {
        if (r.name == name)
            return true;
    }
    if (name.endsWith(QLatin1String("_FILE"))) {
        const QString base = name.chopped(5);
        const Setting *s = SettingsTable::byEnv(base);
        return (s && s->secret) || base == QLatin1String("SWITCHBOARD_ADMIN_TOKEN")
            || base == QLatin1String("SWITCHBOARD_TOKENS");
    }
    return false;
}

QString unknownWarning(const QString &name, const QString &where)
{
    const QString nearest = SettingsTable::nearestKnown(name);
    return nearest.isEmpty()
        ? QStringLiteral("%1: unknown variable %2 is ignored").arg(where, name)
        : QStringLiteral("%1: unknown variable %2 is ignored; did you mean %3?")
              .arg(where, name, nearest);
}

// Adds one source's values (and its X_FILE secrets) to given, later sources winning.
// Recognised names that are not settings go to seen.
Status collect(QMap<QString, Given> &given, const QMap<QString, EnvValue> &values,
               const std::function<QString(int line)> &where, bool warnUnknown,
               QStringList &warnings, QSet<QString> &seen)
{
    QMap<QString, Given> mine;
    for (auto it = values.begin(); it != values.end(); ++it) {
        const QString &name = it.key();
        if (name.endsWith(QLatin1String("_FILE"))) {
            const Setting *s = SettingsTable::byEnv(name.chopped(5));
            if (s && s->secret) {
                if (values.contains(s->env))
                    return makeError(QStringLiteral("set %1 or %2, not both").arg(s->env, name),
                                     where(it->line) + QStringLiteral(": ") + name);
                auto secret = readSecretFile(name, it->value);
                if (!secret)
                    return makeError(secret.error().message,
                                     where(it->line) + QStringLiteral(": ") + name);
                mine.insert(
                    s->env,
                    {*secret, where(it->line) + QStringLiteral(" (") + name + QStringLiteral(")")});
                continue;
            }
        }
        if (SettingsTable::byEnv(name)) {
            mine.insert(name, {it->value, where(it->line)});
        } else if (name == QLatin1String("INSTANCE_ID")) {
            mine.insert(QStringLiteral("N8N_INSTANCE_ID"), {it->value, where(it->line)});
        } else if (isKnown(name)) {
            seen.insert(name);
        } else {
            // The process environment holds PATH, HOME and the like: only a near miss of a
            // known name is worth a word there.
            if (warnUnknown || !SettingsTable::nearestKnown(name).isEmpty())
                warnings << unknownWarning(name, where(it->line));
        }
    }
    for (auto it = mine.begin(); it != mine.end(); ++it)
        given.insert(it.key(), it.value());
    return Ok {};
}

Result<QMap<QString, EnvValue>> readEnvFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    auto lines = parseEnvLines(QString::fromUtf8(file.readAll()));
    if (!lines)
        return makeError(lines.error().message, path + QStringLiteral(": ") + lines.error().field);
    return lines;
}

} // namespace

Result<QMap<QString, EnvValue>> parseEnvLines(const QString &text)
{
    static const QRegularExpression line(
        QStringLiteral(R"(^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$)"));
    static const QRegularExpression trailingComment(QStringLiteral(R"(\s+(#|//).*$)"));
    QMap<QString, EnvValue> env;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString &raw = lines.at(i);
        const QString trimmed = raw.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#'))
            || trimmed.startsWith(QLatin1String("//")))
            continue;
        const auto m = line.match(raw);
        const QString where = QStringLiteral("line %1").arg(i + 1);
        if (!m.hasMatch())
            return makeError(
                QStringLiteral("expected NAME=value, got \"%1\"").arg(trimmed.left(60)), where);
        QString value = m.captured(2);
        if (value.startsWith(QLatin1Char('"')) || value.startsWith(QLatin1Char('\''))) {
            const QChar quote = value.at(0);
            const qsizetype end = value.indexOf(quote, 1);
            if (end < 0)
                return makeError(
                    QStringLiteral("the value of %1 has no closing quote").arg(m.captured(1)),
                    where);
            const QString rest = value.mid(end + 1).trimmed();
            if (!rest.isEmpty() && !rest.startsWith(QLatin1Char('#'))
                && !rest.startsWith(QLatin1String("//")))
                return makeError(QStringLiteral("unexpected text after the quoted value of %1")
                                     .arg(m.captured(1)),
                                 where);
            value = value.mid(1, end - 1);
        } else {
            value.remove(trailingComment);
        }
        env.insert(m.captured(1), {value, i + 1});
    }
    return env;
}

Result<EnvMap> parseEnvFile(const QString &text)
{
    auto lines = parseEnvLines(text);
    if (!lines)
        return lines.error();
    EnvMap env;
    for (auto it = lines->begin(); it != lines->end(); ++it)
        env.insert(it.key(), it->value);
    return env;
}

Status applyEnv(CoreConfig &config, const EnvMap &env)
{
    // Work on a copy so a refused value leaves the configuration as it was.
    CoreConfig next = config;
    for (const Setting &s : SettingsTable::all()) {
        auto it = env.constFind(s.env);
        if (it == env.constEnd())
            continue;
        if (Status st = s.apply(next, it.value(), s.env); !st)
            return st;
    }
    if (env.contains(QStringLiteral("INSTANCE_ID"))) {
        if (Status st = SettingsTable::byEnv(QStringLiteral("N8N_INSTANCE_ID"))
                            ->apply(next, env.value(QStringLiteral("INSTANCE_ID")),
                                    QStringLiteral("INSTANCE_ID"));
            !st)
            return st;
    }
    config = next;
    return Ok {};
}

Status applyJson(CoreConfig &config, const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return makeError(QStringLiteral("not valid JSON at offset %1: %2")
                             .arg(parseError.offset)
                             .arg(parseError.errorString()));
    }
    if (!doc.isObject())
        return makeError(QStringLiteral("the configuration must be a JSON object"));

    QList<QPair<QString, QJsonValue>> leaves;
    flatten(doc.object(), QString(), leaves);
    CoreConfig next = config;
    for (const auto &[path, value] : leaves) {
        const Setting *s = SettingsTable::byJson(path);
        if (!s) {
            if (path.startsWith(QLatin1String("modules."))
                && !ModuleCatalog::find(path.section(QLatin1Char('.'), 1, 1)))
                return makeError(
                    QStringLiteral(
                        "unknown module \"%1\" (expected one of 01_intake … 09_compliance)")
                        .arg(path.section(QLatin1Char('.'), 1, 1)),
                    path);
            return makeError(QStringLiteral("unknown setting"), path);
        }
        auto text = jsonScalarText(value, path);
        if (!text)
            return text.error();
        if (Status st = s->apply(next, *text, path); !st)
            return st;
    }
    config = next;
    return Ok {};
}

Result<Loaded> loadAll(const QString &jsonPath, const QString &envPath, const EnvMap &processEnv)
{
    Loaded loaded;
    QMap<QString, QString> jsonOrigins; // env name → "<file> (<path>)"
    if (!jsonPath.isEmpty()) {
        QFile file(jsonPath);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(
                QStringLiteral("cannot read %1: %2").arg(jsonPath, file.errorString()));
        const QByteArray json = file.readAll();
        if (Status st = applyJson(loaded.config, json); !st)
            return makeError(st.error().message,
                             jsonPath
                                 + (st.error().field.isEmpty()
                                        ? QString()
                                        : QStringLiteral(": ") + st.error().field));
        QList<QPair<QString, QJsonValue>> leaves;
        flatten(QJsonDocument::fromJson(json).object(), QString(), leaves);
        for (const auto &[path, value] : leaves) {
            if (const Setting *s = SettingsTable::byJson(path))
                jsonOrigins.insert(s->env, QStringLiteral("%1 (%2)").arg(jsonPath, path));
        }
    }

    QMap<QString, Given> given;
    QSet<QString> seen;
    if (!envPath.isEmpty()) {
        auto lines = readEnvFile(envPath);
        if (!lines)
            return lines.error();
        if (Status st = collect(
                given, *lines,
                [&](int line) { return QStringLiteral("%1:%2").arg(envPath).arg(line); }, true,
                loaded.warnings, seen);
            !st)
            return st.error();
    }
    QMap<QString, EnvValue> fromProcess;
    for (auto it = processEnv.begin(); it != processEnv.end(); ++it)
        fromProcess.insert(it.key(), {it.value(), 0});
    if (Status st = collect(
            given, fromProcess, [](int) { return QStringLiteral("environment"); }, false,
            loaded.warnings, seen);
        !st)
        return st.error();

    for (const Setting &s : SettingsTable::all()) {
        auto it = given.constFind(s.env);
        if (it != given.constEnd()) {
            if (Status st = s.apply(loaded.config, it->value, s.env); !st)
                return makeError(st.error().message, it->origin + QStringLiteral(": ") + s.env);
        }
        SettingSource line {s.env, s.defaultText, QStringLiteral("default")};
        if (it != given.constEnd())
            line = {s.env, it->value, it->origin};
        else if (jsonOrigins.contains(s.env))
            line = {s.env, QStringLiteral("(as in the file)"), jsonOrigins.value(s.env)};
        if (s.secret && line.origin != QLatin1String("default"))
            line.value = QStringLiteral("(set, hidden)");
        loaded.settings << line;
    }
    for (const SettingsTable::Recognised &r : SettingsTable::recognised()) {
        if (seen.contains(r.name))
            loaded.notes << QStringLiteral("%1: %2").arg(r.name, r.note);
    }
    qCDebug(lcConfig) << "configuration loaded;" << loaded.config.missingRequired().size()
                      << "required settings missing";
    return loaded;
}

Result<CoreConfig> load(const QString &jsonPath, const QString &envPath, const EnvMap &processEnv)
{
    auto loaded = loadAll(jsonPath, envPath, processEnv);
    if (!loaded)
        return loaded.error();
    return loaded->config;
}

QMap<QString, QString> configuredIn(const Loaded &loaded)
{
    QMap<QString, QString> where;
    for (const SettingSource &s : loaded.settings) {
        if (s.origin != QLatin1String("default"))
            where.insert(s.name, s.origin);
    }
    return where;
}

QString envTemplate()
{
    QString out = QStringLiteral(
        "# Switchboard core settings, read by the switchboard-core service (EnvironmentFile=).\n"
        "# Every variable is listed with its default, commented out: uncomment and change what\n"
        "# the clinic needs, then check with: switchboard-core --env-file <this file> "
        "--check-config\n"
        "# Durations are in milliseconds unless the name says _S, or give a unit: 120s, 2m.\n"
        "# Secrets: rather than here, give NAME_FILE=<path of a file holding it>, e.g. a\n"
        "# systemd credential (see deployment.md in the package's documentation).\n");
    QString section;
    for (const Setting &s : SettingsTable::all()) {
        const QString group = s.env.startsWith(QLatin1String("MODULE_"))
                || s.env.startsWith(QLatin1String("ENABLED_"))
            ? QStringLiteral("Module ") + s.env.section(QLatin1Char('_'), 1, 1)
            : QStringLiteral("Core");
        if (group != section) {
            section = group;
            out += QStringLiteral("\n# --- %1 ---\n").arg(section);
        }
        const QString &d = s.defaultText;
        const bool literal = !(d.contains(QLatin1Char('<')) || d.startsWith(QLatin1String("unset"))
                               || d == QLatin1String("none") || d.startsWith(QLatin1String("the "))
                               || d.startsWith(QLatin1String("HEALTH_CHECK")));
        out += literal ? QStringLiteral("#%1=\"%2\"\n").arg(s.env, d)
                       : QStringLiteral("#%1=\"\"  # %2\n").arg(s.env, d);
        if (s.secret)
            out += QStringLiteral("#%1_FILE=\"\"  # or the path of a file holding it\n").arg(s.env);
    }
    return out;
}

EnvMap processEnvironment()
{
    EnvMap env;
    const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
    for (const QString &name : system.keys())
        env.insert(name, system.value(name));
    return env;
}

Result<QString> secretVariable(const EnvMap &env, const QString &name)
{
    const QString fileVariable = name + QStringLiteral("_FILE");
    if (env.contains(name) && env.contains(fileVariable))
        return makeError(QStringLiteral("set %1 or %2, not both").arg(name, fileVariable), name);
    if (env.contains(fileVariable))
        return readSecretFile(fileVariable, env.value(fileVariable));
    return env.value(name);
}

} // namespace Switchboard::ConfigLoader
