// SPDX-License-Identifier: MIT
#include <plancmp/analysis/agencies.hpp>
#include <plancmp/analysis/diffusion.hpp>
#include <plancmp/analysis/reuse.hpp>
#include <plancmp/analysis/similarity.hpp>
#include <plancmp/analysis/vectorize.hpp>
#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/text/detail/utf8.hpp>
#include <plancmp/text/script.hpp>

#include "detail/measure_sequence.hpp"
#include <plancmp/detail/parallel.hpp>

#include <fmt/format.h>
#include "../detail/json.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace plancmp::inline v0::analysis {

// ---------------------------------------------------------------- kinds

namespace {
constexpr std::array<std::string_view, 3> grade_names = {"novel", "adapted", "copied"};
constexpr std::array<std::string_view, 7> relation_names = {
    "unknown",         "same place",          "from above",           "from below",
    "peer, same province", "peer, elsewhere", "peer, province unknown"};
}  // namespace

std::string_view to_string(borrowing_grade g) noexcept { return grade_names.at(static_cast<std::size_t>(g)); }

std::optional<borrowing_grade> parse_borrowing_grade(std::string_view name) noexcept {
  for (std::size_t i = 0; i < grade_names.size(); ++i)
    if (grade_names[i] == name) return static_cast<borrowing_grade>(i);
  return std::nullopt;
}

std::string_view to_string(diffusion_relation r) noexcept {
  return relation_names.at(static_cast<std::size_t>(r));
}

std::optional<diffusion_relation> parse_diffusion_relation(std::string_view name) noexcept {
  for (std::size_t i = 0; i < relation_names.size(); ++i)
    if (relation_names[i] == name) return static_cast<diffusion_relation>(i);
  return std::nullopt;
}

// ---------------------------------------------------------------- plan metadata

namespace {

std::string simplified(std::string_view s) { return text::simplifier::shared().convert(s).text; }

struct places {
  std::vector<std::string> provinces;
  std::vector<std::pair<std::string, std::string>> cities;  ///< city → province
};

const places& builtin_places() {
  static const places p = [] {
    const auto& j = plancmp::detail::builtin_json("places.json");
    places out;
    out.provinces = j.at("provinces").get<std::vector<std::string>>();
    for (const auto& [province, cities] : j.at("cities").items())
      for (const auto& city : cities) out.cities.emplace_back(city.get<std::string>(), province);
    return out;
  }();
  return p;
}

/// A place name without its level suffix (宁波市 → 宁波), for finding it in text.
std::string stem_of(const std::string& name) {
  for (const std::string_view suffix : {"自治区", "特别行政区", "省", "市", "区", "县"}) {
    if (name.size() > suffix.size() + 3 && name.ends_with(suffix)) return name.substr(0, name.size() - suffix.size());
  }
  return name;
}

int rank_of(level l) noexcept {
  switch (l) {
    case level::national: return 0;
    case level::province: return 1;
    case level::city: return 2;
    case level::district:
    case level::county: return 3;
    case level::unknown: break;
  }
  return -1;
}

}  // namespace

std::optional<int> plan_period_start(std::string_view title) {
  if (title.find("十三五") != std::string_view::npos) return 2016;
  if (title.find("十四五") != std::string_view::npos) return 2021;
  if (title.find("十五五") != std::string_view::npos) return 2026;
  // ASCII and full-width digits (０ = EF BC 90).
  std::vector<int> digits;
  auto flush = [&]() -> std::optional<int> {
    if (digits.size() == 4 && digits[0] == 2 && digits[1] == 0) return 2000 + digits[2] * 10 + digits[3];
    digits.clear();
    return std::nullopt;
  };
  for (std::size_t at = 0; at < title.size();) {
    const char32_t c = text::detail::next_code_point(title, at);
    if (c >= U'0' && c <= U'9') {
      digits.push_back(static_cast<int>(c - U'0'));
    } else if (c >= U'\uFF10' && c <= U'\uFF19') {
      digits.push_back(static_cast<int>(c - U'\uFF10'));
    } else if (const auto year = flush()) {
      return year;
    }
  }
  return flush();
}

std::string province_of(const jurisdiction& j) {
  const places& known = builtin_places();
  const std::string name = simplified(j.name);
  if (name.empty() && j.evidence.empty()) return {};
  for (const std::string& p : known.provinces)
    if (name == p || (!name.empty() && stem_of(p) == name)) return p;
  for (const auto& [city, province] : known.cities)
    if (name == city || name.starts_with(city) || (!name.empty() && stem_of(city) == name)) return province;
  // A district or county: its city in the name's evidence (武汉市江汉区人民政府办公室).
  if (j.admin_level == level::district || j.admin_level == level::county || j.admin_level == level::unknown) {
    const std::string evidence = simplified(j.evidence);
    for (const auto& [city, province] : known.cities)
      if (evidence.find(city) != std::string::npos) return province;
  }
  return {};
}

diffusion_plan diffusion_plan_of(const plan& p) {
  diffusion_plan d;
  d.label = plan_label(p);
  d.issued = p.issued;
  d.period_start = plan_period_start(simplified(p.title.empty() ? p.notice_title : p.title));
  d.place = p.issuing_jurisdiction;
  d.province = province_of(p.issuing_jurisdiction);
  return d;
}

bool precedes(const diffusion_plan& a, const diffusion_plan& b) noexcept {
  if (!a.issued || !b.issued) return false;
  const date& x = *a.issued;
  const date& y = *b.issued;
  if (x.year != y.year) return x.year < y.year;
  const bool months = x.month != 0 && y.month != 0;
  if (months && x.month != y.month) return x.month < y.month;
  const bool days = months && x.day != 0 && y.day != 0;
  if (days && x.day != y.day) return x.day < y.day;
  if (a.period_start && b.period_start && *a.period_start != *b.period_start)
    return *a.period_start < *b.period_start;
  return false;
}

