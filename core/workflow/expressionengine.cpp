#include "workflow/expressionengine.h"

#include "workflow/directexpression.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <cmath>

namespace Switchboard {

const QRegularExpression &ExpressionEngine::templatePart()
{
    static const QRegularExpression re(QStringLiteral(R"(\{\{(.*?)\}\})"),
                                       QRegularExpression::DotMatchesEverythingOption);
    return re;
}

namespace {

QString valueText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 15);
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    }
    return QString();
}

} // namespace

ExpressionEngine::ExpressionEngine(int timeLimitMs)
    : m_timeLimitMs(timeLimitMs)
{
    // No installExtensions(): the engine has no console, no timers, no imports, no I/O.
    m_thread = std::thread([this] { watchdog(); });
    // Each expression is compiled on its own by the Function constructor, so its text can
    // never close the wrapper and run at compile time. Then the shared world is frozen: no
    // expression can leave anything behind for another one (another execution's data), or
    // change what a built-in does. Strings are capped where one call could allocate without
    // bound.
    m_function = m_engine.globalObject().property(QStringLiteral("Function"));
    const QJSValue sealed = m_engine
                                .evaluate(QStringLiteral(R"JS(
(function (limit, maxItems, global) {
    "use strict";
    var repeat = String.prototype.repeat, padStart = String.prototype.padStart,
        padEnd = String.prototype.padEnd;
    function check(length) {
        if (length > limit)
            throw new RangeError("a text longer than " + limit + " characters is not allowed");
    }
    // Built-ins run their loops natively, where the time limit cannot stop them: every one
    // that walks an array's length (a sparse array is cheap to make long) checks it first.
    function checkItems(length) {
        if (length > maxItems)
            throw new RangeError("an array longer than " + maxItems + " items is not allowed");
    }
    var call = Function.prototype.call, apply = Function.prototype.apply;
    function lengthOf(v) { return v === null || v === undefined ? 0 : Number(v.length) || 0; }
    Object.getOwnPropertyNames(Array.prototype).forEach(function (name) {
        var original = Array.prototype[name];
        if (typeof original !== "function" || name === "constructor")
            return;
        Array.prototype[name] = function () {
            checkItems(lengthOf(this));
            return apply.call(original, this, arguments);
        };
    });
    var from = Array.from;
    Array.from = function (items) { checkItems(lengthOf(items)); return apply.call(from, Array, arguments); };
    Function.prototype.apply = function (self, args) {
        checkItems(lengthOf(args));
        return call.call(apply, this, self, args);
    };
    if (typeof Reflect === "object") {
        var reflectApply = Reflect.apply, construct = Reflect.construct;
        Reflect.apply = function (f, self, args) { checkItems(lengthOf(args)); return reflectApply(f, self, args); };
        Reflect.construct = function (f, args) { checkItems(lengthOf(args)); return apply.call(construct, Reflect, arguments); };
    }
    var stringify = JSON.stringify;
    function guard(key, value) {
        if (Array.isArray(value))
            checkItems(value.length);
        return value;
    }
    JSON.stringify = function (value, replacer, space) {
        var inner = typeof replacer === "function" ? replacer : null;
        return stringify(value, function (k, v) {
            return guard(k, inner ? call.call(inner, this, k, v) : v);
        }, space);
    };
    // No raw memory: typed arrays and buffers are not what expressions are for.
    ["ArrayBuffer", "SharedArrayBuffer", "DataView", "Atomics", "Int8Array", "Uint8Array",
     "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
     "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array", "WeakRef",
     "FinalizationRegistry"].forEach(function (name) { delete global[name]; });
    String.prototype.repeat = function (n) { check(String(this).length * n); return repeat.call(this, n); };
    String.prototype.padStart = function (n, s) { check(n); return padStart.call(this, n, s); };
    String.prototype.padEnd = function (n, s) { check(n); return padEnd.call(this, n, s); };
    // No code from text at run time (eval, the Function constructors): all code is compiled
    // by compile(), which keeps the original constructor for itself.
    var constructors = [Function.prototype];
    try { constructors.push(Object.getPrototypeOf(eval("(function* () {})"))); } catch (e) {}
    constructors.forEach(function (proto) {
        Object.defineProperty(proto, "constructor", { value: undefined });
    });
    delete global.eval;
    delete global.Function;
    Object.getOwnPropertyNames(global).forEach(function (name) {
        var v = global[name];
        if (v !== null && (typeof v === "object" || typeof v === "function")) {
            if (v.prototype)
                Object.freeze(v.prototype);
            Object.freeze(v);
        }
    });
    Object.freeze(global);
    // What an expression's object or array result is taken out as: JSON, with the same checks.
    return function (value) { return stringify(value, guard); };
})
)JS"))
                                .call({MaxTextLength, MaxArrayItems, m_engine.globalObject()});
    if (!sealed.isCallable())
        qWarning("expression sandbox: %s", qPrintable(sealed.toString()));
    m_toJson = sealed;
}

ExpressionEngine::~ExpressionEngine()
{
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void ExpressionEngine::watchdog()
{
    // Polls instead of being woken for every evaluation: arming then costs a lock, not a
    // system call, and a limit of hundreds of milliseconds does not need more precision.
    std::unique_lock lock(m_mutex);
    while (!m_quit) {
        m_wake.wait_for(lock, std::chrono::milliseconds(25));
        if (m_armed && std::chrono::steady_clock::now() >= m_deadline)
            m_engine.setInterrupted(true);
    }
}

Result<QJSValue> ExpressionEngine::compile(const QString &expression)
{
    auto it = m_compiled.constFind(expression);
    if (it != m_compiled.constEnd())
        return it.value();
    if (expression.size() > MaxExpressionLength)
        return makeError(
            QStringLiteral("the expression is longer than %1 characters").arg(MaxExpressionLength));
    // Strict mode lets a tail call loop for ever without reaching the stack limit, and the
    // watchdog cannot interrupt that loop.
    static const QRegularExpression strict(QStringLiteral(R"(use\s+strict)"));
    if (strict.match(expression).hasMatch())
        return makeError(QStringLiteral("\"use strict\" is not allowed in an expression"));
    // Not strict: a strict function's tail calls would loop forever without ever reaching the
    // stack limit (V4 optimises them), where this way runaway recursion is a RangeError.
    // Sloppy mode cannot write to the frozen globals either.
    const QJSValueList parts = {
        QStringLiteral("input"), QStringLiteral("steps"),
        QStringLiteral("vars"),  QStringLiteral("event"),
        QStringLiteral("env"),   QStringLiteral("return (\n%1\n);").arg(expression)};
    const QJSValue fn = guarded([&] { return m_function.callAsConstructor(parts); });
    if (fn.isError() || !fn.isCallable())
        return makeError(fn.isError() ? fn.property(QStringLiteral("message")).toString()
                                      : QStringLiteral("the expression could not be compiled"));
    if (m_compiled.size() > 4096)
        m_compiled.clear();
    m_compiled.insert(expression, fn);
    return fn;
}

QJSValue ExpressionEngine::guarded(const std::function<QJSValue()> &work)
{
    {
        std::lock_guard lock(m_mutex);
        m_deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(m_timeLimitMs);
        m_armed = true;
    }
    QJSValue result = work();
    {
        std::lock_guard lock(m_mutex);
        m_armed = false;
    }
    return result;
}

Status ExpressionEngine::checkExpression(const QString &expression)
{
    if (expression.trimmed().isEmpty())
        return makeError(QStringLiteral("the expression is empty"));
    auto fn = compile(expression);
    if (!fn)
        return fn.error();
    return Ok {};
}

Status ExpressionEngine::checkTemplate(const QString &text)
{
    auto it = templatePart().globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        Status st = checkExpression(m.captured(1));
        if (!st)
            return makeError(
                QStringLiteral("in {{%1}}: %2").arg(m.captured(1), st.error().message));
    }
    return Ok {};
}

Result<QJsonValue> ExpressionEngine::evaluate(const QString &expression, const QJsonObject &scope)
{
    // Most expressions are a path or a comparison (input.patient_id, input.score >= 8): read
    // straight from the JSON, far cheaper than handing the scope to the JavaScript engine,
    // with the same answer. The rest, and anything whose answer JavaScript would decide by a
    // conversion or an error, goes to the engine.
    if (auto direct = DirectExpression::evaluate(expression, scope))
        return *direct;
    return evaluateInEngine(expression, scope);
}

Result<QJsonValue> ExpressionEngine::evaluateInEngine(const QString &expression,
                                                      const QJsonObject &scope)
{
    auto fn = compile(expression);
    if (!fn)
        return fn.error();
    // Only the variables the expression mentions are converted; the others stay undefined.
    // Converting every step's output for `input.score >= 8` would cost more than evaluating it.
    QJSValueList args;
    for (const char *name : {"input", "steps", "vars", "event", "env"}) {
        const QLatin1String key(name);
        args.append(expression.contains(key)
                        ? m_engine.toScriptValue(scope.value(key).toObject().toVariantMap())
                        : QJSValue());
    }
    QJSValue result = guarded([&] { return fn.value().call(args); });
    if (m_engine.isInterrupted()) {
        m_engine.setInterrupted(false);
        return makeError(QStringLiteral("the expression took longer than %1 ms and was stopped")
                             .arg(m_timeLimitMs));
    }
    if (result.isError())
        return makeError(result.property(QStringLiteral("message")).toString());
    if (result.isUndefined() || result.isNull())
        return QJsonValue(QJsonValue::Null);
    if (result.isBool())
        return QJsonValue(result.toBool());
    if (result.isNumber())
        return std::isfinite(result.toNumber()) ? QJsonValue(result.toNumber())
                                                : QJsonValue(QJsonValue::Null);
    if (result.isString())
        return QJsonValue(result.toString());
    // Objects and arrays come out through JSON.stringify, under the time limit and the
    // array check (converting a long sparse array natively could not be stopped).
    const QJSValue json = guarded([&] { return m_toJson.call({result}); });
    if (m_engine.isInterrupted()) {
        m_engine.setInterrupted(false);
        return makeError(QStringLiteral("the expression's result took longer than %1 ms to read")
                             .arg(m_timeLimitMs));
    }
    if (json.isError())
        return makeError(json.property(QStringLiteral("message")).toString());
    if (!json.isString())
        return QJsonValue(QJsonValue::Null); // a function, say
    const QJsonDocument doc = QJsonDocument::fromJson("[" + json.toString().toUtf8() + "]");
    return doc.array().at(0);
}

bool ExpressionEngine::truthy(const QJsonValue &v) const
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return v.toBool();
    case QJsonValue::Double:
        return v.toDouble() != 0;
    case QJsonValue::String:
        return !v.toString().isEmpty();
    case QJsonValue::Array:
    case QJsonValue::Object:
        return true;
    default:
        return false;
    }
}

