"""The ``openai`` engine: any OpenAI-compatible server, through the official ``openai`` client.

OpenAI itself, vLLM, Ollama, LM Studio, llama.cpp's servers: ``--base-url`` points at the server
(``http://127.0.0.1:8080/v1``), ``--model`` names the model (default: the first one the server
lists), and the key comes from ``BRIEFPRESS_API_KEY`` or ``OPENAI_API_KEY``. The client retries
429 and 5xx answers and dropped connections with exponential backoff; what still fails becomes
one line that names the fix. Answers are asked for as JSON held to a schema (``json_schema``, or
llama.cpp's ``json_object`` with a schema when a server knows only that).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Sequence
from typing import Any

from ..errors import EngineError, UsageError
from .base import EngineState
from .model import Completion, Message, ModelEngine, PartSpec

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 120.0
DEFAULT_RETRIES = 3


def api_key_from_env() -> str | None:
    return os.environ.get("BRIEFPRESS_API_KEY") or os.environ.get("OPENAI_API_KEY") or None


def _sentence_schema(spec: PartSpec, fact_ids: Sequence[str]) -> dict[str, Any]:
    sentence = {
        "type": "object",
        "properties": {
            "text": {"type": "string"},
            "facts": {
                "type": "array", "items": {"type": "string", "enum": list(fact_ids)}, "minItems": 1, "maxItems": 4,
            },
        },
        "required": ["text", "facts"],
        "additionalProperties": False,
    }
    sentences = {"type": "array", "items": sentence, "minItems": spec.min_sentences, "maxItems": spec.max_sentences}
    if spec.paragraphs > 1:
        paragraph = {
            "type": "object",
            "properties": {"sentences": {**sentences, "minItems": 1, "maxItems": 4}},
            "required": ["sentences"],
            "additionalProperties": False,
        }
        return {
            "type": "object",
            "properties": {
                "paragraphs": {"type": "array", "items": paragraph, "minItems": 1, "maxItems": spec.paragraphs},
            },
            "required": ["paragraphs"],
            "additionalProperties": False,
        }
    return {
        "type": "object",
        "properties": {"sentences": sentences},
        "required": ["sentences"],
        "additionalProperties": False,
    }


class OpenAIEngine(ModelEngine):
    name = "openai"
    description = "any OpenAI-compatible server (OpenAI, vLLM, Ollama, LM Studio, llama.cpp)"
    output_format = "json"

    def __init__(
        self,
        model: str | None = None,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_RETRIES,
        **options: Any,
    ) -> None:
        options.pop("threads", None)  # an option of the local engine
        super().__init__(**options)
        self.model = model
        self.base_url = base_url or os.environ.get("BRIEFPRESS_BASE_URL") or os.environ.get("OPENAI_BASE_URL")
        self.api_key = api_key or api_key_from_env()
        self.timeout = timeout
        self.max_retries = max_retries
        self._client: Any = None
        self._format_kind = "json_schema"  # falls back to llama.cpp's json_object + schema

    @property
    def where(self) -> str:
        return self.base_url or "the OpenAI API"

    def _make_client(self, timeout: float | None = None, max_retries: int | None = None) -> Any:
        try:
            import openai
        except ImportError as exc:
            raise EngineError(
                "the openai engine needs the openai package; run pip install 'briefpress[openai]'"
            ) from exc
        key = self.api_key
        if not key:
            if not self.base_url:
                raise UsageError(
                    "the openai engine needs an API key; set BRIEFPRESS_API_KEY or OPENAI_API_KEY, "
                    "or give --base-url for a local server"
                )
            key = "not-needed"  # local servers usually take any key
        return openai.OpenAI(
            api_key=key,
            base_url=self.base_url,
            timeout=self.timeout if timeout is None else timeout,
            max_retries=self.max_retries if max_retries is None else max_retries,
        )

    def _translate(self, exc: Exception) -> EngineError:
        """One line naming the fix, for each way a server can refuse."""
        import openai

        if isinstance(exc, openai.AuthenticationError):
            return EngineError(
                f"{self.where} refused the API key (401); set BRIEFPRESS_API_KEY or OPENAI_API_KEY to a key it accepts"
            )
        if isinstance(exc, openai.PermissionDeniedError):
            return EngineError(
                f"{self.where} denied access (403); check the key's permissions for model '{self.model}'"
            )
        if isinstance(exc, openai.NotFoundError):
            if "model" in str(exc).lower():
                return EngineError(f"model '{self.model}' is not served at {self.where} (404); pick one with --model")
            return EngineError(
                f"{self.where} has no chat completions endpoint (404); check --base-url (it usually ends in /v1)"
            )
        if isinstance(exc, openai.APITimeoutError):
            return EngineError(
                f"{self.where} did not answer within {self.timeout:.0f} s; check the server or raise the timeout"
            )
        if isinstance(exc, openai.APIConnectionError):
            return EngineError(f"cannot connect to {self.where}; start the server or fix --base-url")
        if isinstance(exc, openai.RateLimitError):
            return EngineError(
                f"{self.where} is rate limiting (429) after {self.max_retries} retries; wait and try again"
            )
        if isinstance(exc, openai.APIStatusError):
            return EngineError(
                f"{self.where} answered {exc.status_code} after {self.max_retries} retries ({_short(exc)}); "
                "check the server's log"
            )
        return EngineError(f"{self.where} failed: {type(exc).__name__}: {_short(exc)}")

    def _served_models(self, client: Any) -> list[str] | None:
        """The models the server lists; None when it has no model list (some servers)."""
        import openai

        try:
            return [m.id for m in client.models.list().data]
        except openai.NotFoundError:
            return None
        except openai.APIError as exc:
            raise self._translate(exc) from exc

    def _begin(self, prefix: list[Message]) -> None:
        if self._client is None:
            self._client = self._make_client()
        served = self._served_models(self._client)
        if self.model is None:
            if not served:
                raise UsageError(f"{self.where} lists no models; name one with --model")
            self.model = served[0]
        elif served is not None and self.model not in served:
            raise EngineError(
                f"model '{self.model}' is not served at {self.where}; choose one of: {', '.join(served[:8])} (--model)"
            )

    def _response_format(self, spec: PartSpec, fact_ids: Sequence[str]) -> dict[str, Any]:
        schema = _sentence_schema(spec, fact_ids)
        if self._format_kind == "json_schema":
            return {"type": "json_schema", "json_schema": {"name": "sentences", "schema": schema, "strict": False}}
        return {"type": "json_object", "schema": schema}

    def _complete(self, messages: list[Message], spec: PartSpec, fact_ids: Sequence[str]) -> Completion:
        import openai

        if self._client is None:
            self._begin(messages[:-1])
        started = time.monotonic()
        while True:
            try:
                response = self._client.chat.completions.create(
                    model=self.model,
                    messages=messages,
                    max_tokens=spec.max_tokens,
                    temperature=0.2,
                    response_format=self._response_format(spec, fact_ids),
                )
                break
            except openai.APIStatusError as exc:
                # Some servers know only {"type": "json_object", "schema": ...} (llama-cpp-python's
                # answers 500 to json_schema, others 400 or 422): ask that way from now on.
                if self._format_kind == "json_schema" and "response_format" in str(exc).lower():
                    self._format_kind = "json_object"
                    continue
                raise self._translate(exc) from exc
            except openai.APIError as exc:
                raise self._translate(exc) from exc
        choice = response.choices[0]
        usage = response.usage
        return Completion(
            text=choice.message.content or "",
            tokens=usage.completion_tokens if usage else 0,
            prompt_tokens=usage.prompt_tokens if usage else 0,
            seconds=time.monotonic() - started,
            finish="length" if choice.finish_reason == "length" else "stop",
        )

    def state(self) -> EngineState:
        try:
            client = self._make_client(timeout=3.0, max_retries=0)
            served = self._served_models(client)
        except (EngineError, UsageError) as exc:
            return EngineState(self.name, False, exc.message)
        if served is None:
            return EngineState(self.name, True, f"server reachable at {self.where}")
        if self.model and self.model not in served:
            return EngineState(
                self.name, False, f"server reachable at {self.where}, but model '{self.model}' is not served"
            )
        shown = ", ".join(served[:4]) + (" ..." if len(served) > 4 else "")
        return EngineState(self.name, True, f"server reachable at {self.where}; models: {shown}")


def _short(exc: Exception, limit: int = 160) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
