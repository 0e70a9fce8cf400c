"""Train the name tagger (desktop/core/entities/tagger.py) on CoNLL++ train and write resources/tagger/.

Run: .venv/bin/python scripts/train_tagger.py [--epochs N] [--corpus DIR]
Reads ../shared/corpus/conll/conllpp_train.txt (the text never ships: only the hashed weights do),
prints the tagger's own figures on conllpp_dev.txt, and takes a few minutes of one core.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from array import array
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.entities.gazetteer import load_gazetteer  # noqa: E402
from desktop.core.entities.tagger import (  # noqa: E402
    _ALLOWED,
    _HASH_BITS,
    N_TAGS,
    TAGS,
    WEIGHTS_FILE,
    Features,
    bucket,
    headline_sentence,
    islands,
    save_weights,
    token_features,
    viterbi,
)
from desktop.core.entities.tagged import rule_names, rule_starts  # noqa: E402
from desktop.core.entities.tokens import tokenize  # noqa: E402

_LOWER_RE = re.compile(r"(?<![\w.])[a-z][a-z'-]*")  # as extract.py gathers the words a text writes in lower case
_TAG_INDEX = {t: k for k, t in enumerate(TAGS)}
# The features that name the word itself. Training hides them from a share of tokens (DROPOUT), so
# that the weights also learn what context, the gazetteer and the rules say: CoNLL's words come
# from 1996 Reuters, heavy on sports pages ("Genoa" is a team there), and news it never saw
# should be read from the rest.
_LEXICAL = ("w=", "Hw=", "l=", "p3=", "x3=", "x2=", "bl=", "bn=")
DROPOUT = 0.35


def conll_docs(path: Path):
    """Each document as a list of sentences of (word, tag)."""
    doc, sent = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            if sent:
                doc.append(sent)
            if doc:
                yield doc
            doc, sent = [], []
        elif not line.strip():
            if sent:
                doc.append(sent)
            sent = []
        else:
            parts = line.split()
            sent.append((parts[0], parts[-1]))
    if sent:
        doc.append(sent)
    if doc:
        yield doc


def document(doc):
    """The text the bench builds for a document (words joined by spaces, sentences by blank lines),
    each sentence's span and, for every character of a name, its gold (type, entity start)."""
    parts, spans, char_tag = [], [], {}
    pos = 0
    for sent in doc:
        start = pos
        prev, ent_start = "O", -1
        for word, tag in sent:
            typ = tag[2:] if tag != "O" else "O"
            if typ != "O" and (tag.startswith("B-") or typ != prev):
                ent_start = pos
            if typ != "O":
                for c in range(pos, pos + len(word)):
                    char_tag[c] = (typ, ent_start)
                if pos > ent_start:
                    char_tag[pos - 1] = (typ, ent_start)  # the space inside a name
            prev = typ
            parts.append(word)
            pos += len(word) + 1
        spans.append((start, pos - 1))
        pos += 1
    text = ""
    for sent, (s, e) in zip(doc, spans):
        text += ("\n\n" if text else "") + " ".join(w for w, _ in sent)
    return text, spans, char_tag


def examples(path: Path, feats: Features):
    """(bucket ids per token, gold tag per token) for every island of every sentence; and coverage."""
    out = []
    lost = kept = 0
    for doc in conll_docs(path):
        text, spans, char_tag = document(doc)
        lower_words = set(_LOWER_RE.findall(text))
        sentences = [tokenize(text, s, e) for s, e in spans]
        starts = rule_starts(rule_names(text, sentences, feats.gaz, lower_words))
        for toks in sentences:
            gold = []
            seen = set()
            for t in toks:
                hit = char_tag.get(t.start)
                if hit is None:
                    gold.append(0)
                    continue
                typ, ent = hit
                gold.append(_TAG_INDEX[("I-" if ent in seen else "B-") + typ])
                seen.add(ent)
            inside = [0] * len(toks)
            headline = headline_sentence(text, toks)
            for lo, hi in islands(toks):
                for k in range(lo, hi):
                    inside[k] = 1
                groups = token_features(text, toks, lo, hi, feats, headline, lower_words, starts)
                ids = []
                for grp in groups:
                    feats_ = {f for g in grp for f in g}
                    lex = {bucket(f) for f in feats_ if f.startswith(_LEXICAL)}
                    rest = {bucket(f) for f in feats_} - lex
                    ids.append((array("i", sorted(rest)), array("i", sorted(lex))))
                out.append((ids, gold[lo:hi]))
            lost += sum(1 for k, g in enumerate(gold) if g and not inside[k])
            kept += sum(1 for k, g in enumerate(gold) if g and inside[k])
    return out, kept, lost


