"""Generate a folder of pseudo-news articles for bench/scale.py: varied lengths, formats and near-duplicates.

Text is built from a few thousand generated pseudo-words drawn with a Zipf-like distribution
plus generated names and places, so vocabulary statistics resemble real text without using
any real article.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

SYLLABLES = "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu "
SYLLABLES += "bra cre dri fro glu pla pre sto tra ster mon len vel dor gan rin tor"
FUNCTION_WORDS = "the of and to in a that is was for on with as by at from it said has have will be its are an not but which".split()


def _vocabulary(rng: random.Random, n: int) -> list[str]:
    syl = SYLLABLES.split()
    words: set[str] = set()
    while len(words) < n:
        words.add("".join(rng.choice(syl) for _ in range(rng.choice((1, 2, 2, 3, 3, 4)))))
    return sorted(words)


class Writer:
    def __init__(self, seed: int = 8):
        self.rng = random.Random(seed)
        self.words = _vocabulary(self.rng, 4000)
        self.weights = [1 / (rank + 1) ** 1.05 for rank in range(len(self.words))]
        self.names = [w.capitalize() + " " + self.rng.choice(self.words).capitalize() for w in self.rng.sample(self.words, 600)]
        self.places = [w.capitalize() for w in self.rng.sample(self.words, 200)]

    def sentence(self, topic: list[str]) -> str:
        rng = self.rng
        n = rng.randint(8, 26)
        picks = rng.choices(self.words, self.weights, k=n)
        out = []
        for w in picks:
            out.append(w)
            r = rng.random()
            if r < 0.35:
                out.append(rng.choice(FUNCTION_WORDS))
            elif r < 0.45:
                out.append(rng.choice(topic))
        if rng.random() < 0.4:
            out.insert(rng.randrange(len(out)), rng.choice(self.names))
        if rng.random() < 0.2:
            out.append(f"{rng.randint(2, 9000):,}")
        text = " ".join(out)
        return text[0].upper() + text[1:] + "."

    def story(self, words: int) -> tuple[str, list[str]]:
        rng = self.rng
        topic = rng.sample(self.words, 12) + rng.sample(self.names, 3) + rng.sample(self.places, 2)
        title = " ".join(rng.sample(topic[:12], 5)).capitalize()
        paragraphs, count = [], 0
        while count < words:
            para = " ".join(self.sentence(topic) for _ in range(rng.randint(2, 5)))
            paragraphs.append(para)
            count += len(para.split())
        return title, paragraphs

    def variant(self, paragraphs: list[str]) -> list[str]:
        """A near-duplicate: a few words changed, a paragraph dropped or added."""
        rng = self.rng
        out = []
        for p in paragraphs:
            if rng.random() < 0.08:
                continue
            words = p.split()
            for _ in range(max(1, len(words) // 40)):
                words[rng.randrange(len(words))] = rng.choice(self.words)
            out.append(" ".join(words))
        if rng.random() < 0.5:
            out.append(self.sentence(rng.sample(self.words, 5)))
        return out or paragraphs


def write(title: str, paragraphs: list[str], path: Path, fmt: str, date: str) -> Path:
    path = path.with_suffix("." + fmt)
    if fmt == "txt":
        path.write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    elif fmt == "md":
        path.write_text(f"# {title}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    elif fmt == "html":
        body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
        path.write_text(
            f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>"
            f"<meta property='article:published_time' content='{date}'></head>"
            f"<body><article><h1>{title}</h1>\n{body}</article></body></html>\n",
            encoding="utf-8",
        )
    else:
        path.write_text(json.dumps({"title": title, "date": date, "source": "Bench Wire", "body": "\n\n".join(paragraphs)}), encoding="utf-8")
    return path


def generate(folder: Path, count: int = 10_000, clusters: int = 300, seed: int = 8) -> list[Path]:
    writer = Writer(seed)
    rng = writer.rng
    formats = ("txt", "html", "md", "json")
    files: list[Path] = []
    n = 0
    while n < count:
        sub = folder / f"d{n // 500:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        title, paragraphs = writer.story(rng.randint(150, 1500))
        date = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        copies = rng.randint(2, 4) if len(files) // 3 < clusters * 3 and rng.random() < 0.12 else 1
        for c in range(min(copies, count - n)):
            exact = c > 0 and rng.random() < 0.1  # some copies are exact (another outlet ran the wire as is)
            text = paragraphs if c == 0 or exact else writer.variant(paragraphs)
            files.append(write(title, text, sub / f"a{n:05d}", rng.choice(formats), date))
            n += 1
    return files


if __name__ == "__main__":
    import sys
    import time

    t = time.perf_counter()
    out = generate(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 10_000)
    print(f"{len(out)} files in {time.perf_counter() - t:.1f} s")
