"""One search over every kind of record, safe for anything a person types.

What a person typed is never handed to FTS5 as syntax: it is broken into
words, point codes are rewritten to their WHO code, stop words drop out,
synonyms are added, and every word is quoted. Records that contain all the
words come first (bm25, titles weighted above body text); records that
contain some of them follow. When a word matches nothing, the closest word in
the index is suggested and, if the typed words found nothing, searched for.
"""

from __future__ import annotations

import difflib
import html
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from db.codes import replace_codes
from db.database import Database
from db.errors import wraps_storage
from db.kinds import KINDS, SEARCHABLE_KINDS
from db.plain_text import lead
from db.spelling import Vocabulary, edit_distance, vocabulary

MAX_QUERY_CHARS = 500
MAX_TERMS = 12
MAX_RELAXED_TERMS = 6
MAX_NAME_WORDS = 4  # a point name in syllables: "Hua Tuo Jia Ji"
TITLE_CANDIDATES = 2000
RANK_CANDIDATES = 5000  # bm25 over more matches than this costs tens of ms
COMMON_MIN_DOCS = 5000  # below this, ranking every match costs a few ms
COMMON_FRACTION = 0.2
MIN_PREFIX_CHARS = 3  # "ne" would match half of every word in the index
DEFAULT_LIMIT = 20
MAX_LIMIT = 500
TITLE_WEIGHT, ALIAS_WEIGHT, BODY_WEIGHT = 10.0, 5.0, 1.0
# Sources are cited by everything, so their titles would crowd out answers;
# they still come up, just after the records a front desk reads aloud.
KIND_WEIGHTS = {"sources": 0.3}
KIND_TITLE_PENALTY_SQL = "(CASE d.kind WHEN 'sources' THEN 100 ELSE 1 END)"
MARK_START, MARK_END = "\x02", "\x03"
SNIPPET_TOKENS = 18
LEAD_SOURCE_CHARS = 700  # enough body text for a lead of one or two sentences
MIN_LEAD_LINE = 25  # a body line shorter than this ("Lower leg") is a label, not a lead
# Kinds whose title is what a patient asks: when its wording matches a question
# typed at the desk, it comes before records that only mention the words.
QUESTION_KINDS = ("faqs",)

STOP_WORDS = frozenset(
    """
    a an and are as at be been being but by can could did do does doing done dont
    for from had has have having he her here hers him his how i id if im in into is
    isnt it its ive me might more most my no nor not of off on once only or
    other our ours out own please she should so some such than that thats the their
    theirs them then there these they this those through to too very was we were
    what whats when where which while who whom why will with would you your youre
    yours yourself get got tell want wants know anything something really also ok
    okay am us let lets cant wont didnt doesnt wasnt arent shouldnt couldnt wouldnt
    youll theyre weve hes shes between actually afterwards go going went goes much
    """.split()  # noqa: SIM905 - a word list reads best as words
)

# Words clinics use interchangeably. Keys are typed words (lower case, no
# apostrophes); values are what else to look for. Multi-word values are phrases.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "trp": ("trigger point",),
    "trps": ("trigger point",),
    "chi": ("qi",),
    "qi": ("chi",),
    "dn": ("dry needling",),
    "idn": ("dry needling",),
    "tcm": ("traditional chinese medicine",),
    "ea": ("electroacupuncture",),
    "estim": ("electroacupuncture", "electrical"),
    "tens": ("electrical",),
    "moxa": ("moxibustion",),
    "ear": ("auricular",),
    "auricular": ("ear",),
    "wet": ("injection",),
    "called": ("mean", "name"),
    "meaning": ("mean",),
    "stick": ("needle",),
    "jab": ("needle",),
    "sick": ("nausea", "vomiting"),
    "nauseous": ("nausea",),
    "vomit": ("nausea",),
    "acupressure": ("pressure",),
    "breath": ("breathless", "breathing"),
    "knot": ("trigger point", "taut band"),
    "knots": ("trigger point", "taut band"),
    "hurt": ("pain",),
    "hurts": ("pain",),
    "painful": ("pain",),
    "ache": ("sore", "pain"),
    "aching": ("sore", "pain"),
    "long": ("minutes", "duration"),
    "pregnant": ("pregnancy",),
    "pregnancy": ("pregnant",),
    "thinners": ("anticoagulant",),
    "thinner": ("anticoagulant",),
    "warfarin": ("anticoagulant",),
    "pacemaker": ("implanted", "electrical"),
    "scared": ("fear", "anxious"),
    "afraid": ("fear", "anxious"),
    "nervous": ("fear", "anxious"),
    "phobia": ("fear",),
    "safe": ("safety", "risk"),
    "risks": ("safety", "adverse"),
    "side": ("adverse",),
    "collapsed": ("pneumothorax",),
    "lung": ("pneumothorax",),
    "breathless": ("breathlessness", "pneumothorax"),
    "cost": ("price", "fee"),
    "difference": ("differ", "same"),
    "just": ("same",),
    "jump": ("twitch",),
    "jumped": ("twitch",),
    "jumps": ("twitch",),
    "jerk": ("twitch",),
    "session": ("treatment", "needling"),
    "appointment": ("session", "visit"),
    "treatments": ("sessions",),
    "dangerous": ("safe", "risk"),
    "danger": ("safe", "risk"),
    "gym": ("exercise",),
    "good": ("work", "help"),
    "different": ("differ", "same"),
    "vs": ("differ",),
    "versus": ("differ",),
}


