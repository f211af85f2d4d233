#!/usr/bin/env python3
"""Installs what Hindsight's builds and tests need, from Debian's packages and the npm registry only.

Usage: python3 scripts/deps.py [native] [web] [e2e] [firefox] [fuzz] [all]

Each step checks first and does nothing when its work is already done, so a second run is fast:
  - Debian packages are installed only when `dpkg-query` says they are missing;
  - third-party sources (scripts/third_party.lock) are unpacked once into third_party/ (git-ignored), after the .dsc
    is checked against the committed sha256 and the upstream tarball against the .dsc;
  - npm packages are installed with `npm ci` from the committed package-lock.json when node_modules is stale.
"""
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
THIRD = os.path.join(ROOT, "third_party")

APT = {
    # libutf8proc-dev: NFC for passphrases in the CLI (native and fuzz builds; never linked into the web app).
    # Noto fonts: native headless runs draw non-Latin text from them (src/platform/native/glyphs_native.cpp).
    "native": ["g++", "cmake", "ninja-build", "catch2", "nlohmann-json3-dev", "libutf8proc-dev", "dpkg-dev", "xz-utils",
               "bzip2", "fonts-noto-core", "fonts-noto-cjk"],
    "web": ["emscripten", "binaryen", "python3-fonttools", "fonts-inter", "fonts-jetbrains-mono",
            "fonts-fork-awesome", "gzip", "librsvg2-bin", "pngquant", "optipng"],
    # Noto: the browser draws every script and emoji on the canvas with the system's fonts (src/ui/glyphs.h), and
    # native headless runs rasterise from them.
    "e2e": ["chromium", "fonts-noto-core", "fonts-noto-cjk", "fonts-noto-color-emoji"],
    # The Firefox smoke suite (tests/e2e-firefox): Firefox ESR, headful under Xvfb (xvfb-run needs xauth) so that it
    # has WebGL 2, which Mesa draws in software (llvmpipe). Firefox loads GL, EGL and libpci (its GPU probe) at run
    # time, so no package depends on them: they are named here.
    "firefox": ["firefox-esr", "xvfb", "xauth", "libgl1", "libglx-mesa0", "libegl1", "libegl-mesa0", "libgl1-mesa-dri",
                "libpci3", "fonts-noto-core", "fonts-noto-cjk", "fonts-noto-color-emoji"],
    "fuzz": ["clang", "libclang-rt-14-dev"],
}
# Every layer that builds the core also needs the Unicode Character Database, from which scripts/gen_unicode.py
# generates the text tables (src/core/text.cpp) and scripts/gen_arabic_forms.py the canvas's Arabic forms.
CORE_APT = ["unicode-data"]
CORE_LAYERS = ("native", "web", "fuzz")
SOURCES_FOR = {"native": ["zlib", "libsodium", "qrencode"], "web": ["imgui", "zlib", "libsodium", "qrencode"]}

_apt_updated = False


def log(msg):
    print(f"[deps] {msg}", flush=True)


def run(cmd, **kw):
    log("$ " + " ".join(cmd))
    subprocess.run(cmd, check=True, **kw)


def apt_update():
    global _apt_updated
    if not _apt_updated:
        run(["apt-get", "update", "-qq"])
        _apt_updated = True


def missing_packages(pkgs):
    out = []
    for p in pkgs:
        r = subprocess.run(["dpkg-query", "-W", "-f=${Status}", p], capture_output=True, text=True)
        if r.returncode != 0 or "install ok installed" not in r.stdout:
            out.append(p)
    return out


def ensure_apt(pkgs):
    miss = missing_packages(pkgs)
    if not miss:
        return
    if os.geteuid() != 0:
        sys.exit(f"[deps] missing Debian packages {' '.join(miss)}; run this script as root (or install them).")
    apt_update()
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *miss], env=env)


def ensure_node():
    # The machine may already have node + npm (any source); otherwise take Debian's.
    if shutil.which("node") and shutil.which("npm"):
        return
    ensure_apt(["nodejs", "npm"])


def ensure_deb_src():
    """Adds deb-src entries mirroring the existing deb entries (same URIs and suites), once."""
    target = "/etc/apt/sources.list.d/hindsight-deb-src.sources"
    if os.path.exists(target):
        return
    stanzas = []
    d = "/etc/apt/sources.list.d"
    files = [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith(".sources")] if os.path.isdir(d) else []
    for path in files:
        with open(path) as fh:
            for block in fh.read().split("\n\n"):
                fields = dict(re.findall(r"^([A-Za-z-]+):\s*(.*)$", block, re.M))
                if "deb" in fields.get("Types", "").split() and "debian" in fields.get("URIs", ""):
                    stanzas.append("\n".join([
                        "Types: deb-src", f"URIs: {fields['URIs']}", f"Suites: {fields.get('Suites', '')}",
                        f"Components: {fields.get('Components', 'main')}",
                    ] + ([f"Signed-By: {fields['Signed-By']}"] if "Signed-By" in fields else [])))
    if os.path.exists("/etc/apt/sources.list"):
        with open("/etc/apt/sources.list") as fh:
            for line in fh:
                m = re.match(r"^deb\s+(\[[^\]]*\]\s+)?(\S*debian\S*)\s+(\S+)\s+(.*)$", line.strip())
                if m:
                    stanzas.append(f"Types: deb-src\nURIs: {m.group(2)}\nSuites: {m.group(3)}\nComponents: {m.group(4)}")
    if not stanzas:
        sys.exit("[deps] found no Debian 'deb' entry to mirror as 'deb-src'; add one for your mirror and retry.")
    with open(target, "w") as fh:
        fh.write("# Added by Hindsight's scripts/deps.py: source packages for third-party C sources.\n")
        fh.write("\n\n".join(stanzas) + "\n")
    global _apt_updated
    _apt_updated = False
    apt_update()


