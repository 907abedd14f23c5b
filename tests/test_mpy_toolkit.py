""".mpy reader/writer, disassembler and merge, against mpy-cross v1.19 and the Python VM.

Expected values come from references: the files mpy-cross writes (round trip), an
independent decode of the instruction stream written here from bc0.h's bit layout
(for `mpforge dis`), `load_mpy` itself (for the JSON), and running the pieces on the
Python-hosted VM (for merge).
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mpforge.cli import main as cli_main
from mpforge.errors import MpforgeError
from mpforge.mpy import format as fmt
from mpforge.mpy.dis import const_type, dis_json, dis_text, module_info
from mpforge.mpy.merge import merge_modules
from mpforge.mpy.mpyfile import CompiledModule, load_mpy, save_mpy
from mpforge.mpy.prelude import decode_prelude

TESTS = Path(__file__).resolve().parent
CORPUS = TESTS / "mpy_corpus"
ERROR = re.compile(r"^(?P<file>[^:]+): offset (?P<offset>\d+): \S.*$")

# every constant kind, native and viper code: what the test programs do not cover
CONSTANTS = """\
import micropython
@micropython.native
def nat(a, b=2):
    return (a, b, 1.5, 2j, b"bytes", ..., 10**40, -(10**40), (1, ("x", 2.5)))
@micropython.viper
def vip(x: int) -> int:
    return x * 2
print(nat(1), vip(3), "a str constant that is long", b"", 1e100, 1-2j)
"""
ASM = """\
import micropython
@micropython.asm_thumb
def h(r0):
    add(r0, r0, 1)
