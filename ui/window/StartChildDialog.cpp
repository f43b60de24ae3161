#include "StartChildDialog.h"

#include "help/OtpHelp.h"
#include "scenario/ScenarioCheck.h"
#include "json/Json.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace suplab {

namespace {
QString q(const std::string& s) {
    return QString::fromStdString(s);
}
} // namespace

StartChildDialog::StartChildDialog(const QString& supervisor, const QString& suggestedId,
                                   QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Start child under %1").arg(supervisor));
    auto* form = new QFormLayout(this);
    id_ = new QLineEdit(suggestedId, this);
    behaviour_ = new QComboBox(this);
    for (const auto& b : knownBehaviours())
        behaviour_->addItem(q(b));
    restart_ = new QComboBox(this);
    QStringList restartHelp;
    for (RestartType r : allOf<RestartType>()) {
        restartHelp << help::restart(r);
        restart_->addItem(QString::fromLatin1(toString(r)));
        restart_->setItemData(restart_->count() - 1, restartHelp.back(), Qt::ToolTipRole);
    }
    restart_->setToolTip(restartHelp.join(QLatin1Char('\n')));
    // Shutdown: milliseconds, brutal_kill or infinity, as in a child spec.
    shutdown_ = new QComboBox(this);
    shutdown_->setEditable(true);
    shutdown_->addItems(
        {QStringLiteral("5000"), QStringLiteral("brutal_kill"), QStringLiteral("infinity")});
    shutdown_->setToolTip(help::shutdown(ShutdownSpec::timeout(5000), false) + QLatin1Char('\n') +
                          help::shutdown(ShutdownSpec::brutalKill(), false) + QLatin1Char('\n') +
                          help::shutdown(ShutdownSpec::infinity(), false));
    id_->setAccessibleName(tr("Child id"));
    behaviour_->setAccessibleName(tr("Behaviour"));
    behaviour_->setToolTip(tr("What the worker does and shows (SupLab only: it never changes "
                              "what its supervisor does)"));
    restart_->setAccessibleName(tr("Restart type"));
    shutdown_->setAccessibleName(tr("Shutdown"));
    form->addRow(tr("id"), id_);
    form->addRow(tr("behaviour"), behaviour_);
    form->addRow(tr("restart"), restart_);
    form->addRow(tr("shutdown"), shutdown_);
    problems_ = new QLabel(this);
    problems_->setWordWrap(true);
    problems_->setStyleSheet(QStringLiteral("color: #b03a2e"));
    problems_->setAccessibleName(tr("Problems"));
    problems_->hide();
    form->addRow(problems_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void StartChildDialog::accept() {
    QStringList errors;
    if (node(&errors)) {
        QDialog::accept();
        return;
    }
    problems_->setText(errors.join(QLatin1Char('\n')));
    problems_->show();
}

NodePtr StartChildDialog::node(QStringList* errors) const {
    const QString shutdownText = shutdown_->currentText().trimmed();
    auto node = std::make_shared<NodeSpec>();
    node->id = id_->text().trimmed().toStdString();
    node->behaviour = behaviour_->currentText().toStdString();
    node->restart = fromString<RestartType>(restart_->currentText().toStdString())
                        .value_or(RestartType::Permanent);
    std::vector<ScenarioProblem> problems;
    bool isNumber = false;
    const qlonglong ms = shutdownText.toLongLong(&isNumber);
    if (shutdownText == QLatin1String("brutal_kill"))
        node->shutdown = ShutdownSpec::brutalKill();
    else if (shutdownText == QLatin1String("infinity"))
        node->shutdown = ShutdownSpec::infinity();
    else if (isNumber)
        node->shutdown = ShutdownSpec::timeout(ms);
    else
        problems.push_back(
            {"child.shutdown", "expected brutal_kill, infinity or an integer >= 0 (milliseconds), "
                               "got " +
                                   jsonQuote(shutdownText.toStdString())});
    // The scenario's own rules, so a child started here is one a scenario file could hold.
    for (ScenarioProblem& p : checkStartedChild(*node, "child"))
        problems.push_back(std::move(p));
    if (errors)
        for (const ScenarioProblem& p : problems)
            *errors << q("start_child: " + p.where + ": " + p.what);
    return problems.empty() ? node : nullptr;
}

} // namespace suplab
