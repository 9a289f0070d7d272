#pragma once

#include "common/result.h"

#include <QString>

namespace Switchboard {

// Faults a test asks the database to inject, to prove that the engine loses nothing and
// reports nothing done that is not stored. Counts start when the plan is set; 0 is "never".
// Given to switchboard-core as SWITCHBOARD_FAULTS="crash_after_commit=7,busy_statement=3".
struct FaultPlan
{
    int failStatement = 0; // statement N fails once with an I/O error
    int failFromStatement = 0; // statement N and every one after it fail (a full disk)
    int busyStatement = 0; // statement N reports SQLITE_BUSY once
    int failCommit = 0; // commit N fails (and rolls back)
    // Commit N and every one after it fail: as far as the store can tell, the process stopped
    // just before commit N (an in-process stand-in for crash_before_commit).
    int failFromCommit = 0;
    int crashBeforeCommit = 0; // the process exits just before commit N
    int crashAfterCommit = 0; // the process exits just after commit N

    // The exit code of an injected crash, so that a test can tell it from a real one.
    static constexpr int CrashExitCode = 86;

    bool isEmpty() const
    {
        return !failStatement && !failFromStatement && !busyStatement && !failCommit
            && !failFromCommit && !crashBeforeCommit && !crashAfterCommit;
    }
    // "name=N,name=N" with the names above in snake case.
    static Result<FaultPlan> parse(const QString &text);
    QString toString() const;
};

} // namespace Switchboard
