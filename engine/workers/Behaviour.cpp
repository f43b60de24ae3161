#include "Behaviour.h"

#include "scenario/Json.h"

#include <deque>
#include <map>
#include <set>

namespace suplab {

namespace {

std::pair<std::string_view, std::string_view> splitWord(std::string_view s) {
    const auto space = s.find(' ');
    if (space == std::string_view::npos) return {s, {}};
    return {s.substr(0, space), s.substr(space + 1)};
}

class Generic final : public Behaviour {
  public:
    std::string describe() const override { return {}; }
    std::optional<std::string> handle(std::string_view verb, std::string_view) override {
        if (verb == "ping") return "pong";
        return std::nullopt;
    }
};

class Counter final : public Behaviour {
  public:
    explicit Counter(std::int64_t initial) : value_(initial) {}
    std::string describe() const override { return "count=" + std::to_string(value_); }
    std::optional<std::string> handle(std::string_view verb, std::string_view arg) override {
        if (verb == "get") return std::to_string(value_);
        if (verb == "increment") {
            std::int64_t by = 1;
            if (!arg.empty()) {
                auto parsed = json::parse(arg);
                if (!parsed.value || !parsed.value->integer) return "error: expected an integer";
                by = *parsed.value->integer;
            }
            value_ += by;
            return "ok";
        }
        return std::nullopt;
    }

  private:
    std::int64_t value_;
};

class KvStore final : public Behaviour {
  public:
    std::string describe() const override {
        std::string out = std::to_string(map_.size()) + " keys";
        int shown = 0;
        for (const auto& [k, v] : map_) {
            out += (shown ? ", " : ": ") + k + "=" + v;
            if (++shown == 3) break;
        }
        return out;
    }
    std::optional<std::string> handle(std::string_view verb, std::string_view arg) override {
        auto [key, value] = splitWord(arg);
        if (verb == "put") {
            map_[std::string(key)] = std::string(value);
            return "ok";
        }
        if (verb == "get") {
            auto it = map_.find(std::string(key));
            return it == map_.end() ? std::string("nil") : it->second;
        }
        if (verb == "delete") {
            map_.erase(std::string(key));
            return "ok";
        }
        return std::nullopt;
    }

  private:
    std::map<std::string, std::string> map_;
};

class ChatRoom final : public Behaviour {
  public:
    std::string describe() const override {
        std::string out = std::to_string(users_.size()) + " users";
        int shown = 0;
        for (const auto& u : users_) {
            out += (shown ? ", " : ": ") + u;
            if (++shown == 5) break;
        }
        return out + "; " + std::to_string(messages_.size()) + " messages";
    }
    std::optional<std::string> handle(std::string_view verb, std::string_view arg) override {
        if (verb == "join") {
            users_.insert(std::string(arg));
            return "ok";
        }
        if (verb == "leave") {
            users_.erase(std::string(arg));
            return "ok";
        }
        if (verb == "send_message") {
            messages_.emplace_back(arg);
            if (messages_.size() > 100) messages_.pop_front();
            return "ok";
        }
        if (verb == "users") {
            std::string out;
            for (const auto& u : users_)
                out += (out.empty() ? "" : ",") + u;
            return out;
        }
        return std::nullopt;
    }

  private:
    std::set<std::string> users_;
    std::deque<std::string> messages_;
};

class Logger final : public Behaviour {
  public:
    std::string describe() const override {
        return std::to_string(total_) + " entries" +
               (entries_.empty() ? "" : "; last: " + entries_.back());
    }
    std::optional<std::string> handle(std::string_view verb, std::string_view arg) override {
        if (verb == "log") {
            entries_.emplace_back(arg);
            ++total_;
            if (entries_.size() > 100) entries_.pop_front();
            return "ok";
        }
        if (verb == "count") return std::to_string(total_);
        return std::nullopt;
    }

  private:
    std::deque<std::string> entries_;
    std::int64_t total_ = 0;
};

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

} // namespace suplab
