// SPDX-License-Identifier: MIT
#include <plancmp/analysis/agencies.hpp>
#include <plancmp/analysis/tagging.hpp>
#include <plancmp/data.hpp>
#include <plancmp/parse/clause.hpp>
#include <plancmp/text/detail/aho_corasick.hpp>
#include <plancmp/text/detail/utf8.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <unordered_set>

namespace plancmp::inline v0::analysis {

namespace {

using plancmp::detail::aho_corasick;

/// Title of a unit: up to its first 。 (or its first line break), when that is short.
std::size_t title_end_of(std::string_view text) {
  const std::size_t stop = std::min(text::detail::find(text, "。"), text.find('\n'));
  if (stop == std::string_view::npos) return 0;
  return text::detail::count_code_points(text.substr(0, stop)) <= 60 ? stop : 0;
}

std::string snippet(std::string_view text, std::size_t chars) {
  std::size_t pos = 0;
  for (std::size_t n = 0; n < chars && pos < text.size(); ++n) (void)text::detail::next_code_point(text, pos);
  std::string out(text.substr(0, pos));
  for (char& c : out) {
    if (c == '\n') c = ' ';
  }
  return pos < text.size() ? out + "…" : out;
}

}  // namespace

std::string_view to_string(unit_kind k) noexcept { return k == unit_kind::measure ? "measure" : "goal"; }

const theme_label* tagged_unit::find(std::size_t theme) const noexcept {
  for (const auto& l : labels) {
    if (l.theme == theme) return &l;
  }
  return nullptr;
}

std::optional<std::size_t> tagged_unit::primary(const coding_scheme& scheme, int depth) const {
  const theme_label* best = nullptr;
  for (const auto& l : labels) {
    if (scheme.themes.at(l.theme).depth != depth) continue;
    if (best == nullptr || l.score > best->score ||
        (l.score == best->score && !l.evidence.empty() && !best->evidence.empty() &&
         l.evidence.front().where.begin < best->evidence.front().where.begin)) {
      best = &l;
    }
  }
  if (best == nullptr) return std::nullopt;
  return best->theme;
}

struct tagger::impl {
  coding_scheme scheme;
  const text::word_tokenizer* words = nullptr;
  std::unordered_set<std::string> lexicon;  // domain compounds: their parts are real mentions
  std::unordered_set<std::string> names;    // proper names: nothing fires inside them
  aho_corasick automaton;
  // Pattern ids below keyword_count are keywords (flattened), the rest exclusion phrases.
  struct keyword_ref {
    std::size_t theme;
    double weight;
    bool need_begin;  // must start on a word boundary
    bool need_end;    // must end on a word boundary
    std::string_view phrase;
  };
  std::vector<keyword_ref> keywords;
  std::vector<std::size_t> exclusion_theme;

  void build() {
    std::vector<aho_corasick::pattern> patterns;
    for (std::size_t t = 0; t < scheme.themes.size(); ++t) {
      for (const keyword& k : scheme.themes[t].keywords) {
        auto b = k.boundary;
        if (b == keyword_boundary::automatic)
          b = text::detail::count_code_points(k.phrase) <= 2 ? keyword_boundary::word : keyword_boundary::any;
        const bool begin = b == keyword_boundary::word || b == keyword_boundary::prefix;
        const bool end = b == keyword_boundary::word || b == keyword_boundary::suffix;
        keywords.push_back({t, k.weight, begin, end, k.phrase});
      }
    }
    for (std::size_t i = 0; i < keywords.size(); ++i)
      patterns.push_back({keywords[i].phrase, static_cast<aho_corasick::pattern_id>(i)});
    for (std::size_t t = 0; t < scheme.themes.size(); ++t) {
      for (const std::string& x : scheme.themes[t].exclude) {
        patterns.push_back({x, static_cast<aho_corasick::pattern_id>(keywords.size() + exclusion_theme.size())});
        exclusion_theme.push_back(t);
      }
    }
    automaton = aho_corasick(std::span<const aho_corasick::pattern>(patterns));
  }

  struct hit {
    std::size_t begin, end, keyword;
  };

