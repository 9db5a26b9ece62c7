"""Generalisation check (issue 7): the real extractor, scored by ``analysis.evaluate`` on a
generated multi-province corpus it was not tuned on, must reach the thresholds of ``make eval``.

The corpus (seed 2026: Bến Tre, Tiền Giang and one more province, 4 localities each over 6
quarters, with half-year, nine-month and year reviews; 94 pages) draws its forms per page from
those of real portal pages (``/work/shared/FORMS.md``). A field the current extractor misses
because of a weakness of the extractor (not of the generator) is marked xfail with the figure
and the cause; it turns into an XPASS once the extractor handles the form.
"""

from __future__ import annotations

import pytest

from analysis.evaluate import evaluate
from tools.synth import generate_provinces

MIN_F1 = 0.98
MIN_ACCURACY = 0.98
SEED = 2026


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    out = tmp_path_factory.mktemp("generalisation")
    pages = generate_provinces(out, 3, 4, 6, seed=SEED)
    assert len(pages) >= 60
    return evaluate([out])


def misses(ev, field: str) -> str:
    return "\n".join(m for m in ev.misses if f": {field}:" in m)


def test_every_generated_page_is_read(scores):
    assert scores.pages >= 60 and scores.errors == []


@pytest.mark.parametrize("measure", ["docs", "money"])
def test_documents_and_money_f1(scores, measure):
    score = getattr(scores, measure)
    assert score.f1 >= MIN_F1, "\n".join(m for m in scores.misses
                                         if ("document" if measure == "docs" else "amount") in m)


@pytest.mark.parametrize("field", [
    "period",
    pytest.param("locality", marks=pytest.mark.xfail(strict=False, reason=(
        "extractor: locality 0.926 (87/94) on seed 2026 — 'huyện Gò Công Đông' is read as "
        "'Gò' on all 7 of its pages (the word 'Công' is taken for the start of a phrase); on "
        "other seeds a weekday dateline above the title gives 'Thứ Ba' as the place "
        "(issue 7 items 1 and 5)"))),
    pytest.param("author", marks=pytest.mark.xfail(strict=False, reason=(
        "extractor: author 0.915 (86/94) on seed 2026 — a by-line in capitals under the "
        "title ('THẾ CÔNG |', issue 7 item 6) is not read (all 8 misses)"))),
    pytest.param("views", marks=pytest.mark.xfail(strict=False, reason=(
        "extractor: views 0.957 (90/94) on seed 2026 — a view count glued to the post time "
        "('10:0592' is 10:05 and 92 views, issue 7 item 6: 3 misses) and a counter under a "
        "title that follows a weekday dateline (issue 7 item 5: 1 miss) are not read"))),
    "site_stats",
    "doc_dates",
])
def test_field_accuracy(scores, field):
    assert scores.total[field] > 0
    assert scores.accuracy(field) >= MIN_ACCURACY, misses(scores, field)
