#!/usr/bin/env python3
"""Synthetic labelled reference strings for training the reference tagger.

    scripts/synth-references.py --pool A.tsv [--pool B.tsv ...] \
        [--names PUBMED.xml[.gz] ...] --count N [--seed S] --out OUT.tsv

The labelled sets have few references in some styles that real reading
lists are full of (Chicago notes, MLA, "in Container, ed. X (Place:
Publisher, Year)", LNCS volumes, Vancouver chapters). This renders field
values taken from the --pool files (labelled strings in the trainer's TSV
format: text, a tab, "start-end=label" byte spans) into those styles, with
the labels known by construction. Names come from PubMed records (--names:
LastName, ForeName, Initials); numbers and years are drawn at random.

Only the pools given are read, so a model trained on the output has seen
field values from those sets alone: scripts/train-references passes the
training sets of each held-out model, never the set it is scored on.
The style rules are the published ones (APA, MLA, Chicago notes and
author-date, Harvard, Vancouver/NLM, AMA, IEEE, ACM/LNCS, Nature), written
from their manuals, not from any scored set. Deterministic for a seed.
"""

import argparse
import gzip
import random
import re
import sys
import xml.etree.ElementTree as ET

POOL_LABELS = ("title", "journal", "container", "publisher", "location",
               "collection")


def read_pool(paths):
    pool = {k: [] for k in POOL_LABELS}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                text, _, spans = line.rstrip("\n").partition("\t")
                raw = text.encode("utf-8")
                for item in spans.split():
                    rng, _, label = item.partition("=")
                    if label not in pool:
                        continue
                    b, _, e = rng.partition("-")
                    if not (b.isdigit() and e.isdigit() and int(b) <= int(e) <= len(raw)):
                        print(f"synth-references: {path}:{number}: bad span {item!r} "
                              f"(want start-end=label within the string's {len(raw)} bytes)",
                              file=sys.stderr)
                        sys.exit(2)
                    value = raw[int(b):int(e)].decode("utf-8", "replace")
                    value = clean(value, label)
                    if value:
                        pool[label].append(value)
    for k in pool:  # sorted, deduplicated: the output must not depend on order
        pool[k] = sorted(set(pool[k]))
    return pool


def clean(value, label):
    v = re.sub(r"<[^>]*>", "", value).strip()
    v = v.strip(" ,;:.")
    v = v.strip("\"“”'‘’`«»()[]").strip(" ,;:.")
    if label == "container":
        v = re.sub(r"^(In:?|in:?|In the|in the)\s+", "", v)
        v = re.sub(r"^(Paper|Poster)( session)? presented at (the )?", "", v)
    if label == "collection":
        v = re.sub(r"^(of|in)\s+", "", v)
    if len(v) < 2 or len(v) > 220 or "http" in v:
        return ""
    if label in ("publisher", "location") and (len(v) > 70 or re.search(r"\d{3}", v)):
        return ""
    if label in ("journal", "container", "collection", "title") and re.fullmatch(r"[\d\W]+", v):
        return ""
    return v


def read_names(paths):
    names = set()
    for path in paths:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rb") as f:
            for _, el in ET.iterparse(f):
                if el.tag != "Author":
                    continue
                last = el.findtext("LastName")
                fore = el.findtext("ForeName")
                ini = el.findtext("Initials")
                if last and fore and ini and last.isprintable():
                    names.add((last.strip(), fore.strip(), ini.strip()))
                el.clear()
    return sorted(names)


