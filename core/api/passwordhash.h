#pragma once

#include "common/result.h"

#include <QString>

namespace Switchboard::PasswordHash {

// At least this long; at most MaxLength bytes of UTF-8.
inline constexpr int MinLength = 12;
inline constexpr int MaxLength = 1024;

// Whether a password may be set for the person named `name`: long enough, not too long, not
// the name itself. The error names the field "password".
Status checkPolicy(const QString &password, const QString &name);

// Argon2id (libsodium's crypto_pwhash_str with its "interactive" limits: 64 MiB and about a
// tenth of a second), salted, in the PHC string format that carries its own parameters. Slow
// on purpose: call it off the event loop.
Result<QString> hash(const QString &password);
// Whether password matches the stored hash; false for a damaged hash. As slow as hash().
bool verify(const QString &stored, const QString &password);

} // namespace Switchboard::PasswordHash
