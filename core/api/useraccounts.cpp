#include "api/useraccounts.h"

#include "api/accesstokens.h"
#include "api/passwordhash.h"
#include "audit/audittrail.h"
#include "common/logging.h"
#include "common/pooltask.h"
#include "engine/executionjson.h"
#include "store/database.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>

namespace Switchboard {

using ExecutionJson::isoOrNull;

namespace {

constexpr qint64 LastUseEveryMs = 60000;
constexpr int MaxTracked = 10000; // names with recent wrong passwords kept in memory

Status checkName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,59}$"));
    if (!re.match(name).hasMatch())
        return makeError(QStringLiteral("a log-in name is 1 to 60 lower-case letters, digits, "
                                        "'.', '_' or '-', starting with a letter or digit"),
                         QStringLiteral("name"));
    return Ok {};
}

Status checkDisplayName(const QString &displayName)
{
    if (displayName.trimmed().isEmpty() || displayName.size() > 80)
        return makeError(QStringLiteral("a display name is 1 to 80 characters"),
                         QStringLiteral("display_name"));
    return Ok {};
}

Result<QStringList> queuesFrom(const QJsonValue &value)
{
    QStringList out;
    if (!value.isArray())
        return makeError(QStringLiteral("a list of review queue names"), QStringLiteral("queues"));
    for (const QJsonValue v : value.toArray()) {
        const QString queue = v.toString().trimmed();
        if (queue.isEmpty() || queue.size() > 60)
            return makeError(QStringLiteral("each queue name is 1 to 60 characters"),
                             QStringLiteral("queues"));
        out << queue;
    }
    out.removeDuplicates();
    return out;
}

Status checkNew(const UserAccounts::NewUser &user, const QString &password)
{
    if (auto queues = queuesFrom(QJsonArray::fromStringList(user.queues)); !queues)
        return queues.error();
    for (const Status &st : {checkName(user.name), checkDisplayName(user.displayName),
                             PasswordHash::checkPolicy(password, user.name)}) {
        if (!st)
            return st;
    }
    return Ok {};
}

QString queuesText(const QStringList &queues)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(queues)).toJson(QJsonDocument::Compact));
}

QStringList queuesOf(const QString &text)
{
    QStringList out;
    for (const QJsonValue v : QJsonDocument::fromJson(text.toUtf8()).array())
        out << v.toString();
    return out;
}

} // namespace

