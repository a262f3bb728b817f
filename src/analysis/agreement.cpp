// SPDX-License-Identifier: MIT
#include <plancmp/analysis/agencies.hpp>
#include <plancmp/analysis/agreement.hpp>
#include <plancmp/analysis/tagging.hpp>
#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/model/coding_scheme.hpp>
#include <plancmp/parse/fidelity.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/text/formats.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "../detail/json.hpp"
#include "detail/csv_records.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace plancmp::inline v0::analysis {

namespace {

/// The columns a coding-sheet table must have (CSV or workbook).
constexpr const char* needed_columns[] = {"source", "id", "variable", "theme", "code"};

using json = nlohmann::json;
constexpr std::string_view sheet_schema = "plancmp.gold.coding/1";
constexpr double undefined = std::numeric_limits<double>::quiet_NaN();

std::vector<std::string> code_list(const json& u, const char* key, const std::vector<std::string>& allowed,
                                   const std::string& origin, const std::string& at) {
  std::vector<std::string> out;
  const auto it = u.find(key);
  if (it == u.end()) return out;
  if (!it->is_array()) detail::schema_fail(origin, at + "/" + key, "must be a list of codes");
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& c = (*it)[i];
    const std::string here = fmt::format("{}/{}/{}", at, key, i);
    if (!c.is_string()) detail::schema_fail(origin, here, "must be a code");
    const auto s = c.get<std::string>();
    if (std::find(allowed.begin(), allowed.end(), s) == allowed.end())
      detail::schema_fail(origin, here, fmt::format("unknown code \"{}\" (known: {})", s, fmt::join(allowed, ", ")));
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  }
  std::sort(out.begin(), out.end(), [&](const std::string& x, const std::string& y) {
    return std::find(allowed.begin(), allowed.end(), x) < std::find(allowed.begin(), allowed.end(), y);
  });
  return out;
}

/// Binary statistics from the 2×2 table.
void fill(binary_agreement& r) {
  const auto n = static_cast<double>(r.units);
  const auto both = static_cast<double>(r.both);
  const auto oa = static_cast<double>(r.only_a);
  const auto ob = static_cast<double>(r.only_b);
  const auto neither = static_cast<double>(r.neither);
  if (n == 0) {
    r.kappa = r.alpha = r.precision = r.recall = r.f1 = undefined;
    return;
  }
  const double po = (both + neither) / n;
  const double a1 = (both + oa) / n;
  const double b1 = (both + ob) / n;
  const double pe = a1 * b1 + (1 - a1) * (1 - b1);
  r.kappa = pe >= 1.0 ? undefined : (po - pe) / (1 - pe);
  // Coincidences: n0 and n1 are the values of both coders together (2n pairable values).
  const double n1 = 2 * both + oa + ob;
  const double n0 = 2 * neither + oa + ob;
  r.alpha = n0 * n1 == 0 ? undefined : 1.0 - (2 * n - 1) * (oa + ob) / (n0 * n1);
  r.precision = both + ob == 0 ? undefined : both / (both + ob);
  r.recall = both + oa == 0 ? undefined : both / (both + oa);
  r.f1 = both + oa + ob == 0 ? undefined : 2 * both / (2 * both + oa + ob);
}

const tagger& ip_tagger() {
  static const tagger t(coding_scheme::builtin("ip_related"));
  return t;
}
const tagger& chain_tagger() {
  static const tagger t(coding_scheme::builtin("ip_value_chain"));
  return t;
}
const tagger& tools_tagger() {
  static const tagger t(coding_scheme::builtin("policy_tools"));
  return t;
}

}  // namespace

const std::vector<std::string>& value_chain_stages() {
  static const std::vector<std::string> s{"creation", "utilization", "protection", "management", "services"};
  return s;
}

const std::vector<std::string>& policy_tool_types() {
  static const std::vector<std::string> s{"supply", "environment", "demand"};
  return s;
}

