#include "remote/connectdialog.h"

#include "common/tone.h"
#include "remote/remotelink.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace Switchboard {

namespace {

const QString RecentKey = QStringLiteral("remote/recent");

} // namespace

ConnectDialog::ConnectDialog(bool hipaaMode, QWidget *parent)
    : QDialog(parent)
    , m_hipaaMode(hipaaMode)
    , m_addresses(new QComboBox(this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(tr("Connect to a clinic"));
    auto *intro = new QLabel(tr("The address of the clinic's Switchboard core, as your "
                                "administrator gave it, for example "
                                "https://core.clinic.lan:8600."),
                             this);
    intro->setWordWrap(true);
    m_addresses->setObjectName(QStringLiteral("connectAddress"));
    m_addresses->setEditable(true);
    m_addresses->addItems(recent());
    m_addresses->lineEdit()->setPlaceholderText(QStringLiteral("https://core.clinic.lan:8600"));
    m_problem->setObjectName(QStringLiteral("connectProblem"));
    m_problem->setWordWrap(true);
    Tone::status(m_problem, ModuleStatus::Down);
    m_problem->hide();
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *connectButton = buttons->addButton(tr("Connect"), QDialogButtonBox::AcceptRole);
    connectButton->setObjectName(QStringLiteral("connectButton"));
    connectButton->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_addresses);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    setMinimumWidth(460);
    connect(connectButton, &QPushButton::clicked, this, &ConnectDialog::tryAccept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ConnectDialog::tryAccept()
{
    QString text = m_addresses->currentText().trimmed();
    // "core.clinic.lan:8600" means https, the only scheme a clinic should use off this machine.
    if (!text.isEmpty() && !text.contains(QLatin1String("://")))
        text.prepend(QStringLiteral("https://"));
    const QUrl address(text, QUrl::StrictMode);
    if (Status ok = RemoteLink::allowed(address, m_hipaaMode); !ok) {
        m_problem->setText(text.isEmpty()
                               ? tr("Type the core's address.")
                               : tr("This address cannot be used: %1").arg(ok.error().message));
        m_problem->show();
        return;
    }
    m_address = address;
    accept();
}

QStringList ConnectDialog::recent()
{
    return QSettings().value(RecentKey).toStringList();
}

void ConnectDialog::remember(const QUrl &address)
{
    QStringList list = recent();
    const QString text = address.toString(QUrl::RemoveUserInfo);
    list.removeAll(text);
    list.prepend(text);
    QSettings().setValue(RecentKey, list.mid(0, MaxRecent));
}

} // namespace Switchboard
