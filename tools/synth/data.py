"""The generator's vocabulary, localities, documents and prose templates, read once from the
YAML files in ``data/``."""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

import yaml

_DIR = Path(__file__).with_name("data")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load(name: str) -> dict:
    """``data/<name>.yaml`` as plain Python objects."""
    with (_DIR / f"{name}.yaml").open(encoding="utf-8") as f:
        return yaml.load(f, Loader=_LOADER)


def prose(key: str):
    return load("prose")[key]


def site(key: str):
    return load("site")[key]


def weighted(rng: random.Random, options):
    """One option of a list of ``[option, weight]`` pairs."""
    return rng.choices([o for o, _ in options], [w for _, w in options])[0]