def read_lock():
    entries = {}
    with open(os.path.join(ROOT, "scripts", "third_party.lock")) as fh:
        for line in fh:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, version, folder, sha = line.split()
            entries[name] = (version, folder, sha)
    return entries


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def ensure_source(name, version, folder, dsc_sha):
    dest = os.path.join(THIRD, folder)
    stamp = os.path.join(THIRD, f".{folder}.stamp")
    if os.path.isdir(dest) and os.path.exists(stamp) and open(stamp).read().strip() == dsc_sha:
        return
    dl = os.path.join(THIRD, "downloads")
    os.makedirs(dl, exist_ok=True)
    upstream_version = version.split(":")[-1]
    dsc = os.path.join(dl, f"{name}_{upstream_version}.dsc")
    if not os.path.exists(dsc) or sha256(dsc) != dsc_sha:
        ensure_deb_src()
        # Some mirrors lack one of the Debian files (e.g. a .debian.tar.xz): only the .dsc and the upstream tarball
        # are needed, and both are verified below, so a partial download is acceptable.
        r = subprocess.run(["apt-get", "source", "--download-only", f"{name}={version}"], cwd=dl)
        if r.returncode != 0:
            log(f"apt-get source {name}={version} reported an error; checking what was downloaded")
    if not os.path.exists(dsc):
        sys.exit(f"[deps] could not download {name}_{upstream_version}.dsc; check the deb-src entry and network.")
    got = sha256(dsc)
    if got != dsc_sha:
        sys.exit(f"[deps] {dsc}: sha256 {got} does not match scripts/third_party.lock ({dsc_sha}); refusing it.")
    text = open(dsc).read()
    block = text.split("Checksums-Sha256:")[1].splitlines()[1:]
    orig = None
    for line in block:
        if not line.startswith(" "):
            break  # end of the Checksums-Sha256 field
        parts = line.split()
        if len(parts) == 3 and ".orig.tar." in parts[2]:
            orig = parts
    if not orig:
        sys.exit(f"[deps] {dsc} names no upstream tarball")
    tar_path = os.path.join(dl, orig[2])
    if not os.path.exists(tar_path) or sha256(tar_path) != orig[0]:
        sys.exit(f"[deps] {orig[2]} is missing or does not match the sha256 in {os.path.basename(dsc)}.")
    tmp = dest + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    with tarfile.open(tar_path) as tf:
        for m in tf.getmembers():  # refuse absolute paths and '..' in the archive
            if m.name.startswith("/") or ".." in m.name.split("/"):
                sys.exit(f"[deps] unsafe path in {orig[2]}: {m.name}")
        tf.extractall(tmp)
    tops = os.listdir(tmp)
    src = os.path.join(tmp, tops[0]) if len(tops) == 1 else tmp
    shutil.rmtree(dest, ignore_errors=True)
    shutil.move(src, dest)
    shutil.rmtree(tmp, ignore_errors=True)
    with open(stamp, "w") as fh:
        fh.write(dsc_sha + "\n")
    log(f"unpacked {name} {version} into third_party/{folder}")


def ensure_npm():
    lock = os.path.join(ROOT, "package-lock.json")
    stamp = os.path.join(ROOT, "node_modules", ".hindsight-lock.sha256")
    want = sha256(lock)
    if os.path.exists(stamp) and open(stamp).read().strip() == want:
        return
    ensure_node()
    run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=ROOT)
    with open(stamp, "w") as fh:
        fh.write(want + "\n")


def main(argv):
    want = set(argv or ["all"])
    if "all" in want:
        want = set(APT)
    pkgs = []
    for k in APT:
        if k in want:
            pkgs += [p for p in APT[k] + (CORE_APT if k in CORE_LAYERS else []) if p not in pkgs]
    ensure_apt(pkgs)
    lock = read_lock()
    names = []
    for k in ("native", "web"):
        if k in want:
            names += [n for n in SOURCES_FOR[k] if n not in names]
    for n in names:
        ensure_source(n, *lock[n])
    if want & {"e2e", "firefox", "web"}:  # web: the Closure Compiler and terser run in the build
        ensure_npm()
    log("ok: " + " ".join(sorted(want)))


if __name__ == "__main__":
    main(sys.argv[1:])