@dataclass(frozen=True)
class Term:
    """One word of a query, ready to be quoted into FTS5."""

    text: str
    is_code: bool = False
    prefix: bool = False
    alternatives: tuple[str, ...] = ()

    def fts(self, text: str | None = None) -> str:
        base = _quote(text or self.text) + ("*" if self.prefix else "")
        if not self.alternatives or text:
            return base
        return "(" + " OR ".join([base] + [_quote(a) for a in self.alternatives]) + ")"


@dataclass(frozen=True)
class Hit:
    """One ranked result: what the list shows and what opens on Enter."""

    kind: str
    key: str
    title: str
    snippet: str
    snippet_html: str
    score: float
    all_terms: bool = True

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind].label

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "key": self.key,
            "title": self.title,
            "snippet": self.snippet,
            "score": round(self.score, 4),
        }


@dataclass
class SearchResult:
    """Hits, best first, and a "did you mean" when a word was not found."""

    query: str
    hits: list[Hit] = field(default_factory=list)
    suggestion: str | None = None
    corrected: bool = False  # the hits are for the suggestion, not the typed words
    problem: str | None = None  # why the search could not run (one sentence), if it failed

    def __iter__(self) -> Iterator[Hit]:
        return iter(self.hits)

    def __len__(self) -> int:
        return len(self.hits)

    def __getitem__(self, i: int) -> Hit:
        return self.hits[i]


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


# A word, or an extra-point code as replace_codes writes it ("EX-HN3"), which
# must stay one term: FTS5 reads the quoted code as the phrase "ex hn3".
_WORD = re.compile(r"EX-[A-Z]{1,2}\d{1,2}|[^\W_]+(?:['\u2019][^\W_]+)*")


def parse_query(text: str) -> list[Term]:
    """Break typed text into safe terms: codes, words, synonyms, prefix on the last."""
    text = unicodedata.normalize("NFKC", text or "")[:MAX_QUERY_CHARS]
    typing_last_word = bool(text) and not text[-1].isspace()
    text, codes = replace_codes(text)
    code_set = {c.lower() for c in codes}
    words = [w.replace("'", "").replace("\u2019", "").lower() for w in _WORD.findall(text)]
    kept = [w for w in words if w not in STOP_WORDS or w in code_set]
    if not kept:
        kept = words
    unique = list(dict.fromkeys(kept))[:MAX_TERMS]
    terms = []
    for i, w in enumerate(unique):
        is_code = w in code_set
        last = i == len(unique) - 1 and words and w == words[-1]
        terms.append(
            Term(
                text=w.upper() if is_code else w,
                is_code=is_code,
                prefix=bool(
                    last and typing_last_word and not is_code and len(w) >= MIN_PREFIX_CHARS
                ),
                alternatives=() if is_code else SYNONYMS.get(w, ()),
            )
        )
    return terms


def _to_html(marked: str) -> str:
    escaped = html.escape(marked, quote=False)
    return escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


def _plain(marked: str) -> str:
    return marked.replace(MARK_START, "").replace(MARK_END, "")


