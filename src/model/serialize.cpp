// SPDX-License-Identifier: MIT
//
// Plan JSON (schema plancmp.plan/1, documented in docs/plan-schema.md), GraphML and DOT.
//
// Writing goes through nlohmann::ordered_json so that keys come out in the documented
// order and equal plans give equal bytes. The writer refuses values the schema cannot
// carry (non-finite numbers, which nlohmann would print as null; ill-formed UTF-8, which
// no JSON reader accepts; impossible dates; spans that end before they begin), naming the
// JSON path of the offending value, so that every file it writes reads back.
//
// Reading is strict, because plan files are passed between people and programs and a
// silently misread file would corrupt a comparison: the text is first parsed by a SAX
// handler that builds the DOM itself, refusing nesting deeper than `max_json_depth`
// before the deeper part is built (nlohmann's parser is iterative, but a DOM nested
// 10^6 deep still costs memory and recursive code downstream) and refusing duplicate
// keys (nlohmann would keep the last one silently). Then every key is checked for
// presence, type and range. Unknown keys are ignored: that is what lets later /1 writers
// add optional keys (see the compatibility policy in the schema document).

#include <plancmp/model/serialize.hpp>

#include <plancmp/error.hpp>

#include "enum_names.hpp"
#include "json_read.hpp"
#include <plancmp/model/detail/markup.hpp>
#include <plancmp/text/detail/utf8.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace plancmp::inline v0 {

namespace {

using detail::append_dot;
using detail::append_xml;

using ojson = nlohmann::ordered_json;
using json = nlohmann::json;

/// Deepest nesting accepted on import. A plan file nests six levels (root → tables →
/// table → cell_spans → row → span); 64 leaves room for later optional keys.
constexpr std::size_t max_json_depth = 64;

// ------------------------------------------------------------------ JSON paths

/// A JSON Pointer (RFC 6901) built on the stack while descending, turned into text only
/// when an error is reported. A child refers to its parent, so a path must not outlive
/// the path it was made from (keep them as named locals, one per level).
struct json_path {
  const json_path* parent = nullptr;
  std::string_view key;
  std::size_t index = 0;
  bool is_index = false;

  [[nodiscard]] json_path operator/(std::string_view k) const { return {this, k, 0, false}; }
  [[nodiscard]] json_path operator/(std::size_t i) const { return {this, {}, i, true}; }

  /// "/measures/3/lead/0/span"; the document itself is "/".
  [[nodiscard]] std::string str() const {
    std::vector<const json_path*> chain;
    for (const json_path* p = this; p->parent != nullptr; p = p->parent) chain.push_back(p);
    if (chain.empty()) return "/";
    std::string out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      out += '/';
      if ((*it)->is_index) {
        out += std::to_string((*it)->index);
        continue;
      }
      out += detail::json_pointer_escape((*it)->key);
    }
    return out;
  }
};

// ------------------------------------------------------------------ dates

bool is_leap_year(int year) noexcept { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) noexcept {
  constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : days[static_cast<std::size_t>(month - 1)];
}

/// A date that `date::to_string` writes and `read_date` reads back unchanged: a
/// four-digit year, a month or none, a day only with a month.
bool representable(const date& d) noexcept {
  if (d.year < 0 || d.year > 9999 || d.month < 0 || d.month > 12 || d.day < 0) return false;
  if (d.month == 0) return d.day == 0;
  return d.day <= days_in_month(d.year, d.month);
}

/// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (exactly those digits); nullopt otherwise.
std::optional<date> parse_date(std::string_view s) {
  const auto number = [&s](std::size_t at, std::size_t width) -> std::optional<int> {
    int value = 0;
    for (std::size_t i = at; i < at + width; ++i) {
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
      value = value * 10 + (s[i] - '0');
    }
    return value;
  };
  date d;
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return std::nullopt;
  const auto year = number(0, 4);
  if (!year) return std::nullopt;
  d.year = *year;
  if (s.size() >= 7) {
    const auto month = number(5, 2);
    if (s[4] != '-' || !month || *month == 0) return std::nullopt;
    d.month = *month;
  }
  if (s.size() == 10) {
    const auto day = number(8, 2);
    if (s[7] != '-' || !day || *day == 0) return std::nullopt;
    d.day = *day;
  }
  if (!representable(d)) return std::nullopt;
  return d;
}

// ------------------------------------------------------------------ writer

/// Builds the ordered JSON value of a plan, refusing what would not read back.
class writer {
 public:
  explicit writer(const plan& p) : plan_(p), origin_(p.source.path.empty() ? "<plan>" : p.source.path) {
    for (const agency& a : p.agencies) agency_by_name_.try_emplace(a.name, &a);
  }

