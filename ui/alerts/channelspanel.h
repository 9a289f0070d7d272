#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace Switchboard {

// Where alerts go: the channels with how their last delivery went, and a form for one channel
// (its type's settings; the secret typed here goes to the keychain and is never shown again).
class ChannelsPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit ChannelsPanel(QWidget *parent = nullptr);

    void setChannels(const QJsonArray &channels);
    // The core's answers to saveRequested and testRequested.
    void showSaved(const QString &id);
    void showFailed(const QString &id, const QString &message);
    void showTested(const QString &id, bool ok, const QString &message);

    // The form's channel, as ChannelConfig::fromJson reads it.
    QJsonObject definition() const;
    void editChannel(const QString &id);
    void newChannel(const QString &type);
    QString statusText() const;
    int channelCount() const;

    QLineEdit *field(const QString &name) const; // "id", "name", "secret", "smtp_url", …
    QComboBox *typeBox() const { return m_type; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *testButton() const { return m_test; }

Q_SIGNALS:
    void saveRequested(const QJsonObject &definition, const QString &secret);
    void removeRequested(const QString &id);
    void testRequested(const QString &id);

private:
    void updateFields();
    void setDefaultSeverities(const QString &type);
    void say(const QString &text, bool bad);

    QJsonArray m_channels;
    QListWidget *m_list;
    QComboBox *m_type;
    QCheckBox *m_enabled;
    QCheckBox *m_critical;
    QCheckBox *m_warning;
    QCheckBox *m_info;
    QCheckBox *m_sendResolved;
    QSpinBox *m_perMinute;
    QHash<QString, QLineEdit *> m_fields;
    QFormLayout *m_form;
    QLabel *m_secretLabel;
    QLabel *m_urlLabel;
    QLabel *m_status;
    QPushButton *m_save;
    QPushButton *m_test;
    QPushButton *m_remove;
};

} // namespace Switchboard
