"""Plan follow-through on a hand-labelled sample (tests/fixtures/followup/pairs.json): each
pair is a task of one report and the results sentences of the next, labelled by a reader as
done / mentioned / not_mentioned."""

from __future__ import annotations

import json

from analysis.followup import classify
from tests.conftest import FIXTURES

PAIRS = json.loads((FIXTURES / "followup" / "pairs.json").read_text(encoding="utf-8"))["pairs"]


def _predictions():
    return [(p["label"], classify(p["task"], p["results"])[0]) for p in PAIRS]


def test_sample_is_large_enough_and_covers_every_label():
    assert len(PAIRS) >= 30
    assert {p["label"] for p in PAIRS} == {"done", "mentioned", "not_mentioned"}


def test_follow_through_precision():
    pred = _predictions()
    followed = [gold for gold, got in pred if got != "not_mentioned"]
    done = [gold for gold, got in pred if got == "done"]
    precision_followed = sum(g != "not_mentioned" for g in followed) / len(followed)
    precision_done = sum(g == "done" for g in done) / len(done)
    accuracy = sum(g == p for g, p in pred) / len(pred)
    print(f"\nfollow-through on {len(pred)} pairs: precision (done or mentioned) "
          f"{precision_followed:.2f}, precision (done) {precision_done:.2f}, "
          f"3-class accuracy {accuracy:.2f}")
    # Measured 1.00 / 0.88 / 0.91; the sample was written by the rule's author,
    # so these are upper bounds for unseen reports.
    assert precision_followed >= 0.9
    assert precision_done >= 0.8
    assert accuracy >= 0.85


def test_document_codes_decide_a_match():
    status, sentence, _ = classify(
        "Triển khai Chỉ thị số 05-CT/TU của Tỉnh ủy.",
        ["Quán triệt Chỉ thị 05-CT/TU đến 100% chi bộ.", "Tặng 30 suất quà."])
    assert status == "done" and "05-CT/TU" in sentence


def test_work_under_way_is_mentioned_not_done():
    status, _, _ = classify("Xây dựng Đề án phát triển du lịch cộng đồng.",
                            ["Đang xây dựng Đề án phát triển du lịch cộng đồng, dự kiến trình "
                             "trong quý tới."])
    assert status == "mentioned"
