"""Size reports: totals as binutils' size(1) counts them, attribution from the linker map,
the `size` target, `mpforge size` (text, --json, --chart) and its user errors."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from buildkit import FROZEN_MAIN, ROOT, build, scons
from mpforge.size.mapfile import parse_map
from mpforge.size.report import KINDS, analyse, component_of


def mpforge(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mpforge", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)  # fmt: skip


@pytest.fixture(scope="module")
def pybv10() -> Path:
    return build("PYBV10", {"main.py": FROZEN_MAIN})


@pytest.fixture(scope="module")
def unix() -> Path:
    return build("unix", {"main.py": FROZEN_MAIN})


def berkeley(tool: str, elf: Path) -> tuple[int, int, int]:
    """text, data, bss from `size` (Berkeley format), the reference for our numbers."""
    out = subprocess.run([tool, str(elf)], capture_output=True, text=True, check=True).stdout
    text, data, bss = out.splitlines()[1].split()[:3]
    return int(text), int(data), int(bss)


@pytest.mark.parametrize(
    ("fixture", "elf_name", "tool"),
    [("pybv10", "firmware.elf", "arm-none-eabi-size"), ("unix", "firmware", "size")],
)
def test_totals_and_breakdowns_match_size(fixture: str, elf_name: str, tool: str,
                                          request: pytest.FixtureRequest) -> None:  # fmt: skip
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} not found: install binutils (tools/setup.sh does)")
    elf = request.getfixturevalue(fixture) / elf_name
    r = analyse(elf)
    assert (r.text, r.data, r.bss) == berkeley(tool, elf)
    assert r.source == "map"
    # components and files each add up to the totals, kind by kind
    for breakdown in (r.components, r.files):
        for i, kind in enumerate(KINDS):
            assert sum(row[kind] for row in breakdown.rows.values()) == (r.text, r.data, r.bss)[i]
    assert {"runtime", "port", "frozen"} <= set(r.components.rows)
    assert r.components.rows["runtime"]["text"] > r.components.rows["port"]["text"]


def test_symbols_are_attributed_to_their_objects(pybv10: Path) -> None:
    r = analyse(pybv10 / "firmware.elf")
    by_name = {s.name: s for s in r.symbols}
    assert by_name["mpf_execute_bytecode"].obj == "runtime/vm.c"
    assert by_name["mpf_execute_bytecode"].kind == "text"
    assert by_name["heap"].kind == "bss"
    assert component_of(by_name["heap"].obj) == "port"
    assert by_name["mpf_qstr_rom"].obj == "genhdr/frozen_content.c"
    # the symbol table's sizes, checked against nm's
    nm = subprocess.run(["arm-none-eabi-nm", "-S", str(pybv10 / "firmware.elf")],
                        capture_output=True, text=True, check=True).stdout  # fmt: skip
    sizes = {}
    for line in nm.splitlines():
        parts = line.split()
        if len(parts) == 4:
            sizes[parts[3]] = int(parts[1], 16)
    assert by_name["mpf_execute_bytecode"].size == sizes["mpf_execute_bytecode"]
    assert r.symbols == sorted(r.symbols, key=lambda s: (-s.size, s.name))


def test_component_of() -> None:
    assert component_of("runtime/vm.o") == "runtime"
    assert component_of("port/main.o") == "port"
    assert component_of("cortexm/startup.o") == "port"
    assert component_of("frozen_content.o") == "frozen"
    assert component_of("libc/string.o") == "libc/libgcc"
    assert component_of("libgcc.a(_udivsi3.o)") == "libc/libgcc"
    assert component_of("/usr/lib/x86_64-linux-gnu/crti.o") == "libc/libgcc"


def test_map_parser_handles_wrapped_names_and_discards() -> None:
    text = """\
Discarded input sections

 .text          0x00000000        0x0 /b/x.o

Linker script and memory map

LOAD /b/x.o

.text           0x08000000      0x130
 *(.text*)
 .text          0x08000000       0x30 /b/x.o
                0x08000000                f
 .text.a_very_long_function_name
                0x08000030      0x100 /usr/lib/libc.a(lib_a-memcpy.o)
                0x08000030                a_very_long_function_name

.data           0x20000000        0x4 load address 0x08000130
 .data          0x20000000        0x4 /b/y.o

/DISCARD/
 *(.ARM.attributes)
 .ARM.attributes 0x00000000      0x10 /b/x.o
"""
    sections = parse_map(text)
    assert [(s.output, s.name, s.address, s.size, s.obj) for s in sections] == [
        (".text", ".text", 0x08000000, 0x30, "/b/x.o"),
        (".text", ".text.a_very_long_function_name", 0x08000030, 0x100,
         "/usr/lib/libc.a(lib_a-memcpy.o)"),
        (".data", ".data", 0x20000000, 4, "/b/y.o"),
    ]  # fmt: skip


def test_scons_size_target(pybv10: Path) -> None:
    manifest = pybv10.parent / "src" / "manifest.yaml"
    result = scons("board=PYBV10", f"build_dir={pybv10}", f"manifest={manifest}", "size")
    assert result.returncode == 0, result.stderr
    text, data, bss = berkeley("arm-none-eabi-size", pybv10 / "firmware.elf")
    assert f"PYBV10: text {text:,}  data {data:,}  bss {bss:,}" in result.stdout
    assert re.search(r"^  flash +[\d,]+ of 1,048,576 bytes", result.stdout, re.M)
    assert "runtime/vm.c" in result.stdout
    largest = analyse(pybv10 / "firmware.elf").symbols[:5]
    assert all(f"\n{s.name}" in result.stdout for s in largest)


def test_cli_json_and_chart(pybv10: Path, tmp_path: Path) -> None:
    chart = tmp_path / "size.svg"
    result = mpforge("size", str(pybv10 / "firmware.elf"), "--board", "PYBV10", "--json",
                     "--chart", str(chart), "--top", "5")  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    text, data, bss = berkeley("arm-none-eabi-size", pybv10 / "firmware.elf")
    assert (report["text"], report["data"], report["bss"]) == (text, data, bss)
    assert report["regions"]["flash"]["size"] == 1024 * 1024
    assert report["regions"]["flash"]["used"] == text + data
    assert len(report["symbols"]) == 5
    assert sum(c["text"] for c in report["components"].values()) == text
    svg = ET.parse(chart).getroot()
    assert svg.tag.endswith("svg")
    labels = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert "flash" in labels and "RAM" in labels and "runtime/vm.c" in labels


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nonexistent.elf"], "nonexistent.elf: no such file"),
        (["pyproject.toml"], "pyproject.toml: not a readable ELF file"),
        (["pyproject.toml", "--board", "NOSUCH"], "NOSUCH"),
    ],
)
def test_cli_errors_are_one_line(args: list[str], message: str) -> None:
    result = mpforge("size", *args)
    assert result.returncode != 0
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
