// SPDX-License-Identifier: MIT
// Reuse, alignment, coverage (tools × chain, targets, agencies), PMC, agencies, gaps and
// diffs: each result as a read-only object with its table, computed without the GIL.
#include "bindings.hpp"
#include "bundled_seeds.hpp"
#include <plancmp/analysis/similarity.hpp>

#include <plancmp/analysis/agencies.hpp>
#include <plancmp/analysis/agreement.hpp>
#include <plancmp/analysis/alignment_gold.hpp>
#include <plancmp/analysis/coverage.hpp>
#include <plancmp/analysis/gaps.hpp>
#include <plancmp/analysis/learned_coder.hpp>
#include <plancmp/analysis/plan_alignment.hpp>
#include <plancmp/analysis/pmc.hpp>
#include <plancmp/analysis/reuse.hpp>
#include <plancmp/analysis/similarity.hpp>
#include <plancmp/analysis/tagging.hpp>
#include <plancmp/analysis/target_comparison.hpp>
#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/model/coding_scheme.hpp>
#include <plancmp/report/agencies_tables.hpp>
#include <plancmp/report/agreement_tables.hpp>
#include <plancmp/report/alignment_tables.hpp>
#include <plancmp/report/coverage_tables.hpp>
#include <plancmp/report/gaps_tables.hpp>
#include <plancmp/report/pmc_tables.hpp>
#include <plancmp/report/reuse_tables.hpp>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <optional>
#include <string_view>

