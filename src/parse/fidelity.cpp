// SPDX-License-Identifier: MIT
#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/parse/fidelity.hpp>
#include <plancmp/text/formats.hpp>
#include <plancmp/text/detail/utf8.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include "../detail/json.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

namespace plancmp::inline v0::parse {
namespace {

using json = nlohmann::json;

[[noreturn]] void gold_fail(const std::string& path, const std::string& pointer, const std::string& what) {
  throw schema_error(error_location::file(path), fmt::format("{}: {}", pointer, what));
}

std::optional<std::string> optional_string(const json& j, const char* key, const std::string& path,
                                           const std::string& at) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) gold_fail(path, at + "/" + key, "expected a string or null");
  return it->get<std::string>();
}

std::vector<std::string> string_list(const json& j, const char* key, const std::string& path, const std::string& at) {
  std::vector<std::string> out;
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return out;
  if (!it->is_array()) gold_fail(path, at + "/" + key, "expected an array of strings");
  for (std::size_t k = 0; k < it->size(); ++k) {
    if (!(*it)[k].is_string()) gold_fail(path, fmt::format("{}/{}/{}", at, key, k), "expected a string");
    out.push_back((*it)[k].get<std::string>());
  }
  return out;
}

/// Number of code points of `s` up to `n`, as a byte prefix.
std::string_view first_code_points(std::string_view s, std::size_t n) {
  std::size_t pos = 0;
  for (std::size_t k = 0; k < n && pos < s.size(); ++k) (void)text::detail::next_code_point(s, pos);
  return s.substr(0, pos);
}

std::string fold_agency(std::string_view name) {
  std::string f = fold_for_comparison(name);
  if (f.ends_with("等")) f.resize(f.size() - 3);
  return f;
}

std::multiset<std::string> folded_names(const std::vector<std::string>& names) {
  std::multiset<std::string> out;
  for (const auto& n : names) out.insert(fold_agency(n));
  return out;
}

std::multiset<std::string> folded_names(const std::vector<agency_mention>& names) {
  std::multiset<std::string> out;
  for (const auto& n : names) out.insert(fold_agency(n.name));
  return out;
}

std::string joined(const std::multiset<std::string>& names) {
  return names.empty() ? std::string("—") : fmt::format("{}", fmt::join(names, "、"));
}

double ratio(std::size_t a, std::size_t b) { return b == 0 ? 1.0 : static_cast<double>(a) / static_cast<double>(b); }

}  // namespace

std::string fold_for_comparison(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t pos = 0; pos < s.size();) {
    char32_t c = text::detail::next_code_point(s, pos);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x3000 || c == 0xA0) continue;
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // full-width ASCII forms
    if (c == 0x3014) c = '(';                     // 〔
    if (c == 0x3015) c = ')';                     // 〕
    if (c == text::detail::invalid_code_point) continue;
    text::detail::append_utf8(out, c);
  }
  return out;
}

text::document read_gold_source(std::string_view source, const gold_folders& folders,
                                const text::read_options& read) {
  const auto joined = [](const std::string& dir, std::string_view name) {
    return dir.empty() ? std::string(name) : dir + "/" + std::string(name);
  };
  if (source.starts_with("seeds/")) {
    const std::string_view name = source.substr(6);
    if (!folders.seeds.empty()) return text::read_any_document(joined(folders.seeds, name), read);
    for (const auto& seed : folders.seed_files) {
      if (seed.name == name) return text::make_any_document(std::string(seed.bytes), std::string(source), read);
    }
    if (folders.seed_files.empty()) {
      throw usage_error(fmt::format("{}: no seeds folder given and no seed files (gold_folders::seeds, "
                                    "gold_folders::seed_files)",
                                    source));
    }
    throw usage_error(fmt::format("{}: no bundled seed of that name", source));
  }
  if (source.starts_with("corpus/")) return text::read_any_document(joined(folders.corpus, source.substr(7)), read);
  return text::read_any_document(std::string(source), read);
}

