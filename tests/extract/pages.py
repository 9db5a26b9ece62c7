"""Small pages for the form tests: a lead sentence and a page (or its report row) from text."""

from analysis.extract import extract_page
from analysis.text.page import page_from_text

LEAD = "Ban Dân vận Huyện ủy tổ chức hội nghị, các đoàn thể tham gia đầy đủ, đạt nhiều kết quả."


def page(text, name="t.txt", address=None):
    """The page of ``text``; a name ending in .html renders it as saved HTML."""
    return page_from_text(text, name, is_html=name.endswith(".html"), address=address)


def report(text, name="t.txt"):
    return extract_page(page(text, name)).report
