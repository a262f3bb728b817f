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
//
// Both directions walk one field list per type (`fields(type_tag<T>)` below): the keys,
// their order and the member each holds are named once, and a value's JSON form and its
// checks are decided by its C++ type (string, number, span, date, enum, optional, vector,
// or another listed type). Adding a key is one line; see "Adding a field" in the schema
// document.

#include <plancmp/model/serialize.hpp>

#include <plancmp/error.hpp>

#include <plancmp/model/detail/markup.hpp>
#include <plancmp/text/detail/utf8.hpp>
#include "enum_names.hpp"
#include "json_fields.hpp"
#include "../detail/json.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace plancmp::inline v0 {

namespace {

using detail::append_dot;
using detail::append_xml;
using detail::json_path;

using ojson = nlohmann::ordered_json;
using json = nlohmann::json;

/// Deepest nesting accepted on import. A plan file nests six levels (root → tables →
/// table → cell_spans → row → span); 64 leaves room for later optional keys.
constexpr std::size_t max_json_depth = 64;

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

// ------------------------------------------------------------------ field lists

// One list per serialized type, in the order the keys are written (the documented order,
// docs/plan-schema.md) and read (so the first problem reported is the first in the file).
// The writer and the reader below walk these lists; nothing else names a key.

using detail::checked_key;
using detail::derived_keys;
using detail::flat_optional;
using detail::key;
using detail::key_or_default;
using detail::type_tag;
using detail::version_key;

/// How an enum is spelled: its names (to_string writes them) and how the reader's message
/// for an unknown name calls the enum and introduces the list of accepted names.
template <std::size_t N>
struct enum_spelling {
  const std::array<std::string_view, N>* names;
  std::string_view what;
  std::string_view expected;
};
template <std::size_t N>  // clang before 17 does not deduce an aggregate's template arguments
enum_spelling(const std::array<std::string_view, N>*, std::string_view, std::string_view)
    ->enum_spelling<N>;

constexpr auto spelling(type_tag<level>) {
  return enum_spelling{&detail::level_names, "level", "one of: "};
}
constexpr auto spelling(type_tag<section_kind>) {
  return enum_spelling{&detail::section_kind_names, "section kind", "one of: "};
}
constexpr auto spelling(type_tag<comparator>) {
  return enum_spelling{&detail::comparator_names, "comparator", "one of: "};
}
constexpr auto spelling(type_tag<document_kind>) {
  return enum_spelling{&detail::document_kind_names, "document kind", ""};
}

/// Defines `fields(type_tag<Type>)`, the field list of `Type`: key descriptors that name
/// its members as `&T::member`, in the manner of nlohmann's
/// NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE but with the JSON name beside each member.
#define PLANCMP_FIELDS(Type, ...)         \
  constexpr auto fields(type_tag<Type>) { \
    using T = Type;                       \
    return std::tuple{__VA_ARGS__};       \
  }

PLANCMP_FIELDS(source_info, key("path", &T::path), key("sha256", &T::sha256),
               key("encoding", &T::encoding), key("script", &T::script), key("bytes", &T::bytes))

PLANCMP_FIELDS(jurisdiction, key("name", &T::name), key("level", &T::admin_level),
               key("evidence", &T::evidence))

PLANCMP_FIELDS(document_number, key("printed", &T::printed), key("repaired", &T::repaired),
               key("span", &T::where))

PLANCMP_FIELDS(section, key("id", &T::id), key("path", &T::path), key("title", &T::title),
               key("kind", &T::kind), key("depth", &T::depth), key("span", &T::where),
               key("extent", &T::extent))

/// The resolution keys a mention repeats from its agency.
constexpr auto mention_resolution_fields =
    std::tuple{key("canonical", &agency_resolution::canonical),
               key("level", &agency_resolution::admin_level), key("match", &agency_resolution::match)};

constexpr auto fields(type_tag<agency_resolution>) {
  return std::tuple_cat(mention_resolution_fields,
                        std::tuple{key("confidence", &agency_resolution::confidence)});
}

/// A mention repeats the resolution of its agency for readers that do not join the plan's
/// agency list themselves; the list is the source of truth, so the reader ignores them.
constexpr auto resolution_of_agency = [](const agency_mention& a, const auto& writer) {
  return writer.resolution_of(a.name);
};

PLANCMP_FIELDS(agency_mention, key("name", &T::name), key("span", &T::where),
               derived_keys{resolution_of_agency, mention_resolution_fields})

PLANCMP_FIELDS(deadline, key("text", &T::text), key("due", &T::due), key("recurring", &T::recurring),
               key("ongoing", &T::ongoing), key("span", &T::where))

// Mentions get their role (lead or support) from the key they stand under: the reader
// sets it once the measure is read (reader::finish). "joint" is absent in files of
// earlier versions.
PLANCMP_FIELDS(measure, key("id", &T::id), key("path", &T::path), key("title", &T::title),
               key("text", &T::text), key("lead", &T::lead), key("support", &T::support),
               key_or_default("joint", &T::joint), key("deadline", &T::due), key("clause", &T::clause),
               key("span", &T::where))

PLANCMP_FIELDS(goal, key("id", &T::id), key("path", &T::path), key("title", &T::title),
               key("text", &T::text), key("kind", &T::kind), key("span", &T::where))

PLANCMP_FIELDS(target, key("indicator", &T::indicator), key("indicator_key", &T::indicator_key),
               key("value", &T::value), key("unit", &T::unit),
               key("normalized_value", &T::normalized_value), key("base_unit", &T::base_unit),
               key("comparator", &T::kind), key("year", &T::year), key("baseline", &T::baseline),
               key("baseline_year", &T::baseline_year), key("periodic", &T::periodic),
               key("agencies", &T::agencies), key("owner", &T::owner), key("span", &T::where))

PLANCMP_FIELDS(agency, key("name", &T::name), key("collective", &T::collective),
               flat_optional{&T::resolution, fields(type_tag<agency_resolution>{}), "resolution"})

PLANCMP_FIELDS(box_item, key("title", &T::title), key("text", &T::text), key("span", &T::where),
               key("restates", &T::restates), key("similarity", &T::similarity))

PLANCMP_FIELDS(box, key("id", &T::id), key("title", &T::title), key("parent", &T::parent),
               key("span", &T::where), key("items", &T::items))

/// Readers index cell_spans[r][c] for every cell of rows; a ragged pair would send them
/// out of bounds, so the shapes must agree (checked before writing and after reading).
constexpr auto cell_spans_shape = [](const table_block& t, const json_path& at, const auto& context) {
  const std::string_view note =
      std::remove_cvref_t<decltype(context)>::reading ? "; cell_spans has the shape of rows" : "";
  if (t.cell_spans.size() != t.rows.size())
    context.fail(at, fmt::format("{} rows of spans for {} rows of cells{}", t.cell_spans.size(),
                                 t.rows.size(), note));
  for (std::size_t r = 0; r < t.rows.size(); ++r)
    if (t.cell_spans[r].size() != t.rows[r].size())
      context.fail(at / r, fmt::format("{} spans for {} cells{}", t.cell_spans[r].size(),
                                       t.rows[r].size(), note));
};

PLANCMP_FIELDS(table_block, key("id", &T::id), key("caption", &T::caption), key("parent", &T::parent),
               key("columns", &T::columns), key("rows", &T::rows),
               checked_key("cell_spans", &T::cell_spans, cell_spans_shape),
               key_or_default("row_measures", &T::row_measures), key("span", &T::where))

PLANCMP_FIELDS(annex, key("id", &T::id), key("title", &T::title), key("text", &T::text),
               key("span", &T::where))

PLANCMP_FIELDS(diagnostic, key("line", &T::line), key("span", &T::where), key("code", &T::code),
               key("message", &T::message))

// The schema first: a file from a later version gets the version message, not a
// complaint about a key that version renamed. "kind" is absent in files written before
// document kinds were read; they are plans. The typed vectors are members of the plan's
// content (`plan::content()`); the writer reads them there and the reader sets them once
// all keys are read (reader::plan_parts).
PLANCMP_FIELDS(plan, version_key{"schema", plan_schema}, key("source", &T::source),
               key("title", &T::title), key("title_span", &T::title_span),
               key("notice_title", &T::notice_title), key("jurisdiction", &T::issuing_jurisdiction),
               key("issuer", &T::issuer), key("issued", &T::issued),
               key("issued_text", &T::issued_text), key("doc_number", &T::doc_number),
               key_or_default("kind", &T::kind), key("draft", &T::draft),
               key("first_listed_leads", &T::first_listed_leads), key("cover", &T::cover),
               key("body", &T::body), key("preamble", &T::preamble),
               key("preamble_span", &T::preamble_span), key("sections", &plan_content::sections),
               key("measures", &plan_content::measures), key("goals", &plan_content::goals),
               key("targets", &plan_content::targets), key("agencies", &plan_content::agencies),
               key("boxes", &plan_content::boxes), key("tables", &plan_content::tables),
               key("annexes", &plan_content::annexes), key("diagnostics", &T::diagnostics))

#undef PLANCMP_FIELDS

template <typename T>
inline constexpr bool is_optional = false;
template <typename T>
inline constexpr bool is_optional<std::optional<T>> = true;
template <typename T>
inline constexpr bool is_vector = false;
template <typename T>
inline constexpr bool is_vector<std::vector<T>> = true;

/// "canonical, level, match and confidence": the keys of a field list, for messages.
template <typename Fields>
std::string listed_names(const Fields& fields) {
  std::vector<std::string_view> names;
  std::apply([&](const auto&... f) { (names.push_back(f.name), ...); }, fields);
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i != 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

// ------------------------------------------------------------------ writer

/// Builds the ordered JSON value of a plan by walking the field lists, refusing what
/// would not read back.
class writer {
 public:
  static constexpr bool reading = false;

  explicit writer(const plan& p) : plan_(p), origin_(p.source.path.empty() ? "<plan>" : p.source.path) {
    for (const agency& a : p.agencies()) agency_by_name_.try_emplace(a.name, &a);
  }

  [[nodiscard]] ojson write() const { return object(plan_, json_path{}); }

  [[noreturn]] void fail(const json_path& at, std::string_view what) const {
    throw schema_error(error_location::file(origin_),
                       fmt::format("{}: {}; the plan cannot be written as JSON (fix the value, "
                                   "or report the step that produced it)",
                                   at.str(), what));
  }

  /// The resolution of the plan's agency of that printed name, if it is resolved.
  [[nodiscard]] const agency_resolution* resolution_of(const std::string& name) const {
    const auto it = agency_by_name_.find(name);
    if (it == agency_by_name_.end() || !it->second->resolution) return nullptr;
    return &*it->second->resolution;
  }

 private:
  template <typename T>
  [[nodiscard]] ojson object(const T& obj, const json_path& at) const {
    ojson o = ojson::object();
    std::apply([&](const auto&... f) { (put(o, obj, at, f), ...); }, fields(type_tag<T>{}));
    return o;
  }

  template <typename T, typename M, typename Check>
  void put(ojson& o, const T& obj, const json_path& at, const detail::field<T, M, Check>& f) const {
    if constexpr (!std::is_same_v<Check, detail::no_check>) f.check(obj, at / f.name, *this);
    o[std::string(f.name)] = value(obj.*f.member, at / f.name);
  }

  /// A key of the plan's content.
  template <typename M, typename Check>
  void put(ojson& o, const plan& p, const json_path& at, const detail::field<plan_content, M, Check>& f) const {
    put(o, p.content(), at, f);
  }

  template <typename T>
  void put(ojson& o, const T& /*obj*/, const json_path& /*at*/, const version_key& f) const {
    o[std::string(f.name)] = std::string(f.value);
  }

  template <typename T, typename R, typename Fields>
  void put(ojson& o, const T& obj, const json_path& at, const flat_optional<T, R, Fields>& f) const {
    const std::optional<R>& r = obj.*f.member;
    put_flat(o, r ? &*r : nullptr, at, f.fields);
  }

  template <typename T, typename Get, typename Fields>
  void put(ojson& o, const T& obj, const json_path& at, const derived_keys<Get, Fields>& f) const {
    put_flat(o, f.get(obj, *this), at, f.fields);
  }

  /// The keys of `fields`, from `*r` or all null.
  template <typename R, typename Fields>
  void put_flat(ojson& o, const R* r, const json_path& at, const Fields& fields) const {
    std::apply(
        [&](const auto&... f) {
          if (r != nullptr)
            (put(o, *r, at, f), ...);
          else
            ((o[std::string(f.name)] = nullptr), ...);
        },
        fields);
  }

  template <typename V>
  [[nodiscard]] ojson value(const V& v, const json_path& at) const {
    if constexpr (std::is_same_v<V, std::string>) {
      if (const std::size_t bad = text::detail::first_invalid_utf8(v); bad != std::string_view::npos)
        fail(at, fmt::format("string is not valid UTF-8 (byte {} of {})", bad, v.size()));
      return v;
    } else if constexpr (std::is_same_v<V, double>) {
      if (!std::isfinite(v)) fail(at, fmt::format("{} is not a finite number", v));
      return v;
    } else if constexpr (std::is_arithmetic_v<V>) {  // bool and integers
      return v;
    } else if constexpr (std::is_same_v<V, span>) {
      if (v.begin > v.end) fail(at, fmt::format("span [{}, {}] ends before it begins", v.begin, v.end));
      return ojson::array({v.begin, v.end});
    } else if constexpr (std::is_same_v<V, date>) {
      if (!representable(v))
        fail(at, fmt::format("date {{year {}, month {}, day {}}} is not a calendar date of the form "
                             "YYYY, YYYY-MM or YYYY-MM-DD",
                             v.year, v.month, v.day));
      return v.to_string();
    } else if constexpr (std::is_enum_v<V>) {
      return std::string(to_string(v));
    } else if constexpr (is_optional<V>) {
      return v ? value(*v, at) : ojson(nullptr);
    } else if constexpr (is_vector<V>) {
      ojson out = ojson::array();
      for (std::size_t i = 0; i < v.size(); ++i) out.push_back(value(v[i], at / i));
      return out;
    } else {
      return object(v, at);
    }
  }

  const plan& plan_;
  std::string origin_;
  std::unordered_map<std::string_view, const agency*> agency_by_name_;
};

// ------------------------------------------------------------------ reader

/// A plan as the reader reads it: the metadata into `p`, the typed vectors into
/// `content`, which is set into `p` once all keys are read (so the graph is built once).
struct plan_parts {
  plan p;
  plan_content content;
};
constexpr auto fields(type_tag<plan_parts>) { return fields(type_tag<plan>{}); }

/// Checks a plan's DOM and converts it by walking the field lists, reporting the first
/// problem with its path.
class reader {
 public:
  static constexpr bool reading = true;

  explicit reader(std::string origin) : origin_(std::move(origin)) {}

  // `read` is const on the DOM; the one piece of state it keeps is the source size that
  // every later span is checked against.
  [[nodiscard]] plan read(const json& doc) const { return object<plan_parts>(doc, json_path{}).p; }

  [[noreturn]] void fail(const json_path& at, std::string_view what) const {
    throw schema_error(error_location::file(origin_), fmt::format("{}: {}", at.str(), what));
  }

 private:
  // ---- walking the field lists

  template <typename T>
  [[nodiscard]] T object(const json& j, const json_path& at) const {
    if (!j.is_object()) fail(at, fmt::format("expected an object, got {}", j.type_name()));
    T obj;
    std::apply([&](const auto&... f) { (take(j, at, obj, f), ...); }, fields(type_tag<T>{}));
    finish(obj, at);
    return obj;
  }

  [[nodiscard]] const json& member(const json& obj, const json_path& at, std::string_view key) const {
    const auto it = obj.find(key);
    if (it == obj.end()) fail(at / key, "required key is missing");
    return *it;
  }

  template <typename T, typename M, typename Check>
  void take(const json& j, const json_path& at, T& obj, const detail::field<T, M, Check>& f) const {
    if (f.may_be_absent && j.find(f.name) == j.end()) return;
    obj.*f.member = value<M>(member(j, at, f.name), at / f.name);
    if constexpr (!std::is_same_v<Check, detail::no_check>) f.check(obj, at / f.name, *this);
  }

  /// A key of a plan's field list goes to the plan or to its content.
  template <typename T, typename M, typename Check>
  void take(const json& j, const json_path& at, plan_parts& obj, const detail::field<T, M, Check>& f) const {
    if constexpr (std::is_same_v<T, plan_content>)
      take(j, at, obj.content, f);
    else
      take(j, at, obj.p, f);
  }

  template <typename T>
  void take(const json& j, const json_path& at, T& /*obj*/, const version_key& f) const {
    const std::string found = value<std::string>(member(j, at, f.name), at / f.name);
    if (found != f.value)
      fail(at / f.name, fmt::format("unsupported {} \"{}\" (supported: \"{}\"); read the file with the "
                                    "plancmp version that wrote it, or upgrade plancmp",
                                    f.name, found, f.value));
  }

  /// The group's keys are present together or null together.
  template <typename T, typename R, typename Fields>
  void take(const json& j, const json_path& at, T& obj, const flat_optional<T, R, Fields>& f) const {
    std::size_t nulls = 0;
    std::apply([&](const auto&... g) { ((nulls += member(j, at, g.name).is_null() ? 1 : 0), ...); },
               f.fields);
    if (nulls == std::tuple_size_v<Fields>) return;
    const auto refuse_null = [&](std::string_view name) {
      if (member(j, at, name).is_null())
        fail(at / name, fmt::format("is null while other {} fields are set; {} are all null "
                                    "(unresolved) or all set",
                                    f.what, listed_names(f.fields)));
    };
    if (nulls != 0) std::apply([&](const auto&... g) { (refuse_null(g.name), ...); }, f.fields);
    R r;
    std::apply([&](const auto&... g) { (take(j, at, r, g), ...); }, f.fields);
    obj.*f.member = std::move(r);
  }

  /// Derived keys are written for convenience and not read back.
  template <typename T, typename Get, typename Fields>
  void take(const json& /*j*/, const json_path& /*at*/, T& /*obj*/,
            const derived_keys<Get, Fields>& /*f*/) const {}

  // ---- what a type needs once all its keys are read

  template <typename T>
  void finish(T& /*obj*/, const json_path& /*at*/) const {}

  void finish(source_info& s, const json_path& /*at*/) const { source_bytes_ = s.bytes; }

  void finish(measure& m, const json_path& /*at*/) const {
    for (agency_mention& a : m.lead) a.part = role::lead;
    for (agency_mention& a : m.support) a.part = role::support;
  }

  void finish(plan_parts& parts, const json_path& at) const {
    check_agencies(parts.content, at / "agencies");
    parts.p.set_content(std::move(parts.content));
  }

  // ---- values

  template <typename V>
  [[nodiscard]] V value(const json& j, const json_path& at) const {
    if constexpr (std::is_same_v<V, std::string>) {
      if (!j.is_string()) fail(at, fmt::format("expected a string, got {}", j.type_name()));
      return j.get<std::string>();
    } else if constexpr (std::is_same_v<V, bool>) {
      if (!j.is_boolean()) fail(at, fmt::format("expected true or false, got {}", j.type_name()));
      return j.get<bool>();
    } else if constexpr (std::is_same_v<V, double>) {
      if (!j.is_number()) fail(at, fmt::format("expected a number, got {}", j.type_name()));
      // The parser refuses overflowing literals; integers beyond 2^53 round, as in any
      // JSON reader that holds numbers as doubles.
      return j.get<double>();
    } else if constexpr (std::is_same_v<V, int>) {
      return int_value(j, at);
    } else if constexpr (std::is_unsigned_v<V>) {
      return static_cast<V>(unsigned_value(j, at, std::numeric_limits<V>::max()));
    } else if constexpr (std::is_same_v<V, span>) {
      return span_value(j, at);
    } else if constexpr (std::is_same_v<V, date>) {
      const std::string s = value<std::string>(j, at);
      const auto d = parse_date(s);
      if (!d)
        fail(at, fmt::format("expected a date \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\", got \"{}\"", s));
      return *d;
    } else if constexpr (std::is_enum_v<V>) {
      const auto spelled = spelling(type_tag<V>{});
      const std::string s = value<std::string>(j, at);
      const auto e = detail::enum_from_name<V>(*spelled.names, s);
      if (!e)
        fail(at, fmt::format("unknown {} \"{}\" (expected {}{})", spelled.what, s, spelled.expected,
                             detail::joined_names(*spelled.names)));
      return *e;
    } else if constexpr (is_optional<V>) {
      if (j.is_null()) return std::nullopt;
      return value<typename V::value_type>(j, at);
    } else if constexpr (is_vector<V>) {
      if (!j.is_array()) fail(at, fmt::format("expected an array, got {}", j.type_name()));
      V out;
      out.reserve(j.size());
      for (std::size_t i = 0; i < j.size(); ++i)
        out.push_back(value<typename V::value_type>(j[i], at / i));
      return out;
    } else {
      return object<V>(j, at);
    }
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

  /// The agency list is derived from the measures (plan::set_content); what a file adds
  /// beyond that would be dropped when the content is set, so it is refused instead of lost.
  void check_agencies(const plan_content& c, const json_path& at) const {
    std::unordered_set<std::string_view> mentioned;
    for (const measure& m : c.measures) {
      for (const agency_mention& a : m.lead) mentioned.insert(a.name);
      for (const agency_mention& a : m.support) mentioned.insert(a.name);
    }
    std::unordered_map<std::string_view, std::size_t> seen;
    for (std::size_t i = 0; i < c.agencies.size(); ++i) {
      const std::string& name = c.agencies[i].name;
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

vertex_text describe(const plan& p, const vertex_property& v) {
  const auto or_text = [](const std::string& title, const std::string& text) {
    return title.empty() ? text : title;
  };
  switch (v.kind) {
    case vertex_kind::plan:
      return {"plan", p.title};
    case vertex_kind::section: {
      const section& s = p.sections()[v.index];
      return {s.id, s.title};
    }
    case vertex_kind::measure: {
      const measure& m = p.measures()[v.index];
      return {m.id, or_text(m.title, m.text)};
    }
    case vertex_kind::goal: {
      const goal& g = p.goals()[v.index];
      return {g.id, or_text(g.title, g.text)};
    }
    case vertex_kind::box: {
      const box& b = p.boxes()[v.index];
      return {b.id, b.title};
    }
    case vertex_kind::box_item: {
      const box& b = p.boxes()[v.index];
      const box_item& item = b.items[v.item];
      return {fmt::format("{}.{}", b.id, v.item + 1), or_text(item.title, item.text)};
    }
    case vertex_kind::table: {
      const table_block& t = p.tables()[v.index];
      return {t.id, t.caption};
    }
    case vertex_kind::annex: {
      const annex& a = p.annexes()[v.index];
      return {a.id, a.title};
    }
    case vertex_kind::target: {
      const target& t = p.targets()[v.index];
      return {fmt::format("target{}", v.index + 1),
              fmt::format("{} {}{}", t.indicator, t.value, t.unit)};
    }
    case vertex_kind::agency: {
      const agency& a = p.agencies()[v.index];
      return {a.name, a.name};
    }
  }
  return {};
}

/// At most `limit` code points of `text` (whole code points), with "…" when cut.
std::string truncated(std::string_view text, std::size_t limit) {
  std::size_t pos = 0;
  for (std::size_t n = 0; n < limit && pos < text.size(); ++n)
    (void)text::detail::next_code_point(text, pos);
  if (pos >= text.size()) return std::string(text);
  return std::string(text.substr(0, pos)) + "…";
}

/// Graphviz node shape of each vertex kind and line style of each edge kind, indexed by
/// the enumerator's value like the name tables in enum_names.hpp.
constexpr std::array<std::string_view, detail::vertex_kind_names.size()> dot_shapes{
    "doubleoctagon", "folder", "box",      "hexagon", "note",
    "component",     "tab",    "cylinder", "diamond", "ellipse"};
constexpr std::array<std::string_view, detail::edge_kind_names.size()> dot_edge_styles{
    "solid", "bold", "dashed", "dotted", "solid"};

/// The entry of `table` for `k`; `fallback` for a value out of range (only a cast makes one).
template <typename Enum, std::size_t N>
std::string_view by_kind(const std::array<std::string_view, N>& table, Enum k,
                         std::string_view fallback) {
  const auto i = static_cast<std::size_t>(k);
  return i < N ? table[i] : fallback;
}

std::string_view dot_shape(vertex_kind k) { return by_kind(dot_shapes, k, "box"); }
std::string_view dot_edge_style(edge_kind k) { return by_kind(dot_edge_styles, k, "solid"); }

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
  detail::bounded_dom_builder builder(max_json_depth,
                                      "a plan file nests 6, so this is not one (or it was corrupted)");
  if (!builder.parse(text)) {
    throw schema_error(error_location{origin, builder.error_byte(), {}, {}}, builder.error());
  }
  return reader(origin).read(builder.root());
}

std::string to_graphml(const plan& p) {
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
