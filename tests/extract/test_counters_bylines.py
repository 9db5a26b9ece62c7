"""View counters, visit statistics (FORMS.md §8), by-lines (§9) and locality."""

import pytest

from analysis.extract.bylines import find_author
from analysis.extract.counters import find_site_stats, find_views
from analysis.extract.locality import find_locality
from analysis.text.page import page_from_text


def page(text):
    return page_from_text(text, "t.txt")


BODY = "Quý I năm 2021, tình hình Nhân dân trên địa bàn huyện ổn định, tất cả các xã tham gia."


@pytest.mark.parametrize("meta, views", [
    ("Lượt xem: 47", 47), ("Lượt xem : 1,753", 1753), ("312 lượt xem", 312),
    ("Lượt xem: 203 lượt xem", 203), ("Ngày đăng: 09/07/2021 | Lượt xem: 167", 167),
    ("Thứ Hai, 05/04/2021 22:584120 lượt xem", 4120),
])
def test_view_counter_wordings(meta, views):
    assert find_views(page(f"Tiêu đề quý I năm 2021\n{meta}\n\n{BODY}\n"))[0] == views


def test_view_counter_after_the_byline():
    p = page(f"Tiêu đề quý I năm 2021\n\n{BODY}\n\nThế Công\nLượt xem: 2189\n")
    assert find_views(p)[0] == 2189 and find_author(p) == "Thế Công"


@pytest.mark.parametrize("block, want", [
    ("Thống kê truy cập\n  • Đang online: 11\n  • Hôm nay: 94\n  • Trong tuần: 930\n  • Tất cả: 331,618",
     {"online": 11, "today": 94, "week": 930, "total": 331618}),
    ("Thống kê truy cập\nĐang truy cập: 4\nHôm nay: 187\nTháng hiện tại: 5,320\nTổng lượt truy cập: 846,913",
     {"online": 4, "today": 187, "month": 5320, "total": 846913}),
    ("Thống kê truy cập\nHôm nay : 341\nTháng 10 : 7.618\nNăm 2021 : 112.480",
     {"today": 341, "month": 7618, "year": 112480}),
])
def test_site_stats_wordings(block, want):
    stats, _ = find_site_stats(page(f"Tiêu đề quý I năm 2021\n\n{BODY}\n\n{block}\nĐăng nhập\n"))
    assert {k: v for k, v in stats.items() if v is not None} == want


def test_one_line_visit_counter_under_the_byline_is_chrome():
    # A province portal's footer counter with no heading, right under "Tác giả:": the label
    # "Truy cập trong ngày" is "today" with "truy cập" in front; the line ends the article.
    p = page(f"Tiêu đề năm 2022\nLượt xem : 3,105\n\n{BODY}\nTác giả: Vân Thanh\n"
             "Truy cập trong ngày: 2.811 | Tổng lượt truy cập: 7.902.114\n")
    stats, _ = find_site_stats(p)
    assert {k: v for k, v in stats.items() if v is not None} == {"today": 2811, "total": 7902114}
    assert find_author(p) == "Vân Thanh"
    assert p.body[-1].text == BODY


def test_counter_fields_alone_on_the_last_line_are_chrome():
    p = page(f"Tiêu đề năm 2022\n\n{BODY}\nThu Hà\nHôm nay: 2.811 | Tất cả: 7.902.114\n")
    stats, _ = find_site_stats(p)
    assert {k: v for k, v in stats.items() if v is not None} == {"today": 2811, "total": 7902114}
    assert find_author(p) == "Thu Hà"


def test_prose_is_not_a_counter():
    assert find_site_stats(page(f"Tiêu đề\n\n{BODY}\nTất cả các xã đều tham gia.\n")) is None


@pytest.mark.parametrize("tail, author", [
    ("Hà Dinh", "Hà Dinh"), ("NGỌC ÁNH", "NGỌC ÁNH"), ("Tác giả: Phạm Hằng", "Phạm Hằng"),
    ("P.Hằng", "P.Hằng"), ("T. DANH", "T. DANH"),
    ("Tác giả: Hà Dinh – Ban Dân vận Thị ủy", "Hà Dinh"),
    ("CTV Thúy Văn", "Thúy Văn"),
])
def test_bylines_at_the_end(tail, author):
    p = page(f"Tiêu đề quý I năm 2021\nLượt xem: 5\n\n{BODY}\n{tail}\nThông tin mới nhất\n")
    assert find_author(p) == author


