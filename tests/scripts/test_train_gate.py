"""scripts/train_gate.py rebuilds the relevance gate exactly from the data and ranker given."""

import hashlib
import json
import subprocess
import sys

from tests.scripts.test_train_ranker import ROOT, write_data
from textcore.retrieval.gate import RelevanceGate
from textcore.retrieval.rank import RANKER_PATH


def train_gate(retrieval, evaluation, output) -> dict:
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_gate.py"), str(retrieval),
         str(evaluation), "--output", str(output)],
        check=True, capture_output=True, cwd=ROOT,
    )  # fmt: skip
    return json.loads(output.read_text(encoding="utf-8"))


def test_training_twice_on_the_same_data_writes_the_same_file(tmp_path):
    retrieval, evaluation = write_data(tmp_path)
    train_gate(retrieval, evaluation, tmp_path / "a.json")
    train_gate(retrieval, evaluation, tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_gate_file_loads_and_records_its_ranker_data_and_cross_validation(tmp_path):
    retrieval, evaluation = write_data(tmp_path)
    data = train_gate(retrieval, evaluation, tmp_path / "gate.json")
    gate = RelevanceGate.from_json(data)
    assert gate.min_pieces == 2
    training = data["training"]
    assert training["ranker"]["sha256"] == hashlib.sha256(RANKER_PATH.read_bytes()).hexdigest()
    assert set(training["data"]) == {"library", "tweets", "eval_library", "eval_gold"}
    assert set(training["cross_validation"]["results"]) == {
        f"margin={m}" for m in (1.0, 0.9, 0.8, 0.7, 0.6, 0.5)
    }
    # the labelled claims restate their passage: the gate keeps every one of them
    claims = training["figures"]["claims"]
    assert claims["gated"]["gold_in_top5"] == claims["ranker_floor_only"]["gold_in_top5"] == 4
