"""A page around the report body: title, dateline and view counter, by-line, portal chrome
(other headlines, visit statistics, owner line), as copied text or as a saved HTML page."""

from __future__ import annotations

import datetime as dt
import html

from .data import site, weighted
from .page import Page
from .words import dots, slug


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _host(page: Page) -> str:
    """The portal's address: 'chauthanh.bentre.gov.vn', 'longdinh.chauthanh.tiengiang.gov.vn'."""
    loc = page.loc
    parts = [loc.name] + ([loc.parent] if loc.parent else []) + [loc.province]
    return ".".join(slug(p).replace("-", "") for p in parts) + ".gov.vn"


def _stats(page: Page) -> tuple[dict, list[str]]:
    """The visit statistics: gold values and the 'label: value' lines as written."""
    r = page.rng
    total = (page.stats_base + ((page.year - 2015) * 12 + page.end.month) * page.stats_growth // 3
             + r.randint(0, 5000))
    online, today = r.randint(1, 40), r.randint(30, 600)
    week = today * r.randint(5, 9) + r.randint(0, 99)
    month = today * r.randint(18, 30) + r.randint(0, 999)
    year = month * page.published.month + r.randint(0, 9999)
    stats = dict.fromkeys(("online", "today", "week", "month", "year", "total"))
    if page.stats_style == "A":
        stats.update(online=online, today=today, week=week, total=total)
        lines = [("Đang online", online), ("Hôm nay", today), ("Trong tuần", f"{week:,}"),
                 ("Tất cả", f"{total:,}")]
    elif page.stats_style == "B":
        stats.update(online=online, today=today, month=month, total=total)
        lines = [("Đang truy cập", online), ("Hôm nay", today),
                 ("Tháng hiện tại", f"{month:,}"), ("Tổng lượt truy cập", f"{total:,}")]
    else:
        stats.update(today=today, month=month, year=year)
        m = page.published.month
        lines = [("Hôm nay ", today), (f"Tháng {m:02d} " if r.random() < 0.5 else
                                       f"Tháng {m} ", dots(month)),
                 (f"Năm {page.published.year} ", dots(year))]
    return stats, [f"{label}: {value}" for label, value in lines]


def _chrome_headlines(page: Page) -> list[str]:
    """Other articles' titles: codes and money that are not facts of this page."""
    r = page.rng
    return [t.format(name=page.loc.name, unit=page.loc.locality_type,
                     money=page.random_money(50, 1500)[1], issue=r.randint(1, 12),
                     y=page.published.year, knum=r.randint(20, 300), code=page.unit["code"],
                     qnum=r.randint(100, 3000))
            for t in r.sample(site("chrome_headlines"), r.randint(2, 3))]


def _owner(page: Page) -> str:
    loc = page.loc
    district = f", huyện {loc.parent}" if loc.parent else ""
    return f"Cơ quan chủ quản: UBND {loc.place}{district}, tỉnh {loc.province}"


def assemble(page: Page) -> tuple[str, dict]:
    """The whole page text (or HTML) and its page-level gold values."""
    r = page.rng
    paragraphs, photo, heading, items = page.build()
    author, author_form = page.author()
    parts = {
        "title": page.title(), "author": author, "author_form": author_form,
        "paragraphs": paragraphs, "photo": photo, "heading": heading, "items": items,
        "published": page.published.strftime("%d/%m/%Y"),
        "clock": f"{r.randint(7, 22):02d}:{r.randint(0, 59):02d}",
    }
    views = min(9999, max(12, int(r.lognormvariate(5.2, 0.9))))
    parts["views"] = f"{views:,}" if views >= 1000 and r.random() < 0.6 else str(views)
    parts["view_form"] = weighted(r, site("view_forms"))
    stats, parts["stat_lines"] = _stats(page)
    parts["headlines"] = _chrome_headlines(page)
    text = _html(page, views, **parts) if page.html else _text(page, **parts)
    if parts["view_form"] == "number_first":
        page.notes.append(f"view counter written number-first: '{parts['views']} lượt xem'")
    if parts["view_form"] == "glued_clock" and not page.html:
        page.notes.append("the view counter is glued to the post time")
    if author_form == "top_pipe":
        page.notes.append("the by-line stands under the title, followed by ' |'")
    page.notes.append("The chrome headlines carry document codes and money that are not "
                      "facts of the report")
    byline = author.removeprefix("Tác giả: ") if author else None
    return text, {"title": parts["title"], "author": byline, "views": views,
                  "site_stats": stats}


