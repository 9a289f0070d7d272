#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QStringView>
#include <optional>

namespace Switchboard {

// The expressions most workflows write, evaluated straight from the JSON scope instead of
// through the JavaScript engine: paths (input.score, steps.book.output.id), number, string,
// true/false/null literals, comparisons, !, &&, || and ?: with parentheses — with JavaScript's
// meaning. Whatever falls outside that, or where JavaScript's answer would depend on a type
// conversion (a number compared with a string, a path through a missing step), is declined
// (nullopt) and left to the engine, so the answer is always the one JavaScript gives.
class DirectExpression
{
public:
    static std::optional<QJsonValue> evaluate(QStringView expression, const QJsonObject &scope);
};

} // namespace Switchboard
