"""Quarterly briefs: ``plan`` (which briefs, with fingerprints), ``render`` (one brief: papermill
and nbconvert), ``engine`` (papermill's in-process engine), ``workers`` (warm worker processes),
``batch`` (the parallel, incremental, isolated run), ``index`` (the index page), ``outputs``
(what a batch leaves beside the briefs, and the re-run with nothing to do).

Nothing is imported here: ``outputs`` answers a no-change re-run without pandas, and importing
a submodule runs this file first. Import from the submodules (``analysis.briefs.batch``).
"""
