"""Build contrastive training pairs from ESCO alone (plus optional SkillSpan context sentences).

Each example is (anchor, positive, hard negative): the anchor is what a posting says (a job-ad-style sentence made
from our own templates, an alternative label, a description sentence, or 2-3 such sentences joined), the positive is
a label the skill index holds for the same concept, and the hard negative is a label of a sibling concept (same
broader group) or of a concept whose label shares most words with it. The benchmark files are never read here.

Usage: python generate_data.py --esco DIR --out FILE [--skillspan FILE] [--examples N] [--seed S]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

GENERATOR_VERSION = 3

# Templates are ours. {vp} takes a verb phrase ("manage budgets"), {ing} its gerund ("managing budgets"),
# {np} a noun phrase ("Python", "food safety").
VERB_TEMPLATES = [
    "You will {vp}.",
    "Ability to {vp}.",
    "Able to {vp} independently.",
    "Responsible for {ing}.",
    "Experience {ing} is required.",
    "Proven track record of {ing}.",
    "You know how to {vp}.",
    "Your main task is to {vp}.",
    "{ing_cap} on a daily basis.",
    "• {vp_cap}",
    "- {ing_cap}",
    "We expect you to {vp} in a fast-paced environment.",
    "Must be able to {vp}.",
    "Day to day you {vp} together with the team.",
    "Nice to have: experience {ing}.",
    "The role involves {ing}.",
    "You enjoy {ing}.",
    "Help us {vp}.",
]
NOUN_TEMPLATES = [
    "Knowledge of {np}.",
    "Experience with {np}.",
    "Solid understanding of {np}.",
    "Familiarity with {np} is a plus.",
    "Strong background in {np}.",
    "{np_cap} skills required.",
    "Hands-on experience in {np}.",
    "• {np_cap}",
    "- {np_cap}",
    "You have worked with {np} before.",
    "Expertise in {np} is essential.",
    "Good command of {np}.",
    "Basic knowledge of {np} is an advantage.",
    "{years} years of experience in {np}.",
    "Degree or equivalent experience in {np}.",
    "We use {np} every day.",
    "Nice to have: {np}.",
]
OCCUPATION_TEMPLATES = [
    "As our new {occ}, you will {vp}.",
    "As a {occ} you are responsible for {ing}.",
    "We are looking for a {occ} with experience in {np}.",
    "Join us as {occ}: {ing} is part of the job.",
]
CONNECTORS = [" ", " ", " ", " Also, ", " In addition, ", "; "]

PAREN = re.compile(r"\s*\([^)]*\)")
WORD = re.compile(r"[a-z0-9+#]+")
STOP = {"and", "or", "of", "the", "a", "an", "to", "in", "for", "on", "with", "by", "as", "at", "from", "use", "apply"}


@dataclass
class Skill:
    uri: str
    pref: str
    alts: list[str]
    skill_type: str
    description: str
    broader: list[str] = field(default_factory=list)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def split_multi(value: str) -> list[str]:
    return [v.strip() for v in (value or "").split("\n") if v.strip()]


def load_skills(esco: Path) -> dict[str, Skill]:
    skills: dict[str, Skill] = {}
    for row in read_csv(esco / "skills_en.csv"):
        pref = row["preferredLabel"].strip()
        if not pref:
            continue
        alts = [a for a in split_multi(row["altLabels"]) if a.lower() != pref.lower()]
        skills[row["conceptUri"]] = Skill(row["conceptUri"], pref, alts, row["skillType"], row["description"].strip())
    for row in read_csv(esco / "broaderRelationsSkillPillar.csv"):
        s = skills.get(row["conceptUri"])
        if s:
            s.broader.append(row["broaderUri"])
    return skills


def load_occupation_skills(esco: Path) -> list[tuple[str, list[str]]]:
    """Occupation preferred label with the skills ESCO lists for it (essential and optional)."""
    labels = {r["conceptUri"]: r["preferredLabel"].strip() for r in read_csv(esco / "occupations_en.csv")}
    by_occ: dict[str, list[str]] = defaultdict(list)
    for r in read_csv(esco / "occupationSkillRelations.csv"):
        by_occ[r["occupationUri"]].append(r["skillUri"])
    return [(labels[o], uris) for o, uris in sorted(by_occ.items()) if o in labels]


def load_context_sentences(path: Path | None) -> list[str]:
    """SkillSpan sentences with no skill or knowledge tag: realistic posting filler to put next to a skill."""
    if not path or not path.exists():
        return []
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            tags = row["tags_skill"] + row["tags_knowledge"]
            text = " ".join(row["tokens"])
            if all(t == "O" for t in tags) and 6 <= len(row["tokens"]) <= 30 and "<" not in text:
                out.append(text)
    return out


def clean(label: str) -> str:
    """Drop ESCO's disambiguating parentheses: postings say "Python", not "Python (computer programming)"."""
    return PAREN.sub("", label).strip() or label


