"""One report page's prose: paragraphs, task list, title and by-line, built from the facts of
:mod:`tools.synth.facts`."""

from __future__ import annotations

import datetime as dt
import random

from .data import load, prose, site, weighted
from .documents import Doc
from .facts import Facts
from .localities import Locality
from .periods import Period
from .words import date_text, dots, exact_money, lunar, millions_text, old_tone, pct


class Page(Facts):
    """The body of one report page (paragraphs, task list, title, by-line) for ``period``.

    ``shared_name``: another locality of the corpus bears the same name, so the page names its
    province in the article.
    """

    def __init__(self, seed: int, loc: Locality, period: Period, shared_name: bool) -> None:
        self.period = period
        r = random.Random(f"{seed}/{loc.slug}/{period.year}/{period.suffix}")
        site_rng = random.Random(f"{seed}/{loc.slug}")  # the same for every page of the locality
        self.authors = site_rng.sample(site("authors"), site_rng.randint(1, 3))
        self.photographers = site_rng.sample(site("photographers"), 2)
        self.stats_style = weighted(site_rng, (("A", 3), ("B", 2), ("C", 1)))
        self.layout = site_rng.choice("AB")
        self.stats_base = site_rng.randint(40_000, 700_000)
        self.stats_growth = site_rng.randint(6_000, 40_000)
        self.congress = (f"Đại hội đại biểu Đảng bộ {loc.locality_type} lần thứ "
                         f"{site_rng.choice(('XIX', 'XX', 'XXI', 'XXII', 'XXIII', 'XXIV'))}")

        self.published = period.end + dt.timedelta(days=r.randint(3, 24))
        html = r.random() < 0.2
        self.nfd = r.random() < 0.05
        old_tone_page = r.random() < 0.2
        super().__init__(seed, loc, period.end, r, html, old_tone_page,
                         scale=0.25 if loc.locality_type == "xã" else 1.0)  # communes: smaller sums
        # Where the page names its province: a same-name locality always does, in the article.
        if shared_name:
            self.province_form = r.choice(("opening", "title"))
        else:
            self.province_form = weighted(r, site("province_forms"))
        if self.html and self.province_form in ("none", "owner"):
            self.province_form = "owner"  # HTML pages always carry the owner line

        self.headline_money: str | None = None
        self.n_tasks = 0

        self.unit = unit = load("localities")["unit_words"][loc.locality_type]
        committee = unit["committee"]
        commune = loc.locality_type == "xã"
        self.words = {
            "place": loc.place, "name": loc.name, "unit": loc.locality_type,
            "btv": f"Ban Thường vụ {committee}",
            "bdv": "Khối dân vận xã" if commune else f"Ban Dân vận {committee}",
            "tt": f"Thường trực {committee}",
            "ubnd": f"UBND {loc.locality_type}",
            "mttq": f"Ủy ban MTTQ {loc.locality_type}",
            "youth": unit["youth"], "subunits": unit["subunits"],
        }
        self.org = (f"Khối dân vận xã {loc.name}" if commune
                    else f"Ban Dân vận {committee} {loc.name}")

    @property
    def province_named(self) -> bool:
        return self.province_form != "none"

    @property
    def province_decidable(self) -> bool:
        """The page names its province, or its (unit word, name) is one unit of the country."""
        loc = self.loc
        return self.province_named or [loc.locality_type, loc.name] not in load(
            "localities")["not_unique"]

    def full_place(self) -> str:
        """'huyện Châu Thành, tỉnh Bến Tre'; a commune also names its district."""
        loc = self.loc
        district = f", huyện {loc.parent}" if loc.parent else ""
        return f"{loc.place}{district}, tỉnh {loc.province}"

    # ---- prose ---------------------------------------------------------------------------

    def cite_date_first(self, doc: Doc) -> str:
        """A sentence naming the issuer (and date) before the code."""
        r = self.rng
        style = weighted(r, (("plain", 3), ("official", 2), ("dash", 1)))
        self._record(doc, True, doc.issued_on)
        self.notes.append(f"{doc.code}: issuer written before the code")
        return self.fill(r.choice(prose("date_first")), date=date_text(doc.issued_on, style),
                         issuer=doc.issuer, doc=f"{self._word(doc)} {doc.code}")


    def fill(self, template: str, **facts) -> str:
        """Fill a prose template with organisation words and ``facts`` (inserted verbatim).

        On pages that mix tone styles, half the paragraphs are written in the old style
        ('Thị uỷ'); citations, money and names passed in ``facts`` keep their spelling.
        """
        words = self.words
        if self.old_tone_page and self.rng.random() < 0.5:
            template = old_tone(template)
            words = {k: v if k in ("name", "place") else old_tone(v) for k, v in words.items()}
        return template.format(**{**words, **facts})

    def fmt(self) -> dict[str, object]:
        y = self.year
        return {**self.period.fmt(), "lunar": lunar(y), "party_age": y - 1930,
                "uncle_age": y - 1890, "wounded_age": y - 1947}

    def p_opening(self, tet_total: bool) -> str:
        r = self.rng
        f = self.fmt()
        openings = prose("openings")
        place = self.loc.place
        if self.province_form == "opening":
            place = self.full_place()
            openings = [t for t in openings if "{place}" in t]
        text = self.fill(r.choice(openings), P=self.period.body_phrase(r), y=self.year,
                         place=place)
        season = self.period.season
        extra = next((s["text"] for s in prose("year_sentences")
                      if (s["year"], s["quarter"]) == (self.year, season)), None)
        if extra is None or r.random() < 0.4:
            extra = r.choice(prose("season_sentences")[season])
            share = (pct(r.randint(20, 180), 1000) if season == 4
                     else pct(r.randint(850, 999), 1000))
        else:
            share = pct(r.randint(960, 999), 1000)
        text += " " + self.fill(extra, congress=self.congress, pct=share, **f)
        if tet_total:
            text += " " + self._tet_total()
        return text

    def _tet_total(self) -> str:
        """A total with its two parts in parentheses: three money facts."""
        r = self.rng
        budget_m, donated_m = (int(m * 10 * self.scale) for m in r.sample(range(10, 91), 2))
        total_m = budget_m + donated_m + r.randint(1, 9) * 10
        qualifier = r.choice(("gần", "hơn"))
        step = 100 if total_m >= 1000 else 10
        shown = -(-total_m // step) * step if qualifier == "gần" else total_m // step * step
        total = self.add_amount(shown * 10**6, f"{qualifier} {millions_text(shown)}", "support",
                                qualifier)
        budget = self.add_amount(budget_m * 10**6, millions_text(budget_m), "budget", None)
        donated = self.add_amount(donated_m * 10**6, millions_text(donated_m), "fund", None)
        self.headline_money = f"{total} chăm lo Tết cho Nhân dân"
        self.notes.append(f"'{total}' is a total; '{budget}' and '{donated}' are its parts "
                          "(separate facts, not to be added)")
        return self.fill(prose("tet_total"), lunar=lunar(self.year), total=total, budget=budget,
                         donated=donated, households=self.count(r.randint(300, 2600), "hộ"))

    def p_leadership(self, groups: list[tuple[Doc, ...]]) -> str:
        r = self.rng
        rest = list(groups)
        sentences = []
        first = rest[0]
        if (len(first) == 1 and first[0].party and r.random() < 0.5
                and (self.end - first[0].issued_on).days < 330):
            sentences.append(self.cite_date_first(first[0]))
            rest.pop(0)
        if rest:
            sentences.append(self.fill(r.choice(prose("leadership_openers")),
                                       docs=self.cite_groups(rest[:2])))
        for i in range(2, len(rest), 3):
            sentences.append(self.fill(r.choice(prose("leadership_more")),
                                       docs=self.cite_groups(rest[i:i + 3])))
        if self.end >= dt.date(2020, 12, 31) and r.random() < 0.3:
            sentences.append(self.fill(prose("leadership_congress"), congress=self.congress))
        return " ".join(sentences)

    def p_reception(self, group: tuple[Doc, ...] | None) -> str:
        r = self.rng
        letters = r.randint(8, 60)
        solved = r.randint(letters * 3 // 4, letters)
        text = self.fill(
            r.choice(prose("reception")), dialogs=self.count(r.randint(1, 4), "cuộc"),
            topic=r.choice(prose("dialog_topics")),
            citizens=self.count(r.randint(10, 150), "lượt công dân"),
            letters=self.count(letters, "đơn thư"), solved=self.count(solved, "đơn"),
            pct=pct(solved, letters))
        if group:
            text += self.fill(r.choice(prose("reception_doc")), doc=self.cite_group(group))
        return text

    def _gifts(self, with_rate: bool) -> str:
        r = self.rng
        season = self.period.season
        occasion = prose("occasions")[season].format(**self.fmt())
        benef = r.choice(prose("beneficiaries")[season])
        most = int(400 * self.scale)  # gifts handed out at most
        rate = ""
        if with_rate:
            per_gift = r.random() < 0.5   # "500.000 đồng/suất" or "mỗi suất 500.000 đồng"
            while True:
                n, rate_value = r.randint(20, most), r.randint(6, 20) * 50_000
                rate_raw = f"{dots(rate_value)} đồng" + ("/suất" if per_gift else "")
                total_raw = exact_money(n * rate_value)
                if not (self._taken(rate_raw) or self._taken(total_raw)):
                    break
            self.add_amount(rate_value, rate_raw, "rate", None)
            money = self.add_amount(n * rate_value, total_raw, "support", None)
            rate = f", mức {rate_raw}" if per_gift else f", mỗi suất {rate_raw}"
            self.notes.append(f"'{rate.lstrip(', ')}' is a rate per gift, not a total")
        else:
            n = r.randint(20, most)
            money = self.money("support", max(5, n // 10), max(30, n // 2))
        self.headline_money = self.headline_money or f"{money} tặng quà {benef}"
        gifts = prose("gifts")
        template = gifts[1] if any(c["unit"] == "suất quà" for c in self.counts) else gifts[0]
        return self.fill(template, occasion=occasion, orgs=self.fill(r.choice(prose("orgs"))),
                         rate=rate, gifts=self.count(n, "suất quà"), benef=benef, money=money)

    def p_social(self, topics: list[str]) -> str:
        r = self.rng
        out = []
        for topic in topics:
            if topic in ("gifts", "gifts_rate"):
                out.append(self._gifts(topic == "gifts_rate"))
            elif topic == "houses":
                n = r.randint(2, 25)
                out.append(self.fill(prose("houses"), money=self.money("support", n * 30, n * 60),
                                     households=self.count(n, "hộ")))
            else:
                fund = prose("funds_by_year").get(self.year) if r.random() < 0.6 else None
                fund = fund or r.choice(prose("funds"))
                money = self.money("fund", 30, 2500)
                self.headline_money = self.headline_money or f"{money} ủng hộ {fund}"
                out.append(self.fill(prose("fund"), fund=fund, money=money))
        return " ".join(out)

    def p_mass(self, topics: list[str]) -> str:
        r = self.rng
        text = self.fill(r.choice(prose("mass_orgs")),
                         sessions=self.count(r.randint(8, 90), "buổi"),
                         people=self.count(r.randint(600, 9000), "lượt người"))
        for topic in topics:
            if topic == "loans":
                n = r.randint(15, 120)
                text += self.fill(prose("loans"), money=self.money("other", n * 30, n * 60),
                                  households=self.count(n, "hộ"))
            else:
                text += self.fill(prose("ntm"), area=dots(r.randint(200, 9000)),
                                  days=self.count(r.randint(300, 4000), "ngày công"),
                                  money=self.money("investment", 200, 4000),
                                  km=f"{r.randint(1, 9)},{r.randint(1, 9)}")
        if r.random() < 0.5:
            text += self.fill(prose("p135"), villages=self.count(r.randint(2, 9), "thôn"))
        return text

    def p_models(self, group: tuple[Doc, ...] | None) -> str:
        r = self.rng
        b = r.randint(12, 60)
        text = self.fill(r.choice(prose("models")), Pshort=self.period.short(),
                         a=r.randint(3, b - 1), b=b, y=self.year,
                         model=r.choice(prose("model_names")))
        if group:
            text += self.fill(prose("models_doc"), doc=self.cite_group(group))
        return text

    def p_armed(self) -> str:
        r = self.rng
        return self.fill(prose("armed"), workdays=self.count(r.randint(50, 900), "ngày công"),
                         km=f"{r.randint(1, 9)},{r.randint(1, 9)}")

    def plans(self, new_groups: list[tuple[Doc, ...]], plan_money: bool) -> tuple[str, list[str]]:
        """The next-period heading and its 3-5 task items (section 'plans')."""
        r = self.rng
        self.section = "plans"
        ty = self.period.target["target_year"]
        f = {"y": self.year, "ty": ty, "lunar": lunar(ty), "uncle_age": ty - 1890,
             "wounded_age": ty - 1947, "dv_age": ty - 1930}
        heading = self.fill(self.period.plan_heading(r))
        money = ""
        if plan_money:  # fund-raising target: the qualifier is part of the money text
            money = self.fill(prose("plan_money"),
                              money=self.money("fund", 60, 900, "ước đạt", False))
        items = [self.fill(prose("plan_season")[self.period.target_season], money=money, **f)]
        items += [self.fill(r.choice(prose("plan_items_doc")), doc=self.cite_group(g))
                  for g in new_groups]
        repeats = list(self.cited)
        generic = list(prose("plan_items"))
        r.shuffle(generic)
        n_items = r.randint(3, 5)
        while len(items) < n_items:
            if repeats and r.random() < 0.4:
                doc = repeats.pop(r.randrange(len(repeats)))
                items.append(self.fill(r.choice(prose("plan_items_doc")), doc=self.mention(doc)))
                continue
            template = generic.pop()
            checks = (self.count(r.randint(2, 6), self.unit["sub"].split(",")[0])
                      if "{checks}" in template else "")
            items.append(self.fill(template, ty=ty, checks=checks))
        r.shuffle(items)
        self.n_tasks = len(items)
        return heading, items

    # ---- whole body ------------------------------------------------------------------------

    def money_topics(self) -> tuple[list[str], list[str], bool, bool]:
        """(social topics, mass-organisation topics, Tết total, plan money).

        1-4 money facts; a Tết total with its two parts counts for three, gifts with a rate per
        gift for two. Every page states some support spending (its first money topic), except
        about one in seven, which states only funds, loans or investment, or no money.
        """
        r = self.rng
        no_support = r.random() < 0.15
        budget = r.randint(0 if no_support else 1, 4)
        plan_money = self.period.target_season == 1 and budget > 1 and r.random() < 0.4
        budget -= plan_money
        tet_total = (not no_support and self.period.kind == "quarter"
                     and self.period.quarter == 1 and budget >= 3 and r.random() < 0.5)
        budget -= 3 * tet_total
        topics = [(t, w) for t, w in site("money_topics")
                  if not no_support or t in ("fund", "loans", "ntm")]
        social: list[str] = []
        mass: list[str] = []
        support_first = not (no_support or tet_total)
        while budget > 0:
            topic = weighted(r, [(t, w) for t, w in topics if (t != "gifts_rate" or budget >= 2)
                                 and (not support_first or t in ("gifts", "gifts_rate", "houses"))])
            support_first = False
            budget -= 2 if topic == "gifts_rate" else 1
            (mass if topic in ("loans", "ntm") else social).append(topic)
        if no_support:
            self.notes.append("The page states no support spending")
        return social, mass, tet_total, plan_money

    def build(self) -> tuple[list[str], tuple[str, str] | None, str, list[str]]:
        """(paragraphs, photo caption and credit, plan heading, plan items)."""
        r = self.rng
        groups = self.select_docs()
        n_plan = min(r.choice((0, 0, 1, 1, 2)), len(groups) - 1)
        result_groups, plan_groups = groups[:len(groups) - n_plan], groups[len(groups) - n_plan:]
        social, mass, tet_total, plan_money = self.money_topics()

        # 4-8 body paragraphs: opening, leadership, 1-5 of these, limitations.
        wanted = set(r.sample(("reception", "models", "armed"), r.randint(1, 3)))
        wanted |= {name for name, topics in (("social", social), ("mass", mass)) if topics}
        order = [name for name in ("reception", "social", "mass", "models", "armed")
                 if name in wanted]
        doc_slots = [name for name in order if name in ("reception", "models")]
        n_lead = max(1, len(result_groups) - len(doc_slots))
        slot_groups = dict(zip(doc_slots, result_groups[n_lead:]))

        paragraphs = [self.p_opening(tet_total), self.p_leadership(result_groups[:n_lead])]
        for name in order:
            if name == "reception":
                paragraphs.append(self.p_reception(slot_groups.get(name)))
            elif name == "social":
                paragraphs.append(self.p_social(social))
            elif name == "mass":
                paragraphs.append(self.p_mass(mass))
            elif name == "models":
                paragraphs.append(self.p_models(slot_groups.get(name)))
            else:
                paragraphs.append(self.p_armed())
        paragraphs.append(self.fill(r.choice(prose("limits"))))
        photo = None
        if r.random() < 0.25:
            photo = (self.fill(r.choice(prose("photo_captions"))), r.choice(self.photographers))
            self.notes.append(f"'Ảnh: {photo[1]}' is a photo credit, not the author")
        heading, items = self.plans(plan_groups, plan_money)
        return paragraphs, photo, heading, items

    def title(self) -> str:
        r = self.rng
        period = self.period
        p = period.title_phrase(r)
        options = [t for t in prose("titles") if "{money}" not in t[0] or self.headline_money]
        if period.kind != "quarter":
            options += prose("titles_review")
        if self.province_form == "title":
            options = [t for t in options if "{place}" in t[0]]
        template = weighted(r, options)
        if "{money}" in template:
            self.notes.append("The title repeats a money figure of the body (one fact)")
        place = self.full_place() if self.province_form == "title" else self.loc.place
        title = template.format(place=place, name=self.loc.name, org=self.org, P=p,
                                PN=period.both_phrase(), NP=period.next_phrase("/" in p),
                                money=self.headline_money, committee=self.unit["committee"])
        if self.old_tone_page and r.random() < 0.3:  # old tone style, but not in the names
            title = old_tone(title)
            for name in (self.loc.name, self.loc.province, self.loc.parent):
                if name:
                    title = title.replace(old_tone(name), name)
        return title

    def author(self) -> tuple[str | None, str | None]:
        """(the by-line as written, its form)."""
        r = self.rng
        name = r.choice(self.authors)
        form = weighted(r, site("byline_forms"))
        if form == "none":
            return None, form
        if form in ("caps", "top_pipe"):
            return name.upper(), form
        if form == "label":
            return f"Tác giả: {name}", form
        if form == "initial":
            first, *rest = name.split()
            return f"{first[0]}.{' '.join(rest)}", form
        return name, form

