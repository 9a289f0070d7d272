#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace Switchboard {

class PersonDialog;

// Settings › People: who logs in to the core (remote consoles, the API), with their role, the
// review queues support staff work, when they last logged in and whether they may. An admin
// adds people, changes them, disables them and sets a new password; the core refuses what
// would leave no admin, and the refusal is shown where it was asked.
class PeoplePage final : public QWidget
{
    Q_OBJECT

public:
    explicit PeoplePage(QWidget *parent = nullptr);

    // Orchestrator::usersReady's list.
    void setUsers(const QJsonArray &users);
    // Orchestrator::userSaved: the open dialog closes, the page says what was done.
    void showSaved(const QJsonObject &user);
    void showRefusal(const QString &message);

    QTableWidget *table() const { return m_table; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *changeButton() const { return m_change; }
    QPushButton *disableButton() const { return m_disable; }
    QPushButton *passwordButton() const { return m_password; }
    // The dialog open now (adding, changing, a new password), if any.
    PersonDialog *dialog() const;
    QString statusText() const;
    // Asks before disabling; off in tests that answer for the person.
    void setConfirmDisable(bool confirm) { m_confirm = confirm; }

Q_SIGNALS:
    void usersWanted();
    void addRequested(const QJsonObject &person, const QString &password);
    void changeRequested(qint64 id, const QJsonObject &changes);
    void passwordResetRequested(qint64 id, const QString &password);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QJsonObject selected() const;
    void openDialog(int mode);
    void toggleDisabled();
    void updateButtons();

    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_change;
    QPushButton *m_disable;
    QPushButton *m_password;
    QLabel *m_status;
    QLabel *m_empty;
    QJsonArray m_users;
    QPointer<PersonDialog> m_dialog;
    bool m_confirm = true;
};

} // namespace Switchboard
