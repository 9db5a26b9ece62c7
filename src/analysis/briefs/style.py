"""The CSS added to every brief: screen layout, and an A4 print style.

Print: A4 pages with margins; headings stay with what follows; charts, tables and table rows are
never split across pages (``break-inside: avoid``); charts are capped in height so that one
never pushes most of a page away (no half-empty first page); the data download link, useless on
paper, is not printed. Kept in a Python module so that a change re-renders the briefs (the
brief fingerprint covers the package code).
"""

BRIEF_CSS = """
body{max-width:70rem;margin:0 auto;padding:0 1rem}
.jp-RenderedHTMLCommon table{font-size:.9rem}
img.chart{display:block;max-width:100%;height:auto;margin:.5rem 0}
p.chart-note{font-style:italic;color:#555}
p.download{margin:1.5rem 0}
@page{size:A4;margin:15mm 14mm 17mm 14mm}
@media print{
  body{max-width:none;margin:0;padding:0;font-size:10pt}
  .jp-Cell,.jp-OutputArea-output,.jp-RenderedHTMLCommon{padding:0;margin:0;overflow:visible}
  .jp-Cell{margin-bottom:4pt}
  .jp-RenderedHTMLCommon table{font-size:8.5pt;width:100%;table-layout:auto}
  .jp-RenderedHTMLCommon td,.jp-RenderedHTMLCommon th{white-space:normal}
  img.chart{max-height:105mm;width:auto;max-width:100%}
  img.chart,table,tr,figure,p.chart-note{break-inside:avoid;page-break-inside:avoid}
  h1,h2,h3,h4{break-after:avoid;page-break-after:avoid}
  p.download{display:none}
  a{color:inherit;text-decoration:none}
}
""".replace("\n", "")
