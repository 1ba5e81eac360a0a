"""Point codes in every spelling clinics use, turned into one WHO code.

Clinics write `ST36`, `st 36`, `ST-36`, `Stomach 36`, `UB40` for `BL40`,
`SJ5` for `TE5`, `Du20` for `GV20`, and extra points as `EX-HN3`, `EXHN3` or
`Ex HN 3`. Search and the link-maker both need the one standard code, so the
spelling rules live here and nowhere else.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Channel names and old abbreviations -> WHO channel code. Longest first
# matters for the regex, so it is sorted when the pattern is built.
CHANNEL_ALIASES: dict[str, str] = {
    "lu": "LU",
    "lung": "LU",
    "li": "LI",
    "large intestine": "LI",
    "st": "ST",
    "stomach": "ST",
    "sp": "SP",
    "spleen": "SP",
    "ht": "HT",
    "h": "HT",
    "heart": "HT",
    "si": "SI",
    "small intestine": "SI",
    "bl": "BL",
    "ub": "BL",
    "b": "BL",
    "bladder": "BL",
    "urinary bladder": "BL",
    "ki": "KI",
    "k": "KI",
    "kidney": "KI",
    "pc": "PC",
    "p": "PC",
    "pericardium": "PC",
    "te": "TE",
    "sj": "TE",
    "tw": "TE",
    "tb": "TE",
    "th": "TE",
    "triple energizer": "TE",
    "triple energiser": "TE",
    "triple heater": "TE",
    "triple warmer": "TE",
    "triple burner": "TE",
    "san jiao": "TE",
    "sanjiao": "TE",
    "gb": "GB",
    "gallbladder": "GB",
    "gall bladder": "GB",
    "lr": "LR",
    "liv": "LR",
    "lv": "LR",
    "liver": "LR",
    "gv": "GV",
    "du": "GV",
    "governor vessel": "GV",
    "governing vessel": "GV",
    "cv": "CV",
    "ren": "CV",
    "rn": "CV",
    "conception vessel": "CV",
}

# Number of points on each channel in the WHO 2008 standard (361 in all).
CHANNEL_SIZES: dict[str, int] = {
    "LU": 11,
    "LI": 20,
    "ST": 45,
    "SP": 21,
    "HT": 9,
    "SI": 19,
    "BL": 67,
    "KI": 27,
    "PC": 9,
    "TE": 23,
    "GB": 44,
    "LR": 14,
    "GV": 28,
    "CV": 24,
}

# Extra points keep the codes of the WHO 1991 nomenclature: a body-area prefix
# and a number (EX-HN1 to EX-HN15, EX-CA1, EX-B1 to EX-B9, EX-UE1 to EX-UE11,
# EX-LE1 to EX-LE12).
EXTRA_AREA_SIZES: dict[str, int] = {"HN": 15, "CA": 1, "B": 9, "UE": 11, "LE": 12}

# Codes that a newer standard gives to a point Filiform files under another
# code. Issue 15 reports that China's 2021 national standard lists Yintang
# (EX-HN3) on the Governor Vessel as GV29, beyond the WHO's 28 GV points
# (not checked against the standard's text; see resources/content/NOTES.md).
CODE_ALIASES: dict[str, str] = {"GV29": "EX-HN3"}

# "EX", an optional space/hyphen/dot, the area, optional separator, 1-2 digits.
# Matched before channel codes so that the "B2" of "EX-B2" never reads as BL2.
EXTRA_CODE_PATTERN = re.compile(
    r"(?<![\w-])EX[\s.\-]*(?P<area>HN|CA|UE|LE|B)[\s.\-]*(?P<number>\d{1,2})(?![\w])",
    re.IGNORECASE,
)

# Extra-point codes as written in prose ("EX-LE4", "Ex-LE-4"), for links.
PROSE_EXTRA_CODE_PATTERN = re.compile(
    r"(?<![\w-])EX-(?P<area>HN|CA|UE|LE|B)-?(?P<number>\d{1,2})(?![\w])", re.IGNORECASE
)

_names = sorted(CHANNEL_ALIASES, key=len, reverse=True)
_name_pattern = "|".join(re.escape(n).replace(r"\ ", r"[\s-]*") for n in _names)
# A channel alias, an optional space/hyphen/dot, then 1-2 digits.
CODE_PATTERN = re.compile(
    rf"(?<![\w])(?P<channel>{_name_pattern})[\s.\-]*(?P<number>\d{{1,2}})(?![\w])",
    re.IGNORECASE,
)
# Only the compact spellings (ST36, UB-40, Du 20): used to find codes in prose.
COMPACT_CODE_PATTERN = re.compile(
    r"(?<![\w-])(?P<channel>LU|LI|ST|SP|HT|SI|BL|UB|KI|PC|TE|SJ|GB|LR|LIV|GV|DU|CV|REN|RN)"
    r"[\s\-]?(?P<number>\d{1,2})(?![\w])",
    re.IGNORECASE,
)


def canonical_code(channel: str, number: str | int) -> str | None:
    """The WHO code for a channel spelling and number, or None if it is not a point."""
    key = re.sub(r"[\s-]+", " ", channel.strip().lower())
    code = CHANNEL_ALIASES.get(key)
    if code is None:
        return None
    n = int(number)
    alias = CODE_ALIASES.get(f"{code}{n}")
    if alias:
        return alias
    if not 1 <= n <= CHANNEL_SIZES[code]:
        return None
    return f"{code}{n}"


def extra_point_code(area: str, number: str | int) -> str | None:
    """`('hn', 3)` -> `'EX-HN3'`; None if the area has no point with that number."""
    key = area.strip().upper()
    n = int(number)
    if not 1 <= n <= EXTRA_AREA_SIZES.get(key, 0):
        return None
    return f"EX-{key}{n}"


@lru_cache(maxsize=2048)
def normalize_code(text: str) -> str | None:
    """`'st 36'` -> `'ST36'`, `'exhn3'` -> `'EX-HN3'`; None when the text is not one code."""
    text = text.strip()
    extra = EXTRA_CODE_PATTERN.fullmatch(text)
    if extra:
        return extra_point_code(extra.group("area"), extra.group("number"))
    m = CODE_PATTERN.fullmatch(text)
    if not m:
        return None
    return canonical_code(m.group("channel"), m.group("number"))


def _replace_channel_codes(text: str, found: list[str]) -> str:
    def sub(m: re.Match[str]) -> str:
        code = canonical_code(m.group("channel"), m.group("number"))
        if code is None:
            return m.group(0)
        found.append(code)
        return f" {code} "

    return CODE_PATTERN.sub(sub, text)


def replace_codes(text: str) -> tuple[str, list[str]]:
    """Rewrite every point code in free text to its standard code.

    Returns the rewritten text and the codes found, so a search for
    "pain at Stomach 36" becomes "pain at ST36" and "ex hn 3" becomes
    "EX-HN3". Extra-point codes are taken first, and the channel rules only
    see the text between them.
    """
    found: list[str] = []
    parts: list[str] = []
    start = 0
    for m in EXTRA_CODE_PATTERN.finditer(text):
        code = extra_point_code(m.group("area"), m.group("number"))
        if code is None:
            continue
        parts.append(_replace_channel_codes(text[start : m.start()], found))
        parts.append(f" {code} ")
        found.append(code)
        start = m.end()
    parts.append(_replace_channel_codes(text[start:], found))
    return "".join(parts), found


def find_codes_in_prose(text: str) -> list[tuple[int, int, str]]:
    """Spans (start, end, code) of compact point codes written in prose.

    Used to turn `LI4`, `GB-21` or `EX-LE4` in a record's text into a link.
    Channel names in running prose ("stomach 3 times") are deliberately not
    matched, and extra-point codes only in their written form with "EX-".
    """
    spans = []
    for m in PROSE_EXTRA_CODE_PATTERN.finditer(text):
        code = extra_point_code(m.group("area"), m.group("number"))
        if code:
            spans.append((m.start(), m.end(), code))
    for m in COMPACT_CODE_PATTERN.finditer(text):
        code = canonical_code(m.group("channel"), m.group("number"))
        if code:
            spans.append((m.start(), m.end(), code))
    return spans
