#pragma once
// SupLab's main window: the tree canvas in the middle; inspector, event log and
// charts in docks; clock controls in the tool bar; examples, files and exports
// in the menus.

#include "elixir/ElixirImporter.h"
#include "run/RunController.h"
#include "scenario/Scenario.h"

#include <QHash>
#include <QMainWindow>
#include <QTimer>
#include <memory>
#include <optional>

class QAction;
class QActionGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QTableView;
class QTextBrowser;
class QDoubleSpinBox;

namespace suplab {

class CompareWindow;
class EventRecorder;
class EventFilterProxy;
class EventLogModel;
class LifeTimeline;
class RestartChart;
class ScriptTimeline;
class TreeCanvas;
class TreeState;

class MainWindow final : public QMainWindow {
    Q_OBJECT
  public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Loads and runs a scenario file; on error shows the problems and keeps the current run.
    bool openFile(const QString& path);
    /// Loads and runs a built-in example (a resource path such as ":/scenarios/01_...json").
    bool openExample(const QString& resourcePath);
    void useVirtualClock(bool on);
    /// Opens compare mode on the current scenario (nullptr when none is loaded).
    CompareWindow* openCompare();

    // For tests and scripted screenshots.
    RunController& controller() { return controller_; }
    TreeCanvas& canvas() { return *canvas_; }
    EventLogModel& logModel() { return *logModel_; }
    EventFilterProxy& logFilter() { return *logProxy_; }
    const TreeState* treeState() const { return state_.get(); }
    /// Writes the whole log (or the filtered view) as CSV or JSONL; an error message or empty.
    QString exportLog(const QString& file, bool filtered);
    void performAction(const QString& path, const QString& action, const QString& argument = {});

    /// Reads an Elixir module into a scenario and runs it (as File > Import Elixir does);
    /// false when nothing could be made of it, and the current run goes on.
    bool importElixir(const QString& source, const QString& label);
    /// Runs what an import made (the dialog's result, already read); false if it made nothing.
    bool runImported(const ImportResult& result, const QString& label);
    /// Saves the current scenario as a format-1 file; an error message, or empty.
    QString saveScenario(const QString& file);
    /// Exports the tree as svg, png, mermaid, dot or elixir; an error message, or empty.
    QString exportTree(const QString& file, const QString& format);

    /// Streams the event log to `file` as JSON Lines from now on (what is already in
    /// the log first); an error message, or empty.
    QString startRecording(const QString& file);
    /// Writes what is queued and closes the file; `why` goes to the status bar.
    void stopRecording(const QString& why);
    bool recording() const { return recorder_ != nullptr; }

  private:
    bool load(const QByteArray& text, const QString& label, const QString& fileForRecent);
    /// Makes `scenario` the current one and runs it.
    void use(Scenario scenario, const QString& label, const QString& fileForRecent);
    void restart();
    void buildMenus();
    void buildDocks();
    void onEvents(const std::vector<Event>& events);
    void onFrame();
    void onSelected(const QString& path);
    void showContextMenu(const QString& path, const QPoint& globalPos);
    void updateInspector();
    void updateRecentMenu();
    void updateStatus();
    void startChildDialog(const QString& supervisor);
    void exportDialog(bool filtered);
    void applyLogFilter();
    void importDialog();
    void saveScenarioDialog();
    void rememberRecent(const QString& file);
    void rememberDir(const QString& file);
    QString suggestedName(const QString& format) const;

    RunController controller_;
    std::optional<Scenario> scenario_;
    QString scenarioLabel_;
    QString currentFile_;
    std::unique_ptr<TreeState> state_;
    TreeCanvas* canvas_ = nullptr;
    EventLogModel* logModel_ = nullptr;
    EventFilterProxy* logProxy_ = nullptr;
    QTableView* logView_ = nullptr;
    QLineEdit* logText_ = nullptr;
    QComboBox* logKind_ = nullptr;
    QCheckBox* logSubtree_ = nullptr;
    QCheckBox* logFollow_ = nullptr;
    QTextBrowser* inspector_ = nullptr;
    RestartChart* chart_ = nullptr;
    LifeTimeline* lives_ = nullptr;
    ScriptTimeline* timeline_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QAction* virtualAction_ = nullptr;
    QAction* recordAction_ = nullptr;
    std::unique_ptr<EventRecorder> recorder_;
    QAction* pauseAction_ = nullptr;
    QAction* stepAction_ = nullptr;
    QDoubleSpinBox* speed_ = nullptr;
    QLabel* clockLabel_ = nullptr;
    QTimer frame_;
    QTimer poll_;
    bool dirty_ = false;
    int chartTick_ = 0;
    QString selected_;
    QHash<QString, QString> liveText_;
    QString inspectedText_;
    std::vector<ChildInfo> inspectedChildren_;
    ChildCounts inspectedCounts_;
};

} // namespace suplab
