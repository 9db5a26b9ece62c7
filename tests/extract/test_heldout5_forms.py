"""Rules for forms met on held-out set 5 (pages written independently of the rules, now in
``tests/fixtures/corpus-forms``): each case carries a sentence in the form that motivated its
rule."""

import pytest

from analysis.extract import extract_page
from analysis.extract.bylines import find_author
from analysis.extract.counters import find_site_stats, find_views
from analysis.extract.documents import find_documents
from analysis.extract.locality import find_locality
from analysis.text.address import PageAddress
from analysis.text.page import page_from_text
from tests.extract.pages import LEAD, page

TITLE = "Huyện ủy Mường Tè giao ban công tác dân vận quý II năm 2022"


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


# --- saved HTML -----------------------------------------------------------------------------

def _html(between, body="<p>Quý II, các đoàn thể vận động nhân dân đóng góp 2,3 tỷ đồng làm "
                        "đường giao thông nông thôn.</p><p>Nhiệm vụ quý III: tổ chức Ngày hội Đại "
                        "đoàn kết.</p>"):
    return ("<html><head><title>Tin | Cổng TTĐT huyện Mường Tè</title></head><body>"
            "<div class='header'><h1 class='site'>HUYỆN MƯỜNG TÈ - TỈNH LAI CHÂU</h1></div>"
            "<div class='col-main'><h2 class='news-title'>Giao ban công tác dân vận quý II năm "
            f"2022</h2>{between}<div class='news-body'>{body}</div></div></body></html>")


def test_the_info_line_and_sapo_between_the_heading_and_the_body_are_the_articles():
    markup = _html("<div class='news-info'><span class='ngay'>Cập nhật: 30/06/2022 </span>"
                   "<span class='gio'>09:40</span><span class='luotxem'>615</span></div>"
                   "<div class='news-sapo'>MINH KHOA | Sáng 28/6, Ban Dân vận Huyện ủy tổ chức "
                   "giao ban quý II; nhân dân đóng góp 2,3 tỷ đồng làm đường.</div>")
    p = page(markup, "t.html")
    assert p.title.text == "Giao ban công tác dân vận quý II năm 2022"
    assert p.body[0].text.startswith("MINH KHOA | Sáng 28/6")
    assert find_author(p) == "MINH KHOA"
    assert find_views(p)[0] == 615   # the count glued to the clock once the spans are joined
    # the sapo's figure is the one the body gives again: one fact
    assert [a["amount_vnd"] for a in extract_page(p).amounts] == [2_300_000_000]


def test_a_site_name_h1_in_the_page_header_is_not_the_title():
    p = page(_html(""), "t.html")
    assert p.title.text.startswith("Giao ban công tác dân vận")


def test_a_headline_figure_stated_again_only_in_the_lead_is_one_fact():
    text = ("Mường Tè: nhân dân đóng góp hơn 3,1 tỷ đồng xây dựng nông thôn mới năm 2022\n\n"
            "Ngày 20/12, Ban Dân vận Huyện ủy tổng kết năm 2022; nhân dân đóng góp hơn 3,1 tỷ đồng "
            "xây dựng nông thôn mới.\n" + LEAD + "\n")
    assert [a["amount_vnd"] for a in extract_page(page(text)).amounts] == [3_100_000_000]


def test_a_visits_box_headed_without_a_colon_is_the_site_counter():
    markup = ("<html><body>\n<div class='column-left'>\n  <div class='panel'>\n"
              "    <div class='panel-heading'>Lượt truy cập</div>\n    <div class='panel-body'>\n"
              "      <p>Online: 4</p>\n      <p>Thống kê: 120.455</p>\n    </div>\n  </div>\n"
              "</div>\n<div class='news_detail'><h1>Giao ban công tác dân vận tháng 5 năm 2023</h1>"
              "<p>Chiều 31/5, Ban Dân vận Thị ủy tổ chức giao ban tháng 5.</p>"
              "<p>Nhiệm vụ tháng 6: tuyên truyền Ngày Môi trường thế giới.</p></div></body></html>")
    stats, _ = find_site_stats(page(markup, "t.html"))
    assert (stats["online"], stats["total"]) == (4, 120_455)


# --- locality -------------------------------------------------------------------------------

ADDRESS = PageAddress(url="https://muongte.laichau.gov.vn/tin-tuc/giao-ban-dan-van-quy-ii-2022")


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_a_breadcrumb_ending_in_an_organisation_does_not_name_the_title(gap):
    # the page names no place: the address decides, not the title's first word
    text = (f"Trang chủ / Tin tức / Hoạt động của Huyện ủy{gap}Giao ban công tác dân vận quý II "
            "năm 2022\nThứ Năm, 07/07/2022 08:30\n\nSáng 5/7, Ban Dân vận Huyện ủy tổ chức hội "
            "nghị giao ban; các đoàn thể của huyện tham dự.\n" + LEAD + "\n")
    p = page_from_text(text, "t.txt", address=ADDRESS)
    assert find_locality(p)[:3] == ("Mường Tè", "huyện", "Lai Châu")


