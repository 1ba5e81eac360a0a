"""Print a quick-start command from README.md: `app` or `tests`.

CI runs exactly what the README tells a person to run, so the two cannot drift.
"""

import re
import sys
from pathlib import Path

HEADINGS = {"app": "Run the app", "tests": "Run the tests"}


def command(which: str, readme: str) -> str:
    start = readme.index(HEADINGS[which])
    block = re.search(r"```sh\n(.+?)\n```", readme[start:], re.S)
    if block is None:
        raise SystemExit(f"README.md has no command after '{HEADINGS[which]}'")
    return block.group(1).strip()


if __name__ == "__main__":
    text = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    print(command(sys.argv[1], text))
