#include "terraform/hcl_tree_sitter_parser.h"

#include <tree_sitter/api.h>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "terraform/hcl_template.h"

extern "C" const TSLanguage* tree_sitter_hcl(void);

namespace gclint::terraform {
namespace {

constexpr int kMaxDepth = 200;

struct Symbols {
  TSSymbol expression, attribute, block, body, identifier, string_lit, object, tuple, object_elem, literal_value,
      numeric_lit, bool_lit, null_lit, template_expr, quoted_template, heredoc_template, collection_value,
      variable_expr, function_call, function_arguments, for_expr, for_tuple_expr, for_object_expr, for_intro, for_cond,
      operation, unary_operation, binary_operation, conditional, get_attr, index, new_index, legacy_index, splat,
      attr_splat, full_splat, template_interpolation, template_directive, template_if, template_for, template_if_intro,
      template_else_intro, template_if_end, template_for_start, template_for_end, strip_marker, ellipsis, heredoc_start,
      heredoc_identifier, quoted_template_start, quoted_template_end, config_file;

  Symbols() {
    const TSLanguage* lang = tree_sitter_hcl();
    auto sym = [lang](const char* name) {
      return ts_language_symbol_for_name(lang, name, static_cast<uint32_t>(std::strlen(name)), true);
    };
    expression = sym("expression");
    attribute = sym("attribute");
    block = sym("block");
    body = sym("body");
    identifier = sym("identifier");
    string_lit = sym("string_lit");
    object = sym("object");
    tuple = sym("tuple");
    object_elem = sym("object_elem");
    literal_value = sym("literal_value");
    numeric_lit = sym("numeric_lit");
    bool_lit = sym("bool_lit");
    null_lit = sym("null_lit");
    template_expr = sym("template_expr");
    quoted_template = sym("quoted_template");
    heredoc_template = sym("heredoc_template");
    collection_value = sym("collection_value");
    variable_expr = sym("variable_expr");
    function_call = sym("function_call");
    function_arguments = sym("function_arguments");
    for_expr = sym("for_expr");
    for_tuple_expr = sym("for_tuple_expr");
    for_object_expr = sym("for_object_expr");
    for_intro = sym("for_intro");
    for_cond = sym("for_cond");
    operation = sym("operation");
    unary_operation = sym("unary_operation");
    binary_operation = sym("binary_operation");
    conditional = sym("conditional");
    get_attr = sym("get_attr");
    index = sym("index");
    new_index = sym("new_index");
    legacy_index = sym("legacy_index");
    splat = sym("splat");
    attr_splat = sym("attr_splat");
    full_splat = sym("full_splat");
    template_interpolation = sym("template_interpolation");
    template_directive = sym("template_directive");
    template_if = sym("template_if");
    template_for = sym("template_for");
    template_if_intro = sym("template_if_intro");
    template_else_intro = sym("template_else_intro");
    template_if_end = sym("template_if_end");
    template_for_start = sym("template_for_start");
    template_for_end = sym("template_for_end");
    strip_marker = sym("strip_marker");
    ellipsis = sym("ellipsis");
    heredoc_start = sym("heredoc_start");
    heredoc_identifier = sym("heredoc_identifier");
    quoted_template_start = sym("quoted_template_start");
    quoted_template_end = sym("quoted_template_end");
    config_file = sym("config_file");
  }
};

const Symbols& symbols() {
  static const Symbols kSymbols;
  return kSymbols;
}

struct ParserDeleter {
  void operator()(TSParser* p) const { ts_parser_delete(p); }
};

TSParser* thread_parser() {
  thread_local std::unique_ptr<TSParser, ParserDeleter> parser;
  if (!parser) {
    parser.reset(ts_parser_new());
    ts_parser_set_language(parser.get(), tree_sitter_hcl());
  }
  return parser.get();
}

void children_of(TSNode n, std::vector<TSNode>& out) {
  out.clear();
  uint32_t count = ts_node_child_count(n);
  if (count == 0) return;
  out.reserve(count);
  TSTreeCursor c = ts_tree_cursor_new(n);
  if (ts_tree_cursor_goto_first_child(&c)) {
    do {
      out.push_back(ts_tree_cursor_current_node(&c));
    } while (ts_tree_cursor_goto_next_sibling(&c));
  }
  ts_tree_cursor_delete(&c);
}

std::vector<TSNode> kids(TSNode n) {
  std::vector<TSNode> out;
  children_of(n, out);
  return out;
}

class Builder {
 public:
  Builder(const model::SourceFile& file, std::vector<model::Diagnostic>& diagnostics)
      : src_(file.content()), file_id_(file.id()), diagnostics_(diagnostics), s_(symbols()) {}

