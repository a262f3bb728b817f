// SPDX-License-Identifier: MIT
// Quantitative targets: a hand-written, linear scanner over the simplified text of a
// parsed plan (no regular expressions: document text is untrusted and large), the
// plan's recognized tables, and merged-cell tables in annexes. The words come from
// data/targets.json, the canonical indicators from data/indicators.json.
#include <plancmp/parse/targets.hpp>

#include "plan_targets.hpp"
#include "rules.hpp"

#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/parse/clause.hpp>
#include <plancmp/parse/heading.hpp>
#include <plancmp/text/detail/aho_corasick.hpp>
#include <plancmp/text/detail/utf8.hpp>
#include <plancmp/text/detail/year.hpp>
#include <plancmp/text/script.hpp>

#include <fmt/format.h>
#include "../detail/json.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <bitset>
#include <charconv>
#include <cmath>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace plancmp::inline v0::parse {

namespace {

using plancmp::detail::aho_corasick;
using text::detail::sequence_length;

constexpr std::size_t no_index = static_cast<std::size_t>(-1);

// ------------------------------------------------------------------ rules (targets.json)

enum class cue_kind : std::uint32_t { reach, at_least, not_less_than, increase, reduce, annual, object };

struct unit_entry {
  std::string printed;
  std::string base;
};

enum class column_role { none, unit, agency, baseline, target, indicator };

struct target_rules {
  std::vector<unit_entry> units;
  aho_corasick unit_matcher;
  std::vector<std::string> scale_names;
  std::vector<double> scale_factor;
  aho_corasick scale_matcher;
  aho_corasick cue_matcher;  // id: cue_kind
  std::vector<std::string> suffix_at_least, suffix_reach, approximate;
  std::vector<std::string> batch_words;  // 一批, 若干: an object clause's quantifier
  aho_corasick periodic_matcher;
  std::vector<std::pair<std::string, int>> five_year_plans;
  std::vector<std::string> period_end, year_before, strip_leading, strip_trailing, total_words;
  std::vector<std::string>
      respective;  ///< 分别: the items that follow go with the listed years in order
  // 2025年底 / 末 / 前 (in order); a range's dashes (30-50家, 30至50家); 2023-2025年 in a title.
  std::vector<std::string> year_after, ranges, title_year_ranges;
  // Measure nouns that end an indicator (量, 额, 数 …); units of a relative change (%, 倍);
  // the words after which an annex table's label goes on in the next cell (及, 和, 的 …).
  std::vector<std::string> measure_nouns, relative_units, label_continuations;
  // A magnitude in words before 亿 (过千亿, 超万亿元, 突破百亿元): its number word with its
  // value (万: 1, the scale is 万亿), the comparator words one must follow, their kind.
  std::string magnitude_scale;
  std::vector<std::pair<std::string, double>> magnitude_numbers;
  std::vector<std::pair<std::string, comparator>> magnitude_cues;  // longest first
  std::vector<std::string> magnitude_suffixes;
  // A count in Chinese numerals (至少建成一所, 超万家, 支持千家企业; data: numerals): the
  // count units it may count, the comparator words it must follow (longest first), the
  // round numbers read after an object cue, and the object cues themselves.
  std::vector<std::string> numeral_units, numeral_round, numeral_round_after, object_cues;
  std::vector<std::pair<std::string, comparator>> numeral_comparators;
  /// Three-byte characters by code point: the numerals' own (chinese_numeral_characters),
  /// those a count in words may start with (a numeral, or a scale: 万 of 超万家), and the
  /// markers, whose presence makes a line worth reading for such counts.
  std::bitset<0x10000> numeral_chars, numeral_starts, numeral_triggers;
  std::array<bool, 256> trigger_last_byte{};   ///< the markers' last bytes: a first, cheap test
  std::vector<std::string> alternative_units;  ///< 间 of 套(间), besides the units
  std::vector<std::string> share_units;        ///< %: 90%的市 is the share of the cities
  std::string share_after;                     ///< 的
  std::vector<std::string> count_group_units;  ///< 家: 100家企业达到… counts the firms that reach
  std::vector<std::string> share_verbs;        ///< 通过, 实现: what a share of a group attains
  aho_corasick object_stop_matcher;
  // Quantities that are not targets: caps, subsidies and fund sizes, thresholds.
  aho_corasick not_before_any, not_before_money, threshold_before;
  std::vector<std::string> not_after_money, not_after_any, money_units;
  std::vector<std::string> fund_nouns;  // 基金, 资金池: 的 + a name ending so is a fund
  std::vector<std::string> not_after_always, not_just_before, condition_openers, list_separators, list_joiners;
  std::string share_marker;
  std::vector<std::string> share_clause_words;
  // Rates per unit (每认定1家给予…): 每 right before the number or before its cue word.
  std::vector<std::string> per_unit_before;
  // Time allotments per period (每年至少1个月): a duration after a per-period marker.
  std::vector<std::string> period_norm_markers, period_norm_units;
  // Budget columns (中央财政支持经费, 资金, 预算): money in them is allocated, not aimed at.
  std::vector<std::string> budget_columns;
  // A label column headed by recipients (省(市), 地区, 学校): an allocation table.
  std::vector<std::string> recipient_columns;
  // An applicant's act closing the clause (选择1所幼儿园进行报名): a rule for applicants.
  std::vector<std::string> applicant_acts;
  std::vector<std::string> condition_consequents, time_limit_units, time_limit_after;
  std::vector<std::string> conditional_grants;
  std::size_t conditional_max_clauses = 4;
  std::vector<std::pair<column_role, std::string>> table_columns;  // in role order
};

[[noreturn]] void rules_error(const std::string& what) {
  throw schema_error(error_location::file("targets.json (built-in)"), what);
}

/// The code point of the three-byte UTF-8 character at `i` (all Han characters), or 0.
inline char32_t three_byte_at(std::string_view s, std::size_t i) noexcept {
  if (i + 3 > s.size()) return 0;
  const auto b0 = static_cast<unsigned char>(s[i]), b1 = static_cast<unsigned char>(s[i + 1]),
             b2 = static_cast<unsigned char>(s[i + 2]);
  if ((b0 & 0xF0) != 0xE0 || !text::detail::is_continuation(b1) || !text::detail::is_continuation(b2))
    return 0;
  return static_cast<char32_t>(((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F));
}

std::vector<std::string> string_list(const nlohmann::json& j, const char* path) {
  if (!j.is_array()) rules_error(fmt::format("{} must be a list of strings", path));
  std::vector<std::string> out;
  for (const auto& x : j) {
    if (!x.is_string() || x.get<std::string>().empty()) rules_error(fmt::format("{} must hold non-empty strings", path));
    out.push_back(x.get<std::string>());
  }
  return out;
}

target_rules load_rules() {
  const auto& j = plancmp::detail::builtin_json("targets.json");
  if (j.value("schema", "") != "plancmp.targets/1") rules_error("schema must be plancmp.targets/1");
  target_rules r;
  std::vector<aho_corasick::pattern> patterns;
  for (const auto& [printed, base] : j.at("units").items()) r.units.push_back({printed, base.get<std::string>()});
  for (std::size_t i = 0; i < r.units.size(); ++i) patterns.push_back({r.units[i].printed, static_cast<std::uint32_t>(i)});
  r.unit_matcher = aho_corasick(patterns);
  {
    const auto& nt = j.at("not_targets");
    r.not_before_any = aho_corasick(string_list(nt.at("before_any"), "/not_targets/before_any"));
    r.not_before_money = aho_corasick(string_list(nt.at("before_money"), "/not_targets/before_money"));
    r.not_after_money = string_list(nt.at("after_money"), "/not_targets/after_money");
    r.fund_nouns = string_list(nt.at("fund_nouns"), "/not_targets/fund_nouns");
    r.not_after_any = string_list(nt.at("after_any"), "/not_targets/after_any");
    r.threshold_before = aho_corasick(string_list(nt.at("threshold_before"), "/not_targets/threshold_before"));
    r.money_units = string_list(nt.at("money_units"), "/not_targets/money_units");
    r.not_after_always = string_list(nt.at("after_always"), "/not_targets/after_always");
    r.not_just_before = string_list(nt.at("just_before"), "/not_targets/just_before");
    r.condition_openers = string_list(nt.at("condition_openers"), "/not_targets/condition_openers");
    r.list_separators = string_list(nt.at("list_separators"), "/not_targets/list_separators");
    r.list_joiners = string_list(nt.at("list_joiners"), "/not_targets/list_joiners");
    r.share_marker = nt.at("share_of").at("just_before").get<std::string>();
    r.share_clause_words = string_list(nt.at("share_of").at("clause_has"), "/not_targets/share_of/clause_has");
    r.per_unit_before = string_list(nt.at("per_unit").at("before"), "/not_targets/per_unit/before");
    r.period_norm_markers = string_list(nt.at("period_norms").at("markers"), "/not_targets/period_norms/markers");
    r.period_norm_units = string_list(nt.at("period_norms").at("units"), "/not_targets/period_norms/units");
    r.budget_columns = string_list(nt.at("budget_columns"), "/not_targets/budget_columns");
    r.recipient_columns = string_list(nt.at("recipient_columns"), "/not_targets/recipient_columns");
    r.applicant_acts = string_list(nt.at("applicant_acts"), "/not_targets/applicant_acts");
    r.condition_consequents = string_list(nt.at("condition_consequents"), "/not_targets/condition_consequents");
    r.time_limit_units = string_list(nt.at("time_limits").at("units"), "/not_targets/time_limits/units");
    r.time_limit_after = string_list(nt.at("time_limits").at("after"), "/not_targets/time_limits/after");
    r.conditional_grants = string_list(nt.at("conditional_sentence").at("grants"), "/not_targets/conditional_sentence/grants");
    r.conditional_max_clauses = nt.at("conditional_sentence").at("max_clauses").get<std::size_t>();
  }
  patterns.clear();
  for (const auto& [name, factor] : j.at("scales").items()) {
    r.scale_names.push_back(name);
    r.scale_factor.push_back(factor.get<double>());
  }
  for (std::size_t i = 0; i < r.scale_names.size(); ++i)
    patterns.push_back({r.scale_names[i], static_cast<std::uint32_t>(i)});
  r.scale_matcher = aho_corasick(patterns);
  patterns.clear();
  static constexpr std::array<std::pair<const char*, cue_kind>, 7> cue_names{{{"reach", cue_kind::reach},
                                                                                {"at_least", cue_kind::at_least},
                                                                                {"not_less_than", cue_kind::not_less_than},
                                                                                {"increase_by", cue_kind::increase},
                                                                                {"reduce_by", cue_kind::reduce},
                                                                                {"annual_growth", cue_kind::annual},
                                                                                {"object", cue_kind::object}}};
  std::vector<std::string> cue_words;
  std::vector<cue_kind> cue_kinds;
  for (const auto& [name, kind] : cue_names) {
    for (auto& w : string_list(j.at("cues").at(name), "/cues")) cue_words.push_back(std::move(w)), cue_kinds.push_back(kind);
  }
  for (std::size_t i = 0; i < cue_words.size(); ++i) patterns.push_back({cue_words[i], static_cast<std::uint32_t>(cue_kinds[i])});
  r.cue_matcher = aho_corasick(patterns);
  r.suffix_at_least = string_list(j.at("suffixes").at("at_least"), "/suffixes/at_least");
  r.suffix_reach = string_list(j.at("suffixes").at("reach"), "/suffixes/reach");
  r.approximate = string_list(j.at("approximate"), "/approximate");
  r.batch_words = string_list(j.at("batch_words"), "/batch_words");
  r.periodic_matcher = aho_corasick(string_list(j.at("periodic_markers"), "/periodic_markers"));
  for (const auto& [name, year] : j.at("five_year_plans").items()) r.five_year_plans.emplace_back(name, year.get<int>());
  r.period_end = string_list(j.at("period_end"), "/period_end");
  r.year_before = string_list(j.at("year_before"), "/year_before");
  r.strip_leading = string_list(j.at("strip_leading"), "/strip_leading");
  r.respective = string_list(j.at("respective"), "/respective");
  r.strip_trailing = string_list(j.at("strip_trailing"), "/strip_trailing");
  r.total_words = string_list(j.at("total_words"), "/total_words");
  r.year_after = string_list(j.at("year_after"), "/year_after");
  r.ranges = string_list(j.at("ranges"), "/ranges");
  r.title_year_ranges = string_list(j.at("title_year_ranges"), "/title_year_ranges");
  r.measure_nouns = string_list(j.at("measure_nouns"), "/measure_nouns");
  r.relative_units = string_list(j.at("relative_units"), "/relative_units");
  r.label_continuations = string_list(j.at("label_continuations"), "/label_continuations");
  {
    const auto& m = j.at("magnitudes");
    r.magnitude_scale = m.at("scale").get<std::string>();
    if (r.magnitude_scale.empty()) rules_error("/magnitudes/scale must be a word");
    for (const auto& [word, value] : m.at("numbers").items()) r.magnitude_numbers.emplace_back(word, value.get<double>());
    for (auto& w : string_list(m.at("cues").at("at_least"), "/magnitudes/cues/at_least")) {
      r.magnitude_cues.emplace_back(std::move(w), comparator::at_least);
    }
    for (auto& w : string_list(m.at("cues").at("reach"), "/magnitudes/cues/reach")) {
      r.magnitude_cues.emplace_back(std::move(w), comparator::reach);
    }
    std::stable_sort(r.magnitude_cues.begin(), r.magnitude_cues.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    r.magnitude_suffixes = string_list(m.at("suffixes"), "/magnitudes/suffixes");
  }
  {
    const auto& n = j.at("numerals");
    r.numeral_units = string_list(n.at("units"), "/numerals/units");
    r.numeral_round = string_list(n.at("round"), "/numerals/round");
    r.numeral_round_after = string_list(n.at("round_after"), "/numerals/round_after");
    r.object_cues = string_list(j.at("cues").at("object"), "/cues/object");
    for (auto& w : string_list(n.at("comparators").at("at_least"), "/numerals/comparators/at_least")) {
      r.numeral_comparators.emplace_back(std::move(w), comparator::at_least);
    }
    for (auto& w :
         string_list(n.at("comparators").at("not_less_than"), "/numerals/comparators/not_less_than")) {
      r.numeral_comparators.emplace_back(std::move(w), comparator::not_less_than);
    }
    std::stable_sort(r.numeral_comparators.begin(), r.numeral_comparators.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    const auto mark = [](std::bitset<0x10000>& set, std::string_view w) {
      const char32_t c = w.size() >= 3 ? three_byte_at(w, w.size() - 3) : 0;
      if (c == 0)
        rules_error(
            "/numerals: comparator words, round numbers and scales must end in a Han character");
      set.set(c);
    };
    for (std::size_t i = 0; i < chinese_numeral_characters.size(); i += 3) {
      mark(r.numeral_chars, chinese_numeral_characters.substr(i, 3));
      mark(r.numeral_starts, chinese_numeral_characters.substr(i, 3));
    }
    for (const auto& w : r.scale_names) mark(r.numeral_starts, std::string_view(w).substr(0, 3));
    // The markers announce every comparator word and round number (checked here), so a line
    // without one holds no count in words.
    for (const auto& w : string_list(n.at("markers"), "/numerals/markers")) {
      mark(r.numeral_triggers, w);
      r.trigger_last_byte[static_cast<unsigned char>(w.back())] = true;
    }
    std::vector<std::string> announced = r.numeral_round;
    for (const auto& [w, kind] : r.numeral_comparators) announced.push_back(w);
    for (const auto& w : announced) {
      bool marked = false;
      for (std::size_t i = 0; i + 3 <= w.size(); i += 3)
        marked = marked || r.numeral_triggers.test(three_byte_at(w, i));
      if (!marked) rules_error(fmt::format("/numerals/markers: no marker announces '{}'", w));
    }
  }
  r.alternative_units = string_list(j.at("alternative_units").at("words"), "/alternative_units/words");
  r.share_units = string_list(j.at("shares").at("units"), "/shares/units");
  r.share_after = j.at("shares").at("after").get<std::string>();
  if (r.share_after.empty()) rules_error("/shares/after must be a word");
  r.count_group_units = string_list(j.at("shares").at("count_units"), "/shares/count_units");
  r.share_verbs = string_list(j.at("shares").at("verbs"), "/shares/verbs");
  r.object_stop_matcher = aho_corasick(string_list(j.at("object_stops"), "/object_stops"));
  static constexpr std::array<std::pair<const char*, column_role>, 5> roles{{{"unit", column_role::unit},
                                                                            {"agency", column_role::agency},
                                                                            {"baseline", column_role::baseline},
                                                                            {"target", column_role::target},
                                                                            {"indicator", column_role::indicator}}};
  for (const auto& [name, role] : roles) {
    for (auto& w : string_list(j.at("table_columns").at(name), "/table_columns")) r.table_columns.emplace_back(role, std::move(w));
  }
  // Longest words first, so that 期末 is tried before 末 and 截止到 before 到.
  for (auto* list : {&r.period_end, &r.year_before, &r.strip_leading, &r.strip_trailing,
                     &r.suffix_at_least, &r.suffix_reach, &r.approximate, &r.batch_words}) {
    std::stable_sort(list->begin(), list->end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  }
  return r;
}

const target_rules& loaded_rules() {
  static const target_rules r = load_rules();
  return r;
}

// ------------------------------------------------------------------ small text helpers

bool ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_ascii_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Byte by byte rather than through memcmp: the words are a few bytes long and the call
// would cost more than the comparison.
/// Money in a column whose header names a budget or a fund (经费, 资金, 预算 …): an
/// allocation of the plan's money, not a target (targets.json not_targets/budget_columns).
bool budget_amount(std::string_view simplified_header, std::string_view base_unit) {
  const auto& r = loaded_rules();
  return std::find(r.money_units.begin(), r.money_units.end(), base_unit) != r.money_units.end() &&
         std::any_of(r.budget_columns.begin(), r.budget_columns.end(),
                     [&](const std::string& w) { return simplified_header.find(w) != std::string_view::npos; });
}

/// A header naming the recipients of an allocation (省(市), 县(市、区), 学校): without its
/// brackets, one of targets.json not_targets/recipient_columns.
bool recipient_column(std::string_view simplified_header) {
  std::string bare;
  int depth = 0;
  for (const char c : simplified_header) {
    if (c == '(') ++depth;
    if (depth == 0 && c != ' ') bare += c;
    if (c == ')' && depth > 0) --depth;
  }
  const auto& r = loaded_rules();
  return std::find(r.recipient_columns.begin(), r.recipient_columns.end(), bare) !=
         r.recipient_columns.end();
}

inline bool starts_with_at(std::string_view s, std::size_t i, std::string_view word) noexcept {
  if (i > s.size() || s.size() - i < word.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    if (s[i + k] != word[k]) return false;
  }
  return true;
}

/// For the prose scanner: 0 for the lead byte of a character it never looks at (three
/// bytes long), 1 for every other byte.
constexpr std::array<std::uint8_t, 256> make_scan_class() {
  std::array<std::uint8_t, 256> t{};
  for (std::size_t b = 0; b < 256; ++b) t[b] = 1;
  for (std::size_t b = 0xE4; b <= 0xE9; ++b) t[b] = 0;
  t[0xE5] = 1;  // 十
  return t;
}
constexpr std::array<std::uint8_t, 256> scan_class = make_scan_class();
/// The same for a line that holds 亿 (E4 BA BF), whose magnitudes in words (过千亿) are read.
constexpr std::array<std::uint8_t, 256> make_scan_class_yi() {
  auto t = make_scan_class();
  t[0xE4] = 1;
  return t;
}
constexpr std::array<std::uint8_t, 256> scan_class_yi = make_scan_class_yi();
/// The same for a line that may hold a count in words (至少建成一所): the lead bytes of the
/// numerals of targets.json are read as well (those of 一 and 亿 are one).
const std::array<std::uint8_t, 256>& scan_class_numerals() {
  static const auto t = [] {
    auto c = scan_class_yi;
    const auto& r = loaded_rules();
    for (std::size_t cp = 0x800; cp < 0x10000; ++cp) {
      if (r.numeral_starts.test(cp)) c[0xE0 | (cp >> 12)] = 1;
    }
    return c;
  }();
  return t;
}

/// Whether `s` holds one of the characters that announce a count in words (targets.json
/// numerals/markers: 少 of 至少, 超, 千 …). Every line of a plan passes through here: the
/// markers' last bytes are a first test, and only then is the character decoded.
bool has_numeral_trigger(std::string_view s) noexcept {
  const auto& r = loaded_rules();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  for (std::size_t i = 0; i + 2 < n;) {
    const unsigned b = p[i];
    if ((b & 0xF0) == 0xE0) {  // the text is valid UTF-8: two continuation bytes follow
      if (r.trigger_last_byte[p[i + 2]] &&
          r.numeral_triggers.test(((b & 0x0F) << 12) | ((p[i + 1] & 0x3Fu) << 6) |
                                  (p[i + 2] & 0x3Fu))) {
        return true;
      }
      i += 3;
    } else {
      i += b < 0x80 ? 1 : b < 0xE0 ? 2 : 4;
    }
  }
  return false;
}

/// What the prose scanner needs to read in `s`: `scan_digit` when it holds an ASCII digit
/// or 十 (E5 8D 81), `scan_yi` when it holds 亿 (E4 BA BF: a magnitude in words, 过千亿);
/// lines with neither are skipped. Eight bytes at a time (a byte-wise loop over every line
/// of a plan costs more than the rest of target extraction together).
constexpr unsigned scan_digit = 1, scan_yi = 2;
unsigned scan_needs(std::string_view s) noexcept {
  constexpr std::uint64_t ones = ~std::uint64_t{0} / 255;
  constexpr std::uint64_t high = ones * 128, low7 = ones * 127;
  // 十 (E5 8D 81, ending at k) followed by a numeral and 五: 十四五, 十三五 — not (十三) or 十九大.
  const auto ten_at = [&](std::size_t k) {
    return k >= 2 && static_cast<unsigned char>(s[k - 1]) == 0x8D && static_cast<unsigned char>(s[k - 2]) == 0xE5 &&
           starts_with_at(s, k + 4, "五");
  };
  // 亿 (E4 BA BF) ending at k.
  const auto yi_at = [&](std::size_t k) {
    return k >= 2 && static_cast<unsigned char>(s[k - 1]) == 0xBA && static_cast<unsigned char>(s[k - 2]) == 0xE4;
  };
  unsigned found = 0;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    if ((found & scan_digit) == 0) {
      // Bytes strictly between 0x2F and 0x3A (Hacker's Delight "hasbetween", any byte value).
      const std::uint64_t between = (ones * (127 + 0x3A) - (x & low7)) & ~x & ((x & low7) + ones * (127 - 0x2F)) & high;
      if (between != 0) found |= scan_digit;
      const std::uint64_t y = x ^ (ones * 0x81);  // a zero byte where x holds 0x81
      for (std::uint64_t hits = (y - ones) & ~y & high; hits != 0 && (found & scan_digit) == 0; hits &= hits - 1) {
        const std::size_t lane = static_cast<std::size_t>(std::countr_zero(hits)) / 8;
        const std::size_t k = i + (std::endian::native == std::endian::little ? lane : 7 - lane);
        if (static_cast<unsigned char>(s[k]) == 0x81 && ten_at(k)) found |= scan_digit;
      }
    }
    const std::uint64_t z = x ^ (ones * 0xBF);  // a zero byte where x holds 0xBF
    for (std::uint64_t hits = (z - ones) & ~z & high; hits != 0; hits &= hits - 1) {
      const std::size_t lane = static_cast<std::size_t>(std::countr_zero(hits)) / 8;
      const std::size_t k = i + (std::endian::native == std::endian::little ? lane : 7 - lane);
      if (static_cast<unsigned char>(s[k]) == 0xBF && yi_at(k)) {
        found |= scan_yi;
        break;
      }
    }
    if (found == (scan_digit | scan_yi)) return found;
  }
  for (; i < s.size(); ++i) {
    if (ascii_digit(s[i]) || (static_cast<unsigned char>(s[i]) == 0x81 && ten_at(i))) found |= scan_digit;
    if (static_cast<unsigned char>(s[i]) == 0xBF && yi_at(i)) found |= scan_yi;
  }
  return found;
}

/// Length of the first of `words` that `s` starts with at `i` (0 if none).
std::size_t match_any_at(std::string_view s, std::size_t i, const std::vector<std::string>& words) noexcept {
  for (const auto& w : words) {
    if (starts_with_at(s, i, w)) return w.size();
  }
  return 0;
}

/// The length of a list's joining word or separator at `i` (和, 及, 与, 、), or 0.
std::size_t list_word_at(std::string_view s, std::size_t i) noexcept {
  const auto& r = loaded_rules();
  if (const auto n = match_any_at(s, i, r.list_joiners)) return n;
  return match_any_at(s, i, r.list_separators);
}

/// Clause boundaries: , ; : ! ? and their full-width forms, 。 and line breaks.
/// Returns the byte length of the boundary character at `i`, or 0.
std::size_t boundary_at(std::string_view s, std::size_t i) noexcept {
  const char c = s[i];
  if (c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\n') return 1;
  for (std::string_view w : {"。", "，", "；", "：", "！", "？"}) {
    if (starts_with_at(s, i, w)) return w.size();
  }
  return 0;
}

/// The end of the clause that runs from `from`: its first boundary (boundary_at), or where
/// the walk reaches `end` — possibly past it by the rest of a character.
std::size_t clause_end_from(std::string_view s, std::size_t from, std::size_t end) noexcept {
  while (from < end && boundary_at(s, from) == 0) from += sequence_length(static_cast<unsigned char>(s[from]));
  return from;
}

/// The length of a year that opens s[b, e) (到2025年, 2027年底前, 截至2026年末: when, not
/// what; year_before and year_after words), or 0.
std::size_t year_prefix(std::string_view s, std::size_t b, std::size_t e) noexcept {
  const auto& r = loaded_rules();
  const std::string_view t = s.substr(b, e - b);
  // The year's digits stand within the first few bytes (after 截止到 at the longest), or
  // there is no year: one short scan before any word is compared.
  constexpr std::size_t max_opening = 12;
  const std::string_view head = t.substr(0, max_opening);
  if (std::none_of(head.begin(), head.end(), ascii_digit)) return 0;
  std::size_t i = 0;
  for (const auto& w : r.year_before) {
    if (w.size() > i && t.starts_with(w)) i = w.size();
  }
  for (std::size_t k = 0; k < 4; ++k) {
    if (i + k >= t.size() || !ascii_digit(t[i + k])) return 0;
  }
  i += 4;
  if (!t.substr(i).starts_with("年")) return 0;
  i += std::string_view("年").size();
  for (std::size_t n = match_any_at(t, i, r.year_after); n > 0; n = match_any_at(t, i, r.year_after))
    i += n;
  return i;
}

/// Trims ASCII spaces, the given words and an opening year (repeatedly) from both ends
/// of [b, e).
std::pair<std::size_t, std::size_t> strip_phrase(std::string_view s, std::size_t b, std::size_t e,
                                                 bool years = true) {
  const auto& r = loaded_rules();
  for (bool changed = true; changed && b < e;) {
    changed = false;
    if (const auto n = years ? year_prefix(s, b, e) : 0; n > 0) b += n, changed = true;
    while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b, changed = true;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e, changed = true;
    if (b < e && std::string_view(",.;:").find(s[b]) != std::string_view::npos) ++b, changed = true;
    if (starts_with_at(s, b, "、")) b += 3, changed = true;
    if (e - b > 3) {
      if (const auto n = match_any_at(s.substr(0, e), b, r.strip_leading); n > 0 && n < e - b) b += n, changed = true;
    }
    for (const auto& w : r.strip_trailing) {
      if (e - b > w.size() && s.substr(b, e - b).ends_with(w)) {
        e -= w.size();
        changed = true;
        break;
      }
    }
  }
  return {b, e};
}

/// value × scale, rounded to 6 decimals so that 2.3亿 is 230000000, not 229999999.99999997.
double scaled(double value, double scale) noexcept {
  const double x = value * scale;
  return std::fabs(x) < 1e15 ? std::round(x * 1e6) / 1e6 : x;
}

struct quantity {
  std::size_t begin = 0;           ///< first digit
  std::size_t number_end = 0;      ///< after the (last) number
  std::size_t unit_begin = 0;      ///< scale + unit as printed
  std::size_t unit_end = 0;
  std::size_t end = 0;             ///< after the suffix (以上 …)
  double value = 0.0;
  bool range = false;
  bool approximate = false;
  double scale = 1.0;
  std::string base_unit;           ///< "" when only a scale or nothing was printed
  bool has_scale = false;
  bool has_unit = false;
  int suffix = 0;                  ///< 1: at least (以上), 2: about / at most (左右, 以内)
  /// A magnitude in words (过千亿): the comparator its word before it sets, where that word begins.
  std::optional<comparator> implied;
  std::size_t cue_begin = 0;
};

/// Reads a decimal number at `i` (digits, optional thousands commas, one decimal point).
std::optional<std::pair<double, std::size_t>> read_number(std::string_view s, std::size_t i) {
  std::string digits;
  std::size_t j = i;
  bool point = false;
  while (j < s.size()) {
    const char c = s[j];
    if (ascii_digit(c)) {
      digits += c;
      ++j;
    } else if (c == ',' && !point && !digits.empty() && j + 4 <= s.size() && ascii_digit(s[j + 1]) &&
               ascii_digit(s[j + 2]) && ascii_digit(s[j + 3]) && (j + 4 == s.size() || !ascii_digit(s[j + 4]))) {
      ++j;  // thousands separator: 36,000
    } else if (c == '.' && !point && j + 1 < s.size() && ascii_digit(s[j + 1])) {
      point = true;
      digits += c;
      ++j;
    } else {
      break;
    }
  }
  if (digits.empty() || digits.size() > 18) return std::nullopt;
  double v = 0.0;
  const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (ec != std::errc{} || ptr != digits.data() + digits.size() || !std::isfinite(v)) return std::nullopt;
  return std::pair{v, j};
}

/// Reads the scale, unit and suffix after a number ending at `j` (the number itself is
/// already in q). Returns false when what follows makes it no quantity (a year, a date,
/// a document number, a code).
bool read_unit(std::string_view s, std::size_t j, quantity& q) {
  const auto& r = loaded_rules();
  // One space between number and unit, as PDF-derived texts print them (超过 50 项).
  if (j + 1 < s.size() && s[j] == ' ' && !ascii_digit(s[j + 1]) &&
      (r.scale_matcher.longest_match_at(s, j + 1) || r.unit_matcher.longest_match_at(s, j + 1))) {
    ++j;
  }
  // A unit written in Latin letters (12EFLOPS, 10EB, 5000M) is a unit only when it ends
  // the word; any other letter after a number makes a code (5G, A1).
  const auto latin_unit = [&] {
    const auto m = r.unit_matcher.longest_match_at(s, j);
    return m && (m->end >= s.size() || (!is_ascii_alpha(s[m->end]) && !ascii_digit(s[m->end])));
  };
  if (j < s.size() && is_ascii_alpha(s[j]) && !latin_unit()) return false;
  if (j < s.size() && (s[j] == '+' || s[j] == '*' || s[j] == '/' || s[j] == '_')) return false;
  if (j + 1 < s.size() && s[j] == ':' && ascii_digit(s[j + 1])) return false;  // 1:1
  for (std::string_view w : {"年", "月", "日", "号", "时", "〕", "]"}) {
    if (starts_with_at(s, j, w)) return false;
  }
  if (const auto n = match_any_at(s, j, r.approximate)) q.approximate = true, j += n;
  q.unit_begin = j;
  if (const auto m = r.scale_matcher.longest_match_at(s, j)) {
    q.scale = r.scale_factor[m->id];
    q.has_scale = true;
    j = m->end;
  }
  if (const auto m = r.unit_matcher.longest_match_at(s, j)) {
    q.base_unit = r.units[m->id].base;
    q.has_unit = true;
    j = m->end;
    // An alternative unit in brackets: 7万套(间).
    if (j + 2 < s.size() && s[j] == '(') {
      std::size_t k = 0;
      if (const auto alt = r.unit_matcher.longest_match_at(s, j + 1)) {
        k = alt->end;
      } else if (const auto n = match_any_at(s, j + 1, r.alternative_units)) {
        k = j + 1 + n;
      }
      if (k > 0 && k < s.size() && s[k] == ')') j = k + 1;
    }
  }
  q.unit_end = j;
  if (const auto n = match_any_at(s, j, r.suffix_at_least)) {
    q.suffix = 1, j += n;
  } else if (const auto n2 = match_any_at(s, j, r.suffix_reach)) {
    q.suffix = 2, j += n2;
  }
  q.end = j;
  return true;
}

/// A quantity at `i` (a digit) in s: number, optional range, scale, unit, suffix.
constexpr double max_fraction_denominator = 10;  ///< 1/3, 3/4, 1/10: shares written as fractions

std::optional<quantity> read_quantity(std::string_view s, std::size_t i, std::size_t& resume) {
  const auto first = read_number(s, i);
  if (!first) {
    resume = i + 1;
    while (resume < s.size() && ascii_digit(s[resume])) ++resume;
    return std::nullopt;
  }
  quantity q;
  q.begin = i;
  q.value = first->first;
  std::size_t j = first->second;
  // A fraction: 超过1/3, 2/3以上 (a proper one, of a small denominator, not a date's 2021/3/5).
  if (j + 1 < s.size() && s[j] == '/' && ascii_digit(s[j + 1]) && std::floor(q.value) == q.value &&
      q.value >= 1) {
    if (const auto denominator = read_number(s, j + 1);
        denominator && std::floor(denominator->first) == denominator->first &&
        denominator->first > q.value && denominator->first <= max_fraction_denominator &&
        (denominator->second >= s.size() ||
         (!ascii_digit(s[denominator->second]) && s[denominator->second] != '/' &&
          s[denominator->second] != '.'))) {
      q.value /= denominator->first;
      j = denominator->second;
      q.number_end = j;
      resume = j;
      if (!read_unit(s, j, q) || q.has_unit || q.has_scale)
        return std::nullopt;  // 1/3 of a unit: no share
      resume = q.end;
      return q;
    }
  }
  // A range: 30-50家, 30~50家, 30至50家.
  for (const std::string_view dash : loaded_rules().ranges) {
    if (starts_with_at(s, j, dash) && j + dash.size() < s.size() && ascii_digit(s[j + dash.size()])) {
      if (const auto second = read_number(s, j + dash.size())) {
        q.range = true;
        j = second->second;
      }
      break;
    }
  }
  q.number_end = j;
  resume = j;
  if (!read_unit(s, j, q)) {
    resume = j;
    return std::nullopt;
  }
  resume = q.end;
  return q;
}

/// A magnitude written in words before 亿 at `yi`, in [b, yi): 过千亿 (1000 亿, at least),
/// 超万亿元 (1 万亿元), 突破百亿元, 达到千亿级 — a number word (data: magnitudes) right
/// after a comparator word. The scale, unit and suffix are read as after digits; the unit
/// is what is printed (亿 stays 亿: no 元 is supplied).
std::optional<quantity> magnitude_at(std::string_view s, std::size_t b, std::size_t yi) {
  const auto& r = loaded_rules();
  if (yi < b + 3) return std::nullopt;
  const std::size_t k = yi - 3;
  const std::string_view word = s.substr(k, 3);
  const auto number = std::find_if(r.magnitude_numbers.begin(), r.magnitude_numbers.end(),
                                   [&](const auto& n) { return n.first == word; });
  if (number == r.magnitude_numbers.end()) return std::nullopt;
  quantity q;
  for (const auto& [w, kind] : r.magnitude_cues) {
    if (k >= b + w.size() && s.substr(k - w.size(), w.size()) == w) {
      q.implied = kind;
      q.cue_begin = k - w.size();
      break;
    }
  }
  if (!q.implied) return std::nullopt;
  q.begin = k;
  q.value = number->second;
  // A word worth 1 opens the scale (万 of 万亿); the others stand before it (千 of 千亿).
  q.number_end = number->second == 1.0 ? k : yi;
  if (!read_unit(s, q.number_end, q) || !q.has_scale) return std::nullopt;
  if (const auto n = match_any_at(s, q.end, r.magnitude_suffixes)) q.end += n;
  return q;
}

/// A count written in Chinese numerals at `k`, in [b, …) (data: numerals): 至少建成一所
/// (1 所, at least), 不少于三十家 (30 家), 超万家 (1 万家: 万 is a scale, as after digits),
/// 支持千家企业 (1000 家). The numeral must stand before one of the count units, right after
/// a comparator word (or after a comparator and one object cue: 至少建成一所); a round
/// number alone (千, 万) may follow an object cue instead. The comparator is the quantity's
/// implied one, and where the cue words begin is its cue_begin.
std::optional<quantity> word_count_at(std::string_view s, std::size_t b, std::size_t k) {
  const auto& r = loaded_rules();
  // The number (三十 30, 一百二十 120, 千 1000; 十四五 is none); none before 万 (超万家).
  std::size_t j = k;
  while (r.numeral_chars.test(three_byte_at(s, j))) j += 3;
  quantity q;
  q.begin = k;
  if (j == k) {
    // 万 of 超万家: a scale with nothing before it counts one of it.
    if (!r.scale_matcher.longest_match_at(s, k)) return std::nullopt;
    q.value = 1.0;
  } else if (const auto v = chinese_numeral_value(s.substr(k, j - k))) {
    q.value = *v;
  } else {
    return std::nullopt;
  }
  q.number_end = j;
  if (!read_unit(s, j, q) || !q.has_unit ||
      std::find(r.numeral_units.begin(), r.numeral_units.end(), q.base_unit) == r.numeral_units.end()) {
    return std::nullopt;
  }
  // 千家万户: a numeral right after the unit makes an idiom, not a count.
  if (r.numeral_starts.test(three_byte_at(s, q.unit_end))) {
    return std::nullopt;
  }
  const auto ends_at = [&](std::string_view w, std::size_t at) {
    return at >= b + w.size() && s.substr(at - w.size(), w.size()) == w;
  };
  const auto comparator_before = [&](std::size_t at) -> bool {
    for (const auto& [w, kind] : r.numeral_comparators) {
      if (ends_at(w, at)) {
        q.implied = kind;
        q.cue_begin = at - w.size();
        return true;
      }
    }
    return false;
  };
  if (comparator_before(k)) return q;
  for (const auto& o : r.object_cues) {
    if (ends_at(o, k) && comparator_before(k - o.size())) return q;
  }
  // A round number alone after an object cue (培育百家, 支持千家企业).
  // The numeral is that one character (j == k + 3), or none before a scale (j == k: 万).
  const bool round = j <= k + 3 && std::find(r.numeral_round.begin(), r.numeral_round.end(),
                                             s.substr(k, 3)) != r.numeral_round.end();
  if (!round) return std::nullopt;
  for (const auto* list : {&r.object_cues, &r.numeral_round_after}) {
    for (const auto& o : *list) {
      if (ends_at(o, k)) {
        q.implied = comparator::reach;
        q.cue_begin = k - o.size();
        return q;
      }
    }
  }
  return std::nullopt;
}

/// A share written in words around 分之 at `fen` (the 分), in [b, …): 百分之八十 (80 %),
/// 百分之95 (95 %), 三分之一 (1/3, no unit, as 1/3 in digits). The denominator is a
/// numeral right before 分, the numerator a numeral or digits right after 之; a fraction
/// must be proper, of a denominator of at most ten, as for digits.
std::optional<quantity> word_fraction_at(std::string_view s, std::size_t b, std::size_t fen) {
  const auto& r = loaded_rules();
  std::size_t k = fen;
  while (k >= b + 3 && r.numeral_chars.test(three_byte_at(s, k - 3))) k -= 3;
  if (k == fen) return std::nullopt;
  const auto denominator = chinese_numeral_value(s.substr(k, fen - k));
  const std::size_t from = fen + 6;  // after 分之
  if (!denominator || from >= s.size()) return std::nullopt;
  double numerator = 0.0;
  std::size_t j = from;
  if (ascii_digit(s[from])) {
    const auto n = read_number(s, from);
    if (!n) return std::nullopt;
    numerator = n->first;
    j = n->second;
  } else {
    while (j < s.size() && r.numeral_chars.test(three_byte_at(s, j))) j += 3;
    const auto v = chinese_numeral_value(s.substr(from, j - from));
    if (!v) return std::nullopt;
    numerator = *v;
  }
  quantity q;
  q.begin = k;
  q.number_end = j;
  if (!read_unit(s, j, q) || q.has_unit || q.has_scale) return std::nullopt;
  if (*denominator == 100 && numerator <= 100) {
    q.value = numerator;
    q.base_unit = "%";
    q.has_unit = true;
  } else if (*denominator <= max_fraction_denominator && numerator < *denominator) {
    q.value = numerator / *denominator;
  } else {
    return std::nullopt;
  }
  return q;
}

using text::detail::year_at;

}  // namespace

// ------------------------------------------------------------------ indicator catalog

struct indicator_catalog::matcher {
  aho_corasick ac;
  std::vector<std::uint32_t> alias_length;  // by pattern id → (indicator, length)
  std::vector<std::uint32_t> alias_owner;
};

indicator_catalog::indicator_catalog() : matcher_(std::make_unique<matcher>()) {}
indicator_catalog::~indicator_catalog() = default;
indicator_catalog::indicator_catalog(const indicator_catalog& other)
    : indicators_(other.indicators_), matcher_(std::make_unique<matcher>(*other.matcher_)) {}
indicator_catalog& indicator_catalog::operator=(const indicator_catalog& other) {
  if (this != &other) {
    indicators_ = other.indicators_;
    matcher_ = std::make_unique<matcher>(*other.matcher_);
  }
  return *this;
}
indicator_catalog::indicator_catalog(indicator_catalog&&) noexcept = default;
indicator_catalog& indicator_catalog::operator=(indicator_catalog&&) noexcept = default;

const indicator_catalog& indicator_catalog::builtin() {
  static const indicator_catalog c = from_json(builtin_data("indicators.json"), "indicators.json (built-in)");
  return c;
}

indicator_catalog indicator_catalog::from_json(std::string_view json, const std::string& origin) {
  const auto fail = [&](const std::string& pointer, const std::string& what) {
    throw schema_error(error_location::file(origin),
                       fmt::format("{}: {}; see docs/targets.md for the indicators file format", pointer, what));
  };
  const nlohmann::json j = plancmp::detail::parse_json(json, origin);
  if (!j.is_object()) fail("", "the file must hold a JSON object");
  if (!j.contains("schema") || j["schema"] != "plancmp.indicators/1") {
    fail("/schema", "schema must be \"plancmp.indicators/1\"");
  }
  if (!j.contains("indicators") || !j["indicators"].is_array()) fail("/indicators", "a list of indicators is required");
  const auto& simplify = text::simplifier::shared();
  indicator_catalog c;
  std::set<std::string> keys;
  const auto& list = j["indicators"];
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto at = fmt::format("/indicators/{}", i);
    const auto& e = list[i];
    if (!e.is_object()) fail(at, "an indicator must be an object");
    const auto str = [&](const char* key, bool required) -> std::string {
      if (!e.contains(key)) {
        if (required) fail(fmt::format("{}/{}", at, key), "missing");
        return {};
      }
      if (!e[key].is_string()) fail(fmt::format("{}/{}", at, key), "must be a string");
      return e[key].get<std::string>();
    };
    indicator ind;
    ind.key = str("key", true);
    if (ind.key.empty()) fail(at + "/key", "must not be empty");
    if (!keys.insert(ind.key).second) fail(at + "/key", fmt::format("key \"{}\" is listed twice", ind.key));
    ind.name_en = str("name_en", false);
    ind.name_zh = str("name_zh", false);
    ind.base_unit = str("base_unit", false);
    if (!e.contains("aliases") || !e["aliases"].is_array()) fail(at + "/aliases", "a list of strings is required");
    for (std::size_t k = 0; k < e["aliases"].size(); ++k) {
      const auto& a = e["aliases"][k];
      if (!a.is_string() || a.get<std::string>().empty()) {
        fail(fmt::format("{}/aliases/{}", at, k), "must be a non-empty string");
      }
      const std::string alias = a.get<std::string>();
      if (!text::detail::is_valid_utf8(alias)) fail(fmt::format("{}/aliases/{}", at, k), "is not UTF-8");
      // Aliases are matched against the simplified view; accept them in either script.
      std::string simplified = simplify.convert(alias).text;
      if (std::find(ind.aliases.begin(), ind.aliases.end(), simplified) == ind.aliases.end()) {
        ind.aliases.push_back(std::move(simplified));
      }
    }
    c.indicators_.push_back(std::move(ind));
  }
  c.rebuild();
  return c;
}

indicator_catalog indicator_catalog::from_file(const std::string& path) {
  return from_json(read_file(path), path);
}

indicator_catalog indicator_catalog::builtin_with(const std::string& path) {
  indicator_catalog c = builtin();
  c.merge(from_file(path));
  return c;
}

void indicator_catalog::merge(const indicator_catalog& other) {
  for (const auto& ind : other.indicators_) {
    const auto it = std::find_if(indicators_.begin(), indicators_.end(),
                                 [&](const indicator& x) { return x.key == ind.key; });
    if (it != indicators_.end()) {
      *it = ind;
    } else {
      indicators_.push_back(ind);
    }
  }
  rebuild();
}

void indicator_catalog::rebuild() {
  auto m = std::make_unique<matcher>();
  std::vector<aho_corasick::pattern> patterns;
  for (std::size_t i = 0; i < indicators_.size(); ++i) {
    for (const auto& a : indicators_[i].aliases) {
      patterns.push_back({a, static_cast<std::uint32_t>(m->alias_owner.size())});
      m->alias_owner.push_back(static_cast<std::uint32_t>(i));
      m->alias_length.push_back(static_cast<std::uint32_t>(a.size()));
    }
  }
  if (!patterns.empty()) m->ac = aho_corasick(patterns);
  matcher_ = std::move(m);
}

const indicator* indicator_catalog::find(std::string_view key) const noexcept {
  for (const auto& ind : indicators_) {
    if (ind.key == key) return &ind;
  }
  return nullptr;
}

std::string_view indicator_catalog::match(std::string_view phrase) const {
  return match(phrase, std::string_view{});
}

std::string_view indicator_catalog::match(std::string_view phrase, std::string_view base_unit) const {
  std::size_t best = no_index;
  std::uint32_t best_length = 0;
  // The longest alias wins, then the first indicator: the order of matches does not matter.
  matcher_->ac.for_each_match_any_order(phrase, [&](const aho_corasick::match& m) {
    const std::uint32_t owner = matcher_->alias_owner[m.id];
    const auto& ind = indicators_[owner];
    if (!base_unit.empty() && !ind.base_unit.empty() && ind.base_unit != base_unit) return;
    const std::uint32_t length = matcher_->alias_length[m.id];
    if (length > best_length || (length == best_length && owner < best)) best = owner, best_length = length;
  });
  return best == no_index ? std::string_view{} : std::string_view(indicators_[best].key);
}

// ------------------------------------------------------------------ years

std::optional<int> year_of_title(std::string_view title) {
  const auto& r = loaded_rules();
  for (const auto& [name, year] : r.five_year_plans) {
    if (title.find(name) != std::string_view::npos) return year;
  }
  std::optional<int> found;
  for (std::size_t i = 0; i < title.size(); ++i) {
    if (!ascii_digit(title[i]) || (i > 0 && ascii_digit(title[i - 1]))) continue;
    // 2023-2025年: the end of the range.
    if (i + 9 < title.size()) {
      for (const auto& dash : r.title_year_ranges) {
        if (!title.substr(i + 4).starts_with(dash)) continue;
        if (const auto y = year_at(title, i + 4 + dash.size())) return y->first;
        break;
      }
    }
    if (const auto y = year_at(title, i)) {
      if (found && *found != y->first) return std::nullopt;  // several years: none is the plan's
      found = y->first;
    }
  }
  return found;
}

namespace {

// ------------------------------------------------------------------ the extractor

/// The year context of the text being scanned: a year stated in it holds for the
/// targets that follow, within one element (a goal section's goals share one).
struct unit_state {
  int kind = -1;          ///< what the context is: element kind, or a goal section
  std::size_t index = 0;  ///< which one
  std::optional<int> year;
  bool conditions = false;  ///< a line of the unit announced a list of conditions
};

/// Who states the targets of a line: the owner's id and, for measures, its agencies.
struct line_owner {
  std::string_view id;
  const measure* agencies_of = nullptr;
};

class extractor {
 public:
  extractor(const text::document& doc, const indicator_catalog& catalog, std::optional<int> default_year)
      : doc_(doc), s_(doc.simplified), catalog_(catalog), default_year_(default_year) {}

  std::vector<target> targets;
  /// Where targets without an owner came from (table or annex id), by span begin: named in
  /// diagnostics.
  std::map<std::uint64_t, std::string> origin;

  /// Scans one line [b, e) of the simplified text as prose of the current unit. Lines
  /// with neither a digit nor 十 (十四五) hold no target and no year: they cost one pass.
  void scan_line(std::size_t b, std::size_t e, unit_state& u, const line_owner& owner) {
    const auto* const bytes = reinterpret_cast<const unsigned char*>(s_.data());
    // A heading number (1. 1、 (1) 13) is no quantity: start after it.
    {
      std::size_t k = b;
      if (k < e && s_[k] == '(') ++k;
      const std::size_t digits = k;
      while (k < e && ascii_digit(s_[k])) ++k;
      if (k > digits && k < e && ((s_[k] == '.' && !(k + 1 < e && ascii_digit(s_[k + 1]))) || s_[k] == ')' ||
                                     starts_with_at(s_.substr(0, e), k, "、"))) {
        b = s_[k] == '.' || s_[k] == ')' ? k + 1 : k + 3;
      }
    }
    const unsigned needs = scan_needs(s_.substr(b, e - b));
    // A count in words (至少建成一所) needs no digit: such lines are read for it alone.
    const bool numerals = has_numeral_trigger(s_.substr(b, e - b));
    if (needs == 0 && !numerals) return;
    const auto& classes = numerals                 ? scan_class_numerals()
                          : (needs & scan_yi) != 0 ? scan_class_yi
                                                   : scan_class;
    const auto& r = loaded_rules();
    std::size_t segment = b;  // where the text for the next quantity starts
    std::size_t clause = b;
    bool sentence_has_target = false;
    comparator last_kind = comparator::reach;
    bool last_periodic = false;
    int quotes = 0;
    // An opening mark whose closing mark does not follow in its sentence lost it (PDF text
    // drops characters: “《Web信息无障碍通用设计规范》等在内的20项): it opens no quote, and
    // the numbers after it are read.
    const auto open_quote = [&](std::size_t at) {
      // The closing mark: the same lead bytes, the last one more (“ ”, 《 》, 「 」 …).
      const std::array<char, 3> closer{s_[at], s_[at + 1], static_cast<char>(bytes[at + 2] + 1)};
      const std::string_view line = s_.substr(0, e);
      std::size_t sentence_end = line.find("。", at + 3);
      if (sentence_end == std::string_view::npos) sentence_end = e;
      if (line.substr(at + 3, sentence_end - (at + 3)).find(std::string_view(closer.data(), 3)) !=
          std::string_view::npos) {
        ++quotes;
      }
    };
    bool ascii_quote = false;
    const auto end_clause = [&](std::size_t next, bool sentence) {
      clause = segment = next;
      if (sentence) sentence_has_target = false, respective_years_.clear();
    };
    respective_years_.clear();
    std::size_t i = b;
    while (i < e) {
      const unsigned char byte = bytes[i];
      // Most characters are Han (lead bytes E4–E9) and need nothing: skip them in one step.
      if (classes[byte] == 0) {
        i += 3;
        continue;
      }
      if (byte < 0x80) {
        switch (byte) {
          case '0': case '1': case '2': case '3': case '4':
          case '5': case '6': case '7': case '8': case '9': {
            if (quotes > 0 || ascii_quote ||
                (i > b && (is_ascii_alpha(s_[i - 1]) || s_[i - 1] == '-' || s_[i - 1] == '.' || s_[i - 1] == '/'))) {
              while (i < e && (ascii_digit(s_[i]) || s_[i] == '.')) ++i;
              continue;
            }
            if (const auto y = year_at(s_.substr(0, e), i)) {
              // 2024年、2025年分别突破2.2万亿元、2.4万亿元: the targets that follow take the
              // listed years in order.
              if (const auto listed = respective_years(i, e); !listed.first.empty()) {
                respective_years_ = listed.first;
                next_respective_ = 0;
                i = listed.second;
                continue;
              }
              maybe_set_year(i, y->first, y->second, clause, e, u);
              i = y->second;
              continue;
            }
            std::size_t resume = i + 1;
            const auto q = read_quantity(s_.substr(0, e), i, resume);
            if (q && !(i >= b + 3 && starts_with_at(s_, i - 3, "第")) &&
                accept(*q, segment, e, u, owner, sentence_has_target, last_kind, last_periodic)) {
              segment = q->end;
            }
            i = std::max(resume, i + 1);
            continue;
          }
          case ',': case ':': end_clause(i + 1, false); break;
          case ';': case '!': case '?': end_clause(i + 1, true), ascii_quote = false; break;
          case '"': ascii_quote = !ascii_quote; break;
          default: break;
        }
        ++i;
        continue;
      }
      if (numerals && quotes == 0 && !ascii_quote &&
          r.numeral_starts.test(three_byte_at(s_.substr(0, e), i))) {
        // A count in words (至少建成一所, 超万家).
        if (const auto q = word_count_at(s_.substr(0, e), b, i);
            q && q->begin >= segment &&
            accept(*q, segment, e, u, owner, sentence_has_target, last_kind, last_periodic)) {
          segment = q->end;
          i = q->end;
          continue;
        }
      }
      if (byte == 0xE5 && i + 2 < e && bytes[i + 1] == 0x8D && bytes[i + 2] == 0x81) {
        five_year_marker(i, e, u);  // 十
      } else if (byte == 0xE5 && i + 5 < e && bytes[i + 1] == 0x88 && bytes[i + 2] == 0x86 &&
                 bytes[i + 3] == 0xE4 && bytes[i + 4] == 0xB9 && bytes[i + 5] == 0x8B) {
        // 分之: a share in words (百分之八十, 三分之一).
        if (quotes == 0 && !ascii_quote) {
          if (const auto q = word_fraction_at(s_.substr(0, e), b, i);
              q && q->begin >= segment &&
              accept(*q, segment, e, u, owner, sentence_has_target, last_kind, last_periodic)) {
            segment = q->end;
            i = q->end;
            continue;
          }
        }
      } else if (byte == 0xE4 && i + 2 < e && bytes[i + 1] == 0xBA && bytes[i + 2] == 0xBF) {
        // 亿 after a magnitude in words (过千亿, 超万亿元).
        if (quotes == 0 && !ascii_quote) {
          if (const auto q = magnitude_at(s_.substr(0, e), b, i);
              q && q->begin >= segment && accept(*q, segment, e, u, owner, sentence_has_target, last_kind, last_periodic)) {
            segment = q->end;
            i = q->end;
            continue;
          }
        }
      } else if (byte == 0xE2 && i + 2 < e && bytes[i + 1] == 0x80) {
        if (bytes[i + 2] == 0x9C) open_quote(i);                             // “
        if (bytes[i + 2] == 0x9D) quotes = std::max(0, quotes - 1);          // ”
      } else if (byte == 0xE3 && i + 2 < e && bytes[i + 1] == 0x80) {
        switch (bytes[i + 2]) {
          case 0x82: end_clause(i + 3, true), quotes = 0; break;              // 。
          case 0x88:
          case 0x8A:
          case 0x8C:
          case 0x8E:
            open_quote(i);
            break;  // 〈 《 「 『
          case 0x89: case 0x8B: case 0x8D: case 0x8F: quotes = std::max(0, quotes - 1); break;
          default: break;
        }
      } else if (byte == 0xEF && i + 2 < e && bytes[i + 1] == 0xBC) {
        // Full-width ，：；！？ (normalization turns them into ASCII; kept for raw input).
        switch (bytes[i + 2]) {
          case 0x8C: case 0x9A: end_clause(i + 3, false); break;
          case 0x9B: case 0x81: case 0x9F: end_clause(i + 3, true); break;
          default: break;
        }
      }
      i += sequence_length(byte);
    }
  }

  // ---- tables -------------------------------------------------------------------------

  /// Targets of a recognized table: the indicator column, baseline and target columns
  /// (years from their headers), the responsible-unit column.
  /// `issued_year`: the plan's year of issue, 0 when unknown (a column of an earlier year
  /// holds the base year's values).
  void table_targets(const table_block& t, bool first_listed_leads, int issued_year) {
    const auto& r = loaded_rules();
    const std::size_t n = t.columns.size();
    if (n < 2 || t.rows.empty()) return;
    std::vector<column_role> roles(n, column_role::none);
    std::vector<std::optional<int>> years(n);
    std::vector<bool> year_named(n, false);  // a target column by its year alone (2025年)
    for (std::size_t c = 0; c < n; ++c) {
      const std::string head = simplify(t.columns[c]).text;
      for (const auto& [role, word] : r.table_columns) {
        if (head.find(word) != std::string::npos) {
          roles[c] = role;
          break;
        }
      }
      if (head == "单位") roles[c] = column_role::unit;
      for (std::size_t i = 0; i < head.size(); ++i) {
        if (ascii_digit(head[i]) && (i == 0 || !ascii_digit(head[i - 1]))) {
          if (const auto y = year_at(head, i)) {
            years[c] = y->first;
            break;
          }
        }
      }
      if (roles[c] == column_role::none && years[c])
        roles[c] = column_role::target, year_named[c] = true;
    }
    std::size_t indicator_column = 0;
    for (std::size_t c = 0; c < n; ++c) {
      if (roles[c] == column_role::indicator) {
        indicator_column = c;
        break;
      }
    }
    if (recipient_column(simplify(t.columns[indicator_column]).text)) return;
    std::vector<std::size_t> value_columns;
    std::optional<std::size_t> baseline_column, agency_column, unit_column;
    for (std::size_t c = 0; c < n; ++c) {
      if (c == indicator_column) continue;
      if (roles[c] == column_role::target) value_columns.push_back(c);
      if (roles[c] == column_role::baseline && !baseline_column) baseline_column = c;
      if (roles[c] == column_role::agency && !agency_column) agency_column = c;
      if (roles[c] == column_role::unit && !unit_column) unit_column = c;
    }
    // Columns named by their year alone (2020年 | 2025年): the earliest holds the base
    // year's values, not a target, when a later year's column stands beside it, no column
    // is named the baseline, and its year is before the plan was issued (or, the date
    // unknown, at least three years before the latest: 2023年 | 2024年 | 2025年 are
    // yearly targets).
    if (!baseline_column && value_columns.size() >= 2) {
      std::optional<std::size_t> earliest;
      int latest = 0;
      for (const std::size_t c : value_columns) {
        if (!years[c]) continue;
        latest = std::max(latest, *years[c]);
        if (year_named[c] && (!earliest || *years[c] < *years[*earliest])) earliest = c;
      }
      if (earliest && *years[*earliest] < latest &&
          (issued_year > 0 ? *years[*earliest] < issued_year : *years[*earliest] + 3 <= latest)) {
        baseline_column = *earliest;
        std::erase(value_columns, *earliest);
      }
    }
    if (value_columns.empty()) {
      // No target column by name: the columns whose cells are mostly quantities.
      for (std::size_t c = 0; c < n; ++c) {
        if (c == indicator_column || roles[c] != column_role::none) continue;
        std::size_t numeric = 0;
        for (const auto& row : t.rows) numeric += cell_quantity(simplify(row[c]).text).has_value();
        if (numeric * 2 > t.rows.size()) value_columns.push_back(c);
      }
    }
    if (value_columns.empty()) return;
    const bool name_columns = value_columns.size() > 1 && std::none_of(value_columns.begin(), value_columns.end(),
                                                                       [&](std::size_t c) { return years[c].has_value(); });
    for (std::size_t row = 0; row < t.rows.size(); ++row) {
      const auto& cells = t.rows[row];
      const auto name = simplify(cells[indicator_column]);
      // Indicator with its unit in brackets: 有效注册商标量(万件), …单位(累计)(家).
      std::string_view label = name.text;
      std::string bracket_unit_printed;
      std::string_view bracket_unit;
      if (label.ends_with(")")) {
        const auto open = label.rfind('(');
        if (open != std::string_view::npos && open > 0) {
          const auto inside = label.substr(open + 1, label.size() - open - 2);
          quantity probe;
          if (!inside.empty() && read_unit(inside, 0, probe) && probe.end == inside.size() &&
              (probe.has_unit || probe.has_scale)) {
            bracket_unit = inside;
            const std::size_t pb = name.offsets.to_source(open + 1), pe = name.offsets.to_source(label.size() - 1);
            bracket_unit_printed = cells[indicator_column].substr(pb, pe - pb);
            label = label.substr(0, open);
          }
        }
      }
      const std::string label_printed = cells[indicator_column].substr(0, name.offsets.to_source(label.size()));
      const bool total = std::any_of(r.total_words.begin(), r.total_words.end(),
                                     [&](const std::string& w) { return label == w; });
      std::vector<std::string> agencies;
      if (agency_column) agencies = clause_names(cells[*agency_column], first_listed_leads);
      std::optional<quantity> baseline;
      if (baseline_column) baseline = cell_quantity(simplify(cells[*baseline_column]).text);
      for (const std::size_t c : value_columns) {
        const std::string cell = simplify(cells[c]).text;
        const auto q = cell_quantity(cell);
        if (!q || budget_amount(simplify(t.columns[c]).text, q->base_unit)) continue;
        target tg;
        const std::string column_name = name_columns ? fmt::format("({})", t.columns[c]) : std::string();
        tg.indicator = label_printed + column_name;
        const std::string simplified_label = std::string(label);
        tg.value = q->value;
        // The unit: printed in the cell, else in the indicator's brackets, else a unit column.
        std::string unit_key;
        if (q->has_unit || q->has_scale) {
          tg.unit = cells[c].substr(q->unit_begin, q->unit_end - q->unit_begin);
          tg.base_unit = q->base_unit;
          tg.normalized_value = scaled(q->value, q->scale);
        } else {
          quantity u;
          std::string_view unit_text = bracket_unit;
          std::string unit_cell;
          if (unit_text.empty() && unit_column) unit_cell = simplify(cells[*unit_column]).text, unit_text = unit_cell;
          if (!unit_text.empty() && read_unit(unit_text, 0, u)) {
            tg.unit = bracket_unit.empty() ? cells[*unit_column] : bracket_unit_printed;
            tg.base_unit = u.base_unit;
            tg.normalized_value = scaled(q->value, u.scale);
          } else {
            tg.normalized_value = q->value;
          }
        }
        tg.kind = q->suffix == 1 || q->approximate ? comparator::at_least : comparator::reach;
        tg.year = years[c] ? years[c] : default_year_;
        if (baseline_column && baseline) {
          tg.baseline = baseline->value;
          tg.baseline_year = years[*baseline_column];
        }
        tg.periodic = r.periodic_matcher.contains_any(simplified_label);
        tg.agencies = agencies;
        tg.where = t.cell_spans[row][c];
        const std::string key_phrase = total ? simplify(t.columns[c]).text : simplified_label;
        resolve_key(tg, key_phrase);
        origin.emplace(tg.where.begin, t.id);
        targets.push_back(std::move(tg));
      }
    }
  }

  /// Tables inside an annex, read from its lines (one cell per line): a header run of short
  /// cells holding header words, then rows of label cells followed by value cells. Merged
  /// cells show as rows with fewer values (the missing ones are the later columns) and as a
  /// group label that only the first row of a group prints; a value printed only in a
  /// group's first row belongs to the group. Totals (合计) are checked against the sums.
  /// Returns the lines it consumed.
  std::vector<bool> annex_table_targets(const std::vector<std::size_t>& lines, const std::vector<std::string>& header_words,
                                        const std::string& annex_id, std::vector<diagnostic>& diagnostics) {
    std::vector<bool> used(lines.size(), false);
    const auto& r = loaded_rules();
    auto text_of = [&](std::size_t k) { return trimmed(doc_.lines[lines[k]]); };
    auto is_value = [&](std::size_t k) {
      const auto [b, e] = text_of(k);
      return cell_quantity(s_.substr(b, e - b)).has_value();
    };
    auto short_cell = [&](std::size_t k) {
      const auto [b, e] = text_of(k);
      const auto t = s_.substr(b, e - b);
      return text::detail::count_code_points(t) <= 20 && t.find("。") == std::string_view::npos &&
             t.find(',') == std::string_view::npos && t.find(';') == std::string_view::npos;
    };
    auto has_header_word = [&](std::size_t k) {
      const auto [b, e] = text_of(k);
      const auto t = s_.substr(b, e - b);
      return std::any_of(header_words.begin(), header_words.end(),
                         [&](const std::string& w) { return t.find(w) != std::string_view::npos; });
    };
    std::size_t first_value = no_index;
    for (std::size_t k = 0; k < lines.size(); ++k) {
      if (is_value(k)) {
        first_value = k;
        break;
      }
    }
    if (first_value == no_index) return used;
    std::size_t header_begin = no_index, header_end = no_index;
    for (std::size_t k = 0; k < first_value; ++k) {
      if (!short_cell(k)) {
        header_begin = header_end = no_index;
        continue;
      }
      if (has_header_word(k)) {
        if (header_begin == no_index) header_begin = k;
        header_end = k + 1;
      }
    }
    if (header_begin == no_index) return used;
    // Body: label runs followed by value runs, until a sentence.
    struct row {
      std::vector<std::size_t> labels, values;
    };
    std::vector<row> rows;
    std::size_t k = header_end;
    for (; k < lines.size() && short_cell(k); ++k) {
      if (is_value(k)) {
        if (rows.empty()) rows.emplace_back();
        rows.back().values.push_back(k);
      } else {
        if (rows.empty() || !rows.back().values.empty()) rows.emplace_back();
        rows.back().labels.push_back(k);
      }
    }
    if (!rows.empty() && rows.back().values.empty()) rows.pop_back();
    std::size_t columns = 0;
    for (const auto& rw : rows) columns = std::max(columns, rw.values.size());
    if (columns == 0) return used;
    const std::size_t table_end = rows.back().values.back() + 1;
    for (std::size_t x = header_begin; x < table_end; ++x) used[x] = true;
    // Column names: the header cells after the label column(s), joined evenly.
    std::size_t label_headers = 0;
    for (std::size_t h = header_begin; h < header_end; ++h) {
      const auto [b, e] = text_of(h);
      const auto t = s_.substr(b, e - b);
      bool indicator_word = false;
      for (const auto& [role, word] : r.table_columns) {
        if (role == column_role::indicator && t.find(word) != std::string_view::npos) indicator_word = true;
      }
      if (!indicator_word) break;
      ++label_headers;
    }
    label_headers = std::max<std::size_t>(label_headers, 1);
    std::vector<std::string> names(columns);
    const std::size_t rest = header_end - header_begin > label_headers ? header_end - header_begin - label_headers : 0;
    for (std::size_t c = 0; c < columns; ++c) {
      if (rest >= columns && rest % columns == 0) {
        const std::size_t per = rest / columns;
        for (std::size_t x = 0; x < per; ++x) names[c] += printed_line(lines[header_begin + label_headers + c * per + x]);
      } else if (c < rest) {
        names[c] = printed_line(lines[header_begin + label_headers + c]);
      } else {
        names[c] = fmt::format("column {}", c + 1);
      }
    }
    // Labels: join a label broken after 及/和/与/、; a row with several labels opens a group.
    struct item {
      std::string printed;
      std::string simplified;
    };
    auto join_labels = [&](const std::vector<std::size_t>& ls) {
      std::vector<item> out;
      for (const auto l : ls) {
        const auto [b, e] = text_of(l);
        const std::string simplified(s_.substr(b, e - b));
        const std::string printed = printed_line(lines[l]);
        if (!out.empty()) {
          const auto& prev = out.back().simplified;
          if (std::any_of(r.label_continuations.begin(), r.label_continuations.end(),
                          [&](const std::string& w) { return prev.ends_with(w); })) {
            out.back().simplified += simplified;
            out.back().printed += printed;
            continue;
          }
        }
        out.push_back({printed, simplified});
      }
      return out;
    };
    struct cell_value {
      std::size_t row, column, line;
      quantity q;
    };
    std::vector<cell_value> values;
    std::vector<item> row_item(rows.size());
    std::vector<std::optional<item>> row_group(rows.size());
    std::vector<std::size_t> group_of(rows.size(), no_index);
    std::vector<bool> is_total(rows.size(), false);
    std::size_t group = no_index;
    std::optional<item> group_label;
    for (std::size_t x = 0; x < rows.size(); ++x) {
      auto labels = join_labels(rows[x].labels);
      if (labels.empty()) labels.push_back({"", ""});
      is_total[x] = std::any_of(r.total_words.begin(), r.total_words.end(),
                                [&](const std::string& w) { return labels.back().simplified == w; });
      if (labels.size() >= 2) {
        group = x;
        group_label = labels[labels.size() - 2];
      } else if (is_total[x]) {
        group = no_index;
        group_label.reset();
      }
      row_item[x] = labels.back();
      row_group[x] = group_label;
      group_of[x] = group;
      for (std::size_t c = 0; c < rows[x].values.size(); ++c) {
        const auto [b, e] = text_of(rows[x].values[c]);
        values.push_back({x, c, rows[x].values[c], *cell_quantity(s_.substr(b, e - b))});
      }
    }
    // A value only the first row of a group prints, in a column the group's other rows
    // lack, belongs to the whole group (a merged cell).
    auto group_level = [&](const cell_value& v) {
      const std::size_t g = group_of[v.row];
      if (g == no_index || g != v.row) return false;
      std::size_t members = 0;
      bool others = false;
      for (std::size_t x = v.row; x < rows.size() && group_of[x] == g; ++x) {
        ++members;
        if (x != v.row && rows[x].values.size() > v.column) others = true;
      }
      return members > 1 && !others;
    };
    std::vector<double> sums(columns, 0.0), totals(columns, -1.0);
    std::vector<std::size_t> total_line(columns, no_index);
    for (const auto& v : values) {
      const bool whole_group = group_level(v);
      const item& label = whole_group ? *row_group[v.row] : row_item[v.row];
      target tg;
      tg.indicator = label.printed + "(" + names[v.column] + ")";
      tg.value = v.q.value;
      const auto [b, e] = text_of(v.line);
      tg.unit = std::string(doc_.printed_of_simplified(b + v.q.unit_begin, b + v.q.unit_end));
      tg.base_unit = v.q.base_unit;
      tg.normalized_value = scaled(v.q.value, v.q.scale);
      tg.kind = v.q.suffix == 1 ? comparator::at_least : comparator::reach;
      tg.year = default_year_;
      tg.where = doc_.source_of_simplified(b, e);
      if (is_total[v.row]) {
        resolve_key(tg, simplified_of(names[v.column]));
        totals[v.column] = tg.normalized_value;
        total_line[v.column] = v.line;
      } else {
        resolve_key(tg, label.simplified);
        sums[v.column] += tg.normalized_value;
      }
      // A budget column's amounts are still summed and checked against the total row.
      if (budget_amount(simplified_of(names[v.column]), tg.base_unit)) continue;
      origin.emplace(tg.where.begin, annex_id);
      targets.push_back(std::move(tg));
    }
    for (std::size_t c = 0; c < columns; ++c) {
      if (total_line[c] == no_index) continue;
      if (std::fabs(sums[c] - totals[c]) > 1e-6 * std::max(1.0, std::fabs(totals[c]))) {
        const auto& l = doc_.lines[total_line[c]];
        diagnostics.push_back({l.number, l.source, "target.total_mismatch",
                               fmt::format("table column {}: the rows add up to {}, the total row says {}", names[c],
                                           sums[c], totals[c])});
      }
    }
    return used;
  }

  /// The span-free pieces of a line: its trimmed simplified range.
  std::pair<std::size_t, std::size_t> trimmed(const text::line& l) const {
    std::size_t b = l.simplified_begin, e = l.simplified_end;
    while (b < e && (s_[b] == ' ' || s_[b] == '\t' || s_[b] == '\r')) ++b;
    while (e > b && (s_[e - 1] == ' ' || s_[e - 1] == '\t' || s_[e - 1] == '\r')) --e;
    return {b, e};
  }
  std::string printed_line(std::size_t line) const {
    const auto [b, e] = trimmed(doc_.lines[line]);
    return std::string(doc_.printed_of_simplified(b, e));
  }

 private:
  static std::string simplified_of(const std::string& printed) { return text::simplifier::shared().convert(printed).text; }

  /// A whole cell that is one quantity: 0.56, 7000万元, 85%, 50以上. "-" and "" are none.
  static std::optional<quantity> cell_quantity(std::string_view cell) {
    while (!cell.empty() && cell.back() == ' ') cell.remove_suffix(1);
    while (!cell.empty() && cell.front() == ' ') cell.remove_prefix(1);
    if (cell.empty() || !ascii_digit(cell.front())) return std::nullopt;
    std::size_t resume = 0;
    auto q = read_quantity(cell, 0, resume);
    if (!q || q->end != cell.size()) return std::nullopt;
    return q;
  }

  std::vector<std::string> clause_names(const std::string& printed_cell, bool first_listed_leads) const {
    const auto conv = simplify(printed_cell);
    const auto parsed = parse_clause(conv.text, first_listed_leads);
    std::vector<std::pair<role, std::string>> names;
    for (const auto& a : parsed.agencies) {
      const std::size_t pb = conv.offsets.to_source(a.begin), pe = conv.offsets.to_source(a.end);
      names.emplace_back(a.part, printed_cell.substr(pb, pe - pb));
    }
    // Leads first, then the others, each in the order printed.
    std::stable_partition(names.begin(), names.end(), [](const auto& x) { return x.first == role::lead; });
    std::vector<std::string> out;
    for (auto& [part, name] : names) out.push_back(std::move(name));
    return out;
  }

  /// Canonical key of a target: its indicator phrase against the catalog; a relative target
  /// (growth in %) matches whatever the indicator's unit, a level one only an indicator of
  /// its own base unit. A target printed without a unit takes the indicator's base unit.
  void resolve_key(target& tg, std::string_view phrase) const {
    const auto& r = loaded_rules();
    const bool relative = (tg.kind == comparator::increase_by || tg.kind == comparator::reduce_by ||
                           tg.kind == comparator::annual_growth) &&
                          std::find(r.relative_units.begin(), r.relative_units.end(), tg.base_unit) != r.relative_units.end();
    const auto key = relative ? catalog_.match(phrase) : catalog_.match(phrase, tg.base_unit);
    tg.indicator_key = std::string(key);
    if (!key.empty() && tg.base_unit.empty()) {
      if (const auto* ind = catalog_.find(key)) tg.base_unit = ind->base_unit;
    }
  }

  /// A list of years at `i` said to go with what follows item by item (2024年、2025年分别…;
  /// list_joiners and list_separators between them, a `respective` word after them): the
  /// years and where the list ends, or no years.
  std::pair<std::vector<int>, std::size_t> respective_years(std::size_t i, std::size_t e) const {
    const auto& r = loaded_rules();
    const std::string_view line = s_.substr(0, e);
    std::vector<int> years;
    std::size_t at = i;
    while (const auto y = year_at(line, at)) {
      years.push_back(y->first);
      at = y->second;
      const std::size_t sep = list_word_at(line, at);
      if (sep == 0 || !year_at(line, at + sep)) break;
      at += sep;
    }
    if (years.size() < 2 || match_any_at(line, at, r.respective) == 0) return {{}, i};
    return {std::move(years), at};
  }

  void maybe_set_year(std::size_t i, int year, std::size_t after, std::size_t clause, std::size_t e, unit_state& u) {
    const auto& r = loaded_rules();
    const std::string_view before = s_.substr(clause, i - clause);
    bool set = std::any_of(r.year_before.begin(), r.year_before.end(),
                           [&](const std::string& w) { return before.ends_with(w); });
    if (!set) {
      // A year opening its clause (2025年,…) sets the year too, when the clause is just it.
      std::size_t k = clause;
      while (k < i && s_[k] == ' ') ++k;
      std::size_t j = after;
      for (const std::string_view w : r.year_after) {
        if (starts_with_at(s_, j, w)) j += w.size();
      }
      set = k == i && j < e && boundary_at(s_, j) > 0;
    }
    if (set) u.year = year;
  }

  /// "十四五"末, 十四五期末 …: the year the five-year plan ends.
  void five_year_marker(std::size_t i, std::size_t e, unit_state& u) {
    const auto& r = loaded_rules();
    for (const auto& [name, year] : r.five_year_plans) {
      if (!starts_with_at(s_.substr(0, e), i, name)) continue;
      std::size_t j = i + name.size();
      for (std::string_view q : {"”", "\"", "’", "'"}) {
        if (starts_with_at(s_, j, q)) {
          j += q.size();
          break;
        }
      }
      if (match_any_at(s_.substr(0, e), j, r.period_end) > 0) u.year = year;
      return;
    }
  }

  /// Caps and ceilings, subsidy amounts and fund sizes, eligibility thresholds and
  /// calculation rules (targets.json `not_targets`): quantities a plan does not set as its
  /// own aims. `before` is the quantity's clause up to the number.
  bool not_a_target(const quantity& q, std::string_view before, std::size_t line_end) const {
    const auto& r = loaded_rules();
    if (r.not_before_any.contains_any(before)) return true;
    const std::size_t after = std::min(q.end, line_end);
    const std::string_view rest = s_.substr(after, line_end - after);
    const auto starts = [&](const std::vector<std::string>& words) {
      return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return rest.starts_with(w); });
    };
    // Ranks (排名前10, 第3), baselines (达到12000元的基础上).
    std::string_view lead = before;
    while (!lead.empty() && lead.back() == ' ') lead.remove_suffix(1);
    if (std::any_of(r.not_just_before.begin(), r.not_just_before.end(),
                    [&](const std::string& w) { return lead.ends_with(w); })) {
      return true;
    }
    if (!r.share_marker.empty() && lead.ends_with(r.share_marker) &&
        std::any_of(r.share_clause_words.begin(), r.share_clause_words.end(),
                    [&](const std::string& w) { return lead.find(w) != std::string_view::npos; })) {
      return true;
    }
    if (starts(r.not_after_always)) return true;
    if (starts(r.not_after_any) && r.threshold_before.contains_any(before)) return true;
    // A rate per unit (每1家, 每认定1家给予…): 每 before the number or before its cue word.
    {
      std::string_view unit_lead = lead;
      r.cue_matcher.for_each_match_any_order(lead, [&](const aho_corasick::match& m) {
        if (m.end == lead.size() && m.begin < unit_lead.size()) unit_lead = lead.substr(0, m.begin);
      });
      const auto ends_per = [](std::string_view t, const std::vector<std::string>& words) {
        return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return t.ends_with(w); });
      };
      if (ends_per(lead, r.per_unit_before) || ends_per(unit_lead, r.per_unit_before)) return true;
    }
    // A time allotment per period (每年至少1个月在企业实训): a norm, not an aim.
    if (std::find(r.period_norm_units.begin(), r.period_norm_units.end(), q.base_unit) != r.period_norm_units.end() &&
        std::any_of(r.period_norm_markers.begin(), r.period_norm_markers.end(),
                    [&](const std::string& w) { return before.find(w) != std::string_view::npos; })) {
      return true;
    }
    // A time limit for acting on a case (应在3个工作日内完成审核), unless a level cue sets it
    // as an aim right before the number (审批时限压缩至3个工作日内).
    if (std::find(r.time_limit_units.begin(), r.time_limit_units.end(), q.base_unit) != r.time_limit_units.end()) {
      const std::string_view unit_rest = s_.substr(q.unit_end, line_end - std::min(q.unit_end, line_end));
      bool cue_led = false;
      r.cue_matcher.for_each_match_any_order(lead, [&](const aho_corasick::match& m) {
        if (m.end == lead.size() && static_cast<cue_kind>(m.id) != cue_kind::object) cue_led = true;
      });
      if (!cue_led && std::any_of(r.time_limit_after.begin(), r.time_limit_after.end(),
                                  [&](const std::string& w) { return unit_rest.starts_with(w); })) {
        return true;
      }
    }
    // The rest of the quantity's clause: a condition (…1.5倍以内的，按照… / 年销售收入首次
    // 达到2000万元、5000万元、1亿元的，分别给予… / 对年营业收入达到…以上的企业，给予…).
    const std::size_t clause_end = clause_end_from(s_, after, line_end);
    {
      // A rule for applicants: the clause closes with their act (选择1所幼儿园进行报名).
      const std::string_view tail = s_.substr(after, clause_end - after);
      if (std::any_of(r.applicant_acts.begin(), r.applicant_acts.end(),
                      [&](const std::string& w) { return tail.find(w) != std::string_view::npos; })) {
        return true;
      }
    }
    {
      // A tier of a rule whose comma is left out (招用3人以下的按每人2000元给予补贴): 的 within
      // the clause, then what the condition earns.
      const std::string_view tail = s_.substr(after, clause_end - after);
      for (std::size_t at = tail.find("的"); at != std::string_view::npos; at = tail.find("的", at + 1)) {
        if (text::detail::count_code_points(tail.substr(0, at)) > 12) break;
        const std::string_view next = tail.substr(at + std::string_view("的").size());
        if (std::any_of(r.condition_consequents.begin(), r.condition_consequents.end(),
                        [&](const std::string& w) { return next.starts_with(w); })) {
          return true;
        }
      }
    }
    {
      // The condition of a sentence that grants something (…且有不少于1名员工…，…的，可申请
      // 1万元…): a clause from the quantity's on holds 的 and the next one a grant.
      // Most lines grant nothing: look for a grant once before walking the clauses.
      const std::string_view rest_of_line = s_.substr(after, line_end - after);
      const bool grants = std::any_of(r.conditional_grants.begin(), r.conditional_grants.end(), [&](const std::string& w) {
        return text::detail::find(rest_of_line, w) != std::string_view::npos;
      });
      std::size_t b = grants ? after : line_end;
      for (std::size_t k = 0; k < r.conditional_max_clauses && b < line_end; ++k) {
        const std::size_t ce = clause_end_from(s_, b, line_end);
        if (ce >= line_end || (s_[ce] != ',' && !starts_with_at(s_, ce, "，"))) break;  // the sentence ends
        const std::size_t nb = ce + boundary_at(s_, ce);
        const std::size_t ne = clause_end_from(s_, nb, line_end);
        const std::string_view next = s_.substr(nb, ne - nb);
        if (s_.substr(b, ce - b).find("的") != std::string_view::npos &&
            std::any_of(r.conditional_grants.begin(), r.conditional_grants.end(),
                        [&](const std::string& w) { return next.find(w) != std::string_view::npos; })) {
          return true;
        }
        b = nb;
      }
    }
    if (clause_end < line_end && (s_[clause_end] == ',' || starts_with_at(s_, clause_end, "，"))) {
      std::string_view tail = s_.substr(after, clause_end - after);
      while (!tail.empty() && tail.back() == ' ') tail.remove_suffix(1);
      if (tail.ends_with("的") && text::detail::count_code_points(tail) <= 12) return true;
      std::string_view opening = before;
      while (!opening.empty() && opening.front() == ' ') opening.remove_prefix(1);
      if (std::any_of(r.condition_openers.begin(), r.condition_openers.end(),
                      [&](const std::string& w) { return opening.starts_with(w); }) &&
          tail.find("的") != std::string_view::npos) {
        return true;
      }
    }
    const bool money = std::any_of(r.money_units.begin(), r.money_units.end(),
                                   [&](const std::string& u) { return q.base_unit == u; });
    if (money && clause_end <= line_end) {
      // The size of a fund the plan sets up (设立规模10亿元的数字经济产业基金): 的, then a
      // name ending the clause with a fund noun.
      std::string_view tail = s_.substr(after, clause_end - after);
      while (!tail.empty() && tail.back() == ' ') tail.remove_suffix(1);
      if (tail.starts_with("的") && text::detail::count_code_points(tail) <= 16 &&
          std::any_of(r.fund_nouns.begin(), r.fund_nouns.end(),
                      [&](const std::string& w) { return tail.ends_with(w); })) {
        return true;
      }
    }
    return money && (r.not_before_money.contains_any(before) || starts(r.not_after_money));
  }

