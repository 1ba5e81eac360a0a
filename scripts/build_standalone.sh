#!/usr/bin/env bash
# Build the one-folder program dist/filiform/ (executable dist/filiform/filiform,
# filiform.exe on Windows) with PyInstaller, from scripts/filiform.spec.
#
#   pip install -e ".[build]"        # once: PyInstaller, pinned in pyproject.toml
#   bash scripts/build_standalone.sh
#
# Uses $PYTHON if set, else .venv/bin/python, else python3. Prints the build
# time and the size of the folder; the folder runs on a machine without Python.
set -euo pipefail
cd "$(dirname "$0")/.."

python="${PYTHON:-}"
if [ -z "$python" ]; then
  if [ -x .venv/bin/python ]; then python=.venv/bin/python; else python=python3; fi
fi
if ! "$python" -c "import PyInstaller" 2>/dev/null; then
  echo "PyInstaller is missing: run  $python -m pip install -e \".[build]\"  first." >&2
  exit 1
fi

start=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller scripts/filiform.spec
seconds=$(( $(date +%s) - start ))

exe=dist/filiform/filiform
[ -e "$exe" ] || exe=dist/filiform/filiform.exe
"$exe" --help >/dev/null  # the program starts
size=$(du -sh dist/filiform | cut -f1)
echo "Built $exe in ${seconds}s; dist/filiform/ is $size."
