#pragma once

#include <cstdint>
#include <string_view>

namespace gclint::terraform {

/// Token kinds of HCL native syntax outside template text (templates are scanned by the parser itself).
enum class HclTokenKind : uint8_t {
  kEof,
  kError,      // a byte or sequence no HCL token starts with (also: non-ASCII outside strings, unclosed /*)
  kIdent,      // [A-Za-z_][A-Za-z0-9_-]* with "::" allowed inside
  kNumber,     // [0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)? or 0x[0-9a-zA-Z]+
  kQuote,      // the opening " of a quoted template
  kHeredoc,    // << or <<-
  kLBrace,     // {
  kRBrace,     // }
  kLBracket,   // [
  kRBracket,   // ]
  kFullSplat,  // [*]
  kLParen,     // (
  kRParen,     // )
  kComma,      // ,
  kDot,        // .
  kAttrSplat,  // .*
  kEllipsis,   // ...
  kAssign,     // =
  kColon,      // :
  kQuestion,   // ?
  kArrow,      // =>
  kTilde,      // ~
  kPlus,       // +
  kMinus,      // -
  kStar,       // *
  kSlash,      // /
  kPercent,    // %
  kBang,       // !
  kEqual,      // ==
  kNotEqual,   // !=
  kLess,       // <
  kLessEq,     // <=
  kGreater,    // >
  kGreaterEq,  // >=
  kAnd,        // &&
  kOr,         // ||
};

/// One token with its byte range and what the trivia before it held.
struct HclToken {
  HclTokenKind kind = HclTokenKind::kEof;
  bool newline_before = false;  // a line break in the whitespace or comments since the previous token
  bool comment_before = false;  // a comment since the previous token
  uint32_t begin = 0;
  uint32_t end = 0;
};

/// On-demand lexer with one token of lookahead; the parser repositions it around template text.
class HclLexer {
 public:
  explicit HclLexer(std::string_view src) : src_(src) {}

  /// The next token, lexed on first use.
  HclToken& peek() {
    if (!has_peek_) {
      peek_ = lex(pos_);
      has_peek_ = true;
    }
    return peek_;
  }
  /// Consumes the next token.
  HclToken take() {
    HclToken t = peek();
    pos_ = t.end;
    has_peek_ = false;
    return t;
  }
  /// Drops the lookahead and continues at byte `pos`.
  void reset(uint32_t pos) {
    pos_ = pos;
    has_peek_ = false;
  }
  /// Lexes only [0-9]+ at byte `pos` (legacy index `.0`); kError if no digit is there.
  HclToken take_digits(uint32_t pos);

  std::string_view text(const HclToken& t) const { return src_.substr(t.begin, t.end - t.begin); }
  std::string_view src() const { return src_; }

 private:
  HclToken lex(uint32_t pos) const;

  std::string_view src_;
  uint32_t pos_ = 0;
  bool has_peek_ = false;
  HclToken peek_;
};

/// Whether c may continue an identifier (besides "::").
inline bool is_ident_continue(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

}  // namespace gclint::terraform
