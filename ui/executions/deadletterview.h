#pragma once

#include "common/clock.h"

#include <QJsonArray>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace Switchboard {

class DeadLetterModel;
class JsonTree;

// The dead-letter queue: module calls that failed after every retry, newest first, with what
// went wrong and the execution each belongs to (Enter or a double click on it opens it). The
// selected letters are sent again as they are, or one with its payload corrected; all waiting
// letters go out together after an outage; a letter is set aside only with a reason. A letter
// is sent once however often it is clicked: the core refuses a second replay of it.
class DeadLetterView final : public QWidget
{
    Q_OBJECT

public:
    explicit DeadLetterView(const Clock &clock, QWidget *parent = nullptr);

    void setMayReadPhi(bool may);
    // Orchestrator::deadLettersChanged's.
    void setLetters(const QString &status, const QJsonArray &letters);
    // Orchestrator::deadLetterActionDone's.
    void showResults(const QString &action, const QJsonArray &results);
    // Asks for the list again (the section is shown, the count changed).
    void refresh();
    DeadLetterModel *model() const { return m_model; }
    QStringList selectedIds() const;

Q_SIGNALS:
    void lettersRequested(const QString &status, bool reveal);
    void replayRequested(const QStringList &ids);
    void editedReplayRequested(const QString &id, const QJsonObject &payload);
    void discardRequested(const QString &id, const QString &reason);
    void executionOpened(const QString &executionId);

private:
    void onSelection();
    void replaySelected();
    void replayAll();
    void editAndReplay();
    void discard();

    DeadLetterModel *m_model;
    QComboBox *m_status;
    QCheckBox *m_reveal;
    QTableView *m_table;
    QLabel *m_empty;
    JsonTree *m_payload;
    QLabel *m_message;
    QPushButton *m_replay;
    QPushButton *m_edit;
    QPushButton *m_discard;
    QPushButton *m_replayAll;
    QPushButton *m_open;
    QStringList m_busy; // letters being sent, until their results come back
};

} // namespace Switchboard
