#include "workflow/directexpression.h"

#include <QJsonArray>
#include <QString>
#include <cmath>

namespace Switchboard {

namespace {

// A value as JavaScript sees it: JSON null and undefined (a missing member) differ for ===.
struct Value
{
    QJsonValue json;
    bool undefined = false;

    bool isNullish() const { return undefined || json.isNull() || json.isUndefined(); }
    bool truthy() const
    {
        if (isNullish())
            return false;
        switch (json.type()) {
        case QJsonValue::Bool:
            return json.toBool();
        case QJsonValue::Double:
            return json.toDouble() != 0; // JSON holds no NaN
        case QJsonValue::String:
            return !json.toString().isEmpty();
        default:
            return true; // objects and arrays
        }
    }
};

class Parser
{
public:
    Parser(QStringView text, const QJsonObject &scope)
        : m_text(text)
        , m_scope(scope)
    {
    }

    // The whole text as one expression; nullopt to decline.
    std::optional<Value> parseAll()
    {
        auto v = ternary(true);
        skipSpace();
        if (!v || m_at != m_text.size())
            return std::nullopt;
        return v;
    }

private:
    // Each rule parses its part; `live` false parses without evaluating (a branch not taken,
    // whose paths may well lead nowhere). The value returned then is a placeholder.
    std::optional<Value> ternary(bool live)
    {
        auto condition = logical(live, false);
        if (!condition)
            return std::nullopt;
        if (!take(u"?"))
            return condition;
        const bool yes = live && condition->truthy();
        auto first = ternary(live && yes);
        if (!first || !take(u":"))
            return std::nullopt;
        auto second = ternary(live && !yes);
        if (!second)
            return std::nullopt;
        return yes ? first : second;
    }

    // || when orLevel is false at the top, && beneath it.
    std::optional<Value> logical(bool live, bool andLevel)
    {
        auto left = andLevel ? comparison(live) : logical(live, true);
        if (!left)
            return std::nullopt;
        const QStringView op = andLevel ? u"&&" : u"||";
        while (take(op)) {
            // a && b is a when a is falsy; a || b is a when a is truthy: b is not evaluated.
            const bool decided = live && (andLevel ? !left->truthy() : left->truthy());
            auto right = andLevel ? comparison(live && !decided) : logical(live && !decided, true);
            if (!right)
                return std::nullopt;
            if (live && !decided)
                left = right;
        }
        return left;
    }

    std::optional<Value> comparison(bool live)
    {
        auto left = unary(live);
        if (!left)
            return std::nullopt;
        static constexpr QStringView Ops[] = {u"===", u"!==", u"==", u"!=",
                                              u"<=",  u">=",  u"<",  u">"};
        for (QStringView op : Ops) {
            if (!take(op))
                continue;
            auto right = unary(live);
            if (!right)
                return std::nullopt;
            if (!live)
                return Value {};
            auto result = compare(*left, op, *right);
            if (!result)
                return std::nullopt;
            return Value {QJsonValue(*result)};
        }
        return left;
    }

    static std::optional<bool> compare(const Value &a, QStringView op, const Value &b)
    {
        const bool strict = op.size() == 3;
        const bool negate = op.startsWith(u'!');
        if (op == u"==" || op == u"!=" || strict) {
            bool equal = false;
            if (a.isNullish() || b.isNullish()) {
                // null and undefined equal each other loosely, and only themselves strictly.
                equal = strict ? (a.isNullish() && b.isNullish() && a.undefined == b.undefined)
                               : (a.isNullish() && b.isNullish());
            } else if (a.json.type() != b.json.type()) {
                if (!strict)
                    return std::nullopt; // JavaScript would convert one of them
                equal = false;
            } else if (a.json.isDouble() || a.json.isString() || a.json.isBool()) {
                equal = a.json == b.json;
            } else {
                return std::nullopt; // objects compare by identity in JavaScript
            }
            return negate ? !equal : equal;
        }
        // < <= > >=: numbers with numbers, strings with strings (by UTF-16 code units).
        int order = 0;
        if (a.json.isDouble() && b.json.isDouble() && !a.undefined && !b.undefined) {
            const double x = a.json.toDouble();
            const double y = b.json.toDouble();
            order = x < y ? -1 : (x > y ? 1 : 0);
        } else if (a.json.isString() && b.json.isString() && !a.undefined && !b.undefined) {
            order = QStringView(a.json.toString()).compare(b.json.toString());
        } else {
            return std::nullopt;
        }
        if (op == u"<")
            return order < 0;
        if (op == u"<=")
            return order <= 0;
        if (op == u">")
            return order > 0;
        return order >= 0;
    }

