#include "config/settingparsers.h"

namespace Switchboard::SettingsTable {

Result<bool> parseBool(const QString &text, const QString &field)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("true") || t == QLatin1String("1") || t == QLatin1String("yes"))
        return true;
    if (t == QLatin1String("false") || t == QLatin1String("0") || t == QLatin1String("no"))
        return false;
    return makeError(QStringLiteral("expected true or false, got \"%1\"").arg(text), field);
}

Result<int> parseInt(const QString &text, const QString &field, int min, int max)
{
    bool ok = false;
    const qlonglong v = text.trimmed().toLongLong(&ok);
    if (!ok)
        return makeError(QStringLiteral("expected a whole number, got \"%1\"").arg(text), field);
    if (v < min || v > max)
        return makeError(QStringLiteral("%1 is out of range (%2 to %3)").arg(v).arg(min).arg(max),
                         field);
    return int(v);
}

Result<QUrl> parseUrl(const QString &text, const QString &field, const QStringList &schemes)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return QUrl();
    const QUrl url(t, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || !schemes.contains(url.scheme())) {
        return makeError(QStringLiteral("\"%1\" is not a valid %2 URL")
                             .arg(t, schemes.join(QStringLiteral(" or "))),
                         field);
    }
    return url;
}

// A whole number, bounded, stored through setter.
Apply wholeNumber(int min, int max, std::function<void(CoreConfig &, int)> set)
{
    return [min, max, set](CoreConfig &c, const QString &v, const QString &f) -> Status {
        auto r = parseInt(v, f, min, max);
        if (!r)
            return r.error();
        set(c, *r);
        return Ok {};
    };
}

// A duration in milliseconds (or with a unit), bounded, stored through setter.
Apply duration(qint64 plainUnitMs, qint64 minMs, qint64 maxMs,
               std::function<void(CoreConfig &, qint64)> set)
{
    return [=](CoreConfig &c, const QString &v, const QString &f) -> Status {
        auto r = parseDuration(v, f, plainUnitMs, minMs, maxMs);
        if (!r)
            return r.error();
        set(c, *r);
        return Ok {};
    };
}

Apply flag(std::function<void(CoreConfig &, bool)> set)
{
    return [set](CoreConfig &c, const QString &v, const QString &f) -> Status {
        auto r = parseBool(v, f);
        if (!r)
            return r.error();
        set(c, *r);
        return Ok {};
    };
}

Apply oneOf(const QStringList &choices, std::function<void(CoreConfig &, const QString &)> set)
{
    return [choices, set](CoreConfig &c, const QString &v, const QString &f) -> Status {
        const QString t = v.trimmed().toLower();
        if (!choices.contains(t))
            return makeError(QStringLiteral("expected %1 or %2, got \"%3\"")
                                 .arg(choices.mid(0, choices.size() - 1).join(QStringLiteral(", ")),
                                      choices.last(), v),
                             f);
        set(c, t);
        return Ok {};
    };
}

} // namespace Switchboard::SettingsTable
