#pragma once

#include "health/modulesnapshot.h"

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

    // The percentiles of a module's recent response times, in words for clinic staff.
    static QString responseText(const QList<int> &history);
    // The breaker's recent changes, newest first.
    static QString circuitText(const QList<Switchboard::CircuitTransition> &history);

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
