"""scripts/train_ranker.py rebuilds the ranker file exactly from the data it is given."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SUBJECTS = [
    ("harbour", "cargo"), ("quarry", "gravel"), ("ferry", "islands"), ("bridge", "river"),
    ("school", "pupils"), ("hospital", "beds"), ("airport", "flights"), ("railway", "trains"),
    ("forest", "trees"), ("market", "stalls"), ("library", "books"), ("stadium", "seats"),
]  # fmt: skip


def write_data(tmp_path: Path) -> tuple[Path, Path]:
    retrieval, evaluation = tmp_path / "retrieval", tmp_path / "eval"
    retrieval.mkdir()
    evaluation.mkdir()
    sources, tweets = [], []
    for n, (place, thing) in enumerate(SUBJECTS):
        sources.append(
            {
                "key": f"fc-{n}",
                "title": f"Did the {place} lose {n + 2} {thing}?",
                "publisher": "Checkers",
                "passages": [{"key": "p1", "text": f"The {place} lost {n + 2} {thing} in May."}],
            }
        )
        tweets.append(
            {
                "id": f"t{n}",
                "claim": f"Wow, our {place} just lost {n + 2} {thing} #{place.title()}News",
                "gold": [{"source_key": f"fc-{n}", "passage_key": "p1"}],
            }
        )
    lines = "".join(json.dumps(s) + "\n" for s in sources)
    (retrieval / "verified-claims.jsonl").write_text(lines, encoding="utf-8")
    (retrieval / "tweets-train.jsonl").write_text(
        "".join(json.dumps(t) + "\n" for t in tweets), encoding="utf-8"
    )
    (evaluation / "sources.jsonl").write_text(lines, encoding="utf-8")
    claims = [
        {"text": f"The {place} lost {n + 2} {thing}.", "evidence": [
            {"source_key": f"fc-{n}", "passage_key": "p1", "numeric": "agrees"}]}
        for n, (place, thing) in enumerate(SUBJECTS[:4])
    ]  # fmt: skip
    gold = {"articles": [{"file": "a.txt", "claims": claims, "not_checkworthy": ["Hello."]}]}
    (evaluation / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return retrieval, evaluation


def train(retrieval: Path, evaluation: Path, output: Path) -> dict:
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_ranker.py"), str(retrieval),
         str(evaluation), "--output", str(output)],
        check=True, capture_output=True, cwd=ROOT,
    )  # fmt: skip
    return json.loads(output.read_text(encoding="utf-8"))


def test_training_twice_on_the_same_data_writes_the_same_file(tmp_path):
    retrieval, evaluation = write_data(tmp_path)
    first = train(retrieval, evaluation, tmp_path / "a.json")
    second = train(retrieval, evaluation, tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert (
        first["training"]["data"]["tweets"]["sha256"]
        == second["training"]["data"]["tweets"]["sha256"]
    )


def test_trained_file_records_its_data_and_cross_validation(tmp_path):
    retrieval, evaluation = write_data(tmp_path)
    ranker = train(retrieval, evaluation, tmp_path / "r.json")
    assert set(ranker["training"]["data"]) == {"library", "tweets", "eval_library", "eval_gold"}
    assert ranker["training"]["cross_validation"]["results"]
