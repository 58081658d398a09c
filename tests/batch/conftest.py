from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefpress.engines import available

HERE = Path(__file__).parent

ENTRY_POINTS = """[briefpress.engines]
slowextractive = bp_batch_test_engines:SlowExtractive
counting = bp_batch_test_engines:CountingEngine
flaky = bp_batch_test_engines:FlakyEngine
stalling = bp_batch_test_engines:StallingEngine
"""


@pytest.fixture(scope="session")
def engine_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the test engines as an installed distribution: put it on PYTHONPATH."""
    root = tmp_path_factory.mktemp("engines")
    shutil.copy(HERE / "bp_batch_test_engines.py", root)
    info = root / "bp_batch_test_engines-0.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: bp-batch-test-engines\nVersion: 0.0\n")
    (info / "entry_points.txt").write_text(ENTRY_POINTS)
    return root


@pytest.fixture
def test_engines(engine_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The test engines registered in this process and in every process it starts."""
    monkeypatch.syspath_prepend(str(engine_path))
    monkeypatch.setenv("PYTHONPATH", str(engine_path))
    available.cache_clear()
    yield engine_path
    available.cache_clear()
    sys.modules.pop("bp_batch_test_engines", None)
