#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace Switchboard {

// One alert in full: what happened, what to do, where to look (its module, the executions
// whose calls failed), who was told (deliveries) and what happened since (history).
class AlertDetail final : public QWidget
{
    Q_OBJECT

public:
    explicit AlertDetail(QWidget *parent = nullptr);

    // The row's JSON at once; the details (history, deliveries, executions) when they come.
    void showAlert(const QJsonObject &alert);
    void showDetails(const QJsonObject &details);
    void clear(const QString &hint);
    qint64 alertId() const { return m_id; }

    QString titleText() const;
    int deliveryRows() const;
    QStringList historyLines() const;

Q_SIGNALS:
    void moduleRequested(const QString &moduleId);
    // An execution's link was followed.
    void executionRequested(const QString &executionId);

private:
    qint64 m_id = 0;
    QString m_module;
    QLabel *m_title;
    QLabel *m_meta;
    QLabel *m_message;
    QLabel *m_action;
    QPushButton *m_openModule;
    QLabel *m_executions;
    QTableWidget *m_deliveries;
    QListWidget *m_history;
    QLabel *m_noDeliveries;
    QList<QWidget *> m_sections; // hidden while no alert is shown
};

} // namespace Switchboard