  [[nodiscard]] ojson write() const {
    const json_path root;
    const plan& p = plan_;
    ojson out = ojson::object();
    out["schema"] = std::string(plan_schema);
    {
      const json_path at = root / "source";
      ojson s = ojson::object();
      s["path"] = text(p.source.path, at / "path");
      s["sha256"] = text(p.source.sha256, at / "sha256");
      s["encoding"] = text(p.source.encoding, at / "encoding");
      s["script"] = text(p.source.script, at / "script");
      s["bytes"] = p.source.bytes;
      out["source"] = std::move(s);
    }
    out["title"] = text(p.title, root / "title");
    out["title_span"] = where(p.title_span, root / "title_span");
    out["notice_title"] = text(p.notice_title, root / "notice_title");
    {
      const json_path at = root / "jurisdiction";
      ojson j = ojson::object();
      j["name"] = text(p.issuing_jurisdiction.name, at / "name");
      j["level"] = std::string(to_string(p.issuing_jurisdiction.admin_level));
      j["evidence"] = text(p.issuing_jurisdiction.evidence, at / "evidence");
      out["jurisdiction"] = std::move(j);
    }
    out["issuer"] = text(p.issuer, root / "issuer");
    out["issued"] = optional_date(p.issued, root / "issued");
    out["issued_text"] = text(p.issued_text, root / "issued_text");
    if (p.doc_number) {
      const json_path at = root / "doc_number";
      ojson d = ojson::object();
      d["printed"] = text(p.doc_number->printed, at / "printed");
      d["repaired"] = text(p.doc_number->repaired, at / "repaired");
      d["span"] = where(p.doc_number->where, at / "span");
      out["doc_number"] = std::move(d);
    } else {
      out["doc_number"] = nullptr;
    }
    out["kind"] = std::string(to_string(p.kind));
    out["draft"] = p.draft;
    out["first_listed_leads"] = p.first_listed_leads;
    out["cover"] = where(p.cover, root / "cover");
    out["body"] = where(p.body, root / "body");
    out["preamble"] = text(p.preamble, root / "preamble");
    out["preamble_span"] = where(p.preamble_span, root / "preamble_span");
    out["sections"] = each(p.sections, root / "sections", &writer::write_section);
    out["measures"] = each(p.measures, root / "measures", &writer::write_measure);
    out["goals"] = each(p.goals, root / "goals", &writer::write_goal);
    out["targets"] = each(p.targets, root / "targets", &writer::write_target);
    out["agencies"] = each(p.agencies, root / "agencies", &writer::write_agency);
    out["boxes"] = each(p.boxes, root / "boxes", &writer::write_box);
    out["tables"] = each(p.tables, root / "tables", &writer::write_table);
    out["annexes"] = each(p.annexes, root / "annexes", &writer::write_annex);
    out["diagnostics"] = each(p.diagnostics, root / "diagnostics", &writer::write_diagnostic);
    return out;
  }

 private:
  [[noreturn]] void fail(const json_path& at, std::string_view what) const {
    throw schema_error(error_location{origin_, {}, {}, {}},
                       fmt::format("{}: {}; the plan cannot be written as JSON (fix the value, "
                                   "or report the step that produced it)",
                                   at.str(), what));
  }

  [[nodiscard]] ojson text(const std::string& s, const json_path& at) const {
    if (const std::size_t bad = text::detail::first_invalid_utf8(s); bad != std::string_view::npos)
      fail(at, fmt::format("string is not valid UTF-8 (byte {} of {})", bad, s.size()));
    return s;
  }

  [[nodiscard]] ojson texts(const std::vector<std::string>& v, const json_path& at) const {
    ojson out = ojson::array();
    for (std::size_t i = 0; i < v.size(); ++i) out.push_back(text(v[i], at / i));
    return out;
  }

  [[nodiscard]] ojson number(double v, const json_path& at) const {
    if (!std::isfinite(v)) fail(at, fmt::format("{} is not a finite number", v));
    return v;
  }

  [[nodiscard]] ojson where(const span& s, const json_path& at) const {
    if (s.begin > s.end) fail(at, fmt::format("span [{}, {}] ends before it begins", s.begin, s.end));
    return ojson::array({s.begin, s.end});
  }

  [[nodiscard]] ojson optional_date(const std::optional<date>& d, const json_path& at) const {
    if (!d) return nullptr;
    if (!representable(*d))
      fail(at, fmt::format("date {{year {}, month {}, day {}}} is not a calendar date of the form "
                           "YYYY, YYYY-MM or YYYY-MM-DD",
                           d->year, d->month, d->day));
    return d->to_string();
  }

  template <typename T>
  [[nodiscard]] ojson each(const std::vector<T>& v, const json_path& at,
                           ojson (writer::*write_one)(const T&, const json_path&) const) const {
    ojson out = ojson::array();
    for (std::size_t i = 0; i < v.size(); ++i) out.push_back((this->*write_one)(v[i], at / i));
    return out;
  }

  [[nodiscard]] ojson write_section(const section& s, const json_path& at) const {
    ojson o = ojson::object();
    o["id"] = text(s.id, at / "id");
    o["path"] = texts(s.path, at / "path");
    o["title"] = text(s.title, at / "title");
    o["kind"] = std::string(to_string(s.kind));
    o["depth"] = s.depth;
    o["span"] = where(s.where, at / "span");
    o["extent"] = where(s.extent, at / "extent");
    return o;
  }

  [[nodiscard]] ojson write_mention(const agency_mention& a, const json_path& at) const {
    ojson o = ojson::object();
    o["name"] = text(a.name, at / "name");
    o["span"] = where(a.where, at / "span");
    // Derived from the plan's agency list for readers that do not join it themselves;
    // ignored on import.
    const auto it = agency_by_name_.find(a.name);
    const agency* resolved = it != agency_by_name_.end() ? it->second : nullptr;
    if (resolved != nullptr && resolved->resolution) {
      o["canonical"] = text(resolved->resolution->canonical, at / "canonical");
      o["level"] = std::string(to_string(resolved->resolution->admin_level));
      o["match"] = text(resolved->resolution->match, at / "match");
    } else {
      o["canonical"] = nullptr;
      o["level"] = nullptr;
      o["match"] = nullptr;
    }
    return o;
  }

  [[nodiscard]] ojson mentions(const std::vector<agency_mention>& v, const json_path& at) const {
    return each(v, at, &writer::write_mention);
  }

  [[nodiscard]] ojson write_measure(const measure& m, const json_path& at) const {
    ojson o = ojson::object();
    o["id"] = text(m.id, at / "id");
    o["path"] = texts(m.path, at / "path");
    o["title"] = text(m.title, at / "title");
    o["text"] = text(m.text, at / "text");
    o["lead"] = mentions(m.lead, at / "lead");
    o["support"] = mentions(m.support, at / "support");
    o["joint"] = m.joint;
    if (m.due) {
      const json_path d_at = at / "deadline";
      ojson d = ojson::object();
      d["text"] = text(m.due->text, d_at / "text");
      d["due"] = optional_date(m.due->due, d_at / "due");
      d["recurring"] = m.due->recurring;
      d["ongoing"] = m.due->ongoing;
      d["span"] = where(m.due->where, d_at / "span");
      o["deadline"] = std::move(d);
    } else {
      o["deadline"] = nullptr;
    }
    o["clause"] = text(m.clause, at / "clause");
    o["span"] = where(m.where, at / "span");
    return o;
  }

