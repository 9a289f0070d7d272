#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace Switchboard {

class ModuleTableModel;

// The Modules section: every module in a sortable table, with details of the selected one.
class ModulesView final : public QWidget
{
    Q_OBJECT

public:
    ModulesView(ModuleTableModel *modules, QWidget *parent = nullptr);

    void selectModule(const QString &moduleId);
    QString selectedModule() const;
    QTableView *table() const { return m_table; }

Q_SIGNALS:
    void checkRequested(const QString &moduleId);
    void resetRequested(const QString &moduleId);

private:
    void showDetails();

    ModuleTableModel *m_modules;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLabel *m_details;
    QPushButton *m_check;
    QPushButton *m_reset;
};

} // namespace Switchboard
