// SPDX-License-Identifier: MIT
// The substance aligner's similarity: characters, words, concepts, run-in titles, theme
// profiles, target indicators and agencies of two plans' measures (docs/alignment.md).
// Every weight is fitted on the two plans alone, so a pair scores the same whatever
// other plans a run loads.
#include <plancmp/analysis/plan_alignment.hpp>

#include <plancmp/analysis/tagging.hpp>
#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/model/coding_scheme.hpp>
#include <plancmp/text/script.hpp>
#include <plancmp/text/tokenize.hpp>

#include "detail/measure_pair_vectors.hpp"

#include <fmt/format.h>
#include "../detail/json.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include "detail/plan_facts.hpp"

namespace plancmp::inline v0::analysis {

std::string_view to_string(alignment_method m) noexcept {
  return m == alignment_method::ngrams ? "ngrams" : "substance";
}
std::optional<alignment_method> parse_alignment_method(std::string_view name) noexcept {
  if (name == "substance") return alignment_method::substance;
  if (name == "ngrams") return alignment_method::ngrams;
  return std::nullopt;
}
std::string_view to_string(link_grade g) noexcept { return g == link_grade::same ? "same" : "related"; }
std::optional<link_grade> parse_link_grade(std::string_view name) noexcept {
  if (name == "same") return link_grade::same;
  if (name == "related") return link_grade::related;
  return std::nullopt;
}

const std::vector<synonym_concept>& builtin_synonyms() {
  static const std::vector<synonym_concept> concepts = [] {
    const std::string origin = "synonyms.json (built-in)";
    const auto& j = plancmp::detail::builtin_json("synonyms.json");
    if (j.value("schema", "") != "plancmp.synonyms/1")
      plancmp::detail::schema_fail(origin, "/schema", "expected \"plancmp.synonyms/1\"");
    std::vector<synonym_concept> out;
    for (const auto& c : j.at("concepts")) {
      synonym_concept s;
      s.name = c.at("name").get<std::string>();
      for (const auto& t : c.at("terms")) s.terms.push_back(t.get<std::string>());
      out.push_back(std::move(s));
    }
    return out;
  }();
  return concepts;
}

namespace {

// A sparse vector: feature id → weight, features increasing (word and concept ids; the
// sentence and section vectors key character bigrams by 64 bits).
template <class Key>
using sparse_of = std::vector<std::pair<Key, double>>;
using sparse = sparse_of<std::uint32_t>;

template <class Key>
double dot(const sparse_of<Key>& x, const sparse_of<Key>& y) {
  double s = 0.0;
  for (std::size_t p = 0, q = 0; p < x.size() && q < y.size();) {
    if (x[p].first < y[q].first) ++p;
    else if (y[q].first < x[p].first) ++q;
    else s += x[p++].second * y[q++].second;
  }
  return s;
}

template <class Key>
void normalize(sparse_of<Key>& v) {
  double n = 0.0;
  for (const auto& [f, w] : v) n += w * w;
  if (n <= 0.0) return;
  n = std::sqrt(n);
  for (auto& [f, w] : v) w /= n;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// Words of a text worth comparing: two code points or more, not only digits.
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  for (const text::token& t : text::word_tokenizer::builtin().tokenize(text)) {
    std::string_view w = text.substr(t.begin, t.end - t.begin);
    if (code_points(w) < 2) continue;
    if (std::all_of(w.begin(), w.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; })) continue;
    out.emplace_back(w);
  }
  return out;
}

std::vector<std::uint32_t> concepts_of(std::string_view text) {
  std::vector<std::uint32_t> out;
  const auto& concepts = builtin_synonyms();
  for (std::uint32_t c = 0; c < concepts.size(); ++c)
    for (const auto& term : concepts[c].terms)
      if (text.find(term) != std::string_view::npos) {
        out.push_back(c);
        break;
      }
  return out;
}

// The run-in title of a measure in simplified script, "" when it is the whole text.
std::string title_of(const measure& m) {
  if (m.title.empty() || m.title.size() + 6 >= m.text.size()) return {};
  return text::simplifier::shared().convert(m.title).text;
}

// Counts of features (words, then concepts offset by `concept_base`) of one text.
struct bag {
  std::map<std::uint32_t, double> counts;
};

struct feature_space {
  std::unordered_map<std::string, std::uint32_t> ids;
  std::uint32_t id(const std::string& w) { return ids.try_emplace(w, static_cast<std::uint32_t>(ids.size())).first->second; }
};

sparse weigh(const std::map<std::uint32_t, double>& counts, const std::vector<double>& idf, bool sublinear) {
  sparse v;
  for (const auto& [f, c] : counts) v.emplace_back(f, (sublinear ? 1.0 + std::log(c) : 1.0) * idf[f]);
  normalize(v);
  return v;
}

std::vector<std::string> functions_of_measure(const plan& p, const measure& m) {
  std::vector<std::string> out;
  for (const auto* list : {&m.lead, &m.support})
    for (const auto& mention : *list) {
      const auto k = p.agency_index(mention.name);
      if (!k) continue;
      const agency& a = p.agencies()[*k];
      if (a.collective || !a.resolution || a.resolution->canonical.empty()) continue;
      out.push_back(a.resolution->canonical);
    }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

using analysis::detail::names_agencies;

std::vector<std::vector<std::string>> indicators_by_measure(const plan& p) {
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < p.measures().size(); ++i) index[p.measures()[i].id] = i;
  std::vector<std::vector<std::string>> out(p.measures().size());
  for (const target& t : p.targets()) {
    const auto it = index.find(t.owner);
    if (it == index.end() || t.indicator_key.empty()) continue;
    out[it->second].push_back(t.indicator_key);
  }
  for (auto& v : out) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  }
  return out;
}

