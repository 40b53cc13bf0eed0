#!/usr/bin/env python3
"""Writes labelled reference strings for engine/tools/train_references.

Output, one reference a line: the input string, a tab, and its labelled byte
spans "start-end=label" separated by spaces (UTF-8 byte offsets into the
string). The trainer labels each token by the span it overlaps most.

  anystyle FILE.xml OUT      AnyStyle XML: the input string is the sequence's
                             field texts joined with single spaces (exactly what
                             score_references.py --write-input writes); each
                             field is one span.
  jats FILE.jsonl OUTDIR     jats-derived rows: the input string is the one the
                             scorer writes (its jats_input); spans come from
                             aligning the gold fields to that string. Writes
                             OUTDIR/jats-a.tsv and OUTDIR/jats-b.tsv (a split by
                             source file, for two-fold held-out scoring) and
                             OUTDIR/jats-order.tsv (fold and line of each scored
                             reference in the scorer's order).
"""
import json
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
import zlib

# AnyStyle tags -> model labels. Tags the scorer ignores that are not names of
# the cited work's authors collapse into "note".
TAGS = {
    "author": "author", "editor": "editor", "translator": "translator", "date": "date",
    "title": "title", "journal": "journal", "container-title": "container", "booktitle": "container",
    "collection-title": "collection", "volume": "volume", "pages": "pages", "publisher": "publisher",
    "location": "location", "edition": "edition", "doi": "doi", "url": "url", "isbn": "isbn",
    "citation-number": "number", "accessed": "accessed",
}


def one_line(s):
    return " ".join((s or "").split())


def blen(s):
    return len(s.encode("utf-8"))


def anystyle(path, out):
    root = ET.parse(path).getroot()
    with open(out, "w", encoding="utf-8") as f:
        for seq in root.iter("sequence"):
            text, spans = "", []
            for child in seq:
                part = one_line("".join(child.itertext()))
                if not part:
                    continue
                if text:
                    text += " "
                start = blen(text)
                text += part
                spans.append(f"{start}-{blen(text)}={TAGS.get(child.tag, 'note')}")
            if text:
                f.write(text + "\t" + " ".join(spans) + "\n")


def fold_char(c):
    d = unicodedata.normalize("NFKD", c)
    d = "".join(x for x in d if not unicodedata.combining(x)).lower()
    return d if len(d) == 1 and d.isalnum() else ""


def keyed(text):
    """Alphanumeric characters of text, folded, with their character index."""
    chars, where = [], []
    for i, c in enumerate(text):
        k = fold_char(c)
        if k:
            chars.append(k)
            where.append(i)
    return "".join(chars), where


def jats(path, outdir):
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "eval"))
    import score_references as sr  # the scorer's own input strings
    from collections import Counter
    from evalcommon import ErrorLog
    refs = sr.load_jats(path, ErrorLog("gold"), "auto", Counter())
    rows = [json.loads(l) for l in open(path, encoding="utf-8")]
    by_id = {}
    for n, row in enumerate(rows, 1):
        by_id[f"line {n} ({row.get('ref_id', '')})"] = row
    outs = {"a": open(os.path.join(outdir, "jats-a.tsv"), "w", encoding="utf-8"),
            "b": open(os.path.join(outdir, "jats-b.tsv"), "w", encoding="utf-8")}
    order = open(os.path.join(outdir, "jats-order.tsv"), "w", encoding="utf-8")
    counts = Counter()
    for ref in refs:
        row = by_id[ref["id"]]
        fold = "a" if zlib.crc32(row.get("file", "").encode()) % 2 == 0 else "b"
        text = ref["input"]
        labels = align(text, row.get("fields") or {})
        if labels is None:
            counts["skipped (title not found)"] += 1
            order.write(f"{fold}\t-1\n")
            continue
        spans, cur, start = [], None, 0
        for i, lab in enumerate(labels + [None]):
            if lab != cur:
                if cur is not None:
                    spans.append(f"{blen(text[:start])}-{blen(text[:i])}={cur}")
                cur, start = lab, i
        outs[fold].write(text + "\t" + " ".join(spans) + "\n")
        order.write(f"{fold}\t{counts[fold]}\n")
        counts[fold] += 1
    print(f"jats: {dict(counts)}", file=sys.stderr)


def align(text, f):
    """Character labels of text from the gold fields, None when the title is not found."""
    key, where = keyed(text)
    labels = [None] * len(text)

    def mark(value, label, lo=0, hi=None, last=False):
        k, _ = keyed(value or "")
        if not k:
            return None
        region = key[lo:hi]
        p = region.rfind(k) if last else region.find(k)
        if p < 0:
            return None
        p += lo
        a, b = where[p], where[p + len(k) - 1] + 1
        if any(labels[i] is not None for i in range(a, b)):
            return None
        for i in range(a, b):
            labels[i] = label
        return p, p + len(k)

    title = f.get("article-title") or f.get("chapter-title")
    source = f.get("source")
    t = mark(title, "title") if title else None
    c = None
    if t and source:
        c = mark(source, "container" if f.get("chapter-title") else "journal", t[1])
    elif not title and source:
        t = mark(source, "title")
    if t is None:
        return None
    after = c[1] if c else t[1]
    for d in (f.get("pub-id:doi"),):
        if d:
            mark(d, "doi")
    if f.get("pub-id:pmid"):
        mark(f["pub-id:pmid"], "note", after)
    if f.get("year"):
        if not mark(f["year"], "date", after):
            mark(f["year"], "date")
    if f.get("volume"):
        mark(f["volume"], "volume", after)
    if f.get("issue"):
        mark(f["issue"], "volume", after)
    if f.get("fpage"):
        mark(f["fpage"], "pages", after)
    if f.get("lpage"):
        mark(f["lpage"], "pages", after)
    for src, lab in (("publisher-name", "publisher"), ("publisher-loc", "location"), ("edition", "edition")):
        if f.get(src):
            mark(f[src], lab)
    if f.get("uri") and "doi.org" not in f["uri"]:
        mark(f["uri"], "url")
    # Names: what is left before the title (or before the year before it).
    names = [n for n in f.get("names") or [] if not n.get("etal")]
    if names:
        role = "editor" if all((n.get("role") or "author") == "editor" for n in names) else "author"
        end = where[t[0]]
        for i in range(end):
            if labels[i] is None and fold_char(text[i]):
                labels[i] = role
    # Separators inherit the label before them (AnyStyle keeps a field's
    # trailing punctuation in its span); the pages range dash stays pages.
    out, prev = [], "note"
    for i, ch in enumerate(text):
        lab = labels[i]
        if lab is None:
            lab = prev if not fold_char(ch) else "note"
        out.append(lab)
        prev = lab
    return out


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("anystyle", "jats"):
        sys.exit(__doc__)
    (anystyle if sys.argv[1] == "anystyle" else jats)(sys.argv[2], sys.argv[3])
