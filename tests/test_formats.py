"""Numbers a reader sees are Vietnamese (babel, locale vi); a figure not stated is "không nêu"."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest

from analysis import formats as f


@pytest.mark.parametrize("absent", [None, float("nan"), np.nan, pd.NA, pd.NaT])
def test_not_stated_is_never_zero(absent):
    for fn in (f.vn_int, f.counter, f.vnd, f.vnd_short, f.number, f.percent, f.signed_number,
               f.signed_percent, f.signed_vnd_short, f.date_vi):
        assert fn(absent) == "không nêu", fn.__name__


def test_counters_and_integers_group_thousands_with_dots():
    assert f.counter(1657) == "1.657" and f.counter(1_178_756) == "1.178.756"
    assert f.vn_int(12_500) == "12.500" and f.vn_int(0) == "0" and f.vn_int(999) == "999"
    assert f.number(1.5) == "1,5" and f.number(-1500) == "−1.500" and f.number(-0.0001) == "0"


def test_money_in_words_of_magnitude():
    assert f.vnd(178_500_000) == "178.500.000 đồng"
    assert f.vnd_short(178_000_000) == "178 triệu đồng"
    assert f.vnd_short(1_500_000_000) == "1,5 tỷ đồng"
    assert f.vnd_short(178_500_000) == "178,5 triệu đồng"
    assert f.vnd_short(2_350_000_000_000) == "2.350 tỷ đồng"
    assert f.vnd_short(999_999_999) == "1 tỷ đồng"          # not "1.000 triệu đồng"
    assert f.vnd_short(500_000) == "500 nghìn đồng" and f.vnd_short(950) == "950 đồng"
    assert f.vnd_short(0) == "0 đồng"


def test_qualifiers_are_kept():
    assert f.vnd_short(106_000_000, "hơn") == "hơn 106 triệu đồng"
    assert f.vnd_short(2_000_000_000, "ước đạt") == "ước đạt 2 tỷ đồng"
    assert f.vnd(56_000_000, "gần") == "gần 56.000.000 đồng"
    assert f.vnd_short(None, "hơn") == "không nêu"


def test_percent_and_signed_changes():
    assert f.percent(0.123) == "12,3%" and f.percent(0.5) == "50%" and f.percent(1.25) == "125%"
    assert f.percent(math.inf) == "không nêu"
    assert f.signed_percent(0.12) == "+12%" and f.signed_percent(-0.305) == "−30,5%"
    assert f.signed_percent(0) == "0%"
    assert f.signed_number(12) == "+12" and f.signed_number(-1500) == "−1.500"
    assert f.signed_vnd_short(30_000_000) == "+30 triệu đồng"
    assert f.signed_vnd_short(-1_500_000_000) == "−1,5 tỷ đồng"


def test_dates():
    assert f.date_vi(pd.Timestamp("2021-01-20")) == "20/01/2021"
    assert f.date_vi(dt.date(2021, 3, 5)) == "05/03/2021"
    assert f.date_vi(dt.datetime(2021, 3, 5, 10, 0), long=True) == "ngày 05 tháng 03 năm 2021"


def test_periods():
    assert f.quarter_vi(4, 2021) == "quý IV/2021" and f.quarter_vi(1, 2021, capital=True) == "Quý I/2021"
    assert f.period_vi("half_year", 2021, half=1) == "6 tháng đầu năm 2021"
    assert f.period_vi("nine_months", 2021) == "9 tháng năm 2021"
    assert f.period_vi("quarter", 2021, quarter=pd.NA) == "kỳ tới"