def _filters(kinds: list[str] | None, exclude_ids: list[int]) -> tuple[str, list[object]]:
    """SQL (over the FTS table's rowid) for a kind filter and ids already shown."""
    sql, params = "", []
    if kinds:
        wanted = [k for k in kinds if k in SEARCHABLE_KINDS] or [""]
        marks = ", ".join("?" * len(wanted))
        # `+rowid`: a membership test on each match against the kind's ids,
        # read once. A plain `rowid IN` makes FTS5 run the whole MATCH again
        # for every id of the kind (minutes at 100,000 records).
        sql += f" AND +rowid IN (SELECT id FROM search_docs WHERE kind IN ({marks}))"
        params += wanted
    if exclude_ids:
        sql += f" AND rowid NOT IN ({', '.join(str(int(i)) for i in exclude_ids)})"
    return sql, params


def _title_matches(
    db: Database,
    expression: str,
    kinds: list[str] | None,
    limit: int,
    exclude_ids: list[int],
    question: bool = False,
) -> list[int]:
    """Ids of records whose title alone holds every word, shortest title first.

    While the last word is still being typed (a prefix term), titles holding
    it as a whole word come first: "Xiyan" is Xiyan (EX-LE5) before the
    shorter-titled Xiyangguan (GB33). For a question ("what is a trigger
    point"), patient questions whose wording holds the words come first: they
    are the answer, while a point named "... (trigger point)" only mentions them.
    """
    whole_words = expression.replace('"*', '"')
    if whole_words == expression:
        return _title_ids(db, expression, kinds, limit, exclude_ids, question)
    first = _title_ids(db, whole_words, kinds, limit, exclude_ids, question)
    return first + _title_ids(
        db, expression, kinds, limit - len(first), exclude_ids + first, question
    )


def _title_ids(
    db: Database,
    expression: str,
    kinds: list[str] | None,
    limit: int,
    exclude_ids: list[int],
    question: bool = False,
) -> list[int]:
    if limit <= 0:
        return []
    filter_sql, params = _filters(kinds, exclude_ids)
    kinds_sql = ", ".join(f"'{k}'" for k in QUESTION_KINDS)
    first = f"(d.kind NOT IN ({kinds_sql})), " if question else ""
    rows = db.execute(
        f"""
        SELECT d.id FROM (
            SELECT rowid FROM search_docs_fts WHERE search_docs_fts MATCH ?{filter_sql}
            LIMIT {TITLE_CANDIDATES}
        ) t JOIN search_docs d ON d.id = t.rowid
        ORDER BY {first}length(d.title) * {KIND_TITLE_PENALTY_SQL} LIMIT ?
        """,
        [f"{{title}} : ({expression})", *params, limit],
    ).fetchall()
    return [r[0] for r in rows]


def _run(
    db: Database,
    expression: str,
    kinds: list[str] | None,
    limit: int,
    exclude_ids: list[int],
    all_terms: bool,
    columns: str | None = None,
    marker: re.Pattern[str] | None = None,
    question: bool = False,
) -> list[tuple[int, Hit]]:
    """One FTS5 pass: rank, cut to `limit`, snippet only what is kept.

    The ranking query touches nothing but the FTS index (no join per match),
    because at 100,000 records a common word matches most rows. `columns`
    ("title aliases") ranks only records with the words in those columns.
    """
    try:
        title_ids = (
            _title_matches(db, expression, kinds, limit, exclude_ids, question) if all_terms else []
        )
        match = f"{{{columns}}} : ({expression})" if columns else expression
        if len(title_ids) >= limit:
            # Titles alone fill the page, and title matches always come first:
            # ranking every other match (tens of thousands for a common word
            # at 100,000 records) would change nothing a person sees.
            scored = [(i, 0.0) for i in title_ids[:limit]]
        else:
            scored = _ranked_ids(db, match, kinds, limit, exclude_ids, title_ids)
        if not scored:
            return []
        ids = ", ".join(str(int(i)) for i, _ in scored)
        docs = {
            r[0]: r[1:]
            for r in db.execute(
                f"SELECT id, kind, key, title, substr(body, 1, {LEAD_SOURCE_CHARS}) "
                f"FROM search_docs WHERE id IN ({ids})"
            )
        }
        first = set(title_ids)
        titled = [i for i, _ in scored if i in first and i in docs]
        # Sources are weighted down; a stable sort keeps the ranking's order of ties.
        rest = sorted(
            (
                (i, score * KIND_WEIGHTS.get(docs[i][0], 1.0))
                for i, score in scored
                if i not in first and i in docs
            ),
            key=lambda pair: pair[1],
        )
        kept = (titled + [i for i, _ in rest])[:limit]
        rows = _hit_rows(db, match, kept)
    except sqlite3.OperationalError:
        # Every word is quoted, so this should not happen; a search box must
        # still never raise, so an unexpected FTS complaint means no hits.
        return []
    hits = []
    for row_id, body_snip, alias_snip, score in rows:
        kind, key, title, body = docs[row_id]
        weighted = score * KIND_WEIGHTS.get(kind, 1.0)
        marked = " ".join((body_snip or "").split())
        answered = row_id in first and kind in QUESTION_KINDS
        if answered or MARK_START not in marked:
            # The question itself matched, or the words are only in the title or
            # aliases: show how the record begins, in sentences, not a fragment
            # of field values ("TrP-masseter; ST6; Dry needling").
            marked = _mark(_lead_of(body), marker) or marked or _plain(alias_snip or "")
        hit = Hit(kind, key, title, _plain(marked), _to_html(marked), weighted, all_terms)
        hits.append((row_id, hit))
    return hits


