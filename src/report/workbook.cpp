// SPDX-License-Identifier: MIT
// Tables as files: Excel workbooks (libxlsxwriter) and directories of CSV files.
#include <plancmp/error.hpp>
#include <plancmp/report/workbook.hpp>

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <unistd.h>

namespace plancmp::inline v0::report {
namespace {

namespace fs = std::filesystem;

// Excel keeps at most 32,767 characters in a cell; longer text is cut with an ellipsis.
constexpr std::size_t max_cell_chars = 32'000;
constexpr std::size_t max_sheet_name_chars = 31;

/// Text XML can carry, as libxlsxwriter writes it as is: ill-formed UTF-8 as U+FFFD,
/// control characters other than tab and line feed dropped, at most `max_chars` code points.
std::string xml_safe(std::string_view text, std::size_t max_chars = max_cell_chars) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  std::size_t chars = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (++chars > max_chars) {
      out += "…";
      break;
    }
    if (c < 0) {
      out += "\xEF\xBF\xBD";
    } else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f || c == 0xFFFE || c == 0xFFFF) {
      --chars;
    } else {
      out.append(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    }
  }
  return out;
}

/// "3 Coverage ip_value_chain — share o…": the table's number and caption, without the
/// characters Excel forbids in sheet names, at most 31 characters, unique (Excel compares
/// names without case).
std::string sheet_name(std::size_t index, const std::string& caption, std::set<std::string>& used) {
  std::string name = std::to_string(index + 1);
  std::string cleaned;
  for (char ch : xml_safe(caption, 200)) {
    if (std::string_view("[]:*?/\\'\t\n").find(ch) != std::string_view::npos) ch = ' ';
    if (ch == ' ' && (cleaned.empty() || cleaned.back() == ' ')) continue;
    cleaned += ch;
  }
  if (!cleaned.empty()) name += " " + cleaned;
  name = xml_safe(name, max_sheet_name_chars);
  if (name.ends_with("…")) name = xml_safe(name, max_sheet_name_chars - 1);  // 30 and the ellipsis
  while (!name.empty() && name.back() == ' ') name.pop_back();
  std::string key;
  for (char ch : name) key += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (!used.insert(key).second) name = std::to_string(index + 1);  // the number alone is unique
  return name;
}

/// Display columns of the widest of the first cells of column `c`, for its width.
double column_width(const table& t, std::size_t c) {
  std::size_t w = display_width(t.columns[c]);
  const std::size_t sample = std::min<std::size_t>(t.rows.size(), 500);
  for (std::size_t r = 0; r < sample; ++r) w = std::max(w, display_width(t.rows[r][c].text()));
  return static_cast<double>(std::clamp<std::size_t>(w + 2, 8, 60));
}

class workbook_writer {
 public:
  explicit workbook_writer(const std::string& path) : path_(path) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    const char* tmp = std::getenv("TMPDIR");
    options.tmpdir = const_cast<char*>(tmp != nullptr && *tmp != '\0' ? tmp : nullptr);
    book_ = workbook_new_opt(path.c_str(), &options);
    if (book_ == nullptr) throw io_error(error_location::file(path), "cannot create the workbook");
    header_ = workbook_add_format(book_);
    format_set_bold(header_);
    format_set_bottom(header_, LXW_BORDER_THIN);
    format_set_bg_color(header_, 0xEEEEEE);
    caption_ = workbook_add_format(book_);
    format_set_bold(caption_);
    format_set_font_size(caption_, 13);
    note_ = workbook_add_format(book_);
    format_set_italic(note_);
    integer_ = workbook_add_format(book_);
    format_set_num_format(integer_, "0");
  }
  ~workbook_writer() {
    if (book_ != nullptr) workbook_close(book_);  // an error path: the file is incomplete
  }
  workbook_writer(const workbook_writer&) = delete;
  workbook_writer& operator=(const workbook_writer&) = delete;

  void write(const std::vector<table>& tables) {
    std::set<std::string> used{"contents"};
    std::vector<std::string> names;
    for (std::size_t k = 0; k < tables.size(); ++k) names.push_back(sheet_name(k, tables[k].caption, used));
    write_contents(tables, names);
    for (std::size_t k = 0; k < tables.size(); ++k) write_table(tables[k], names[k]);
    const lxw_error status = workbook_close(book_);
    book_ = nullptr;
    if (status != LXW_NO_ERROR) {
      throw io_error(error_location::file(path_), fmt::format("cannot write the workbook: {}", lxw_strerror(status)));
    }
  }

 private:
  lxw_worksheet* add_sheet(const std::string& name) {
    lxw_worksheet* sheet = workbook_add_worksheet(book_, name.c_str());
    if (sheet == nullptr) throw io_error(error_location::file(path_), fmt::format("cannot add the sheet '{}'", name));
    return sheet;
  }

  void text(lxw_worksheet* sheet, std::size_t row, std::size_t col, std::string_view value, lxw_format* format) {
    check(worksheet_write_string(sheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                 xml_safe(value).c_str(), format));
  }

  void number(lxw_worksheet* sheet, std::size_t row, std::size_t col, double value, lxw_format* format) {
    check(worksheet_write_number(sheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), value, format));
  }

  void check(lxw_error status) {
    if (status != LXW_NO_ERROR) {
      throw io_error(error_location::file(path_), fmt::format("cannot write a cell: {}", lxw_strerror(status)));
    }
  }

  lxw_format* real_format(int precision) {
    precision = std::clamp(precision, 0, 15);
    auto& f = reals_[precision];
    if (f == nullptr) {
      f = workbook_add_format(book_);
      format_set_num_format(f, precision == 0 ? "0" : ("0." + std::string(static_cast<std::size_t>(precision), '0')).c_str());
    }
    return f;
  }

  void write_contents(const std::vector<table>& tables, const std::vector<std::string>& names) {
    lxw_worksheet* sheet = add_sheet("contents");
    const char* headers[] = {"sheet", "caption", "rows", "columns", "notes"};
    for (std::size_t c = 0; c < 5; ++c) text(sheet, 0, c, headers[c], header_);
    for (std::size_t k = 0; k < tables.size(); ++k) {
      const table& t = tables[k];
      std::string notes;
      for (const auto& n : t.notes) notes += (notes.empty() ? "" : "\n") + n;
      text(sheet, k + 1, 0, names[k], nullptr);
      text(sheet, k + 1, 1, t.caption, nullptr);
      number(sheet, k + 1, 2, static_cast<double>(t.rows.size()), integer_);
      number(sheet, k + 1, 3, static_cast<double>(t.columns.size()), integer_);
      if (!notes.empty()) text(sheet, k + 1, 4, notes, nullptr);
    }
    worksheet_set_column(sheet, 0, 0, 34, nullptr);
    worksheet_set_column(sheet, 1, 1, 50, nullptr);
    worksheet_set_column(sheet, 4, 4, 80, nullptr);
    worksheet_freeze_panes(sheet, 1, 0);
  }

  void write_table(const table& t, const std::string& name) {
    lxw_worksheet* sheet = add_sheet(name);
    text(sheet, 0, 0, t.caption, caption_);
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      text(sheet, 1, c, t.columns[c], header_);
      worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), column_width(t, c), nullptr);
    }
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
        const cell& x = t.rows[r][c];
        const std::size_t row = r + 2;
        switch (x.value.index()) {
          case 1: text(sheet, row, c, x.full_text(), nullptr); break;
          case 2: number(sheet, row, c, static_cast<double>(std::get<std::int64_t>(x.value)), integer_); break;
          case 3: number(sheet, row, c, std::get<double>(x.value), real_format(x.precision)); break;
          default: break;
        }
        if (x.note) {
          check(worksheet_write_comment(sheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(c),
                                        xml_safe(*x.note, 30'000).c_str()));
        }
      }
    }
    std::size_t row = t.rows.size() + 3;  // an empty row between the table and its notes
    for (const auto& n : t.notes) text(sheet, row++, 0, n, note_);
    worksheet_freeze_panes(sheet, 2, 0);
  }

  std::string path_;
  lxw_workbook* book_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* caption_ = nullptr;
  lxw_format* note_ = nullptr;
  lxw_format* integer_ = nullptr;
  std::map<int, lxw_format*> reals_;
};

