#include "model/compact_vector.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "model/value.h"

namespace gclint::model {
namespace {

std::vector<std::string> as_vector(const CompactVector<std::string>& v) { return {v.begin(), v.end()}; }

TEST(CompactVectorTest, IsOnePointerWideAndEmptyAllocatesNothing) {
  static_assert(sizeof(CompactVector<std::string>) == sizeof(void*));
  CompactVector<std::string> v;
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(v.capacity(), 0u);
  EXPECT_EQ(v.data(), nullptr);
  EXPECT_EQ(v.begin(), v.end());
}

TEST(CompactVectorTest, GrowsKeepingOrderAndValues) {
  CompactVector<std::string> v;
  std::vector<std::string> expected;
  for (int i = 0; i < 1000; ++i) {
    // Long enough to live on the heap: a move that copied the pointer twice would free it twice (ASan).
    std::string item = "item number " + std::to_string(i) + " with some length";
    v.push_back(item);
    expected.push_back(item);
  }
  EXPECT_EQ(v.size(), 1000u);
  EXPECT_GE(v.capacity(), 1000u);
  EXPECT_EQ(as_vector(v), expected);
  EXPECT_EQ(v.front(), expected.front());
  EXPECT_EQ(v.back(), expected.back());
  EXPECT_EQ(v[500], expected[500]);
  EXPECT_THROW(v.at(1000), std::out_of_range);
}

TEST(CompactVectorTest, AppendingAnElementOfItselfWhileGrowing) {
  CompactVector<std::string> v{"first element, long enough for the heap"};
  for (int i = 0; i < 10; ++i) v.push_back(v.front());
  EXPECT_EQ(v.size(), 11u);
  for (const auto& s : v) EXPECT_EQ(s, "first element, long enough for the heap");
}

TEST(CompactVectorTest, CopyMoveAndSwap) {
  CompactVector<std::string> a{"a", "b", "c"};
  CompactVector<std::string> b = a;
  EXPECT_EQ(as_vector(b), (std::vector<std::string>{"a", "b", "c"}));
  b.push_back("d");
  EXPECT_EQ(a.size(), 3u);
  CompactVector<std::string> c = std::move(b);
  EXPECT_TRUE(b.empty());  // NOLINT(bugprone-use-after-move): a moved-from vector is empty, as std::vector's
  EXPECT_EQ(c.size(), 4u);
  a = c;
  EXPECT_EQ(as_vector(a), as_vector(c));
  a = {"x"};
  a.swap(c);
  EXPECT_EQ(as_vector(c), (std::vector<std::string>{"x"}));
  EXPECT_EQ(a.size(), 4u);
  CompactVector<std::string>& same = a;
  a = std::move(same);  // a self-move leaves it as it was
  EXPECT_EQ(a.size(), 4u);
}

TEST(CompactVectorTest, InsertEraseResizeAndShrink) {
  CompactVector<std::string> v{"a", "d"};
  v.insert(v.begin() + 1, "b");
  std::vector<std::string> more{"c"};
  v.insert(v.begin() + 2, more.begin(), more.end());
  EXPECT_EQ(as_vector(v), (std::vector<std::string>{"a", "b", "c", "d"}));
  v.erase(v.begin());
  EXPECT_EQ(as_vector(v), (std::vector<std::string>{"b", "c", "d"}));
  v.erase(v.begin() + 1, v.end());
  EXPECT_EQ(as_vector(v), (std::vector<std::string>{"b"}));
  v.resize(3);
  EXPECT_EQ(as_vector(v), (std::vector<std::string>{"b", "", ""}));
  v.pop_back();
  EXPECT_EQ(erase_if(v, [](const std::string& s) { return s.empty(); }), 1u);
  EXPECT_EQ(as_vector(v), (std::vector<std::string>{"b"}));
  v.reserve(100);
  v.shrink_to_fit();
  EXPECT_EQ(v.capacity(), 1u);
  v.clear();
  EXPECT_TRUE(v.empty());
  v.shrink_to_fit();
  EXPECT_EQ(v.data(), nullptr);
}

// A Value holds its own kind in CompactVectors; assigning a value one of its own items (unwrapping a one-element
// list) must take the item before the old items go, as std::vector does.
TEST(CompactVectorTest, ValueAssignedFromItsOwnItem) {
  Value list = Value::list();
  Value inner = Value::map();
  inner.set("key", Value::of_string("a value long enough to be on the heap"));
  list.push(std::move(inner));
  Value holder = std::move(list);
  holder = Value(holder.items[0]);
  ASSERT_TRUE(holder.is_map());
  EXPECT_EQ(holder.get("key")->text, "a value long enough to be on the heap");
  CompactVector<Value> items;
  items.push_back(Value::of_string("x"));
  items.push_back(Value::list());
  items.back().push(Value::of_string("nested"));
  items = std::move(items.back().items);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].text, "nested");
}

