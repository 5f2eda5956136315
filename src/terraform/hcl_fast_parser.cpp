#include "terraform/hcl_fast_parser.h"

#include <utility>
#include <vector>

#include "terraform/hcl_lexer.h"
#include "terraform/hcl_template.h"

namespace gclint::terraform {
namespace {

using K = HclTokenKind;

// Nesting is charged at least what the tree-sitter builder charges for the same construct against its limit of 200,
// so staying under this limit keeps its "nesting too deep" diagnostic out of any file accepted here.
constexpr int kMaxDepth = 190;

struct GiveUp {
  uint32_t offset;
  const char* reason;
};

int binary_precedence(K k) {
  switch (k) {
    case K::kStar:
    case K::kSlash:
    case K::kPercent:
      return 6;
    case K::kPlus:
    case K::kMinus:
      return 5;
    case K::kGreater:
    case K::kGreaterEq:
    case K::kLess:
    case K::kLessEq:
      return 4;
    case K::kEqual:
    case K::kNotEqual:
      return 3;
    case K::kAnd:
      return 2;
    case K::kOr:
      return 1;
    default:
      return 0;
  }
}

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// The parser mirrors the tree-sitter grammar, which ignores newlines, and gives up wherever HCL's newline rules or
// the tree-sitter builder's handling of comments could make the two disagree.
class FastParser {
 public:
  explicit FastParser(std::string_view src) : src_(src), lex_(src) {}

  Body file_body() {
    Body body;
    parse_body(body, true);
    return body;
  }

 private:
  [[noreturn]] void give_up(uint32_t at, const char* reason) { throw GiveUp{at, reason}; }

  // A comment before the next token is harmless here: tree-sitter attaches it to a node whose children the builder
  // picks by kind.
  void allow_comment() { lex_.peek().comment_before = false; }

  HclToken take() {
    const HclToken& t = lex_.peek();
    if (t.comment_before) give_up(t.begin, "comment inside an expression");
    if (t.kind == K::kError) give_up(t.begin, "unexpected character");
    return lex_.take();
  }

  HclToken expect(K kind, const char* reason) {
    if (lex_.peek().kind != kind) give_up(lex_.peek().begin, reason);
    return take();
  }

  bool peek_is(K kind) { return lex_.peek().kind == kind; }

  bool peek_word(std::string_view word) {
    const HclToken& t = lex_.peek();
    return t.kind == K::kIdent && lex_.text(t) == word;
  }

  // A token that would continue the expression for tree-sitter must not start a new line where HCL ends the
  // attribute.
  void check_continuation() {
    const HclToken& t = lex_.peek();
    if (newline_sensitive_ && t.newline_before) give_up(t.begin, "expression continues on the next line");
  }

  struct Nest {
    FastParser& p;
    bool saved;
    int cost;
    Nest(FastParser& parser, uint32_t at, bool newline_sensitive, int nest_cost = 1)
        : p(parser), saved(parser.newline_sensitive_), cost(nest_cost) {
      p.depth_ += cost;
      if (p.depth_ > kMaxDepth) p.give_up(at, "nesting too deep");
      p.newline_sensitive_ = newline_sensitive;
    }
    ~Nest() {
      p.depth_ -= cost;
      p.newline_sensitive_ = saved;
    }
    Nest(const Nest&) = delete;
    Nest& operator=(const Nest&) = delete;
  };

