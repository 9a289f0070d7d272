#include "alerts/alerttablemodel.h"

#include "common/relativetime.h"
#include "common/statusstyle.h"
#include "modules/modulecatalog.h"
#include "texts/message.h"

#include <QColor>
#include <QFont>
#include <QLocale>
#include <QPalette>

namespace Switchboard {

namespace {

constexpr quintptr TopLevel = ~quintptr(0);

QString text(const QJsonObject &o, const char *name)
{
    return o.value(QLatin1String(name)).toString();
}

// A text the core wrote for people, in the console's language.
QString said(const QJsonObject &o, const char *name)
{
    return Message::translatedField(o, QLatin1String(name));
}

QDateTime time(const QJsonObject &o, const char *name)
{
    return QDateTime::fromString(text(o, name), Qt::ISODateWithMs);
}

QString moduleName(const QString &id)
{
    const ModuleInfo *info = ModuleCatalog::find(id);
    return info ? ModuleCatalog::displayName(id) : id;
}

} // namespace

AlertTableModel::AlertTableModel(const Clock &clock, QObject *parent)
    : QAbstractItemModel(parent)
    , m_clock(clock)
{
}

QString AlertTableModel::severityText(const QString &severity)
{
    if (severity == QLatin1String("critical"))
        return tr("Critical");
    if (severity == QLatin1String("warning"))
        return tr("Warning");
    return tr("Info");
}

QString AlertTableModel::stateText(const QJsonObject &alert)
{
    const QString state = text(alert, "state");
    if (state == QLatin1String("resolved"))
        return tr("Resolved");
    if (alert.value(QLatin1String("silenced")).toBool())
        return tr("Silenced");
    if (!text(alert, "inhibited_by").isEmpty())
        return tr("Muted: module down");
    if (state == QLatin1String("acknowledged"))
        return tr("Acknowledged");
    if (state == QLatin1String("snoozed"))
        return tr("Snoozed until %1")
            .arg(QLocale().toString(time(alert, "snoozed_until").toLocalTime().time(),
                                    QLocale::ShortFormat));
    return tr("Firing");
}

void AlertTableModel::setAlerts(const QJsonArray &alerts)
{
    beginResetModel();
    m_alerts.clear();
    for (const auto &v : alerts)
        m_alerts.append(v.toObject());
    if (!m_loaded) {
        m_loaded = true;
        for (const QJsonObject &a : std::as_const(m_alerts))
            m_read.insert(a.value(QLatin1String("id")).toInteger());
    }
    regroup();
    endResetModel();
    Q_EMIT unreadChanged(unreadCount());
}

void AlertTableModel::setGrouping(Grouping grouping)
{
    if (grouping == m_grouping)
        return;
    beginResetModel();
    m_grouping = grouping;
    regroup();
    endResetModel();
}

void AlertTableModel::regroup()
{
    m_groups.clear();
    if (m_grouping == NoGrouping)
        return;
    QHash<QString, int> byKey;
    for (int i = 0; i < m_alerts.size(); ++i) {
        const QJsonObject &a = m_alerts.at(i);
        QString key = m_grouping == ByModule ? text(a, "module") : text(a, "category");
        auto it = byKey.find(key);
        if (it == byKey.end()) {
            QString label;
            if (m_grouping == ByModule)
                label = key.isEmpty() ? tr("Clinic-wide") : moduleName(key);
            else
                label = key.isEmpty() ? tr("Other") : key.left(1).toUpper() + key.mid(1);
            it = byKey.insert(key, int(m_groups.size()));
            m_groups.append({key, label, {}});
        }
        m_groups[*it].rows.append(i);
    }
}

void AlertTableModel::markRead(qint64 id)
{
    if (m_read.contains(id))
        return;
    m_read.insert(id);
    const QModelIndex row = indexOfAlert(id);
    if (row.isValid())
        Q_EMIT dataChanged(row, row.siblingAtColumn(ColumnCount - 1));
    Q_EMIT unreadChanged(unreadCount());
}

int AlertTableModel::unreadCount() const
{
    int unread = 0;
    for (const QJsonObject &a : m_alerts) {
        if (text(a, "state") != QLatin1String("resolved")
            && !m_read.contains(a.value(QLatin1String("id")).toInteger()))
            ++unread;
    }
    return unread;
}

QJsonObject AlertTableModel::alert(qint64 id) const
{
    for (const QJsonObject &a : m_alerts) {
        if (a.value(QLatin1String("id")).toInteger() == id)
            return a;
    }
    return {};
}

QModelIndex AlertTableModel::indexOfAlert(qint64 id) const
{
    for (int i = 0; i < m_alerts.size(); ++i) {
        if (m_alerts.at(i).value(QLatin1String("id")).toInteger() != id)
            continue;
        if (m_groups.isEmpty())
            return createIndex(i, 0, TopLevel);
        for (int g = 0; g < m_groups.size(); ++g) {
            const int row = int(m_groups.at(g).rows.indexOf(i));
            if (row >= 0)
                return createIndex(row, 0, quintptr(g));
        }
    }
    return {};
}

QModelIndex AlertTableModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, TopLevel);
    return createIndex(row, column, quintptr(parent.row()));
}