diffusion_relation relation_between(const diffusion_plan& source, const diffusion_plan& target) {
  const std::string a = simplified(source.place.name);
  const std::string b = simplified(target.place.name);
  if (!a.empty() && a == b) return diffusion_relation::same_place;
  const int ra = rank_of(source.place.admin_level);
  const int rb = rank_of(target.place.admin_level);
  if (ra < 0 || rb < 0) return diffusion_relation::unknown;
  if (ra < rb) return diffusion_relation::from_above;
  if (ra > rb) return diffusion_relation::from_below;
  if (source.province.empty() || target.province.empty()) return diffusion_relation::peer_province_unknown;
  return source.province == target.province ? diffusion_relation::peer_same_province
                                            : diffusion_relation::peer_elsewhere;
}

// ---------------------------------------------------------------- attribution

namespace {

using detail::measure_sequence;

bool is_boilerplate(char32_t c) noexcept { return (c & boilerplate_bit) != 0; }
bool is_content(char32_t c) noexcept { return c != masked_character && !is_boilerplate(c); }
char32_t plain(char32_t c) noexcept { return c & ~boilerplate_bit; }

bool is_clause_end(char32_t c) noexcept {
  c = plain(c);
  return c == U'。' || c == U'；' || c == U';' || c == U'！' || c == U'？';
}
bool is_level_character(char32_t c) noexcept {
  c = plain(c);
  return c == U'省' || c == U'市' || c == U'区' || c == U'县' || c == U'州' || c == U'镇';
}
bool is_number_character(char32_t c) noexcept {
  c = plain(c);
  return (c >= U'0' && c <= U'9') || c == U'%' || c == U'.' || c == U'％';
}

/// Everything `attribute` needs about the corpus, whichever input it came from.
struct corpus {
  std::vector<measure_sequence> sequences;
  std::vector<std::uint32_t> plan_of;
  std::vector<std::uint32_t> index_in_plan;
  std::vector<std::string> ids;
  /// For passage texts and spans: document input (sources set) or the texts.
  std::span<const source_plan> sources;
  std::span<const measure_text> texts;
};

/// Marks runs of `length` characters that more than `share` of the (sampled) plans hold.
std::vector<std::string> mark_frequent_runs(corpus& c, std::size_t plans, const diffusion_options& o) {
  if (plans < std::max<std::size_t>(o.frequent_min_plans, 2) || o.frequent_share >= 1.0 ||
      o.frequent_sample == 0 || o.frequent_length == 0)
    return {};
  const std::size_t sample = std::min(plans, o.frequent_sample);
  std::vector<char> sampled(plans, 0);
  for (std::size_t s = 0; s < sample; ++s) sampled[s * plans / sample] = 1;
  std::vector<std::vector<std::uint64_t>> runs_of(plans);
  for (std::size_t m = 0; m < c.sequences.size(); ++m) {
    if (sampled[c.plan_of[m]] == 0) continue;
    const auto runs = detail::seeds_of(c.sequences[m], o.frequent_length);
    runs_of[c.plan_of[m]].insert(runs_of[c.plan_of[m]].end(), runs.begin(), runs.end());
  }
  std::vector<std::uint64_t> all;
  for (auto& runs : runs_of) {
    std::sort(runs.begin(), runs.end());
    runs.erase(std::unique(runs.begin(), runs.end()), runs.end());
    all.insert(all.end(), runs.begin(), runs.end());
    runs = {};
  }
  std::sort(all.begin(), all.end());
  const auto needed = static_cast<std::size_t>(o.frequent_share * static_cast<double>(sample));
  std::vector<std::uint64_t> frequent;
  for (std::size_t i = 0; i < all.size();) {
    std::size_t j = i;
    while (j < all.size() && all[j] == all[i]) ++j;
    if (j - i > needed) frequent.push_back(all[i]);
    i = j;
  }
  if (frequent.empty()) return {};
  std::set<std::string> phrases;
  for (measure_sequence& s : c.sequences) {
    std::vector<char> mark(s.characters.size(), 0);
    detail::for_each_clean_run(s, o.frequent_length, [&](std::size_t start, std::uint64_t h) {
      if (std::binary_search(frequent.begin(), frequent.end(), h))
        std::fill_n(mark.begin() + static_cast<std::ptrdiff_t>(start), o.frequent_length, 1);
    });
    for (std::size_t i = 0; i < mark.size();) {
      if (mark[i] == 0) {
        ++i;
        continue;
      }
      std::string phrase;
      for (; i < mark.size() && mark[i] != 0; ++i) {
        text::detail::append_utf8(phrase, s.characters[i]);
        s.characters[i] |= boilerplate_bit;
      }
      phrases.insert(std::move(phrase));
    }
  }
  return {phrases.begin(), phrases.end()};
}

/// The measure's content for the vectorizer: boilerplate becomes a space, so no n-gram
/// spans it.
std::string content_text(const measure_sequence& s) {
  std::string out;
  for (const char32_t c : s.characters) {
    if (is_content(c)) {
      text::detail::append_utf8(out, c);
    } else if (out.empty() || out.back() != ' ') {
      out += ' ';
    }
  }
  return out;
}

struct candidate_alignment {
  std::uint32_t source = 0;  ///< measure row
  std::vector<local_alignment> passages;
  std::size_t identical = 0;
  long long score = 0;
};

/// Localized names and clause changes between a measure and its source, inside and
/// around the passages (an LCS of each passage's two ranges finds the substitutions).
void describe_changes(const measure_sequence& a, const measure_sequence& b, const diffusion_plan& pa,
                      const diffusion_plan& pb, measure_attribution& out) {
  std::vector<std::u32string> stems;
  for (const std::string& name : {pa.place.name, pb.place.name}) {
    const std::string stem = stem_of(simplified(name));
    if (stem.empty()) continue;
    std::u32string u;
    for (std::size_t at = 0; at < stem.size();) u += text::detail::next_code_point(stem, at);
    stems.push_back(std::move(u));
  }
  auto names_place = [&](const std::u32string& s) {
    if (std::any_of(s.begin(), s.end(), is_level_character)) return true;
    return std::any_of(stems.begin(), stems.end(),
                       [&](const std::u32string& stem) { return s.find(stem) != std::u32string::npos; });
  };
  std::vector<char> covered_a(a.characters.size(), 0);
  std::vector<char> covered_b(b.characters.size(), 0);
  std::vector<char> matched_a(a.characters.size(), 0);
  std::set<std::string> localized;
  for (const borrowed_passage& p : out.passages) {
    const local_alignment& al = p.alignment;
    std::fill(covered_a.begin() + static_cast<std::ptrdiff_t>(al.a_begin),
              covered_a.begin() + static_cast<std::ptrdiff_t>(al.a_end), 1);
    std::fill(covered_b.begin() + static_cast<std::ptrdiff_t>(al.b_begin),
              covered_b.begin() + static_cast<std::ptrdiff_t>(al.b_end), 1);
    // The LCS runs over the passage widened by up to 8 characters each way, so that a name
    // substituted at the passage's edge (支持杭州市… → 支持宁波市…, where the alignment
    // starts after the name) is seen; a stretch at the widened edge counts only when it
    // reaches the start or end of both measures.
    constexpr std::size_t widen = 8;
    const std::size_t a0 = al.a_begin > widen ? al.a_begin - widen : 0;
    const std::size_t b0 = al.b_begin > widen ? al.b_begin - widen : 0;
    const std::size_t a1 = std::min(a.characters.size(), al.a_end + widen);
    const std::size_t b1 = std::min(b.characters.size(), al.b_end + widen);
    const std::size_t n = a1 - a0;
    const std::size_t m = b1 - b0;
    std::vector<std::uint16_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> std::uint16_t& { return lcs[i * (m + 1) + j]; };
    auto same = [&](std::size_t i, std::size_t j) {
      return a.characters[a0 + i] != masked_character && plain(a.characters[a0 + i]) == plain(b.characters[b0 + j]);
    };
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        at(i, j) = same(i, j) ? static_cast<std::uint16_t>(at(i + 1, j + 1) + 1) : std::max(at(i + 1, j), at(i, j + 1));
    // Walk the LCS; each stretch between two matched characters is a substitution.
    std::size_t i = 0;
    std::size_t j = 0;
    bool bounded = a0 == 0 && b0 == 0;  // a stretch before the first match counts only at both starts
    std::u32string gap_a;
    std::u32string gap_b;
    auto close_gap = [&](bool counts) {
      if (counts && !gap_a.empty() && !gap_b.empty() && gap_a.size() <= widen && gap_b.size() <= widen &&
          names_place(gap_a) && names_place(gap_b)) {
        std::string from;
        std::string to;
        for (const char32_t ch : gap_b) text::detail::append_utf8(from, plain(ch));
        for (const char32_t ch : gap_a) text::detail::append_utf8(to, plain(ch));
        if (localized.insert(from + "→" + to).second)
          out.localized_characters += static_cast<std::size_t>(
              std::count_if(gap_a.begin(), gap_a.end(), [](char32_t ch) { return is_content(ch); }));
      }
      gap_a.clear();
      gap_b.clear();
    };
    while (i < n || j < m) {
      if (i < n && j < m && same(i, j) && at(i, j) == at(i + 1, j + 1) + 1) {
        close_gap(bounded);
        bounded = true;
        matched_a[a0 + i] = 1;
        ++i;
        ++j;
      } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
        gap_b += b.characters[b0 + j++];
      } else {
        gap_a += a.characters[a0 + i++];
      }
    }
    close_gap(a1 == a.characters.size() && b1 == b.characters.size());
  }
  out.localized.assign(localized.begin(), localized.end());
  // Targets added: runs of digits in the measure holding a character the LCS left unmatched.
  for (std::size_t i = 0; i < a.characters.size();) {
    if (!is_number_character(a.characters[i]) || plain(a.characters[i]) == U'.') {
      ++i;
      continue;
    }
    bool changed = false;
    for (; i < a.characters.size() && is_number_character(a.characters[i]); ++i)
      changed = changed || matched_a[i] == 0;
    if (changed) ++out.added_targets;
  }
  // Clauses (sentences, ；-parts) of 8 or more characters (boilerplate excluded: a
  // stock sentence or a lone place name is no clause) with less than half inside a passage.
  auto count_uncovered = [](const measure_sequence& s, const std::vector<char>& covered) {
    std::size_t clauses = 0;
    std::size_t content = 0;
    std::size_t inside = 0;
    for (std::size_t i = 0; i <= s.characters.size(); ++i) {
      if (i == s.characters.size() || is_clause_end(s.characters[i])) {
        if (content >= 8 && inside * 2 < content) ++clauses;
        content = inside = 0;
        continue;
      }
      if (!is_content(s.characters[i])) continue;
      ++content;
      inside += covered[i] != 0 ? 1U : 0U;
    }
    return clauses;
  };
  out.dropped_clauses = count_uncovered(b, covered_b);
  out.added_clauses = count_uncovered(a, covered_a);
}