  /// A share of a group (90%的市和70%的县(市、区)达到省级三星级以上): a percentage followed by 的
  /// and the group, with a level cue (达到, 不低于 …) later in its clause. The group's span (up
  /// to the cue, the next number or a joining word), or nullopt.
  std::optional<std::pair<std::size_t, std::size_t>> share_group(const quantity& q, std::size_t line_end) const {
    const auto& r = loaded_rules();
    if (q.end >= line_end) return std::nullopt;
    std::size_t b = q.end;
    const bool share =
        std::find(r.share_units.begin(), r.share_units.end(), q.base_unit) != r.share_units.end();
    if (share) {
      if (!starts_with_at(s_, q.end, r.share_after)) return std::nullopt;
      b += r.share_after.size();
    } else if (std::find(r.count_group_units.begin(), r.count_group_units.end(), q.base_unit) ==
               r.count_group_units.end()) {
      return std::nullopt;  // a count of a group (100家企业达到…) is the count of what reaches
    }
    const std::size_t e = clause_end_from(s_, b, line_end);
    std::optional<std::size_t> level_cue;
    if (const auto at = first_level_cue(s_.substr(b, e - b))) level_cue = b + *at;
    if (!level_cue && share) {
      // A verb of attainment after the group (30%的县（市、区）通过…认定).
      const std::string_view rest = s_.substr(b, e - b);
      for (const auto& v : r.share_verbs) {
        const auto at = text::detail::find(rest, v);
        if (at != std::string_view::npos && at > 0 && (!level_cue || b + at < *level_cue))
          level_cue = b + at;
      }
    }
    if (!level_cue) return std::nullopt;
    std::size_t ge = b;
    while (ge < *level_cue && !ascii_digit(s_[ge])) ge += sequence_length(static_cast<unsigned char>(s_[ge]));
    for (bool trimmed = true; trimmed;) {
      trimmed = false;
      for (const auto* words : {&r.list_joiners, &r.list_separators}) {
        for (const auto& w : *words) {
          if (ge >= b + w.size() && s_.substr(b, ge - b).ends_with(w)) ge -= w.size(), trimmed = true;
        }
      }
    }
    if (ge <= b) return std::nullopt;
    return std::pair{b, ge};
  }

