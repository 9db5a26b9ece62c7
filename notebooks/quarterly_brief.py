# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python (dân vận)
#     language: python
#     name: dan-van
# ---

# %% tags=["parameters"]
# Parameters (papermill overrides these for each brief).
locality = "Sa Pa"
year = 2021
quarter = 1
tables_dir = "../data/processed"

# %%
from IPython.display import Markdown, display

from analysis import charts, present, trends

tables = trends.load_tables(tables_dir)
ctx = trends.brief_context(tables, locality, int(year), int(quarter))
display(Markdown(present.headline(ctx)))

# %% [markdown]
# ## Diễn biến theo quý
#
# Các biểu đồ dùng mọi báo cáo quý của địa phương có trong bảng dữ liệu; quý của bản tin được
# tô màu khác.

# %%
charts.support_chart(ctx.support, highlight=ctx.label)

# %%
charts.documents_chart(ctx.doc_series, highlight=ctx.label)

# %%
charts.views_chart(ctx.views, highlight=ctx.label)

# %% [markdown]
# ## Văn bản được dẫn chiếu trong quý

# %%
present.style(present.documents_table(ctx))

# %% [markdown]
# ## Các khoản tiền và câu gốc

# %%
present.style(present.money_table(ctx))

# %% [markdown]
# ## Hoạt động được đếm trong báo cáo

# %%
present.style(present.counts_table(ctx))

# %% [markdown]
# ## Nhiệm vụ kỳ tới

# %%
display(Markdown(present.tasks_markdown(ctx)))

# %% [markdown]
# ---
# *Số liệu do công cụ trích xuất tự động từ trang báo cáo; mỗi con số kèm câu gốc để đối chiếu.
# Số tiền viết theo kiểu Việt Nam (dấu chấm phân cách hàng nghìn); bộ đếm truy cập in như trên
# cổng thông tin.*

# %%
from analysis import export

export.brief_download_html(tables, [ctx.report["report_id"]])
