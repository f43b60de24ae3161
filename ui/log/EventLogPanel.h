#pragma once
// The event log dock: the table of every event, and the filter over it (free text,
// a kind or the conformance trace, the selected subtree), with a line that says
// when a filter hides events and clears it in one click.

#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QToolButton;

namespace suplab {

struct Event;
class EventFilterProxy;
class EventLogModel;

class EventLogPanel final : public QWidget {
    Q_OBJECT
  public:
    explicit EventLogPanel(QWidget* parent = nullptr);

    void append(const std::vector<Event>& events);
    /// A new run: an empty log and no filter (a filter left from the last scenario
    /// would hide this one's events without a word).
    void reset();
    /// The subtree the "selected subtree only" box filters on.
    void setSelected(const QString& path);
    /// Writes the whole log (or what the filter shows) as CSV or JSONL; an error or empty.
    QString exportLog(const QString& file, bool filtered) const;

    EventLogModel& model() { return *model_; }
    EventFilterProxy& proxy() { return *proxy_; }
    QLineEdit& textFilter() { return *text_; }
    QComboBox& kindFilter() { return *kind_; }
    /// What the filter line says ("12 of 340 events shown"), empty when nothing is hidden.
    QString filterSummary() const;

  Q_SIGNALS:
    /// A row was clicked: the process it is about.
    void pathActivated(const QString& path);

  private:
    void applyFilter();
    void updateSummary();

    EventLogModel* model_ = nullptr;
    EventFilterProxy* proxy_ = nullptr;
    QTableView* view_ = nullptr;
    QLineEdit* text_ = nullptr;
    QComboBox* kind_ = nullptr;
    QCheckBox* subtree_ = nullptr;
    QCheckBox* follow_ = nullptr;
    QLabel* summary_ = nullptr;
    QToolButton* clear_ = nullptr;
    QString selected_;
};

} // namespace suplab
