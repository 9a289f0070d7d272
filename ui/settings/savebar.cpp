#include "settings/savebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace Switchboard {

SaveBar::SaveBar(QWidget *parent)
    : QWidget(parent)
    , m_save(new QPushButton(tr("Save"), this))
    , m_undo(new QPushButton(tr("Undo changes"), this))
    , m_status(new QLabel(this))
{
    m_save->setObjectName(QStringLiteral("saveSettings"));
    m_save->setDefault(true);
    m_undo->setObjectName(QStringLiteral("revertSettings"));
    m_status->setObjectName(QStringLiteral("settingsStatus"));
    m_status->setWordWrap(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_save);
    layout->addWidget(m_undo);
    layout->addWidget(m_status, 1);
    connect(m_save, &QPushButton::clicked, this, &SaveBar::saveClicked);
    connect(m_undo, &QPushButton::clicked, this, [this] {
        m_status->clear();
        Q_EMIT undoClicked();
    });
    setChanged(false);
}

void SaveBar::setChanged(bool changed)
{
    m_save->setEnabled(changed);
    m_undo->setEnabled(changed);
}

bool SaveBar::submit(const QJsonObject &changes)
{
    if (changes.isEmpty())
        return false;
    m_status->setText(tr("Saving…"));
    return true;
}

void SaveBar::setStatus(const QString &text)
{
    m_status->setText(text);
}

QString SaveBar::status() const
{
    return m_status->text();
}

} // namespace Switchboard
