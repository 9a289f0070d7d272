#pragma once

#include "status/systemoverview.h"

#include <QWidget>

class QLabel;
class QListView;

namespace Switchboard {

class AttentionPanel;
class HealthBanner;
class KpiRow;
class KpiTrendPanel;
class ModuleTableModel;
class ModuleTileDelegate;

// The manager's first screen, answering "is the clinic OK, and what needs me?" above the fold:
// the system-health banner, what needs attention (top alerts, review backlog, dead letters),
// the nine module tiles, compact, then the key figures and their trends.
class DashboardView final : public QWidget
{
    Q_OBJECT

public:
    DashboardView(ModuleTableModel *modules, QWidget *parent = nullptr);

    void setOverview(const Switchboard::SystemOverview &overview);
    // The alert book's alerts, for the top five.
    void setAlerts(const QJsonArray &alerts);
    HealthBanner *banner() const { return m_banner; }
    AttentionPanel *attention() const { return m_attention; }
    QListView *tiles() const { return m_tiles; }
    KpiRow *kpis() const { return m_kpis; }
    // The first trend chart; a wide window shows up to three side by side.
    KpiTrendPanel *trend() const { return m_trends.first(); }
    const QList<KpiTrendPanel *> &trends() const { return m_trends; }
    QString kpiSourceText() const;

public Q_SLOTS:
    // Readings asked for by one of the trend charts.
    void setKpiHistory(const QString &name, int days, const QJsonArray &samples);

Q_SIGNALS:
    void kpiHistoryRequested(const QString &name, int days);
    void moduleActivated(const QString &moduleId);
    void exportRequested();
    void alertOpened(qint64 id);
    void alertsOpened();
    void reviewOpened();
    void deadLettersOpened();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void layoutTiles();
    void layoutTrends(int width);

    HealthBanner *m_banner;
    AttentionPanel *m_attention;
    QListView *m_tiles;
    ModuleTileDelegate *m_delegate;
    KpiRow *m_kpis;
    QList<KpiTrendPanel *> m_trends;
    QLabel *m_kpiSource; // where the key figures come from
    QDateTime m_lastCheck; // of the last overview, to refresh the trend after each round
};

} // namespace Switchboard