  void parse_body(Body& body, bool top) {
    bool first = true;
    while (true) {
      allow_comment();
      const HclToken& t = lex_.peek();
      if (t.kind == K::kEof) {
        if (!top) give_up(t.begin, "unclosed block");
        return;
      }
      if (t.kind == K::kRBrace && !top) return;
      if (t.kind != K::kIdent) give_up(t.begin, "expected an attribute or block");
      if (!first && !t.newline_before) give_up(t.begin, "two items on one line");
      first = false;
      HclToken name = take();
      const HclToken& next = lex_.peek();
      if (next.newline_before) give_up(next.begin, "newline after an item name");
      if (next.kind == K::kAssign) {
        take();
        if (lex_.peek().newline_before) give_up(lex_.peek().begin, "newline after '='");
        Attribute a;
        a.name.assign(lex_.text(name));
        a.begin = name.begin;
        {
          Nest nest(*this, name.begin, true);
          a.value = parse_expression();
        }
        a.end = a.value.end;
        body.attributes.push_back(std::move(a));
      } else {
        Block b;
        b.type.assign(lex_.text(name));
        b.begin = name.begin;
        b.header_end = name.end;
        while (true) {
          allow_comment();
          const HclToken& l = lex_.peek();
          if (l.newline_before) give_up(l.begin, "newline in a block header");
          if (l.kind == K::kIdent) {
            HclToken label = take();
            b.labels.emplace_back(lex_.text(label));
            b.header_end = label.end;
          } else if (l.kind == K::kQuote) {
            HclToken open = take();
            Expr s = parse_quoted(open.begin);
            if (s.kind != ExprKind::kString) give_up(open.begin, "block label with interpolation");
            b.labels.push_back(std::move(s.name));
            b.header_end = s.end;
          } else {
            break;
          }
        }
        expect(K::kLBrace, "expected '{' after the block header");
        {
          Nest nest(*this, b.begin, false, 2);
          parse_body(b.body, false);
        }
        allow_comment();
        b.end = expect(K::kRBrace, "expected '}'").end;
        body.blocks.push_back(std::move(b));
      }
      const HclToken& after = lex_.peek();
      if (after.kind != K::kEof && after.kind != K::kRBrace && !after.newline_before) {
        give_up(after.begin, "expected a newline after the item");
      }
    }
  }

  static Expr node(ExprKind kind, uint32_t begin, uint32_t end) {
    Expr e;
    e.kind = kind;
    e.begin = begin;
    e.end = end;
    return e;
  }

  Expr parse_expression() {
    Nest nest(*this, lex_.peek().begin, newline_sensitive_);
    Expr cond = parse_binary(1);
    allow_comment_if(K::kQuestion);
    if (!peek_is(K::kQuestion)) return cond;
    check_continuation();
    take();
    allow_comment();
    Nest branches(*this, cond.begin, newline_sensitive_, 2);
    Expr then = parse_expression();
    allow_comment();
    check_continuation();
    expect(K::kColon, "expected ':' in a conditional");
    allow_comment();
    // Right-associative like HCL: `a ? b : c ? d : e` is `a ? b : (c ? d : e)`.
    Expr other = parse_expression();
    Expr e = node(ExprKind::kConditional, cond.begin, other.end);
    e.kids.reserve(3);
    e.kids.push_back(std::move(cond));
    e.kids.push_back(std::move(then));
    e.kids.push_back(std::move(other));
    return e;
  }

  void allow_comment_if(K kind) {
    if (lex_.peek().kind == kind) allow_comment();
  }

  Expr parse_binary(int min_precedence) {
    Expr lhs = parse_term();
    int chain = 0;
    while (true) {
      const HclToken& t = lex_.peek();
      int precedence = binary_precedence(t.kind);
      if (precedence == 0 || precedence < min_precedence) break;
      check_continuation();
      chain += 3;
      if (depth_ + chain > kMaxDepth) give_up(t.begin, "operator chain too long");
      HclToken op = take();
      depth_ += chain;
      Expr rhs = parse_binary(precedence + 1);
      depth_ -= chain;
      Expr e = node(ExprKind::kBinary, lhs.begin, rhs.end);
      std::string_view text = lex_.text(op);
      for (size_t i = 0; i < text.size() && i < 2; ++i) e.op[i] = text[i];
      e.kids.reserve(2);
      e.kids.push_back(std::move(lhs));
      e.kids.push_back(std::move(rhs));
      lhs = std::move(e);
    }
    return lhs;
  }

  Expr parse_term() {
    const HclToken& t = lex_.peek();
    Nest nest(*this, t.begin, newline_sensitive_);
    if (t.kind == K::kMinus || t.kind == K::kBang) {
      HclToken op = take();
      Nest unary(*this, op.begin, newline_sensitive_, 2);
      Expr operand = parse_term();
      Expr e = node(ExprKind::kUnary, op.begin, operand.end);
      e.op[0] = src_[op.begin];
      e.kids.push_back(std::move(operand));
      return e;
    }
    Expr base = parse_primary();
    return parse_postfix(std::move(base));
  }