# Well-known book series (their names are facts, not data from any set):
# the labelled sets tag too few series for a pool of their own.
SERIES = ["Lecture Notes in Computer Science", "Lecture Notes in Mathematics",
          "Lecture Notes in Artificial Intelligence", "Methods in Molecular Biology",
          "Advances in Experimental Medicine and Biology", "Springer Series in Statistics",
          "Handbook of Experimental Pharmacology", "Studies in Logic and the Foundations of Mathematics",
          "Cambridge Studies in Social Anthropology", "Oxford Studies in Ancient Philosophy",
          "Graduate Texts in Mathematics", "Progress in Brain Research",
          "Current Topics in Microbiology and Immunology", "IFIP Advances in Information and Communication Technology",
          "Springer Proceedings in Physics", "Communications in Computer and Information Science",
          "Texts in Applied Mathematics", "Monographs on Statistics and Applied Probability"]


def period(s):
    """s with one closing period ("R." stays "R.", "Smith" becomes "Smith.")."""
    return s if s.endswith(".") else s + "."


class Ref:
    """A reference being rendered: text pieces, each with a label or None."""

    def __init__(self):
        self.pieces = []

    def add(self, text, label=None):
        if text:
            self.pieces.append((text, label))
        return self

    def tsv(self):
        out = b""
        spans = []
        for text, label in self.pieces:
            data = text.encode("utf-8")
            if label is not None:
                spans.append((len(out), len(out) + len(data), label))
            out += data
        # Merge neighbouring pieces of one label (joined by a space or not).
        merged = []
        for b, e, label in spans:
            if merged and merged[-1][2] == label and b - merged[-1][1] <= 1:
                merged[-1] = (merged[-1][0], e, label)
            else:
                merged.append((b, e, label))
        s = out.decode("utf-8")
        assert "\t" not in s and "\n" not in s
        return s + "\t" + " ".join(f"{b}-{e}={l}" for b, e, l in merged)


MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
MONTHS_SHORT = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.",
                "Sep.", "Oct.", "Nov.", "Dec."]


class Gen:
    def __init__(self, pool, names, rnd):
        self.pool = pool
        self.names = names
        self.r = rnd

    def pick(self, label, fallback):
        values = self.pool.get(label) or []
        return self.r.choice(values) if values else fallback

    # --- field values -----------------------------------------------------
    def people(self, lo=1, hi=6):
        n = self.r.choice([1, 1, 2, 2, 3, 3, 4, 5, 6][: max(1, hi)])
        n = max(lo, min(n, hi))
        return [self.r.choice(self.names) for _ in range(n)]

    def year(self):
        y = str(self.r.randint(1950, 2024))
        if self.r.random() < 0.04:
            y += self.r.choice("ab")
        return y

    def volume(self):
        return str(self.r.choice([self.r.randint(1, 40), self.r.randint(1, 400)]))

    def issue(self):
        return str(self.r.randint(1, 12))

    def pages(self, dash="-"):
        a = self.r.randint(1, 2000)
        b = a + self.r.randint(1, 40)
        if self.r.random() < 0.25 and len(str(a)) == len(str(b)):
            bs = str(b)
            common = 0
            while common < len(bs) - 1 and str(a)[common] == bs[common]:
                common += 1
            return f"{a}{dash}{bs[common:]}"
        return f"{a}{dash}{b}"

    def title(self):
        return self.pick("title", "A study")

    def journal(self):
        return self.pick("journal", "Journal")

    def container(self):
        return self.pick("container", "Proceedings")

    def publisher(self):
        return self.pick("publisher", "Press")

    def place(self):
        return self.pick("location", "London")

    def collection(self):
        if self.r.random() < 0.7:
            return self.r.choice(SERIES)
        return self.pick("collection", "Lecture Notes in Computer Science")

    def edition(self):
        n = self.r.randint(2, 6)
        suffix = {2: "nd", 3: "rd"}.get(n, "th")
        return self.r.choice([f"{n}{suffix} ed.", f"{n}{suffix} edn.", f"{n}{suffix} edition"])


# --- name formats ---------------------------------------------------------
def initials(name, dots=True, space=True):
    _, fore, ini = name
    if not dots:
        return ini
    parts = [c + "." for c in ini]
    if "-" in fore and len(ini) == 2:
        return parts[0] + "-" + parts[1]
    return (" " if space else "").join(parts)


