#include "terraform/hcl_fast_parser.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "terraform/hcl_parser.h"
#include "terraform/hcl_tree_sitter_parser.h"

namespace gclint::terraform {
namespace {

namespace fs = std::filesystem;

using Ranges = std::set<std::pair<uint32_t, uint32_t>>;

// Every field of the tree, one node per line, so that a mismatch shows as a readable diff. The kind, value and name
// of a literal whose span is in `masked` are left out (see parse_both).
void dump(const Expr& e, int indent, std::ostringstream& out, const Ranges& masked) {
  uint64_t bits = 0;
  std::memcpy(&bits, &e.number, sizeof bits);
  bool hide = (e.kind == ExprKind::kNumber || e.kind == ExprKind::kVariable) && masked.count({e.begin, e.end}) != 0;
  out << std::string(static_cast<size_t>(indent) * 2, ' ') << "expr kind=" << (hide ? "*" : std::to_string(int(e.kind)))
      << " flag=" << e.flag << " op=" << std::string(e.op, strnlen(e.op, 3)) << " span=" << e.begin << "-" << e.end
      << " number=" << (hide ? std::string("*") : std::to_string(bits)) << " name=[" << (hide ? "*" : e.name)
      << "] name2=[" << e.name2 << "]\n";
  for (const Expr& k : e.kids) dump(k, indent + 1, out, masked);
}

void dump(const Body& body, int indent, std::ostringstream& out, const Ranges& masked) {
  std::string pad(static_cast<size_t>(indent) * 2, ' ');
  for (const Attribute& a : body.attributes) {
    out << pad << "attribute " << a.name << " span=" << a.begin << "-" << a.end << "\n";
    dump(a.value, indent + 1, out, masked);
  }
  for (const Block& b : body.blocks) {
    out << pad << "block " << b.type;
    for (const std::string& l : b.labels) out << " [" << l << "]";
    out << " span=" << b.begin << "-" << b.header_end << "-" << b.end << "\n";
    dump(b.body, indent + 1, out, masked);
  }
}

std::string dump(const HclFile& file, const Ranges& masked = {}) {
  std::ostringstream out;
  out << "file " << file.file_id << "\n";
  dump(file.body, 0, out, masked);
  return out.str();
}

// Number literals with an exponent but no fraction (`1e3`): HCL's NumericLit, which the pinned tree-sitter-hcl
// grammar lacks (it reads `1` followed by the name `e3`).
void exponent_literals(const Expr& e, std::string_view src, Ranges& out) {
  if (e.kind == ExprKind::kNumber) {
    std::string_view t = src.substr(e.begin, e.end - e.begin);
    bool hex = t.size() > 1 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X');
    if (!hex && t.find('.') == std::string_view::npos && t.find_first_of("eE") != std::string_view::npos) {
      out.insert({e.begin, e.end});
    }
  }
  for (const Expr& k : e.kids) exponent_literals(k, src, out);
}

void exponent_literals(const Body& body, std::string_view src, Ranges& out) {
  for (const Attribute& a : body.attributes) exponent_literals(a.value, src, out);
  for (const Block& b : body.blocks) exponent_literals(b.body, src, out);
}

struct Outcome {
  bool fast_accepted = false;
  bool tree_sitter_clean = false;
  std::string fast_dump;
  std::string tree_sitter_dump;
  std::string reason;
  size_t exponent_literals = 0;  // compared through the rewrite in parse_both
};

// The one divergence allowed between the parsers is the exponent literal without a fraction. Where the fast parser
// reads such literals, tree-sitter reads a copy of the text with each of them replaced by a run of digits of the
// same length ("1e3" -> "111"), so every span stays put; the trees must then be identical except for the values of
// those literals (the lexer tests check the values). Before a legacy index (`1e3.0`) digits would run into the
// `.0` and read as one number, so there the literal becomes a name of the same length ("xxx.0"), and its node's
// kind and name are left out of the comparison too.
Outcome parse_both(const std::string& content) {
  model::SourceFile file(3, "t.tf", content);
  Outcome out;
  HclFastError error;
  std::optional<HclFile> fast = parse_hcl_fast(file, &error);
  Ranges exponents;
  if (fast) exponent_literals(fast->body, content, exponents);
  std::string rewritten = content;
  for (const auto& [begin, end] : exponents) {
    bool index_follows =
        end + 1 < content.size() && content[end] == '.' && content[end + 1] >= '0' && content[end + 1] <= '9';
    rewritten.replace(begin, end - begin, end - begin, index_follows ? 'x' : '1');
  }
  model::SourceFile slow_file(3, "t.tf", rewritten);
  std::vector<model::Diagnostic> diags;
  HclFile slow = parse_hcl_tree_sitter(slow_file, diags);
  out.tree_sitter_clean = diags.empty();
  out.tree_sitter_dump = dump(slow, exponents);
  out.exponent_literals = exponents.size();
  out.fast_accepted = fast.has_value();
  if (fast) {
    out.fast_dump = dump(*fast, exponents);
  } else {
    out.reason = "at " + std::to_string(error.offset) + ": " + error.reason;
  }
  return out;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<fs::path> corpus() {
  std::vector<fs::path> files;
  auto walk = [&](const fs::path& root, const std::string& ext) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) return;
    for (auto it = fs::recursive_directory_iterator(root, ec); it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (ec) break;
      if (it->is_regular_file() && it->path().extension() == ext) files.push_back(it->path());
    }
  };
  const fs::path source(GCLINT_SOURCE_DIR);
  walk(source / "fixtures", ".tf");
  walk(source / "examples", ".tf");
  walk(source / "tests" / "data", ".tf");
  walk(fs::path(GCLINT_SHARED_DIR) / "conformance" / "hcl" / "specsuite" / "tests", ".hcl");
  // More files to compare, e.g. a tenant written by tests/bench/gen_tenant.py.
  if (const char* extra = std::getenv("GCLINT_HCL_DIFF_DIR")) walk(extra, ".tf");
  std::sort(files.begin(), files.end());
  return files;
}

bool invalid_by_name(const fs::path& p) {
  std::string name = p.filename().string();
  return name.find("_bad") != std::string::npos || name.find("invalid") != std::string::npos ||
         name.find("unclosed") != std::string::npos;
}

// The key guarantee: wherever the hand-written parser accepts a file, its tree equals tree-sitter's, and it never
// accepts a file tree-sitter reports errors in.
TEST(HclFastParser, SameTreeAsTreeSitterOnEveryCorpusFile) {
  std::vector<fs::path> files = corpus();
  ASSERT_GT(files.size(), 200u) << "corpus not found";
  size_t accepted = 0;
  std::vector<std::string> fallbacks;
  for (const fs::path& p : files) {
    Outcome o = parse_both(read_file(p));
    if (!o.tree_sitter_clean) {
      EXPECT_FALSE(o.fast_accepted) << p << ": tree-sitter reports errors, the fast parser accepted";
      continue;
    }
    if (!o.fast_accepted) {
      fallbacks.push_back(p.string() + " " + o.reason);
      continue;
    }
    ++accepted;
    EXPECT_EQ(o.fast_dump, o.tree_sitter_dump) << p;
  }
  for (const std::string& f : fallbacks) std::cout << "fallback: " << f << "\n";
  std::cout << files.size() << " files, " << accepted << " parsed by the fast parser, " << fallbacks.size()
            << " clean files left to tree-sitter\n";
  // Spec-suite inputs that HCL rejects (some of which tree-sitter reads without complaint) are the only expected
  // fallbacks among clean files.
  for (const std::string& f : fallbacks) {
    EXPECT_TRUE(invalid_by_name(fs::path(f.substr(0, f.find(' '))))) << "unexpected fallback: " << f;
  }
}

TEST(HclFastParser, GivesUpOnEveryInvalidSpecSuiteInput) {
  size_t seen = 0;
  for (const fs::path& p : corpus()) {
    if (!invalid_by_name(p) || p.extension() != ".hcl") continue;
    ++seen;
    Outcome o = parse_both(read_file(p));
    EXPECT_FALSE(o.fast_accepted) << p;
  }
  EXPECT_GE(seen, 3u);
}

// Valid snippets covering the native syntax: each must be accepted by the fast parser and give tree-sitter's tree.
TEST(HclFastParser, ConstructsMatchTreeSitter) {
  const char* snippets[] = {
      "a = 1\n",
      "a = 1.5\nb = 0.25e3\nc = 1.5E-2\nd = 0x1F\ne = 007\n",
      "a = 1e5\nb = 2E-3 + 1e+2\nc = [1e1, x.y]\nd = \"${1e3} 1e3\"\n",
      "a = true\nb = false\nc = null\n",
      "a = \"x\"\nb = \"\"\nc = \"tab\\there \\\"q\\\" \\\\ \\u00e9 \\U0001F600\"\n",
      "a = \"$${x} %%{y} $$ %% $ %\"\n",
      "a = \"pre ${var.x} post\"\nb = \"${a}${b}\"\n",
      "a = \"x ${~ var.y ~} z\"\n",
      "a = \"%{ if var.on }yes%{ else }no%{ endif }\"\n",
      "a = \"%{~ if var.on ~} yes %{~ endif ~}\"\n",
      "a = \"%{ for k, v in var.m }${k}=${v},%{ endfor }\"\n",
      "a = \"%{for x in xs}%{if x}[${x}]%{endif}%{endfor}\"\n",
      "a = <<EOT\nhello ${name}\n  world\nEOT\n",
      "a = <<-EOT\n    indented\n      more ${x}\n    done\n  EOT\n",
      "a = <<EOF\n{\n  \"k\": \"${v}\"\n}\nEOF\nb = 2\n",
      "a = <<EOT\n%{ for x in xs ~}\n${x}\n%{ endfor ~}\nEOT\n",
      "a = <<EOT\nEOT\n",
      "a = <<EOT\r\nwindows\r\nEOT\r\n",
      "a = <<EOT\n$${escaped}\nEOT\n",
      "a = -1\nb = !true\nc = - -x\nd = -a.b[0]\n",
      "a = 1 + 2 * 3 - 4 / 5 % 6\n",
      "a = x < 1 || y >= 2 && z != 3 == w\nb = a <= b\nc = a > b\n",
      "a = (1 + 2) * 3\nb = ((x))\n",
      "a = x ? y : z\nb = a == 1 ? \"one\" : \"other\"\nc = x ? (y ? 1 : 2) : 3\nd = x ? y ? 1 : 2 : 3\n",
      "a = c ? x + 1 : y * 2\n",
      "a = var.x.y\nb = local.list[0]\nc = aws_instance.web.0.id\nd = x[\"key\"]\ne = a[b[c]]\n",
      "a = var.list[*].id\nb = var.list.*.id\nc = var.l[*].a.b[0]\nd = var.l[*]\ne = x.*\nf = x[*].a[*].b\n",
      "a = f()\nb = f(1)\nc = f(1, 2,)\nd = f(x...)\ne = provider::aws::arn_parse(x)\nf = f(g(h(1)))\n",
      "a = f(x)[0].y\n",
      "a = []\nb = [1]\nc = [1, 2,]\nd = [\n  1,\n  2\n]\ne = [[1], [2, [3]]]\n",
      "a = {}\nb = { x = 1 }\nc = { x = 1, y = 2 }\nd = {\n  x = 1\n  \"y\" = 2\n  (z) = 3\n  w: 4\n}\n",
      "a = { x = 1 y = 2 }\n",
      "a = <<-EOT # a comment, dropped like the rest of the opening line\n  x\n  EOT\n",
      "a = [for x in xs : x]\nb = [for i, x in xs : x if x != \"\"]\nc = [for x in xs: upper(x)]\n",
      "a = {for k, v in m : k => v}\nb = {for k, v in m : v => k...}\nc = {for x in xs : x => 1 if x}\n",
      "a = {\n  for k, v in m :\n  k => v\n  if v != null\n}\n",
      "# hash\n// slash\n/* block\ncomment */\na = 1 # trailing\nb = 2 // trailing\nc = 3 /* trailing */\n",
      "a = [\n  # leading\n  1, # after\n  2 /* mid */ ,\n  3\n  # end\n]\n",
      "a = {\n  # leading\n  x = 1 # after\n  // more\n  y = 2\n}\n",
      "a = f( # c\n  1, # d\n  2 # e\n)\n",
      "a = x /* c */ ? 1 /* d */ : /* e */ 2\n",
      "a = [ # c\n  for x in xs : # d\n  x # e\n]\n",
      "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\n",
      "block {}\nblock label {}\nblock \"a\" b \"c\" {\n}\n",
      "a { b = 1 }\nc \"d\" { e {} }\n",
      "outer {\n  inner \"x\" {\n    deep {\n      v = 1\n    }\n  }\n  w = 2\n}\n",
      "resource \"x\" \"y\" { # c\n  a = 1\n  # last\n}\n",
      "dynamic \"ingress\" {\n  for_each = var.rules\n  content {\n    from_port = ingress.value.port\n  }\n}\n",
      "a = \"unicode: 日本語 ${x} é\"\nb = <<EOT\nガバメントクラウド\nEOT\n",
      "a = b-c\nd = a-1\ne = a - 1\n",
      "a = 1.x\n",
      "a = x.0.1\n",
      "a = \"${ {a = 1} }\"\n",
      "a = \"${\"nested ${x}\"}\"\n",
      "a = <<EOT\nouter ${<<INNER\ninner\nINNER\n} end\nEOT\n",
      "a = \"label\"\n\n\n\nb = 2",
      "",
      "\n\n# only a comment\n",
      "a = f(\n  1\n)\nb = [\n  x\n  .y\n]\n",
      "a = x\n# c\nb = y\n",
      "true = 1\nfor = 2\nif \"x\" {}\n",
      "a = for\nb = in\nc = if\n",
      // Right-associative, as HCL reads it; both parsers agree, explicit parentheses included.
      "a = x ? y : z ? 1 : 2\n",
      "a = x ? 1 : y ? 2 : z ? 3 : 4\nb = (x ? true : y) ? 1 : 2\n",
  };
  for (const char* s : snippets) {
    Outcome o = parse_both(s);
    EXPECT_TRUE(o.tree_sitter_clean) << s;
    EXPECT_TRUE(o.fast_accepted) << s << "\n" << o.reason;
    if (o.fast_accepted) {
      EXPECT_EQ(o.fast_dump, o.tree_sitter_dump) << s;
    }
  }
}

// Input tree-sitter rejects must never be accepted; input the two could read differently is left to tree-sitter.
TEST(HclFastParser, GivesUpOnBrokenOrAmbiguousInput) {
  const char* snippets[] = {
      "a = }\n",
      "a =\n",
      "a = 1 +\n",
      "a = \"unterminated\n",
      "a = \"bad \\q escape\"\n",
      "a = \"bad \\u12 escape\"\n",
      "a = [1, 2\n",
      "a = [,]\n",
      "a = {x = 1\n",
      "a = f(1,,2)\n",
      "a = f(x..., y)\n",
      "resource \"x\" {\n",
      "resource \"x\" }\n",
      "}\n",
      "a = 0x\n",
      "a = x.\n",
      "a = x[\n",
      "a = x[ * ]\n",
      "a = x. *\n",
      "a = x ? y\n",
      "a = \"${}\"\n",
      "a = \"${x\"\n",
      "a = \"%{ if x }no end\"\n",
      "a = \"%{ endif }\"\n",
      "a = \"%{ else }\"\n",
      "a = \"%{ for x in y }%{ endif }\"\n",
      "a = \"%{ bogus }\"\n",
      "a = <<EOT\nnever closed\n",
      "a = <<EOT\nclosed without newline\nEOT",
      "a = <<EOT ${x}\nx\nEOT\n",
      "a = { for = 1 }\n",
      "a = <<EOT\xC3\xA9\nx\nEOT\n",
      "a = << EOT\nx\nEOT\n",
      "a = <<EOT\nEOTX\nEOT\n",
      "a = 1 b = 2\n",
      "a = 1\n+ 2\n",
      "a = x\n.y\n",
      "a = f\n(1)\n",
      "a = x\n[0]\n",
      "a = x\n? 1 : 2\n",
      "a\n= 1\n",
      "a = # c\n1\n",
      "a = 1 + # c\n2\n",
      "a = (# c\n1)\n",
      "a = x[# c\n0]\n",
      "a = [for x in xs : x if # c\n x]\n",
      "a = \"${ # c\n x}\"\n",
      "resource\n\"x\" {}\n",
      "resource \"x\"\n{}\n",
      "a {} b {}\n",
      "a = \"${x}\" {}\n",
      "label \"a${b}\" {}\n",
      "{ \"json\": 1 }\n",
      "a = 1 & 2\n",
      "a = 1 | 2\n",
      "a = @\n",
      "\xC3\xA9 = 1\n",
      "a\xC3\xA9 = 1\n",
      "/* unclosed\n",
      "a = [for x in xs]\n",
      "a = {for k, v in m : k}\n",
      "a = \"x\ny\"\n",
  };
  for (const char* s : snippets) {
    Outcome o = parse_both(s);
    EXPECT_FALSE(o.fast_accepted) << s;
  }
}

TEST(HclFastParser, DeepNestingGivesUpWithoutCrashing) {
  for (const std::string& open : {std::string("["), std::string("("), std::string("{a="), std::string("-"),
                                  std::string("f("), std::string("\"${"), std::string("x ? ")}) {
    std::string s = "a = ";
    for (int i = 0; i < 5000; ++i) s += open;
    s += "1\n";
    model::SourceFile file(0, "deep.tf", s);
    EXPECT_FALSE(parse_hcl_fast(file).has_value()) << open;
  }
  std::string chain = "a = 1";
  for (int i = 0; i < 5000; ++i) chain += " + 1";
  model::SourceFile file(0, "chain.tf", chain + "\n");
  EXPECT_FALSE(parse_hcl_fast(file).has_value());
  std::string blocks;
  for (int i = 0; i < 5000; ++i) blocks += "b {\n";
  model::SourceFile nested(0, "blocks.tf", blocks);
  EXPECT_FALSE(parse_hcl_fast(nested).has_value());
}

// Nesting the fast parser accepts never reaches the tree-sitter builder's depth diagnostic.
TEST(HclFastParser, AcceptedNestingStaysUnderTreeSitterLimit) {
  for (const std::string& open : {std::string("["), std::string("("), std::string("{a="), std::string("-"),
                                  std::string("f("), std::string("\"${"), std::string("x ? ")}) {
    std::string close = open == "["                   ? "]"
                        : open == "(" || open == "f(" ? ")"
                        : open == "{a="               ? "}"
                        : open == "\"${"              ? "}\""
                        : open == "x ? "              ? " : 2"
                                                      : "";
    for (int n = 1; n < 120; ++n) {
      std::string s = "a = ";
      for (int i = 0; i < n; ++i) s += open;
      s += "1";
      for (int i = 0; i < n; ++i) s += close;
      s += "\n";
      Outcome o = parse_both(s);
      if (!o.fast_accepted) break;
      EXPECT_TRUE(o.tree_sitter_clean) << open << " x" << n;
      EXPECT_EQ(o.fast_dump, o.tree_sitter_dump) << open << " x" << n;
    }
  }
}

// Random edits of corpus files: wherever the fast parser still accepts, tree-sitter must read the file without
// errors and build the same tree.
TEST(HclFastParser, RandomEditsNeverDiverge) {
  std::vector<std::string> texts;
  for (const fs::path& p : corpus()) texts.push_back(read_file(p));
  ASSERT_FALSE(texts.empty());
  const char* pieces[] = {"\n",  " ",    "#",       "//",    "/*", "*/",  "\"",  "${",   "%{", "}",   "{",
                          "[",   "]",    "(",       ")",     ",",  ".",   "*",   "=",    ":",  "?",   "~",
                          "-",   "!",    "<<EOT\n", "EOT\n", "\\", "...", "[*]", ".*",   "0",  "1.5", "x",
                          "if ", "for ", " in ",    "=>",    "&&", "==",  "<",   "\r\n", "\t", "$",   "%"};
  const size_t kPieces = sizeof(pieces) / sizeof(pieces[0]);
  uint64_t seed = 0x9E3779B97F4A7C15ull;
  if (const char* s = std::getenv("GCLINT_HCL_FUZZ_SEED"))
    seed ^= std::strtoull(s, nullptr, 10) * 0x2545F4914F6CDD1Dull;
  auto next = [&seed]() {
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return seed;
  };
  const int rounds = std::getenv("GCLINT_HCL_FUZZ_ROUNDS") ? std::atoi(std::getenv("GCLINT_HCL_FUZZ_ROUNDS")) : 1000;
  int accepted = 0;
  for (int round = 0; round < rounds; ++round) {
    std::string text = texts[next() % texts.size()];
    if (text.empty()) continue;
    int edits = 1 + static_cast<int>(next() % 3);
    for (int e = 0; e < edits; ++e) {
      size_t at = next() % (text.size() + 1);
      switch (next() % 3) {
        case 0:
          text.insert(at, pieces[next() % kPieces]);
          break;
        case 1:
          text.erase(at, 1 + next() % 4);
          break;
        default: {
          if (text.empty()) break;
          size_t from = next() % text.size();
          text.insert(at, text.substr(from, 1 + next() % 12));
        }
      }
    }
    Outcome o = parse_both(text);
    if (!o.fast_accepted) continue;
    ++accepted;
    ASSERT_TRUE(o.tree_sitter_clean) << "fast parser accepted what tree-sitter rejects:\n" << text;
    ASSERT_EQ(o.fast_dump, o.tree_sitter_dump) << text;
  }
  EXPECT_GT(accepted, rounds / 20);
}

// Random expressions from the whole grammar (operators, conditionals, templates, heredocs, for expressions,
// splats, comments and line breaks in brackets): the same invariant as above, on input that is mostly valid.
class ExprGenerator {
 public:
  explicit ExprGenerator(uint64_t seed) : seed_(seed) {}

