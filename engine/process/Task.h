#pragma once
// A lazily started coroutine that hands control back to whoever awaited it
// (symmetric transfer). A process body is a Task<Reason>; supervisors build their
// blocking-looking protocol (start a child and wait for its ack, shut a child down
// and wait for its exit) out of nested Tasks. The Task object owns its frame:
// destroying a suspended Task destroys the whole chain below it, which is how a
// process killed in the middle of a receive is torn down.

#include "base/SlabPool.h"

#include <coroutine>
#include <exception>
#include <optional>
#include <utility>

namespace suplab {

template <typename T> class Task;

namespace detail {

struct FinalAwaiter {
    bool await_ready() const noexcept { return false; }
    template <typename Promise>
    std::coroutine_handle<> await_suspend(std::coroutine_handle<Promise> h) const noexcept {
        if (auto next = h.promise().continuation) return next;
        return std::noop_coroutine();
    }
    void await_resume() const noexcept {}
};

struct PromiseBase {
    // Frames come from the engine's slab pool: supervisors' nested tasks are
    // created and destroyed at every child start and stop.
    static void* operator new(std::size_t bytes) { return slab::allocate(bytes); }
    static void operator delete(void* frame, std::size_t bytes) noexcept {
        slab::deallocate(frame, bytes);
    }
    std::coroutine_handle<> continuation;
    std::suspend_always initial_suspend() const noexcept { return {}; }
    FinalAwaiter final_suspend() const noexcept { return {}; }
    [[noreturn]] void unhandled_exception() const noexcept { std::terminate(); }
};

} // namespace detail

template <typename T> class [[nodiscard]] Task {
  public:
    struct promise_type : detail::PromiseBase {
        std::optional<T> value;
        Task get_return_object() {
            return Task(std::coroutine_handle<promise_type>::from_promise(*this));
        }
        template <typename U> void return_value(U&& v) { value.emplace(std::forward<U>(v)); }
    };

    Task() = default;
    Task(Task&& other) noexcept : handle_(std::exchange(other.handle_, {})) {}
    Task& operator=(Task&& other) noexcept {
        if (this != &other) {
            reset();
            handle_ = std::exchange(other.handle_, {});
        }
        return *this;
    }
    Task(const Task&) = delete;
    Task& operator=(const Task&) = delete;
    ~Task() { reset(); }

    bool valid() const { return bool(handle_); }
    bool done() const { return handle_ && handle_.done(); }
    /// Runs a top-level task until its first suspension (or its end).
    void start() { handle_.resume(); }
    T& result() { return *handle_.promise().value; }
    void reset() {
        if (handle_) handle_.destroy();
        handle_ = {};
    }

    bool await_ready() const noexcept { return false; }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaiting) noexcept {
        handle_.promise().continuation = awaiting;
        return handle_;
    }
    T await_resume() { return std::move(*handle_.promise().value); }

  private:
    explicit Task(std::coroutine_handle<promise_type> h) : handle_(h) {}
    std::coroutine_handle<promise_type> handle_;
};

template <> class [[nodiscard]] Task<void> {
  public:
    struct promise_type : detail::PromiseBase {
        Task get_return_object() {
            return Task(std::coroutine_handle<promise_type>::from_promise(*this));
        }
        void return_void() const noexcept {}
    };

    Task() = default;
    Task(Task&& other) noexcept : handle_(std::exchange(other.handle_, {})) {}
    Task& operator=(Task&& other) noexcept {
        if (this != &other) {
            if (handle_) handle_.destroy();
            handle_ = std::exchange(other.handle_, {});
        }
        return *this;
    }
    Task(const Task&) = delete;
    Task& operator=(const Task&) = delete;
    ~Task() {
        if (handle_) handle_.destroy();
    }

    /// An empty Task<void> is done already: a plain function with nothing to wait
    /// for returns one, and no frame is made.
    bool await_ready() const noexcept { return !handle_; }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaiting) noexcept {
        handle_.promise().continuation = awaiting;
        return handle_;
    }
    void await_resume() const noexcept {}

  private:
    explicit Task(std::coroutine_handle<promise_type> h) : handle_(h) {}
    std::coroutine_handle<promise_type> handle_;
};

} // namespace suplab
