#include "api/useraccounts.h"
#include "common/manualclock.h"
#include "recordingaudit.h"
#include "store/database.h"
#include "teststore.h"
#include "testsupport.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Switchboard;
using TestSupport::awaited;

namespace {

using Recorder = TestSupport::RecordingAudit;

const QString Password = QStringLiteral("correct horse battery");

} // namespace

// People, passwords and sessions, on a real database and a clock the test moves.
class TstUserAccounts : public QObject
{
    Q_OBJECT

    TestSupport::TestStore m_store;
    QString m_path;
    ManualClock m_clock {QDateTime(QDate(2026, 12, 3), QTime(9, 0), Qt::UTC)};
    std::unique_ptr<Database> m_db;
    std::unique_ptr<UserAccounts> m_users;
    Recorder m_audit;

    Result<QJsonObject> create(const QString &name, Role role, const QString &password = Password,
                               const QStringList &queues = {})
    {
        return awaited([&](UserAccounts::Done done) {
            m_users->create({name, name.toUpper(), role, queues}, password,
                            QStringLiteral("set-up"), std::move(done));
        });
    }
    Result<QJsonObject> login(const QString &name, const QString &password = Password)
    {
        return awaited(
            [&](UserAccounts::Done done) { m_users->login(name, password, std::move(done)); });
    }
    QByteArray tokenOf(const Result<QJsonObject> &session)
    {
        return session ? session->value(QLatin1String("token")).toString().toLatin1()
                       : QByteArray();
    }

private Q_SLOTS:
    void init()
    {
        m_path = m_store.location(QStringLiteral("users-%1").arg(QTest::currentTestFunction()));
        QVERIFY2(!m_path.isEmpty(), qPrintable(m_store.problem()));
        m_db = std::make_unique<Database>();
        QVERIFY(m_db->open(m_path).ok());
        m_users = std::make_unique<UserAccounts>(*m_db, m_clock);
        m_users->setAudit(&m_audit);
        m_audit.entries.clear();
    }
    void cleanup()
    {
        m_users.reset();
        m_db.reset();
    }

    void aPersonLogsInUsesASessionAndLogsOut()
    {
        const auto maria = create(QStringLiteral("maria"), Role::Admin);
        QVERIFY2(maria.ok(), qPrintable(maria.ok() ? QString() : maria.error().message));
        QCOMPARE(maria->value(QLatin1String("display_name")).toString(), QStringLiteral("MARIA"));
        QCOMPARE(maria->value(QLatin1String("role")).toString(), QStringLiteral("admin"));
        QVERIFY(maria->value(QLatin1String("last_login_at")).isNull());
        QVERIFY(!maria->contains(QLatin1String("password_hash")));
        QCOMPARE(m_users->count().value(), 1);

        const auto session = login(QStringLiteral("maria"));
        QVERIFY(session.ok());
        const QByteArray token = tokenOf(session);
        QVERIFY(UserAccounts::isSessionToken(token));
        QCOMPARE(session->value(QLatin1String("expires_at")).toString(),
                 QStringLiteral("2026-12-03T21:00:00.000Z"));
        const auto holder = m_users->check(token);
        QVERIFY(holder);
        QCOMPARE(holder->role, Role::Admin);
        QCOMPARE(holder->name, QStringLiteral("maria"));
        QCOMPARE(holder->displayName, QStringLiteral("MARIA"));

        const QJsonObject listed = m_users->list().value().first().toObject();
        QCOMPARE(listed.value(QLatin1String("sessions")).toInt(), 1);
        QCOMPARE(listed.value(QLatin1String("last_login_at")).toString(),
                 QStringLiteral("2026-12-03T09:00:00.000Z"));

        // Neither the password nor the token is anywhere in the store.
        m_users.reset();
        m_db.reset();
        const QByteArray bytes = TestSupport::TestStore::contents(m_path);
        QVERIFY(!bytes.contains(Password.toUtf8()));
        QVERIFY(!bytes.contains(token));
        QVERIFY(bytes.contains("$argon2id$"));
        init();
        QVERIFY(m_users->check(token)); // the session outlives a restart

        QVERIFY(m_users->logout(token).ok());
        QVERIFY(!m_users->check(token));
        QVERIFY(!m_users->logout(token).ok());
        QCOMPARE(m_audit.events(), QStringList {QStringLiteral("user.logout")});
    }

