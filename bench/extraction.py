"""Benchmark claim extraction: words per second on a realistic ~1,500-word article.

Usage: python bench/extraction.py [--seconds 5]

Prints wall-clock and CPU-time figures; on a machine busy with other work the CPU-time one
(words per CPU-second of this process) is the steadier of the two.

The article is generated from templates written for this benchmark (a fictional energy and
trade story with figures, roles, quotes, headlines and ad markers), so it exercises every rule
without reading any evaluation data.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textcore.extraction import extract_claims  # noqa: E402

_COUNTRIES = ["Norway", "Brazil", "Kenya", "Vietnam", "Canada", "Poland", "Chile", "India"]
_COMPANIES = ["Northwind Energy", "Aurora Metals", "Helios Grid", "Tidewater Mining"]
_PEOPLE = ["Maria Okafor", "Daniel Brandt", "Sofia Lindqvist", "Rahul Mehta", "Ana Souza"]
_TEMPLATES = [
    "{country}'s wind output rose {pct}% to {gw} GW in {year}, the national grid operator said.",
    "{company}, the largest lithium producer in {country}, reported profits of ${bn}bn last year.",
    "Energy Minister {person} said the government will spend about £{m}m on new cables.",
    "The U.S. Department of Energy said imports of copper fell by more than {pct} percent.",
    "Mr. {last} told reporters that the project had been delayed for {n} months.",
    '"We expect demand to keep growing," said {person}, chief executive of {company}.',
    "{company} - which operates {n} mines in {country} - plans to hire {n2} workers by {year}.",
    "Prices reached a {n}-year high in March, and exports climbed to {mt} million tonnes.",
    "Analysts believe the policy could be unfair to smaller producers.",
    "Is the boom sustainable?",
    "{country} produces between {n} and {n2} million tonnes of ore a year, about {pct}% of supply.",
    "The plant, built by {company}, has a capacity of {mw} MW and cost as much as €{bn}bn.",
    "Some observers say the talks were productive.",
    "{person}, the head of the {country} Mining Council, warned that {n} sites could close.",
    "Output grew {pct}% in the first quarter, while costs rose to ${bn}bn, the firm said.",
]
_FILLER = ["Advertisement", "Read more", "By Jane Doe, Staff Reporter", "Publicidad"]


def build_article(words: int = 1500, seed: int = 7) -> str:
    """A deterministic article of about `words` words."""
    rng = random.Random(seed)
    paragraphs = ["Wind and Metals Drive a Record Year for Exporters", _FILLER[2]]
    count = 0
    while count < words:
        sentences = []
        for _ in range(rng.randint(2, 4)):
            person = rng.choice(_PEOPLE)
            sentence = rng.choice(_TEMPLATES).format(
                country=rng.choice(_COUNTRIES),
                company=rng.choice(_COMPANIES),
                person=person,
                last=person.split()[-1],
                pct=round(rng.uniform(1, 60), 1),
                gw=round(rng.uniform(1, 40), 1),
                bn=round(rng.uniform(1, 90), 1),
                m=rng.randint(10, 900),
                mt=round(rng.uniform(1, 9), 1),
                mw=rng.randint(50, 900),
                n=rng.randint(2, 30),
                n2=rng.randint(31, 900),
                year=rng.randint(2020, 2030),
            )
            sentences.append(sentence)
            count += len(sentence.split())
        paragraphs.append(" ".join(sentences))
        if rng.random() < 0.15:
            paragraphs.append(rng.choice(_FILLER))
    return "\n\n".join(paragraphs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    article = build_article()
    words = len(article.split())
    extract_claims(article)  # warm up (regex compilation, imports)
    runs = 0
    started = time.perf_counter()
    cpu_started = time.process_time()
    while time.perf_counter() - started < args.seconds:
        claims = extract_claims(article)
        runs += 1
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    print(f"article: {words} words, {len(claims)} claims")
    print(f"runs: {runs} in {elapsed:.2f} s")
    print(f"per article: {elapsed / runs * 1000:.1f} ms")
    print(f"words per second: {words * runs / elapsed:,.0f}")
    print(f"CPU time per article: {cpu / runs * 1000:.1f} ms")
    print(f"words per CPU-second: {words * runs / cpu:,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