  std::vector<theme_label> tag(std::string_view text, std::size_t title_end) const {
    std::vector<hit> hits;
    std::vector<std::pair<aho_corasick::match, std::size_t>> vetoes;  // (range, theme)
    bool need_words = false;
    automaton.for_each_match(text, [&](const aho_corasick::match& m) {
      if (m.id < keywords.size()) {
        hits.push_back({m.begin, m.end, m.id});
        need_words = need_words || keywords[m.id].need_begin || keywords[m.id].need_end;
      } else {
        vetoes.emplace_back(m, exclusion_theme[m.id - keywords.size()]);
      }
    });
    if (hits.empty()) return {};

    // Word boundaries, only when some match needs them (the tokenizer is the costly part).
    std::vector<text::token> tokens;
    std::vector<std::size_t> bounds;
    if (need_words) {
      tokens = words->tokenize(text);
      bounds.reserve(tokens.size() * 2);
      for (const auto& t : tokens) {
        bounds.push_back(t.begin);
        bounds.push_back(t.end);
      }
      std::sort(bounds.begin(), bounds.end());
    }
    const auto on_bound = [&](std::size_t at) { return std::binary_search(bounds.begin(), bounds.end(), at); };
    // Inside a domain-lexicon term a part is a real mention (保护 in 司法保护); inside an
    // ordinary dictionary word (印度 in 印度尼西亚) it is not.
    const auto inside_lexicon_term = [&](const hit& h) {
      auto it = std::upper_bound(tokens.begin(), tokens.end(), h.begin,
                                 [](std::size_t b, const text::token& t) { return b < t.begin; });
      if (it == tokens.begin()) return false;
      --it;
      if (h.end > it->end) return false;
      const std::string word(text.substr(it->begin, it->end - it->begin));
      return lexicon.contains(word) && !names.contains(word);
    };

    std::vector<hit> kept;
    kept.reserve(hits.size());
    for (const hit& h : hits) {
      const keyword_ref& k = keywords[h.keyword];
      if ((k.need_begin && !on_bound(h.begin)) || (k.need_end && !on_bound(h.end))) {
        if (!inside_lexicon_term(h)) continue;
      }
      const bool vetoed = std::any_of(vetoes.begin(), vetoes.end(), [&](const auto& v) {
        return v.second == k.theme && v.first.begin <= h.begin && h.end <= v.first.end;
      });
      if (!vetoed) kept.push_back(h);
    }
    // Of nested matches of one theme only the longest counts.
    std::vector<bool> nested(kept.size(), false);
    for (std::size_t i = 0; i < kept.size(); ++i) {
      for (std::size_t j = 0; j < kept.size(); ++j) {
        if (i == j || keywords[kept[i].keyword].theme != keywords[kept[j].keyword].theme) continue;
        const bool inside = kept[j].begin <= kept[i].begin && kept[i].end <= kept[j].end;
        const bool longer = kept[j].end - kept[j].begin > kept[i].end - kept[i].begin;
        if (inside && (longer || j < i)) {
          nested[i] = true;
          break;
        }
      }
    }
    std::vector<double> score(scheme.themes.size(), 0.0);
    std::vector<std::vector<match_evidence>> found(scheme.themes.size());
    std::vector<hit> ordered;
    for (std::size_t i = 0; i < kept.size(); ++i) {
      if (!nested[i]) ordered.push_back(kept[i]);
    }
    std::sort(ordered.begin(), ordered.end(), [](const hit& a, const hit& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    for (const hit& h : ordered) {
      const keyword_ref& k = keywords[h.keyword];
      const bool in_title = h.begin < title_end;
      const double w = k.weight * (in_title ? scheme.title_weight : 1.0);
      match_evidence e{std::string(k.phrase), std::string(text.substr(h.begin, h.end - h.begin)), {h.begin, h.end}, in_title};
      // The theme and its ancestors.
      for (std::optional<std::size_t> t = k.theme; t; t = scheme.themes[*t].parent) {
        score[*t] += w;
        found[*t].push_back(e);
      }
    }
    std::vector<theme_label> labels;
    for (std::size_t t = 0; t < scheme.themes.size(); ++t) {
      if (score[t] + 1e-9 >= scheme.min_score) labels.push_back({t, score[t], std::move(found[t])});
    }
    return labels;
  }
};

tagger::tagger(coding_scheme scheme) : impl_(std::make_unique<impl>()) {
  impl_->scheme = std::move(scheme);
  impl_->words = &text::word_tokenizer::builtin();
  // The lexicon's "proper_names" group holds names (印度尼西亚); every other group holds
  // domain compounds (司法保护). The file was checked when the tokenizer loaded it.
  const auto lexicon = nlohmann::json::parse(builtin_data("lexicon.json"));
  for (const auto& group : lexicon.value("groups", nlohmann::json::array())) {
    auto& into = group.value("name", "") == "proper_names" ? impl_->names : impl_->lexicon;
    for (const auto& term : group.at("terms")) into.insert(term.get<std::string>());
  }
  for (const auto& term : lexicon.value("terms", nlohmann::json::array())) impl_->lexicon.insert(term.get<std::string>());
  for (const auto& name : impl_->names) impl_->lexicon.insert(name);
  impl_->build();
}

tagger::tagger(coding_scheme scheme, const text::word_tokenizer& words, std::vector<std::string> lexicon_terms,
               std::vector<std::string> proper_names)
    : impl_(std::make_unique<impl>()) {
  impl_->scheme = std::move(scheme);
  impl_->words = &words;
  for (auto& term : lexicon_terms) impl_->lexicon.insert(std::move(term));
  for (auto& name : proper_names) impl_->names.insert(std::move(name));
  impl_->build();
}

tagger::~tagger() = default;
tagger::tagger(tagger&&) noexcept = default;
tagger& tagger::operator=(tagger&&) noexcept = default;

const coding_scheme& tagger::scheme() const noexcept { return impl_->scheme; }

std::vector<theme_label> tagger::tag_text(std::string_view text, std::size_t title_end) const {
  return impl_->tag(text, title_end);
}

std::size_t simplified_offset_of(const text::document& doc, std::uint64_t byte) noexcept {
  const auto& lines = doc.lines;
  auto it = std::upper_bound(lines.begin(), lines.end(), byte,
                             [](std::uint64_t b, const text::line& l) { return b < l.source.begin; });
  if (it == lines.begin()) return lines.empty() ? 0 : lines.front().simplified_begin;
  const text::line& l = *(it - 1);
  if (byte >= l.source.end) return it == lines.end() ? doc.simplified.size() : l.simplified_end;
  // The first simplified offset of the line whose source reaches `byte`.
  std::size_t lo = l.simplified_begin;
  std::size_t hi = l.simplified_end;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (doc.simplified_to_original.to_source(mid) < byte) lo = mid + 1;
    else hi = mid;
  }
  while (lo < doc.simplified.size() && (static_cast<unsigned char>(doc.simplified[lo]) & 0xC0) == 0x80) ++lo;
  return lo;
}

plan_tagging tagger::tag(const plan& p, const text::document& doc) const {
  plan_tagging out;
  out.plan = plan_label(p);
  out.scheme = impl_->scheme.id;
  const auto tag_unit = [&](unit_kind kind, std::size_t index, const std::string& id, span where, bool has_clause) {
    tagged_unit u{kind, index, id, where, {}};
    const std::size_t b = simplified_offset_of(doc, where.begin);
    const std::size_t e = std::max(b, simplified_offset_of(doc, where.end));
    std::string_view text = std::string_view(doc.simplified).substr(b, e - b);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.remove_suffix(1);
    if (has_clause) {
      if (const auto loc = parse::find_clause(text)) text = text.substr(0, loc->begin);
    }
    const std::uint32_t line = doc.line_number_at(where.begin);
    if (text.empty()) {
      out.diagnostics.push_back({line, where, "tagging.no_text",
                                 fmt::format("{} {}: its text could not be located in the document", to_string(kind), id)});
    } else {
      u.labels = impl_->tag(text, title_end_of(text));
      for (auto& l : u.labels) {
        for (auto& ev : l.evidence) {
          const std::size_t eb = b + ev.where.begin;
          const std::size_t ee = b + ev.where.end;
          ev.where = doc.source_of_simplified(eb, ee);
          ev.printed = std::string(doc.printed_of_simplified(eb, ee));
        }
      }
      if (u.labels.empty()) {
        out.diagnostics.push_back(
            {line, where, "tagging.unlabelled",
             fmt::format("{} {}: no keyword of scheme '{}' reached the minimum score {} in \"{}\"", to_string(kind),
                         id, impl_->scheme.id, impl_->scheme.min_score, snippet(text, 40))});
      }
    }
    return u;
  };
  out.measures.reserve(p.measures.size());
  for (std::size_t i = 0; i < p.measures.size(); ++i)
    out.measures.push_back(tag_unit(unit_kind::measure, i, p.measures[i].id, p.measures[i].where, true));
  for (std::size_t i = 0; i < p.goals.size(); ++i)
    out.goals.push_back(tag_unit(unit_kind::goal, i, p.goals[i].id, p.goals[i].where, false));
  return out;
}

}  // namespace plancmp::inline v0::analysis
