"""Matching keys (tone placement, look-alikes) and saved-HTML rendering."""

import re
import sys
import unicodedata

import pytest

from analysis.text import keys
from analysis.text.html import render_html
from analysis.text.keys import code_key, match_key, slugify, tone_style_old
from tests.conftest import CORPUS, FIXTURES


@pytest.mark.parametrize("a, b", [("Thị uỷ", "Thị ủy"), ("UỶ BAN", "Ủy ban"), ("hoà", "hòa"),
                                  ("khoẻ", "khỏe"), ("Khoá XI", "khóa XI"), ("QÐi", "QĐi"),
                                  ("06 – CT/TU", "06 - CT/TU")])
def test_variants_share_a_key(a, b):
    assert match_key(a) == match_key(b)


@pytest.mark.parametrize("word", ["quý", "hoàn", "huỳnh", "khuya", "thuở", "hoài", "Sa Pả"])
def test_tone_mover_leaves_other_syllables(word):
    assert tone_style_old(word) == word


def test_keys_keep_length_so_offsets_hold():
    text = "Thị uỷ Sa Pa – Chỉ thị số 06-CT/TU, QÐi; “Dân vận khéo”"
    assert len(match_key(text)) == len(text) == len(code_key(text))
    assert code_key("12-QĐ/ĐU") == "12-qd/du"
    assert match_key("Sa Pa") != match_key("Sa Pả")     # accents are data: two wards


def _key_word_by_word(text: str) -> str:
    """match_key as defined: every word through the tone mover, each look-alike replaced."""
    text = re.sub(r"[^\W\d_]+", lambda m: keys._old_style(m.group(0)),
                  unicodedata.normalize("NFC", text))
    text = "".join(keys._LOOKALIKE_TO.get(c, c) for c in text)
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def test_fast_key_is_the_word_by_word_key():
    """The key finds only the words the tone mover can change: the same key as moving every
    word's tone, on every fixture page and on words around the -oa/-oe/-uy endings."""
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in FIXTURES.rglob("*")
             if p.suffix in (".txt", ".html")]
    texts.append("Thoả HOÀ hoà2 xoá_khoẻ quỷ QUỶ thuỷ² Hoà-Bình oà uỷ ủy Ṍa tuý-toạ ÐÔNG “x”")
    assert len(texts) > 50
    for text in texts:
        assert match_key(text) == _key_word_by_word(text)
        assert code_key(text) == match_key(text).translate(str.maketrans("đưĐƯ", "duDU"))


def test_open_syllable_letters_are_all_found():
    """Every character whose toneless form is o/a/e/u/y lies in the Latin blocks the key scans."""
    found = {b: "" for b in "oaeuy"}
    for i in range(sys.maxunicode + 1):
        c = chr(i)
        bare = "".join(x for x in unicodedata.normalize("NFD", c) if x not in keys._TONES).lower()
        if bare in found:
            found[bare] += c
    for bases in ("o", "ae", "u", "y"):
        assert "".join(sorted("".join(found[b] for b in bases))) == keys._letters_like(bases)


def test_slug():
    assert slugify("Bảo Thắng") == "bao-thang" and slugify("Đồng Văn") == "dong-van"


def test_html_keeps_article_and_counters_drops_chrome():
    text, _ = render_html((CORPUS / "baothang-2021-q2.html").read_text(encoding="utf-8"))
    lines = text.splitlines()
    assert lines[0] == "Bảo Thắng: kết quả công tác dân vận quý II năm 2021"
    assert lines[1] == "Ngày đăng: 09/07/2021 | Lượt xem: 167"
    assert "Tổng lượt truy cập: 846,913" in lines
    for chrome in ("Trang chủ", "Tin khác", "3,6 tỷ đồng", "30/2020/NĐ-CP", "addClass",
                   "Cơ quan chủ quản"):
        assert chrome not in text


def test_html_script_counter_is_not_the_view_count():
    page = ("<html><head><title>Tin | Cổng TTĐT</title><script>var luotxem='Lượt xem: 999';"
            "</script></head><body><h1>Kết quả quý I năm 2021</h1><div class='meta'>Lượt xem: 12"
            "</div><div class='post-content'><p>Nội dung báo cáo dài.</p></div></body></html>")
    text, _ = render_html(page)
    assert "999" not in text and "Lượt xem: 12" in text


@pytest.mark.parametrize("markup", [
    # the portal's name in a logo <h1>, the article's title in an <h2 class="title">
    "<div id='header'><h1 class='logo'>CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN BẢO YÊN</h1></div>"
    "<div class='content'><h2 class='title'>Bảo Yên: kết quả quý I năm 2021</h2>",
    # a WordPress article header is not the site's
    "<article><header class='entry-header'><h1 class='entry-title'>Bảo Yên: kết quả quý I năm "
    "2021</h1></header>",
])
def test_html_title_is_the_article_heading_not_the_logo(markup):
    page = (f"<html><head><title>Tin | Cổng TTĐT huyện Bảo Yên</title></head><body>{markup}"
            "<div class='post-content'><p>Quý I năm 2021, Ban Dân vận Huyện ủy Bảo Yên tổ chức nhiều "
            "hoạt động thiết thực cho Nhân dân trên địa bàn huyện.</p></div></body></html>")
    text, address = render_html(page)
    assert text.splitlines()[0] == "Bảo Yên: kết quả quý I năm 2021"
    assert address.site_name == "Cổng TTĐT huyện Bảo Yên"
