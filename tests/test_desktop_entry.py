"""The Linux menu entry: scripts/install_desktop_entry.sh (issue 17)."""

from __future__ import annotations

import configparser
import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "install_desktop_entry.sh"


def install(data_home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, XDG_DATA_HOME=str(data_home), PATH="/usr/bin:/bin")
    return subprocess.run(
        ["bash", str(SCRIPT), *args], env=env, capture_output=True, text=True, timeout=60
    )


def test_the_entry_starts_the_named_program_with_filiforms_icon(tmp_path: Path) -> None:
    program = tmp_path / "Filiform build" / "filiform"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    data = tmp_path / "share"

    result = install(data, str(program))

    assert result.returncode == 0, result.stderr
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(data / "applications" / "filiform.desktop")
    desktop = entry["Desktop Entry"]
    assert desktop["Name"] == "Filiform" and desktop["Type"] == "Application"
    assert desktop["Exec"] == f'"{program}"'  # absolute and quoted: the path has a space
    assert desktop["Icon"] == "filiform"
    assert (data / "icons/hicolor/scalable/apps/filiform.svg").is_file()
    assert (data / "icons/hicolor/256x256/apps/filiform.png").is_file()

    removed = install(data, "--uninstall")
    assert removed.returncode == 0
    assert not (data / "applications" / "filiform.desktop").exists()


def test_a_program_that_does_not_exist_gets_one_sentence_and_no_entry(tmp_path: Path) -> None:
    result = install(tmp_path / "share", str(tmp_path / "nowhere" / "filiform"))

    assert result.returncode == 1
    assert result.stderr.strip().endswith("is not a program that can be run.")
    assert not (tmp_path / "share" / "applications").exists()
