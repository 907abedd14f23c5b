"""What SConstruct does: read the options, load the board, make the environment.

SConstruct calls `main(ARGUMENTS, COMMAND_LINE_TARGETS)`; the port's SConscript then
declares its own sources and images with the builders the tool modules register, and
`common_objects()` for the part every port shares (frozen modules, generated headers,
the runtime).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from ..errors import MpforgeError
from ..freeze.project import project_modules
from .board import ROOT, Board, display_path, load_board
from .toolchain import find_tool

TOOLS_DIR = Path(__file__).resolve().parent / "tools"
OUR_TOOLS = [
    "mpf_quiet",
    "mpf_freeze",
    "mpf_template",
    "mpf_image",
    "mpf_run",
    "mpf_size",
    "mpf_deploy",
]
OPTIONS = {
    "board": "board name, a file boards/NAME.yaml; `all` builds every board",
    "board_dir": "directory holding NAME.yaml for boards outside the tree",
    "variant": "a variant declared in the board's `variants:` (build in build/BOARD-VARIANT)",
    "build_dir": "where to build (default build/BOARD)",
    "sanitize": "1: a host board with AddressSanitizer and UBSan (in build/BOARD-sanitize)",
    "fuzz": "1: the .mpy loader's libFuzzer target, built by clang (build/BOARD-fuzz/fuzz-mpy)",
    "manifest": "manifest.yaml or manifest.py of modules to freeze instead of the board's",
    "lib": "micropython-lib checkout for a manifest.py's require() (default $MPY_LIB_DIR)",
    "module": "frozen module `run` starts instead of main",
    "timeout": "seconds `run` waits before stopping the firmware (default 30)",
    "runtime_dir": "C runtime sources to build with (default runtime/)",
    "cc_wrapper": "ccache or distcc (or another such program): compile through it",
    "cache_dir": "SCons CacheDir shared between builds, checkouts and machines",
    "port": "deploy: serial port (esptool) or mounted UF2 drive",
    "baud": "deploy: esptool's baud rate",
    "dry_run": "deploy: 1 to say what would be done and touch nothing",
    "V": "1 to show full command lines",
}


def _fail(err: MpforgeError) -> None:
    from SCons.Script import Exit

    print(str(err), file=sys.stderr)
    Exit(err.exit_code or 2)


def main(arguments: dict[str, str], targets: list[str]) -> None:
    try:
        envs = _configure(arguments, targets)
    except MpforgeError as err:
        _fail(err)
        return
    from SCons.Script import Default, SConscript

    for env in envs:
        board: Board = env["MPF_BOARD"]
        outputs = SConscript(
            str(ROOT / "ports" / board.port / "SConscript"), exports={"env": env}, must_exist=True
        )
        Default(outputs)
        env.SizeTarget(outputs)


def _boards(arguments: dict[str, str], targets: list[str]) -> list[Board]:
    from .board import board_names

    board_dir = Path(arguments["board_dir"]).absolute() if arguments.get("board_dir") else None
    if board_dir is not None and not board_dir.is_dir():
        raise MpforgeError(f"board_dir={arguments['board_dir']}: no such directory", 2)
    name = arguments.get("board")
    if not name:
        raise MpforgeError(
            "no board given: scons board=NAME, with NAME one of: "
            f"{', '.join(board_names(board_dir))} (or all)",
            2,
        )
    variant = arguments.get("variant", "")
    if name != "all":
        return [load_board(name, board_dir, variant=variant)]
    if variant or "run" in targets:
        raise MpforgeError("board=all builds each board in build/NAME: no variant= or run", 2)
    return [load_board(n, board_dir) for n in board_names(board_dir)]


def _configure(arguments: dict[str, str], targets: list[str]) -> list[Any]:
    from SCons.Script import Decider, SetOption

    unknown = sorted(set(arguments) - set(OPTIONS))
    if unknown:
        known = ", ".join(f"{k}=" for k in OPTIONS)
        raise MpforgeError(f"unknown option {unknown[0]}= (options: {known})", 2)
    boards = _boards(arguments, targets)
    instrument = _instrumentation(arguments, boards)
    verbose = arguments.get("V", "0") not in ("", "0")
    lib = arguments.get("lib")
    runtime_dir = Path(arguments.get("runtime_dir") or ROOT / "runtime").absolute()
    try:
        timeout = float(arguments.get("timeout", "30"))
    except ValueError:
        raise MpforgeError(f"timeout={arguments['timeout']}: expected seconds", 2) from None

    # speed: no tool auto-detection, content signatures only when timestamps moved
    SetOption("implicit_cache", True)
    SetOption("max_drift", 1)
    wrapper = arguments.get("cc_wrapper", "")
    if not any(a.startswith(("-j", "--jobs")) for a in sys.argv[1:]):
        SetOption("num_jobs", _default_jobs(wrapper))
    if arguments.get("cache_dir"):
        from SCons.Script import CacheDir

        cache = Path(arguments["cache_dir"]).absolute()
        try:
            cache.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise MpforgeError(f"cache_dir={arguments['cache_dir']}: {err.strerror}", 2) from None
        CacheDir(str(cache))
    if not verbose:
        SetOption("no_progress", True)
    Decider("MD5-timestamp")

    envs = []
    for board in boards:
        base = Path(arguments["build_dir"]) if arguments.get("build_dir") else None
        if base is None:
            suffix = f"-{instrument}" if instrument else ""
            build_dir = (ROOT / "build" / f"{board.build_name}{suffix}").absolute()
        else:  # board=all: build_dir= holds one directory per board
            build_dir = (base / board.build_name if len(boards) > 1 else base).absolute()
        manifest = Path(arguments.get("manifest") or ROOT / board.get("frozen.manifest")).absolute()
        modules = project_modules(manifest, runtime_dir, Path(lib).absolute() if lib else None)
        env = _board_env(
            board, build_dir, modules, runtime_dir, timeout, verbose, targets, arguments
        )
        if instrument:
            _instrument(env, instrument)
        envs.append(env)
    if len(boards) > 1:
        from SCons.Script import SConsignFile

        # one signature database per SCons run: board=all keeps its own
        base = Path(arguments.get("build_dir") or ROOT / "build").absolute()
        base.mkdir(parents=True, exist_ok=True)
        SConsignFile(str(base / ".sconsign-all"))
    else:
        envs[0].SConsignFile(str(Path(envs[0]["MPF_BUILD"]) / ".sconsign"))
    return envs


def _instrumentation(arguments: dict[str, str], boards: list[Board]) -> str:
    """The instrumented build asked for: "sanitize", "fuzz" or "". Both run on the build
    machine, so only boards whose port is a host program can have them."""
    asked = [k for k in ("fuzz", "sanitize") if arguments.get(k, "0") not in ("", "0")]
    if not asked:
        return ""
    for board in boards:
        if board.get("run.method") != "host":
            raise MpforgeError(
                f"{asked[0]}=1: board {board.name} does not run on the build machine "
                "(only host boards such as unix can be sanitized)",
                2,
            )
    return asked[0]


# Sanitizer flags for compiling and linking. The conservative GC scans the C stack for
# pointers, so locals must stay on that stack: ASan's fake stacks for use-after-return
# detection would hide them, and are compiled out (gcc and clang spell it differently).
SANITIZE_FLAGS = [
    "-fsanitize=address,undefined",
    "-fno-sanitize-recover=all",
    "-fno-omit-frame-pointer",
    "-g",
]
_NO_FAKE_STACK = {"gcc": "--param=asan-use-after-return=0", "clang": "-fsanitize-address-use-after-return=never"}  # fmt: skip


def _instrument(env: Any, kind: str) -> None:
    """Sanitizers on `env`; for `fuzz`, clang and libFuzzer too (MPF_FUZZ tells the port's
    SConscript to link the fuzz target instead of its main)."""
    flags = list(SANITIZE_FLAGS)
    if kind == "fuzz":
        clang = find_tool("clang", env["ENV"]["PATH"])
        env.Replace(CC=clang, LINK=clang, AS=clang, MPF_FUZZ=True)
        flags[0] = "-fsanitize=address,undefined,fuzzer-no-link"
    compiler = "clang" if "clang" in Path(str(env["LINK"])).name else "gcc"
    flags.append(_NO_FAKE_STACK[compiler])
    env.Append(CCFLAGS=flags, LINKFLAGS=flags)


def _default_jobs(wrapper: str) -> int:
    """One job per core; with distcc, as many as its hosts take (`distcc -j`), since
    the compiles run elsewhere."""
    cores = os.cpu_count() or 1
    if Path(wrapper).name != "distcc":
        return cores
    import subprocess

    try:
        out = subprocess.run([wrapper, "-j"], capture_output=True, text=True, timeout=10).stdout
        return max(cores, int(out.strip()))
    except (OSError, ValueError, subprocess.TimeoutExpired):
        return cores * 2


def _board_env(
    board: Board,
    build_dir: Path,
    modules: Any,
    runtime_dir: Path,
    timeout: float,
    verbose: bool,
    targets: list[str],
    arguments: dict[str, str],
) -> Any:
    from SCons.Script import Environment

    path = os.environ.get("PATH", "")
    cc = find_tool(board.get("toolchain.cc"), path)
    wrapper = arguments.get("cc_wrapper", "")
    # only compiles go through the wrapper: ccache caches nothing else, distcc links locally
    compile_cc = f"{find_tool(wrapper, path)} {cc}" if wrapper else cc
    objcopy_name = board.get("toolchain.objcopy")
    objcopy = find_tool(objcopy_name, path) if objcopy_name else ""
    if "run" in targets and board.get("run.method") == "qemu":
        # checked before building, so a missing QEMU is reported at once
        find_tool("qemu-system-arm", path)

    passed = {k: v for k, v in os.environ.items() if k.startswith(("CCACHE_", "DISTCC_"))}
    env = Environment(
        ENV={"PATH": path, "HOME": os.environ.get("HOME", "/"), **passed},
        tools=["gcc", "gnulink", "as"],
        toolpath=[str(TOOLS_DIR)],
        CC=compile_cc,
        LINK=cc,
        AS=cc,
        OBJCOPY=objcopy,
        MPF_VERBOSE=verbose,
        MPF_BOARD=board,
        MPF_BUILD=str(build_dir),
        MPF_MODULES=modules,
        MPF_RUNTIME_DIR=str(runtime_dir),
        MPF_TIMEOUT=timeout,
        MPF_MODULE=arguments.get("module", ""),
        MPF_RUN_METHOD=board.get("run.method", "none"),
        MPF_QEMU_MACHINE=board.get("run.machine", ""),
        MPF_RUNNABLE="run" in targets,
        MPF_DEPLOY_PORT=arguments.get("port", ""),
        MPF_DEPLOY_BAUD=arguments.get("baud", ""),
        MPF_DRY_RUN=arguments.get("dry_run", "0") not in ("", "0"),
    )
    for tool in OUR_TOOLS:
        env.Tool(tool)
    # Paths must not leak into the firmware: two build dirs give identical bytes. Nor
    # into the build signatures ($( $) leaves them out): two checkouts then share
    # CacheDir entries, which is what lets size-diff build a revision's unchanged
    # objects once.
    env.Append(
        CCFLAGS=[
            "-std=c11",
            "-Wall",
            "-Werror",
            "$(",
            f"-ffile-prefix-map={ROOT}/=",
            f"-ffile-prefix-map={build_dir}/=build/",
            f"-ffile-prefix-map={runtime_dir}/=runtime/",
            "$)",
        ],
        CPPPATH=[str(build_dir), str(build_dir / "genhdr"), str(runtime_dir)],
        LIBS=list(board.get("libs", [])),
    )
    env.Append(CCFLAGS=list(board.get("cflags", [])), LINKFLAGS=list(board.get("ldflags", [])))
    if board.get("features.debug"):
        env.Append(CCFLAGS=["-O0", "-g3"], LINKFLAGS=["-g"])
    return env


def common_objects(env: Any) -> list[Any]:
    """Frozen modules, generated headers and the runtime, compiled: what every port links."""
    board: Board = env["MPF_BOARD"]
    build = Path(env["MPF_BUILD"])
    genhdr = build / "genhdr"
    runtime_dir = Path(env["MPF_RUNTIME_DIR"])

    # a .py is compiled, a ready .mpy checked (version, architecture) on its way in
    mpys = [
        env.FrozenMpy(
            str(build / "frozen" / f"{m.name}.mpy"),
            str(m.path),
            MPF_SOURCE_NAME=m.source_name,
            MPF_OPT=m.opt,
        )[0]
        for m in env["MPF_MODULES"]
    ]
    runtime_c = sorted(runtime_dir.glob("*.c"))
    runtime_h = sorted(runtime_dir.glob("*.h"))
    from .tools.mpf_freeze import FREEZER_OUTPUTS

    frozen = env.FrozenContent(
        [str(genhdr / name) for name in FREEZER_OUTPUTS],
        mpys + [str(p) for p in runtime_c + runtime_h],
        MPF_PACKAGES=sorted(m.name for m in env["MPF_MODULES"] if m.is_package),
        MPF_FLOAT=env["MPF_BOARD"].get("features.float", "double"),
    )
    mpy_sources = sorted((ROOT / "py" / "mpforge" / "mpy").glob("*.py"))
    env.OpcodesHeader(
        str(genhdr / "opcodes.h"),
        [str(p) for p in mpy_sources] + [str(ROOT / "templates" / "opcodes.h.j2")],
    )
    env.BoardTemplate(
        str(genhdr / "mpconfigboard.h"),
        str(ROOT / "templates" / "mpconfigboard.h.j2"),
        {"board": board.config, "board_name": board.name, "board_source": display_path(board.path)},
    )
    objects = [env.Object(str(build / "runtime" / f"{src.stem}.o"), str(src)) for src in runtime_c]
    frozen_c = [n for n in frozen if str(n).endswith(".c")]
    objects += [env.Object(str(build / "frozen_content.o"), frozen_c)]
    return objects


def port_objects(env: Any, port_dir: Path, sources: list[str]) -> list[Any]:
    build = Path(env["MPF_BUILD"])
    return [
        env.Object(str(build / "port" / f"{Path(s).stem}.o"), str(port_dir / s)) for s in sources
    ]


LOADER_DIR = ROOT / "ports" / "loader"


def loader_objects(env: Any, console_uart: bool = True) -> list[Any]:
    """The serial loader (mpforge repl/exec/put); `console_uart`: served on the port's
    console UART through its uart_poll/uart_write (ports/loader/loader_uart.c)."""
    build = Path(env["MPF_BUILD"])
    env.Append(CPPPATH=[str(LOADER_DIR)])
    sources = ["mpfloader.c", "loader_uart.c"] if console_uart else ["mpfloader.c"]
    return [env.Object(str(build / "loader" / f"{Path(s).stem}.o"), str(LOADER_DIR / s)) for s in sources]


CORTEXM_DIR = ROOT / "ports" / "cortexm"
# main.c: clocks, console, tick, then a frozen module or the serial loader
CORTEXM_SOURCES = ["main.c", "startup.c", "systick.c", "semihosting.c", "cmdline.c"]


def cortexm_firmware(
    env: Any, port_dir: Path, sources: list[str], extra_objects: list[Any] | None = None
) -> list[Any]:
    """A Cortex-M port's firmware: shared start-up and main, the serial loader on the
    console UART, linker script from the memory map, ELF checked against the board's
    flash and RAM, then the board's images."""
    board: Board = env["MPF_BOARD"]
    build = Path(env["MPF_BUILD"])
    machine = [f"-mcpu={board.get('cpu')}", "-mthumb"]
    fpu = board.get("fpu")
    machine += [f"-mfpu={fpu}", "-mfloat-abi=hard"] if fpu else ["-mfloat-abi=soft"]
    env.Append(CCFLAGS=machine, LINKFLAGS=machine, CPPPATH=[str(port_dir), str(CORTEXM_DIR)])
    ldscript = env.BoardTemplate(
        str(build / "firmware.ld"),
        str(ROOT / "templates" / "cortexm.ld.j2"),
        {"board": board.config},
    )
    # the script's contents are a dependency; its path stays out of the signature
    env.Append(LINKFLAGS=["$(", f"-T{ldscript[0].abspath}", "$)"])
    objects = common_objects(env) + port_objects(env, port_dir, sources)
    objects += [
        env.Object(str(build / "cortexm" / f"{Path(s).stem}.o"), str(CORTEXM_DIR / s))
        for s in CORTEXM_SOURCES
    ]
    objects += loader_objects(env)
    elf = env.Program(str(build / "firmware.elf"), objects + (extra_objects or []))
    env.Depends(elf, ldscript)
    return firmware_images(env, elf)


