#pragma once

#include "settings/credentialdialog.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QPushButton;
class QTableWidget;

namespace Switchboard {

class ModuleTableModel;
class SaveBar;

// Settings › Modules: each module on or off, with its address, its health address and its
// time limit, edited in place. Addresses set in a file are shown and cannot be edited here.
class ModuleAddresses final : public QWidget
{
    Q_OBJECT

public:
    ModuleAddresses(ModuleTableModel *modules, QWidget *parent = nullptr);

    void setSettings(const QJsonArray &settings);
    bool has(const QString &name) const;
    void showRefusal(const QString &name, const QString &message);
    void showChanged(const QJsonObject &result);
    QTableWidget *table() const { return m_table; }
    // The selected module's credential: the dialog opens, and asks the core what is set.
    QPushButton *credentialButton() const { return m_credentialButton; }
    CredentialDialog *credentialDialog() const { return m_credentialDialog; }
    void showCredential(const QString &moduleId, const QJsonObject &credential);
    void showCredentialRefused(const QString &moduleId, const QString &message);

    enum Column { On, Module, Address, Health, Timeout };

Q_SIGNALS:
    void changeRequested(const QJsonObject &values);
    void moduleSwitched(const QString &moduleId, bool enabled);
    void credentialWanted(const QString &moduleId);
    void credentialSaveRequested(const QString &moduleId, const QString &kind,
                                 const QString &header, const QString &secret);
    void credentialRemoveRequested(const QString &moduleId);

private:
    void followModules();
    void updateButtons();
    void openCredential();
    QJsonObject changes() const;
    // MODULE_02_ENDPOINT for row 1 and Address.
    QString nameAt(int row, int column) const;

    ModuleTableModel *m_modules;
    QTableWidget *m_table;
    SaveBar *m_bar;
    QPushButton *m_credentialButton;
    QPointer<CredentialDialog> m_credentialDialog; // deletes itself when closed
    QHash<QString, QString> m_values; // as the core has them
    bool m_filling = false;
};

} // namespace Switchboard