def _ranked_ids(
    db: Database,
    match: str,
    kinds: list[str] | None,
    limit: int,
    exclude_ids: list[int],
    title_ids: list[int],
) -> list[tuple[int, float]]:
    """Ids and bm25 of the best matches of `match`, records in `title_ids` first.

    Only ids and scores: snippets cost more than the ranking (FTS5 makes them
    for every match before sorting), so they are made for the kept hits only.
    When more than RANK_CANDIDATES records match (a common word at 100,000
    records), bm25 ranks the first RANK_CANDIDATES of them in file order,
    which puts the shipped content and the oldest records first; below that
    every match is ranked, as on any clinic's own data.
    """
    filter_sql, params = _filters(kinds, exclude_ids)
    # Fetch extra rows so that down-weighting sources can reorder them.
    fetch = limit if kinds else limit * 2
    score = f"bm25(search_docs_fts, {TITLE_WEIGHT}, {ALIAS_WEIGHT}, {BODY_WEIGHT}) AS score"
    beyond = db.execute(
        f"SELECT rowid FROM search_docs_fts WHERE search_docs_fts MATCH ?{filter_sql} "
        f"LIMIT 1 OFFSET {RANK_CANDIDATES}",
        [match, *params],
    ).fetchone()
    if beyond is None:
        title_order = ""
        if title_ids:
            cases = " ".join(f"WHEN {int(i)} THEN {n}" for n, i in enumerate(title_ids))
            title_order = f"CASE rowid {cases} ELSE {len(title_ids)} END, "
        return db.execute(
            f"SELECT rowid, {score} FROM search_docs_fts "
            f"WHERE search_docs_fts MATCH ?{filter_sql} ORDER BY {title_order}score LIMIT ?",
            [match, *params, fetch],
        ).fetchall()
    titled = set(title_ids)
    ranked = db.execute(
        f"SELECT rowid, {score} FROM search_docs_fts "
        f"WHERE search_docs_fts MATCH ? AND rowid < ?{filter_sql} ORDER BY score LIMIT ?",
        [match, beyond[0], *params, fetch + len(title_ids)],
    ).fetchall()
    rest = [(i, s) for i, s in ranked if i not in titled]
    return [(i, 0.0) for i in title_ids] + rest[: max(0, fetch - len(title_ids))]


def _hit_rows(db: Database, match: str, ids: list[int]) -> list[tuple[int, str, str, float]]:
    """Snippets and bm25 of the records `ids` (all matching `match`), in that order.

    The ids are a membership test over one pass of the match between the
    smallest and largest id: `rowid IN (...)` would make FTS5 run the whole
    MATCH once per id. The scores are the ones a full ranking gives them.
    """
    if not ids:
        return []
    listed = ", ".join(str(int(i)) for i in ids)
    rows = db.execute(
        f"""
        SELECT rowid,
            snippet(search_docs_fts, 2, char(2), char(3), '…', {SNIPPET_TOKENS}),
            snippet(search_docs_fts, 1, char(2), char(3), '…', {SNIPPET_TOKENS}),
            bm25(search_docs_fts, {TITLE_WEIGHT}, {ALIAS_WEIGHT}, {BODY_WEIGHT})
        FROM search_docs_fts WHERE search_docs_fts MATCH ?
        AND rowid BETWEEN ? AND ? AND +rowid IN ({listed})
        """,
        [match, min(ids), max(ids)],
    ).fetchall()
    order = {row_id: n for n, row_id in enumerate(ids)}
    return sorted(rows, key=lambda row: order[row[0]])


