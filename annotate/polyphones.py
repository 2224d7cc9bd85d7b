"""Polyphones read in context: g2pM's bidirectional LSTM, run in batches with numpy.

g2pM (Park & Lee, Interspeech 2020; Apache-2.0) was trained on CPP, a corpus of sentences in
which one polyphone each is labelled. Its package ships the weights; this module runs the same
network, but one paragraph's sentences at a time, with each character's input projection
computed once per process and both directions in one matrix product per step: some 30× faster
than the package's own loop, with identical predictions.

It is asked only about the 623 characters CPP labels (`data/cpp_polyphones.txt`), only where no
dictionary phrase has decided the reading, and only to choose among the character's own
readings. Its answer carries a confidence (the probability among those readings) so that
`annotate review` can list the doubtful ones.
"""
from __future__ import annotations

import os
import pickle
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

BATCH = 128
"""Sentences per batch: enough that numpy's per-step overhead is shared, few enough to stay in cache."""
MAX_SENTENCE = 200
"""Longer sentences are cut into pieces of this many characters (the network saw sentences of up to ~150)."""


@dataclass(frozen=True, slots=True)
class Decision:
    reading: str
    """The chosen reading in tone marks (de, dì)."""
    confidence: float
    """Its probability among the character's readings, 0–1."""