    std::optional<Value> unary(bool live)
    {
        if (peek(u"!") && !peek(u"!=")) {
            take(u"!");
            auto v = unary(live);
            if (!v)
                return std::nullopt;
            return Value {QJsonValue(!v->truthy())};
        }
        if (take(u"-")) {
            auto v = primary(live);
            if (!v || (live && (v->undefined || !v->json.isDouble())))
                return std::nullopt;
            return Value {QJsonValue(-v->json.toDouble())};
        }
        return primary(live);
    }

    std::optional<Value> primary(bool live)
    {
        skipSpace();
        if (m_at >= m_text.size())
            return std::nullopt;
        const QChar c = m_text.at(m_at);
        if (take(u"(")) {
            auto v = ternary(live);
            if (!v || !take(u")"))
                return std::nullopt;
            return v;
        }
        if (c == u'\'' || c == u'"')
            return string(c);
        if (c.isDigit() || c == u'.')
            return number();
        if (c.isLetter() || c == u'_' || c == u'$')
            return path(live);
        return std::nullopt;
    }

    std::optional<Value> string(QChar quote)
    {
        QString out;
        for (++m_at; m_at < m_text.size(); ++m_at) {
            const QChar c = m_text.at(m_at);
            if (c == quote) {
                ++m_at;
                return Value {QJsonValue(out)};
            }
            if (c == u'\n' || c == u'\r')
                return std::nullopt;
            if (c == u'\\') {
                if (++m_at >= m_text.size())
                    return std::nullopt;
                const QChar e = m_text.at(m_at);
                if (e == u'\\' || e == u'\'' || e == u'"')
                    out += e;
                else if (e == u'n')
                    out += u'\n';
                else if (e == u't')
                    out += u'\t';
                else
                    return std::nullopt; // \u, \x, octal and the rest: left to the engine
                continue;
            }
            out += c;
        }
        return std::nullopt;
    }

    std::optional<Value> number()
    {
        // Decimal only: digits, a fraction, an exponent. 0x…, 0b…, 1_000, 01 go to the engine.
        const qsizetype start = m_at;
        const auto digits = [this] {
            const qsizetype from = m_at;
            while (m_at < m_text.size() && m_text.at(m_at).isDigit()
                   && m_text.at(m_at).unicode() < 128)
                ++m_at;
            return m_at - from;
        };
        const qsizetype whole = digits();
        if (whole > 1 && m_text.at(start) == u'0')
            return std::nullopt;
        qsizetype fraction = 0;
        if (m_at < m_text.size() && m_text.at(m_at) == u'.') {
            ++m_at;
            fraction = digits();
        }
        if (whole == 0 && fraction == 0)
            return std::nullopt;
        if (m_at < m_text.size() && (m_text.at(m_at) == u'e' || m_text.at(m_at) == u'E')) {
            ++m_at;
            if (m_at < m_text.size() && (m_text.at(m_at) == u'+' || m_text.at(m_at) == u'-'))
                ++m_at;
            if (digits() == 0)
                return std::nullopt;
        }
        if (m_at < m_text.size()
            && (m_text.at(m_at).isLetterOrNumber() || m_text.at(m_at) == u'_'
                || m_text.at(m_at) == u'.'))
            return std::nullopt;
        bool ok = false;
        const double value = m_text.mid(start, m_at - start).toDouble(&ok);
        if (!ok || !std::isfinite(value))
            return std::nullopt;
        return Value {QJsonValue(value)};
    }

