"""Document references: one test per surface form (FORMS.md §1, DOMAIN.md §1 and §7)."""

import datetime as dt

import pytest

from analysis.extract.documents import find_documents
from tests.conftest import make_page


def docs(body, locality_type="thị xã"):
    return find_documents(make_page(body), locality_type)


def first(body, **kw):
    found = docs(body, **kw)
    assert found, f"no document in {body!r}"
    return found[0]


@pytest.mark.parametrize("text, code", [
    ("Thực hiện Chỉ thị số 06-CT/TU của Tỉnh ủy.", "06-CT/TU"),
    ("Thực hiện Chỉ thị số 06 - CT/TU của Tỉnh ủy.", "06-CT/TU"),          # spaces around hyphen
    ("Thực hiện Chỉ thị số 06 – CT/TU của Tỉnh ủy.", "06-CT/TU"),          # en dash with spaces
    ("Thực hiện Chỉ thị số 06- CT/TU của Tỉnh ủy.", "06-CT/TU"),           # space after hyphen
    ("Thực hiện Chỉ thị số 06 CT/TU của Tỉnh ủy.", "06-CT/TU"),            # hyphen missing
    ("Thực hiện Nghị quyết số 25-\nNQ/TW của Ban Chấp hành Trung ương.", "25-NQ/TW"),  # line break
    ("Thực hiện Quy định số 11-QÐi/TW của Bộ Chính trị.", "11-QĐi/TW"),    # U+00D0 Eth
    ("Thực hiện Quy định số 11-QĐi/TW của Bộ Chính trị.", "11-QĐi/TW"),
    ("Thực hiện Kế hoạch số 24-KH/BCĐ của Ban Chỉ đạo.", "24-KH/BCĐ"),     # Đ in the issuer
    ("Thực hiện chỉ thị số 06-ct/tu của Tỉnh ủy.", "06-CT/TU"),            # lower case
])
def test_party_code_variants(text, code):
    d = first(text)
    assert d.code == code and d.system == "party"


def test_party_document_written_state_style_is_the_same_document():
    found = docs("Quán triệt Quyết định số 23-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương. "
                 "Tiếp tục thực hiện Quyết định số 23/QĐ-TW.")
    assert {d.code for d in found} == {"23-QĐ/TW"}
    assert len({d.doc_key for d in found}) == 1
    assert found[1].issued_on == dt.date(2021, 7, 30)


@pytest.mark.parametrize("text, code, typ, issuer", [
    ("Thực hiện Nghị quyết số 42/NQ-CP ngày 09/4/2020 của Chính phủ.", "42/NQ-CP", "NQ", "CP"),
    ("Theo Quyết định số 101/QĐ-TTG của Thủ tướng.", "101/QĐ-TTg", "QĐ", "TTg"),
    ("Theo Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ.", "04/2015/NĐ-CP", "NĐ", "CP"),
    ("Theo Văn bản số 12/SNV-CCHC&PC của Sở Nội vụ.", "12/SNV-CCHC&PC", None, "SNV-CCHC&PC"),
    ("Theo Công văn 03/CV-BCĐ của Ban Chỉ đạo.", "03/CV-BCĐ", "CV", "BCĐ"),
])
def test_state_codes(text, code, typ, issuer):
    d = first(text)
    assert (d.code, d.doc_type, d.issuer_code, d.system) == (code, typ, issuer, "state")


def test_normative_code_without_type_letters_takes_the_document_word():
    d = first("Nghị quyết số 133/2020/QH14 ngày 17/11/2020 của Quốc hội về tổ chức bầu cử.")
    assert (d.code, d.doc_type, d.issuer_code) == ("133/2020/QH14", "NQ", "QH14")
    law = first("Ngay sau khi Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 được Quốc hội "
                "thông qua ngày 10/11/2022, Ban Dân vận tổ chức giới thiệu.")
    assert (law.doc_type, law.issued_on) == ("Luật", dt.date(2022, 11, 10))


