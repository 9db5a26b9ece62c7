"""Every table and column, described once.

The pandera schemas that validate extraction output, the empty frames, the Parquet dtypes and
the data dictionary page are all generated from :data:`TABLES`. Column names carry their unit
(``amount_vnd``, ``issued_on``, ``*_count``).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd


@dataclass(frozen=True)
class Column:
    """One column: pandas dtype, unit (as people write it: "đồng", "lượt", "ký tự"), Vietnamese
    label, Vietnamese description, allowed values."""

    name: str
    dtype: str
    label_vi: str
    description: str
    unit: str | None = None
    nullable: bool = True
    isin: tuple | None = None


@dataclass(frozen=True)
class Table:
    name: str
    label_vi: str
    description: str
    columns: tuple[Column, ...]


SECTIONS = ("results", "plans")
LOCALITY_TYPES = ("xã", "phường", "thị trấn", "huyện", "quận", "thị xã", "thành phố", "tỉnh")
PERIOD_TYPES = ("quarter", "half_year", "nine_months", "year", "month", "other")
LEVELS = ("central", "province", "district", "commune", "province|district")
AMOUNT_KINDS = ("support", "fund", "budget", "rate", "investment", "other")
SOURCE_KINDS = ("page", "docx", "doc", "pdf", "pdf_ocr")
QUALIFIERS = ("gần", "hơn", "trên", "ước đạt", "khoảng", "hàng", "gần như", "tới", "đến")

PLAUSIBLE_YEARS = range(1945, 2051)
"""Years a report, a dateline or a cited document can carry; others are flagged, not shown."""
MAX_PLAUSIBLE_VND = 10**15
"""Above a whole year's national budget (about 2 triệu tỷ đồng is 2·10^15): a misread figure."""

FLAGS: dict[str, str] = {
    "year_out_of_range": "Năm ngoài khoảng 1945–2050: coi là đọc sai, không dùng làm kỳ báo cáo.",
    "date_out_of_range": "Ngày có năm ngoài khoảng 1945–2050: không dùng.",
    "date_invalid": "Ngày không có thật trong văn bản (ví dụ 31/02/2021): không dùng.",
    "amount_implausible": "Số tiền lớn hơn 10^15 đồng (hơn cả ngân sách quốc gia một năm): "
                          "coi là đọc sai, không cộng vào số liệu.",
    "amount_negative": "Số tiền âm: không cộng vào số liệu.",
}
"""Codes of the ``flags`` columns: a value the page states but that cannot be real is kept in the
row's text (``raw``, ``sentence``, ``title``), its figure is left empty, and the code says why."""


def _flags(what: str) -> Column:
    return Column("flags", "string", "Cảnh báo dữ liệu",
                  f"Mã cảnh báo (cách nhau bởi ';') khi {what} trong trang không thể là thật; "
                  "giá trị đó bị để trống và chỉ còn trong văn bản gốc. Các mã: "
                  + "; ".join(f"{k} — {v}" for k, v in FLAGS.items()))


def _report_id() -> Column:
    return Column("report_id", "string", "Mã báo cáo",
                  "Mã ổn định của trang báo cáo (lấy từ đường dẫn của tệp trong thư mục dữ liệu gốc).",
                  nullable=False)


def _evidence(section: bool = True) -> tuple[Column, ...]:
    cols = [
        Column("sentence", "string", "Câu gốc",
               "Câu chứa thông tin, giữ nguyên như trên trang (chuẩn Unicode NFC).",
               nullable=False),
        Column("char_start", "Int64", "Vị trí đầu",
               "Vị trí bắt đầu của thông tin trong nội dung bài (đếm theo ký tự NFC).", "ký tự"),
        Column("char_end", "Int64", "Vị trí cuối", "Vị trí ngay sau ký tự cuối của thông tin.", "ký tự"),
    ]
    if section:
        cols.insert(0, Column("section", "string", "Phần",
                              "'results': phần kết quả của kỳ báo cáo; 'plans': phần nhiệm vụ kỳ tới.",
                              nullable=False, isin=SECTIONS))
    return tuple(cols)