    void aWrongPasswordAndAnUnknownNameReadTheSame()
    {
        QVERIFY(create(QStringLiteral("ana"), Role::Support).ok());
        const auto wrong = login(QStringLiteral("ana"), QStringLiteral("not the password at all"));
        const auto unknown = login(QStringLiteral("nobody"));
        QVERIFY(!wrong.ok());
        QVERIFY(!unknown.ok());
        QCOMPARE(wrong.error().kind, ErrorKind::Invalid);
        QCOMPARE(unknown.error().kind, ErrorKind::Invalid);
        QCOMPARE(wrong.error().message, unknown.error().message);
        // The audit log says which, without the password.
        QCOMPARE(m_audit.entries.size(), 3);
        QCOMPARE(m_audit.entries[1].event, QStringLiteral("user.login_refused"));
        QCOMPARE(m_audit.entries[1].data.value(QLatin1String("reason")).toString(),
                 QStringLiteral("wrong password"));
        QCOMPARE(m_audit.entries[2].actor, QStringLiteral("nobody"));
        QCOMPARE(m_audit.entries[2].data.value(QLatin1String("reason")).toString(),
                 QStringLiteral("unknown name"));
        for (const auto &e : std::as_const(m_audit.entries))
            QVERIFY(!QJsonDocument(e.data).toJson().contains("not the password"));
    }

    void wrongPasswordsLockTheNameForAQuarterOfAnHour()
    {
        QVERIFY(create(QStringLiteral("ana"), Role::Support).ok());
        for (int i = 0; i < UserAccounts::FailuresBeforeLock; ++i)
            QCOMPARE(login(QStringLiteral("ana"), QStringLiteral("guessing guessing %1").arg(i))
                         .error()
                         .kind,
                     ErrorKind::Invalid);
        // Locked now: even the right password is refused, saying for how long.
        const auto locked = login(QStringLiteral("ana"));
        QVERIFY(!locked.ok());
        QCOMPARE(locked.error().kind, ErrorKind::Conflict);
        QVERIFY(locked.error().message.contains(QStringLiteral("15 minutes")));
        QCOMPARE(m_audit.entries.last().data.value(QLatin1String("reason")).toString(),
                 QStringLiteral("locked"));
        m_clock.advance(UserAccounts::LockMs - 60000);
        QCOMPARE(login(QStringLiteral("ana")).error().kind, ErrorKind::Conflict);
        m_clock.advance(60001);
        QVERIFY(login(QStringLiteral("ana")).ok());
    }

    void sessionsExpire()
    {
        QVERIFY(create(QStringLiteral("ana"), Role::Support).ok());
        const QByteArray token = tokenOf(login(QStringLiteral("ana")));
        m_clock.advance(UserAccounts::SessionTtlMs - 1);
        QVERIFY(m_users->check(token));
        m_clock.advance(1);
        QVERIFY(!m_users->check(token));
        QCOMPARE(
            m_users->list().value().first().toObject().value(QLatin1String("sessions")).toInt(), 0);
    }

