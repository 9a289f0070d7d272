#include "api/passwordhash.h"

#include <sodium.h>

namespace Switchboard::PasswordHash {

namespace {

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

} // namespace

Status checkPolicy(const QString &password, const QString &name)
{
    const QByteArray utf8 = password.toUtf8();
    if (password.size() < MinLength)
        return makeError(QStringLiteral("a password needs at least %1 characters").arg(MinLength),
                         QStringLiteral("password"));
    if (utf8.size() > MaxLength)
        return makeError(QStringLiteral("a password may have at most %1 bytes").arg(MaxLength),
                         QStringLiteral("password"));
    if (!name.isEmpty() && password.compare(name, Qt::CaseInsensitive) == 0)
        return makeError(QStringLiteral("the password may not be the user's name"),
                         QStringLiteral("password"));
    return Ok {};
}

Result<QString> hash(const QString &password)
{
    if (!sodiumReady())
        return internalError(QStringLiteral("libsodium could not be initialised"));
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), quint64(utf8.size()),
                              crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return unavailable(QStringLiteral("not enough memory to hash the password"));
    return QString::fromLatin1(out);
}

bool verify(const QString &stored, const QString &password)
{
    if (!sodiumReady())
        return false;
    const QByteArray hashText = stored.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    if (hashText.isEmpty() || hashText.size() >= qsizetype(crypto_pwhash_STRBYTES))
        return false;
    return crypto_pwhash_str_verify(hashText.constData(), utf8.constData(), quint64(utf8.size()))
        == 0;
}

} // namespace Switchboard::PasswordHash