  // `.name`, `.0`, `[expr]` after a splat or a primary.
  bool parse_traversal(Expr& base) {
    const HclToken& t = lex_.peek();
    if (t.kind == K::kDot) {
      check_continuation();
      HclToken dot = take();
      const HclToken& n = lex_.peek();
      if (n.kind == K::kNumber) {
        if (n.comment_before) give_up(n.begin, "comment inside an expression");
        HclToken digits = lex_.take_digits(n.begin);
        Expr num = node(ExprKind::kNumber, dot.begin, digits.end);
        num.number = numeric_value(lex_.text(digits));
        Expr e = node(ExprKind::kIndex, base.begin, digits.end);
        e.kids.reserve(2);
        e.kids.push_back(std::move(base));
        e.kids.push_back(std::move(num));
        base = std::move(e);
        return true;
      }
      if (n.kind != K::kIdent) give_up(n.begin, "expected a name after '.'");
      HclToken name = take();
      Expr e = node(ExprKind::kGetAttr, base.begin, name.end);
      e.name.assign(lex_.text(name));
      e.kids.push_back(std::move(base));
      base = std::move(e);
      return true;
    }
    if (t.kind == K::kLBracket) {
      check_continuation();
      HclToken open = take();
      Expr index;
      {
        Nest nest(*this, open.begin, false, 2);
        index = parse_expression();
      }
      HclToken close = expect(K::kRBracket, "expected ']'");
      Expr e = node(ExprKind::kIndex, base.begin, close.end);
      e.kids.reserve(2);
      e.kids.push_back(std::move(base));
      e.kids.push_back(std::move(index));
      base = std::move(e);
      return true;
    }
    return false;
  }

  Expr parse_postfix(Expr base) {
    while (true) {
      const HclToken& t = lex_.peek();
      if (t.kind == K::kAttrSplat || t.kind == K::kFullSplat) {
        check_continuation();
        HclToken star = take();
        Expr item = node(ExprKind::kSplatItem, base.begin, star.begin);
        uint32_t end = star.end;
        while (parse_traversal(item)) end = item.end;
        Expr e = node(ExprKind::kSplat, base.begin, end);
        e.kids.reserve(2);
        e.kids.push_back(std::move(base));
        e.kids.push_back(std::move(item));
        base = std::move(e);
        continue;
      }
      if (!parse_traversal(base)) return base;
    }
  }

  Expr parse_primary() {
    const HclToken& t = lex_.peek();
    switch (t.kind) {
      case K::kNumber: {
        HclToken n = take();
        Expr e = node(ExprKind::kNumber, n.begin, n.end);
        e.number = numeric_value(lex_.text(n));
        return e;
      }
      case K::kIdent:
        return parse_identifier_term();
      case K::kQuote: {
        HclToken open = take();
        return parse_quoted(open.begin);
      }
      case K::kHeredoc: {
        HclToken open = take();
        return parse_heredoc(open);
      }
      case K::kLParen: {
        HclToken open = take();
        Expr inner;
        {
          Nest nest(*this, open.begin, false);
          inner = parse_expression();
        }
        HclToken close = expect(K::kRParen, "expected ')'");
        Expr e = node(ExprKind::kParen, open.begin, close.end);
        e.kids.push_back(std::move(inner));
        return e;
      }
      case K::kLBracket: {
        HclToken open = take();
        Nest nest(*this, open.begin, false, 2);
        allow_comment();
        if (peek_word("for")) return parse_for(open, false);
        return parse_tuple(open);
      }
      case K::kLBrace: {
        HclToken open = take();
        Nest nest(*this, open.begin, false, 2);
        allow_comment();
        if (peek_word("for")) return parse_for(open, true);
        return parse_object(open);
      }
      default:
        give_up(t.begin, "expected an expression");
    }
  }

  Expr parse_identifier_term() {
    HclToken id = take();
    std::string_view text = lex_.text(id);
    if (text == "true" || text == "false") {
      Expr e = node(ExprKind::kBool, id.begin, id.end);
      e.number = text == "true" ? 1 : 0;
      return e;
    }
    if (text == "null") return node(ExprKind::kNull, id.begin, id.end);
    if (!peek_is(K::kLParen)) {
      Expr e = node(ExprKind::kVariable, id.begin, id.end);
      e.name.assign(text);
      return e;
    }
    check_continuation();
    allow_comment();
    take();
    Nest nest(*this, id.begin, false);
    Expr e = node(ExprKind::kCall, id.begin, id.end);
    e.name.assign(text);
    while (true) {
      allow_comment();
      if (peek_is(K::kRParen)) break;
      e.kids.push_back(parse_expression());
      allow_comment();
      if (peek_is(K::kComma)) {
        take();
        continue;
      }
      if (peek_is(K::kEllipsis)) {
        take();
        e.flag = true;
        allow_comment();
        break;
      }
      if (!peek_is(K::kRParen)) give_up(lex_.peek().begin, "expected ',' or ')'");
    }
    e.end = expect(K::kRParen, "expected ')'").end;
    return e;
  }

