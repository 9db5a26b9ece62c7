"""Encoding detection and the legacy Vietnamese code tables (analysis.text.decode / .legacy)."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest

from analysis.text.decode import Decoded, PageDecodeError, decode_bytes
from analysis.text.legacy import decode_tcvn3, decode_vni, encode_tcvn3, encode_vni

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "encodings"

# Title and first two paragraphs of the seed page (laocai.gov.vn, Sa Pa, quý I/2021). It has
# both tone styles ("Thị ủy" and "Thị uỷ") and no capital with a tone mark (see TCVN3 below).
PARAGRAPH = (
    "Kết quả thực hiện công tác dân vận của Đảng bộ thị xã Sa Pa quý I năm 2021\n"
    "\n"
    "Trong quý I năm 2021, tình hình nhân dân trên địa bàn cơ bản ổn định, các tầng lớp nhân "
    "dân tin tưởng vào đường lối, chủ trương chính sách pháp luật của Đảng, Nhà nước và sự lãnh "
    "đạo, chỉ đạo của Ban chấp hành Đảng bộ Thị xã, sự điều hành, quản lý của chính quyền các "
    "cấp. Nhân dân tích cực lao động, sản xuất và tham gia các phong trào thi đua yêu nước, chủ "
    "động chuẩn bị các điều kiện vui chơi đón Xuân Tân Sửu lành mạnh, vui tươi, tiết kiệm và an "
    "toàn.\n"
    "\n"
    "Cấp ủy, chính quyền, MTTQ và các đoàn thể, các ngành trong toàn Thị xã thực hiện nghiêm "
    "túc Chỉ thị số 06-CT/TU, ngày 20/01/2021 của Ban Thường vụ Thị ủy về tăng cường phòng "
    "chống dịch covid-19 và Chỉ thị số 07-CT/TU, ngày 26/1/2021 của Ban Thường vụ Thị uỷ về "
    "tăng cường sự lãnh đạo của Đảng đối với công tác an sinh xã hội trên địa bàn thị xã, tổ "
    "chức Tết năm 2021; Thực hiện nghiêm các quy định về phòng, chống dịch bệnh COVID-19 trên "
    "địa bàn thị xã Sa Pa. BTV Thị uỷ đã chỉ đạo UBND thị xã thành lập Ban Chỉ đạo và đội phản "
    "ứng nhanh tăng cường kiểm soát dịch bệnh; tạm dừng tổ chức các hoạt động văn hoá, văn "
    "nghệ, thể thao và các Lễ hội truyền thống; vận động nhân dân hạn chế tụ tập đông người.\n"
)

TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
LOWER = "".join(
    ch for ch in (unicodedata.normalize("NFC", v + t) for v in "aăâeêioôơuưy" for t in TONES)
    if not ch.isascii()) + "đ"
UPPER = LOWER.upper()
TCVN3_CAPITALS = "ĂÂÊÔƠƯĐ"


def to_cp1258(text: str) -> bytes:
    """Text as Windows writes it in code page 1258: a precomposed letter where the code page
    has one ("á", "ê", "ơ"), otherwise the base letter and a separate tone byte ("ệ" = ê + dot)."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tone = "".join(c for c in parts if c in TONES)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out += base.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def to_mojibake(text: str, codec: str) -> bytes:
    """UTF-8 bytes read as ``codec`` and saved again as UTF-8 (undefined bytes dropped)."""
    return text.encode("utf-8").decode(codec, "ignore").encode("utf-8")


def refusal(data: bytes, source: str = "data/raw/page.txt") -> str:
    with pytest.raises(PageDecodeError) as info:
        decode_bytes(data, source)
    message = str(info.value)
    assert message.startswith(f"{source}: ")
    assert info.value.source == source
    assert message == f"{source}: {info.value.reason}"
    return message


# --- each encoding is read correctly ----------------------------------------------------------

