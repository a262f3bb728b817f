// SPDX-License-Identifier: MIT
// PDF text through poppler's C++ interface (Debian: libpoppler-cpp-dev), page by page
// in poppler's reading order. A PDF's bytes are compressed streams, so the extracted
// text itself becomes the document's original; `page_starts` says where each page is.
#include <plancmp/error.hpp>
#include <plancmp/text/formats.hpp>

#include <fmt/format.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <climits>
#include <memory>
#include <mutex>

namespace plancmp::inline v0::text {
namespace {

/// poppler prints its complaints about damaged files to stderr; the error we throw says
/// what matters.
void silence_poppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

bool only_space(std::string_view s) noexcept {
  for (char c : s) {
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f') return false;
  }
  return true;
}

}  // namespace

extracted_text extract_pdf(std::string_view bytes, const std::string& path) {
  silence_poppler();
  // poppler keeps global state (fonts, the error callback); plancmp does not rely on it
  // being safe across threads, so one PDF is read at a time. Parsing still runs in parallel.
  static std::mutex poppler_mutex;
  const std::lock_guard lock(poppler_mutex);
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    throw usage_error(error_location::file(path),
                      "PDF files above 2 GiB are not supported; split the file");
  }
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf) {
    throw parse_error(error_location::file(path),
                      "not a readable PDF (damaged or truncated); open it in a PDF viewer "
                      "and save it again, or export its text");
  }
  if (pdf->is_locked()) {
    throw parse_error(error_location::file(path),
                      "the PDF is encrypted with a password; remove the protection first");
  }
  extracted_text out;
  bool any_text = false;
  const int pages = pdf->pages();
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    std::string text;
    if (page) {
      const auto utf8 = page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout).to_utf8();
      text.assign(utf8.begin(), utf8.end());
    }
    for (char& c : text) {
      if (c == '\f' || c == '\r') c = '\n';
    }
    any_text = any_text || !only_space(text);
    if (!out.utf8.empty() && out.utf8.back() != '\n') out.utf8 += '\n';
    out.page_starts.push_back(out.utf8.size());
    out.utf8 += text;
  }
  if (!any_text) {
    throw parse_error(error_location::file(path),
                      fmt::format("the PDF has {} page(s) but no text layer (a scan?); run OCR "
                                  "on it first (e.g. ocrmypdf) and read the result",
                                  pages));
  }
  if (!out.utf8.empty() && out.utf8.back() != '\n') out.utf8 += '\n';
  return out;
}

}  // namespace plancmp::inline v0::text
