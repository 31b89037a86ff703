#!/usr/bin/env python3
"""Builds the evaluation articles and their expected files from annotated sources.

Two sets, each an `annotated/` folder of sources with a built copy beside it:

- `tests/eval/annotated/`: the 15 wire-style stories the rules were first
  written against (the tuned set);
- `tests/eval/news/annotated/`: real published stories no one here wrote
  (the real-news set, the one that counts; see `news/GUIDELINE.md`).

An annotated source is the article with its gold answers written inline:

    [[Sergei Lavrov|p]]          an entity mention: p person, o organization,
    [[Lavrov|p|Sergei Lavrov]]   l place, g group; the optional third part
                                 names the referent (its fullest name)
    {{May 6, 2025|2025-05-06}}   a date and its value

and header lines before it, `#key: value`:

    #published: YYYY-MM-DD       the publication date (what `analyze
                                 --published` gives when the dateline has none)
    #source: URL, #licence: …, #publisher: …, #topic: …   (real-news set)
    #event: VALUE | TRIGGER | CLAUSE   a dated happening (real-news set)

For each source this writes `NAME.EXT` (the clean article) and
`NAME.expected.json` (mentions with character offsets into the clean text)
beside the `annotated/` folder, and for the real-news set `manifest.tsv`
(file, source, publication date, licence, publisher, topic, words). Run it
after editing a source; it fails naming the file and the problem:

    python3 tests/eval/annotate.py                 every source, and the manifest
    python3 tests/eval/annotate.py SOURCE...       just these sources
"""
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
KINDS = {"p": "person", "o": "organization", "l": "place", "g": "group"}
MARK = re.compile(r"\[\[([^\]|]+)\|([^\]|]*)(?:\|([^\]|]+))?\]\]|\{\{([^}|]+)\|([^}|]*)\}\}")
VALUE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|\d{4}-W\d{2}|\d{4}-(SP|SU|FA|WI)|\d{3})$")
NEWS_HEADERS = ("source", "published", "licence", "publisher", "topic")


class AnnotationError(Exception):
    pass


def check_value(value: str, where: str) -> None:
    if not VALUE.match(value):
        raise AnnotationError(f"{where}: date value {value!r} is not YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www, YYYY-SP/SU/FA/WI or YYY")


def build(src: pathlib.Path, out_dir: pathlib.Path, news: bool) -> dict:
    raw = src.read_text(encoding="utf-8")
    lines = raw.split("\n")
    headers: dict = {}
    events = []
    while lines and re.match(r"^#[a-z]+:", lines[0]):
        line = lines.pop(0)
        key, value = line[1:].split(":", 1)
        value = value.strip()
        if key == "event":
            parts = [p.strip() for p in value.split("|")]
            if len(parts) != 3 or not all(parts):
                raise AnnotationError(f"{src.name}: `#event: {value}` is not VALUE | TRIGGER | CLAUSE")
            check_value(parts[0], f"{src.name}: event {parts[2]!r}")
            events.append({"value": parts[0], "trigger": parts[1], "clause": parts[2]})
        else:
            headers[key] = value
    if news:
        missing = [h for h in NEWS_HEADERS if h not in headers]
        if missing:
            raise AnnotationError(f"{src.name}: missing header line(s) {', '.join('#' + m for m in missing)}")
    published = headers.get("published")
    if published:
        check_value(published, f"{src.name}: #published")
    body = "\n".join(lines)
    out, entities, dates, pos = [], [], [], 0
    length = 0  # characters written so far
    for m in MARK.finditer(body):
        chunk = body[pos : m.start()]
        out.append(chunk)
        length += len(chunk)
        text = m.group(1) or m.group(4)
        line_no = body.count("\n", 0, m.start()) + len(raw.split("\n")) - len(lines) + 1
        item = {"text": text, "start": length, "end": length + len(text)}
        if m.group(1):
            kind = m.group(2)
            if kind not in KINDS:
                raise AnnotationError(f"{src.name}:{line_no}: kind {kind!r} in {m.group(0)!r} is not one of p, o, l, g")
            item["kind"] = KINDS[kind]
            item["referent"] = (m.group(3) or text).strip()
            entities.append(item)
        else:
            check_value(m.group(5), f"{src.name}:{line_no}: {m.group(0)!r}")
            item["value"] = m.group(5)
            dates.append(item)
        out.append(text)
        length += len(text)
        pos = m.end()
    out.append(body[pos:])
    clean = "".join(out)
    for bad in ("[[", "]]", "{{", "}}"):
        if bad in clean:
            at = clean.index(bad)
            raise AnnotationError(f"{src.name}: unbalanced mark near {clean[max(0, at - 30):at + 30]!r}")
    for e in events:
        n = clean.count(e["clause"])
        if n != 1:
            raise AnnotationError(f"{src.name}: event clause {e['clause']!r} occurs {n} times in the text (it must occur once)")
        if not re.search(r"\b" + re.escape(e["trigger"].lower()) + r"\b", e["clause"].lower()):
            raise AnnotationError(f"{src.name}: event trigger {e['trigger']!r} is not a word of its clause {e['clause']!r}")
        e["start"] = len(clean[: clean.index(e["clause"])])
        e["end"] = e["start"] + len(e["clause"])
    (out_dir / src.name).write_text(clean, encoding="utf-8")
    expected = {"file": src.name, "published": published, "entities": entities, "dates": dates}
    if news:
        expected["events"] = events
    stem = src.name.rsplit(".", 1)[0]
    with open(out_dir / f"{stem}.expected.json", "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=1)
        f.write("\n")
    words = len(re.findall(r"\w+", clean))
    return {"file": src.name, **{h: headers.get(h, "") for h in NEWS_HEADERS}, "words": words}


def build_set(folder: pathlib.Path, news: bool) -> list:
    rows = []
    for src in sorted((folder / "annotated").iterdir()):
        if src.suffix in (".txt", ".md"):
            rows.append(build(src, folder, news))
    return rows


def main() -> int:
    only = [pathlib.Path(a).resolve() for a in sys.argv[1:]]
    if only:
        # Check and build just these sources (the manifest is left as it is).
        try:
            for src in only:
                news = src.parent.parent.name == "news"
                build(src, src.parent.parent, news)
        except AnnotationError as e:
            print(f"annotate: {e}", file=sys.stderr)
            return 1
        print(f"annotate: {len(only)} source(s) built")
        return 0
    try:
        build_set(HERE, news=False)
        rows = build_set(HERE / "news", news=True)
    except AnnotationError as e:
        print(f"annotate: {e}", file=sys.stderr)
        return 1
    cols = ["file", *NEWS_HEADERS, "words"]
    with open(HERE / "news" / "manifest.tsv", "w", encoding="utf-8") as f:
        f.write("\t".join(cols) + "\n")
        for r in rows:
            f.write("\t".join(str(r[c]) for c in cols) + "\n")
    print(f"annotate: {len(rows)} real-news stories built")
    return 0


if __name__ == "__main__":
    sys.exit(main())
