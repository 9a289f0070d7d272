#pragma once

#include <QWidget>

namespace Switchboard {

// A section that a later release fills: says plainly what will be here. No fake content.
class PlaceholderView final : public QWidget
{
    Q_OBJECT

public:
    PlaceholderView(const QString &title, const QString &explanation, QWidget *parent = nullptr);
};

} // namespace Switchboard