  Body body(TSNode n, int depth) {
    Body out;
    if (depth > kMaxDepth) {
      too_deep(n);
      return out;
    }
    for (TSNode c : kids(n)) {
      TSSymbol sym = ts_node_symbol(c);
      if (sym == s_.attribute) {
        auto ks = kids(c);
        if (ks.size() < 3 || ts_node_symbol(ks[0]) != s_.identifier) continue;
        Attribute a;
        a.name = text(ks[0]);
        a.begin = ts_node_start_byte(c);
        a.end = ts_node_end_byte(c);
        a.value = expression(ks[2], depth + 1);
        out.attributes.push_back(std::move(a));
      } else if (sym == s_.block) {
        out.blocks.push_back(block(c, depth + 1));
      }
    }
    return out;
  }

 private:
  std::string text(TSNode n) const {
    return std::string(src_.substr(ts_node_start_byte(n), ts_node_end_byte(n) - ts_node_start_byte(n)));
  }
  std::string_view view(TSNode n) const {
    return src_.substr(ts_node_start_byte(n), ts_node_end_byte(n) - ts_node_start_byte(n));
  }

  void too_deep(TSNode n) {
    diagnostics_.push_back(model::Diagnostic{model::Diagnostic::Level::kError,
                                             model::Span{file_id_, ts_node_start_byte(n), ts_node_start_byte(n) + 1},
                                             "nesting too deep (limit " + std::to_string(kMaxDepth) + ")"});
  }

  Block block(TSNode n, int depth) {
    Block b;
    b.begin = ts_node_start_byte(n);
    b.end = ts_node_end_byte(n);
    b.header_end = b.begin;
    bool first = true;
    for (TSNode c : kids(n)) {
      TSSymbol sym = ts_node_symbol(c);
      if (sym == s_.identifier) {
        if (first) {
          b.type = text(c);
        } else {
          b.labels.push_back(text(c));
        }
        b.header_end = ts_node_end_byte(c);
        first = false;
      } else if (sym == s_.string_lit) {
        b.labels.push_back(string_lit(c));
        b.header_end = ts_node_end_byte(c);
        first = false;
      } else if (sym == s_.body) {
        b.body = body(c, depth + 1);
      }
    }
    return b;
  }

  std::string string_lit(TSNode n) {
    uint32_t begin = ts_node_start_byte(n) + 1;
    uint32_t end = ts_node_end_byte(n);
    if (end > begin && src_[end - 1] == '"') --end;
    if (end < begin) end = begin;
    return unescape(src_.substr(begin, end - begin), true);
  }

  Expr make(ExprKind kind, TSNode n) {
    Expr e;
    e.kind = kind;
    e.begin = ts_node_start_byte(n);
    e.end = ts_node_end_byte(n);
    return e;
  }

  Expr expression(TSNode n, int depth) {
    if (depth > kMaxDepth) {
      too_deep(n);
      return make(ExprKind::kInvalid, n);
    }
    if (ts_node_symbol(n) == s_.expression) {
      auto ks = kids(n);
      return sequence(n, ks, 0, ks.size(), depth + 1);
    }
    return primary(n, depth + 1);
  }