UserAccounts::UserAccounts(Database &db, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
{
    m_pool.setMaxThreadCount(2); // 64 MiB each while hashing
}

UserAccounts::~UserAccounts()
{
    m_pool.waitForDone();
}

void UserAccounts::audited(const QString &event, const QString &actor, const QJsonObject &data)
{
    if (Status st = m_db.transaction([&] { return audit(m_audit, event, actor, data); }); !st)
        qCWarning(lcService) << event << "not audited:" << st.error().message;
}

void UserAccounts::withHash(const QString &password,
                            std::function<Result<QJsonObject>(const QString &hash)> then, Done done)
{
    offLoop(
        [password]() -> Result<QJsonObject> {
            auto hash = PasswordHash::hash(password);
            if (!hash)
                return hash.error();
            return QJsonObject {{QStringLiteral("hash"), *hash}};
        },
        [then = std::move(then)](Result<QJsonObject> hashed) -> Result<QJsonObject> {
            if (!hashed)
                return hashed.error();
            return then(hashed->value(QLatin1String("hash")).toString());
        },
        std::move(done));
}

void UserAccounts::offLoop(std::function<Result<QJsonObject>()> work,
                           std::function<Result<QJsonObject>(Result<QJsonObject>)> then, Done done)
{
    auto result = std::make_shared<Result<QJsonObject>>(QJsonObject());
    PoolTask::run(
        m_pool, this,
        [work = std::move(work), result] {
            *result = work();
            return Status(Ok {});
        },
        [then = std::move(then), done = std::move(done), result](Status) {
            done(then(std::move(*result)));
        });
}

Result<UserAccounts::Stored> UserAccounts::stored(const QString &name) const
{
    auto q = m_db.exec(
        QStringLiteral("SELECT id, password_hash, disabled FROM users WHERE name = ?"), {name});
    if (!q)
        return q.error();
    if (!q->next())
        return notFound(QStringLiteral("no user \"%1\"").arg(name), QStringLiteral("name"));
    return Stored {q->value(0).toLongLong(), name, q->value(1).toString(), q->value(2).toBool()};
}

Result<QJsonArray> UserAccounts::list() const
{
    auto q = m_db.exec(
        QStringLiteral("SELECT id, name, display_name, role, queues, disabled, created_at, "
                       "created_by, password_changed_at, last_login_at, (SELECT COUNT(*) FROM "
                       "sessions s WHERE s.user_id = users.id AND s.revoked_at IS NULL AND "
                       "s.expires_at > ?) FROM users ORDER BY name"),
        {m_clock.nowMs()});
    if (!q)
        return q.error();
    QJsonArray out;
    while (q->next())
        out.append(QJsonObject {
            {QStringLiteral("id"), q->value(0).toLongLong()},
            {QStringLiteral("name"), q->value(1).toString()},
            {QStringLiteral("display_name"), q->value(2).toString()},
            {QStringLiteral("role"), q->value(3).toString()},
            {QStringLiteral("queues"),
             QJsonArray::fromStringList(queuesOf(q->value(4).toString()))},
            {QStringLiteral("disabled"), q->value(5).toBool()},
            {QStringLiteral("created_at"), isoOrNull(q->value(6).toLongLong())},
            {QStringLiteral("created_by"), q->value(7).toString()},
            {QStringLiteral("password_changed_at"), isoOrNull(q->value(8).toLongLong())},
            {QStringLiteral("last_login_at"), isoOrNull(q->value(9).toLongLong())},
            {QStringLiteral("sessions"), q->value(10).toInt()}});
    return out;
}

Result<qint64> UserAccounts::count() const
{
    auto q = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM users"));
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : 0;
}

Result<QJsonObject> UserAccounts::entry(qint64 id) const
{
    auto all = list();
    if (!all)
        return all.error();
    for (const QJsonValue v : std::as_const(*all)) {
        if (v[QLatin1String("id")].toInteger() == id)
            return v.toObject();
    }
    return notFound(QStringLiteral("no user %1").arg(id), QStringLiteral("id"));
}

void UserAccounts::create(const NewUser &user, const QString &password, const QString &actor,
                          Done done)
{
    if (Status st = checkNew(user, password); !st)
        return done(st.error());
    if (auto existing = stored(user.name); existing || existing.error().kind != ErrorKind::NotFound)
        return done(existing
                        ? conflict(QStringLiteral("there is already a user \"%1\"").arg(user.name),
                                   QStringLiteral("name"))
                        : existing.error());
    withHash(
        password, [this, user, actor](const QString &hash) { return insert(user, hash, actor); },
        std::move(done));
}

Result<QJsonObject> UserAccounts::createNow(const NewUser &user, const QString &password,
                                            const QString &actor)
{
    if (Status st = checkNew(user, password); !st)
        return st.error();
    auto hash = PasswordHash::hash(password);
    if (!hash)
        return hash.error();
    return insert(user, *hash, actor);
}

QHash<QString, QString> UserAccounts::displayNames() const
{
    if (!m_names) {
        auto q = m_db.exec(QStringLiteral("SELECT name, display_name FROM users"));
        if (!q) {
            qCWarning(lcService) << "names not read:" << q.error().message;
            return m_localNames;
        }
        QHash<QString, QString> names;
        while (q->next())
            names.insert(q->value(0).toString(), q->value(1).toString());
        m_names = names;
    }
    QHash<QString, QString> all = m_localNames;
    all.insert(*m_names);
    return all;
}

QString UserAccounts::displayNameOf(const QString &actor) const
{
    if (!m_names)
        displayNames();
    return m_names && m_names->contains(actor) ? m_names->value(actor)
                                               : m_localNames.value(actor, actor);
}

void UserAccounts::setLocalName(const QString &actor, const QString &displayName)
{
    if (!displayName.trimmed().isEmpty())
        m_localNames.insert(actor, displayName.trimmed());
}

Result<QJsonObject> UserAccounts::insert(const NewUser &user, const QString &hash,
                                         const QString &actor)
{
    const qint64 now = m_clock.nowMs();
    qint64 id = 0;
    Status st = m_db.transaction([&]() -> Status {
        auto r = m_db.insert(
            QStringLiteral("INSERT INTO users (name, display_name, role, queues, password_hash, "
                           "created_at, created_by, password_changed_at) VALUES "
                           "(?, ?, ?, ?, ?, ?, ?, ?)"),
            {user.name, user.displayName.trimmed(), toWire(user.role), queuesText(user.queues),
             hash, now, actor, now});
        if (!r)
            return r.error().kind == ErrorKind::Conflict
                ? conflict(QStringLiteral("there is already a user \"%1\"").arg(user.name),
                           QStringLiteral("name"))
                : r.error();
        id = *r;
        m_names.reset();
        return audit(m_audit, QStringLiteral("user.created"), actor,
                     {{QStringLiteral("user_id"), id},
                      {QStringLiteral("name"), user.name},
                      {QStringLiteral("role"), toWire(user.role)}});
    });
    if (!st)
        return st.error();
    return entry(id);
}

Result<QJsonObject> UserAccounts::update(qint64 id, const QJsonObject &changes,
                                         const QString &actor)
{
    auto before = entry(id);
    if (!before)
        return before.error();
    QStringList sets;
    QVariantList values;
    QJsonObject recorded;
    if (changes.contains(QLatin1String("display_name"))) {
        const QString name = changes.value(QLatin1String("display_name")).toString().trimmed();
        if (Status st = checkDisplayName(name); !st)
            return st.error();
        sets << QStringLiteral("display_name = ?");
        values << name;
        recorded.insert(QStringLiteral("display_name"), name);
    }
    std::optional<Role> role;
    if (changes.contains(QLatin1String("role"))) {
        role = roleFromWire(changes.value(QLatin1String("role")).toString());
        if (!role)
            return makeError(QStringLiteral("a role is viewer, support, manager or admin"),
                             QStringLiteral("role"));
        sets << QStringLiteral("role = ?");
        values << toWire(*role);
        recorded.insert(QStringLiteral("role"), toWire(*role));
    }
    if (changes.contains(QLatin1String("queues"))) {
        auto queues = queuesFrom(changes.value(QLatin1String("queues")));
        if (!queues)
            return queues.error();
        sets << QStringLiteral("queues = ?");
        values << queuesText(*queues);
        recorded.insert(QStringLiteral("queues"), QJsonArray::fromStringList(*queues));
    }
    bool disabling = false;
    if (changes.contains(QLatin1String("disabled"))) {
        if (!changes.value(QLatin1String("disabled")).isBool())
            return makeError(QStringLiteral("true or false"), QStringLiteral("disabled"));
        disabling = changes.value(QLatin1String("disabled")).toBool();
        sets << QStringLiteral("disabled = ?");
        values << (disabling ? 1 : 0);
        recorded.insert(QStringLiteral("disabled"), disabling);
    }
    if (sets.isEmpty())
        return makeError(QStringLiteral("nothing to change: give display_name, role, queues or "
                                        "disabled"));
    // Someone must be left to administer the core.
    const bool wasAdmin = before->value(QLatin1String("role")).toString() == toWire(Role::Admin)
        && !before->value(QLatin1String("disabled")).toBool();
    if (wasAdmin && (disabling || (role && *role != Role::Admin))) {
        auto q = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM users WHERE role = 'admin' AND "
                                          "disabled = 0 AND id != ?"),
                           {id});
        if (!q)
            return q.error();
        if (q->next() && q->value(0).toInt() == 0)
            return conflict(QStringLiteral("this is the only admin who can log in; make another "
                                           "admin first"),
                            disabling ? QStringLiteral("disabled") : QStringLiteral("role"));
    }
    values << id;
    recorded.insert(QStringLiteral("user_id"), id);
    recorded.insert(QStringLiteral("name"), before->value(QLatin1String("name")));
    Status st = m_db.transaction([&]() -> Status {
        auto r = m_db.run(
            QStringLiteral("UPDATE users SET %1 WHERE id = ?").arg(sets.join(QStringLiteral(", "))),
            values);
        if (!r)
            return r.error();
        m_names.reset();
        if (disabling || role) {
            // A role taken away or a person disabled takes effect at their next request.
            if (auto ended = m_db.run("UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND "
                                      "revoked_at IS NULL",
                                      {m_clock.nowMs(), id});
                !ended)
                return ended.error();
        }
        return audit(m_audit, QStringLiteral("user.changed"), actor, recorded);
    });
    if (!st)
        return st.error();
    return entry(id);
}