def join_names(names, sep=", ", last_sep=", and ", two_sep=" and "):
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return names[0] + two_sep + names[1]
    return sep.join(names[:-1]) + last_sep + names[-1]


def names_apa(ns):
    f = [f"{n[0]}, {initials(n)}" for n in ns]
    return f[0] if len(f) == 1 else ", ".join(f[:-1]) + ", & " + f[-1]


def names_vancouver(ns, r):
    f = [f"{n[0]} {n[2]}" for n in ns]
    if len(f) > 6 or (len(f) > 3 and r.random() < 0.3):
        return ", ".join(f[:3]) + ", et al"
    return ", ".join(f)


def names_mla(ns):
    first = f"{ns[0][0]}, {ns[0][1]}"
    if len(ns) == 1:
        return first
    if len(ns) == 2:
        return f"{first}, and {ns[1][1]} {ns[1][0]}"
    return first + ", et al"


def names_chicago(ns):
    first = f"{ns[0][0]}, {ns[0][1]}"
    rest = [f"{n[1]} {n[0]}" for n in ns[1:]]
    return join_names([first] + rest)


def names_given_first(ns, r, full=None):
    full = r.random() < 0.5 if full is None else full
    f = [f"{n[1]} {n[0]}" if full else f"{initials(n)} {n[0]}" for n in ns]
    return join_names(f)


def names_harvard(ns):
    f = [f"{n[0]}, {initials(n, space=False)}" for n in ns]
    return join_names(f, last_sep=" and ")


def names_nature(ns):
    f = [f"{n[0]}, {initials(n)}" for n in ns]
    return f[0] if len(f) == 1 else ", ".join(f[:-1]) + " & " + f[-1]


def names_caps(ns):
    return ", ".join(f"{n[0].upper()} {initials(n, space=False)}" for n in ns)


# --- styles -----------------------------------------------------------------
def apa(g, kind):
    r = g.r
    ref = Ref()
    ref.add(period(names_apa(g.people())), "author").add(" ")
    y = g.year()
    ref.add(f"({y}).", "date").add(" ")
    if kind == "article":
        ref.add(g.title() + ".", "title").add(" ")
        ref.add(g.journal() + ",", "journal").add(" ")
        v = g.volume()
        ref.add(f"{v}({g.issue()})," if r.random() < 0.6 else f"{v},", "volume").add(" ")
        ref.add(g.pages("–" if r.random() < 0.5 else "-") + ".", "pages")
    elif kind == "book":
        t = g.title()
        if r.random() < 0.25:
            ref.add(t, "title").add(" ").add(f"({g.edition()}).", "edition")
        else:
            ref.add(t + ".", "title")
        ref.add(" ").add(g.place() + ":", "location").add(" ").add(g.publisher() + ".", "publisher")
    elif kind == "chapter":
        ref.add(g.title() + ".", "title").add(" ")
        eds = g.people(1, 3)
        f = [f"{initials(n)} {n[0]}" for n in eds]
        ref.add("In", "container").add(" ")
        ref.add(join_names(f, two_sep=" & ", last_sep=", & ") + (" (Eds.)," if len(eds) > 1 else " (Ed.),"), "editor").add(" ")
        ref.add(g.container(), "container").add(" ")
        ref.add(f"(pp. {g.pages()}).", "pages").add(" ")
        ref.add(g.place() + ":", "location").add(" ").add(g.publisher() + ".", "publisher")
    elif kind == "conference":
        ref.add(g.title() + ".", "title").add(" ")
        ref.add(r.choice(["Paper presented at the ", "Poster session presented at "]) + g.container() + ",", "container").add(" ")
        ref.add(g.place() + ".", "location")
    else:  # report / thesis
        ref.add(g.title(), "title").add(" ")
        if kind == "thesis":
            ref.add(r.choice(["(Doctoral dissertation).", "(Master's thesis)."]), "note").add(" ")
        else:
            ref.add(f"(Report No. {r.randint(1, 999)}).", "note").add(" ")
        ref.add(g.publisher() + ".", "publisher")
    return ref


