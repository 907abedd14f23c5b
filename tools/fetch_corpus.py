"""Fetch the real-world MicroPython corpus: pinned PyPI `micropython-*` packages.

    python3 tools/fetch_corpus.py            # fetch (once) and print where the corpus is
    python3 tools/fetch_corpus.py --resolve NAME==VER ...   # pin new packages (prints lines)

`tests/corpus_packages.txt` pins each package as `name==version file sha256`. The
distributions are downloaded with pip's own HTTP session from PyPI's simple index (JSON
form, PEP 691): `pip download` cannot be used because it insists on building metadata
and fails, after downloading, on the many old sdists that have no setup.py.

The .py files are extracted under ~/.cache/mpforge/corpus/<hash of the list and of the
reference compiler's version>/, each compiled once by the reference mpy-cross (so tests
only run our compiler); `manifest.json` there lists the modules mpy-cross accepts and
those it rejects with its message. A file lock makes concurrent fetches (pytest-xdist
workers) wait for one another instead of downloading twice.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ROOT / "tests" / "corpus_packages.txt"
CACHE = Path(os.environ.get("MPFORGE_CORPUS_CACHE", Path.home() / ".cache" / "mpforge" / "corpus"))
INDEX = "https://pypi.org/simple"
MANIFEST = "manifest.json"
# Files that are packaging for CPython's tooling, not MicroPython code.
SKIP_NAMES = {"setup.py", "sdist_upip.py", "optimize_upip.py"}


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    filename: str
    sha256: str


def read_packages(path: Path = PACKAGES) -> list[Package]:
    packages = []
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        spec, filename, sha256 = line.split()
        name, ver = spec.split("==")
        packages.append(Package(name, ver, filename, sha256))
    return packages


def corpus_dir(path: Path = PACKAGES) -> Path:
    """The cache directory for this package list and this reference compiler."""
    key = hashlib.sha256(path.read_bytes())
    key.update(version("mpy-cross-v6").encode())
    return CACHE / key.hexdigest()[:16]


def _session():  # pip's own client: its proxy, certificate and retry settings
    from pip._internal.network.session import PipSession

    return PipSession(retries=3)


def _index_files(session, name: str) -> list[dict]:
    response = session.get(
        f"{INDEX}/{name}/",
        headers={"Accept": "application/vnd.pypi.simple.v1+json"},
        timeout=60,
    )
    response.raise_for_status()
    return response.json()["files"]


def _download(session, package: Package) -> bytes:
    for entry in _index_files(session, package.name):
        if entry["filename"] == package.filename:
            response = session.get(entry["url"], timeout=120)
            response.raise_for_status()
            data = response.content
            digest = hashlib.sha256(data).hexdigest()
            if digest != package.sha256:
                raise RuntimeError(
                    f"{package.filename}: sha256 {digest} != pinned {package.sha256}"
                )
            return data
    raise RuntimeError(f"{package.name}: {package.filename} is not on the index")


def _members(filename: str, data: bytes) -> list[tuple[str, bytes]]:
    """(path inside the archive, content) of each .py file in a distribution."""
    out = []
    if filename.endswith(".whl") or filename.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                if info.filename.endswith(".py"):
                    out.append((info.filename, archive.read(info)))
    else:
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:
            for member in archive.getmembers():
                if member.isfile() and member.name.endswith(".py"):
                    handle = archive.extractfile(member)
                    assert handle is not None
                    out.append((member.name, handle.read()))
    return out


def _module_path(package: Package, inner: str) -> PurePosixPath | None:
    parts = PurePosixPath(inner).parts
    # An sdist's top folder is `name-version/`; drop it so paths read as the package's.
    if not package.filename.endswith(".whl") and len(parts) > 1:
        parts = parts[1:]
    if not parts or parts[-1] in SKIP_NAMES or any(p in ("..", "") for p in parts):
        return None
    return PurePosixPath(package.name, *parts)


def _reference(src: Path, out: Path, name: str) -> tuple[bool, str]:
    out.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [sys.executable, "-m", "mpy_cross_v6", "-s", name, "-o", str(out), str(src)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.returncode == 0, result.stdout + result.stderr


def _build(dest: Path, packages: list[Package], log=print) -> None:
    session = _session()
    with ThreadPoolExecutor(8) as pool:
        blobs = list(pool.map(lambda p: _download(session, p), packages))
    modules: list[tuple[PurePosixPath, Path]] = []
    for package, blob in zip(packages, blobs, strict=True):
        for inner, content in _members(package.filename, blob):
            rel = _module_path(package, inner)
            if rel is None:
                continue
            path = dest / "src" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            modules.append((rel, path))
    log(f"corpus: {len(packages)} packages, {len(modules)} .py files; compiling with mpy-cross")

    def reference(item: tuple[PurePosixPath, Path]) -> tuple[bool, str]:
        rel, path = item
        return _reference(path, dest / "ref" / rel.with_suffix(".mpy"), path.name)

    with ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        results = list(pool.map(reference, modules))
    accepted = sorted(str(rel) for (rel, _), (ok, _) in zip(modules, results, strict=True) if ok)
    rejected = {
        str(rel): text.strip().splitlines()[-1] if text.strip() else "no message"
        for (rel, _), (ok, text) in zip(modules, results, strict=True)
        if not ok
    }
    manifest = {
        "packages": len(packages),
        "accepted": accepted,
        "rejected": dict(sorted(rejected.items())),
    }
    (dest / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n")


def fetch(packages_file: Path = PACKAGES, log=print) -> Path:
    """The corpus directory, fetched and compiled by mpy-cross first if it is not cached."""
    dest = corpus_dir(packages_file)
    if (dest / MANIFEST).exists():
        return dest
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / f"{dest.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another process may be fetching the same list
        if (dest / MANIFEST).exists():
            return dest
        # Built in a scratch directory and renamed, so a killed fetch leaves no half corpus.
        scratch = Path(tempfile.mkdtemp(prefix=f"{dest.name}-", dir=CACHE))
        try:
            _build(scratch, read_packages(packages_file), log)
            shutil.rmtree(dest, ignore_errors=True)
            scratch.rename(dest)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    return dest


def resolve(specs: list[str]) -> None:
    """Print pinned lines (`name==version file sha256`) for `name==version` specs,
    preferring the sdist (it has the sources as published)."""
    session = _session()

    def one(spec: str) -> str:
        name, ver = spec.split("==")
        files = _index_files(session, name)
        # The index page is the project's own, so only the version part needs matching.
        endings = (f"-{ver}.tar.gz", f"-{ver}.zip", f"-{ver}.tar.bz2")
        wheel_part = f"-{ver.replace('-', '_')}-"
        fitting = [
            f
            for f in files
            if not f.get("yanked")
            and (
                f["filename"].endswith(endings)
                or (f["filename"].endswith(".whl") and wheel_part in f["filename"])
            )
        ]
        if not fitting:
            return f"# {spec}: no file"
        fitting.sort(key=lambda f: (f["filename"].endswith(".whl"), f["filename"]))
        best = fitting[0]
        return f"{spec} {best['filename']} {best['hashes']['sha256']}"

    with ThreadPoolExecutor(8) as pool:
        for line in pool.map(one, specs):
            print(line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resolve", nargs="+", metavar="NAME==VERSION")
    args = parser.parse_args()
    if args.resolve:
        resolve(args.resolve)
        return 0
    dest = fetch()
    manifest = json.loads((dest / MANIFEST).read_text())
    print(
        f"{dest}: {len(manifest['accepted'])} modules accepted by mpy-cross, "
        f"{len(manifest['rejected'])} rejected"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