  /// Where the first level cue (达到, 不低于 … — a cue that is no object verb) of `t` begins.
  static std::optional<std::size_t> first_level_cue(std::string_view t) {
    std::optional<std::size_t> level;
    loaded_rules().cue_matcher.for_each_match_any_order(t, [&](const aho_corasick::match& m) {
      if (static_cast<cue_kind>(m.id) != cue_kind::object && (!level || m.begin < *level))
        level = m.begin;
    });
    return level;
  }

  /// A class of those a target counts (1亿元以上规上工业企业研发机构覆盖率达到70%): a quantity
  /// 以上 right before a name (not before 或, 和 …: alternatives), with a level cue and a
  /// number later in its clause.
  bool class_qualifier(const quantity& q, std::size_t line_end) const {
    const std::size_t after = std::min(q.end, line_end);
    if (q.suffix != 1 || after >= line_end) return false;
    const std::size_t clause_end = clause_end_from(s_, after, line_end);
    const std::string_view tail = s_.substr(after, clause_end - after);
    if (tail.empty() || static_cast<unsigned char>(tail.front()) < 0x80 || list_word_at(tail, 0) > 0 ||
        tail.starts_with("或") || tail.starts_with("且") || tail.starts_with("的")) {
      return false;
    }
    const auto level = first_level_cue(tail);
    return level && *level > 0 &&
           std::any_of(tail.begin() + static_cast<std::ptrdiff_t>(*level), tail.end(), ascii_digit);
  }