const std::vector<tagger>& theme_taggers() {
  static const std::vector<tagger> taggers = [] {
    std::vector<tagger> out;
    for (const char* id : {"ip_value_chain", "ip_objects", "policy_tools"}) out.emplace_back(coding_scheme::builtin(id));
    return out;
  }();
  return taggers;
}

sparse theme_profile(std::string_view text) {
  sparse v;
  std::uint32_t base = 0;
  for (const tagger& t : theme_taggers()) {
    for (const theme_label& l : t.tag_text(text)) v.emplace_back(base + static_cast<std::uint32_t>(l.theme), l.score);
    base += static_cast<std::uint32_t>(t.scheme().themes.size());
  }
  std::sort(v.begin(), v.end());
  normalize(v);
  return v;
}

// The CJK ideographs (U+4E00–U+9FFF) of a UTF-8 text, in order; everything else dropped.
std::u32string ideographs(std::string_view s) {
  std::u32string out;
  for (std::size_t k = 0; k < s.size();) {
    const auto c = static_cast<unsigned char>(s[k]);
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    if (len == 3 && k + 2 < s.size()) {
      const char32_t cp = (static_cast<char32_t>(c & 0x0F) << 12) |
                          (static_cast<char32_t>(static_cast<unsigned char>(s[k + 1]) & 0x3F) << 6) |
                          static_cast<char32_t>(static_cast<unsigned char>(s[k + 2]) & 0x3F);
      if (cp >= 0x4E00 && cp <= 0x9FFF) out.push_back(cp);
    }
    k += len;
  }
  return out;
}

// Counts of the character bigrams of a text's ideographs (bigrams of the run with
// everything else dropped), keyed by the two code points.
std::map<std::uint64_t, double> bigram_counts(std::string_view s) {
  const std::u32string t = ideographs(s);
  std::map<std::uint64_t, double> out;
  for (std::size_t k = 0; k + 1 < t.size(); ++k) out[(static_cast<std::uint64_t>(t[k]) << 21) | t[k + 1]] += 1.0;
  return out;
}

// The sentences of a text (split at 。；;！？ and line breaks) with four ideographs or more.
std::vector<std::string_view> sentences_of(std::string_view text) {
  static constexpr std::string_view stops[] = {"。", "；", ";", "！", "？", "\n"};
  std::vector<std::string_view> out;
  std::size_t start = 0;
  auto flush = [&](std::size_t end) {
    const std::string_view s = text.substr(start, end - start);
    if (ideographs(s).size() >= 4) out.push_back(s);
  };
  for (std::size_t k = 0; k < text.size();) {
    std::size_t stop = 0;
    for (std::string_view d : stops)
      if (text.substr(k, d.size()) == d) {
        stop = d.size();
        break;
      }
    if (stop == 0) {
      ++k;
      continue;
    }
    flush(k);
    k += stop;
    start = k;
  }
  flush(text.size());
  return out;
}

// The titles of the sections that contain a measure, outermost first, run together.
std::string section_context(const plan& p, const measure& m) {
  std::string out;
  std::string id;
  for (std::size_t k = 0; k + 1 < m.path.size(); ++k) {
    id += (k == 0 ? "" : ".") + m.path[k];
    for (const section& s : p.sections())
      if (s.id == id) {
        out += text::simplifier::shared().convert(s.title).text;
        out += ' ';
        break;
      }
  }
  return out;
}

}  // namespace