  std::string file() {
    std::string out;
    int items = 1 + static_cast<int>(pick(4));
    for (int i = 0; i < items; ++i) {
      if (pick(4) == 0) {
        out += "blk \"l\" {\n  inner = " + expr(0, false) + "\n}\n";
      } else {
        out += "attr" + std::to_string(i) + " = " + expr(0, false) + "\n";
      }
    }
    return out;
  }

 private:
  uint64_t pick(uint64_t n) {
    seed_ ^= seed_ << 13;
    seed_ ^= seed_ >> 7;
    seed_ ^= seed_ << 17;
    return seed_ % n;
  }

  // Space between tokens; inside brackets also line breaks and comments.
  std::string gap(bool bracketed) {
    switch (pick(bracketed ? 8 : 4)) {
      case 0:
        return "";
      case 4:
        return "\n  ";
      case 5:
        return " # c\n";
      case 6:
        return " /* c */ ";
      default:
        return " ";
    }
  }

  std::string leaf() {
    static const char* leaves[] = {"1", "0",     "1.5",       "2.5e3", "0x1f", "true",         "false", "null",
                                   "x", "var.a", "local.b-c", "\"s\"", "\"\"", "\"e\\n\\\"\"", "1e3"};
    return leaves[pick(sizeof(leaves) / sizeof(leaves[0]))];
  }

