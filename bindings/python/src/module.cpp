// SPDX-License-Identifier: MIT
// The module `plancmp._core`, the plan handle and the exception hierarchy.
#include "bindings.hpp"

#include <plancmp/error.hpp>
#include <plancmp/version.hpp>

#include <fmt/format.h>

#include <exception>

namespace plancmp::python {

parsed_plan::parsed_plan(source_plan s)
    : plan_(s.shared_plan()), source_(std::make_shared<lazy_source>()) {
  std::call_once(source_->once, [&] { source_->source = std::move(s); });
}

parsed_plan::parsed_plan(std::shared_ptr<const plan> p)
    : plan_(std::move(p)), source_(std::make_shared<lazy_source>()) {}

const source_plan& parsed_plan::source() const {
  std::call_once(source_->once, [&] { source_->source = source_plan::reopen(plan_); });
  return *source_->source;
}

bool parsed_plan::has_document() const {
  try {
    (void)document();
    return true;
  } catch (const error&) {
    return false;
  }
}

std::vector<plan> plans_of(const std::vector<parsed_plan>& plans) {
  std::vector<plan> out;
  out.reserve(plans.size());
  for (const auto& p : plans) out.push_back(p.get());
  return out;
}

std::vector<source_plan> sources_of(const std::vector<parsed_plan>& plans) {
  std::vector<source_plan> out;
  out.reserve(plans.size());
  for (const auto& p : plans) out.push_back(p.source());
  return out;
}

namespace {

/// The Python exception types, created once at import.
struct error_types {
  py::object base, decode, parse, schema, usage, io;
};
error_types& types() {
  static error_types* t = new error_types();  // never destroyed: Python may outlive statics
  return *t;
}

[[noreturn]] void raise(const py::object& type, const error& e) {
  py::object instance = type(e.what());
  const error_location& w = e.where();
  instance.attr("path") = w.path.empty() ? py::none() : py::cast(w.path);
  instance.attr("byte") = w.byte ? py::cast(*w.byte) : py::none();
  instance.attr("line") = w.line ? py::cast(*w.line) : py::none();
  instance.attr("column") = w.column ? py::cast(*w.column) : py::none();
  instance.attr("message") = e.message();
  PyErr_SetObject(type.ptr(), instance.ptr());
  throw py::error_already_set();
}

}  // namespace

void bind_errors(py::module_& m) {
  auto make = [&](const char* name, const py::object& base, const char* doc) {
    py::object t = py::reinterpret_steal<py::object>(
        PyErr_NewExceptionWithDoc(fmt::format("plancmp.{}", name).c_str(), doc, base.ptr(), nullptr));
    if (!t) throw py::error_already_set();
    m.attr(name) = t;
    return t;
  };
  error_types& t = types();
  t.base = make("Error",
                py::reinterpret_borrow<py::object>(PyExc_Exception),
                "Base of every plancmp error. str(e) reads '<where>: <what is wrong>; <what to do>'; "
                "attributes: path, byte, line, column (None when unknown) and message (without the location).");
  t.decode = make("DecodeError", t.base, "Bytes that are not valid in their encoding, or an unreadable file.");
  t.parse = make("ParseError", t.base, "A document or data file whose structure cannot be read.");
  t.schema = make("SchemaError", t.base, "JSON or YAML (plan, coding scheme, ontology) that does not follow its schema.");
  t.usage = make("UsageError", t.base, "A caller mistake: bad option, missing file, inconsistent arguments.");
  t.io = make("IoError", t.base, "A file that cannot be opened, read or written.");
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const decode_error& e) {
      raise(types().decode, e);
    } catch (const parse_error& e) {
      raise(types().parse, e);
    } catch (const schema_error& e) {
      raise(types().schema, e);
    } catch (const usage_error& e) {
      raise(types().usage, e);
    } catch (const io_error& e) {
      raise(types().io, e);
    } catch (const error& e) {
      raise(types().base, e);
    }
  });
}

}  // namespace plancmp::python

PYBIND11_MODULE(_core, m) {
  namespace pp = plancmp::python;
  m.doc() = "plancmp's C++ core: parsing, analyses and reports of policy plans (use the `plancmp` package).";
  m.attr("__version__") = PLANCMP_VERSION_STRING;
  pp::bind_errors(m);
  pp::bind_model(m);
  pp::bind_parse(m);
  pp::bind_report(m);
  pp::bind_similarity(m);
  pp::bind_analysis(m);
  pp::bind_diffusion(m);
}
