#include "remote/logindialog.h"

#include "common/tone.h"
#include "remote/remoteorchestrator.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace Switchboard {

LoginDialog::LoginDialog(RemoteOrchestrator &core, const QString &reason, QWidget *parent)
    : QDialog(parent)
    , m_core(core)
    , m_name(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_logIn(new QPushButton(tr("Log in"), this))
{
    const QString host = core.link().base().host();
    setWindowTitle(tr("Log in to %1").arg(host));
    auto *intro =
        new QLabel(reason.isEmpty() ? tr("Log in with the name and password your clinic's "
                                         "administrator gave you.")
                                    : reason,
                   this);
    intro->setWordWrap(true);
    m_name->setObjectName(QStringLiteral("loginName"));
    m_name->setMaxLength(60);
    // The last name used on this core, so that only the password is typed.
    m_name->setText(QSettings().value(QStringLiteral("remote/lastUser/") + host).toString());
    m_password->setObjectName(QStringLiteral("loginPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMaxLength(1024);
    m_problem->setObjectName(QStringLiteral("loginProblem"));
    m_problem->setWordWrap(true);
    Tone::status(m_problem, ModuleStatus::Down);
    m_problem->hide();
    m_logIn->setObjectName(QStringLiteral("loginButton"));
    m_logIn->setDefault(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Password:"), m_password);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_logIn, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    setMinimumWidth(420);
    (m_name->text().isEmpty() ? m_name : m_password)->setFocus();

    connect(m_logIn, &QPushButton::clicked, this, &LoginDialog::logIn);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&core, &RemoteOrchestrator::loginFailed, this, &LoginDialog::refused);
    connect(&core, &Orchestrator::failed, this, &LoginDialog::refused);
    connect(&core, &Orchestrator::ready, this, [this, host] {
        QSettings().setValue(QStringLiteral("remote/lastUser/") + host, m_name->text().trimmed());
        accept();
    });
}

void LoginDialog::logIn()
{
    if (m_name->text().trimmed().isEmpty() || m_password->text().isEmpty())
        return refused(tr("Type your name and your password."));
    m_problem->hide();
    m_logIn->setEnabled(false);
    m_logIn->setText(tr("Logging in…"));
    m_core.logIn(m_name->text().trimmed(), m_password->text());
}

void LoginDialog::refused(const QString &message)
{
    m_problem->setText(message);
    m_problem->show();
    m_logIn->setEnabled(true);
    m_logIn->setText(tr("Log in"));
    m_password->selectAll();
    m_password->setFocus();
}

} // namespace Switchboard
