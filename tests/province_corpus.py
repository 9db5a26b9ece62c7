"""A small hand-written multi-province, multi-period set of tables for the analyst features.

Written as table rows (what extraction would produce from such pages), so that the trends,
index and brief tests do not depend on how extraction reads locality or period. Figures the
tests check by hand:

- huyện Châu Thành, tỉnh Bến Tre, quý IV/2021: support 50 triệu + "hơn 56 triệu" = hơn 106
  triệu (a rate "mỗi suất 500.000 đồng" is not summed); quý III/2021: 100 triệu; quý IV/2020:
  136 triệu. Change: +6 triệu (6%) on the previous quarter, −30 triệu (22%) on a year earlier.
  Documents: 4 in quý IV/2021 (15-CT/TW cited for the first time; 30-KH/HU of quý III/2021
  not cited again), 4 in quý III/2021 (42-KH/HU planned), 2 in quý IV/2020. Views 240; none shown in
  quý III/2021.
- huyện Châu Thành, tỉnh Tiền Giang, quý IV/2021: two pages; the later published one is used.
- huyện Mỏ Cày Nam, tỉnh Bến Tre, quý IV/2021: no amount stated ("không nêu").
- huyện Châu Thành without a province, quý IV/2021: its own brief, never merged.
- xã Tân Thạch, tỉnh Bến Tre, quý IV/2021 (5 triệu): a commune, compared and added only with
  communes (the district reports already cover their communes).
- huyện Châu Thành, tỉnh Bến Tre, 6 tháng đầu năm 2021: a half-year report ("ước đạt").
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis import schema
from analysis.paths import table_path

BT, TG = "Bến Tre", "Tiền Giang"


def _report(rid, locality, province, period, *, views=None, published=None, n_chars=3000,
            title=None, locality_type="huyện"):
    year = int(period[:4])
    kind = {"Q": "quarter", "H": "half_year"}.get(period[5:6], "year")
    return {"report_id": rid, "source_file": f"{rid}.txt", "content_sha256": "0" * 64,
            "encoding": "utf-8", "extractor_digest": "test", "n_chars": n_chars,
            "title": title or f"Kết quả công tác dân vận {locality_type} {locality} {period}",
            "locality": locality, "locality_type": locality_type, "province": province,
            "period_type": kind, "year": year,
            "quarter": int(period[6]) if kind == "quarter" else None,
            "half": int(period[6]) if kind == "half_year" else None, "month": None,
            "period_label": period, "author": None, "views": views,
            "published_on": pd.Timestamp(published) if published else None}


def _money(rid, vnd, raw, kind="support", qualifier=None, per_unit=None, section="results",
           sentence=None, at=100):
    return {"report_id": rid, "amount_vnd": vnd, "raw": raw, "kind": kind,
            "qualifier": qualifier, "per_unit": per_unit, "section": section,
            "sentence": sentence or f"Thăm hỏi, tặng quà các gia đình chính sách với {raw}.",
            "char_start": at, "char_end": at + len(raw)}


def _doc(rid, code, doc_type, name, section="results", sentence=None, at=50):
    number, _, rest = code.partition("-")
    return {"report_id": rid, "doc_key": code.lower(), "code": code, "system": "party",
            "doc_type": doc_type, "doc_type_name": name, "number": number,
            "issuer_code": rest.split("/")[-1], "issued_on": None, "issuer": "Tỉnh ủy",
            "level": "province", "mention": f"{name} số {code}", "is_first_mention": True,
            "section": section, "sentence": sentence or f"Triển khai thực hiện {name} số {code}.",
            "char_start": at, "char_end": at + 10}


def _count(rid, value, unit, sentence, at):
    return {"report_id": rid, "value": value, "unit": unit, "raw": f"{value} {unit}",
            "section": "results", "sentence": sentence, "char_start": at,
            "char_end": at + 5}


def _task(rid, no, text, year, quarter):
    return {"report_id": rid, "item_no": no, "target_period_type": "quarter",
            "target_year": year, "target_quarter": quarter, "target_half": None,
            "heading": None, "text": text, "char_start": 2000 + no, "char_end": 2100 + no}


def rows() -> dict[str, list[dict]]:
    reports = [
        _report("bt-ct-2020q3", "Châu Thành", BT, "2020-Q3", views=90),
        _report("bt-ct-2020q4", "Châu Thành", BT, "2020-Q4", views=120),
        _report("bt-ct-2021h1", "Châu Thành", BT, "2021-H1", views=300),
        _report("bt-ct-2021q3", "Châu Thành", BT, "2021-Q3"),
        _report("bt-ct-2021q4", "Châu Thành", BT, "2021-Q4", views=240),
        _report("bt-mcn-2021q4", "Mỏ Cày Nam", BT, "2021-Q4", views=75),
        _report("tg-ct-2021q4-a", "Châu Thành", TG, "2021-Q4", views=50, published="2022-01-05"),
        _report("tg-ct-2021q4-b", "Châu Thành", TG, "2021-Q4", views=64, published="2022-01-12",
                n_chars=2000),
        _report("tg-cg-2021q4", "Chợ Gạo", TG, "2021-Q4", views=33),
        _report("bt-tt-2021q4", "Tân Thạch", BT, "2021-Q4", views=8, locality_type="xã"),
        _report("xx-ct-2021q4", "Châu Thành", None, "2021-Q4", views=12),
    ]
    amounts = [
        _money("bt-ct-2020q3", 80_000_000, "80 triệu đồng"),
        _money("bt-ct-2020q4", 136_000_000, "136 triệu đồng"),
        _money("bt-ct-2021h1", 1_200_000_000, "ước đạt 1,2 tỷ đồng", qualifier="ước đạt"),
        _money("bt-ct-2021q3", 100_000_000, "100 triệu đồng"),
        _money("bt-ct-2021q3", 500_000, "500.000 đồng/suất", kind="rate", per_unit="suất",
               sentence="Mỗi suất quà trị giá 500.000 đồng/suất."),
        _money("bt-ct-2021q4", 50_000_000, "50 triệu đồng", at=100),
        _money("bt-ct-2021q4", 56_000_000, "hơn 56 triệu đồng", qualifier="hơn", at=300),
        _money("bt-ct-2021q4", 500_000, "500.000 đồng", per_unit="suất",
               sentence="Tặng 112 suất quà, mỗi suất 500.000 đồng.", at=400),
        _money("bt-ct-2021q4", 20_000_000, "20 triệu đồng", kind="fund",
               sentence="Vận động Quỹ Vì người nghèo được 20 triệu đồng.", at=500),
        _money("bt-ct-2021q4", 90_000_000, "90 triệu đồng", section="plans",
               sentence="Phấn đấu vận động 90 triệu đồng trong quý I/2022.", at=2500),
        _money("tg-ct-2021q4-a", 70_000_000, "70 triệu đồng"),
        _money("tg-ct-2021q4-b", 75_000_000, "75 triệu đồng"),
        _money("tg-cg-2021q4", 40_000_000, "40 triệu đồng"),
        _money("xx-ct-2021q4", 10_000_000, "10 triệu đồng"),
        _money("bt-tt-2021q4", 5_000_000, "5 triệu đồng"),
    ]
    doc_refs = [
        _doc("bt-ct-2020q4", "05-CT/TU", "CT", "Chỉ thị"),
        _doc("bt-ct-2020q4", "12-KH/HU", "KH", "Kế hoạch", at=80),
        _doc("bt-ct-2021q3", "05-CT/TU", "CT", "Chỉ thị"),
        _doc("bt-ct-2021q3", "18-NQ/TU", "NQ", "Nghị quyết", at=80),
        _doc("bt-ct-2021q3", "30-KH/HU", "KH", "Kế hoạch", at=90),
        _doc("bt-ct-2021q3", "42-KH/HU", "KH", "Kế hoạch", section="plans", at=2050,
             sentence="Xây dựng Kế hoạch số 42-KH/HU về dân vận khéo."),
        _doc("bt-ct-2021q4", "05-CT/TU", "CT", "Chỉ thị"),
        _doc("bt-ct-2021q4", "18-NQ/TU", "NQ", "Nghị quyết", at=80),
        _doc("bt-ct-2021q4", "42-KH/HU", "KH", "Kế hoạch", at=90,
             sentence="Ban hành Kế hoạch số 42-KH/HU về phong trào thi đua Dân vận khéo năm 2021."),
        _doc("bt-ct-2021q4", "15-CT/TW", "CT", "Chỉ thị", at=95),
        _doc("bt-mcn-2021q4", "05-CT/TU", "CT", "Chỉ thị"),
        _doc("tg-ct-2021q4-b", "09-CT/TU", "CT", "Chỉ thị"),
    ]
    counts = [
        _count("bt-ct-2021q4", 3, "hội nghị", "Tổ chức 3 hội nghị đối thoại trực tiếp giữa "
               "người đứng đầu cấp ủy với Nhân dân tại các xã Tân Thạch, An Khánh.", 200),
        _count("bt-ct-2021q4", 112, "suất quà", "Tặng 112 suất quà, mỗi suất 500.000 đồng.", 400),
    ]
    tasks = [
        _task("bt-ct-2021q3", 1, "Tổ chức hội nghị đối thoại trực tiếp giữa người đứng đầu cấp "
              "ủy với Nhân dân.", 2021, 4),
        _task("bt-ct-2021q3", 2, "Tổ chức Hội thi tuyên truyền viên giỏi về công tác dân vận.",
              2021, 4),
        _task("bt-ct-2021q4", 1, "Sơ kết phong trào thi đua Dân vận khéo.", 2022, 1),
    ]
    site_stats = [{"report_id": "bt-ct-2021q4", "online": 3, "today": 120, "week": 800,
                   "month": 2500, "year": 30000, "total": 1178756, "raw": "Tất cả: 1.178.756"}]
    return {"reports": reports, "amounts": amounts, "doc_refs": doc_refs, "counts": counts,
            "tasks": tasks, "site_stats": site_stats}


def frames() -> dict[str, pd.DataFrame]:
    """The tables as the package reads them (columns the rows lack are left empty)."""
    out = {}
    data = rows()
    for name in schema.TABLES:
        df = pd.DataFrame(data.get(name, []))
        if df.empty:
            out[name] = schema.empty_frame(name)
            continue
        for c in schema.TABLES[name].columns:
            if c.name not in df:
                df[c.name] = None
        out[name] = schema.coerce(name, df)
    return out


def write(folder: Path) -> Path:
    """Write the tables as Parquet files into ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, df in frames().items():
        df.to_parquet(table_path(folder, name), index=False)
    return folder