def test_a_title_ending_in_an_organisation_does_not_name_the_lead_first_word():
    text = ("Kết quả công tác dân vận quý II năm 2022 của Huyện ủy\n\nSáng 5/7, Ban Dân vận Huyện ủy "
            "tổ chức hội nghị giao ban.\n" + LEAD + "\n")
    p = page_from_text(text, "t.txt", address=ADDRESS)
    assert find_locality(p).name == "Mường Tè"


def test_a_hard_wrap_inside_a_paragraph_still_joins_unit_word_and_name():
    text = ("Tổng kết công tác dân vận năm 2022\n\nNgày 20/12, Ban Chấp hành Đảng bộ xã\n"
            "Bum Tở tổ chức hội nghị tổng kết công tác dân vận năm 2022.\n" + LEAD + "\n")
    assert find_locality(page(text))[:2] == ("Bum Tở", "xã")


# --- documents ------------------------------------------------------------------------------

@pytest.mark.parametrize("before, code, issuer, level", [
    # a Front committee named before "ban hành": its unit word gives the level
    ("Ngày 3-10-2023, Ban Thường trực Ủy ban MTTQ Việt Nam huyện ban hành", "52/KH-MTTQ-BTT",
     "Ban Thường trực Ủy ban MTTQ Việt Nam huyện", "district"),
    ("Tháng 9/2023, Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh đã ban hành", "52/KH-MTTQ-BTT",
     "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh", "province"),
    # "đã" (written with Đ) is no part of the issuer
    ("Ngày 2/3/2023, Ban Thường vụ Huyện ủy Mường Tè đã ban hành", "52-KH/HU",
     "Ban Thường vụ Huyện ủy Mường Tè", "district"),
    # the committee a body advised is named with "tham mưu" before "ban hành"
    ("Ngay sau Đại hội, Đảng ủy xã tham mưu ban hành", "52-KH/ĐU", "Đảng ủy xã", "commune"),
    # the standing committee of the National Assembly, not a "Ban Thường vụ"
    ("Ngày 24/5/2023, Ủy ban Thường vụ Quốc hội đã ban hành", "812/KH-UBTVQH15",
     "Ủy ban Thường vụ Quốc hội", "central"),
])
def test_an_issuer_named_before_the_document(before, code, issuer, level):
    text = (f"Tiêu đề năm 2023\n\n{before} Kế hoạch số {code} về vận động Quỹ “Vì người nghèo” "
            "năm 2023.\n")
    d = find_documents(page(text), "huyện")[0]
    assert (d.issuer, d.level) == (issuer, level)


def test_a_joint_programme_is_issued_by_its_first_party():
    text = ("Tiêu đề năm 2021\n\nCác cấp thực hiện Chương trình phối hợp số 07/CTr-MTTQ-BTT ngày "
            "12/02/2021 giữa Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh với Sở Tài nguyên và Môi "
            "trường về giám sát bảo vệ môi trường.\n")
    d = find_documents(page(text), "tỉnh")[0]
    assert (d.issuer, d.level) == ("Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh", "province")


@pytest.mark.parametrize("sentence, numbers", [
    # a verb with a count of units is no document
    ("Ban Dân vận Tỉnh ủy hướng dẫn 9 huyện, thành phố nhân rộng mô hình “Dân vận khéo”.", []),
    ("Các xã xây dựng kế hoạch 5 năm phát triển kinh tế - xã hội.", []),
    # a document cited by its capitalised word, or with "số", stays a document
    ("Các chi bộ tiếp tục thực hiện Chỉ thị 05 của Bộ Chính trị.", ["05"]),
    ("Các ngành triển khai hướng dẫn số 12 của Ban Tuyên giáo Tỉnh ủy.", ["12"]),
])
def test_a_bare_number_after_a_lower_case_document_word(sentence, numbers):
    docs = find_documents(page(f"Tiêu đề năm 2022\n\n{sentence}\n"), "tỉnh")
    assert [d.number for d in docs] == numbers


def test_an_issuer_advised_by_another_body_is_the_one_named_last():
    text = ("Tiêu đề năm 2023\n\nBan Dân vận Huyện ủy đã tham mưu Ban Thường vụ Huyện ủy ban hành "
            "Kế hoạch số 61-KH/HU ngày 10/02/2023 về công tác dân vận năm 2023.\n")
    assert find_documents(page(text), "huyện")[0].issuer == "Ban Thường vụ Huyện ủy"