gold_document read_gold(const std::string& path) {
  const json j = plancmp::detail::parse_json(read_file(path), path);
  if (!j.is_object()) gold_fail(path, "/", "expected an object");
  if (j.value("schema", "") != "plancmp.gold.parse/1") {
    gold_fail(path, "/schema", "expected \"plancmp.gold.parse/1\" (docs/gold.md)");
  }
  gold_document g;
  g.origin = path;
  g.source = j.value("source", "");
  if (g.source.empty()) gold_fail(path, "/source", "missing: name the document as seeds/<file> or corpus/<file>");
  if (const auto k = j.find("kind"); k != j.end()) {
    const auto kind = k->is_string() ? parse_document_kind(k->get<std::string>()) : std::nullopt;
    if (!kind)
      gold_fail(path, "/kind",
                fmt::format("{} is no document kind; use one of plan, regulation, notice, qa, other", k->dump()));
    g.kind = *kind;
  }
  if (const auto m = j.find("metadata"); m != j.end() && m->is_object()) {
    g.title = optional_string(*m, "title", path, "/metadata");
    g.notice_title = optional_string(*m, "notice_title", path, "/metadata");
    g.issuer = optional_string(*m, "issuer", path, "/metadata");
    g.jurisdiction = optional_string(*m, "jurisdiction", path, "/metadata");
    g.level = optional_string(*m, "level", path, "/metadata");
    g.issued = optional_string(*m, "issued", path, "/metadata");
    g.doc_number = optional_string(*m, "doc_number", path, "/metadata");
  }
  g.first_listed_leads = j.value("first_listed_leads", false);
  if (const auto ms = j.find("measures"); ms != j.end()) {
    if (!ms->is_array()) gold_fail(path, "/measures", "expected an array");
    for (std::size_t k = 0; k < ms->size(); ++k) {
      const json& mj = (*ms)[k];
      const std::string at = fmt::format("/measures/{}", k);
      if (!mj.is_object()) gold_fail(path, at, "expected an object");
      gold_measure m;
      m.path = string_list(mj, "path", path, at);
      m.text_start = mj.value("text_start", "");
      if (fold_for_comparison(m.text_start).empty()) gold_fail(path, at + "/text_start", "missing or empty");
      m.lead = string_list(mj, "lead", path, at);
      m.support = string_list(mj, "support", path, at);
      m.joint = mj.value("joint", false);
      m.deadline = optional_string(mj, "deadline", path, at);
      g.measures.push_back(std::move(m));
    }
  }
  if (const auto ts = j.find("targets"); ts != j.end()) {
    if (!ts->is_array()) gold_fail(path, "/targets", "expected an array");
    for (std::size_t k = 0; k < ts->size(); ++k) {
      const json& tj = (*ts)[k];
      const std::string at = fmt::format("/targets/{}", k);
      if (!tj.is_object() || !tj.contains("value") || !tj["value"].is_number()) {
        gold_fail(path, at, "expected an object with a numeric value");
      }
      gold_target t;
      t.text = tj.value("text", "");
      t.value = tj["value"].get<double>();
      t.unit = tj.contains("unit") && tj["unit"].is_string() ? tj["unit"].get<std::string>() : "";
      if (tj.contains("year") && tj["year"].is_number_integer()) t.year = tj["year"].get<int>();
      g.targets.push_back(std::move(t));
    }
  }
  if (const auto ts = j.find("tables"); ts != j.end() && ts->is_array()) g.tables = ts->size();
  if (const auto bs = j.find("boxes"); bs != j.end() && bs->is_array()) g.boxes = bs->size();
  return g;
}

double fidelity::measure_precision() const noexcept { return ratio(matched_measures, parsed_measures); }
double fidelity::measure_recall() const noexcept { return ratio(matched_measures, gold_measures); }
double fidelity::target_precision() const noexcept { return ratio(matched_targets, parsed_targets); }
double fidelity::target_recall() const noexcept { return ratio(matched_targets, gold_targets); }
tally fidelity::metadata_right() const noexcept {
  tally t;
  for (const auto& [field, right] : metadata) t.total++, t.right += right;
  return t;
}

