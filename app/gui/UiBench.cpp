#include "UiBench.h"

#include "TimedApplication.h"
#include "canvas/TreeCanvas.h"
#include "control/RunController.h"
#include "io/ResidentMemory.h"
#include "log/EventFilterProxy.h"
#include "log/EventLogModel.h"
#include "state/TreeState.h"
#include "window/MainWindow.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QSettings>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace suplab {

namespace {

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(double(v.size()) * p))];
}

/// `sups` supervisors of `workers` workers; each worker fails on its own about every
/// `mtbfMs`, which gives 3 events (down, restart, up) per failure.
std::string floodScenario(int sups, int workers, int mtbfMs) {
    std::string subs;
    for (int s = 0; s < sups; ++s) {
        std::string kids;
        for (int w = 0; w < workers; ++w)
            kids += (w ? "," : "") + std::string("{\"id\":\"w") + std::to_string(w) +
                    "\",\"mtbf_ms\":" + std::to_string(mtbfMs) + "}";
        subs +=
            (s ? "," : "") + std::string("{\"id\":\"S") + std::to_string(s) +
            "\",\"type\":\"supervisor\",\"max_restarts\":1000000,\"max_seconds\":1,\"children\":[" +
            kids + "]}";
    }
    return "{\"name\":\"flood\",\"stop_at_end\":false,\"seed\":1,\"root\":{\"id\":\"Flood\","
           "\"type\":\"supervisor\","
           "\"max_restarts\":1000000,\"max_seconds\":1,\"children\":[" +
           subs + "]}}";
}

/// Runs the event loop until `done` or `ms` pass; false on timeout.
template <typename Done> bool runUntil(Done done, int ms) {
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > ms) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

struct TreeFigures {
    const char* name;
    double upMs = -1;
    double frameP95 = 0, frameMax = 0, latencyP95 = 0;
    std::size_t frames = 0, processes = 0, boxes = 0;
    long long eventsPerSecond = 0;
};

/// The real main window on `sups` x `workers` workers failing at random: how long the
/// tree takes to be up and drawn, then each frame's work for `seconds`.
TreeFigures measureTree(TimedApplication& app, const char* name, int sups, int workers, int mtbfMs,
                        bool unfold, int seconds) {
    TreeFigures f;
    f.name = name;
    const QString file = QDir::temp().filePath(
        QStringLiteral("suplab-bench-%1.json").arg(QCoreApplication::applicationPid()));
    {
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly)) return f;
        out.write(QByteArray::fromStdString(floodScenario(sups, workers, mtbfMs)));
    }
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    runUntil([] { return false; }, 300); // mapped and painted once
    const std::size_t expected = std::size_t(1 + sups + sups * workers);
    QElapsedTimer up;
    up.start();
    window.openFile(file);
    QFile::remove(file);
    const QString root = QStringLiteral("Flood");
    const bool allUp = runUntil(
        [&] {
            const TreeState* state = window.treeState();
            if (!state || state->nodes().size() != expected || !window.canvas().item(root))
                return false;
            for (const auto& [path, node] : state->nodes())
                if (node.state != ProcessState::Running) return false;
            return true;
        },
        20000);
    if (allUp) f.upMs = double(up.nsecsElapsed()) / 1e6;
    if (unfold)
        for (int s = 0; s < sups; ++s)
            window.canvas().setFolded(QStringLiteral("Flood/S%1").arg(s), false);
    runUntil([] { return false; }, 500); // the unfolded layout drawn, before measuring
    RunController& run = window.controller();
    std::vector<double> latencyMs;
    std::int64_t events = 0;
    QObject::connect(
        &run, &RunController::eventsArrived, &window, [&](const std::vector<Event>& batch) {
            const std::int64_t now = run.nowUs();
            for (const auto& e : batch)
                latencyMs.push_back(double(std::max<std::int64_t>(0, now - e.tUs)) / 1000.0);
            events += std::int64_t(batch.size());
        });
    const std::int64_t startUs = run.nowUs();
    app.startFrames();
    runUntil([] { return false; }, seconds * 1000);
    const std::vector<double> frames = app.takeFrames();
    const double elapsedS = std::max(0.001, double(run.nowUs() - startUs) / 1e6);
    f.frameP95 = percentile(frames, 0.95);
    f.frameMax = percentile(frames, 1.0);
    f.frames = frames.size();
    // An event waits for the next drain (16 ms) and then for the next frame (33 ms).
    f.latencyP95 = percentile(latencyMs, 0.95) + 33.0;
    f.eventsPerSecond = static_cast<long long>(double(events) / elapsedS);
    f.processes = window.treeState() ? window.treeState()->nodes().size() : 0;
    for (auto* item : window.canvas().scene().items())
        if (dynamic_cast<ProcessItem*>(item)) ++f.boxes;
    return f;
}

} // namespace

