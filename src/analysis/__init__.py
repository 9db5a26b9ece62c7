"""Tables and quarterly briefs from Vietnamese "công tác dân vận" report pages.

Data flows one way: page bytes -> text (``analysis.text``) -> facts (``analysis.extract``)
-> tables (``analysis.tables``) -> trends (``analysis.trends``) -> notebook -> brief
(``analysis.briefs``).
"""

__version__ = "0.1.0"
