#pragma once

#include <QJsonArray>
#include <QLabel>

class QMenu;

namespace Switchboard {

// Which published version of the workflow runs in each environment ("Runs in dev: version 3 ·
// staging: version 2 · production: —"), and the Promote menu that moves a version on from the
// environment before. Fed by the versions the core sends with the workflow.
class Deployments final : public QLabel
{
    Q_OBJECT

public:
    explicit Deployments(QWidget *parent = nullptr);

    // versions: [{version, note, published_at, environments}], newest first.
    void setVersions(const QJsonArray &versions);
    QJsonArray versions() const { return m_versions; }
    // The version running in an environment (0: none).
    int deployed(const QString &environment) const;
    // The menu of promotions; it is filled each time it opens.
    QMenu *menu() const { return m_menu; }
    // Asks for what runs in the environment before this one to run here; false, with a
    // message, when nothing runs there.
    bool promote(const QString &environment);

Q_SIGNALS:
    void promoteRequested(int version, const QString &environment);
    void message(const QString &text);

private:
    void fillMenu();

    QJsonArray m_versions;
    QMenu *m_menu;
};

} // namespace Switchboard