coding_sheet coding_sheet::from_json(std::string_view text, const std::string& origin) {
  const json j = detail::parse_json(text, origin);
  if (!j.is_object()) detail::schema_fail(origin, "", "a coding sheet is a JSON object");
  const std::string schema = detail::json_string(j, origin, "", "schema", true);
  if (schema != sheet_schema)
    detail::schema_fail(origin, "/schema", fmt::format("unsupported schema \"{}\" (supported: \"{}\")", schema, sheet_schema));
  coding_sheet s;
  s.coder = detail::json_string(j, origin, "", "coder", true);
  if (const auto it = j.find("automatic"); it != j.end() && it->is_boolean()) s.automatic = it->get<bool>();
  const auto units = j.find("units");
  if (units == j.end() || !units->is_array()) detail::schema_fail(origin, "/units", "must be a list of coded units");
  std::set<std::pair<std::string, std::string>> seen;
  for (std::size_t i = 0; i < units->size(); ++i) {
    const json& u = (*units)[i];
    const std::string at = fmt::format("/units/{}", i);
    if (!u.is_object()) detail::schema_fail(origin, at, "must be an object {\"source\", \"id\", \"ip_related\", …}");
    coded_unit c;
    c.source = detail::json_string(u, origin, at, "source", true);
    c.id = detail::json_string(u, origin, at, "id", true);
    c.text_start = detail::json_string(u, origin, at, "text_start", false);
    c.note = detail::json_string(u, origin, at, "note", false);
    const auto ip = u.find("ip_related");
    if (ip == u.end() || !ip->is_boolean()) detail::schema_fail(origin, at + "/ip_related", "must be true or false");
    c.ip_related = ip->get<bool>();
    c.value_chain = code_list(u, "value_chain", value_chain_stages(), origin, at);
    c.policy_tools = code_list(u, "policy_tools", policy_tool_types(), origin, at);
    if (!c.ip_related && !c.value_chain.empty())
      detail::schema_fail(origin, at + "/value_chain", "must be empty when ip_related is false (docs/codebook.md §2)");
    if (!seen.insert({c.source, c.id}).second)
      detail::schema_fail(origin, at + "/id", fmt::format("unit {} {} is coded twice", c.source, c.id));
    s.units.push_back(std::move(c));
  }
  return s;
}

coding_sheet coding_sheet::from_file(const std::string& path) {
  if (path.ends_with(".csv") || path.ends_with(".CSV")) return from_csv(read_file(path), path);
  if (path.ends_with(".xlsx") || path.ends_with(".XLSX")) return from_xlsx(read_file(path), path);
  return from_json(read_file(path), path);
}

coding_sheet coding_sheet::from_xlsx(std::string_view bytes, const std::string& origin) {
  // The workbook `plancmp codes --format xlsx` writes has a contents sheet first and the
  // table under a caption row; a researcher may move or add sheets. The coding table is
  // the first sheet with a row naming the needed columns, down to its first empty row
  // (the table's notes follow one), and is read as the CSV it would have been.
  const auto sheets = text::read_xlsx(bytes, origin);
  const auto is_header = [](const std::vector<std::string>& row) {
    return std::all_of(std::begin(needed_columns), std::end(needed_columns), [&](const char* name) {
      return std::find(row.begin(), row.end(), name) != row.end();
    });
  };
  const auto quote = [](const std::string& cell) {
    std::string out = "\"";
    for (char ch : cell) {
      if (ch == '"') out += '"';
      out += ch;
    }
    return out + '"';
  };
  for (const auto& rows : sheets) {
    const auto header = std::find_if(rows.begin(), rows.end(), is_header);
    if (header == rows.end()) continue;
    std::string csv;
    for (auto r = header; r != rows.end(); ++r) {
      if (std::all_of(r->begin(), r->end(), [](const std::string& c) { return c.empty(); })) break;
      for (std::size_t i = 0; i < r->size(); ++i) csv += (i == 0 ? "" : ",") + quote((*r)[i]);
      csv += "\n";
    }
    return from_csv(csv, origin);
  }
  throw schema_error(error_location::file(origin),
                     "no worksheet has the columns source, id, variable, theme and code (a coding sheet workbook: "
                     "plancmp codes --format xlsx)");
}

