#include "common/logformat.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <cstdio>

namespace Switchboard::LogFormat {

namespace {

thread_local QByteArray traceOfThisThread;
Style installedStyle = Style::Text;
bool installedJournald = false;

// syslog priorities: err 3, warning 4, info 6, debug 7.
int priority(QtMsgType type)
{
    switch (type) {
    case QtFatalMsg:
        return 2;
    case QtCriticalMsg:
        return 3;
    case QtWarningMsg:
        return 4;
    case QtInfoMsg:
        return 6;
    case QtDebugMsg:
        break;
    }
    return 7;
}

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtFatalMsg:
        return "fatal";
    case QtCriticalMsg:
        return "error";
    case QtWarningMsg:
        return "warning";
    case QtInfoMsg:
        return "info";
    case QtDebugMsg:
        break;
    }
    return "debug";
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    static QMutex mutex;
    const QByteArray line =
        format(installedStyle, installedJournald, type, context.category, message,
               QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), traceOfThisThread);
    QMutexLocker lock(&mutex);
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
    if (type == QtFatalMsg)
        std::abort();
}

} // namespace

QByteArray format(Style style, bool journald, QtMsgType type, const char *category,
                  const QString &message, const QString &timestamp, const QByteArray &traceId)
{
    const QByteArray prefix =
        journald ? QByteArray("<") + QByteArray::number(priority(type)) + '>' : QByteArray();
    const QByteArray cat = category && qstrcmp(category, "default") != 0 ? category : "switchboard";
    if (style == Style::Json) {
        QJsonObject o {{QStringLiteral("ts"), timestamp},
                       {QStringLiteral("level"), QLatin1String(levelName(type))},
                       {QStringLiteral("category"), QString::fromLatin1(cat)},
                       {QStringLiteral("message"), message}};
        if (!traceId.isEmpty())
            o.insert(QStringLiteral("trace_id"), QString::fromLatin1(traceId));
        return prefix + QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    }
    // One message, one line: a newline inside would read as a line without a level.
    QString text = message;
    text.replace(QLatin1Char('\n'), QStringLiteral(" ⏎ "));
    return prefix + timestamp.toUtf8() + ' '
        + QByteArray(levelName(type)).toUpper().leftJustified(8, ' ') + cat + ": " + text.toUtf8()
        + (traceId.isEmpty() ? QByteArray() : " trace=" + traceId) + '\n';
}

void install(Style style, bool journald)
{
    installedStyle = style;
    installedJournald = journald;
    qInstallMessageHandler(handler);
}

QByteArray currentTrace()
{
    return traceOfThisThread;
}

TraceScope::TraceScope(const QByteArray &traceId)
    : m_previous(std::exchange(traceOfThisThread, traceId))
{
}

TraceScope::~TraceScope()
{
    traceOfThisThread = m_previous;
}

} // namespace Switchboard::LogFormat
