#include "terraform/hcl_template.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>

#include "syntax/utf8.h"

namespace gclint::terraform {
namespace {

using syntax::append_utf8;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Quoted strings take backslash escapes; heredocs only the $${ and %%{ escapes.
}  // namespace

std::string unescape(std::string_view raw, bool quoted) {
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (quoted && c == '\\' && i + 1 < raw.size()) {
      char e = raw[++i];
      switch (e) {
        case 'n':
          out.push_back('\n');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case '"':
          out.push_back('"');
          break;
        case '\\':
          out.push_back('\\');
          break;
        case 'u':
        case 'U': {
          size_t len = e == 'u' ? 4 : 8;
          if (i + len < raw.size() + 0 && i + len <= raw.size() - 1 + 1) {
            std::string hex(raw.substr(i + 1, len));
            char* endp = nullptr;
            unsigned long cp = std::strtoul(hex.c_str(), &endp, 16);
            if (endp && *endp == 0 && hex.size() == len && cp <= 0x10FFFF) {
              append_utf8(out, static_cast<uint32_t>(cp));
              i += len;
              break;
            }
          }
          out.push_back('\\');
          out.push_back(e);
          break;
        }
        default:
          out.push_back('\\');
          out.push_back(e);
      }
    } else if ((c == '$' || c == '%') && i + 2 < raw.size() && raw[i + 1] == c && raw[i + 2] == '{') {
      out.push_back(c);
      out.push_back('{');
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

double numeric_value(std::string_view text) {
  std::string t(text);
  if (t.size() > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) {
    return static_cast<double>(std::strtoll(t.c_str() + 2, nullptr, 16));
  }
  return std::strtod(t.c_str(), nullptr);
}

namespace {

// Rebuilds the nested template from tokens[i..] until a token of one of the stop kinds.
Expr build_parts(std::vector<TplToken>& toks, size_t& i, uint32_t begin, uint32_t end, bool quoted) {
  Expr tpl;
  tpl.kind = ExprKind::kTemplate;
  tpl.begin = begin;
  tpl.end = end;
  while (i < toks.size()) {
    TplToken& t = toks[i];
    if (t.kind == TplToken::kElse || t.kind == TplToken::kEndIf || t.kind == TplToken::kEndFor) break;
    ++i;
    if (t.kind == TplToken::kLit) {
      Expr lit;
      lit.kind = ExprKind::kTplLiteral;
      lit.begin = t.begin;
      lit.end = t.end;
      lit.name = unescape(t.text, quoted);
      if (!lit.name.empty()) tpl.kids.push_back(std::move(lit));
    } else if (t.kind == TplToken::kInterp) {
      Expr in;
      in.kind = ExprKind::kTplInterp;
      in.begin = t.begin;
      in.end = t.end;
      in.kids.push_back(std::move(t.expr));
      tpl.kids.push_back(std::move(in));
    } else if (t.kind == TplToken::kIf) {
      Expr d;
      d.kind = ExprKind::kTplIf;
      d.begin = t.begin;
      d.kids.push_back(std::move(t.expr));
      d.kids.push_back(build_parts(toks, i, t.end, t.end, quoted));
      if (i < toks.size() && toks[i].kind == TplToken::kElse) {
        ++i;
        d.kids.push_back(build_parts(toks, i, t.end, t.end, quoted));
      } else {
        Expr empty;
        empty.kind = ExprKind::kTemplate;
        d.kids.push_back(std::move(empty));
      }
      if (i < toks.size() && toks[i].kind == TplToken::kEndIf) ++i;
      d.end = i > 0 ? toks[i - 1].end : t.end;
      tpl.kids.push_back(std::move(d));
    } else if (t.kind == TplToken::kFor) {
      Expr d;
      d.kind = ExprKind::kTplFor;
      d.begin = t.begin;
      d.name = t.text;
      d.name2 = t.text2;
      d.kids.push_back(std::move(t.expr));
      d.kids.push_back(build_parts(toks, i, t.end, t.end, quoted));
      if (i < toks.size() && toks[i].kind == TplToken::kEndFor) ++i;
      d.end = i > 0 ? toks[i - 1].end : t.end;
      tpl.kids.push_back(std::move(d));
    }
  }
  return tpl;
}

void flush_indent(std::vector<TplToken>& toks) {
  // <<- removes the smallest indentation of any non-blank line (lines that start with an interpolation count as 0).
  size_t min_indent = SIZE_MAX;
  bool at_line_start = true;
  for (const auto& t : toks) {
    if (t.kind != TplToken::kLit) {
      if (at_line_start) min_indent = 0;
      at_line_start = false;
      continue;
    }
    const std::string& s = t.text;
    size_t p = 0;
    while (p <= s.size()) {
      if (at_line_start) {
        size_t q = p;
        while (q < s.size() && (s[q] == ' ' || s[q] == '\t')) ++q;
        if (q < s.size() && s[q] != '\n' && s[q] != '\r') min_indent = std::min(min_indent, q - p);
        if (q == s.size()) {
          // indentation continues into the next token; counts only if that token is not a line end
          min_indent = std::min(min_indent, q - p);
        }
      }
      size_t nl = s.find('\n', p);
      if (nl == std::string::npos) {
        at_line_start = at_line_start && p == s.size();
        if (p < s.size()) at_line_start = false;
        break;
      }
      p = nl + 1;
      at_line_start = true;
      if (p == s.size()) break;
    }
  }
  if (min_indent == 0 || min_indent == SIZE_MAX) return;
  at_line_start = true;
  for (auto& t : toks) {
    if (t.kind != TplToken::kLit) {
      at_line_start = false;
      continue;
    }
    std::string out;
    out.reserve(t.text.size());
    const std::string& s = t.text;
    size_t p = 0;
    while (p < s.size()) {
      if (at_line_start) {
        size_t q = p;
        while (q < s.size() && q - p < min_indent && (s[q] == ' ' || s[q] == '\t')) ++q;
        p = q;
      }
      size_t nl = s.find('\n', p);
      if (nl == std::string::npos) {
        out.append(s, p, std::string::npos);
        at_line_start = false;
        break;
      }
      out.append(s, p, nl + 1 - p);
      p = nl + 1;
      at_line_start = true;
    }
    t.text = std::move(out);
  }
}

}  // namespace

Expr build_template(std::vector<TplToken>& toks, uint32_t begin, uint32_t end, bool heredoc, bool flush) {
  if (flush) flush_indent(toks);
  for (size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].strip_left && i > 0 && toks[i - 1].kind == TplToken::kLit) {
      std::string& s = toks[i - 1].text;
      while (!s.empty() && is_space(s.back())) s.pop_back();
    }
    if (toks[i].strip_right && i + 1 < toks.size() && toks[i + 1].kind == TplToken::kLit) {
      std::string& s = toks[i + 1].text;
      size_t p = 0;
      while (p < s.size() && is_space(s[p])) ++p;
      s.erase(0, p);
    }
  }
  size_t i = 0;
  Expr tpl = build_parts(toks, i, begin, end, !heredoc);
  tpl.begin = begin;
  tpl.end = end;
  if (heredoc && !tpl.kids.empty() && tpl.kids[0].kind == ExprKind::kTplLiteral) {
    const std::string& first = tpl.kids[0].name;
    size_t p = first.find_first_not_of(" \t\r\n");
    tpl.flag = p != std::string::npos && (first[p] == '{' || first[p] == '[');
  }
  return tpl;
}

}  // namespace gclint::terraform
