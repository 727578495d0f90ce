// The canonical layout of a tariff source (formatter.hpp).
//
// The formatter works on tokens, not on the syntax tree: the tree has no comments, and tokens
// keep everything the author wrote except the space between them. The author's line breaks stay;
// each line gets its indentation, the space between its tokens, and column alignment with its
// neighbours. Before a result is returned it is checked: it must have the same tokens as the
// source and parse without errors; otherwise the source comes back unchanged with an error, so a
// formatter bug can never change what a tariff means.
#include <algorithm>
#include <array>
#include <string>

#include <tariff/formatter.hpp>

#include "diagnostics/sink.hpp"
#include "format/tokens.hpp"
#include "grammar/tariff_lexicon.hpp"
#include "parse/parser.hpp"
#include "parse/source_text.hpp"

namespace tariff {

namespace {

using format_stage::token;
using format_stage::token_kind;

// The words that decide the layout are the grammar's (grammar/tariff_lexicon.hpp): a
// declaration, an entry or an option added to the grammar is laid out as one without a change here.
namespace g = grammar;
namespace lex = grammar::lexicon;

bool is(const token* t, std::string_view text) {
  return t != nullptr && t->kind != token_kind::string && t->kind != token_kind::comment &&
         t->text == text;
}

bool is_word(const token* t, std::string_view word) {
  return t != nullptr && t->kind == token_kind::word && t->text == word;
}

// `words`: one of the sets of grammar/tariff_lexicon.hpp.
template <std::size_t N>
bool is_word(const token* t, const std::array<std::string_view, N>& words) {
  return t != nullptr && t->kind == token_kind::word && lex::contains(words, t->text);
}

bool is_operator(const token* t) {
  if (t == nullptr || t->kind != token_kind::punct) return false;
  constexpr std::array<std::string_view, 10> ops = {"+",  "-", "*",  "/", "=",
                                                    "!=", "<", "<=", ">", ">="};
  return std::find(ops.begin(), ops.end(), t->text) != ops.end();
}

// A `-` is a negation when no value comes before it.
bool is_unary_minus(const token* t, const token* before) {
  if (!is(t, "-")) return false;
  if (before == nullptr) return true;
  if (before->kind == token_kind::punct) return before->text != ")";
  return is_word(before, lex::words_before_operand);
}

// What a brace opens: a block of entries (a calendar, price list, group or plan, named by its
// keyword), or a comma-separated list (a table's entries, an item's tiers).
struct block {
  std::string keyword;
  bool list = false;
};

// Whether `first` starts an entry of `b` (or a declaration at the top) rather than continuing
// the one above.
bool starts_entry(const token& first, const block* b) {
  if (b == nullptr) return is_word(&first, lex::declaration_words);
  if (b->list) return true;
  if (b->keyword == lex::word<g::calendar>()) return is_word(&first, lex::calendar_entry_words);
  if (b->keyword == lex::word<g::group>() || b->keyword == lex::word<g::pay>())
    return is_word(&first, lex::word<g::rule>());
  if (b->keyword == lex::word<g::tax>()) return is_word(&first, lex::tax_entry_words);
  if (b->keyword == lex::word<g::plan>()) return is_word(&first, lex::plan_entry_words);
  if (b->keyword == lex::word<g::pricelist>())  // `item …`, or an override: a name and its options
    return is_word(&first, lex::word<g::item>()) ||
           (first.kind == token_kind::word && !is_word(&first, lex::reserved_words) &&
            !is_word(&first, lex::item_option_words));  // `credit` is no reserved word
  return true;
}

// Whether a line ending with `last` leaves its statement unfinished.
bool leaves_open(const token* last, const block* b) {
  if (last == nullptr) return false;
  if (is_operator(last) || is(last, ":") || is(last, "(") || is(last, "..")) return true;
  if (is(last, ",")) return b == nullptr || !b->list;
  return is_word(last, lex::words_before_operand);
}

// One line of the result.
struct out_line {
  std::vector<std::string> cells;  // the code, split where columns align (usually one cell)
  std::string comment;             // a trailing comment, or the whole of a comment line
  std::size_t indent = 0;
  bool blank_before = false;
  bool code = false;               // false: a comment line
  std::string align;               // the statement keyword whose columns align ("rule", "item"…)
  bool continued = false;          // the next line continues this line's statement
  bool continuing = false;         // this line continues the statement above
  std::size_t comment_column = 0;  // where a trailing comment starts (aligned in runs)
};

class formatter {
 public:
  explicit formatter(const std::vector<token>& tokens) : tokens_(tokens) {}