def _lead_of(body: str | None) -> str:
    """The first sentence or two of a record's first real paragraph."""
    lines = [line.strip() for line in (body or "").split("\n") if line.strip()]
    if not lines:
        return ""
    text = next((line for line in lines if len(line) >= MIN_LEAD_LINE), lines[0])
    return lead(text)


def _marker(terms: list[Term]) -> re.Pattern[str] | None:
    """A pattern for the typed words (and their other endings) to mark in a lead."""
    stems = set()
    for term in terms:
        for word in (term.text, *term.alternatives):
            for part in word.lower().split():
                stems.add(part[: max(3, len(part) - 2)] if len(part) > 4 else part)
    if not stems:
        return None
    alternatives = "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)


def _mark(text: str, marker: re.Pattern[str] | None) -> str:
    if not text or marker is None:
        return text
    return marker.sub(lambda m: f"{MARK_START}{m.group(0)}{MARK_END}", text)


def _is_question(text: str) -> bool:
    """True when a person typed a question ("will it hurt"), not a name or a code."""
    words = [w.lower().replace("'", "") for w in _WORD.findall(text or "")]
    return "?" in (text or "") or any(w in STOP_WORDS for w in words)


def _too_common(db: Database, terms: list[Term]) -> bool:
    """True when even the rarest word of the query is in very many records."""
    if any(t.is_code for t in terms):
        return False
    vocab = vocabulary(db)
    counts = [
        max(vocab.docs_starting(w.split()[0].lower()) for w in (t.text, *t.alternatives))
        for t in terms
    ]
    if not counts or min(counts) < COMMON_MIN_DOCS:
        return False  # the usual case, decided without counting the records
    return min(counts) >= vocab.total_docs() * COMMON_FRACTION


def _search_terms(
    db: Database,
    terms: list[Term],
    kinds: Iterable[str] | None,
    limit: int,
    question: bool = False,
) -> list[Hit]:
    if not terms:
        return []
    marker = _marker(terms)
    groups = [t.fts() for t in terms]
    everything = " AND ".join(groups)
    found: list[tuple[int, Hit]] = []
    # Kept apart from `found`: passing its ids on as "rowid NOT IN" would
    # make every later FTS pass scan the whole index (seconds at 100,000).
    named: list[tuple[int, Hit]] = []
    names_a_point = 2 <= len(terms) <= MAX_NAME_WORDS and not any(t.is_code for t in terms)
    # A question ("what is a trigger point") wants its answer, not every point
    # whose name holds the phrase.
    if names_a_point and not question and (kinds is None or "points" in kinds):
        # A point name typed in separate syllables ("Xi Yan", "Hua Tuo Jia Ji")
        # opens the point whose name is those syllables run together. The
        # joined word is looked up in the vocabulary first (one seek): a phrase
        # query over common words ("dry needling") costs seconds at 100,000
        # records, a rare single word a few milliseconds.
        joined = "".join(t.text for t in terms)
        if vocabulary(db).count(joined) is not None:
            # No kind filter in SQL: "rowid IN (points)" probes the index
            # once per point record; the joined word is rare, so filter here.
            named = [
                (i, h)
                for i, h in _run(db, _quote(joined), None, limit, [], True, "title aliases", marker)
                if h.kind == "points"
            ]
    if len(found) < limit and _too_common(db, terms):
        # Every word is in a large share of the records (at 100,000 records,
        # "needle" is in 60%): rank the records that have the words in a title
        # or alias first, instead of scoring every match.
        ids = [i for i, _ in found]
        found += _run(
            db, everything, kinds, limit - len(found), ids, True, "title aliases", marker, question
        )
    if len(found) < limit:
        found += _run(
            db,
            everything,
            kinds,
            limit - len(found),
            [i for i, _ in found],
            True,
            marker=marker,
            question=question,
        )
    if len(found) < limit and 2 < len(groups) <= MAX_RELAXED_TERMS:
        # All the words but one: a question often has one word the answer
        # does not use ("why is it *called* dry needling").
        ids = [i for i, _ in found]
        relaxed: dict[int, Hit] = {}
        for skip in range(len(groups)):
            expression = " AND ".join(g for i, g in enumerate(groups) if i != skip)
            for row_id, hit in _run(db, expression, kinds, limit, ids, False, marker=marker):
                if row_id not in relaxed or hit.score < relaxed[row_id].score:
                    relaxed[row_id] = hit
        best = sorted(relaxed.items(), key=lambda item: item[1].score)
        found += best[: limit - len(found)]
    if len(found) < limit and len(groups) > 1:
        ids = [i for i, _ in found]
        found += _run(db, " OR ".join(groups), kinds, limit - len(found), ids, False, marker=marker)
    if named:
        first = {i for i, _ in named}
        found = named + [(i, h) for i, h in found if i not in first]
    return [h for _, h in found[:limit]]