@pytest.mark.parametrize("text, date", [
    ("Chỉ thị số 06-CT/TU ngày 20/01/2021 của Ban Thường vụ Thị ủy.", dt.date(2021, 1, 20)),
    ("Chỉ thị số 07-CT/TU, ngày 26/1/2021 của Ban Thường vụ Thị uỷ.", dt.date(2021, 1, 26)),
    ("Kết luận số 01 - KL/TW ngày 18-5-2021 của Bộ Chính trị.", dt.date(2021, 5, 18)),
    ("Chỉ thị số 06-CT/TU ngày 20 tháng 01 năm 2021 của Ban Thường vụ Thị ủy.", dt.date(2021, 1, 20)),
    ("Chỉ thị số 06-CT/TU ngày\n20/01/2021 của Ban Thường vụ Thị ủy.", dt.date(2021, 1, 20)),
    ("Ngày 20/01/2021, Ban Thường vụ Thị ủy đã ban hành Chỉ thị số 06 – CT/TU về phòng dịch.",
     dt.date(2021, 1, 20)),
    ("Chỉ thị số 05-CT/TW của Bộ Chính trị.", None),
    ("Chỉ thị số 05-CT/TW ngày 15/5/202 của Bộ Chính trị.", None),        # 3-digit year typo
])
def test_dates(text, date):
    assert first(text).issued_on == date


def test_list_sharing_one_date_and_issuer():
    found = docs("Thực hiện Quyết định số 217-QĐ/TW, 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị.")
    assert [d.code for d in found] == ["217-QĐ/TW", "218-QĐ/TW"]
    assert all(d.issued_on == dt.date(2013, 12, 12) and d.issuer == "Bộ Chính trị" for d in found)
    assert all(d.doc_type_name == "Quyết định" for d in found)


def test_list_sharing_one_document_word_without_codes():
    found = docs("Quán triệt Chỉ thị số 15, 16 của Thủ tướng Chính phủ về phòng dịch.")
    assert [(d.number, d.code, d.doc_type) for d in found] == [("15", None, "CT"), ("16", None, "CT")]
    assert {d.level for d in found} == {"central"}


def test_short_repeat_mention_resolves_to_the_coded_document():
    found = docs("Ban Thường vụ Thị ủy ban hành Chỉ thị số 06-CT/TU ngày 20/01/2021. "
                 "Việc thực hiện Chỉ thị số 06 được kiểm tra.")
    assert len({d.doc_key for d in found}) == 1
    assert [d.first for d in found] == [True, False]
    assert found[1].code == "06-CT/TU"


def test_numbered_documents_without_code():
    found = docs("Thực hiện 02 đề án thành phần của Đề án số 17 của Ban Chấp hành Đảng bộ tỉnh "
                 "khóa XVI và Đề án số 11 của Ban Chấp hành Đảng bộ thị xã Sa Pa khóa XXIII.")
    assert [(d.number, d.doc_type, d.issuer, d.level) for d in found] == [
        ("17", "ĐA", "Ban Chấp hành Đảng bộ tỉnh", "province"),
        ("11", "ĐA", "Ban Chấp hành Đảng bộ thị xã Sa Pa", "district")]
    assert first("Nghị quyết 30a của Chính phủ về giảm nghèo.").number == "30a"


def test_document_word_kept_apart_from_letters():
    assert first("Thực hiện Kết luận số 263-TB/TU của Tỉnh ủy.").doc_type_name == "Kết luận"
    assert first("Thực hiện Kết luận số 263-TB/TU của Tỉnh ủy.").doc_type == "TB"
    quy_dinh = first("Thực hiện Quy định số 60-QĐ/TU của Tỉnh ủy.")
    quyet_dinh = first("Thực hiện Quyết định số 783-QĐ/TU của Tỉnh ủy.")
    assert (quy_dinh.doc_type, quy_dinh.doc_type_name) == ("QĐ", "Quy định")
    assert (quyet_dinh.doc_type, quyet_dinh.doc_type_name) == ("QĐ", "Quyết định")
    assert first("Triển khai thực hiện số 05-CT/TW của Bộ Chính trị.").doc_type_name == "Chỉ thị"


