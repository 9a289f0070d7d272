#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;

namespace Switchboard {

class SaveBar;

// A page of the clinic's settings, one row each: a label, the value as the env file writes it,
// and a line saying what it does and how it stands (set in a file and locked, changed by whom,
// waiting for a restart). Save sends what was changed, all together; a refusal marks the row.
class SettingsForm final : public QWidget
{
    Q_OBJECT

public:
    SettingsForm(const QStringList &names, QWidget *parent = nullptr);

    // SettingsDesk::list(); rows not on this page are ignored.
    void setSettings(const QJsonArray &settings);
    bool has(const QString &name) const;
    // Marks the row of name with why it was refused.
    void showRefusal(const QString &name, const QString &message);
    void showChanged(const QJsonObject &result);
    QLineEdit *field(const QString &name) const;
    QString statusText() const;

Q_SIGNALS:
    void changeRequested(const QJsonObject &values);

private:
    struct Row
    {
        QString name;
        QLineEdit *edit;
        QLabel *note;
        QString help;
        QString value; // as the core has it
    };

    void updateButtons();
    QJsonObject changes() const;

    QList<Row> m_rows;
    SaveBar *m_bar;
};

} // namespace Switchboard
