"""Saved portal HTML -> the same plain layout as a page copied from a browser.

The article is rendered as: title line, meta line(s) (date, view counter), a blank line, one
line per block of the article body, a blank line, then the visit-statistics block. Navigation,
breadcrumbs, related-news lists, footers (except the counters), scripts and styles are dropped,
so no fact from them can reach the tables. The plain-text extractors then read HTML and text
pages alike.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from .address import PageAddress, parse_date

_DROP = ("script", "style", "noscript", "template", "iframe", "svg", "form", "nav", "button",
         "select", "input", "head")
_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "blockquote", "pre",
           "tr", "dt", "dd", "div", "section", "article", "td", "th", "caption", "address"}
_BODY_CLASS = re.compile(r"(post|article|news|entry|detail|main)[-_]?(content|body|detail|text)"
                         r"|noidung|chitiet|content-detail|article-content|fulltext", re.I)
_STATS_CLASS = re.compile(r"thong[-_]?ke|stat|counter|visit|truy[-_]?cap", re.I)
_STATS_FIELD_MAX = 40    # characters of one widget field: a holder that short is inside the widget
_SITE_SUFFIX = re.compile(r"\s+[|\-–—]\s+[^|\-–—]*(cổng|trang|portal|website|báo|ttđt)[^|]*$", re.I)
_VIEWS = re.compile(r"lượt\s*xem|lượt\s*đọc|(?:đã|số\s*lần)\s*xem\s*:", re.I)
# A block that is the view counter alone: "Lượt xem: 64", "288 Lượt xem".
_COUNTER_ONLY = re.compile(r"(?:lượt\s*(?:xem|đọc)\s*:?\s*\d[\d.,]*|\d[\d.,]*\s*lượt\s*(?:xem|đọc))"
                           r"\s*$", re.I)
_STATS_WORDS = re.compile(r"thống\s*kê\s*(?:lượt\s*)?truy\s*cập|đang\s*(online|truy\s*cập|trực\s*tuyến)|"
                          r"hôm\s*nay\s*:|tổng\s*lượt\s*truy\s*cập|"
                          r"lượt\s*truy\s*cập\s*:|(?:^|[.|]\s*)online\s*:\s*\d|"   # "Online: 9" alone
                          r"tổng\s*truy\s*cập\s*:|"
                          r"hiện\s*có\s*\d+\s*khách",   # Joomla: "Hiện có 9 khách Trực tuyến"
                          re.I)
_TITLE_CLASS = re.compile(r"title|tieude|tieu-de|heading", re.I)
_CHROME_CLASS = re.compile(r"logo|banner|brand|site-?name|site-?title|site-?header|top-?header|"
                           r"masthead|^header$|\sheader$", re.I)
SITE_WORDS = re.compile(r"cổng\s*thông\s*tin|trang\s*thông\s*tin|cổng\s*ttđt|trang\s*ttđt|website|"
                        r"báo(?:\s+[^\W\d_]+){0,4}\s+điện\s*tử", re.I)   # "Báo Lâm Đồng điện tử"
"""Words of a portal's own name ("Cổng thông tin điện tử huyện ...")."""
_VIEW_CLASS = re.compile(r"view|luot-?xem", re.I)
_EYE_CHAR = re.compile(r"^\s*[👁👀]\ufe0f?\s*(?=\d)")
_EYE_ICON = re.compile(r"(?:^|[-_])eye(?:$|[-_])|^icon-?view", re.I)
# Labels of a list form's rows ("Tiêu đề", "Ngày xuất bản", "Tác giả", "Nội dung", ...).
_FORM_LABELS = re.compile(r"tiêu đề|tên bài|ngày|tác giả|người viết|nội dung|(?:số )?lượt xem|"
                          r"chuyên mục|tóm tắt|người đăng|nguồn", re.I)
