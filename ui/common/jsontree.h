#pragma once

#include <QJsonValue>
#include <QTreeWidget>

namespace Switchboard {

// A JSON value for people: members as rows that fold open, values coloured by kind (text, number,
// true/false, empty), masked patient data shown as such, and the whole value or the selected
// member copied as JSON (Ctrl+C or the context menu).
class JsonTree final : public QTreeWidget
{
    Q_OBJECT

public:
    explicit JsonTree(QWidget *parent = nullptr);

    // Shows value; members are open to depth `expand`.
    void setValue(const QJsonValue &value, int expand = 2);
    QJsonValue value() const { return m_value; }
    // The selected member as compact JSON, or the whole value when nothing is selected.
    QString selectedJson() const;
    void copySelection() const;

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void addMembers(QTreeWidgetItem *parent, const QJsonValue &value, int expand, int depth);
    QTreeWidgetItem *addRow(QTreeWidgetItem *parent, const QString &key, const QJsonValue &value);

    QJsonValue m_value;
};

} // namespace Switchboard
