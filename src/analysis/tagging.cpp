// SPDX-License-Identifier: MIT
#include <plancmp/analysis/agencies.hpp>
#include <plancmp/analysis/tagging.hpp>
#include <plancmp/data.hpp>
#include <plancmp/model/agency_ontology.hpp>
#include <plancmp/parse/clause.hpp>
#include <plancmp/text/detail/aho_corasick.hpp>
#include <plancmp/text/detail/utf8.hpp>
#include <plancmp/text/script.hpp>
#include <plancmp/error.hpp>

#include <fmt/format.h>
#include "../detail/json.hpp"

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

/// Byte length of the separator (punctuation, space, line break) at `i`, 0 for a word
/// character: ASCII other than letters and digits, CJK symbols and punctuation (U+3000–303F:
/// 、。《》【】〔〕), general punctuation (U+2000–206F: “”‘’—…), full-width punctuation
/// (U+FF00–FF65 other than letters and digits) and the middle dot; not the point or comma
/// inside a number.
std::size_t separator_length(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  const auto digit = [&](std::size_t k) { return k < text.size() && text[k] >= '0' && text[k] <= '9'; };
  if (c < 0x80) {
    const bool word = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    // 3.85 and 36,000 are one word.
    const bool in_number = (c == '.' || c == ',') && i > 0 && digit(i - 1) && digit(i + 1);
    return word || in_number ? 0 : 1;
  }
  if (i + 1 >= text.size()) return 0;
  const auto c1 = static_cast<unsigned char>(text[i + 1]);
  if (c == 0xC2) return c1 == 0xB7 ? 2 : 0;
  if (i + 2 >= text.size()) return 0;
  const auto c2 = static_cast<unsigned char>(text[i + 2]);
  if (c == 0xE3) return c1 == 0x80 ? 3 : 0;
  if (c == 0xE2) return c1 == 0x80 || c1 == 0x81 ? 3 : 0;
  if (c == 0xEF && c1 == 0xBC) return (c2 >= 0x90 && c2 <= 0x99) || (c2 >= 0xA1 && c2 <= 0xBA) ? 0 : 3;
  if (c == 0xEF && c1 == 0xBD) return (c2 >= 0x81 && c2 <= 0x9A) || c2 > 0xA5 ? 0 : 3;
  return 0;
}

/// Word boundaries of a unit's text from the word tokenizer, computed clause by clause
/// (between punctuation marks) only where a match asks, and shared by all schemes tagging
/// the unit. Clause by clause is exact for plan text (tests/analysis/test_tagging.cpp checks
/// every content line of the seeds): lexicon terms hold no punctuation and ICU breaks at
/// punctuation, except inside numbers (3.85) — kept whole here too — and addresses.
class word_oracle {
 public:
  word_oracle(std::string_view text, const text::word_tokenizer& words) : text_(text), words_(words) {}

  /// Whether `[begin, end)` (a match inside one clause) starts / ends on a word boundary.
  /// Where the clause edge decides, no tokenizing is needed.
  std::pair<bool, bool> boundaries(std::size_t begin, std::size_t end, bool need_begin, bool need_end) {
    clause& c = clause_at(begin);
    const bool edge_begin = begin == c.begin;
    const bool edge_end = end == c.end;
    if ((!need_begin || edge_begin) && (!need_end || edge_end)) return {edge_begin, edge_end};
    tokenize(c);
    const auto on = [&](std::size_t at) {
      return at == c.begin || at == c.end || std::binary_search(c.bounds.begin(), c.bounds.end(), at);
    };
    return {on(begin), on(end)};
  }

  /// The token holding `[begin, end)`, if one does.
  std::optional<text::token> token_holding(std::size_t begin, std::size_t end) {
    clause& c = clause_at(begin);
    tokenize(c);
    auto it = std::upper_bound(c.tokens.begin(), c.tokens.end(), begin,
                               [](std::size_t b, const text::token& t) { return b < t.begin; });
    if (it == c.tokens.begin()) return std::nullopt;
    --it;
    if (end > it->end) return std::nullopt;
    return *it;
  }

