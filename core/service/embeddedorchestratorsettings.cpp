#include "api/accesstokens.h"
#include "api/useraccounts.h"
#include "modules/modulecredentials.h"
#include "service/coreservice.h"
#include "service/embeddedorchestrator.h"
#include "service/settingsdesk.h"

#include <QPointer>

// The embedded core's settings, people and module credentials, for Settings.
namespace Switchboard {

void EmbeddedOrchestrator::requestSettings()
{
    onCore([this](CoreService &service) {
        auto settings = service.settings()->overview();
        QMetaObject::invokeMethod(this, [this, settings] {
            if (settings)
                Q_EMIT settingsReady(*settings);
            else
                Q_EMIT settingsRefused(settings.error().field, settings.error().message);
        });
    });
}

void EmbeddedOrchestrator::changeSettings(const QJsonObject &values)
{
    const QString who = userName();
    onCore([this, values, who](CoreService &service) {
        auto changed = service.changeSettings(values, who);
        auto settings = service.settings()->overview();
        QMetaObject::invokeMethod(this, [this, changed, settings] {
            if (!changed)
                Q_EMIT settingsRefused(changed.error().field, changed.error().message);
            else
                Q_EMIT settingsChanged(*changed);
            if (settings)
                Q_EMIT settingsReady(*settings);
        });
    });
}

void EmbeddedOrchestrator::backupNow()
{
    const QString who = userName();
    onCore([this, who](CoreService &service) {
        auto made = service.settings()->backupNow(who);
        auto settings = service.settings()->overview();
        QMetaObject::invokeMethod(this, [this, made, settings] {
            if (made)
                Q_EMIT backupMade(*made);
            else
                Q_EMIT settingsRefused(QStringLiteral("backup"), made.error().message);
            if (settings)
                Q_EMIT settingsReady(*settings);
        });
    });
}

void EmbeddedOrchestrator::restoreBackup(const QString &path)
{
    const QString who = userName();
    onCore([this, path, who](CoreService &service) {
        const Status scheduled = service.settings()->restoreAtNextStart(path, who);
        auto settings = service.settings()->overview();
        QMetaObject::invokeMethod(this, [this, path, scheduled, settings] {
            if (scheduled)
                Q_EMIT restoreScheduled(path);
            else
                Q_EMIT settingsRefused(QStringLiteral("backup"), scheduled.error().message);
            if (settings)
                Q_EMIT settingsReady(*settings);
        });
    });
}

void EmbeddedOrchestrator::requestTokens()
{
    onCore([this](CoreService &service) {
        auto tokens = service.accessTokens()->list();
        QMetaObject::invokeMethod(this, [this, tokens] {
            if (tokens)
                Q_EMIT tokensReady(*tokens);
            else
                Q_EMIT tokensRefused(tokens.error().message);
        });
    });
}

void EmbeddedOrchestrator::issueToken(const QString &name, const QString &role)
{
    const QString who = userName();
    onCore([this, name, role, who](CoreService &service) {
        const auto wire = roleFromWire(role);
        auto issued = wire ? service.accessTokens()->issue(name, *wire, who)
                           : Result<AccessTokens::Issued>(makeError(
                               QStringLiteral("no role \"%1\"").arg(role), QStringLiteral("role")));
        QMetaObject::invokeMethod(this, [this, issued] {
            if (!issued)
                return Q_EMIT tokensRefused(issued.error().message);
            QJsonObject token = issued->entry;
            token.insert(QStringLiteral("token"), issued->token);
            Q_EMIT tokenIssued(token);
            requestTokens();
        });
    });
}

void EmbeddedOrchestrator::revokeToken(qint64 id)
{
    const QString who = userName();
    onCore([this, id, who](CoreService &service) {
        const Status revoked = service.accessTokens()->revoke(id, who);
        QMetaObject::invokeMethod(this, [this, revoked] {
            if (!revoked)
                Q_EMIT tokensRefused(revoked.error().message);
            requestTokens();
        });
    });
}

void EmbeddedOrchestrator::requestUsers()
{
    onCore([this](CoreService &service) {
        auto users = service.users()->list();
        QMetaObject::invokeMethod(this, [this, users] {
            if (users)
                Q_EMIT usersReady(*users);
            else
                Q_EMIT usersRefused(users.error().message);
        });
    });
}

void EmbeddedOrchestrator::userAnswer(const Result<QJsonObject> &user)
{
    QMetaObject::invokeMethod(this, [this, user] {
        if (!user)
            return Q_EMIT usersRefused(user.error().message);
        Q_EMIT userSaved(*user);
        requestUsers();
    });
}

void EmbeddedOrchestrator::addUser(const QJsonObject &person, const QString &password)
{
    const QString who = userName();
    onCore([this, person, password, who](CoreService &service) {
        const auto role = roleFromWire(person.value(QLatin1String("role")).toString());
        if (!role)
            return userAnswer(makeError(QStringLiteral("a role is viewer, support, manager or "
                                                       "admin"),
                                        QStringLiteral("role")));
        QStringList queues;
        for (const QJsonValue q : person.value(QLatin1String("queues")).toArray())
            queues << q.toString();
        service.users()->create(
            {person.value(QLatin1String("name")).toString(),
             person.value(QLatin1String("display_name")).toString(), *role, queues},
            password, who, [this](Result<QJsonObject> user) { userAnswer(user); });
    });
}

void EmbeddedOrchestrator::changeUser(qint64 id, const QJsonObject &changes)
{
    const QString who = userName();
    onCore([this, id, changes, who](CoreService &service) {
        userAnswer(service.users()->update(id, changes, who));
    });
}

void EmbeddedOrchestrator::resetPassword(qint64 id, const QString &password)
{
    const QString who = userName();
    onCore([this, id, password, who](CoreService &service) {
        service.users()->resetPassword(id, password, who,
                                       [this](Result<QJsonObject> user) { userAnswer(user); });
    });
}

void EmbeddedOrchestrator::requestCredential(const QString &moduleId)
{
    onCore([this, moduleId](CoreService &service) {
        const QJsonObject credential = service.credentials()->describe(moduleId);
        QMetaObject::invokeMethod(
            this, [this, moduleId, credential] { Q_EMIT credentialReady(moduleId, credential); });
    });
}

void EmbeddedOrchestrator::setCredential(const QString &moduleId, const QString &kind,
                                         const QString &header, const QString &secret)
{
    const QString who = userName();
    onCore([this, moduleId, kind, header, secret, who](CoreService &service) {
        ModuleCredential credential;
        credential.kind = kind;
        credential.header = header.isEmpty() ? QStringLiteral("apikey") : header;
        credential.secret = secret;
        QPointer<CoreService> core(&service);
        service.credentials()->set(
            moduleId, credential, who, false,
            [this, core, moduleId](Status stored) { answerCredential(core, moduleId, stored); });
    });
}

void EmbeddedOrchestrator::removeCredential(const QString &moduleId)
{
    const QString who = userName();
    onCore([this, moduleId, who](CoreService &service) {
        QPointer<CoreService> core(&service);
        service.credentials()->remove(moduleId, who, [this, core, moduleId](Status removed) {
            answerCredential(core, moduleId, removed);
        });
    });
}

void EmbeddedOrchestrator::answerCredential(const QPointer<CoreService> &core,
                                            const QString &moduleId, const Status &done)
{
    const QJsonObject credential = core ? core->credentials()->describe(moduleId) : QJsonObject();
    const QString refusal = done ? QString() : done.error().message;
    QMetaObject::invokeMethod(this, [this, moduleId, credential, refusal] {
        if (!refusal.isEmpty())
            Q_EMIT credentialRefused(moduleId, refusal);
        Q_EMIT credentialReady(moduleId, credential);
    });
}

} // namespace Switchboard
