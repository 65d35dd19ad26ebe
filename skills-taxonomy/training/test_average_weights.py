"""pytest skills-taxonomy/training — weight averaging (needs torch + transformers: runs in the training venv, skipped elsewhere)."""

from __future__ import annotations

from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from average_weights import average  # noqa: E402


def tiny(seed: int, folder: Path, layers: int = 1) -> Path:
    torch.manual_seed(seed)
    config = transformers.BertConfig(vocab_size=50, hidden_size=8, num_hidden_layers=layers, num_attention_heads=2, intermediate_size=16)
    transformers.BertModel(config).save_pretrained(str(folder))
    return folder


def test_the_average_is_the_element_wise_mean(tmp_path: Path) -> None:
    a, b = tiny(1, tmp_path / "a"), tiny(2, tmp_path / "b")
    merged = average([a, b]).state_dict()
    sa = transformers.BertModel.from_pretrained(str(a)).state_dict()
    sb = transformers.BertModel.from_pretrained(str(b)).state_dict()
    name = "encoder.layer.0.attention.self.query.weight"
    assert not torch.allclose(sa[name], sb[name])
    assert torch.allclose(merged[name], (sa[name] + sb[name]) / 2, atol=1e-6)


def test_runs_of_different_shapes_are_refused(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="same parameters|shape"):
        average([tiny(1, tmp_path / "a"), tiny(2, tmp_path / "b", layers=2)])


def test_one_run_is_not_an_average(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="at least two"):
        average([tiny(1, tmp_path / "a")])
