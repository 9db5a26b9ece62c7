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

# %% tags=["parameters"]
# Parameters (papermill overrides these for each brief). scope is "locality" (one locality's
# brief) or "province" (every locality of the province); period is "2021-Q1", "2021-H1",
# "2021-9M" or "2021".
scope = "locality"
province = "Lào Cai"
locality_type = "thị xã"
locality = "Sa Pa"
period = "2021-Q1"
tables_dir = "../data/processed"

# %%
from IPython.display import Markdown, display

from analysis import charts, present, trends
from analysis.identity import Locality, Period

tables = trends.load_tables(tables_dir)
if scope == "province":
    ctx = trends.province_context(tables, province, Period.parse(period))
    display(Markdown(present.province_headline(ctx)))
else:
    ctx = trends.brief_context(tables, Locality.of(province, locality_type, locality),
                               Period.parse(period))
    display(Markdown(present.headline(ctx)))

# %%
if scope == "province":
    display(Markdown("## Các địa phương trong tỉnh\n\nXếp hạng theo kinh phí hỗ trợ; địa "
                     "phương không nêu kinh phí không được xếp hạng."),
            present.style(present.province_localities_table(ctx)),
            Markdown("## Văn bản được dẫn chiếu trong tỉnh"),
            present.style(present.province_documents_table(ctx)))

# %%
if scope == "locality":
    display(Markdown("## Diễn biến theo kỳ\n\nCác biểu đồ dùng mọi báo cáo cùng loại kỳ của "
                     "địa phương; kỳ của bản tin được tô màu khác, kỳ không nêu số liệu để trống."))
    display(charts.support_chart(ctx.support, highlight=ctx.label),
            charts.documents_chart(ctx.doc_series, highlight=ctx.label),
            charts.views_chart(ctx.views, highlight=ctx.label))

# %%
if scope == "locality":
    comparison = present.province_comparison(ctx)
    display(Markdown("## So sánh trong tỉnh"),
            Markdown(comparison) if isinstance(comparison, str) else present.style(comparison))

# %%
if scope == "locality":
    display(Markdown("## Văn bản được dẫn chiếu trong kỳ"),
            present.style(present.documents_table(ctx)),
            Markdown(present.dropped_documents_markdown(ctx)))

# %%
if scope == "locality":
    follow = present.follow_through_table(ctx)
    display(Markdown("## Thực hiện nhiệm vụ kỳ trước\n\n" + present.follow_through_summary(ctx)),
            Markdown(follow) if isinstance(follow, str) else present.style(follow))

# %%
if scope == "locality":
    display(Markdown("## Các khoản tiền và câu gốc"), present.style(present.money_table(ctx)),
            Markdown("## Hoạt động được đếm trong báo cáo"),
            present.style(present.counts_table(ctx)),
            Markdown("## Nhiệm vụ kỳ tới"), Markdown(present.tasks_markdown(ctx)))

# %% [markdown]
# ---
# *Số liệu do công cụ trích xuất tự động từ trang báo cáo; mỗi con số kèm câu gốc để đối chiếu.
# Số liệu báo cáo không nêu được ghi "không nêu", không tính là 0; tổng tiền giữ từ chỉ mức
# ("hơn", "gần", "ước đạt"); định mức theo suất không được cộng vào tổng. Mọi con số viết theo
# kiểu Việt Nam (dấu chấm phân cách hàng nghìn, dấu phẩy thập phân).*

# %%
from analysis import export

if scope == "locality":
    display(export.brief_download_html(tables, [ctx.report["report_id"]]))