def mla(g, kind):
    r = g.r
    ref = Ref()
    ref.add(period(names_mla(g.people(1, 3))), "author").add(" ")
    if kind == "article":
        ref.add(f"“{g.title()}.”", "title").add(" ")
        ref.add(g.journal() + ",", "journal").add(" ")
        ref.add(f"vol. {g.volume()}, no. {g.issue()},", "volume").add(" ")
        ref.add(g.year() + ",", "date").add(" ")
        ref.add(f"pp. {g.pages()}.", "pages")
    elif kind in ("book", "report", "thesis"):
        ref.add(g.title() + ".", "title").add(" ")
        ref.add(g.publisher() + ",", "publisher").add(" ").add(g.year() + ".", "date")
    else:
        ref.add(f"“{g.title()}.”", "title").add(" ")
        ref.add(g.container() + ",", "container").add(" ")
        ed = g.people(1, 2)
        ref.add("edited by " + join_names([f"{n[1]} {n[0]}" for n in ed]) + ",", "editor").add(" ")
        ref.add(g.publisher() + ",", "publisher").add(" ").add(g.year() + ",", "date").add(" ")
        ref.add(f"pp. {g.pages()}.", "pages")
    return ref


def chicago_bib(g, kind):
    r = g.r
    ref = Ref()
    ref.add(period(names_chicago(g.people(1, 3))), "author").add(" ")
    if kind == "article":
        ref.add(f"“{g.title()}.”", "title").add(" ")
        ref.add(g.journal(), "journal").add(" ")
        ref.add(f"{g.volume()}, no. {g.issue()}", "volume").add(" ")
        ref.add(f"({g.year()}):", "date").add(" ")
        ref.add(g.pages("–") + ".", "pages")
    elif kind in ("book", "report", "thesis"):
        ref.add(g.title() + ".", "title").add(" ")
        if r.random() < 0.3:
            ref.add(f"Vol. {r.randint(1, 9)}", "volume").add(" ").add("of " + g.container() + ".", "container").add(" ")
        if r.random() < 0.25:
            ref.add("Edited by " + names_given_first(g.people(1, 2), r, True) + ".", "editor").add(" ")
        ref.add(g.place() + ":", "location").add(" ")
        ref.add(g.publisher() + ",", "publisher").add(" ").add(g.year() + ".", "date")
    else:
        ref.add(f"“{g.title()}.”", "title").add(" ")
        ref.add("In", "container").add(" ").add(g.container() + ",", "container").add(" ")
        ref.add("edited by " + names_given_first(g.people(1, 2), r, True) + ",", "editor").add(" ")
        ref.add(g.pages("–") + ".", "pages").add(" ")
        ref.add(g.place() + ":", "location").add(" ")
        ref.add(g.publisher() + ",", "publisher").add(" ").add(g.year() + ".", "date")
    return ref


def chicago_note(g, kind):
    """Footnote form: given names first, publication facts in parentheses."""
    r = g.r
    ref = Ref()
    if r.random() < 0.3:
        ref.add(f"{r.randint(1, 120)}.", "number").add(" ")
    ref.add(names_given_first(g.people(1, 3), r, True) + ",", "author").add(" ")
    if kind == "article":
        ref.add(f"“{g.title()},”", "title").add(" ")
        ref.add(g.journal(), "journal").add(" ")
        ref.add(g.volume(), "volume").add(" ")
        ref.add(f"({g.year()}):", "date").add(" ")
        ref.add(g.pages("–") + ".", "pages")
        return ref
    if kind == "chapter" or kind == "conference":
        ref.add(f"“{g.title()},”", "title").add(" ")
        ref.add("in", "container").add(" ").add(g.container() + ",", "container").add(" ")
        ref.add("ed. " + names_given_first(g.people(1, 2), r, True), "editor").add(" ")
    else:
        t = g.title()
        ref.add(t, "title").add(" ")
    ref.add("(", None)
    ref.add(g.place() + ":", "location").add(" ")
    ref.add(g.publisher() + ",", "publisher").add(" ")
    ref.add(g.year() + "),", "date").add(" ")
    ref.add(str(r.randint(1, 500)) + ("–" + str(r.randint(501, 600)) if r.random() < 0.5 else "") + ".", "pages")
    return ref


