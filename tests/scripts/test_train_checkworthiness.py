"""scripts/train_checkworthiness.py rebuilds the check-worthiness model exactly from the data
it is given, in one process or several, and the file it writes is a model the runtime reads."""

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from textcore.checkworthiness_model import CheckworthinessModel

ROOT = Path(__file__).resolve().parents[2]
PLACES = ["harbour", "quarry", "airport", "railway", "library", "stadium", "hospital", "market"]
FACTS = [
    "The {place} handled {n} tonnes of cargo in {year}.",
    "Spending on the {place} rose {n}% to ${n}m last year.",
    "The {place} was sold to a private operator in {year}.",
]
VIEWS = [
    "I think the {place} is a wonderful idea, {name}.",
    "Thank you, {name}, for coming to the {place} tonight.",
    "We will make the {place} great again, {name}.",
]
# made-up names, so that no two sentences are the same
NAMES = [a + b for a in ("ka", "lo", "mi", "ta", "re") for b in ("ron", "bel", "dan", "vis", "mor")]


def _sentences(count: int, offset: int):
    for i in range(count):
        place = PLACES[(i + offset) % len(PLACES)]
        n, year = 10 + i, 1990 + i % 30
        if i % 3 == 0:
            yield FACTS[i % len(FACTS)].format(place=place, n=n, year=year), 1
        else:
            name = NAMES[(i + 7 * offset) % len(NAMES)].title()
            yield VIEWS[i % len(VIEWS)].format(place=place, name=name), 0


def write_data(folder: Path) -> Path:
    folder.mkdir()
    with (folder / "claimbuster-train.jsonl").open("w", encoding="utf-8") as out:
        for i, (text, label) in enumerate(_sentences(150, 0)):
            # ids run in blocks of 1,000, one block a debate
            out.write(json.dumps({"id": f"cb-{i * 40}", "text": text, "label": label}) + "\n")
    with (folder / "ct19-train.jsonl").open("w", encoding="utf-8") as out:
        for debate in range(5):
            for i, (text, label) in enumerate(_sentences(30, debate)):
                row = {"id": f"d{debate}-{i}", "text": text, "label": label, "group": f"d{debate}"}
                out.write(json.dumps(row) + "\n")
    return folder


def train(data: Path, output: Path, *extra: str) -> str:
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_checkworthiness.py"), str(data),
         "--output", str(output), "--no-lodo", *extra],
        check=True, capture_output=True, cwd=ROOT, timeout=600,
    )  # fmt: skip
    return output.read_text(encoding="utf-8")


def test_one_process_and_two_write_the_same_model_the_runtime_reads(tmp_path):
    data = write_data(tmp_path / "data")
    alone = train(data, tmp_path / "one.json")
    assert train(data, tmp_path / "two.json", "--jobs", "2") == alone
    written = json.loads(alone)
    model = CheckworthinessModel(written)
    assert model.score("The harbour handled 40 tonnes of cargo in 1999.") > model.score(
        "I think the harbour is a wonderful idea, Kaldan."
    )
    # word parts are weighed when the search chose them
    assert any(name.startswith("c:") for name in model.weights) == bool(model.char_ngrams)
    recorded = {row["file"]: row["sha256"] for row in written["training"]["data"]}
    for name in ("claimbuster-train.jsonl", "ct19-train.jsonl"):
        assert recorded[name] == hashlib.sha256((data / name).read_bytes()).hexdigest()
    cv = written["cross_validation"]
    assert 0.0 <= cv["model"]["claimbuster"]["f1_balanced"] <= 1.0
    assert 0.0 <= cv["ngram_baseline"]["claimbuster"]["f1_balanced"] <= 1.0
    assert cv["grid"], "the settings tried are recorded"
