#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;

namespace Switchboard {

// The dashboard's key figures: leads, bookings, revenue, conversion, show rate and NPS, each
// with its target (from KPI_THRESHOLDS_JSON) as a word and a mark as well as a colour.
class KpiRow final : public QWidget
{
    Q_OBJECT

public:
    explicit KpiRow(QWidget *parent = nullptr);

    // previousWeek: each KPI's average over the 7 days before the last 7, where known.
    void setKpis(const QJsonObject &kpis, const QJsonObject &thresholds,
                 const QJsonObject &previousWeek = {});
    // The text shown for a KPI's value and its target state, for tests.
    QString valueText(const QString &kpi) const;
    QString stateText(const QString &kpi) const;
    QString changeText(const QString &kpi) const;

    // Never wider than three cards: the row rearranges itself instead of widening the window.
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void arrange(int columns);

    struct Card
    {
        QString kpi;
        QString threshold; // key suffix in KPI_THRESHOLDS_JSON
        QLabel *value;
        QLabel *state;
        QLabel *change;
    };
    QList<Card> m_cards;
    QList<QWidget *> m_frames;
    int m_columns = 0;
};

} // namespace Switchboard
