#pragma once

#include <QString>
#include <optional>
#include <utility>
#include <variant>

namespace Switchboard {

// An error a user can act on: what went wrong and, where known, which field or setting.
struct Error
{
    QString message;
    QString field;

    QString toString() const
    {
        return field.isEmpty() ? message : field + QStringLiteral(": ") + message;
    }
};

// Result<T> carries either a value or an Error across API boundaries instead of exceptions.
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

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
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

inline Error makeError(QString message, QString field = {})
{
    return Error {std::move(message), std::move(field)};
}

} // namespace Switchboard
