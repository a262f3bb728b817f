// SPDX-License-Identifier: MIT
#include <plancmp/analysis/learned_coder.hpp>
#include <plancmp/analysis/tagging.hpp>
#include <plancmp/error.hpp>
#include <plancmp/parse/clause.hpp>
#include <plancmp/parse/fidelity.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/text/detail/utf8.hpp>
#include <plancmp/text/formats.hpp>
#include <plancmp/text/tokenize.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace plancmp::inline v0::analysis {

namespace {

constexpr std::uint32_t feature_bits = 18;
constexpr std::uint32_t feature_count = std::uint32_t{1} << feature_bits;

/// FNV-1a: a stable hash (std::hash may differ between library builds).
std::uint32_t stable_hash(std::string_view s, std::uint32_t salt) {
  std::uint32_t h = 2166136261u ^ salt;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

/// The binary targets: ip_related, the five stages, the three tool types.
struct theme_target {
  std::string variable, theme;
  bool (*of)(const coded_unit&, const std::string&);
};

std::vector<theme_target> targets() {
  std::vector<theme_target> out;
  out.push_back({"ip_related", "ip_related", [](const coded_unit& u, const std::string&) { return u.ip_related; }});
  for (const auto& s : value_chain_stages())
    out.push_back({"value_chain", s, [](const coded_unit& u, const std::string& t) {
                     return std::find(u.value_chain.begin(), u.value_chain.end(), t) != u.value_chain.end();
                   }});
  for (const auto& s : policy_tool_types())
    out.push_back({"policy_tools", s, [](const coded_unit& u, const std::string& t) {
                     return std::find(u.policy_tools.begin(), u.policy_tools.end(), t) != u.policy_tools.end();
                   }});
  return out;
}

/// Sparse binary features of a unit: hashed character 1- and 2-grams, ICU words, and one
/// feature per dictionary code (index 0 is the bias).
using sparse = std::vector<std::pair<std::uint32_t, double>>;

sparse features_of(const learning_unit& u) {
  std::vector<std::uint32_t> f;
  std::vector<std::string_view> chars;
  std::size_t pos = 0;
  while (pos < u.text.size()) {
    const std::size_t start = pos;
    (void)text::detail::next_code_point(u.text, pos);
    if (pos == start) ++pos;
    chars.push_back(std::string_view(u.text).substr(start, pos - start));
  }
  for (std::size_t i = 0; i < chars.size(); ++i) {
    f.push_back(1 + stable_hash(chars[i], 1) % (feature_count - 64));
    if (i + 1 < chars.size()) {
      const std::string_view two(chars[i].data(), chars[i].size() + chars[i + 1].size());
      f.push_back(1 + stable_hash(two, 2) % (feature_count - 64));
    }
  }
  for (const auto& t : text::word_tokenizer::builtin().tokenize(u.text))
    f.push_back(1 + stable_hash(std::string_view(u.text).substr(t.begin, t.end - t.begin), 3) % (feature_count - 64));
  std::sort(f.begin(), f.end());
  f.erase(std::unique(f.begin(), f.end()), f.end());
  // Text features share a unit norm, so long measures do not swamp the dictionary codes.
  sparse out{{0u, 1.0}};
  const double scale = f.empty() ? 0.0 : 1.0 / std::sqrt(static_cast<double>(f.size()));
  for (const auto j : f) out.emplace_back(j, scale);
  // Dictionary codes: fixed slots at the end of the space, weight 1.
  const auto all = targets();
  for (std::size_t k = 0; k < all.size(); ++k) {
    if (all[k].of(u.dictionary, all[k].theme)) out.emplace_back(static_cast<std::uint32_t>(feature_count - 64 + k), 1.0);
  }
  return out;
}

double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

/// Full-batch gradient descent on the logistic loss with an L2 penalty; deterministic.
std::vector<double> train_one(const std::vector<sparse>& x, const std::vector<bool>& y,
                              const std::vector<std::size_t>& rows, const learner_options& o) {
  std::vector<double> w(feature_count, 0.0);
  std::vector<double> g(feature_count, 0.0);
  const double n = static_cast<double>(std::max<std::size_t>(rows.size(), 1));
  for (std::size_t epoch = 0; epoch < o.epochs; ++epoch) {
    std::fill(g.begin(), g.end(), 0.0);
    for (const std::size_t r : rows) {
      double z = 0;
      for (const auto& [j, v] : x[r]) z += w[j] * v;
      const double err = sigmoid(z) - (y[r] ? 1.0 : 0.0);
      for (const auto& [j, v] : x[r]) g[j] += err * v;
    }
    for (std::size_t j = 0; j < feature_count; ++j) {
      if (g[j] != 0.0 || w[j] != 0.0) w[j] -= o.learning_rate * (g[j] / n + o.l2 * w[j]);
    }
  }
  return w;
}

double predict(const std::vector<double>& w, const sparse& x) {
  double z = 0;
  for (const auto& [j, v] : x) z += w[j] * v;
  return sigmoid(z);
}

double f1_of(std::size_t tp, std::size_t fp, std::size_t fn) {
  return tp + fp + fn == 0 ? std::nan("") : 2.0 * static_cast<double>(tp) / static_cast<double>(2 * tp + fp + fn);
}

double kappa_of(std::size_t tp, std::size_t fp, std::size_t fn, std::size_t tn) {
  const double n = static_cast<double>(tp + fp + fn + tn);
  if (n == 0) return std::nan("");
  const double po = static_cast<double>(tp + tn) / n;
  const double a1 = static_cast<double>(tp + fn) / n;
  const double b1 = static_cast<double>(tp + fp) / n;
  const double pe = a1 * b1 + (1 - a1) * (1 - b1);
  return pe >= 1.0 ? std::nan("") : (po - pe) / (1 - pe);
}

}  // namespace

learning_corpus learning_units(std::span<const std::string> sources, const parse::gold_folders& folders) {
  learning_corpus out;
  for (const std::string& source : sources) {
    try {
      const text::document doc = parse::read_gold_source(source, folders);
      const plan p = parse::parse_document(doc);
      auto codes = code_plan(p, doc, source);
      for (std::size_t m = 0; m < p.measures().size(); ++m) {
        const std::size_t b = simplified_offset_of(doc, p.measures()[m].where.begin);
        const std::size_t e = std::max(b, simplified_offset_of(doc, p.measures()[m].where.end));
        std::string_view t = std::string_view(doc.simplified).substr(b, e - b);
        if (const auto loc = parse::find_clause(t)) t = t.substr(0, loc->begin);
        out.units.push_back({std::move(codes[m]), std::string(t)});
      }
    } catch (const std::exception& ex) {
      out.missing.push_back(fmt::format("{}: {}", source, ex.what()));
    }
  }
  return out;
}

learning_report learn(const coding_sheet& human, std::span<const learning_unit> units, const learner_options& o) {
  if (o.folds < 2) throw usage_error(fmt::format("learn: k-fold cross-validation needs at least 2 folds, not {}", o.folds));
  learning_report r;
  std::map<std::pair<std::string, std::string>, const coded_unit*> gold;
  for (const auto& u : human.units) gold.emplace(std::make_pair(u.source, u.id), &u);
  std::vector<std::size_t> labelled, unlabelled;
  std::vector<sparse> x;
  x.reserve(units.size());
  for (std::size_t i = 0; i < units.size(); ++i) {
    x.push_back(features_of(units[i]));
    (gold.contains({units[i].dictionary.source, units[i].dictionary.id}) ? labelled : unlabelled).push_back(i);
  }
  r.trained = labelled.size();
  const auto all = targets();
  std::vector<std::vector<double>> p_unlabelled(all.size());
  for (std::size_t k = 0; k < all.size(); ++k) {
    const auto& t = all[k];
    std::vector<bool> y(units.size(), false);
    for (const auto i : labelled) y[i] = t.of(*gold.at({units[i].dictionary.source, units[i].dictionary.id}), t.theme);
    std::size_t tp = 0, fp = 0, fn = 0, tn = 0, dtp = 0, dfp = 0, dfn = 0, positives = 0;
    for (std::size_t fold = 0; fold < o.folds; ++fold) {
      std::vector<std::size_t> train, test;
      for (std::size_t n = 0; n < labelled.size(); ++n) (n % o.folds == fold ? test : train).push_back(labelled[n]);
      const auto w = train_one(x, y, train, o);
      for (const auto i : test) {
        const bool truth = y[i];
        const bool guess = predict(w, x[i]) >= 0.5;
        const bool dict = t.of(units[i].dictionary, t.theme);
        positives += truth;
        (guess ? (truth ? tp : fp) : (truth ? fn : tn))++;
        if (dict && truth) ++dtp;
        if (dict && !truth) ++dfp;
        if (!dict && truth) ++dfn;
      }
    }
    r.quality.push_back({t.variable, t.theme, positives, f1_of(dtp, dfp, dfn), f1_of(tp, fp, fn), kappa_of(tp, fp, fn, tn)});
    const auto w = train_one(x, y, labelled, o);
    for (const auto i : unlabelled) p_unlabelled[k].push_back(predict(w, x[i]));
  }
  for (std::size_t n = 0; n < unlabelled.size(); ++n) {
    const auto& u = units[unlabelled[n]].dictionary;
    coding_suggestion s{u.source, u.id, u.text_start, 0.0, {}};
    double closest = 1.0;
    for (std::size_t k = 0; k < all.size(); ++k) {
      const double margin = std::abs(p_unlabelled[k][n] - 0.5);
      if (margin < closest) {
        closest = margin;
        s.theme = all[k].variable == "ip_related" ? "ip_related" : all[k].variable + ":" + all[k].theme;
      }
    }
    s.uncertainty = 1.0 - 2.0 * closest;
    r.suggestions.push_back(std::move(s));
  }
  std::stable_sort(r.suggestions.begin(), r.suggestions.end(),
                   [](const coding_suggestion& a, const coding_suggestion& b) { return a.uncertainty > b.uncertainty; });
  if (r.suggestions.size() > o.suggest) r.suggestions.resize(o.suggest);
  return r;
}

}  // namespace plancmp::inline v0::analysis
