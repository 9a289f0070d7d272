#pragma once

#include "common/clock.h"

#include <QJsonArray>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace Switchboard {

class ExecutionTableModel;

// "What happened to this patient?": every execution that carries one business key (a patient,
// an appointment, an invoice), across all workflows and modules, in the order they started,
// with each one's status. Enter or a double click opens the execution.
class JourneyView final : public QWidget
{
    Q_OBJECT

public:
    explicit JourneyView(const Clock &clock, QWidget *parent = nullptr);

    // Shows the journey of key = value and asks for it.
    void showJourney(const QString &key, const QString &value);
    // Orchestrator::journeyReady's.
    void setJourney(const QString &key, const QString &value, const QJsonArray &executions);
    ExecutionTableModel *model() const { return m_model; }

Q_SIGNALS:
    void journeyRequested(const QString &key, const QString &value);
    void executionOpened(const QString &executionId);

private:
    void find();

    ExecutionTableModel *m_model;
    QComboBox *m_key;
    QLineEdit *m_value;
    QPushButton *m_find;
    QTableView *m_table;
    QLabel *m_summary;
    QString m_asked; // "key=value" last asked for
};

} // namespace Switchboard
