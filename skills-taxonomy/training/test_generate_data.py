"""pytest skills-taxonomy/training — the data generator on a tiny hand-written ESCO-shaped folder (stdlib only)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from generate_data import clean, gerund, generate

SKILL = "http://data.europa.eu/esco/skill/"
OCC = "http://data.europa.eu/esco/occupation/"
GROUP = "http://data.europa.eu/esco/skill/group-"


def write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


@pytest.fixture()
def esco(tmp_path: Path) -> Path:
    skills = [
        ("s1", "skill/competence", "manage budgets", "plan budgets\ncontrol budgets", "Plan, monitor and report on the budget."),
        ("s2", "skill/competence", "manage staff", "lead staff", "Manage employees and subordinates."),
        ("s3", "knowledge", "Python (computer programming)", "Python", "The techniques of software development in Python."),
        ("s4", "knowledge", "SQL", "structured query language", "The query language SQL."),
        ("s5", "skill/competence", "cook meals", "prepare meals", "Prepare food."),
    ]
    write(tmp_path / "skills_en.csv",
          ["conceptType", "conceptUri", "skillType", "reuseLevel", "preferredLabel", "altLabels", "hiddenLabels", "status",
           "modifiedDate", "scopeNote", "definition", "inScheme", "description"],
          [["KnowledgeSkillCompetence", SKILL + u, t, "cross-sector", p, a, "", "released", "", "", "", "", d]
           for u, t, p, a, d in skills])
    write(tmp_path / "broaderRelationsSkillPillar.csv", ["conceptType", "conceptUri", "broaderType", "broaderUri"],
          [["KnowledgeSkillCompetence", SKILL + u, "SkillGroup", GROUP + g] for u, g in
           [("s1", "mgmt"), ("s2", "mgmt"), ("s3", "ict"), ("s4", "ict"), ("s5", "food")]])
    write(tmp_path / "occupations_en.csv", ["conceptUri", "preferredLabel"],
          [[OCC + "dev", "software developer"], [OCC + "chef", "chef"]])
    write(tmp_path / "occupationSkillRelations.csv", ["occupationUri", "relationType", "skillType", "skillUri"],
          [[OCC + "dev", "essential", "knowledge", SKILL + "s3"], [OCC + "dev", "essential", "knowledge", SKILL + "s4"],
           [OCC + "dev", "optional", "skill/competence", SKILL + "s1"], [OCC + "chef", "essential", "skill/competence", SKILL + "s5"],
           [OCC + "chef", "optional", "skill/competence", SKILL + "s2"]])
    return tmp_path


def test_gerund_and_clean() -> None:
    assert gerund("manage budgets") == "managing budgets"
    assert gerund("plan shifts") == "planning shifts"
    assert gerund("apply rules") == "applying rules"
    assert gerund("tie knots") == "tying knots"
    assert clean("Python (computer programming)") == "Python"


def test_examples_are_consistent_and_reproducible(esco: Path) -> None:
    rows = generate(esco, None, 400, seed=7)
    assert len(rows) == 400
    assert rows == generate(esco, None, 400, seed=7)
    assert rows != generate(esco, None, 400, seed=8)
    kinds = {r["kind"] for r in rows}
    assert {"sentence", "concat", "label", "description"} <= kinds
    for r in rows:
        assert r["pos_uri"] in r["uris"]
        assert r["neg_uri"] not in r["uris"]
        assert r["anchor"] and r["positive"] and r["negative"]
        if r["kind"] == "concat":
            assert len(r["uris"]) >= 2


def test_hard_negatives_come_from_siblings_or_shared_words(esco: Path) -> None:
    rows = generate(esco, None, 300, seed=1)
    budget = [r for r in rows if r["pos_uri"] == SKILL + "s1" and r["kind"] != "concat"]
    assert budget
    # "manage budgets" shares a group and a word with "manage staff": that is its nearest confusable.
    assert all(r["neg_uri"] == SKILL + "s2" for r in budget)
