#pragma once

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QSpinBox;
class QTimeEdit;

namespace Switchboard {

// A maintenance window: for a module, a rule or both; once (from–until) or every day or some
// weekdays at a local time for so many minutes. Opened non-modally; silenceRequested carries
// the definition the core checks (Silence::fromJson).
class SilenceDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SilenceDialog(const QDateTime &now, QWidget *parent = nullptr);

    // Starts from the alert's module and rule.
    void prefill(const QString &module, const QString &rule);
    QJsonObject definition() const;
    // "Module down" for module_down, and so on; the id itself when unknown.
    static QString ruleLabel(const QString &rule);

    QComboBox *moduleBox() const { return m_module; }
    QComboBox *ruleBox() const { return m_rule; }
    QComboBox *repeatBox() const { return m_repeat; }
    QLineEdit *commentEdit() const { return m_comment; }

Q_SIGNALS:
    void silenceRequested(const QJsonObject &definition);

private:
    void updateFields();

    QComboBox *m_module;
    QComboBox *m_rule;
    QComboBox *m_repeat;
    QDateTimeEdit *m_starts;
    QDateTimeEdit *m_ends;
    QCheckBox *m_noEnd;
    QTimeEdit *m_from;
    QSpinBox *m_minutes;
    QList<QCheckBox *> m_days;
    QLineEdit *m_comment;
};

} // namespace Switchboard