fidelity evaluate(const plan& parsed, const gold_document& gold) {
  fidelity f;
  f.source = gold.source;
  f.gold_measures = gold.measures.size();
  f.parsed_measures = parsed.measures().size();

  // ---- measures: one to one, in document order, by the start of the text
  std::vector<std::string> parsed_text(parsed.measures().size());
  for (std::size_t k = 0; k < parsed.measures().size(); ++k) parsed_text[k] = fold_for_comparison(parsed.measures()[k].text);
  std::vector<bool> taken(parsed.measures().size(), false);
  std::size_t cursor = 0;
  for (const auto& gm : gold.measures) {
    const std::string start = std::string(first_code_points(fold_for_comparison(gm.text_start), 10));
    const std::string gold_id = fmt::format("{}", fmt::join(gm.path, "."));
    auto matches = [&](std::size_t k) { return !taken[k] && parsed_text[k].starts_with(start); };
    std::size_t found = static_cast<std::size_t>(-1);
    for (std::size_t k = cursor; k < parsed_text.size() && found == static_cast<std::size_t>(-1); ++k) {
      if (matches(k)) found = k;
    }
    for (std::size_t k = 0; k < cursor && found == static_cast<std::size_t>(-1); ++k) {
      if (matches(k)) found = k;
    }
    if (found == static_cast<std::size_t>(-1)) {
      f.differences.push_back(fmt::format("measure {} 「{}」: not found", gold_id, gm.text_start));
      continue;
    }
    taken[found] = true;
    cursor = found + 1;
    ++f.matched_measures;
    const measure& m = parsed.measures()[found];
    const auto gold_lead = folded_names(gm.lead), gold_support = folded_names(gm.support);
    const auto got_lead = folded_names(m.lead), got_support = folded_names(m.support);
    f.lead.total++;
    if (gold_lead == got_lead) {
      f.lead.right++;
    } else {
      f.differences.push_back(
          fmt::format("measure {}: lead {} ≠ gold {}", m.id, joined(got_lead), joined(gold_lead)));
    }
    f.support.total++;
    if (gold_support == got_support) {
      f.support.right++;
    } else {
      f.differences.push_back(
          fmt::format("measure {}: support {} ≠ gold {}", m.id, joined(got_support), joined(gold_support)));
    }
    f.deadline.total++;
    const std::string gold_due = gm.deadline ? fold_for_comparison(*gm.deadline) : std::string();
    const std::string got_due = m.due ? fold_for_comparison(m.due->text) : std::string();
    const bool due_right = gold_due == got_due || (!gold_due.empty() && !got_due.empty() &&
                                                   (gold_due.find(got_due) != std::string::npos ||
                                                    got_due.find(gold_due) != std::string::npos));
    if (due_right) {
      f.deadline.right++;
    } else {
      f.differences.push_back(fmt::format("measure {}: deadline {} ≠ gold {}", m.id,
                                          got_due.empty() ? "—" : got_due, gold_due.empty() ? "—" : gold_due));
    }
  }
  for (std::size_t k = 0; k < parsed.measures().size(); ++k) {
    if (!taken[k]) {
      f.differences.push_back(fmt::format("measure {} 「{}」: not in the gold", parsed.measures()[k].id,
                                          first_code_points(parsed_text[k], 12)));
    }
  }

  // ---- targets: one to one by value and printed unit
  f.gold_targets = gold.targets.size();
  f.parsed_targets = parsed.targets().size();
  std::vector<bool> target_taken(parsed.targets().size(), false);
  for (const auto& gt : gold.targets) {
    const std::string unit = fold_for_comparison(gt.unit);
    bool found = false;
    for (std::size_t k = 0; k < parsed.targets().size() && !found; ++k) {
      const auto& t = parsed.targets()[k];
      if (target_taken[k] || fold_for_comparison(t.unit) != unit) continue;
      // A gold value may be a fraction written to four decimals (1/3 as 0.3333).
      if (std::abs(t.value - gt.value) > std::max(1e-9 * std::abs(gt.value), 5e-5)) continue;
      target_taken[k] = found = true;
    }
    if (found) {
      ++f.matched_targets;
    } else {
      f.differences.push_back(fmt::format("target {}{} 「{}」: not found", gt.value, gt.unit, gt.text));
    }
  }
  for (std::size_t k = 0; k < parsed.targets().size(); ++k) {
    if (!target_taken[k]) {
      const auto& t = parsed.targets()[k];
      f.differences.push_back(fmt::format("target {}{} ({}): not in the gold", t.value, t.unit, t.indicator));
    }
  }

  // ---- metadata
  auto field = [&](const char* name, const std::optional<std::string>& want, std::string_view got) {
    const std::string w = want ? fold_for_comparison(*want) : std::string();
    const std::string g = fold_for_comparison(got);
    const bool right = w == g;
    f.metadata.emplace_back(name, right);
    if (!right) f.differences.push_back(fmt::format("{}: {} ≠ gold {}", name, g.empty() ? "—" : g, w.empty() ? "—" : w));
  };
  field("kind", std::string(to_string(gold.kind)), to_string(parsed.kind));
  field("title", gold.title, parsed.title);
  field("issuer", gold.issuer, parsed.issuer);
  const std::string_view level = to_string(parsed.issuing_jurisdiction.admin_level);
  field("level", gold.level, level == "unknown" ? std::string_view() : level);
  field("issued", gold.issued, parsed.issued ? parsed.issued->to_string() : std::string());
  std::string number;
  if (parsed.doc_number) {
    // The printed form, or the repaired one when a bracket was lost.
    number = gold.doc_number && fold_for_comparison(*gold.doc_number) == fold_for_comparison(parsed.doc_number->repaired)
                 ? parsed.doc_number->repaired
                 : parsed.doc_number->printed;
  }
  field("doc_number", gold.doc_number, number);
  return f;
}

}  // namespace plancmp::inline v0::parse