  Expr parse_tuple(const HclToken& open) {
    Expr e = node(ExprKind::kTuple, open.begin, open.end);
    while (true) {
      allow_comment();
      if (peek_is(K::kRBracket)) break;
      e.kids.push_back(parse_expression());
      allow_comment();
      if (peek_is(K::kComma)) {
        take();
        continue;
      }
      if (!peek_is(K::kRBracket)) give_up(lex_.peek().begin, "expected ',' or ']'");
    }
    e.end = take().end;
    return e;
  }

  Expr parse_object(const HclToken& open) {
    Expr e = node(ExprKind::kObject, open.begin, open.end);
    while (true) {
      allow_comment();
      if (peek_is(K::kRBrace)) break;
      Expr key = parse_expression();
      if (key.kind == ExprKind::kVariable) key.kind = ExprKind::kString;  // bare identifiers are literal keys
      allow_comment();
      if (!peek_is(K::kAssign) && !peek_is(K::kColon)) give_up(lex_.peek().begin, "expected '=' or ':'");
      take();
      allow_comment();
      Expr value = parse_expression();
      e.kids.push_back(std::move(key));
      e.kids.push_back(std::move(value));
      allow_comment();
      if (peek_is(K::kComma)) take();
    }
    e.end = take().end;
    return e;
  }

  HclToken take_name() {
    allow_comment();
    return expect(K::kIdent, "expected a name");
  }

  // `for k, v in coll :` after the opening bracket; returns the collection.
  Expr parse_for_intro(Expr& e) {
    take();  // for
    HclToken first = take_name();
    allow_comment();
    if (peek_is(K::kComma)) {
      take();
      HclToken second = take_name();
      e.name.assign(lex_.text(first));
      e.name2.assign(lex_.text(second));
    } else {
      e.name2.assign(lex_.text(first));
    }
    allow_comment();
    if (!peek_word("in")) give_up(lex_.peek().begin, "expected 'in'");
    take();
    allow_comment();
    Expr collection = parse_expression();
    allow_comment();
    expect(K::kColon, "expected ':' after the for clause");
    allow_comment();
    return collection;
  }

  Expr parse_for(const HclToken& open, bool object) {
    Expr e = node(object ? ExprKind::kForObject : ExprKind::kForTuple, open.begin, open.end);
    Expr collection = parse_for_intro(e);
    e.kids.push_back(std::move(collection));
    e.kids.push_back(parse_expression());
    allow_comment();
    if (object) {
      expect(K::kArrow, "expected '=>'");
      allow_comment();
      e.kids.push_back(parse_expression());
      allow_comment();
      if (peek_is(K::kEllipsis)) {
        take();
        e.op[0] = '.';  // grouping
        allow_comment();
      }
    }
    if (peek_word("if")) {
      take();
      e.kids.push_back(parse_expression());
      e.flag = true;
      allow_comment();
    }
    e.end = expect(object ? K::kRBrace : K::kRBracket, "expected the end of the for expression").end;
    return e;
  }

  // Template text ---------------------------------------------------------------------------------------------

  // Scans the text after an opening quote up to the closing one; a template without interpolations or directives
  // is a plain string, as with tree-sitter's string_lit.
  Expr parse_quoted(uint32_t open) {
    std::vector<TplToken> toks;
    uint32_t close = scan_template(open + 1, UINT32_MAX, toks);
    lex_.reset(close + 1);
    if (toks.empty() || (toks.size() == 1 && toks[0].kind == TplToken::kLit)) {
      Expr e = node(ExprKind::kString, open, close + 1);
      e.name = unescape(src_.substr(open + 1, close - (open + 1)), true);
      return e;
    }
    return build_template(toks, open, close + 1, false, false);
  }