TABLES: dict[str, Table] = {t.name: t for t in (
    Table("reports", "Báo cáo", "Mỗi dòng là một trang báo cáo.", (
        _report_id(),
        Column("source_file", "string", "Tệp nguồn",
               "Đường dẫn của trang, tính từ thư mục đưa cho lệnh `extract`.", nullable=False),
        Column("content_sha256", "string", "Mã băm nội dung", "Mã băm SHA-256 của nội dung tệp.",
               nullable=False),
        Column("encoding", "string", "Bảng mã", "Bảng mã dùng để đọc tệp (UTF-8, Windows-1258, TCVN3, VNI...).",
               nullable=False),
        Column("extractor_digest", "string", "Phiên bản bộ trích xuất",
               "Dấu vân tay của mã trích xuất đã tạo các dòng; khi mã này thay đổi, trang "
               "được đọc lại.", nullable=False),
        Column("n_chars", "int64", "Độ dài", "Độ dài nội dung bài.", "ký tự",
               nullable=False),
        Column("title", "string", "Tiêu đề", "Tiêu đề bài, giữ nguyên như trên trang."),
        Column("locality", "string", "Địa phương",
               "Địa phương báo cáo, không kèm từ chỉ đơn vị, ví dụ 'Sa Pa'."),
        Column("locality_type", "string", "Loại đơn vị",
               "Từ chỉ đơn vị hành chính: 'xã', 'phường', 'thị trấn', 'huyện', 'quận', 'thị xã', "
               "'thành phố', 'tỉnh' ('thành phố' cả với thành phố trực thuộc trung ương như Đà Nẵng).",
               isin=LOCALITY_TYPES),
        Column("province", "string", "Tỉnh",
               "Tỉnh của địa phương, ví dụ 'Lào Cai'; để trống khi trang không đủ căn cứ (không bao "
               "giờ đoán). Với báo cáo cấp tỉnh, chính tỉnh đó."),
        Column("locality_evidence", "string", "Căn cứ xác định địa phương",
               "Căn cứ đã quyết định địa phương của báo cáo: 'tiêu đề' (tên đơn vị trong tiêu "
               "đề), 'đầu trang' (tiêu đề văn bản hoặc tên cổng ở đầu trang), 'thân bài' (tổ "
               "chức hoặc đơn vị được nêu trong bài), 'tên trang' (tên cổng thông tin), 'tên "
               "miền' (địa chỉ trang, ví dụ sapa.laocai.gov.vn), 'chân trang' (cơ quan chủ quản "
               "ở cuối trang)."),
        Column("source_url", "string", "Địa chỉ trang",
               "Địa chỉ gốc của trang: thẻ canonical hoặc og:url của trang HTML, hoặc tệp đi kèm "
               "TÊN.meta.json / TÊN.url của trang văn bản; trống khi không có."),
        Column("site_name", "string", "Tên trang thông tin",
               "Tên cổng/trang thông tin đăng bài (og:site_name, phần cuối thẻ title, hoặc khóa "
               "'site' trong TÊN.meta.json), ví dụ 'Cổng TTĐT huyện Bá Thước'."),
        Column("period_type", "string", "Loại kỳ báo cáo", "Loại kỳ báo cáo: quý (quarter), 6 tháng (half_year), 9 tháng (nine_months), năm "
               "(year), tháng (month) hoặc khác (other).",
               nullable=False, isin=PERIOD_TYPES),
        Column("year", "Int64", "Năm", "Năm của kỳ báo cáo.", "năm"),
        Column("quarter", "Int64", "Quý", "Quý (1–4) khi báo cáo theo quý.", "quý"),
        Column("half", "Int64", "Nửa năm", "1 (6 tháng đầu năm) hoặc 2 (6 tháng cuối năm) khi báo cáo 6 tháng."),
        Column("month", "Int64", "Tháng", "Tháng (1–12) khi báo cáo theo tháng.", "tháng"),
        Column("start_month", "string", "Từ tháng",
               "Tháng đầu của kỳ khi kỳ là một tháng ('tháng 3/2023': từ và đến chính tháng đó) "
               "hoặc một khoảng tháng ('5 tháng đầu năm 2021', 'từ tháng 10/2022 đến tháng "
               "9/2023', kỳ 'other'), dạng 'YYYY-MM'; trống với quý, 6 tháng, 9 tháng, năm.",
               "tháng"),
        Column("end_month", "string", "Đến tháng",
               "Tháng cuối của tháng hoặc khoảng tháng báo cáo nêu, dạng 'YYYY-MM' (năm của kỳ "
               "là năm của tháng này); trống với quý, 6 tháng, 9 tháng, năm.", "tháng"),
        Column("period_label", "string", "Kỳ",
               "Nhãn ngắn của kỳ: '2021-Q1' (quý I/2021), '2021-H1' (6 tháng đầu năm), "
               "'2021-9M' (9 tháng), '2021' (cả năm), '2021-03' (tháng 3)."),
        Column("author", "string", "Tác giả", "Tác giả bài như trang ghi (không tính người chụp ảnh, không tính tài khoản quản trị trang)."),
        Column("views", "Int64", "Lượt xem", "Bộ đếm lượt xem của chính bài báo cáo.", "lượt"),
        Column("published_on", "datetime64[ns]", "Ngày đăng",
               "Ngày đăng bài: dòng ngày giờ trên trang, nếu không có thì ngày trong siêu dữ liệu "
               "(article:published_time, khóa 'published' của TÊN.meta.json)."),
        Column("source_kind", "string", "Loại nguồn",
               "Nguồn của báo cáo: 'page' trang tin, 'docx'/'doc' văn bản Word, 'pdf' PDF có "
               "lớp chữ, 'pdf_ocr' PDF scan đọc bằng OCR.",
               isin=SOURCE_KINDS),
        Column("report_code", "string", "Số ký hiệu báo cáo",
               "Số và ký hiệu của chính báo cáo ở góc trái phần đầu văn bản, đã kiểm tra theo "
               "quy tắc đánh số, ví dụ '52-BC/BDVHU', '120/BC-UBND'; trống với trang tin."),
        Column("issued_on", "datetime64[ns]", "Ngày ban hành",
               "Ngày ở dòng địa danh, ngày tháng của văn bản."),
        Column("issuing_organ", "string", "Cơ quan ban hành",
               "Tên cơ quan ban hành như viết ở phần đầu, ví dụ 'HUYỆN ỦY BẢO THẮNG BAN DÂN VẬN'."),
        Column("province_source", "string", "Căn cứ xác định tỉnh",
               "Vùng văn bản cho biết tỉnh: 'cơ quan ban hành', 'nơi nhận', 'địa danh', "
               "'văn bản', 'danh mục đơn vị hành chính'; 'chưa xác định' khi không vùng nào "
               "quyết định được."),
        Column("signer", "string", "Người ký",
               "Họ tên người ký ở khối chữ ký (người ký, không phải tác giả)."),
        Column("signer_position", "string", "Chức vụ người ký",
               "Chức vụ ngay trên tên người ký, như viết: 'PHÓ TRƯỞNG BAN', 'PHÓ CHỦ TỊCH'."),
        Column("ocr_confidence", "Float64", "Độ tin cậy OCR",
               "Độ tin cậy trung bình của các từ đọc bằng OCR (0-1); trống khi văn bản có lớp "
               "chữ."),
        Column("duplicate_of", "string", "Trùng với tệp",
               "Tệp nguồn khác có đúng cùng nội dung (cùng mã băm), đứng trước theo tên; trống "
               "nếu trang là duy nhất. Số liệu của hai tệp trùng chỉ nên đếm một lần."),
        _flags("năm của kỳ báo cáo hoặc ngày đăng"),
    )),
    Table("doc_refs", "Văn bản được dẫn", "Mỗi dòng là một lần nhắc đến văn bản của Đảng hoặc Nhà nước.", (
        _report_id(),
        Column("doc_key", "string", "Khóa văn bản",
               "Khóa nhận diện văn bản: số (bỏ số 0 ở đầu), chữ viết tắt loại và cơ quan ban hành "
               "(kèm năm với văn bản quy phạm pháp luật); mọi lần nhắc cùng một văn bản có "
               "cùng khóa.",
               nullable=False),
        Column("code", "string", "Số ký hiệu",
               "Số, ký hiệu chuẩn hóa, ví dụ '06-CT/TU', '42/NQ-CP', '15/2020/QĐ-TTg'; để trống "
               "khi bài chỉ ghi số."),
        Column("system", "string", "Hệ thống", "Hệ thống văn bản: 'party' (của Đảng), 'state' (của Nhà nước) hoặc 'none' (không có "
               "ký hiệu).",
               nullable=False, isin=("party", "state", "none")),
        Column("doc_type", "string", "Loại (viết tắt)", "Chữ viết tắt loại văn bản: CT, NQ, KL, QĐ, QĐi, ĐA..."),
        Column("doc_type_name", "string", "Loại văn bản",
               "Tên loại văn bản như bài gọi (Chỉ thị, Quy định...), có thể khác chữ viết tắt "
               "(Kết luận số 263-TB/TU)."),
        Column("number", "string", "Số", "Số văn bản như bài ghi, có thể có số 0 ở đầu hoặc chữ ('30a').",
               nullable=False),
        Column("issuer_code", "string", "Cơ quan (viết tắt)", "Chữ viết tắt cơ quan ban hành: TU, TW, CP, TTg..."),
        Column("issued_on", "datetime64[ns]", "Ngày ban hành", "Ngày ban hành ghi trong bài."),
        Column("issuer", "string", "Cơ quan ban hành", "Tên cơ quan ban hành như bài ghi, ví dụ 'Ban Thường vụ Thị ủy'."),
        Column("level", "string", "Cấp", "Cấp của cơ quan ban hành: trung ương (central), tỉnh (province), huyện "
               "(district), xã (commune), tỉnh hoặc huyện (province|district).", isin=LEVELS),
        Column("mention", "string", "Trích dẫn", "Đoạn nhắc đến văn bản, giữ nguyên như trong bài.", nullable=False),
        Column("is_first_mention", "bool", "Lần đầu",
               "Đúng (True) ở lần đầu văn bản được nhắc đến trong báo cáo.", nullable=False),
        _flags("ngày ban hành ghi"),
        *_evidence(),
        Column("ocr_confidence", "Float64", "Độ tin cậy OCR",
               "Độ tin cậy OCR của đoạn chứa dữ kiện (0-1); trống khi không đọc bằng OCR."),
    )),
    Table("amounts", "Số tiền", "Mỗi dòng là một khoản tiền được nêu.", (
        _report_id(),
        Column("amount_vnd", "Int64", "Số tiền (đồng)",
               "Số tiền tính bằng đồng; để trống khi bài chỉ nêu chung chung ('hàng tỷ đồng').", "đồng"),
        Column("raw", "string", "Nguyên văn", "Số tiền như bài viết, kèm từ chỉ mức (hơn, gần, ước đạt...).",
               nullable=False),
        Column("kind", "string", "Loại",
               "Loại khoản tiền: support (chi hỗ trợ, thăm hỏi, tặng quà), fund (vận động, quyên "
               "góp), budget (ngân sách), rate (định mức cho mỗi suất, mỗi người), investment "
               "(đầu tư), other (khác).", nullable=False, isin=AMOUNT_KINDS),
        Column("qualifier", "string", "Từ chỉ mức", "Từ chỉ mức đứng trước số tiền: gần, hơn, trên, ước đạt...; để trống nếu không có."),
        Column("per_unit", "string", "Đơn vị tính",
               "Với định mức, đơn vị tính sau dấu '/': 'suất', 'người/năm'."),
        Column("repeat_sentence", "string", "Câu nhắc lại",
               "Câu nhắc lại cùng số tiền này (tiêu đề nhắc lại số liệu của bài, hoặc đoạn văn bị "
               "lặp); số tiền chỉ được tính một lần, ở dòng này."),
        _flags("số tiền"),
        *_evidence(),
        Column("ocr_confidence", "Float64", "Độ tin cậy OCR",
               "Độ tin cậy OCR của đoạn chứa dữ kiện (0-1); trống khi không đọc bằng OCR."),
    )),
    Table("counts", "Số đếm", "Mỗi dòng là một hoạt động hoặc đối tượng được đếm.", (
        _report_id(),
        Column("value", "int64", "Giá trị", "Số lượng.", nullable=False),
        Column("unit", "string", "Đơn vị", "Danh từ đơn vị như bài viết: 'thôn', 'suất quà'.",
               nullable=False),
        Column("raw", "string", "Nguyên văn", "Số và danh từ như bài viết.", nullable=False),
        *_evidence(),
        Column("ocr_confidence", "Float64", "Độ tin cậy OCR",
               "Độ tin cậy OCR của đoạn chứa dữ kiện (0-1); trống khi không đọc bằng OCR."),
    )),
    Table("site_stats", "Thống kê truy cập", "Bộ đếm truy cập của cổng thông tin hiện trên trang.", (
        _report_id(),
        Column("online", "Int64", "Đang truy cập", "Số người đang truy cập.", "người"),
        Column("today", "Int64", "Hôm nay", "Lượt truy cập trong ngày.", "lượt"),
        Column("week", "Int64", "Trong tuần", "Lượt truy cập trong tuần.", "lượt"),
        Column("month", "Int64", "Trong tháng", "Lượt truy cập trong tháng.", "lượt"),
        Column("year", "Int64", "Trong năm", "Lượt truy cập trong năm.", "lượt"),
        Column("total", "Int64", "Tất cả", "Tổng lượt truy cập từ khi cổng hoạt động.", "lượt"),
        Column("raw", "string", "Nguyên văn", "Khối bộ đếm như trên trang (giữ nguyên cách viết số của cổng).", nullable=False),
    )),
    Table("tasks", "Nhiệm vụ kỳ tới", "Mỗi dòng là một nhiệm vụ kỳ tới.", (
        _report_id(),
        Column("item_no", "int64", "Thứ tự", "Thứ tự của nhiệm vụ, bắt đầu từ 1.", nullable=False),
        Column("target_period_type", "string", "Loại kỳ", "Loại kỳ mà nhiệm vụ hướng tới.",
               isin=PERIOD_TYPES),
        Column("target_year", "Int64", "Năm", "Năm của kỳ đó.", "năm"),
        Column("target_quarter", "Int64", "Quý", "Quý của kỳ đó.", "quý"),
        Column("target_half", "Int64", "Nửa năm", "Nửa năm của kỳ đó (1 hoặc 2)."),
        Column("heading", "string", "Tiêu đề", "Cụm từ mở đầu nhiệm vụ (trước dấu ':'), nếu có."),
        Column("text", "string", "Nội dung", "Nội dung nhiệm vụ như bài viết.", nullable=False),
        Column("char_start", "Int64", "Vị trí đầu", "Vị trí bắt đầu trong nội dung bài.", "ký tự"),
        Column("char_end", "Int64", "Vị trí cuối", "Vị trí ngay sau ký tự cuối của thông tin.", "ký tự"),
    )),
    Table("table_figures", "Số liệu trong bảng",
          "Mỗi dòng là một ô số liệu trong bảng của văn bản báo cáo (Word, PDF), kèm nhãn dòng "
          "và nhãn cột làm căn cứ; dòng 'Tổng cộng' được giữ là tổng, không cộng lại với các "
          "dòng thành phần.", (
        _report_id(),
        Column("table_no", "int64", "Bảng số", "Thứ tự bảng trong văn bản, từ 1.",
               nullable=False),
        Column("row_no", "int64", "Dòng số",
               "Thứ tự dòng số liệu trong bảng, từ 1, không kể dòng tiêu đề.",
               nullable=False),
        Column("row_label", "string", "Nhãn dòng",
               "Nhãn của dòng như viết, ví dụ tên xã 'Xuân Quang' hoặc 'Tổng cộng'.",
               nullable=False),
        Column("column_label", "string", "Nhãn cột",
               "Nhãn cột như viết, các dòng tiêu đề nối bằng ' - ' (ô gộp viết một lần), ví dụ "
               "'Kết quả hỗ trợ - Kinh phí (triệu đồng)'.", nullable=False),
        Column("raw", "string", "Nguyên văn", "Ô số liệu như viết.",
               nullable=False),
        Column("value", "Float64", "Giá trị",
               "Giá trị theo đơn vị ở cột unit; tiền quy ra đồng theo nhãn cột ('(triệu đồng)' "
               "nhân 1.000.000)."),
        Column("unit", "string", "Đơn vị",
               "Đơn vị lấy từ nhãn cột: 'đồng', 'hộ', 'người'..."),
        Column("is_total", "bool", "Là dòng tổng",
               "Đúng khi dòng là dòng tổng của bảng ('Tổng cộng', 'Cộng', 'Toàn huyện').", nullable=False),
        Column("sentence", "string", "Căn cứ",
               "Nhãn dòng – nhãn cột: ô số liệu, làm căn cứ của dữ kiện.", nullable=False),
        Column("ocr_confidence", "Float64", "Độ tin cậy OCR",
               "Độ tin cậy OCR của ô (0-1); trống khi không đọc bằng OCR."),
    )),
)}