/// "02_plan_plan_similarity_mean_best_match": letters and digits (Chinese too; ASCII
/// lower-cased), everything else as one `_`; at most 60 characters of the caption.
std::string file_stem(std::size_t index, const std::string& caption) {
  std::string slug;
  const std::string text = xml_safe(caption, 60);
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0 && u_isalnum(c)) {
      if (c < 0x80) {
        slug += static_cast<char>(std::tolower(c));
      } else {
        slug.append(text, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
      }
    } else if (!slug.empty() && slug.back() != '_') {
      slug += '_';
    }
  }
  while (!slug.empty() && slug.back() == '_') slug.pop_back();
  return slug.empty() ? fmt::format("{:02}", index + 1) : fmt::format("{:02}_{}", index + 1, slug);
}

void write_file(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw io_error(error_location::file(path.string()), "cannot write this file");
}

}  // namespace

void write_xlsx(const std::vector<table>& tables, const std::string& path) {
  workbook_writer(path).write(tables);
}

std::string to_xlsx(const std::vector<table>& tables) {
  std::error_code ec;
  fs::path dir = fs::temp_directory_path(ec);
  if (ec) dir = "/tmp";
  std::string name = (dir / "plancmp-XXXXXX.xlsx").string();
  const int fd = ::mkstemps(name.data(), 5);
  if (fd < 0) throw io_error(error_location::file(name), "cannot create a temporary file for the workbook");
  ::close(fd);
  struct remove_on_exit {
    std::string path;
    ~remove_on_exit() { std::remove(path.c_str()); }
  } guard{name};
  write_xlsx(tables, name);
  std::ifstream in(name, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> write_csv_directory(const std::vector<table>& tables, const std::string& directory,
                                             const csv_options& options) {
  std::error_code ec;
  fs::create_directories(directory, ec);
  if (ec || !fs::is_directory(directory)) {
    throw io_error(error_location::file(directory), "cannot create this directory for the CSV tables");
  }
  std::vector<std::string> files;
  table index;
  index.caption = "Tables";
  index.columns = {"file", "caption", "rows", "columns", "notes"};
  std::set<std::string> used;
  for (std::size_t k = 0; k < tables.size(); ++k) {
    std::string file = file_stem(k, tables[k].caption) + ".csv";
    if (!used.insert(file).second) file = fmt::format("{:02}.csv", k + 1);
    write_file(fs::path(directory) / file, to_csv(tables[k], options));
    std::string notes;
    for (const auto& n : tables[k].notes) notes += (notes.empty() ? "" : "\n") + n;
    index.add_row({file, tables[k].caption, tables[k].rows.size(), tables[k].columns.size(), notes});
    files.push_back(std::move(file));
  }
  write_file(fs::path(directory) / "index.csv", to_csv(index, options));
  files.emplace_back("index.csv");
  return files;
}

}  // namespace plancmp::inline v0::report