  std::string run() {
    for (std::size_t at = 0; at < tokens_.size();) {
      std::size_t end = at;
      while (end < tokens_.size() && tokens_[end].line == tokens_[at].line)
        ++end;
      add_line(at, end);
      at = end;
    }
    align_columns();
    align_comments();
    return render();
  }

 private:
  const block* innermost() const { return blocks_.empty() ? nullptr : &blocks_.back(); }

  void add_line(std::size_t begin, std::size_t end) {
    out_line line;
    const int source_line = tokens_[begin].line;
    line.blank_before = !lines_.empty() && source_line - last_source_line_ > 1;
    last_source_line_ = source_line;
    std::size_t code_end = end;
    if (tokens_[end - 1].kind == token_kind::comment) {
      line.comment = std::string(tokens_[end - 1].text);
      code_end = end - 1;
    }
    if (begin == code_end) {  // a comment line
      line.indent = 2 * blocks_.size();
      lines_.push_back(std::move(line));
      return;
    }
    const token& first = tokens_[begin];
    const bool closes = is(&first, "}");
    const std::size_t depth = blocks_.size() - (closes && !blocks_.empty() ? 1 : 0);
    line.code = true;
    line.continuing =
        !closes && (parens_ > 0 || is_operator(&first) || is(&first, ":") ||
                    is_word(&first, lex::logical_operator_words) ||
                    leaves_open(last_code_, innermost()) || !starts_entry(first, innermost()));
    line.indent = 2 * depth + (line.continuing ? 2 : 0);
    if (line.continuing) mark_previous_continued();
    if (!line.continuing && first.kind == token_kind::word) statement_ = std::string(first.text);
    splits_.clear();
    empty_cell_before_ = tokens_.size();
    if (!line.continuing) find_columns(begin, code_end, line);

    std::string cell;
    const token* const previous = last_code_;  // the last token of the line above
    const token* before = previous;            // the token before tokens_[i - 1]
    for (std::size_t i = begin; i < code_end; ++i) {
      const token& t = tokens_[i];
      if (i == empty_cell_before_) {
        line.cells.push_back(std::move(cell));
        line.cells.emplace_back();
        cell.clear();
      } else if (i != begin && std::find(splits_.begin(), splits_.end(), i) != splits_.end()) {
        line.cells.push_back(std::move(cell));
        cell.clear();
      } else if (i != begin) {
        cell += space_between(tokens_[i - 1], t, before);
      }
      cell += t.text;
      track(t, i == begin ? previous : &tokens_[i - 1]);
      before = i == begin ? previous : &tokens_[i - 1];
      last_code_ = &t;
    }
    line.cells.push_back(std::move(cell));
    lines_.push_back(std::move(line));
  }

  // The space between two tokens of a line; `before` is the token before `a`.
  std::string_view space_between(const token& a, const token& b, const token* before) const {
    if (is_unary_minus(&a, before)) return "";
    if (is(&b, ",") || is(&b, ")") || is(&a, "(")) return "";
    if (is(&b, "(") && is_word(&a, lex::function_words)) return "";
    if (is(&a, ".") || is(&b, ".")) return "";
    if (is(&b, "..")) return a.kind == token_kind::number ? "" : " ";
    if (is(&a, "..")) return before != nullptr && before->kind == token_kind::number ? "" : " ";
    if (is(&b, ":")) return innermost() != nullptr && innermost()->list ? "" : " ";
    return " ";
  }

  // Braces and parentheses as they open and close; `before` is the token before `t`.
  void track(const token& t, const token* before) {
    if (is(&t, "(")) ++parens_;
    if (is(&t, ")") && parens_ > 0) --parens_;
    if (is(&t, "}") && !blocks_.empty()) blocks_.pop_back();
    if (!is(&t, "{")) return;
    const bool tiers =
        is_word(before, lex::tier_kind_words) ||
        (before != nullptr && before->kind == token_kind::number && before_package(before));
    blocks_.push_back({statement_, statement_ == lex::word<g::table>() || tiers});
  }