DERIVED: dict[str, Table] = {t.name: t for t in (
    Table("documents", "Danh mục văn bản",
          "Mỗi văn bản được dẫn chiếu trong mọi báo cáo là một dòng; bảng được tính từ "
          "doc_refs và reports (analysis.trends.document_registry), không trích xuất riêng.", (
        Column("doc_key", "string", "Khóa văn bản",
               "Định danh văn bản, giống cột doc_key của bảng doc_refs.", nullable=False),
        Column("code", "string", "Số ký hiệu",
               "Số ký hiệu chuẩn hóa, ví dụ '06-CT/TU'; trống khi báo cáo chỉ ghi số."),
        Column("doc_type", "string", "Loại (viết tắt)", "Chữ viết tắt loại văn bản: CT, NQ, KL…"),
        Column("doc_type_name", "string", "Loại văn bản",
               "Tên loại văn bản như báo cáo viết: Chỉ thị, Nghị quyết, Kế hoạch…"),
        Column("issuer", "string", "Cơ quan ban hành",
               "Cơ quan ban hành được nêu nhiều nhất trong các lần dẫn chiếu."),
        Column("level", "string", "Cấp ban hành",
               "Cấp của cơ quan ban hành: trung ương, tỉnh, huyện, xã.", isin=LEVELS),
        Column("issued_on", "datetime64[ns]", "Ngày ban hành",
               "Ngày ban hành đầu tiên được nêu trong các lần dẫn chiếu."),
        Column("first_cited_period", "string", "Kỳ dẫn chiếu đầu tiên",
               "Kỳ báo cáo sớm nhất dẫn chiếu văn bản, ví dụ '2021-Q1', '2021-H1'."),
        Column("localities_count", "int64", "Số địa phương dẫn chiếu",
               "Số địa phương (tỉnh, loại đơn vị, tên) có báo cáo dẫn chiếu văn bản.",
               "địa phương", nullable=False),
        Column("localities", "string", "Các địa phương dẫn chiếu",
               "Tên các địa phương đó, ví dụ 'huyện Châu Thành, tỉnh Bến Tre', cách nhau "
               "bằng dấu chấm phẩy."),
        Column("mentions_count", "int64", "Số lần được nêu",
               "Tổng số lần văn bản được nhắc trong mọi báo cáo.", "lần", nullable=False),
        Column("reports_count", "int64", "Số báo cáo dẫn chiếu",
               "Số trang báo cáo có nhắc văn bản.", "báo cáo", nullable=False),
    )),
)}
"""Tables computed from the extracted ones (never written by ``extract``), described here so
that the data dictionary lists them too."""


