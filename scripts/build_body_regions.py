"""Cut Filiform's body regions out of the vendored outline zones.

Reads resources/body/source/front.svg and back.svg (anatomapa's zones over
gganatogram's CC0 silhouettes), intersects their coarse zones with the
rectangles below to make the finer regions a clinic names (temples, jaw,
shoulder blade, heel ...), and writes:

- resources/content/regions.json: every region's key, plain name, synonyms and
  its shape in each view (SVG path data in the figure's 540 x 960 box);
- resources/body/outline-front.txt and outline-back.txt: the silhouettes.

Run it after changing a rectangle or a name: `python scripts/build_body_regions.py`.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtGui import QPainterPath  # noqa: E402

from desktop.widgets.body_geometry import parse_svg_path, svg_path_data  # noqa: E402

SOURCE = ROOT / "resources" / "body" / "source"
BOX = (0, 0, 540, 960)

# key: (name, synonyms, {view: [(zones, [rectangles]), ...]})
REGIONS: dict[str, tuple[str, list[str], dict[str, list]]] = {
    "head-top": (
        "Top of the head",
        ["crown", "vertex", "top of head"],
        {"front": [("face", [(0, 0, 540, 24)])], "back": [("skull", [(0, 0, 540, 30)])]},
    ),
    "forehead": (
        "Forehead",
        ["brow", "between the eyebrows"],
        {"front": [("face", [(236, 24, 304, 50)])]},
    ),
    "temple": (
        "Temple",
        ["temples", "side of the head", "temporal"],
        {"front": [("face", [(0, 24, 236, 62), (304, 24, 540, 62)])]},
    ),
    "ear": (
        "Ear",
        ["ears", "around the ear"],
        {"front": [("face", [(0, 62, 232, 88), (308, 62, 540, 88)])]},
    ),
    "face": (
        "Face",
        ["eyes", "nose", "cheek", "cheeks", "sinuses", "around the eyes"],
        {"front": [("face", [(236, 50, 304, 62), (232, 62, 308, 86)])]},
    ),
    "jaw": (
        "Jaw",
        ["jaw joint", "tmj", "chin", "teeth"],
        {"front": [("face", [(0, 86, 540, 102)])]},
    ),
    "back-of-head": (
        "Back of the head",
        ["occiput", "base of the skull", "back of head"],
        {"back": [("skull", [(0, 30, 540, 120)])]},
    ),
    "neck-front": (
        "Front of the neck",
        ["throat", "front of neck", "side of the neck"],
        {"front": [("neck", [BOX])]},
    ),
    "neck-back": (
        "Back of the neck",
        ["nape", "back of neck", "neck"],
        {"back": [("neck", [(222, 0, 318, 960)])]},
    ),
    "shoulder": (
        "Shoulder",
        ["shoulders", "top of the shoulder", "trapezius"],
        {
            "front": [("shoulder", [BOX])],
            "back": [("shoulder", [BOX]), ("neck", [(0, 0, 222, 960), (318, 0, 540, 960)])],
        },
    ),
    "armpit": (
        "Armpit",
        ["axilla", "under the arm"],
        {"front": [("lower_chest", [(193, 200, 205, 250), (335, 200, 347, 250)])]},
    ),
    "shoulder-blade": (
        "Shoulder blade",
        ["scapula", "shoulder blades", "between the shoulder blades"],
        {"back": [("upper_back", [(200, 168, 256, 232), (284, 168, 340, 232)])]},
    ),
    "upper-back": (
        "Upper back",
        ["upper back", "thoracic spine", "mid back"],
        {
            "back": [
                (
                    "upper_back",
                    [
                        (0, 0, 540, 168),
                        (256, 168, 284, 232),
                        (0, 232, 540, 254),
                        (0, 168, 200, 232),
                        (340, 168, 540, 232),
                    ],
                )
            ]
        },
    ),
    "lower-back": (
        "Lower back",
        ["low back", "lumbar", "lower back pain", "loin"],
        {
            "back": [
                ("lower_back", [(207, 254, 333, 345), (207, 345, 246, 373), (294, 345, 333, 373)])
            ]
        },
    ),
    "sacrum": (
        "Sacrum and tailbone",
        ["tailbone", "coccyx", "sacral"],
        {"back": [("lower_back", [(246, 345, 294, 373)]), ("buttocks", [(246, 373, 294, 425)])]},
    ),
    "chest": (
        "Chest",
        ["breastbone", "sternum", "breast", "pectoral"],
        {"front": [("upper_chest", [BOX]), ("lower_chest", [(205, 0, 335, 960)])]},
    ),
    "side-of-trunk": (
        "Ribs and flank",
        ["ribs", "flank", "side", "side of the body"],
        {
            "front": [("upper_abdomen", [(193, 254, 207, 313), (333, 254, 347, 313)])],
            "back": [("lower_back", [(0, 254, 207, 345), (333, 254, 540, 345)])],
        },
    ),
    "upper-abdomen": (
        "Upper belly",
        ["stomach", "upper abdomen", "above the navel"],
        {"front": [("upper_abdomen", [(207, 0, 333, 960)])]},
    ),
    "lower-abdomen": (
        "Lower belly",
        ["lower abdomen", "below the navel", "pelvis", "bladder"],
        {"front": [("lower_abdomen", [BOX]), ("hip", [(228, 373, 312, 425)])]},
    ),
    "groin": (
        "Groin and perineum",
        ["groin", "perineum", "pubic area"],
        {"front": [("genital", [BOX]), ("hip", [(228, 425, 312, 490)])]},
    ),
    "buttock": (
        "Buttock",
        ["buttocks", "glutes", "seat", "bottom"],
        {
            "back": [
                (
                    "buttocks",
                    [
                        (196, 373, 246, 490),
                        (294, 373, 344, 490),
                        (246, 425, 294, 490),
                        (0, 470, 196, 490),
                        (344, 470, 540, 490),
                    ],
                )
            ]
        },
    ),
    "hip": (
        "Hip",
        ["hips", "side of the hip", "hip joint"],
        {
            "front": [("hip", [(0, 373, 228, 490), (312, 373, 540, 490)])],
            "back": [("buttocks", [(0, 373, 196, 470), (344, 373, 540, 470)])],
        },
    ),
    "upper-arm": (
        "Upper arm",
        ["arm", "biceps", "triceps"],
        {"front": [("upper_arm", [BOX])], "back": [("upper_arm", [BOX])]},
    ),
    "elbow": (
        "Elbow",
        ["tennis elbow", "golfer's elbow", "elbow crease"],
        {"front": [("elbow", [BOX])], "back": [("elbow", [BOX])]},
    ),
    "forearm": (
        "Forearm",
        ["forearms"],
        {"front": [("forearm", [BOX])], "back": [("forearm", [BOX])]},
    ),
    "wrist": (
        "Wrist",
        ["wrists", "carpal tunnel"],
        {"front": [("wrist", [BOX])], "back": [("wrist", [BOX])]},
    ),
    "hand": (
        "Hand and fingers",
        ["hand", "hands", "fingers", "thumb", "palm"],
        {
            "front": [("hand", [BOX]), ("finger", [BOX])],
            "back": [("hand", [BOX]), ("finger", [BOX])],
        },
    ),
    "thigh-front": (
        "Front of the thigh",
        ["front of thigh", "quadriceps", "quads"],
        {"front": [("thigh", [(200, 490, 236, 686), (304, 490, 340, 686)])]},
    ),
    "thigh-inner": (
        "Inner thigh",
        ["inner thigh", "adductors"],
        {"front": [("thigh", [(236, 490, 304, 686)])]},
    ),
    "thigh-outer": (
        "Outer thigh",
        ["outer thigh", "side of the thigh", "IT band"],
        {
            "front": [("thigh", [(0, 490, 200, 686), (340, 490, 540, 686)])],
            "back": [("thigh", [(0, 490, 200, 686), (340, 490, 540, 686)])],
        },
    ),
    "thigh-back": (
        "Back of the thigh",
        ["back of thigh", "hamstrings", "hamstring area"],
        {"back": [("thigh", [(200, 490, 340, 686)])]},
    ),
    "knee-front": (
        "Front of the knee",
        ["knee", "kneecap", "front of knee"],
        {"front": [("knee", [BOX])]},
    ),
    "knee-back": (
        "Back of the knee",
        ["back of knee", "behind the knee", "popliteal"],
        {"back": [("knee", [BOX])]},
    ),
    "shin": (
        "Shin",
        ["shins", "front of the lower leg", "lower leg"],
        {"front": [("lower_leg", [BOX])]},
    ),
    "calf": ("Calf", ["calves", "back of the lower leg"], {"back": [("lower_leg", [BOX])]}),
    "ankle": (
        "Ankle",
        ["ankles", "ankle bone"],
        {"front": [("ankle", [BOX])], "back": [("ankle", [(0, 0, 540, 884)])]},
    ),
    "heel": (
        "Heel",
        ["heels", "achilles", "back of the heel"],
        {
            "back": [
                ("ankle", [(0, 884, 540, 930)]),
                ("foot", [(0, 884, 540, 930)]),
                ("toe", [(0, 884, 540, 930)]),
            ]
        },
    ),
    "foot": (
        "Top of the foot and toes",
        ["foot", "feet", "toes", "big toe"],
        {"front": [("foot", [BOX]), ("toe", [BOX])]},
    ),
    "sole": (
        "Sole of the foot",
        ["sole", "bottom of the foot", "arch", "plantar"],
        {"back": [("foot", [(0, 930, 540, 960)]), ("toe", [(0, 930, 540, 960)])]},
    ),
}


def _paths(svg: str) -> dict[str, QPainterPath]:
    found = {}
    for m in re.finditer(r'<path id="([^"]+)"[^>]* d="([^"]+)"', svg):
        found[m.group(1)] = parse_svg_path(m.group(2))
    return found


def _zone(paths: dict[str, QPainterPath], name: str) -> QPainterPath:
    out = QPainterPath()
    for key in (name, f"{name}-left", f"{name}-right"):
        if key in paths:
            out = out.united(paths[key])
    if out.isEmpty():
        raise SystemExit(f"no zone called {name}")
    return out


def build() -> list[dict]:
    views = {v: _paths((SOURCE / f"{v}.svg").read_text()) for v in ("front", "back")}
    for view in views:
        out = ROOT / "resources" / "body" / f"outline-{view}.txt"
        outline = re.search(
            r'<path id="body-outline"[^>]* d="([^"]+)"', (SOURCE / f"{view}.svg").read_text()
        ).group(1)
        out.write_text(outline + "\n", encoding="utf-8")
    records = []
    for key, (name, synonyms, spec) in REGIONS.items():
        record = {"key": key, "name": name, "synonyms": synonyms, "front": "", "back": ""}
        for view, parts in spec.items():
            shape = QPainterPath()
            for zone, rects in parts:
                clip = QPainterPath()
                for x0, y0, x1, y1 in rects:
                    clip.addRect(QRectF(x0, y0, x1 - x0, y1 - y0))
                shape = shape.united(_zone(views[view], zone).intersected(clip))
            record[view] = svg_path_data(shape)
        records.append(record)
    return records


def main() -> None:
    records = build()
    target = ROOT / "resources" / "content" / "regions.json"
    target.write_text(
        json.dumps({"kind": "regions", "records": records}, indent=1, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    print(f"{len(records)} regions written to {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