  bool before_package(const token* number) const {
    const auto at = static_cast<std::size_t>(number - tokens_.data());
    return at > 0 && is_word(&tokens_[at - 1], lex::word<g::tier_package>());
  }

  // Where the line's columns start, for the statements whose runs align: `splits_` holds the
  // tokens that start a new cell, `empty_cell_before_` the token before which an item without a
  // title gets an empty title cell. Sets the line's `align` key.
  void find_columns(std::size_t begin, std::size_t end, out_line& line) {
    const token& first = tokens_[begin];
    const auto find = [&](std::string_view text) {
      for (std::size_t i = begin; i < end; ++i)
        if (is(&tokens_[i], text)) return i;
      return end;
    };
    if (is_word(&first, lex::word<g::rule>()) ||
        is_word(&first, lex::word<g::attribute>())) {  // the head, then `: …`
      const std::size_t colon = find(":");
      if (colon == end) return;
      splits_.push_back(colon);
    } else if (is_word(&first, lex::word<g::table>())) {  // the head, then `{ …`
      const std::size_t brace = find("{");
      if (brace == end) return;
      splits_.push_back(brace);
    } else if (is_word(&first, lex::word<g::item>()) && end - begin >= 4) {
      // item NAME ["TITLE"] per UNIT OPTION…: the title, `per` and each option align.
      const bool titled = tokens_[begin + 2].kind == token_kind::string;
      const std::size_t per = begin + (titled ? 3 : 2);
      if (!is(&tokens_[per], "per")) return;
      if (titled)
        splits_.push_back(begin + 2);
      else
        empty_cell_before_ = per;
      splits_.push_back(per);
      split_options(per + 2, end);
    } else if (innermost() != nullptr && innermost()->keyword == lex::word<g::pricelist>() &&
               first.kind == token_kind::word && end - begin >= 2) {
      // An override, NAME OPTION…: the options align with each other's.
      split_options(begin + 1, end);
      line.align = "override";
      return;
    } else {
      return;
    }
    line.align = std::string(first.text);
  }

  // Each item option in [begin, end) starts a cell: `price 950.00`, `cost 600.00`, `minimum 1h`.
  void split_options(std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i)
      if (is_word(&tokens_[i], lex::item_option_words)) splits_.push_back(i);
  }

  void mark_previous_continued() {
    for (auto it = lines_.rbegin(); it != lines_.rend(); ++it)
      if (it->code) {
        it->continued = true;
        return;
      }
  }

  // Runs of single-line statements of one kind, one under another at one indentation, get
  // their columns aligned.
  void align_columns() {
    std::vector<std::size_t> run;
    const auto flush = [&] {
      align_run(run);
      run.clear();
    };
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const out_line& line = lines_[i];
      if (line.code && line.continuing && !line.blank_before) continue;  // inside a member
      const bool joins = !run.empty() && line.code && !line.blank_before &&
                         line.align == lines_[run.front()].align &&
                         line.indent == lines_[run.front()].indent;
      if (!joins) flush();
      if (line.code && !line.align.empty()) run.push_back(i);
    }
    flush();
  }

  void align_run(const std::vector<std::size_t>& run) {
    std::size_t columns = 0;
    for (std::size_t i : run)
      columns = std::max(columns, lines_[i].cells.size());
    std::vector<std::size_t> widths(columns, 0);
    for (std::size_t i : run)
      for (std::size_t c = 0; c + 1 < lines_[i].cells.size(); ++c)
        widths[c] = std::max(widths[c], width(lines_[i].cells[c]));
    for (std::size_t i : run) {
      std::vector<std::string>& cells = lines_[i].cells;
      std::string joined;
      for (std::size_t c = 0; c < cells.size(); ++c) {
        if (c + 1 == cells.size()) {
          joined += cells[c];
          break;
        }
        if (widths[c] == 0) continue;  // a column empty all along the run (no item has a title)
        joined += cells[c];
        joined.append(widths[c] - width(cells[c]) + 1, ' ');
      }
      while (!joined.empty() && joined.back() == ' ')
        joined.pop_back();
      cells = {std::move(joined)};
    }
  }

