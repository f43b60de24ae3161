#include "TimerHeap.h"

namespace suplab {

void TimerHeap::place(std::size_t index, const Timer& timer) {
    heap_[index] = timer;
    where_[timer.ref] = index;
}

void TimerHeap::siftUp(std::size_t index, Timer timer) {
    while (index > 0) {
        const std::size_t parent = (index - 1) / 2;
        if (!before(timer, heap_[parent])) break;
        place(index, heap_[parent]);
        index = parent;
    }
    place(index, timer);
}

void TimerHeap::siftDown(std::size_t index, Timer timer) {
    const std::size_t n = heap_.size();
    for (;;) {
        std::size_t child = 2 * index + 1;
        if (child >= n) break;
        if (child + 1 < n && before(heap_[child + 1], heap_[child])) ++child;
        if (!before(heap_[child], timer)) break;
        place(index, heap_[child]);
        index = child;
    }
    place(index, timer);
}

void TimerHeap::push(std::int64_t due, Ref ref, Pid target) {
    heap_.push_back(Timer{due, order_++, ref, target});
    siftUp(heap_.size() - 1, heap_.back());
}

TimerHeap::Timer TimerHeap::pop() {
    const Timer first = heap_.front();
    removeAt(0);
    return first;
}

bool TimerHeap::cancel(Ref ref) {
    const std::size_t* index = where_.find(ref);
    if (!index) return false;
    removeAt(*index);
    return true;
}

void TimerHeap::removeAt(std::size_t index) {
    where_.erase(heap_[index].ref);
    const Timer last = heap_.back();
    heap_.pop_back();
    if (index == heap_.size()) return; // it was the last one
    // The last entry fills the gap, then moves whichever way restores the order.
    if (index > 0 && before(last, heap_[(index - 1) / 2]))
        siftUp(index, last);
    else
        siftDown(index, last);
}

void TimerHeap::clear() {
    heap_.clear();
    where_.clear();
}

} // namespace suplab
