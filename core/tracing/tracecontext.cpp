#include "tracing/tracecontext.h"

#include <QCryptographicHash>
#include <QRegularExpression>

namespace Switchboard {

namespace {

thread_local TraceContext t_current;

QByteArray header(const QList<QPair<QByteArray, QByteArray>> &headers, const char *name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value.trimmed();
    }
    return {};
}

bool allZero(const QByteArray &hex)
{
    return hex.count('0') == hex.size();
}

} // namespace

TraceContext TraceContext::fromHeaders(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    TraceContext c;
    // version-traceid-parentid-flags; an unknown later version keeps the same first fields.
    static const QRegularExpression traceparent(
        QStringLiteral("^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$"));
    const QByteArray given = header(headers, "traceparent");
    const auto m =
        given.isEmpty() ? QRegularExpressionMatch() : traceparent.match(QString::fromLatin1(given));
    if (m.hasMatch() && m.captured(1) != QLatin1String("ff")
        && (m.captured(1) != QLatin1String("00") || m.captured(5).isEmpty())
        && !allZero(m.captured(2).toLatin1()) && !allZero(m.captured(3).toLatin1())) {
        c.traceId = m.captured(2).toLatin1();
        c.parentSpanId = m.captured(3).toLatin1();
        c.sampled = m.captured(4).toUInt(nullptr, 16) & 1;
        c.hasSampling = true;
    } else if (const QByteArray seed = header(headers, "X-Trace-ID");
               !seed.isEmpty() && seed.size() <= 128) {
        static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]{32}$"));
        c.traceId = hex.match(QString::fromLatin1(seed)).hasMatch()
            ? seed.toLower()
            : QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex().left(32);
        if (allZero(c.traceId))
            c.traceId.clear();
    }
    // An id to find the request by, not free text: anything else is not kept.
    static const QRegularExpression id(QStringLiteral("^[A-Za-z0-9._:/+=-]{1,128}$"));
    const QString correlation = QString::fromLatin1(header(headers, "X-Correlation-ID"));
    if (!correlation.isEmpty() && id.match(correlation).hasMatch())
        c.correlationId = correlation;
    return c;
}

const TraceContext &TraceContext::current()
{
    return t_current;
}

TraceContext::Scope::Scope(TraceContext context)
    : m_previous(std::exchange(t_current, std::move(context)))
{
}

TraceContext::Scope::~Scope()
{
    t_current = std::move(m_previous);
}

} // namespace Switchboard
