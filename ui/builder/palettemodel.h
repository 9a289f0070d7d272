#pragma once

#include <QStandardItemModel>

namespace Switchboard {

// The builder's palette: every step type, and for module calls every module's actions,
// grouped (Flow, People and messages, Modules). Each entry carries the new step's JSON, which
// is what a drag onto the canvas or a double-click inserts.
class PaletteModel final : public QStandardItemModel
{
    Q_OBJECT

public:
    enum Role { NodeRole = Qt::UserRole + 1 };

    explicit PaletteModel(QObject *parent = nullptr);

    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
};

} // namespace Switchboard
