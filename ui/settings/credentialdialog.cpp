#include "settings/credentialdialog.h"

#include "common/tone.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Switchboard {

CredentialDialog::CredentialDialog(const QString &moduleId, const QString &moduleName,
                                   QWidget *parent)
    : QDialog(parent)
    , m_moduleId(moduleId)
    , m_kind(new QComboBox(this))
    , m_header(new QLineEdit(QStringLiteral("apikey"), this))
    , m_secret(new QLineEdit(this))
    , m_status(new QLabel(tr("Reading the credential…"), this))
    , m_error(new QLabel(this))
    , m_save(new QPushButton(tr("Save"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
{
    setWindowTitle(tr("Credential for %1").arg(moduleName));
    m_kind->addItem(tr("API key in a header"), QStringLiteral("api_key"));
    m_kind->addItem(tr("Bearer token"), QStringLiteral("bearer"));
    m_header->setToolTip(tr("The header the key is sent in; Kong's key-auth reads \"apikey\""));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("Typed once; never shown again"));
    m_status->setWordWrap(true);
    m_error->setWordWrap(true);
    Tone::status(m_error, ModuleStatus::Down);
    m_error->hide();
    m_save->setDefault(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Kind"), m_kind);
    form->addRow(tr("Header"), m_header);
    form->addRow(tr("Secret"), m_secret);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_remove, QDialogButtonBox::DestructiveRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Switchboard sends this on every call and health check to "
                                    "the module. It is kept in the secret store."),
                                 this));
    layout->addWidget(m_status);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &CredentialDialog::updateButtons);
    connect(m_header, &QLineEdit::textChanged, this, &CredentialDialog::updateButtons);
    connect(m_secret, &QLineEdit::textChanged, this, &CredentialDialog::updateButtons);
    connect(m_save, &QPushButton::clicked, this, [this] {
        m_waiting = true;
        m_error->hide();
        updateButtons();
        Q_EMIT saveRequested(m_kind->currentData().toString(), m_header->text().trimmed(),
                             m_secret->text());
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        m_waiting = true;
        updateButtons();
        Q_EMIT removeRequested();
    });
    updateButtons();
}

void CredentialDialog::setCredential(const QJsonObject &credential)
{
    m_set = credential.value(QLatin1String("set")).toBool();
    const QString kind = credential.value(QLatin1String("kind")).toString();
    if (!m_set)
        m_status->setText(tr("No credential is set: calls to this module go without one."));
    else if (kind == QLatin1String("bearer"))
        m_status->setText(tr("A bearer token is set."));
    else
        m_status->setText(tr("An API key is set, sent in the header \"%1\".")
                              .arg(credential.value(QLatin1String("header")).toString()));
    if (m_set) {
        m_kind->setCurrentIndex(m_kind->findData(kind == QLatin1String("bearer")
                                                     ? QStringLiteral("bearer")
                                                     : QStringLiteral("api_key")));
        if (kind != QLatin1String("bearer"))
            m_header->setText(credential.value(QLatin1String("header")).toString());
    }
    const bool answered = m_waiting;
    m_waiting = false;
    if (m_error->isHidden()) {
        m_secret->clear();
        if (answered)
            accept();
    }
    updateButtons(); // refused: what was typed stays, to be corrected
}

void CredentialDialog::showRefusal(const QString &message)
{
    m_error->setText(tr("Not saved: %1").arg(message));
    m_error->show();
}

QString CredentialDialog::statusText() const
{
    return m_error->isHidden() ? m_status->text() : m_error->text();
}

void CredentialDialog::updateButtons()
{
    const bool key = m_kind->currentData().toString() == QLatin1String("api_key");
    m_header->setEnabled(key);
    m_save->setEnabled(!m_waiting && !m_secret->text().isEmpty()
                       && (!key || !m_header->text().trimmed().isEmpty()));
    m_remove->setEnabled(!m_waiting && m_set);
}

} // namespace Switchboard