  [[nodiscard]] ojson write_goal(const goal& g, const json_path& at) const {
    ojson o = ojson::object();
    o["id"] = text(g.id, at / "id");
    o["path"] = texts(g.path, at / "path");
    o["title"] = text(g.title, at / "title");
    o["text"] = text(g.text, at / "text");
    o["kind"] = std::string(to_string(g.kind));
    o["span"] = where(g.where, at / "span");
    return o;
  }

  [[nodiscard]] ojson write_target(const target& t, const json_path& at) const {
    ojson o = ojson::object();
    o["indicator"] = text(t.indicator, at / "indicator");
    o["indicator_key"] = text(t.indicator_key, at / "indicator_key");
    o["value"] = number(t.value, at / "value");
    o["unit"] = text(t.unit, at / "unit");
    o["normalized_value"] = number(t.normalized_value, at / "normalized_value");
    o["base_unit"] = text(t.base_unit, at / "base_unit");
    o["comparator"] = std::string(to_string(t.kind));
    o["year"] = t.year ? ojson(*t.year) : ojson(nullptr);
    o["baseline"] = t.baseline ? number(*t.baseline, at / "baseline") : ojson(nullptr);
    o["baseline_year"] = t.baseline_year ? ojson(*t.baseline_year) : ojson(nullptr);
    o["periodic"] = t.periodic;
    o["agencies"] = texts(t.agencies, at / "agencies");
    o["owner"] = text(t.owner, at / "owner");
    o["span"] = where(t.where, at / "span");
    return o;
  }

  [[nodiscard]] ojson write_agency(const agency& a, const json_path& at) const {
    ojson o = ojson::object();
    o["name"] = text(a.name, at / "name");
    o["collective"] = a.collective;
    if (a.resolution) {
      o["canonical"] = text(a.resolution->canonical, at / "canonical");
      o["level"] = std::string(to_string(a.resolution->admin_level));
      o["match"] = text(a.resolution->match, at / "match");
      o["confidence"] = number(a.resolution->confidence, at / "confidence");
    } else {
      o["canonical"] = nullptr;
      o["level"] = nullptr;
      o["match"] = nullptr;
      o["confidence"] = nullptr;
    }
    return o;
  }

  [[nodiscard]] ojson write_box_item(const box_item& b, const json_path& at) const {
    ojson o = ojson::object();
    o["title"] = text(b.title, at / "title");
    o["text"] = text(b.text, at / "text");
    o["span"] = where(b.where, at / "span");
    o["restates"] = b.restates ? text(*b.restates, at / "restates") : ojson(nullptr);
    o["similarity"] = number(b.similarity, at / "similarity");
    return o;
  }

  [[nodiscard]] ojson write_box(const box& b, const json_path& at) const {
    ojson o = ojson::object();
    o["id"] = text(b.id, at / "id");
    o["title"] = text(b.title, at / "title");
    o["parent"] = text(b.parent, at / "parent");
    o["span"] = where(b.where, at / "span");
    o["items"] = each(b.items, at / "items", &writer::write_box_item);
    return o;
  }

  [[nodiscard]] ojson write_table(const table_block& t, const json_path& at) const {
    ojson o = ojson::object();
    o["id"] = text(t.id, at / "id");
    o["caption"] = text(t.caption, at / "caption");
    o["parent"] = text(t.parent, at / "parent");
    o["columns"] = texts(t.columns, at / "columns");
    const json_path rows_at = at / "rows";
    ojson rows = ojson::array();
    for (std::size_t r = 0; r < t.rows.size(); ++r) rows.push_back(texts(t.rows[r], rows_at / r));
    o["rows"] = std::move(rows);
    // Readers index cell_spans[r][c] for every cell of rows; a ragged pair would send
    // them out of bounds, so the shapes must agree (the reader checks the same).
    const json_path spans_at = at / "cell_spans";
    if (t.cell_spans.size() != t.rows.size())
      fail(spans_at,
           fmt::format("{} rows of spans for {} rows of cells", t.cell_spans.size(), t.rows.size()));
    ojson spans = ojson::array();
    for (std::size_t r = 0; r < t.cell_spans.size(); ++r) {
      const json_path row_at = spans_at / r;
      if (t.cell_spans[r].size() != t.rows[r].size())
        fail(row_at, fmt::format("{} spans for {} cells", t.cell_spans[r].size(), t.rows[r].size()));
      ojson row = ojson::array();
      for (std::size_t c = 0; c < t.cell_spans[r].size(); ++c)
        row.push_back(where(t.cell_spans[r][c], row_at / c));
      spans.push_back(std::move(row));
    }
    o["cell_spans"] = std::move(spans);
    o["span"] = where(t.where, at / "span");
    return o;
  }

  [[nodiscard]] ojson write_annex(const annex& a, const json_path& at) const {
    ojson o = ojson::object();
    o["id"] = text(a.id, at / "id");
    o["title"] = text(a.title, at / "title");
    o["text"] = text(a.text, at / "text");
    o["span"] = where(a.where, at / "span");
    return o;
  }

  [[nodiscard]] ojson write_diagnostic(const diagnostic& d, const json_path& at) const {
    ojson o = ojson::object();
    o["line"] = d.line;
    o["span"] = where(d.where, at / "span");
    o["code"] = text(d.code, at / "code");
    o["message"] = text(d.message, at / "message");
    return o;
  }

  const plan& plan_;
  std::string origin_;
  std::unordered_map<std::string_view, const agency*> agency_by_name_;
};

// ------------------------------------------------------------------ reader

/// Checks a plan's DOM and converts it, reporting the first problem with its path.
class reader {
 public:
  explicit reader(std::string origin) : origin_(std::move(origin)) {}