def _text(page: Page, title, author, author_form, paragraphs, photo, heading, items, published,
          clock, views, view_form, stat_lines, headlines) -> str:
    r = page.rng
    lines = []
    weekday = site("weekdays")[page.published.weekday()]
    above = r.random()
    if above < 0.05:  # crawl metadata above the title
        lines.append(f" date {page.published.isoformat()}")
    elif above < 0.08:  # a dateline above the title
        lines.append(f"{weekday}, {published} {clock}")
        page.notes.append("a dateline stands above the title")
    lines.append(title)
    if view_form == "label":
        lines.append(f"Lượt xem: {views}")
    elif view_form == "number_first":
        lines += [f"{weekday}, {published} {clock}", f"{views} lượt xem"]
    elif view_form == "dated":
        lines.append(f"Ngày đăng: {published} | Lượt xem: {views}")
    elif view_form == "category":
        lines.append(f"Chuyên mục: Tin tuyên vận | Lượt xem : {views}")
    elif view_form == "both":
        lines.append(f"  • Lượt xem: {views} lượt xem")
    elif view_form == "glued_clock":
        lines.append(f"{weekday}, {published} {clock}{views.replace(',', '')}")
    else:  # the counter comes after the by-line
        lines.append(f"Cập nhật: {published} {clock}")
    if r.random() < 0.2:
        lines.append("In bài | Gửi email | Chia sẻ")
    if author_form == "top_pipe":
        lines += ["", f"{author} |"]
    body = list(paragraphs)
    if r.random() < 0.1:
        body[0] = r.choice(site("source_tags")) + body[0]
    if photo:
        body.insert(r.randint(1, len(body) - 1), f"{photo[0]}. Ảnh: {photo[1]}")
    bullet = weighted(r, (("{i}. ", 2), ("- ", 2), ("+ ", 0.5)))
    body += [heading] + [bullet.format(i=i) + item for i, item in enumerate(items, 1)]
    lines += ["", "\n\n".join(body), ""]
    if author and author_form != "top_pipe":
        lines.append(author)
    if view_form == "last":
        lines.append(f"Lượt xem: {views}")
    lines.append("Thông tin mới nhất")
    lines += [f"  • {h}" for h in headlines]
    lines.append("Thống kê truy cập")
    lines += [("" if page.stats_style == "C" else "  • ") + s for s in stat_lines]
    if page.province_form == "owner":
        lines.append(_owner(page))
    lines.append("Đăng nhập")
    return "\n".join(lines) + "\n"