def describe(name: str) -> Table:
    """An extracted table (:data:`TABLES`) or a derived one (:data:`DERIVED`) by name."""
    return TABLES[name] if name in TABLES else DERIVED[name]


def empty_frame(table: str) -> pd.DataFrame:
    """An empty frame with the table's columns and dtypes."""
    return pd.DataFrame({c.name: pd.Series(dtype=c.dtype) for c in describe(table).columns})


def coerce(table: str, df: pd.DataFrame) -> pd.DataFrame:
    """The frame with exactly the table's columns, in order, cast to the declared dtypes."""
    cols = describe(table).columns
    missing = [c.name for c in cols if c.name not in df.columns]
    if missing:
        raise KeyError(f"table {table!r} lacks columns {missing}")
    if list(df.columns) == [c.name for c in cols] and all(
            str(df[c.name].dtype) == c.dtype for c in cols):
        return df.reset_index(drop=True)         # already the table's shape (copy-on-write)
    out = pd.DataFrame(index=df.index)
    for c in cols:
        s = df[c.name]
        if c.dtype.startswith("datetime64"):
            out[c.name] = pd.to_datetime(s).astype(c.dtype)
        else:
            out[c.name] = s.astype(c.dtype)
    return out.reset_index(drop=True)


@lru_cache(maxsize=None)
def pandera_schema(table: str):
    """The pandera schema (``pandera.pandas.DataFrameSchema``) generated from the description
    (built once per table: extraction validates every row group)."""
    import pandera.pandas as pa   # imported here: readers of the tables never validate

    t = describe(table)
    columns = {}
    for c in t.columns:
        checks = [pa.Check.isin(list(c.isin))] if c.isin else []
        if c.name in ("amount_vnd", "value", "views") or t.name == "site_stats" and c.dtype == "Int64":
            checks.append(pa.Check.ge(0))
        columns[c.name] = pa.Column(c.dtype, checks=checks, nullable=c.nullable)
    return pa.DataFrameSchema(columns, strict=True, ordered=True, name=t.name)