  // `read` is const on the DOM; the one piece of state it keeps is the source size that
  // every later span is checked against.

  [[nodiscard]] plan read(const json& doc) const {
    const json_path root;
    expect_object(doc, root);
    plan p;
    // The schema first: a file from a later version should get the version message,
    // not a complaint about a key that version renamed.
    const std::string schema = string_at(doc, root, "schema");
    if (schema != plan_schema)
      fail(root / "schema",
           fmt::format("unsupported schema \"{}\" (supported: \"{}\"); read the file with the "
                       "plancmp version that wrote it, or upgrade plancmp",
                       schema, plan_schema));
    {
      const json_path at = root / "source";
      const json& s = object_at(doc, root, "source");
      p.source.path = string_at(s, at, "path");
      p.source.sha256 = string_at(s, at, "sha256");
      p.source.encoding = string_at(s, at, "encoding");
      p.source.script = string_at(s, at, "script");
      p.source.bytes = unsigned_at(s, at, "bytes", std::numeric_limits<std::uint64_t>::max());
      source_bytes_ = p.source.bytes;
    }
    p.title = string_at(doc, root, "title");
    p.title_span = span_at(doc, root, "title_span");
    p.notice_title = string_at(doc, root, "notice_title");
    {
      const json_path at = root / "jurisdiction";
      const json& j = object_at(doc, root, "jurisdiction");
      p.issuing_jurisdiction.name = string_at(j, at, "name");
      p.issuing_jurisdiction.admin_level = level_at(j, at, "level");
      p.issuing_jurisdiction.evidence = string_at(j, at, "evidence");
    }
    p.issuer = string_at(doc, root, "issuer");
    p.issued = optional_date_at(doc, root, "issued");
    p.issued_text = string_at(doc, root, "issued_text");
    if (const json& d = member(doc, root, "doc_number"); !d.is_null()) {
      const json_path at = root / "doc_number";
      expect_object(d, at);
      p.doc_number = document_number{string_at(d, at, "printed"), string_at(d, at, "repaired"),
                                     span_at(d, at, "span")};
    }
    if (doc.contains("kind")) {  // files written before document kinds were read are plans
      const std::string kind = string_at(doc, root, "kind");
      const auto k = parse_document_kind(kind);
      if (!k) fail(root / "kind", fmt::format("unknown document kind \"{}\" (expected {})", kind,
                                              detail::joined_names(detail::document_kind_names)));
      p.kind = *k;
    }
    p.draft = bool_at(doc, root, "draft");
    p.first_listed_leads = bool_at(doc, root, "first_listed_leads");
    p.cover = span_at(doc, root, "cover");
    p.body = span_at(doc, root, "body");
    p.preamble = string_at(doc, root, "preamble");
    p.preamble_span = span_at(doc, root, "preamble_span");
    p.sections = array_at(doc, root, "sections", &reader::read_section);
    p.measures = array_at(doc, root, "measures", &reader::read_measure);
    p.goals = array_at(doc, root, "goals", &reader::read_goal);
    p.targets = array_at(doc, root, "targets", &reader::read_target);
    p.agencies = array_at(doc, root, "agencies", &reader::read_agency);
    p.boxes = array_at(doc, root, "boxes", &reader::read_box);
    p.tables = array_at(doc, root, "tables", &reader::read_table);
    p.annexes = array_at(doc, root, "annexes", &reader::read_annex);
    p.diagnostics = array_at(doc, root, "diagnostics", &reader::read_diagnostic);
    check_agencies(p, root / "agencies");
    return p;
  }

 private:
  [[noreturn]] void fail(const json_path& at, std::string_view what) const {
    throw schema_error(error_location{origin_, {}, {}, {}}, fmt::format("{}: {}", at.str(), what));
  }

  // ---- shapes

  void expect_object(const json& j, const json_path& at) const {
    if (!j.is_object()) fail(at, fmt::format("expected an object, got {}", j.type_name()));
  }

  [[nodiscard]] const json& member(const json& obj, const json_path& at, std::string_view key) const {
    const auto it = obj.find(key);
    if (it == obj.end()) fail(at / key, "required key is missing");
    return *it;
  }

  [[nodiscard]] const json& object_at(const json& obj, const json_path& at,
                                      std::string_view key) const {
    const json& j = member(obj, at, key);
    expect_object(j, at / key);
    return j;
  }

  template <typename T>
  using element_reader = T (reader::*)(const json&, const json_path&) const;

  template <typename T>
  [[nodiscard]] std::vector<T> array_of(const json& j, const json_path& at,
                                        element_reader<T> read_one) const {
    if (!j.is_array()) fail(at, fmt::format("expected an array, got {}", j.type_name()));
    std::vector<T> out;
    out.reserve(j.size());
    for (std::size_t i = 0; i < j.size(); ++i) out.push_back((this->*read_one)(j[i], at / i));
    return out;
  }

  template <typename T>
  [[nodiscard]] std::vector<T> array_at(const json& obj, const json_path& at, std::string_view key,
                                        element_reader<T> read_one) const {
    return array_of(member(obj, at, key), at / key, read_one);
  }

  // ---- scalars

  [[nodiscard]] std::string string_value(const json& j, const json_path& at) const {
    if (!j.is_string()) fail(at, fmt::format("expected a string, got {}", j.type_name()));
    return j.get<std::string>();
  }
  [[nodiscard]] std::string string_at(const json& obj, const json_path& at,
                                      std::string_view key) const {
    return string_value(member(obj, at, key), at / key);
  }

  [[nodiscard]] std::vector<std::string> strings_value(const json& j, const json_path& at) const {
    return array_of(j, at, &reader::string_value);
  }
  [[nodiscard]] std::vector<std::string> strings_at(const json& obj, const json_path& at,
                                                    std::string_view key) const {
    return strings_value(member(obj, at, key), at / key);
  }

