"""The data dictionary is Vietnamese: labels, descriptions and units as people write them."""

from __future__ import annotations

import re

from analysis import schema

VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]",
                        re.I)
ENGLISH = re.compile(r"\b(the|of|when|and|or|is|are|with|from|per|this|that|as written)\b")


def _prose(text: str) -> str:
    """The description without quoted codes and values ('results', `extract`, (quarter))."""
    return re.sub(r"'[^']*'|`[^`]*`|\([a-z_|]+\)|Giá trị:.*$", "", text)


def test_every_description_is_vietnamese():
    for t in schema.TABLES.values():
        for where, text in [(t.name, t.description), *((f"{t.name}.{c.name}", c.description)
                                                         for c in t.columns)]:
            assert VIETNAMESE.search(text), where
            assert not ENGLISH.search(_prose(text)), (where, text)


def test_units_are_written_as_people_write_them():
    units = {c.unit for t in schema.TABLES.values() for c in t.columns if c.unit}
    assert "đồng" in units and "lượt" in units and "ký tự" in units
    assert not units & {"VND", "chars", "visits", "views"}


def test_dictionary_page_and_frame_are_vietnamese():
    page = schema.data_dictionary_html()
    for heading in ("<th>Cột</th>", "<th>Nhãn</th>", "<th>Kiểu</th>", "<th>Đơn vị</th>",
                    "<th>Mô tả</th>", "số nguyên (Int64)", "Giá trị: results, plans."):
        assert heading in page
    assert "Values:" not in page and "Data dictionary" not in schema.data_dictionary_markdown()
    frame = schema.data_dictionary_frame()
    assert list(frame.columns) == ["Bảng", "Tên bảng", "Cột", "Nhãn", "Kiểu", "Đơn vị",
                                   "Bắt buộc", "Mô tả"]
    row = frame[(frame["Bảng"] == "amounts") & (frame["Cột"] == "amount_vnd")].iloc[0]
    assert row["Đơn vị"] == "đồng" and row["Mô tả"].startswith("Số tiền tính bằng đồng")
