"""Rules for forms met on held-out set 6 (pages written independently of the rules, now in
``tests/fixtures/corpus-forms``): each case carries a sentence in the form that motivated its
rule."""

import pytest

from analysis.extract import extract_page
from analysis.extract.bylines import find_author
from analysis.extract.counters import find_views
from analysis.text.page import page_from_text

LEAD = "Ban Dân vận Huyện ủy tổ chức hội nghị, các đoàn thể tham gia đầy đủ, đạt nhiều kết quả."
TITLE = "Huyện ủy Đăk Hà giao ban công tác dân vận quý III năm 2020"


def page(text, name="t.txt"):
    return page_from_text(text, name, is_html=name.endswith(".html"))


# --- by-lines -------------------------------------------------------------------------------

def test_a_byline_labelled_tin_with_a_colon():
    p = page(f"{TITLE}\n\n{LEAD}\n{LEAD}\nTin: Mai Hương\n")
    assert find_author(p) == "Mai Hương"


def test_a_heading_opening_with_tin_is_no_byline():
    p = page(f"{TITLE}\n\n{LEAD}\n{LEAD}\nTin Tức Sự Kiện\n")
    assert find_author(p) is None


def test_the_writers_role_in_parentheses_after_the_name():
    p = page(f"{TITLE}\n\n{LEAD}\n{LEAD}\nY Hiền (CTV)\n")
    assert find_author(p) == "Y Hiền"


def test_the_print_and_share_tools_after_the_byline_are_not_article_text():
    p = page(f"{TITLE}\n\n{LEAD}\n{LEAD}\nLò Hương\nIn trang Gửi email Về đầu trang\n")
    assert find_author(p) == "Lò Hương"
    assert p.body[-1].text == LEAD


def test_a_sentence_opening_with_in_trang_phuc_stays_in_the_article():
    line = "In trang phục dân tộc lên áo đồng phục là sáng kiến của Hội Phụ nữ."
    p = page(f"{TITLE}\n\n{LEAD}\n{line}\n")
    assert p.body[-1].text == line


def test_a_labelled_byline_opening_the_info_line_under_the_title():
    text = (f"{TITLE}\nTác giả: Minh Nhựt | 08/01/2020 10:25 | Lượt xem: 2,438\n\n{LEAD}\n"
            f"{LEAD}\n")
    p = page(text)
    assert find_author(p) == "Minh Nhựt"
    assert find_views(p)[0] == 2438
    assert str(extract_page(p).report["published_on"]) == "2020-01-08"
    assert p.body[0].text == LEAD


def test_a_heading_inside_the_body_container_after_a_breadcrumb():
    html = ("<html><head><title>Giao ban dân vận quý IV</title></head><body><div id='main'>"
            "<div class='bc'><a href='/'>Trang chủ</a> / Tin tức - Sự kiện / Đảng - Đoàn thể</div>"
            "<h1>Phú Giáo: Kết quả công tác dân vận quý IV năm 2019</h1>"
            "<div class='sub'>Tác giả: Minh Nhựt | 08/01/2020 10:25 | Lượt xem: 2,438</div>"
            f"<p>{LEAD}</p><p>{LEAD}</p></div></body></html>")
    p = page(html, "t.html")
    assert p.title.text.startswith("Phú Giáo:")
    assert find_author(p) == "Minh Nhựt"
    assert find_views(p)[0] == 2438
    assert not any("Trang chủ" in ln.text for ln in p.body)