void summarize(diffusion_result& r);

diffusion_result attribute(std::vector<diffusion_plan> plans, corpus& c, const diffusion_options& o) {
  diffusion_result r;
  r.plans = std::move(plans);
  const std::size_t n = c.sequences.size();
  r.frequent_boilerplate = mark_frequent_runs(c, r.plans.size(), o);

  r.rows = o.rows.value_or(std::pair<std::size_t, std::size_t>{0, n});
  if (r.rows.first > r.rows.second || r.rows.second > n) {
    throw usage_error(fmt::format("attribute_measures: rows [{}, {}) are not a block of the {} measure rows",
                                  r.rows.first, r.rows.second, n));
  }
  const std::size_t row_begin = r.rows.first;
  const std::size_t row_end = r.rows.second;

  // Candidates: the pruned top-k over the content, restricted to earlier plans.
  std::vector<std::vector<std::uint32_t>> candidates(n);
  {
    std::vector<std::string> contents(n);
    for (std::size_t m = 0; m < n; ++m) contents[m] = content_text(c.sequences[m]);
    vectorize_options vo;
    vo.threads = o.threads;
    vectorizer v(vo);
    const csr_matrix x = v.fit_transform(contents);
    contents = {};
    similarity_options so;
    so.top_k = std::max<std::size_t>(1, o.top_k) * 3;
    so.threshold = o.min_cosine;
    so.query_plans = c.plan_of;
    so.exclude_same_plan = true;
    so.threads = o.threads;
    top_k_result found;
    if (row_begin == 0 && row_end == n) {
      found = top_k_similar_pruned(x, so);
    } else {
      // A block of query rows against the whole corpus: the same matches as the full run.
      csr_matrix block;
      block.columns = x.columns;
      for (std::size_t q = row_begin; q < row_end; ++q) block.push_row(x.row_columns(q), x.row_values(q));
      so.query_row_offset = row_begin;
      found = top_k_similar_pruned(block, x, so);
    }
    for (std::size_t q = row_begin; q < row_end; ++q) {
      for (const match& m : found.of(q - row_begin)) {
        if (candidates[q].size() >= o.top_k) break;
        if (precedes(r.plans[c.plan_of[m.candidate]], r.plans[c.plan_of[q]])) candidates[q].push_back(m.candidate);
      }
    }
  }

  r.attributions.resize(n);
  std::vector<std::size_t> aligned(n, 0);
  const int min_score = std::max(1, static_cast<int>(o.min_length) * o.scoring.match / 2);
  // A quotation (one sentence taken whole, the measure otherwise different) is weak
  // evidence: in a large corpus two plans often say one sentence alike because both took
  // it from a common text outside the corpus (a central document, a common formula). So a
  // quotation counts only when its text is rare in the corpus: its character 8-grams are
  // held (median over the passage) by at most `quotation_max_plans` plans. The first pass
  // accepts every quotation and notes the measures that relied on one and the 8-grams
  // quoted; those measures are attributed again once the 8-grams' plan counts are known.
  constexpr std::size_t quotation_run = 8;
  std::vector<char> quoted(n, 0);
  std::vector<std::vector<std::uint64_t>> quoted_runs(n);
  std::unordered_map<std::uint64_t, std::uint32_t> run_plans;  // 8-gram → plans holding it
  auto runs_of = [&](const measure_sequence& a, const local_alignment& al) {
    std::vector<std::uint64_t> runs;
    detail::for_each_clean_run(a, quotation_run, [&](std::size_t start, std::uint64_t h) {
      if (start >= al.a_begin && start + quotation_run <= al.a_end) runs.push_back(h);
    });
    return runs;
  };
  auto common = [&](const measure_sequence& a, const local_alignment& al) {
    std::vector<std::uint32_t> counts;
    for (const std::uint64_t h : runs_of(a, al)) {
      const auto it = run_plans.find(h);
      counts.push_back(it == run_plans.end() ? 0U : it->second);
    }
    if (counts.empty()) return false;
    const auto middle = counts.begin() + static_cast<std::ptrdiff_t>(counts.size() / 2);
    std::nth_element(counts.begin(), middle, counts.end());
    return *middle > o.quotation_max_plans;
  };
  auto attribute_one = [&](std::size_t q, bool second_pass) {
    const measure_sequence& a = c.sequences[q];
    measure_attribution& out = r.attributions[q];
    out.plan = c.plan_of[q];
    out.measure = c.index_in_plan[q];
    out.id = c.ids[q];
    out.characters = static_cast<std::size_t>(std::count_if(a.characters.begin(), a.characters.end(), is_content));
    std::optional<candidate_alignment> best;
    for (const std::uint32_t s : candidates[q]) {
      const measure_sequence& b = c.sequences[s];
      ++aligned[q];
      const local_alignment first = best_local_alignment(a.characters, b.characters, o.scoring);
      if (first.matches < o.min_length) continue;
      candidate_alignment cand;
      cand.source = s;
      for (const local_alignment& al : local_alignments(a.characters, b.characters, min_score, o.scoring)) {
        if (al.matches < o.min_length || al.identity() < o.min_identity) continue;
        cand.identical += al.matches;
        cand.score += al.score;
        cand.passages.push_back(al);
      }
      if (cand.passages.empty()) continue;
      const double coverage =
          out.characters == 0 ? 0.0 : static_cast<double>(cand.identical) / static_cast<double>(out.characters);
      if (coverage < o.min_coverage) {
        bool quotation = false;
        for (const local_alignment& al : cand.passages) {
          // Identity of the content alone: boilerplate inside a passage makes no quotation.
          const std::size_t columns = al.matches + al.mismatches + al.gaps;
          if (columns == 0 || static_cast<double>(al.matches) < o.quotation_identity * static_cast<double>(columns))
            continue;
          if (!second_pass) {
            quoted[q] = 1;
            const auto runs = runs_of(a, al);
            quoted_runs[q].insert(quoted_runs[q].end(), runs.begin(), runs.end());
            quotation = true;
          } else if (!common(a, al)) {
            quotation = true;
          }
        }
        if (!quotation) continue;
      }
      ++out.plausible_sources;
      auto key = [&](const candidate_alignment& x) {
        // More identical characters, then a higher score.
        return std::make_tuple(x.identical, x.score);
      };
      bool better = !best || key(cand) > key(*best);
      if (best && key(cand) == key(*best)) {
        // Equal evidence (in practice: the same text in several earlier plans, an exact
        // copy and its original): the nearest earlier plan, the likelier immediate source
        // along a chain of copies; plausible_sources tells there were more.
        const diffusion_plan& pc = r.plans[c.plan_of[cand.source]];
        const diffusion_plan& pb = r.plans[c.plan_of[best->source]];
        better = precedes(pb, pc) ||
                 (!precedes(pc, pb) && std::tie(c.plan_of[cand.source], cand.source) <
                                           std::tie(c.plan_of[best->source], best->source));
      }
      if (better) best = std::move(cand);
    }
    if (!best) return;
    const std::uint32_t s = best->source;
    const measure_sequence& b = c.sequences[s];
    out.source_plan = c.plan_of[s];
    out.source_measure = c.index_in_plan[s];
    out.source_id = c.ids[s];
    out.relation = relation_between(r.plans[c.plan_of[s]], r.plans[out.plan]);
    out.identical = best->identical;
    std::sort(best->passages.begin(), best->passages.end(),
              [](const local_alignment& x, const local_alignment& y) { return x.a_begin < y.a_begin; });
    for (const local_alignment& al : best->passages) {
      borrowed_passage p;
      p.alignment = al;
      const std::size_t ab = a.begins[al.a_begin];
      const std::size_t ae = a.ends[al.a_end - 1];
      const std::size_t bb = b.begins[al.b_begin];
      const std::size_t be = b.ends[al.b_end - 1];
      if (!c.sources.empty()) {
        const text::document& da = c.sources[out.plan].document();
        const text::document& db = c.sources[*out.source_plan].document();
        p.where = da.source_of_simplified(ab, ae);
        p.source_where = db.source_of_simplified(bb, be);
        p.text = std::string(da.printed_of_simplified(ab, ae));
        p.source_text = std::string(db.printed_of_simplified(bb, be));
      } else {
        p.text = c.texts[q].text.substr(ab, ae - ab);
        p.source_text = c.texts[s].text.substr(bb, be - bb);
      }
      out.passages.push_back(std::move(p));
    }
    describe_changes(a, b, r.plans[out.plan], r.plans[*out.source_plan], out);
    const double kept = static_cast<double>(std::min(out.characters, out.identical + out.localized_characters));
    out.coverage = out.characters == 0 ? 0.0 : static_cast<double>(out.identical) / static_cast<double>(out.characters);
    out.reinvention = out.characters == 0 ? 0.0 : 1.0 - kept / static_cast<double>(out.characters);
    const bool whole = out.characters != 0 && kept / static_cast<double>(out.characters) >= o.copied_coverage;
    out.grade = whole && out.dropped_clauses == 0 && out.added_clauses == 0 ? borrowing_grade::copied
                                                                             : borrowing_grade::adapted;
  };
  plancmp::detail::for_each_block(n, 64, o.threads, [&](std::size_t begin, std::size_t end, unsigned) {
    for (std::size_t q = begin; q < end; ++q) {
      if (q >= row_begin && q < row_end) {
        attribute_one(q, false);
      } else {  // outside the rows asked for: left novel
        measure_attribution& out = r.attributions[q];
        out.plan = c.plan_of[q];
        out.measure = c.index_in_plan[q];
        out.id = c.ids[q];
        out.characters = static_cast<std::size_t>(
            std::count_if(c.sequences[q].characters.begin(), c.sequences[q].characters.end(), is_content));
      }
    }
  });
  if (o.quotation_max_plans != 0 && std::any_of(quoted.begin(), quoted.end(), [](char x) { return x != 0; })) {
    for (const auto& runs : quoted_runs)
      for (const std::uint64_t h : runs) run_plans.emplace(h, 0U);
    quoted_runs = {};
    std::vector<std::uint64_t> seen;  // runs already counted for the current plan
    for (std::size_t m = 0; m < n; ++m) {
      if (m == 0 || c.plan_of[m] != c.plan_of[m - 1]) seen.clear();
      detail::for_each_clean_run(c.sequences[m], quotation_run, [&](std::size_t, std::uint64_t h) {
        const auto it = run_plans.find(h);
        if (it == run_plans.end() || std::find(seen.begin(), seen.end(), h) != seen.end()) return;
        seen.push_back(h);
        ++it->second;
      });
    }
    std::vector<std::size_t> again;
    for (std::size_t q = 0; q < n; ++q)
      if (quoted[q] != 0) again.push_back(q);
    plancmp::detail::for_each_block(again.size(), 16, o.threads, [&](std::size_t begin, std::size_t end, unsigned) {
      for (std::size_t k = begin; k < end; ++k) {
        r.attributions[again[k]] = {};
        aligned[again[k]] = 0;
        attribute_one(again[k], true);
      }
    });
  }
  for (const std::size_t k : aligned) r.candidate_pairs += k;
  summarize(r);
  return r;
}

