"""Every public name of the package has a docstring (issue 24)."""

import inspect

import plancmp
import plancmp.dask
import plancmp.frames
import plancmp.plotting


def public(module):
    names = getattr(module, "__all__", None) or [n for n in dir(module) if not n.startswith("_")]
    for name in names:
        value = getattr(module, name)
        if inspect.ismodule(value) or not (inspect.isclass(value) or callable(value)):
            continue
        if getattr(value, "__module__", "") == "typing":
            continue  # type aliases (PathLike, SchemeLike)
        yield f"{module.__name__}.{name}", value


def test_every_public_class_and_function_has_a_docstring():
    missing = []
    for module in (plancmp, plancmp.dask, plancmp.frames, plancmp.plotting):
        for name, value in public(module):
            doc = inspect.getdoc(value) or ""
            # pybind11 gives undocumented functions only their signature as a docstring.
            if not doc.strip() or (doc.startswith(value.__name__ + "(") and "\n" not in doc.strip()):
                missing.append(name)
    assert not missing, f"{len(missing)} without a docstring: {sorted(set(missing))}"