  std::string tpl_body(int d) {
    std::string out;
    int parts = static_cast<int>(pick(4));
    for (int i = 0; i < parts; ++i) {
      std::string l = pick(2) ? "~" : "";
      std::string r = pick(2) ? "~" : "";
      switch (pick(5)) {
        case 0:
          out += " lit ";
          break;
        case 1:
          out += "${" + l + expr(d + 1, true) + r + "}";
          break;
        case 2:
          out += "%{" + l + " if " + expr(d + 1, true) + r + "}a" + (pick(2) ? "%{else}b" : "") + "%{endif" + r + "}";
          break;
        case 3:
          out += "%{ for " + std::string(pick(2) ? "k, " : "") + "v in " + expr(d + 1, true) + " }${v}%{ endfor }";
          break;
        default:
          out += "$${x} %%{y} $";
      }
    }
    return out;
  }

  std::string expr(int d, bool bracketed) {
    if (d > 4) return leaf();
    std::string g = gap(bracketed);
    switch (pick(16)) {
      case 0:
        return "-" + term(d, bracketed);
      case 1:
        return "!" + term(d, bracketed);
      case 2: {
        static const char* ops[] = {"+", "-", "*", "/", "%", "<", "<=", ">", ">=", "==", "!=", "&&", "||"};
        return term(d, bracketed) + g + ops[pick(13)] + gap(bracketed) + term(d, bracketed);
      }
      case 3:
        return term(d, bracketed) + g + "?" + gap(bracketed) + expr(d + 1, bracketed) + gap(bracketed) + ":" +
               gap(bracketed) + term(d, bracketed);
      case 4:
        return "\"" + tpl_body(d) + "\"";
      case 5:
        return std::string(pick(2) ? "<<-EOT" : "<<EOT") + "\n  " + tpl_body(d) + "\n  x\n  EOT\n";
      default:
        return term(d, bracketed);
    }
  }

