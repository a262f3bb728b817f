// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/report/table.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace plancmp::inline v0::report {

/// Writes tables as one Excel workbook (.xlsx, through libxlsxwriter) at `path`:
///
/// - a first sheet `contents`: one row per table with its sheet, caption, rows, columns
///   and notes (header in row 1, frozen);
/// - one sheet per table, named by its number and caption (cut to Excel's 31 characters):
///   the caption in row 1, the column headers in row 2 (bold, frozen with the caption),
///   one row per table row — integers and reals as numbers (reals with the table's
///   decimals as their number format), text as text (never turned into a date), excerpts
///   as their whole text, cell notes as Excel comments — and the table's notes under it,
///   after an empty row.
///
/// pandas reads a table as `pd.read_excel(path, sheet_name=sheet, header=1, nrows=rows)`
/// with `sheet` and `rows` from the contents sheet. Throws `io_error` naming `path` when
/// the file cannot be written.
void write_xlsx(const std::vector<table>& tables, const std::string& path);

/// The workbook `write_xlsx` writes, as bytes.
[[nodiscard]] std::string to_xlsx(const std::vector<table>& tables);

/// Writes each table as its own CSV file (`to_csv`) into `directory` (created if needed):
/// `01_plans.csv`, `02_plan_plan_similarity_mean_best_match.csv` … (the number, then the
/// caption with ASCII punctuation and spaces as `_`, Chinese kept), and `index.csv` with
/// one row per table: file, caption, rows, columns, notes (one per line). Returns the
/// file names written, index.csv last. Throws `io_error` naming the file that cannot be
/// written.
std::vector<std::string> write_csv_directory(const std::vector<table>& tables, const std::string& directory,
                                             const csv_options& options = {});

}  // namespace plancmp::inline v0::report
