#pragma once

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace Switchboard {

// Re-running an execution from one of its steps: pick the step, keep or correct the input, and
// see before anything runs which module calls would be made again — which of them reach the
// outside world (messages, payments, bookings, video visits) and which the idempotency key
// keeps from acting twice. "Re-run" is offered only for the preview on screen: a change to
// the step or the input asks for a new one.
class RerunDialog final : public QDialog
{
    Q_OBJECT

public:
    // execution: as the page shows it; names: the steps' names by id; fromStep: preselected.
    RerunDialog(const QJsonObject &execution, const QHash<QString, QString> &names,
                const QString &fromStep, QWidget *parent = nullptr);

    // Orchestrator::rerunPreviewReady's, for the step and input last asked about.
    void showPreview(const QJsonObject &preview);
    void showFailure(const QString &message);

    QString fromStep() const;
    // The corrected input, or nullopt to keep the original's; an error names the line.
    std::optional<QJsonObject> input(QString *error = nullptr) const;

    // A call's fate in words, for the preview list.
    static QString outcomeText(const QString &outcome, const QString &effect);

Q_SIGNALS:
    void previewRequested(const QString &executionId, const QString &fromStep,
                          const std::optional<QJsonObject> &input);
    void rerunRequested(const QString &executionId, const QString &fromStep,
                        const std::optional<QJsonObject> &input);

private:
    void askPreview();
    void changed();

    QString m_id;
    QComboBox *m_step;
    QCheckBox *m_edit;
    QPlainTextEdit *m_input;
    QLabel *m_inputError;
    QTreeWidget *m_calls;
    QLabel *m_summary;
    QPushButton *m_check;
    QPushButton *m_run;
    QDialogButtonBox *m_buttons;
    bool m_current = false; // the preview shown is for the step and input on screen
};

} // namespace Switchboard
