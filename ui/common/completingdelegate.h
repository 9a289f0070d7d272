#pragma once

#include <QStringList>
#include <QStyledItemDelegate>

namespace Switchboard {

// A table column of text cells that offer completions as you type: any suggestion containing
// what was typed so far (for payloads: "{{ input.patient_id }}", "{{ steps.book.output.slot }}").
class CompletingDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void setSuggestions(const QStringList &suggestions) { m_suggestions = suggestions; }
    QStringList suggestions() const { return m_suggestions; }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;

private:
    QStringList m_suggestions;
};

} // namespace Switchboard
