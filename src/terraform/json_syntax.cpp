#include "terraform/json_syntax.h"

#include <algorithm>
#include <set>
#include <string>

#include "syntax/json_reader.h"
#include "terraform/hcl_parser.h"

namespace gclint::terraform {

using model::Value;

namespace {

// Map-valued arguments that must not be read as nested blocks.
const std::set<std::string, std::less<>> kMapArguments = {
    "tags",   "tags_all", "labels",     "annotations",          "triggers", "variables", "parameters",
    "policy", "metadata", "attributes", "environment_variables"};

enum class BodyKind { kPlain, kBlocks };

class JsonConfigReader {
 public:
  JsonConfigReader(const model::SourceFile& file, std::vector<model::Diagnostic>& diagnostics)
      : file_(file), diagnostics_(diagnostics) {}

  HclFile read() {
    HclFile out;
    out.file_id = file_.id();
    std::optional<Value> root = syntax::read_json(file_, diagnostics_);
    if (!root) return out;
    if (!root->is_map()) {
      error(root->span, "a Terraform JSON file must hold an object");
      return out;
    }
    for (const auto& top : root->entries) {
      const Value& v = top.value;
      if (top.key == "resource" || top.key == "data") {
        for_each_object(v, [&](const std::string& type, const Value& names) {
          for_each_object(names, [&](const std::string& name, const Value& body) {
            for_each_body(body, [&](const Value& b) {
              out.body.blocks.push_back(make_block(top.key, {type, name}, b, names.get(name)->span, BodyKind::kBlocks));
            });
          });
        });
      } else if (top.key == "variable" || top.key == "output" || top.key == "module" || top.key == "provider") {
        BodyKind kind = top.key == "provider" ? BodyKind::kBlocks : BodyKind::kPlain;
        for_each_object(v, [&](const std::string& name, const Value& body) {
          for_each_body(body, [&](const Value& b) {
            out.body.blocks.push_back(make_block(top.key, {name}, b, v.get(name)->span, kind));
          });
        });
      } else if (top.key == "locals") {
        for_each_body(v, [&](const Value& b) {
          out.body.blocks.push_back(make_block("locals", {}, b, top.value.span, BodyKind::kPlain));
        });
      }
    }
    return out;
  }

 private:
  void error(model::Span span, std::string message) {
    diagnostics_.push_back(model::Diagnostic{model::Diagnostic::Level::kError, span, std::move(message)});
  }

  template <typename F>
  void for_each_object(const Value& v, F f) {
    if (!v.is_map()) {
      error(v.span, "expected a JSON object");
      return;
    }
    for (const auto& e : v.entries) f(e.key, e.value);
  }

  template <typename F>
  void for_each_body(const Value& v, F f) {
    if (v.is_list()) {
      for (const auto& item : v.items) {
        if (item.is_map()) f(item);
      }
    } else if (v.is_map()) {
      f(v);
    } else {
      error(v.span, "expected a JSON object");
    }
  }

  Block make_block(const std::string& type, std::vector<std::string> labels, const Value& body, model::Span at,
                   BodyKind kind) {
    Block b;
    b.type = type;
    b.labels = std::move(labels);
    b.begin = at.begin;
    b.end = at.end;
    // The header is the member key that names the block.
    b.header_end = at.begin;
    std::string_view content = file_.content();
    while (b.header_end < content.size() && b.header_end < at.end && content[b.header_end] != ':') ++b.header_end;
    b.body = make_body(type, body, kind, 0);
    return b;
  }

