"""The evaluation command on the fixture corpus, with the thresholds of the extraction issue."""

from analysis.__main__ import main
from analysis.evaluate import evaluate, passes
from tests.conftest import CORPUS, SEED_DIR

MIN_F1, MIN_ACCURACY = 0.97, 0.98


def test_fixture_corpus_meets_the_targets():
    ev = evaluate([CORPUS, SEED_DIR])
    assert ev.pages == 17 and not ev.errors
    assert passes(ev, MIN_F1, MIN_ACCURACY) == [], ev.misses


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
