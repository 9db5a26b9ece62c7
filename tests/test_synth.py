"""Tests of the synthetic corpus generator (analysis.synth)."""

from __future__ import annotations

import html
import json
import re
import unicodedata
from pathlib import Path

import pytest

from analysis.synth import SYNTHETIC_MARKER, all_localities, generate_corpus

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

NAME = re.compile(r"^(?P<slug>[a-z0-9-]+)-(?P<year>\d{4})-q(?P<q>[1-4])\.(?:txt|html)$")
MONEY = re.compile(r"\d[\d.,]*(?: tỷ(?: \d+ triệu)?| triệu)? đồng")
PARTY_CODE = re.compile(r"(\d+)\s*[-–]\s*([A-ZĐ][A-Za-zĐ]*)/([A-ZĐ][A-Za-zĐ0-9]*)")
STATE_CODE = re.compile(r"(\d+)/(?:\d{4}/)?([A-ZĐ][A-Za-zĐ]*)-([A-Za-z]+)")
LAW_CODE = re.compile(r"(\d+)/\d{4}/(?:QH|UBTVQH)\d+")
PLAN_HEADING = re.compile(r"Nhiệm vụ trọng tâm|NHIỆM VỤ TRỌNG TÂM|Phương hướng, nhiệm vụ")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, list[Path]]:
    out = tmp_path_factory.mktemp("synth")
    return out, generate_corpus(out, LOCALITIES, QUARTERS, seed=SEED)


def gold_of(path: Path) -> dict:
    return json.loads(path.with_name(f"{path.stem}.gold.json").read_text(encoding="utf-8"))


def page_text(path: Path) -> str:
    """The page as NFC text; HTML pages with scripts and tags removed."""
    text = unicodedata.normalize("NFC", path.read_bytes().decode("utf-8"))
    if path.suffix == ".html":
        text = re.sub(r"<script.*?</script>", " ", text, flags=re.S)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return text


def article(path: Path) -> str:
    """The page text before the synthetic marker: title, header and body, no chrome."""
    text = page_text(path)
    return text[:text.index(SYNTHETIC_MARKER)]


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
        quarters = sorted((int(m["year"]), int(m["q"])) for p in paths
                          if (m := NAME.match(p.name))["slug"] == slug)
        assert quarters == [(2020 + i // 4, i % 4 + 1) for i in range(QUARTERS)]


def test_gold_files_have_the_readme_format(corpus):
    _, paths = corpus
    for path in paths:
        gold = gold_of(path)
        m = NAME.match(path.name)
        assert set(gold) == TOP_KEYS
        assert gold["file"] == path.name
        assert gold["encoding"] in ("utf-8", "utf-8-nfd")
        report = gold["report"]
        assert set(report) == REPORT_KEYS
        assert report["period_type"] == "quarter" and report["half"] is None
        assert (report["year"], report["quarter"]) == (int(m["year"]), int(m["q"]))
        assert report["locality_type"] in ("huyện", "thị xã", "thành phố", "xã")
        assert report["province"] and report["locality"] and report["title"]
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
        assert 1 <= len(gold["amounts"]) <= 4
        for amount in gold["amounts"]:
            assert set(amount) == AMOUNT_KEYS
            assert amount["kind"] in ("support", "fund", "budget", "rate", "investment", "other")
            assert amount["qualifier"] in (None, "gần", "hơn", "trên", "ước đạt")
            assert amount["amount_vnd"] > 0
            if amount["qualifier"]:
                assert amount["raw"].startswith(amount["qualifier"] + " ")
        assert len({a["raw"] for a in gold["amounts"]}) == len(gold["amounts"])
        for count in gold["counts"]:
            assert set(count) == COUNT_KEYS and count["value"] > 0
        tasks = gold["tasks"]
        assert set(tasks) == TASK_KEYS and 3 <= tasks["count"] <= 5
        q = report["quarter"]
        assert (tasks["target_year"], tasks["target_quarter"]) == (
            (report["year"], q + 1) if q < 4 else (report["year"] + 1, 1))
        assert "Synthetic" in gold["notes"] and "not a real publication" in gold["notes"]


def test_every_page_carries_the_synthetic_marker(corpus):
    _, paths = corpus
    for path in paths:
        text = page_text(path)
        assert text.count(SYNTHETIC_MARKER) == 1, path.name
        assert text.index(SYNTHETIC_MARKER) < text.index("Thống kê truy cập")


def test_gold_values_occur_in_the_page(corpus):
    _, paths = corpus
    for path in paths:
        gold, text = gold_of(path), page_text(path)
        report = gold["report"]
        assert report["title"] in text
        assert report["locality"] in text
        if report["author"]:
            assert report["author"] in text.split(SYNTHETIC_MARKER)[1]
        views = report["views"]
        assert re.search(rf"(?<![\d,]){views:,}(?![\d,])|(?<!\d){views}(?!\d)", text)
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


def test_article_has_no_money_or_code_missing_from_the_gold(corpus):
    _, paths = corpus
    for path in paths:
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


def test_sections_match_the_position_of_the_plan_heading(corpus):
    _, paths = corpus
    for path in paths:
        gold, text = gold_of(path), article(path)
        body = text[len(gold["report"]["title"]):]  # the title may name the next quarter too
        heading = PLAN_HEADING.search(body)
        assert heading, path.name
        results, plans = body[:heading.start()], body[heading.start():]
        for amount in gold["amounts"]:
            part = results if amount["section"] == "results" else plans
            assert amount["raw"] in part, (path.name, amount)
        for doc in gold["doc_refs"]:
            if doc["section"] == "results":
                assert re.search(rf"(?<!\d){doc['number']}(?!\d)", results), (path.name, doc)
            else:
                assert re.search(rf"(?<!\d){doc['number']}(?!\d)", plans), (path.name, doc)


def test_task_count_matches_the_items_written(corpus):
    _, paths = corpus
    for path in paths:
        raw = unicodedata.normalize("NFC", path.read_bytes().decode("utf-8"))
        gold = gold_of(path)
        if path.suffix == ".html":
            plans = raw[PLAN_HEADING.search(raw).start():raw.index(SYNTHETIC_MARKER)]
            n_items = plans.count("<li>")
        else:
            body = raw[len(gold["report"]["title"]):raw.index(SYNTHETIC_MARKER)]
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