    QStringView identifier()
    {
        const qsizetype start = m_at;
        while (m_at < m_text.size()) {
            const QChar c = m_text.at(m_at);
            if (!(c.unicode() < 128 && (c.isLetterOrNumber() || c == u'_')))
                break;
            ++m_at;
        }
        return m_text.mid(start, m_at - start);
    }

    std::optional<Value> path(bool live)
    {
        const QStringView root = identifier();
        if (m_at < m_text.size() && (m_text.at(m_at) == u'$' || m_text.at(m_at).unicode() >= 128))
            return std::nullopt;
        if (root == u"true" || root == u"false")
            return Value {QJsonValue(root == u"true")};
        if (root == u"null")
            return Value {QJsonValue(QJsonValue::Null)};
        if (root == u"undefined")
            return Value {QJsonValue(QJsonValue::Null), true};
        if (root != u"input" && root != u"steps" && root != u"vars" && root != u"event"
            && root != u"env")
            return std::nullopt;
        QJsonValue value = m_scope.value(root);
        if (value.isUndefined())
            value = QJsonObject(); // a part of the scope that is not there is an empty object
        bool undefined = false;
        while (m_at < m_text.size() && m_text.at(m_at) == u'.') {
            ++m_at;
            const QStringView key = identifier();
            if (key.isEmpty() || key.front().isDigit())
                return std::nullopt;
            if (m_at < m_text.size()
                && (m_text.at(m_at) == u'$' || m_text.at(m_at).unicode() >= 128))
                return std::nullopt;
            if (!live)
                continue;
            // A member of something that is not an object: a TypeError for null and undefined,
            // a property (length, …) for strings and arrays. Either way, the engine's to say.
            if (undefined || !value.isObject())
                return std::nullopt;
            value = value.toObject().value(key);
            undefined = value.isUndefined();
            // What every JavaScript object inherits (constructor, toString, __proto__, …) is
            // not undefined there.
            if (undefined && (key.startsWith(u"__") || inherited(key)))
                return std::nullopt;
        }
        skipSpace();
        // A call, an index or a template literal is more than a path.
        if (m_at < m_text.size()
            && (m_text.at(m_at) == u'(' || m_text.at(m_at) == u'[' || m_text.at(m_at) == u'`'))
            return std::nullopt;
        if (undefined)
            return Value {QJsonValue(QJsonValue::Null), true};
        return Value {value};
    }

    static bool inherited(QStringView key)
    {
        for (QStringView name :
             {u"constructor", u"hasOwnProperty", u"isPrototypeOf", u"propertyIsEnumerable",
              u"toLocaleString", u"toString", u"valueOf"}) {
            if (key == name)
                return true;
        }
        return false;
    }

    void skipSpace()
    {
        while (m_at < m_text.size() && m_text.at(m_at).isSpace())
            ++m_at;
    }
    bool peek(QStringView token)
    {
        skipSpace();
        return m_text.mid(m_at).startsWith(token);
    }
    // Takes the token if it is next, and not the start of a longer operator (= of ==, ? of ?.).
    bool take(QStringView token)
    {
        if (!peek(token))
            return false;
        const qsizetype after = m_at + token.size();
        if (after < m_text.size()) {
            const QChar next = m_text.at(after);
            const QChar last = token.back();
            if ((last == u'=' || last == u'<' || last == u'>' || last == u'!') && next == u'=')
                return false;
            if (token == u"?" && (next == u'.' || next == u'?'))
                return false;
            if ((token == u"&&" || token == u"||") && next == u'=')
                return false;
            if (token.size() == 1 && (last == u'&' || last == u'|') && next == last)
                return false;
            if (token == u"-" && (next == u'-' || next == u'='))
                return false;
        }
        m_at = after;
        return true;
    }

    QStringView m_text;
    const QJsonObject &m_scope;
    qsizetype m_at = 0;
};

} // namespace

std::optional<QJsonValue> DirectExpression::evaluate(QStringView expression,
                                                     const QJsonObject &scope)
{
    Parser parser(expression, scope);
    auto v = parser.parseAll();
    if (!v)
        return std::nullopt;
    return v->undefined ? QJsonValue(QJsonValue::Null) : v->json;
}

} // namespace Switchboard