def validate(table: str, df: pd.DataFrame) -> pd.DataFrame:
    """Validate ``df`` against the table's schema (raises ``pandera.errors.SchemaError``)."""
    return pandera_schema(table).validate(df)


_KIND_VI = {"string": "chữ", "Int64": "số nguyên", "int64": "số nguyên", "float64": "số thực",
            "Float64": "số thực", "bool": "đúng/sai", "datetime64[ns]": "ngày"}


def kind_vi(dtype: str) -> str:
    """A column's kind as a reader says it: 'số nguyên (Int64)', 'ngày (datetime64[ns])'."""
    return f"{_KIND_VI.get(dtype, dtype)} ({dtype})" if dtype in _KIND_VI else dtype


def _describe(c: Column) -> str:
    return c.description + (f" Giá trị: {', '.join(c.isin)}." if c.isin else "")


def data_dictionary_markdown() -> str:
    """The data dictionary as Markdown (one section per table)."""
    lines = ["# Từ điển dữ liệu", ""]
    for t in (*TABLES.values(), *DERIVED.values()):
        lines += [f"## `{t.name}` — {t.label_vi}", "", t.description, "",
                  "| cột | nhãn | kiểu | đơn vị | bắt buộc | mô tả |", "|---|---|---|---|---|---|"]
        for c in t.columns:
            lines.append(f"| `{c.name}` | {c.label_vi} | {kind_vi(c.dtype)} | {c.unit or ''} | "
                         f"{'không' if c.nullable else 'có'} | {_describe(c)} |")
        lines.append("")
    return "\n".join(lines)


