"""Documents to plain dicts and back: the record store's codec.

``document_to_record(doc)`` is lossless: every field of every record, as JSON
types. ``document_from_dict(data)`` reads that form back into an equal
``Document``, and it also reads the record format of ``Document.to_dict()``
(the gold SCHEMA), which leaves some fields out; those get their defaults, so
that ``document_from_dict(doc.to_dict()).to_dict() == doc.to_dict()``.

Decoding is driven by the dataclass field types of ``evalsearch.model``, so a
field added to a record is stored and read back without touching this module.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, Literal, Union

from evalsearch import model
from evalsearch.model import Block, Document, Section

RECORD_FORMAT = 1


def document_to_record(document: Document) -> dict:
    """Every field of the document as JSON types (tuples become lists).

    Args:
        document (Document): the document.
    RETURNS (dict): the lossless form, which ``document_from_dict`` reads back.
    """
    record = dataclasses.asdict(document)
    record["format"] = RECORD_FORMAT
    return record


def document_from_dict(data: dict) -> Document:
    """Rebuild a Document from ``document_to_record`` or ``Document.to_dict()`` output.

    Args:
        data (dict): a lossless record (it has "blocks"), or the SCHEMA record
            format (it has "paragraphs"; headings, captions and table blocks are
            not in it, and sections outside the contents are left out).
    RETURNS (Document): the document.
    """
    if not isinstance(data, dict) or "doc_id" not in data or "source" not in data:
        raise ValueError("not a document record: a dict with 'doc_id' and 'source' is expected")
    if "format" in data:
        return Document(**decode_fields(Document, data))
    # The SCHEMA form: only paragraphs and bullets, only the sections of the contents.
    values = decode_fields(Document, {k: v for k, v in data.items() if k not in ("sections", "blocks")})
    values["sections"] = [_schema_section(s) for s in data.get("sections") or []]
    values["blocks"] = [_paragraph_to_block(p) for p in data.get("paragraphs") or []]
    return Document(**values)


def _paragraph_to_block(item: dict) -> Block:
    return Block(
        role=item.get("kind") or "paragraph",
        text=item.get("text") or "",
        page=int(item.get("page") or 0),
        bbox=(0.0, 0.0, 0.0, 0.0),
        section=item.get("section"),
        section_title=item.get("section_title"),
        label=item.get("label"),
        run_in=item.get("run_in"),
    )


def _schema_section(item: dict) -> Section:
    number = item.get("number")
    level = item.get("level") or (len(str(number).split(".")) if number else 1)
    return Section(number=number, title=item.get("title") or "", page=int(item.get("page") or 0),
                   level=level, in_toc=item.get("in_toc", True))


def decode_fields(cls: type, data: dict) -> dict[str, Any]:
    """The constructor arguments of dataclass ``cls`` found in ``data``, each decoded by its type."""
    hints = _hints(cls)
    return {f.name: decode(hints[f.name], data[f.name]) for f in dataclasses.fields(cls) if f.name in data}


def decode(tp: Any, value: Any) -> Any:
    """Turn a JSON value into the Python value of type ``tp`` (dataclasses, tuples, lists, unions)."""
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if dataclasses.is_dataclass(tp) and isinstance(value, dict):
        return tp(**decode_fields(tp, value))
    if origin in (Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        for option in options:
            if _fits(option, value):
                return decode(option, value)
        return value
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(decode(args[0], v) for v in value)
        return tuple(decode(a, v) for a, v in zip(args, value)) if args else tuple(value)
    if origin is list:
        (arg,) = typing.get_args(tp) or (Any,)
        return [decode(arg, v) for v in value]
    if origin is dict:
        key_tp, value_tp = typing.get_args(tp) or (Any, Any)
        return {k: decode(value_tp, v) for k, v in value.items()}
    return value  # an int in a float field stays an int: the extractor gives 11, not 11.0


def _fits(tp: Any, value: Any) -> bool:
    origin = typing.get_origin(tp)
    if dataclasses.is_dataclass(tp):
        return isinstance(value, dict)
    if origin in (tuple, list):
        return isinstance(value, list | tuple)
    if origin is dict:
        return isinstance(value, dict)
    if origin is Literal:
        return value in typing.get_args(tp)
    if tp is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if isinstance(tp, type):
        return isinstance(value, tp)
    return True


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model))
