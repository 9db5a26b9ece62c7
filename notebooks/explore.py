# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python (dân vận)
#     language: python
#     name: dan-van
# ---

# %% [markdown]
# # Khám phá dữ liệu báo cáo công tác dân vận
#
# Sổ tay này nạp mọi bảng do `make extract` tạo ra (thư mục `data/processed/` của dự án, hoặc
# thư mục do biến môi trường `DAN_VAN_TABLES` chỉ định; mở sổ tay từ thư mục nào cũng được)
# cùng từ điển dữ liệu, rồi trả lời vài câu hỏi mẫu. Sửa, thêm ô tùy ý: logic dùng chung nằm
# trong `src/analysis/`.

# %% tags=["parameters"]
tables_dir = None  # None: analysis.paths.PROCESSED

# %%
import pandas as pd

from analysis import paths, schema, trends
from analysis.formats import vnd_short

tables = trends.load_tables(tables_dir or paths.PROCESSED)
{name: len(df) for name, df in tables.items()}

# %% [markdown]
# ## Từ điển dữ liệu
# Mỗi bảng, mỗi cột: kiểu, đơn vị, nhãn tiếng Việt và mô tả.

# %%
schema.data_dictionary_frame()

# %% [markdown]
# ## Các báo cáo

# %%
tables["reports"][["source_file", "locality", "period_label", "author", "views", "title"]]

# %% [markdown]
# ## Văn bản được dẫn chiếu nhiều nhất
# Đếm số báo cáo dẫn chiếu mỗi văn bản (mỗi báo cáo tính một lần).

# %%
docs = tables["doc_refs"].drop_duplicates(["report_id", "doc_key"])
top = (docs.groupby("doc_key")
       .agg(code=("code", "first"), loai=("doc_type_name", "first"), co_quan=("issuer", "first"),
            so_bao_cao=("report_id", "nunique"))
       .sort_values("so_bao_cao", ascending=False))
top.head(15)

# %% [markdown]
# ## Kinh phí hỗ trợ theo địa phương và quý

# %%
amounts = tables["amounts"].merge(tables["reports"][["report_id", "locality", "period_label"]],
                                  on="report_id")
support = (amounts[(amounts["kind"] == "support") & (amounts["section"] == "results")]
           .pivot_table(index="period_label", columns="locality", values="amount_vnd",
                        aggfunc="sum", fill_value=0))
support.map(vnd_short) if hasattr(support, "map") else support

# %% [markdown]
# ## Mọi khoản tiền, theo loại

# %%
amounts.groupby("kind")["amount_vnd"].agg(["count", "sum"]).assign(
    tong=lambda d: d["sum"].map(vnd_short))
