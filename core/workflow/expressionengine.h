#pragma once

#include "common/result.h"

#include <QHash>
#include <QJSEngine>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace Switchboard {

// Evaluates workflow expressions (`input.score >= 8`, `steps.book.output.slot`) and string
// templates ("Hello {{ input.first_name }}") in a sandboxed QJSEngine: no extensions, so no
// files, network or console; a time limit interrupts runaway code. Expressions see the
// variables input, steps, vars, event and env. One instance per thread.
class ExpressionEngine
{
public:
    explicit ExpressionEngine(int timeLimitMs = 200);
    ~ExpressionEngine();

    ExpressionEngine(const ExpressionEngine &) = delete;
    ExpressionEngine &operator=(const ExpressionEngine &) = delete;

    Status checkExpression(const QString &expression);
    // Checks every {{ … }} in a string.
    Status checkTemplate(const QString &text);

    Result<QJsonValue> evaluate(const QString &expression, const QJsonObject &scope);
    // The same, always through the JavaScript engine (DirectExpression is not asked): what
    // tests compare the direct answers with.
    Result<QJsonValue> evaluateInEngine(const QString &expression, const QJsonObject &scope);
    bool truthy(const QJsonValue &value) const;
    // Renders templates in a JSON value: a string that is a single "{{ expr }}" takes the
    // expression's value and type; other strings have each {{ … }} replaced by its text.
    Result<QJsonValue> render(const QJsonValue &templ, const QJsonObject &scope);
    // One {{ … }} part of a template (the shortest match); captured(1) is the expression.
    static const QRegularExpression &templatePart();

    // Declared limits: an expression's text, and a text one call may build (repeat, pad).
    static constexpr int MaxExpressionLength = 10000;
    static constexpr int MaxTextLength = 1000000;
    // Items an array may have when a built-in walks it (fill, join, map, JSON, apply…).
    static constexpr int MaxArrayItems = 1000000;

private:
    Result<QJSValue> compile(const QString &expression);
    // Runs work with the watchdog armed.
    QJSValue guarded(const std::function<QJSValue()> &work);
    void watchdog();

    QJSEngine m_engine;
    QJSValue m_function; // the Function constructor, taken before the globals are frozen
    QJSValue m_toJson; // JSON.stringify with the array check, for results
    int m_timeLimitMs;
    QHash<QString, QJSValue> m_compiled;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_armed = false;
    bool m_quit = false;
    std::chrono::steady_clock::time_point m_deadline;
    std::thread m_thread;
};

} // namespace Switchboard