Status UserAccounts::storePassword(qint64 id, const QString &hash, const QString &actor,
                                   bool bySelf)
{
    const qint64 now = m_clock.nowMs();
    return m_db.transaction([&]() -> Status {
        auto r =
            m_db.run("UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?",
                     {hash, now, id});
        if (!r)
            return r.error();
        if (*r == 0)
            return notFound(QStringLiteral("no user %1").arg(id), QStringLiteral("id"));
        if (auto ended = m_db.run(
                "UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
                {now, id});
            !ended)
            return ended.error();
        return audit(m_audit,
                     bySelf ? QStringLiteral("user.password_changed")
                            : QStringLiteral("user.password_reset"),
                     actor, {{QStringLiteral("user_id"), id}});
    });
}

void UserAccounts::resetPassword(qint64 id, const QString &password, const QString &actor,
                                 Done done)
{
    auto user = entry(id);
    if (!user)
        return done(user.error());
    if (Status st =
            PasswordHash::checkPolicy(password, user->value(QLatin1String("name")).toString());
        !st)
        return done(st.error());
    withHash(
        password,
        [this, id, actor](const QString &hash) -> Result<QJsonObject> {
            if (Status st = storePassword(id, hash, actor, false); !st)
                return st.error();
            return entry(id);
        },
        std::move(done));
}

