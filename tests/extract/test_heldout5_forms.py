"""Rules for forms met on held-out set 5 (pages written independently of the rules, now in
``tests/fixtures/corpus-forms``): each case carries a sentence in the form that motivated its
rule."""

import pytest

from analysis.extract import extract_page
from analysis.extract.bylines import find_author
from analysis.extract.counters import find_views
from analysis.text.page import page_from_text

LEAD = "Ban Dân vận Huyện ủy tổ chức hội nghị, các đoàn thể tham gia đầy đủ, đạt nhiều kết quả."
TITLE = "Huyện ủy Mường Tè giao ban công tác dân vận quý II năm 2022"


def page(text, name="t.txt"):
    return page_from_text(text, name)


# --- the end of the article -----------------------------------------------------------------

@pytest.mark.parametrize("heading", ["Tin khác:", "Các tin khác:", "Các tin đã đưa:",
                                     "Tin liên quan:"])
def test_a_related_news_heading_with_a_colon_ends_the_article(heading):
    text = (f"{TITLE}\n\n{LEAD}\n\nQuý III, khối dân vận tập trung vận động nhân dân thu hoạch "
            f"lúa hè thu.\n\nMinh Khoa – Ban Dân vận Huyện ủy\nLượt xem: 214\n\n{heading}\n"
            "- Mường Tè: trao 12 nhà Đại đoàn kết cho hộ nghèo (20/06/2022)\n")
    p = page(text)
    assert find_author(p) == "Minh Khoa"
    assert find_views(p)[0] == 214
    assert not any("nhà Đại đoàn kết" in t["text"] for t in extract_page(p).tasks)


@pytest.mark.parametrize("attachment", [
    "Tập tin đính kèm: bao-cao-quy-2.pdf (Lượt tải: 9)",
    "Tải về: bao_cao_quy_2.pdf | Lượt tải: 9",
])
def test_an_attachment_line_after_the_byline_is_not_article_text(attachment):
    p = page(f"{TITLE}\n\n{LEAD}\n{LEAD}\nK. LOAN\n{attachment}\n")
    assert find_author(p) == "K. LOAN"
    assert all("đính kèm" not in ln.text and "Tải về" not in ln.text for ln in p.body)


def test_the_site_owner_footer_under_the_counter_is_chrome():
    text = (f"{TITLE}\n\n{LEAD}\n{LEAD}\nTác giả: quantrimuongte quantrimuongte\nLượt xem: 58\n\n"
            "Ủy ban nhân dân xã Mường Tè - huyện Mường Tè - tỉnh Lai Châu\n")
    p = page(text)
    assert find_views(p)[0] == 58
    assert find_author(p) is None   # a CMS account
    assert p.chrome[0].text.startswith("Ủy ban nhân dân xã")


@pytest.mark.parametrize("line", [
    # a sentence of the article that names a place chain
    "Đảng ủy xã Bum Tở, huyện Mường Tè đã lãnh đạo tốt công tác dân vận",
    # one unit alone is a signature's issuing office, not an owner's footer
    "Ủy ban nhân dân xã Bum Tở",
    # lower-case words after the unit word are no place names
    "UBND xã tổ chức họp, huyện hỗ trợ kinh phí",
])
def test_lines_that_are_not_an_owner_footer_stay_in_the_article(line):
    p = page(f"{TITLE}\n\n{LEAD}\n{LEAD}\n{line}\n")
    assert p.body[-1].text == line
