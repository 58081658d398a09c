"""The ``local`` engine: a GGUF model run in-process by llama.cpp (llama-cpp-python).

Model: the packaged Qwen2.5-Coder-1.5B-Instruct by default (``briefpress[local]``), ``smollm2``
for a tiny one, or any GGUF file path. Threads = usable cores. The context is sized to the brief.
The shared prefix (instructions and facts) is evaluated once per article: llama.cpp keeps it in its
KV cache and each part's request only evaluates what follows it (the prompt cache is reused because
every request starts with the same system message). Output is held to the line form by a grammar.
"""

from __future__ import annotations

import atexit
import logging
import os
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

from ..errors import EngineError
from . import models_store
from .base import EngineState
from .grammar import line_grammar
from .model import Completion, Message, ModelEngine, PartSpec
from .output import is_looping

log = logging.getLogger(__name__)

_LOADED: dict[tuple[str, int, int], Any] = {}
_LOCK = threading.Lock()


@atexit.register
def _close_loaded() -> None:
    """Free loaded models while llama.cpp is still there (at interpreter exit its bindings go
    first, and a model freed after them prints an ignored error)."""
    with _LOCK:
        for llm in _LOADED.values():
            close = getattr(llm, "close", None)
            if close:
                close()
        _LOADED.clear()
SEED = 7


def usable_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def busy_cores(window: float = 0.25) -> float:
    """How many cores other processes keep busy right now: from /proc/stat over ``window``
    seconds on Linux; elsewhere the one-minute load average (which lags: it still counts work
    that ended a minute ago)."""
    def sample() -> tuple[int, int, int]:
        with open("/proc/stat", encoding="ascii") as f:
            lines = f.read().splitlines()
        fields = [int(x) for x in lines[0].split()[1:]]
        idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
        cpus = sum(1 for line in lines if line.startswith("cpu") and line[3:4].isdigit())
        return sum(fields), idle, cpus

    try:
        total0, idle0, cpus = sample()
        time.sleep(window)
        total1, idle1, _ = sample()
    except (OSError, ValueError, IndexError):
        try:
            return os.getloadavg()[0]
        except (AttributeError, OSError):
            return 0.0
    total = total1 - total0
    if total <= 0:
        return 0.0
    return cpus * (1 - (idle1 - idle0) / total)


def default_threads() -> int:
    """One thread per core, less the cores other processes keep busy.

    llama.cpp's threads meet at a barrier after every layer, so one thread that shares its core
    with another busy process stalls all of them: measured here with SmolLM2 on 2 cores under a
    load of about 7, 2 threads decoded 3 tokens/s and 1 thread 28. On a quiet machine 2 threads
    decode the Qwen model at 29 tokens/s against 20 for one. BRIEFPRESS_THREADS overrides.
    """
    override = os.environ.get("BRIEFPRESS_THREADS")
    if override and override.isdigit() and int(override) > 0:
        return int(override)
    cores = usable_cores()
    busy = int(busy_cores() + 0.5)
    return max(1, min(cores, cores - busy))


def llama_installed() -> bool:
    import importlib.util

    return importlib.util.find_spec("llama_cpp") is not None


def _import_llama() -> Any:
    try:
        import llama_cpp
    except ImportError as exc:
        raise EngineError(
            f"the local engine needs llama-cpp-python; run {models_store.INSTALL_HINT} or use --engine extractive"
        ) from exc
    return llama_cpp