int runUiBench(TimedApplication& app) {
    QCoreApplication::setOrganizationName(QStringLiteral("SupLabBench"));
    QSettings().clear(); // the bench's window starts from no preferences
    const TreeFigures trees[] = {
        // 20 x 50 workers failing every 3 s: about 1,000 events per second.
        measureTree(app, "tree_1k", 20, 50, 3000, false, 6),
        measureTree(app, "tree_1k_unfolded", 20, 50, 3000, true, 6),
        // 100 x 100 workers failing every 30 s: about 1,000 events per second.
        measureTree(app, "tree_10k", 100, 100, 30000, false, 6),
    };
    std::string json = "{\"platform\":\"" + QGuiApplication::platformName().toStdString() + "\"";
    for (const auto& t : trees) {
        char buffer[512];
        std::snprintf(buffer, sizeof buffer,
                      ",\"%s\":{\"processes\":%zu,\"boxes_drawn\":%zu,\"up_ms\":%.0f,"
                      "\"events_per_second\":%lld,\"frame_p95_ms\":%.2f,\"frame_max_ms\":%.2f,"
                      "\"frames\":%zu,\"event_to_frame_p95_ms\":%.1f}",
                      t.name, t.processes, t.boxes, t.upMs, t.eventsPerSecond, t.frameP95,
                      t.frameMax, t.frames, t.latencyP95);
        json += buffer;
    }

    // The event log at 1,000,000 events: memory and the time of one filter pass.
    EventLogModel big;
    EventFilterProxy proxy;
    proxy.setSourceModel(&big);
    const std::int64_t before = residentBytes();
    std::vector<Event> batch;
    batch.reserve(10'000);
    int made = 0;
    auto fillTo = [&](int total) {
        for (int i = made; i < total; ++i) {
            Event e;
            e.seq = std::uint64_t(i + 1);
            e.tUs = i * 100;
            e.kind = i % 3 == 0 ? EventKind::Down : i % 3 == 1 ? EventKind::Restart : EventKind::Up;
            e.path = "Flood/S" + std::to_string(i % 20) + "/w" + std::to_string(i % 50);
            e.pid = Pid(i + 100);
            if (e.kind == EventKind::Down) e.reason = "random_failure";
            if (e.kind == EventKind::Restart)
                e.detail = "one_for_one: restarting w" + std::to_string(i % 50) + ", " +
                           std::to_string(i % 4) + "/3 restarts in 5 s";
            batch.push_back(std::move(e));
            if (batch.size() == batch.capacity()) {
                big.append(batch);
                batch.clear();
            }
        }
        made = total;
    };
    auto filterPass = [&](double& ms) {
        QElapsedTimer filterTime;
        filterTime.start();
        proxy.setFilter(QStringLiteral("random"), {int(EventKind::Down)},
                        QStringLiteral("Flood/S7"));
        ms = double(filterTime.nsecsElapsed()) / 1e6;
        return proxy.rowCount();
    };
    fillTo(1'000'000);
    const double logMb = double(residentBytes() - before) / (1024.0 * 1024.0);
    double filterMs = 0;
    const int kept = filterPass(filterMs);
    // And at 10,000,000 (issue: the app stays under 2 GB): the log's growth and the
    // whole app's resident size.
    proxy.setFilter({}, {}, {});
    fillTo(10'000'000);
    const double log10Mb = double(residentBytes() - before) / (1024.0 * 1024.0);
    const double appMb = double(residentBytes()) / (1024.0 * 1024.0);
    double filter10Ms = 0;
    filterPass(filter10Ms);

    char buffer[512];
    std::snprintf(buffer, sizeof buffer,
                  ",\"log_1m_events_mb\":%.0f,\"log_1m_filter_ms\":%.0f,\"log_1m_filter_rows\":%d,"
                  "\"log_10m_events_mb\":%.0f,\"app_rss_at_10m_events_mb\":%.0f,"
                  "\"log_10m_filter_ms\":%.0f}\n",
                  logMb, filterMs, kept, log10Mb, appMb, filter10Ms);
    json += buffer;
    std::fputs(json.c_str(), stdout);
    return 0;
}

} // namespace suplab