  Body make_body(const std::string& block_type, const Value& body, BodyKind kind, int depth) {
    Body out;
    if (depth > 64) return out;
    for (const auto& e : body.entries) {
      if (e.key == "//") continue;
      const Value& v = e.value;
      if (block_type == "variable" && e.key == "type" && v.is_string()) {
        out.attributes.push_back(attribute(e.key, expression_of(v.text, v.span)));
        continue;
      }
      if (kind == BodyKind::kBlocks && e.key == "dynamic" && v.is_map()) {
        for (const auto& d : v.entries) {
          for_each_body(d.value, [&](const Value& db) {
            Block blk;
            blk.type = "dynamic";
            blk.labels = {d.key};
            blk.begin = d.value.span.begin;
            blk.end = d.value.span.end;
            blk.header_end = blk.begin;
            blk.body = make_body("dynamic", db, BodyKind::kBlocks, depth + 1);
            out.blocks.push_back(std::move(blk));
          });
        }
        continue;
      }
      bool nested =
          kind == BodyKind::kBlocks && !kMapArguments.count(e.key) &&
          (v.is_map() || (v.is_list() && !v.items.empty() &&
                          std::all_of(v.items.begin(), v.items.end(), [](const Value& x) { return x.is_map(); })));
      if (nested && !(block_type == "dynamic" && e.key != "content")) {
        for_each_body(v, [&](const Value& nb) {
          Block blk;
          blk.type = e.key;
          blk.begin = nb.span.begin;
          blk.end = nb.span.end;
          blk.header_end = blk.begin;
          blk.body = make_body(e.key, nb, BodyKind::kBlocks, depth + 1);
          out.blocks.push_back(std::move(blk));
        });
        continue;
      }
      out.attributes.push_back(attribute(e.key, value_expr(v, 0)));
      out.attributes.back().begin = v.span.begin;
      out.attributes.back().end = v.span.end;
    }
    return out;
  }

  Attribute attribute(const std::string& name, Expr value) {
    Attribute a;
    a.name = name;
    a.begin = value.begin;
    a.end = value.end;
    a.value = std::move(value);
    return a;
  }

  static void respan(Expr& e, uint32_t begin, uint32_t end) {
    e.begin = begin;
    e.end = end;
    for (auto& k : e.kids) respan(k, begin, end);
  }

  // A JSON string is an HCL template; a bare expression for `type`.
  Expr parse_fragment(const std::string& source, bool as_template, model::Span at) {
    std::string marker = "GCLINT_JSON_END";
    while (source.find(marker) != std::string::npos) marker += "_";
    std::string wrapped =
        as_template ? "v = <<" + marker + "\n" + source + "\n" + marker + "\n" : "v = " + source + "\n";
    model::SourceFile tmp(model::Span::kNoFile, file_.path(), std::move(wrapped));
    std::vector<model::Diagnostic> diags;
    HclFile parsed = parse_hcl(tmp, diags);
    const Attribute* a = parsed.body.attribute("v");
    Expr e;
    if (!diags.empty() || !a) {
      error(at, "invalid expression in JSON string: " + source.substr(0, 80));
      e.kind = ExprKind::kInvalid;
    } else {
      e = a->value;
      if (as_template && !e.kids.empty() && e.kids.back().kind == ExprKind::kTplLiteral) {
        std::string& last = e.kids.back().name;
        if (!last.empty() && last.back() == '\n') last.pop_back();
        if (last.empty()) e.kids.pop_back();
      }
    }
    respan(e, at.begin, at.end);
    return e;
  }

  Expr expression_of(const std::string& text, model::Span at) { return parse_fragment(text, false, at); }

  Expr value_expr(const Value& v, int depth) {
    Expr e;
    e.begin = v.span.begin;
    e.end = v.span.end;
    if (depth > 64) return e;
    switch (v.kind) {
      case Value::Kind::kNull:
        e.kind = ExprKind::kNull;
        break;
      case Value::Kind::kBool:
        e.kind = ExprKind::kBool;
        e.number = v.boolean ? 1 : 0;
        break;
      case Value::Kind::kNumber:
        e.kind = ExprKind::kNumber;
        e.number = v.number;
        break;
      case Value::Kind::kString:
        if (v.text.find("${") == std::string::npos && v.text.find("%{") == std::string::npos) {
          e.kind = ExprKind::kString;
          e.name = v.text;
        } else {
          e = parse_fragment(v.text, true, v.span);
        }
        break;
      case Value::Kind::kList:
        e.kind = ExprKind::kTuple;
        for (const auto& item : v.items) e.kids.push_back(value_expr(item, depth + 1));
        break;
      case Value::Kind::kMap:
        e.kind = ExprKind::kObject;
        for (const auto& en : v.entries) {
          Expr k;
          k.kind = ExprKind::kString;
          k.name = en.key;
          k.begin = en.value.span.begin;
          k.end = en.value.span.begin;
          e.kids.push_back(std::move(k));
          e.kids.push_back(value_expr(en.value, depth + 1));
        }
        break;
      default:
        break;
    }
    return e;
  }

  const model::SourceFile& file_;
  std::vector<model::Diagnostic>& diagnostics_;
};

}  // namespace

HclFile parse_json_config(const model::SourceFile& file, std::vector<model::Diagnostic>& diagnostics) {
  return JsonConfigReader(file, diagnostics).read();
}

}  // namespace gclint::terraform
