"""Quarterly briefs: ``plan`` (which briefs, with fingerprints), ``render`` (one brief: papermill
and nbconvert), ``engine`` (papermill's in-process engine), ``workers`` (warm worker processes),
``batch`` (the parallel, incremental, isolated run), ``index`` (the index page)."""

from .batch import BatchSummary, run_briefs, summary_text
from .plan import BriefJob, plan
from .render import BriefResult, render

__all__ = ["BatchSummary", "BriefJob", "BriefResult", "plan", "render", "run_briefs",
           "summary_text"]
