#pragma once

#include <QByteArray>
#include <QString>

namespace Switchboard::LogFormat {

enum class Style {
    Text, // "2026-12-02T08:30:00.123Z WARN  switchboard.health: …"
    Json, // {"ts": …, "level": …, "category": …, "message": …, "trace_id": …}
};

// Every log line gets a level and a UTC timestamp; under systemd (JOURNAL_STREAM set) each line
// starts with its syslog priority ("<3>"), so journald files it at the right level. Lines carry
// module ids, trace ids and counts, never patient data.
void install(Style style, bool journald);

// The line for one message, as install() writes it (for tests).
QByteArray format(Style style, bool journald, QtMsgType type, const char *category,
                  const QString &message, const QString &timestamp, const QByteArray &traceId);

// The trace id of the work being logged now on this thread (empty: none).
QByteArray currentTrace();

// Names the trace of the work done while it lives, on this thread; added to log lines.
class TraceScope
{
public:
    explicit TraceScope(const QByteArray &traceId);
    ~TraceScope();
    TraceScope(const TraceScope &) = delete;
    TraceScope &operator=(const TraceScope &) = delete;

private:
    QByteArray m_previous;
};

} // namespace Switchboard::LogFormat