/// Edges and per-plan figures from the attributions.
void summarize(diffusion_result& r) {
  r.edges.clear();
  r.per_plan.assign(r.plans.size(), {});
  std::map<std::pair<std::uint32_t, std::uint32_t>, diffusion_edge> edges;
  std::vector<std::set<std::uint32_t>> borrowers(r.plans.size());
  for (const measure_attribution& a : r.attributions) {
    plan_diffusion& pd = r.per_plan[a.plan];
    ++pd.measures;
    switch (a.grade) {
      case borrowing_grade::novel: ++pd.novel; break;
      case borrowing_grade::adapted: ++pd.adapted; break;
      case borrowing_grade::copied: ++pd.copied; break;
    }
    if (!a.source_plan) continue;
    diffusion_edge& e = edges[{*a.source_plan, a.plan}];
    e.source = *a.source_plan;
    e.target = a.plan;
    e.relation = a.relation;
    ++(a.grade == borrowing_grade::copied ? e.copied : e.adapted);
    ++r.per_plan[*a.source_plan].influence;
    borrowers[*a.source_plan].insert(a.plan);
  }
  for (std::size_t p = 0; p < r.plans.size(); ++p) {
    plan_diffusion& pd = r.per_plan[p];
    pd.borrowers = borrowers[p].size();
    if (r.plans[p].issued && pd.measures != 0)
      pd.originality = static_cast<double>(pd.novel) / static_cast<double>(pd.measures);
  }
  for (auto& [key, e] : edges) r.edges.push_back(e);
}

