"""Page regions of real portal pages (issue 7 item 5, FORMS.md §10): the title is found under
site headers, menus, document headers and counters; a one-paragraph page is still an article."""

import pytest

from analysis.extract import extract_page
from analysis.tables import extract_bytes
from analysis.text.page import page_from_text

LEAD = ("Quý I năm 2024, Ban Dân vận Huyện ủy Thuận Châu tham mưu thực hiện Nghị quyết số "
        "43-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương, vận động được 1,18 tỷ đồng.")
TITLE = "Thuận Châu: công tác dân vận quý I đạt nhiều kết quả"


def page(text):
    return page_from_text(text, "t.txt")


@pytest.mark.parametrize("above", [
    # the portal's name in capitals and its menu
    "CỔNG THÔNG TIN ĐIỆN TỬ\nHUYỆN THUẬN CHÂU\nTrang chủ | Giới thiệu | Tin tức - Sự kiện | Văn bản",
    # breadcrumbs
    "Trang chủ > Tin tức > Dân vận",
    # a visit-counter widget above the article
    "Lượt truy cập\nThống kê: 1.245.310\nOnline: 37",
    # a weekday dateline and a crawl stamp
    " date 2024-04-08\nThứ Tư, 25/12/2024",
])
def test_title_under_chrome(above):
    p = page(f"{above}\n{TITLE}\nLượt xem: 1168\n\n{LEAD}\n")
    assert p.title.text == TITLE and p.body[0].text == LEAD


def test_document_header_above_the_title():
    head = ("ĐẢNG BỘ HUYỆN BẠCH THÔNG\nĐẢNG ỦY XÃ VI HƯƠNG\n*\nSố 112-BC/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
            "Vi Hương, ngày 15 tháng 12 năm 2020\n\nBÁO CÁO\n")
    p = page(f"{head}Kết quả công tác dân vận năm 2020, phương hướng nhiệm vụ năm 2021\n\n{LEAD}\n")
    assert p.title.text.startswith("Kết quả công tác dân vận năm 2020")
    assert [ln.text for ln in p.header][:2] == ["ĐẢNG BỘ HUYỆN BẠCH THÔNG", "ĐẢNG ỦY XÃ VI HƯƠNG"]


def test_title_in_capitals_with_its_meta_line_is_the_title():
    p = page(f"BÁO CÁO CÔNG TÁC DÂN VẬN THÁNG 01 NĂM 2021\nĐăng ngày: 01/02/2021\n\n{LEAD}\n")
    assert p.title.text == "BÁO CÁO CÔNG TÁC DÂN VẬN THÁNG 01 NĂM 2021" and not p.header


def test_dateline_glued_in_front_of_the_title():
    p = page(f"25/12/2024 14:30 {TITLE}\n\n{LEAD}\n")
    assert p.title.text == TITLE and p.meta[-1].text.startswith("25/12/2024")


@pytest.mark.parametrize("text", [
    f"{LEAD}\n",                                      # a one-paragraph page
    f"Thứ Hai, 08/04/2024 10:25\n{LEAD}\n",            # a first line that is a dateline
    f"Lượt truy cập\nThống kê: 1.234\nOnline: 5\n\n{TITLE}\n\n{LEAD}\n",
])
def test_every_page_form_gives_a_report_and_its_facts(text):
    res = extract_bytes(text.encode(), "p.txt")
    assert res.error is None
    rows = res.rows
    assert len(rows["reports"]) == 1
    assert [d["code"] for d in rows["doc_refs"]] == ["43-NQ/TW"]
    assert [a["amount_vnd"] for a in rows["amounts"]] == [1_180_000_000]
    assert rows["reports"][0]["locality"] == "Thuận Châu"


def test_hard_wrapped_lines_form_one_block():
    p = page("Tổng kết năm 2021\n\nThu nhập bình quân đạt 52 triệu\nđồng/người/năm. Hết.\n")
    assert [b.text for b in p.blocks][-1] == "Thu nhập bình quân đạt 52 triệu\nđồng/người/năm. Hết."


def test_synthetic_marker_line_is_not_special():
    """Segmentation knows nothing of the synthetic generator: its note is an ordinary line."""
    p = page(f"{TITLE}\n\n{LEAD}\n(Dữ liệu tổng hợp – trang mẫu)\n\nHà Dinh\n")
    assert p.body[-1].text == "(Dữ liệu tổng hợp – trang mẫu)" and p.byline.text == "Hà Dinh"


