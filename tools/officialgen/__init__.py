"""Fixture generator for official reports (.docx, text PDF, scanned PDF, .doc, bad files).

``python -m officialgen OUT`` (with ``tools/`` on ``sys.path``) writes, deterministically:

- ``OUT/docx/NAME.docx`` in the official layout, with ``NAME.gold.json`` beside it;
- ``OUT/pdf/NAME.pdf`` converted from it by LibreOffice (text layer), with gold;
- ``OUT/scan/NAME.pdf`` image-only, rendered from the text PDF, slightly rotated and blurred;
- ``OUT/mixed/NAME.pdf`` one exported PDF whose signed last page is a scan, with gold;
- ``OUT/doc/NAME.doc`` (Word 97-2003, converted by LibreOffice) for one report, with gold;
- ``OUT/bad/`` a corrupt .docx and a password-protected PDF.

The gold format is the corpus's (``tests/fixtures/corpus/README.md``) plus ``report_code``,
``issued_on``, ``signer``, ``signer_position``, ``source_kind`` and ``table_figures``.
"""

from .generate import generate

__all__ = ["generate"]