def context_size(prompt_chars: int, max_new_tokens: int, train_ctx: int | None = None) -> int:
    """Enough context for the prefix (about 3 characters a token, rounded up), the longest part's
    request and answer, and a margin; in steps of 1024, at least 2048."""
    need = prompt_chars // 3 + 400 + max_new_tokens + 256
    size = max(2048, -(-need // 1024) * 1024)
    return min(size, train_ctx) if train_ctx else size


class LocalEngine(ModelEngine):
    name = "local"
    description = "a GGUF model run locally by llama.cpp (default: the packaged Qwen2.5-Coder-1.5B-Instruct)"
    retells_body = True  # the packaged 1.5B model copied the facts when asked for the whole story

    def __init__(self, model: str | None = None, threads: int | None = None, **options: Any) -> None:
        options.pop("base_url", None)  # an option of the openai engine; harmless here
        super().__init__(**options)
        self.model_spec = model
        self.threads = threads or default_threads()
        self.llm: Any = None
        self.model_path: Path | None = None
        self._n_ctx = 0
        self.prefix_tokens = 0
        self.prefix_ms = 0.0
        self.requested_prompt_tokens = 0  # what the requests would cost without the shared prefix

    # -- model --------------------------------------------------------------------------------

    def _load(self, n_ctx: int) -> Any:
        llama_cpp = _import_llama()
        path = models_store.resolve_model(self.model_spec)
        key = (str(path), n_ctx, self.threads)
        with _LOCK:
            llm = _LOADED.get(key)
            if llm is None:
                # One cached model per process (memory); an engine still using another keeps it.
                _LOADED.clear()
                try:
                    llm = llama_cpp.Llama(
                        model_path=str(path),
                        n_ctx=n_ctx,
                        n_batch=512,
                        n_threads=self.threads,
                        n_threads_batch=self.threads,
                        seed=SEED,
                        verbose=False,
                    )
                except (ValueError, RuntimeError) as exc:
                    raise EngineError(
                        f"llama.cpp could not load {path} ({exc}); check that it is a valid GGUF model"
                    ) from exc
                _LOADED[key] = llm
        self.model_path = path
        return llm

    def _begin(self, prefix: list[Message]) -> None:
        n_ctx = context_size(sum(len(m["content"]) for m in prefix), 600)
        if self.llm is None or n_ctx > self._n_ctx:
            self.llm = self._load(n_ctx)
            self._n_ctx = n_ctx
        # Evaluate the shared prefix now, once; every part's request starts with it, so llama.cpp
        # finds it in the KV cache and evaluates only the part's own request.
        tokens = self._prefix_tokens(prefix)
        self.llm.reset()
        _import_llama().llama_perf_context_reset(self.llm._ctx.ctx)
        self.llm.eval(tokens)
        self.stats.prompt_tokens += len(tokens)
        self.prefix_ms = float(_import_llama().llama_perf_context(self.llm._ctx.ctx).t_p_eval_ms)
        self.prefix_tokens = len(tokens)
        self.requested_prompt_tokens = 0

    def _prefix_tokens(self, prefix: list[Message]) -> list[int]:
        """The tokens every request starts with: the chat template up to the last user turn."""
        a = self._prompt_tokens([*prefix, {"role": "user", "content": "A"}])
        b = self._prompt_tokens([*prefix, {"role": "user", "content": "B"}])
        n = 0
        while n < min(len(a), len(b)) and a[n] == b[n]:
            n += 1
        return a[:n]

    def _prompt_tokens(self, messages: list[Message]) -> list[int]:
        text = self._format(messages)
        return list(self.llm.tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def _format(self, messages: list[Message]) -> str:
        """The model's own chat template, from its GGUF metadata."""
        formatter = getattr(self, "_formatter", None)
        if formatter is None:
            from llama_cpp.llama_chat_format import Jinja2ChatFormatter

            template = self.llm.metadata.get("tokenizer.chat_template")
            if not template:
                raise EngineError(f"{self.model_path} has no chat template; use an instruction-tuned GGUF model")
            eos = self.llm.detokenize([self.llm.token_eos()]).decode("utf-8", "ignore")
            has_bos = self.llm.token_bos() >= 0
            bos = self.llm.detokenize([self.llm.token_bos()]).decode("utf-8", "ignore") if has_bos else ""
            formatter = Jinja2ChatFormatter(template=template, eos_token=eos, bos_token=bos, add_generation_prompt=True)
            self._formatter = formatter
        # Plain role/content dicts are what llama.cpp's chat-message TypedDicts describe.
        result = formatter(messages=cast(Any, messages))
        stops = result.stop if isinstance(result.stop, list) else [result.stop]
        self._stops = [s for s in stops if s]  # an empty stop string would end every answer at once
        return result.prompt

    # -- one request ------------------------------------------------------------------------

    def _complete(self, messages: list[Message], spec: PartSpec, fact_ids: Sequence[str]) -> Completion:
        from llama_cpp import LlamaGrammar

        if self.llm is None:
            self._begin(messages[:-1])
        tokens = self._prompt_tokens(messages)
        self.requested_prompt_tokens += len(tokens)
        cached = self.llm.n_tokens
        reused = _common_prefix(self.llm._input_ids[:cached].tolist(), tokens)
        if len(tokens) + spec.max_tokens > self._n_ctx:
            raise EngineError(
                f"the brief needs a longer context than {self._n_ctx} tokens; "
                "shorten the sources or use a model with a longer context"
            )
        # A grammar makes every token cost a pass over the whole vocabulary (about half the decode
        # rate measured here), so it is used only to retry an answer that came back unreadable.
        grammar = LlamaGrammar.from_string(line_grammar(spec, fact_ids), verbose=False) if spec.enforce else None
        # A one-sentence answer ends with its line: past it the small model goes on writing
        # further lines (a retried headline ran to 55 tokens, 6.5 s on 2 cores) that are dropped.
        one_line = spec.max_sentences == 1 and spec.paragraphs == 1
        started = time.monotonic()
        text = ""
        n = 0
        finish = "length"
        for chunk in self.llm.create_completion(
            prompt=tokens,
            max_tokens=spec.max_tokens,
            temperature=0.2,
            top_p=0.9,
            repeat_penalty=1.1,
            seed=SEED,
            grammar=grammar,
            stop=self._stops or None,
            stream=True,
        ):
            choice = chunk["choices"][0]
            text += choice.get("text") or ""
            # One chunk per sampled token, but the closing chunk that only carries the finish
            # reason holds no token.
            if not choice.get("finish_reason") or choice.get("text"):
                n += 1
            if choice.get("finish_reason"):
                finish = "stop" if choice["finish_reason"] == "stop" else "length"
                break
            if one_line and "\n" in text.lstrip():
                text, finish = text.lstrip().split("\n", 1)[0], "stop"
                break
            if "\n" in (choice.get("text") or "") and is_looping(text):
                finish = "loop"
                break
        return Completion(
            text=text,
            tokens=n,
            prompt_tokens=len(tokens) - reused,
            seconds=time.monotonic() - started,
            finish=finish,
        )

    def perf(self) -> dict[str, float]:
        """llama.cpp's own counters since this article began: prompt tokens it evaluated, tokens
        it decoded, and the milliseconds each took."""
        data = _import_llama().llama_perf_context(self.llm._ctx.ctx)
        return {
            "prompt_tokens": data.n_p_eval,
            "prompt_ms": data.t_p_eval_ms,
            "decoded_tokens": data.n_eval,
            "decode_ms": data.t_eval_ms,
        }

    def count_tokens(self, text: str) -> int:
        if self.llm is None:
            raise EngineError("no model loaded yet")
        return len(self.llm.tokenize(text.encode("utf-8"), add_bos=False, special=False))

    # -- state --------------------------------------------------------------------------------

    def state(self) -> EngineState:
        if not llama_installed():
            return EngineState(self.name, False, f"llama-cpp-python not installed; run {models_store.INSTALL_HINT}")
        found, detail = models_store.model_found(self.model_spec)
        return EngineState(self.name, found, f"llama-cpp-python installed; {detail}; {self.threads} threads")


def _common_prefix(a: Sequence[int], b: Sequence[int]) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def default_engine() -> str:
    """The CLI's engine when none is named: ``local`` once ``briefpress[local]`` is installed
    (llama-cpp-python and the packaged model's parts), else ``extractive``."""
    if llama_installed() and models_store.packaged_parts_installed():
        return "local"
    return "extractive"
