"""The small xlsx writer: what openpyxl (and so Excel's format) reads back from it."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl

from analysis import xlsx


def _book(rows, header=("Tên", "Số", "Ngày")):
    return xlsx.workbook([("Trang 1", xlsx.sheet_xml(list(header), rows)),
                          ("Từ điển \"dữ liệu\" & <khác>", xlsx.sheet_xml(["A"], [["x"]]))])


def test_cells_are_typed_and_text_is_kept_exactly():
    rows = [["Thị xã Sa Pa", 331618, dt.datetime(2021, 3, 31)],
            ["a & b < c\x07", 1.5, dt.date(2020, 1, 2)],
            [None, True, None],
            ["  lề  ", -7, dt.datetime(2021, 3, 31, 12, 30)]]
    wb = openpyxl.load_workbook(io.BytesIO(_book(rows)))
    assert wb.sheetnames == ["Trang 1", "Từ điển \"dữ liệu\" & <khác>"]
    ws = wb["Trang 1"]
    got = [[c.value for c in r] for r in ws.iter_rows()]
    assert got[0] == ["Tên", "Số", "Ngày"]
    assert got[1] == ["Thị xã Sa Pa", 331618, dt.datetime(2021, 3, 31)]
    assert got[2] == ["a & b < c", 1.5, dt.datetime(2020, 1, 2)]     # control character dropped
    assert got[3] == [None, True, None]
    assert got[4] == ["  lề  ", -7, dt.datetime(2021, 3, 31, 12, 30)]
    assert type(got[1][1]) is int and type(got[2][1]) is float
    assert all(c.font.b for c in ws[1]) and not ws["A2"].font.b
    assert ws["C2"].is_date and ws["C2"].number_format == "DD/MM/YYYY"
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["A"].width == len("Thị xã Sa Pa") + 2


def test_same_rows_same_bytes():
    rows = [["x", 1, dt.datetime(2021, 1, 1)]]
    assert _book(rows) == _book(rows)
    assert _book(rows) != _book([["y", 1, dt.datetime(2021, 1, 1)]])


def test_column_letters():
    assert [xlsx.column_letter(i) for i in (1, 26, 27, 52, 703)] == ["A", "Z", "AA", "AZ", "AAA"]


def test_titles_excel_refuses_are_refused():
    import pytest
    for title in ("a:b", "", "x" * 32):
        with pytest.raises(ValueError, match="Excel refuses"):
            xlsx.workbook([(title, xlsx.sheet_xml(["A"], []))])
