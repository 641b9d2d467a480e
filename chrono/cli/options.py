"""What the commands share: reading the input options (usage errors exit 2 and say why),
streaming documents to the taggers and their results to the writers, and reporting failed
documents on stderr."""
from __future__ import annotations

import os
import sys
from datetime import date
from typing import Iterable, Iterator, Optional, Union

import click

from chrono.export import Writer
from chrono.export.files import STDOUT, atomic_open
from chrono.export.tagged import Tagged
from chrono.models import Document, DocumentError, Settings
from chrono.read import AnchorError, ManifestError, iter_inputs, load_manifest, parse_anchor_date
from chrono.scale.processes import Result, Tagger, resolve_jobs, tag_stream, with_progress
from chrono.scale.progress import count_documents, stream_is_terminal

Item = Union[Document, DocumentError]


def parse_anchor_option(value: Optional[str]) -> Optional[date]:
    """--anchor '2021-11-24' or '24 نوفمبر 2021'; a bad one is a usage error that says why."""
    if value is None:
        return None
    try:
        return parse_anchor_date(value)
    except AnchorError as err:
        raise click.BadParameter(str(err), param_hint="--anchor") from None


def load_manifest_option(path: Optional[str]):
    if path is None:
        return None
    try:
        return load_manifest(path)
    except ManifestError as err:
        raise click.BadParameter(str(err), param_hint="--manifest") from None


def read_inputs(paths: tuple[str, ...], anchor: Optional[str], manifest: Optional[str],
                encoding: Optional[str] = None) -> Iterator[Item]:
    """Documents and per-document errors, lazily, in input order."""
    try:
        return iter_inputs(list(paths), manifest=load_manifest_option(manifest),
                           anchor=parse_anchor_option(anchor), encoding=encoding)
    except (LookupError, ValueError) as err:  # an unknown --encoding
        raise click.BadParameter(str(err), param_hint="--encoding") from None


def report_error(err: DocumentError) -> None:
    where = err.path + (f":{err.line}" if err.line else "")
    click.echo(f"chrono: {where}: {err.reason}", err=True)


PREFER_HELP = ("How bare weekdays and months resolve: news (the latest on or before the anchor, the next "
               "one on or after it when the clause speaks of the future), past (the latest on or before "
               "the anchor), future (the next one after the anchor).")

common_input_options = [
    click.option("--anchor", help="Anchor date for every document (e.g. 2021-11-24, '24 نوفمبر 2021')."),
    click.option("--manifest", type=click.Path(dir_okay=False), help="JSON manifest: file → published date."),
    click.option("--prefer", type=click.Choice(["news", "past", "future"]), default="news", show_default=True,
                 help=PREFER_HELP),
    click.option("--keep-anchor", is_flag=True,
                 help="Resolve against the given anchor even when the text's own weekdays ('اليوم (الاثنين)', "
                      "'أمس الأحد') say it was written one or two days earlier (by default the anchor is "
                      "corrected and reports the given day)."),
    click.option("--encoding", help="Force the input encoding (default: detect)."),
]


def with_input_options(fn):
    for option in reversed(common_input_options):
        fn = option(fn)
    return fn


def chosen_options(writer: Writer, **given) -> dict:
    """The options `writer` takes, out of those the command has. One it does not take (`--bom`
    with json) is ignored, as it always was; since the registry lists each format's options,
    refusing it instead is a usage error raised here for the names left out."""
    return {name: value for name, value in given.items() if name in writer.options}


def is_folder_target(output: str) -> bool:
    """`-o out/timeml/`: an existing folder, or a path ending with a separator."""
    return output != STDOUT and (os.path.isdir(output) or output.endswith(("/", os.sep)))


def write_documents(writer: Writer, items: Iterable[Union[Tagged, DocumentError]], output: str,
                    **options) -> None:
    """Tagged documents through a writer that reads them one at a time: one stream ("-" is
    stdout, a file appears whole or not at all), or one file each in a folder when the format can."""
    if writer.to_folder is not None and is_folder_target(output):
        writer.to_folder(items, output)
        return
    with atomic_open(output, "w") as out:
        writer.write(items, out, **options)


def tagged(results: Iterable, pending: dict[str, list[Document]],
           errors: list[DocumentError]) -> Iterator[Union[Tagged, DocumentError]]:
    """Tagger results as the writers read them, each with its document when `pending` holds
    it (see `remember_documents`); failed documents are also noted in `errors`."""
    for result in results:
        document = take_document(pending, result)
        if isinstance(result, DocumentError):
            errors.append(result)
            yield result
        else:
            yield Tagged(result, document)


def remember_documents(items: Iterable[Item], pending: dict[str, list[Document]]) -> Iterator[Item]:
    for item in items:
        if isinstance(item, Document):
            pending.setdefault(item.id, []).append(item)
        yield item


def take_document(pending: dict[str, list[Document]], result) -> Optional[Document]:
    """The in-flight document a result (tags or error) belongs to, removed from `pending`."""
    waiting = pending.get(result.id or "", [])
    doc = waiting.pop(0) if waiting else None
    if not waiting:
        pending.pop(result.id or "", None)
    return doc


def cli_tag_stream(items: Iterable[Item], settings: Settings, *, paths: Iterable[str] = (), jobs: str = "1",
                   engine: str = "local", scheduler: Optional[str] = None,
                   tagger: Optional[Tagger] = None) -> Iterator[Result]:
    """What `chrono tag` runs: options checked now (usage errors, exit 2), results streamed later.

        chrono tag archive.jsonl --jobs auto
        chrono tag archive.jsonl --engine dask --scheduler tcp://127.0.0.1:8786
    """
    try:
        workers = resolve_jobs(jobs)
    except ValueError:
        raise click.BadParameter(f"expected a number of processes or 'auto', got {jobs!r}",
                                 param_hint="--jobs") from None
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    progress = _stderr_is_terminal()
    total = _count_if(progress, paths)
    if engine == "dask":
        try:
            from chrono.scale.dask_cluster import tag_stream_dask
        except ImportError as err:
            raise click.UsageError(f"--engine dask needs the extra chrono[dask] "
                                   f"(pip install 'chrono[dask]'): {err}") from None
        return with_progress(tag_stream_dask(items, settings, scheduler=scheduler, workers=workers),
                             progress, total)
    return tag_stream(items, settings, jobs=workers, progress=progress, total=total, tagger=tagger)


def _stderr_is_terminal() -> bool:
    return stream_is_terminal(sys.stderr)


def _count_if(wanted: bool, paths: Iterable[str]) -> Optional[int]:
    if not wanted:
        return None
    return count_documents(list(paths))
