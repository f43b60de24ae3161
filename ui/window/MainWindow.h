#pragma once
// SupLab's main window: the tree canvas in the middle (with the notice and find
// bars over it); inspector, event log and charts in docks; clock controls in the
// tool bar; examples, files and exports in the menus. Each piece lives in its own
// file; this one puts them together and runs the scenario.

#include "control/RunController.h"
#include "elixir/ElixirImporter.h"
#include "scenario/Scenario.h"
#include "window/InspectorHtml.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>
#include <memory>
#include <optional>

class QAction;
class QDoubleSpinBox;
class QLabel;
class QMenu;
class QTextBrowser;

namespace suplab {

class AnalysisPanel;
class CompareWindow;
class ConsolePanel;
class EventLogModel;
class EventLogPanel;
class EventRecorder;
class FindBar;
class LifeTimeline;
class NoticeBar;
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
    /// Opens the lesson's session `index` (ExampleCatalog.h's kLessonSessions): its tree,
    /// and its lines in the console, ready to run one by one.
    bool openLesson(std::size_t index);
    /// Shows the console dock (brought back if it was closed) and puts the keyboard there.
    void showConsole();
    void useVirtualClock(bool on);
    /// Opens compare mode on the current scenario (nullptr when none is loaded).
    CompareWindow* openCompare();
    /// Shows the Analysis panel and analyses the current tree there (Run > Analyze resilience).
    void analyze();
    AnalysisPanel& analysisPanel() { return *analysis_; }

    // For tests and scripted screenshots.
    RunController& controller() { return controller_; }
    TreeCanvas& canvas() { return *canvas_; }
    EventLogModel& logModel();
    EventLogPanel& logPanel() { return *log_; }
    ConsolePanel& console() { return *console_; }
    NoticeBar& notice() { return *notice_; }
    FindBar& findBar() { return *find_; }
    const TreeState* treeState() const { return state_.get(); }
    /// The inspector's text as shown (plain), for tests.
    QString inspectorText() const;
    /// Selects `path` as a click would (empty: nothing).
    void select(const QString& path);
    /// Forgets the "gave up" mark of `path` on the canvas and the script bar.
    void dismissGiveUp(const QString& path);
    /// Writes the whole log (or the filtered view) as CSV or JSONL; an error message or empty.
    QString exportLog(const QString& file, bool filtered);
    void performAction(const QString& path, const QString& action, const QString& argument = {});

    /// Reads an Elixir module into a scenario and runs it (as File > Import Elixir does);
    /// false when nothing could be made of it, and the current run goes on.
    bool importElixir(const QString& source, const QString& label);
    /// Runs what an import made (the dialog's result, already read); false if it made nothing.
    /// `source`'s functions can be called from the console.
    bool runImported(const ImportResult& result, const QString& label, const QString& source);
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
    void use(Scenario scenario, const QString& label, const QString& fileForRecent,
             RunStart how = {});
    void restart();
    void buildDocks();
    void buildFileMenu();
    void buildRunMenu();
    void buildViewMenu();
    void onEvents(const std::vector<Event>& events);
    void onFrame();
    void onSelected(const QString& path);
    void onEscape();
    void pollLiveState();
    void showContextMenu(const QString& path, const QPoint& globalPos);
    void updateInspector();
    void updateRecentMenu();
    void updateStatus();
    void startChildDialog(const QString& supervisor);
    QString nextChildId(const QString& supervisor) const;
    void exportDialog(bool filtered);
    void importDialog();
    void importProjectDialog();
    /// An .ex file or a Mix project's folder through the importer; the dialog shows first
    /// when `askFirst` or when something was not read. False when nothing runs.
    bool importElixirPath(const QString& path, bool askFirst);
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
    NoticeBar* notice_ = nullptr;
    FindBar* find_ = nullptr;
    EventLogPanel* log_ = nullptr;
    ConsolePanel* console_ = nullptr;
    AnalysisPanel* analysis_ = nullptr;
    QStringList importAssumed_;           // what the import of the next scenario assumed
    QPointer<QWidget> focusBeforeCanvas_; // where the keyboard was before the canvas took it
    RunStart runStart_;                   // how the current scenario's runs begin
    QTextBrowser* inspector_ = nullptr;
    RestartChart* chart_ = nullptr;
    LifeTimeline* lives_ = nullptr;
    ScriptTimeline* timeline_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QMenu* speedMenu_ = nullptr;
    QAction* virtualAction_ = nullptr;
    QAction* recordAction_ = nullptr;
    std::unique_ptr<EventRecorder> recorder_;
    QAction* pauseAction_ = nullptr;
    QAction* stepAction_ = nullptr;
    QDoubleSpinBox* speed_ = nullptr;
    QLabel* clockLabel_ = nullptr;
    QTimer frame_;
    QTimer poll_;
    int chartTick_ = 0;
    std::size_t pollCursor_ = 0; // where the last poll of live state stopped
    QString selected_;
    QHash<QString, QString> liveText_;
    InspectorAnswer inspected_;
    QString inspectorHtml_;
};

} // namespace suplab