namespace plancmp::python {
namespace {

template <class T>
py::array_t<T> array2(const std::vector<std::vector<T>>& rows, std::size_t columns) {
  py::array_t<T> a({rows.size(), columns});
  auto w = a.template mutable_unchecked<2>();
  for (std::size_t i = 0; i < rows.size(); ++i)
    for (std::size_t j = 0; j < columns; ++j) w(i, j) = rows[i].at(j);
  return a;
}

/// Tags every plan with a scheme (documents needed for the evidence spans).
std::vector<analysis::plan_tagging> tag_all(const analysis::tagger& t, const std::vector<parsed_plan>& plans) {
  std::vector<analysis::plan_tagging> out;
  for (const parsed_plan& p : plans) out.push_back(t.tag(p.get(), p.document()));
  return out;
}

analysis::plan_alignment_options alignment_options(double threshold, bool one_to_many, unsigned threads) {
  analysis::plan_alignment_options o;
  o.threshold = threshold;
  o.one_to_many = one_to_many;
  o.vectors.threads = threads;
  return o;
}

analysis::gap_options gap_options_of(double threshold, std::optional<std::vector<std::string>> schemes,
                                     std::size_t min_peers, double outsized_share) {
  analysis::gap_options g;
  g.threshold = threshold;
  if (schemes) g.schemes = *schemes;
  g.min_peers = min_peers;
  g.outsized_share = outsized_share;
  return g;
}

/// Rows (gaps or changes) whose kind is named `kind`: Python names kinds by their string,
/// and a name that is no kind counts 0, as when kinds were strings.
template <class Row>
std::size_t count_of(const std::vector<Row>& rows, std::string_view kind) {
  return static_cast<std::size_t>(
      std::count_if(rows.begin(), rows.end(), [&](const Row& r) { return to_string(r.kind) == kind; }));
}

/// A coverage matrix with the scheme it was computed with (for the tables).
struct coverage_handle {
  analysis::coverage_matrix matrix;
};

}  // namespace

void bind_analysis(py::module_& m) {
  // ------------------------------------------------------------ coding schemes
  py::class_<keyword>(m, "Keyword")
      .def_readonly("phrase", &keyword::phrase)
      .def_readonly("weight", &keyword::weight)
      .def_property_readonly("boundary", [](const keyword& k) { return std::string(to_string(k.boundary)); })
      .def("__repr__", [](const keyword& k) { return fmt::format("Keyword('{}', weight={})", k.phrase, k.weight); });
  py::class_<theme>(m, "Theme", "A theme of a coding scheme: names, keywords, its parent and children (indices).")
      .def_readonly("id", &theme::id)
      .def_readonly("zh", &theme::zh)
      .def_readonly("en", &theme::en)
      .def_readonly("description", &theme::description)
      .def_readonly("keywords", &theme::keywords)
      .def_readonly("exclude", &theme::exclude)
      .def_readonly("parent", &theme::parent)
      .def_readonly("children", &theme::children)
      .def_readonly("depth", &theme::depth)
      .def("__repr__", [](const theme& t) { return fmt::format("Theme('{}', '{}', {} keywords)", t.id, t.zh, t.keywords.size()); });
  py::class_<coding_scheme>(m, "CodingScheme",
                            "A coding scheme (编码体系): themes with keywords. CodingScheme.from_dict(d) is added by "
                            "the plancmp package (goes through from_json).")
      .def_readonly("id", &coding_scheme::id)
      .def_readonly("version", &coding_scheme::version)
      .def_readonly("zh", &coding_scheme::zh)
      .def_readonly("en", &coding_scheme::en)
      .def_readonly("description", &coding_scheme::description)
      .def_readonly("origin", &coding_scheme::origin)
      .def_readonly("min_score", &coding_scheme::min_score)
      .def_readonly("title_weight", &coding_scheme::title_weight)
      .def_readonly("title_needs_body", &coding_scheme::title_needs_body)
      .def_readonly("not_in_cited_titles", &coding_scheme::not_in_cited_titles)
      .def_readonly("themes", &coding_scheme::themes)
      .def_static("from_json", &coding_scheme::from_json, py::arg("json"), py::arg("origin") = "<json>",
                  "Reads a scheme (data/schemes/*.json format); raises SchemaError naming origin and the problem.")
      .def_static("from_yaml", &coding_scheme::from_yaml, py::arg("yaml"), py::arg("origin") = "<yaml>", py::arg("id") = "")
      .def_static("from_file", &coding_scheme::from_file, py::arg("path"))
      .def_static("builtin", [](std::string_view id) { return coding_scheme::builtin(id); }, py::arg("id"))
      .def_static("builtin_ids", &coding_scheme::builtin_ids)
      .def_static("load", &coding_scheme::load, py::arg("id_or_path"), "A built-in scheme id or a file path.")
      .def("__repr__", [](const coding_scheme& s) {
        return fmt::format("<CodingScheme '{}' ({}), {} themes>", s.id, s.zh, s.themes.size());
      });

  // ------------------------------------------------------------ reuse
  py::class_<analysis::reused_passage>(m, "ReusedPassage", "A passage of a measure of plan A found again in plan B.")
      .def_readonly("measure_a", &analysis::reused_passage::measure_a)
      .def_readonly("measure_b", &analysis::reused_passage::measure_b)
      .def_readonly("id_a", &analysis::reused_passage::id_a)
      .def_readonly("id_b", &analysis::reused_passage::id_b)
      .def_readonly("span_a", &analysis::reused_passage::where_a)
      .def_readonly("span_b", &analysis::reused_passage::where_b)
      .def_readonly("text_a", &analysis::reused_passage::text_a)
      .def_readonly("text_b", &analysis::reused_passage::text_b)
      .def_property_readonly("length", [](const analysis::reused_passage& p) { return p.alignment.matches; },
                             "Identically aligned characters that are not boilerplate.")
      .def_property_readonly("identity", [](const analysis::reused_passage& p) { return p.alignment.identity(); })
      .def_property_readonly("score", [](const analysis::reused_passage& p) { return p.alignment.score; })
      .def("__repr__", [](const analysis::reused_passage& p) {
        return fmt::format("ReusedPassage('{}' ↔ '{}', {} characters, identity {:.2f})", p.id_a, p.id_b,
                           p.alignment.matches, p.alignment.identity());
      });
  py::class_<analysis::reuse_report>(m, "ReuseReport", "Passages two plans share.")
      .def_readonly("file_a", &analysis::reuse_report::file_a)
      .def_readonly("file_b", &analysis::reuse_report::file_b)
      .def_readonly("candidate_pairs", &analysis::reuse_report::candidate_pairs)
      .def_readonly("passages", &analysis::reuse_report::passages)
      .def("to_table", [](const analysis::reuse_report& r) { return report::to_table(r); })
      .def("__len__", [](const analysis::reuse_report& r) { return r.passages.size(); })
      .def("__repr__", [](const analysis::reuse_report& r) {
        return fmt::format("<ReuseReport {} ↔ {}: {} passages>", r.file_a, r.file_b, r.passages.size());
      });
  m.def(
      "reuse",
      [](const parsed_plan& a, const parsed_plan& b, std::size_t min_length, double min_identity,
         bool keep_boilerplate, const std::string& candidates, std::size_t top_k, std::vector<std::string> boilerplate) {
        analysis::reuse_options o;
        o.min_length = min_length;
        o.min_identity = min_identity;
        o.mask_clauses = o.builtin_boilerplate = !keep_boilerplate;
        o.boilerplate = std::move(boilerplate);
        using source = analysis::reuse_options::candidate_source;
        if (candidates == "runs") o.source = source::shared_runs;
        else if (candidates == "top-k" || candidates == "top_k") o.source = source::top_k;
        else if (candidates == "all") o.source = source::all_pairs;
        else throw usage_error(fmt::format("candidates takes 'runs', 'top_k' or 'all', not '{}'", candidates));
        o.top_k = top_k;
        py::gil_scoped_release unlocked;
        return analysis::find_reuse(a.source(), b.source(), o);
      },
      py::arg("a"), py::arg("b"), py::arg("min_length") = 20, py::arg("min_identity") = 0.6,
      py::arg("keep_boilerplate") = false, py::arg("candidates") = "runs", py::arg("top_k") = 3,
      py::arg("boilerplate") = std::vector<std::string>{},
      "Passages of A's measures found again in B's (Smith–Waterman, simplified script, clauses and boilerplate "
      "masked), with spans into both files.");
  m.def(
      "frequent_phrases",
      [](const std::vector<parsed_plan>& plans, std::size_t min_plans, std::size_t length) {
        py::gil_scoped_release unlocked;
        return analysis::frequent_phrases(sources_of(plans), {min_plans, length});
      },
      py::arg("plans"), py::arg("min_plans") = 3, py::arg("length") = 6,
      "Boilerplate learnt from a corpus: runs of `length` characters in the measures of ≥ min_plans plans.");

  // ------------------------------------------------------------ alignment
  py::class_<analysis::link_evidence>(m, "LinkEvidence", "The signals of one measure pair (substance aligner).")
      .def_readonly("characters", &analysis::link_evidence::characters)
      .def_readonly("words", &analysis::link_evidence::words)
      .def_readonly("concepts", &analysis::link_evidence::concepts)
      .def_readonly("title", &analysis::link_evidence::title)
      .def_readonly("themes", &analysis::link_evidence::themes)
      .def_readonly("passages", &analysis::link_evidence::passages)
      .def_readonly("passage_concepts", &analysis::link_evidence::passage_concepts)
      .def_readonly("context", &analysis::link_evidence::context)
      .def_readonly("position", &analysis::link_evidence::position)
      .def_readonly("base", &analysis::link_evidence::base)
      .def_readonly("row_rank", &analysis::link_evidence::row_rank)
      .def_readonly("column_rank", &analysis::link_evidence::column_rank)
      .def_readonly("shared_indicator", &analysis::link_evidence::shared_indicator)
      .def_readonly("agencies", &analysis::link_evidence::agencies)
      .def_readonly("shared_concepts", &analysis::link_evidence::shared_concepts);
  py::class_<analysis::measure_pair>(m, "MeasurePair", "Two measures aligned one-to-one, with their score and evidence.")
      .def_readonly("measure_a", &analysis::measure_pair::measure_a)
      .def_readonly("measure_b", &analysis::measure_pair::measure_b)
      .def_readonly("id_a", &analysis::measure_pair::id_a)
      .def_readonly("id_b", &analysis::measure_pair::id_b)
      .def_readonly("similarity", &analysis::measure_pair::similarity)
      .def_readonly("extra", &analysis::measure_pair::extra)
      .def_readonly("evidence", &analysis::measure_pair::evidence)
      .def_readonly("shared_features", &analysis::measure_pair::shared_features)
      .def_property_readonly("grade", [](const analysis::measure_pair& p) { return std::string(to_string(p.grade)); },
                             "\"same\" or \"related\".")
      .def_readonly("signals", &analysis::measure_pair::signals)
      .def("__repr__", [](const analysis::measure_pair& p) {
        return fmt::format("MeasurePair('{}' ↔ '{}', similarity={:.3f})", p.id_a, p.id_b, p.similarity);
      });
  py::class_<analysis::plan_alignment>(m, "PlanAlignment", "Measures of two plans aligned one-to-one.")
      .def_readonly("file_a", &analysis::plan_alignment::file_a)
      .def_readonly("file_b", &analysis::plan_alignment::file_b)
      .def_readonly("pairs", &analysis::plan_alignment::pairs)
      .def_property_readonly("unmatched_a", [](const analysis::plan_alignment& x) {
        std::vector<std::string> ids;
        for (const auto& u : x.unmatched_a) ids.push_back(u.id);
        return ids;
      })
      .def_property_readonly("unmatched_b", [](const analysis::plan_alignment& x) {
        std::vector<std::string> ids;
        for (const auto& u : x.unmatched_b) ids.push_back(u.id);
        return ids;
      })
      .def_readonly("total_similarity", &analysis::plan_alignment::total_similarity)
      .def_readonly("score", &analysis::plan_alignment::score)
      .def("to_table", [](const analysis::plan_alignment& x) { return report::to_table(x); })
      .def("__repr__", [](const analysis::plan_alignment& x) {
        return fmt::format("<PlanAlignment {} ↔ {}: {} pairs, score {:.3f}>", x.file_a, x.file_b, x.pairs.size(), x.score);
      });
  m.def(
      "align",
      [](const parsed_plan& a, const parsed_plan& b, double threshold, bool one_to_many, unsigned threads) {
        py::gil_scoped_release unlocked;
        return analysis::align_plans(a.source(), b.source(), alignment_options(threshold, one_to_many, threads));
      },
      py::arg("a"), py::arg("b"), py::arg("threshold") = 0.35, py::arg("one_to_many") = false, py::arg("threads") = 0,
      "Measure-by-measure alignment by substance (links scoring ≥ threshold, graded same/related).");

  // ------------------------------------------------------------ alignment gold (docs/gold.md)
  py::class_<analysis::gold_link>(m, "GoldLink", "One hand-made link of a gold alignment.")
      .def_readonly("a", &analysis::gold_link::a)
      .def_readonly("a_start", &analysis::gold_link::a_start)
      .def_readonly("b", &analysis::gold_link::b)
      .def_readonly("b_start", &analysis::gold_link::b_start)
      .def_property_readonly("grade", [](const analysis::gold_link& l) { return std::string(to_string(l.grade)); })
      .def_readonly("why", &analysis::gold_link::why)
      .def("__repr__", [](const analysis::gold_link& l) {
        return fmt::format("GoldLink('{}' ↔ '{}', {})", l.a.empty() ? l.a_start : l.a, l.b.empty() ? l.b_start : l.b,
                           to_string(l.grade));
      });
  py::class_<analysis::alignment_gold>(m, "AlignmentGold", "A hand-aligned plan pair (plancmp.gold.alignment/1).")
      .def_readonly("origin", &analysis::alignment_gold::origin)
      .def_readonly("source_a", &analysis::alignment_gold::source_a)
      .def_readonly("source_b", &analysis::alignment_gold::source_b)
      .def_readonly("relation", &analysis::alignment_gold::relation)
      .def_readonly("annotator", &analysis::alignment_gold::annotator)
      .def_readonly("links", &analysis::alignment_gold::links)
      .def("__repr__", [](const analysis::alignment_gold& g) {
        return fmt::format("<AlignmentGold {} ↔ {}: {} links>", g.source_a, g.source_b, g.links.size());
      });
  m.def(
      "read_alignment_gold", [](const std::string& path) { return analysis::read_alignment_gold(read_file(path), path); },
      py::arg("path"), "Reads a hand-aligned pair; errors name the file and the JSON Pointer.");
  m.def(
      "alignment_of_gold",
      [](const analysis::alignment_gold& gold, const parsed_plan& a, const parsed_plan& b) {
        return analysis::alignment_of_gold(gold, a.get(), b.get());
      },
      py::arg("gold"), py::arg("a"), py::arg("b"),
      "A hand alignment as a PlanAlignment of a and b, to measure one annotator against another.");
  py::class_<analysis::link_scores>(m, "LinkScores", "Precision and recall of links against a gold alignment.")
      .def_readonly("gold", &analysis::link_scores::gold)
      .def_readonly("found", &analysis::link_scores::found)
      .def_readonly("gold_matched", &analysis::link_scores::gold_matched)
      .def_readonly("found_matched", &analysis::link_scores::found_matched)
      .def_property_readonly("precision", &analysis::link_scores::precision)
      .def_property_readonly("recall", &analysis::link_scores::recall)
      .def_property_readonly("f1", &analysis::link_scores::f1)
      .def("__repr__", [](const analysis::link_scores& x) {
        return fmt::format("<LinkScores P {:.3f} R {:.3f} F1 {:.3f}>", x.precision(), x.recall(), x.f1());
      });
  py::class_<analysis::alignment_evaluation>(m, "AlignmentEvaluation", "An alignment measured against a gold pair.")
      .def_readonly("pair", &analysis::alignment_evaluation::pair)
      .def_readwrite("found_by", &analysis::alignment_evaluation::found_by, "\"\" for plancmp, else the second annotator")
      .def_readonly("links", &analysis::alignment_evaluation::links, "same and related together")
      .def_readonly("same", &analysis::alignment_evaluation::same)
      .def_readonly("related", &analysis::alignment_evaluation::related)
      .def_readonly("missed", &analysis::alignment_evaluation::missed)
      .def_readonly("spurious", &analysis::alignment_evaluation::spurious)
      .def("to_table",
           [](const analysis::alignment_evaluation& e) { return report::to_table(std::span(&e, 1)); })
      .def("__repr__", [](const analysis::alignment_evaluation& e) {
        return fmt::format("<AlignmentEvaluation {}: P {:.3f} R {:.3f}>", e.pair, e.links.precision(), e.links.recall());
      });
  m.def(
      "evaluate_alignment",
      [](const analysis::plan_alignment& found, const parsed_plan& a, const parsed_plan& b,
         const analysis::alignment_gold& gold) { return analysis::evaluate_alignment(found, a.get(), b.get(), gold); },
      py::arg("found"), py::arg("a"), py::arg("b"), py::arg("gold"),
      "Precision and recall of an alignment's links against a gold pair (as `plancmp align --gold`).");
  m.def(
      "evaluation_table",
      [](const std::vector<analysis::alignment_evaluation>& evaluations) { return report::to_table(evaluations); },
      py::arg("evaluations"), "One table of several evaluations, with the pooled row, as `plancmp align --gold` prints.");

  // ------------------------------------------------------------ coverage
  py::class_<coverage_handle>(m, "Coverage", "Plan × theme coverage of a coding scheme.")
      .def_property_readonly("scheme", [](const coverage_handle& c) { return c.matrix.scheme; })
      .def_property_readonly("plans", [](const coverage_handle& c) { return c.matrix.plans; })
      .def_property_readonly("themes", [](const coverage_handle& c) { return c.matrix.themes; })
      .def_property_readonly("units", [](const coverage_handle& c) { return c.matrix.units; })
      .def_property_readonly("counts", [](const coverage_handle& c) {
        return array2(c.matrix.counts, c.matrix.themes.size());
      }, "[plan, theme] units labelled, numpy.")
      .def_property_readonly("shares", [](const coverage_handle& c) {
        return array2(c.matrix.shares, c.matrix.themes.size());
      }, "[plan, theme] counts / units, numpy.")
      .def(
          "to_table",
          [](const coverage_handle& c, std::string_view view) {
            return report::to_table(c.matrix, analysis::parse_coverage_view(view));
          },
          py::arg("view") = "counts", "view: counts, shares, presence or evidence.")
      .def("compare", [](const coverage_handle& c, std::size_t a, std::size_t b) {
        if (a >= c.matrix.plans.size() || b >= c.matrix.plans.size())
          throw usage_error(fmt::format("compare({}, {}): there are {} plans", a, b, c.matrix.plans.size()));
        return report::to_table(analysis::compare_coverage(c.matrix, a, b));
      }, py::arg("a"), py::arg("b"), "The difference of two plans' coverage, as a table.")
      .def("profile_matrix", [](const coverage_handle& c) { return analysis::theme_profile_matrix(c.matrix); },
           "Plan × plan cosine of the plans' theme shares (the `theme` metric of `plancmp matrix`).")
      .def("__repr__", [](const coverage_handle& c) {
        return fmt::format("<Coverage '{}': {} plans × {} themes>", c.matrix.scheme, c.matrix.plans.size(), c.matrix.themes.size());
      });
  m.def(
      "coverage",
      [](const std::vector<parsed_plan>& plans, const coding_scheme& scheme, bool include_goals, std::size_t top_k) {
        py::gil_scoped_release unlocked;
        const analysis::tagger t(scheme);
        const auto all = plans_of(plans);
        const auto taggings = tag_all(t, plans);
        return coverage_handle{analysis::compute_coverage(all, taggings, t.scheme(), {include_goals, top_k})};
      },
      py::arg("plans"), py::arg("scheme"), py::arg("include_goals") = false, py::arg("top_k") = 3,
      "Tags every measure (and goal) with the scheme and counts themes per plan, with evidence.");
  m.def(
      "target_coverage",
      [](const std::vector<parsed_plan>& plans, const coding_scheme& scheme) {
        py::gil_scoped_release unlocked;
        return report::to_table(analysis::compute_target_coverage(plans_of(plans), analysis::tagger(scheme)));
      },
      py::arg("plans"), py::arg("scheme"), "Themes of the plans' quantitative targets, as a table.");
  m.def(
      "agency_coverage",
      [](const std::vector<parsed_plan>& plans, const coding_scheme& scheme) {
        py::gil_scoped_release unlocked;
        const analysis::tagger t(scheme);
        const auto all = plans_of(plans);
        return report::to_table(analysis::compute_agency_coverage(all, tag_all(t, plans), t.scheme()));
      },
      py::arg("plans"), py::arg("scheme"), "Themes each agency leads or supports, as a table.");

  py::class_<analysis::tools_by_chain>(m, "ToolsByChain", "Policy tools × IP value chain counts per plan.")
      .def_readonly("plans", &analysis::tools_by_chain::plans)
      .def_readonly("rows", &analysis::tools_by_chain::rows)
      .def_readonly("row_depths", &analysis::tools_by_chain::row_depths)
      .def_readonly("columns", &analysis::tools_by_chain::columns)
      .def_property_readonly("cells", [](const analysis::tools_by_chain& t) {
        py::array_t<std::uint64_t> a({t.plans.size(), t.rows.size(), t.columns.size()});
        auto w = a.mutable_unchecked<3>();
        for (std::size_t p = 0; p < t.plans.size(); ++p)
          for (std::size_t r = 0; r < t.rows.size(); ++r)
            for (std::size_t c = 0; c < t.columns.size(); ++c) w(p, r, c) = t.cells[p][r][c];
        return a;
      }, "[plan, tool, stage] counts, numpy.")
      .def_property_readonly("summed", [](const analysis::tools_by_chain& t) {
        std::vector<std::vector<std::uint64_t>> rows;
        for (const auto& r : t.summed) rows.emplace_back(r.begin(), r.end());
        return array2(rows, t.columns.size());
      })
      .def("to_table", [](const analysis::tools_by_chain& t, std::optional<std::size_t> plan) {
        if (plan && *plan >= t.plans.size())
          throw usage_error(fmt::format("report::to_table({}): there are {} plans", *plan, t.plans.size()));
        return report::to_table(t, plan.value_or(std::numeric_limits<std::size_t>::max()));
      }, py::arg("plan") = py::none(), "One plan's table, or (None) the sum over plans.")
      .def("__repr__", [](const analysis::tools_by_chain& t) {
        return fmt::format("<ToolsByChain: {} plans, {} tools × {} stages>", t.plans.size(), t.rows.size(),
                           t.columns.size());
      });
  m.def(
      "tools_by_chain",
      [](const std::vector<parsed_plan>& plans) {
        py::gil_scoped_release unlocked;
        const analysis::tagger tools(coding_scheme::builtin("policy_tools"));
        const analysis::tagger chain(coding_scheme::builtin("ip_value_chain"));
        const analysis::tagger* const both[] = {&tools, &chain};
        std::vector<analysis::plan_tagging> tool_tags, chain_tags;
        for (const auto& p : plans) {
          auto tags = analysis::tagger::tag_all(both, p.get(), p.document());
          tool_tags.push_back(std::move(tags[0]));
          chain_tags.push_back(std::move(tags[1]));
        }
        return analysis::compute_tools_by_chain(tool_tags, tools.scheme(), chain_tags, chain.scheme());
      },
      py::arg("plans"), "The two-dimensional policy-tools × value-chain table (Rothwell & Zegveld × 创造…服务).");

  // ------------------------------------------------------------ PMC
  py::class_<analysis::pmc_value>(m, "PmcValue")
      .def_readonly("id", &analysis::pmc_value::id)
      .def_readonly("value", &analysis::pmc_value::value)
      .def_readonly("evidence", &analysis::pmc_value::evidence)
      .def_readonly("span", &analysis::pmc_value::where)
      .def("__repr__", [](const analysis::pmc_value& v) { return fmt::format("PmcValue('{}', {})", v.id, v.value); });
  py::class_<analysis::pmc_result>(m, "PmcResult", "The PMC index of one plan.")
      .def_readonly("plan", &analysis::pmc_result::plan)
      .def_readonly("source", &analysis::pmc_result::source)
      .def_readonly("scores", &analysis::pmc_result::scores)
      .def_readonly("values", &analysis::pmc_result::values)
      .def_readonly("pmc", &analysis::pmc_result::pmc)
      .def_readonly("grade_zh", &analysis::pmc_result::grade_zh)
      .def_readonly("codes", &analysis::pmc_result::codes, "whose codes: '' (plancmp's tagger) or 'human codes: A'")
      .def_readonly("grade_en", &analysis::pmc_result::grade_en)
      .def_property_readonly("surface", [](const analysis::pmc_result& r) {
        return array2(r.surface, r.surface.empty() ? 0 : r.surface.front().size());
      }, "The PMC surface matrix, numpy.")
      .def("__repr__", [](const analysis::pmc_result& r) {
        return fmt::format("PmcResult('{}', pmc={:.2f}, grade='{}')", r.plan, r.pmc, r.grade_en);
      });
  m.def(
      "pmc",
      [](const std::vector<parsed_plan>& plans, const std::string& codes) {
        std::optional<analysis::coding_sheet> sheet;
        if (!codes.empty()) sheet = analysis::coding_sheet::from_json(codes, "codes");
        py::gil_scoped_release unlocked;
        std::vector<analysis::pmc_result> out;
        for (const auto& p : plans) {
          out.push_back(sheet ? analysis::compute_pmc(p.get(), p.document(), analysis::pmc_model::builtin(), *sheet)
                              : analysis::compute_pmc(p.get(), p.document()));
        }
        return out;
      },
      py::arg("plans"), py::arg("codes") = std::string(),
      "The PMC index of every plan (built-in model, data/pmc.json); `codes`: a coding sheet (JSON) "
      "whose codes replace the tagger's, labelled in the results.");
  m.def(
      "read_coding_sheet",
      [](const std::string& path) { return analysis::coding_sheet::from_file(path).to_json(); }, py::arg("path"),
      "A coding sheet file (.json, the .csv or .xlsx of plancmp codes) as plancmp.gold.coding/1 JSON.");
  m.def("pmc_table", [](const std::vector<analysis::pmc_result>& r) {
    return report::to_table(r, analysis::pmc_model::builtin());
  }, py::arg("results"), "The PMC index as a table: variables × plans, the grade as its last row.");
  m.def("pmc_detail_table", [](const std::vector<analysis::pmc_result>& r) {
    return report::detail_table(r, analysis::pmc_model::builtin());
  }, py::arg("results"), "Every PMC sub-variable × plan with its value and evidence.");
  m.def("pmc_surface_table", [](const analysis::pmc_result& r) {
    return report::surface_table(r, analysis::pmc_model::builtin());
  }, py::arg("result"), "The PMC surface matrix of one plan as a table.");

  // ------------------------------------------------------------ agreement and coding sheets
  m.def(
      "cohen_kappa",
      [](const std::vector<bool>& a, const std::vector<bool>& b) {
        const std::vector<char> x(a.begin(), a.end()), y(b.begin(), b.end());
        return analysis::cohen_kappa({reinterpret_cast<const bool*>(x.data()), x.size()},
                                     {reinterpret_cast<const bool*>(y.data()), y.size()});
      },
      py::arg("a"), py::arg("b"), "Cohen's kappa of two binary codings (NaN when undefined).");
  m.def(
      "krippendorff_alpha",
      [](const std::vector<bool>& a, const std::vector<bool>& b) {
        const std::vector<char> x(a.begin(), a.end()), y(b.begin(), b.end());
        return analysis::krippendorff_alpha({reinterpret_cast<const bool*>(x.data()), x.size()},
                                            {reinterpret_cast<const bool*>(y.data()), y.size()});
      },
      py::arg("a"), py::arg("b"), "Krippendorff's alpha (nominal, two coders) of two binary codings.");
  m.def(
      "code_sources",
      [](const std::vector<std::string>& sources, const std::string& seeds_dir, const std::string& corpus_dir) {
        py::gil_scoped_release unlocked;
        auto r = analysis::code_sources(sources, {seeds_dir, corpus_dir, bundled_seeds()});
        return std::make_pair(r.sheet.to_json(), r.missing);
      },
      py::arg("sources"), py::arg("seeds_dir"), py::arg("corpus_dir"),
      "plancmp's codes for the documents named seeds/<file> or corpus/<file>: (sheet JSON, missing).");
  m.def(
      "code_plan_json",
      [](const parsed_plan& p, const std::string& source) {
        analysis::coding_sheet s;
        s.coder = "plancmp";
        s.automatic = true;
        s.units = analysis::code_plan(p.get(), p.document(), source);
        return s.to_json();
      },
      py::arg("plan"), py::arg("source"), "plancmp's codes for every measure of a plan, as a coding sheet (JSON).");
  m.def(
      "agreement_table",
      [](const std::string& a_json, const std::string& b_json, const std::string& a_name, const std::string& b_name) {
        const auto a = analysis::coding_sheet::from_json(a_json, a_name);
        const auto b = analysis::coding_sheet::from_json(b_json, b_name);
        return report::to_table(analysis::compare_codings(a, b));
      },
      py::arg("a"), py::arg("b"), py::arg("a_name") = "a", py::arg("b_name") = "b",
      "Agreement of two coding sheets (JSON, plancmp.gold.coding/1): kappa, alpha, P/R/F1 per theme.");

  m.def(
      "learn_tables",
      [](const std::string& sheet_json, const std::vector<std::string>& extra_sources, const std::string& seeds_dir,
         const std::string& corpus_dir, std::size_t folds, std::size_t suggest) {
        const auto human = analysis::coding_sheet::from_json(sheet_json, "sheet");
        py::gil_scoped_release unlocked;
        auto sources = analysis::sources_of(human);
        sources.insert(sources.end(), extra_sources.begin(), extra_sources.end());
        const auto units = analysis::learning_units(sources, {seeds_dir, corpus_dir, bundled_seeds()});
        analysis::learner_options o;
        o.folds = folds;
        o.suggest = suggest;
        return report::to_tables(analysis::learn(human, units.units, o));
      },
      py::arg("sheet"), py::arg("extra_sources"), py::arg("seeds_dir"), py::arg("corpus_dir"), py::arg("folds") = 5,
      py::arg("suggest") = 20,
      "A coder learned from a human sheet (JSON): [cross-validated F1 per theme, units to hand-code next].");

  // ------------------------------------------------------------ agencies
  m.def("agency_resolution_table", [](const std::vector<parsed_plan>& plans) {
    py::gil_scoped_release unlocked;
    return report::resolution_table(plans_of(plans));
  }, py::arg("plans"), "Every agency name resolved against the agency ontology.");
  m.def("agency_functions", [](const std::vector<parsed_plan>& plans) {
    py::gil_scoped_release unlocked;
    return report::to_table(analysis::compare_agency_functions(plans_of(plans)));
  }, py::arg("plans"), "Agency functions across plans (canonical agencies as rows, plans as columns).");
  m.def("lead_load", [](const parsed_plan& p) { return report::to_table(analysis::compute_lead_load(p.get())); },
        py::arg("plan"), "Measures each agency leads and supports.");
  m.def("responsibility_matrix", [](const parsed_plan& p) {
    return report::to_table(analysis::make_responsibility_matrix(p.get()));
  }, py::arg("plan"), "Agency × measure roles.");

  py::class_<analysis::co_responsibility_network>(m, "AgencyNetwork",
                                                  "Co-responsibility network: agencies linked by shared measures. "
                                                  "to_networkx() is added by the plancmp package.")
      .def_readonly("plan", &analysis::co_responsibility_network::plan)
      .def_property_readonly("nodes", [](const analysis::co_responsibility_network& n) {
        py::list out;
        const auto& g = n.graph;
        const auto& mt = n.metrics;
        for (std::size_t v = 0; v < boost::num_vertices(g); ++v) {
          py::dict d;
          d["name"] = g[v].name;
          d["canonical"] = g[v].canonical;
          d["collective"] = g[v].collective;
          d["lead"] = g[v].lead;
          d["support"] = g[v].support;
          d["degree"] = mt.degree.at(v);
          d["weighted_degree"] = mt.weighted_degree.at(v);
          d["betweenness"] = mt.betweenness.at(v);
          d["component"] = mt.component.at(v);
          out.append(d);
        }
        return out;
      }, "One dict per agency: name, canonical, collective, lead, support and the network metrics.")
      .def_property_readonly("edges", [](const analysis::co_responsibility_network& n) {
        py::list out;
        const auto& g = n.graph;
        for (const auto e : boost::make_iterator_range(boost::edges(g)))
          out.append(py::make_tuple(boost::source(e, g), boost::target(e, g), g[e].weight, g[e].source_leads,
                                    g[e].target_leads));
        return out;
      }, "(u, v, weight, u_leads, v_leads) per tie.")
      .def_property_readonly("density", [](const analysis::co_responsibility_network& n) { return n.metrics.density; })
      .def_property_readonly("components", [](const analysis::co_responsibility_network& n) { return n.metrics.components; })
      .def("to_table", [](const analysis::co_responsibility_network& n) { return report::to_table(n); })
      .def("to_graphml", [](const analysis::co_responsibility_network& n) { return analysis::to_graphml(n); })
      .def("to_dot", [](const analysis::co_responsibility_network& n) { return analysis::to_dot(n); })
      .def("__repr__", [](const analysis::co_responsibility_network& n) {
        return fmt::format("<AgencyNetwork '{}': {} agencies, {} ties>", n.plan, boost::num_vertices(n.graph),
                           boost::num_edges(n.graph));
      });
  m.def(
      "agency_network",
      [](const parsed_plan& p, bool by_canonical, bool include_collectives) {
        return analysis::build_co_responsibility_network(p.get(), {by_canonical, include_collectives});
      },
      py::arg("plan"), py::arg("by_canonical") = false, py::arg("include_collectives") = true,
      "The co-responsibility network of a plan's agencies (shared measures); to_networkx() keys nodes by "
      "canonical agency id.");

  // ------------------------------------------------------------ gaps, diff, vertical
  py::class_<analysis::gap_evidence>(m, "GapEvidence", "Where a gap or change is seen: file, unit id, span and full text.")
      .def_readonly("source", &analysis::gap_evidence::source)
      .def_readonly("unit", &analysis::gap_evidence::unit)
      .def_readonly("span", &analysis::gap_evidence::where)
      .def_readonly("text", &analysis::gap_evidence::text);
  py::class_<analysis::gap>(m, "Gap", "One thing a plan lacks compared with a reference plan, with evidence on both sides.")
      .def_property_readonly("kind", [](const analysis::gap& g) { return std::string(to_string(g.kind)); })
      .def_readonly("reference", &analysis::gap::reference)
      .def_readonly("item", &analysis::gap::item)
      .def_readonly("detail", &analysis::gap::detail)
      .def_readonly("score", &analysis::gap::score)
      .def_readonly("in_reference", &analysis::gap::in_reference)
      .def_readonly("in_subject", &analysis::gap::in_subject)
      .def("__repr__", [](const analysis::gap& g) { return fmt::format("Gap('{}', '{}')", to_string(g.kind), g.item); });
  py::class_<analysis::gap_report>(m, "GapReport", "The gaps of a subject plan against reference plans.")
      .def_readonly("subject", &analysis::gap_report::subject)
      .def_readonly("references", &analysis::gap_report::references)
      .def_readonly("gaps", &analysis::gap_report::gaps)
      .def(
          "count", [](const analysis::gap_report& r, std::string_view kind) { return count_of(r.gaps, kind); },
          py::arg("kind"))
      .def("to_table", [](const analysis::gap_report& r) { return report::to_table(r); })
      .def("__repr__", [](const analysis::gap_report& r) {
        return fmt::format("<GapReport '{}': {} gaps>", r.subject, r.gaps.size());
      });
  m.def(
      "gaps",
      [](const parsed_plan& subject, const std::vector<parsed_plan>& against, const std::string& mode, double threshold,
         std::optional<std::vector<std::string>> schemes, std::size_t min_peers, double outsized_share) {
        const auto g = gap_options_of(threshold, std::move(schemes), min_peers, outsized_share);
        py::gil_scoped_release unlocked;
        if (mode == "accountability") return analysis::accountability_gaps(subject.source(), g);
        if (mode == "against")
          return analysis::gaps_against(subject.source(), sources_of(against), g);
        if (mode == "consensus")
          return analysis::consensus_gaps(subject.source(), sources_of(against), g);
        throw usage_error(fmt::format("mode takes 'against', 'consensus' or 'accountability', not '{}'", mode));
      },
      py::arg("subject"), py::arg("against") = std::vector<parsed_plan>{}, py::arg("mode") = "against",
      py::arg("threshold") = 0.35, py::arg("schemes") = py::none(), py::arg("min_peers") = 0,
      py::arg("outsized_share") = 0.25,
      "What the subject leaves out: against reference plans, against the consensus of peers, or within itself "
      "(accountability: measures without agencies or deadlines …).");

  py::class_<analysis::plan_change>(m, "PlanChange", "One change between two editions of a plan (carried, new, dropped …).")
      .def_property_readonly("kind", [](const analysis::plan_change& c) { return std::string(to_string(c.kind)); })
      .def_readonly("item_old", &analysis::plan_change::item_old)
      .def_readonly("item_new", &analysis::plan_change::item_new)
      .def_readonly("detail", &analysis::plan_change::detail)
      .def_readonly("score", &analysis::plan_change::score)
      .def_readonly("in_old", &analysis::plan_change::in_old)
      .def_readonly("in_new", &analysis::plan_change::in_new)
      .def("__repr__", [](const analysis::plan_change& c) {
        return fmt::format("PlanChange('{}', '{}' → '{}')", to_string(c.kind), c.item_old, c.item_new);
      });
  py::class_<analysis::plan_diff>(m, "PlanDiff", "What changed between two editions of a plan.")
      .def_readonly("old_plan", &analysis::plan_diff::old_plan)
      .def_readonly("new_plan", &analysis::plan_diff::new_plan)
      .def_readonly("changes", &analysis::plan_diff::changes)
      .def(
          "count", [](const analysis::plan_diff& d, std::string_view kind) { return count_of(d.changes, kind); },
          py::arg("kind"))
      .def("to_table", [](const analysis::plan_diff& d) { return report::to_table(d); })
      .def("__repr__", [](const analysis::plan_diff& d) {
        return fmt::format("<PlanDiff {} → {}: {} changes>", d.old_plan, d.new_plan, d.changes.size());
      });
  m.def(
      "diff",
      [](const parsed_plan& old_plan, const parsed_plan& new_plan, double threshold, unsigned threads) {
        py::gil_scoped_release unlocked;
        return analysis::diff_plans(old_plan.source(), new_plan.source(), alignment_options(threshold, false, threads));
      },
      py::arg("old"), py::arg("new"), py::arg("threshold") = 0.35, py::arg("threads") = 0,
      "What changed between two editions of a plan: measures carried, new, dropped; targets; agencies.");
  m.def(
      "vertical",
      [](const parsed_plan& upper, const parsed_plan& lower, double threshold, unsigned threads) {
        py::gil_scoped_release unlocked;
        return report::to_table(
            analysis::align_vertical(upper.source(), lower.source(), alignment_options(threshold, false, threads)));
      },
      py::arg("upper"), py::arg("lower"), py::arg("threshold") = 0.35, py::arg("threads") = 0,
      "A lower-level plan against the upper-level plan it implements, as a table.");

  // Targets per capita and per GDP from a user's statistics table (docs/targets.md).
  py::class_<analysis::jurisdiction_statistics>(m, "JurisdictionStatistics",
                                                "Population (persons) and GDP (元) of a jurisdiction in a year.")
      .def_readonly("jurisdiction", &analysis::jurisdiction_statistics::jurisdiction)
      .def_readonly("year", &analysis::jurisdiction_statistics::year)
      .def_readonly("population", &analysis::jurisdiction_statistics::population)
      .def_readonly("gdp", &analysis::jurisdiction_statistics::gdp);
  py::class_<analysis::statistics_table>(m, "StatisticsTable",
                                         "A user's statistics table: read_statistics_csv(text, origin).")
      .def_readonly("rows", &analysis::statistics_table::rows)
      .def("find", &analysis::statistics_table::find, py::return_value_policy::reference_internal,
           py::arg("jurisdiction"), py::arg("year"),
           "The row of the jurisdiction for the year, else its nearest year; None when absent.");
  m.def("read_statistics_csv", &analysis::read_statistics_csv, py::arg("csv"), py::arg("origin") = "<statistics>",
        "A statistics table from CSV text: jurisdiction, year, population, gdp (units in brackets).");
  py::class_<analysis::scaled_target>(m, "ScaledTarget", "A target per 10,000 residents and per 亿元 of GDP.")
      .def_readonly("per_10k_people", &analysis::scaled_target::per_10k_people)
      .def_readonly("per_100m_yuan_gdp", &analysis::scaled_target::per_100m_yuan_gdp)
      .def_readonly("unit", &analysis::scaled_target::unit)
      .def_readonly("statistics_year", &analysis::scaled_target::statistics_year)
      .def("__str__", [](const analysis::scaled_target& t) { return analysis::to_string(t); });
  m.def("scale_target", &analysis::scale_target, py::arg("target"), py::arg("jurisdiction"), py::arg("table"),
        "The target per capita and per GDP; None for growth rates, shares, per-unit targets or an "
        "unknown jurisdiction.");
}

}  // namespace plancmp::python
