// SPDX-License-Identifier: MIT
// report::table (every analysis renders through it) and the one-file HTML report.
#include "bindings.hpp"

#include <plancmp/error.hpp>
#include <plancmp/report/html_report.hpp>
#include <plancmp/report/table.hpp>
#include <plancmp/report/workbook.hpp>

#include <pybind11/stl.h>

#include <fmt/format.h>

#include <fstream>

namespace plancmp::python {
namespace {

py::object shown_value_of(const report::cell& c) {
  switch (c.value.index()) {
    case 1: return py::str(std::get<std::string>(c.value));
    case 2: return py::int_(std::get<std::int64_t>(c.value));
    case 3: return py::float_(std::get<double>(c.value));
    default: return py::none();
  }
}

// The whole text of an excerpt cell (cell::full): Python gets data, not the Markdown view.
py::object value_of(const report::cell& c) {
  if (c.full) return py::str(*c.full);
  return shown_value_of(c);
}

}  // namespace

void bind_report(py::module_& m) {
  m.def("column_key", &report::column_key, py::arg("header"),
        "The machine name of a column header, as the CLI's CSV and JSON write it: an ASCII header in "
        "snake_case ('similar plan' -> 'similar_plan', 'passage in A' -> 'passage_in_a'); a header holding a "
        "non-ASCII letter (a plan label, a theme) unchanged.");
  py::class_<report::table>(m, "Table",
                            "A result table (caption, columns, typed rows, notes). Cells are None, str, int or "
                            "float; cells taken from a plan know their source file and span (see sources). "
                            "to_pandas() / to_records() are added by the plancmp package.")
      .def_readonly("caption", &report::table::caption)
      .def_readonly("columns", &report::table::columns,
                    "Column headers as written for people (Markdown, LaTeX, HTML, Excel).")
      .def_property_readonly(
          "keys",
          [](const report::table& t) {
            std::vector<std::string> keys;
            keys.reserve(t.columns.size());
            for (const auto& c : t.columns) keys.push_back(report::column_key(c));
            return keys;
          },
          "Column names for programs (column_key of each header): the CLI's CSV and JSON headers and the "
          "column names of to_pandas() / to_records().")
      .def_readonly("notes", &report::table::notes)
      .def_property_readonly("rows",
                             [](const report::table& t) {
                               py::list rows;
                               for (const auto& r : t.rows) {
                                 py::list row;
                                 for (const auto& c : r) row.append(value_of(c));
                                 rows.append(row);
                               }
                               return rows;
                             },
                             "Rows of cell values (None, str, int, float); evidence cells hold their whole text, "
                             "never the Markdown excerpt (see shown_rows).")
      .def_property_readonly("shown_rows",
                             [](const report::table& t) {
                               py::list rows;
                               for (const auto& r : t.rows) {
                                 py::list row;
                                 for (const auto& c : r) row.append(shown_value_of(c));
                                 rows.append(row);
                               }
                               return rows;
                             },
                             "Rows as Markdown and LaTeX show them: long evidence cut to an excerpt ending in '…'.")
      .def_property_readonly(
          "sources",
          [](const report::table& t) {
            py::list rows;
            for (const auto& r : t.rows) {
              py::list row;
              for (const auto& c : r) {
                if (c.source && c.where) row.append(py::make_tuple(*c.source, *c.where));
                else row.append(py::none());
              }
              rows.append(row);
            }
            return rows;
          },
          "Per cell: (file, Span) of the text it was taken from, or None.")
      .def("__len__", [](const report::table& t) { return t.rows.size(); })
      .def("to_markdown", [](const report::table& t) { return report::to_markdown(t); })
      .def("to_csv", [](const report::table& t, bool excel) { return report::to_csv(t, {.excel = excel}); },
           py::arg("excel") = false, "RFC 4180 CSV (excel=True: with a UTF-8 BOM).")
      .def("to_json", [](const report::table& t) { return report::to_json(t); })
      .def("to_latex", [](const report::table& t) { return report::to_latex(t); })
      .def("to_html", [](const report::table& t) { return report::to_html(t); })
      .def("to_xlsx", [](const report::table& t) { return py::bytes(report::to_xlsx({t})); },
           "An Excel workbook (bytes): a contents sheet and this table's sheet.")
      .def("render", [](const report::table& t, std::string_view format) {
        const auto f = report::parse_table_format(format);
        if (f == report::table_format::xlsx) throw usage_error("render: a workbook is bytes; use to_xlsx()");
        return report::render(t, f);
      }, py::arg("format"), "Renders as md, csv, json, latex or html.")
      .def("__repr__", [](const report::table& t) {
        return fmt::format("<Table '{}': {} rows × {} columns>", t.caption, t.rows.size(), t.columns.size());
      });

  m.def("write_xlsx", &report::write_xlsx, py::arg("tables"), py::arg("path"),
        "Writes tables as one Excel workbook: a contents sheet, then a sheet per table "
        "(caption, frozen headers, numbers as numbers, notes). "
        "pandas: read_excel(path, sheet_name=sheet, header=1, nrows=rows).");
  m.def("write_csv_directory",
        [](const std::vector<report::table>& tables, const std::string& directory, bool excel) {
          return report::write_csv_directory(tables, directory, {.excel = excel});
        },
        py::arg("tables"), py::arg("directory"), py::arg("excel") = false,
        "Writes one CSV per table and index.csv into directory; returns the file names.");
  m.def(
      "report",
      [](const std::vector<parsed_plan>& plans, std::optional<std::string> path, std::string title,
         bool draw_networks, bool pairwise) -> py::object {
        std::string html;
        {
          py::gil_scoped_release unlocked;
          const std::vector<source_plan> inputs = sources_of(plans);
          report::report_options o;
          o.title = std::move(title);
          o.draw_networks = draw_networks;
          o.pairwise = pairwise;
          html = report::html_report(inputs, o);
          if (path) {
            std::ofstream out(*path, std::ios::binary);
            out << html;
            out.close();
            if (!out) throw io_error(error_location::file(*path), "cannot write the report; check the folder");
          }
        }
        if (path) return py::none();
        return py::str(html);
      },
      py::arg("plans"), py::arg("path") = py::none(), py::arg("title") = "plancmp report",
      py::arg("draw_networks") = false, py::arg("pairwise") = true,
      "The one-file HTML report of the plans: written to path, or returned as a string when path is None.");
}

}  // namespace plancmp::python
