#pragma once

#include "common/clock.h"

#include <QDateTime>
#include <QFrame>
#include <QJsonArray>

class QLabel;
class QListView;
class QStandardItemModel;

namespace Switchboard {

// "What needs me?", on the dashboard under the banner: the open alerts that matter most (the
// top five: critical first, then the newest; each opens in the inbox), the review backlog
// with how long the oldest task has waited, and the module calls that failed for good (dead
// letters). Each part links to its section.
class AttentionPanel final : public QFrame
{
    Q_OBJECT

public:
    explicit AttentionPanel(const Clock &clock, QWidget *parent = nullptr);

    // The alert book's alerts (resolved ones are left out).
    void setAlerts(const QJsonArray &alerts);
    // ReviewDesk::queues(): open tasks per queue, overdue ones, the oldest's creation time.
    void setReview(const QJsonArray &queues);
    void setDeadLetters(int count);

    QStandardItemModel *alertsModel() const { return m_alerts; }
    QListView *alertsList() const { return m_alertList; }
    QString reviewText() const;
    QString deadLetterText() const;

    static constexpr int TopAlerts = 5;

Q_SIGNALS:
    void alertOpened(qint64 id);
    void alertsOpened();
    void reviewOpened();
    void deadLettersOpened();

private:
    QLabel *heading(const QString &text);

    const Clock &m_clock;
    QStandardItemModel *m_alerts;
    QListView *m_alertList;
    QLabel *m_alertsHeading;
    QLabel *m_noAlerts;
    QLabel *m_review;
    QLabel *m_reviewWait;
    QLabel *m_deadLetters;
};

} // namespace Switchboard
