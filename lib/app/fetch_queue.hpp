#pragma once
// A closable blocking queue bounded by weight (bytes of bodies, say), linking the stages of a
// fetch run: the transfer thread, the parse workers and the store thread. A bound keeps memory
// flat when one stage is slower than the one feeding it; an item heavier than the bound is
// still admitted when the queue is empty, so nothing can wait forever.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

namespace atip::app {

template <typename T>
class FetchQueue {
 public:
  explicit FetchQueue(std::size_t max_weight) : max_weight_(max_weight) {}

  // Waits for room; false (and `item` dropped) once the queue is closed.
  bool push(T item, std::size_t weight) {
    std::unique_lock<std::mutex> lock(mutex_);
    room_.wait(lock, [&] { return closed_ || items_.empty() || weight_ + weight <= max_weight_; });
    if (closed_) return false;
    weight_ += weight;
    items_.emplace_back(std::move(item), weight);
    ready_.notify_one();
    return true;
  }

  // Waits for an item; nothing once the queue is closed and empty (or closed and discarding).
  std::optional<T> pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty() || discard_) return std::nullopt;
    auto [item, weight] = std::move(items_.front());
    items_.pop_front();
    weight_ -= weight;
    room_.notify_all();
    return std::move(item);
  }

  // An item if one is waiting (and not discarded), without waiting; with its weight.
  std::optional<std::pair<T, std::size_t>> try_pop() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (items_.empty() || discard_) return std::nullopt;
    auto entry = std::move(items_.front());
    items_.pop_front();
    weight_ -= entry.second;
    room_.notify_all();
    return entry;
  }

  // No more pushes; what is queued is still handed out, unless `discard`.
  void close(bool discard = false) {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    discard_ = discard_ || discard;
    ready_.notify_all();
    room_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<std::pair<T, std::size_t>> items_;
  std::size_t weight_ = 0;
  std::size_t max_weight_;
  bool closed_ = false;
  bool discard_ = false;
};

}  // namespace atip::app