  /// Decides whether the quantity is a target, and adds it (several when its indicator
  /// phrase lists several measured things: A和B年均增幅20%以上).
  bool accept(const quantity& q, std::size_t segment, std::size_t line_end, unit_state& u,
              const line_owner& owner, bool& sentence_has_target,
              comparator& last_kind, bool& last_periodic) {
    const auto& r = loaded_rules();
    const std::string_view seg = s_.substr(segment, q.begin - segment);
    // Read, but no target: the next target's indicator starts after it.
    if (class_qualifier(q, line_end)) return true;
    if (not_a_target(q, seg, line_end)) return false;
    // The cue nearest the number (the longest among those ending at the same place). Any
    // order of matches gives the same cue: both orders visit the patterns of one span in
    // the order they were added.
    std::optional<aho_corasick::match> cue;
    r.cue_matcher.for_each_match_any_order(seg, [&](const aho_corasick::match& m) {
      if (!cue || m.end > cue->end || (m.end == cue->end && m.begin < cue->begin)) cue = m;
    });
    std::size_t seg_end = seg.size();
    while (seg_end > 0 && seg[seg_end - 1] == ' ') --seg_end;
    const bool cue_adjacent = cue && cue->end == seg_end;
    {
      // The count of a list the plan names item by item (选择北京、天津、…、西安11个城市).
      const std::string_view listed = seg.substr(cue ? cue->end : 0);
      std::size_t separators = 0;
      for (const auto& w : r.list_separators) {
        for (auto at = listed.find(w); at != std::string_view::npos; at = listed.find(w, at + w.size())) ++separators;
      }
      // Only when the number counts the items listed (和 / 及 joining the last ones), so
      // that a list of places before a count of something else (省会、鲁南、胶东经济圈100项
      // 智慧应用) stays a target.
      if (separators >= 2 && std::none_of(listed.begin(), listed.end(), ascii_digit)) {
        for (const auto& w : r.list_joiners) {
          for (auto at = listed.find(w); at != std::string_view::npos; at = listed.find(w, at + w.size())) ++separators;
        }
        if (std::fabs(q.value - static_cast<double>(separators + 1)) < 1e-9) return false;
      }
    }
    const bool has_unit = q.has_unit || q.has_scale;
    const auto kind_of_cue = cue ? static_cast<cue_kind>(cue->id) : cue_kind::object;
    const auto share = cue ? std::nullopt : share_group(q, line_end);
    if (!has_unit) {
      // A bare number is a target only right after 达到 / 不低于 …, ending its clause.
      if (!cue_adjacent || kind_of_cue == cue_kind::object || (q.end < line_end && boundary_at(s_, q.end) == 0)) {
        return false;
      }
    } else if (!cue && q.suffix == 0 && !q.approximate && !q.implied && !share && !(sentence_has_target && q.has_unit)) {
      return false;
    }
    comparator kind = comparator::reach;
    const bool at_least = q.suffix == 1 || q.approximate || q.range;
    if (cue) {
      switch (kind_of_cue) {
        case cue_kind::annual: kind = comparator::annual_growth; break;
        case cue_kind::increase: kind = comparator::increase_by; break;
        case cue_kind::reduce: kind = comparator::reduce_by; break;
        case cue_kind::not_less_than: kind = comparator::not_less_than; break;
        case cue_kind::at_least: kind = comparator::at_least; break;
        case cue_kind::reach:
        case cue_kind::object: kind = at_least ? comparator::at_least : comparator::reach; break;
      }
    } else {
      kind = at_least ? comparator::at_least : sentence_has_target ? last_kind : comparator::reach;
    }
    // A magnitude in words states its comparator in the word before it (过千亿: at least).
    if (q.implied) kind = *q.implied == comparator::reach && at_least ? comparator::at_least : *q.implied;
    bool periodic = r.periodic_matcher.contains_any(seg);
    if (!cue && !q.suffix && sentence_has_target) periodic = periodic || last_periodic;
    // The indicator phrase: before a level cue, between an object cue and the number, or
    // the object written after the quantity.
    std::size_t pb = segment, pe = q.begin;
    if (cue && kind_of_cue != cue_kind::object) {
      pe = segment + cue->begin;
    } else if (cue) {
      // The verb is the first object cue after any level cue: 年增品牌指导服务站 is 年增 +
      // 品牌指导服务站, not …服务 + 站. Further verbs right after it are dropped too
      // (累计建成企业专利特色库).
      std::size_t after_level = 0;
      std::optional<std::size_t> first_object;
      r.cue_matcher.for_each_match_any_order(seg, [&](const aho_corasick::match& m) {
        if (static_cast<cue_kind>(m.id) != cue_kind::object) after_level = std::max(after_level, m.end);
      });
      r.cue_matcher.for_each_match_any_order(seg, [&](const aho_corasick::match& m) {
        if (static_cast<cue_kind>(m.id) == cue_kind::object && m.begin >= after_level &&
            (!first_object || m.end < *first_object)) {
          first_object = m.end;
        }
      });
      pb = segment + first_object.value_or(cue->end);
      while (pb < pe) {
        const auto m = r.cue_matcher.longest_match_at(s_.substr(0, pe), pb);
        if (!m || static_cast<cue_kind>(m->id) != cue_kind::object || m->end >= pe) break;
        pb = m->end;
      }
    }
    if (q.implied) pe = std::min(pe, q.cue_begin);  // 规模过千亿: the indicator ends before 过
    if (share) std::tie(pb, pe) = *share;           // 90%的市: the share of the cities
    const bool may_share = sentence_has_target && last_phrase_.first < last_phrase_.second;
    const bool years_only = may_share && [&] {
      const auto [wb, we] = strip_phrase(s_, pb, pe, false);
      return wb < we && only_years(s_.substr(wb, we - wb));
    }();
    std::tie(pb, pe) = strip_phrase(s_, pb, pe);
    // An item of an enumeration (超过70%和50%, 分别达到30%、20%和10%): only a joining word
    // or a separator stands between it and the target before it, whose indicator it shares.
    // So does a target whose phrase names only its years (…营收年均增长10%以上，2024年、2025年
    // 分别突破2.2万亿元、2.4万亿元): the years say when, the indicator is the one before.
    if (may_share && (years_only || joins_items(seg))) {
      std::tie(pb, pe) = last_phrase_;
    }
    if (pb >= pe) std::tie(pb, pe) = object_after(q.end, line_end);
    if (pb >= pe) std::tie(pb, pe) = object_of_clause_before(segment);
    last_phrase_ = {pb, pe};
    target base;
    base.value = q.value;
    base.unit = std::string(doc_.printed_of_simplified(q.unit_begin, q.unit_end));
    if (base.unit.empty()) base.unit = q.base_unit;  // 百分之八十: % in words
    base.base_unit = q.base_unit;
    base.normalized_value = scaled(q.value, q.scale);
    base.kind = kind;
    base.year = next_respective_ < respective_years_.size() ? respective_years_[next_respective_++]
                : u.year                                    ? u.year
                                                            : default_year_;
    base.periodic = periodic;
    if (owner.agencies_of != nullptr) {
      for (const auto& a : owner.agencies_of->lead) base.agencies.push_back(a.name);
      for (const auto& a : owner.agencies_of->support) base.agencies.push_back(a.name);
    }
    base.owner = std::string(owner.id);
    base.where = doc_.source_of_simplified(q.begin, q.end);
    const auto parts = split_phrase(pb, pe);
    for (std::size_t k = 0; k < parts.size(); ++k) {
      const auto [b, e] = parts[k];
      target tg = k + 1 < parts.size() ? base : std::move(base);  // the last part takes it whole
      tg.indicator = std::string(doc_.printed_of_simplified(b, e));
      resolve_key(tg, s_.substr(b, e - b));
      targets.push_back(std::move(tg));
    }
    sentence_has_target = true;
    last_kind = kind;
    last_periodic = periodic;
    return true;
  }

