#include "adduser.h"

#include "api/useraccounts.h"
#include "audit/auditlog.h"
#include "common/clock.h"
#include "engine/curlmoduleclient.h"
#include "store/database.h"
#include "store/datafolder.h"

#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QTextStream>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace {

// One line from standard input; not echoed when it is a terminal.
QString readPassword()
{
    const bool terminal = isatty(STDIN_FILENO) != 0;
    termios before {};
    if (terminal) {
        std::fputs("Password: ", stderr);
        tcgetattr(STDIN_FILENO, &before);
        termios quiet = before;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QTextStream in(stdin);
    QString line = in.readLine();
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &before);
        std::fputs("\n", stderr);
    }
    return line;
}

int refuse(const QString &message)
{
    std::fprintf(stderr, "switchboard-core: --add-user: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int addUser(const QString &databasePath, const QString &name, const QString &role,
            const QString &displayName)
{
    using namespace Switchboard;
    const auto parsedRole = roleFromWire(role);
    if (!parsedRole)
        return refuse(
            QStringLiteral("--role is viewer, support, manager or admin, not \"%1\"").arg(role));
    if (!QDir().mkpath(QFileInfo(databasePath).absolutePath()))
        return refuse(QStringLiteral("cannot create the folder of %1").arg(databasePath));
    // The core keeps the audit chain; two writers at once would fork it.
    auto lock = DataFolder::lock(databasePath);
    if (!lock)
        return refuse(lock.error().message);
    Database db;
    if (Status opened = db.open(databasePath); !opened)
        return refuse(opened.error().toString());
    SystemClock clock;
    CurlModuleClient unused; // the audit log forwards to 09_compliance only once the core runs
    AuditLog audit(db, clock, unused);
    UserAccounts users(db, clock);
    users.setAudit(&audit);
    const QString password = readPassword();
    auto added =
        users.createNow({name, displayName.isEmpty() ? name : displayName, *parsedRole, {}},
                        password, QStringLiteral("command line"));
    if (!added)
        return refuse(added.error().toString());
    std::printf("switchboard-core: added %s (%s) to %s\n", qPrintable(name),
                qPrintable(toWire(*parsedRole)), qPrintable(databasePath));
    return 0;
}
