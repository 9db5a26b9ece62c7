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
#     display_name: "Python (d\xE2n v\u1EADn)"
#     language: python
#     name: dan-van
# ---

# %% [markdown]
# # Khám phá dữ liệu báo cáo công tác dân vận
#
# Sổ tay này nạp mọi bảng do `make extract` tạo ra (thư mục `data/processed/` của dự án, hoặc
# thư mục do biến môi trường `DAN_VAN_TABLES` chỉ định; mở sổ tay từ thư mục nào cũng được)
# cùng từ điển dữ liệu, rồi trả lời vài câu hỏi mẫu. Mọi phép tính nằm trong gói `analysis`
# (`trends`, `schema`); sổ tay chỉ gọi và hiển thị.

# %% tags=["parameters"]
tables_dir = None  # None: analysis.paths.PROCESSED

# %%
from analysis import paths, present, schema, trends

tables = trends.load_tables(tables_dir or paths.PROCESSED)
{name: len(df) for name, df in tables.items()}

# %% [markdown]
# ## Từ điển dữ liệu
# Mỗi bảng, mỗi cột: kiểu, đơn vị, nhãn tiếng Việt và mô tả.

# %%
schema.data_dictionary_frame()

# %% [markdown]
# ## Các báo cáo
# Mỗi địa phương là (tỉnh, loại đơn vị, tên); khi một địa phương có nhiều trang cho cùng một
# kỳ, cột `selected` cho biết trang bản tin dùng và `reason` nói vì sao.

# %%
catalog = trends.catalog(tables).merge(
    tables["reports"][["report_id", "source_file", "author", "views", "title"]], on="report_id")
catalog.assign(locality=catalog["locality"].map(lambda loc: loc.title))[
    ["locality", "period_label", "selected", "source_file", "author", "views", "title", "reason"]]

# %% [markdown]
# ## Danh mục văn bản
# Mỗi văn bản một dòng: kỳ dẫn chiếu đầu tiên, số địa phương và số lần được nêu.

# %%
trends.document_registry(tables).head(15)

# %% [markdown]
# ## Thay đổi so với kỳ trước và cùng kỳ năm trước
# Kinh phí hỗ trợ, vận động quỹ, văn bản dẫn chiếu và lượt xem của mỗi địa phương, mỗi kỳ.

# %%
changes = trends.change_table(tables)
changes[["locality", "period_label", "label", "text", "prev_sentence", "yoy_sentence"]] \
    if len(changes) else changes

# %% [markdown]
# ## So sánh trong tỉnh
# Các địa phương của mỗi tỉnh trong kỳ gần nhất có báo cáo: kinh phí hỗ trợ, thứ hạng, tỷ trọng.

# %%
latest = trends.localities(tables)
for province, group in latest.groupby(latest["locality"].map(lambda loc: loc.province or "")):
    if not province:
        continue
    period = max(group["period"], key=lambda p: p.sort_key)
    display(present.province_frame(trends.province_table(tables, province, period))
            .rename_axis(f"{province} — {period.vi}"))
