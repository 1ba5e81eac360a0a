"""How the repository's folders become one installed package, `filiform`.

The repository keeps `main.py`, `db/`, `desktop/` and `resources/` at the top,
and the code imports `db...` and `desktop...` as top-level names. Installing
those names into site-packages would clash with any other distribution that
ships a `db` or `main` module, so the wheel maps the repository root onto a
single package, `filiform/`, holding the launcher, main.py, db/, desktop/ and
resources/. `launcher.py` (the installed commands' entry point) puts that
folder on sys.path before importing `main`, so the code runs unchanged.

Everything else (metadata, dependencies, entry points) is in pyproject.toml;
this file only computes what setuptools cannot glob by itself: the package
list (any new sub-package of db/ or desktop/ is picked up) and which root
modules belong in the package (not this file).
"""

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

PACKAGE = "filiform"
ROOT_MODULES = {"main", "launcher"}  # the only .py files at the root that ship


class BuildPy(build_py):
    """Ships only the launcher and main.py from the root, never setup.py or scripts."""

    def find_package_modules(self, package: str, package_dir: str) -> list:
        modules = super().find_package_modules(package, package_dir)
        if package == PACKAGE:
            modules = [m for m in modules if m[1] in ROOT_MODULES]
        return modules


code_packages = find_packages(include=["db", "db.*", "desktop", "desktop.*"])

setup(
    packages=[PACKAGE] + [f"{PACKAGE}.{name}" for name in code_packages],
    package_dir={PACKAGE: "."},
    # A rule, not a list: every file under resources/ ships (content, templates,
    # icons, the desktop entry, whatever is added there next).
    package_data={PACKAGE: ["resources/**/*"]},
    exclude_package_data={PACKAGE: ["resources/**/__pycache__/*", "resources/**/*.pyc"]},
    include_package_data=False,
    cmdclass={"build_py": BuildPy},
)
