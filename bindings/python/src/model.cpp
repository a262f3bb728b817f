// SPDX-License-Identifier: MIT
// The plan model as Python objects (read-only), JSON/GraphML/DOT, and parsing.
#include "bindings.hpp"
#include "bundled_seeds.hpp"

#include <plancmp/analysis/agencies.hpp>
#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/model/serialize.hpp>
#include <plancmp/parse/corpus.hpp>
#include <plancmp/parse/fidelity.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/text/formats.hpp>

#include <pybind11/operators.h>
#include <pybind11/stl.h>

#include <fmt/format.h>

namespace plancmp::python {
namespace {

/// At most `n` characters (code points) of UTF-8 text, for reprs.
std::string cut(std::string_view text, std::size_t n = 24) {
  std::size_t i = 0, chars = 0;
  while (i < text.size() && chars < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    ++chars;
  }
  i = std::min(i, text.size());
  return i < text.size() ? std::string(text.substr(0, i)) + "…" : std::string(text);
}

std::string span_text(const span& s) { return fmt::format("[{}, {})", s.begin, s.end); }

template <class T>
std::vector<std::string> names_of(const std::vector<T>& mentions) {
  std::vector<std::string> out;
  for (const auto& m : mentions) out.push_back(m.name);
  return out;
}

py::bytes source_bytes(const parsed_plan& p, const span& s) {
  const text::document& doc = p.document();
  if (s.begin > s.end || s.end > doc.original.size()) {
    throw usage_error(error_location{doc.path, s.begin, {}, {}},
                      fmt::format("span {} is outside the file ({} bytes)", span_text(s), doc.original.size()));
  }
  return {doc.original.data() + s.begin, static_cast<std::size_t>(s.end - s.begin)};
}

parsed_plan parse_document_handle(text::document doc, const parse::parse_options& o) {
  return parsed_plan(parse::parse_source(std::move(doc), o));
}

parse::parse_options parse_options_of(bool resolve_agencies, bool read_targets) {
  parse::parse_options o;
  o.resolve_agencies = resolve_agencies;
  o.read_targets = read_targets;
  return o;
}

/// A loaded corpus: plans in path order, and the files that failed.
struct corpus_handle {
  std::vector<parsed_plan> plans;
  std::vector<std::string> formats;
  std::vector<std::string> encodings;
  std::vector<parse::corpus_failure> failures;
};

}  // namespace

void bind_model(py::module_& m) {
  py::class_<span>(m, "Span", "A half-open range [begin, end) of byte offsets into the original file.")
      .def(py::init([](std::uint64_t b, std::uint64_t e) {
             if (e < b) throw usage_error(fmt::format("Span({}, {}): end before begin", b, e));
             return span{b, e};
           }),
           py::arg("begin"), py::arg("end"))
      .def_readonly("begin", &span::begin)
      .def_readonly("end", &span::end)
      .def("__len__", &span::size)
      .def(py::self == py::self)
      .def("__hash__", [](const span& s) { return py::hash(py::make_tuple(s.begin, s.end)); })
      .def("__iter__", [](const span& s) { return py::iter(py::make_tuple(s.begin, s.end)); })
      .def("__repr__", [](const span& s) { return fmt::format("Span({}, {})", s.begin, s.end); })
      .def(py::pickle([](const span& s) { return py::make_tuple(s.begin, s.end); },
                      [](const py::tuple& t) { return span{t[0].cast<std::uint64_t>(), t[1].cast<std::uint64_t>()}; }));

  py::class_<date>(m, "Date", "A date with optional month and day (0 when unknown).")
      .def(py::self == py::self)
      .def_readonly("year", &date::year)
      .def_readonly("month", &date::month)
      .def_readonly("day", &date::day)
      .def("__str__", &date::to_string)
      .def("__repr__", [](const date& d) { return fmt::format("Date('{}')", d.to_string()); });

  py::class_<jurisdiction>(m, "Jurisdiction", "The jurisdiction a plan belongs to: name, level and the text it was read from.")
      .def(py::self == py::self)
      .def_readonly("name", &jurisdiction::name)
      .def_property_readonly("level", [](const jurisdiction& j) { return std::string(to_string(j.admin_level)); })
      .def_readonly("evidence", &jurisdiction::evidence)
      .def("__repr__", [](const jurisdiction& j) {
        return fmt::format("Jurisdiction('{}', level='{}')", j.name, to_string(j.admin_level));
      });

  py::class_<source_info>(m, "SourceInfo", "Where a plan's text came from.")
      .def(py::self == py::self)
      .def_readonly("path", &source_info::path)
      .def_readonly("sha256", &source_info::sha256)
      .def_readonly("encoding", &source_info::encoding)
      .def_readonly("script", &source_info::script)
      .def_readonly("bytes", &source_info::bytes)
      .def("__repr__", [](const source_info& s) {
        return fmt::format("SourceInfo('{}', {} bytes, {}, {})", s.path, s.bytes, s.encoding, s.script);
      });

  py::class_<document_number>(m, "DocumentNumber", "A document number (文号).")
      .def(py::self == py::self)
      .def_readonly("printed", &document_number::printed)
      .def_readonly("repaired", &document_number::repaired)
      .def_readonly("span", &document_number::where)
      .def("__repr__", [](const document_number& d) { return fmt::format("DocumentNumber('{}')", d.repaired); });

  py::class_<agency_resolution>(m, "AgencyResolution", "An agency name resolved against the agency ontology.")
      .def(py::self == py::self)
      .def_readonly("canonical", &agency_resolution::canonical)
      .def_property_readonly("level", [](const agency_resolution& r) { return std::string(to_string(r.admin_level)); })
      .def_readonly("confidence", &agency_resolution::confidence)
      .def_readonly("match", &agency_resolution::match)
      .def("__repr__", [](const agency_resolution& r) {
        return fmt::format("AgencyResolution('{}', level='{}', match='{}', confidence={:.2f})", r.canonical,
                           to_string(r.admin_level), r.match, r.confidence);
      });

  py::class_<agency>(m, "Agency", "A distinct agency name of a plan (责任单位), as printed.")
      .def(py::self == py::self)
      .def_readonly("name", &agency::name)
      .def_readonly("collective", &agency::collective)
      .def_readonly("resolution", &agency::resolution)
      .def("__repr__", [](const agency& a) {
        return fmt::format("Agency('{}'{}{})", a.name, a.resolution ? ", canonical='" + a.resolution->canonical + "'" : "",
                           a.collective ? ", collective" : "");
      });

  py::class_<agency_mention>(m, "AgencyMention", "One mention of an agency in a measure's responsibility clause.")
      .def(py::self == py::self)
      .def_readonly("name", &agency_mention::name)
      .def_property_readonly("role", [](const agency_mention& a) { return std::string(to_string(a.part)); })
      .def_readonly("span", &agency_mention::where)
      .def("__repr__", [](const agency_mention& a) {
        return fmt::format("AgencyMention('{}', role='{}', span={})", a.name, to_string(a.part), span_text(a.where));
      });

  py::class_<deadline>(m, "Deadline", "A deadline (时限) as printed, with its date when one is named.")
      .def(py::self == py::self)
      .def_readonly("text", &deadline::text)
      .def_readonly("due", &deadline::due)
      .def_readonly("recurring", &deadline::recurring)
      .def_readonly("ongoing", &deadline::ongoing)
      .def_readonly("span", &deadline::where)
      .def("__repr__", [](const deadline& d) {
        return fmt::format("Deadline('{}'{})", d.text, d.due ? ", due=" + d.due->to_string() : "");
      });

  py::class_<target>(m, "Target", "A quantitative target (指标, 目标值).")
      .def(py::self == py::self)
      .def_readonly("indicator", &target::indicator)
      .def_readonly("indicator_key", &target::indicator_key)
      .def_readonly("value", &target::value)
      .def_readonly("unit", &target::unit)
      .def_readonly("normalized_value", &target::normalized_value)
      .def_readonly("base_unit", &target::base_unit)
      .def_property_readonly("comparator", [](const target& t) { return std::string(to_string(t.kind)); })
      .def_readonly("year", &target::year)
      .def_readonly("baseline", &target::baseline)
      .def_readonly("baseline_year", &target::baseline_year)
      .def_readonly("periodic", &target::periodic)
      .def_readonly("agencies", &target::agencies)
      .def_readonly("owner", &target::owner)
      .def_readonly("span", &target::where)
      .def("__repr__", [](const target& t) {
        return fmt::format("Target('{}', {} {}, {}{}, owner='{}')", cut(t.indicator), t.value, t.unit,
                           to_string(t.kind), t.year ? fmt::format(", year={}", *t.year) : "", t.owner);
      });

  py::class_<diagnostic>(m, "Diagnostic", "A line the parser did not place, with its reason.")
      .def(py::self == py::self)
      .def_readonly("line", &diagnostic::line)
      .def_readonly("span", &diagnostic::where)
      .def_readonly("code", &diagnostic::code)
      .def_readonly("message", &diagnostic::message)
      .def("__repr__", [](const diagnostic& d) {
        return fmt::format("Diagnostic(line={}, code='{}', message='{}')", d.line, d.code, cut(d.message, 40));
      });

  py::class_<section>(m, "Section", "A numbered heading (一、 / (一)) grouping measures or goals.")
      .def(py::self == py::self)
      .def_readonly("id", &section::id)
      .def_readonly("path", &section::path)
      .def_readonly("title", &section::title)
      .def_property_readonly("kind", [](const section& s) { return std::string(to_string(s.kind)); })
      .def_readonly("depth", &section::depth)
      .def_readonly("span", &section::where)
      .def_readonly("extent", &section::extent)
      .def("__repr__", [](const section& s) {
        return fmt::format("Section('{}', '{}', kind='{}')", s.id, cut(s.title), to_string(s.kind));
      });

  py::class_<measure>(m, "Measure", "The finest numbered unit of a task section (措施/任务).")
      .def(py::self == py::self)
      .def_readonly("id", &measure::id)
      .def_readonly("path", &measure::path)
      .def_readonly("title", &measure::title)
      .def_readonly("text", &measure::text)
      .def_readonly("lead", &measure::lead)
      .def_readonly("support", &measure::support)
      .def_readonly("joint", &measure::joint, "the listed units are jointly responsible (no lead mark, no first-listed rule): all are in lead")
      .def_readonly("deadline", &measure::due)
      .def_readonly("clause", &measure::clause)
      .def_readonly("span", &measure::where)
      .def("__repr__", [](const measure& x) {
        return fmt::format("Measure('{}', '{}', lead={}, support={})", x.id, cut(x.title), names_of(x.lead).size(),
                           names_of(x.support).size());
      });

  py::class_<goal>(m, "Goal", "A unit of a goal section (目标).")
      .def(py::self == py::self)
      .def_readonly("id", &goal::id)
      .def_readonly("path", &goal::path)
      .def_readonly("title", &goal::title)
      .def_readonly("text", &goal::text)
      .def_property_readonly("kind", [](const goal& g) { return std::string(to_string(g.kind)); })
      .def_readonly("span", &goal::where)
      .def("__repr__", [](const goal& g) { return fmt::format("Goal('{}', '{}')", g.id, cut(g.text)); });

  py::class_<box_item>(m, "BoxItem", "An item of a 专栏 box, and the measure it restates, if any.")
      .def(py::self == py::self)
      .def_readonly("title", &box_item::title)
      .def_readonly("text", &box_item::text)
      .def_readonly("span", &box_item::where)
      .def_readonly("restates", &box_item::restates)
      .def_readonly("similarity", &box_item::similarity)
      .def("__repr__", [](const box_item& b) {
        return fmt::format("BoxItem('{}'{})", cut(b.title), b.restates ? ", restates='" + *b.restates + "'" : "");
      });

  py::class_<box>(m, "Box", "A 专栏 box.")
      .def(py::self == py::self)
      .def_readonly("id", &box::id)
      .def_readonly("title", &box::title)
      .def_readonly("parent", &box::parent)
      .def_readonly("items", &box::items)
      .def_readonly("span", &box::where)
      .def("__repr__", [](const box& b) {
        return fmt::format("Box('{}', '{}', {} items)", b.id, cut(b.title), b.items.size());
      });

  py::class_<table_block>(m, "TableBlock",
                          "A table of the document (flattened by scraping), header recognized.")
      .def(py::self == py::self)
      .def_readonly("id", &table_block::id)
      .def_readonly("caption", &table_block::caption)
      .def_readonly("parent", &table_block::parent)
      .def_readonly("columns", &table_block::columns)
      .def_readonly("rows", &table_block::rows)
      .def_readonly("cell_spans", &table_block::cell_spans)
      .def_readonly("row_measures", &table_block::row_measures)
      .def_readonly("span", &table_block::where)
      .def("__repr__", [](const table_block& t) {
        return fmt::format("TableBlock('{}', {} columns, {} rows)", t.id, t.columns.size(), t.rows.size());
      });

  py::class_<annex>(m, "Annex", "An annex (附件).")
      .def(py::self == py::self)
      .def_readonly("id", &annex::id)
      .def_readonly("title", &annex::title)
      .def_readonly("text", &annex::text)
      .def_readonly("span", &annex::where)
      .def("__repr__", [](const annex& a) { return fmt::format("Annex('{}', '{}')", a.id, cut(a.title)); });

  // Every accessor copies out of the shared, immutable plan: Python never holds a
  // reference into it, so Plans are safe to share between threads.
  py::class_<parsed_plan>(m, "Plan",
                          "A parsed plan (immutable; safe to use from several threads). Its elements carry spans "
                          "into the original file; source_bytes(span) returns those bytes.")
      .def_property_readonly("source", [](const parsed_plan& p) { return p.get().source; })
      .def_property_readonly("path", [](const parsed_plan& p) { return p.get().source.path; })
      .def_property_readonly("label", [](const parsed_plan& p) { return analysis::plan_label(p.get()); },
                             "Jurisdiction and year (e.g. '宁波市 2020'), as the tables name the plan.")
      .def_property_readonly("title", [](const parsed_plan& p) { return p.get().title; })
      .def_property_readonly("title_span", [](const parsed_plan& p) { return p.get().title_span; })
      .def_property_readonly("notice_title", [](const parsed_plan& p) { return p.get().notice_title; })
      .def_property_readonly("jurisdiction", [](const parsed_plan& p) { return p.get().issuing_jurisdiction; })
      .def_property_readonly("issuer", [](const parsed_plan& p) { return p.get().issuer; })
      .def_property_readonly("issued", [](const parsed_plan& p) { return p.get().issued; })
      .def_property_readonly("issued_text", [](const parsed_plan& p) { return p.get().issued_text; })
      .def_property_readonly("document_number", [](const parsed_plan& p) { return p.get().doc_number; })
      .def_property_readonly("draft", [](const parsed_plan& p) { return p.get().draft; })
      .def_property_readonly("kind", [](const parsed_plan& p) { return std::string(to_string(p.get().kind)); },
                             "what the file is: plan, regulation (articles 第X条, no measures), notice, qa, other")
      .def_property_readonly("first_listed_leads", [](const parsed_plan& p) { return p.get().first_listed_leads; })
      .def_property_readonly("cover", [](const parsed_plan& p) { return p.get().cover; })
      .def_property_readonly("body", [](const parsed_plan& p) { return p.get().body; })
      .def_property_readonly("preamble", [](const parsed_plan& p) { return p.get().preamble; })
      .def_property_readonly("sections", [](const parsed_plan& p) { return p.get().sections(); })
      .def_property_readonly("measures", [](const parsed_plan& p) { return p.get().measures(); })
      .def_property_readonly("goals", [](const parsed_plan& p) { return p.get().goals(); })
      .def_property_readonly("boxes", [](const parsed_plan& p) { return p.get().boxes(); })
      .def_property_readonly("tables", [](const parsed_plan& p) { return p.get().tables(); })
      .def_property_readonly("annexes", [](const parsed_plan& p) { return p.get().annexes(); })
      .def_property_readonly("targets", [](const parsed_plan& p) { return p.get().targets(); })
      .def_property_readonly("agencies", [](const parsed_plan& p) { return p.get().agencies(); })
      .def_property_readonly("diagnostics", [](const parsed_plan& p) { return p.get().diagnostics; })
      .def_property_readonly(
          "deadlines",
          [](const parsed_plan& p) {
            py::list out;
            for (const auto& x : p.get().measures())
              if (x.due) out.append(py::make_tuple(x.id, *x.due));
            return out;
          },
          "(measure id, Deadline) for every measure that names one.")
      .def("find_measure", [](const parsed_plan& p, std::string_view id) -> std::optional<measure> {
        const measure* x = p.get().find_measure(id);
        return x ? std::optional<measure>(*x) : std::nullopt;
      }, py::arg("id"))
      .def(
          "measures_of",
          [](const parsed_plan& p, std::string_view agency_name, std::optional<std::string> part) {
            const auto a = p.get().agency_index(agency_name);
            if (!a) throw usage_error(fmt::format("'{}' is not an agency of {}", agency_name, p.get().source.path));
            std::optional<role> r;
            if (part) {
              r = parse_role(*part);
              if (!r) throw usage_error(fmt::format("role must be 'lead' or 'support', not '{}'", *part));
            }
            std::vector<std::string> ids;
            for (const std::size_t i : p.get().measures_of(*a, r)) ids.push_back(p.get().measures()[i].id);
            return ids;
          },
          py::arg("agency"), py::arg("role") = py::none(),
          "Ids of the measures an agency (printed name) leads or supports (role None: either).")
      .def("source_bytes", &source_bytes, py::arg("span"), "The original bytes of a span.")
      .def("has_document", &parsed_plan::has_document,
           "Whether the source text is available (plans read from JSON re-read their source file).")
      .def("to_json", [](const parsed_plan& p, int indent) { return to_json(p.get(), indent); },
           py::arg("indent") = 2, "The plan as JSON (schema plancmp.plan/1, docs/plan-schema.md).")
      .def_static(
          "from_json",
          [](std::string_view json, const std::string& origin) {
            std::shared_ptr<const plan> p;
            {
              py::gil_scoped_release unlocked;
              p = std::make_shared<const plan>(plan_from_json(json, origin));
            }
            return parsed_plan(std::move(p));
          },
          py::arg("json"), py::arg("origin") = "<json>",
          "Reads a plan written by to_json; raises SchemaError naming origin and the JSON path.")
      .def("to_graphml", [](const parsed_plan& p) { return to_graphml(p.get()); })
      .def("to_dot", [](const parsed_plan& p) { return to_dot(p.get()); })
      .def(
          "graph",
          [](const parsed_plan& p) {
            const plan_graph& g = p.get().graph();
            py::list vertices, edges;
            for (const auto v : boost::make_iterator_range(boost::vertices(g)))
              vertices.append(py::make_tuple(std::string(to_string(g[v].kind)), g[v].index, g[v].item));
            for (const auto e : boost::make_iterator_range(boost::edges(g)))
              edges.append(py::make_tuple(boost::source(e, g), boost::target(e, g), std::string(to_string(g[e].kind))));
            return py::make_tuple(vertices, edges);
          },
          "The plan graph: ([(kind, index, item)] per vertex, [(source, target, kind)] per edge).")
      .def("__eq__", [](const parsed_plan& a, const parsed_plan& b) { return a.get() == b.get(); })
      .def("__repr__",
           [](const parsed_plan& p) {
             const plan& x = p.get();
             return fmt::format("<Plan '{}' {} ({}): {} measures, {} goals, {} targets, {} agencies, {} diagnostics>",
                                cut(x.title, 30), analysis::plan_label(x), x.source.path, x.measures().size(),
                                x.goals().size(), x.targets().size(), x.agencies().size(), x.diagnostics.size());
           })
      .def(py::pickle(
          // A Plan travels (to Dask workers, subprocesses) as its source text, parsed again
          // on arrival with the default options; a plan without one travels as JSON.
          [](const parsed_plan& p) {
            if (p.has_document()) {
              const text::document& d = p.document();
              return py::make_tuple(py::str("source"), d.path, py::bytes(d.original), d.format);
            }
            return py::make_tuple(py::str("json"), p.get().source.path, py::bytes(to_json(p.get(), -1)), "");
          },
          [](const py::tuple& t) {
            const auto kind = t[0].cast<std::string>();
            const auto path = t[1].cast<std::string>();
            auto bytes = t[2].cast<std::string>();
            const auto format = t[3].cast<std::string>();
            if (kind == "json") return parsed_plan(std::make_shared<const plan>(plan_from_json(bytes, path)));
            // PDF and DOCX documents keep their extracted text as `original`.
            std::optional<text::input_format> f;
            if (format == "html") f = text::input_format::html;
            else f = text::input_format::text;
            return parse_document_handle(text::make_any_document(std::move(bytes), path, {}, f), {});
          }));
}

namespace {
// "" detects the encoding; a name the library knows (utf-8, gb18030, big5 …) skips detection.
text::read_options read_options_of(const std::string& encoding, bool keep_line_breaks) {
  text::read_options o;
  o.unwrap = !keep_line_breaks;
  if (encoding.empty()) return o;
  const auto e = text::parse_encoding(encoding);
  if (!e) throw py::value_error(fmt::format("encoding '{}' is not one plancmp reads; use utf-8, utf-8-bom, gb18030 (gbk, gb2312), utf-16le or utf-16be", encoding));
  o.declared_encoding = *e;
  return o;
}
}  // namespace

void bind_parse(py::module_& m) {
  m.def(
      "parse_file",
      [](const std::string& path, bool resolve_agencies, bool read_targets, const std::string& encoding,
         bool keep_line_breaks) {
        const auto options = read_options_of(encoding, keep_line_breaks);
        py::gil_scoped_release unlocked;
        return parse_document_handle(text::read_any_document(path, options),
                                     parse_options_of(resolve_agencies, read_targets));
      },
      py::arg("path"), py::arg("resolve_agencies") = true, py::arg("read_targets") = true,
      py::arg("encoding") = "", py::arg("keep_line_breaks") = false,
      "Reads and parses a plan file (text in any encoding, HTML, PDF, DOCX); keep_line_breaks keeps "
      "the line breaks of hard-wrapped text (a PDF's lines) instead of rejoining its paragraphs.");
  m.def(
      "parse_bytes",
      [](const py::bytes& data, std::string name, bool resolve_agencies, bool read_targets,
         const std::string& encoding, bool keep_line_breaks) {
        std::string bytes = data;
        const auto options = read_options_of(encoding, keep_line_breaks);
        py::gil_scoped_release unlocked;
        return parse_document_handle(text::make_any_document(std::move(bytes), std::move(name), options),
                                     parse_options_of(resolve_agencies, read_targets));
      },
      py::arg("data"), py::arg("name") = "<bytes>", py::arg("resolve_agencies") = true,
      py::arg("read_targets") = true, py::arg("encoding") = "", py::arg("keep_line_breaks") = false,
      "Parses a plan held in memory; name names it in spans' file and errors.");

  py::class_<parse::fidelity>(m, "Fidelity",
                              "How faithfully a parsed plan reproduces a gold annotation (docs/gold.md).")
      .def_readonly("source", &parse::fidelity::source)
      .def_readonly("gold_measures", &parse::fidelity::gold_measures)
      .def_readonly("parsed_measures", &parse::fidelity::parsed_measures)
      .def_readonly("matched_measures", &parse::fidelity::matched_measures)
      .def_property_readonly("measure_precision", &parse::fidelity::measure_precision)
      .def_property_readonly("measure_recall", &parse::fidelity::measure_recall)
      .def_property_readonly("lead", [](const parse::fidelity& f) { return f.lead.rate(); }, "share of matched measures with the gold's lead units")
      .def_property_readonly("support", [](const parse::fidelity& f) { return f.support.rate(); })
      .def_property_readonly("deadline", [](const parse::fidelity& f) { return f.deadline.rate(); })
      .def_property_readonly("target_precision", &parse::fidelity::target_precision)
      .def_property_readonly("target_recall", &parse::fidelity::target_recall)
      .def_readonly("metadata", &parse::fidelity::metadata, "(field, right) for kind, title, issuer, level, issued, doc_number")
      .def_readonly("differences", &parse::fidelity::differences, "one line per disagreement")
      .def("__repr__", [](const parse::fidelity& f) {
        return fmt::format("<Fidelity {}: measures P {:.2f} R {:.2f}, lead {:.2f}, support {:.2f}, deadline {:.2f}>",
                           f.source, f.measure_precision(), f.measure_recall(), f.lead.rate(), f.support.rate(),
                           f.deadline.rate());
      });
  m.def(
      "fidelity",
      [](const parsed_plan& p, const std::string& gold) { return parse::evaluate(p.get(), parse::read_gold(gold)); },
      py::arg("plan"), py::arg("gold"),
      "Compares a parsed plan with a gold annotation file (plancmp.gold.parse/1): measures, lead, support, "
      "deadlines, targets and metadata, as `plancmp fidelity` prints them.");

  py::class_<parse::corpus_failure>(m, "CorpusFailure", "A file of a corpus that could not be read, and why.")
      .def_readonly("path", &parse::corpus_failure::path)
      .def_readonly("message", &parse::corpus_failure::message)
      .def("__repr__", [](const parse::corpus_failure& f) { return fmt::format("CorpusFailure('{}')", f.message); });

  py::class_<corpus_handle>(m, "Corpus", "Plans loaded from files and directories (规划汇编), in path order.")
      .def_readonly("plans", &corpus_handle::plans)
      .def_readonly("formats", &corpus_handle::formats)
      .def_readonly("encodings", &corpus_handle::encodings)
      .def_readonly("failures", &corpus_handle::failures)
      .def("__len__", [](const corpus_handle& c) { return c.plans.size(); })
      .def("__getitem__", [](const corpus_handle& c, std::size_t i) {
        if (i >= c.plans.size()) throw py::index_error();
        return c.plans[i];
      })
      .def("__iter__", [](const corpus_handle& c) { return py::iter(py::cast(c.plans)); })
      .def("__repr__", [](const corpus_handle& c) {
        return fmt::format("<Corpus: {} plans, {} failures>", c.plans.size(), c.failures.size());
      });

  m.def(
      "load_dir",
      [](const std::vector<std::string>& paths, unsigned threads, bool recursive) {
        parse::corpus_options o;
        o.threads = threads;
        o.recursive = recursive;
        py::gil_scoped_release unlocked;
        const parse::corpus c = parse::corpus::load(paths, o);
        corpus_handle out;
        for (const auto& e : c.entries()) {
          out.plans.emplace_back(e.source);
          out.formats.push_back(e.format);
          out.encodings.push_back(e.encoding);
        }
        out.failures = c.failures();
        return out;
      },
      py::arg("paths"), py::arg("threads") = 0, py::arg("recursive") = true,
      "Loads every plan file under the paths (parse::corpus) on `threads` threads (0: all cores); "
      "bad files are kept in .failures, never stop the load.");

  m.def(
      "seeds",
      []() {
        std::vector<parsed_plan> out;
        py::gil_scoped_release unlocked;
        for (const auto& s : bundled_seeds()) {
          out.push_back(
              parse_document_handle(text::make_any_document(std::string(s.bytes), "seeds/" + std::string(s.name)), {}));
        }
        return out;
      },
      "The five seed plans bundled with the module, named 'seeds/<file>' as the CLI names them.");
  m.def("seed_names", []() {
    std::vector<std::string> out;
    for (const auto& s : bundled_seeds()) out.push_back("seeds/" + std::string(s.name));
    return out;
  }, "The names of the five seed plans ('seeds/<file>').");
}

}  // namespace plancmp::python
