// SPDX-License-Identifier: MIT
// Policy diffusion (analysis/diffusion.hpp): plancmp.diffusion(plans) and its result.
#include "bindings.hpp"

#include <plancmp/analysis/diffusion.hpp>
#include <plancmp/model/coding_scheme.hpp>
#include <plancmp/report/diffusion_tables.hpp>

#include <pybind11/stl.h>

#include <fmt/format.h>

namespace plancmp::python {

void bind_diffusion(py::module_& m) {
  namespace analysis = plancmp::analysis;
  py::class_<analysis::borrowed_passage>(m, "BorrowedPassage", "A passage of a measure found in its source.")
      .def_readonly("span", &analysis::borrowed_passage::where)
      .def_readonly("source_span", &analysis::borrowed_passage::source_where)
      .def_readonly("text", &analysis::borrowed_passage::text)
      .def_readonly("source_text", &analysis::borrowed_passage::source_text)
      .def_property_readonly("length", [](const analysis::borrowed_passage& p) { return p.alignment.matches; })
      .def_property_readonly("identity", [](const analysis::borrowed_passage& p) { return p.alignment.identity(); });
  py::class_<analysis::measure_attribution>(m, "MeasureAttribution",
                                            "A measure's most plausible earlier source and how much it changed.")
      .def_readonly("plan", &analysis::measure_attribution::plan)
      .def_readonly("measure", &analysis::measure_attribution::measure)
      .def_readonly("id", &analysis::measure_attribution::id)
      .def_property_readonly("grade", [](const analysis::measure_attribution& a) { return analysis::to_string(a.grade); })
      .def_readonly("source_plan", &analysis::measure_attribution::source_plan)
      .def_readonly("source_measure", &analysis::measure_attribution::source_measure)
      .def_readonly("source_id", &analysis::measure_attribution::source_id)
      .def_property_readonly("relation",
                             [](const analysis::measure_attribution& a) { return analysis::to_string(a.relation); })
      .def_readonly("coverage", &analysis::measure_attribution::coverage)
      .def_readonly("reinvention", &analysis::measure_attribution::reinvention)
      .def_readonly("localized", &analysis::measure_attribution::localized)
      .def_readonly("added_targets", &analysis::measure_attribution::added_targets)
      .def_readonly("dropped_clauses", &analysis::measure_attribution::dropped_clauses)
      .def_readonly("added_clauses", &analysis::measure_attribution::added_clauses)
      .def_readonly("plausible_sources", &analysis::measure_attribution::plausible_sources)
      .def_readonly("passages", &analysis::measure_attribution::passages)
      .def("__repr__", [](const analysis::measure_attribution& a) {
        return fmt::format("<MeasureAttribution {} {}{}>", a.id, analysis::to_string(a.grade),
                           a.source_plan ? fmt::format(" ← plan {} {}", *a.source_plan, a.source_id) : "");
      });
  py::class_<analysis::diffusion_edge>(m, "DiffusionEdge", "Plan → plan: measures the target took from the source.")
      .def_readonly("source", &analysis::diffusion_edge::source)
      .def_readonly("target", &analysis::diffusion_edge::target)
      .def_readonly("copied", &analysis::diffusion_edge::copied)
      .def_readonly("adapted", &analysis::diffusion_edge::adapted)
      .def_property_readonly("measures", &analysis::diffusion_edge::measures)
      .def_property_readonly("relation", [](const analysis::diffusion_edge& e) { return analysis::to_string(e.relation); });
  py::class_<analysis::diffusion_result>(m, "DiffusionResult",
                                         "Sources, network, originality and influence of a corpus of dated plans.")
      .def_property_readonly("labels",
                             [](const analysis::diffusion_result& d) {
                               std::vector<std::string> out;
                               for (const auto& p : d.plans) out.push_back(p.label);
                               return out;
                             })
      .def_readonly("attributions", &analysis::diffusion_result::attributions)
      .def_readonly("edges", &analysis::diffusion_result::edges)
      .def_readonly("frequent_boilerplate", &analysis::diffusion_result::frequent_boilerplate)
      .def_readonly("candidate_pairs", &analysis::diffusion_result::candidate_pairs)
      .def_readonly("rows", &analysis::diffusion_result::rows, "Measure rows attributed: (begin, end).")
      .def("to_json", &analysis::diffusion_to_json)
      .def(py::pickle(&analysis::diffusion_to_json, [](const std::string& json) { return analysis::diffusion_from_json(json); }))
      .def("attributions_table", &report::attributions_table, py::arg("include_novel") = false)
      .def("edges_table", &report::edges_table)
      .def("plans_table", &report::plans_table)
      .def("to_graphml", [](const analysis::diffusion_result& d) { return analysis::to_graphml(d); })
      .def("to_gexf", &analysis::to_gexf)
      .def(
          "timeline_table",
          [](const analysis::diffusion_result& d, const std::vector<parsed_plan>& plans, const coding_scheme& scheme) {
            return report::timeline_table(
                d, analysis::adoption_timelines(d, sources_of(plans), scheme));
          },
          py::arg("plans"), py::arg("scheme"),
          "Adoption timelines per theme of `scheme` (the plans given to plancmp.diffusion, same order).")
      .def("__repr__", [](const analysis::diffusion_result& d) {
        return fmt::format("<DiffusionResult {} plans, {} edges>", d.plans.size(), d.edges.size());
      });
  m.def(
      "diffusion",
      [](const std::vector<parsed_plan>& plans, std::size_t top_k, std::size_t min_length, double min_coverage,
         double frequent_share, bool keep_boilerplate, unsigned threads,
         std::optional<std::pair<std::size_t, std::size_t>> rows) {
        analysis::diffusion_options o;
        o.top_k = top_k;
        o.min_length = min_length;
        o.min_coverage = min_coverage;
        o.frequent_share = keep_boilerplate ? 1.0 : frequent_share;
        o.mask_clauses = o.builtin_boilerplate = !keep_boilerplate;
        o.threads = threads;
        o.rows = rows;
        const auto sources = sources_of(plans);
        py::gil_scoped_release unlocked;
        return analysis::attribute_measures(sources, o);
      },
      py::arg("plans"), py::arg("top_k") = 5, py::arg("min_length") = 20, py::arg("min_coverage") = 0.5,
      py::arg("frequent_share") = 0.5, py::arg("keep_boilerplate") = false, py::arg("threads") = 0,
      py::arg("rows") = py::none(),
      "Each measure's most plausible source among earlier plans (docs/diffusion.md). rows=(begin, end): "
      "attribute only those measure rows (the others stay novel), for merge_diffusion.");
  m.def(
      "merge_diffusion",
      [](const std::vector<analysis::diffusion_result>& parts) { return analysis::merge_diffusion(parts); },
      py::arg("parts"), "The run over all rows from runs over blocks of rows (plancmp.diffusion(rows=...)).");
}

}  // namespace plancmp::python