def chicago_ad(g, kind):
    r = g.r
    ref = Ref()
    ref.add(period(names_chicago(g.people(1, 3))), "author").add(" ")
    ref.add(g.year() + ".", "date").add(" ")
    if kind == "article":
        ref.add(f"“{g.title()}.”", "title").add(" ")
        ref.add(g.journal(), "journal").add(" ")
        ref.add(f"{g.volume()} ({g.issue()}):", "volume").add(" ")
        ref.add(g.pages("–") + ".", "pages")
    elif kind == "chapter":
        ref.add(f"“{g.title()}.”", "title").add(" ")
        ref.add("In", "container").add(" ").add(g.container() + ",", "container").add(" ")
        ref.add("edited by " + names_given_first(g.people(1, 2), r, True) + ",", "editor").add(" ")
        ref.add(g.pages("–") + ".", "pages").add(" ")
        ref.add(g.place() + ":", "location").add(" ").add(g.publisher() + ".", "publisher")
    else:
        ref.add(g.title() + ".", "title").add(" ")
        ref.add(g.place() + ":", "location").add(" ").add(g.publisher() + ".", "publisher")
    return ref


def harvard(g, kind):
    r = g.r
    ref = Ref()
    ref.add(names_harvard(g.people(1, 4)), "author").add(" ")
    ref.add(f"({g.year()})", "date").add(" ")
    if kind == "article":
        ref.add(f"'{g.title()}',", "title").add(" ")
        ref.add(g.journal() + ",", "journal").add(" ")
        ref.add(f"{g.volume()}({g.issue()}),", "volume").add(" ")
        ref.add(f"pp. {g.pages()}.", "pages")
    elif kind == "chapter":
        ref.add(f"'{g.title()}',", "title").add(" ")
        eds = g.people(1, 2)
        ref.add("in", "container").add(" ")
        ref.add(join_names([f"{n[0]}, {initials(n, space=False)}" for n in eds], last_sep=" and ") + (" (eds)" if len(eds) > 1 else " (ed.)"), "editor").add(" ")
        ref.add(g.container() + ".", "container").add(" ")
        ref.add(g.place() + ":", "location").add(" ").add(g.publisher() + ",", "publisher").add(" ")
        ref.add(f"pp. {g.pages()}.", "pages")
    else:
        ref.add(g.title() + ".", "title").add(" ")
        if r.random() < 0.2:
            ref.add(g.edition() + ".", "edition").add(" ")
        ref.add(g.place() + ":", "location").add(" ").add(g.publisher() + ".", "publisher")
    return ref


