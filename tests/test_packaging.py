"""A normal install works from any folder (issue 17).

The wheel is built from a copy of the repository, installed into a fresh
virtual environment (with --no-deps: the environment reads the running test
environment's site-packages through a .pth file, so no download happens), and
its `filiform` command is run from an unrelated folder: a search and a
handout must find their content and templates inside the installed package.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.helpers import pdf_text

ROOT = Path(__file__).resolve().parent.parent
NOT_SOURCES = shutil.ignore_patterns(
    ".git", "tests", "docs", "build", "dist", ".venv", "*.egg-info", "__pycache__", ".*cache"
)


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{cmd[:3]} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built offline from a copy (the build writes nothing into the repository)."""
    work = tmp_path_factory.mktemp("wheel-build")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCES)
    out = work / "out"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(out), "."], cwd=source)
    (built,) = out.glob("filiform-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed; returns its bin (Scripts) folder."""
    venv = tmp_path_factory.mktemp("fresh") / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=venv.parent)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    site = Path(
        run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], venv
        ).strip()
    )
    # The dependencies (PySide6, Jinja2...) come from the test environment; a
    # path in a .pth file is not itself scanned for .pth files, so the
    # repository's editable install there does not leak into this venv.
    (site / "test-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    run([*pip, "--python", str(python), "install", "--no-deps", str(wheel)], cwd=venv.parent)
    return bin_dir


def test_the_wheel_installs_one_top_level_package_with_every_resource(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    top_level = {name.split("/")[0] for name in names if not name.startswith("filiform-")}
    assert top_level == {"filiform"}, "main, db and desktop must not be installed at the top"
    assert "filiform/main.py" in names and "filiform/launcher.py" in names
    assert "filiform/setup.py" not in names
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    shipped = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "resources").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    missing = sorted(shipped - {name.removeprefix("filiform/") for name in names})
    assert not missing, f"resources left out of the wheel: {missing[:5]}"
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[gui_scripts]\nfiliform-gui = filiform.launcher:gui" in text


def test_installed_commands_search_and_print_a_handout_from_another_folder(
    installed: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "somewhere else"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "FILIFORM_DB")}
    env["FILIFORM_DB"] = str(tmp_path / "clinic.sqlite3")
    filiform = str(installed / "filiform")

    hits = json.loads(run([filiform, "search", "ST36", "--json"], elsewhere, env))
    assert hits[0]["key"] == "ST36" and "Zusanli" in hits[0]["title"]

    pdf = tmp_path / "aftercare.pdf"
    said = run([filiform, "handout", "dry-needling-aftercare", "--pdf", str(pdf)], elsewhere, env)
    assert "Dry needling: aftercare" in said
    assert "aftercare" in pdf_text(pdf).lower()

    # The code that ran is the installed copy, and only `filiform` is importable.
    python = str(installed / "python")
    probe = (
        "import importlib.util as u; s = u.find_spec('filiform');"
        "print(list(s.submodule_search_locations)[0]);"
        "print([n for n in ('db', 'desktop', 'main') if u.find_spec(n)])"
    )
    location, top_names = run([python, "-c", probe], elsewhere, env).splitlines()
    assert Path(location).is_relative_to(installed.parent)
    assert top_names == "[]"