def gerund(vp: str) -> str:
    first, _, rest = vp.partition(" ")
    w = first.lower()
    if w.endswith("ie"):
        g = w[:-2] + "ying"
    elif w.endswith("e") and not w.endswith(("ee", "ye", "oe")) and len(w) > 2:
        g = w[:-1] + "ing"
    elif re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", w) and len(w) <= 4:
        g = w + w[-1] + "ing"
    else:
        g = w + "ing"
    return f"{g} {rest}".strip()


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def is_verb_phrase(skill: Skill, surface: str) -> bool:
    # ESCO skill/competence labels start with a verb ("manage budgets"); knowledge labels are noun phrases.
    return skill.skill_type == "skill/competence" and " " in surface and surface[:1].islower()


def sentence_for(skill: Skill, surface: str, rng: random.Random, occupation: str | None = None) -> str:
    s = clean(surface)
    if occupation and rng.random() < 0.5:
        t = rng.choice(OCCUPATION_TEMPLATES)
        if is_verb_phrase(skill, s) or "{np}" not in t:
            if not is_verb_phrase(skill, s):
                t = "We are looking for a {occ} with experience in {np}."
            return t.format(occ=occupation, vp=s, ing=gerund(s), np=s)
    if is_verb_phrase(skill, s):
        t = rng.choice(VERB_TEMPLATES)
        return t.format(vp=s, ing=gerund(s), vp_cap=cap(s), ing_cap=cap(gerund(s)))
    t = rng.choice(NOUN_TEMPLATES)
    return t.format(np=s, np_cap=cap(s), years=rng.choice([2, 3, 5]))


def first_sentence(text: str) -> str:
    m = re.match(r"(.+?[.!?])(\s|$)", text)
    return (m.group(1) if m else text)[:300]


class NegativeFinder:
    """Hard negatives: a sibling under the same broader concept, or a concept whose label shares most words."""

    def __init__(self, skills: dict[str, Skill]):
        self.skills = skills
        self.children: dict[str, list[str]] = defaultdict(list)
        for s in skills.values():
            for b in s.broader:
                self.children[b].append(s.uri)
        self.by_word: dict[str, list[str]] = defaultdict(list)
        self.words: dict[str, set[str]] = {}
        for s in skills.values():
            ws = {w for w in WORD.findall(clean(s.pref).lower()) if w not in STOP}
            self.words[s.uri] = ws
            for w in ws:
                self.by_word[w].append(s.uri)

    def near_duplicate(self, uri: str, rng: random.Random) -> str | None:
        ws = self.words[uri]
        if not ws:
            return None
        rare = sorted(ws, key=lambda w: len(self.by_word[w]))[:2]
        best, best_score = None, 0.0
        pool = [u for w in rare for u in self.by_word[w][:400] if u != uri]
        for u in rng.sample(pool, min(len(pool), 60)):
            other = self.words[u]
            score = len(ws & other) / len(ws | other)
            if score > best_score:
                best, best_score = u, score
        return best

    def sibling(self, uri: str, rng: random.Random) -> str | None:
        parents = self.skills[uri].broader
        if not parents:
            return None
        kids = [u for u in self.children[rng.choice(parents)] if u != uri]
        return rng.choice(kids) if kids else None

    def pick(self, uri: str, rng: random.Random) -> str:
        found = self.near_duplicate(uri, rng) if rng.random() < 0.5 else self.sibling(uri, rng)
        found = found or self.sibling(uri, rng) or self.near_duplicate(uri, rng)
        return found or rng.choice(list(self.skills))