  /// Whether `seg` is only a joining word or a list separator (和, 及, 、), spaces aside.
  static bool joins_items(std::string_view seg) {
    while (!seg.empty() && (seg.front() == ' ' || seg.front() == '\t')) seg.remove_prefix(1);
    while (!seg.empty() && (seg.back() == ' ' || seg.back() == '\t')) seg.remove_suffix(1);
    const std::size_t n = list_word_at(seg, 0);
    return n > 0 && n == seg.size();
  }

  /// Whether `phrase` names only years (2024年、2025年, 2025年和2026年).
  static bool only_years(std::string_view phrase) {
    bool year = false;
    for (std::size_t i = 0; i < phrase.size();) {
      if (ascii_digit(phrase[i])) {
        std::size_t e = i;
        while (e < phrase.size() && ascii_digit(phrase[e])) ++e;
        if (e - i != 4 || !starts_with_at(phrase, e, "年")) return false;
        i = e + std::string_view("年").size();
        year = true;
        continue;
      }
      const std::size_t sep = phrase[i] == ' ' ? 1 : list_word_at(phrase, i);
      if (sep == 0) return false;
      i += sep;
    }
    return year;
  }

  /// The object after a quantity (培育6家以上专业化…运营机构): to the end of its clause, cut at
  /// a verb that starts the rest of the sentence, the part after the last 的.
  /// The object of the clause before the one opening at `at`, when the quantity names none
  /// of its own: 建设一批算力中心，到2025年达到50家 counts 算力中心. That clause must hold no
  /// digit and open with an object verb (建设, 培育 …); a batch word after the verb (一批,
  /// 若干: targets.json batch_words) is left out.
  std::pair<std::size_t, std::size_t> object_of_clause_before(std::size_t at) const {
    const auto& r = loaded_rules();
    std::size_t p = at;
    while (p > 0 && s_[p - 1] == ' ') --p;
    std::size_t e = p;
    if (p >= 3 && s_.substr(p - 3, 3) == "，") {
      e = p - 3;
    } else if (p >= 1 && s_[p - 1] == ',') {
      e = p - 1;
    } else {
      return {0, 0};
    }
    // The clause's start: the clause boundary (boundary_at) before it, within 40 characters.
    std::size_t b = e, chars = 0;
    while (b > 0 && chars < 40) {
      std::size_t prev = b - 1;
      while (prev > 0 && (static_cast<unsigned char>(s_[prev]) & 0xC0) == 0x80) --prev;
      if (boundary_at(s_, prev) != 0) break;
      b = prev;
      ++chars;
    }
    if (chars >= 40 || b >= e) return {0, 0};
    const std::string_view clause = s_.substr(b, e - b);
    if (std::any_of(clause.begin(), clause.end(), ascii_digit)) return {0, 0};
    const auto verb = r.cue_matcher.longest_match_at(s_.substr(0, e), b);
    if (!verb || static_cast<cue_kind>(verb->id) != cue_kind::object) return {0, 0};
    std::size_t ob = verb->end;
    if (const auto n = match_any_at(s_.substr(0, e), ob, r.batch_words)) ob += n;
    return strip_phrase(s_, ob, e);
  }