  // A flattened `_expr_term`: a primary (or a parenthesized expression) followed by traversals.
  Expr sequence(TSNode parent, const std::vector<TSNode>& ks, size_t i, size_t j, int depth) {
    if (i >= j) return make(ExprKind::kInvalid, parent);
    Expr base;
    size_t k = i;
    if (!ts_node_is_named(ks[i]) && view(ks[i]) == "(") {
      base.kind = ExprKind::kParen;
      base.begin = ts_node_start_byte(ks[i]);
      size_t close = i + 1;
      while (close < j && !(!ts_node_is_named(ks[close]) && view(ks[close]) == ")")) ++close;
      base.end = close < j ? ts_node_end_byte(ks[close]) : ts_node_end_byte(ks[j - 1]);
      base.kids.push_back(i + 1 < close ? expression(ks[i + 1], depth + 1) : make(ExprKind::kInvalid, ks[i]));
      k = close + 1;
    } else {
      base = primary(ks[i], depth + 1);
      k = i + 1;
    }
    for (; k < j; ++k) base = postfix(std::move(base), ks[k], depth + 1);
    return base;
  }

  Expr postfix(Expr base, TSNode n, int depth) {
    TSSymbol sym = ts_node_symbol(n);
    Expr e;
    e.begin = base.begin;
    e.end = ts_node_end_byte(n);
    if (sym == s_.get_attr) {
      e.kind = ExprKind::kGetAttr;
      auto ks = kids(n);
      e.name = ks.size() >= 2 ? text(ks[1]) : std::string();
      e.kids.push_back(std::move(base));
    } else if (sym == s_.index) {
      e.kind = ExprKind::kIndex;
      TSNode inner = ts_node_named_child(n, 0);
      e.kids.push_back(std::move(base));
      if (ts_node_symbol(inner) == s_.legacy_index) {
        Expr num = make(ExprKind::kNumber, inner);
        std::string digits = text(inner).substr(1);
        num.number = std::strtod(digits.c_str(), nullptr);
        e.kids.push_back(std::move(num));
      } else {
        TSNode ex = ts_node_named_child(inner, 0);
        e.kids.push_back(ts_node_is_null(ex) ? make(ExprKind::kInvalid, inner) : expression(ex, depth + 1));
      }
    } else if (sym == s_.splat) {
      e.kind = ExprKind::kSplat;
      TSNode inner = ts_node_named_child(n, 0);
      Expr item;
      item.kind = ExprKind::kSplatItem;
      item.begin = base.begin;
      item.end = ts_node_start_byte(n);
      e.kids.push_back(std::move(base));
      if (!ts_node_is_null(inner)) {
        for (TSNode c : kids(inner)) {
          if (ts_node_is_named(c)) item = postfix(std::move(item), c, depth + 1);
        }
      }
      e.kids.push_back(std::move(item));
    } else {
      return base;  // ERROR nodes among traversals were reported already
    }
    return e;
  }

