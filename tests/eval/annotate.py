#!/usr/bin/env python3
"""Builds the evaluation articles and their expected files from annotated sources.

An annotated source in `annotated/` is the article with its gold answers
written inline, by hand:

    [[Sergei Lavrov|p]]     an entity mention: p person, o organization,
                            l place, g group
    {{May 6, 2025|2025-05-06}}   a calendar date and its value

Optional first lines `#published: YYYY-MM-DD` give the publication date for
stories whose dateline has none (it plays the part of `analyze --published`).

For each source this writes `NAME.EXT` (the clean article) and
`NAME.expected.json` (mentions with character offsets into the clean text)
beside this script. Run it after editing an annotated source:

    python3 tests/eval/annotate.py
"""
import json
import pathlib
import re

HERE = pathlib.Path(__file__).resolve().parent
KINDS = {"p": "person", "o": "organization", "l": "place", "g": "group"}
MARK = re.compile(r"\[\[([^\]|]+)\|([polg])\]\]|\{\{([^}|]+)\|([0-9-]+)\}\}")


def build(src: pathlib.Path) -> None:
    raw = src.read_text(encoding="utf-8")
    published = None
    lines = raw.split("\n")
    while lines and lines[0].startswith("#published:"):
        published = lines.pop(0).split(":", 1)[1].strip()
    raw = "\n".join(lines)
    out, entities, dates, pos = [], [], [], 0
    length = 0  # characters written so far
    for m in MARK.finditer(raw):
        chunk = raw[pos : m.start()]
        out.append(chunk)
        length += len(chunk)
        text = m.group(1) or m.group(3)
        item = {"text": text, "start": length, "end": length + len(text)}
        if m.group(1):
            item["kind"] = KINDS[m.group(2)]
            entities.append(item)
        else:
            item["value"] = m.group(4)
            dates.append(item)
        out.append(text)
        length += len(text)
        pos = m.end()
    out.append(raw[pos:])
    clean = "".join(out)
    assert "[[" not in clean and "{{" not in clean, f"{src.name}: unbalanced mark"
    (HERE / src.name).write_text(clean, encoding="utf-8")
    expected = {"file": src.name, "published": published, "entities": entities, "dates": dates}
    stem = src.name.rsplit(".", 1)[0]
    with open(HERE / f"{stem}.expected.json", "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    for src in sorted((HERE / "annotated").iterdir()):
        if src.suffix in (".txt", ".md"):
            build(src)
