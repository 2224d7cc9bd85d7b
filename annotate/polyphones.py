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

TARGETS = 1_024
"""Targets whose readings are scored together (their logits over every class: 4 MB)."""
ROWS = 1_024
"""Rows (a sentence's forward or backward sequence) run together: numpy's per-step overhead is
shared, and the ids of a batch stay small (ROWS × the longest sentence)."""
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
        # Gates in the order i f o g (PyTorch's is i f g o), so that the three sigmoid gates are
        # one slice; i, f and o are scaled by one half so that one tanh gives every gate:
        # sigmoid(x) = (tanh(x / 2) + 1) / 2.
        order = np.r_[0:2 * hidden, 3 * hidden:4 * hidden, 2 * hidden:3 * hidden]
        half = np.full(4 * hidden, 0.5, dtype=np.float32)
        half[3 * hidden:] = 1.0

        def gates(matrix):
            return matrix[..., order] * half

        forward_in = gates(embedding @ state["lstm.weight_ih_l0"].T + state["lstm.bias_ih_l0"]
                           + state["lstm.bias_hh_l0"])
        backward_in = gates(embedding @ state["lstm.weight_ih_l0_reverse"].T + state["lstm.bias_ih_l0_reverse"]
                            + state["lstm.bias_hh_l0_reverse"])
        # one table for both directions: a backward sequence's ids are offset by the vocabulary
        self.inputs = np.ascontiguousarray(np.concatenate([forward_in, backward_in]), dtype=np.float32)
        self.offset = len(embedding)
        # a row's state sits in the first half of 2 × hidden columns for a forward sequence and
        # in the second for a backward one, the other half zero: one product serves both
        self.recurrent = np.ascontiguousarray(np.concatenate(
            [gates(state["lstm.weight_hh_l0"].T), gates(state["lstm.weight_hh_l0_reverse"].T)]), dtype=np.float32)
        self.hidden = hidden
        # characters → ids as sorted arrays, to look up a whole batch's characters at once
        singles = sorted((ord(char), i) for char, i in self.char_ids.items() if len(char) == 1)
        self.points = np.array([point for point, _ in singles], dtype=np.uint32)
        self.point_ids = np.array([i for _, i in singles], dtype=np.intp)
        self.fc0 = (state["logit_layer.0.weight"].T, state["logit_layer.0.bias"])
        self.fc1 = (state["logit_layer.2.weight"].T, state["logit_layer.2.bias"])

    def decide(self, sentences: list[tuple[str, list[int]]]) -> list[list[Decision]]:
        """For each (sentence, positions of polyphones in it): a Decision per position.

        The network is bidirectional, and a target's reading depends on the forward state at its
        position and the backward state there: so the forward direction runs only up to the last
        target and the backward one only down to the first (exact, and 30% fewer steps on
        西游记). Each direction of each sentence is a row of one batch, longest first, so that at
        every step the rows still running are a prefix of the batch and nothing is padding."""
        np = self.np
        if not sentences:
            return []
        texts = [text for text, _ in sentences]
        counts = np.array([len(positions) for _, positions in sentences])
        places = np.array([p for _, positions in sentences for p in positions])  # each target's position
        sizes = np.array([len(text) for text in texts])
        starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])  # each sentence's start in `ids`
        owner = np.repeat(np.arange(len(texts)), counts)  # each target's sentence
        own = np.concatenate([[0], np.cumsum(counts)[:-1]])  # each sentence's first target
        firsts, lasts = np.minimum.reduceat(places, own), np.maximum.reduceat(places, own)
        ids = self.ids_of("".join(texts))
        # Rows: every sentence's forward sequence (BOS, then its characters up to its last
        # target), then its backward one (EOS, then its characters from the end down to its
        # first target; their ids offset into the backward half of `inputs`).
        lengths = np.concatenate([lasts + 2, sizes - firsts + 1])
        order = np.argsort(-lengths, kind="stable")
        rank = np.empty_like(order)
        rank[order] = np.arange(len(order))
        # each target's two outputs: the forward state after its character (step position + 1),
        # and the backward state there (step size − position)
        targets = np.arange(len(places))
        out_rows = np.concatenate([rank[owner], rank[owner + len(texts)]])
        out_steps = np.concatenate([places + 1, sizes[owner] - places])
        out_ends = np.concatenate([np.zeros_like(targets), np.ones_like(targets)])
        out_targets = np.concatenate([targets, targets])
        features = np.empty((2, len(places), self.hidden), dtype=np.float32)  # per direction, per target
        sorted_lengths = lengths[order]
        for first in range(0, len(order), ROWS):
            rows = order[first:first + ROWS]
            mine = (out_rows >= first) & (out_rows < first + len(rows))
            outputs = (out_rows[mine] - first, out_steps[mine], out_ends[mine], out_targets[mine])
            self._run(self._sequences(rows, sorted_lengths[first:first + ROWS], ids, starts, sizes, len(texts)),
                      sorted_lengths[first:first + ROWS], outputs, features)
        # each target's scores for its own character's readings (padded with -inf), a block of
        # targets at a time: the logits over every class are 4 KB a target
        chars = np.array([self.char_index[text[position]] for text, positions in sentences for position in positions])
        best, confidence = [], []
        for low in range(0, len(chars), TARGETS):
            block = slice(low, low + TARGETS)
            hidden = np.maximum(np.concatenate([features[0, block], features[1, block]], axis=1) @ self.fc0[0]
                                + self.fc0[1], 0)
            logits = hidden @ self.fc1[0] + self.fc1[1]
            scores = np.take_along_axis(logits, self.choice_ids[chars[block]], axis=1) + self.choice_mask[chars[block]]
            chosen = scores.argmax(axis=1)
            weights = np.exp(scores - scores.max(axis=1, keepdims=True))
            confidence += (weights[np.arange(len(chosen)), chosen] / weights.sum(axis=1)).tolist()
            best += chosen.tolist()
        candidates = self.candidates
        decisions: list[list[Decision]] = []
        k = 0
        for text, positions in sentences:
            decisions.append([Decision(candidates[text[p]][1][best[k + i]], confidence[k + i])
                              for i, p in enumerate(positions)])
            k += len(positions)
        return decisions

    def ids_of(self, text: str):
        """The network's input id of each character of `text` (unknown characters: <UNK>)."""
        np = self.np
        points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        found = np.searchsorted(self.points, points)
        found[found == len(self.points)] = 0
        return np.where(self.points[found] == points, self.point_ids[found], self.unknown)

    def _sequences(self, rows, lengths, ids, starts, sizes, sentences: int):
        """The ids of `rows` (row numbers as in `decide`: forward sequences, then backward ones)
        as a (step, row) matrix, each row from step 0 to its length."""
        np = self.np
        backward = rows >= sentences
        sentence = np.where(backward, rows - sentences, rows)
        total = int(lengths.sum())
        row_of = np.repeat(np.arange(len(rows)), lengths)
        step_of = np.arange(total) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        begin, size = starts[sentence][row_of], sizes[sentence][row_of]
        back = backward[row_of]
        # forward step t ≥ 1 reads character t − 1; backward step t ≥ 1 reads character size − t
        index = np.where(back, begin + size - step_of, begin + step_of - 1)
        values = ids[np.clip(index, 0, len(ids) - 1)] + back * self.offset
        values[step_of == 0] = np.where(back[step_of == 0], self.end + self.offset, self.begin)
        matrix = np.zeros((int(lengths[0]), len(rows)), dtype=np.intp)
        matrix[step_of, row_of] = values
        return matrix, backward

    def _run(self, sequences, lengths, outputs, features) -> None:
        """Run the LSTM over rows (longest first, their ids by step in `sequences`), and put the
        states that `outputs` (row, step, direction, target) ask for into `features`."""
        np = self.np
        ids, backward_rows = sequences
        hidden, n = self.hidden, len(lengths)
        width = int(lengths[0])
        backward = backward_rows.astype(np.float32)
        halves = np.stack([1.0 - backward, backward], axis=1)[:, :, None]  # a row's own half 1, the other 0
        rows, steps, ends, targets = outputs
        by_step = np.argsort(steps, kind="stable")
        rows, steps, ends, targets = rows[by_step], steps[by_step], ends[by_step], targets[by_step]
        bounds = np.searchsorted(steps, np.arange(width + 1)).tolist()  # outputs of step t: bounds[t]:bounds[t+1]
        running = (n - np.searchsorted(lengths[::-1], np.arange(width), side="right")).tolist()
        state = np.zeros((n, 2 * hidden), dtype=np.float32)  # [forward half | backward half]
        halved = state.reshape(n, 2, hidden)
        h = np.zeros((n, hidden), dtype=np.float32)
        c = np.zeros((n, hidden), dtype=np.float32)
        gates = np.empty((n, 4 * hidden), dtype=np.float32)
        product = np.empty((n, 4 * hidden), dtype=np.float32)
        scratch = np.empty((n, hidden), dtype=np.float32)
        three = 3 * hidden
        for step in range(width):
            m = running[step]
            g, p = gates[:m], product[:m]
            np.take(self.inputs, ids[step, :m], axis=0, out=g)
            np.matmul(state[:m], self.recurrent, out=p)
            g += p
            np.tanh(g, out=g)
            sigmoid = g[:, :three]
            sigmoid += 1.0
            sigmoid *= 0.5
            cm, hm, sm = c[:m], h[:m], scratch[:m]
            cm *= g[:, hidden:2 * hidden]
            np.multiply(g[:, :hidden], g[:, three:], out=sm)
            cm += sm
            np.tanh(cm, out=sm)
            np.multiply(g[:, 2 * hidden:three], sm, out=hm)
            np.multiply(hm[:, None, :], halves[:m], out=halved[:m])
            low, high = bounds[step], bounds[step + 1]
            if high > low:
                features[ends[low:high], targets[low:high]] = hm[rows[low:high]]


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