  Expr primary(TSNode n, int depth) {
    if (depth > kMaxDepth) {
      too_deep(n);
      return make(ExprKind::kInvalid, n);
    }
    TSSymbol sym = ts_node_symbol(n);
    if (sym == s_.expression) return expression(n, depth + 1);
    if (sym == s_.literal_value) {
      TSNode c = ts_node_named_child(n, 0);
      if (ts_node_is_null(c)) return make(ExprKind::kInvalid, n);
      TSSymbol cs = ts_node_symbol(c);
      if (cs == s_.numeric_lit) {
        Expr e = make(ExprKind::kNumber, n);
        e.number = numeric_value(view(c));
        return e;
      }
      if (cs == s_.bool_lit) {
        Expr e = make(ExprKind::kBool, n);
        e.number = view(c) == "true" ? 1 : 0;
        return e;
      }
      if (cs == s_.null_lit) return make(ExprKind::kNull, n);
      if (cs == s_.string_lit) {
        Expr e = make(ExprKind::kString, n);
        e.name = string_lit(c);
        return e;
      }
      return make(ExprKind::kInvalid, n);
    }
    if (sym == s_.template_expr) {
      TSNode c = ts_node_named_child(n, 0);
      if (ts_node_is_null(c)) return make(ExprKind::kInvalid, n);
      return template_expr(c, depth + 1);
    }
    if (sym == s_.collection_value) {
      TSNode c = ts_node_named_child(n, 0);
      if (ts_node_is_null(c)) return make(ExprKind::kInvalid, n);
      return primary(c, depth + 1);
    }
    if (sym == s_.tuple) {
      Expr e = make(ExprKind::kTuple, n);
      for (TSNode c : kids(n)) {
        if (ts_node_symbol(c) == s_.expression) e.kids.push_back(expression(c, depth + 1));
      }
      return e;
    }
    if (sym == s_.object) {
      Expr e = make(ExprKind::kObject, n);
      for (TSNode c : kids(n)) {
        if (ts_node_symbol(c) != s_.object_elem) continue;
        TSNode key = ts_node_child_by_field_name(c, "key", 3);
        TSNode val = ts_node_child_by_field_name(c, "val", 3);
        if (ts_node_is_null(key) || ts_node_is_null(val)) continue;
        Expr k = expression(key, depth + 1);
        if (k.kind == ExprKind::kVariable) k.kind = ExprKind::kString;  // bare identifiers are literal keys
        e.kids.push_back(std::move(k));
        e.kids.push_back(expression(val, depth + 1));
      }
      return e;
    }
    if (sym == s_.variable_expr) {
      Expr e = make(ExprKind::kVariable, n);
      e.name = text(n);
      return e;
    }
    if (sym == s_.function_call) {
      Expr e = make(ExprKind::kCall, n);
      for (TSNode c : kids(n)) {
        TSSymbol cs = ts_node_symbol(c);
        if (cs == s_.identifier) {
          e.name = text(c);
        } else if (cs == s_.function_arguments) {
          for (TSNode a : kids(c)) {
            TSSymbol as = ts_node_symbol(a);
            if (as == s_.expression) e.kids.push_back(expression(a, depth + 1));
            if (as == s_.ellipsis) e.flag = true;
          }
        }
      }
      return e;
    }
    if (sym == s_.for_expr) {
      TSNode c = ts_node_named_child(n, 0);
      if (ts_node_is_null(c)) return make(ExprKind::kInvalid, n);
      return for_expr(c, depth + 1);
    }
    if (sym == s_.operation) {
      TSNode c = ts_node_named_child(n, 0);
      if (ts_node_is_null(c)) return make(ExprKind::kInvalid, n);
      return primary(c, depth + 1);
    }
    if (sym == s_.unary_operation) {
      auto ks = kids(n);
      Expr e = make(ExprKind::kUnary, n);
      if (ks.size() < 2) return make(ExprKind::kInvalid, n);
      e.op[0] = view(ks[0])[0];
      e.kids.push_back(sequence(n, ks, 1, ks.size(), depth + 1));
      return e;
    }
    if (sym == s_.binary_operation) {
      auto ks = kids(n);
      size_t opi = 0;
      for (size_t i = 1; i < ks.size(); ++i) {
        if (ts_node_is_named(ks[i])) continue;
        std::string_view t = view(ks[i]);
        if (t == "(" || t == ")") continue;
        opi = i;
        break;
      }
      if (opi == 0) return make(ExprKind::kInvalid, n);
      Expr e = make(ExprKind::kBinary, n);
      std::string_view op = view(ks[opi]);
      for (size_t i = 0; i < op.size() && i < 2; ++i) e.op[i] = op[i];
      e.kids.push_back(sequence(n, ks, 0, opi, depth + 1));
      e.kids.push_back(sequence(n, ks, opi + 1, ks.size(), depth + 1));
      return e;
    }
    if (sym == s_.conditional) {
      Expr e = make(ExprKind::kConditional, n);
      for (TSNode c : kids(n)) {
        if (ts_node_symbol(c) == s_.expression) e.kids.push_back(expression(c, depth + 1));
      }
      if (e.kids.size() != 3) return make(ExprKind::kInvalid, n);
      return right_associate(std::move(e));
    }
    if (sym == s_.quoted_template || sym == s_.heredoc_template) return template_expr(n, depth + 1);
    return make(ExprKind::kInvalid, n);
  }

