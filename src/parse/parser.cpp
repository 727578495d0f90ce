// The parser driver: one declaration at a time, so that after a syntax error it can skip to the
// next line that starts with a declaration keyword and go on.
#include "parse/parser.hpp"

#include <cctype>

#include "errors/release.hpp"
#include "errors/stop_point.hpp"
#include "parse/build_ast.hpp"
#include "parse/lost_names.hpp"
#include "parse/parse_tree.hpp"
#include "parse/recovery.hpp"
#include "parse/source_text.hpp"
#include "parse/syntax_hints.hpp"

// Under AddressSanitizer the pool poisons the blocks it holds, so a node used after it was freed
// is still reported, as it would be with the global heap.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TARIFF_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define TARIFF_ASAN 1
#endif
#ifdef TARIFF_ASAN
#include <sanitizer/asan_interface.h>
#define TARIFF_POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define TARIFF_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define TARIFF_POISON(p, n) (static_cast<void>(p), static_cast<void>(n))
#define TARIFF_UNPOISON(p, n) (static_cast<void>(p), static_cast<void>(n))
#endif

namespace tariff {

namespace parse {

namespace {
thread_local node_pool* current_pool = nullptr;
}  // namespace

node_pool::node_pool() noexcept : previous_(current_pool) {
  current_pool = this;
}

node_pool::~node_pool() {
  current_pool = previous_;
  std::size_t blocks = first_chunk_blocks;
  for (const auto& chunk : chunks_) {
    TARIFF_UNPOISON(chunk.get(), blocks * block_size);
    blocks *= 2;
  }
}

node_pool* node_pool::current() noexcept {
  return current_pool;
}

void* node_pool::allocate() {
  if (++allocations_ % 4096 == 0) errors::poll(declaration_, source_size_, "bytes parsed");
  if (free_ != nullptr) {
    free_block* b = free_;
    TARIFF_UNPOISON(b, block_size);
    free_ = b->next;
    return b;
  }
  if (next_ == end_) {
    // Chunks double, so a large declaration needs a handful of them and a small one wastes
    // little.
    chunks_.emplace_back(new std::byte[chunk_blocks_ * block_size]);
    next_ = chunks_.back().get();
    end_ = next_ + chunk_blocks_ * block_size;
    TARIFF_POISON(next_, chunk_blocks_ * block_size);
    chunk_blocks_ *= 2;
  }
  void* p = next_;
  TARIFF_UNPOISON(p, block_size);
  next_ += block_size;
  return p;
}

void node_pool::deallocate(void* p) noexcept {
  auto* b = static_cast<free_block*>(p);
  b->next = free_;
  free_ = b;
  TARIFF_POISON(b, block_size);
}

void* node::operator new(std::size_t size) {
  if (node_pool* pool = node_pool::current(); pool != nullptr && size == sizeof(node))
    return pool->allocate();
  return ::operator new(size);
}

void node::operator delete(void* p, std::size_t size) noexcept {
  if (node_pool* pool = node_pool::current(); pool != nullptr && size == sizeof(node))
    return pool->deallocate(p);
  ::operator delete(p);
}

}  // namespace parse

namespace {

namespace g = grammar;
namespace pegtl = tao::pegtl;

/// Where the parser stands in the source.
struct cursor {
  std::size_t byte = 0;
  std::size_t line = 1;
  std::size_t column = 1;
};

/// The cursor at the start of the first line after the line of `from` that starts a declaration,
/// or at the end of the source.
cursor skip_to_next_declaration(std::string_view source, cursor from) {
  cursor c = from;
  for (;;) {
    while (c.byte < source.size() && source[c.byte] != '\n')
      ++c.byte;
    if (c.byte >= source.size()) return c;
    ++c.byte;
    ++c.line;
    c.column = 1;
    if (parse::starts_declaration(source, c.byte)) return c;
  }
}

/// Skips a broken declaration (see skip_to_next_declaration); the names it declares are kept.
cursor skip_broken_declaration(std::string_view source, cursor from, ast::module& module) {
  const cursor next = skip_to_next_declaration(source, from);
  parse::record_lost_names(source.substr(from.byte, next.byte - from.byte), module);
  return next;
}

cursor cursor_of(const pegtl::internal::iterator& it) {
  return {it.byte, it.line, it.column};
}

/// Where to report a syntax error. PEGTL notices a missing operand only at the next token, which
/// may be on a later line; then the error is reported at the end of the line where the operand
/// was due ("found end of line"), which is where the writer has to type it.
ast::position reported_at(std::string_view source, const pegtl::position& p, std::string& message) {
  const ast::position at{static_cast<int>(p.line), static_cast<int>(p.column)};
  std::size_t stop = p.byte;
  int newlines = 0;
  while (stop > 0 && std::isspace(static_cast<unsigned char>(source[stop - 1])) != 0) {
    if (source[stop - 1] == '\n') ++newlines;
    --stop;
  }
  if (newlines == 0 || stop == 0) return at;
  const std::size_t line_start = source.rfind('\n', stop - 1) + 1;  // npos + 1 == 0
  bool in_string = false;
  for (std::size_t i = line_start; i < stop; ++i) {
    if (source[i] == '"') in_string = !in_string;
    if (source[i] == '#' && !in_string) return at;  // the line ends in a comment: keep it simple
  }
  if (const auto found = message.rfind(", found "); found != std::string::npos)
    message = message.substr(0, found) + ", found end of line";
  return {at.line - newlines, static_cast<int>(stop - line_start) + 1};
}

/// Reports a syntax error at the token where it was noticed, or (see reported_at) at the end of
/// the line where the missing piece was due.
void report(std::string_view source, const pegtl::parse_error& e, bool at_next_token,
            diagnostics::diagnostic_sink& sink) {
  std::string message(e.message());
  const pegtl::position& p = e.positions().front();
  const ast::position where =
      at_next_token ? ast::position{static_cast<int>(p.line), static_cast<int>(p.column)}
                    : reported_at(source, p, message);
  parse::add_syntax_hints(sink.report(diagnostics::code::syntax_error, where, std::move(message)));
}

}  // namespace

ast::module parse::parse_module(std::string_view source, diagnostics::diagnostic_sink& sink) {
  // Declared first, so it outlives every parse tree below (see node_pool).
  parse::node_pool pool;
  ast::module module;
  // Cancelled in a large tariff, the syntax tree read so far is freed elsewhere (the parse tree
  // cannot be: its nodes are the pool's, on this thread).
  const errors::release_on_unwind release(source.size() >= errors::release_source_from, module);
  module.file = sink.file();
  const char* const end = source.data() + source.size();
  cursor at;
  {
    // A byte order mark at the start is no text: columns of line 1 count from after it.
    const std::size_t mark = byte_order_mark(source);
    peg::input in(source.data() + mark, end, module.file, mark, 1, 1);
    pegtl::parse<g::sep>(in);
    at = cursor_of(in.iterator());
  }
  while (at.byte < source.size()) {
    errors::poll(at.byte, source.size(), "bytes parsed");  // compile()'s stop condition
    pool.at_declaration(at.byte, source.size());
    peg::input in(source.data() + at.byte, end, module.file, at.byte, at.line, at.column);
    try {
      auto root = pegtl::parse_tree::parse<g::next_declaration, parse::node, parse::selector,
                                           parse::depth_limit, parse::control>(in);
      at = cursor_of(in.iterator());
      if (root && !root->children.empty())
        parse::build_declaration(*root->children.front(), module, sink);
    } catch (const parse::syntax_error& e) {
      report(source, e, e.reported_at_next_token(), sink);
      // Resume at the first declaration line after the broken declaration's first line: an
      // error found at the start of the next declaration (a missing operand at the end of a
      // rule) must not swallow that declaration.
      at = skip_broken_declaration(source, at, module);
    } catch (const pegtl::parse_error& e) {  // PEGTL's own: the depth limit
      report(source, e, false, sink);
      at = skip_broken_declaration(source, at, module);  // as above
    }
  }
  return module;
}

}  // namespace tariff
