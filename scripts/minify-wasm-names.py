#!/usr/bin/env python3
"""Gives a wasm-bindgen bundle's imports, exports and import module short
names, and rewrites its JS glue to use them.

wasm-bindgen names each import after its Rust path and a 16-digit hash
(`__wbg_querySelector_72201b7c62dc196b`), and the glue names each one again
as a key of its imports object: about 200 such names, written twice, which
no compressor can shorten. `wasm-opt --minify-imports-and-exports-and-modules`
renames them in the wasm (`$a`, `Ab`, ...) and prints the mapping; this
script then writes the same names into the glue, before it is minified.

Usage: minify-wasm-names.py WASM_OPT GLUE WASM [wasm-opt feature flags...]

The wasm and the glue are rewritten in place. Anything the mapping and the
glue do not agree on (an import the glue does not define, an old name left
behind) stops it with an error, leaving the build to fail rather than ship
a bundle whose glue cannot instantiate it.
"""

import json
import re
import subprocess
import sys


def import_modules(wasm: bytes) -> set[bytes]:
    """The module names of a wasm binary's imports."""

    def leb(i: int) -> tuple[int, int]:
        value, shift = 0, 0
        while True:
            byte = wasm[i]
            i += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                return value, i

    i, modules = 8, set()
    while i < len(wasm):
        section = wasm[i]
        size, start = leb(i + 1)
        if section == 2:
            count, j = leb(start)
            for _ in range(count):
                length, j = leb(j)
                modules.add(wasm[j : j + length])
                j += length
                length, j = leb(j)
                j += length
                kind = wasm[j]
                j += 1
                if kind == 0:  # function: a type index
                    _, j = leb(j)
                elif kind == 1:  # table: a reference type and limits
                    flags, j = leb(j + 1)
                    _, j = leb(j)
                    if flags & 1:
                        _, j = leb(j)
                elif kind == 2:  # memory: limits
                    flags, j = leb(j)
                    _, j = leb(j)
                    if flags & 1:
                        _, j = leb(j)
                elif kind == 3:  # global: a value type and mutability
                    j += 2
                else:
                    sys.exit(f"minify-wasm-names: import of unknown kind {kind}")
            return modules
        i = start + size
    return modules


def main() -> None:
    wasm_opt, glue_path, wasm_path, *flags = sys.argv[1:]
    before = import_modules(open(wasm_path, "rb").read())
    if len(before) != 1:
        sys.exit(f"minify-wasm-names: expected the glue as the one import module, found {sorted(before)}")
    old_module = before.pop().decode()
    run = subprocess.run(
        [wasm_opt, "--minify-imports-and-exports-and-modules", *flags, wasm_path, "-o", wasm_path],
        check=True,
        capture_output=True,
        text=True,
    )
    mapping = json.loads(run.stdout[run.stdout.index("{") :])
    after = import_modules(open(wasm_path, "rb").read())
    if len(after) != 1:
        sys.exit(f"minify-wasm-names: expected one import module after renaming, found {sorted(after)}")
    new_module = after.pop().decode()

    glue = open(glue_path, encoding="utf-8").read()

    def replace(pattern: str, new: str, what: str, at_least: int) -> None:
        nonlocal glue
        glue, n = re.subn(pattern, new, glue)
        if n < at_least:
            sys.exit(f"minify-wasm-names: {what} is not in {glue_path}")

    # The imports object's key for the module, then each import's key.
    replace(r'"' + re.escape(old_module) + r'"(?=: import0\b)', json.dumps(new_module), f"the module {old_module}", 1)
    for _module, old, new in mapping["imports"]:
        replace(r"(?<![\w$])" + re.escape(old) + r"(?=: function\b)", json.dumps(new), f"the import {old}", 1)
    # Each export the glue calls, reads or passes (some it never uses).
    for old, new in mapping["exports"]:
        replace(r"\bwasm\." + re.escape(old) + r"(?![\w$])", f"wasm[{json.dumps(new)}]", f"the export {old}", 0)
    for _module, old, _new in mapping["imports"]:
        if old in glue:
            sys.exit(f"minify-wasm-names: {old} is still in {glue_path}")
    open(glue_path, "w", encoding="utf-8").write(glue)
    print(f"minify-wasm-names: {len(mapping['imports'])} imports and {len(mapping['exports'])} exports renamed")


if __name__ == "__main__":
    main()
