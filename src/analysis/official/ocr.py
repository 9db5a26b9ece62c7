"""Scanned PDF (no text layer) -> :class:`~.layout.Layout` by OCR.

Each page is rendered with pypdfium2, deskewed (the angle whose row profile is sharpest), its
table ruling lines are found and whitened (the grid gives the cells, merged cells included),
and the page is read by ``tesseract -l vie`` (TSV: words with boxes and confidences). Words in a
table's grid become its cells; the others go to :mod:`.regions` like a text layer's words.
Every fact read this way carries a confidence, and the report's number is trusted only when
it follows the numbering rules (:func:`.layout.read_metadata`).
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

import numpy as np

from .errors import OfficialReadError
from .figures import CELL_NUMBER, header_rows
from .layout import Layout, Table
from .regions import PageWords, Word, build_layout, join_broken

_EDGE_NOISE = re.compile(r"^[_|~=\[\]{}]+|[_|~=\[\]{}]+$")
"""Rule fragments and stains that OCR reads as characters around a word."""


def _clean(word: str) -> str:
    """A word as OCR read it, without stray rule marks; the Latin Eth that OCR doubles with or
    puts for Đ ("QĐÐ", "ÐU") is read as Đ."""
    w = _EDGE_NOISE.sub("", word.strip())
    w = w.replace("ĐÐ", "Đ").replace("ÐĐ", "Đ").replace("Ð", "Đ").replace("ð", "đ")
    return "" if re.fullmatch(r"[-—–]+", w) and len(w) > 1 else w

DPI = 300
PACKAGE = "tesseract-ocr-vie"
TIMEOUT_S = 120
_DARK = 150


@lru_cache(maxsize=1)
def _languages() -> tuple[str, frozenset]:
    """(tesseract's path, its installed models); ("", {}) without tesseract."""
    exe = shutil.which("tesseract")
    if exe is None:
        return "", frozenset()
    langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True).stdout
    return exe, frozenset(langs.split()[1:])


def _tesseract() -> str:
    exe, langs = _languages()
    return exe if "vie" in langs else ""


def without_seal(rgb):
    """A grayscale page without its red seal: reddish pixels (the stamp pressed over the
    signer's name, and its pink fringe) become white before the page is read."""
    from PIL import Image
    a = np.asarray(rgb.convert("RGB")).astype(np.int16)
    r, g, b = a[..., 0], a[..., 1], a[..., 2]
    red = (r > 120) & (r - g > 50) & (r - b > 40)
    gray = np.asarray(rgb.convert("L")).copy()
    gray[red] = 255
    return Image.fromarray(gray)


def render(data: bytes, source: str, dpi: int = DPI, pages: list[int] | None = None) -> list:
    """Grayscale PIL images of the pages (all, or those numbered in ``pages``), red seals
    removed."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        raise OfficialReadError(source, f"not a readable PDF ({e})") from e
    try:
        return [without_seal(pdf[i].render(scale=dpi / 72).to_pil())
                for i in (range(len(pdf)) if pages is None else pages)]
    finally:
        pdf.close()


def skew_angle(img, max_deg: float = 3.0) -> float:
    """Rotation (degrees) that straightens the text lines: the angle whose horizontal
    projection profile has the largest variance, on a reduced copy."""
    small = img.copy()
    small.thumbnail((900, 1300))
    best = (0.0, -1.0)
    for step, lo, hi in ((0.5, -max_deg, max_deg), (0.1, None, None)):
        if lo is None:
            lo, hi = best[0] - 0.5, best[0] + 0.5
        a = lo
        while a <= hi + 1e-9:
            arr = np.asarray(small.rotate(a, resample=2, fillcolor=255)) < _DARK
            score = float(np.var(arr.sum(axis=1)))
            if score > best[1]:
                best = (round(a, 2), score)
            a += step
    return best[0]


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) of consecutive True runs in a 1-d mask."""
    d = np.diff(np.concatenate([[0], mask.astype(np.int8), [0]]))
    return list(zip(np.flatnonzero(d == 1), np.flatnonzero(d == -1)))


def _longest_run(rows: np.ndarray) -> np.ndarray:
    """Longest run of dark pixels in each row of a boolean array."""
    out = np.zeros(rows.shape[0], dtype=int)
    for i, r in enumerate(rows):
        if r.any():
            out[i] = max(e - s for s, e in _runs(r))
    return out


