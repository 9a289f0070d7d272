#pragma once

#include "alerts/statusalert.h"
#include "deps/dependencygraph.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace Switchboard {

class DependencyGraphView;
class ModuleHistoryPanel;
class ModuleTableModel;

// The Modules section: every module in a sortable table; the selected one's details,
// configuration and actions; how the modules depend on each other (and what stops when the
// selected one does); and the selected one's history and recent calls.
class ModulesView final : public QWidget
{
    Q_OBJECT

public:
    ModulesView(ModuleTableModel *modules, QWidget *parent = nullptr);

    void selectModule(const QString &moduleId);
    QString selectedModule() const;
    QTableView *table() const { return m_table; }
    DependencyGraphView *graph() const { return m_graph; }
    ModuleHistoryPanel *history() const { return m_history; }
    QString blastRadiusText() const;
    // Hides the actions when this console may not act on modules.
    void setCanControl(bool canControl);
    void setDependencies(const DependencyGraph &graph);
    // The current alerts: the selected module's dependency alert is shown with its impact.
    void setAlerts(const QList<StatusAlert> &alerts);

Q_SIGNALS:
    void checkRequested(const QString &moduleId);
    void resetRequested(const QString &moduleId);
    void enableRequested(const QString &moduleId, bool enabled);

private:
    void showDetails();
    void showBlastRadius();
    void toggleEnabled();

    ModuleTableModel *m_modules;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLabel *m_details;
    QPushButton *m_check;
    QPushButton *m_reset;
    QPushButton *m_enable;
    QTabWidget *m_tabs;
    DependencyGraphView *m_graph;
    QLabel *m_blast;
    ModuleHistoryPanel *m_history;
    bool m_canControl = true;
    QList<StatusAlert> m_alerts;
};

} // namespace Switchboard
