#!/usr/bin/env python3
"""Splits a generated plan file that is larger than a plan file may be (40 MiB) into files that
engage applies one after the other, in order, to the same store (bench/results.md, "One million
items"). A file ends at a family's end, or inside the families whose references only point back
in a generated plan (meetings, milestones) before one of their items, once it holds LIMIT bytes.

    bench/split_plan.py PLAN OUT_PREFIX [LIMIT_MIB]   # writes OUT_PREFIX-1.toml, -2.toml, ...
"""
import re
import sys

SPLIT_INSIDE = {"meeting", "milestone"}


def main():
    plan, prefix = sys.argv[1], sys.argv[2]
    limit = int(sys.argv[3]) * 2**20 if len(sys.argv) > 3 else 30 * 2**20
    text = open(plan, encoding="utf-8").read()
    # Top-level array headers, as the generator writes them (one per line, at the line start).
    heads = [(m.start(), m.group(1)) for m in re.finditer(r"^\[\[([a-z_]+)\]\]$", text, re.M)]
    cuts, start, family = [0], 0, None
    for at, name in heads:
        boundary = name != family
        if at - start >= limit and (boundary or name in SPLIT_INSIDE):
            cuts.append(at)
            start = at
        family = name
    cuts.append(len(text))
    for i, (a, b) in enumerate(zip(cuts, cuts[1:]), 1):
        with open(f"{prefix}-{i}.toml", "w", encoding="utf-8") as out:
            out.write(text[a:b])
        print(f"{prefix}-{i}.toml: {(b - a) / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
