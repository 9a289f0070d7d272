#include "settings/moduleaddresses.h"

#include "common/statusstyle.h"
#include "dashboard/moduletablemodel.h"
#include "health/modulesnapshot.h"
#include "modules/modulecatalog.h"
#include "settings/credentialdialog.h"
#include "settings/savebar.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Switchboard {

ModuleAddresses::ModuleAddresses(ModuleTableModel *modules, QWidget *parent)
    : QWidget(parent)
    , m_modules(modules)
    , m_table(new QTableWidget(int(ModuleCatalog::all().size()), 5, this))
    , m_bar(new SaveBar(this))
    , m_credentialButton(new QPushButton(tr("Credential…"), this))
{
    m_table->setObjectName(QStringLiteral("moduleAddresses"));
    m_table->setHorizontalHeaderLabels(
        {tr("Active"), tr("Module"), tr("Address"), tr("Health URL"), tr("Limit (s)")});
    m_table->horizontalHeaderItem(Health)->setToolTip(
        tr("Where the module's health is read; empty: its address followed by /health"));
    m_table->horizontalHeaderItem(Timeout)->setToolTip(
        tr("How long a call to the module may take, in seconds; empty: the health check's"));
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    // Addresses read in full: a long one breaks at its slashes onto another line.
    m_table->setWordWrap(true);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The names and the addresses share the room, wrapping when they need to.
    header->setSectionResizeMode(Module, QHeaderView::Stretch);
    header->setSectionResizeMode(Address, QHeaderView::Stretch);

    for (int row = 0; row < m_table->rowCount(); ++row) {
        const ModuleInfo &info = ModuleCatalog::all().at(row);
        auto *on = new QTableWidgetItem;
        on->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        on->setData(Qt::UserRole, info.id);
        on->setToolTip(tr("Switches the module's checks, alerts and calls on or off"));
        m_table->setItem(row, On, on);
        auto *name = new QTableWidgetItem(
            QStringLiteral("%1 %2").arg(info.numberText(), ModuleCatalog::displayName(info.id)));
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        m_table->setItem(row, Module, name);
        for (int column : {Address, Health, Timeout}) {
            auto *item = new QTableWidgetItem;
            item->setToolTip(tr("%1 in the env file").arg(nameAt(row, column)));
            m_table->setItem(row, column, item);
        }
    }
    auto *help = new QLabel(tr("Double-click an address to change it. The health address may be "
                               "left empty: the module's address followed by /health. A time "
                               "limit left empty follows the health check's.")
                                + QLatin1Char(' ')
                                + tr("Choose a module and press Credential… to give it the API "
                                     "key or token Switchboard sends it."),
                            this);
    help->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(help);
    layout->addWidget(m_table, 1);
    auto *below = new QHBoxLayout;
    m_credentialButton->setObjectName(QStringLiteral("credentialButton"));
    m_credentialButton->setToolTip(
        tr("The API key or token Switchboard sends to the selected module"));
    m_credentialButton->setEnabled(false);
    below->addWidget(m_credentialButton);
    below->addWidget(m_bar, 1);
    layout->addLayout(below);
    connect(m_table, &QTableWidget::currentCellChanged, this,
            [this](int row) { m_credentialButton->setEnabled(row >= 0); });
    connect(m_credentialButton, &QPushButton::clicked, this, &ModuleAddresses::openCredential);

    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (m_filling)
            return;
        if (item->column() == On) {
            Q_EMIT moduleSwitched(item->data(Qt::UserRole).toString(),
                                  item->checkState() == Qt::Checked);
            return;
        }
        updateButtons();
    });
    connect(m_bar, &SaveBar::saveClicked, this, [this] {
        if (const QJsonObject values = changes(); m_bar->submit(values))
            Q_EMIT changeRequested(values);
    });
    connect(m_bar, &SaveBar::undoClicked, this, [this] {
        m_filling = true;
        for (int row = 0; row < m_table->rowCount(); ++row) {
            for (int column : {Address, Health, Timeout})
                m_table->item(row, column)->setText(m_values.value(nameAt(row, column)));
        }
        m_filling = false;
        updateButtons();
    });
    connect(m_modules, &QAbstractItemModel::dataChanged, this, &ModuleAddresses::followModules);
    connect(m_modules, &QAbstractItemModel::modelReset, this, &ModuleAddresses::followModules);
    followModules();
    updateButtons();
}

QString ModuleAddresses::nameAt(int row, int column) const
{
    const QString nn = ModuleCatalog::all().at(row).numberText();
    switch (column) {
    case Address:
        return QStringLiteral("MODULE_%1_ENDPOINT").arg(nn);
    case Health:
        return QStringLiteral("MODULE_%1_HEALTH").arg(nn);
    case Timeout:
        return QStringLiteral("MODULE_%1_TIMEOUT_S").arg(nn);
    default:
        return {};
    }
}