@pytest.mark.parametrize("encoding, data", [
    ("utf-8", PARAGRAPH.encode("utf-8")),
    ("utf-8", b"\xef\xbb\xbf" + PARAGRAPH.encode("utf-8")),
    ("utf-8-nfd", unicodedata.normalize("NFD", PARAGRAPH).encode("utf-8")),
    ("utf-16", PARAGRAPH.encode("utf-16")),               # BOM, native order
    ("utf-16", b"\xfe\xff" + PARAGRAPH.encode("utf-16-be")),
    ("windows-1258", to_cp1258(PARAGRAPH)),
    ("tcvn3", encode_tcvn3(PARAGRAPH)),
    ("vni", encode_vni(PARAGRAPH)),
], ids=["utf-8", "utf-8-bom", "utf-8-nfd", "utf-16", "utf-16-be", "windows-1258", "tcvn3", "vni"])
def test_each_encoding_reads_back_the_paragraph(encoding, data):
    decoded = decode_bytes(data, "page.txt")
    assert decoded == Decoded(PARAGRAPH, encoding)
    assert unicodedata.is_normalized("NFC", decoded.text)


def test_cp1258_test_bytes_use_separate_tone_bytes_like_windows():
    assert to_cp1258("Việt tác") == b"Vi\xea\xf2t t\xe1c"


@pytest.mark.parametrize("encoding", ["windows-1258", "tcvn3", "vni"])
def test_legacy_decoding_keeps_both_tone_styles(encoding):
    data = {"windows-1258": to_cp1258, "tcvn3": encode_tcvn3, "vni": encode_vni}[encoding](
        "Thị uỷ và Thị ủy, hoà bình và hòa bình, thuỷ lợi của nhân dân huyện")
    text = decode_bytes(data, "page.txt").text
    assert (text.count("Thị uỷ"), text.count("Thị ủy")) == (1, 1)
    assert (text.count("hoà"), text.count("hòa")) == (1, 1)
    assert "thuỷ lợi" in text


def test_unicode_decoding_keeps_both_tone_styles():
    text = decode_bytes(unicodedata.normalize("NFD", PARAGRAPH).encode(), "page.txt").text
    assert text.count("Thị uỷ") == 2 and text.count("Thị ủy") == 1


def test_newlines_are_normalised():
    data = "Dòng một\r\nDòng hai\rDòng ba\n".encode("utf-8")
    assert decode_bytes(data, "page.txt").text == "Dòng một\nDòng hai\nDòng ba\n"
    assert decode_bytes(to_cp1258(PARAGRAPH.replace("\n", "\r\n")), "p").text == PARAGRAPH


def test_tcvn3_soft_hyphen_is_the_letter_u_horn():
    text = "Huyện Mường Khương và huyện Bảo Thắng, tỉnh Lào Cai, của nhân dân các dân tộc"
    data = encode_tcvn3(text)
    assert b"M\xad\xeang Kh\xad\xacng" in data          # "Mêng Kh¬ng" with invisible 0xAD
    decoded = decode_bytes(data, "page.txt")
    assert decoded == Decoded(text, "tcvn3")
    assert "\u00ad" not in decoded.text


# --- the real corpus pages --------------------------------------------------------------------

def test_corpus_windows_1258_page():
    data = (FIXTURES / "baothang-2021-q3.txt").read_bytes()
    decoded = decode_bytes(data, "baothang-2021-q3.txt")
    assert decoded.encoding == "windows-1258"
    assert decoded.text.startswith(
        "Bảo Thắng: kết quả công tác dân vận quý III/2021, nhiệm vụ quý IV/2021\nLượt xem: 84\n")
    assert "Minh Ngọc" in decoded.text
    assert unicodedata.is_normalized("NFC", decoded.text)
    assert decoded.text == unicodedata.normalize("NFC", data.decode("cp1258"))


def test_corpus_nfd_page():
    data = (FIXTURES / "sapa-2022-q1.txt").read_bytes()
    decoded = decode_bytes(data, "sapa-2022-q1.txt")
    assert decoded.encoding == "utf-8-nfd"
    assert decoded.text.startswith(
        "Kết quả thực hiện công tác dân vận của Đảng bộ thị xã Sa Pa quý I năm 2022\n")
    assert decoded.text == unicodedata.normalize("NFC", data.decode("utf-8"))
    assert not unicodedata.is_normalized("NFC", data.decode("utf-8"))