_FORM_LABEL_MAX = 30
_AUTHOR_CLASS = re.compile(r"author|tac-?gia|byline|writer|created-?by|^by$", re.I)
_AUTHOR_MAX = 60      # characters of a by-line element; a longer one is a biography box
_BYLINE_MARK = "data-byline"   # set on the elements _label_bylines has labelled
_DATE_CLASS = re.compile(r"date|time|ngay|publish|posted", re.I)
_DATE_TEXT = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2}|"
                        r"\d{1,2}\s+tháng\s+\d{1,2}\s+(?:năm\s+)?\d{4}", re.I)
_META_MAX = 200      # characters of an info line; a longer block is the article
_DATELINE_MAX = 120  # characters of a posting date's element; a longer one is prose
_FORM_TEXT = 200     # characters of paragraphs that make a <form> the page's wrapper, not a form
_HEAD_LINES = 3        # lines of a body container that may come before the article's heading
_BREADCRUMB_MAX = 120  # characters of a breadcrumb line; a longer line is the article's
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def _lines(node: Tag) -> list[str]:
    """Text of ``node`` split into lines at block elements and <br>."""
    out: list[str] = []
    buf: list[str] = []

    def flush():
        line = _SPACES.sub(" ", "".join(buf)).strip()
        if line:
            out.append(line)
        buf.clear()

    def walk(n):
        for child in n.children:
            if isinstance(child, NavigableString):
                if child.__class__.__name__ in ("Comment", "Doctype", "CData", "ProcessingInstruction"):
                    continue
                buf.append(str(child).replace("\n", " "))
            elif isinstance(child, Tag):
                if child.name == "br":
                    flush()
                elif child.name in _BLOCKS:
                    flush()
                    walk(child)
                    flush()
                else:
                    walk(child)

    walk(node)
    flush()
    return out


def _label_value_rows(lines: list[str]) -> list[str]:
    """A counter widget's label and count on lines of their own (table cells, list items) as one
    line: "Đang truy cập" over "6" is "Đang truy cập: 6"."""
    out: list[str] = []
    for ln in lines:
        if out and re.fullmatch(r"\d[\d.,]*", ln) and not re.search(r"\d", out[-1]):
            out[-1] = f"{out[-1].rstrip(' :')}: {ln}"
        else:
            out.append(ln)
    return out


def _unfold_form_tables(soup: BeautifulSoup) -> None:
    """A news item shown as a list form (SharePoint's "DispForm": a table of label and value
    rows, "Tiêu đề | ...", "Ngày xuất bản | ...", "Tác giả | ...", "Nội dung | <p>...",
    "Số lượt xem | 402") as the page it stands for: the title as the heading, each field as
    "Label: value" on its own line, the content's blocks as the article."""
    for table in soup.find_all("table"):
        rows = table.find_all("tr")
        pairs = []
        for tr in rows:
            cells = tr.find_all(["td", "th"], recursive=False)
            label = cells[0].get_text(" ", strip=True).rstrip(" :") if len(cells) == 2 else ""
            if not label or len(label) > _FORM_LABEL_MAX or re.search(r"\d", label):
                break
            pairs.append((label, cells[1]))
        else:
            if len(pairs) < 3 or sum(bool(_FORM_LABELS.match(lb)) for lb, _ in pairs) < 2:
                continue
            for label, cell in pairs:
                if cell.find(["p", "div", "br", "ul", "ol", "table"]):   # the article
                    block = soup.new_tag("div", attrs={"class": "content"})
                    for child in list(cell.contents):
                        block.append(child.extract())
                elif re.match(r"tiêu đề|tên bài", label, re.I):
                    block = soup.new_tag("h1")
                    block.string = cell.get_text(" ", strip=True)
                else:
                    block = soup.new_tag("div")
                    block.string = f"{label}: {cell.get_text(' ', strip=True)}"
                table.insert_before(block)
            table.decompose()


