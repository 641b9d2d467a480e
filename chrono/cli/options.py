"""What the commands share: reading the input options (usage errors exit 2 and say why),
choosing each format's options from the export registry, streaming documents to the taggers and
their results to the writers, and reporting on stderr: failed documents, warnings about the
inputs, and documents left without an anchor."""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import NoReturn, Optional, Union, get_args

import click
from click.core import ParameterSource

from chrono.export import Output, Writer, formats_taking
from chrono.export.files import STDOUT, atomic_open
from chrono.export.tagged import Tagged, has_anchor
from chrono.models import Document, DocumentError, Prefer, Settings
from chrono.read import AnchorError, ManifestError, iter_inputs, load_manifest, parse_anchor_date
from chrono.resolve import POLICIES
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


# PATH... must exist (a usage error, exit 2, before anything is read); "-" is stdin.
input_paths = click.argument("paths", nargs=-1, required=True, metavar="PATH...",
                             type=click.Path(exists=True, allow_dash=True))


def read_inputs(paths: tuple[str, ...], anchor: Optional[str], manifest: Optional[str],
                encoding: Optional[str] = None) -> Iterator[Item]:
    """Documents and per-document errors, lazily, in input order; warnings about the inputs
    (a manifest entry naming no document) go to stderr once everything is read."""
    try:
        return iter_inputs(list(paths), manifest=load_manifest_option(manifest),
                           anchor=parse_anchor_option(anchor), encoding=encoding, warn=report_warning)
    except (LookupError, ValueError) as err:  # an unknown --encoding
        raise click.BadParameter(str(err), param_hint="--encoding") from None


def report_error(err: DocumentError) -> None:
    where = err.path + (f":{err.line}" if err.line else "")
    click.echo(f"chrono: {where}: {err.reason}", err=True)


def report_warning(message: str) -> None:
    click.echo(f"chrono: warning: {message}", err=True)


UNANCHORED_SHOWN = 3


@dataclass
class Outcome:
    """What a run reports at its end: the documents that failed, and how many ended with no
    anchor (the first few named; a count, so memory stays flat in the number of documents)."""

    errors: list[DocumentError] = field(default_factory=list)
    unanchored: int = 0
    unanchored_ids: list[str] = field(default_factory=list)

    def note_unanchored(self, doc_id: str) -> None:
        self.unanchored += 1
        if len(self.unanchored_ids) < UNANCHORED_SHOWN:
            self.unanchored_ids.append(doc_id)

    def finish(self) -> NoReturn:
        """Each failed document on stderr, one line for those with no anchor, and the exit
        status: 1 when a document failed, else 0."""
        for error in self.errors:
            report_error(error)
        if self.unanchored:
            report_warning(unanchored_message(self.unanchored, self.unanchored_ids))
        sys.exit(1 if self.errors else 0)


def unanchored_message(count: int, ids: list[str]) -> str:
    """ "3 documents have no anchor (a, b, c): their relative dates stay unresolved; give
    --manifest or --anchor" """
    names = ", ".join(ids) + (", …" if count > len(ids) else "")
    if count == 1:
        return (f"1 document has no anchor ({names}): its relative dates stay unresolved; "
                "give --manifest or --anchor")
    return (f"{count} documents have no anchor ({names}): their relative dates stay unresolved; "
            "give --manifest or --anchor")


PREFER_HELP = "How bare weekdays and months resolve: " + ", ".join(
    f"{name} ({what})" for name, what in POLICIES.items()) + "."

common_input_options = [
    click.option("--anchor", help="Anchor date for every document (e.g. 2021-11-24, '24 نوفمبر 2021')."),
    click.option("--manifest", type=click.Path(dir_okay=False), help="JSON manifest: file → published date."),
    click.option("--prefer", type=click.Choice(list(get_args(Prefer))), default="news", show_default=True,
                 help=PREFER_HELP),
    click.option("--keep-anchor", is_flag=True,
                 help="Resolve against the given anchor even when the text's own weekdays ('اليوم (الاثنين)', "
                      "'أمس الأحد') say it was written one or two days earlier, or further back (by default the "
                      "anchor is corrected, or its relative dates are left unresolved, and it reports the "
                      "given day)."),
    click.option("--encoding", help="Force the input encoding (default: detect)."),
]


def with_input_options(fn):
    for option in reversed(common_input_options):
        fn = option(fn)
    return fn


class OneLineUsageError(click.UsageError):
    """A usage error (exit 2) told in one line, without the usage text: the option was
    understood, it just does not fit the rest of the command."""

    def show(self, file=None) -> None:
        click.echo(f"Error: {self.format_message()}", err=True, file=file)


def _given_on_command_line(name: str) -> bool:
    context = click.get_current_context(silent=True)
    return context is not None and context.get_parameter_source(name) == ParameterSource.COMMANDLINE


def chosen_options(writer: Writer, fmt: str, output: Output, **given) -> dict:
    """The options `writer` takes, out of those the command has. One the user gave that the
    format does not take (`--bom` with json) is a usage error naming the formats that do,
    from the registry; one left at its default is simply not passed."""
    for name in given:
        if name not in writer.options and _given_on_command_line(name):
            flag = "--" + name.replace("_", "-")
            takers = formats_taking(name, output)
            raise OneLineUsageError(f"{flag} does not apply to --format {fmt}; it applies to --format "
                                    + " and ".join(takers))
    return {name: value for name, value in given.items() if name in writer.options}


def is_folder_target(output: str) -> bool:
    """`-o out/timeml/`: an existing folder, or a path ending with a separator."""
    return output != STDOUT and (os.path.isdir(output) or output.endswith(("/", os.sep)))


def check_output_target(writer: Writer, fmt: str, output: str) -> None:
    """A folder is a target only for the formats that write one file per document."""
    if is_folder_target(output) and writer.to_folder is None:
        raise OneLineUsageError(f"-o {output} is a folder: --format {fmt} writes one file; "
                                "only --format timeml writes a folder of files")


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
           outcome: Outcome) -> Iterator[Union[Tagged, DocumentError]]:
    """Tagger results as the writers read them, each with its document when `pending` holds
    it (see `remember_documents`); failed documents and those with no anchor are noted in
    `outcome`."""
    for result in results:
        document = take_document(pending, result)
        if isinstance(result, DocumentError):
            outcome.errors.append(result)
            yield result
        else:
            if not has_anchor(result):
                outcome.note_unanchored(result.id)
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
