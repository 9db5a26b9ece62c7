"""Locality (issue 7 items 1 and 3): only a unit word, a unit's organisation, the title or the
page's address ties a place to the report; each case is a sentence seen on a real page."""

import json

import pytest

from analysis.extract.locality import find_locality
from analysis.tables import extract_bytes
from analysis.text.address import PageAddress, read_sidecar
from analysis.text.decode import PageDecodeError
from analysis.text.page import page_from_text

LEAD = "Trong năm 2024, công tác dân vận được triển khai đồng bộ, đạt nhiều kết quả."


def loc(text, address=None):
    return find_locality(page_from_text(text, "t.txt", address=address))


@pytest.mark.parametrize("text", [
    # chrome, weekdays, people, committees and the country are never places
    f"Trang chủ\nTin tức\n\n{LEAD}\n",
    f"Thứ Tư, 25/12/2024\nSơ kết công tác dân vận năm 2024\n\n{LEAD}\n",
    f"Đồng chí Nguyễn Văn Phú làm việc với cơ sở\n\n{LEAD}\n",
    f"Ban Chỉ đạo tổng kết công tác dân vận năm 2024\n\n{LEAD}\n",
    f"Mặt trận Tổ quốc Việt Nam tổng kết năm 2024\n\n{LEAD}\n",
    f"Nông trường Tân Lập tổng kết công tác dân vận\n\n{LEAD}\n",
    f"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n{LEAD}\n",
])
def test_words_that_are_not_places(text):
    assert loc(text)[:3] == (None, None, None)


@pytest.mark.parametrize("title, want", [
    # all-caps headings: whole names, canonical spelling
    ("ĐẢNG ỦY XÃ VI HƯƠNG TỔNG KẾT CÔNG TÁC DÂN VẬN NĂM 2024", ("Vi Hương", "xã", "Bắc Kạn")),
    ("BAN DÂN VẬN HUYỆN ỦY THUẬN CHÂU SƠ KẾT 6 THÁNG", ("Thuận Châu", "huyện", "Sơn La")),
    ("HUYỆN VĂN CHẤN: KẾT QUẢ CÔNG TÁC DÂN VẬN NĂM 2024", ("Văn Chấn", "huyện", "Yên Bái")),
    # a lower-case second syllable
    ("Kết quả công tác dân vận huyện Sa pa quý I năm 2019", ("Sa Pa", "huyện", "Lào Cai")),
    # province- and city-level reports
    ("Tỉnh ủy Yên Bái tổng kết công tác dân vận năm 2019", ("Yên Bái", "tỉnh", "Yên Bái")),
    ("Ban Dân vận Thành ủy Đà Nẵng sơ kết 6 tháng đầu năm 2023",
     ("Đà Nẵng", "thành phố", "Đà Nẵng")),
    ("Hội Nông dân tỉnh Quảng Nam tổng kết năm 2022", ("Quảng Nam", "tỉnh", "Quảng Nam")),
    ("TP. Hồ Chí Minh: kết quả công tác dân vận năm 2022", ("Hồ Chí Minh", "thành phố",
                                                          "Hồ Chí Minh")),
    # the organisation of a unit beats a place it visits
    ("Ban Dân vận Huyện ủy Bảo Thắng làm việc tại xã Xuân Quang", ("Bảo Thắng", "huyện", "Lào Cai")),
])
def test_title_forms(title, want):
    assert loc(f"{title}\n\n{LEAD}\n")[:3] == want


def test_a_name_broken_by_a_line():
    body = f"{LEAD} Đảng ủy xã\nTrà Tân tổ chức hội nghị; xã Trà Tân, huyện Đức Linh đạt kết quả."
    assert loc(f"Sơ kết công tác dân vận năm 2024\n\n{body}\n")[:3] == (
        "Trà Tân", "xã", "Bình Thuận")