def _label_bylines(soup: BeautifulSoup) -> None:
    """An element the markup marks as the by-line (<span class="author">VĂN SỰ</span> inside the
    info line) on a line of its own, labelled as a by-line: "Tác giả: VĂN SỰ"."""
    for tag in [*soup.find_all(True, class_=_AUTHOR_CLASS), *soup.find_all(itemprop="author")]:
        text = _SPACES.sub(" ", tag.get_text(" ", strip=True))
        # (a biography box holds a heading and paragraphs; a by-line at most one short block)
        if not text or len(text) > _AUTHOR_MAX or len(tag.find_all(_BLOCKS - {"div"})) > 1:
            continue
        # WordPress "bởi admin_mttq", Joomla "Viết bởi P.Hằng"
        by = re.match(r"(?:(?:viết|đăng)\s+bởi|bởi|(?:written\s+|posted\s+)?by)\s*:?\s+", text, re.I)
        if by:
            text = text[by.end():]
        # a whole info line marked as the by-line (read as one), or a photo credit or source
        if _DATE_TEXT.search(text) or re.match(r"(?:ảnh|nguồn)\s*:", text, re.I):
            continue
        if not re.match(r"(tác giả|tin|bài|ctv|pv)\b", text, re.I):
            text = "Tác giả: " + text
        tag.clear()
        tag.append(text)
        tag.name = "div"
        tag[_BYLINE_MARK] = "1"


def _bylines_outside(soup: BeautifulSoup, body: Tag | None, title_tag: Tag | None) -> tuple[
        list[str], list[str]]:
    """The by-lines the markup marks outside the article's container, not in the site's banner:
    those above the article (an info block over the title or the sapo) and those under it (a
    footer table of the article: <td class="author">)."""
    order = {id(t): n for n, t in enumerate(soup.find_all(True))}
    anchor = body if body is not None else title_tag
    above: list[str] = []
    below: list[str] = []
    for tag in soup.find_all(attrs={_BYLINE_MARK: True}):
        if anchor is None or _within(tag, body) or any(
                _CHROME_CLASS.search(" ".join(a.get("class") or [])) for a in tag.parents
                if isinstance(a, Tag)):
            continue
        text = _SPACES.sub(" ", tag.get_text(" ", strip=True))
        (above if order[id(tag)] < order[id(anchor)] else below).append(text)
    return above, below


def _label_view_icons(soup: BeautifulSoup) -> None:
    """An eye icon before a count (<i class="fa fa-eye"></i> 173) is the view counter's label,
    lost when the page is read as text: it becomes "Lượt xem:"."""
    for tag in soup.find_all(["i", "span", "em"], class_=_EYE_ICON):
        if not tag.get_text(strip=True):
            after = "".join(str(s) for s in tag.find_all_next(string=True, limit=2))
            # (the label may follow the icon: <span class="icon-eye-open"></span>Lượt xem: 967)
            tag.replace_with(NavigableString(" | " if _VIEWS.match(after.strip()) else " | Lượt xem: "))
    # an eye printed as a character: "👁 1,534"
    for node in soup.find_all(string=_EYE_CHAR):
        node.replace_with(NavigableString(_EYE_CHAR.sub("Lượt xem: ", str(node), count=1)))
    # a count in an element named for it: <span class="ArticleView">4120</span>
    for tag in soup.find_all(["span", "div", "em", "b"], class_=_VIEW_CLASS):
        if re.fullmatch(r"\d[\d.,]*", tag.get_text(strip=True)):
            tag.insert(0, NavigableString(" | Lượt xem: "))


def _named(soup: BeautifulSoup, name: re.Pattern) -> list[Tag]:
    """The elements whose class, then those whose id, ``name`` matches."""
    return [*soup.find_all(True, class_=name), *soup.find_all(True, id=name)]


def _body_container(soup: BeautifulSoup, title_tag: Tag | None) -> Tag | None:
    """The element holding the article text: a known class or id, else the element with the most
    text in its own paragraphs and its own text lines (an article written as text and <br>)."""
    for tag in _named(soup, _BODY_CLASS):
        # <body class="news-detail"> names the kind of page, not the article's container
        if tag.name not in ("body", "html") and (tag.find("p") or len(tag.get_text(strip=True)) > 200):
            return tag
    for tag in soup.find_all(["article"]):
        return tag
    best, best_len = None, 0
    for tag in soup.find_all(["div", "section", "td", "main", "body"]):
        n = sum(len(p.get_text()) for p in tag.find_all("p", recursive=False)) + sum(
            len(t.strip()) for t in tag.find_all(string=True, recursive=False))
        if n > best_len:
            best, best_len = tag, n
    if best is not None and best.name == "body" and best.find("p", recursive=False):
        return _wrap_paragraphs(soup, best)
    return best