# --- refusals ---------------------------------------------------------------------------------

def test_empty_input_is_refused():
    assert "empty" in refusal(b"", "data/raw/empty.txt")


def test_nul_bytes_are_refused():
    data = PARAGRAPH.encode("utf-8")
    message = refusal(data[:100] + b"\x00" + data[100:], "data/raw/nul.txt")
    assert "NUL" in message


def test_utf16_without_bom_is_refused_with_a_hint():
    assert "UTF-16 without a byte-order mark" in refusal(PARAGRAPH.encode("utf-16-le"))


def test_control_bytes_are_refused():
    assert "control bytes" in refusal(b"\x01\x02\x03\x04 Vi\xeat Nam \x05\x06\x07")


def test_random_bytes_are_refused_with_the_file_name():
    rng = random.Random(20210331)
    assert "NUL" in refusal(bytes(rng.randrange(256) for _ in range(4096)), "data/raw/x.bin")
    printable = bytes(rng.randrange(0x20, 0x100) for _ in range(4096))
    message = refusal(printable, "data/raw/x.txt")
    assert message.startswith("data/raw/x.txt: not UTF-8")
    assert "no Vietnamese legacy encoding (windows-1258, TCVN3, VNI) reads it" in message
    assert "valid syllables" in message


def test_viscii_is_refused():
    # "Trong quý I năm 2021, tình hình ... Đảng bộ Thị xã." in VISCII (glibc iconv -t VISCII).
    viscii = (
        b"Trong qu\xfd I n\xe5m 2021, t\xecnh h\xecnh nh\xe2n d\xe2n tr\xean \xf0\xb8a b\xe0n "
        b"c\xbd b\xe4n \xb1n \xf0\xb8nh, c\xe1c t\xa5ng l\xbep nh\xe2n d\xe2n tin t\xdf\xb7ng "
        b"v\xe0o \xf0\xdf\xb6ng l\xafi, ch\xfc tr\xdf\xbdng ch\xednh s\xe1ch ph\xe1p lu\xa7t "
        b"c\xfca \xd0\xe4ng, Nh\xe0 n\xdf\xbec v\xe0 s\xf1 l\xe3nh \xf0\xd5o, ch\xef \xf0\xd5o "
        b"c\xfca Ban ch\xa4p h\xe0nh \xd0\xe4ng b\xb5 Th\xb8 x\xe3.")
    assert "no Vietnamese legacy encoding" in refusal(viscii, "old/viscii.txt")


def test_non_vietnamese_legacy_text_is_refused():
    data = "He said “hello” — a café, a naïve résumé, Müller and Ångström.".encode("cp1252")
    assert "no Vietnamese legacy encoding" in refusal(data)


def test_too_short_to_tell_is_refused_not_guessed():
    # These three words read as valid Vietnamese in both Windows-1258 and TCVN3.
    message = refusal(to_cp1258("nhân dân trên"))
    assert "read it about equally well" in message
    assert "windows-1258" in message and "tcvn3" in message


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_double_encoded_utf8_is_refused(codec):
    message = refusal(to_mojibake(PARAGRAPH, codec), "data/raw/mojibake.txt")
    assert "double-encoded UTF-8" in message
    assert "'Káº¿t' (= 'Kết')" in message


def test_short_double_encoded_utf8_is_refused():
    assert "'Viá»‡t' (= 'Việt')" in refusal("Viá»‡t Nam".encode("utf-8"))


def test_one_accidental_mojibake_lookalike_is_not_refused():
    text = "NGÃ\u00a0BA ĐƯỜNG. " + PARAGRAPH      # "Ã" + NBSP is also UTF-8 for "à"
    assert decode_bytes(text.encode("utf-8"), "page.txt").text == text


@pytest.mark.parametrize("encode, name", [(encode_tcvn3, "TCVN3"), (encode_vni, "VNI")])
def test_legacy_text_shown_as_cp1252_inside_utf8_is_refused(encode, name):
    data = encode(PARAGRAPH).decode("cp1252", "replace").encode("utf-8")
    message = refusal(data)
    assert f"the text is {name} shown through a Western code page" in message


