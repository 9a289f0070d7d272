#pragma once

#include <QDialog>
#include <QUrl>

class QComboBox;
class QLabel;

namespace Switchboard {

// "Connect to a clinic…": the address of a core on another machine, chosen from the ones used
// before (the newest first) or typed. Refuses an address the console may not use (see
// RemoteLink::allowed) with the reason.
class ConnectDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectDialog(bool hipaaMode, QWidget *parent = nullptr);

    QUrl address() const { return m_address; }

    // The cores this console connected to, newest first (at most MaxRecent).
    static QStringList recent();
    static void remember(const QUrl &address);
    static constexpr int MaxRecent = 8;

private:
    void tryAccept();

    bool m_hipaaMode;
    QComboBox *m_addresses;
    QLabel *m_problem;
    QUrl m_address;
};

} // namespace Switchboard