@pytest.mark.parametrize("text, level", [
    ("Chỉ thị số 06-CT/TU ngày 20/01/2021 của Ban Thường vụ Thị ủy về phòng dịch.", "district"),
    ("Chỉ thị số 07-CT/TU ngày 26/1/2021 của Ban Thường vụ Thị uỷ về an sinh.", "district"),
    ("Kế hoạch số 18-KH/TU ngày 04/3/2016 cuả Tỉnh uỷ về dân chủ.", "province"),
    ("Chỉ thị số 36-CT/TU của Ban Thường vụ Thành ủy về dân vận.", "district"),
    ("Kết luận số 120-KL/TW của Bộ chính trị khoá XI.", "central"),
    ("Nghị quyết số 05-NQ/HU của Huyện ủy.", "district"),
    ("Quyết định số 12-QĐ/ĐU của Đảng ủy xã.", "commune"),
])
def test_issuer_level_from_the_words_around_the_code(text, level):
    assert first(text).level == level


def test_tu_without_words_on_a_rural_district_page_is_the_province():
    assert first("Theo Quy định số 60-QĐ/TU tiếp tục phát huy hiệu quả.",
                 locality_type="huyện").level == "province"
    assert first("Theo Quy định số 60-QĐ/TU tiếp tục phát huy hiệu quả.",
                 locality_type="thị xã").level == "province|district"


def test_same_number_two_issuers_are_two_documents():
    found = docs("Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị và Chỉ thị số 05-CT/TU của Tỉnh ủy.")
    assert len({d.doc_key for d in found}) == 2
    found = docs("Quyết định số 23/2021/QĐ-TTg của Thủ tướng và Quyết định số 23-QĐ/TW của "
                 "Ban Chấp hành Trung ương.")
    assert len({d.doc_key for d in found}) == 2


@pytest.mark.parametrize("text", [
    "Thực hiện Chương trình 135 của Chính phủ ở 5 xã.",
    "Hoàn thành tiêu chí 15, 17, 18 về nông thôn mới.",
    "Đại hội đại biểu Đảng bộ thị xã lần thứ XXIII, nhiệm kỳ 2020 – 2025.",
    "Đã có 16/16 xã, phường hoàn thành; 19/46 mô hình có kết quả.",
    "Trong quý 1/2021 và ngày 20/01/2021 tổ chức hội nghị.",
    "Tạp chí Dân vận Số 3/2021 đăng bài.",
    "Tổ công tác 1902 tiếp tục hoạt động.",
    "Các cấp ủy quán triệt các nghị quyết, chỉ thị, kết luận của Đảng.",
    "Đường N3, N5 được mở rộng tại khu 13.",
])
def test_distractors_are_not_documents(text):
    assert docs(text) == []


def test_chrome_lists_are_not_read():
    page = make_page("Thực hiện Chỉ thị số 06-CT/TU của Tỉnh ủy.",
                     tail="Hà Dinh\nThông tin mới nhất\nQuán triệt Kết luận số 1587-KL/TU\nĐăng nhập")
    assert [d.code for d in find_documents(page)] == ["06-CT/TU"]


def test_a_date_after_one_code_is_not_taken_for_a_later_one():
    found = docs("Thực hiện Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị ban hành Quy "
                 "chế giám sát và Nghị quyết số 42/NQ-CP của Chính phủ về hỗ trợ người dân.")
    assert [(d.code, d.issued_on) for d in found] == [("218-QĐ/TW", dt.date(2013, 12, 12)),
                                                      ("42/NQ-CP", None)]
