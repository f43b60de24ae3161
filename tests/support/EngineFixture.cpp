#include "EngineFixture.h"

#include "events/EventFormat.h"
#include "supervision/ChildFactory.h"

#include <QTest>

namespace suplab::test {

std::shared_ptr<NodeSpec> w(std::string id, RestartType restart) {
    auto n = std::make_shared<NodeSpec>();
    n->id = std::move(id);
    n->restart = restart;
    return n;
}

std::shared_ptr<NodeSpec> sup(std::string id, Strategy strategy,
                              std::vector<std::shared_ptr<NodeSpec>> children, int maxRestarts,
                              int maxSeconds) {
    auto n = std::make_shared<NodeSpec>();
    n->id = std::move(id);
    n->type = NodeType::Supervisor;
    n->shutdown = ShutdownSpec::infinity();
    n->strategy = strategy;
    n->max_restarts = maxRestarts;
    n->max_seconds = maxSeconds;
    for (auto& c : children)
        n->children.push_back(std::move(c));
    return n;
}

std::shared_ptr<NodeSpec> dynsup(std::string id, int maxRestarts, int maxChildren) {
    auto n = std::make_shared<NodeSpec>();
    n->id = std::move(id);
    n->type = NodeType::DynamicSupervisor;
    n->shutdown = ShutdownSpec::infinity();
    n->max_restarts = maxRestarts;
    n->max_children = maxChildren;
    return n;
}

Tree::Tree(NodePtr root, ClockKind clock, unsigned threads)
    : engine_(std::make_unique<EngineCore>(clock, 0, threads)) {
    engine_->events().addSink(&log_);
    engine_->scheduler().resetClock();
    auto outcome = engine_->port().startLinked(makeProcess(engine_->runtime(), root->id, root));
    root_ = outcome.pid;
    startReason_ = outcome.reason;
    ignored_ = outcome.ignored;
}

Tree::~Tree() {
    engine_->shutdown();
    engine_->events().removeSink(&log_);
}

Pid Tree::running(const std::string& path) {
    const Pid p = pid(path);
    const std::string why = "nothing runs at " + path;
    QTest::qVerify(p != kNoPid, "running(path)", why.c_str(), __FILE__, __LINE__);
    return p;
}

CallResult Tree::call(const std::string& supPath, CallRequest request) {
    const Pid target = running(supPath);
    if (target == kNoPid) return CallResult::failure(CallError::BadRequest);
    return engine_->port().call(target, std::move(request));
}

CallResult Tree::startChild(const std::string& supPath, NodePtr spec) {
    CallRequest r;
    r.op = CallOp::StartChild;
    r.spec = std::move(spec);
    return call(supPath, std::move(r));
}

CallResult Tree::terminateChild(const std::string& supPath, const std::string& id) {
    CallRequest r;
    r.op = CallOp::TerminateChild;
    r.id = id;
    r.pid = pid(supPath + "/" + id);
    return call(supPath, std::move(r));
}

CallResult Tree::restartChild(const std::string& supPath, const std::string& id) {
    CallRequest r;
    r.op = CallOp::RestartChild;
    r.id = id;
    return call(supPath, std::move(r));
}

CallResult Tree::deleteChild(const std::string& supPath, const std::string& id) {
    CallRequest r;
    r.op = CallOp::DeleteChild;
    r.id = id;
    return call(supPath, std::move(r));
}

CallResult Tree::getChildSpec(const std::string& supPath, const std::string& id) {
    CallRequest r;
    r.op = CallOp::GetChildSpec;
    r.id = id;
    r.pid = pid(supPath + "/" + id);
    return call(supPath, std::move(r));
}

CallResult Tree::changeCode(const std::string& supPath, NodePtr next) {
    CallRequest r;
    r.op = CallOp::ChangeCode;
    r.spec = std::move(next);
    return call(supPath, std::move(r));
}

std::vector<ChildInfo> Tree::whichChildren(const std::string& supPath) {
    CallRequest r;
    r.op = CallOp::WhichChildren;
    return call(supPath, std::move(r)).children;
}

ChildCounts Tree::countChildren(const std::string& supPath) {
    CallRequest r;
    r.op = CallOp::CountChildren;
    return call(supPath, std::move(r)).counts;
}

std::string Tree::childrenText(const std::string& supPath) {
    std::string out;
    for (const auto& c : whichChildren(supPath)) {
        if (!out.empty()) out += ' ';
        out += c.id + ':' +
               (c.state == ChildState::Running      ? "running"
                : c.state == ChildState::Restarting ? "restarting"
                                                    : "undefined");
    }
    return out;
}

void Tree::exit(const std::string& path, Reason reason) {
    const Pid target = running(path);
    if (target == kNoPid) return;
    engine_->port().sendExit(target, std::move(reason));
    wait(0);
}

void Tree::crash(const std::string& path, Reason reason) {
    const Pid target = running(path);
    if (target == kNoPid) return;
    engine_->port().send(target, CrashMsg{std::move(reason)});
    wait(0);
}

void Tree::wait(std::int64_t ms) {
    engine_->port().sleepUntil(engine_->runtime().nowUs() + ms * 1000);
}

bool Tree::waitUntil(const std::function<bool()>& condition, std::int64_t timeoutMs) {
    const std::int64_t deadlineUs = engine_->runtime().nowUs() + timeoutMs * 1000;
    while (!condition()) {
        if (engine_->runtime().nowUs() >= deadlineUs) return false;
        wait(1);
    }
    return true;
}

std::optional<Reason> Tree::stop() {
    if (!QTest::qVerify(root_ != kNoPid, "stop()", "the root never started", __FILE__, __LINE__))
        return std::nullopt;
    engine_->port().sendExit(root_, Reason::shutdown());
    return engine_->port().awaitExit(root_);
}

std::string Tree::trace() const {
    return conformanceTrace(log_.snapshot());
}

} // namespace suplab::test