def _html(page: Page, view_count: int, title, author, author_form, paragraphs, photo, heading,
          items, published, clock, views, view_form, stat_lines, headlines) -> str:
    r = page.rng
    loc = page.loc
    a = page.layout == "A"
    site_name = (f"Trang thông tin điện tử {loc.place}" if loc.locality_type == "xã"
                 else f"Cổng TTĐT {loc.place}")
    page_id = r.randint(1_100_000, 1_199_999)
    url = f"https://{_host(page)}/tin-tuc/{slug(title)[:60]}-{page_id}"
    label = f"{views} lượt xem" if view_form == "number_first" else f"Lượt xem: {views}"
    meta = (f'<p class="post-info">Ngày đăng: {published} | {label}</p>' if a else
            f'<div class="meta"><span class="date">{published} {clock}</span> | '
            f'<span class="views">{label}</span></div>')
    body = [f"<p>{_esc(p)}</p>" for p in paragraphs]
    if author_form == "top_pipe":
        body.insert(0, f'<p class="sapo"><strong>{_esc(author)} |</strong></p>')
    if photo:
        body.insert(r.randint(1, len(body) - 1),
                    f'<figure><img src="/uploads/{page.published.year}/'
                    f'{page.published.month:02d}/anh-{page_id}.jpg" alt="">'
                    f"<figcaption>{_esc(photo[0])}. Ảnh: {_esc(photo[1])}</figcaption>"
                    "</figure>")
    tag = r.choice(("ol", "ul"))
    body += [f"<p><strong>{_esc(heading)}</strong></p>",
             f"<{tag}>\n" + "\n".join(f"<li>{_esc(i)}</li>" for i in items) + f"\n</{tag}>"]
    if author and author_form != "top_pipe":
        body.append(f'<p class="{"tacgia" if a else "author"}">{_esc(author)}</p>')
    related = "\n".join(
        f'<li><a href="/tin-tuc/{slug(h)[:48]}-{page_id - 37 * (i + 1)}">{_esc(h)}</a> '
        f"<span>({(page.published - dt.timedelta(days=3 * i + 2)):%d/%m/%Y})</span></li>"
        for i, h in enumerate(headlines))
    stats = "".join(f"<li>{_esc(s)}</li>" for s in stat_lines)
    nav = "".join(f'<li><a href="/{slug(n)}">{n}</a></li>' for n in site("nav"))
    owner = _owner(page)
    if a:
        top = [f'<div class="top-banner">{_esc(site_name.upper())} - TỈNH '
               f"{loc.province.upper()}</div>",
               f'<nav class="main-nav"><ul>\n{nav}\n</ul></nav>',
               '<div class="breadcrumbs">Trang chủ / Tin tức / Tin tuyên vận</div>']
        content = ['<div class="content">', f"<h1>{_esc(title)}</h1>", meta,
                   '<div class="post-content">', *body, "</div>", "</div>",
                   f'<div class="tin-khac"><h3>Tin khác</h3><ul>\n{related}\n</ul></div>',
                   "<footer>", f'<div class="thong-ke"><h4>Thống kê truy cập</h4><ul>'
                   f"{stats}</ul></div>", f"<p>{owner}</p>",
                   '<p><a href="/dang-nhap">Đăng nhập</a></p>', "</footer>"]
    else:
        top = [f'<div id="header"><a href="/" class="logo">CỔNG THÔNG TIN ĐIỆN TỬ '
               f"{loc.place.upper()}</a></div>", f'<ul class="menu">\n{nav}\n</ul>',
               '<div class="breadcrumb"><a href="/">Trang chủ</a> &rsaquo; '
               '<a href="/tin-tuc-su-kien">Tin tức - Sự kiện</a> &rsaquo; '
               '<a href="/tin-tuc-su-kien/cong-tac-dan-van">Công tác dân vận</a></div>']
        content = ['<div class="content">', f'<h1 class="title">{_esc(title)}</h1>', meta,
                   '<div class="article-body">', *body, "</div>", "</div>",
                   f'<div class="related"><h3>Tin liên quan</h3><ul>\n{related}\n</ul></div>',
                   '<div id="footer">', f'<div class="stats"><h3>Thống kê truy cập</h3><ul>'
                   f"{stats}</ul></div>", f"<p>{owner}</p>",
                   '<p><a href="/dang-nhap">Đăng nhập</a></p>', "</div>"]
    lines = [
        "<!DOCTYPE html>", '<html lang="vi">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_esc(title)}{' | ' if a else ' - '}{_esc(site_name)}</title>",
        f'<link rel="canonical" href="{url}">',
        f'<meta property="og:url" content="{url}">',
        f'<meta property="og:site_name" content="{_esc(site_name)}">',
        '<link rel="stylesheet" href="/Portal/css/site.css">', "</head>", "<body>",
        *top, *content,
        f"<script>window.pageId={page_id};window.hitCounter={view_count + r.randint(1, 9)};"
        "</script>",
        "</body>", "</html>",
    ]
    return "\n".join(lines) + "\n"