def test_category_label_above_the_title():
    p = page(f"Tin tức\nHoạt động dân vận\n{TITLE}\nLượt xem: 5\n\n{LEAD}\n")
    assert p.title.text == TITLE and [h.text for h in p.header] == ["Tin tức", "Hoạt động dân vận"]


def test_weekday_dateline_with_time_above_the_title_is_not_the_title():
    # A dateline alone above the title: its time must not be taken for the start of a title
    # glued to it (generated pages, seed 2026: the title was "Thứ Năm, 08/10/2020 08:32").
    text = ("Thứ Năm, 08/10/2020 08:32\n"
            "Ban Dân vận Huyện ủy Chợ Gạo: kết quả công tác dân vận quý III năm 2020\n"
            "Lượt xem: 53\n\n"
            "Quý III vừa qua, tình hình Nhân dân trên địa bàn huyện Chợ Gạo, tỉnh Tiền Giang "
            "cơ bản ổn định.\n")
    page = page_from_text(text, "cho-gao.txt")
    assert page.title.text.startswith("Ban Dân vận Huyện ủy Chợ Gạo")
    assert extract_page(page).report["views"] == 53


def test_two_name_byline_above_a_one_paragraph_article():
    # FORMS §9: a name line "<A>- <B>" straight under the title, the article one paragraph.
    p = page_from_text("20/11/2024 14:30\nPhường Đông Lương phát huy vai trò Nhân dân\n"
                       "Minh Đức- Hải Yến\nTừ đầu năm đến nay, Đảng ủy phường Đông Lương đã lãnh "
                       "đạo Mặt trận và các đoàn thể đẩy mạnh cuộc vận động.\n", "t.txt")
    assert p.byline is not None and p.byline.text == "Minh Đức- Hải Yến"
    assert len(p.body) == 1 and p.body[0].text.startswith("Từ đầu năm")


def test_title_printed_twice_then_its_dateline():
    # FORMS §10: duplicated titles; the dateline under the copy still dates the page.
    title = "Thanh Sơn: Sơ kết 3 năm thực hiện Chỉ thị số 05-CT/TU của Ban Thường vụ Tỉnh ủy"
    p = page_from_text(f"{title}\n{title}\nNgày đăng: 17/09/2021\n\nCTTĐT - Ngày 16/9, Ban "
                       "Thường vụ Huyện ủy Thanh Sơn tổ chức hội nghị sơ kết.\n", "t.txt")
    assert extract_page(p).report["published_on"].isoformat() == "2021-09-17"
    assert p.body[0].text.startswith("CTTĐT")


@pytest.mark.parametrize("info, want", [
    # the date in the same info list as the counter
    ('<ul class="info-news"><li>• Ngày đăng: 06/10/2021</li><li>• Lượt xem: 2468 lượt xem</li></ul>',
     "2021-10-06"),
    # a post date with no "năm" (FORMS §10: "DD Tháng M YYYY")
    ('<div class="post-date">08 Tháng 10 2024</div>', "2024-10-08"),
])
def test_posting_date_forms_in_html(info, want):
    html = (f"<html><body><h1>Công tác dân vận quý III/2021</h1>{info}<div class='content-news'>"
            f"<p>{LEAD}</p><p>{LEAD}</p></div></body></html>")
    p = page_from_text(html, "t.html", is_html=True)
    assert extract_page(p).report["published_on"].isoformat() == want


def test_byline_glued_after_the_last_clause_comma_leaves_the_body():
    # held-out set 3: "… bình chọn mô hình "Dân vận khéo" năm 2024, Hoàng Lan/ĐN"
    p = page("Đà Nẵng: Sơ kết công tác dân vận 6 tháng đầu năm 2024\n\nBan Dân vận Thành ủy tổ "
             "chức hội nghị.\nXây dựng tiêu chí bình chọn mô hình \"Dân vận khéo\" năm 2024, "
             "Hoàng Lan/ĐN\n• Từ khóa: dân vận\n")
    assert p.byline.text == "Hoàng Lan/ĐN"
    assert p.body[-1].text.endswith("năm 2024,") and "Hoàng Lan" not in p.text[p.body_start:p.body_end]