std::vector<std::string> phrases_of(const diffusion_options& o) {
  std::vector<std::string> phrases = o.boilerplate;
  if (o.builtin_boilerplate) {
    const auto& builtin = builtin_boilerplate();
    phrases.insert(phrases.end(), builtin.begin(), builtin.end());
  }
  std::stable_sort(phrases.begin(), phrases.end(),
                   [](const std::string& x, const std::string& y) { return x.size() > y.size(); });
  return phrases;
}

}  // namespace

diffusion_result attribute_measures(std::span<const source_plan> sources, const diffusion_options& options) {
  const std::vector<std::string> phrases = phrases_of(options);
  corpus c;
  c.sources = sources;
  std::vector<diffusion_plan> meta;
  std::vector<std::string> files;
  for (std::size_t p = 0; p < sources.size(); ++p) {
    const plan& pl = sources[p].plan();
    meta.push_back(diffusion_plan_of(pl));
    files.push_back(pl.source.path);
    for (std::size_t m = 0; m < pl.measures().size(); ++m) {
      c.sequences.push_back(detail::sequence_of(sources[p].document(), pl.measures()[m], phrases, options.mask_clauses));
      c.plan_of.push_back(static_cast<std::uint32_t>(p));
      c.index_in_plan.push_back(static_cast<std::uint32_t>(m));
      c.ids.push_back(pl.measures()[m].id);
    }
  }
  diffusion_result r = attribute(std::move(meta), c, options);
  r.files = std::move(files);
  return r;
}