def _wrap_paragraphs(soup: BeautifulSoup, page_body: Tag) -> Tag:
    """The article's paragraphs when they sit straight in <body>, beside the menu and the counter
    widget: the run of <p> from the first to the last, moved into a <div> of their own so that
    what is outside the article stays outside."""
    paragraphs = page_body.find_all("p", recursive=False)
    first, last = paragraphs[0], paragraphs[-1]
    run = [first]
    for sib in first.find_next_siblings() if first is not last else []:
        run.append(sib)
        if sib is last:
            break
    wrapper = soup.new_tag("div")
    first.insert_before(wrapper)
    for tag in run:
        wrapper.append(tag.extract())
    return wrapper


def _lead(title_tag: Tag | None, body: Tag | None) -> list[Tag]:
    """The elements between the article's heading and its body container when the two sit side
    by side (the date and counter line, the sapo that opens the article): they are the article's,
    although outside the container."""
    if title_tag is None or body is None:
        return []
    head = next((a for a in [title_tag, *title_tag.parents] if a.parent is body.parent), None)
    if head is None or head is body:
        return []
    between = []
    for sib in head.find_next_siblings():
        if sib is body:
            return between
        between.append(sib)
    return []


def _after_heading(lines: list[str], title: str) -> tuple[list[str], list[str]]:
    """The info lines above the heading and the article's lines after it, when the body container
    holds the heading too: the heading is the title already, the short lines above it are a
    breadcrumb ("Trang chủ / Tin tức - Sự kiện / ...") or the info line ("Chuyên mục: ... |
    Ngày đăng: 19/07/2022 | Lượt xem: 1,204"), which is kept. The heading may be in capitals
    while the document title is not."""
    at = next((i for i, ln in enumerate(lines[:_HEAD_LINES]) if ln.casefold() == title.casefold()),
              None)
    if at is None or any(len(ln) > _BREADCRUMB_MAX for ln in lines[:at]):
        return [], lines
    info = [ln for ln in lines[:at] if _DATE_TEXT.search(ln) or _VIEWS.search(ln)
            or re.match(r"tác giả\s*:", ln, re.I)]   # (a by-line over the heading: Tác giả: X)
    return info, lines[at + 1:]


def _title(soup: BeautifulSoup) -> tuple[str, Tag | None]:
    """The article's heading: an <h1> (or an <h2>, <h3> marked as the title) that is not the
    portal's name in a logo or banner; else the document <title> without the site's suffix."""
    heads = soup.find_all("h1") + [h for h in soup.find_all(["h2", "h3"])
                                   if _TITLE_CLASS.search(" ".join(h.get("class") or []))]
    for h in heads:
        text = _SPACES.sub(" ", h.get_text(" ", strip=True))
        # (class and id joined without a trailing space, so that a bare class="header" is seen)
        chrome = any(_CHROME_CLASS.search(" ".join([*(a.get("class") or []), a.get("id") or ""])
                                          .strip())
                     for a in [h, *h.parents] if isinstance(a, Tag) and a.name != "[document]")
        if text and not chrome and not SITE_WORDS.search(text):
            return text, h
    t = soup.find("title")
    text = _SPACES.sub(" ", t.get_text(" ", strip=True)) if t else ""
    return _SITE_SUFFIX.sub("", text).strip(), None


def _meta(metas: list[Tag], *names: str) -> str | None:
    """The content of the first of ``names`` that a <meta property=...> (else <meta name=...>)
    among ``metas`` gives."""
    for n in names:
        tag = next((t for t in metas if t.get("property") == n), None) or next(
            (t for t in metas if t.get("name") == n), None)
        if tag is not None and tag.get("content", "").strip():
            return tag["content"].strip()
    return None


