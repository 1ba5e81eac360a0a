"""The About box text: version, licences and where the content comes from."""

from __future__ import annotations

from html import escape

import PySide6


def app_version() -> str:
    from importlib import metadata  # ~13 ms: only when the About box opens

    try:
        return metadata.version("filiform")
    except metadata.PackageNotFoundError:
        return "development"


def about_html(content_version: str | None, db_path: str) -> str:
    """Rich text for the About box (everything dynamic is escaped)."""
    return f"""
<h3>Filiform {escape(app_version())}</h3>
<p>An offline reference for the front desk of acupuncture and dry-needling clinics.
It never uses the network.</p>
<p><b>Content version:</b> {escape(content_version or "unknown")}<br>
<b>Database:</b> {escape(db_path)}</p>
<p><b>Licences.</b> Filiform is released under the MIT licence. It uses Qt for Python
(PySide6 {escape(PySide6.__version__)}, LGPLv3), Qt (LGPLv3), Jinja2 (BSD),
sqlite-utils (Apache 2.0) and SQLite (public domain). Icons: Lucide (lucide.dev),
ISC licence, Copyright (c) 2026 Lucide Icons and Contributors, with icons derived from
Feather under the MIT licence, Copyright (c) 2013-present Cole Bemis; the window icon
is Filiform's own.</p>
<p><b>Content.</b> Every fact in the shipped content cites its sources; see the
Sources tab for each citation and the records that rest on it. The standard
acupoint codes, names and categories follow the WHO Standard Acupuncture Point
Locations in the Western Pacific Region (2008) and are derived from the TARA
Acupoints Ontology (github.com/smtifahim/TARA-Ontology-Repository), MIT licence,
Copyright (c) 2024 smtifahim. The body chart's outlines and zones come from
anatomapa (github.com/pedrorcruzz/anatomapa), MIT licence, Copyright (c) 2026
Pedro Rosa, Marcelo Reis, Mozart Melo, Centro Universitário CESMAC, whose
silhouettes derive from gganatogram (CC0 1.0, public domain).</p>
<p><i>General information for patients and staff; a patient's practitioner decides
their care.</i></p>
"""
