#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <memory>
#include <new>
#include <stdexcept>
#include <utility>

namespace gclint::model {

/// A vector one pointer wide: its size and capacity sit on the heap in front of the elements, and an empty one
/// allocates nothing. A Value holds three (list items, map entries, references), most of them empty, and a scan
/// holds millions of Values; std::vector would cost 24 bytes each. The interface and the invalidation rules are
/// std::vector's, for the members it has; at most 2^32 - 1 elements.
template <typename T>
class CompactVector {
 public:
  using value_type = T;
  using size_type = size_t;
  using difference_type = std::ptrdiff_t;
  using reference = T&;
  using const_reference = const T&;
  using pointer = T*;
  using const_pointer = const T*;
  using iterator = T*;
  using const_iterator = const T*;
  using reverse_iterator = std::reverse_iterator<iterator>;
  using const_reverse_iterator = std::reverse_iterator<const_iterator>;

  CompactVector() noexcept = default;
  CompactVector(std::initializer_list<T> items) { append_copies(items.begin(), items.end(), items.size()); }
  template <typename It, typename = typename std::iterator_traits<It>::iterator_category>
  CompactVector(It first, It last) {
    for (; first != last; ++first) emplace_back(*first);
  }
  CompactVector(const CompactVector& other) { append_copies(other.begin(), other.end(), other.size()); }
  CompactVector(CompactVector&& other) noexcept : head_(std::exchange(other.head_, nullptr)) {}
  ~CompactVector() { release(head_); }

  CompactVector& operator=(const CompactVector& other) {
    if (this != &other) {
      CompactVector copy(other);
      swap(copy);
    }
    return *this;
  }
  // Like std::vector, the source is taken before the old elements are destroyed, so a vector may be assigned one
  // held inside its own elements.
  CompactVector& operator=(CompactVector&& other) noexcept {
    if (this != &other) release(std::exchange(head_, std::exchange(other.head_, nullptr)));
    return *this;
  }
  CompactVector& operator=(std::initializer_list<T> items) { return *this = CompactVector(items); }

  void swap(CompactVector& other) noexcept { std::swap(head_, other.head_); }

  size_t size() const noexcept { return head_ == nullptr ? 0 : head_->size; }
  size_t capacity() const noexcept { return head_ == nullptr ? 0 : head_->capacity; }
  bool empty() const noexcept { return size() == 0; }
  static constexpr size_t max_size() noexcept { return std::numeric_limits<uint32_t>::max(); }

  T* data() noexcept { return head_ == nullptr ? nullptr : elements(head_); }
  const T* data() const noexcept { return head_ == nullptr ? nullptr : elements(head_); }
  iterator begin() noexcept { return data(); }
  iterator end() noexcept { return data() + size(); }
  const_iterator begin() const noexcept { return data(); }
  const_iterator end() const noexcept { return data() + size(); }
  const_iterator cbegin() const noexcept { return begin(); }
  const_iterator cend() const noexcept { return end(); }
  reverse_iterator rbegin() noexcept { return reverse_iterator(end()); }
  reverse_iterator rend() noexcept { return reverse_iterator(begin()); }
  const_reverse_iterator rbegin() const noexcept { return const_reverse_iterator(end()); }
  const_reverse_iterator rend() const noexcept { return const_reverse_iterator(begin()); }

  T& operator[](size_t i) { return data()[i]; }
  const T& operator[](size_t i) const { return data()[i]; }
  T& at(size_t i) {
    if (i >= size()) throw std::out_of_range("CompactVector::at");
    return data()[i];
  }
  const T& at(size_t i) const {
    if (i >= size()) throw std::out_of_range("CompactVector::at");
    return data()[i];
  }
  T& front() { return data()[0]; }
  const T& front() const { return data()[0]; }
  T& back() { return data()[size() - 1]; }
  const T& back() const { return data()[size() - 1]; }

  void reserve(size_t wanted) {
    if (wanted > capacity()) reallocate(wanted);
  }
  void shrink_to_fit() {
    if (head_ != nullptr && head_->size < head_->capacity) {
      if (head_->size == 0) {
        release(std::exchange(head_, nullptr));
      } else {
        reallocate(head_->size);
      }
    }
  }
  void clear() noexcept {
    if (head_ == nullptr) return;
    std::destroy_n(elements(head_), head_->size);
    head_->size = 0;
  }