void UserAccounts::changePassword(const QString &name, const QString &current,
                                  const QString &password, Done done)
{
    auto user = stored(name);
    if (!user)
        return done(user.error());
    if (Status st = PasswordHash::checkPolicy(password, name); !st)
        return done(st.error());
    offLoop(
        [hash = user->hash, current, password]() -> Result<QJsonObject> {
            if (!PasswordHash::verify(hash, current))
                return makeError(QStringLiteral("the current password is wrong"),
                                 QStringLiteral("current"));
            auto next = PasswordHash::hash(password);
            if (!next)
                return next.error();
            return QJsonObject {{QStringLiteral("hash"), *next}};
        },
        [this, id = user->id, name](Result<QJsonObject> hashed) -> Result<QJsonObject> {
            if (!hashed)
                return hashed.error();
            if (Status st =
                    storePassword(id, hashed->value(QLatin1String("hash")).toString(), name, true);
                !st)
                return st.error();
            return entry(id);
        },
        std::move(done));
}

void UserAccounts::login(const QString &name, const QString &password, Done done)
{
    const qint64 now = m_clock.nowMs();
    if (const auto f = m_failures.constFind(name); f != m_failures.cend() && f->lockedUntil > now) {
        audited(QStringLiteral("user.login_refused"), name,
                {{QStringLiteral("reason"), QStringLiteral("locked")}});
        return done(conflict(QStringLiteral("too many wrong passwords; try again in %1 minutes")
                                 .arg((f->lockedUntil - now + 59999) / 60000),
                             QStringLiteral("password")));
    }
    auto user = stored(name);
    if (!user && user.error().kind != ErrorKind::NotFound)
        return done(user.error());
    const std::optional<Stored> known = user ? std::optional<Stored>(*user) : std::nullopt;
    offLoop(
        [known, password]() -> Result<QJsonObject> {
            // An unknown name costs the same time as a known one, so timing tells nothing.
            const bool matches = known ? PasswordHash::verify(known->hash, password)
                                       : (void(PasswordHash::hash(password)), false);
            return QJsonObject {{QStringLiteral("matches"), matches}};
        },
        [this, name, known](Result<QJsonObject> checked) -> Result<QJsonObject> {
            const bool matches = checked && checked->value(QLatin1String("matches")).toBool();
            if (!matches || !known || known->disabled) {
                const qint64 at = m_clock.nowMs();
                if (m_failures.size() >= MaxTracked)
                    m_failures.clear();
                Failures &f = m_failures[name];
                if (at - f.firstAt > LockMs)
                    f = Failures {0, at, 0};
                if (++f.count >= FailuresBeforeLock)
                    f.lockedUntil = at + LockMs;
                audited(QStringLiteral("user.login_refused"), name,
                        {{QStringLiteral("reason"),
                          !known         ? QStringLiteral("unknown name")
                              : !matches ? QStringLiteral("wrong password")
                                         : QStringLiteral("disabled")}});
                return makeError(QStringLiteral("the name or the password is wrong, or the "
                                                "account is disabled"),
                                 QStringLiteral("password"));
            }
            m_failures.remove(name);
            return startSession(*known);
        },
        std::move(done));
}