"""


def mpy_cross(src: Path, out: Path, *flags: str) -> bytes:
    subprocess.run(
        [sys.executable, "-m", "mpy_cross_v6", *flags, str(src), "-o", str(out)],
        check=True,
        capture_output=True,
    )
    return out.read_bytes()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """.mpy files written by mpy-cross v1.19 from the test programs, and native ones."""
    out = tmp_path_factory.mktemp("mpy")
    files: dict[str, bytes] = {}
    programs = sorted(TESTS.glob("basics/*.py")) + sorted(TESTS.glob("compiler_cases/*.py"))
    programs += sorted(TESTS.glob("bigint/*.py"))
    for src in programs:
        files[src.name] = mpy_cross(src, out / f"{src.stem}.mpy")
        files[f"{src.name} -O3"] = mpy_cross(src, out / f"{src.stem}_o3.mpy", "-O3")
    (out / "consts.py").write_text(CONSTANTS)
    (out / "asm.py").write_text(ASM)
    files["consts x64"] = mpy_cross(out / "consts.py", out / "c1.mpy", "-march=x64")
    files["consts bytecode"] = mpy_cross(out / "consts.py", out / "c2.mpy")
    files["consts native"] = mpy_cross(
        out / "consts.py", out / "c3.mpy", "-march=armv7m", "-X", "emit=native"
    )
    files["asm armv7m"] = mpy_cross(out / "asm.py", out / "a.mpy", "-march=armv7m")
    return files


def test_every_file_reads_and_writes_back_byte_identical(corpus: dict[str, bytes]) -> None:
    assert len(corpus) > 40
    for name, data in corpus.items():
        assert save_mpy(load_mpy(data, name)) == data, name


def test_every_constant_kind_is_read(corpus: dict[str, bytes]) -> None:
    kinds = set()
    for name, data in corpus.items():
        for obj in load_mpy(data, name).objs:
            kinds.add(const_type(obj))
    assert {"str", "bytes", "int", "float", "complex", "tuple", "ellipsis"} <= kinds
    module = load_mpy(corpus["consts x64"])
    assert 10**40 in module.objs and -(10**40) in module.objs
    assert {rc.kind for rc in module.raw_codes()} == {
        fmt.CODE_BYTECODE,
        fmt.CODE_NATIVE_PY,
        fmt.CODE_NATIVE_VIPER,
    }
    assert fmt.CODE_NATIVE_ASM in {rc.kind for rc in load_mpy(corpus["asm armv7m"]).raw_codes()}


# -- bad files -----------------------------------------------------------------------


def _check_error(data: bytes, name: str = "bad.mpy") -> None:
    """Either the file loads (and disassembles) or the error is one well-formed line."""
    try:
        module = load_mpy(data, name)
    except MpforgeError as err:
        match = ERROR.match(str(err))
        assert match and match["file"] == name, str(err)
        assert int(match["offset"]) <= len(data)
        return
    dis_text(module_info(module, name))
    save_mpy(module)


def test_truncated_files_say_where(corpus: dict[str, bytes]) -> None:
    data = corpus["functions.py"]
    for n in range(len(data)):
        with pytest.raises(MpforgeError) as err:
            load_mpy(data[:n], "cut.mpy")
        match = ERROR.match(str(err.value))
        assert match and int(match["offset"]) <= n, str(err.value)


def test_wrong_version_names_the_maker_and_the_fix(corpus: dict[str, bytes]) -> None:
    data = bytearray(corpus["functions.py"])
    data[1] = 5
    with pytest.raises(MpforgeError) as err:
        load_mpy(bytes(data), "old.mpy")
    text = str(err.value)
    assert text.startswith("old.mpy: offset 1: .mpy format version 5")
    assert "mpy-cross v1.12 to v1.18" in text and "mpforge compile" in text


def test_native_code_for_another_arch_is_refused(corpus: dict[str, bytes]) -> None:
    data = corpus["consts x64"]
    load_mpy(data, "n.mpy", arch="x64")
    for arch in ("none", "armv7emsp"):
        with pytest.raises(MpforgeError) as err:
            load_mpy(data, "n.mpy", arch=arch)
        assert str(err.value).startswith("n.mpy: offset 2: native code for x64")
        assert "-march=x64" in str(err.value) and "mpforge compile" in str(err.value)


@given(st.integers(min_value=-(2**70), max_value=2**70))
def test_var_ints_decode_to_what_was_encoded(value: int) -> None:
    encoded = fmt.encode_sint(value)
    # the shortest form: no leading byte that only repeats the sign of the next
    if len(encoded) > 1:
        assert (encoded[0], bool(encoded[1] & 0x40)) not in ((0x80, False), (0xFF, True))
    assert fmt.decode_sint(encoded + b"\x00", 0) == (value, len(encoded))
    if value >= 0:
        assert fmt.decode_uint(fmt.encode_uint(value) + b"\x00", 0)[0] == value


def test_regression_corpus() -> None:
    files = sorted(CORPUS.glob("*.mpy"))
    assert files
    for path in files:
        _check_error(path.read_bytes(), path.name)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_fuzz_mutated_real_files(corpus: dict[str, bytes], data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(corpus)))
    raw = bytearray(corpus[name])
    for _ in range(data.draw(st.integers(1, 4))):
        action = data.draw(st.sampled_from(["set", "cut", "insert", "delete"]))
        pos = data.draw(st.integers(0, max(len(raw) - 1, 0)))
        if action == "set" and raw:
            raw[pos] = data.draw(st.integers(0, 255))
        elif action == "cut":
            del raw[pos:]
        elif action == "insert":
            raw[pos:pos] = data.draw(st.binary(min_size=1, max_size=8))
        elif raw:
            del raw[pos]
    _check_error(bytes(raw))


def test_cli_bad_file_is_one_line_and_exit_1(tmp_path: Path, corpus: dict[str, bytes]) -> None:
    bad = tmp_path / "bad.mpy"
    bad.write_bytes(corpus["functions.py"][:20])
    result = subprocess.run(
        [sys.executable, "-m", "mpforge", "dis", str(bad)], capture_output=True, text=True
    )
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and f"{bad}: offset " in result.stderr


# -- dis ---------------------------------------------------------------------------------


def _reference_decode(code: bytes) -> list[tuple[int, int, int | None, int | None]]:
    """(offset, size, arg, extra) per instruction, from bc0.h's layout alone.

    Written independently of mpforge.mpy.opcodes: the format comes from the packed
    magic number per high nibble, the extra byte from its mask, the signed jumps and
    the signed small int from their fixed numbers.
    """
    signed_jumps = {0x40, 0x42, 0x43, 0x44}
    out = []
    ip = 0
    while ip < len(code):
        opcode = code[ip]
        start = ip
        f = (0x000003A4 >> (2 * (opcode >> 4))) & 3
        ip += 1
        arg = None
        extra = None
        if f in (1, 2):
            arg = code[ip] & 0x7F
            if opcode == 0x22 and arg & 0x40:
                arg |= -1 << 7
            while code[ip] & 0x80:
                ip += 1
                arg = arg << 7 | code[ip] & 0x7F
            ip += 1
        elif f == 3:
            if code[ip] & 0x80 == 0:
                arg = code[ip] - (0x40 if opcode in signed_jumps else 0)
                ip += 1
            else:
                arg = (code[ip] & 0x7F | code[ip + 1] << 7) - (
                    0x4000 if opcode in signed_jumps else 0
                )
                ip += 2
            arg += ip
        if opcode & 0x9E == 0:
            extra = code[ip]
            ip += 1
        out.append((start, ip - start, arg, extra))
    return out


def _walk(node: dict) -> list[dict]:
    return [node] + [n for child in node["children"] for n in _walk(child)]


def test_dis_json_agrees_with_load_mpy_and_an_independent_decode(
    corpus: dict[str, bytes],
) -> None:
    for name, data in corpus.items():
        module = load_mpy(data, name)
        doc = json.loads(json.dumps(dis_json(module_info(module, name))))
        assert doc["qstrs"] == module.qstrs
        assert len(doc["constants"]) == len(module.objs)
        nodes = _walk(doc["root"])
        raw_codes = module.raw_codes()
        assert [n["size"] for n in nodes] == [len(rc.fun_data) for rc in raw_codes]
        for node, rc in zip(nodes, raw_codes, strict=True):
            assert node["children"] == [] or len(node["children"]) == len(rc.children)
            if rc.kind != fmt.CODE_BYTECODE:
                continue
            pre = decode_prelude(rc.fun_data)
            assert node["name"] == module.qstrs[pre.name_index]
            assert node["prelude"]["n_state"] == pre.signature.n_state
            code = rc.fun_data[pre.code_offset :]
            got = [(i["offset"], i["size"], i["arg"]) for i in node["instructions"]]
            ref = _reference_decode(code)
            # multi-opcodes carry their operand in the opcode byte; the reference has none
            assert [g[:2] for g in got] == [r[:2] for r in ref], name
            for g, r, ins in zip(got, ref, node["instructions"], strict=True):
                if r[2] is not None:
                    assert g[2] == r[2], (name, ins)
                if 0x10 <= ins["opcode"] < 0x20:
                    assert ins["argrepr"] == module.qstrs[r[2]]
                assert bytes.fromhex(ins["hex"]) == code[r[0] : r[0] + r[1]]


def test_dis_text_lists_every_instruction_and_interleaves_source(
    tmp_path: Path, corpus: dict[str, bytes]
) -> None:
    src = TESTS / "compiler_cases" / "functions.py"
    mpy = tmp_path / "functions.mpy"
    mpy.write_bytes(corpus["functions.py"])
    (tmp_path / "functions.py").write_text(src.read_text())  # found beside the file
    out = io.StringIO()
    sys_stdout = sys.stdout
    sys.stdout = out
    try:
        assert cli_main(["dis", str(mpy)]) == 0
    finally:
        sys.stdout = sys_stdout
    text = out.getvalue()
    info = module_info(load_mpy(mpy.read_bytes()), str(mpy))
    source_lines = src.read_text().splitlines()
    assert text == dis_text(info, source_lines)
    listed = re.findall(r"^  (?:>>|  ) *(\d+)  ((?:[0-9a-f]{2} ?)+) +([A-Z_]+)", text, re.M)
    expected = []
    for rc in _walk(dis_json(info)["root"]):
        expected += [(str(i["offset"]), i["hex"], i["opname"]) for i in rc["instructions"]]
    assert [(o, h.replace(" ", ""), n) for o, h, n in listed] == expected
    # each source line shown is the text of the line the line table gives
    for number, line in re.findall(r"^ +(\d+)\| (.*)$", text, re.M):
        assert source_lines[int(number) - 1].rstrip() == line


# -- merge -------------------------------------------------------------------------------

PIECES = {
    "a.py": "x = 5\nprint('a', x)\n",
    "b.py": "def f(n):\n    return n * x\nprint('b', f(3), 'a long string constant')\n",
    # enough names that shifted qstr indices need two bytes and jumps move
    "c.py": "".join(f"v{i} = {i}\n" for i in range(140))
    + "t = 0\nfor i in range(3):\n    if i > 1:\n        t = t + v139\n"
    + "    else:\n        t = t - 1\n"
    + "print('c', t, v0, 'another long string constant', 1.5)\n",
    "d.py": "print('d', f(2), x, t)\n",
}


def _run(module: CompiledModule) -> tuple[int, str, str]:
    from mpforge.vm import run_module  # the VM is imported only where it is needed

    out, err = io.StringIO(), io.StringIO()
    status = run_module(module, stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_merged_file_runs_like_the_pieces_in_turn(tmp_path: Path) -> None:
    modules = []
    for name, text in PIECES.items():
        (tmp_path / name).write_text(text)
        modules.append(load_mpy(mpy_cross(tmp_path / name, tmp_path / f"{name}.mpy")))
    # the reference: each piece run in turn in one namespace is one program
    whole = tmp_path / "whole.py"
    whole.write_text("".join(PIECES.values()))
    expected = _run(load_mpy(mpy_cross(whole, tmp_path / "whole.mpy")))
    assert expected[0] == 0
    result = tmp_path / "all.mpy"
    args = ["merge", *(str(tmp_path / f"{n}.mpy") for n in PIECES), "-o", str(result)]
    assert cli_main(args) == 0
    merged = load_mpy(result.read_bytes(), "all.mpy")
    assert save_mpy(merged) == result.read_bytes()
    assert _run(merged) == expected
    assert merge_modules(modules) == merged