  void push_back(const T& item) { emplace_back(item); }
  void push_back(T&& item) { emplace_back(std::move(item)); }
  template <typename... Args>
  T& emplace_back(Args&&... args) {
    size_t n = size();
    if (n == capacity()) {
      // The arguments may refer to an element: build the new one before the old buffer goes.
      T item(std::forward<Args>(args)...);
      reallocate(grown(n + 1));
      T* slot = ::new (static_cast<void*>(elements(head_) + n)) T(std::move(item));
      ++head_->size;
      return *slot;
    }
    T* slot = ::new (static_cast<void*>(elements(head_) + n)) T(std::forward<Args>(args)...);
    ++head_->size;
    return *slot;
  }
  void pop_back() {
    --head_->size;
    std::destroy_at(elements(head_) + head_->size);
  }
  void resize(size_t n) {
    while (size() > n) pop_back();
    if (n > size()) {
      reserve(n);
      while (size() < n) emplace_back();
    }
  }

  iterator insert(const_iterator position, T item) {
    size_t index = static_cast<size_t>(position - begin());
    emplace_back(std::move(item));
    std::rotate(begin() + index, end() - 1, end());
    return begin() + index;
  }
  template <typename It, typename = typename std::iterator_traits<It>::iterator_category>
  iterator insert(const_iterator position, It first, It last) {
    size_t index = static_cast<size_t>(position - begin());
    size_t old_size = size();
    for (; first != last; ++first) emplace_back(*first);
    std::rotate(begin() + index, begin() + old_size, end());
    return begin() + index;
  }
  iterator erase(const_iterator position) { return erase(position, position + 1); }
  iterator erase(const_iterator first, const_iterator last) {
    T* from = begin() + (first - begin());
    T* to = begin() + (last - begin());
    if (from == to) return from;
    T* new_end = std::move(to, end(), from);
    std::destroy(new_end, end());
    head_->size = static_cast<uint32_t>(new_end - begin());
    return from;
  }

  friend bool operator==(const CompactVector& a, const CompactVector& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }

 private:
  struct Header {
    uint32_t size;
    uint32_t capacity;
  };
  // Functions, not constants: T may still be incomplete where the vector is declared (a Value's own items).
  static constexpr size_t offset() noexcept {
    static_assert(alignof(T) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__, "over-aligned elements are not supported");
    return (sizeof(Header) + alignof(T) - 1) / alignof(T) * alignof(T);
  }

  static T* elements(Header* head) noexcept {
    return std::launder(reinterpret_cast<T*>(reinterpret_cast<std::byte*>(head) + offset()));
  }
  static const T* elements(const Header* head) noexcept {
    return std::launder(reinterpret_cast<const T*>(reinterpret_cast<const std::byte*>(head) + offset()));
  }
  size_t grown(size_t needed) const {
    size_t doubled = std::max<size_t>(1, capacity() * 2);
    return std::max(needed, std::min<size_t>(doubled, max_size()));
  }

  static Header* allocate(size_t count) {
    if (count > max_size()) throw std::length_error("CompactVector: too many elements");
    void* memory = ::operator new(offset() + count * sizeof(T));
    return ::new (memory) Header{0, static_cast<uint32_t>(count)};
  }
  static void release(Header* head) noexcept {
    if (head == nullptr) return;
    std::destroy_n(elements(head), head->size);
    ::operator delete(static_cast<void*>(head));
  }

  void reallocate(size_t count) {
    Header* fresh = allocate(count);
    size_t n = size();
    if (n != 0) {
      std::uninitialized_move_n(elements(head_), n, elements(fresh));
      fresh->size = static_cast<uint32_t>(n);
    }
    release(std::exchange(head_, fresh));
  }

  template <typename It>
  void append_copies(It first, It last, size_t count) {
    reserve(count);
    for (; first != last; ++first) emplace_back(*first);
  }

  Header* head_ = nullptr;
};

/// std::erase_if for CompactVector; returns how many elements were removed.
template <typename T, typename Predicate>
size_t erase_if(CompactVector<T>& items, Predicate predicate) {
  auto kept = std::remove_if(items.begin(), items.end(), predicate);
  size_t removed = static_cast<size_t>(items.end() - kept);
  items.erase(kept, items.end());
  return removed;
}

}  // namespace gclint::model
