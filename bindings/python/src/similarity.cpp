// SPDX-License-Identifier: MIT
// Vectorized measures (CSR as numpy arrays without copies), top-k search, MinHash-LSH and
// plan × plan matrices.
#include "bindings.hpp"

#include <plancmp/analysis/graph_kernel.hpp>
#include <plancmp/analysis/plan_alignment.hpp>
#include <plancmp/analysis/similarity.hpp>
#include <plancmp/error.hpp>
#include <plancmp/report/similarity_tables.hpp>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <fmt/format.h>

namespace plancmp::python {
namespace {

/// A read-only numpy view of `data` kept alive by `owner`.
template <class T>
py::array view(const T* data, std::size_t size, const py::handle& owner) {
  py::array a(py::dtype::of<T>(), {size}, {sizeof(T)}, data, owner);
  reinterpret_cast<py::detail::PyArray_Proxy*>(a.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
  return a;
}
template <class T>
py::array view(const std::vector<T>& v, const py::handle& owner) {
  return view(v.data(), v.size(), owner);
}

/// Measures (and goals, box items) of some plans as L2-normalized rows.
struct vectors_handle {
  analysis::plan_vectors vectors;
  std::vector<std::uint32_t> row_plans;
  std::size_t vocabulary = 0;
};

/// Matches sorted by query row, then score descending.
struct matches_handle {
  std::vector<analysis::match> matches;
  std::vector<std::uint64_t> query_begin;  ///< empty for LSH pairs
};

template <class T>
std::vector<T> vector_of(const py::handle& h) {
  const auto a = h.cast<py::array_t<T, py::array::c_style | py::array::forcecast>>();
  return {a.data(), a.data() + a.size()};
}

analysis::vectorize_options vectorize_options_of(const std::string& features, const std::string& weighting,
                                                 int ngram_min, int ngram_max, bool sublinear, unsigned threads) {
  analysis::vectorize_options v;
  if (features == "char") v.features = analysis::feature_kind::char_ngrams;
  else if (features == "words") v.features = analysis::feature_kind::words;
  else if (features == "raw_char") v.features = analysis::feature_kind::raw_char_ngrams;
  else throw usage_error(fmt::format("features takes 'char', 'raw_char' or 'words', not '{}'", features));
  if (weighting == "tfidf") v.weights = analysis::weighting::tf_idf;
  else if (weighting == "bm25") v.weights = analysis::weighting::bm25;
  else if (weighting == "tf") v.weights = analysis::weighting::tf;
  else if (weighting == "binary") v.weights = analysis::weighting::binary;
  else throw usage_error(fmt::format("weighting takes 'tfidf', 'bm25', 'tf' or 'binary', not '{}'", weighting));
  if (ngram_min < 1 || ngram_max < ngram_min)
    throw usage_error(fmt::format("n-gram sizes must satisfy 1 ≤ ngram_min ≤ ngram_max, not {}..{}", ngram_min, ngram_max));
  v.ngram_min = ngram_min;
  v.ngram_max = ngram_max;
  v.sublinear_tf = sublinear;
  v.threads = threads;
  return v;
}

}  // namespace

void bind_similarity(py::module_& m) {
  PYBIND11_NUMPY_DTYPE(analysis::match, query, candidate, score);
  py::class_<analysis::text_unit>(m, "Unit", "A measure, goal or 专栏 item vectorized as one row.")
      .def_readonly("plan", &analysis::text_unit::plan)
      .def_property_readonly("kind", [](const analysis::text_unit& u) { return std::string(analysis::to_string(u.kind)); })
      .def_readonly("index", &analysis::text_unit::index)
      .def_readonly("item", &analysis::text_unit::item)
      .def_readonly("id", &analysis::text_unit::id)
      .def_readonly("span", &analysis::text_unit::where)
      .def("__repr__", [](const analysis::text_unit& u) {
        return fmt::format("Unit(plan={}, {} '{}')", u.plan, analysis::to_string(u.kind), u.id);
      });

  py::class_<matches_handle, std::shared_ptr<matches_handle>>(
      m, "Matches", "Scored pairs of rows: a numpy structured array (query, candidate, score) without copies.")
      .def_property_readonly("array", [](py::object self) {
        const auto& h = self.cast<const matches_handle&>();
        return view(h.matches, self);
      })
      .def_property_readonly("query_begin", [](py::object self) {
        const auto& h = self.cast<const matches_handle&>();
        return view(h.query_begin, self);
      }, "Matches of query q: array[query_begin[q]:query_begin[q+1]] (top-k only).")
      .def("__len__", [](const matches_handle& h) { return h.matches.size(); })
      .def("__repr__", [](const matches_handle& h) { return fmt::format("<Matches: {} pairs>", h.matches.size()); });

  py::class_<vectors_handle, std::shared_ptr<vectors_handle>>(
      m, "Vectors",
      "Units of plans as L2-normalized sparse rows (CSR): indptr, indices and data are read-only numpy views "
      "of the C++ buffers. Picklable (ships to Dask workers).")
      .def_property_readonly("shape", [](const vectors_handle& h) {
        return py::make_tuple(h.vectors.matrix.rows(), h.vectors.matrix.columns);
      })
      .def_property_readonly("indptr", [](py::object self) { return view(self.cast<const vectors_handle&>().vectors.matrix.row_begin, self); })
      .def_property_readonly("indices", [](py::object self) { return view(self.cast<const vectors_handle&>().vectors.matrix.column, self); })
      .def_property_readonly("data", [](py::object self) { return view(self.cast<const vectors_handle&>().vectors.matrix.value, self); })
      .def_property_readonly("row_plans", [](py::object self) { return view(self.cast<const vectors_handle&>().row_plans, self); },
                             "Row → index of its plan in the list vectorized.")
      .def_property_readonly("units", [](const vectors_handle& h) { return h.vectors.units; })
      .def_readonly("vocabulary_size", &vectors_handle::vocabulary)
      .def(
          "top_k",
          [](const vectors_handle& h, std::size_t top_k, double threshold, const std::string& mode,
             bool exclude_same_plan, std::optional<std::pair<std::size_t, std::size_t>> rows, unsigned threads) {
            if (mode != "exact" && mode != "pruned")
              throw usage_error(fmt::format("mode takes 'exact' or 'pruned', not '{}'", mode));
            auto out = std::make_shared<matches_handle>();
            py::gil_scoped_release unlocked;
            analysis::similarity_options o;
            o.top_k = top_k;
            o.threshold = threshold;
            o.query_plans = h.row_plans;
            o.exclude_same_plan = exclude_same_plan;
            o.threads = threads;
            const analysis::csr_matrix& corpus = h.vectors.matrix;
            analysis::top_k_result r;
            if (rows) {
              const auto [begin, end] = *rows;
              if (begin > end || end > corpus.rows())
                throw usage_error(fmt::format("rows ({}, {}) are not a block of the {} rows", begin, end, corpus.rows()));
              analysis::csr_matrix block;
              block.columns = corpus.columns;
              for (std::size_t q = begin; q < end; ++q) block.push_row(corpus.row_columns(q), corpus.row_values(q));
              o.query_row_offset = begin;
              r = mode == "exact" ? analysis::top_k_similar(block, corpus, o)
                                  : analysis::top_k_similar_pruned(block, corpus, o);
            } else {
              r = mode == "exact" ? analysis::top_k_similar(corpus, o) : analysis::top_k_similar_pruned(corpus, o);
            }
            out->matches = std::move(r.matches);
            out->query_begin = std::move(r.query_begin);
            return out;
          },
          py::arg("top_k") = 10, py::arg("threshold") = 0.0, py::arg("mode") = "exact",
          py::arg("exclude_same_plan") = true, py::arg("rows") = py::none(), py::arg("threads") = 0,
          "Each row's top_k most similar rows (cosine > threshold), a row never its own match. rows=(begin, end) "
          "searches only those query rows against all rows (matches carry the global row), for sharding.")
      .def(
          "near_duplicates",
          [](const vectors_handle& h, double threshold, bool exclude_same_plan, unsigned threads) {
            auto out = std::make_shared<matches_handle>();
            py::gil_scoped_release unlocked;
            analysis::lsh_options o;
            o.threshold = threshold;
            o.plans = h.row_plans;
            o.exclude_same_plan = exclude_same_plan;
            o.threads = threads;
            out->matches = analysis::near_duplicates(h.vectors.matrix, o);
            return out;
          },
          py::arg("threshold") = 0.5, py::arg("exclude_same_plan") = true, py::arg("threads") = 0,
          "Near-duplicate row pairs (MinHash-LSH, verified Jaccard ≥ threshold), query < candidate.")
      .def("__repr__", [](const vectors_handle& h) {
        return fmt::format("<Vectors: {} rows × {} features, {} non-zeros>", h.vectors.matrix.rows(),
                           h.vectors.matrix.columns, h.vectors.matrix.nonzeros());
      })
      .def(py::pickle(
          [](py::object self) {
            const auto& h = self.cast<const vectors_handle&>();
            py::list units;
            for (const auto& u : h.vectors.units)
              units.append(py::make_tuple(u.plan, static_cast<int>(u.kind), u.index, u.item, u.id, u.where.begin, u.where.end));
            const auto& x = h.vectors.matrix;
            return py::make_tuple(x.columns, view(x.row_begin, self), view(x.column, self), view(x.value, self), units,
                                  h.vocabulary);
          },
          [](const py::tuple& t) {
            auto h = std::make_shared<vectors_handle>();
            auto& x = h->vectors.matrix;
            x.columns = t[0].cast<std::size_t>();
            x.row_begin = vector_of<std::uint64_t>(t[1]);
            x.column = vector_of<std::uint32_t>(t[2]);
            x.value = vector_of<float>(t[3]);
            if (x.row_begin.empty() || x.row_begin.back() != x.column.size() || x.column.size() != x.value.size())
              throw usage_error("Vectors: the CSR arrays do not fit together");
            for (const auto& item : t[4].cast<py::list>()) {
              const auto u = item.cast<py::tuple>();
              h->vectors.units.push_back({u[0].cast<std::uint32_t>(), static_cast<analysis::unit_kind>(u[1].cast<int>()),
                                          u[2].cast<std::uint32_t>(), u[3].cast<std::uint32_t>(), u[4].cast<std::string>(),
                                          span{u[5].cast<std::uint64_t>(), u[6].cast<std::uint64_t>()}});
            }
            h->row_plans = h->vectors.row_plans();
            h->vocabulary = t[5].cast<std::size_t>();
            return h;
          }));

  m.def(
      "vectorize",
      [](const std::vector<parsed_plan>& plans, const std::string& features, const std::string& weighting,
         int ngram_min, int ngram_max, bool sublinear, bool goals, bool boxes, unsigned threads) {
        const auto v = vectorize_options_of(features, weighting, ngram_min, ngram_max, sublinear, threads);
        auto h = std::make_shared<vectors_handle>();
        py::gil_scoped_release unlocked;
        const std::vector<plan> all = plans_of(plans);
        analysis::vectorizer vec(v);
        analysis::unit_options u;
        u.goals = goals;
        u.box_items = boxes;
        h->vectors = analysis::fit_transform_plans(vec, all, u);
        h->row_plans = h->vectors.row_plans();
        h->vocabulary = vec.vocabulary().size();
        return h;
      },
      py::arg("plans"), py::arg("features") = "char", py::arg("weighting") = "tfidf", py::arg("ngram_min") = 2,
      py::arg("ngram_max") = 3, py::arg("sublinear") = false, py::arg("goals") = false, py::arg("boxes") = false,
      py::arg("threads") = 0,
      "Vectorizes the measures (goals, 专栏 items on request) of the plans, simplified script, responsibility "
      "clauses left out; char 2–3-gram tf-idf, rows L2-normalized.");

  py::class_<analysis::plan_matrix>(m, "PlanMatrix", "Scores between every pair of plans.")
      .def_readonly("metric", &analysis::plan_matrix::metric)
      .def_readonly("plans", &analysis::plan_matrix::plans)
      .def_readonly("weighting", &analysis::plan_matrix::weighting)
      .def_property_readonly("score", [](const analysis::plan_matrix& x) {
        const std::size_t n = x.score.size();
        py::array_t<double> a({n, n});
        auto w = a.mutable_unchecked<2>();
        for (std::size_t i = 0; i < n; ++i)
          for (std::size_t j = 0; j < n; ++j) w(i, j) = x.score[i][j];
        return a;
      }, "The scores as an n × n numpy array (plans in the order given); NaN where a plan has no data (n/a).")
      .def("to_table", [](const analysis::plan_matrix& x) { return report::to_table(x); })
      .def("__repr__", [](const analysis::plan_matrix& x) {
        return fmt::format("<PlanMatrix '{}': {} plans>", x.metric, x.plans.size());
      });

  m.def(
      "plan_matrix",
      [](const std::vector<parsed_plan>& plans, const std::string& metric, unsigned threads) {
        py::gil_scoped_release unlocked;
        const std::vector<plan> all = plans_of(plans);
        analysis::vectorize_options v;
        v.threads = threads;
        if (metric == "text") return analysis::text_similarity_matrix(all, v);
        if (metric == "assignment")
          return analysis::text_similarity_matrix(all, v, {}, analysis::assignment_metric(0.2), "assignment");
        if (metric == "structure") return analysis::structure_similarity_matrix(all);
        if (metric == "agency") return analysis::agency_profile_matrix(all);
        throw usage_error(fmt::format("metric takes 'text', 'assignment', 'structure' or 'agency', not '{}'", metric));
      },
      py::arg("plans"), py::arg("metric") = "text", py::arg("threads") = 0,
      "Plan × plan similarity: text (mean best match of measures), assignment (one-to-one measure alignment), "
      "structure (WL kernel on the plan graphs) or agency (cosine of agency profiles).");
}

}  // namespace plancmp::python
