// SPDX-License-Identifier: MIT
#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/parse/corpus.hpp>
#include <plancmp/detail/parallel.hpp>
#include <plancmp/text/formats.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <optional>

namespace plancmp::inline v0::parse {
namespace {

namespace fs = std::filesystem;

bool has_extension(const std::string& name, const std::vector<std::string>& extensions) {
  std::string lower = name;
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return std::any_of(extensions.begin(), extensions.end(), [&](const std::string& e) { return lower.ends_with(e); });
}

std::string message_of(const std::exception_ptr& e) {
  try {
    std::rethrow_exception(e);
  } catch (const std::exception& x) {
    return x.what();
  } catch (...) {
    return "unknown error";
  }
}

}  // namespace

std::vector<std::string> list_corpus_files(const std::vector<std::string>& paths, const corpus_options& options) {
  std::vector<std::string> out;
  for (const auto& path : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      throw usage_error(error_location::file(path),
                        "no such file or directory; check the path");
    }
    if (!fs::is_directory(status)) {
      out.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    auto take = [&](const fs::directory_entry& e) {
      if (e.is_regular_file(ec) && has_extension(e.path().filename().string(), options.extensions)) {
        found.push_back(e.path().string());
      }
    };
    if (options.recursive) {
      for (const auto& e : fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied)) take(e);
    } else {
      for (const auto& e : fs::directory_iterator(path, fs::directory_options::skip_permission_denied)) take(e);
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

corpus corpus::load(const std::vector<std::string>& paths, const corpus_options& options) {
  const std::vector<std::string> files = list_corpus_files(paths, options);
  std::vector<std::optional<corpus_entry>> entries(files.size());
  parse_options popts = options.parse;
  popts.accounting = nullptr;
  std::size_t done = 0;
  const auto errors = plancmp::detail::for_each_index(
      files.size(), options.threads,
      [&](std::size_t i) {
        std::string bytes = read_file(files[i], popts.read.max_input_bytes);
        const std::size_t size = bytes.size();
        source_plan s = parse_source(text::make_any_document(std::move(bytes), files[i], popts.read), popts);
        const text::document& doc = s.document();
        entries[i] = corpus_entry{files[i], doc.format, std::string(text::to_string(doc.source_encoding)), size,
                                  std::move(s)};
      },
      [&](std::size_t i) {
        if (options.progress) options.progress(++done, files.size(), files[i]);
      });
  corpus c;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (entries[i]) {
      c.add(std::move(*entries[i]));
    } else {
      c.add_failure({files[i], message_of(errors[i])});
    }
  }
  return c;
}

}  // namespace plancmp::inline v0::parse
