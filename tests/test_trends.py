"""Trends on a hand-written multi-province, multi-period set of tables (tests/province_corpus):
locality identity, page choice, totals with qualifiers, "không nêu", change figures computed by
hand, province comparison, the document registry and the brief plan."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import paths, schema, trends
from analysis.briefs.plan import plan
from analysis.identity import Locality, Period
from analysis.selection import choose
from tests import province_corpus

CT_BT = Locality("Bến Tre", "huyện", "Châu Thành")
CT_TG = Locality("Tiền Giang", "huyện", "Châu Thành")
CT_XX = Locality(None, "huyện", "Châu Thành")
Q4 = Period.parse("2021-Q4")


@pytest.fixture(scope="module")
def tables():
    return province_corpus.frames()


def test_locality_words_and_slugs():
    assert CT_BT.title == "huyện Châu Thành, tỉnh Bến Tre"
    assert CT_XX.title == "huyện Châu Thành, tỉnh chưa xác định"
    assert Locality("Đà Nẵng", "quận", "Hải Châu").title == "quận Hải Châu, thành phố Đà Nẵng"
    assert Locality("Yên Bái", "tỉnh", "Yên Bái").title == "tỉnh Yên Bái"
    assert len({CT_BT.slug, CT_TG.slug, CT_XX.slug}) == 3
    assert CT_BT.slug == "ben-tre/huyen-chau-thanh" and CT_XX.slug.startswith("chua-xac-dinh/")
    # the same locality written in the old tone style is the same key
    assert Locality.of("Bến Tre", "Huyện", "Châu  Thành") == CT_BT


def test_periods():
    assert [Period.parse(x).vi for x in ("2021-Q4", "2021-H1", "2021-9M", "2021")] == [
        "quý IV/2021", "6 tháng đầu năm 2021", "9 tháng năm 2021", "năm 2021"]
    assert Period.parse("2021-Q1").previous().label == "2020-Q4"
    assert Period.parse("2021-H1").previous().label == "2020-H2"
    assert Period.parse("2021-9M").previous() is None
    assert Period.parse("2021").year_ago().label == "2020"
    with pytest.raises(ValueError, match="2021-Q5"):
        Period.parse("2021-Q5")


def test_same_name_localities_stay_apart(tables):
    locs = trends.localities(tables)
    q4 = locs[locs["period_label"] == "2021-Q4"]
    titles = sorted(loc.title for loc in q4["locality"])
    assert titles.count("huyện Châu Thành, tỉnh Bến Tre") == 1
    assert "huyện Châu Thành, tỉnh Tiền Giang" in titles
    assert "huyện Châu Thành, tỉnh chưa xác định" in titles


def test_two_pages_of_one_period_are_both_kept_and_the_choice_is_said(tables):
    cat = trends.catalog(tables)
    tg = cat[cat["report_id"].str.startswith("tg-ct-")]
    assert len(tg) == 2 and tg["selected"].sum() == 1
    c = trends.report_for(tables, CT_TG, Q4)
    assert c.report_id == "tg-ct-2021q4-b" and c.others == ("tg-ct-2021q4-a",)
    assert "ngày đăng muộn hơn (12/01/2022 so với 05/01/2022)" in c.reason
    assert "tg-ct-2021q4-a.txt" in c.reason
    # without dates the longer page wins, and says so
    r = tables["reports"]
    undated = r[r["report_id"].str.startswith("tg-ct-")].assign(published_on=pd.NaT)
    c = choose(undated)
    assert c.report_id == "tg-ct-2021q4-a" and "dài hơn" in c.reason and "3.000 ký tự" in c.reason


def test_totals_keep_qualifiers_and_never_sum_rates(tables):
    m = trends.measures(tables)
    assert m.at["bt-ct-2021q4", "support"].text == "hơn 106 triệu đồng"
    assert m.at["bt-ct-2021q4", "support"].vnd == 106_000_000      # the 500.000đ/suất is a rate
    assert m.at["bt-ct-2021q3", "support"].text == "100 triệu đồng"
    assert m.at["bt-ct-2021h1", "support"].text == "ước đạt 1,2 tỷ đồng"
    assert m.at["bt-ct-2021q4", "fund"].text == "20 triệu đồng"


def test_total_rules():
    def rows(*specs):
        return pd.DataFrame([{"amount_vnd": v, "raw": raw, "qualifier": q} for v, raw, q in specs])
    assert trends.total(rows((50_000_000, "50 triệu đồng", None),
                             (56_000_000, "hơn 56 triệu đồng", "hơn"))).text == "hơn 106 triệu đồng"
    assert trends.total(rows((10_000_000, "hơn 10 triệu", "hơn"),
                             (20_000_000, "gần 20 triệu", "gần"))).text == "khoảng 30 triệu đồng"
    assert trends.total(rows((None, "hàng tỷ đồng", "hàng"))).text != "0 đồng"
    assert trends.total(rows((5_000_000, "5 triệu", None), (None, "hàng tỷ đồng", "hàng"))
                        ).text == "hơn 5 triệu đồng"
    assert trends.total(rows()).text == "không nêu"
    # a province total combines its localities' totals the same way
    assert trends.combine([trends.Total(50_000_000), trends.Total(56_000_000, "hơn"),
                           trends.Total(None)]).text == "hơn 106 triệu đồng"
    assert trends.combine([trends.Total(None), trends.Total(None)]).text == "không nêu"
    assert trends.combine([trends.Total(10, estimate=True), trends.Total(5, "gần")]
                          ).text == "ước đạt gần 15 đồng"


def test_not_stated_is_not_zero(tables):
    m = trends.measures(tables)
    assert m.at["bt-mcn-2021q4", "support"].vnd is None
    assert m.at["bt-mcn-2021q4", "support"].text == "không nêu"
    t = trends.province_table(tables, "Bến Tre", Q4)
    mcn = t[t["locality"].map(lambda loc: loc.name) == "Mỏ Cày Nam"].iloc[0]
    assert mcn["support_text"] == "không nêu" and pd.isna(mcn["rank"]) and pd.isna(mcn["share"])
    s = trends.support_series(tables, CT_BT)
    assert s["support_vnd"].notna().all()
    v = trends.views_series(tables, CT_BT)
    assert v.loc[v["period_label"] == "2021-Q3", "views"].isna().all()   # a gap, not 0


def test_change_figures_by_hand(tables):
    c = trends.changes(tables, CT_BT, Q4).set_index("measure")
    # support: hơn 106 triệu now, 100 triệu in 2021-Q3, 136 triệu in 2020-Q4
    assert c.at["support", "prev_delta"] == 6_000_000
    assert c.at["support", "prev_ratio"] == pytest.approx(0.06)
    assert c.at["support", "prev_sentence"] == "tăng khoảng 6% (6 triệu đồng) so với quý trước"
    assert c.at["support", "yoy_delta"] == -30_000_000
    assert c.at["support", "yoy_ratio"] == pytest.approx(-30 / 136)
    assert c.at["support", "yoy_sentence"] == \
        "giảm khoảng 22% (30 triệu đồng) so với cùng kỳ năm trước"
    # documents: 4 now, 4 in 2021-Q3, 2 in 2020-Q4
    assert c.at["documents", "prev_sentence"] == "không đổi so với quý trước"
    assert c.at["documents", "yoy_delta"] == 2
    assert c.at["documents", "yoy_sentence"] == "tăng 100% (2 văn bản) so với cùng kỳ năm trước"
    # views: 240 now, not shown in 2021-Q3
    assert c.at["views", "prev_sentence"] == "không so sánh được: quý trước không nêu"
    # no report a year before the Tiền Giang district
    t = trends.changes(tables, CT_TG, Q4).set_index("measure")
    assert t.at["support", "yoy_sentence"] == \
        "không so sánh được: không có báo cáo cùng kỳ năm trước"
    all_changes = trends.change_table(tables)
    assert len(all_changes) == 4 * len(trends.localities(tables))


def test_province_comparison(tables):
    t = trends.province_table(tables, "Tiền Giang", Q4)
    assert [loc.name for loc in t["locality"]] == ["Châu Thành", "Chợ Gạo"]
    assert list(t["support_vnd"]) == [75_000_000, 40_000_000]            # the page used: 75
    assert list(t["rank"]) == [1, 2]
    assert t["share"].iloc[0] == pytest.approx(75 / 115)
    assert trends.province_table(tables, None, Q4).empty
    # a commune is ranked among communes and left out of the district level's total
    bt = trends.province_table(tables, "Bến Tre", Q4)
    assert [loc.short for loc in bt["locality"]] == ["huyện Châu Thành", "huyện Mỏ Cày Nam",
                                                     "xã Tân Thạch"]
    assert list(bt["level"]) == ["district", "district", "commune"]
    assert [None if pd.isna(r) else int(r) for r in bt["rank"]] == [1, None, 1]
    assert "xã Tân Thạch" not in [loc.short for loc in
                                  trends.brief_context(tables, CT_BT, Q4).province["locality"]]
    p = trends.province_context(tables, "Bến Tre", Q4)
    assert p.level == "district" and p.support_total.text == "hơn 106 triệu đồng"


def test_document_registry_and_marks(tables):
    reg = trends.document_registry(tables).set_index("doc_key")
    assert set(reg.columns) | {"doc_key"} == {c.name for c in schema.DERIVED["documents"].columns}
    assert reg.at["05-ct/tu", "first_cited_period"] == "2020-Q4"
    assert reg.at["05-ct/tu", "localities_count"] == 2
    assert reg.at["05-ct/tu", "mentions_count"] == 4
    for c in schema.DERIVED["documents"].columns:
        assert c.label_vi and c.description
    ctx = trends.brief_context(tables, CT_BT, Q4)
    new = dict(zip(ctx.documents["code"], ctx.documents["is_new"]))
    assert new == {"05-CT/TU": False, "18-NQ/TU": False, "42-KH/HU": False, "15-CT/TW": True}
    assert list(ctx.dropped_documents["code"]) == ["30-KH/HU"]


def test_follow_through_in_the_brief(tables):
    f = trends.brief_context(tables, CT_BT, Q4).follow_through
    status = dict(zip(f["item"], f["status"]))
    assert status["Tổ chức hội nghị đối thoại trực tiếp giữa người đứng đầu cấp ủy với Nhân dân."] \
        == "done"
    assert status["Tổ chức Hội thi tuyên truyền viên giỏi về công tác dân vận."] == "not_mentioned"
    assert status["Kế hoạch số 42-KH/HU"] == "done"


def test_plan_gives_one_brief_per_locality_and_province(tables):
    jobs = {j.html_rel: j for j in plan(tables, paths.BRIEF_NOTEBOOK)}
    for rel in ("briefs/2021-Q4/ben-tre/huyen-chau-thanh.html",
                "briefs/2021-Q4/tien-giang/huyen-chau-thanh.html",
                "briefs/2021-Q4/chua-xac-dinh/huyen-chau-thanh.html",
                "briefs/2021-H1/ben-tre/huyen-chau-thanh.html",
                "briefs/2021-Q4/ben-tre.html", "briefs/2021-Q4/tien-giang.html"):
        assert rel in jobs, rel
    assert jobs["briefs/2021-Q4/tien-giang/huyen-chau-thanh.html"].title == \
        "Bản tin dân vận huyện Châu Thành, tỉnh Tiền Giang — quý IV/2021"
    assert jobs["briefs/2021-Q4/ben-tre.html"].title == \
        "Bản tin dân vận toàn tỉnh Bến Tre — quý IV/2021"
    assert not any("chua-xac-dinh.html" in r for r in jobs)     # no roll-up of "unknown"
    assert len(jobs) == len(set(j.fingerprint for j in jobs.values()))
