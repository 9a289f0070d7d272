#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPushButton;

namespace Switchboard {

// The foot of a settings page: Save and Undo changes, enabled while something is changed, and
// a line saying how the last save went ("Saving…", "Saved and in effect.", "Not saved: …").
class SaveBar final : public QWidget
{
    Q_OBJECT

public:
    explicit SaveBar(QWidget *parent = nullptr);

    void setChanged(bool changed);
    // Before a page sends its changes: false when there are none, else says "Saving…".
    bool submit(const QJsonObject &changes);
    void setStatus(const QString &text);
    QString status() const;

Q_SIGNALS:
    void saveClicked();
    void undoClicked();

private:
    QPushButton *m_save;
    QPushButton *m_undo;
    QLabel *m_status;
};

} // namespace Switchboard