TEST(CompactVectorTest, BorrowReadsInPlaceAndNeverFrees) {
  auto owner = std::make_unique<CompactVector<std::string>>();
  for (int i = 0; i < 5; ++i) owner->push_back("element " + std::to_string(i) + " long enough for the heap");
  {
    CompactVector<std::string> view = CompactVector<std::string>::borrow(*owner);
    EXPECT_TRUE(view.borrowed());
    EXPECT_EQ(std::as_const(view).data(), std::as_const(*owner).data());
    EXPECT_EQ(as_vector(view), as_vector(*owner));
    CompactVector<std::string> moved = std::move(view);
    EXPECT_TRUE(moved.borrowed());
    EXPECT_EQ(moved.size(), 5u);
  }  // the borrowers are gone; the owner's elements must still be there (ASan would report a double free)
  EXPECT_EQ((*owner)[4], "element 4 long enough for the heap");
  CompactVector<std::string> empty_owner;
  EXPECT_FALSE(CompactVector<std::string>::borrow(empty_owner).borrowed());
}

TEST(CompactVectorTest, ChangingABorrowerCopiesFirstAndLeavesTheOwnerAlone) {
  CompactVector<std::string> owner{"a", "b", "c"};
  const std::vector<std::string> original = as_vector(owner);

  CompactVector<std::string> appended = CompactVector<std::string>::borrow(owner);
  appended.push_back("d");
  EXPECT_FALSE(appended.borrowed());
  EXPECT_EQ(as_vector(appended), (std::vector<std::string>{"a", "b", "c", "d"}));

  CompactVector<std::string> written = CompactVector<std::string>::borrow(owner);
  written[1] = "changed";  // non-const access
  EXPECT_NE(std::as_const(written).data(), std::as_const(owner).data());
  EXPECT_EQ(written[1], "changed");

  CompactVector<std::string> erased = CompactVector<std::string>::borrow(owner);
  erased.erase(std::as_const(erased).begin());
  EXPECT_EQ(as_vector(erased), (std::vector<std::string>{"b", "c"}));

  CompactVector<std::string> inserted = CompactVector<std::string>::borrow(owner);
  inserted.insert(std::as_const(inserted).begin() + 1, "x");
  EXPECT_EQ(as_vector(inserted), (std::vector<std::string>{"a", "x", "b", "c"}));

  CompactVector<std::string> cleared = CompactVector<std::string>::borrow(owner);
  cleared.clear();
  EXPECT_TRUE(cleared.empty());

  CompactVector<std::string> copied = CompactVector<std::string>::borrow(owner);
  CompactVector<std::string> copy(copied);
  EXPECT_FALSE(copy.borrowed());
  EXPECT_NE(std::as_const(copy).data(), std::as_const(owner).data());

  CompactVector<std::string> reassigned = CompactVector<std::string>::borrow(owner);
  reassigned = CompactVector<std::string>{"z"};
  EXPECT_EQ(as_vector(reassigned), (std::vector<std::string>{"z"}));

  EXPECT_EQ(as_vector(owner), original);
}

TEST(CompactVectorTest, ABorrowingValueReadsTheSubtreeItWasMadeOf) {
  Value document = Value::map();
  Value& spec = document.set("spec", Value::map());
  spec.set("name", Value::of_string("app"));
  spec.set("ports", Value::list()).push(Value::of_number(8080));
  Value view = Value::borrowing(*document.get("spec"));
  EXPECT_EQ(std::as_const(view).entries.data(), std::as_const(*document.get("spec")).entries.data());
  EXPECT_EQ(view.get("name")->text, "app");  // a non-const get copies the borrowed entries first
  EXPECT_FALSE(view.entries.borrowed());
  view.set("name", Value::of_string("changed"));
  EXPECT_EQ(document.get("spec")->get("name")->text, "app");
}

}  // namespace
}  // namespace gclint::model