Result<QJsonObject> UserAccounts::startSession(const Stored &user)
{
    QByteArray secret(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(secret.data()),
                                          secret.size() / int(sizeof(quint32)));
    const QByteArray token =
        "sbs_" + secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const qint64 now = m_clock.nowMs();
    const qint64 expires = now + m_sessionTtlMs;
    Status st = m_db.transaction([&]() -> Status {
        if (auto r = m_db.run("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) "
                              "VALUES (?, ?, ?, ?)",
                              {AccessTokens::hashOf(token), user.id, now, expires});
            !r)
            return r.error();
        if (auto r = m_db.run("UPDATE users SET last_login_at = ? WHERE id = ?", {now, user.id});
            !r)
            return r.error();
        return audit(m_audit, QStringLiteral("user.login"), user.name,
                     {{QStringLiteral("user_id"), user.id}});
    });
    if (!st)
        return st.error();
    auto person = entry(user.id);
    if (!person)
        return person.error();
    return QJsonObject {{QStringLiteral("token"), QString::fromLatin1(token)},
                        {QStringLiteral("expires_at"), isoOrNull(expires)},
                        {QStringLiteral("user"), *person}};
}

Status UserAccounts::logout(const QByteArray &token)
{
    const auto holder = check(token);
    if (!holder)
        return notFound(QStringLiteral("no session for this token"));
    return m_db.transaction([&]() -> Status {
        if (auto r = m_db.run("UPDATE sessions SET revoked_at = ? WHERE token_hash = ?",
                              {m_clock.nowMs(), AccessTokens::hashOf(token)});
            !r)
            return r.error();
        return audit(m_audit, QStringLiteral("user.logout"), holder->name, {});
    });
}

std::optional<UserAccounts::Holder> UserAccounts::check(const QByteArray &token)
{
    if (!isSessionToken(token))
        return std::nullopt;
    const QString hash = AccessTokens::hashOf(token);
    const qint64 now = m_clock.nowMs();
    auto q = m_db.exec(
        QStringLiteral("SELECT u.role, u.name, u.display_name, u.queues, s.expires_at FROM "
                       "sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND "
                       "s.revoked_at IS NULL AND s.expires_at > ? AND u.disabled = 0"),
        {hash, now});
    if (!q || !q->next())
        return std::nullopt;
    const auto role = roleFromWire(q->value(0).toString());
    if (!role)
        return std::nullopt;
    Holder holder {*role, q->value(1).toString(), q->value(2).toString(),
                   queuesOf(q->value(3).toString()), q->value(4).toLongLong()};
    if (now - m_lastUseNoted.value(hash) >= LastUseEveryMs) {
        if (m_lastUseNoted.size() >= MaxTracked)
            m_lastUseNoted.clear();
        m_lastUseNoted.insert(hash, now);
        if (auto r =
                m_db.run("UPDATE sessions SET last_used_at = ? WHERE token_hash = ?", {now, hash});
            !r)
            qCWarning(lcService) << "session use not noted:" << r.error().message;
    }
    return holder;
}

} // namespace Switchboard
