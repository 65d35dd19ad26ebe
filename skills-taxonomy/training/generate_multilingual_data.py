"""Contrastive pairs for the multilingual encoder, from ESCO's own labels in English, French and Spanish.

The multilingual model reads job titles and skill phrases in the posting's language and matches them to ESCO labels in
that language or in English. Each example is (anchor, positive, hard negative) with E5's prefixes already applied:
the anchor ("query: ...") is one label of a concept written the way a title or a bullet is written (capitalised, one
gender form of a "serveur/serveuse" pair, or the pair spaced out), the positive ("passage: ...") another label of the
same concept in the same language or in English, and the negative a label of a concept in the same ISCO group
(occupations) or under the same broader skill group, or one sharing most words.

A development set is held out for model selection: one alternative label of up to 30% of the French occupations (one the
others do not spell out), never shown in training, searched among all remaining French occupation labels (`dev.jsonl`). No benchmark file is read.

Usage: python generate_multilingual_data.py --esco DIR --out FILE --dev FILE [--examples N] [--seed S]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from generate_data import STOP, read_csv, split_multi

GENERATOR_VERSION = 2
# The held-out titles are drawn with their own fixed seed, so builds with different --seed share one development set
# (and their scores, or an average of their weights, can be compared on it).
DEV_SEED = 42
LANGS = ("en", "fr", "es")
WORD = re.compile(r"\w+", re.UNICODE)
QUERY, PASSAGE = "query: ", "passage: "
# Kind, target language, share. French labels are drawn twice as often as each other language (chosen on the held-out
# French titles: MRR 0.866 with 35 % same-language occupations and even languages, 0.877 with these and 300 steps).
MIX = [("occupation", "same", 0.45), ("occupation", "english", 0.15), ("skill", "same", 0.20), ("skill", "english", 0.20)]
FRENCH_WEIGHT = 2.0


@dataclass
class Concept:
    uri: str
    kind: str  # occupation | skill
    groups: list[str]
    labels: dict[str, list[str]] = field(default_factory=dict)  # lang → [preferred, *alternatives]


def labels_of(row: dict[str, str]) -> list[str]:
    pref = row["preferredLabel"].strip()
    seen, out = set(), []
    for label in [pref, *split_multi(row.get("altLabels", ""))]:
        if label and label.lower() not in seen:
            seen.add(label.lower())
            out.append(label)
    return out


def older_release(esco: Path) -> Path | None:
    """French and Spanish labels: beside the English files (v1.0-fr-es/ in the shared copy) or in the same folder."""
    for d in [esco / "v1.0-fr-es", esco]:
        if (d / "occupations_fr.csv").exists():
            return d
    return None


def load_concepts(esco: Path) -> dict[str, Concept]:
    concepts: dict[str, Concept] = {}
    for row in read_csv(esco / "occupations_en.csv"):
        concepts[row["conceptUri"]] = Concept(row["conceptUri"], "occupation", [f"isco:{row['iscoGroup']}"], {"en": labels_of(row)})
    for row in read_csv(esco / "skills_en.csv"):
        if row["preferredLabel"].strip():
            concepts[row["conceptUri"]] = Concept(row["conceptUri"], "skill", [], {"en": labels_of(row)})
    for row in read_csv(esco / "broaderRelationsSkillPillar.csv"):
        c = concepts.get(row["conceptUri"])
        if c:
            c.groups.append(row["broaderUri"])
    other = older_release(esco)
    if other is None:
        raise SystemExit(f"No occupations_fr.csv / skills_fr.csv next to {esco}: the multilingual model needs ESCO's French "
                         "and Spanish labels (README, \"Getting ESCO\").")
    for lang in ("fr", "es"):
        for kind in ("occupations", "skills"):
            path = other / f"{kind}_{lang}.csv"
            if not path.exists():
                continue
            for row in read_csv(path):
                c = concepts.get(row["conceptUri"])  # v1.0 concepts dropped from v1.1.1 are left out
                if c and row["preferredLabel"].strip():
                    c.labels[lang] = labels_of(row)
    return concepts


class Negatives:
    """A concept in the same group (ISCO unit group, broader skill group), or one whose label shares most words."""

    def __init__(self, concepts: dict[str, Concept]):
        self.concepts = concepts
        self.members: dict[str, list[str]] = defaultdict(list)
        for c in concepts.values():
            for g in c.groups:
                self.members[g].append(c.uri)
        self.by_word: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.words: dict[tuple[str, str], set[str]] = {}
        for c in concepts.values():
            for lang, labels in c.labels.items():
                ws = {w for w in WORD.findall(labels[0].lower()) if w not in STOP and len(w) > 2}
                self.words[(c.uri, lang)] = ws
                for w in ws:
                    self.by_word[(lang, w)].append(c.uri)

    def pick(self, uri: str, lang: str, rng: random.Random) -> str | None:
        c = self.concepts[uri]
        if rng.random() < 0.5:
            ws = self.words.get((uri, lang), set())
            # Sorted: a set's order changes with Python's hash seed, and the data must not.
            pool = [u for w in sorted(ws) for u in self.by_word[(lang, w)][:300] if u != uri and self.concepts[u].kind == c.kind]
            if pool:
                best = max(rng.sample(pool, min(len(pool), 40)),
                           key=lambda u: len(ws & self.words[(u, lang)]) / len(ws | self.words[(u, lang)]))
                return best
        if c.groups:
            kin = [u for u in self.members[rng.choice(c.groups)] if u != uri and lang in self.concepts[u].labels]
            if kin:
                return rng.choice(kin)
        return None


def title_form(label: str, rng: random.Random) -> str:
    """How a posting or a national classification writes a label: one gender form, or the pair spaced; capitalised."""
    if "/" in label and rng.random() < 0.6:
        parts = [p.strip() for p in label.split("/") if p.strip()]
        label = rng.choice(parts) if rng.random() < 0.5 else " / ".join(parts)
    if rng.random() < 0.7:
        label = label[:1].upper() + label[1:]
    return label


def generate(esco: Path, n: int, seed: int) -> tuple[list[dict], list[dict]]:
    concepts = load_concepts(esco)
    # Held out for model selection: one alternative French label of up to 30% of the occupations.
    dev_rng = random.Random(DEV_SEED)
    dev: list[dict] = []
    for c in sorted(concepts.values(), key=lambda c: c.uri):
        fr = c.labels.get("fr")
        if c.kind == "occupation" and fr and len(fr) > 2 and dev_rng.random() < 0.30:
            # Only a label that the remaining ones do not spell out (not "serveuse" beside "serveur/serveuse").
            held = dev_rng.choice(fr[1:])
            rest = [label for label in fr if label != held]
            if any(held.lower() in part.strip().lower() for label in rest for part in [label, *label.split("/")]):
                continue
            c.labels["fr"] = rest
            dev.append({"query": held[:1].upper() + held[1:], "uri": c.uri})
    rng = random.Random(seed)
    negs = Negatives(concepts)
    pools = {kind: sorted(u for u, c in concepts.items() if c.kind == kind and len(c.labels) > 1) for kind in ("occupation", "skill")}
    examples: list[dict] = []
    while len(examples) < n:
        kind, target, _ = rng.choices(MIX, [w for *_, w in MIX])[0]
        c = concepts[rng.choice(pools[kind])]
        langs = [lang for lang in c.labels if lang != "en"] + (["en"] if target == "same" else [])
        lang = rng.choices(langs, [FRENCH_WEIGHT if lang == "fr" else 1.0 for lang in langs])[0]
        out_lang = lang if target == "same" else "en"
        anchor = rng.choice(c.labels[lang])
        options = [label for label in c.labels[out_lang] if label != anchor]
        if not options:
            continue
        positive = c.labels[out_lang][0] if rng.random() < 0.4 and c.labels[out_lang][0] != anchor else rng.choice(options)
        neg_uri = negs.pick(c.uri, out_lang, rng)
        if neg_uri is None or out_lang not in concepts[neg_uri].labels:
            continue
        negative = rng.choice(concepts[neg_uri].labels[out_lang][:3])
        shown = title_form(anchor, rng) if kind == "occupation" else (anchor[:1].upper() + anchor[1:] if rng.random() < 0.3 else anchor)
        examples.append({"anchor": QUERY + shown, "positive": PASSAGE + positive, "negative": PASSAGE + negative,
                         "uris": [c.uri], "pos_uri": c.uri, "neg_uri": neg_uri, "kind": f"{kind}-{target}-{lang}"})
    return examples, dev


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--esco", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--dev", type=Path, required=True)
    ap.add_argument("--examples", type=int, default=40_000)
    ap.add_argument("--seed", type=int, default=42)
    a = ap.parse_args()
    rows, dev = generate(a.esco, a.examples, a.seed)
    for path, items in [(a.out, rows), (a.dev, dev)]:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as f:
            for r in items:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        tmp.replace(path)
    counts: dict[str, int] = defaultdict(int)
    for r in rows:
        counts[r["kind"]] += 1
    print(f"wrote {len(rows)} examples to {a.out} ({dict(sorted(counts.items()))}); {len(dev)} held-out French titles to {a.dev}")


if __name__ == "__main__":
    main()
