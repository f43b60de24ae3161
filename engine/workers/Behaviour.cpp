#include "Behaviour.h"

#include "json/Json.h"

#include <array>
#include <deque>
#include <map>
#include <set>

namespace suplab {

namespace {

/// The text of a string or an atom argument (a user name, a message); empty otherwise.
std::string textOf(const Value& v) {
    if (v.kind == Value::Kind::String) return v.text;
    if (v.kind == Value::Kind::Atom) return v.moduleName().empty() ? v.text : v.moduleName();
    return inspect(v);
}

class Generic final : public Behaviour {
  public:
    std::string describe() const override { return {}; }
    std::optional<Value> call(std::string_view function, std::span<const Value>) override {
        if (function == "ping") return Value::atom("pong");
        return std::nullopt;
    }
};

class Counter final : public Behaviour {
  public:
    explicit Counter(std::int64_t initial) : value_(initial) {}
    std::string describe() const override { return "count=" + std::to_string(value_); }
    std::optional<Value> call(std::string_view function, std::span<const Value> args) override {
        if (function == "get_count" && args.empty()) return Value::integerOf(value_);
        if (function == "increment" && args.size() <= 1) {
            if (!args.empty() && args[0].kind != Value::Kind::Integer) return std::nullopt;
            value_ += args.empty() ? 1 : args[0].integer;
            return Value::ok();
        }
        return std::nullopt;
    }

  private:
    std::int64_t value_;
};

class KvStore final : public Behaviour {
  public:
    std::string describe() const override {
        std::string out =
            std::to_string(entries_.size()) + (entries_.size() == 1 ? " key" : " keys");
        for (std::size_t i = 0; i < entries_.size() && i < 3; ++i)
            out +=
                (i ? ", " : ": ") + inspect(entries_[i].first) + "=" + inspect(entries_[i].second);
        return out;
    }
    std::optional<Value> call(std::string_view function, std::span<const Value> args) override {
        if (function == "put" && args.size() == 2) {
            if (Value* v = find(args[0]))
                *v = args[1];
            else
                entries_.emplace_back(args[0], args[1]);
            return Value::ok();
        }
        if (function == "get" && args.size() == 1) {
            const Value* v = find(args[0]);
            return v ? *v : Value::nil();
        }
        if (function == "delete" && args.size() == 1) {
            std::erase_if(entries_, [&](const auto& e) { return e.first == args[0]; });
            return Value::ok();
        }
        return std::nullopt;
    }

  private:
    Value* find(const Value& key) {
        for (auto& [k, v] : entries_)
            if (k == key) return &v;
        return nullptr;
    }
    std::vector<std::pair<Value, Value>> entries_; // in the order first put
};

class ChatRoom final : public Behaviour {
  public:
    std::string describe() const override {
        std::string out = std::to_string(users_.size()) + (users_.size() == 1 ? " user" : " users");
        int shown = 0;
        for (const auto& u : users_) {
            out += (shown ? ", " : ": ") + u;
            if (++shown == 5) break;
        }
        return out + "; " + std::to_string(messages_.size()) + " messages";
    }
    std::optional<Value> call(std::string_view function, std::span<const Value> args) override {
        if (function == "join" && args.size() == 1) {
            users_.insert(textOf(args[0]));
            return Value::ok();
        }
        if (function == "leave" && args.size() == 1) {
            users_.erase(textOf(args[0]));
            return Value::ok();
        }
        if (function == "send_message" && args.size() == 2) {
            messages_.emplace_back(textOf(args[0]), textOf(args[1]));
            if (messages_.size() > 100) messages_.pop_front();
            return Value::ok();
        }
        if ((function == "users" || function == "get_users") && args.empty()) {
            std::vector<Value> list;
            for (const auto& u : users_)
                list.push_back(Value::string(u));
            return Value::list(std::move(list));
        }
        if ((function == "messages" || function == "get_messages") && args.empty()) {
            std::vector<Value> list;
            for (const auto& [who, text] : messages_)
                list.push_back(Value::tuple({Value::string(who), Value::string(text)}));
            return Value::list(std::move(list));
        }
        return std::nullopt;
    }

  private:
    std::set<std::string> users_;
    std::deque<std::pair<std::string, std::string>> messages_; // who, text; the last 100
};

class Logger final : public Behaviour {
  public:
    std::string describe() const override {
        return std::to_string(total_) + " entries" +
               (entries_.empty() ? "" : "; last: " + entries_.back());
    }
    std::optional<Value> call(std::string_view function, std::span<const Value> args) override {
        if (function == "log" && args.size() == 1) {
            entries_.push_back(textOf(args[0]));
            ++total_;
            if (entries_.size() > 100) entries_.pop_front();
            return Value::ok();
        }
        if ((function == "logs" || function == "get_logs") && args.empty()) {
            std::vector<Value> list;
            for (const auto& e : entries_)
                list.push_back(Value::string(e));
            return Value::list(std::move(list));
        }
        if (function == "count" && args.empty()) return Value::integerOf(total_);
        return std::nullopt;
    }

  private:
    std::deque<std::string> entries_; // the last 100
    std::int64_t total_ = 0;
};

constexpr std::array<BehaviourFunction, 2> kCounter{
    {{"get_count", 0, false}, {"increment", 1, false}}};
constexpr std::array<BehaviourFunction, 3> kKvStore{
    {{"put", 2, false}, {"get", 1, false}, {"delete", 1, false}}};
constexpr std::array<BehaviourFunction, 7> kChatRoom{{{"join", 2, true},
                                                      {"leave", 2, true},
                                                      {"send_message", 3, true},
                                                      {"users", 1, true},
                                                      {"get_users", 1, true},
                                                      {"messages", 1, true},
                                                      {"get_messages", 1, true}}};
constexpr std::array<BehaviourFunction, 4> kLogger{
    {{"log", 1, false}, {"logs", 0, false}, {"get_logs", 0, false}, {"count", 0, false}}};

struct LessonName {
    std::string_view behaviour;
    std::string_view module;
};
constexpr std::array<LessonName, 4> kLessonModules{{{"counter", "Counter"},
                                                    {"kv_store", "KVStore"},
                                                    {"chat_room", "ChatApp.Room"},
                                                    {"logger", "ChatApp.Logger"}}};

} // namespace

std::unique_ptr<Behaviour> Behaviour::make(std::string_view name, std::string_view argsJson) {
    if (name == "counter") {
        std::int64_t initial = 0;
        if (auto parsed = json::parse(argsJson); parsed.value && parsed.value->integer)
            initial = *parsed.value->integer;
        return std::make_unique<Counter>(initial);
    }
    if (name == "kv_store") return std::make_unique<KvStore>();
    if (name == "chat_room") return std::make_unique<ChatRoom>();
    if (name == "logger") return std::make_unique<Logger>();
    return nullptr;
}

Behaviour& Behaviour::generic() {
    static Generic shared; // stateless and const in use: safe from every thread
    return shared;
}

std::span<const BehaviourFunction> Behaviour::functionsOf(std::string_view behaviour) {
    if (behaviour == "counter") return kCounter;
    if (behaviour == "kv_store") return kKvStore;
    if (behaviour == "chat_room") return kChatRoom;
    if (behaviour == "logger") return kLogger;
    return {};
}

std::string_view Behaviour::lessonModule(std::string_view behaviour) {
    for (const auto& n : kLessonModules)
        if (n.behaviour == behaviour) return n.module;
    return {};
}

std::string_view Behaviour::ofLessonModule(std::string_view module) {
    for (const auto& n : kLessonModules)
        if (n.module == module) return n.behaviour;
    return {};
}

} // namespace suplab
