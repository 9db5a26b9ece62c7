"""Documents the pages cite: real central and provincial documents, and invented documents of
a locality's own Party committee and People's Committee."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from functools import cache

from .data import load
from .localities import Locality
from .words import lunar


@dataclass(frozen=True)
class Doc:
    """A citable document; ``code`` is the canonical code (see the corpus README)."""

    word: str
    code: str
    issued_on: dt.date
    issuer: str
    level: str
    subject: str

    @property
    def party(self) -> bool:
        return "-" in self.code.split("/")[0]

    @property
    def parts(self) -> tuple[str, str, str, str | None]:
        """(number, type letters, issuer letters, year in the code or None)."""
        if self.party:
            number, rest = self.code.split("-", 1)
            doc_type, issuer_code = rest.split("/")
            return number, doc_type, issuer_code, None
        pieces = self.code.split("/")
        number, year = pieces[0], (pieces[1] if len(pieces) == 3 else None)
        tail = pieces[-1]
        if "-" in tail:
            doc_type, issuer_code = tail.split("-", 1)
        else:  # "10/2022/QH15": no type letters, the type comes from the word
            doc_type, issuer_code = {"Luật": "Luật", "Nghị quyết": "NQ"}[self.word], tail
        return number, doc_type, issuer_code, year

    @property
    def key(self) -> tuple[str, str, str, str | None]:
        number, doc_type, issuer_code, year = self.parts
        return number.lstrip("0"), doc_type, issuer_code, year

    @property
    def term(self) -> str | None:
        """Central Committee term ('XI') for Politburo/Secretariat/CC documents."""
        data = load("documents")
        if not self.party or not self.issuer.startswith(tuple(data["central_party_bodies"])):
            return None
        term = None
        for start, name in data["party_terms"]:
            if self.issued_on >= dt.date.fromisoformat(start):
                term = name
        return term


def _docs(rows: list[dict], level: str) -> tuple[Doc, ...]:
    return tuple(Doc(r["word"], r["code"], dt.date.fromisoformat(r["issued_on"]), r["issuer"],
                     level, r["subject"]) for r in rows)


@cache
def central() -> tuple[Doc, ...]:
    return _docs(load("documents")["central"], "central")


@cache
def provincial(province: str) -> tuple[Doc, ...]:
    return _docs(load("documents")["provincial"].get(province, []), "province")


@cache
def superseded() -> dict[str, dt.date]:
    """Documents not cited after the date their successor was issued."""
    return {k: dt.date.fromisoformat(v) for k, v in load("documents")["superseded"].items()}


@cache
def pairs() -> dict[tuple[str, str], str]:
    """Documents cited together under one document word, with their shared subject."""
    return {tuple(p["codes"]): p["subject"] for p in load("documents")["pairs"]}


@cache
def local_docs(seed: int, loc: Locality, year: int) -> tuple[Doc, ...]:
    """Invented documents of the locality's own committee and People's Committee in ``year``."""
    data = load("documents")
    rng = random.Random(f"{seed}/{loc.slug}/docs/{year}")
    unit = load("localities")["unit_words"][loc.locality_type]
    level = unit["level"]
    taken = {d.key for rows in data["provincial"] for d in provincial(rows)}
    out = []
    for _ in range(rng.randint(2, 4)):
        issued = dt.date(year, 1, 4) + dt.timedelta(days=rng.randint(0, 330))
        subject = rng.choice(data["local_subjects"]).format(year=year,
                                                            lunar=f"{lunar(year)} {year}")
        if rng.random() < 0.25:
            ubnd = "UBND" if rng.random() < 0.6 else "Ủy ban nhân dân"
            doc = Doc("Kế hoạch", f"{rng.randint(18, 420)}/KH-UBND", issued,
                      f"{ubnd} {loc.locality_type}", level, subject)
        else:
            kind = rng.choice(data["local_kinds"])
            number = rng.randint(kind["lowest"], kind["highest"])
            committee = unit["committee"]
            issuer = f"Ban Thường vụ {committee}" if rng.random() < 0.6 else committee
            doc = Doc(kind["word"], f"{number:02d}-{kind['letters']}/{unit['code']}", issued,
                      issuer, level, subject)
        if doc.key not in taken:
            taken.add(doc.key)
            out.append(doc)
    return tuple(out)