def vancouver(g, kind):
    r = g.r
    ref = Ref()
    if r.random() < 0.5:
        ref.add(f"{r.randint(1, 150)}.", "number").add(" ")
    ref.add(period(names_vancouver(g.people(1, 8), r)), "author").add(" ")
    ref.add(g.title() + ".", "title").add(" ")
    if kind == "article":
        ref.add(g.journal() + ".", "journal").add(" ")
        ref.add(g.year() + (f" {MONTHS[r.randint(0, 11)][:3]}" if r.random() < 0.3 else "") + ";", "date")
        ref.add(f"{g.volume()}({g.issue()}):" if r.random() < 0.7 else f"{g.volume()}:", "volume")
        ref.add(g.pages() + ".", "pages")
    elif kind in ("chapter", "conference"):
        eds = g.people(1, 3)
        ref.add("In:", "container").add(" ")
        ref.add(", ".join(f"{n[0]} {n[2]}" for n in eds) + (", editors." if len(eds) > 1 else ", editor."), "editor").add(" ")
        ref.add(g.container() + ".", "container").add(" ")
        ref.add(g.place() + ":", "location").add(" ").add(g.publisher() + ";", "publisher").add(" ")
        ref.add(g.year() + ".", "date").add(" ")
        ref.add(f"p. {g.pages()}.", "pages")
    else:
        if r.random() < 0.2:
            ref.add(g.edition() + ".", "edition").add(" ")
        ref.add(g.place() + ":", "location").add(" ").add(g.publisher() + ";", "publisher").add(" ")
        ref.add(g.year() + ".", "date")
    return ref


def ieee(g, kind):
    r = g.r
    ref = Ref()
    ref.add(f"[{r.randint(1, 150)}]", "number").add(" ")
    ns = g.people(1, 6)
    ref.add(join_names([f"{initials(n)} {n[0]}" for n in ns]) + ",", "author").add(" ")
    if kind == "article":
        ref.add(f"“{g.title()},”", "title").add(" ")
        ref.add(g.journal() + ",", "journal").add(" ")
        ref.add(f"vol. {g.volume()}, no. {g.issue()},", "volume").add(" ")
        ref.add(f"pp. {g.pages('–')},", "pages").add(" ")
        ref.add(f"{MONTHS_SHORT[r.randint(0, 11)]} {g.year()}.", "date")
    elif kind in ("conference", "chapter"):
        ref.add(f"“{g.title()},”", "title").add(" ")
        ref.add("in " + r.choice(["Proc. ", ""]) + g.container() + ",", "container").add(" ")
        if r.random() < 0.5:
            ref.add(g.place() + ",", "location").add(" ")
        ref.add(g.year() + ",", "date").add(" ")
        ref.add(f"pp. {g.pages('–')}.", "pages")
    else:
        ref.add(g.title() + ",", "title").add(" ")
        if r.random() < 0.3:
            ref.add(g.edition() + ".", "edition").add(" ")
        ref.add(g.place() + ":", "location").add(" ")
        ref.add(g.publisher() + ",", "publisher").add(" ").add(g.year() + ".", "date")
    return ref


def acm(g, kind):
    """Computer-science bibliographies (BibTeX plain/alpha, LNCS)."""
    r = g.r
    ref = Ref()
    ns = g.people(1, 4)
    ref.add(period(join_names([f"{initials(n)} {n[0]}" if r.random() < 0.7 else f"{n[1]} {n[0]}" for n in ns])), "author").add(" ")
    ref.add(g.title() + ".", "title").add(" ")
    if kind == "article":
        ref.add(g.journal() + ",", "journal").add(" ")
        ref.add(f"{g.volume()}({g.issue()}):", "volume").add("")
        ref.add(g.pages() + ",", "pages").add(" ")
        ref.add((MONTHS[r.randint(0, 11)] + " " if r.random() < 0.4 else "") + g.year() + ".", "date")
    elif kind in ("conference", "chapter"):
        if r.random() < 0.4:
            eds = g.people(1, 3)
            ref.add("In", "container").add(" ")
            ref.add(join_names([f"{initials(n)} {n[0]}" for n in eds]) + (", editors," if len(eds) > 1 else ", editor,"), "editor").add(" ")
            ref.add(g.container() + ",", "container").add(" ")
        else:
            ref.add("In " + r.choice(["Proceedings of the ", "Proc. ", ""]) + g.container() + ",", "container").add(" ")
        if r.random() < 0.35:
            ref.add(f"volume {r.randint(100, 4000)}", "volume").add(" ")
            ref.add("of " + g.collection() + ",", "collection").add(" ")
        ref.add(f"pages {g.pages()},", "pages").add(" ")
        if r.random() < 0.5:
            ref.add(g.place() + ",", "location").add(" ")
        if r.random() < 0.3:
            ref.add(g.publisher() + ",", "publisher").add(" ")
        ref.add((MONTHS[r.randint(0, 11)] + " " if r.random() < 0.4 else "") + g.year() + ".", "date")
    elif kind == "report":
        ref.add(f"Technical Report {r.choice(['TR-', 'CS-', ''])}{r.randint(1, 999)},", "note").add(" ")
        ref.add(g.publisher() + ",", "publisher").add(" ")
        ref.add((MONTHS[r.randint(0, 11)] + " " if r.random() < 0.4 else "") + g.year() + ".", "date")
    elif kind == "thesis":
        ref.add(r.choice(["PhD thesis,", "Master's thesis,"]), "note").add(" ")
        ref.add(g.publisher() + ",", "publisher").add(" ").add(g.year() + ".", "date")
    else:
        ref.add(g.publisher() + ",", "publisher").add(" ")
        if r.random() < 0.5:
            ref.add(g.place() + ",", "location").add(" ")
        ref.add(g.year() + ".", "date")
    return ref