Result<QJsonValue> ExpressionEngine::render(const QJsonValue &templ, const QJsonObject &scope)
{
    if (templ.isObject()) {
        QJsonObject out;
        const QJsonObject in = templ.toObject();
        for (auto it = in.begin(); it != in.end(); ++it) {
            auto v = render(it.value(), scope);
            if (!v)
                return makeError(v.error().message, it.key());
            out.insert(it.key(), *v);
        }
        return QJsonValue(out);
    }
    if (templ.isArray()) {
        QJsonArray out;
        for (const auto &item : templ.toArray()) {
            auto v = render(item, scope);
            if (!v)
                return v;
            out.append(*v);
        }
        return QJsonValue(out);
    }
    if (!templ.isString())
        return templ;
    // {{ … }} found as templatePart() would find them (the shortest match), without its cost.
    const QString text = templ.toString();
    qsizetype open = text.indexOf(u"{{");
    if (open < 0)
        return templ;
    qsizetype close = text.indexOf(u"}}", open + 2);
    if (open == 0 && close == text.size() - 2)
        return evaluate(text.mid(2, close - 2), scope);
    QString out;
    qsizetype last = 0;
    while (open >= 0 && close >= 0) {
        out += QStringView(text).mid(last, open - last);
        auto v = evaluate(text.mid(open + 2, close - open - 2), scope);
        if (!v)
            return v;
        out += valueText(*v);
        last = close + 2;
        open = text.indexOf(u"{{", last);
        close = open < 0 ? -1 : text.indexOf(u"}}", open + 2);
    }
    out += QStringView(text).mid(last);
    return QJsonValue(out);
}

} // namespace Switchboard