  // Trailing comments of lines one under another, at one indentation, start in one column.
  void align_comments() {
    for (std::size_t at = 0; at < lines_.size();) {
      if (!lines_[at].code || lines_[at].comment.empty()) {
        ++at;
        continue;
      }
      std::size_t end = at + 1;
      while (end < lines_.size() && lines_[end].code && !lines_[end].comment.empty() &&
             !lines_[end].blank_before && lines_[end].indent == lines_[at].indent)
        ++end;
      std::size_t column = 0;
      for (std::size_t i = at; i < end; ++i)
        column = std::max(column, width(code_of(lines_[i])));
      for (std::size_t i = at; i < end; ++i)
        lines_[i].comment_column = column + 2;
      at = end;
    }
  }

  static std::string code_of(const out_line& line) {
    std::string out;
    for (std::size_t c = 0; c < line.cells.size(); ++c) {
      if (c > 0) out += ' ';
      out += line.cells[c];
    }
    return out;
  }

  static std::size_t width(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
      return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
    }));
  }

  std::string render() const {
    std::string out;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const out_line& line = lines_[i];
      const bool after_open = i > 0 && ends_with_brace(lines_[i - 1]);
      const bool at_close = line.code && line.cells.front().starts_with("}");
      if (line.blank_before && !after_open && !at_close) out += '\n';
      std::string text(line.indent, ' ');
      if (line.code) {
        const std::string code = code_of(line);
        text += code;
        if (!line.comment.empty()) {
          const std::size_t column = std::max(line.comment_column, width(code) + 2);
          text.append(column - width(code), ' ');
          text += line.comment;
        }
      } else {
        text += line.comment;
      }
      out += text;
      out += '\n';
    }
    return out;
  }

  static bool ends_with_brace(const out_line& line) {
    return line.code && !line.cells.empty() && line.cells.back().ends_with("{");
  }

  const std::vector<token>& tokens_;
  std::vector<out_line> lines_;
  std::vector<block> blocks_;
  std::vector<std::size_t> splits_;
  std::string statement_;
  const token* last_code_ = nullptr;
  int parens_ = 0;
  int last_source_line_ = 0;
  std::size_t empty_cell_before_ = 0;
};

bool same_tokens(const std::vector<token>& a, const std::vector<token>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const token& x, const token& y) {
    return x.kind == y.kind && x.text == y.text;
  });
}

}  // namespace

format_result format_tariff(std::string_view source, std::string_view file) {
  format_result result;
  {
    diagnostics::diagnostic_sink sink(source, std::string(file));
    if (!parse::source_text_readable(source, sink)) {
      result.diagnostics = sink.take();
      return result;
    }
    parse::parse_module(source, sink);
    if (sink.has_errors()) {
      result.diagnostics = sink.take();
      return result;
    }
  }
  const auto internal_error = [&](std::string message) {
    const diagnostics::code_info& kind = diagnostics::info(diagnostics::code::internal_error);
    diagnostic d;
    d.level = kind.level;
    d.file = std::string(file);
    d.line = d.column = 1;
    d.message = "the formatter " + message + "; the file is left as it is (please report this)";
    d.name = std::string(kind.name);
    result.diagnostics.push_back(std::move(d));
    return result;
  };
  // The canonical layout has no byte order mark (the tools write UTF-8 without one).
  source.remove_prefix(parse::byte_order_mark(source));
  const std::optional<std::vector<token>> tokens = format_stage::tokenize(source);
  if (!tokens) return internal_error("could not split the source into tokens");
  std::string text = formatter(*tokens).run();

  // The guarantee: the same tokens in the same order, and a source that still parses.
  const std::optional<std::vector<token>> again = format_stage::tokenize(text);
  if (!again || !same_tokens(*tokens, *again)) return internal_error("would change the tokens");
  diagnostics::diagnostic_sink sink(text, std::string(file));
  parse::parse_module(text, sink);
  if (sink.has_errors()) return internal_error("would make the source unreadable");
  result.text = std::move(text);
  return result;
}

}  // namespace tariff
