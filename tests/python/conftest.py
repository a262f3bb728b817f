"""Shared fixtures: the seed plans (parsed once per session), their files and the CLI."""

import os
import pathlib
import shutil

import pytest

import plancmp

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"

NINGBO_2020 = "000_edee8db098a98e76.txt"
HENGSHUI = "001_e9d616c0cc0faf37.txt"
GANSU = "002_e22083f13b5790bb.txt"
DISTRICT = "003_53900fa8173cc0f4.txt"
NINGBO_2017 = "004_b234aa7c753f2ac8.txt"


@pytest.fixture(scope="session")
def seeds():
    return plancmp.seeds()


@pytest.fixture(scope="session")
def seed(seeds):
    by_name = {os.path.basename(p.path): p for p in seeds}
    return lambda name: by_name[name]


@pytest.fixture(scope="session")
def cli():
    """The plancmp program of the build tree (PLANCMP_CLI, else build/bin/plancmp)."""
    path = os.environ.get("PLANCMP_CLI") or str(ROOT / "build" / "bin" / "plancmp")
    if not os.access(path, os.X_OK):
        pytest.skip(f"the plancmp program is not built at {path} (set PLANCMP_CLI)")
    return path
