#pragma once

#include <QJsonArray>
#include <QWidget>

namespace Switchboard {

// An execution's timeline (ExecutionTimeline's bars) as a Gantt chart: one row per bar, in the
// order they began, the step's name on the left and the bar on a common time axis, coloured by
// outcome and patterned by kind (calls solid, waits hatched, compensations outlined). Each bar's
// tooltip says what it was, when, and how long it took; a bar still going reaches "now".
class TimelineChart final : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineChart(QWidget *parent = nullptr);

    // bars: ExecutionTimeline::build's; nowMs ends the bars still going.
    void setBars(const QJsonArray &bars, qint64 nowMs);
    // The steps' names by id, shown instead of the ids where a step has one.
    void setStepNames(const QHash<QString, QString> &names);
    int barCount() const { return int(m_bars.size()); }
    // The bar under a point, or -1.
    int barAt(const QPoint &pos) const;
    // What a bar's tooltip says.
    QString describe(int bar) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // A kind or outcome as people say it ("Waiting for a review", "Failed").
    static QString kindText(const QString &kind);
    static QString outcomeText(const QString &outcome);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Bar
    {
        QString node;
        QString kind;
        QString outcome;
        int attempt = 0;
        qint64 startMs = 0;
        qint64 endMs = 0;
        bool open = false;
    };
    QRect barRect(int index) const;
    int labelWidth() const;

    QHash<QString, QString> m_names;
    QList<Bar> m_bars;
    qint64 m_originMs = 0; // when the first event happened; bars are offsets from it
    qint64 m_firstMs = 0;
    qint64 m_lastMs = 0;
    static constexpr int RowHeight = 24;
    static constexpr int AxisHeight = 22;
};

} // namespace Switchboard
