#pragma once

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Switchboard {

// One person who logs in to the core: added (name, display name, role, queues, password),
// changed (display name, role, queues) or given a new password. What the console can check is
// checked as it is typed (the name's letters, the password's length, the repeat); the core's
// refusal (a name in use, the last admin) is shown here, and what was typed stays to correct.
// The dialog closes when the core has saved it.
class PersonDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Add, Change, Password };
    // person: the entry being changed ({id, name, display_name, role, queues}); empty to add.
    PersonDialog(Mode mode, const QJsonObject &person, QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    qint64 personId() const;
    // The core saved it: the dialog closes.
    void showSaved();
    void showRefusal(const QString &message);

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *displayNameEdit() const { return m_displayName; }
    QComboBox *roleBox() const { return m_role; }
    QLineEdit *queuesEdit() const { return m_queues; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLineEdit *repeatEdit() const { return m_repeat; }
    QPushButton *saveButton() const { return m_save; }
    QString problemText() const;

    static constexpr int MinPasswordLength = 12;

Q_SIGNALS:
    // Add: the new person and the password. Change: what changed. Password: {} and the new one.
    void saveRequested(const QJsonObject &person, const QString &password);

private:
    // Why it cannot be saved yet, in words; empty when it can.
    QString problem() const;
    void updateButtons();
    QJsonObject entered() const;

    Mode m_mode;
    QJsonObject m_person;
    QLineEdit *m_name;
    QLineEdit *m_displayName;
    QComboBox *m_role;
    QLineEdit *m_queues;
    QLineEdit *m_password;
    QLineEdit *m_repeat;
    QLabel *m_problem;
    QPushButton *m_save;
    bool m_waiting = false;
};

} // namespace Switchboard
