#pragma once

#include "common/result.h"

#include <QMetaObject>
#include <QObject>
#include <QThreadPool>
#include <functional>

namespace Switchboard::PoolTask {

// Runs blocking work (a libcurl transfer) on pool and hands its Status to done on context's
// thread. The owner waits for the pool before it goes, so done never outlives context.
inline void run(QThreadPool &pool, QObject *context, std::function<Status()> work,
                std::function<void(Status)> done)
{
    pool.start([context, work = std::move(work), done = std::move(done)]() mutable {
        Status result = work();
        QMetaObject::invokeMethod(
            context,
            [done = std::move(done), result = std::move(result)]() mutable {
                done(std::move(result));
            },
            Qt::QueuedConnection);
    });
}

} // namespace Switchboard::PoolTask
