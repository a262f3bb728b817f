// SPDX-License-Identifier: MIT
// Tables as files: the xlsx workbook (sheets, names, typed cells, frozen headers, read
// back from the zip) and the CSV directory with its index.
#include <plancmp/report/workbook.hpp>

#include <plancmp/error.hpp>

#include <doctest/doctest.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <iterator>

using namespace plancmp;
using namespace plancmp::report;

namespace {

namespace fs = std::filesystem;

std::vector<table> sample_tables() {
  table plans;
  plans.caption = "Plans";
  plans.columns = {"plan", "measures", "share"};
  plans.add_row({"宁波市 2020", 24, cell(0.583, 3)});
  plans.add_row({"1/8", cell(), cell(-0.25)});
  plans.notes = {"shares of measures"};
  table odd;
  odd.caption = "Gaps: [a/b]? *of* 武汉市某区 2024 — a caption longer than thirty-one characters";
  odd.columns = {"evidence"};
  cell evidence = excerpt_cell(std::string(50, 'x') + "加强知识产权保护", 10);
  evidence.note = "a footnote";
  odd.add_row({evidence});
  odd.add_row({std::string("bell\x07 and bad \xFF byte")});
  return {plans, odd};
}

/// A member of the xlsx zip as text.
std::string member(const std::string& path, const std::string& name) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  REQUIRE(z != nullptr);
  zip_stat_t st;
  REQUIRE(zip_stat(z, name.c_str(), 0, &st) == 0);
  zip_file_t* f = zip_fopen(z, name.c_str(), 0);
  REQUIRE(f != nullptr);
  std::string out(st.size, '\0');
  CHECK(zip_fread(f, out.data(), st.size) == static_cast<zip_int64_t>(st.size));
  zip_fclose(f);
  zip_close(z);
  return out;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("write_xlsx: a contents sheet, then one sheet per table with typed cells") {
  const fs::path dir = fs::temp_directory_path() / "plancmp_test_workbook";
  fs::create_directories(dir);
  const std::string path = (dir / "t.xlsx").string();
  write_xlsx(sample_tables(), path);

  const std::string book = member(path, "xl/workbook.xml");
  CHECK(book.find("name=\"contents\"") != std::string::npos);
  CHECK(book.find("name=\"1 Plans\"") != std::string::npos);
  // Forbidden characters are spaces, runs folded; 31 characters at most.
  CHECK(book.find("name=\"2 Gaps a b *of* 武汉市某区 2024 — a…\"") == std::string::npos);
  CHECK(book.find("name=\"2 Gaps a b of 武汉市某区 2024 — a c…\"") != std::string::npos);

  const std::string plans = member(path, "xl/worksheets/sheet2.xml");
  CHECK(plans.find("<pane ySplit=\"2\" topLeftCell=\"A3\"") != std::string::npos);  // frozen headers
  CHECK(plans.find("<c r=\"B3\" s=\"") != std::string::npos);
  CHECK(plans.find("<v>24</v>") != std::string::npos);      // a number, not text
  CHECK(plans.find("<v>0.583</v>") != std::string::npos);
  CHECK(plans.find("<v>-0.25</v>") != std::string::npos);
  const std::string strings = member(path, "xl/sharedStrings.xml");
  CHECK(strings.find("<t>1/8</t>") != std::string::npos);  // text stays text
  CHECK(strings.find("<t>shares of measures</t>") != std::string::npos);
  CHECK(strings.find("加强知识产权保护</t>") != std::string::npos);  // the whole text, not the excerpt
  CHECK(strings.find("<t>bell and bad \xEF\xBF\xBD byte</t>") != std::string::npos);
  CHECK(member(path, "xl/comments1.xml").find("a footnote") != std::string::npos);

  CHECK(to_xlsx(sample_tables()).substr(0, 2) == "PK");
  CHECK_THROWS_AS(write_xlsx(sample_tables(), (dir / "no-such-dir" / "t.xlsx").string()), io_error);
  fs::remove_all(dir);
}

TEST_CASE("write_csv_directory: one CSV per table and index.csv") {
  const fs::path dir = fs::temp_directory_path() / "plancmp_test_csv_directory";
  fs::remove_all(dir);
  const auto files = write_csv_directory(sample_tables(), dir.string());
  CHECK(files == std::vector<std::string>{"01_plans.csv", "02_gaps_a_b_of_武汉市某区_2024_a_caption_longer_than_thirty.csv",
                                          "index.csv"});
  CHECK(read(dir / "01_plans.csv") == "plan,measures,share\r\n宁波市 2020,24,0.583\r\n1/8,,-0.25\r\n");
  CHECK(read(dir / "index.csv") ==
        "file,caption,rows,columns,notes\r\n"
        "01_plans.csv,Plans,2,3,shares of measures\r\n" +
            files[1] + ",Gaps: [a/b]? *of* 武汉市某区 2024 — a caption longer than thirty-one characters,2,1,\r\n");
  fs::remove_all(dir);
}
