#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Switchboard {

class RemoteOrchestrator;

// Asks for a name and password for a remote core and logs in with them. It stays open, saying
// why, until the core lets the person in (then it closes with Accepted) or they give up.
class LoginDialog final : public QDialog
{
    Q_OBJECT

public:
    LoginDialog(RemoteOrchestrator &core, const QString &reason, QWidget *parent = nullptr);

private:
    void logIn();
    void refused(const QString &message);

    RemoteOrchestrator &m_core;
    QLineEdit *m_name;
    QLineEdit *m_password;
    QLabel *m_problem;
    QPushButton *m_logIn;
};

} // namespace Switchboard