def object_sources(env: Any, program: Any) -> Any:
    """`<program>.objects.json`: the source file of each object linked into `program`,
    so size reports name sources (the linker map only knows objects)."""
    build = env["MPF_BUILD"]

    def shown(path: str) -> str:
        # generated sources are named from the build directory, the project's own from
        # the project's top, as everywhere else
        for base in (build, str(ROOT)):
            if path.startswith(base + os.sep):
                return os.path.relpath(path, base)
        return path

    mapping = {
        obj.get_abspath(): shown(obj.sources[0].srcnode().get_abspath())
        for obj in program[0].sources
        if obj.sources
    }
    # the linker map names objects relative to where the link ran: the project's top
    text = json.dumps({"root": str(ROOT), "objects": mapping}, sort_keys=True, indent=1) + "\n"
    target = program[0].get_path() + ".objects.json"
    return env.Command(target, env.Value(text), env.Action(_write_value, strfunction=_show_write))


def _show_write(target: Any, source: Any, env: Any) -> str:
    return f"GEN {target[0]}"


def _write_value(target: Any, source: Any, env: Any) -> None:
    Path(str(target[0])).write_text(source[0].get_contents().decode())


def firmware_images(env: Any, elf: Any) -> list[Any]:
    """The size check and the images the board's `outputs` name, from the linked ELF."""
    board: Board = env["MPF_BOARD"]
    build = Path(env["MPF_BUILD"])
    size = env.SizeReport(str(build / "firmware.size.json"), elf)
    outputs = board.get("outputs", ["elf"])
    made = [elf, size, object_sources(env, elf)]
    if "bin" in outputs or "dfu" in outputs or "uf2" in outputs:
        binary = env.RawBinary(str(build / "firmware.bin"), elf)
        env.Depends(binary, size)
        made.append(binary)
        if "dfu" in outputs:
            env["MPF_DFU_ADDRESS"] = board.get("memory.flash.origin")
            env["MPF_USB_ID"] = board.get("deploy.usb_id")
            made.append(env.DfuSe(str(build / "firmware.dfu"), binary))
        if "uf2" in outputs:
            env["MPF_UF2_ADDRESS"] = board.get("memory.flash.origin")
            env["MPF_UF2_FAMILY"] = board.get("family", "").upper()
            made.append(env.Uf2(str(build / "firmware.uf2"), binary))
    if "esp" in outputs:
        made.append(env.EspImage(str(build / "firmware-0x00000.bin"), elf))
    env.RunTarget(made)
    env.DeployTarget(made)
    return made