  std::pair<std::size_t, std::size_t> object_after(std::size_t from, std::size_t line_end) const {
    std::size_t e = std::min(clause_end_from(s_, from, line_end), line_end);
    const auto& r = loaded_rules();
    std::size_t stop = e;
    r.object_stop_matcher.for_each_match(s_.substr(from, e - from), [&](const aho_corasick::match& m) {
      if (from + m.begin > from && from + m.begin < stop) stop = from + m.begin;
    });
    e = stop;
    std::size_t b = from;
    const std::string_view obj = s_.substr(b, e - b);
    if (const auto de = text::detail::rfind(obj, "的"); de != std::string_view::npos && de + 3 < obj.size()) b += de + 3;
    // At most 30 characters: a longer run is a sentence, not a name.
    std::size_t chars = 0, k = b;
    while (k < e && chars < 30) k += sequence_length(static_cast<unsigned char>(s_[k])), ++chars;
    return strip_phrase(s_, b, k);
  }

  /// Splits 知识产权质押融资金额和知识产权交易量 into its measured parts, when each ends
  /// with a measure noun (量, 额, 数, 率, 规模); otherwise the phrase whole.
  std::vector<std::pair<std::size_t, std::size_t>> split_phrase(std::size_t b, std::size_t e) const {
    const auto& r = loaded_rules();
    std::vector<std::pair<std::size_t, std::size_t>> parts;
    std::size_t start = b;
    for (std::size_t i = b; i < e;) {
      const std::size_t sep = list_word_at(s_.substr(0, e), i);
      if (sep > 0) {
        parts.emplace_back(start, i);
        start = i + sep;
        i += sep;
        continue;
      }
      i += sequence_length(static_cast<unsigned char>(s_[i]));
    }
    parts.emplace_back(start, e);
    if (parts.size() < 2) return {{b, e}};
    for (const auto& [pb, pe] : parts) {
      const auto part = s_.substr(pb, pe - pb);
      const bool measured = std::any_of(r.measure_nouns.begin(), r.measure_nouns.end(),
                                        [&](const std::string& w) { return part.ends_with(w); });
      if (!measured || text::detail::count_code_points(part) < 3) return {{b, e}};
    }
    return parts;
  }

