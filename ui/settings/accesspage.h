#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace Switchboard {

// Settings › People and access: who may use the core's API, each with a token and a role
// (viewer, support, manager, admin). A token is shown once, when issued, to be copied then;
// revoking one refuses it from the next request on.
class AccessPage final : public QWidget
{
    Q_OBJECT

public:
    explicit AccessPage(QWidget *parent = nullptr);

    // Orchestrator::tokensReady's list.
    void setTokens(const QJsonArray &tokens);
    // Orchestrator::tokenIssued: the token, shown until the next one.
    void showIssued(const QJsonObject &token);
    void showRefusal(const QString &message);

    QTableWidget *table() const { return m_table; }
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *roleBox() const { return m_role; }
    QPushButton *issueButton() const { return m_issue; }
    QPushButton *revokeButton() const { return m_revoke; }
    QLineEdit *issuedToken() const { return m_token; }
    QString statusText() const;
    // Asks before revoking; off in tests that answer for the person.
    void setConfirmRevoke(bool confirm) { m_confirm = confirm; }

    static QString roleText(const QString &role);

Q_SIGNALS:
    void tokensWanted();
    void issueRequested(const QString &name, const QString &role);
    void revokeRequested(qint64 id);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void revokeSelected();
    void updateButtons();

    QTableWidget *m_table;
    QLineEdit *m_name;
    QComboBox *m_role;
    QPushButton *m_issue;
    QPushButton *m_revoke;
    QWidget *m_issuedBox;
    QLineEdit *m_token;
    QLabel *m_status;
    QJsonArray m_tokens;
    bool m_confirm = true;
};

} // namespace Switchboard
