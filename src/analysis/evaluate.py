"""Score the extractor against gold files (format: ``tests/fixtures/corpus/README.md``).

Documents and money facts are scored by precision, recall and F1 over distinct facts per page;
report fields, counters and document dates by accuracy. ``python -m analysis eval`` scores each
corpus given to it separately, prints the scores, every miss and a table of each field per
corpus, and exits non-zero when any corpus is below the thresholds it is given.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .extract.documents import code_identity, doc_identity
from .extract.gazetteer import name_key
from .tables import extract_bytes

FIELDS = ("period", "locality", "author", "views", "site_stats", "doc_dates", "report_code",
          "issued_on", "signer")
"""Fields with an accuracy threshold (the last three only where the gold gives them: official
reports in .docx/.doc/.pdf)."""
_OFFICIAL_FIELDS = ("report_code", "issued_on", "signer")
INFORMATIVE = ("published_on", "source_url", "doc_levels", "doc_sections", "money_kinds",
               "money_sections", "tasks")
"""Fields that are scored and printed, without a threshold."""


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    pages: int = 0
    docs: Score = field(default_factory=Score)
    money: Score = field(default_factory=Score)
    right: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def accuracy(self, name: str) -> float:
        return self.right[name] / self.total[name] if self.total[name] else 1.0


def gold_files(paths: list[Path]) -> list[Path]:
    out = []
    for p in map(Path, paths):
        out += sorted(p.rglob("*.gold.json")) if p.is_dir() else [p]
    return out


def _gold_doc_key(d: dict) -> str:
    """The gold document's identity, keyed as the extractor keys it: by the code's own type
    letters when it has a code ("Kết luận số 62-TB/TU" is 62|TB|TU even if the gold's type
    follows the word)."""
    if d.get("code"):
        key = code_identity(d["code"], d.get("doc_type"))
        if key is not None:
            return key
    m = re.match(r"^\d+\w*/((?:19|20)\d{2})/", d.get("code") or "")
    return doc_identity(d["number"], d.get("doc_type"), d.get("issuer_code"),
                        m.group(1) if m else None)


def _place(name: str | None, unit_type: str | None, province: str | None) -> tuple:
    return (name and name_key(name), unit_type, province and name_key(province))


def _check(ev: Evaluation, name: str, page: str, want, got) -> None:
    ev.total[name] += 1
    if want == got:
        ev.right[name] += 1
    else:
        ev.misses.append(f"{page}: {name}: want {want!r}, got {got!r}")


def evaluate(paths: list[Path]) -> Evaluation:
    ev = Evaluation()
    for gf in gold_files(paths):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        page_file = gf.with_name(gold.get("file") or gf.name.replace(".gold.json", ".txt"))
        res = extract_bytes(page_file.read_bytes(), page_file.name, page_file)
        ev.pages += 1
        if res.error:
            ev.errors.append(res.error)
            continue
        rows = res.rows
        name = page_file.name
        rep, g = rows["reports"][0], gold["report"]
        want_period = (g["period_type"], g.get("year"), g.get("quarter"), g.get("half"))
        got_period = (rep["period_type"], rep["year"], rep["quarter"], rep["half"])
        for extra in ("month", "start_month", "end_month"):   # scored where the gold gives them
            if extra in g:
                want_period += (g[extra],)
                got_period += (rep[extra],)
        _check(ev, "period", name, want_period, got_period)
        # names compared as spellings of one name: "Đắk Hà" is the gazetteer's "Đăk Hà"
        _check(ev, "locality", name, _place(g.get("locality"), g.get("locality_type"),
                                            g.get("province")),
               _place(rep["locality"], rep["locality_type"], rep["province"]))
        _check(ev, "author", name, g.get("author"), rep["author"])
        if "published_on" in g:
            _check(ev, "published_on", name, g["published_on"],
                   rep["published_on"].isoformat() if rep["published_on"] else None)
        if "source_url" in g:
            _check(ev, "source_url", name, g["source_url"], rep["source_url"])
        for f in _OFFICIAL_FIELDS:
            if f in gold:
                got = rep[f].isoformat() if f == "issued_on" and rep[f] else rep[f]
                _check(ev, f, name, gold[f], got)
        _check(ev, "views", name, g.get("views"), rep["views"])
        want_stats = gold.get("site_stats")
        got_stats = ({k: v for k, v in rows["site_stats"][0].items()
                      if k in ("online", "today", "week", "month", "year", "total")}
                     if rows["site_stats"] else None)
        if want_stats is not None:
            want_stats = {k: want_stats.get(k) for k in ("online", "today", "week", "month",
                                                         "year", "total")}
        _check(ev, "site_stats", name, want_stats, got_stats)
        # Documents: distinct identities.
        want_docs = {_gold_doc_key(d): d for d in gold["doc_refs"]}
        got_docs: dict[str, dict] = {}
        for r in rows["doc_refs"]:
            got_docs.setdefault(r["doc_key"], r)
        for k in want_docs.keys() & got_docs.keys():
            ev.docs.tp += 1
            want_date = want_docs[k].get("issued_on")
            got_date = got_docs[k]["issued_on"].isoformat() if got_docs[k]["issued_on"] else None
            _check(ev, "doc_dates", name, (k, want_date), (k, got_date))
            _check(ev, "doc_levels", name, (k, want_docs[k].get("level")), (k, got_docs[k]["level"]))
            _check(ev, "doc_sections", name, (k, want_docs[k].get("section")),
                   (k, got_docs[k]["section"]))
        for k in want_docs.keys() - got_docs.keys():
            ev.docs.fn += 1
            ev.misses.append(f"{name}: document missed: {want_docs[k].get('code') or k}")
        for k in got_docs.keys() - want_docs.keys():
            ev.docs.fp += 1
            ev.misses.append(f"{name}: document not in gold: {got_docs[k]['mention']!r} ({k})")
        for a in gold["amounts"]:
            got_a = [r for r in rows["amounts"] if r["amount_vnd"] == a["amount_vnd"]]
            if got_a and "kind" in a:
                _check(ev, "money_kinds", name, (a["raw"], a["kind"]), (a["raw"], got_a[0]["kind"]))
            if got_a:
                _check(ev, "money_sections", name, (a["raw"], a["section"]),
                       (a["raw"], got_a[0]["section"]))
        if gold.get("tasks"):
            t = gold["tasks"]
            want_t = (t["target_period_type"], t["target_year"], t.get("target_quarter"),
                      t.get("target_half"), t["count"])
            tr = rows["tasks"]
            got_t = ((tr[0]["target_period_type"], tr[0]["target_year"], tr[0]["target_quarter"],
                      tr[0]["target_half"], len(tr)) if tr else None)
            _check(ev, "tasks", name, want_t, got_t)
        # Money: multiset of amounts.
        want_m = Counter(a["amount_vnd"] for a in gold["amounts"])
        # A vague magnitude ("hàng tỷ đồng") has no value to score unless the gold lists one.
        got_m = Counter(a["amount_vnd"] for a in rows["amounts"]
                        if a["amount_vnd"] is not None or None in want_m)
        ev.money.tp += sum((want_m & got_m).values())
        for v, n in (want_m - got_m).items():
            ev.money.fn += n
            ev.misses.append(f"{name}: amount missed: {v}")
        for v, n in (got_m - want_m).items():
            ev.money.fp += n
            raw = next(a["raw"] for a in rows["amounts"] if a["amount_vnd"] == v)
            ev.misses.append(f"{name}: amount not in gold: {raw!r} ({v})")
    return ev


def evaluate_corpora(paths: list[Path]) -> dict[str, Evaluation]:
    """One evaluation per corpus (a folder of pages with gold, or a gold file), in order."""
    out = {}
    for p in map(Path, paths):
        if not p.exists():
            raise FileNotFoundError(f"{p}: no such corpus")
        ev = evaluate([p])
        if not ev.pages:
            raise FileNotFoundError(f"{p}: no *.gold.json files")
        out[str(p)] = ev
    return out


def summary_table(evs: dict[str, Evaluation]) -> str:
    """Each thresholded measure (rows) for each corpus (columns)."""
    names = list(evs)
    short = [Path(n).name or n for n in names]
    width = max(12, *(len(s) + 2 for s in short))
    lines = [f"{'':<14}" + "".join(f"{s:>{width}}" for s in short),
             f"{'pages':<14}" + "".join(f"{evs[n].pages:>{width}}" for n in names)]
    for label, attr in (("documents F1", "docs"), ("money F1", "money")):
        lines.append(f"{label:<14}" + "".join(f"{getattr(evs[n], attr).f1:>{width}.3f}"
                                              for n in names))
    for f in FIELDS:
        if any(evs[n].total[f] for n in names):      # official-report fields: only where scored
            lines.append(f"{f:<14}" + "".join(
                f"{evs[n].accuracy(f):>{width}.3f}" if evs[n].total[f] else f"{'–':>{width}}"
                for n in names))
    return "\n".join(lines)


def report(ev: Evaluation) -> str:
    lines = [f"pages: {ev.pages}, unreadable: {len(ev.errors)}",
             f"{'measure':<14}{'precision':>10}{'recall':>10}{'F1':>10}"]
    for label, s in (("documents", ev.docs), ("money", ev.money)):
        lines.append(f"{label:<14}{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>10.3f}"
                     f"   (tp {s.tp}, fp {s.fp}, fn {s.fn})")
    lines.append(f"{'field':<14}{'accuracy':>10}{'right':>10}{'total':>10}")
    for f in FIELDS + INFORMATIVE:
        note = "   (informative)" if f in INFORMATIVE else ""
        lines.append(f"{f:<14}{ev.accuracy(f):>10.3f}{ev.right[f]:>10}{ev.total[f]:>10}{note}")
    if ev.errors:
        lines += ["", "unreadable pages:", *[f"  {e}" for e in ev.errors]]
    lines += ["", f"misses ({len(ev.misses)}):", *[f"  {m}" for m in ev.misses]]
    return "\n".join(lines)


def passes(ev: Evaluation, min_f1: float, min_accuracy: float) -> list[str]:
    """The measures below their threshold (empty when all pass)."""
    bad = [f"{n} F1 {s.f1:.3f} < {min_f1}" for n, s in (("documents", ev.docs), ("money", ev.money))
           if s.f1 < min_f1]
    bad += [f"{f} accuracy {ev.accuracy(f):.3f} < {min_accuracy}" for f in FIELDS
            if ev.accuracy(f) < min_accuracy]
    if ev.errors:
        bad.append(f"{len(ev.errors)} unreadable page(s)")
    return bad