coding_sheet coding_sheet::from_csv(std::string_view csv, const std::string& origin) {
  const auto records = detail::csv_records(csv);
  const auto fail_at = [&](std::uint32_t line, const std::string& what) -> void {
    throw schema_error({origin, {}, line, {}}, what + " (a coding sheet CSV: plancmp codes --format csv)");
  };
  if (records.empty()) fail_at(1, "the file is empty");
  const auto& header = records.front().second;
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < header.size(); ++i) column.emplace(header[i], i);
  for (const char* needed : needed_columns) {
    if (!column.contains(needed)) fail_at(records.front().first, fmt::format("missing column \"{}\"", needed));
  }
  coding_sheet s;
  s.automatic = true;
  bool any_row = false;
  std::map<std::pair<std::string, std::string>, std::size_t> index;
  for (std::size_t r = 1; r < records.size(); ++r) {
    // Not a structured binding: clang 14 (the fuzz build) cannot capture one in a lambda.
    const auto line = records[r].first;
    const auto& row = records[r].second;
    const auto get = [&](const char* name) -> std::string {
      const auto it = column.find(name);
      return it == column.end() || it->second >= row.size() ? std::string() : row[it->second];
    };
    const std::string source = get("source");
    const std::string id = get("id");
    if (source.empty() && id.empty()) continue;
    const std::string variable = get("variable");
    const std::string theme = get("theme");
    const std::string code = get("code");
    if (code != "0" && code != "1") fail_at(line, fmt::format("code must be 0 or 1, not \"{}\"", code));
    auto [it, added] = index.emplace(std::make_pair(source, id), s.units.size());
    if (added) {
      coded_unit u;
      u.source = source;
      u.id = id;
      u.text_start = get("text_start");
      s.units.push_back(std::move(u));
    }
    coded_unit& u = s.units[it->second];
    if (const std::string c = get("coder"); !c.empty()) s.coder = c;
    if (get("kind") == "human") s.automatic = false;
    any_row = true;
    const bool on = code == "1";
    if (variable == "ip_related") {
      u.ip_related = on;
    } else if (variable == "value_chain" || variable == "policy_tools") {
      const auto& allowed = variable == "value_chain" ? value_chain_stages() : policy_tool_types();
      if (std::find(allowed.begin(), allowed.end(), theme) == allowed.end())
        fail_at(line, fmt::format("unknown {} theme \"{}\" (known: {})", variable, theme, fmt::join(allowed, ", ")));
      auto& codes = variable == "value_chain" ? u.value_chain : u.policy_tools;
      if (on && std::find(codes.begin(), codes.end(), theme) == codes.end()) codes.push_back(theme);
    } else {
      fail_at(line, fmt::format("unknown variable \"{}\" (known: ip_related, value_chain, policy_tools)", variable));
    }
  }
  if (!any_row) s.automatic = false;
  if (s.coder.empty()) s.coder = origin;
  for (auto& u : s.units) {
    const auto order = [](const std::vector<std::string>& allowed) {
      return [&allowed](const std::string& x, const std::string& y) {
        return std::find(allowed.begin(), allowed.end(), x) < std::find(allowed.begin(), allowed.end(), y);
      };
    };
    std::sort(u.value_chain.begin(), u.value_chain.end(), order(value_chain_stages()));
    std::sort(u.policy_tools.begin(), u.policy_tools.end(), order(policy_tool_types()));
    if (!u.ip_related) u.value_chain.clear();  // the codebook: no stage outside IP
  }
  return s;
}

std::string coding_sheet::to_json() const {
  json list = json::array();
  for (const coded_unit& u : units) {
    json j{{"source", u.source}, {"id", u.id}, {"text_start", u.text_start}, {"ip_related", u.ip_related},
           {"value_chain", u.value_chain}, {"policy_tools", u.policy_tools}};
    if (!u.note.empty()) j["note"] = u.note;
    if (!u.evidence.empty()) {
      json ev = json::array();
      for (const auto& e : u.evidence) ev.push_back({{"theme", e.theme}, {"printed", e.printed}, {"begin", e.where.begin}, {"end", e.where.end}});
      j["evidence"] = std::move(ev);
    }
    list.push_back(std::move(j));
  }
  json out{{"schema", sheet_schema}, {"coder", coder}, {"automatic", automatic}, {"units", std::move(list)}};
  return out.dump(1) + "\n";
}

