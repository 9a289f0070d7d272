#include "alerts/alertfiltermodel.h"

#include "alerts/alerttablemodel.h"

namespace Switchboard {

AlertFilterModel::AlertFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
}

void AlertFilterModel::setStateFilter(const QString &state)
{
    m_state = state;
    invalidateRowsFilter();
}

void AlertFilterModel::setSeverityFilter(const QString &severity)
{
    m_severity = severity;
    invalidateRowsFilter();
}

void AlertFilterModel::setSearch(const QString &text)
{
    m_search = text.trimmed();
    invalidateRowsFilter();
}

bool AlertFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (index.data(AlertTableModel::GroupRole).toBool())
        return false; // shown while one of its alerts is (recursive filtering)
    const QString state = index.data(AlertTableModel::StateRole).toString();
    if (m_state == QLatin1String("open") ? state == QLatin1String("resolved")
                                         : (m_state != QLatin1String("all") && state != m_state))
        return false;
    if (!m_severity.isEmpty() && index.data(AlertTableModel::SeverityRole).toString() != m_severity)
        return false;
    return m_search.isEmpty()
        || index.data(AlertTableModel::SearchRole)
               .toString()
               .contains(m_search, Qt::CaseInsensitive);
}

} // namespace Switchboard
