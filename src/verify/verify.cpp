// tariff::verify: each statement billed again from its recorded inputs under its archived tariff
// (docs/statement.md, "Checking a past statement").
#include <algorithm>
#include <set>
#include <string>

#include <tariff/billing.hpp>
#include <tariff/calendar.hpp>
#include <tariff/statement_io.hpp>
#include <tariff/verify.hpp>
#include <tariff/version.hpp>

#include "verify/figures.hpp"
#include "verify/json_text.hpp"
#include "verify/recorded_inputs.hpp"
#include "verify/tariff_archive.hpp"

namespace tariff {

namespace {

using formats::json_value;
using verify_stage::member;
using verify_stage::member_text;

// The tariff files the statement was billed under, by hash and the name it recorded: its
// `versions`' (a versioned tariff: objects with a `source_hash` and a `file`; its tariff_hash is
// the hash of the whole set, no file's), or its tariff_hash.
struct named_files {
  std::vector<std::string> hashes;
  std::vector<std::string> files;
};

named_files files_named(const json_value& s) {
  named_files out;
  if (const json_value* versions = member(s, "versions"))
    for (const json_value& v : versions->items)
      if (std::string hash = member_text(v, "source_hash");
          !hash.empty() &&
          std::find(out.hashes.begin(), out.hashes.end(), hash) == out.hashes.end()) {
        out.hashes.push_back(std::move(hash));
        out.files.push_back(member_text(v, "file"));
      }
  if (out.hashes.empty())
    if (std::string hash = member_text(s, "tariff_hash"); !hash.empty()) {
      out.hashes.push_back(std::move(hash));
      out.files.emplace_back();
    }
  return out;
}

// `s` without its member `key`.
json_value without(json_value s, std::string_view key) {
  std::erase_if(s.members, [&](const formats::json_member& m) { return m.key == key; });
  return s;
}

// The statement without the rejected lines that the tool, not bill(), adds: a line another
// contract's state records as billed is rejected `moved_contract` before billing, and is no
// part of the inputs (docs/statement.md, "Checking a past statement").
json_value without_moved_lines(json_value s) {
  for (formats::json_member& m : s.members)
    if (m.key == "rejected")
      std::erase_if(m.value.items, [](const json_value& line) {
        return member_text(line, "reason") == "moved_contract";
      });
  return s;
}

void add_note(verify_result& r, std::string note) {
  if (std::find(r.notes.begin(), r.notes.end(), note) == r.notes.end())
    r.notes.push_back(std::move(note));
}

// What the statement was priced with that this machine prices otherwise.
void note_versions(verify_result& r, const json_value& s, const std::string& name) {
  const std::string engine = member_text(s, "engine");
  const std::string tzdata = member_text(s, "tzdata");
  if (engine != version)
    add_note(r, name + " was priced by engine " + (engine.empty() ? "(not recorded)" : engine) +
                    ", this one is " + version);
  if (tzdata != tzdata_version())
    add_note(r, name + " was priced with tzdata " + (tzdata.empty() ? "(not recorded)" : tzdata) +
                    ", this machine has " + tzdata_version());
}

void verify_one(verify_result& r, const json_value& recorded, std::size_t number,
                verify_stage::tariff_archive& archive) {
  if (recorded.type != json_value::kind::object)
    throw verify_input_error("statement " + std::to_string(number) + ": expected an object");
  const std::string name = "statement " + std::to_string(number) + " (contract " +
                           member_text(recorded, "contract") + ")";
  const json_value* inputs = member(recorded, "inputs");
  if (inputs == nullptr)
    throw verify_input_error(name +
                             " records no inputs: it was written without them (tariff bill "
                             "--no-inputs, or write_statement_json without statement_inputs)");
  const named_files named = files_named(recorded);
  const std::vector<std::string>& hashes = named.hashes;
  if (hashes.empty()) throw verify_input_error(name + " names no tariff_hash");
  bool missing = false;
  for (const std::string& hash : hashes) {
    if (const std::filesystem::path* file = archive.find(hash)) {
      add_note(r, "tariff " + hash.substr(0, 12) + ": " + file->string());
    } else {
      missing = true;
      if (std::find(r.missing_hashes.begin(), r.missing_hashes.end(), hash) ==
          r.missing_hashes.end())
        r.missing_hashes.push_back(hash);
    }
  }
  if (missing) return;
  note_versions(r, recorded, name);

  const owned_statement_inputs in = verify_stage::read_recorded_inputs(*inputs, name);
  // A versioned tariff's statement names the versions that priced or charged in it: those are
  // billed again, compiled together (docs/statement.md, "Checking a past statement").
  const compiled_tariff& tariff = archive.compiled(hashes, named.files);
  statement again;
  try {
    again = bill(tariff, in.billed, in.period, in.opening, in.work, in.payments, in.options);
  } catch (const error& e) {
    throw verify_input_error(name + ": billing the inputs again fails: " + e.what());
  }
  const std::string text = write_statement_json(again, tariff, in.view());
  const formats::json_parse_result repriced = formats::parse_json(text);
  // The hash of a set of versions names them all; the versions the statement names are compared
  // one by one instead (their hashes found the files, their list is compared below).
  const bool versioned = member(recorded, "versions") != nullptr;
  std::vector<verify_difference> found = verify_stage::compare_figures(
      versioned ? without(without_moved_lines(recorded), "tariff_hash")
                : without_moved_lines(recorded),
      versioned ? without(*repriced.value, "tariff_hash") : *repriced.value);
  if (found.empty()) return;
  ++r.differing;
  const std::string period = format_span(in.period);
  for (verify_difference& d : found) {
    d.contract = in.billed.id;
    d.period = period;
    r.differences.push_back(std::move(d));
  }
}

}  // namespace

verify_result verify(std::string_view statement_json, const std::filesystem::path& tariff_dir) {
  const formats::json_parse_result parsed = formats::parse_json(statement_json);
  if (!parsed.value) throw verify_input_error("the statement is not JSON: " + parsed.error);
  verify_stage::tariff_archive archive(tariff_dir);
  verify_result r;
  const json_value& document = *parsed.value;
  if (document.type == json_value::kind::array) {
    if (document.items.empty()) throw verify_input_error("the document holds no statement");
    for (std::size_t i = 0; i < document.items.size(); ++i)
      verify_one(r, document.items[i], i + 1, archive);
    r.statements = document.items.size();
  } else {
    verify_one(r, document, 1, archive);
    r.statements = 1;
  }
  r.identical = r.missing_hashes.empty() && r.differences.empty();
  return r;
}

}  // namespace tariff
