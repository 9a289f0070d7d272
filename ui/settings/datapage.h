#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace Switchboard {

class SettingsForm;

// Settings › Data: how long finished work is kept, where the database is, and its backups:
// one made now, or one put back in its place at the next start.
class DataPage final : public QWidget
{
    Q_OBJECT

public:
    explicit DataPage(QWidget *parent = nullptr);

    SettingsForm *retention() const { return m_retention; }
    // SettingsDesk::overview()'s "data".
    void setData(const QJsonObject &data);
    void showBackupMade(const QString &path);
    void showRestoreScheduled(const QString &path);
    void showRefusal(const QString &message);
    QListWidget *backups() const { return m_backups; }
    QString statusText() const;

Q_SIGNALS:
    void backupRequested();
    void restoreRequested(const QString &path);

private:
    SettingsForm *m_retention;
    QLabel *m_folder;
    QListWidget *m_backups;
    QPushButton *m_backupNow;
    QPushButton *m_restore;
    QLabel *m_status;
};

} // namespace Switchboard