  // The grammar groups `a ? b : c ? d : e` as `(a ? b : c) ? d : e`; HCL (and Terraform) read it as
  // `a ? b : (c ? d : e)`, the idiom of `x ? 1 : y ? n : m` in community modules. Explicit parentheses
  // are kParen nodes and stay as written.
  static Expr right_associate(Expr e) {
    while (e.kids[0].kind == ExprKind::kConditional) {
      Expr inner = std::move(e.kids[0]);
      Expr rest;
      rest.kind = ExprKind::kConditional;
      rest.begin = inner.kids[2].begin;
      rest.end = e.end;
      rest.kids.push_back(std::move(inner.kids[2]));
      rest.kids.push_back(std::move(e.kids[1]));
      rest.kids.push_back(std::move(e.kids[2]));
      e.kids[0] = std::move(inner.kids[0]);
      e.kids[1] = std::move(inner.kids[1]);
      e.kids[2] = right_associate(std::move(rest));
    }
    return e;
  }

  Expr for_expr(TSNode n, int depth) {
    bool object = ts_node_symbol(n) == s_.for_object_expr;
    Expr e = make(object ? ExprKind::kForObject : ExprKind::kForTuple, n);
    Expr collection = make(ExprKind::kInvalid, n);
    std::vector<Expr> bodies;
    Expr cond;
    bool has_cond = false;
    for (TSNode c : kids(n)) {
      TSSymbol cs = ts_node_symbol(c);
      if (cs == s_.for_intro) {
        std::vector<std::string> names;
        for (TSNode ic : kids(c)) {
          TSSymbol is = ts_node_symbol(ic);
          if (is == s_.identifier) names.push_back(text(ic));
          if (is == s_.expression) collection = expression(ic, depth + 1);
        }
        if (names.size() == 2) {
          e.name = names[0];
          e.name2 = names[1];
        } else if (names.size() == 1) {
          e.name2 = names[0];
        }
      } else if (cs == s_.expression) {
        bodies.push_back(expression(c, depth + 1));
      } else if (cs == s_.ellipsis) {
        e.op[0] = '.';  // grouping
      } else if (cs == s_.for_cond) {
        TSNode ce = ts_node_named_child(c, 0);
        if (!ts_node_is_null(ce)) {
          cond = expression(ce, depth + 1);
          has_cond = true;
        }
      }
    }
    if (bodies.size() != (object ? 2u : 1u)) return make(ExprKind::kInvalid, n);
    e.flag = has_cond;
    e.kids.push_back(std::move(collection));
    for (auto& b : bodies) e.kids.push_back(std::move(b));
    if (has_cond) e.kids.push_back(std::move(cond));
    return e;
  }

  static bool has_strip_before_keyword(const std::vector<TSNode>& ks, TSSymbol strip, bool& right) {
    bool left = false;
    right = false;
    bool seen_other = false;
    for (size_t i = 1; i + 1 < ks.size(); ++i) {
      if (ts_node_symbol(ks[i]) == strip) {
        if (!seen_other) {
          left = true;
        } else {
          right = true;
        }
      } else {
        seen_other = true;
      }
    }
    return left;
  }