  std::string term(int d, bool bracketed) {
    std::string base;
    switch (pick(10)) {
      case 0:
        base = "(" + gap(true) + expr(d + 1, true) + gap(true) + ")";
        break;
      case 1: {
        base = "[" + gap(true);
        int n = static_cast<int>(pick(3));
        for (int i = 0; i < n; ++i) base += expr(d + 1, true) + gap(true) + "," + gap(true);
        base += "]";
        break;
      }
      case 2: {
        base = "{" + gap(true);
        int n = static_cast<int>(pick(3));
        for (int i = 0; i < n; ++i) {
          base += (pick(2) ? "k" + std::to_string(i) : "\"q\"") + gap(true) + (pick(2) ? "=" : ":") + gap(true) +
                  expr(d + 1, true) + (pick(2) ? "," : "\n");
        }
        base += "}";
        break;
      }
      case 3:
        base = "[for " + std::string(pick(2) ? "i, " : "") + "v in " + expr(d + 1, true) + " :" + gap(true) +
               expr(d + 1, true) + (pick(2) ? " if " + expr(d + 1, true) : "") + "]";
        break;
      case 4:
        base = "{for k, v in " + expr(d + 1, true) + " : " + expr(d + 1, true) + " => " + expr(d + 1, true) +
               (pick(2) ? "..." : "") + (pick(2) ? " if v" : "") + "}";
        break;
      case 5: {
        base = "f(" + gap(true);
        int n = static_cast<int>(pick(3));
        for (int i = 0; i < n; ++i) base += (i ? "," + gap(true) : "") + expr(d + 1, true);
        if (n > 0 && pick(3) == 0) base += "...";
        base += ")";
        break;
      }
      default:
        base = leaf();
    }
    int traversals = static_cast<int>(pick(3));
    for (int i = 0; i < traversals; ++i) {
      switch (pick(5)) {
        case 0:
          base += ".attr";
          break;
        case 1:
          base += ".0";
          break;
        case 2:
          base += "[" + expr(d + 1, true) + "]";
          break;
        case 3:
          base += "[*]";
          break;
        default:
          base += ".*";
      }
    }
    (void)bracketed;
    return base;
  }