 private:
  struct clause {
    std::size_t begin, end;
    bool tokenized = false;
    std::vector<text::token> tokens;  // offsets into the whole text
    std::vector<std::size_t> bounds;  // sorted token begins and ends
  };

  void tokenize(clause& c) {
    if (c.tokenized) return;
    c.tokenized = true;
    c.tokens = words_.tokenize(text_.substr(c.begin, c.end - c.begin));
    for (auto& t : c.tokens) {
      t.begin += c.begin;
      t.end += c.begin;
      c.bounds.push_back(t.begin);
      c.bounds.push_back(t.end);
    }
    std::sort(c.bounds.begin(), c.bounds.end());
  }

  clause& clause_at(std::size_t pos) {
    for (clause& c : clauses_) {
      if (c.begin <= pos && pos < c.end) return c;
    }
    std::size_t b = pos;
    while (b > 0) {
      std::size_t start = b - 1;  // the character before b
      while (start > 0 && (static_cast<unsigned char>(text_[start]) & 0xC0) == 0x80) --start;
      if (separator_length(text_, start) != 0) break;
      b = start;
    }
    std::size_t e = pos;
    while (e < text_.size()) {
      if (separator_length(text_, e) != 0) break;
      ++e;
      while (e < text_.size() && (static_cast<unsigned char>(text_[e]) & 0xC0) == 0x80) ++e;
    }
    clauses_.push_back({b, e, false, {}, {}});
    return clauses_.back();
  }