  /// A printed cell in simplified script with its map back: the identity for documents
  /// printed in simplified script (the conversion would change nothing).
  text::simplified_text simplify(const std::string& printed) const {
    if (doc_.source_script == text::script::traditional || doc_.source_script == text::script::mixed) {
      return text::simplifier::shared().convert(printed);
    }
    return {printed, text::offset_map::identity(printed.size())};
  }

  const text::document& doc_;
  std::string_view s_;
  const indicator_catalog& catalog_;
  std::optional<int> default_year_;
  std::pair<std::size_t, std::size_t> last_phrase_{0, 0};  ///< the last target's indicator phrase
  std::vector<int> respective_years_;  ///< years the next targets of the sentence take in order
  std::size_t next_respective_ = 0;
};

/// Elements of one kind with their spans, swept in document order alongside the lines.
struct region_list {
  std::vector<std::pair<span, std::size_t>> items;  // (span, index), by begin
  std::size_t next = 0;
  void sort() {
    std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first.begin < b.first.begin; });
  }
  /// The element overlapping [b, e), for lines visited in increasing order.
  std::optional<std::size_t> at(std::uint64_t b, std::uint64_t e) {
    while (next < items.size() && items[next].first.end <= b) ++next;
    for (std::size_t k = next; k < items.size() && items[k].first.begin < e; ++k) {
      if (items[k].first.end > b && !items[k].first.empty()) return items[k].second;
    }
    return std::nullopt;
  }
};

