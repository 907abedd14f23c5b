#!/usr/bin/env bash
# Install what mpforge needs on Debian/Ubuntu, as root: compilers, QEMU, dfu-util, and
# the mpforge package itself (editable, with its test dependencies), and the compiler
# built native.
set -euo pipefail
cd "$(dirname "$0")/.."

export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends \
    gcc libc6-dev gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm dfu-util \
    gcc-xtensa-lx106 binutils-xtensa-lx106 ccache distcc \
    clang python3-pip python3-dev valgrind
# libFuzzer (scons fuzz=1) ships with clang's runtime libraries: Debian 12 has them in
# libclang-rt-14-dev, named after clang's major version; older releases in
# libclang-common-N-dev, which clang already pulls in
clang_rt="libclang-rt-$(clang -dumpversion | cut -d. -f1)-dev"
if apt-cache show "$clang_rt" >/dev/null 2>&1; then
    apt-get install -y -q --no-install-recommends "$clang_rt"
fi

# Debian 12's system Python refuses pip installs without this flag (PEP 668); a pyenv
# or venv Python has no EXTERNALLY-MANAGED marker and needs none.
pip_flags=()
if python3 -c 'import os, sys, sysconfig
sys.exit(0 if os.path.exists(os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED")) else 1)'
then
    pip_flags+=(--break-system-packages)
fi
python3 -m pip install -q "${pip_flags[@]}" -e '.[test]'

# the compiler built to C with mypyc (python3-dev has the headers for Debian's Python)
python3 tools/build_native.py
