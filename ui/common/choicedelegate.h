#pragma once

#include <QStyledItemDelegate>

namespace Switchboard {

// A table column whose cells take one of a few choices, picked from a list. The cell shows the
// choice's words and keeps its value in Qt::UserRole.
class ChoiceDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    struct Choice
    {
        QString value;
        QString text;
    };
    ChoiceDelegate(QList<Choice> choices, QObject *parent = nullptr);

    QString textOf(const QString &value) const;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

private:
    QList<Choice> m_choices;
};

} // namespace Switchboard