def test_photo_credit_is_not_the_author():
    p = page(f"Tiêu đề\n\n{BODY}\nLãnh đạo huyện trao quà. Ảnh: Văn Tuấn\n{BODY}\n")
    assert find_author(p) is None


def test_byline_at_the_top():
    p = page(f"Tiêu đề quý I năm 2021\n\nĐÔNG HIẾU | {BODY}\n")
    assert find_author(p) == "ĐÔNG HIẾU"


@pytest.mark.parametrize("title, body, want", [
    ("Kết quả công tác dân vận của Đảng bộ thị xã Sa Pa quý I năm 2021", BODY,
     ("Sa Pa", "thị xã", "Lào Cai")),
    ("Bảo Thắng: kết quả công tác dân vận quý II năm 2021",
     "Quý II năm 2021, huyện Bảo Thắng tổ chức bầu cử.", ("Bảo Thắng", "huyện", "Lào Cai")),
    ("Ban Dân vận Thị uỷ Sa Pa: kết quả quý IV năm 2020", BODY, ("Sa Pa", "thị xã", "Lào Cai")),
    ("Sơ kết công tác dân vận 9 tháng năm 2021",
     "Ban Dân vận Huyện ủy Bảo Thắng tổ chức hội nghị tại xã Xuân Quang.",
     ("Bảo Thắng", "huyện", "Lào Cai")),
    ("Kết quả công tác dân vận huyện Tân Phú quý I năm 2021",
     "Huyện Tân Phú, tỉnh Đồng Nai đã tổ chức hội nghị.", ("Tân Phú", "huyện", "Đồng Nai")),
])
def test_locality(title, body, want):
    assert find_locality(page(f"{title}\n\n{body}\n"))[:3] == want


@pytest.mark.parametrize("title, body, want", [
    # a commune known in several provinces: the page's own unit word picks the Lào Cai one
    ("Nghĩa Đô: kết quả công tác dân vận quý II/2020",
     "Trong quý II năm 2020, Khối dân vận xã bám sát chương trình công tác.",
     ("Nghĩa Đô", "xã", "Lào Cai")),
    # a district named in two provinces, told apart by its unit word
    ("Tân Uyên: kết quả công tác dân vận quý 2 năm 2020",
     "Trong quý II năm 2020, Đảng bộ huyện tập trung lãnh đạo.", ("Tân Uyên", "huyện", "Lai Châu")),
    # the page's own word wins over the unit's later type (Mộc Châu became a thị xã in 2025)
    ("Công tác dân vận quý III.2020 ở Mộc Châu", "Ban Dân vận Huyện ủy Mộc Châu tổ chức hội nghị.",
     ("Mộc Châu", "huyện", "Sơn La")),
    # a roman numeral in the title is a quarter, not "phường I"
    ("Kết quả công tác dân vận quý I", "Ban Dân vận Huyện ủy Bắc Quang tổ chức hội nghị.",
     ("Bắc Quang", "huyện", "Hà Giang")),
])
def test_locality_from_the_national_gazetteer(title, body, want):
    assert find_locality(page(f"{title}\n\n{body}\n"))[:3] == want


def test_byline_straight_under_the_title():
    p = page(f"Tiêu đề quý I năm 2021\nLượt xem: 5\n\nMinh Ngọc- Thu Hà\n{BODY}\n{BODY}\n")
    assert find_author(p) == "Minh Ngọc- Thu Hà" and p.body[0].text == BODY


def test_counters_placed_before_the_article():
    p = page(f"Tiêu đề quý I năm 2021\nLượt truy cập\nThống kê: 1.234\nOnline: 5\n\n{BODY}\n")
    stats, _ = find_site_stats(p)
    assert (stats["total"], stats["online"]) == (1234, 5)
    assert all("Thống kê" not in ln.text for ln in p.body)


@pytest.mark.parametrize("dateline", ["12 Tháng 7 2021", "2021-07-12T08:30:00+07:00",
                                      "Thứ 6, 12.07.2021 | 08:30:15"])
def test_datelines_are_not_the_article(dateline):
    p = page(f"Tiêu đề quý I năm 2021\n{dateline}\n\n{BODY}\n")
    assert p.body[0].text == BODY
