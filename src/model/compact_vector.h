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
///
/// A vector can also borrow another's elements (`borrow`) instead of copying them: it reads them in place, never
/// destroys them, and copies them into a buffer of its own before any access that could change them (the non-const
/// accessors included). The vector it borrows from must outlive it and keep its buffer: not grow, shrink or move
/// elements while a borrower reads them.
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
  CompactVector(CompactVector&& other) noexcept : bits_(std::exchange(other.bits_, 0)) {}
  ~CompactVector() { drop(bits_); }

  /// A vector that reads `owner`'s elements in place (see the class comment).
  static CompactVector borrow(const CompactVector& owner) noexcept {
    CompactVector view;
    if (owner.head() != nullptr) view.bits_ = reinterpret_cast<std::uintptr_t>(owner.head()) | kBorrowed;
    return view;
  }
  bool borrowed() const noexcept { return (bits_ & kBorrowed) != 0; }

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
    if (this != &other) drop(std::exchange(bits_, std::exchange(other.bits_, 0)));
    return *this;
  }
  CompactVector& operator=(std::initializer_list<T> items) { return *this = CompactVector(items); }

  void swap(CompactVector& other) noexcept { std::swap(bits_, other.bits_); }

  size_t size() const noexcept { return head() == nullptr ? 0 : head()->size; }
  size_t capacity() const noexcept { return head() == nullptr || borrowed() ? 0 : head()->capacity; }
  bool empty() const noexcept { return size() == 0; }
  static constexpr size_t max_size() noexcept { return std::numeric_limits<uint32_t>::max(); }

  // Non-const access may change the elements: a borrowing vector copies them first.
  T* data() {
    own();
    return head() == nullptr ? nullptr : elements(head());
  }
  const T* data() const noexcept { return head() == nullptr ? nullptr : elements(head()); }
  iterator begin() { return data(); }
  iterator end() { return data() + size(); }
  const_iterator begin() const noexcept { return data(); }
  const_iterator end() const noexcept { return data() + size(); }
  const_iterator cbegin() const noexcept { return begin(); }
  const_iterator cend() const noexcept { return end(); }
  reverse_iterator rbegin() { return reverse_iterator(end()); }
  reverse_iterator rend() { return reverse_iterator(begin()); }
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
    own();
    if (wanted > capacity()) reallocate(wanted);
  }
  void shrink_to_fit() {
    own();
    Header* h = head();
    if (h != nullptr && h->size < h->capacity) {
      if (h->size == 0) {
        drop(std::exchange(bits_, 0));
      } else {
        reallocate(h->size);
      }
    }
  }
  void clear() noexcept {
    if (borrowed()) bits_ = 0;
    Header* h = head();
    if (h == nullptr) return;
    std::destroy_n(elements(h), h->size);
    h->size = 0;
  }

  void push_back(const T& item) { emplace_back(item); }
  void push_back(T&& item) { emplace_back(std::move(item)); }
  template <typename... Args>
  T& emplace_back(Args&&... args) {
    own();
    size_t n = size();
    if (n == capacity()) {
      // The arguments may refer to an element: build the new one before the old buffer goes.
      T item(std::forward<Args>(args)...);
      reallocate(grown(n + 1));
      T* slot = ::new (static_cast<void*>(elements(head()) + n)) T(std::move(item));
      ++head()->size;
      return *slot;
    }
    T* slot = ::new (static_cast<void*>(elements(head()) + n)) T(std::forward<Args>(args)...);
    ++head()->size;
    return *slot;
  }
  void pop_back() {
    own();
    --head()->size;
    std::destroy_at(elements(head()) + head()->size);
  }
  void resize(size_t n) {
    while (size() > n) pop_back();
    if (n > size()) {
      reserve(n);
      while (size() < n) emplace_back();
    }
  }

  iterator insert(const_iterator position, T item) {
    size_t index = static_cast<size_t>(position - std::as_const(*this).begin());
    emplace_back(std::move(item));
    std::rotate(begin() + index, end() - 1, end());
    return begin() + index;
  }
  template <typename It, typename = typename std::iterator_traits<It>::iterator_category>
  iterator insert(const_iterator position, It first, It last) {
    size_t index = static_cast<size_t>(position - std::as_const(*this).begin());
    size_t old_size = size();
    for (; first != last; ++first) emplace_back(*first);
    std::rotate(begin() + index, begin() + old_size, end());
    return begin() + index;
  }
  iterator erase(const_iterator position) { return erase(position, position + 1); }
  iterator erase(const_iterator first, const_iterator last) {
    // Positions are offsets: a borrowing vector's own copy has other addresses.
    const T* old_begin = std::as_const(*this).begin();
    T* from = begin() + (first - old_begin);
    T* to = begin() + (last - old_begin);
    if (from == to) return from;
    T* new_end = std::move(to, end(), from);
    std::destroy(new_end, end());
    head()->size = static_cast<uint32_t>(new_end - begin());
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

  static constexpr std::uintptr_t kBorrowed = 1;  // headers come from operator new: the low bit is free

  Header* head() const noexcept { return reinterpret_cast<Header*>(bits_ & ~kBorrowed); }
  // Releases a buffer this vector owned; a borrowed one belongs to another vector.
  static void drop(std::uintptr_t bits) noexcept {
    if ((bits & kBorrowed) == 0) release(reinterpret_cast<Header*>(bits));
  }
  // A borrowing vector takes copies of the elements it reads, so that it can change them.
  void own() {
    if (!borrowed()) return;
    CompactVector copy;
    copy.append_copies(elements(head()), elements(head()) + head()->size, head()->size);
    bits_ = std::exchange(copy.bits_, 0);
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

  // Only for an owned buffer (callers own() first).
  void reallocate(size_t count) {
    Header* fresh = allocate(count);
    size_t n = size();
    Header* old = head();
    if (n != 0) {
      std::uninitialized_move_n(elements(old), n, elements(fresh));
      fresh->size = static_cast<uint32_t>(n);
    }
    bits_ = reinterpret_cast<std::uintptr_t>(fresh);
    release(old);
  }

  template <typename It>
  void append_copies(It first, It last, size_t count) {
    reserve(count);
    for (; first != last; ++first) emplace_back(*first);
  }

  std::uintptr_t bits_ = 0;  // the Header's address, | kBorrowed when the buffer is another vector's
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