def find_grids(dark: np.ndarray) -> list[tuple[list[int], list[int]]]:
    """Ruled tables: (row boundaries y, column boundaries x) of each grid on a page."""
    h, w = dark.shape
    long_rows = _longest_run(dark) > 0.3 * w
    ys = [(s + e) // 2 for s, e in _runs(long_rows)]
    grids, group = [], []
    for y in ys:   # horizontal rules closer than ~3 text lines belong to one table
        if group and y - group[-1] > 160 * DPI / 300:
            grids.append(group)
            group = []
        group.append(y)
    if group:
        grids.append(group)
    out = []
    for g in grids:
        if len(g) < 3:
            continue
        top, bot = g[0], g[-1]
        band = dark[top:bot + 1]
        cols = _longest_run(band.T) > 0.5 * (bot - top)
        xs = [(s + e) // 2 for s, e in _runs(cols)]
        if len(xs) >= 3:
            out.append((g, xs))
    return out


def _cells(dark, ys, xs, words):
    """Cell texts of a grid (merged cells repeated), from the OCR words inside it."""
    n_r, n_c = len(ys) - 1, len(xs) - 1
    parent = list(range(n_r * n_c))

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    def ruled(y0, y1, x0, x1, horizontal):
        seg = dark[max(y0 - 3, 0):y1 + 4, x0:x1 + 1] if horizontal else \
            dark[y0:y1 + 1, max(x0 - 3, 0):x1 + 4]
        prof = seg.any(axis=0 if horizontal else 1)
        return prof.mean() > 0.8

    for i in range(n_r):
        for j in range(n_c):
            if j + 1 < n_c and not ruled(ys[i] + 4, ys[i + 1] - 4, xs[j + 1], xs[j + 1], False):
                parent[find(i * n_c + j + 1)] = find(i * n_c + j)
            if i + 1 < n_r and not ruled(ys[i + 1], ys[i + 1], xs[j] + 4, xs[j + 1] - 4, True):
                parent[find((i + 1) * n_c + j)] = find(i * n_c + j)
    texts: dict[int, list] = {}
    confs = []
    for wd in words:
        cx, cy = (wd.x0 + wd.x1) / 2, (wd.top + wd.bottom) / 2
        i = next((k for k in range(n_r) if ys[k] <= cy < ys[k + 1]), None)
        j = next((k for k in range(n_c) if xs[k] <= cx < xs[k + 1]), None)
        if i is None or j is None:
            continue
        texts.setdefault(find(i * n_c + j), []).append(wd)
        if wd.conf is not None:
            confs.append(wd.conf)
    rows = []
    for i in range(n_r):
        row = []
        for j in range(n_c):
            ws = sorted(texts.get(find(i * n_c + j), []),
                        key=lambda w: (round((w.top + w.bottom) / 40), w.x0))
            row.append(" ".join(join_broken([w.text for w in ws])))
        rows.append(row)
    return rows, (sum(confs) / len(confs) if confs else None)


def tesseract_words(img, source: str, psm: int = 3, digits: bool = False,
                    lang: str = "vie") -> list[Word]:
    """Words of an image with boxes and confidences (0-1); ``digits`` restricts the reading
    to figures (a table cell)."""
    exe = _tesseract()
    if not exe:
        raise OfficialReadError(source, "a scanned PDF needs OCR: install tesseract with the "
                                        f"Vietnamese model (apt-get install {PACKAGE})")
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "page.png"
        img.save(png)
        try:
            extra = ["-c", "tessedit_char_whitelist=0123456789.,"] if digits else []
            res = subprocess.run([exe, str(png), "stdout", "-l", lang, "--psm", str(psm),
                                  *extra, "tsv"],
                                 capture_output=True, timeout=TIMEOUT_S,
                                 env={**os.environ, "OMP_THREAD_LIMIT": "1"})
        except subprocess.TimeoutExpired as e:
            raise OfficialReadError(source, f"OCR took more than {TIMEOUT_S} s on a page") from e
    if res.returncode != 0:
        raise OfficialReadError(source, f"tesseract failed: {res.stderr.decode(errors='replace')[:200]}")
    words = []
    for r in csv.DictReader(io.StringIO(res.stdout.decode("utf-8")), delimiter="\t",
                            quoting=csv.QUOTE_NONE):
        text = _clean(r.get("text") or "")
        if r.get("level") != "5" or not text or float(r["conf"]) < 20:
            continue
        x, y, w, h = (int(r[k]) for k in ("left", "top", "width", "height"))
        words.append(Word(x, y, x + w, y + h, text, max(float(r["conf"]), 0.0) / 100))
    return words


def _ink(cell):
    """The cell's ink alone: what is left of the rules (rows or columns dark almost across) is
    whitened and the rest cropped with a white margin; None for an empty cell."""
    from PIL import Image, ImageOps
    a = np.asarray(cell).copy()
    d = a < _DARK
    a[d.mean(axis=1) > 0.5, :] = 255
    a[:, d.mean(axis=0) > 0.9] = 255
    ys, xs = np.nonzero(a < _DARK)
    if len(ys) < 20:
        return None
    box = (xs.min(), ys.min(), xs.max() + 1, ys.max() + 1)
    return ImageOps.expand(Image.fromarray(a).crop(box), 20, fill=255)


def _read_figure(cell, source: str) -> str | None:
    """A figure cell read as digits in a few page-segmentation modes (and by the English model
    too when installed: digits have no language); the reading most of them agree on, the longest
    on a tie, since a lone cell loses its first digit more often than it gains one."""
    configs = [("vie", 8), ("vie", 7)] + ([("eng", 8), ("eng", 7)]
                                          if "eng" in _languages()[1] else [])
    reads = []
    for lang, psm in configs:
        text = "".join(w.text for w in tesseract_words(cell, source, psm=psm, digits=True,
                                                       lang=lang)).strip(".,")
        if CELL_NUMBER.match(text):
            reads.append(text)
    if not reads:
        return None
    return max(set(reads), key=lambda t: (reads.count(t), len(t)))


def _reread_figures(img, ys, xs, rows, source) -> None:
    """Cells of a column of figures that the page's OCR did not read as a number ("H5" for
    "55", or nothing) are read again alone, enlarged, as digits only."""
    n_head = header_rows(rows)
    for j in range(1, len(xs) - 1):
        data = [rows[i][j] for i in range(n_head, len(rows)) if rows[i][j]]
        if not data or sum(bool(CELL_NUMBER.match(c)) for c in data) * 2 < len(data):
            continue
        for i in range(n_head, len(rows)):
            if CELL_NUMBER.match(rows[i][j]) or not any(rows[i]):
                continue
            cell = _ink(img.crop((xs[j], ys[i], xs[j + 1], ys[i + 1])))
            if cell is None:
                continue
            text = _read_figure(cell, source)
            if text:
                rows[i][j] = text


def read_page_image(img, source: str) -> PageWords:
    angle = skew_angle(img)
    if abs(angle) >= 0.05:
        img = img.rotate(angle, resample=3, fillcolor=255, expand=False)
    arr = np.asarray(img)
    dark = arr < _DARK
    grids = find_grids(dark)
    clean = arr.copy()
    for ys, xs in grids:   # whiten the rules so that OCR reads the cells' text
        for y in ys:
            clean[max(y - 4, 0):y + 5, xs[0] - 4:xs[-1] + 5] = 255
        for x in xs:
            clean[ys[0] - 4:ys[-1] + 5, max(x - 4, 0):x + 5] = 255
    from PIL import Image
    words = tesseract_words(Image.fromarray(clean), source)
    tables = []
    for ys, xs in grids:
        inside = [w for w in words if xs[0] <= (w.x0 + w.x1) / 2 <= xs[-1]
                  and ys[0] <= (w.top + w.bottom) / 2 <= ys[-1]]
        rows, conf = _cells(dark, ys, xs, inside)
        _reread_figures(Image.fromarray(clean), ys, xs, rows, source)
        rows = [r for r in rows if any(r)]
        if len(rows) >= 2:
            tables.append((xs[0], ys[0], xs[-1], ys[-1], Table(rows, header_rows(rows), conf)))
    return PageWords(img.width, img.height, words, tables)


def read_scanned(data: bytes, source: str) -> Layout:
    pages = [read_page_image(img, source) for img in render(data, source)]
    layout = build_layout(pages, source, "pdf_ocr")
    confs = [w.conf for p in pages for w in p.words if w.conf is not None]
    layout.confidence = sum(confs) / len(confs) if confs else None
    if not confs:
        raise OfficialReadError(source, "no text found by OCR (blank or unreadable scan)")
    return layout
