// The examples in docs/language.md stay true: a block fenced as ```tariff is a complete tariff and
// must check with no diagnostic at all; a block fenced as ```tariff-fragment may use names declared
// elsewhere, so it is only parsed and must have no syntax error. Other blocks carry other tags
// (```text, ```sh), and an untagged fence is an error, so no example escapes the test by accident.
// The document's table of reserved words is also held against the grammar's `keyword` rule.
#include <algorithm>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <tariff/diagnostics.hpp>

#include "diagnostics/sink.hpp"
#include "grammar/tariff_grammar.hpp"
#include "parse/parser.hpp"

namespace tariff {
namespace {

enum class block_kind { complete, fragment, other };

/// One fenced block of the document.
struct block {
  block_kind kind = block_kind::other;
  std::string tag;     ///< what follows the opening ```
  int line = 0;        ///< the line of the opening fence in the document, 1-based
  std::string text;    ///< the lines between the fences, each ending in '\n'
  bool closed = true;  ///< false for a block still open at the end of the document
};

std::ostream& operator<<(std::ostream& out, const block& b) {
  return out << "block at docs/language.md:" << b.line << " (```" << b.tag << ")";
}

std::vector<block> blocks_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<block> blocks;
  block current;
  bool inside = false;
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.starts_with("```")) {
      if (inside) current.text += line + '\n';
      continue;
    }
    if (inside) {
      blocks.push_back(std::move(current));
      current = block{};
      inside = false;
      continue;
    }
    inside = true;
    current.tag = line.substr(3);
    current.line = number;
    current.kind = current.tag == "tariff"            ? block_kind::complete
                   : current.tag == "tariff-fragment" ? block_kind::fragment
                                                      : block_kind::other;
  }
  if (inside) {
    current.closed = false;
    blocks.push_back(std::move(current));
  }
  return blocks;
}

const std::vector<block>& all_blocks() {
  static const std::vector<block> blocks = blocks_of(TARIFF_LANGUAGE_DOC);
  return blocks;
}

std::vector<block> examples() {
  std::vector<block> out;
  for (const block& b : all_blocks())
    if (b.kind != block_kind::other) out.push_back(b);
  return out;
}

std::size_t count(block_kind kind) {
  const std::vector<block>& blocks = all_blocks();
  return static_cast<std::size_t>(
      std::count_if(blocks.begin(), blocks.end(), [&](const block& b) { return b.kind == kind; }));
}

/// Where each diagnostic stands in the document, then the usual rendering.
std::string explain(const block& b, const std::vector<diagnostic>& diagnostics) {
  std::ostringstream out;
  out << b << ":\n";
  for (const diagnostic& d : diagnostics)
    out << "  docs/language.md:" << b.line + d.line << ": " << d.message << '\n';
  out << format(diagnostics);
  return out.str();
}

/// The first line that is neither blank nor a comment.
std::string first_declaration(const std::string& text) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty() && line.front() != '#') return line;
  return {};
}

class LanguageExample : public testing::TestWithParam<block> {};

TEST_P(LanguageExample, ChecksClean) {
  const block& b = GetParam();
  const std::string name = "language.md:" + std::to_string(b.line);
  std::vector<diagnostic> diagnostics;
  if (b.kind == block_kind::complete) {
    EXPECT_TRUE(first_declaration(b.text).starts_with("tariff "))
        << b << " is a complete tariff: it starts with its header";
    diagnostics = check(b.text, name);
  } else {
    diagnostics::diagnostic_sink sink(b.text, name);
    (void)parse::parse_module(b.text, sink);
    diagnostics = sink.take();
  }
  EXPECT_TRUE(diagnostics.empty()) << explain(b, diagnostics);
}

std::string test_name(const testing::TestParamInfo<block>& info) {
  return std::string(info.param.kind == block_kind::complete ? "tariff" : "fragment") + "_line_" +
         std::to_string(info.param.line);
}

INSTANTIATE_TEST_SUITE_P(Doc, LanguageExample, testing::ValuesIn(examples()), test_name);

TEST(LanguageExamples, AreMany) {
  EXPECT_GE(count(block_kind::complete), 15U);
  EXPECT_GE(count(block_kind::fragment), 20U);
}

TEST(LanguageExamples, EveryBlockIsClosed) {
  for (const block& b : all_blocks())
    EXPECT_TRUE(b.closed) << "the block at docs/language.md:" << b.line << " is never closed";
}

TEST(LanguageExamples, EveryBlockSaysWhatItIs) {
  for (const block& b : all_blocks())
    EXPECT_FALSE(b.tag.empty()) << "the block at docs/language.md:" << b.line
                                << " has no tag: use tariff, tariff-fragment, text or sh";
}

/// The words in backquotes in column `column` (0-based) of the first table after the line that
/// starts with `heading`.
std::vector<std::string> table_words(const std::string& heading, std::size_t column) {
  std::ifstream in(TARIFF_LANGUAGE_DOC, std::ios::binary);
  std::vector<std::string> words;
  bool found = false;
  bool in_table = false;
  for (std::string line; std::getline(in, line);) {
    if (!found) {
      found = line.starts_with(heading);
      continue;
    }
    if (!line.starts_with("|")) {
      if (in_table) break;
      continue;
    }
    in_table = true;
    std::vector<std::string> cells;
    std::istringstream row(line.substr(1));
    for (std::string cell; std::getline(row, cell, '|');)
      cells.push_back(cell);
    if (cells.size() <= column) continue;
    const std::string& cell = cells[column];
    for (std::size_t open = cell.find('`'); open != std::string::npos;) {
      const std::size_t close = cell.find('`', open + 1);
      if (close == std::string::npos) break;
      words.push_back(cell.substr(open + 1, close - open - 1));
      open = cell.find('`', close + 1);
    }
  }
  return words;
}

bool is_keyword(const std::string& word) {
  namespace pegtl = tao::pegtl;
  pegtl::memory_input in(word, "word");
  return pegtl::parse<pegtl::seq<grammar::keyword, pegtl::eof>>(in);
}

TEST(LanguageReservedWords, AreExactlyTheGrammarsKeywords) {
  const std::vector<std::string> reserved = table_words("**Reserved words.**", 1);
  EXPECT_EQ(reserved.size(), grammar::keyword::subs_t::size);
  for (const std::string& word : reserved)
    EXPECT_TRUE(is_keyword(word)) << "'" << word << "' is listed as reserved but is not a keyword";
}

TEST(LanguageReservedWords, ContextualWordsAreNotReserved) {
  const std::vector<std::string> contextual = table_words("**Words read in context.**", 0);
  EXPECT_GE(contextual.size(), 40U);
  for (const std::string& word : contextual)
    EXPECT_FALSE(is_keyword(word)) << "'" << word << "' is listed as contextual but is reserved";
}

}  // namespace
}  // namespace tariff
