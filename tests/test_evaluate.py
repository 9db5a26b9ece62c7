"""The evaluation command on the fixture corpora, with the thresholds of issue 7 (documents and
money F1 >= 0.98; period, locality, author, views, counters and document dates >= 0.98), each
corpus scored on its own."""

import pytest

from analysis.__main__ import main
from analysis.evaluate import evaluate, evaluate_corpora, passes
from tests.conftest import CORPUS, FIXTURES, SEED_DIR

MIN_F1, MIN_ACCURACY = 0.98, 0.98
FORMS = FIXTURES / "corpus-forms"


@pytest.mark.parametrize("corpus, pages", [(CORPUS, 16), (SEED_DIR, 1), (FORMS, 1228)])
def test_each_corpus_meets_the_targets(corpus, pages):
    ev = evaluate([corpus])
    assert ev.pages >= pages and not ev.errors
    assert passes(ev, MIN_F1, MIN_ACCURACY) == [], ev.misses


def test_eval_prints_each_field_per_corpus(capsys):
    assert main(["eval", str(CORPUS), str(SEED_DIR)]) == 0
    out = capsys.readouterr().out
    assert f"=== {CORPUS} ===" in out and f"=== {SEED_DIR} ===" in out
    table = out[out.index("=== per corpus"):].splitlines()
    assert table[1].split() == ["corpus", "seed"]
    assert {ln.split()[0] for ln in table[2:] if ln.strip()} >= {"period", "locality", "author", "views",
                                                                  "site_stats", "doc_dates"}
    assert set(evaluate_corpora([CORPUS, SEED_DIR])) == {str(CORPUS), str(SEED_DIR)}


def test_eval_names_a_missing_corpus(tmp_path, capsys):
    assert main(["eval", str(tmp_path / "nowhere")]) == 2
    assert "nowhere: no such corpus" in capsys.readouterr().err


def test_eval_command_fails_below_threshold(tmp_path, capsys):
    gold = (SEED_DIR / "000_589a0a13f298ede5.gold.json").read_text(encoding="utf-8")
    (tmp_path / "p.txt").write_bytes((SEED_DIR / "000_589a0a13f298ede5.txt").read_bytes())
    (tmp_path / "p.gold.json").write_text(
        gold.replace('"file": "000_589a0a13f298ede5.txt"', '"file": "p.txt"')
        .replace('"views": 47', '"views": 48'), encoding="utf-8")
    assert main(["eval", str(tmp_path), "--min-accuracy", "0.98"]) == 1
    out = capsys.readouterr().out
    assert "views: want 48, got 47" in out and "BELOW THRESHOLD" in out
    assert main(["eval", str(SEED_DIR)]) == 0