diffusion_result attribute_measures(std::span<const diffusion_plan> plans, std::span<const measure_text> measures,
                                    const diffusion_options& options) {
  const std::vector<std::string> phrases = phrases_of(options);
  corpus c;
  c.texts = measures;
  std::uint32_t previous = 0;
  std::uint32_t index = 0;
  for (const measure_text& m : measures) {
    if (m.plan >= plans.size() || m.plan < previous) {
      throw usage_error(fmt::format("attribute_measures: measure '{}' names plan {} of {}; measures must be "
                                    "sorted by plan and name plans that exist",
                                    m.id, m.plan, plans.size()));
    }
    index = m.plan == previous && !c.plan_of.empty() ? index + 1 : 0;
    previous = m.plan;
    measure_sequence s;
    for (std::size_t at = 0; at < m.text.size();) {
      const std::size_t start = at;
      const char32_t ch = text::detail::next_code_point(m.text, at);
      if (detail::is_space(ch)) continue;
      s.characters.push_back(ch == text::detail::invalid_code_point ? masked_character : ch);
      s.begins.push_back(start);
      s.ends.push_back(at);
    }
    for (const std::string& phrase : phrases) {
      if (phrase.empty()) continue;
      for (std::size_t at = m.text.find(phrase); at != std::string::npos; at = m.text.find(phrase, at + phrase.size())) {
        const auto first = std::lower_bound(s.begins.begin(), s.begins.end(), at) - s.begins.begin();
        for (auto k = static_cast<std::size_t>(first); k < s.begins.size() && s.ends[k] <= at + phrase.size(); ++k)
          if (s.characters[k] != masked_character) s.characters[k] |= boilerplate_bit;
      }
    }
    c.sequences.push_back(std::move(s));
    c.plan_of.push_back(m.plan);
    c.index_in_plan.push_back(index);
    c.ids.push_back(m.id);
  }
  return attribute({plans.begin(), plans.end()}, c, options);
}