  uint64_t seed_;
};

TEST(HclFastParser, GeneratedExpressionsNeverDiverge) {
  uint64_t seed = 0x2545F4914F6CDD1Dull;
  if (const char* s = std::getenv("GCLINT_HCL_FUZZ_SEED"))
    seed ^= std::strtoull(s, nullptr, 10) * 0x9E3779B97F4A7C15ull;
  ExprGenerator gen(seed);
  const int rounds = std::getenv("GCLINT_HCL_FUZZ_ROUNDS") ? std::atoi(std::getenv("GCLINT_HCL_FUZZ_ROUNDS")) : 1000;
  int accepted = 0;
  int clean = 0;
  std::map<std::string, int> reasons;  // why clean files were left to tree-sitter
  for (int round = 0; round < rounds; ++round) {
    std::string text = gen.file();
    Outcome o = parse_both(text);
    if (o.tree_sitter_clean) ++clean;
    if (!o.fast_accepted) {
      if (o.tree_sitter_clean) ++reasons[o.reason.substr(o.reason.find(':') + 2)];
      continue;
    }
    ++accepted;
    ASSERT_TRUE(o.tree_sitter_clean) << "fast parser accepted what tree-sitter rejects:\n" << text;
    ASSERT_EQ(o.fast_dump, o.tree_sitter_dump) << text;
  }
  std::cout << rounds << " generated files, " << clean << " clean for tree-sitter, " << accepted
            << " accepted by the fast parser\n";
  for (const auto& [reason, count] : reasons) std::cout << "  left to tree-sitter: " << reason << " x" << count << "\n";
  EXPECT_GT(accepted, rounds / 4);
}

// `1e3` is a number in HCL; the pinned tree-sitter grammar rejects it, so a file using it must parse on the fast path
// (tests/data/robustness/scan/exponent-literal).
TEST(HclFastParser, ExponentWithoutFractionIsANumber) {
  model::SourceFile file(0, "main.tf", "a = 1e1\nb = 25E-1\nc = 1e+2\nd = [\"1e3\", 3e0]\n");
  std::vector<model::Diagnostic> diags;
  HclFile parsed = parse_hcl(file, diags);
  EXPECT_TRUE(diags.empty()) << diags[0].message;
  ASSERT_EQ(parsed.body.attributes.size(), 4u);
  EXPECT_EQ(parsed.body.attributes[0].value.kind, ExprKind::kNumber);
  EXPECT_EQ(parsed.body.attributes[0].value.number, 10);
  EXPECT_EQ(parsed.body.attributes[1].value.number, 2.5);
  EXPECT_EQ(parsed.body.attributes[2].value.number, 100);
  const Expr& list = parsed.body.attributes[3].value;
  ASSERT_EQ(list.kids.size(), 2u);
  EXPECT_EQ(list.kids[1].kind, ExprKind::kNumber);
  EXPECT_EQ(list.kids[1].number, 3);
  Outcome o = parse_both(file.content());
  EXPECT_TRUE(o.fast_accepted);
  EXPECT_EQ(o.exponent_literals, 4u);  // the string "1e3" is text, not a literal
  // `1e3.0` is the number 1e3 and a legacy index `.0`, as HCL's scanner reads it.
  Outcome indexed = parse_both("a = 1e3.0\nb = [2E1.1]\n");
  EXPECT_TRUE(indexed.fast_accepted);
  EXPECT_EQ(indexed.exponent_literals, 2u);
  EXPECT_TRUE(indexed.tree_sitter_clean);
  EXPECT_EQ(indexed.fast_dump, indexed.tree_sitter_dump);
  EXPECT_TRUE(o.tree_sitter_clean);
  EXPECT_EQ(o.fast_dump, o.tree_sitter_dump);
  // Without the rewrite, tree-sitter alone reports the literal as a syntax error: the reason for the exception.
  std::vector<model::Diagnostic> ts_diags;
  parse_hcl_tree_sitter(file, ts_diags);
  EXPECT_FALSE(ts_diags.empty());
}

TEST(HclFastParser, ParseHclFallsBackWithTreeSitterDiagnostics) {
  model::SourceFile file(0, "main.tf", "a = 1\nb = }\n");
  std::vector<model::Diagnostic> diags;
  HclFile parsed = parse_hcl(file, diags);
  ASSERT_FALSE(diags.empty());
  EXPECT_NE(diags[0].message.find("syntax error"), std::string::npos);
  std::vector<model::Diagnostic> ts_diags;
  parse_hcl_tree_sitter(file, ts_diags);
  ASSERT_EQ(diags.size(), ts_diags.size());
  EXPECT_EQ(diags[0].message, ts_diags[0].message);
  EXPECT_EQ(diags[0].span.begin, ts_diags[0].span.begin);
}

}  // namespace
}  // namespace gclint::terraform
