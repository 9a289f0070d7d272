#include "migratestore.h"

#include "store/database.h"
#include "store/datafolder.h"
#include "store/storecopy.h"

#include <QFileInfo>
#include <QJsonObject>
#include <QLockFile>
#include <cstdio>

using namespace Switchboard;

int migrateStore(const QString &from, const QString &to)
{
    const QString path = from.startsWith(QLatin1String("sqlite://")) ? from.mid(9) : from;
    if (path.startsWith(QLatin1String("postgres")) || !QFileInfo(path).isFile()) {
        std::fprintf(stderr,
                     "switchboard-core: --migrate-store: no SQLite store at \"%s\" (expected "
                     "sqlite:///path/to/switchboard.db)\n",
                     qPrintable(from));
        return 2;
    }
    if (!to.startsWith(QLatin1String("postgresql://"))
        && !to.startsWith(QLatin1String("postgres://"))) {
        std::fprintf(stderr,
                     "switchboard-core: --migrate-store: the target is a postgresql:// address, "
                     "not \"%s\"\n",
                     qPrintable(to));
        return 2;
    }
    // The core must be stopped: what it wrote meanwhile would not be moved.
    auto lock = DataFolder::lock(path);
    if (!lock) {
        std::fprintf(stderr, "switchboard-core: --migrate-store: %s; stop it first\n",
                     qPrintable(lock.error().message));
        return 1;
    }
    Database source;
    if (Status opened = source.open(path); !opened) {
        std::fprintf(stderr, "switchboard-core: --migrate-store: %s\n",
                     qPrintable(opened.error().toString()));
        return 1;
    }
    Database target;
    if (Status opened = target.open(to); !opened) {
        std::fprintf(stderr, "switchboard-core: --migrate-store: %s\n",
                     qPrintable(opened.error().toString()));
        return opened.error().field == QLatin1String("store") ? 2 : 1;
    }
    auto copied = StoreCopy::copy(source, target, [](const QString &table, qint64 rows) {
        std::printf("switchboard-core: %s: %lld rows\n", qPrintable(table),
                    static_cast<long long>(rows));
        std::fflush(stdout);
    });
    if (!copied) {
        std::fprintf(stderr,
                     "switchboard-core: --migrate-store: %s; the PostgreSQL store was left as it "
                     "was\n",
                     qPrintable(copied.error().toString()));
        return 1;
    }
    const QJsonObject tables = copied->value(QLatin1String("tables")).toObject();
    std::printf("switchboard-core: moved %lld executions and %lld audit entries (the chain "
                "checked) to %s\n",
                static_cast<long long>(tables.value(QLatin1String("executions")).toInteger()),
                static_cast<long long>(copied->value(QLatin1String("audit_entries")).toInteger()),
                qPrintable(to));
    return 0;
}