    void disablingARoleChangeOrANewPasswordEndsSessions()
    {
        QVERIFY(create(QStringLiteral("maria"), Role::Admin).ok());
        const auto ana = create(QStringLiteral("ana"), Role::Support);
        const qint64 id = ana->value(QLatin1String("id")).toInteger();

        QByteArray token = tokenOf(login(QStringLiteral("ana")));
        auto disabled =
            m_users->update(id, {{QStringLiteral("disabled"), true}}, QStringLiteral("maria"));
        QVERIFY(disabled.ok());
        QVERIFY(disabled->value(QLatin1String("disabled")).toBool());
        QVERIFY(!m_users->check(token));
        QVERIFY(!login(QStringLiteral("ana")).ok());
        QCOMPARE(m_audit.entries.last().data.value(QLatin1String("reason")).toString(),
                 QStringLiteral("disabled"));

        QVERIFY(m_users->update(id, {{QStringLiteral("disabled"), false}}, QStringLiteral("maria"))
                    .ok());
        token = tokenOf(login(QStringLiteral("ana")));
        QVERIFY(m_users
                    ->update(id, {{QStringLiteral("role"), QStringLiteral("viewer")}},
                             QStringLiteral("maria"))
                    .ok());
        QVERIFY(!m_users->check(token));
        // A new display name or queue list leaves the session be.
        token = tokenOf(login(QStringLiteral("ana")));
        QVERIFY(m_users
                    ->update(id,
                             {{QStringLiteral("display_name"), QStringLiteral("Ana Ruiz")},
                              {QStringLiteral("queues"), QJsonArray {QStringLiteral("billing")}}},
                             QStringLiteral("maria"))
                    .ok());
        const auto holder = m_users->check(token);
        QVERIFY(holder);
        QCOMPARE(holder->displayName, QStringLiteral("Ana Ruiz"));
        QCOMPARE(holder->queues, QStringList {QStringLiteral("billing")});

        const auto reset = awaited([&](UserAccounts::Done done) {
            m_users->resetPassword(id, QStringLiteral("a brand new passphrase"),
                                   QStringLiteral("maria"), std::move(done));
        });
        QVERIFY(reset.ok());
        QVERIFY(!m_users->check(token));
        QVERIFY(!login(QStringLiteral("ana")).ok());
        QVERIFY(login(QStringLiteral("ana"), QStringLiteral("a brand new passphrase")).ok());
        const QStringList events = m_audit.events();
        QCOMPARE(events.count(QStringLiteral("user.changed")), 4);
        QCOMPARE(events.count(QStringLiteral("user.password_reset")), 1);
    }

    void theLastAdminStays()
    {
        const auto maria = create(QStringLiteral("maria"), Role::Admin);
        const qint64 id = maria->value(QLatin1String("id")).toInteger();
        auto demoted =
            m_users->update(id, {{QStringLiteral("role"), QStringLiteral("manager")}}, "maria");
        QVERIFY(!demoted.ok());
        QCOMPARE(demoted.error().kind, ErrorKind::Conflict);
        QCOMPARE(demoted.error().field, QStringLiteral("role"));
        auto disabled = m_users->update(id, {{QStringLiteral("disabled"), true}}, "maria");
        QCOMPARE(disabled.error().field, QStringLiteral("disabled"));
        QCOMPARE(m_users->list().value().first().toObject().value(QLatin1String("role")).toString(),
                 QStringLiteral("admin"));

        QVERIFY(create(QStringLiteral("jorge"), Role::Admin).ok());
        QVERIFY(m_users->update(id, {{QStringLiteral("disabled"), true}}, "jorge").ok());
    }

    void aPersonChangesTheirOwnPassword()
    {
        QVERIFY(create(QStringLiteral("ana"), Role::Support).ok());
        const QByteArray token = tokenOf(login(QStringLiteral("ana")));
        const auto change = [&](const QString &current, const QString &next) {
            return awaited([&](UserAccounts::Done done) {
                m_users->changePassword(QStringLiteral("ana"), current, next, std::move(done));
            });
        };
        const auto wrong = change(QStringLiteral("this is not it at all"),
                                  QStringLiteral("my new long passphrase"));
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().field, QStringLiteral("current"));
        QVERIFY(m_users->check(token));
        QCOMPARE(change(Password, QStringLiteral("short")).error().field,
                 QStringLiteral("password"));

