"""Benchmark: entity linking and claim extraction against the hand-written gold annotation.

    python benchmarks/extraction.py [CORPUS_DIR] [--data data] [--gold benchmarks/gold] [--verbose] [--silver]
                                    [--skip-heldout N ...]

Texts are scored in sets, each with its own totals:
- development: the two articles the rules were developed on and checked against (a
  leave-one-article-out view), read from CORPUS_DIR, which is not part of the repository;
  without it (or if it is missing) they are skipped with a message;
- held-out N: openly licensed texts in ``benchmarks/corpus/`` (gold files marked
  ``bundled: true`` and ``heldout: N``), each batch annotated before the extractor was ever run
  on it; always scored. A batch whose misses have since been used to improve the extractor is
  labelled "(now used for development)": its figures are no longer a measure on unseen text.
  ``--skip-heldout N`` leaves batch N out (e.g. to check the script without seeing a batch).
Prints precision, recall and F1 per article and per set:
- entity linking: gold mentions of entities already in the dataset, matched by an
  overlapping predicted mention with the same id (recall); predicted links judged against
  the gold mentions (precision);
- new entities: spans of entities the dataset lacks, found as new (span overlap);
- claims: (subject, relation, object), each gold claim listing the ids it accepts; the gold lists a claim
  once per sentence stating it, the extractor once per article, so "distinct claims" also counts each
  (subject, relation, object) once on both sides.
Each set's totals are printed twice: as ``nhsgraph extract`` runs, and without the statistical
English pipeline (``--no-parser``, new names found by their shape alone), with the time of each.
Exits 0 whether or not CORPUS_DIR is given.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import nhsgraph
from benchmarks.check_gold import BUNDLED, group_of, group_order, heldout_batch, source_path
from nhsgraph.extract import ArticleInfo, Gazetteer, extract_file, extract_text


@dataclass
class Score:
    tp_pred: int = 0
    predicted: int = 0
    tp_gold: int = 0
    gold: int = 0

    def add(self, other: Score) -> None:
        self.tp_pred += other.tp_pred
        self.predicted += other.predicted
        self.tp_gold += other.tp_gold
        self.gold += other.gold

    def row(self, name: str) -> str:
        p = self.tp_pred / self.predicted if self.predicted else 0.0
        r = self.tp_gold / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"  {name:<28} P {p:5.2f} ({self.tp_pred}/{self.predicted})  R {r:5.2f} ({self.tp_gold}/{self.gold})  F1 {f:5.2f}"


def _ids(value: object) -> set[str]:
    return {value} if isinstance(value, str) else set(value or [])  # type: ignore[arg-type]


def score_article(gold: dict, result: object, known_ids: set[str], verbose: bool) -> dict[str, Score]:
    mentions = result.mentions  # type: ignore[attr-defined]
    gold_entities = [{**g, "ids": {g["id"], *g.get("also", [])}} for g in gold["entities"]]
    in_data = [g for g in gold_entities if g["ids"] & known_ids]
    not_in_data = [g for g in gold_entities if not g["ids"] & known_ids]

    def overlaps(m: object, g: dict) -> bool:
        return m.start < g["end"] and g["start"] < m.end  # type: ignore[attr-defined]

    linking = Score(gold=len(in_data))
    for g in in_data:
        if any(overlaps(m, g) and m.id in g["ids"] for m in mentions):
            linking.tp_gold += 1
        elif verbose:
            print(f"    missed link: {g['text']!r} @{g['start']} -> {g['id']}")
    linked = [m for m in mentions if m.known]
    linking.predicted = len(linked)
    for m in linked:
        if any(overlaps(m, g) and m.id in g["ids"] for g in gold_entities):
            linking.tp_pred += 1
        elif verbose:
            print(f"    wrong link: {m.text!r} @{m.start} -> {m.id}")
    new = Score(gold=len(not_in_data))
    found_new = [m for m in mentions if not m.known]
    new.predicted = len(found_new)
    new.tp_pred = sum(any(overlaps(m, g) for g in not_in_data) for m in found_new)
    new.tp_gold = sum(any(overlaps(m, g) for m in found_new) for g in not_in_data)

    # A new entity's id is the extractor's guess from its name; accept any predicted id whose
    # mention overlaps the gold mention of that entity ("Better health ...: A 10-point plan" for the report).
    aliases: dict[str, set[str]] = {}
    for g in not_in_data:
        aliases.setdefault(g["id"], {g["id"]}).update(m.id for m in found_new if overlaps(m, g))

    def fits(predicted_id: str, gold_value: object) -> bool:
        return any(predicted_id in aliases.get(i, {i}) for i in _ids(gold_value))

    claims = Score(gold=len(gold["claims"]))
    predicted = [c for c in result.claims if not c.negated]  # type: ignore[attr-defined]
    claims.predicted = len(predicted)
    used: set[int] = set()
    statuses = 0
    for g in gold["claims"]:
        match = next((i for i, c in enumerate(predicted) if i not in used and c.relation == g["relation"]
                      and fits(c.subject.id, g["subject"]) and fits(c.object.id, g["object"])), None)
        if match is None:
            if verbose:
                print(f"    missed claim: {sorted(_ids(g['subject']))} {g['relation']} {g['object']}")
            continue
        used.add(match)
        claims.tp_gold += 1
        statuses += predicted[match].status == g.get("status", "fact")
    claims.tp_pred = len(used)
    if verbose:
        for i, c in enumerate(predicted):
            if i not in used:
                print(f"    extra claim: {c.subject.id} {c.relation} {c.object.id} [{c.status}] cue {c.cue!r}")
    status = Score(tp_pred=statuses, predicted=len(used), tp_gold=statuses, gold=len(used))
    # The extractor reports a claim once however many sentences state it (with its best sentence); the gold
    # lists it once per sentence. Counted once each, as a researcher's graph holds them:
    distinct_gold = {(frozenset(_ids(g["subject"])), g["relation"], frozenset(_ids(g["object"]))) for g in gold["claims"]}
    distinct_pred = {(c.subject.id, c.relation, c.object.id) for c in predicted}
    def same(p: tuple[str, str, str], g: tuple[frozenset[str], str, frozenset[str]]) -> bool:
        return p[1] == g[1] and fits(p[0], g[0]) and fits(p[2], g[2])
    distinct = Score(tp_pred=sum(any(same(p, g) for g in distinct_gold) for p in distinct_pred), predicted=len(distinct_pred),
                     tp_gold=sum(any(same(p, g) for p in distinct_pred) for g in distinct_gold), gold=len(distinct_gold))
    return {"entity linking (in dataset)": linking, "new entities (span)": new, "claims (s, r, o)": claims,
            "status of matched claims": status, "distinct claims (s, r, o)": distinct}


def lookup_speed(gazetteer: Gazetteer, texts: list[str], extra: int) -> str:
    """Token-window lookup against the obvious alternative, a case-insensitive scan for every name,
    with ``extra`` synthetic organisation names added (as a reference layer of thousands of bodies would)."""
    for i in range(extra):
        gazetteer.add(f"ods/x{i}", "organisation", f"Example Provider {i} NHS Trust", f"Example Provider {i} NHS Trust")
    started = time.perf_counter()
    hits = sum(len(gazetteer.find(text)) for text in texts)
    window = time.perf_counter() - started
    names = [e.name.casefold() for entries in gazetteer.entries.values() for e in entries]
    started = time.perf_counter()
    scanned = sum(text.casefold().count(name) for text in texts for name in names)
    scan = time.perf_counter() - started
    return (f"lookup with {len(names)} names: token windows {window * 1000:.1f} ms ({hits} mentions), "
            f"scan per name {scan * 1000:.1f} ms ({scanned} raw hits): {scan / window:.1f}x")


def silver(dataset: object, gazetteer: Gazetteer, verbose: bool) -> Score:
    """Curated statements re-extracted from their own one-sentence quotes: text nobody tuned the rules on.
    Recall is the share of statements found in their quote; precision counts only claims matching a
    curated statement from the same quote, so it is a lower bound (a quote can support more than one fact)."""
    from nhsgraph.extract.text import parse_article

    by_quote: dict[tuple[str, str], list] = {}
    for st in dataset.statements:  # type: ignore[attr-defined]
        if st.derived_from:
            continue
        for source in st.sources:
            if source.quote:
                by_quote.setdefault((source.document, source.quote), []).append(st)
    score = Score()
    for (document, quote), statements in sorted(by_quote.items()):
        result = extract_text(parse_article(quote), gazetteer, ArticleInfo(document_id=document))
        voices = {document, *gazetteer.authors.get(document, [])}
        claims = [c for c in result.claims if not c.negated]

        def same(c: object, st: object, voices: set[str] = voices) -> bool:
            subjects = voices if c.subject.id in voices else {c.subject.id}  # type: ignore[attr-defined]
            return c.relation == st.relation and st.subject in subjects and c.object.id == st.object  # type: ignore[attr-defined]

        score.gold += len(statements)
        score.predicted += len(claims)
        score.tp_gold += sum(any(same(c, st) for c in claims) for st in statements)
        score.tp_pred += sum(any(same(c, st) for st in statements) for c in claims)
        if verbose:
            for st in statements:
                if not any(same(c, st) for c in claims):
                    print(f"    silver miss: {st.subject} {st.relation} {st.object}: {quote[:100]}")
            for c in claims:
                if not any(same(c, st) for st in statements):
                    print(f"    silver extra: {c.subject.id} {c.relation} {c.object.id} [{c.status}] cue {c.cue!r}: {quote[:100]}")
    return score


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("corpus", type=Path, nargs="?", help="folder holding the development articles (optional)")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="curated data (the gazetteer)")
    parser.add_argument("--gold", type=Path, default=ROOT / "benchmarks" / "gold")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss and extra")
    parser.add_argument("--silver", action="store_true", help="also re-extract curated statements from their quotes")
    parser.add_argument("--skip-heldout", type=int, action="append", default=[], metavar="N",
                        help="leave held-out batch N out (repeatable)")
    args = parser.parse_args()
    corpus = args.corpus if args.corpus is not None and args.corpus.is_dir() else None
    if corpus is None:
        where = "no corpus folder given" if args.corpus is None else f"corpus folder {args.corpus} not found"
        print(f"development articles skipped: {where} (give the folder holding them); "
              "scoring the bundled held-out batches only")
    began = time.perf_counter()
    dataset = nhsgraph.load(args.data)
    gazetteer = Gazetteer.from_dataset(dataset)
    setup = time.perf_counter() - began
    known_ids = set(dataset.entities)
    totals: dict[str, dict[str, Score]] = {}
    plain: dict[str, dict[str, Score]] = {}  # the same articles with new names found by shape alone (--no-parser)
    texts: list[str] = []
    elapsed = plain_elapsed = 0.0
    for gold_file in sorted(args.gold.glob("*.yaml")):
        gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
        if gold.get("bundled") and heldout_batch(gold) in args.skip_heldout:
            continue
        group = group_of(gold)
        article = source_path(gold, corpus)
        if article is None:
            if corpus is not None or gold.get("bundled"):
                print(f"skipped {gold['file']}: not in {BUNDLED if gold.get('bundled') else corpus}")
            continue
        started = time.perf_counter()
        info = ArticleInfo(document_id=gold["document"], title=gold.get("title"), authors=list(gold.get("authors", [])))
        result = extract_file(article, gazetteer, info)
        texts.append(result.article.text)
        elapsed += time.perf_counter() - started
        print(f"{gold['file']} ({group}):")
        scores = score_article(gold, result, known_ids, args.verbose)
        for name, score in scores.items():
            print(score.row(name))
            totals.setdefault(group, {}).setdefault(name, Score()).add(score)
        started = time.perf_counter()
        result = extract_file(article, gazetteer, ArticleInfo(document_id=gold["document"], title=gold.get("title"),
                                                              authors=list(gold.get("authors", []))), parser=False)
        plain_elapsed += time.perf_counter() - started
        for name, score in score_article(gold, result, known_ids, False).items():
            plain.setdefault(group, {}).setdefault(name, Score()).add(score)
    for group in sorted(totals, key=group_order):
        print(f"{group} total:")
        for name, score in totals[group].items():
            print(score.row(name))
        print("  without the parser (--no-parser):")
        for name, score in plain[group].items():
            print("  " + score.row(name))
    if args.skip_heldout:
        print(f"held-out batch(es) {', '.join(map(str, sorted(set(args.skip_heldout))))} skipped (--skip-heldout)")
    print(f"gazetteer: {sum(len(v) for v in gazetteer.entries.values())} names of {len(known_ids)} entities, "
          f"built with the data load in {setup:.2f} s; extraction {elapsed * 1000:.0f} ms for all articles "
          f"(the first loads the English pipeline); without the parser {plain_elapsed * 1000:.0f} ms "
          f"({elapsed / max(plain_elapsed, 1e-9):.1f}x)")
    if args.silver:
        print("silver (curated statements from their own quotes):")
        print(silver(dataset, gazetteer, args.verbose).row("claims (s, r, o)"))
    print(lookup_speed(gazetteer, texts, 0))
    print(lookup_speed(gazetteer, texts, 20000))
    return 0

if __name__ == "__main__":
    sys.exit(main())