  [[nodiscard]] std::optional<std::string> optional_string_at(const json& obj, const json_path& at,
                                                              std::string_view key) const {
    const json& j = member(obj, at, key);
    if (j.is_null()) return std::nullopt;
    return string_value(j, at / key);
  }

  [[nodiscard]] bool bool_at(const json& obj, const json_path& at, std::string_view key) const {
    const json& j = member(obj, at, key);
    if (!j.is_boolean()) fail(at / key, fmt::format("expected true or false, got {}", j.type_name()));
    return j.get<bool>();
  }

  [[nodiscard]] std::uint64_t unsigned_value(const json& j, const json_path& at,
                                             std::uint64_t max) const {
    if (j.is_number_unsigned()) {
      const auto v = j.get<std::uint64_t>();
      if (v > max) fail(at, fmt::format("{} is out of range (0 to {})", v, max));
      return v;
    }
    if (j.is_number_integer())
      fail(at, fmt::format("expected a non-negative integer, got {}", j.get<std::int64_t>()));
    if (j.is_number_float())
      fail(at, fmt::format("expected a non-negative integer, got {}", j.get<double>()));
    fail(at, fmt::format("expected a non-negative integer, got {}", j.type_name()));
  }
  [[nodiscard]] std::uint64_t unsigned_at(const json& obj, const json_path& at, std::string_view key,
                                          std::uint64_t max) const {
    return unsigned_value(member(obj, at, key), at / key, max);
  }

  [[nodiscard]] int int_value(const json& j, const json_path& at) const {
    constexpr auto lo = std::numeric_limits<int>::min();
    constexpr auto hi = std::numeric_limits<int>::max();
    if (j.is_number_unsigned()) {
      const auto v = j.get<std::uint64_t>();
      if (v > static_cast<std::uint64_t>(hi))
        fail(at, fmt::format("{} is out of range ({} to {})", v, lo, hi));
      return static_cast<int>(v);
    }
    if (j.is_number_integer()) {
      const auto v = j.get<std::int64_t>();
      if (v < lo || v > hi) fail(at, fmt::format("{} is out of range ({} to {})", v, lo, hi));
      return static_cast<int>(v);
    }
    if (j.is_number_float()) fail(at, fmt::format("expected an integer, got {}", j.get<double>()));
    fail(at, fmt::format("expected an integer, got {}", j.type_name()));
  }
  [[nodiscard]] int int_at(const json& obj, const json_path& at, std::string_view key) const {
    return int_value(member(obj, at, key), at / key);
  }
  [[nodiscard]] std::optional<int> optional_int_at(const json& obj, const json_path& at,
                                                   std::string_view key) const {
    const json& j = member(obj, at, key);
    if (j.is_null()) return std::nullopt;
    return int_value(j, at / key);
  }

  [[nodiscard]] double double_value(const json& j, const json_path& at) const {
    if (!j.is_number()) fail(at, fmt::format("expected a number, got {}", j.type_name()));
    // The parser refuses overflowing literals; integers beyond 2^53 round, as in any
    // JSON reader that holds numbers as doubles.
    return j.get<double>();
  }
  [[nodiscard]] double double_at(const json& obj, const json_path& at, std::string_view key) const {
    return double_value(member(obj, at, key), at / key);
  }
  [[nodiscard]] std::optional<double> optional_double_at(const json& obj, const json_path& at,
                                                         std::string_view key) const {
    const json& j = member(obj, at, key);
    if (j.is_null()) return std::nullopt;
    return double_value(j, at / key);
  }

  [[nodiscard]] span span_value(const json& j, const json_path& at) const {
    if (!j.is_array() || j.size() != 2)
      fail(at, fmt::format("expected a span [begin, end] of two non-negative integers, got {}",
                           j.is_array() ? fmt::format("an array of {}", j.size()) : j.type_name()));
    constexpr auto max = std::numeric_limits<std::uint64_t>::max();
    const span s{unsigned_value(j[0], at / std::size_t{0}, max),
                 unsigned_value(j[1], at / std::size_t{1}, max)};
    if (s.begin > s.end) fail(at, fmt::format("span [{}, {}] ends before it begins", s.begin, s.end));
    // A span past the end of its source would send a reader of the source out of bounds.
    // source.bytes 0 means unknown (a plan built in code), so nothing can be checked.
    if (source_bytes_ > 0 && s.end > source_bytes_)
      fail(at, fmt::format("span [{}, {}] ends past the end of the source ({} bytes)", s.begin, s.end,
                           source_bytes_));
    return s;
  }
  [[nodiscard]] span span_at(const json& obj, const json_path& at, std::string_view key) const {
    return span_value(member(obj, at, key), at / key);
  }

  [[nodiscard]] std::optional<date> optional_date_at(const json& obj, const json_path& at,
                                                     std::string_view key) const {
    const json& j = member(obj, at, key);
    if (j.is_null()) return std::nullopt;
    const std::string s = string_value(j, at / key);
    const auto d = parse_date(s);
    if (!d)
      fail(at / key,
           fmt::format("expected a date \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\", got \"{}\"", s));
    return d;
  }

  template <typename Enum, std::size_t N>
  [[nodiscard]] Enum enum_at(const json& obj, const json_path& at, std::string_view key,
                             const std::array<std::string_view, N>& names,
                             std::string_view what) const {
    const std::string s = string_at(obj, at, key);
    const auto v = detail::enum_from_name<Enum>(names, s);
    if (!v)
      fail(at / key, fmt::format("unknown {} \"{}\" (expected one of: {})", what, s,
                                 detail::joined_names(names)));
    return *v;
  }
  [[nodiscard]] level level_at(const json& obj, const json_path& at, std::string_view key) const {
    return enum_at<level>(obj, at, key, detail::level_names, "level");
  }
  [[nodiscard]] section_kind section_kind_at(const json& obj, const json_path& at,
                                             std::string_view key) const {
    return enum_at<section_kind>(obj, at, key, detail::section_kind_names, "section kind");
  }