QModelIndex AlertTableModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == TopLevel)
        return {};
    return createIndex(int(child.internalId()), 0, TopLevel);
}

int AlertTableModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.isEmpty() ? m_alerts.size() : m_groups.size());
    if (parent.column() != 0 || parent.internalId() != TopLevel || m_groups.isEmpty())
        return 0;
    return int(m_groups.at(parent.row()).rows.size());
}

int AlertTableModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant AlertTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == TopLevel && !m_groups.isEmpty()) {
        const Group &g = m_groups.at(index.row());
        if (role == GroupRole)
            return true;
        if (role == IdRole)
            return qint64(0);
        if (role == Qt::DisplayRole && index.column() == 0)
            return tr("%1 (%2)").arg(g.label).arg(g.rows.size());
        if (role == Qt::FontRole) {
            QFont f;
            f.setBold(true);
            return f;
        }
        if (role == SearchRole) {
            QString all;
            for (int r : g.rows)
                all += alertData(m_alerts.at(r), 0, SearchRole).toString();
            return all;
        }
        return {};
    }
    const int row = index.internalId() == TopLevel
        ? index.row()
        : m_groups.at(int(index.internalId())).rows.value(index.row(), -1);
    if (row < 0 || row >= m_alerts.size())
        return {};
    return alertData(m_alerts.at(row), index.column(), role);
}

QVariant AlertTableModel::alertData(const QJsonObject &a, int column, int role) const
{
    const qint64 id = a.value(QLatin1String("id")).toInteger();
    const QString severity = text(a, "severity");
    switch (role) {
    case IdRole:
        return id;
    case AlertRole:
        return a;
    case GroupRole:
        return false;
    case SeverityRole:
        return severity;
    case StateRole:
        return a.value(QLatin1String("silenced")).toBool()
                && text(a, "state") != QLatin1String("resolved")
            ? QStringLiteral("silenced")
            : text(a, "state");
    case SearchRole:
        return QStringList {said(a, "title"),    said(a, "message"),
                            text(a, "module"),   moduleName(text(a, "module")),
                            text(a, "category"), text(a, "owner")}
            .join(QLatin1Char(' '));
    case Qt::FontRole:
        if (!m_read.contains(id) && text(a, "state") != QLatin1String("resolved")) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ForegroundRole:
        // The status colours, readable on the light theme and on the dark one.
        if (column == Severity)
            return severity == QLatin1String("critical") ? StatusStyle::text(ModuleStatus::Down)
                : severity == QLatin1String("warning")   ? StatusStyle::text(ModuleStatus::Degraded)
                                                         : QPalette().color(QPalette::Link);
        if (text(a, "state") == QLatin1String("resolved"))
            return StatusStyle::text(ModuleStatus::Disabled);
        return {};
    case Qt::ToolTipRole:
        return said(a, "message");
    case Qt::TextAlignmentRole:
        return column == Count ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case Severity: {
        // A mark and a word as well as the colour (UI.md).
        const QString mark = severity == QLatin1String("critical") ? QStringLiteral("✕")
            : severity == QLatin1String("warning")                 ? QStringLiteral("!")
                                                                   : QStringLiteral("i");
        return mark + QLatin1Char(' ') + severityText(severity);
    }
    case Title:
        // The title, and what it is about under it, so a KPI alert says which figure.
        return said(a, "message").isEmpty()
            ? said(a, "title")
            : said(a, "title") + QLatin1Char('\n') + said(a, "message");
    case Module:
        return text(a, "module").isEmpty() ? QString() : moduleName(text(a, "module"));
    case FirstSeen:
        return relativeTime(time(a, "first_seen"), m_clock.now());
    case LastSeen:
        return relativeTime(time(a, "last_seen"), m_clock.now());
    case Count:
        return a.value(QLatin1String("count")).toInt();
    case State:
        return stateText(a);
    case Owner:
        return text(a, "owner");
    default:
        return {};
    }
}

QVariant AlertTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Severity:
        return tr("Severity");
    case Title:
        return tr("Alert");
    case Module:
        return tr("Module");
    case FirstSeen:
        return tr("First seen");
    case LastSeen:
        return tr("Last seen");
    case Count:
        return tr("Count");
    case State:
        return tr("State");
    case Owner:
        return tr("Owner");
    default:
        return {};
    }
}

} // namespace Switchboard