  std::string_view text_;
  const text::word_tokenizer& words_;
  std::vector<clause> clauses_;
};

}  // namespace

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
  // Looked up by string_view, without building a string per match.
  struct text_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  using word_set = std::unordered_set<std::string, text_hash, std::equal_to<>>;
  word_set lexicon;  // domain compounds: their parts are real mentions
  word_set names;    // proper names: nothing fires inside them
  aho_corasick automaton;
  // Pattern ids below keyword_count are keywords (flattened), the rest exclusion phrases.
  struct keyword_ref {
    std::size_t theme;
    double weight;
    bool need_begin;  // must start on a word boundary
    bool need_end;    // must end on a word boundary
    bool anchored;    // counts only beside another keyword of its theme (or under its heading)
    std::string_view phrase;
  };
  std::vector<keyword_ref> keywords;
  std::vector<std::size_t> exclusion_theme;
  std::size_t mask_count = 0;  // pattern ids after the exclusions: masks (scheme and agencies)
  std::optional<std::size_t> default_theme;
  // The gate: a tagger of the gate scheme and the theme a unit needs in it.
  std::unique_ptr<tagger> gate;
  std::size_t gate_theme = 0;
  // Built from a built-in scheme unchanged, with the built-in words and lexicon: two such
  // taggers of one scheme id label every unit alike, so a unit is tagged by it once.
  bool standard = false;

  /// A unit's labels under the gate-less standard taggers tagged so far, by scheme id:
  /// tag_all tags a gate scheme (ip_related gates three built-in schemes) once per unit,
  /// whether on its own or as the gate of others.
  using unit_memo = std::vector<std::pair<std::string_view, std::vector<theme_label>>>;

  void build() {
    std::vector<aho_corasick::pattern> patterns;
    for (std::size_t t = 0; t < scheme.themes.size(); ++t) {
      for (const keyword& k : scheme.themes[t].keywords) {
        auto b = k.boundary;
        if (b == keyword_boundary::automatic)
          b = text::detail::count_code_points(k.phrase) <= 2 ? keyword_boundary::word : keyword_boundary::any;
        const bool begin = b == keyword_boundary::word || b == keyword_boundary::prefix;
        const bool end = b == keyword_boundary::word || b == keyword_boundary::suffix;
        keywords.push_back({t, k.weight, begin, end, k.anchored, k.phrase});
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
    std::vector<std::string> masks = scheme.mask;
    if (scheme.mask_agencies) {
      // Agency names are never evidence (管理 in 市场监督管理局); names of agencies the scheme
      // keeps as content (courts, customs) stay.
      for (const agency_entry& a : agency_ontology::builtin().entries()) {
        if (std::find(scheme.agencies_as_content.begin(), scheme.agencies_as_content.end(), a.id) !=
            scheme.agencies_as_content.end())
          continue;
        for (const auto* list : {&a.aliases, &a.short_forms}) {
          for (const std::string& n : *list) {
            // One- and two-character names (各地, 办公室 is three) are words, not names.
            if (text::detail::count_code_points(n) >= 3) masks.push_back(n);
          }
        }
      }
    }
    mask_phrases = std::move(masks);
    for (const std::string& m : mask_phrases)
      patterns.push_back({m, static_cast<aho_corasick::pattern_id>(keywords.size() + exclusion_theme.size() + mask_count++)});
    automaton = aho_corasick(std::span<const aho_corasick::pattern>(patterns));
    if (!scheme.default_theme.empty()) default_theme = scheme.find(scheme.default_theme);
  }
  std::vector<std::string> mask_phrases;

  /// Whether `phrase` is an anchored keyword of `theme` (generic words do not name the domain).
  bool is_anchored(std::size_t theme, std::string_view phrase) const {
    return std::any_of(keywords.begin(), keywords.end(),
                       [&](const keyword_ref& k) { return k.theme == theme && k.anchored && k.phrase == phrase; });
  }

  void set_gate_theme() {
    const auto t = gate->scheme().find(scheme.gate_theme);
    if (!t)
      throw schema_error(error_location::file(scheme.origin),
                         fmt::format("gate scheme '{}' has no theme '{}'", scheme.gate_scheme, scheme.gate_theme));
    gate_theme = *t;
  }

  /// Which themes have a (not anchored) keyword in a heading: anchors for anchored keywords.
  std::vector<bool> heading_anchors(std::string_view heading) const {
    std::vector<bool> out(scheme.themes.size(), false);
    if (heading.empty()) return out;
    std::vector<aho_corasick::match> hits;
    std::vector<aho_corasick::match> blocked;
    automaton.for_each_match(heading, [&](const aho_corasick::match& m) {
      if (m.id < keywords.size()) {
        if (!keywords[m.id].anchored) hits.push_back(m);
      } else {
        blocked.push_back(m);
      }
    });
    for (const auto& h : hits) {
      const keyword_ref& k = keywords[h.id];
      const bool vetoed = std::any_of(blocked.begin(), blocked.end(), [&](const aho_corasick::match& v) {
        const std::size_t x = v.id - keywords.size();
        const bool applies = x >= exclusion_theme.size() || exclusion_theme[x] == k.theme;
        return applies && v.begin <= h.begin && h.end <= v.end;
      });
      if (!vetoed) out[k.theme] = true;
    }
    return out;
  }

  struct hit {
    std::size_t begin, end, keyword;
  };

  /// `masked`: extra ranges of `text` that are never evidence (the plan's place name).
  std::vector<theme_label> tag(std::string_view text, std::size_t title_end, word_oracle& oracle,
                               std::string_view heading = {},
                               std::span<const std::pair<std::size_t, std::size_t>> masked = {}) const {
    std::vector<hit> hits;
    hits.reserve(32);
    std::vector<std::pair<aho_corasick::match, std::size_t>> vetoes;  // (range, theme)
    std::vector<std::pair<std::size_t, std::size_t>> masks(masked.begin(), masked.end());
    automaton.for_each_match(text, [&](const aho_corasick::match& m) {
      if (m.id < keywords.size()) {
        hits.push_back({m.begin, m.end, m.id});
      } else if (m.id < keywords.size() + exclusion_theme.size()) {
        vetoes.emplace_back(m, exclusion_theme[m.id - keywords.size()]);
      } else {
        masks.emplace_back(m.begin, m.end);
      }
    });
    if (hits.empty()) return {};
    const auto is_masked = [&](const hit& h) {
      return std::any_of(masks.begin(), masks.end(),
                         [&](const auto& m) { return m.first <= h.begin && h.end <= m.second; });
    };

    // Inside a domain-lexicon term a part is a real mention (保护 in 司法保护); inside an
    // ordinary dictionary word or a proper name (印度 in 印度尼西亚) it is not.
    const auto inside_lexicon_term = [&](const hit& h) {
      const auto t = oracle.token_holding(h.begin, h.end);
      if (!t) return false;
      const std::string_view word = text.substr(t->begin, t->end - t->begin);
      return lexicon.contains(word) && !names.contains(word);
    };
    const auto fits_words = [&](const hit& h) {
      const keyword_ref& k = keywords[h.keyword];
      if (!k.need_begin && !k.need_end) return true;
      const auto [at_begin, at_end] = oracle.boundaries(h.begin, h.end, k.need_begin, k.need_end);
      if ((!k.need_begin || at_begin) && (!k.need_end || at_end)) return true;
      return inside_lexicon_term(h);
    };

    std::vector<hit> kept;
    kept.reserve(hits.size());
    for (const hit& h : hits) {
      const keyword_ref& k = keywords[h.keyword];
      if (!fits_words(h)) continue;
      const bool vetoed = std::any_of(vetoes.begin(), vetoes.end(), [&](const auto& v) {
        return v.second == k.theme && v.first.begin <= h.begin && h.end <= v.first.end;
      });
      if (!vetoed && !is_masked(h)) kept.push_back(h);
    }
    // Inside a cited document's title (《…》) the themes listed are not evidence: the title
    // names the document the measure makes or applies.
    if (!scheme.not_in_cited_titles.empty() && text.find("《") != std::string_view::npos) {
      std::vector<std::pair<std::size_t, std::size_t>> cited;
      for (std::size_t open = text.find("《"); open != std::string_view::npos; open = text.find("《", open + 1)) {
        const std::size_t close = text.find("》", open);
        if (close == std::string_view::npos) break;
        cited.emplace_back(open, close);
      }
      const auto listed = [&](std::size_t theme) {
        for (std::optional<std::size_t> t = theme; t; t = scheme.themes[*t].parent) {
          if (std::find(scheme.not_in_cited_titles.begin(), scheme.not_in_cited_titles.end(), scheme.themes[*t].id) !=
              scheme.not_in_cited_titles.end())
            return true;
        }
        return false;
      };
      std::erase_if(kept, [&](const hit& h) {
        return listed(keywords[h.keyword].theme) &&
               std::any_of(cited.begin(), cited.end(), [&](const auto& c) { return c.first < h.begin && h.end <= c.second; });
      });
    }
    // Anchored keywords count only beside an anchor of their theme in the unit or its heading.
    if (std::any_of(kept.begin(), kept.end(), [&](const hit& h) { return keywords[h.keyword].anchored; })) {
      std::vector<bool> anchor = heading_anchors(heading);
      for (const hit& h : kept) {
        if (!keywords[h.keyword].anchored) anchor[keywords[h.keyword].theme] = true;
      }
      std::erase_if(kept, [&](const hit& h) { return keywords[h.keyword].anchored && !anchor[keywords[h.keyword].theme]; });
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
    // A run-in title (ended by 。, with text after it) names the measure's topic. When the
    // measure's own text gives evidence of some theme, a theme named only in the title does
    // not count: the clauses say what the measure addresses. A text with no evidence of its
    // own leaves the title as the only statement of the measure's theme.
    if (scheme.title_needs_body && title_end > 0 && text.substr(title_end).starts_with("。")) {
      std::vector<bool> in_body(scheme.themes.size(), false);
      bool any_body = false;
      for (const hit& h : ordered) {
        if (h.begin >= title_end) in_body[keywords[h.keyword].theme] = any_body = true;
      }
      if (any_body)
        std::erase_if(ordered, [&](const hit& h) { return h.begin < title_end && !in_body[keywords[h.keyword].theme]; });
    }
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
      if (score[t] + 1e-9 >= scheme.min_score) labels.push_back({t, score[t], std::move(found[t]), false});
    }
    return labels;
  }

  /// `tag` with the gate and the default theme applied; `outside` tells whether the gate
  /// kept the unit out.
  /// `domain_plan`: the plan's title is inside the gate's domain (an IP plan).
  std::vector<theme_label> tag_unit(std::string_view text, std::size_t title_end, word_oracle& oracle,
                                    std::string_view heading,
                                    std::span<const std::pair<std::size_t, std::size_t>> masked, bool& outside,
                                    bool domain_plan = true, unit_memo* memo = nullptr) const {
    outside = false;
    if (memo != nullptr && standard && !gate) {
      // Without a gate the unit is never outside and `domain_plan` does not apply.
      for (const auto& [id, labels] : *memo)
        if (id == scheme.id) return labels;
      auto labels = tag_unit(text, title_end, oracle, heading, masked, outside, domain_plan, nullptr);
      memo->emplace_back(scheme.id, labels);
      return labels;
    }
    std::vector<match_evidence> gate_evidence;
    std::vector<std::pair<std::size_t, std::size_t>> scope(masked.begin(), masked.end());
    if (gate) {
      bool gate_outside = false;
      auto g = gate->impl_->tag_unit(text, title_end, oracle, heading, masked, gate_outside, true, memo);
      const auto it = std::find_if(g.begin(), g.end(), [&](const theme_label& l) { return l.theme == gate_theme; });
      if (it == g.end()) {
        outside = true;
        return {};
      }
      gate_evidence = std::move(it->evidence);
      if (!domain_plan && scheme.gate_sentences_outside_domain) {
        // Only the sentences naming the gate's evidence count: mask the others.
        std::size_t begin = 0;
        while (begin < text.size()) {
          std::size_t end = begin;
          while (end < text.size()) {
            const std::string_view rest = text.substr(end);
            if (rest.starts_with("。") || rest.starts_with("；") || rest.starts_with(";") || rest.starts_with("\n") ||
                rest.starts_with("！") || rest.starts_with("？"))
              break;
            ++end;
          }
          const bool named = std::any_of(gate_evidence.begin(), gate_evidence.end(), [&](const match_evidence& e) {
            return e.where.begin >= begin && e.where.end <= end && !gate->impl_->is_anchored(gate_theme, e.keyword);
          });
          if (!named && end > begin) scope.emplace_back(begin, end);
          begin = end;
          while (begin < text.size() && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) ++begin;
          if (begin < text.size()) ++begin;
          while (begin < text.size() && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) ++begin;
        }
      }
    }
    auto labels = tag(text, title_end, oracle, heading, scope);
    if (labels.empty() && default_theme) {
      // The default theme and its ancestors, in scheme order.
      for (std::optional<std::size_t> t = *default_theme; t; t = scheme.themes[*t].parent)
        labels.insert(labels.begin(), theme_label{*t, 0.0, gate_evidence, true});
    }
    return labels;
  }
};

tagger::tagger(coding_scheme scheme) : impl_(std::make_unique<impl>()) {
  impl_->scheme = std::move(scheme);
  impl_->words = &text::word_tokenizer::builtin();
  // The lexicon's "proper_names" group holds names (印度尼西亚); every other group holds
  // domain compounds (司法保护). The file was checked when the tokenizer loaded it, from the
  // same parse.
  const auto& lexicon = plancmp::detail::builtin_json("lexicon.json");
  for (const auto& group : lexicon.value("groups", nlohmann::json::array())) {
    auto& into = group.value("name", "") == "proper_names" ? impl_->names : impl_->lexicon;
    for (const auto& term : group.at("terms")) into.insert(term.get<std::string>());
  }
  for (const auto& term : lexicon.value("terms", nlohmann::json::array())) impl_->lexicon.insert(term.get<std::string>());
  for (const auto& name : impl_->names) impl_->lexicon.insert(name);
  impl_->build();
  if (!impl_->scheme.gate_scheme.empty()) {
    impl_->gate = std::make_unique<tagger>(coding_scheme::builtin(impl_->scheme.gate_scheme));
    impl_->set_gate_theme();
  }
  const auto ids = coding_scheme::builtin_ids();
  impl_->standard = std::find(ids.begin(), ids.end(), impl_->scheme.id) != ids.end() &&
                    impl_->scheme == coding_scheme::builtin(impl_->scheme.id);
}

tagger::tagger(coding_scheme scheme, const text::word_tokenizer& words, std::vector<std::string> lexicon_terms,
               std::vector<std::string> proper_names)
    : impl_(std::make_unique<impl>()) {
  impl_->scheme = std::move(scheme);
  impl_->words = &words;
  for (auto& term : lexicon_terms) impl_->lexicon.insert(std::move(term));
  for (auto& name : proper_names) impl_->names.insert(std::move(name));
  impl_->build();
  if (!impl_->scheme.gate_scheme.empty()) {
    impl_->gate = std::make_unique<tagger>(coding_scheme::builtin(impl_->scheme.gate_scheme), words,
                                           std::vector<std::string>(impl_->lexicon.begin(), impl_->lexicon.end()),
                                           std::vector<std::string>(impl_->names.begin(), impl_->names.end()));
    impl_->set_gate_theme();
  }
}

tagger::~tagger() = default;
tagger::tagger(tagger&&) noexcept = default;
tagger& tagger::operator=(tagger&&) noexcept = default;

const coding_scheme& tagger::scheme() const noexcept { return impl_->scheme; }

std::vector<theme_label> tagger::tag_text(std::string_view text, std::size_t title_end, std::string_view heading) const {
  word_oracle oracle(text, *impl_->words);
  bool outside = false;
  return impl_->tag_unit(text, title_end, oracle, heading, {}, outside);
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
  const tagger* self = this;
  return std::move(tag_all(std::span<const tagger* const>(&self, 1), p, doc).front());
}

std::vector<plan_tagging> tagger::tag_all(std::span<const tagger* const> taggers, const plan& p,
                                          const text::document& doc) {
  std::vector<plan_tagging> out(taggers.size());
  const std::string label = plan_label(p);
  for (std::size_t k = 0; k < taggers.size(); ++k) {
    out[k].plan = label;
    out[k].scheme = taggers[k]->impl_->scheme.id;
    out[k].measures.reserve(p.measures().size());
    out[k].goals.reserve(p.goals().size());
  }
  // The plan's own place name (宁波市, 宁波) is never evidence.
  std::vector<std::string> places;
  if (const std::string& name = p.issuing_jurisdiction.name; !name.empty()) {
    std::string simplified = text::simplifier::shared().convert(name).text;
    places.push_back(simplified);
    for (const std::string_view suffix : {"省", "市", "区", "县"}) {
      if (simplified.ends_with(suffix) && text::detail::count_code_points(simplified) > 2) {
        places.push_back(simplified.substr(0, simplified.size() - suffix.size()));
        break;
      }
    }
  }
  // Whether the plan itself is inside each gated scheme's domain (its title names IP).
  std::vector<bool> domain_plan(taggers.size(), true);
  for (std::size_t k = 0; k < taggers.size(); ++k) {
    const impl& im = *taggers[k]->impl_;
    if (!im.gate || !im.scheme.gate_sentences_outside_domain) continue;
    const std::string titles = text::simplifier::shared().convert(p.title + "\n" + p.notice_title).text;
    const auto g = im.gate->tag_text(titles);
    domain_plan[k] = std::any_of(g.begin(), g.end(), [&](const theme_label& l) { return l.theme == im.gate_theme; });
  }
  // The printed section headings above a unit (simplified): anchors, never evidence.
  // The plan's own title heads every section: 加强司法保护 in a 知识产权保护实施方案 is IP.
  const std::string plan_title = text::simplifier::shared().convert(p.title).text;
  const auto heading_of = [&](const std::vector<std::string>& path) {
    std::string headings = plan_title + "\n";
    for (const section& s : p.sections()) {
      if (s.path.size() >= path.size() || !std::equal(s.path.begin(), s.path.end(), path.begin())) continue;
      const std::size_t hb = simplified_offset_of(doc, s.where.begin);
      const std::size_t he = std::max(hb, simplified_offset_of(doc, s.where.end));
      headings += doc.simplified.substr(hb, he - hb);
      headings += '\n';
    }
    return headings;
  };
  const auto tag_unit = [&](unit_kind kind, std::size_t index, const std::string& id, span where, bool has_clause,
                            const std::vector<std::string>& path) {
    const std::size_t b = simplified_offset_of(doc, where.begin);
    const std::size_t e = std::max(b, simplified_offset_of(doc, where.end));
    std::string_view text = std::string_view(doc.simplified).substr(b, e - b);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.remove_suffix(1);
    if (has_clause) {
      if (const auto loc = parse::find_clause(text)) text = text.substr(0, loc->begin);
    }
    const std::uint32_t line = doc.line_number_at(where.begin);
    const std::size_t title_end = title_end_of(text);
    const std::string heading = heading_of(path);
    std::vector<std::pair<std::size_t, std::size_t>> masked;
    for (const std::string& place : places) {
      for (std::size_t at = text.find(place); at != std::string_view::npos; at = text.find(place, at + place.size()))
        masked.emplace_back(at, at + place.size());
    }
    std::optional<word_oracle> oracle;
    const text::word_tokenizer* oracle_words = nullptr;
    impl::unit_memo memo;
    for (std::size_t k = 0; k < taggers.size(); ++k) {
      const impl& im = *taggers[k]->impl_;
      tagged_unit u{kind, index, id, where, {}};
      if (text.empty()) {
        out[k].diagnostics.push_back({line, where, "tagging.no_text",
                                      fmt::format("{} {}: its text could not be located in the document", to_string(kind), id)});
      } else {
        if (!oracle || im.words != oracle_words) {
          oracle.emplace(text, *im.words);
          oracle_words = im.words;
        }
        bool outside = false;
        u.labels = im.tag_unit(text, title_end, *oracle, heading, masked, outside, domain_plan[k], &memo);
        if (outside) {
          out[k].diagnostics.push_back(
              {line, where, "tagging.outside_gate",
               fmt::format("{} {}: not labelled '{}' by scheme '{}', so no theme of '{}' applies", to_string(kind), id,
                           im.scheme.gate_theme, im.scheme.gate_scheme, im.scheme.id)});
        }
        for (auto& l : u.labels) {
          for (auto& ev : l.evidence) {
            const std::size_t eb = b + ev.where.begin;
            const std::size_t ee = b + ev.where.end;
            ev.where = doc.source_of_simplified(eb, ee);
            ev.printed = std::string(doc.printed_of_simplified(eb, ee));
          }
        }
        if (u.labels.empty() && !outside) {
          out[k].diagnostics.push_back(
              {line, where, "tagging.unlabelled",
               fmt::format("{} {}: no keyword of scheme '{}' reached the minimum score {} in \"{}\"", to_string(kind),
                           id, im.scheme.id, im.scheme.min_score, snippet(text, 40))});
        }
      }
      (kind == unit_kind::measure ? out[k].measures : out[k].goals).push_back(std::move(u));
    }
  };
  for (std::size_t i = 0; i < p.measures().size(); ++i)
    tag_unit(unit_kind::measure, i, p.measures()[i].id, p.measures()[i].where, true, p.measures()[i].path);
  for (std::size_t i = 0; i < p.goals().size(); ++i)
    tag_unit(unit_kind::goal, i, p.goals()[i].id, p.goals()[i].where, false, p.goals()[i].path);
  return out;
}

}  // namespace plancmp::inline v0::analysis