  // ---- elements

  [[nodiscard]] section read_section(const json& j, const json_path& at) const {
    expect_object(j, at);
    section s;
    s.id = string_at(j, at, "id");
    s.path = strings_at(j, at, "path");
    s.title = string_at(j, at, "title");
    s.kind = section_kind_at(j, at, "kind");
    s.depth = int_at(j, at, "depth");
    s.where = span_at(j, at, "span");
    s.extent = span_at(j, at, "extent");
    return s;
  }

  [[nodiscard]] std::vector<agency_mention> mentions_at(const json& obj, const json_path& at,
                                                        std::string_view key, role part) const {
    auto result = array_at(obj, at, key, &reader::read_mention);
    for (agency_mention& a : result) a.part = part;
    return result;
  }

  [[nodiscard]] agency_mention read_mention(const json& j, const json_path& at) const {
    expect_object(j, at);
    // "canonical", "level" and "match" are copied from the agency list for convenience;
    // the list is the source of truth, so they are not read back.
    agency_mention a;
    a.name = string_at(j, at, "name");
    a.where = span_at(j, at, "span");
    return a;
  }

  [[nodiscard]] measure read_measure(const json& j, const json_path& at) const {
    expect_object(j, at);
    measure m;
    m.id = string_at(j, at, "id");
    m.path = strings_at(j, at, "path");
    m.title = string_at(j, at, "title");
    m.text = string_at(j, at, "text");
    m.lead = mentions_at(j, at, "lead", role::lead);
    m.support = mentions_at(j, at, "support", role::support);
    m.joint = j.contains("joint") && bool_at(j, at, "joint");  // absent in files of earlier versions
    if (const json& d = member(j, at, "deadline"); !d.is_null()) {
      const json_path d_at = at / "deadline";
      expect_object(d, d_at);
      deadline due;
      due.text = string_at(d, d_at, "text");
      due.due = optional_date_at(d, d_at, "due");
      due.recurring = bool_at(d, d_at, "recurring");
      due.ongoing = bool_at(d, d_at, "ongoing");
      due.where = span_at(d, d_at, "span");
      m.due = std::move(due);
    }
    m.clause = string_at(j, at, "clause");
    m.where = span_at(j, at, "span");
    return m;
  }

  [[nodiscard]] goal read_goal(const json& j, const json_path& at) const {
    expect_object(j, at);
    goal g;
    g.id = string_at(j, at, "id");
    g.path = strings_at(j, at, "path");
    g.title = string_at(j, at, "title");
    g.text = string_at(j, at, "text");
    g.kind = section_kind_at(j, at, "kind");
    g.where = span_at(j, at, "span");
    return g;
  }

  [[nodiscard]] target read_target(const json& j, const json_path& at) const {
    expect_object(j, at);
    target t;
    t.indicator = string_at(j, at, "indicator");
    t.indicator_key = string_at(j, at, "indicator_key");
    t.value = double_at(j, at, "value");
    t.unit = string_at(j, at, "unit");
    t.normalized_value = double_at(j, at, "normalized_value");
    t.base_unit = string_at(j, at, "base_unit");
    t.kind = enum_at<comparator>(j, at, "comparator", detail::comparator_names, "comparator");
    t.year = optional_int_at(j, at, "year");
    t.baseline = optional_double_at(j, at, "baseline");
    t.baseline_year = optional_int_at(j, at, "baseline_year");
    t.periodic = bool_at(j, at, "periodic");
    t.agencies = strings_at(j, at, "agencies");
    t.owner = string_at(j, at, "owner");
    t.where = span_at(j, at, "span");
    return t;
  }

  [[nodiscard]] agency read_agency(const json& j, const json_path& at) const {
    expect_object(j, at);
    agency a;
    a.name = string_at(j, at, "name");
    a.collective = bool_at(j, at, "collective");
    // The four resolution fields are present together or null together.
    constexpr std::array<std::string_view, 4> fields{"canonical", "level", "match", "confidence"};
    std::size_t nulls = 0;
    for (const std::string_view f : fields) nulls += member(j, at, f).is_null() ? 1 : 0;
    if (nulls == fields.size()) return a;
    if (nulls != 0)
      for (const std::string_view f : fields)
        if (member(j, at, f).is_null())
          fail(at / f,
               "is null while other resolution fields are set; canonical, level, match and "
               "confidence are all null (unresolved) or all set");
    agency_resolution r;
    r.canonical = string_at(j, at, "canonical");
    r.admin_level = level_at(j, at, "level");
    r.match = string_at(j, at, "match");
    r.confidence = double_at(j, at, "confidence");
    a.resolution = std::move(r);
    return a;
  }

  [[nodiscard]] box_item read_box_item(const json& j, const json_path& at) const {
    expect_object(j, at);
    box_item b;
    b.title = string_at(j, at, "title");
    b.text = string_at(j, at, "text");
    b.where = span_at(j, at, "span");
    b.restates = optional_string_at(j, at, "restates");
    b.similarity = double_at(j, at, "similarity");
    return b;
  }

  [[nodiscard]] box read_box(const json& j, const json_path& at) const {
    expect_object(j, at);
    box b;
    b.id = string_at(j, at, "id");
    b.title = string_at(j, at, "title");
    b.parent = string_at(j, at, "parent");
    b.where = span_at(j, at, "span");
    b.items = array_at(j, at, "items", &reader::read_box_item);
    return b;
  }

  [[nodiscard]] std::vector<span> spans_value(const json& j, const json_path& at) const {
    return array_of(j, at, &reader::span_value);
  }