def test_latin_letters_in_a_vietnamese_page_are_fine():
    text = PARAGRAPH + "Đoàn công tác của tổ chức Müller & Søn (Đan Mạch), km², ½ ngày.\n"
    assert decode_bytes(text.encode("utf-8"), "page.txt") == Decoded(text, "utf-8")


def test_bad_bytes_after_a_bom_are_refused():
    assert "UTF-8 byte-order mark" in refusal(b"\xef\xbb\xbfVi\xea\xf2t Nam")
    assert "UTF-32" in refusal(b"\xff\xfe\x00\x00" + PARAGRAPH.encode("utf-32-le"))


# --- HTML <meta charset> ----------------------------------------------------------------------

def html(body: bytes, meta: bytes) -> bytes:
    return (b"<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n" + meta + b"\n<title>Trang</title>\n"
            b"</head>\n<body>\n<p>" + body + b"</p>\n</body>\n</html>\n")


def test_declared_charset_decides_a_close_call():
    body = to_cp1258("nhân dân trên")
    assert "about equally well" in refusal(html(body, b""))
    page = html(body, b'<meta charset="windows-1258">')
    decoded = decode_bytes(page, "page.html")
    assert decoded.encoding == "windows-1258"
    assert "<p>nhân dân trên</p>" in decoded.text


def test_http_equiv_declaration_is_read():
    meta = b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
    decoded = decode_bytes(html(to_cp1258(PARAGRAPH), meta), "page.html")
    assert decoded.encoding == "windows-1258"
    assert PARAGRAPH in decoded.text


def test_declared_utf8_that_is_not_utf8_is_an_error():
    page = html(to_cp1258(PARAGRAPH), b'<meta charset="UTF-8">')
    message = refusal(page, "data/raw/baothang.html")
    assert "declares charset utf-8" in message and "not UTF-8" in message


def test_stale_legacy_declaration_on_utf8_is_ignored():
    page = html(PARAGRAPH.encode("utf-8"), b"<meta charset=windows-1258>")
    assert decode_bytes(page, "page.html").encoding == "utf-8"


def test_implausible_declared_charset_does_not_win():
    page = html(encode_vni(PARAGRAPH), b'<meta charset="windows-1258">')
    assert decode_bytes(page, "page.html").encoding == "vni"


def test_unsupported_declared_charset_is_named_in_the_refusal():
    rng = random.Random(7)
    page = html(bytes(rng.randrange(0x80, 0x100) for _ in range(400)), b'<meta charset="VISCII">')
    assert "<meta> declares charset 'viscii'" in refusal(page)


# --- legacy code tables -----------------------------------------------------------------------

def test_alphabet_under_test_is_complete():
    assert len(LOWER) == len(UPPER) == 67
    assert len(set(LOWER + UPPER)) == 134


def test_vni_round_trips_every_letter():
    text = LOWER + UPPER + " Đảng, “Dân vận khéo” – 100% (ý kiến)."
    assert decode_vni(encode_vni(text)) == text


def test_tcvn3_round_trips_lowercase_and_its_seven_capitals():
    text = LOWER + TCVN3_CAPITALS + " Đảng, “Dân vận khéo” – 100% (ý kiến)."
    assert decode_tcvn3(encode_tcvn3(text)) == text


def test_tcvn3_table_matches_glibc():
    # iconv -f UTF-8 -t TCVN5712-1 of LOWER + TCVN3_CAPITALS (glibc 2.x, run when writing this).
    glibc = (
        b"\xb8\xb5\xb6\xb7\xb9\xa8\xbe\xbb\xbc\xbd\xc6\xa9\xca\xc7\xc8\xc9\xcb\xd0\xcc\xce\xcf"
        b"\xd1\xaa\xd5\xd2\xd3\xd4\xd6\xdd\xd7\xd8\xdc\xde\xe3\xdf\xe1\xe2\xe4\xab\xe8\xe5\xe6"
        b"\xe7\xe9\xac\xed\xea\xeb\xec\xee\xf3\xef\xf1\xf2\xf4\xad\xf8\xf5\xf6\xf7\xf9\xfd\xfa"
        b"\xfb\xfc\xfe\xae\xa1\xa2\xa3\xa4\xa5\xa6\xa7")
    assert encode_tcvn3(LOWER + TCVN3_CAPITALS) == glibc


