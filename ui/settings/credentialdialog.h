#pragma once

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Switchboard {

// The core's credential for one module: an API key sent in a header (Kong's "apikey" by
// default) or a bearer token. The secret is typed, sent to the core once and never shown
// again; the dialog only ever says whether one is set and how it is sent.
class CredentialDialog final : public QDialog
{
    Q_OBJECT

public:
    CredentialDialog(const QString &moduleId, const QString &moduleName, QWidget *parent = nullptr);

    QString moduleId() const { return m_moduleId; }
    // The core's answer ({"set", "kind", "header"}); closes the dialog after a save or removal
    // that was not refused (a refusal comes first, with showRefusal).
    void setCredential(const QJsonObject &credential);
    void showRefusal(const QString &message);

    QComboBox *kindBox() const { return m_kind; }
    QLineEdit *headerEdit() const { return m_header; }
    QLineEdit *secretEdit() const { return m_secret; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *removeButton() const { return m_remove; }
    QString statusText() const;

Q_SIGNALS:
    void saveRequested(const QString &kind, const QString &header, const QString &secret);
    void removeRequested();

private:
    void updateButtons();

    QString m_moduleId;
    QComboBox *m_kind;
    QLineEdit *m_header;
    QLineEdit *m_secret;
    QLabel *m_status;
    QLabel *m_error;
    QPushButton *m_save;
    QPushButton *m_remove;
    bool m_set = false;
    bool m_waiting = false; // a save or removal was sent and is not answered yet
};

} // namespace Switchboard
