#include "terraform/hcl_lexer.h"

namespace gclint::terraform {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_ident_start(char c) { return is_letter(c) || c == '_'; }

}  // namespace

HclToken HclLexer::take_digits(uint32_t pos) {
  HclToken t;
  t.begin = pos;
  uint32_t p = pos;
  while (p < src_.size() && is_digit(src_[p])) ++p;
  t.end = p;
  t.kind = p > pos ? HclTokenKind::kNumber : HclTokenKind::kError;
  reset(p);
  return t;
}

HclToken HclLexer::lex(uint32_t pos) const {
  HclToken t;
  const uint32_t n = static_cast<uint32_t>(src_.size());
  uint32_t p = pos;
  // Trivia: whitespace and the three comment forms.
  if (p == 0 && src_.substr(0, 3) == "\xEF\xBB\xBF") p = 3;  // a byte order mark is whitespace to tree-sitter
  while (p < n) {
    char c = src_[p];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f') {
      ++p;
    } else if (c == '\n') {
      t.newline_before = true;
      ++p;
    } else if (c == '#' || (c == '/' && p + 1 < n && src_[p + 1] == '/')) {
      t.comment_before = true;
      while (p < n && src_[p] != '\n') ++p;
    } else if (c == '/' && p + 1 < n && src_[p + 1] == '*') {
      t.comment_before = true;
      uint32_t q = p + 2;
      while (q + 1 < n && !(src_[q] == '*' && src_[q + 1] == '/')) {
        if (src_[q] == '\n') t.newline_before = true;
        ++q;
      }
      if (q + 1 >= n) {
        t.kind = HclTokenKind::kError;
        t.begin = p;
        t.end = n;
        return t;
      }
      p = q + 2;
    } else {
      break;
    }
  }
  t.begin = p;
  if (p >= n) {
    t.kind = HclTokenKind::kEof;
    t.end = p;
    return t;
  }
  char c = src_[p];
  auto at = [&](uint32_t i) { return i < n ? src_[i] : '\0'; };
  auto set = [&](HclTokenKind k, uint32_t len) {
    t.kind = k;
    t.end = p + len;
  };
  if (is_ident_start(c)) {
    uint32_t q = p + 1;
    while (q < n) {
      if (is_ident_continue(src_[q])) {
        ++q;
      } else if (src_[q] == ':' && at(q + 1) == ':') {
        q += 2;
      } else {
        break;
      }
    }
    // A non-ASCII letter would continue the identifier for tree-sitter: leave such text to it.
    if (q < n && static_cast<unsigned char>(src_[q]) >= 0x80) {
      set(HclTokenKind::kError, q - p + 1);
      return t;
    }
    set(HclTokenKind::kIdent, q - p);
    return t;
  }
  if (is_digit(c)) {
    uint32_t q = p + 1;
    if (c == '0' && at(q) == 'x' && (is_letter(at(q + 1)) || is_digit(at(q + 1)))) {
      q += 1;
      while (q < n && (is_digit(src_[q]) || is_letter(src_[q]))) ++q;
      set(HclTokenKind::kNumber, q - p);
      return t;
    }
    while (q < n && is_digit(src_[q])) ++q;
    if (at(q) == '.' && is_digit(at(q + 1))) {
      q += 2;
      while (q < n && is_digit(src_[q])) ++q;
    }
    // HCL's NumericLit takes an exponent with or without a fraction (`1e3`, `2.5E-1`); tree-sitter-hcl's pinned
    // grammar only after a fraction, so a file using `1e3` parses here and never goes to the fallback for it.
    if (at(q) == 'e' || at(q) == 'E') {
      uint32_t r = q + 1;
      if (at(r) == '+' || at(r) == '-') ++r;
      if (is_digit(at(r))) {
        q = r + 1;
        while (q < n && is_digit(src_[q])) ++q;
      }
    }
    set(HclTokenKind::kNumber, q - p);
    return t;
  }
  switch (c) {
    case '"':
      set(HclTokenKind::kQuote, 1);
      break;
    case '{':
      set(HclTokenKind::kLBrace, 1);
      break;
    case '}':
      set(HclTokenKind::kRBrace, 1);
      break;
    case '[':
      if (at(p + 1) == '*' && at(p + 2) == ']') {
        set(HclTokenKind::kFullSplat, 3);
      } else {
        set(HclTokenKind::kLBracket, 1);
      }
      break;
    case ']':
      set(HclTokenKind::kRBracket, 1);
      break;
    case '(':
      set(HclTokenKind::kLParen, 1);
      break;
    case ')':
      set(HclTokenKind::kRParen, 1);
      break;
    case ',':
      set(HclTokenKind::kComma, 1);
      break;
    case '.':
      if (at(p + 1) == '.' && at(p + 2) == '.') {
        set(HclTokenKind::kEllipsis, 3);
      } else if (at(p + 1) == '*') {
        set(HclTokenKind::kAttrSplat, 2);
      } else {
        set(HclTokenKind::kDot, 1);
      }
      break;
    case '=':
      if (at(p + 1) == '=') {
        set(HclTokenKind::kEqual, 2);
      } else if (at(p + 1) == '>') {
        set(HclTokenKind::kArrow, 2);
      } else {
        set(HclTokenKind::kAssign, 1);
      }
      break;
    case ':':
      set(HclTokenKind::kColon, 1);
      break;
    case '?':
      set(HclTokenKind::kQuestion, 1);
      break;
    case '~':
      set(HclTokenKind::kTilde, 1);
      break;
    case '+':
      set(HclTokenKind::kPlus, 1);
      break;
    case '-':
      set(HclTokenKind::kMinus, 1);
      break;
    case '*':
      set(HclTokenKind::kStar, 1);
      break;
    case '/':
      set(HclTokenKind::kSlash, 1);
      break;
    case '%':
      set(HclTokenKind::kPercent, 1);
      break;
    case '!':
      if (at(p + 1) == '=') {
        set(HclTokenKind::kNotEqual, 2);
      } else {
        set(HclTokenKind::kBang, 1);
      }
      break;
    case '<':
      if (at(p + 1) == '<') {
        set(HclTokenKind::kHeredoc, at(p + 2) == '-' ? 3 : 2);
      } else if (at(p + 1) == '=') {
        set(HclTokenKind::kLessEq, 2);
      } else {
        set(HclTokenKind::kLess, 1);
      }
      break;
    case '>':
      if (at(p + 1) == '=') {
        set(HclTokenKind::kGreaterEq, 2);
      } else {
        set(HclTokenKind::kGreater, 1);
      }
      break;
    case '&':
      set(at(p + 1) == '&' ? HclTokenKind::kAnd : HclTokenKind::kError, at(p + 1) == '&' ? 2 : 1);
      break;
    case '|':
      set(at(p + 1) == '|' ? HclTokenKind::kOr : HclTokenKind::kError, at(p + 1) == '|' ? 2 : 1);
      break;
    default:
      set(HclTokenKind::kError, 1);
  }
  return t;
}

}  // namespace gclint::terraform