def _match_count(db: Database, fts_expression: str) -> int:
    try:
        return db.execute(
            "SELECT count(*) FROM search_docs_fts WHERE search_docs_fts MATCH ?", [fts_expression]
        ).fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def _correction(db: Database, vocab: Vocabulary, term: Term) -> str | None:
    """A better-known word for a term that looks misspelt, or None.

    A word is not misspelt if the index has it (or, while it is being typed,
    a word starting with it), or if the closest known word is only another
    ending of the same stem (it then matches the same records).
    """
    word = term.text
    if term.is_code or len(word) < 4 or vocab.count(word) is not None:
        return None
    if term.prefix and vocab.has_word_starting(word):
        return None
    near = vocab.near(word)
    matches = difflib.get_close_matches(word, list(near), n=5, cutoff=0.75)
    if not matches:
        return None
    best = max(
        matches,
        key=lambda m: (round(difflib.SequenceMatcher(None, word, m).ratio(), 2), near[m]),
    )
    # Same stem (both match the same records): nothing to correct. A typed
    # word no record holds cannot share a stem with a word that is indexed.
    typed_matches = _match_count(db, _quote(word))
    if typed_matches and typed_matches == _match_count(db, _quote(best)):
        return None
    if edit_distance(word, best) > 1 and best in vocab.point_name_words():
        # Pinyin names differ by a syllable: "yintang" is not a misspelt
        # "yutang" but another point. Only a one-letter slip may become a name.
        return None
    return best


def _suggest(db: Database, query: str, terms: list[Term]) -> tuple[list[Term], str] | None:
    """Terms with misspelt words corrected, and the corrected query as text."""
    vocab = vocabulary(db)
    corrected, changed, suggestion = [], False, query
    for term in terms:
        better = _correction(db, vocab, term)
        if better is None:
            corrected.append(term)
            continue
        changed = True
        corrected.append(Term(better, alternatives=SYNONYMS.get(better, ())))
        suggestion = re.sub(
            rf"(?<!\w){re.escape(term.text)}\w*", better, suggestion, count=1, flags=re.I
        )
    suggestion = " ".join(suggestion.split())
    if not changed or suggestion.lower() == " ".join(query.split()).lower():
        return None
    return corrected, suggestion


@wraps_storage("search the database")
def search(
    db: Database,
    query: str,
    kinds: Iterable[str] | None = None,
    limit: int = DEFAULT_LIMIT,
) -> SearchResult:
    """Ranked hits across every kind for what a person typed; never raises on input."""
    limit = max(1, min(int(limit), MAX_LIMIT))
    kinds = list(kinds) if kinds else None
    result = SearchResult(query=query or "")
    terms = parse_query(query or "")
    if not terms:
        return result
    question = _is_question(query or "")
    result.hits = _search_terms(db, terms, kinds, limit, question)
    fixed = _suggest(db, query, terms)
    if fixed is None:
        return result
    corrected_terms, result.suggestion = fixed
    if not result.hits:
        result.hits = _search_terms(db, corrected_terms, kinds, limit, question)
        result.corrected = bool(result.hits)
    return result
