#pragma once

#include "alerts/silencedialog.h"
#include "common/clock.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTableWidget;
class QToolButton;
class QTreeView;

namespace Switchboard {

class AlertDetail;
class AlertFilterModel;
class AlertTableModel;
class ChannelsPanel;

// The Alerts section: the inbox (filters, grouping, the alerts with one in detail, and
// acknowledge / resolve / snooze / silence on one or many, with a note), the silences, and the
// notification channels.
class AlertsView final : public QWidget
{
    Q_OBJECT

public:
    explicit AlertsView(const Clock &clock, QWidget *parent = nullptr);

    // Orchestrator::alertsChanged's picture.
    void setState(const QJsonObject &state);
    void showDetails(qint64 id, const QJsonObject &details);
    void showActionFailed(const QString &message);

    AlertTableModel *model() const { return m_model; }
    AlertFilterModel *filter() const { return m_filter; }
    QTreeView *table() const { return m_table; }
    AlertDetail *detail() const { return m_detail; }
    ChannelsPanel *channels() const { return m_channels; }
    // Takes the Channels tab out, for Settings › Notifications to show; the panel still
    // follows this view's state.
    ChannelsPanel *takeChannels();
    QLineEdit *noteEdit() const { return m_note; }
    QLineEdit *searchEdit() const { return m_search; }
    QComboBox *stateBox() const { return m_state; }
    QComboBox *groupBox() const { return m_group; }
    QPushButton *acknowledgeButton() const { return m_ack; }
    QPushButton *resolveButton() const { return m_resolve; }
    QTableWidget *silenceTable() const { return m_silences; }
    SilenceDialog *silenceDialog() const { return m_silenceDialog; }
    QTabWidget *tabs() const { return m_tabs; }
    QList<qint64> selectedIds() const;
    // The last refusal shown under the inbox; empty when none is.
    QString errorText() const;
    void selectAlert(qint64 id);
    // Opens the silence dialog for the selected alert's module and rule.
    void openSilenceDialog();

Q_SIGNALS:
    void actionRequested(const QList<qint64> &ids, const QString &action, const QString &note,
                         int minutes);
    void alertRequested(qint64 id);
    void silenceRequested(const QJsonObject &definition);
    void silenceRemoveRequested(qint64 id);
    void moduleRequested(const QString &moduleId);
    void executionOpened(const QString &executionId);
    void unreadChanged(int unread);

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void onSelection();
    void act(const QString &action, int minutes = 0);
    void setSilences(const QJsonArray &silences);
    void updateActions();
    void updateEmpty();
    void selectFirstIfNone();

    const Clock &m_clock;
    AlertTableModel *m_model;
    AlertFilterModel *m_filter;
    QTabWidget *m_tabs;
    QComboBox *m_state;
    QComboBox *m_severity;
    QComboBox *m_group;
    QLineEdit *m_search;
    QTreeView *m_table;
    AlertDetail *m_detail;
    QLineEdit *m_note;
    QPushButton *m_ack;
    QPushButton *m_resolve;
    QToolButton *m_snooze;
    QPushButton *m_silence;
    QLabel *m_summary;
    QLabel *m_empty; // over the table when no alert matches
    QLabel *m_error;
    QTableWidget *m_silences;
    ChannelsPanel *m_channels;
    QSplitter *m_splitter;
    QPointer<SilenceDialog> m_silenceDialog;
};

} // namespace Switchboard