def _address(soup: BeautifulSoup) -> PageAddress:
    """The page's own address (canonical link, og:url), site name and publication date."""
    link = next((t for t in soup.find_all("link", href=True)
                 if "canonical" in [r.lower() for r in (t.get("rel") or [])]), None)
    metas = soup.find_all("meta")   # once: each search of the tree costs more than this list's
    url = (link["href"].strip() if link is not None and "//" in link["href"] else None) or _meta(
        metas, "og:url")
    published = _meta(metas, "article:published_time", "og:published_time", "pubdate",
                      "date", "dc.date")
    if published is None:   # the first machine-readable date in the page: the article's own
        stamp = soup.find("time", attrs={"datetime": True})
        published = stamp["datetime"].strip() if stamp is not None else None
    site = _meta(metas, "og:site_name", "application-name")
    if site is None and soup.title is not None:   # "Tin ... | Cổng TTĐT huyện Bá Thước"
        m = _SITE_SUFFIX.search(_SPACES.sub(" ", soup.title.get_text(" ", strip=True)))
        site = m.group(0).strip(" |-–—") if m else None
    return PageAddress(url=url, site_name=site, published=parse_date(published),
                       title=_meta(metas, "og:title"))


def _within(tag: Tag, container: Tag | None) -> bool:
    """Whether ``tag`` is ``container`` or inside it (by identity: two blocks of the same markup
    are equal Tags)."""
    return container is not None and (tag is container
                                      or any(a is container for a in tag.parents))


def _heading_beside(body: Tag) -> Tag | None:
    """With no <h1>, the heading just before the article and beside it ("<h2>KẾT QUẢ ...</h2>"
    over the by-line and the content), or opening the article's container before its first
    paragraph (<div class="tin"><h3>Cờ Đỏ: Tổng kết ...</h3><div>Cập nhật ...</div><p>...)."""
    head = body.find_previous(["h2", "h3"])
    if head is not None and head.parent is body.parent and head.get_text(strip=True):
        return head
    head, first_p = body.find(["h2", "h3", "h4"]), body.find("p")
    if head is not None and head.get_text(strip=True) and not SITE_WORDS.search(head.get_text()) \
            and (first_p is None or head in first_p.find_all_previous(["h2", "h3", "h4"])):
        return head
    return None


def _info_lines(soup: BeautifulSoup, body: Tag | None) -> list[str]:
    """The article's info lines outside its text: the view counter's line (with the posting date
    of the same info list) and the posting date standing apart (<p class="date">)."""
    meta: list[str] = []
    for node in soup.find_all(string=_VIEWS):
        holder = node.parent
        # inside the article only a block that is the counter alone ("Lượt xem: 64")
        inside = _within(holder, body)
        if inside and not _COUNTER_ONLY.match(holder.get_text(" ", strip=True).lstrip("| ")):
            continue
        while holder.parent is not None and holder.name in ("span", "b", "strong", "em", "i", "a"):
            holder = holder.parent
        # an info line's blocks (a by-line marked by the markup) as fields of one line; the
        # counter's own element when the block around it is the whole article
        line = " | ".join(_lines(holder))
        if len(line) >= _META_MAX:
            line = _SPACES.sub(" ", node.parent.get_text(" ", strip=True)).strip("| ")
        if line and line not in meta and len(line) < _META_MAX:
            meta.append(line)
        # The posting date in the same info list as the counter ("• Ngày đăng: 06/10/2021").
        # (not across the article: a date above it is the site header's "today")
        for sib in holder.find_previous_siblings(holder.name) if not inside else []:
            if _within(body, sib):
                break
            date = _SPACES.sub(" ", sib.get_text(" ", strip=True))
            if _DATE_TEXT.search(date) and len(date) < _DATELINE_MAX and date not in meta:
                meta.insert(len(meta) - 1, date)
                break

    # The posting date when it sits apart from the view counter (<p class="date">...).
    for tag in soup.find_all(True, class_=_DATE_CLASS):
        if _within(tag, body):
            continue
        line = _SPACES.sub(" ", tag.get_text(" ", strip=True))
        if _DATE_TEXT.search(line) and len(line) < _DATELINE_MAX and not any(
                line in m or m in line for m in meta):
            meta.insert(0, line)
            break
    return meta