  [[nodiscard]] table_block read_table(const json& j, const json_path& at) const {
    expect_object(j, at);
    table_block t;
    t.id = string_at(j, at, "id");
    t.caption = string_at(j, at, "caption");
    t.parent = string_at(j, at, "parent");
    t.columns = strings_at(j, at, "columns");
    t.rows = array_at(j, at, "rows", &reader::strings_value);
    t.cell_spans = array_at(j, at, "cell_spans", &reader::spans_value);
    const json_path spans_at = at / "cell_spans";
    if (t.cell_spans.size() != t.rows.size())
      fail(spans_at, fmt::format("{} rows of spans for {} rows of cells; cell_spans has the shape "
                                 "of rows",
                                 t.cell_spans.size(), t.rows.size()));
    for (std::size_t r = 0; r < t.rows.size(); ++r)
      if (t.cell_spans[r].size() != t.rows[r].size())
        fail(spans_at / r, fmt::format("{} spans for {} cells; cell_spans has the shape of rows",
                                       t.cell_spans[r].size(), t.rows[r].size()));
    t.where = span_at(j, at, "span");
    return t;
  }

  [[nodiscard]] annex read_annex(const json& j, const json_path& at) const {
    expect_object(j, at);
    annex a;
    a.id = string_at(j, at, "id");
    a.title = string_at(j, at, "title");
    a.text = string_at(j, at, "text");
    a.where = span_at(j, at, "span");
    return a;
  }

  [[nodiscard]] diagnostic read_diagnostic(const json& j, const json_path& at) const {
    expect_object(j, at);
    diagnostic d;
    d.line = static_cast<std::uint32_t>(
        unsigned_at(j, at, "line", std::numeric_limits<std::uint32_t>::max()));
    d.where = span_at(j, at, "span");
    d.code = string_at(j, at, "code");
    d.message = string_at(j, at, "message");
    return d;
  }

  /// The agency list is derived from the measures (plan::rebuild_graph); what a file adds
  /// beyond that would be dropped by the rebuild, so it is refused instead of lost.
  void check_agencies(const plan& p, const json_path& at) const {
    std::unordered_set<std::string_view> mentioned;
    for (const measure& m : p.measures) {
      for (const agency_mention& a : m.lead) mentioned.insert(a.name);
      for (const agency_mention& a : m.support) mentioned.insert(a.name);
    }
    std::unordered_map<std::string_view, std::size_t> seen;
    for (std::size_t i = 0; i < p.agencies.size(); ++i) {
      const std::string& name = p.agencies[i].name;
      const json_path entry = at / i;
      if (const auto [it, fresh] = seen.try_emplace(name, i); !fresh)
        fail(entry / "name",
             fmt::format("agency \"{}\" is listed twice (also at {})", name, (at / it->second).str()));
      if (!mentioned.contains(name))
        fail(entry / "name",
             fmt::format("agency \"{}\" is not named by any measure's lead or support; the agency "
                         "list holds exactly the agencies the measures name",
                         name));
    }
  }

  mutable std::uint64_t source_bytes_ = 0;
  std::string origin_;
};

// ------------------------------------------------------------------ graph exports

/// What a vertex is called in exports: its element id and a readable label.
struct vertex_text {
  std::string id;
  std::string label;
};

template <typename T>
const T& element(const std::vector<T>& v, std::size_t i) {
  if (i >= v.size())
    throw usage_error(
        "plan graph is out of date (a vertex names an element that no longer "
        "exists); call plan::rebuild_graph() after changing the plan's vectors");
  return v[i];
}

vertex_text describe(const plan& p, const vertex_property& v) {
  const auto or_text = [](const std::string& title, const std::string& text) {
    return title.empty() ? text : title;
  };
  switch (v.kind) {
    case vertex_kind::plan:
      return {"plan", p.title};
    case vertex_kind::section: {
      const section& s = element(p.sections, v.index);
      return {s.id, s.title};
    }
    case vertex_kind::measure: {
      const measure& m = element(p.measures, v.index);
      return {m.id, or_text(m.title, m.text)};
    }
    case vertex_kind::goal: {
      const goal& g = element(p.goals, v.index);
      return {g.id, or_text(g.title, g.text)};
    }
    case vertex_kind::box: {
      const box& b = element(p.boxes, v.index);
      return {b.id, b.title};
    }
    case vertex_kind::box_item: {
      const box& b = element(p.boxes, v.index);
      const box_item& item = element(b.items, v.item);
      return {fmt::format("{}.{}", b.id, v.item + 1), or_text(item.title, item.text)};
    }
    case vertex_kind::table: {
      const table_block& t = element(p.tables, v.index);
      return {t.id, t.caption};
    }
    case vertex_kind::annex: {
      const annex& a = element(p.annexes, v.index);
      return {a.id, a.title};
    }
    case vertex_kind::target: {
      const target& t = element(p.targets, v.index);
      return {fmt::format("target{}", v.index + 1),
              fmt::format("{} {}{}", t.indicator, t.value, t.unit)};
    }
    case vertex_kind::agency: {
      const agency& a = element(p.agencies, v.index);
      return {a.name, a.name};
    }
  }
  return {};
}

/// Refuses a graph that does not match the vectors (never built, or built before they
/// changed): exporting it would describe a different plan.
void check_graph_is_current(const plan& p) {
  std::size_t expected = 1 + p.sections.size() + p.measures.size() + p.goals.size() + p.boxes.size() +
                         p.tables.size() + p.annexes.size() + p.targets.size() + p.agencies.size();
  for (const box& b : p.boxes) expected += b.items.size();
  if (boost::num_vertices(p.graph()) != expected)
    throw usage_error(
        fmt::format("plan graph is out of date ({} vertices for {} elements); call "
                    "plan::rebuild_graph() after changing the plan's vectors",
                    boost::num_vertices(p.graph()), expected));
}

/// At most `limit` code points of `text` (whole code points), with "…" when cut.
std::string truncated(std::string_view text, std::size_t limit) {
  std::size_t pos = 0;
  for (std::size_t n = 0; n < limit && pos < text.size(); ++n) (void)text::detail::next_code_point(text, pos);
  if (pos >= text.size()) return std::string(text);
  return std::string(text.substr(0, pos)) + "…";
}

