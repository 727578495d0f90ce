// The rules language's grammar: PEGTL rules only, no actions (src/parse builds the syntax tree).
// grammar/tariff.ebnf is the readable form of the same language; keep the two in step.
//
// Conventions: t<R> is a token R followed by spaces and comments; if_must<> marks a commit point,
// after which a failure is a syntax error (with the message from grammar/tariff_errors.hpp), not
// a backtrack.
#pragma once

#include <algorithm>
#include <array>
#include <string_view>

#include "pegtl.hpp"

namespace tariff::grammar {

using namespace tao::pegtl;  // NOLINT(google-build-using-namespace): PEGTL's rule vocabulary

// ---------------------------------------------------------------------------------------------
// Lexical structure

struct comment : seq<one<'#'>, until<eolf>> {};
struct sep : star<sor<space, comment>> {};

// A token that either matches whole or consumes nothing, so that an error after a commit point
// is reported where the token starts ("6:00": at the 6, not at the colon after it).
template <class Rule>
struct atomic {
  using rule_t = atomic;
  using subs_t = type_list<Rule>;
  template <apply_mode A, rewind_mode M, template <class...> class Action,
            template <class...> class Control, class Input, class... States>
  static bool match(Input& in, States&&... st) {
    auto marker = in.template mark<rewind_mode::required>();
    return marker(
        Control<Rule>::template match<A, rewind_mode::active, Action, Control>(in, st...));
  }
};

template <class Rule>
struct t : seq<atomic<Rule>, sep> {};

#define TARIFF_KW(word) TAO_PEGTL_KEYWORD(word)

// Reserved words: no name may be one of these.
using reserved_word_rules = type_list<
    TARIFF_KW("tariff"), TARIFF_KW("currency"), TARIFF_KW("rounding"), TARIFF_KW("calendar"),
    TARIFF_KW("timezone"), TARIFF_KW("window"), TARIFF_KW("days"), TARIFF_KW("holidays"),
    TARIFF_KW("holiday"), TARIFF_KW("season"), TARIFF_KW("attribute"), TARIFF_KW("default"),
    TARIFF_KW("table"), TARIFF_KW("by"), TARIFF_KW("else"), TARIFF_KW("pricelist"),
    TARIFF_KW("extends"), TARIFF_KW("effective"), TARIFF_KW("item"), TARIFF_KW("per"),
    TARIFF_KW("price"), TARIFF_KW("cost"), TARIFF_KW("bill"), TARIFF_KW("started"),
    TARIFF_KW("minimum"), TARIFF_KW("maximum"), TARIFF_KW("charge"), TARIFF_KW("discount"),
    TARIFF_KW("tiers"), TARIFF_KW("rule"), TARIFF_KW("for"), TARIFF_KW("when"), TARIFF_KW("group"),
    TARIFF_KW("stack"), TARIFF_KW("plan"), TARIFF_KW("period"), TARIFF_KW("fee"), TARIFF_KW("unit"),
    TARIFF_KW("prorated"), TARIFF_KW("includes"), TARIFF_KW("overage"), TARIFF_KW("alert"),
    TARIFF_KW("order"), TARIFF_KW("catalogue"), TARIFF_KW("and"), TARIFF_KW("or"), TARIFF_KW("not"),
    TARIFF_KW("in"), TARIFF_KW("on"), TARIFF_KW("during"), TARIFF_KW("round"), TARIFF_KW("min"),
    TARIFF_KW("max"), TARIFF_KW("true"), TARIFF_KW("false"), TARIFF_KW("contract"),
    TARIFF_KW("client"), TARIFF_KW("site"), TARIFF_KW("work")>;

template <class Keyword>
struct word_of;
template <char... Cs>
struct word_of<ascii::keyword<Cs...>> {
  static constexpr char text[] = {Cs...};
  static constexpr std::string_view value{text, sizeof...(Cs)};
};

template <class... Keywords>
constexpr auto sorted_words(type_list<Keywords...> /*unused*/) {
  std::array<std::string_view, sizeof...(Keywords)> words = {word_of<Keywords>::value...};
  std::sort(words.begin(), words.end());
  return words;
}

// A reserved word followed by a character that cannot continue a word: the same language as
// sor<> of the rules above (each a word, then not_at<identifier_other>), but read as one word and
// looked up once by binary search. `name` tries it before every name, and the 59 string
// comparisons of the sor<> were 5 % of compiling a 10 000-item tariff. subs_t stays the list, so
// the rule still names its words to PEGTL's analysis and to the tests.
struct keyword {
  using rule_t = keyword;
  using subs_t = reserved_word_rules;
  static constexpr auto words = sorted_words(reserved_word_rules{});

