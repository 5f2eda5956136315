#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/compact_vector.h"
#include "model/span.h"

namespace gclint::model {

/// A pointer from a value to another resource (or one of its attributes).
/// `address` uses the same form as Resource::address: `aws_kms_key.main`, `module.a.aws_kms_key.k["x"]`,
/// a CloudFormation logical ID, or `Kind/namespace/name`.
struct Reference {
  std::string address;
  std::string attribute;  // "arn", "Arn", "" for the whole resource

  bool operator==(const Reference&) const = default;
};

struct MapEntry;

/// The resources a value was derived from.
using References = CompactVector<Reference>;

/// The JSON-like value every front end produces and every check reads (design brief §2).
/// A value can be known (null/bool/number/string/list/map) or unknown; either may carry references.
struct Value {
  enum class Kind : uint8_t { kNull, kBool, kNumber, kString, kList, kMap, kUnknown };

  // Members are ordered to pack: a scan holds millions of Values (96 bytes each).
  Kind kind = Kind::kNull;
  bool boolean = false;
  /// The expression that produced this value. For a map entry's value it starts at the key.
  Span span;
  /// Where the value was set when it came from elsewhere (a tfvars line, a parameter default), else invalid.
  Span origin;
  double number = 0;
  /// kString: the text. kUnknown: the expression that could not be evaluated (e.g. "var.kms_key_arn").
  std::string text;
  CompactVector<Value> items;       // kList
  CompactVector<MapEntry> entries;  // kMap, in source order; keys unique
  /// Resources this value was derived from (design brief §2 "reference" marker).
  References refs;

  static Value null(Span span = {});
  static Value of_bool(bool b, Span span = {});
  static Value of_number(double n, Span span = {});
  static Value of_string(std::string s, Span span = {});
  static Value list(Span span = {});
  static Value map(Span span = {});
  /// An unknown value; `why` names the expression (e.g. "var.region", "data.aws_ami.x.id").
  static Value unknown(std::string why, Span span = {});
  /// An unknown value that points at a resource attribute (e.g. aws_kms_key.main.arn).
  static Value reference(Reference ref, Span span = {});
  /// `of`'s kind, scalars and spans, with its list items, map entries and references read in place instead of
  /// copied (CompactVector::borrow): a view of a subtree that costs one Value. `of` must outlive it and not change
  /// while it is read; changing the borrowed value's own lists copies them first.
  static Value borrowing(const Value& of);

  bool is_null() const { return kind == Kind::kNull; }
  bool is_bool() const { return kind == Kind::kBool; }
  bool is_number() const { return kind == Kind::kNumber; }
  bool is_string() const { return kind == Kind::kString; }
  bool is_list() const { return kind == Kind::kList; }
  bool is_map() const { return kind == Kind::kMap; }
  bool is_unknown() const { return kind == Kind::kUnknown; }
  bool is_known() const { return kind != Kind::kUnknown; }
  /// True when this value or anything inside it is unknown.
  bool contains_unknown() const;

  /// Map lookup; nullptr when absent or not a map.
  const Value* get(std::string_view key) const;
  Value* get(std::string_view key);
  /// Inserts or replaces a map entry, keeping source order; returns the stored value.
  Value& set(std::string key, Value value);
  /// Appends to a list; returns the stored value.
  Value& push(Value value);
  bool erase(std::string_view key);

  /// Scalar rendered as text: strings as is, numbers without a trailing ".0", bools as true/false.
  /// Lists and maps render as compact JSON. Unknown renders as "(unknown: <why>)".
  std::string to_display() const;
  /// Compact JSON text (unknown values become null).
  std::string to_json() const;

  /// Structural equality of known content (spans, origins and refs are ignored).
  bool same_content(const Value& other) const;
};

struct MapEntry {
  std::string key;
  Value value;
};

/// Appends `text` as a JSON string literal. `escape_html` also escapes <, > and & as \u003c, \u003e, \u0026,
/// as Terraform's jsonencode does (Go's encoding/json).
void append_json_string(std::string& out, std::string_view text, bool escape_html = false);

/// Formats a number the way Terraform prints it: integers without a fraction.
std::string format_number(double n);

}  // namespace gclint::model
