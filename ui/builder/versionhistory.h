#pragma once

#include <QDialog>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

class QComboBox;
class QListWidget;
class QPushButton;

namespace Switchboard {

// A workflow's published versions next to the draft on the canvas: pick two to see what
// changed between them (settings, steps with the settings that changed, connections), and open
// an old version as the draft (an undoable edit, so nothing is lost). Versions are fetched on
// demand through versionRequested and handed in with setVersion. Close or Esc closes it.
class VersionHistory final : public QDialog
{
    Q_OBJECT

public:
    explicit VersionHistory(QWidget *parent = nullptr);

    // versions: [{version, note, published_at}], newest first; canvas: the current draft.
    void setWorkflow(const QString &id, const QJsonArray &versions, const QJsonObject &canvas);
    void setVersion(int version, const QJsonObject &document);
    // 0 stands for the draft on the canvas.
    void compare(int older, int newer);
    QStringList changes() const;

Q_SIGNALS:
    void versionRequested(int version);
    void restoreRequested(const QJsonObject &document, int version);

private:
    void refresh();
    void fetch(int version); // asks for a version's document once

    QComboBox *m_older;
    QComboBox *m_newer;
    QListWidget *m_list;
    QPushButton *m_restore;
    QHash<int, QJsonObject> m_documents; // 0: the canvas
    QSet<int> m_asked;
};

} // namespace Switchboard