std::string_view dot_shape(vertex_kind k) {
  switch (k) {
    case vertex_kind::plan:
      return "doubleoctagon";
    case vertex_kind::section:
      return "folder";
    case vertex_kind::measure:
      return "box";
    case vertex_kind::goal:
      return "hexagon";
    case vertex_kind::box:
      return "note";
    case vertex_kind::box_item:
      return "component";
    case vertex_kind::table:
      return "tab";
    case vertex_kind::annex:
      return "cylinder";
    case vertex_kind::target:
      return "diamond";
    case vertex_kind::agency:
      return "ellipse";
  }
  return "box";
}

std::string_view dot_edge_style(edge_kind k) {
  switch (k) {
    case edge_kind::contains:
      return "solid";
    case edge_kind::lead:
      return "bold";
    case edge_kind::support:
      return "dashed";
    case edge_kind::restates:
      return "dotted";
    case edge_kind::states:
      return "solid";
  }
  return "solid";
}

/// Pretty-prints like nlohmann's dump(indent), except that an array holding no object or
/// array stays on one line: spans (`[3017, 3500]`), paths and table rows are the bulk of
/// a plan file, and one line each keeps it readable and diffable. Scalars are printed by
/// nlohmann, so escaping and number formatting are the same as in the one-line form.
void write_pretty(std::string& out, const ojson& j, std::size_t indent, std::size_t level) {
  const auto newline = [&](std::size_t lvl) {
    out += '\n';
    out.append(indent * lvl, ' ');
  };
  if (j.is_object()) {
    if (j.empty()) {
      out += "{}";
      return;
    }
    out += '{';
    bool first = true;
    for (const auto& [key, value] : j.items()) {
      if (!first) out += ',';
      first = false;
      newline(level + 1);
      out += ojson(key).dump(-1, ' ', false);
      out += ": ";
      write_pretty(out, value, indent, level + 1);
    }
    newline(level);
    out += '}';
    return;
  }
  if (j.is_array()) {
    const bool flat =
        std::none_of(j.begin(), j.end(), [](const ojson& e) { return e.is_structured(); });
    if (flat) {
      out += '[';
      for (std::size_t i = 0; i < j.size(); ++i) {
        if (i != 0) out += ", ";
        out += j[i].dump(-1, ' ', false);
      }
      out += ']';
      return;
    }
    out += '[';
    for (std::size_t i = 0; i < j.size(); ++i) {
      if (i != 0) out += ',';
      newline(level + 1);
      write_pretty(out, j[i], indent, level + 1);
    }
    newline(level);
    out += ']';
    return;
  }
  out += j.dump(-1, ' ', false);
}

}  // namespace

std::string to_json(const plan& p, int indent) {
  const ojson j = writer(p).write();
  if (indent < 0) return j.dump(-1, ' ', /*ensure_ascii=*/false);
  std::string out;
  write_pretty(out, j, static_cast<std::size_t>(indent), 0);
  return out;
}

plan plan_from_json(std::string_view text, const std::string& origin) {
  detail::bounded_dom_builder builder(max_json_depth, "a plan file nests 6, so this is not one (or it was corrupted)");
  if (!builder.parse(text)) {
    throw schema_error(error_location{origin, builder.error_byte(), {}, {}}, builder.error());
  }
  plan p = reader(origin).read(builder.root());
  p.rebuild_graph();
  return p;
}

std::string to_graphml(const plan& p) {
  check_graph_is_current(p);
  const plan_graph& g = p.graph();
  std::string out;
  out += R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="kind" for="node" attr.name="kind" attr.type="string"/>
  <key id="element" for="node" attr.name="id" attr.type="string"/>
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="edge_kind" for="edge" attr.name="kind" attr.type="string"/>
  <graph id="plan" edgedefault="directed">
)";
  for (const plan_vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const vertex_text t = describe(p, g[v]);
    out += fmt::format("    <node id=\"n{}\">\n      <data key=\"kind\">{}</data>\n", v,
                       to_string(g[v].kind));
    out += "      <data key=\"element\">";
    append_xml(out, t.id);
    out += "</data>\n      <data key=\"label\">";
    append_xml(out, t.label);
    out += "</data>\n    </node>\n";
  }
  std::size_t n = 0;
  for (const auto e : boost::make_iterator_range(boost::edges(g)))
    out += fmt::format(
        "    <edge id=\"e{}\" source=\"n{}\" target=\"n{}\">\n      <data "
        "key=\"edge_kind\">{}</data>\n    </edge>\n",
        n++, boost::source(e, g), boost::target(e, g), to_string(g[e].kind));
  out += "  </graph>\n</graphml>\n";
  return out;
}

std::string to_dot(const plan& p) {
  check_graph_is_current(p);
  const plan_graph& g = p.graph();
  // Labels are cut to this many code points: a drawing shows the outline, the text is
  // in the JSON and GraphML exports.
  constexpr std::size_t label_limit = 40;
  std::string out = "digraph plan {\n  rankdir=LR;\n  node [fontsize=10];\n";
  for (const plan_vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const vertex_property& vp = g[v];
    const vertex_text t = describe(p, vp);
    std::string label;
    if (vp.kind == vertex_kind::plan || vp.kind == vertex_kind::agency ||
        vp.kind == vertex_kind::target || t.label.empty())
      label = t.label.empty() ? t.id : t.label;
    else
      label = t.id + "\n" + t.label;
    out += fmt::format("  n{} [kind=\"{}\", shape={}, label=\"", v, to_string(vp.kind),
                       dot_shape(vp.kind));
    append_dot(out, truncated(label, label_limit));
    out += "\"];\n";
  }
  for (const auto e : boost::make_iterator_range(boost::edges(g)))
    out += fmt::format("  n{} -> n{} [kind=\"{}\", style={}];\n", boost::source(e, g),
                       boost::target(e, g), to_string(g[e].kind), dot_edge_style(g[e].kind));
  out += "}\n";
  return out;
}

}  // namespace plancmp::inline v0