std::vector<coded_unit> code_plan(const plan& p, const text::document& doc, const std::string& source) {
  const std::array<const tagger*, 3> taggers{&ip_tagger(), &chain_tagger(), &tools_tagger()};
  const auto tags = tagger::tag_all(taggers, p, doc);
  std::vector<coded_unit> out;
  out.reserve(p.measures().size());
  for (std::size_t m = 0; m < p.measures().size(); ++m) {
    coded_unit u;
    u.source = source;
    u.id = p.measures()[m].id;
    std::string_view t = p.measures()[m].text;
    std::size_t cut = 0;
    for (std::size_t n = 0; n < 16 && cut < t.size(); ++n) {
      ++cut;
      while (cut < t.size() && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) ++cut;
    }
    u.text_start = std::string(t.substr(0, cut));
    const auto add = [&](const tagged_unit& tu, const coding_scheme& s, std::vector<std::string>* into) {
      for (const theme_label& l : tu.labels) {
        if (s.themes[l.theme].depth != 0) continue;
        const std::string& id = s.themes[l.theme].id;
        if (into != nullptr) into->push_back(id);
        for (const auto& e : l.evidence) {
          code_evidence ev{id, e.printed, e.where};
          if (std::find(u.evidence.begin(), u.evidence.end(), ev) == u.evidence.end()) u.evidence.push_back(std::move(ev));
        }
      }
    };
    add(tags[0].measures[m], ip_tagger().scheme(), nullptr);
    u.ip_related = !tags[0].measures[m].labels.empty();
    add(tags[1].measures[m], chain_tagger().scheme(), &u.value_chain);
    add(tags[2].measures[m], tools_tagger().scheme(), &u.policy_tools);
    out.push_back(std::move(u));
  }
  return out;
}

std::vector<std::string> sources_of(const coding_sheet& sheet) {
  std::vector<std::string> out;
  for (const auto& u : sheet.units) {
    if (std::find(out.begin(), out.end(), u.source) == out.end()) out.push_back(u.source);
  }
  return out;
}

automatic_coding code_sources(std::span<const std::string> sources, const parse::gold_folders& folders) {
  automatic_coding out;
  out.sheet.coder = "plancmp";
  out.sheet.automatic = true;
  for (const std::string& source : sources) {
    try {
      const text::document doc = parse::read_gold_source(source, folders);
      const plan p = parse::parse_document(doc);
      for (auto& u : code_plan(p, doc, source)) out.sheet.units.push_back(std::move(u));
    } catch (const std::exception& e) {
      out.missing.push_back(fmt::format("{}: {}", source, e.what()));
    }
  }
  return out;
}

