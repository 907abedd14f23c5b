"""The freezer: opcode header, qstr pool, frozen modules as C data, reproducibility."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mpforge.errors import MpforgeError
from mpforge.freeze import freeze, freeze_modules, render_opcodes_header
from mpforge.mpy import opcodes as op
from mpforge.mpy.mpyfile import CompiledModule, RawCode
from mpforge.mpy.static_qstrs import STATIC_QSTRS
from test_runtime_gcc import reference_module, runtime_sources

PROGRAM = """\
def add(a, b):
    return a + b

def scale(v):
    def by(k):
        return v * k
    return by(3)

message = "a string too long to be interned as a qstr"
print(add(1, 2), scale(4), message, "short")
"""


@pytest.fixture(scope="module")
def module(tmp_path_factory: pytest.TempPathFactory) -> CompiledModule:
    return reference_module(PROGRAM, tmp_path_factory.mktemp("src"))


def _defines(header: str) -> dict[str, int]:
    return {
        name: int(value, 0)
        for name, value in re.findall(r"#define (\w+) \((0x[0-9a-f]+|\d+)u?\)", header)
    }


def test_opcodes_header_matches_the_table() -> None:
    defines = _defines(render_opcodes_header())
    for opcode in op.BY_NAME.values():
        assert defines[f"MP_BC_{opcode.name}"] == opcode.number
    for rng in op.MULTI_RANGES:
        assert defines[f"MP_BC_{rng.name}"] == rng.base
        assert defines[f"MP_BC_{rng.name}_NUM"] == rng.count
    for i, name in enumerate(op.UNARY_OPS):
        assert defines[f"MP_UNARY_OP_{name}"] == i
    for i, name in enumerate(op.BINARY_OPS):
        assert defines[f"MP_BINARY_OP_{name}"] == i
    assert defines["MP_OBJ_ITER_BUF_NSLOTS"] == op.ITER_BUF_NSLOTS
    assert defines["MP_BC_LOAD_CONST_SMALL_INT_MULTI_EXCESS"] == op.SMALL_INT_MULTI_EXCESS


def test_opcodes_header_formats_agree_with_arg_format() -> None:
    header = render_opcodes_header()
    magic = int(re.search(r"MP_BC_FORMAT\(op\) \(\((0x[0-9a-f]+)u", header).group(1), 16)
    formats = _defines(header)
    for number in range(256):
        fmt = (magic >> (2 * (number >> 4))) & 3
        assert fmt == formats[f"MP_BC_FORMAT_{op.arg_format(number).name}"]
    entries = re.findall(r"X\((\w+), (0x[0-9a-f]+), MP_BC_ARG_(\w+), ([01])\)", header)
    assert len(entries) == len(op.BY_NAME)
    for name, number, kind, extra in entries:
        opcode = op.BY_NAME[name]
        assert (int(number, 16), kind, extra == "1") == (
            opcode.number,
            opcode.arg.name,
            opcode.extra_byte,
        )


def _pool(files: dict[str, str]) -> list[str]:
    row = r'^    \{(\d+), "((?:[^"\\]|\\.)*)"\}, /\* (\d+) \*/$'
    rows = re.findall(row, files["frozen_content.c"], re.M)
    assert [int(i) for _, _, i in rows] == list(range(len(rows)))
    return [text.encode().decode("unicode_escape") for _, text, _ in rows]


def test_static_qstrs_first_then_runtime_then_modules(module: CompiledModule) -> None:
    files = freeze_modules([("main", module)], runtime_sources())
    pool = _pool(files)
    assert pool[1 : len(STATIC_QSTRS) + 1] == list(STATIC_QSTRS)
    header = files["qstrdefs.generated.h"]
    assert re.search(r"\bMP_QSTR___dir__ = 2,", header)
    assert f"MPF_QSTR_N_STATIC ({len(STATIC_QSTRS)})" in header
    # names only the runtime's C uses come next, found by their MP_QSTR_ marker
    assert "function" in pool and pool.index("function") > len(STATIC_QSTRS)
    # every module qstr is in the pool exactly once, and names only the module uses
    # come after every name of the runtime
    for text in module.qstrs:
        assert pool.count(text) == 1 or text == ""
    runtime_pool = _pool(freeze_modules([], runtime_sources()))
    module_only = [t for t in module.qstrs if t not in runtime_pool]
    assert module_only
    assert min(pool.index(t) for t in module_only) >= len(runtime_pool)


def test_module_qstr_table_holds_pool_ids(module: CompiledModule) -> None:
    files = freeze_modules([("main", module)], runtime_sources())
    pool = _pool(files)
    table = re.search(r"mod_main_qstr_table\[\d+\] = \{(.*?)\};", files["frozen_content.c"], re.S)
    ids = [int(i) for i in re.findall(r"^\s+(\d+),", table.group(1), re.M)]
    assert [pool[i] for i in ids] == module.qstrs


def _raw_codes(rc: RawCode) -> list[RawCode]:
    return [rc] + [sub for child in rc.children for sub in _raw_codes(child)]


def test_bytecode_is_emitted_byte_for_byte(module: CompiledModule) -> None:
    text = freeze_modules([("main", module)], runtime_sources())["frozen_content.c"]
    arrays = re.findall(r"static const uint8_t \w+_data\[(\d+)\] = \{(.*?)\n\};", text, re.S)
    emitted = sorted(bytes(int(b, 16) for b in re.findall(r"0x([0-9a-f]{2}),", body))
                     for _, body in arrays)  # fmt: skip
    assert emitted == sorted(rc.fun_data for rc in _raw_codes(module.root))
    for size, body in arrays:
        assert int(size) == len(re.findall(r"0x[0-9a-f]{2},", body))


def test_constant_strings_are_rom_objects(module: CompiledModule) -> None:
    text = freeze_modules([("main", module)], runtime_sources())["frozen_content.c"]
    long_str = "a string too long to be interned as a qstr"
    assert long_str in module.objs
    assert f'static const mpf_str_t mod_main_const_str_0 = {{{{&mpf_type_str}}, {len(long_str)}, "{long_str}"}};' in text  # noqa: E501


def test_freezing_is_reproducible(module: CompiledModule, tmp_path: Path) -> None:
    other = reference_module("print('other')\n", tmp_path, "other.py")
    first = freeze_modules([("main", module), ("other", other)], runtime_sources())
    second = freeze_modules([("main", module), ("other", other)], list(reversed(runtime_sources())))
    assert first == second


def test_statistics_are_returned(module: CompiledModule) -> None:
    result = freeze([("main", module)], runtime_sources())
    (stats,) = result.stats.modules
    assert stats.name == "main"
    assert stats.n_raw_codes == len(_raw_codes(module.root))
    assert stats.bytecode_bytes == sum(len(rc.fun_data) for rc in _raw_codes(module.root))
    assert stats.n_qstrs == len(module.qstrs)
    assert result.stats.n_qstrs == len(_pool(result.files))


@pytest.mark.parametrize(
    ("precision", "literals"),
    [
        ("double", ["0x1.999999999999ap-4", "0x1.8000000000000p+0"]),
        ("single", ["0x1.99999a0000000p-4", "0x1.8000000000000p+0"]),
    ],
)
def test_float_constants_are_rom_objects_of_the_boards_precision(
    tmp_path: Path, precision: str, literals: list[str]
) -> None:
    module = reference_module("x = (0.1, 1.5j, 1e400)\n", tmp_path)
    text = freeze([("main", module)], runtime_sources(), float_impl=precision).files[
        "frozen_content.c"
    ]
    values = re.findall(
        r"static const mpf_(?:float|complex)_obj_t \w+ = \{\{[^}]*\}, ([^;]*)\};", text
    )
    # floats are declared before complex numbers
    assert values == [literals[0], "INFINITY", f"0x0.0p+0, {literals[1]}"]


def test_float_constant_on_a_board_without_floats_is_a_user_error(tmp_path: Path) -> None:
    module = reference_module("x = 1.5\n", tmp_path)
    with pytest.raises(MpforgeError, match="no floats"):
        freeze([("main", module)], runtime_sources(), float_impl="none")


def test_ellipsis_is_the_runtime_rom_object(tmp_path: Path) -> None:
    module = reference_module("x = (1, ...)\n", tmp_path)
    text = freeze_modules([("main", module)], runtime_sources())["frozen_content.c"]
    assert "(mpf_obj_t)&mpf_const_ellipsis_obj" in text


def test_a_module_frozen_twice_is_a_user_error(module: CompiledModule) -> None:
    with pytest.raises(MpforgeError, match="frozen twice"):
        freeze_modules([("main", module), ("main", module)], runtime_sources())
