"""Tests of the synthetic corpus generator (tools.synth): gold format, gold agrees with the
text, determinism, same-name localities, the multi-province mode and the variety of forms."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from tools.synth import all_localities, generate_corpus, generate_provinces, provinces
from tools.synth.data import load

ROOT = Path(__file__).resolve().parents[2]
SEED = 7
LOCALITIES, QUARTERS = 12, 8

TOP_KEYS = {"file", "encoding", "report", "site_stats", "doc_refs", "amounts", "counts", "tasks",
            "notes"}
REPORT_KEYS = {"title", "locality", "locality_type", "province", "period_type", "year",
               "quarter", "half", "author", "views"}
STATS_KEYS = {"online", "today", "week", "month", "year", "total"}
DOC_KEYS = {"code", "doc_type", "number", "issuer_code", "issued_on", "issuer", "level",
            "section"}
AMOUNT_KEYS = {"amount_vnd", "raw", "kind", "qualifier", "section"}
COUNT_KEYS = {"value", "unit", "section"}
TASK_KEYS = {"target_period_type", "target_year", "target_quarter", "target_half", "count"}

NAME = re.compile(r"^(?P<slug>[a-z0-9-]+)-(?P<year>\d{4})-(?P<p>q[1-4]|h1|9m|year)\.(?:txt|html)$")
MONEY = re.compile(r"\d[\d.,]*(?: tỷ(?: \d+ triệu)?| triệu)? đồng")
PARTY_CODE = re.compile(r"(\d+)\s*[-–]\s*([A-ZĐ][A-Za-zĐ]*)/([A-ZĐ][A-Za-zĐ0-9]*)")
STATE_CODE = re.compile(r"(\d+)/(?:\d{4}/)?([A-ZĐ][A-Za-zĐ]*)-([A-Za-z]+)")
LAW_CODE = re.compile(r"(\d+)/\d{4}/(?:QH|UBTVQH)\d+")
PLAN_HEADING = re.compile(r"Nhiệm vụ trọng tâm|NHIỆM VỤ TRỌNG TÂM|Phương hướng, nhiệm vụ")
CHROME_START = re.compile(r"^(?:Thông tin mới nhất|Tin khác|Tin liên quan)\s*$", re.M)
PROVINCE_NAMED = re.compile(r"tỉnh [A-ZĐÀ-Ỹ]|\.gov\.vn")
DOUBLED = re.compile(r"\b(hơn|gần|trên|ước đạt) \1\b")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, list[Path]]:
    out = tmp_path_factory.mktemp("synth")
    return out, generate_corpus(out, LOCALITIES, QUARTERS, seed=SEED)


@pytest.fixture(scope="module")
def multi(tmp_path_factory) -> list[Path]:
    """3 provinces × 4 localities × 6 quarters, with reviews."""
    return generate_provinces(tmp_path_factory.mktemp("multi"), 3, 4, 6, seed=SEED)


def gold_of(path: Path) -> dict:
    return json.loads(path.with_name(f"{path.stem}.gold.json").read_text(encoding="utf-8"))


def page_text(path: Path) -> str:
    """The page as NFC text; HTML pages with scripts and tags removed (the head kept, since
    the canonical address is part of the page)."""
    text = unicodedata.normalize("NFC", path.read_bytes().decode("utf-8"))
    if path.suffix == ".html":
        text = re.sub(r"<script.*?</script>", " ", text, flags=re.S)
        text = re.sub(r'<(?:link|meta) [^>]*?(?:href|content)="([^"]*)"[^>]*>', r" \1 ", text)
        text = html.unescape(re.sub(r"<[^>]+>", "\n", text))
    return text


def article(path: Path) -> str:
    """The page text before the chrome (other headlines, statistics): title, header, body."""
    text = page_text(path)
    return text[:CHROME_START.search(text).start()]


def body_of(path: Path) -> str:
    """The article after its title (the title may name the next period too)."""
    text, title = article(path), gold_of(path)["report"]["title"]
    return text[text.index(title) + len(title):]


def doc_key(number: str, doc_type: str) -> tuple[str, str]:
    return number.lstrip("0"), doc_type.replace("\u00d0", "Đ")


def date_forms(iso: str) -> set[str]:
    y, m, d = (int(x) for x in iso.split("-"))
    month_official = f"{m:02d}" if m < 3 else str(m)
    return {f"{d}/{m}/{y}", f"{d:02d}/{m:02d}/{y}", f"{d:02d}/{month_official}/{y}",
            f"{d}-{m}-{y}", f"{d:02d} tháng {month_official} năm {y}"}


def all_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_one_page_and_one_gold_per_locality_quarter(corpus):
    out, paths = corpus
    assert len(paths) == LOCALITIES * QUARTERS
    assert len({p.name for p in paths}) == len(paths)
    assert {p.suffix for p in paths} <= {".txt", ".html"}
    for path in paths:
        assert path.exists() and NAME.match(path.name), path.name
        assert path.with_name(f"{path.stem}.gold.json").exists()
    assert len(list(out.iterdir())) == 2 * len(paths)
    slugs = {NAME.match(p.name)["slug"] for p in paths}
    assert len(slugs) == LOCALITIES
    for slug in slugs:
        quarters = sorted((int(m["year"]), int(m["p"][1])) for p in paths
                          if (m := NAME.match(p.name))["slug"] == slug)
        assert quarters == [(2020 + i // 4, i % 4 + 1) for i in range(QUARTERS)]


def check_gold_format(path: Path) -> None:
    gold = gold_of(path)
    assert set(gold) == TOP_KEYS
    assert gold["file"] == path.name
    assert gold["encoding"] in ("utf-8", "utf-8-nfd")
    report = gold["report"]
    assert set(report) == REPORT_KEYS
    assert report["year"] == int(NAME.match(path.name)["year"])
    assert report["locality_type"] in ("huyện", "thị xã", "thành phố", "xã")
    assert report["locality"] and report["title"]
    assert report["province"] is None or isinstance(report["province"], str)
    assert isinstance(report["views"], int) and report["views"] > 0
    assert set(gold["site_stats"]) == STATS_KEYS
    assert sum(v is not None for v in gold["site_stats"].values()) >= 3
    assert 2 <= len(gold["doc_refs"]) <= 8
    for doc in gold["doc_refs"]:
        assert set(doc) == DOC_KEYS
        assert doc["level"] in ("central", "province", "district", "commune")
        assert doc["section"] in ("results", "plans")
        if doc["code"] is None:
            assert doc["issuer_code"] is None and doc["issued_on"] is None
        else:
            assert doc["number"] in doc["code"] and doc["issuer_code"] in doc["code"]
    assert len(gold["amounts"]) <= 4
    for amount in gold["amounts"]:
        assert set(amount) == AMOUNT_KEYS
        assert amount["kind"] in ("support", "fund", "budget", "rate", "investment", "other")
        assert amount["qualifier"] in (None, "gần", "hơn", "trên", "ước đạt")
        assert amount["amount_vnd"] > 0
        if amount["qualifier"]:
            assert amount["raw"].startswith(amount["qualifier"] + " ")
            assert not amount["raw"].startswith(f"{amount['qualifier']} {amount['qualifier']}")
    assert len({a["raw"] for a in gold["amounts"]}) == len(gold["amounts"])
    for count in gold["counts"]:
        assert set(count) == COUNT_KEYS and count["value"] > 0
    tasks = gold["tasks"]
    assert set(tasks) == TASK_KEYS and 3 <= tasks["count"] <= 5
    kind, y, q = report["period_type"], report["year"], report["quarter"]
    want_target = {
        "quarter": ("quarter", *((y, q + 1) if kind == "quarter" and q < 4 else (y + 1, 1)), None),
        "half_year": ("half_year", y, None, 2),
        "nine_months": ("quarter", y, 4, None),
        "year": ("year", y + 1, None, None),
    }[kind]
    assert (tasks["target_period_type"], tasks["target_year"], tasks["target_quarter"],
            tasks["target_half"]) == want_target
    assert "Synthetic" in gold["notes"] and "not a real publication" in gold["notes"]


def test_gold_files_have_the_readme_format(corpus, multi):
    for path in corpus[1] + multi:
        check_gold_format(path)
    for path in corpus[1]:
        report = gold_of(path)["report"]
        assert report["period_type"] == "quarter" and report["half"] is None
        assert report["quarter"] == int(NAME.match(path.name)["p"][1])


def test_pages_do_not_say_they_are_machine_made_and_gold_does(corpus):
    for path in corpus[1]:
        text = page_text(path).lower()
        assert "tổng hợp" not in text and "do máy sinh" not in text, path.name
        assert "Synthetic page generated by tools.synth" in gold_of(path)["notes"]


def test_gold_values_occur_in_the_page(corpus, multi):
    for path in corpus[1] + multi:
        gold, text = gold_of(path), page_text(path)
        report = gold["report"]
        assert report["title"] in text
        assert report["locality"] in text
        if report["author"]:
            assert report["author"] in text.split(report["title"], 1)[1]
        views = report["views"]
        assert re.search(rf"(?<![\d,]){views:,}(?![\d,])|(?<!\d){views}(?!\d)|:\d\d{views}\b",
                         text)
        for amount in gold["amounts"]:
            assert amount["raw"] in text, (path.name, amount["raw"])
        for doc in gold["doc_refs"]:
            assert re.search(rf"(?<!\d){doc['number']}(?!\d)", text), (path.name, doc)
            if doc["issuer"]:
                assert doc["issuer"] in text
            if doc["issued_on"]:
                assert any(form in text for form in date_forms(doc["issued_on"])), doc
        for name, value in gold["site_stats"].items():
            if value is not None:
                forms = {str(value), f"{value:,}", f"{value:,}".replace(",", ".")}
                assert any(re.search(rf"(?<![\d.,]){re.escape(f)}(?![\d.,])", text)
                           for f in forms), (path.name, name, value)


def test_gold_province_is_null_only_when_the_page_cannot_decide_it(corpus, multi):
    """Named in the text or the address, or implied by a unit name that is one unit of the
    country; otherwise null (never a province the page cannot give)."""
    not_unique = {tuple(x) for x in load("localities")["not_unique"]}
    named = unnamed = undecidable = 0
    for path in corpus[1] + multi:
        report, text = gold_of(path)["report"], page_text(path)
        unique = (report["locality_type"], report["locality"]) not in not_unique
        if PROVINCE_NAMED.search(text):
            named += 1
            assert report["province"] and f"tỉnh {report['province']}" in text, path.name
        else:
            unnamed += 1
            undecidable += not unique
            assert (report["province"] is None) == (not unique), path.name
    assert named > 4 * unnamed > 0 and undecidable > 0


def test_not_unique_names_match_the_register():
    """localities.yaml's not_unique list is what the country's register says."""
    from analysis.extract import gazetteer

    pool = all_localities(0)
    listed = {tuple(x) for x in load("localities")["not_unique"]}
    for loc in pool:
        units = (gazetteer.communes if loc.parent else gazetteer.districts)(loc.name)
        one = len([u for u in units if u.unit_type == loc.locality_type]) == 1
        assert one == ((loc.locality_type, loc.name) not in listed), loc
        if one:
            assert next(u for u in units if u.unit_type == loc.locality_type).province == \
                loc.province, loc


def test_no_doubled_qualifier(corpus, multi):
    for path in corpus[1] + multi:
        assert not DOUBLED.search(page_text(path)), path.name


def test_article_has_no_money_or_code_missing_from_the_gold(corpus, multi):
    for path in corpus[1] + multi:
        gold, text = gold_of(path), article(path).replace("\u00d0", "Đ")
        raws = [a["raw"] for a in gold["amounts"]]
        for match in MONEY.finditer(text):
            assert any(match.group(0) in raw for raw in raws), (path.name, match.group(0))
        keys = {doc_key(d["number"], d["doc_type"]) for d in gold["doc_refs"]}
        numbers = {d["number"].lstrip("0") for d in gold["doc_refs"]}
        for match in (*PARTY_CODE.finditer(text), *STATE_CODE.finditer(text)):
            assert doc_key(match[1], match[2]) in keys, (path.name, match.group(0))
        for match in LAW_CODE.finditer(text):
            assert match[1].lstrip("0") in numbers, (path.name, match.group(0))


def test_sections_match_the_position_of_the_plan_heading(corpus, multi):
    for path in corpus[1] + multi:
        gold, body = gold_of(path), body_of(path)
        heading = PLAN_HEADING.search(body)
        assert heading, path.name
        results, plans = body[:heading.start()], body[heading.start():]
        for amount in gold["amounts"]:
            part = results if amount["section"] == "results" else plans
            assert amount["raw"] in part, (path.name, amount)
        for doc in gold["doc_refs"]:
            part = results if doc["section"] == "results" else plans
            assert re.search(rf"(?<!\d){doc['number']}(?!\d)", part), (path.name, doc)


def test_task_count_matches_the_items_written(corpus):
    for path in corpus[1]:
        raw = unicodedata.normalize("NFC", path.read_bytes().decode("utf-8"))
        gold = gold_of(path)
        if path.suffix == ".html":
            start = PLAN_HEADING.search(raw).start()
            plans = raw[start:re.compile(r"</[ou]l>").search(raw, start).start()]
            n_items = plans.count("<li>")
        else:
            body = body_of(path)
            plans = body[PLAN_HEADING.search(body).start():]
            n_items = len(re.findall(r"^(?:\d+\. |- |\+ )", plans, flags=re.M))
        assert n_items == gold["tasks"]["count"], path.name


def test_encoding_field_matches_the_bytes(corpus):
    _, paths = corpus
    encodings = []
    for path in paths:
        text = path.read_bytes().decode("utf-8")
        encoding = gold_of(path)["encoding"]
        encodings.append(encoding)
        if encoding == "utf-8-nfd":
            assert unicodedata.is_normalized("NFD", text) and text != unicodedata.normalize(
                "NFC", text)
        else:
            assert unicodedata.is_normalized("NFC", text)
    assert 0 < encodings.count("utf-8-nfd") < len(paths) // 5


def test_about_one_page_in_five_is_html(corpus):
    _, paths = corpus
    html_pages = [p for p in paths if p.suffix == ".html"]
    assert 0.1 <= len(html_pages) / len(paths) <= 0.3
    for path in html_pages:
        raw = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        assert raw.startswith("<!DOCTYPE html>") and raw.rstrip().endswith("</html>")
        assert "<h1" in raw and "Thống kê truy cập" in raw and "<script>" in raw
        assert re.search(r'<link rel="canonical" href="https://[a-z.]+\.gov\.vn/', raw)


def test_same_name_localities_of_two_provinces_in_the_same_quarters(corpus):
    _, paths = corpus
    chau_thanh = [gold_of(p)["report"] for p in paths if p.name.startswith("chau-thanh-")]
    assert {r["province"] for r in chau_thanh} == {"Bến Tre", "Tiền Giang"}
    assert {(r["locality"], r["locality_type"]) for r in chau_thanh} == {("Châu Thành", "huyện")}
    by_quarter = Counter((r["year"], r["quarter"]) for r in chau_thanh)
    assert set(by_quarter.values()) == {2} and len(by_quarter) == QUARTERS
    for path in paths:
        if path.name.startswith("chau-thanh-"):  # named in the article, not only the chrome
            assert f"tỉnh {gold_of(path)['report']['province']}" in article(path)


def test_multi_province_mode(multi):
    reports = [gold_of(p)["report"] for p in multi]
    by_province = Counter(r["province"] or "" for r in reports)
    localities = {p.name.rsplit("-", 2)[0] for p in multi}
    assert len(localities) == 12
    assert len({(r["locality"], r["locality_type"]) for r in reports}) == 11  # one shared name
    assert provinces(SEED)[:2] == ["Bến Tre", "Tiền Giang"]
    assert {"Bến Tre", "Tiền Giang"} <= set(by_province)
    kinds = Counter(r["period_type"] for r in reports)
    assert kinds["quarter"] == 12 * 6
    assert kinds["half_year"] and kinds["nine_months"] and kinds["year"]
    for path, r in zip(multi, reports):
        suffix = NAME.match(path.name)["p"]
        assert {"h1": "half_year", "9m": "nine_months", "year": "year"}.get(
            suffix, "quarter") == r["period_type"]
        assert (r["half"] == 1) == (r["period_type"] == "half_year")
    golds = [gold_of(p) for p in multi]
    no_support = [g for g in golds if not any(a["kind"] == "support" for a in g["amounts"])]
    assert 0 < len(no_support) < len(golds) // 3
    qualifiers = Counter(a["qualifier"] for g in golds for a in g["amounts"])
    assert qualifiers["hơn"] and qualifiers["ước đạt"]


def test_rates_per_gift_are_rates(multi, corpus):
    texts = [page_text(p) for p in corpus[1] + multi]
    assert any("mỗi suất" in t for t in texts) and any("đồng/suất" in t for t in texts)
    for path in corpus[1] + multi:
        text = page_text(path)
        for a in gold_of(path)["amounts"]:
            if re.search(rf"(?:mỗi suất|mức) {re.escape(a['raw'])}", text):
                assert a["kind"] == "rate", (path.name, a)


def test_pages_vary_in_form(corpus, multi):
    """View counters, by-lines and period forms are drawn per page, not one template."""
    texts = [page_text(p) for p in corpus[1] if p.suffix == ".txt"]
    view_forms = {
        "label": r"^Lượt xem: \d", "number_first": r"^\d[\d,]* lượt xem$",
        "dated": r"^Ngày đăng: .* \| Lượt xem", "category": r"^Chuyên mục: .*Lượt xem :",
        "both": r"• Lượt xem: \d[\d,]* lượt xem", "updated": r"^Cập nhật: ",
    }
    seen = {k for k, rx in view_forms.items() for t in texts if re.search(rx, t, re.M)}
    assert len(seen) >= 5, seen
    authors = [gold_of(p)["report"]["author"] for p in corpus[1] + multi]
    assert any(a and a.isupper() for a in authors) and any(a and a != a.upper() for a in authors)
    assert None in authors
    assert any(re.search(r"^[A-ZĐÀ-Ỹ ]+ \|$", t, re.M) for t in texts)  # "MINH NGỌC |"
    titles = [gold_of(p)["report"]["title"] for p in corpus[1]]
    period_forms = {re.sub(r"\d{4}", "Y", re.sub(r"\b[IV]+\b", "R", m.group(0)))
                    for t in titles for m in re.finditer(r"[Qq]u[ýí] \S+(?: năm \d{4})?", t)}
    assert len(period_forms) >= 4, period_forms


def test_same_seed_gives_identical_bytes_other_seed_differs(tmp_path):
    first = generate_corpus(tmp_path / "a", 4, 4, seed=123)
    generate_corpus(tmp_path / "b", 4, 4, seed=123)
    generate_corpus(tmp_path / "c", 4, 4, seed=124)
    a, b, c = (all_files(tmp_path / d) for d in "abc")
    assert len(a) == 2 * len(first) and a == b
    assert a != c
    shared = set(a) & set(c)
    assert all(a[name] != c[name] for name in shared if not name.endswith(".gold.json"))


def test_a_subset_reproduces_the_same_pages(corpus, tmp_path):
    out, _ = corpus
    subset = generate_corpus(tmp_path, 3, 6, seed=SEED)
    assert len(subset) == 18
    full = all_files(out)
    for name, data in all_files(tmp_path).items():
        assert full[name] == data, name


def test_localities_are_real_units_and_enough_for_200(tmp_path):
    for seed in (0, 1, 2):
        pool = all_localities(seed)
        assert len(pool) >= 200
        assert len({loc.slug for loc in pool}) == len(pool)
        assert len({loc.key for loc in pool}) == len(pool)
        assert {loc.locality_type for loc in pool} == {"huyện", "thị xã", "thành phố", "xã"}
        assert len({loc.province for loc in pool}) >= 5
        assert any(loc.locality_type == "xã" for loc in pool[:8])
    assert {(l.name, l.locality_type) for l in all_localities(0)} >= {
        ("Sa Pa", "thị xã"), ("Bảo Thắng", "huyện"), ("Lào Cai", "thành phố")}
    with pytest.raises(ValueError):
        generate_corpus(tmp_path, 0, 4, seed=1)
    with pytest.raises(ValueError):
        generate_corpus(tmp_path, len(all_localities(1)) + 1, 4, seed=1)
    with pytest.raises(ValueError):
        generate_corpus(tmp_path, 2, 0, seed=1)
    with pytest.raises(ValueError):
        generate_provinces(tmp_path, 0, 2, 6, seed=1)


def test_command_line(tmp_path):
    out = tmp_path / "cli"
    done = subprocess.run([sys.executable, "-m", "tools.synth", "--provinces", "2",
                           "--localities", "2", "--quarters", "6", "--out", str(out),
                           "--seed", "5"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("synth: ") and f"in {out}" in done.stdout
    pages = [p for p in out.iterdir() if not p.name.endswith(".gold.json")]
    assert len(pages) >= 24 and len(pages) == int(done.stdout.split()[1])
    bad = subprocess.run([sys.executable, "-m", "tools.synth", "--localities", "0",
                          "--quarters", "4", "--out", str(tmp_path / "bad")], cwd=ROOT,
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "localities must be between 1 and" in bad.stderr
    assert not (tmp_path / "bad").exists()