diffusion_result merge_diffusion(std::span<const diffusion_result> parts) {
  if (parts.empty()) throw usage_error("merge_diffusion: no parts to merge");
  std::vector<const diffusion_result*> ordered;
  for (const diffusion_result& p : parts) ordered.push_back(&p);
  std::sort(ordered.begin(), ordered.end(), [](const auto* x, const auto* y) { return x->rows < y->rows; });
  const std::size_t n = ordered.front()->attributions.size();
  std::size_t next = 0;
  for (const diffusion_result* p : ordered) {
    if (p->attributions.size() != n || p->plans != ordered.front()->plans || p->rows.first != next ||
        p->rows.second < p->rows.first) {
      throw usage_error(fmt::format("merge_diffusion: the parts' rows do not tile the {} measure rows of one corpus "
                                    "(a part has rows [{}, {}) where row {} was expected next)",
                                    n, p->rows.first, p->rows.second, next));
    }
    next = p->rows.second;
  }
  if (next != n)
    throw usage_error(fmt::format("merge_diffusion: the parts cover rows [0, {}) of {}; every row must be attributed", next, n));
  diffusion_result r;
  r.plans = ordered.front()->plans;
  r.files = ordered.front()->files;
  r.frequent_boilerplate = ordered.front()->frequent_boilerplate;
  r.rows = {0, n};
  r.attributions.reserve(n);
  for (const diffusion_result* p : ordered) {
    r.attributions.insert(r.attributions.end(), p->attributions.begin() + static_cast<std::ptrdiff_t>(p->rows.first),
                          p->attributions.begin() + static_cast<std::ptrdiff_t>(p->rows.second));
    r.candidate_pairs += p->candidate_pairs;
  }
  summarize(r);
  return r;
}

// ---------------------------------------------------------------- corpus views

std::vector<theme_adoption> adoption_timelines(const diffusion_result& d, std::span<const plan_tagging> taggings,
                                               const coding_scheme& scheme) {
  if (taggings.size() != d.plans.size()) {
    throw usage_error(fmt::format("adoption_timelines: {} taggings for {} plans; tag every plan of the result",
                                  taggings.size(), d.plans.size()));
  }
  // attribution index of (plan, measure)
  std::map<std::pair<std::uint32_t, std::uint32_t>, const measure_attribution*> attribution_of;
  for (const measure_attribution& a : d.attributions) attribution_of[{a.plan, a.measure}] = &a;
  std::vector<theme_adoption> out;
  for (std::size_t t = 0; t < scheme.themes.size(); ++t) {
    theme_adoption ta;
    ta.theme = scheme.themes[t].id;
    ta.label = scheme.themes[t].zh.empty() ? scheme.themes[t].en : scheme.themes[t].zh + " " + scheme.themes[t].en;
    for (std::size_t p = 0; p < d.plans.size(); ++p) {
      if (!d.plans[p].issued) continue;
      theme_adoption::adopter ad;
      ad.plan = static_cast<std::uint32_t>(p);
      ad.issued = *d.plans[p].issued;
      for (std::size_t m = 0; m < taggings[p].measures.size(); ++m) {
        const auto& labels = taggings[p].measures[m].labels;
        if (std::none_of(labels.begin(), labels.end(), [&](const theme_label& l) { return l.theme == t; })) continue;
        ++ad.measures;
        const auto it = attribution_of.find({static_cast<std::uint32_t>(p), static_cast<std::uint32_t>(m)});
        if (it != attribution_of.end() && it->second->source_plan) ++ad.borrowed;
      }
      if (ad.measures != 0) ta.adopters.push_back(ad);
    }
    std::stable_sort(ta.adopters.begin(), ta.adopters.end(),
                     [](const auto& x, const auto& y) { return x.issued < y.issued; });
    if (!ta.adopters.empty()) {
      const int first = ta.adopters.front().issued.year;
      const int last = ta.adopters.back().issued.year;
      ta.first_adopters = static_cast<std::size_t>(std::count_if(
          ta.adopters.begin(), ta.adopters.end(), [&](const auto& a) { return a.issued.year == first; }));
      std::size_t cumulative = 0;
      std::size_t next = 0;
      for (int year = first; year <= last; ++year) {
        while (next < ta.adopters.size() && ta.adopters[next].issued.year == year) {
          ++cumulative;
          ++next;
        }
        ta.curve.emplace_back(year, cumulative);
      }
    }
    out.push_back(std::move(ta));
  }
  return out;
}

std::vector<theme_adoption> adoption_timelines(const diffusion_result& d, std::span<const source_plan> plans,
                                               const coding_scheme& scheme) {
  const tagger t(scheme);
  std::vector<plan_tagging> taggings;
  taggings.reserve(plans.size());
  for (const source_plan& s : plans) taggings.push_back(t.tag(s.plan(), s.document()));
  return adoption_timelines(d, taggings, scheme);
}

namespace {

std::string xml_escape(std::string_view s) {
  std::string out;
  for (const char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += ch;
    }
  }
  return out;
}

std::string date_text(const std::optional<date>& d) { return d ? d->to_string() : std::string(); }

std::string originality_text(const plan_diffusion& p) {
  return p.originality ? fmt::format("{:.3f}", *p.originality) : std::string();
}

}  // namespace