substance_matrix substance_similarity(const plan& a, const plan& b, const substance_options& o) {
  substance_matrix r;
  r.rows = a.measures().size();
  r.columns = b.measures().size();
  const std::size_t n = r.rows;
  const std::size_t m = r.columns;
  r.score.assign(n * m, 0.0);
  r.evidence.assign(n * m, {});
  if (n == 0 || m == 0) return r;

  // Characters: the n-gram cosine, one vocabulary fitted on the two plans.
  const std::vector<double> chars = measure_similarity(a, b);

  // Texts (simplified, clause stripped) and titles of both plans' measures.
  const unit_options units;
  plan_units ua = collect_units(std::span<const plan>(&a, 1), units);
  plan_units ub = collect_units(std::span<const plan>(&b, 1), units);
  std::vector<std::string> texts = std::move(ua.texts);
  texts.insert(texts.end(), ub.texts.begin(), ub.texts.end());
  std::vector<std::string> titles;
  for (const measure& x : a.measures()) titles.push_back(title_of(x));
  for (const measure& x : b.measures()) titles.push_back(title_of(x));
  const std::size_t total = texts.size();

  // Words and concepts: counts, then pair-local document frequencies.
  feature_space space;
  const auto& concepts = builtin_synonyms();
  std::vector<std::uint32_t> concept_id(concepts.size());
  for (std::size_t c = 0; c < concepts.size(); ++c) concept_id[c] = space.id("\x01" + concepts[c].name);
  std::vector<std::map<std::uint32_t, double>> word_counts(total), concept_counts(total), title_counts(total);
  for (std::size_t u = 0; u < total; ++u) {
    for (const std::string& w : words_of(texts[u])) word_counts[u][space.id(w)] += 1.0;
    for (std::uint32_t c : concepts_of(texts[u])) concept_counts[u][concept_id[c]] = 1.0;
    if (!titles[u].empty()) {
      for (const std::string& w : words_of(titles[u])) title_counts[u][space.id(w)] += 1.0;
      for (std::uint32_t c : concepts_of(titles[u])) title_counts[u][concept_id[c]] = 1.0;
    }
  }
  std::vector<double> df(space.ids.size(), 0.0);
  for (std::size_t u = 0; u < total; ++u) {
    for (const auto& [f, c] : word_counts[u]) df[f] += 1.0;
    for (const auto& [f, c] : concept_counts[u]) df[f] += 1.0;
  }
  std::vector<double> idf(df.size());
  for (std::size_t f = 0; f < df.size(); ++f)
    idf[f] = std::log((1.0 + static_cast<double>(total)) / (1.0 + df[f])) + 1.0;
  std::vector<sparse> wv(total), cv(total), tv(total), themes(total);
  for (std::size_t u = 0; u < total; ++u) {
    wv[u] = weigh(word_counts[u], idf, true);
    cv[u] = weigh(concept_counts[u], idf, false);
    if (!title_counts[u].empty()) tv[u] = weigh(title_counts[u], idf, false);
    themes[u] = theme_profile(texts[u]);
  }

  // Sentences (character bigrams and concepts, pair-local idf over the measures) and the
  // titles of the enclosing sections: a measure split or merged shares one sentence with
  // its counterpart, and measures under like headings are more often linked.
  std::map<std::uint64_t, double> bigram_df;
  for (std::size_t u = 0; u < total; ++u)
    for (const auto& entry : bigram_counts(texts[u])) bigram_df[entry.first] += 1.0;
  auto bigram_vector = [&](std::string_view s) {
    sparse_of<std::uint64_t> v;
    for (const auto& [g, c] : bigram_counts(s)) {
      const auto it = bigram_df.find(g);
      const double w = it == bigram_df.end() ? 1.0 : std::log((1.0 + static_cast<double>(total)) / (1.0 + it->second)) + 1.0;
      v.emplace_back(g, (1.0 + std::log(c)) * w);
    }
    normalize(v);
    return v;
  };
  struct sentence_vectors {
    sparse_of<std::uint64_t> bigrams;
    sparse concepts;
  };
  std::vector<std::vector<sentence_vectors>> sentences(total);
  for (std::size_t u = 0; u < total; ++u)
    for (std::string_view s : sentences_of(texts[u])) {
      sentence_vectors sv;
      sv.bigrams = bigram_vector(s);
      for (std::uint32_t c : concepts_of(s)) sv.concepts.emplace_back(concept_id[c], idf[concept_id[c]]);
      std::sort(sv.concepts.begin(), sv.concepts.end());
      normalize(sv.concepts);
      sentences[u].push_back(std::move(sv));
    }
  std::vector<sparse_of<std::uint64_t>> context(total);
  for (std::size_t i = 0; i < n; ++i) context[i] = bigram_vector(section_context(a, a.measures()[i]));
  for (std::size_t j = 0; j < m; ++j) context[n + j] = bigram_vector(section_context(b, b.measures()[j]));

  const bool agencies_known = names_agencies(a) && names_agencies(b);
  std::vector<std::vector<std::string>> fa(n), fb(m);
  if (agencies_known) {
    for (std::size_t i = 0; i < n; ++i) fa[i] = functions_of_measure(a, a.measures()[i]);
    for (std::size_t j = 0; j < m; ++j) fb[j] = functions_of_measure(b, b.measures()[j]);
  }
  const auto ia = indicators_by_measure(a);
  const auto ib = indicators_by_measure(b);

  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < m; ++j) {
      const std::size_t u = i;
      const std::size_t v = n + j;
      link_evidence& e = r.evidence[i * m + j];
      e.characters = std::clamp(chars[i * m + j], 0.0, 1.0);
      e.words = std::clamp(dot(wv[u], wv[v]), 0.0, 1.0);
      e.concepts = std::clamp(dot(cv[u], cv[v]), 0.0, 1.0);
      e.title = tv[u].empty() || tv[v].empty() ? 0.0 : std::clamp(dot(tv[u], tv[v]), 0.0, 1.0);
      e.themes = std::clamp(dot(themes[u], themes[v]), 0.0, 1.0);
      for (const sentence_vectors& x : sentences[u])
        for (const sentence_vectors& y : sentences[v]) {
          e.passages = std::max(e.passages, dot(x.bigrams, y.bigrams));
          e.passage_concepts = std::max(e.passage_concepts, dot(x.concepts, y.concepts));
        }
      e.passages = std::clamp(e.passages, 0.0, 1.0);
      e.passage_concepts = std::clamp(e.passage_concepts, 0.0, 1.0);
      e.context = std::clamp(dot(context[u], context[v]), 0.0, 1.0);
      e.position = 1.0 - std::abs(static_cast<double>(i) / static_cast<double>(std::max<std::size_t>(n - 1, 1)) -
                                  static_cast<double>(j) / static_cast<double>(std::max<std::size_t>(m - 1, 1)));
      std::vector<std::string> shared;
      std::set_intersection(ia[i].begin(), ia[i].end(), ib[j].begin(), ib[j].end(), std::back_inserter(shared));
      e.shared_indicator = !shared.empty();
      if (agencies_known && !fa[i].empty() && !fb[j].empty()) {
        std::vector<std::string> both;
        std::set_intersection(fa[i].begin(), fa[i].end(), fb[j].begin(), fb[j].end(), std::back_inserter(both));
        e.agencies = static_cast<double>(both.size()) /
                     static_cast<double>(fa[i].size() + fb[j].size() - both.size());
      }
      for (const auto& entry : cv[u]) {  // not a structured binding: clang 14 cannot capture one
        const auto f = entry.first;
        if (std::any_of(cv[v].begin(), cv[v].end(), [&](const auto& x) { return x.first == f; }))
          for (std::size_t c = 0; c < concepts.size(); ++c)
            if (concept_id[c] == f) e.shared_concepts.push_back(concepts[c].name);
      }
      const double text = std::max(e.characters, o.words_weight * e.words + (1.0 - o.words_weight) * e.concepts);
      double base = text;
      if (text >= o.evidence_floor) {
        base += o.title_bonus * e.title + o.theme_bonus * e.themes + (e.shared_indicator ? o.target_bonus : 0.0);
        if (e.agencies) base += o.agency_bonus * (*e.agencies - 0.5);
      }
      e.base = base;
    }
  // Ranks within the row and the column, then the logistic link score.
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < m; ++j) {
      link_evidence& e = r.evidence[i * m + j];
      for (std::size_t x = 0; x < m; ++x) e.row_rank += r.evidence[i * m + x].base > e.base ? 1 : 0;
      for (std::size_t x = 0; x < n; ++x) e.column_rank += r.evidence[x * m + j].base > e.base ? 1 : 0;
      double z = o.bias + o.characters * e.characters + o.words * e.words + o.concepts * e.concepts +
                 o.title * e.title + o.themes * e.themes + (e.shared_indicator ? o.indicator : 0.0) +
                 o.row_rank / (1.0 + static_cast<double>(e.row_rank)) +
                 o.column_rank / (1.0 + static_cast<double>(e.column_rank)) + o.passages * e.passages +
                 o.passage_concepts * e.passage_concepts + o.context * e.context + o.position * e.position;
      if (e.agencies) z += o.agencies_known + o.agencies * *e.agencies;
      r.score[i * m + j] = 1.0 / (1.0 + std::exp(-z));
    }
  return r;
}

}  // namespace plancmp::inline v0::analysis