  Expr parse_heredoc(const HclToken& start) {
    bool flush = start.end - start.begin == 3;
    const uint32_t n = static_cast<uint32_t>(src_.size());
    uint32_t p = start.end;
    while (p < n && is_ident_continue(src_[p])) ++p;
    std::string_view id = src_.substr(start.end, p - start.end);
    if (id.empty()) give_up(start.end, "heredoc without a delimiter");
    // Whether tree-sitter's scanner counts a non-ASCII letter into the delimiter depends on the locale.
    if (p < n && static_cast<unsigned char>(src_[p]) >= 0x80) give_up(p, "non-ASCII heredoc delimiter");
    // Tree-sitter reads the rest of the opening line as template text and the builder drops it; leave anything
    // that could open an interpolation or directive there to tree-sitter.
    while (p < n && src_[p] != '\n') {
      if (src_[p] == '\0' || ((src_[p] == '$' || src_[p] == '%') && p + 1 < n && src_[p + 1] == '{')) {
        give_up(p, "template sequence after the heredoc delimiter");
      }
      ++p;
    }
    if (p >= n) give_up(p, "heredoc without content");
    uint32_t content = p + 1;
    std::string_view outer = heredoc_id_;
    heredoc_id_ = id;
    std::vector<TplToken> toks;
    uint32_t close_line = scan_template(content, content, toks);
    heredoc_id_ = outer;
    // The closing delimiter starts after the line's leading whitespace.
    uint32_t q = close_line;
    while (src_[q] == ' ' || src_[q] == '\t' || src_[q] == '\r' || src_[q] == '\v' || src_[q] == '\f') ++q;
    uint32_t end = q + static_cast<uint32_t>(id.size());
    lex_.reset(end);
    return build_template(toks, start.begin, end, true, flush);
  }

  // Whether a heredoc line starting at `line` closes it: the delimiter after optional whitespace, then only
  // whitespace up to a newline. A line that starts with the delimiter but goes on is left to tree-sitter.
  bool closes_heredoc(uint32_t line) {
    const uint32_t n = static_cast<uint32_t>(src_.size());
    uint32_t q = line;
    while (q < n && (src_[q] == ' ' || src_[q] == '\t' || src_[q] == '\r' || src_[q] == '\v' || src_[q] == '\f')) {
      ++q;
    }
    if (src_.substr(q, heredoc_id_.size()) != heredoc_id_) return false;
    q += static_cast<uint32_t>(heredoc_id_.size());
    while (q < n && (src_[q] == ' ' || src_[q] == '\t' || src_[q] == '\r' || src_[q] == '\v' || src_[q] == '\f')) {
      ++q;
    }
    if (q < n && src_[q] == '\n') return true;
    give_up(line, "heredoc line starting with its delimiter");
  }

  // Scans template text from `p`: for a quoted template (heredoc_line == UINT32_MAX) up to the closing quote, whose
  // offset is returned; for a heredoc up to the closing line, whose start is returned. Appends the flattened parts.
  uint32_t scan_template(uint32_t p, uint32_t heredoc_line, std::vector<TplToken>& toks) {
    const bool heredoc = heredoc_line != UINT32_MAX;
    const uint32_t n = static_cast<uint32_t>(src_.size());
    uint32_t lit = p;
    std::vector<TplToken::Kind> open;  // directives still open
    auto flush_literal = [&](uint32_t to) {
      if (to > lit) {
        TplToken t;
        t.kind = TplToken::kLit;
        t.text.assign(src_.substr(lit, to - lit));
        t.begin = lit;
        t.end = to;
        toks.push_back(std::move(t));
      }
    };
    bool line_start = heredoc;
    while (true) {
      if (p >= n) give_up(p, "unterminated template");
      if (line_start) {
        line_start = false;
        if (closes_heredoc(p)) {
          if (!open.empty()) give_up(p, "heredoc ends inside a directive");
          flush_literal(p);
          return p;
        }
      }
      char c = src_[p];
      if (c == '\0') give_up(p, "NUL byte in a template");
      if (heredoc) {
        if (c == '\n') line_start = true;
      } else {
        if (c == '"') break;
        if (c == '\n' || c == '\r') give_up(p, "line break in a quoted string");
        if (c == '\\') {
          char e = p + 1 < n ? src_[p + 1] : '\0';
          if (e == 'n' || e == 'r' || e == 't' || e == '"' || e == '\\') {
            p += 2;
            continue;
          }
          if (e == 'u' || e == 'U') {
            uint32_t digits = e == 'u' ? 4 : 8;
            for (uint32_t i = 0; i < digits; ++i) {
              if (p + 2 + i >= n || !is_hex(src_[p + 2 + i])) give_up(p, "bad \\u escape");
            }
            p += 2 + digits;
            continue;
          }
          give_up(p, "unknown escape");
        }
      }
      if (c == '$' || c == '%') {
        char next = p + 1 < n ? src_[p + 1] : '\0';
        if (next == '{') {
          flush_literal(p);
          TplToken t = c == '$' ? parse_interpolation(p) : parse_directive(p);
          p = t.end;
          lit = p;
          if (t.kind == TplToken::kIf || t.kind == TplToken::kFor) {
            depth_ += 2;
            if (depth_ > kMaxDepth) give_up(t.begin, "directives nested too deep");
            open.push_back(t.kind);
          } else if (t.kind == TplToken::kElse) {
            if (open.empty() || open.back() != TplToken::kIf) give_up(t.begin, "else outside if");
            open.back() = TplToken::kElse;
          } else if (t.kind == TplToken::kEndIf) {
            if (open.empty() || (open.back() != TplToken::kIf && open.back() != TplToken::kElse)) {
              give_up(t.begin, "endif outside if");
            }
            open.pop_back();
            depth_ -= 2;
          } else if (t.kind == TplToken::kEndFor) {
            if (open.empty() || open.back() != TplToken::kFor) give_up(t.begin, "endfor outside for");
            open.pop_back();
            depth_ -= 2;
          }
          toks.push_back(std::move(t));
          continue;
        }
        // $${ and %%{ are one literal piece; a doubled sign alone is two characters.
        if (next == c) {
          p += p + 2 < n && src_[p + 2] == '{' ? 3 : 2;
          continue;
        }
      }
      ++p;
    }
    if (!open.empty()) give_up(p, "unclosed directive");
    flush_literal(p);
    return p;
  }

