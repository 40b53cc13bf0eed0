#!/usr/bin/env python3
"""Validates a JSON document against a JSON Schema (draft 4 to 2020-12).

usage: validate_json.py SCHEMA DOCUMENT
Prints "valid" and exits 0, or prints each error with its path and exits 1;
exits 2 when a file cannot be read or the schema itself is invalid.
Uses Debian's python3-jsonschema (installed by scripts/setup).
"""
import json
import sys

import jsonschema


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        with open(sys.argv[1], encoding="utf-8") as f:
            schema = json.load(f)
        with open(sys.argv[2], encoding="utf-8") as f:
            document = json.load(f)
    except (OSError, ValueError) as e:
        print(f"validate_json: {e}", file=sys.stderr)
        return 2
    cls = jsonschema.validators.validator_for(schema)
    try:
        cls.check_schema(schema)
    except jsonschema.exceptions.SchemaError as e:
        print(f"validate_json: invalid schema: {e.message}", file=sys.stderr)
        return 2
    # Formats (uri, uri-reference, date-time) are checked where the installed
    # jsonschema can check them.
    validator = cls(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for e in errors:
        path = "/".join(str(p) for p in e.absolute_path)
        print(f"/{path}: {e.message}")
    if errors:
        return 1
    print("valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