  void flatten(TSNode n, uint32_t begin, uint32_t end, std::vector<TplToken>& out, int depth) {
    if (depth > kMaxDepth) {
      too_deep(n);
      return;
    }
    uint32_t cursor = begin;
    auto gap = [&](uint32_t to) {
      if (to > cursor) {
        TplToken t;
        t.kind = TplToken::kLit;
        t.text.assign(src_.substr(cursor, to - cursor));
        t.begin = cursor;
        t.end = to;
        out.push_back(std::move(t));
      }
    };
    for (TSNode c : kids(n)) {
      uint32_t cb = ts_node_start_byte(c);
      uint32_t ce = ts_node_end_byte(c);
      if (cb < begin || ce > end) continue;
      TSSymbol cs = ts_node_symbol(c);
      TplToken t;
      t.begin = cb;
      t.end = ce;
      if (cs == s_.template_interpolation) {
        gap(cb);
        auto ks = kids(c);
        t.kind = TplToken::kInterp;
        t.strip_left = has_strip_before_keyword(ks, s_.strip_marker, t.strip_right);
        bool found = false;
        for (TSNode ic : ks) {
          if (ts_node_symbol(ic) == s_.expression) {
            t.expr = expression(ic, depth + 1);
            found = true;
          }
        }
        if (!found) t.expr = make(ExprKind::kInvalid, c);
        out.push_back(std::move(t));
        cursor = ce;
      } else if (cs == s_.template_directive) {
        gap(cb);
        TSNode inner = ts_node_named_child(c, 0);
        if (!ts_node_is_null(inner)) flatten(inner, cb, ce, out, depth + 1);
        cursor = ce;
      } else if (cs == s_.template_if_intro || cs == s_.template_else_intro || cs == s_.template_if_end ||
                 cs == s_.template_for_start || cs == s_.template_for_end) {
        gap(cb);
        auto ks = kids(c);
        t.strip_left = has_strip_before_keyword(ks, s_.strip_marker, t.strip_right);
        if (cs == s_.template_if_intro) t.kind = TplToken::kIf;
        if (cs == s_.template_else_intro) t.kind = TplToken::kElse;
        if (cs == s_.template_if_end) t.kind = TplToken::kEndIf;
        if (cs == s_.template_for_end) t.kind = TplToken::kEndFor;
        if (cs == s_.template_for_start) t.kind = TplToken::kFor;
        std::vector<std::string> names;
        t.expr = make(ExprKind::kInvalid, c);
        for (TSNode ic : ks) {
          TSSymbol is = ts_node_symbol(ic);
          if (is == s_.expression) t.expr = expression(ic, depth + 1);
          if (is == s_.identifier) names.push_back(text(ic));
        }
        if (names.size() == 2) {
          t.text = names[0];
          t.text2 = names[1];
        } else if (names.size() == 1) {
          t.text2 = names[0];
        }
        out.push_back(std::move(t));
        cursor = ce;
      } else if (cs == s_.template_if || cs == s_.template_for) {
        gap(cb);
        flatten(c, cb, ce, out, depth + 1);
        cursor = ce;
      }
    }
    gap(end);
  }

  Expr template_expr(TSNode n, int depth) {
    bool heredoc = ts_node_symbol(n) == s_.heredoc_template;
    auto ks = kids(n);
    uint32_t begin = ts_node_start_byte(n);
    uint32_t end = ts_node_end_byte(n);
    bool flush = false;
    uint32_t cbegin = begin;
    uint32_t cend = end;
    if (heredoc) {
      std::vector<TSNode> ids;
      for (TSNode c : ks) {
        if (ts_node_symbol(c) == s_.heredoc_identifier) ids.push_back(c);
        if (ts_node_symbol(c) == s_.heredoc_start) flush = view(c) == "<<-";
      }
      if (ids.empty()) return make(ExprKind::kInvalid, n);
      cbegin = ts_node_end_byte(ids[0]);
      while (cbegin < end && src_[cbegin] != '\n') ++cbegin;
      if (cbegin < end) ++cbegin;
      if (ids.size() >= 2) {
        cend = ts_node_start_byte(ids.back());
        while (cend > cbegin && src_[cend - 1] != '\n') --cend;
      }
    } else {
      cbegin = begin + 1;
      cend = end;
      if (cend > cbegin && src_[cend - 1] == '"') --cend;
    }
    std::vector<TplToken> toks;
    flatten(n, cbegin, cend, toks, depth + 1);
    return build_template(toks, begin, end, heredoc, flush);
  }