  template <class ParseInput>
  static bool match(ParseInput& in) {
    const char* const begin = in.current();
    const char* end = begin;
    while (end != in.end() && is_word_char(*end))
      ++end;
    const std::string_view word(begin, static_cast<std::size_t>(end - begin));
    if (!std::binary_search(words.begin(), words.end(), word)) return false;
    in.bump_in_this_line(word.size());
    return true;
  }

 private:
  // identifier_other: what may continue a word.
  static constexpr bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
};

struct name_char : sor<ranges<'a', 'z', '0', '9'>, one<'_'>> {};
struct name : seq<not_at<keyword>, range<'a', 'z'>, star<name_char>, not_at<identifier_other>> {};

struct integer : plus<digit> {};
struct number : seq<plus<digit>, opt<one<'.'>, plus<digit>>, not_at<identifier_other>> {};
struct percent : seq<plus<digit>, opt<one<'.'>, plus<digit>>, one<'%'>> {};
struct duration_unit : sor<TARIFF_KW("h"), TARIFF_KW("min")> {};
struct duration : seq<plus<digit>, opt<one<'.'>, plus<digit>>, duration_unit> {};
struct date_literal : seq<rep<4, digit>, one<'-'>, rep<2, digit>, one<'-'>, rep<2, digit>> {};
struct time_literal : seq<rep<2, digit>, one<':'>, rep<2, digit>> {};
struct string_char : sor<seq<one<'\\'>, one<'"', '\\'>>, not_one<'"', '\\', '\n', '\r'>> {};
struct string_end : one<'"'> {};
struct string_literal : if_must<one<'"'>, star<string_char>, string_end> {};
struct currency_code : seq<rep<3, range<'A', 'Z'>>, not_at<identifier_other>> {};
struct zone_name : seq<alpha, star<sor<alnum, one<'_', '/', '-', '+'>>>> {};

struct dots : string<'.', '.'> {};
struct comma : one<','> {};
struct colon : one<':'> {};
struct open_brace : one<'{'> {};
struct close_brace : one<'}'> {};
struct open_paren : one<'('> {};
struct close_paren : one<')'> {};

struct rounding_mode
    : sor<TARIFF_KW("half_even"), TARIFF_KW("half_up"), TARIFF_KW("half_down"), TARIFF_KW("up"),
          TARIFF_KW("down"), TARIFF_KW("ceiling"), TARIFF_KW("floor")> {};
struct item_unit : sor<TARIFF_KW("hour"), TARIFF_KW("minute"), TARIFF_KW("day"), TARIFF_KW("month"),
                       TARIFF_KW("visit"), TARIFF_KW("piece"), TARIFF_KW("km"), TARIFF_KW("kg"),
                       TARIFF_KW("m2"), TARIFF_KW("m3")> {};
struct period_name : sor<TARIFF_KW("month"), TARIFF_KW("quarter"), TARIFF_KW("year")> {};
struct weekday : sor<TARIFF_KW("mon"), TARIFF_KW("tue"), TARIFF_KW("wed"), TARIFF_KW("thu"),
                     TARIFF_KW("fri"), TARIFF_KW("sat"), TARIFF_KW("sun")> {};

// ---------------------------------------------------------------------------------------------
// Expressions, loosest first

struct expression;

struct attribute_scope
    : sor<TARIFF_KW("contract"), TARIFF_KW("client"), TARIFF_KW("site"), TARIFF_KW("work")> {};
struct attribute_name : name {};
struct attribute_dot : one<'.'> {};
struct attribute_ref : if_must<attribute_scope, attribute_dot, attribute_name> {};
struct name_ref : sor<TARIFF_KW("price"), TARIFF_KW("cost"), name> {
};  // price, cost: also keywords
struct true_literal : TARIFF_KW("true") {};
struct false_literal : TARIFF_KW("false") {};
struct literal
    : sor<date_literal, percent, duration, number, string_literal, true_literal, false_literal> {};

struct min_call : TARIFF_KW("min") {};
struct max_call : TARIFF_KW("max") {};
struct arguments : list_must<expression, t<comma>> {};
struct call : if_must<t<sor<min_call, max_call>>, t<open_paren>, arguments, t<close_paren>> {};
struct in_window : if_must<t<TARIFF_KW("in")>, t<name>> {};
struct on_holiday : TARIFF_KW("holiday") {};
struct on_target : sor<t<on_holiday>, t<name>> {};
struct on_days : if_must<t<TARIFF_KW("on")>, on_target> {};
struct during_range : seq<t<date_literal>, t<dots>, must<t<date_literal>>> {};
struct during_target : sor<during_range, t<name>> {};
struct during : if_must<t<TARIFF_KW("during")>, during_target> {};
struct parenthesized : if_must<t<open_paren>, expression, t<close_paren>> {};
struct primary : sor<t<literal>, call, in_window, on_days, during, t<attribute_ref>, t<name_ref>,
                     parenthesized> {};

struct unary;
struct negate : if_must<t<one<'-'>>, unary> {};
struct unary : sor<negate, primary> {};

struct operand : unary {};  // what an operator expects on its right
struct multiply : if_must<t<one<'*'>>, operand> {};
struct division_round : TARIFF_KW("round") {};
struct divide : if_must<t<one<'/'>>, operand, t<division_round>, t<number>, t<rounding_mode>> {};
struct product : seq<unary, star<sor<multiply, divide>>> {};

struct term : product {};
struct add : if_must<t<one<'+'>>, term> {};
struct subtract : if_must<t<one<'-'>>, term> {};
struct sum : seq<product, star<sor<add, subtract>>> {};

struct compare_op
    : sor<string<'<', '='>, string<'>', '='>, string<'!', '='>, one<'='>, one<'<'>, one<'>'>> {};
struct compared : sum {};
struct compare : if_must<t<compare_op>, compared> {};
struct comparison : seq<sum, opt<compare>> {};

struct negation;
struct logical_not : if_must<t<TARIFF_KW("not")>, negation> {};
struct negation : sor<logical_not, comparison> {};
struct conjunct : negation {};
struct logical_and : if_must<t<TARIFF_KW("and")>, conjunct> {};
struct conjunction : seq<negation, star<logical_and>> {};
struct disjunct : conjunction {};
struct logical_or : if_must<t<TARIFF_KW("or")>, disjunct> {};
struct expression : seq<conjunction, star<logical_or>> {};

// ---------------------------------------------------------------------------------------------
// Header and rounding

// `effective 2026-04-01` after the currency: the tariff is a version, in force from that day
// (docs/design.md, decision 12). `effective` is already reserved (price lists use it).
struct version_date : date_literal {};
struct version_effective : if_must<t<TARIFF_KW("effective")>, t<version_date>> {};
struct header : if_must<t<TARIFF_KW("tariff")>, t<string_literal>, t<TARIFF_KW("currency")>,
                        t<currency_code>, opt<version_effective>> {};
struct rounding_point : sor<TARIFF_KW("segment"), TARIFF_KW("line"), TARIFF_KW("statement")> {};
struct rounding
    : if_must<t<TARIFF_KW("rounding")>, t<rounding_point>, t<number>, t<rounding_mode>> {};

// ---------------------------------------------------------------------------------------------
// Calendar

struct timezone_entry : if_must<t<TARIFF_KW("timezone")>, t<zone_name>> {};
struct window_entry
    : if_must<t<TARIFF_KW("window")>, t<name>, t<time_literal>, t<dots>, t<time_literal>> {};
struct weekdays : list_must<t<weekday>, t<comma>> {};
struct days_entry : if_must<t<TARIFF_KW("days")>, t<name>, weekdays> {};
struct date_span : seq<t<date_literal>, opt<t<dots>, must<t<date_literal>>>> {};
struct date_spans : list_must<date_span, t<comma>> {};
struct holidays_entry : if_must<t<TARIFF_KW("holidays")>, date_spans> {};
struct season_entry
    : if_must<t<TARIFF_KW("season")>, t<name>, t<date_literal>, t<dots>, t<date_literal>> {};
struct calendar_entry
    : sor<timezone_entry, window_entry, days_entry, holidays_entry, season_entry> {};
struct calendar_end : t<close_brace> {};
struct calendar
    : if_must<t<TARIFF_KW("calendar")>, t<open_brace>, star<calendar_entry>, calendar_end> {};

// ---------------------------------------------------------------------------------------------
// Attributes and tables

struct value_type
    : sor<TARIFF_KW("string"), TARIFF_KW("number"), TARIFF_KW("integer"), TARIFF_KW("money"),
          TARIFF_KW("percent"), TARIFF_KW("bool"), TARIFF_KW("date")> {};
struct default_value : unary {};  // a literal, or a negated one; the checker says which
struct attribute_default : if_must<t<TARIFF_KW("default")>, default_value> {};
struct attribute : if_must<t<TARIFF_KW("attribute")>, t<attribute_ref>, t<colon>, t<value_type>,
                           opt<attribute_default>> {};

struct key_else : TARIFF_KW("else") {};
struct key_low : integer {};
struct key_high : integer {};
struct key_range : seq<t<key_low>, opt<t<dots>, opt<t<key_high>>>> {};
struct table_key : sor<t<string_literal>, t<key_else>, key_range> {};
struct table_value : expression {};
struct table_entry : seq<table_key, must<t<colon>, table_value>> {};
struct table_entries : list_tail<table_entry, t<comma>> {};
struct table_end : t<close_brace> {};
struct table : if_must<t<TARIFF_KW("table")>, t<name>, t<TARIFF_KW("by")>, expression,
                       t<open_brace>, table_entries, table_end> {};

// ---------------------------------------------------------------------------------------------
// Price lists

struct unit_quantity : seq<t<number>, item_unit> {};
struct quantity : sor<t<duration>, t<unit_quantity>> {};
struct per_segment : TARIFF_KW("segment") {};
struct per_line : TARIFF_KW("line") {};
struct segment_or_line : sor<per_segment, per_line> {};
struct step_scope : if_must<t<TARIFF_KW("per")>, t<segment_or_line>> {};
struct option_price : if_must<t<TARIFF_KW("price")>, t<number>> {};
struct option_cost : if_must<t<TARIFF_KW("cost")>, t<number>> {};
struct option_bill
    : if_must<t<TARIFF_KW("bill")>, t<TARIFF_KW("started")>, quantity, opt<step_scope>> {};
struct option_minimum_charge
    : seq<t<TARIFF_KW("minimum")>, t<TARIFF_KW("charge")>, must<t<number>>> {};
struct option_minimum : if_must<t<TARIFF_KW("minimum")>, quantity> {};
struct option_maximum_charge : if_must<t<TARIFF_KW("maximum")>, t<TARIFF_KW("charge")>, t<number>> {
};
struct option_discount : if_must<t<TARIFF_KW("discount")>, t<percent>> {};
struct option_credit : t<TARIFF_KW("credit")> {};  // rules may take its price below zero
struct tier_low : number {};
struct tier_high : number {};
struct tier_value : sor<percent, number> {};
struct tier : seq<t<tier_low>, opt<t<dots>, opt<t<tier_high>>>, must<t<colon>, t<tier_value>>> {};
struct package_size : integer {};
struct tier_package : seq<TARIFF_KW("package"), sep, must<package_size>> {};
struct tier_kind
    : sor<TARIFF_KW("graduated"), TARIFF_KW("volume"), tier_package, TARIFF_KW("percentage")> {};
struct tier_list : list_tail<tier, t<comma>> {};
struct tiers_end : t<close_brace> {};
struct option_tiers
    : if_must<t<TARIFF_KW("tiers")>, t<tier_kind>, t<open_brace>, tier_list, tiers_end> {};
struct item_option
    : sor<option_price, option_cost, option_bill, option_minimum_charge, option_minimum,
          option_maximum_charge, option_discount, option_tiers, option_credit> {};
struct item_title : string_literal {};
struct item : if_must<t<TARIFF_KW("item")>, t<name>, opt<t<item_title>>, t<TARIFF_KW("per")>,
                      t<item_unit>, star<item_option>> {};
struct option_start
    : sor<TARIFF_KW("price"), TARIFF_KW("cost"), TARIFF_KW("bill"), TARIFF_KW("minimum"),
          TARIFF_KW("maximum"), TARIFF_KW("discount"), TARIFF_KW("tiers"), TARIFF_KW("credit")> {};
struct item_options : plus<item_option> {};
struct override_item : if_must<seq<t<name>, at<option_start>>, item_options> {};
struct base_list : if_must<t<TARIFF_KW("extends")>, t<name>> {};
struct effective : if_must<t<TARIFF_KW("effective")>, t<date_literal>> {};
struct pricelist_end : t<close_brace> {};
struct pricelist : if_must<t<TARIFF_KW("pricelist")>, t<name>, opt<base_list>, opt<effective>,
                           t<open_brace>, star<sor<item, override_item>>, pricelist_end> {};

// ---------------------------------------------------------------------------------------------
// Rules and groups

struct names : list_must<t<name>, t<comma>> {};
struct rule_items : if_must<t<TARIFF_KW("for")>, names> {};
struct rule_condition : if_must<t<TARIFF_KW("when")>, expression> {};
struct rule_value : expression {};
struct rule : if_must<t<TARIFF_KW("rule")>, t<name>, opt<rule_items>, opt<rule_condition>, t<colon>,
                      rule_value> {};
struct stacking : sor<TARIFF_KW("multiply"), TARIFF_KW("largest"), TARIFF_KW("add")> {};
struct group_end : t<close_brace> {};
struct group : if_must<t<TARIFF_KW("group")>, t<name>, t<TARIFF_KW("stack")>, t<stacking>,
                       t<open_brace>, star<rule>, group_end> {};

// ---------------------------------------------------------------------------------------------
// Plans

struct plan_pricelist : if_must<t<TARIFF_KW("pricelist")>, t<name>> {};
struct plan_period : if_must<t<TARIFF_KW("period")>, t<period_name>> {};
struct fee_per_unit : seq<t<TARIFF_KW("per")>, t<TARIFF_KW("unit")>, must<t<attribute_ref>>> {};
struct fee_prorated : TARIFF_KW("prorated") {};
struct fee_name : name {};
struct plan_fee : if_must<t<TARIFF_KW("fee")>, opt<t<fee_name>>, t<number>, t<TARIFF_KW("per")>,
                          t<period_name>, opt<fee_per_unit>, opt<t<fee_prorated>>> {};
struct allowance_amount : sor<duration, number> {};
struct item_set : sor<if_must<t<open_paren>, names, t<close_paren>>, t<name>> {};
struct overage : if_must<t<TARIFF_KW("overage")>, t<number>> {};
struct percents : list_must<t<percent>, t<comma>> {};
struct alerts : if_must<t<TARIFF_KW("alert")>, percents> {};
struct plan_includes : if_must<t<TARIFF_KW("includes")>, t<allowance_amount>, item_set,
                               t<TARIFF_KW("per")>, t<period_name>, opt<overage>, opt<alerts>> {};
struct order_kind : sor<TARIFF_KW("work"), TARIFF_KW("cheapest"), TARIFF_KW("dearest")> {};
struct plan_order : if_must<t<TARIFF_KW("order")>, t<order_kind>> {};
struct plan_catalogue : if_must<t<TARIFF_KW("catalogue")>, names> {};
struct balances : list_must<t<number>, t<comma>> {};
struct balance_alerts : if_must<t<TARIFF_KW("alert")>, balances> {};
struct plan_prepaid : if_must<t<TARIFF_KW("prepaid")>, opt<balance_alerts>> {};
// `late work 3 periods` (`late work 1 period`): the late-work horizon. `late` and `periods` are
// not reserved; the checker wants a whole number from 1 and `period` exactly after 1.
struct late_work_count : number {};
struct late_work_unit : sor<TARIFF_KW("periods"), TARIFF_KW("period")> {};
struct plan_late_work
    : if_must<t<TARIFF_KW("late")>, t<TARIFF_KW("work")>, t<late_work_count>, t<late_work_unit>> {};
struct plan_entry : sor<plan_pricelist, plan_period, plan_fee, plan_includes, plan_order,
                        plan_catalogue, plan_prepaid, plan_late_work> {};
struct plan_end : t<close_brace> {};
struct plan : if_must<t<TARIFF_KW("plan")>, t<name>, t<open_brace>, star<plan_entry>, plan_end> {};

// ---------------------------------------------------------------------------------------------
// Taxes and staff pay. Their words (tax, rate, exempt, included, excluded, pay) are not reserved:
// they are keywords only where a declaration or an entry starts.

struct tax_basis : sor<TARIFF_KW("included"), TARIFF_KW("excluded")> {};
struct tax_scope : sor<TARIFF_KW("line"), TARIFF_KW("statement")> {};
struct tax_per : TARIFF_KW("per") {};
struct tax_round : TARIFF_KW("round") {};
struct tax_rounding : seq<t<number>, t<rounding_mode>> {};
struct tax_rate_items : if_must<t<TARIFF_KW("for")>, names> {};
struct tax_rate : if_must<t<TARIFF_KW("rate")>, t<name>, t<percent>, opt<tax_rate_items>> {};
struct tax_when : TARIFF_KW("when") {};
struct tax_exempt : if_must<t<TARIFF_KW("exempt")>, t<tax_when>, expression> {};
struct tax_entry : sor<tax_rate, tax_exempt> {};
struct tax_end : t<close_brace> {};
struct tax : if_must<t<TARIFF_KW("tax")>, t<name>, t<tax_basis>, t<tax_per>, t<tax_scope>,
                     t<tax_round>, tax_rounding, t<open_brace>, star<tax_entry>, tax_end> {};

struct pay_end : t<close_brace> {};
struct pay : if_must<t<TARIFF_KW("pay")>, t<name>, t<open_brace>, star<rule>, pay_end> {};

// ---------------------------------------------------------------------------------------------
// Migrations between versions: `migrate plan basic -> standard`, `migrate allowance
// "visit/month" -> "visit+call/month"` (an allowance's key has '/' and '+': a string). `migrate`
// and `allowance` are not reserved.

struct migrate_arrow : string<'-', '>'> {};
struct migrate_old : name {};
struct migrate_new : name {};
struct migrate_old_key : string_literal {};
struct migrate_new_key : string_literal {};
struct migrate_plan
    : if_must<t<TARIFF_KW("plan")>, t<migrate_old>, t<migrate_arrow>, t<migrate_new>> {};
struct migrate_allowance
    : if_must<t<TARIFF_KW("allowance")>, t<migrate_old_key>, t<migrate_arrow>, t<migrate_new_key>> {
};
struct migrate_what : sor<migrate_plan, migrate_allowance> {};
struct migrate : if_must<t<TARIFF_KW("migrate")>, migrate_what> {};

// ---------------------------------------------------------------------------------------------
// A file is a sequence of declarations; the parser takes them one at a time so that it can
// recover from a broken one at the next line that starts with a declaration keyword.

struct declaration : sor<header, rounding, calendar, attribute, table, pricelist, rule, group, plan,
                         tax, pay, migrate> {};
struct next_declaration : seq<must<declaration>, sep> {};

#undef TARIFF_KW

}  // namespace tariff::grammar

// How PEGTL's grammar analysis (pegtl::analyze, run by tests/parse/grammar_test.cpp) sees the two
// rules defined here: an atomic<R> consumes when R does; a keyword always consumes a word.
namespace tao::pegtl {

template <class Name, class Rule>
struct analyze_traits<Name, tariff::grammar::atomic<Rule>> : analyze_seq_traits<Rule> {};

template <class Name>
struct analyze_traits<Name, tariff::grammar::keyword> : analyze_any_traits<> {};

}  // namespace tao::pegtl