std::string to_graphml(const diffusion_result& d) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
      "  <key id=\"level\" for=\"node\" attr.name=\"level\" attr.type=\"string\"/>\n"
      "  <key id=\"place\" for=\"node\" attr.name=\"place\" attr.type=\"string\"/>\n"
      "  <key id=\"province\" for=\"node\" attr.name=\"province\" attr.type=\"string\"/>\n"
      "  <key id=\"issued\" for=\"node\" attr.name=\"issued\" attr.type=\"string\"/>\n"
      "  <key id=\"measures\" for=\"node\" attr.name=\"measures\" attr.type=\"int\"/>\n"
      "  <key id=\"originality\" for=\"node\" attr.name=\"originality\" attr.type=\"string\"/>\n"
      "  <key id=\"influence\" for=\"node\" attr.name=\"influence\" attr.type=\"int\"/>\n"
      "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n"
      "  <key id=\"copied\" for=\"edge\" attr.name=\"copied\" attr.type=\"int\"/>\n"
      "  <key id=\"adapted\" for=\"edge\" attr.name=\"adapted\" attr.type=\"int\"/>\n"
      "  <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
      "  <graph id=\"diffusion\" edgedefault=\"directed\">\n";
  for (std::size_t p = 0; p < d.plans.size(); ++p) {
    const diffusion_plan& dp = d.plans[p];
    const plan_diffusion& pd = d.per_plan[p];
    out += fmt::format(
        "    <node id=\"p{}\"><data key=\"label\">{}</data><data key=\"level\">{}</data>"
        "<data key=\"place\">{}</data><data key=\"province\">{}</data><data key=\"issued\">{}</data>"
        "<data key=\"measures\">{}</data><data key=\"originality\">{}</data><data key=\"influence\">{}</data></node>\n",
        p, xml_escape(dp.label), to_string(dp.place.admin_level), xml_escape(dp.place.name), xml_escape(dp.province),
        date_text(dp.issued), pd.measures, originality_text(pd), pd.influence);
  }
  for (std::size_t k = 0; k < d.edges.size(); ++k) {
    const diffusion_edge& e = d.edges[k];
    out += fmt::format(
        "    <edge id=\"e{}\" source=\"p{}\" target=\"p{}\"><data key=\"weight\">{}</data>"
        "<data key=\"copied\">{}</data><data key=\"adapted\">{}</data><data key=\"relation\">{}</data></edge>\n",
        k, e.source, e.target, e.measures(), e.copied, e.adapted, to_string(e.relation));
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

std::string to_gexf(const diffusion_result& d) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
      "  <meta><creator>plancmp</creator><description>plan diffusion network: edges weighted by borrowed "
      "measures</description></meta>\n"
      "  <graph mode=\"static\" defaultedgetype=\"directed\">\n"
      "    <attributes class=\"node\">\n"
      "      <attribute id=\"0\" title=\"level\" type=\"string\"/>\n"
      "      <attribute id=\"1\" title=\"place\" type=\"string\"/>\n"
      "      <attribute id=\"2\" title=\"province\" type=\"string\"/>\n"
      "      <attribute id=\"3\" title=\"issued\" type=\"string\"/>\n"
      "      <attribute id=\"4\" title=\"measures\" type=\"integer\"/>\n"
      "      <attribute id=\"5\" title=\"originality\" type=\"string\"/>\n"
      "      <attribute id=\"6\" title=\"influence\" type=\"integer\"/>\n"
      "    </attributes>\n"
      "    <attributes class=\"edge\">\n"
      "      <attribute id=\"0\" title=\"copied\" type=\"integer\"/>\n"
      "      <attribute id=\"1\" title=\"adapted\" type=\"integer\"/>\n"
      "      <attribute id=\"2\" title=\"relation\" type=\"string\"/>\n"
      "    </attributes>\n"
      "    <nodes>\n";
  for (std::size_t p = 0; p < d.plans.size(); ++p) {
    const diffusion_plan& dp = d.plans[p];
    const plan_diffusion& pd = d.per_plan[p];
    out += fmt::format(
        "      <node id=\"p{}\" label=\"{}\"><attvalues><attvalue for=\"0\" value=\"{}\"/>"
        "<attvalue for=\"1\" value=\"{}\"/><attvalue for=\"2\" value=\"{}\"/><attvalue for=\"3\" value=\"{}\"/>"
        "<attvalue for=\"4\" value=\"{}\"/><attvalue for=\"5\" value=\"{}\"/><attvalue for=\"6\" value=\"{}\"/>"
        "</attvalues></node>\n",
        p, xml_escape(dp.label), to_string(dp.place.admin_level), xml_escape(dp.place.name), xml_escape(dp.province),
        date_text(dp.issued), pd.measures, originality_text(pd), pd.influence);
  }
  out += "    </nodes>\n    <edges>\n";
  for (std::size_t k = 0; k < d.edges.size(); ++k) {
    const diffusion_edge& e = d.edges[k];
    out += fmt::format(
        "      <edge id=\"e{}\" source=\"p{}\" target=\"p{}\" weight=\"{}\"><attvalues>"
        "<attvalue for=\"0\" value=\"{}\"/><attvalue for=\"1\" value=\"{}\"/><attvalue for=\"2\" value=\"{}\"/>"
        "</attvalues></edge>\n",
        k, e.source, e.target, e.measures(), e.copied, e.adapted, to_string(e.relation));
  }
  out += "    </edges>\n  </graph>\n</gexf>\n";
  return out;
}

std::string to_dot(const diffusion_result& d) {
  auto quoted = [](std::string_view s) {
    std::string out = "\"";
    for (const char ch : s) {
      if (ch == '"') out += '\\';  // labels carry DOT's own \n line breaks: no other escape
      out += ch;
    }
    return out + "\"";
  };
  std::vector<char> linked(d.plans.size(), 0);
  for (const diffusion_edge& e : d.edges) linked[e.source] = linked[e.target] = 1;
  std::string out = "digraph diffusion {\n  rankdir=LR;\n  node [shape=box, fontname=\"Noto Sans CJK SC\"];\n";
  for (std::size_t p = 0; p < d.plans.size(); ++p) {
    if (linked[p] == 0) continue;
    const diffusion_plan& dp = d.plans[p];
    out += fmt::format("  p{} [label={}];\n", p,
                       quoted(dp.label + "\\n" + std::string(to_string(dp.place.admin_level)) +
                              (dp.issued ? ", " + dp.issued->to_string() : std::string())));
  }
  for (const diffusion_edge& e : d.edges)
    out += fmt::format("  p{} -> p{} [label={}, penwidth={}];\n", e.source, e.target,
                       quoted(fmt::format("{} ({})", e.measures(), to_string(e.relation))),
                       1 + std::min<std::size_t>(e.measures(), 8) / 2);
  out += "}\n";
  return out;
}

// ---------------------------------------------------------------- tables

}  // namespace plancmp::inline v0::analysis
