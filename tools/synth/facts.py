"""The facts of one page (documents cited, money, counts), recorded in the gold as they are
rendered, never read back from the text."""

from __future__ import annotations

import datetime as dt
import random

from .data import site, weighted
from .documents import Doc, central, local_docs, pairs, provincial, superseded
from .localities import Locality
from .words import date_text, dots, millions_text


class Facts:
    """Renders facts in their written forms and keeps their gold rows; ``section`` says where
    on the page ("results" or "plans") the next fact goes."""

    def __init__(self, seed: int, loc: Locality, end: dt.date, rng: random.Random, html: bool,
                 old_tone_page: bool, scale: float) -> None:
        self.seed, self.loc, self.end, self.rng = seed, loc, end, rng
        self.html, self.old_tone_page, self.scale = html, old_tone_page, scale
        self.year = end.year
        self.section = "results"
        self.docs: list[dict] = []
        self.cited: list[Doc] = []      # cited with their code: may be mentioned again
        self.amounts: list[dict] = []
        self.counts: list[dict] = []
        self.notes: list[str] = []


    def count(self, value: int, unit: str) -> str:
        """A count as written ('05 thôn', '1.146 lượt người'), recorded in the gold."""
        r = self.rng
        if value < 10 and r.random() < 0.6:
            number = f"{value:02d}"
        elif value >= 1000 and r.random() < 0.8:
            number = dots(value)
        else:
            number = str(value)
        self.counts.append({"value": value, "unit": unit, "section": self.section})
        return f"{number} {unit}"

    def random_money(self, lo_m: int, hi_m: int) -> tuple[int, str]:
        """A value in VND between lo_m and hi_m million, and its written form."""
        r = self.rng
        m = r.randint(lo_m, hi_m)
        if m >= 1000:
            form = weighted(r, (("ty", 1), ("ty_dec", 4), ("ty_trieu", 1)))
            if form == "ty_trieu" and m % 1000 >= 10:
                m -= m % 10
                return m * 10**6, f"{m // 1000} tỷ {m % 1000} triệu đồng"
            if form == "ty":
                m -= m % 1000
            else:
                m -= m % (100 if r.random() < 0.7 else 10)
            return m * 10**6, millions_text(m)
        form = weighted(r, (("trieu", 6), ("trieu_dec", 1.5), ("full", 1)))
        tenth = r.randint(1, 9)
        value = m * 10**6 + tenth * 10**5
        if form == "trieu":
            return m * 10**6, f"{m} triệu đồng"
        if form == "trieu_dec":
            return value, f"{m},{tenth} triệu đồng"
        return value, f"{dots(value)} đồng"

    def _taken(self, raw: str) -> bool:
        return any(a["raw"] == raw for a in self.amounts)

    def add_amount(self, value: int, raw: str, kind: str, qualifier: str | None) -> str:
        self.amounts.append({"amount_vnd": value, "raw": raw, "kind": kind,
                             "qualifier": qualifier, "section": self.section})
        return raw

    def money(self, kind: str, lo_m: int, hi_m: int, qualifier: str | None = None,
              random_qualifier: bool = True) -> str:
        """A new money fact between lo_m and hi_m million; returns the raw text (with its
        qualifier, written once)."""
        r = self.rng
        if random_qualifier:
            qualifier = weighted(r, site("qualifiers"))
        lo_m, hi_m = max(1, int(lo_m * self.scale)), max(2, int(hi_m * self.scale))
        while True:
            value, text = self.random_money(lo_m, hi_m)
            if qualifier and text.count(".") > 1:  # no 'hơn 42.800.000 đồng'
                continue
            raw = f"{qualifier} {text}" if qualifier else text
            if not self._taken(raw):
                return self.add_amount(value, raw, kind, qualifier)

    # ---- document citations ------------------------------------------------------------

    def _record(self, doc: Doc, with_code: bool, issued: dt.date | None) -> None:
        number, doc_type, issuer_code, _ = doc.parts
        self.docs.append({
            "code": doc.code if with_code else None, "doc_type": doc_type, "number": number,
            "issuer_code": issuer_code if with_code else None,
            "issued_on": issued.isoformat() if issued else None,
            "issuer": doc.issuer, "level": doc.level, "section": self.section,
        })
        if with_code:
            self.cited.append(doc)

    def _code_text(self, doc: Doc) -> str:
        """The code as written: mostly canonical, sometimes a variant of FORMS.md §1.1."""
        r = self.rng
        if not doc.party:
            return doc.code
        number, rest = doc.code.split("-", 1)
        x = r.random()
        code, note = doc.code, None
        if x < 0.06:
            code, note = f"{number} – {rest}", "code written with a spaced en dash"
        elif x < 0.09:
            code, note = f"{number} - {rest}", "code written with spaces around the hyphen"
        elif x < 0.11:
            code, note = f"{number}- {rest}", "code written with a space after the hyphen"
        elif x < 0.13 and not self.html:
            code, note = f"{number}-\n{rest}", "code broken across a line after the hyphen"
        elif x < 0.14:
            code, note = f"{number} {rest}", "code written with a space instead of the hyphen"
        if "Đ" in rest and r.random() < 0.1:
            code, note = code.replace("Đ", "\u00d0"), "type letters written with U+00D0 'Ð'"
        if note:
            self.notes.append(f"{doc.code}: {note}")
        return code

    def _date_phrase(self, doc: Doc) -> tuple[str, dt.date | None]:
        """' ngày 07/01/2016', ', ngày 7-1-2016', ... or no date at all."""
        r = self.rng
        if r.random() < 0.15:
            return "", None
        style = weighted(r, (("official", 5), ("plain", 4), ("padded", 1.5), ("dash", 1),
                             ("long", 0.5)))
        if style in ("dash", "long"):
            self.notes.append(f"{doc.code}: {'dashed' if style == 'dash' else 'long-form'} date")
        comma = "," if r.random() < 0.15 else ""
        space = " "
        if not self.html and r.random() < 0.02:
            space = "\n"
            self.notes.append(f"{doc.code}: line break between 'ngày' and the date")
        return f"{comma} ngày{space}{date_text(doc.issued_on, style)}", doc.issued_on

    def _word(self, doc: Doc) -> str:
        """'Kết luận số', 'Kết luận' (no 'số'), rarely lowercase 'quy định số'."""
        r = self.rng
        word = doc.word.lower() if r.random() < 0.03 else doc.word
        return word if r.random() < 0.15 else f"{word} số"

    def _term(self, doc: Doc) -> str:
        if doc.term and self.rng.random() < 0.35:
            return f" ({'khoá' if self.old_tone_page else 'khóa'} {doc.term})"
        return ""

    def _subject(self, subject: str) -> str:
        return f" {subject}" if self.rng.random() < 0.75 else ""

    def cite(self, doc: Doc) -> str:
        """First mention of one document."""
        r = self.rng
        if doc.word != "Luật" and r.random() < 0.04:
            self.notes.append(f"{doc.word} số {doc.parts[0]} is cited by number only (code null)")
            self._record(doc, False, None)
            return f"{doc.word} số {doc.parts[0]} của {doc.issuer}{self._subject(doc.subject)}"
        word, code = self._word(doc), self._code_text(doc)
        date, issued = self._date_phrase(doc)
        of = "của" if r.random() > 0.01 else "của của"
        if of != "của":
            self.notes.append(f"{doc.code}: the word 'của' is doubled before the issuer")
        self._record(doc, True, issued)
        return f"{word} {code}{date} {of} {doc.issuer}{self._term(doc)}{self._subject(doc.subject)}"

    def cite_pair(self, a: Doc, b: Doc) -> str:
        """Two documents under one document word: 'Quyết định số 217-QĐ/TW, 218-QĐ/TW ...'."""
        subject = self._subject(pairs()[(a.code, b.code)])
        if self.rng.random() < 0.4:
            self.notes.append(f"'{a.word} số {a.parts[0]}, {b.parts[0]}' lists two documents "
                              "by number only (codes null)")
            self._record(a, False, None)
            self._record(b, False, None)
            return f"{a.word} số {a.parts[0]}, {b.parts[0]} của {a.issuer}{subject}"
        date, issued = self._date_phrase(a) if a.issued_on == b.issued_on else ("", None)
        self._record(a, True, issued)
        self._record(b, True, issued)
        return f"{a.word} số {a.code}, {b.code}{date} của {a.issuer}{self._term(a)}{subject}"

    def cite_group(self, group: tuple[Doc, ...]) -> str:
        return self.cite_pair(*group) if len(group) == 2 else self.cite(group[0])

    def cite_groups(self, groups: list[tuple[Doc, ...]]) -> str:
        parts = [self.cite_group(g) for g in groups]
        return parts[0] if len(parts) == 1 else "; ".join(parts[:-1]) + " và " + parts[-1]

    def mention(self, doc: Doc) -> str:
        """A later mention of a document already cited with its code."""
        number, doc_type, issuer_code, _ = doc.parts
        x = self.rng.random()
        if x < 0.08 and doc.party:
            self.notes.append(f"{doc.code} is mentioned again state-style as "
                              f"{number}/{doc_type}-{issuer_code}")
            return f"{doc.word} số {number}/{doc_type}-{issuer_code}"
        if x < 0.2:
            return f"{doc.word} số {number}"
        return f"{doc.word} số {doc.code}"

    def select_docs(self) -> list[tuple[Doc, ...]]:
        """2-8 distinct documents valid at the period's end, grouped (pairs cited together)."""
        r = self.rng
        local = [d for y in (self.year - 1, self.year) for d in local_docs(self.seed, self.loc, y)]
        pool = ([(d, 3.0) for d in central()] + [(d, 2.5) for d in local]
                + [(d, 2.0) for d in provincial(self.loc.province)])
        gone = superseded()
        pool = [(d, w) for d, w in pool if d.issued_on <= self.end
                and not (d.code in gone and self.end >= gone[d.code])]
        ranked = sorted(pool, key=lambda dw: r.random() ** (1 / dw[1]), reverse=True)
        target = r.randint(2, 8)
        chosen: list[Doc] = []
        for doc, _ in ranked:
            if len(chosen) == target:
                break
            if all(doc.key != c.key for c in chosen):
                chosen.append(doc)
        eligible = {d.code: d for d, _ in pool}
        groups: list[tuple[Doc, ...]] = []
        n_docs = len(chosen)
        for doc in chosen:
            if any(doc in g for g in groups):
                continue
            pair = next((p for p in pairs() if doc.code in p), None)
            partner = eligible.get(pair[1 - pair.index(doc.code)]) if pair else None
            if partner and partner not in chosen:
                if n_docs < 8 and r.random() < 0.3:
                    n_docs += 1
                else:
                    partner = None
            if partner:
                groups.append(tuple(sorted((doc, partner), key=lambda d: pair.index(d.code))))
            else:
                groups.append((doc,))
        return groups

