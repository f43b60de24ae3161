#include "UiBench.h"

#include "canvas/TreeCanvas.h"
#include "io/ResidentMemory.h"
#include "log/EventFilterProxy.h"
#include "log/EventLogModel.h"
#include "run/RunController.h"
#include "scenario/ScenarioLoader.h"
#include "state/TreeState.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <chrono>
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

// 20 supervisors of 50 workers; each worker fails on its own about every 3 s,
// which gives about 1,000 events per second (down, restart, up).
std::string floodScenario() {
    std::string subs;
    for (int s = 0; s < 20; ++s) {
        std::string kids;
        for (int w = 0; w < 50; ++w)
            kids += (w ? "," : "") + std::string("{\"id\":\"w") + std::to_string(w) +
                    "\",\"mtbf_ms\":3000}";
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

} // namespace

int runUiBench() {
    auto loaded = loadScenarioText(floodScenario(), "flood.json");
    if (!loaded.ok()) return 1;
    const Scenario& scenario = *loaded.scenario;

    TreeState state(scenario);
    EventLogModel log;
    TreeCanvas canvas;
    canvas.resize(1400, 900);
    canvas.show();
    RunController run;
    std::vector<double> frameMs, latencyMs;
    std::int64_t events = 0;
    QObject::connect(
        &run, &RunController::eventsArrived, &canvas, [&](const std::vector<Event>& batch) {
            const std::int64_t now = run.nowUs();
            for (const auto& e : batch) {
                state.apply(e);
                latencyMs.push_back(double(std::max<std::int64_t>(0, now - e.tUs)) / 1000.0);
            }
            log.append(batch);
            events += std::int64_t(batch.size());
        });
    QTimer frame;
    frame.setInterval(16);
    QObject::connect(&frame, &QTimer::timeout, &canvas, [&] {
        QElapsedTimer t;
        t.start();
        canvas.refresh(state, run.nowUs(), {});
        canvas.viewport()->repaint(); // the paint itself, synchronously
        frameMs.push_back(double(t.nsecsElapsed()) / 1e6);
    });
    run.start(scenario, RunController::Clock::Real);
    frame.start();
    QEventLoop loop;
    QTimer::singleShot(6000, &loop, &QEventLoop::quit);
    loop.exec();
    frame.stop();
    const std::int64_t seconds = std::max<std::int64_t>(1, run.nowUs() / 1'000'000);
    run.stop();

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

    std::printf(
        "{\"frame_p95_ms\":%.2f,\"frame_max_ms\":%.2f,\"frames\":%zu,\"events_per_second\":%lld,"
        "\"event_to_frame_p95_ms\":%.1f,\"processes\":%zu,\"log_1m_events_mb\":%.0f,"
        "\"log_1m_filter_ms\":%.0f,\"log_1m_filter_rows\":%d,\"log_10m_events_mb\":%.0f,"
        "\"app_rss_at_10m_events_mb\":%.0f,\"log_10m_filter_ms\":%.0f}\n",
        percentile(frameMs, 0.95), percentile(frameMs, 1.0), frameMs.size(),
        static_cast<long long>(events / seconds), percentile(latencyMs, 0.95) + 16.0,
        state.nodes().size(), logMb, filterMs, kept, log10Mb, appMb, filter10Ms);
    return 0;
}

} // namespace suplab