namespace {

std::string_view file_name(std::string_view path) {
  const auto slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace

coding_scheme scheme_for_sheet(const coding_sheet& sheet, const coding_scheme& scheme) {
  coding_scheme s = scheme;
  s.id = fmt::format("{} ({} codes: {})", scheme.id, sheet.automatic ? "automatic" : "human", sheet.coder);
  return s;
}

plan_tagging tagging_from_sheet(const coding_sheet& sheet, const plan& p, const coding_scheme& scheme) {
  if (scheme.id != "ip_value_chain" && scheme.id != "policy_tools" && scheme.id != "ip_related")
    throw usage_error(fmt::format("a coding sheet holds ip_related, ip_value_chain and policy_tools codes, not '{}'",
                                  scheme.id));
  plan_tagging out;
  out.plan = plan_label(p);
  out.scheme = scheme_for_sheet(sheet, scheme).id;
  std::map<std::string, const coded_unit*> by_id;
  for (const auto& u : sheet.units) {
    if (file_name(u.source) == file_name(p.source.path)) by_id.emplace(u.id, &u);
  }
  for (std::size_t m = 0; m < p.measures().size(); ++m) {
    tagged_unit t{unit_kind::measure, m, p.measures()[m].id, p.measures()[m].where, {}};
    const auto it = by_id.find(p.measures()[m].id);
    if (it == by_id.end()) {
      out.diagnostics.push_back({0, p.measures()[m].where, "coding.not_coded",
                                 fmt::format("measure {}: not in the coding sheet of {}", p.measures()[m].id, sheet.coder)});
      out.measures.push_back(std::move(t));
      continue;
    }
    const coded_unit& u = *it->second;
    std::vector<std::string> codes;
    if (scheme.id == "ip_value_chain") codes = u.value_chain;
    if (scheme.id == "policy_tools") codes = u.policy_tools;
    if (scheme.id == "ip_related" && u.ip_related) codes = {"ip_related"};
    for (std::size_t th = 0; th < scheme.themes.size(); ++th) {
      if (std::find(codes.begin(), codes.end(), scheme.themes[th].id) == codes.end()) continue;
      theme_label l{th, 1.0, {}, false};
      for (const auto& e : u.evidence) {
        if (e.theme == scheme.themes[th].id) l.evidence.push_back({e.theme, e.printed, e.where, false});
      }
      t.labels.push_back(std::move(l));
    }
    out.measures.push_back(std::move(t));
  }
  return out;
}

double cohen_kappa(std::span<const bool> a, std::span<const bool> b) {
  if (a.size() != b.size())
    throw usage_error(fmt::format("cohen_kappa: the codings differ in length ({} and {})", a.size(), b.size()));
  binary_agreement r;
  r.units = a.size();
  for (std::size_t i = 0; i < a.size(); ++i) (a[i] ? (b[i] ? r.both : r.only_a) : (b[i] ? r.only_b : r.neither))++;
  fill(r);
  return r.kappa;
}

double krippendorff_alpha(std::span<const bool> a, std::span<const bool> b) {
  if (a.size() != b.size())
    throw usage_error(fmt::format("krippendorff_alpha: the codings differ in length ({} and {})", a.size(), b.size()));
  binary_agreement r;
  r.units = a.size();
  for (std::size_t i = 0; i < a.size(); ++i) (a[i] ? (b[i] ? r.both : r.only_a) : (b[i] ? r.only_b : r.neither))++;
  fill(r);
  return r.alpha;
}

const binary_agreement* agreement_report::find(std::string_view variable, std::string_view theme) const noexcept {
  for (const auto& r : rows) {
    if (r.variable == variable && r.theme == theme) return &r;
  }
  return nullptr;
}

agreement_report compare_codings(const coding_sheet& a, const coding_sheet& b) {
  agreement_report out;
  out.coder_a = a.coder;
  out.coder_b = b.coder;
  out.units_a = a.units.size();
  out.units_b = b.units.size();
  std::map<std::pair<std::string, std::string>, const coded_unit*> by_key;
  for (const auto& u : b.units) by_key.emplace(std::make_pair(u.source, u.id), &u);
  std::vector<std::pair<const coded_unit*, const coded_unit*>> pairs;
  for (const auto& u : a.units) {
    const auto it = by_key.find({u.source, u.id});
    if (it == by_key.end()) {
      out.unmatched.push_back(u.source + " " + u.id);
    } else {
      pairs.emplace_back(&u, it->second);
    }
  }
  out.matched = pairs.size();
  const auto count = [](binary_agreement& r, bool x, bool y) {
    ++r.units;
    (x ? (y ? r.both : r.only_a) : (y ? r.only_b : r.neither))++;
  };
  binary_agreement ip;
  ip.variable = ip.theme = "ip_related";
  for (const auto& [x, y] : pairs) count(ip, x->ip_related, y->ip_related);
  fill(ip);
  out.rows.push_back(ip);
  const auto variable = [&](const char* name, const std::vector<std::string>& themes,
                            std::vector<std::string> coded_unit::*codes) {
    binary_agreement pooled;
    pooled.variable = name;
    pooled.theme = "(all)";
    for (const auto& theme : themes) {
      binary_agreement r;
      r.variable = name;
      r.theme = theme;
      for (const auto& [x, y] : pairs) {
        const bool in_a = std::find((x->*codes).begin(), (x->*codes).end(), theme) != (x->*codes).end();
        const bool in_b = std::find((y->*codes).begin(), (y->*codes).end(), theme) != (y->*codes).end();
        count(r, in_a, in_b);
        count(pooled, in_a, in_b);
      }
      fill(r);
      out.rows.push_back(r);
    }
    fill(pooled);
    out.rows.push_back(pooled);
  };
  variable("value_chain", value_chain_stages(), &coded_unit::value_chain);
  variable("policy_tools", policy_tool_types(), &coded_unit::policy_tools);
  return out;
}

}  // namespace plancmp::inline v0::analysis
