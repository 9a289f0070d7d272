#pragma once

#include <QString>
#include <QtGlobal>
#include <utility>
#include <variant>

namespace Switchboard {

// What kind of failure an Error is, so that callers can tell a missing row from a database
// that is busy: a transient failure must never be treated as "not there". The API maps each
// kind to one HTTP status (ApiServer), in one place.
enum class ErrorKind {
    Invalid, // the input is wrong: fix it and try again (400)
    NotFound, // what was named does not exist (404)
    Conflict, // the state does not allow it now, e.g. already decided (409)
    Unavailable, // storage or a dependency is busy or failing: try again later (503)
    Internal, // a bug or damaged data (500)
};

// An error a user can act on: what went wrong and, where known, which field or setting.
struct Error
{
    QString message;
    QString field;
    ErrorKind kind = ErrorKind::Invalid;

    QString toString() const
    {
        return field.isEmpty() ? message : field + QStringLiteral(": ") + message;
    }
    // A failure that may go away by itself: the caller keeps what it has and tries again.
    bool isTransient() const { return kind == ErrorKind::Unavailable; }
};

// Result<T> carries either a value or an Error across API boundaries instead of exceptions.
// value() on an error is a bug in the caller: callers check ok() first.
template<typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::move(value))
    {
    }
    Result(Error error)
        : m_data(std::move(error))
    {
    }

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const &
    {
        Q_ASSERT_X(ok(), "Result::value", "value() of an error; check ok() first");
        return std::get<T>(m_data);
    }
    T &value() &
    {
        Q_ASSERT_X(ok(), "Result::value", "value() of an error; check ok() first");
        return std::get<T>(m_data);
    }
    // By value, so that `for (x : f().value())` does not outlive the temporary.
    T value() &&
    {
        Q_ASSERT_X(ok(), "Result::value", "value() of an error; check ok() first");
        return std::get<T>(std::move(m_data));
    }
    // The value, or fallback when this is an error.
    T valueOr(T fallback) const { return ok() ? std::get<T>(m_data) : std::move(fallback); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    T &operator*() & { return value(); }

    const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

struct Ok
{
};

using Status = Result<Ok>;

inline Error makeError(QString message, QString field = {}, ErrorKind kind = ErrorKind::Invalid)
{
    return Error {std::move(message), std::move(field), kind};
}

inline Error notFound(QString message, QString field = {})
{
    return makeError(std::move(message), std::move(field), ErrorKind::NotFound);
}

inline Error conflict(QString message, QString field = {})
{
    return makeError(std::move(message), std::move(field), ErrorKind::Conflict);
}

inline Error unavailable(QString message, QString field = {})
{
    return makeError(std::move(message), std::move(field), ErrorKind::Unavailable);
}

inline Error internalError(QString message, QString field = {})
{
    return makeError(std::move(message), std::move(field), ErrorKind::Internal);
}

} // namespace Switchboard