void ModuleAddresses::followModules()
{
    m_filling = true;
    for (int row = 0; row < m_modules->rowCount(); ++row) {
        const QModelIndex index = m_modules->index(row, 0);
        const auto snapshot = index.data(ModuleTableModel::SnapshotRole).value<ModuleSnapshot>();
        const QString id = index.data(ModuleTableModel::ModuleIdRole).toString();
        for (int r = 0; r < m_table->rowCount(); ++r) {
            QTableWidgetItem *on = m_table->item(r, On);
            if (on->data(Qt::UserRole).toString() == id)
                on->setCheckState(snapshot.enabled ? Qt::Checked : Qt::Unchecked);
        }
    }
    m_filling = false;
}

bool ModuleAddresses::has(const QString &name) const
{
    return name.startsWith(QLatin1String("MODULE_"));
}

void ModuleAddresses::setSettings(const QJsonArray &settings)
{
    m_filling = true;
    for (const QJsonValue v : settings) {
        const QJsonObject s = v.toObject();
        const QString name = s.value(QLatin1String("name")).toString();
        for (int row = 0; row < m_table->rowCount(); ++row) {
            for (int column : {Address, Health, Timeout}) {
                if (nameAt(row, column) != name)
                    continue;
                QTableWidgetItem *item = m_table->item(row, column);
                const bool untouched = item->text() == m_values.value(name);
                m_values.insert(name, s.value(QLatin1String("value")).toString());
                if (untouched)
                    item->setText(m_values.value(name));
                item->setBackground(QBrush());
                const QString lockedBy = s.value(QLatin1String("locked_by")).toString();
                item->setFlags(lockedBy.isEmpty()
                                   ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable
                                   : Qt::ItemIsEnabled | Qt::ItemIsSelectable);
                const QString where = lockedBy.isEmpty()
                    ? tr("%1 in the env file").arg(name)
                    : tr("Set in %1: change it there.").arg(lockedBy);
                item->setToolTip(m_values.value(name).isEmpty()
                                     ? where
                                     : m_values.value(name) + QLatin1Char('\n') + where);
            }
        }
    }
    m_filling = false;
    updateButtons();
}

void ModuleAddresses::showRefusal(const QString &name, const QString &message)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        for (int column : {Address, Health, Timeout}) {
            if (nameAt(row, column) == name) {
                m_table->item(row, column)->setBackground(StatusStyle::tint(ModuleStatus::Down));
                m_table->setCurrentCell(row, column);
            }
        }
    }
    m_bar->setStatus(tr("Not saved: %1").arg(message));
}

void ModuleAddresses::showChanged(const QJsonObject &)
{
    m_bar->setStatus(tr("Saved and in effect."));
}

QJsonObject ModuleAddresses::changes() const
{
    QJsonObject values;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        for (int column : {Address, Health, Timeout}) {
            const QString name = nameAt(row, column);
            const QString text = m_table->item(row, column)->text().trimmed();
            if (text != m_values.value(name))
                values.insert(name, text);
        }
    }
    return values;
}

void ModuleAddresses::updateButtons()
{
    m_bar->setChanged(!changes().isEmpty());
}

void ModuleAddresses::openCredential()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    const ModuleInfo &info = ModuleCatalog::all().at(row);
    if (m_credentialDialog)
        m_credentialDialog->close();
    m_credentialDialog = new CredentialDialog(
        info.id,
        QStringLiteral("%1 %2").arg(info.numberText(), ModuleCatalog::displayName(info.id)), this);
    m_credentialDialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = info.id;
    connect(m_credentialDialog, &CredentialDialog::saveRequested, this,
            [this, id](const QString &kind, const QString &header, const QString &secret) {
                Q_EMIT credentialSaveRequested(id, kind, header, secret);
            });
    connect(m_credentialDialog, &CredentialDialog::removeRequested, this,
            [this, id] { Q_EMIT credentialRemoveRequested(id); });
    m_credentialDialog->open();
    Q_EMIT credentialWanted(id);
}

void ModuleAddresses::showCredential(const QString &moduleId, const QJsonObject &credential)
{
    if (m_credentialDialog && m_credentialDialog->moduleId() == moduleId)
        m_credentialDialog->setCredential(credential);
}

void ModuleAddresses::showCredentialRefused(const QString &moduleId, const QString &message)
{
    if (m_credentialDialog && m_credentialDialog->moduleId() == moduleId)
        m_credentialDialog->showRefusal(message);
}

} // namespace Switchboard