def label_for(skill: Skill, rng: random.Random) -> str:
    """The positive: a surface the index embeds. Mostly the preferred label (the benchmark's gold)."""
    return skill.pref if rng.random() < 0.75 or not skill.alts else rng.choice(skill.alts)


def generate(esco: Path, skillspan: Path | None, n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    skills = load_skills(esco)
    uris = sorted(skills)
    occupations = load_occupation_skills(esco)
    context = load_context_sentences(skillspan)
    negs = NegativeFinder(skills)

    def surface(s: Skill) -> str:
        # The anchor names the skill the way a posting might: an alternative label when there is one.
        return rng.choice(s.alts) if s.alts and rng.random() < 0.7 else s.pref

    def one_sentence(uri: str, occupation: str | None = None) -> str:
        return sentence_for(skills[uri], surface(skills[uri]), rng, occupation)

    examples: list[dict] = []

    def add(anchor: str, uri: str, anchor_uris: list[str], kind: str) -> None:
        s = skills[uri]
        neg = negs.pick(uri, rng)
        while neg in anchor_uris:
            neg = rng.choice(uris)
        examples.append({"anchor": anchor, "positive": label_for(s, rng), "negative": label_for(skills[neg], rng),
                         "uris": anchor_uris, "pos_uri": uri, "neg_uri": neg, "kind": kind})

    mix = [("sentence", 0.40), ("concat", 0.25), ("label", 0.15), ("description", 0.10), ("context", 0.10)]
    if not context:
        mix = [(k, w) for k, w in mix if k != "context"]
    kinds, weights = zip(*mix)
    while len(examples) < n:
        kind = rng.choices(kinds, weights)[0]
        uri = rng.choice(uris)
        s = skills[uri]
        if kind == "sentence":
            add(one_sentence(uri), uri, [uri], kind)
        elif kind == "label":
            add(clean(surface(s)) if rng.random() < 0.5 else surface(s), uri, [uri], kind)
        elif kind == "description":
            if s.description:
                add(first_sentence(s.description), uri, [uri], kind)
        elif kind == "context":
            parts = [one_sentence(uri), rng.choice(context)]
            rng.shuffle(parts)
            add(" ".join(parts), uri, [uri], kind)
        else:
            # Decorte et al.'s augmentation: one query holding several skills, here skills of one occupation.
            occ, occ_skills = rng.choice(occupations)
            chosen = rng.sample(occ_skills, min(len(occ_skills), rng.choice([2, 2, 3])))
            chosen = [u for u in chosen if u in skills]
            if len(chosen) < 2:
                continue
            text = one_sentence(chosen[0], occ if rng.random() < 0.3 else None)
            for u in chosen[1:]:
                joiner = rng.choice(CONNECTORS)
                nxt = one_sentence(u)
                text += joiner + (nxt[:1].lower() + nxt[1:] if joiner.endswith(", ") else nxt)
            add(text, rng.choice(chosen), chosen, kind)
    return examples


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--esco", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--skillspan", type=Path)
    ap.add_argument("--examples", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=42)
    a = ap.parse_args()
    rows = generate(a.esco, a.skillspan, a.examples, a.seed)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = a.out.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    tmp.replace(a.out)
    counts: dict[str, int] = defaultdict(int)
    for r in rows:
        counts[r["kind"]] += 1
    print(f"wrote {len(rows)} examples to {a.out} ({dict(counts)})")


if __name__ == "__main__":
    main()
