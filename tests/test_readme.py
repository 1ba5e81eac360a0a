"""The README's quick start is what CI runs, and it stays runnable."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _reader():
    spec = importlib.util.spec_from_file_location(
        "readme_command", ROOT / ".ci" / "readme_command.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    cmd = _reader().command("tests", readme)
    assert 'pip install -e ".[test]"' in cmd
    assert cmd.endswith("python -m pytest")
    assert "readme_command.py tests" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_app_command_installs_and_opens_main_py():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    cmd = _reader().command("app", readme)
    assert "pip install -e ." in cmd and cmd.endswith("python main.py")
