#!/usr/bin/env python3
"""Validate bill JSON files against a schema of Dojo's EPOS Data API spec (OpenAPI 3.1).

An independent check of billrender's output: it uses python-jsonschema (Draft 2020-12, which
OpenAPI 3.1 schemas are) and resolves every $ref inside the spec document itself.

    python3 tools/validate-schema.py [--spec PATH] [--schema OrderBill] FILE...

A file holding a JSON-RPC envelope ({"jsonrpc", "id", "result"|"error"}) is checked by its
`result` (against --schema) or its `error` (against EPOSError). "-" reads standard input.
Exit status: 0 all valid, 1 some file invalid, 2 usage or spec error.
"""
import argparse
import json
import os
import sys

import jsonschema
import referencing
from referencing.jsonschema import DRAFT202012

SPEC_URI = "urn:dojo-epos-data-api"
# tools/spec/… in this repository, whatever the cwd.
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SPEC = os.path.join(REPO, "tools", "spec", "dojo-epos-data-api.json")


def load_validators(spec_path):
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    resource = referencing.Resource.from_contents(spec, default_specification=DRAFT202012)
    registry = referencing.Registry().with_resource(SPEC_URI, resource)

    def validator(name):
        if name not in spec.get("components", {}).get("schemas", {}):
            raise KeyError(f"the spec has no schema named {name!r}")
        schema = {"$ref": f"{SPEC_URI}#/components/schemas/{name}"}
        return jsonschema.Draft202012Validator(
            schema, registry=registry, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )

    return validator


def path_of(error):
    out = ""
    for part in error.absolute_path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(document)"


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", default=DEFAULT_SPEC, help="the OpenAPI document (default ../shared/spec/dojo-epos-data-api.json beside the repository)")
    parser.add_argument("--schema", default="OrderBill", help="the components.schemas entry (default OrderBill)")
    parser.add_argument("files", nargs="+", help="JSON files, or - for standard input")
    args = parser.parse_args(argv)

    try:
        validator = load_validators(args.spec)
        main_validator = validator(args.schema)
        error_validator = validator("EPOSError")
    except (OSError, ValueError, KeyError) as e:
        print(f"validate-schema: {args.spec}: {e}", file=sys.stderr)
        return 2

    failed = 0
    for name in args.files:
        try:
            if name == "-":
                doc = json.load(sys.stdin)
            else:
                with open(name, encoding="utf-8") as f:
                    doc = json.load(f)
        except (OSError, ValueError) as e:
            print(f"{name}: not readable as JSON: {e}")
            failed += 1
            continue
        target, checker, prefix = doc, main_validator, ""
        if isinstance(doc, dict) and "jsonrpc" in doc:
            if "error" in doc:
                target, checker, prefix = doc["error"], error_validator, "error."
            else:
                target, prefix = doc.get("result"), "result."
        errors = sorted(checker.iter_errors(target), key=lambda e: list(e.absolute_path))
        if errors:
            failed += 1
            for e in errors:
                print(f"{name}: {prefix}{path_of(e)}: {e.message}"[:400])
        else:
            print(f"{name}: valid ({args.schema if checker is main_validator else 'EPOSError'})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
