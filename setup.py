"""Builds plancmp._core with CMake (the project's own build), then lets setuptools package it.

The extension has no sources of its own here: build_ext configures the CMake project (or,
when PLANCMP_CMAKE_BUILD_DIR names an existing build tree, reuses it), builds only the
`_core` target and copies the module into the package. Settings: PLANCMP_CMAKE_BUILD_DIR,
PLANCMP_BUILD_JOBS (default 2), CMAKE_BUILD_TYPE (default Release).
"""

import os
import pathlib
import shutil
import subprocess
import sys
import sysconfig

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = pathlib.Path(__file__).resolve().parent


class CMakeExtension(Extension):
    def __init__(self, name: str) -> None:
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext: Extension) -> None:
        given = os.environ.get("PLANCMP_CMAKE_BUILD_DIR")
        build_dir = pathlib.Path(given).resolve() if given else pathlib.Path(self.build_temp).resolve() / "cmake"
        build_dir.mkdir(parents=True, exist_ok=True)
        configure = ["cmake", "-S", str(ROOT), "-B", str(build_dir), "-DPLANCMP_BUILD_PYTHON=ON"]
        if not (build_dir / "CMakeCache.txt").exists():
            # A tree of our own; an existing tree keeps its settings (and its interpreter:
            # a venv's python is the same interpreter as the one it was made from).
            configure += [f"-DPython_EXECUTABLE={sys.executable}",
                          f"-DCMAKE_BUILD_TYPE={os.environ.get('CMAKE_BUILD_TYPE', 'Release')}",
                          "-DPLANCMP_BUILD_TESTS=OFF", "-DPLANCMP_BUILD_EXAMPLES=OFF",
                          "-DPLANCMP_BUILD_BENCH=OFF"]
        subprocess.run(configure, check=True, stdout=subprocess.DEVNULL)
        jobs = os.environ.get("PLANCMP_BUILD_JOBS", "2")
        subprocess.run(["cmake", "--build", str(build_dir), "--target", "_core", "-j", jobs], check=True)
        suffix = sysconfig.get_config_var("EXT_SUFFIX")
        built = build_dir / "python" / "plancmp" / f"_core{suffix}"
        if not built.exists():
            raise RuntimeError(f"plancmp: CMake did not produce {built}")
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(built, target)


setup(ext_modules=[CMakeExtension("plancmp._core")], cmdclass={"build_ext": CMakeBuild})