        QVERIFY(change(Password, QStringLiteral("my new long passphrase")).ok());
        QVERIFY(!m_users->check(token));
        QVERIFY(login(QStringLiteral("ana"), QStringLiteral("my new long passphrase")).ok());
        QCOMPARE(m_audit.entries[2].event, QStringLiteral("user.password_changed"));
        QCOMPARE(m_audit.entries[2].actor, QStringLiteral("ana"));
    }

    void badInputIsNamedAndNothingIsStored()
    {
        QCOMPARE(create(QStringLiteral("Ana Ruiz"), Role::Support).error().field,
                 QStringLiteral("name"));
        QCOMPARE(
            create(QStringLiteral("ana"), Role::Support, QStringLiteral("short")).error().field,
            QStringLiteral("password"));
        const auto sameAsName = create(QStringLiteral("ana.ruiz.clinic"), Role::Support,
                                       QStringLiteral("ana.ruiz.clinic"));
        QCOMPARE(sameAsName.error().field, QStringLiteral("password"));
        QCOMPARE(create(QStringLiteral("ana"), Role::Support, Password, {QString()}).error().field,
                 QStringLiteral("queues"));
        const auto noDisplay = awaited([&](UserAccounts::Done done) {
            m_users->create({QStringLiteral("ana"), QStringLiteral("  "), Role::Support, {}},
                            Password, QStringLiteral("set-up"), std::move(done));
        });
        QCOMPARE(noDisplay.error().field, QStringLiteral("display_name"));
        QCOMPARE(m_users->count().value(), 0);
        QVERIFY(m_audit.entries.isEmpty());

        const auto ana = create(QStringLiteral("ana"), Role::Support);
        QVERIFY(ana.ok());
        const auto twice = create(QStringLiteral("ana"), Role::Admin);
        QCOMPARE(twice.error().kind, ErrorKind::Conflict);
        const qint64 id = ana->value(QLatin1String("id")).toInteger();
        QCOMPARE(m_users->update(id, {{QStringLiteral("role"), QStringLiteral("owner")}}, "x")
                     .error()
                     .field,
                 QStringLiteral("role"));
        QCOMPARE(m_users->update(id, {{QStringLiteral("disabled"), QStringLiteral("yes")}}, "x")
                     .error()
                     .field,
                 QStringLiteral("disabled"));
        QVERIFY(!m_users->update(id, {}, "x").ok());
        QCOMPARE(m_users->update(4711, {{QStringLiteral("disabled"), true}}, "x").error().kind,
                 ErrorKind::NotFound);
        const QJsonObject kept = m_users->list().value().first().toObject();
        QCOMPARE(kept.value(QLatin1String("role")).toString(), QStringLiteral("support"));
        QCOMPARE(kept.value(QLatin1String("disabled")).toBool(), false);
        QCOMPARE(m_audit.events(), QStringList {QStringLiteral("user.created")});
    }

    void actorsAreShownByTheirNames()
    {
        const auto ana = create(QStringLiteral("ana"), Role::Support);
        QCOMPARE(m_users->displayNameOf(QStringLiteral("ana")), QStringLiteral("ANA"));
        QCOMPARE(m_users->displayNameOf(QStringLiteral("system")), QStringLiteral("system"));
        m_users->setLocalName(QStringLiteral("jorge"), QStringLiteral("Jorge Pérez"));
        m_users->setLocalName(QStringLiteral("nobody"), QStringLiteral("  "));
        QCOMPARE(m_users->displayNameOf(QStringLiteral("jorge")), QStringLiteral("Jorge Pérez"));
        QCOMPARE(m_users->displayNameOf(QStringLiteral("nobody")), QStringLiteral("nobody"));
        // A new display name shows at once.
        QVERIFY(m_users
                    ->update(ana->value(QLatin1String("id")).toInteger(),
                             {{QStringLiteral("display_name"), QStringLiteral("Ana Ruiz")}}, "x")
                    .ok());
        QCOMPARE(m_users->displayNameOf(QStringLiteral("ana")), QStringLiteral("Ana Ruiz"));
        QCOMPARE(m_users->displayNames().value(QStringLiteral("jorge")),
                 QStringLiteral("Jorge Pérez"));
    }

    void createNowServesTheCommandLine()
    {
        const auto made = m_users->createNow(
            {QStringLiteral("maria"), QStringLiteral("María Gómez"), Role::Admin, {}}, Password,
            QStringLiteral("command line"));
        QVERIFY(made.ok());
        QCOMPARE(m_audit.entries.first().actor, QStringLiteral("command line"));
        QVERIFY(login(QStringLiteral("maria")).ok());
        QCOMPARE(m_users
                     ->createNow({QStringLiteral("maria"), QStringLiteral("M"), Role::Admin, {}},
                                 Password, QStringLiteral("command line"))
                     .error()
                     .kind,
                 ErrorKind::Conflict);
    }
};

QTEST_GUILESS_MAIN(TstUserAccounts)
#include "tst_useraccounts.moc"
