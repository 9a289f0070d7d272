#pragma once

#include <QSortFilterProxyModel>

namespace Switchboard {

// The inbox's filters over AlertTableModel: a state ("open" — everything not resolved — or one
// state, or "all"), a severity (empty: any) and free text. Group rows stay while one of their
// alerts does.
class AlertFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit AlertFilterModel(QObject *parent = nullptr);

    void setStateFilter(const QString &state);
    void setSeverityFilter(const QString &severity);
    void setSearch(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_state = QStringLiteral("open");
    QString m_severity;
    QString m_search;
};

} // namespace Switchboard