def data_dictionary_frame() -> pd.DataFrame:
    """The data dictionary as a tidy frame (one row per column, Vietnamese headings)."""
    rows = [{"Bảng": t.name, "Tên bảng": t.label_vi, "Cột": c.name, "Nhãn": c.label_vi,
             "Kiểu": kind_vi(c.dtype), "Đơn vị": c.unit, "Bắt buộc": "không" if c.nullable else "có",
             "Mô tả": _describe(c)}
            for t in (*TABLES.values(), *DERIVED.values()) for c in t.columns]
    return pd.DataFrame(rows)


def data_dictionary_html() -> str:
    """The data dictionary as a self-contained HTML page."""
    parts = ["<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'>",
             "<title>Từ điển dữ liệu</title><style>",
             "body{font-family:system-ui,'Segoe UI',Arial,sans-serif;max-width:70rem;margin:2rem auto;"
             "padding:0 1rem;color:#222}table{border-collapse:collapse;width:100%;margin-bottom:2rem}"
             "td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}"
             "th{background:#f3f3f3}code{background:#f6f6f6}</style></head><body>",
             "<h1>Từ điển dữ liệu</h1><p><a href='index.html'>← Danh sách bản tin</a></p>"]
    for t in (*TABLES.values(), *DERIVED.values()):
        parts.append(f"<h2><code>{t.name}</code> — {html.escape(t.label_vi)}</h2>"
                     f"<p>{html.escape(t.description)}</p><table><tr><th>Cột</th><th>Nhãn</th>"
                     "<th>Kiểu</th><th>Đơn vị</th><th>Bắt buộc</th><th>Mô tả</th></tr>")
        for c in t.columns:
            parts.append(f"<tr><td><code>{c.name}</code></td><td>{html.escape(c.label_vi)}</td>"
                         f"<td>{html.escape(kind_vi(c.dtype))}</td><td>{html.escape(c.unit or '')}</td>"
                         f"<td>{'không' if c.nullable else 'có'}</td>"
                         f"<td>{html.escape(_describe(c))}</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)
