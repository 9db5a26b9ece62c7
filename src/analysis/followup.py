"""Plan follow-through: last period's tasks and planned documents against this period's results.

A task is compared with each results sentence on content words (underthesea's word
segmentation, offline; the words every mobilization report repeats — "công tác", "dân vận",
"tiếp tục", "thực hiện" … — do not count). The best sentence decides:

- ``done``: most of the task's content words are in one sentence (share ≥ ``DONE``, at least
  ``MIN_WORDS`` words, or a document the task names is cited there) and the sentence does not
  say the work is still under way or not done ("đang", "chưa", "tiếp tục", "sẽ");
- ``mentioned``: some of them are (share ≥ ``MENTIONED``), or the sentence says the work
  goes on;
- ``not_mentioned``: otherwise.

A task of several parts separated by ";" is done only when every part is.

A planned document is followed up when this period's results cite it. Precision on a labelled
sample is measured in ``tests/test_followup.py``.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from .text.keys import match_key

DONE = 0.5
MENTIONED = 0.3
MIN_WORDS = 2          # a match needs at least two content words in common
STATUS_VI = {"done": "Đã thực hiện", "mentioned": "Có nhắc đến", "not_mentioned": "Không thấy nhắc"}

# Words every report uses around any task: they say nothing about which task it is.
_GENERIC = {match_key(w) for w in (
    "công tác", "dân vận", "tiếp tục", "thực hiện", "triển khai", "tăng cường", "đẩy mạnh",
    "nâng cao", "chất lượng", "hiệu quả", "các", "những", "của", "và", "với", "cho", "trong",
    "trên", "về", "theo", "tại", "địa bàn", "đối với", "việc", "được", "đã", "có", "là", "một",
    "số", "nhằm", "để", "từ", "đến", "năm", "quý", "tháng", "tốt", "chỉ đạo", "lãnh đạo",
    "hướng dẫn", "phối hợp", "tổ chức", "cơ quan", "đơn vị", "cấp", "hệ thống", "chính trị",
    "nhân dân", "kế hoạch", "chương trình", "nhiệm vụ", "kết quả", "tình hình", "thường xuyên",
    "tích cực", "chủ động", "ban", "huyện", "xã", "thị xã", "tỉnh", "thành phố", "phường",
    "tham mưu", "cấp ủy", "chính quyền", "đoàn thể", "mặt trận", "hội", "này", "đó", "như",
    "mới", "kỳ", "tới", "sau", "trước", "lần", "bộ", "gắn", "với", "vào", "ra", "lên", "bằng",
    "ngày", "người", "công", "toàn", "xây dựng", "tập thể", "cá nhân", "thị ủy", "huyện ủy",
    "thường trực", "ban thường vụ", "trên địa bàn")}
_ONGOING = re.compile(r"\b(?:đang|chưa|tiếp tục|sẽ|chuẩn bị|dự kiến)\b")
_CODE = re.compile(r"\d+[a-z]?\s*[-/]\s*[a-zđ]{1,6}(?:\s*[-/]\s*[a-zđ]{1,6})*")


@lru_cache(maxsize=4096)
def content_words(text: str) -> frozenset[str]:
    """The words of ``text`` that tell one task from another (match keys, generic words out)."""
    from underthesea import word_tokenize     # offline segmentation; imported on first use
    words = (match_key(w) for w in word_tokenize(text))
    return frozenset(w for w in words if re.search(r"[^\W\d_]", w) and w not in _GENERIC
                     and len(w) > 1)


def _codes(text: str) -> set[str]:
    return {re.sub(r"\s+", "", c) for c in _CODE.findall(match_key(text))}


def _classify_part(task: str, sentences: list[str]) -> tuple[str, str | None, float]:
    want = content_words(task)
    codes = _codes(task)
    best, best_share, best_common = None, 0.0, 0
    for s in sentences:
        common = len(want & content_words(s))
        share = common / len(want) if want else 0.0
        if codes and codes & _codes(s):
            share, common = max(share, 1.0), max(common, MIN_WORDS)
        if share > best_share:
            best, best_share, best_common = s, share, common
    if best is None or best_share < MENTIONED or best_common < MIN_WORDS:
        return "not_mentioned", None, best_share
    ongoing = bool(_ONGOING.search(match_key(best)))
    return ("done" if best_share >= DONE and not ongoing else "mentioned"), best, best_share


def classify(task: str, sentences: list[str]) -> tuple[str, str | None, float]:
    """(status, the best sentence or None, its share of the task's content words).

    A task of several parts ("…; …") is done when every part is, mentioned when some part
    is followed up."""
    parts = [p for p in (x.strip() for x in task.split(";")) if content_words(p)] or [task]
    results = [_classify_part(p, sentences) for p in parts]
    best = max(results, key=lambda r: r[2])
    statuses = {r[0] for r in results}
    if statuses == {"done"}:
        return "done", best[1], best[2]
    if statuses == {"not_mentioned"}:
        return "not_mentioned", None, best[2]
    return "mentioned", next(r[1] for r in sorted(results, key=lambda r: -r[2]) if r[1]), best[2]


def follow_through(prev_tasks: pd.DataFrame, prev_docs: pd.DataFrame, sentences: list[str],
                   cited: set[str]) -> pd.DataFrame:
    """One row per task and planned document of the previous period.

    Args:
        prev_tasks: the ``tasks`` rows of the previous period's page.
        prev_docs: its ``doc_refs`` rows (the 'plans' section ones are the planned documents).
        sentences: this period's results sentences.
        cited: doc_keys this period's results cite.
    """
    rows = []
    for text in prev_tasks.sort_values("item_no")["text"] if len(prev_tasks) else []:
        status, sentence, _ = classify(text, sentences)
        rows.append({"kind": "Nhiệm vụ", "item": text, "status": status, "evidence": sentence})
    planned = prev_docs[(prev_docs["section"] == "plans") & prev_docs["is_first_mention"]] \
        if len(prev_docs) else prev_docs
    for d in planned.itertuples():
        name = d.code if isinstance(d.code, str) else d.mention
        if d.doc_key in cited:
            hit = next((s for s in sentences if name and match_key(name) in match_key(s)), None)
            status = "mentioned" if hit and _ONGOING.search(match_key(hit)) else "done"
        else:
            hit, status = None, "not_mentioned"
        rows.append({"kind": "Văn bản dự kiến", "item": d.mention, "status": status,
                     "evidence": hit})
    out = pd.DataFrame(rows, columns=["kind", "item", "status", "evidence"])
    return out.assign(status_vi=out["status"].map(STATUS_VI))
