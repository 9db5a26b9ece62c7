"""Deterministic synthetic corpus of "công tác dân vận" report pages, with gold facts.

Test tooling, not part of the runtime package: for the generalisation test, multi-province
test corpora, benchmarks and scale tests. Never mix these pages into real data; each gold
file's ``notes`` says the page is machine-made (the page text itself does not, so that the
extractor meets nothing a real page would not have).

The pages imitate the genre of the test corpus: a title with the reported period, a dateline
and view counter, results paragraphs citing Party and State documents, money and counts, a
next-period task list, a by-line and portal chrome (other headlines, visit statistics, owner
line). About one page in five is a full HTML page, about one in twenty is written as NFD
bytes. Forms (periods, codes, dates, by-lines, view counters, where the province is named) are
drawn per page from the forms of real pages (``/work/shared/FORMS.md``).

Vocabulary, localities, documents and prose templates live in ``data/*.yaml``. The gold file
beside each page is built from the values that were rendered into the text, never by parsing
the text. Central documents (and Lào Cai's provincial documents) are real codes, dates and
issuers; documents of a locality's own committees are invented, as are all figures, counters
and names of people.

Determinism: the locality order comes from ``random.Random(seed)``; everything on a page comes
from RNGs seeded with strings built from ``(seed, locality slug, year, period)`` (string seeds
are hashed with SHA-512 by :mod:`random`, so they do not depend on ``PYTHONHASHSEED``). A
smaller corpus therefore contains byte-identical copies of the pages of a larger one.
"""

from .corpus import generate_corpus, generate_provinces, render_page
from .localities import Locality, all_localities, provinces
from .periods import Period

__all__ = ["Locality", "Period", "all_localities", "generate_corpus", "generate_provinces",
           "provinces", "render_page"]