def test_vni_table_matches_xvnkb():
    # lamdao/xvnkb vni.h, lowercase half (the uppercase half is the same bytes upper-cased),
    # in its order: vowels a â ă e ê o ô ơ u ư i y, each plain/sắc/huyền/hỏi/ngã/nặng, then đ.
    xvnkb = (
        "a aù aø aû aõ aï aâ aá aà aå aã aä aê aé aè aú aü aë e eù eø eû eõ eï eâ eá eà eå eã eä "
        "o où oø oû oõ oï oâ oá oà oå oã oä ô ôù ôø ôû ôõ ôï u uù uø uû uõ uï ö öù öø öû öõ öï "
        "i í ì æ ó ò y yù yø yû yõ î ñ").split()
    letters = [unicodedata.normalize("NFC", v + t) for v in "aâăeêoôơuưiy" for t in TONES] + ["đ"]
    assert len(letters) == len(xvnkb) == 73
    for letter, vni in zip(letters, xvnkb):
        assert encode_vni(letter) == vni.encode("latin-1"), letter
        assert encode_vni(letter.upper()) == vni.upper().encode("latin-1"), letter.upper()


def test_tcvn3_has_no_capitals_with_tone_marks():
    refused = [ch for ch in UPPER if ch not in TCVN3_CAPITALS]
    assert len(refused) == 60
    for ch in refused:
        with pytest.raises(ValueError, match=f"cannot encode '{ch}'.*no capitals with tone marks"):
            encode_tcvn3("Ban " + ch)
    # What .VnTimeH documents contain instead: the lowercase code, which decodes lowercase.
    assert decode_tcvn3(encode_tcvn3("ủy ban")) == "ủy ban"


def test_tcvn3_decodes_the_vn1_capitals_outside_vn3():
    assert decode_tcvn3(b"\xc4") == "Ấ" and decode_tcvn3(b"\xff") == "Ố"
    assert decode_tcvn3(b"a\xb3") == "á"                     # VN1 combining acute


def test_known_legacy_samples():
    assert decode_tcvn3("Uû ban nh©n d©n".encode("latin-1")) == "Uỷ ban nhân dân"
    assert decode_tcvn3("§¶ng ViÖt tØnh ThÞ ñy Lµo Cai B¶o Th¾ng".encode("latin-1")) == (
        "Đảng Việt tỉnh Thị ủy Lào Cai Bảo Thắng")
    assert decode_tcvn3(b"M\xad\xeang Kh\xad\xacng") == "Mường Khương"
    assert decode_vni("Vieät Nam, Ñaûng, coâng taùc daân vaän".encode("latin-1")) == (
        "Việt Nam, Đảng, công tác dân vận")
    assert encode_vni("Xin chào các bạn") == "Xin chaøo caùc baïn".encode("latin-1")
    assert encode_vni("Ữ ỵ Ỉ ĩ") == "ÖÕ î Æ ó".encode("latin-1")       # xvnkb vni.h


def test_encoders_name_the_first_character_they_cannot_write():
    with pytest.raises(ValueError, match=r"cannot encode '©' \(U\+00A9\) at index 4 as TCVN3"):
        encode_tcvn3("Năm © 2021")
    with pytest.raises(ValueError, match=r"cannot encode 'ü' \(U\+00FC\) at index 1 as VNI"):
        encode_vni("Müller ñ")


def test_encoders_accept_decomposed_input():
    nfd = unicodedata.normalize("NFD", "Thị uỷ Mường Khương")
    assert encode_vni(nfd) == encode_vni("Thị uỷ Mường Khương")
    assert encode_tcvn3(nfd) == encode_tcvn3("Thị uỷ Mường Khương")
