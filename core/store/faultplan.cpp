#include "store/faultplan.h"

#include <QStringList>
#include <array>
#include <utility>

namespace Switchboard {

namespace {

using Member = int FaultPlan::*;

constexpr std::array<std::pair<const char *, Member>, 7> Names = {{
    {"fail_statement", &FaultPlan::failStatement},
    {"fail_from_statement", &FaultPlan::failFromStatement},
    {"busy_statement", &FaultPlan::busyStatement},
    {"fail_commit", &FaultPlan::failCommit},
    {"fail_from_commit", &FaultPlan::failFromCommit},
    {"crash_before_commit", &FaultPlan::crashBeforeCommit},
    {"crash_after_commit", &FaultPlan::crashAfterCommit},
}};

} // namespace

Result<FaultPlan> FaultPlan::parse(const QString &text)
{
    FaultPlan plan;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString name = part.section(QLatin1Char('='), 0, 0).trimmed();
        bool number = false;
        const int n = part.section(QLatin1Char('='), 1).trimmed().toInt(&number);
        const auto known = std::find_if(Names.begin(), Names.end(), [&](const auto &entry) {
            return name == QLatin1String(entry.first);
        });
        if (known == Names.end())
            return makeError(QStringLiteral("unknown fault \"%1\"").arg(name),
                             QStringLiteral("SWITCHBOARD_FAULTS"));
        if (!number || n < 1)
            return makeError(QStringLiteral("%1 needs a count of 1 or more").arg(name),
                             QStringLiteral("SWITCHBOARD_FAULTS"));
        plan.*(known->second) = n;
    }
    return plan;
}

QString FaultPlan::toString() const
{
    QStringList parts;
    for (const auto &[name, member] : Names) {
        if (this->*member > 0)
            parts << QStringLiteral("%1=%2").arg(QLatin1String(name)).arg(this->*member);
    }
    return parts.join(QLatin1Char(','));
}

} // namespace Switchboard