class Model:
    """The network's weights, prepared for batched inference."""

    def __init__(self) -> None:
        # The matrices are small: BLAS threads would only fight the batch workers for the cores.
        for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(variable, "1")
        import numpy as np

        from .syllables import tone_marks

        package = resources.files("g2pM")

        def load(name):
            with package.joinpath(name).open("rb") as handle:
                return pickle.load(handle)  # noqa: S301 - files of an installed package

        state = load("np_ckpt.pkl")
        self.char_ids: dict[str, int] = load("char2idx.pkl")
        class_ids: dict[str, int] = load("class2idx.pkl")
        readings: dict[str, list[str]] = load("digest_cedict.pkl")
        trained = set(resources.files("annotate").joinpath("data/cpp_polyphones.txt").read_text("utf-8").split())
        self.np = np
        self.unknown = self.char_ids["<UNK>"]
        self.begin, self.end = self.char_ids["시"], self.char_ids["끝"]  # g2pM's BOS and EOS tokens
        # per polyphone: the class ids of its readings, and those readings in tone marks
        self.candidates: dict[str, tuple[list[int], list[str]]] = {}
        for char in trained:
            options = [r for r in readings.get(char, ()) if r in class_ids]
            if len(options) > 1:
                self.candidates[char] = ([class_ids[r] for r in options], [tone_marks(r)[0] for r in options])
        self.polyphones = frozenset(self.candidates)
        ordered = sorted(self.candidates)
        self.char_index = {char: i for i, char in enumerate(ordered)}
        most = max(len(ids) for ids, _ in self.candidates.values())
        self.choice_ids = np.zeros((len(ordered), most), dtype=np.int64)
        self.choice_mask = np.full((len(ordered), most), -np.inf, dtype=np.float32)
        for i, char in enumerate(ordered):
            ids = self.candidates[char][0]
            self.choice_ids[i, :len(ids)] = ids
            self.choice_mask[i, :len(ids)] = 0.0

        embedding = state["embedding.weight"]
        hidden = state["lstm.weight_hh_l0"].shape[1]
        half = np.full(4 * hidden, 0.5, dtype=np.float32)
        half[2 * hidden:3 * hidden] = 1.0  # the g gate is a plain tanh
        self.forward_in = (embedding @ state["lstm.weight_ih_l0"].T + state["lstm.bias_ih_l0"]
                           + state["lstm.bias_hh_l0"]) * half
        self.backward_in = (embedding @ state["lstm.weight_ih_l0_reverse"].T
                            + state["lstm.bias_ih_l0_reverse"] + state["lstm.bias_hh_l0_reverse"]) * half
        recurrent = np.zeros((2 * hidden, 8 * hidden), dtype=np.float32)
        recurrent[:hidden, :4 * hidden] = state["lstm.weight_hh_l0"].T * half
        recurrent[hidden:, 4 * hidden:] = state["lstm.weight_hh_l0_reverse"].T * half
        self.hidden, self.recurrent = hidden, recurrent
        self.fc0 = (state["logit_layer.0.weight"].T, state["logit_layer.0.bias"])
        self.fc1 = (state["logit_layer.2.weight"].T, state["logit_layer.2.bias"])

    def decide(self, sentences: list[tuple[str, list[int]]]) -> list[list[Decision]]:
        """For each (sentence, positions of polyphones in it): a Decision per position.

        Sentences run in batches of similar length, so that little of each step is padding."""
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i][0]))
        results: list[list[Decision]] = [[] for _ in sentences]
        for start in range(0, len(order), BATCH):
            group = order[start:start + BATCH]
            for i, decisions in zip(group, self._decide([sentences[i] for i in group])):
                results[i] = decisions
        return results

    def _decide(self, sentences: list[tuple[str, list[int]]]) -> list[list[Decision]]:
        np = self.np
        if not sentences:
            return []
        get, unknown, hidden = self.char_ids.get, self.unknown, self.hidden
        batch = len(sentences)
        lengths = [len(text) + 2 for text, _ in sentences]
        width = max(lengths)
        forward = np.zeros((batch, width), dtype=np.int64)
        backward = np.zeros((batch, width), dtype=np.int64)
        for row, (text, _) in enumerate(sentences):
            ids = [self.begin, *(get(char, unknown) for char in text), self.end]
            forward[row, :len(ids)] = ids
            backward[row, :len(ids)] = ids[::-1]
        # gates per direction, in the order i f g o; i, f and o are scaled by one half so that
        # one tanh gives every gate: sigmoid(x) = (tanh(x / 2) + 1) / 2
        forward, backward = forward.T.copy(), backward.T.copy()  # step-major: one row per step
        h = np.zeros((batch, 2 * hidden), dtype=np.float32)
        c = np.zeros((batch, 2, hidden), dtype=np.float32)
        states = np.empty((width, batch, 2, hidden), dtype=np.float32)
        gates = np.empty((batch, 8 * hidden), dtype=np.float32)
        half = 4 * hidden
        for step in range(width):
            np.matmul(h, self.recurrent, out=gates)
            gates[:, :half] += self.forward_in[forward[step]]  # the input's share, looked up per step
            gates[:, half:] += self.backward_in[backward[step]]
            np.tanh(gates, out=gates)
            g = gates.reshape(batch, 2, 4, hidden)
            i, f, o = (g[:, :, 0] + 1) * 0.5, (g[:, :, 1] + 1) * 0.5, (g[:, :, 3] + 1) * 0.5
            c = f * c + i * g[:, :, 2]
            state = states[step]
            np.multiply(o, np.tanh(c), out=state)
            h = state.reshape(batch, 2 * hidden)
        rows, steps, back_steps = [], [], []
        for row, (_, positions) in enumerate(sentences):
            for position in positions:
                rows.append(row)
                steps.append(position + 1)  # after the BOS token
                back_steps.append(lengths[row] - 2 - position)
        features = np.concatenate([states[steps, rows, 0], states[back_steps, rows, 1]], axis=1)
        logits = np.maximum(features @ self.fc0[0] + self.fc0[1], 0) @ self.fc1[0] + self.fc1[1]
        # each target's scores for its own character's readings (padded with -inf), all at once
        chars = [self.char_index[text[position]] for text, positions in sentences for position in positions]
        choices = self.choice_ids[chars]
        scores = np.take_along_axis(logits, choices, axis=1) + self.choice_mask[chars]
        best = scores.argmax(axis=1)
        weights = np.exp(scores - scores.max(axis=1, keepdims=True))
        confidence = (weights[np.arange(len(chars)), best] / weights.sum(axis=1)).tolist()
        decisions: list[list[Decision]] = []
        k = 0
        for text, positions in sentences:
            row_decisions = []
            for position in positions:
                row_decisions.append(Decision(self.candidates[text[position]][1][best[k]], confidence[k]))
                k += 1
            decisions.append(row_decisions)
        return decisions


@lru_cache(maxsize=1)
def model() -> Model:
    """The network, loaded once per process (about 0.1 s)."""
    return Model()


_SENTENCE = re.compile(r"[^。！？；!?;…\n]*[。！？；!?;…\n]?")


def sentences_of(text: str):
    """(start, end) of each sentence of a paragraph, cut after 。！？； and at MAX_SENTENCE."""
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        while end - start > MAX_SENTENCE:
            yield start, start + MAX_SENTENCE
            start += MAX_SENTENCE
        if end > start:
            yield start, end
