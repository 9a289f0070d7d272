#pragma once

#include "common/result.h"

#include <QObject>
#include <QString>
#include <functional>

namespace Switchboard {

// Where secrets (webhook URLs, routing keys, tokens, passwords) live: the OS keychain, never
// the database, configuration files or logs. Asynchronous, since a keychain may prompt.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    using ReadCallback = std::function<void(Result<QString>)>;
    using DoneCallback = std::function<void(Status)>;

    virtual void write(const QString &key, const QString &secret, DoneCallback done) = 0;
    // Not found is an error whose field is the key.
    virtual void read(const QString &key, ReadCallback done) = 0;
    virtual void remove(const QString &key, DoneCallback done) = 0;
};

} // namespace Switchboard
