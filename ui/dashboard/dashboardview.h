#pragma once

#include "status/systemoverview.h"

#include <QWidget>

class QLabel;
class QListView;

namespace Switchboard {

class HealthBanner;
class KpiRow;
class KpiTrendPanel;
class ModuleTableModel;
class ModuleTileDelegate;

// The manager's first screen: the system-health banner and the nine live module tiles.
class DashboardView final : public QWidget
{
    Q_OBJECT

public:
    DashboardView(ModuleTableModel *modules, QWidget *parent = nullptr);

    void setOverview(const Switchboard::SystemOverview &overview);
    HealthBanner *banner() const { return m_banner; }
    QListView *tiles() const { return m_tiles; }
    KpiRow *kpis() const { return m_kpis; }
    KpiTrendPanel *trend() const { return m_trend; }
    QString kpiSourceText() const;

Q_SIGNALS:
    void moduleActivated(const QString &moduleId);
    void exportRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void layoutTiles();

    HealthBanner *m_banner;
    QListView *m_tiles;
    ModuleTileDelegate *m_delegate;
    KpiRow *m_kpis;
    KpiTrendPanel *m_trend;
    QLabel *m_kpiSource; // where the key figures come from
    QDateTime m_lastCheck; // of the last overview, to refresh the trend after each round
};

} // namespace Switchboard