def test_same_name_in_two_provinces_needs_evidence():
    title = "Kết quả công tác dân vận huyện Châu Thành quý IV năm 2021"
    assert loc(f"{title}\n\n{LEAD}\n")[:3] == ("Châu Thành", "huyện", None)
    assert loc(f"{title}\n\n{LEAD} Huyện Châu Thành, tỉnh Bến Tre tổ chức hội nghị.\n")[:3] == (
        "Châu Thành", "huyện", "Bến Tre")
    addr = PageAddress(url="https://chauthanh.tiengiang.gov.vn/tin-tuc/ket-qua-123")
    assert loc(f"{title}\n\n{LEAD}\n", addr)[:3] == ("Châu Thành", "huyện", "Tiền Giang")


@pytest.mark.parametrize("url, want", [
    ("https://bathuoc.thanhhoa.dcs.vn/tin-tuc/so-ket-6-thang-2023", ("Bá Thước", "huyện", "Thanh Hóa")),
    ("http://sapa.laocai.gov.vn/tin-tuc/nam-2-24-1234567", ("Sa Pa", "thị xã", "Lào Cai")),
    ("https://bandanvan.laocai.org.vn/tin/123", ("Lào Cai", "tỉnh", "Lào Cai")),
])
def test_locality_from_the_portal_domain(url, want):
    got = loc(f"Sơ kết công tác dân vận 6 tháng đầu năm 2023\n\n{LEAD}\n", PageAddress(url=url))
    assert got == (*want, "tên miền")


def test_text_decides_before_the_domain():
    got = loc(f"Huyện ủy Bảo Yên sơ kết 6 tháng đầu năm 2023\n\n{LEAD}\n",
              PageAddress(url="https://bathuoc.thanhhoa.dcs.vn/x"))
    assert got == ("Bảo Yên", "huyện", "Lào Cai", "tiêu đề")


def test_site_name_names_the_unit():
    got = loc(f"Sơ kết công tác dân vận 6 tháng đầu năm 2023\n\n{LEAD}\n",
              PageAddress(site_name="Cổng thông tin điện tử huyện Bá Thước"))
    assert got == ("Bá Thước", "huyện", "Thanh Hóa", "tên trang")


def test_html_canonical_and_site_name_are_read():
    html = ("<html><head><link rel='canonical' href='https://sapa.laocai.gov.vn/tin/1'>"
            "<meta property='og:site_name' content='Cổng TTĐT thị xã Sa Pa'>"
            "<meta property='article:published_time' content='2021-04-05T08:30:00+07:00'>"
            "</head><body><h1>Sơ kết công tác dân vận quý I năm 2021</h1>"
            f"<div class='post-content'><p>{LEAD}</p></div></body></html>")
    res = extract_bytes(html.encode(), "p.html")
    r = res.rows["reports"][0]
    assert (r["source_url"], r["site_name"], str(r["published_on"])) == (
        "https://sapa.laocai.gov.vn/tin/1", "Cổng TTĐT thị xã Sa Pa", "2021-04-05")
    assert (r["locality"], r["locality_type"], r["province"]) == ("Sa Pa", "thị xã", "Lào Cai")


def test_text_page_sidecars(tmp_path):
    page = tmp_path / "bai.txt"
    page.write_text(f"Sơ kết công tác dân vận 6 tháng đầu năm 2023\n\n{LEAD}\n", encoding="utf-8")
    (tmp_path / "bai.url").write_text("https://bathuoc.thanhhoa.dcs.vn/tin/9\n", encoding="utf-8")
    r = extract_bytes(page.read_bytes(), "bai.txt", page).rows["reports"][0]
    assert (r["locality"], r["province"], r["source_url"]) == (
        "Bá Thước", "Thanh Hóa", "https://bathuoc.thanhhoa.dcs.vn/tin/9")
    (tmp_path / "bai.url").unlink()
    (tmp_path / "bai.meta.json").write_text(json.dumps(
        {"url": "sapa.laocai.gov.vn/tin/2", "published": "05/04/2021", "site": "Cổng TTĐT"}),
        encoding="utf-8")
    addr = read_sidecar(page)
    assert addr.url == "sapa.laocai.gov.vn/tin/2" and str(addr.published) == "2021-04-05"
    r = extract_bytes(page.read_bytes(), "bai.txt", page).rows["reports"][0]
    assert (r["locality"], str(r["published_on"])) == ("Sa Pa", "2021-04-05")


