// SPDX-License-Identifier: MIT
// A program outside the project that uses the installed plancmp.
#include <plancmp/plancmp.hpp>

#include <cstdio>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: consumer FILE\n");
    return 2;
  }
  const auto doc = plancmp::text::read_document(argv[1]);
  std::printf("plancmp %s: %s %s %s, %zu lines\n", PLANCMP_VERSION_STRING, doc.path.c_str(),
              std::string(plancmp::text::to_string(doc.source_encoding)).c_str(),
              std::string(plancmp::text::to_string(doc.source_script)).c_str(), doc.lines.size());
  return doc.lines.empty() ? 1 : 0;
}
