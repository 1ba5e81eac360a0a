"""Search with one huge record (issue 10, item 7), as a ratio to search without it.

    python -m tests.benchmarks.bench_large_record [--size CHARS]

Builds the shipped database twice in a temporary folder, pastes a CHARS-long
answer (1 MB by default, every sentence matching the queries) into one FAQ of
the second, and times the same queries on both, interleaved. Before search
indexed a bounded prefix of each field, the ratio grew with the square of the
size (about 0.36 s a query at 200 kB, minutes at 1 MB); now it stays near 1.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from db import editing  # noqa: E402
from db.connection import open_store  # noqa: E402
from db.search import search  # noqa: E402

QUERIES = ("needle", "soreness gently", "practitioner watches", "ST36", "is this soreness normal?")
SENTENCE = "The needle goes in gently and the practitioner watches for soreness. "


def _time(db, rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        for q in QUERIES:
            start = time.perf_counter()
            search(db, q)
            times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        plain = open_store(Path(tmp) / "plain.sqlite3")
        big = open_store(Path(tmp) / "big.sqlite3")
        key = next(big.db["faqs"].rows)["key"]
        text = (SENTENCE * (args.size // len(SENTENCE) + 1))[: args.size]
        editing.update_record(big, "faqs", key, {"answer": text})
        base, with_big = [], []
        for _ in range(args.rounds):  # interleaved: the machine's noise hits both
            base += _time(plain.db, 1)
            with_big += _time(big.db, 1)
        b, w = statistics.median(base), statistics.median(with_big)
        print(f"answer of {args.size:,} characters")
        print(f"search median without it: {b * 1000:.1f} ms; with it: {w * 1000:.1f} ms")
        print(f"ratio: {w / b:.2f}; slowest query with it: {max(with_big) * 1000:.1f} ms")
        plain.close()
        big.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