@pytest.mark.parametrize("name, content, reason", [
    ("bai.meta.json", "{url: x", "not UTF-8 JSON"),
    ("bai.meta.json", "[1, 2]", "expected a JSON object"),
    ("bai.meta.json", '{"published": "hôm qua"}', "unreadable date"),
    ("bai.url", "một dòng không phải địa chỉ\nhai", "expected one line"),
])
def test_malformed_sidecar_is_an_error_naming_it(tmp_path, name, content, reason):
    page = tmp_path / "bai.txt"
    page.write_text(f"Sơ kết năm 2023\n\n{LEAD}\n", encoding="utf-8")
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(PageDecodeError, match=reason):
        read_sidecar(page)
    res = extract_bytes(page.read_bytes(), "bai.txt", page)
    assert res.rows is None and name in res.error and reason in res.error


def test_sidecars_are_not_pages(tmp_path):
    from analysis.tables import extract_folder, read_tables
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text(f"Huyện ủy Bảo Yên sơ kết năm 2023\n\n{LEAD}\n",
                                            encoding="utf-8")
    (tmp_path / "src" / "a.url").write_text("https://baoyen.laocai.gov.vn/1", encoding="utf-8")
    (tmp_path / "src" / "a.meta.json").write_text('{"site": "Cổng TTĐT huyện Bảo Yên"}',
                                                  encoding="utf-8")
    s = extract_folder(tmp_path / "src", tmp_path / "out")
    assert (s.pages, s.errors) == (1, [])
    r = read_tables(tmp_path / "out")["reports"].iloc[0]
    assert (r["source_url"], r["site_name"]) == ("https://baoyen.laocai.gov.vn/1",
                                                 "Cổng TTĐT huyện Bảo Yên")


def test_site_owner_in_the_footer():
    got = loc(f"Sơ kết công tác dân vận quý IV năm 2023\n\n{LEAD}\n\nTin khác\nXã Long Hưng ra mắt "
              f"mô hình\nCơ quan chủ quản: UBND huyện Tuần Giáo, tỉnh Điện Biên\n")
    assert got == ("Tuần Giáo", "huyện", "Điện Biên", "chân trang")


def test_a_commune_visited_by_a_district_body_is_not_the_locality():
    text = ("Đồng chí Nguyễn Văn Phú thăm, chúc Tết\nThứ Hai, 05/02/2024 09:00\n\nNhân dịp Tết Nguyên "
            "đán Giáp Thìn, đồng chí Nguyễn Văn Phú, Phó Bí thư Thường trực Huyện ủy đã đến thăm, tặng "
            "quà gia đình chính sách tại xã Tân Lập.\n")
    assert loc(text)[:3] == (None, None, None)


def test_a_district_visited_by_a_province_body_is_not_the_locality():
    # Title without a place; the province's own commission reports and names border districts.
    text = ("Công tác dân vận năm 2022: nhiều cách làm hay ở vùng cao\n\nSáng 28/12, Ban Dân vận "
            "Tỉnh ủy Hà Giang tổ chức hội nghị tổng kết công tác dân vận năm 2022. Ban đã cử 07 "
            "đồng chí tham gia các đoàn công tác tại các xã biên giới huyện Đồng Văn, Mèo Vạc.\n"
            "Năm 2023, Ban Dân vận Tỉnh ủy đề ra 4 nhóm nhiệm vụ.\n")
    assert loc(text)[:3] == ("Hà Giang", "tỉnh", "Hà Giang")


def test_a_province_front_page_naming_districts_reports_for_the_province():
    # "Ủy ban MTTQ tỉnh" without a name is the page's own unit: the districts it names are inside it.
    text = ("Mặt trận tổng kết công tác cứu trợ năm 2020\n\nỦy ban MTTQ Việt Nam tỉnh Quảng Bình tổng "
            "kết năm 2020. Ủy ban MTTQ tỉnh đã phân bổ hàng cứu trợ về huyện Lệ Thủy, huyện Quảng "
            "Ninh. Mặt trận tỉnh phối hợp các ngành giám sát việc cấp phát.\n")
    assert loc(text)[:3] == ("Quảng Bình", "tỉnh", "Quảng Bình")
