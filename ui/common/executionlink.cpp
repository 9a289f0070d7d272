#include "common/executionlink.h"

namespace Switchboard::ExecutionLink {

namespace {
constexpr QLatin1String Scheme("execution:");
}

QString link(const QString &executionId)
{
    const QString id = executionId.toHtmlEscaped();
    return QStringLiteral("<a href=\"%1%2\">%2</a>").arg(Scheme, id);
}

QString idFrom(const QString &href)
{
    return href.startsWith(Scheme) ? href.mid(Scheme.size()) : QString();
}

} // namespace Switchboard::ExecutionLink