  std::string_view src_;
  uint32_t file_id_;
  std::vector<model::Diagnostic>& diagnostics_;
  const Symbols& s_;
};

void report_errors(TSNode root, const model::SourceFile& file, std::vector<model::Diagnostic>& diagnostics) {
  if (!ts_node_has_error(root)) return;
  std::string_view src = file.content();
  TSTreeCursor c = ts_tree_cursor_new(root);
  size_t reported = 0;
  bool descend = true;
  while (true) {
    TSNode n = ts_tree_cursor_current_node(&c);
    bool enter = false;
    if (descend) {
      if (ts_node_is_missing(n)) {
        uint32_t at = ts_node_start_byte(n);
        while (at < src.size() && (src[at] == ' ' || src[at] == '\t' || src[at] == '\n' || src[at] == '\r')) ++at;
        uint32_t end = at;
        while (end < src.size() && end - at < 40 && !std::isspace(static_cast<unsigned char>(src[end]))) ++end;
        std::string message = end > at ? "syntax error: unexpected '" + std::string(src.substr(at, end - at)) + "'"
                                       : std::string("syntax error: unexpected end of file");
        message += std::string(" (missing '") + ts_node_type(n) + "')";
        diagnostics.push_back(
            model::Diagnostic{model::Diagnostic::Level::kError, model::Span{file.id(), at, end}, std::move(message)});
        ++reported;
      } else if (ts_node_is_error(n)) {
        // Point at the first token of the erroneous region.
        TSNode tok = n;
        while (ts_node_child_count(tok) > 0) tok = ts_node_child(tok, 0);
        uint32_t b = ts_node_start_byte(tok);
        uint32_t e = ts_node_end_byte(tok);
        if (e <= b) e = std::min<uint32_t>(b + 1, static_cast<uint32_t>(src.size()));
        std::string t(src.substr(b, std::min<uint32_t>(e - b, 40)));
        std::string message =
            t.empty() ? "syntax error: unexpected end of file" : "syntax error: unexpected '" + t + "'";
        diagnostics.push_back(
            model::Diagnostic{model::Diagnostic::Level::kError, model::Span{file.id(), b, e}, std::move(message)});
        ++reported;
      } else if (ts_node_has_error(n)) {
        enter = true;
      }
    }
    if (reported >= 100) break;
    if (enter && ts_tree_cursor_goto_first_child(&c)) {
      descend = true;
      continue;
    }
    if (ts_tree_cursor_goto_next_sibling(&c)) {
      descend = true;
      continue;
    }
    bool moved = false;
    while (ts_tree_cursor_goto_parent(&c)) {
      if (ts_tree_cursor_goto_next_sibling(&c)) {
        moved = true;
        break;
      }
    }
    if (!moved) break;
    descend = true;
  }
  ts_tree_cursor_delete(&c);
}

}  // namespace

HclFile parse_hcl_tree_sitter(const model::SourceFile& file, std::vector<model::Diagnostic>& diagnostics) {
  HclFile out;
  out.file_id = file.id();
  const std::string& content = file.content();
  TSParser* parser = thread_parser();
  TSTree* tree = ts_parser_parse_string(parser, nullptr, content.data(), static_cast<uint32_t>(content.size()));
  if (!tree) {
    diagnostics.push_back(
        model::Diagnostic{model::Diagnostic::Level::kError, model::Span{file.id(), 0, 0}, "could not parse file"});
    return out;
  }
  TSNode root = ts_tree_root_node(tree);
  report_errors(root, file, diagnostics);
  Builder builder(file, diagnostics);
  const Symbols& s = symbols();
  std::vector<TSNode> top = kids(root);
  for (TSNode c : top) {
    if (ts_node_symbol(c) == s.body) {
      Body b = builder.body(c, 0);
      for (auto& a : b.attributes) out.body.attributes.push_back(std::move(a));
      for (auto& bl : b.blocks) out.body.blocks.push_back(std::move(bl));
    }
  }
  ts_tree_delete(tree);
  return out;
}

}  // namespace gclint::terraform