def nature(g, kind):
    r = g.r
    ref = Ref()
    ref.add(names_nature(g.people(1, 5)), "author").add(" ")
    if kind == "article":
        ref.add(g.title() + ".", "title").add(" ")
        ref.add(g.journal(), "journal").add(" ")
        ref.add(g.volume() + ",", "volume").add(" ")
        ref.add(g.pages("–"), "pages").add(" ")
        ref.add(f"({g.year()}).", "date")
    else:
        ref.add(g.title(), "title").add(" ")
        ref.add("(", None).add(g.publisher() + ",", "publisher").add(" ").add(g.year() + ").", "date")
    return ref


def european(g, kind):
    """Continental humanities: capitals, year after the names, "in", "a cura di"."""
    r = g.r
    ref = Ref()
    ref.add(names_caps(g.people(1, 2)) + ",", "author").add(" ")
    ref.add(g.year() + ",", "date").add(" ")
    ref.add(f"“{g.title()}”,", "title").add(" ")
    if kind in ("chapter", "conference"):
        ed = g.people(1, 1)[0]
        ref.add("in", "container").add(" ")
        ref.add(f"{initials(ed)} {ed[0]} ({r.choice(['a cura di', 'éd.', 'Hrsg.', 'ed.'])}),", "editor").add(" ")
        ref.add(g.container() + ",", "container").add(" ")
    else:
        ref.add(g.journal() + ",", "journal").add(" ")
        ref.add(f"{g.volume()},", "volume").add(" ")
    ref.add(g.place() + ":", "location").add(" ")
    ref.add(g.pages() + ".", "pages")
    return ref


STYLES = [apa, mla, chicago_bib, chicago_note, chicago_ad, harvard, vancouver,
          ieee, acm, nature, european]
KINDS = ["article", "article", "book", "chapter", "conference", "report", "thesis"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pool", action="append", required=True)
    ap.add_argument("--names", action="append", default=[])
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    pool = read_pool(a.pool)
    names = read_names(a.names) or [("Smith", "John", "J"), ("Rossi", "Maria", "M")]
    g = Gen(pool, names, random.Random(a.seed))
    with open(a.out, "w", encoding="utf-8") as out:
        for i in range(a.count):
            style = STYLES[i % len(STYLES)]
            kind = g.r.choice(KINDS)
            out.write(style(g, kind).tsv() + "\n")
    print(f"synth-references: {a.count} strings from {len(names)} names and "
          + ", ".join(f"{len(v)} {k}" for k, v in pool.items()), file=sys.stderr)


if __name__ == "__main__":
    main()