  // Optional `~` right after `${` or `%{`.
  bool strip_marker() {
    if (!peek_is(K::kTilde)) return false;
    take();
    return true;
  }

  TplToken parse_interpolation(uint32_t at) {
    Nest nest(*this, at, false, 3);
    lex_.reset(at + 2);
    TplToken t;
    t.kind = TplToken::kInterp;
    t.begin = at;
    t.strip_left = strip_marker();
    if (peek_is(K::kRBrace) || peek_is(K::kTilde)) give_up(at, "empty interpolation");
    t.expr = parse_expression();
    t.strip_right = strip_marker();
    t.end = expect(K::kRBrace, "expected '}' closing the interpolation").end;
    return t;
  }

  TplToken parse_directive(uint32_t at) {
    Nest nest(*this, at, false, 3);
    lex_.reset(at + 2);
    TplToken t;
    t.begin = at;
    t.strip_left = strip_marker();
    if (!peek_is(K::kIdent)) give_up(lex_.peek().begin, "expected a directive keyword");
    HclToken keyword = take();
    std::string_view word = lex_.text(keyword);
    if (word == "if") {
      t.kind = TplToken::kIf;
      t.expr = parse_expression();
    } else if (word == "for") {
      t.kind = TplToken::kFor;
      HclToken first = expect(K::kIdent, "expected a name");
      if (peek_is(K::kComma)) {
        take();
        HclToken second = expect(K::kIdent, "expected a name");
        t.text.assign(lex_.text(first));
        t.text2.assign(lex_.text(second));
      } else {
        t.text2.assign(lex_.text(first));
      }
      if (!peek_word("in")) give_up(lex_.peek().begin, "expected 'in'");
      take();
      t.expr = parse_expression();
    } else if (word == "else") {
      t.kind = TplToken::kElse;
    } else if (word == "endif") {
      t.kind = TplToken::kEndIf;
    } else if (word == "endfor") {
      t.kind = TplToken::kEndFor;
    } else {
      give_up(keyword.begin, "unknown directive");
    }
    t.strip_right = strip_marker();
    t.end = expect(K::kRBrace, "expected '}' closing the directive").end;
    if (t.kind != TplToken::kIf && t.kind != TplToken::kFor) t.expr = node(ExprKind::kInvalid, t.begin, t.end);
    return t;
  }

  std::string_view src_;
  HclLexer lex_;
  std::string_view heredoc_id_;
  int depth_ = 0;
  bool newline_sensitive_ = false;
};

}  // namespace

std::optional<HclFile> parse_hcl_fast(const model::SourceFile& file, HclFastError* error) {
  const std::string& content = file.content();
  if (content.size() >= UINT32_MAX) {
    if (error) *error = HclFastError{0, "file too large"};
    return std::nullopt;
  }
  FastParser parser(content);
  try {
    HclFile out;
    out.file_id = file.id();
    out.body = parser.file_body();
    return out;
  } catch (const GiveUp& g) {
    if (error) *error = HclFastError{g.offset, g.reason};
    return std::nullopt;
  }
}

}  // namespace gclint::terraform