bool same_statement(const target& a, const target& b) {
  return a.indicator_key == b.indicator_key && a.indicator == b.indicator && a.normalized_value == b.normalized_value &&
         a.base_unit == b.base_unit && a.kind == b.kind && a.periodic == b.periodic;
}

/// Conflicting values: one indicator, year, kind (level or a growth comparator) and
/// periodicity, different normalized values.
void report_conflicts(const text::document& doc, const std::vector<target>& targets, std::vector<diagnostic>& diagnostics,
                      const std::map<std::uint64_t, std::string>& origin) {
  auto level = [](comparator c) {
    return c == comparator::reach || c == comparator::at_least || c == comparator::not_less_than ? 0
                                                                                                   : static_cast<int>(c);
  };
  // Targets that can conflict share a group; within it, each distinct value remembers
  // the first target stating it (f1) and the first with another owner than f1 (f2), which
  // is all the search for the earliest conflicting statement needs. Comparing every pair
  // took minutes on a 64 MB input; this is linear in the targets times the distinct
  // values of one indicator, and stops at the first candidate in practice.
  struct first_statements {
    double value = 0;
    std::size_t f1 = 0;
    std::optional<std::size_t> f2;
  };
  struct group {
    std::vector<first_statements> firsts;  // in order of f1
    std::unordered_map<double, std::size_t> by_value;
  };
  using group_key = std::tuple<std::string, std::optional<int>, bool, std::string, int>;
  std::map<group_key, group> groups;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const auto& a = targets[i];
    if (a.indicator_key.empty()) continue;
    group& g = groups[group_key{a.indicator_key, a.year, a.periodic, a.base_unit, level(a.kind)}];
    std::optional<std::size_t> earliest;
    for (const auto& fs : g.firsts) {
      if (earliest && fs.f1 >= *earliest) break;  // later values cannot come earlier
      if (fs.value == a.normalized_value) continue;
      const bool owner_differs = a.owner.empty() || targets[fs.f1].owner != a.owner;
      const std::optional<std::size_t> candidate = owner_differs ? std::optional<std::size_t>(fs.f1) : fs.f2;
      if (candidate && (!earliest || *candidate < *earliest)) earliest = candidate;
    }
    if (const auto it = g.by_value.find(a.normalized_value); it == g.by_value.end()) {
      g.by_value.emplace(a.normalized_value, g.firsts.size());
      g.firsts.push_back({a.normalized_value, i, std::nullopt});
    } else if (auto& fs = g.firsts[it->second]; !fs.f2 && targets[fs.f1].owner != a.owner) {
      fs.f2 = i;
    }
    if (earliest) {
      const auto& b = targets[*earliest];
      const auto where = [&](const target& t) {
        if (!t.owner.empty()) return t.owner;
        const auto o = origin.find(t.where.begin);
        return o != origin.end() ? o->second : std::string("text outside goals and measures");
      };
      diagnostics.push_back(
          {doc.line_number_at(a.where.begin), a.where, "target.conflict",
           fmt::format("indicator {}{}: {}{} ({}) here, {}{} ({}) at byte {}; both are kept", a.indicator_key,
                       a.year ? fmt::format(" for {}", *a.year) : std::string(), a.value, a.unit, where(a), b.value,
                       b.unit, where(b), b.where.begin)});
    }
  }
}

}  // namespace

std::vector<target> detail::plan_targets(const text::document& doc, plan& p, const plan_content& content,
                                         const target_options& options) {
  const indicator_catalog& catalog = options.indicators != nullptr ? *options.indicators : indicator_catalog::builtin();
  const std::optional<int> default_year = options.year_from_title ? year_of_title(p.title) : std::nullopt;
  extractor x(doc, catalog, default_year);

  region_list tables, box_items, annexes, measures, goals, top_sections;
  for (std::size_t i = 0; i < content.tables.size(); ++i) tables.items.emplace_back(content.tables[i].where, i);
  std::vector<std::pair<std::size_t, std::size_t>> item_index;
  for (std::size_t b = 0; b < content.boxes.size(); ++b) {
    for (std::size_t k = 0; k < content.boxes[b].items.size(); ++k) {
      box_items.items.emplace_back(content.boxes[b].items[k].where, item_index.size());
      item_index.emplace_back(b, k);
    }
  }
  for (std::size_t i = 0; i < content.annexes.size(); ++i) annexes.items.emplace_back(content.annexes[i].where, i);
  for (std::size_t i = 0; i < content.measures.size(); ++i) measures.items.emplace_back(content.measures[i].where, i);
  for (std::size_t i = 0; i < content.goals.size(); ++i) goals.items.emplace_back(content.goals[i].where, i);
  for (std::size_t i = 0; i < content.sections.size(); ++i) {
    if (content.sections[i].depth == 0) top_sections.items.emplace_back(content.sections[i].extent, i);
  }
  for (auto* list : {&tables, &box_items, &annexes, &measures, &goals, &top_sections}) list->sort();

  // Background sections (发展基础, 工作回顾) state baselines and past achievements, not targets.
  const auto skipped_kind = [](section_kind k) {
    return k == section_kind::guiding_ideology || k == section_kind::principles || k == section_kind::background;
  };
  std::vector<std::vector<std::size_t>> annex_lines(content.annexes.size());
  unit_state state;
  std::vector<std::size_t> box_target_begin;  // targets from box items: checked against their measure
  enum context_kind { box_context, measure_context, goal_context, section_context, text_context, annex_context };
  for (std::size_t li = 0; li < doc.lines.size(); ++li) {
    const auto& l = doc.lines[li];
    if (l.blank || l.noise) continue;
    const std::uint64_t lb = l.source.begin, le = l.source.end;
    if (!p.body.empty() && lb < p.body.begin) continue;                                       // the cover notice
    if (!p.title_span.empty() && lb >= p.title_span.begin && lb < p.title_span.end) continue;  // the title
    if (tables.at(lb, le)) continue;
    const auto [b, e] = x.trimmed(l);
    if (const auto a = annexes.at(lb, le)) {
      annex_lines[*a].push_back(li);
      continue;
    }
    if (!p.body.empty() && lb >= p.body.end) continue;  // the signature, a web page's tail
    const auto top = top_sections.at(lb, le);
    int kind = text_context;
    std::size_t index = 0;
    line_owner owner;
    if (const auto bi = box_items.at(lb, le)) {
      const auto [bx, k] = item_index[*bi];
      const auto& item = content.boxes[bx].items[k];
      kind = box_context, index = *bi;
      if (item.restates) owner = {*item.restates, content.find_measure(*item.restates)};
    } else if (const auto m = measures.at(lb, le)) {
      kind = measure_context, index = *m;
      owner = {content.measures[*m].id, &content.measures[*m]};
    } else if (const auto g = goals.at(lb, le)) {
      const auto& gl = content.goals[*g];
      if (skipped_kind(gl.kind)) continue;
      // A year stated in a goal section holds for its later goals (经过三年努力，到2020年 …).
      kind = goal_context, index = top ? *top : *g;
      owner = {gl.id, nullptr};
    } else if (top) {
      if (skipped_kind(content.sections[*top].kind)) continue;
      kind = section_context, index = *top;
    }
    if (kind != state.kind || index != state.index) state = unit_state{kind, index, std::nullopt};
    // After a lead-in that announces conditions (符合下列要求的社会团体予以保留。), the rest
    // of the measure lists them: its figures (有50个以上的成员, 应有10万元以上资金) are
    // thresholds, not targets.
    if (state.conditions) continue;
    const std::size_t before = x.targets.size();
    x.scan_line(b, e, state, owner);
    if (kind == measure_context && detail::announces_conditions(std::string_view(doc.simplified).substr(b, e - b))) state.conditions = true;
    if (kind == box_context) {
      for (std::size_t t = before; t < x.targets.size(); ++t) box_target_begin.push_back(t);
    }
  }
  // A box item restating a measure repeats its targets: keep one.
  if (!box_target_begin.empty()) {
    // Only box targets are dropped, and only for a target outside boxes with the same
    // owner: index those by owner instead of comparing every pair (quadratic on large input).
    std::vector<bool> drop(x.targets.size(), false);
    std::vector<bool> in_box(x.targets.size(), false);
    for (const auto t : box_target_begin) in_box[t] = true;
    std::unordered_map<std::string_view, std::vector<std::size_t>> outside_by_owner;
    for (std::size_t o = 0; o < x.targets.size(); ++o) {
      if (!in_box[o] && !x.targets[o].owner.empty()) outside_by_owner[x.targets[o].owner].push_back(o);
    }
    for (const auto t : box_target_begin) {
      const auto& bt = x.targets[t];
      if (bt.owner.empty()) continue;
      const auto it = outside_by_owner.find(bt.owner);
      if (it == outside_by_owner.end()) continue;
      for (const std::size_t o : it->second) {
        if (same_statement(x.targets[o], bt)) {
          drop[t] = true;
          break;
        }
      }
    }
    std::vector<target> kept;
    for (std::size_t t = 0; t < x.targets.size(); ++t) {
      if (!drop[t]) kept.push_back(std::move(x.targets[t]));
    }
    x.targets = std::move(kept);
  }
  // Recognized tables.
  const int issued_year = p.issued ? p.issued->year : 0;
  for (const auto& t : content.tables) x.table_targets(t, p.first_listed_leads, issued_year);
  // Annexes: tables from their lines, the rest as prose.
  static const std::vector<std::string> header_words = [] {
    return plancmp::detail::builtin_json("outline.json").at("table_header_words").get<std::vector<std::string>>();
  }();
  const std::size_t before_annexes = x.targets.size();
  std::vector<bool> annex_prose(x.targets.size(), false);
  for (std::size_t a = 0; a < content.annexes.size(); ++a) {
    const auto& lines = annex_lines[a];
    const auto used = x.annex_table_targets(lines, header_words, content.annexes[a].id, p.diagnostics);
    annex_prose.resize(x.targets.size(), false);
    unit_state annex_state{annex_context, a, std::nullopt};
    for (std::size_t k = 0; k < lines.size(); ++k) {
      if (used[k]) continue;
      const auto [b, e] = x.trimmed(doc.lines[lines[k]]);
      x.scan_line(b, e, annex_state, line_owner{});
    }
    annex_prose.resize(x.targets.size(), true);
  }
  // An annex's prose that restates a target of the body (a schedule repeating 培育6家以上…
  // 运营机构) states no new target: same indicator, value, unit and comparator.
  if (x.targets.size() > before_annexes) {
    const auto same = [](const target& a, const target& b) {
      return !a.indicator_key.empty() && a.indicator_key == b.indicator_key && std::fabs(a.value - b.value) < 1e-9 && a.unit == b.unit &&
             a.kind == b.kind;
    };
    std::vector<target> kept(std::make_move_iterator(x.targets.begin()),
                             std::make_move_iterator(x.targets.begin() + static_cast<std::ptrdiff_t>(before_annexes)));
    for (std::size_t t = before_annexes; t < x.targets.size(); ++t) {
      if (annex_prose[t] && std::any_of(kept.begin(), kept.begin() + static_cast<std::ptrdiff_t>(before_annexes),
                                        [&](const target& b) { return same(x.targets[t], b); })) {
        continue;
      }
      kept.push_back(std::move(x.targets[t]));
    }
    x.targets = std::move(kept);
  }
  const auto by_position = [](const target& a, const target& b) { return a.where.begin < b.where.begin; };
  if (!std::is_sorted(x.targets.begin(), x.targets.end(), by_position)) {
    std::stable_sort(x.targets.begin(), x.targets.end(), by_position);
  }
  report_conflicts(doc, x.targets, p.diagnostics, x.origin);
  return std::move(x.targets);
}

void extract_targets(const text::document& doc, plan& p, const target_options& options) {
  plan_content content = p.content();
  content.targets = detail::plan_targets(doc, p, p.content(), options);
  p.set_content(std::move(content));
}

std::vector<target> find_targets(std::string_view text, const target_options& options) {
  const text::document doc = text::make_document(std::string(text), "<text>");
  const indicator_catalog& catalog = options.indicators != nullptr ? *options.indicators : indicator_catalog::builtin();
  extractor x(doc, catalog, std::nullopt);
  unit_state state;
  for (const auto& l : doc.lines) {
    if (l.blank) continue;
    const auto [b, e] = x.trimmed(l);
    x.scan_line(b, e, state, line_owner{});
  }
  return std::move(x.targets);
}

}  // namespace plancmp::inline v0::parse