def train(data, epochs: int, dropout: float = DROPOUT, seed: int = 7):
    size = N_TAGS << _HASH_BITS
    w = array("d", bytes(8 * size))
    u = array("d", bytes(8 * size))  # sum of step * update: the average is w - u / steps
    tw = [[0.0] * N_TAGS for _ in range(N_TAGS)]
    tu = [[0.0] * N_TAGS for _ in range(N_TAGS)]
    rng = random.Random(seed)
    order = list(range(len(data)))
    step = 1
    for epoch in range(epochs):
        rng.shuffle(order)
        wrong = total = 0
        t0 = time.process_time()
        for x in order:
            ids, gold = data[x]
            scores = []
            used = []
            for rest, lex in ids:
                fs = rest if rng.random() < dropout else rest + lex
                used.append(fs)
                s = [0.0] * N_TAGS
                for b in fs:
                    base = b * N_TAGS
                    for t in range(N_TAGS):
                        s[t] += w[base + t]
                scores.append(s)
            pred = viterbi(scores, tw)
            total += len(gold)
            if pred != gold:
                for k, (g, p) in enumerate(zip(gold, pred)):
                    if g != p:
                        wrong += 1
                        for b in used[k]:
                            w[b * N_TAGS + g] += 1
                            w[b * N_TAGS + p] -= 1
                            u[b * N_TAGS + g] += step
                            u[b * N_TAGS + p] -= step
                for seq, d in ((gold, 1), (pred, -1)):
                    prev = 0
                    for t in list(seq) + [0]:
                        tw[prev][t] += d
                        tu[prev][t] += d * step
                        prev = t
            step += 1
        print(f"  epoch {epoch + 1}: {wrong}/{total} island tokens wrong ({time.process_time() - t0:.1f} s)", flush=True)
    avg = array("d", (a - b / step for a, b in zip(w, u)))
    trans = [[tw[p][t] - tu[p][t] / step if _ALLOWED[t][p] else -1e4 for t in range(N_TAGS)] for p in range(N_TAGS)]
    return avg, trans


def evaluate(path: Path, tagger_from) -> None:
    """Entity-level P/R/F1 of the tagger alone on a CoNLL file, the way bench/entities.py counts (exact span and type)."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for doc in conll_docs(path):
        text, spans, char_tag = document(doc)
        lower_words = set(_LOWER_RE.findall(text))
        gold = set()
        for c, (typ, ent) in char_tag.items():
            if ent == c:
                end = c
                while end + 1 in char_tag and char_tag[end + 1][1] == ent:
                    end += 1
                gold.add((typ, ent, end + 1))
        pred = set()
        sentences = [tokenize(text, s, e) for s, e in spans]
        starts = rule_starts(rule_names(text, sentences, tagger_from.features.gaz, lower_words))
        for toks in sentences:
            for typ, a, b in tagger_from.tag(text, toks, lower_words, starts):
                pred.add((typ, toks[a].start, toks[b - 1].end))
        for typ in ("PER", "LOC", "ORG", "MISC"):
            g = {x for x in gold if x[0] == typ}
            p = {x for x in pred if x[0] == typ}
            tp[typ] += len(g & p)
            fp[typ] += len(p - g)
            fn[typ] += len(g - p)
    for typ in ("PER", "LOC", "ORG", "MISC", "ALL"):
        keys = ("PER", "LOC", "ORG") if typ == "ALL" else (typ,)
        t, f_p, f_n = (sum(c[k] for k in keys) for c in (tp, fp, fn))
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        print(f"  {typ:4} P {p:.3f}  R {r:.3f}  F1 {2 * p * r / (p + r) if p + r else 0.0:.3f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "conll")
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--dropout", type=float, default=DROPOUT)
    ap.add_argument("--out", type=Path, default=ROOT / "resources" / "tagger" / WEIGHTS_FILE)
    args = ap.parse_args()
    train_path = args.corpus / "conllpp_train.txt"
    if not train_path.exists():
        print(f"{train_path}: not found")
        return 1
    t0 = time.process_time()
    gaz = load_gazetteer()
    feats = Features(gaz)
    data, kept, lost = examples(train_path, feats)
    print(f"features of {len(data)} islands in {time.process_time() - t0:.1f} s; name tokens inside islands "
          f"{kept}, outside {lost} ({lost / max(kept + lost, 1):.4f} out of reach)", flush=True)
    avg, trans = train(data, args.epochs, args.dropout)
    peak = max(max(avg), -min(avg))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    save_weights(args.out, avg, trans, 32000 / peak)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB) in {time.process_time() - t0:.0f} s of CPU")
    dev = args.corpus / "conllpp_dev.txt"
    if dev.exists():
        from desktop.core.entities import tagger as tg

        tg._LOADED.clear()
        print(f"tagger alone on {dev.name}:")
        evaluate(dev, tg.load_tagger())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