def _stats_block(soup: BeautifulSoup, body: Tag | None) -> list[str]:
    """The visit-statistics widget's lines, under its heading so that the page's chrome starts
    there ("Online: 4 | Hôm nay: 98" alone could be a line of the article)."""
    # (not the article's own counter: <div class="counter">👁 1,534</div>)
    outside = [tag for tag in _named(soup, _STATS_CLASS)   # <section id="counter"> too
               if not (_within(tag, body) or _within(body, tag)) and not _VIEWS.search(tag.get_text())]
    stats = _lines(outside[0]) if outside else []
    if not stats:
        for node in soup.find_all(string=_STATS_WORDS):
            holder = node.parent
            while holder.parent is not None and len(holder.get_text()) < _STATS_FIELD_MAX \
                    and not _within(body, holder.parent):
                holder = holder.parent
            if not (_within(holder, body) or _within(body, holder)):
                stats = _lines(holder)
                break
    stats = _label_value_rows(stats)
    if stats and not re.fullmatch(r"thống\s*kê\s*truy\s*cập\s*:?", stats[0], re.I):
        stats.insert(0, "Thống kê truy cập")
    return stats


def render_html(markup: str) -> tuple[str, PageAddress]:
    """Render an HTML page as plain page text (title, meta, body, counters), with its address."""
    soup = BeautifulSoup(markup, "lxml")
    _unfold_form_tables(soup)
    address = _address(soup)
    title, title_tag = _title(soup)  # before dropping <head>: <title> is the fallback
    for tag in soup.find_all(_DROP):
        # An ASP.NET page wraps the whole page in one <form>: only a search or comment form goes.
        if tag.name == "form" and sum(len(p.get_text()) for p in tag.find_all("p")) > _FORM_TEXT:
            tag.unwrap()
        else:
            tag.decompose()
    _label_bylines(soup)
    _label_view_icons(soup)
    body = _body_container(soup, title_tag)
    if title_tag is None and body is not None:
        title_tag = _heading_beside(body)
        if title_tag is not None:
            title = _SPACES.sub(" ", title_tag.get_text(" ", strip=True))

    meta = _info_lines(soup, body)
    body_lines = [ln for tag in _lead(title_tag, body) for ln in _lines(tag)]
    body_lines += _lines(body) if body is not None else []
    info, body_lines = _after_heading(body_lines, title)
    meta += [ln for ln in info if ln not in meta]
    # The info line holding the counter is in ``meta`` already, maybe as one line of what the
    # article's lead splits in two ("19/08/2024" and "Tác giả: ..."): once is enough.
    body_lines = [ln for ln in body_lines if not any(ln in m for m in meta)]
    # A by-line just after the body container (e.g. <p class="tacgia"> outside it).
    if body is not None:
        sib = body.find_next_sibling()
        if isinstance(sib, Tag) and re.match(r"\s*(tác giả|tin, ảnh|ctv)\b", sib.get_text(), re.I) \
                and not sib.get(_BYLINE_MARK):
            body_lines.append(_SPACES.sub(" ", sib.get_text(" ", strip=True)))
    # By-lines the markup marks elsewhere outside the container: over it, or in its footer.
    above, below = _bylines_outside(soup, body, title_tag)
    meta += [ln for ln in above if not any(ln in m for m in meta + body_lines)]
    body_lines += [ln for ln in below if not any(ln in b for b in meta + body_lines)]

    stats = _stats_block(soup, body)
    parts = [title, *meta, "", *body_lines]
    if stats:
        parts += ["", *stats]
    return "\n".join(parts) + "\n", address
