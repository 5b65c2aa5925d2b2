#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Packaging tests against an INSTALLED kurz (suite 'packaging').

    check-install.py consumers BUILD_ROOT SOURCE_DIR MESON
        `meson install --destdir` into a temporary directory, then builds
        consumer.c and consumer.cpp against the installed tree twice: with
        the flags pkg-config gives for kurz.pc, and with CMake through
        find_package(kurz CONFIG) and CMAKE_PREFIX_PATH. Each program must
        run with the installed libkurz (not the build tree's) and summarize.
        It also checks the installed man pages and that find_package refuses
        a version the package does not provide.
    check-install.py man KURZ_EXE KURZ_H MAN_DIR
        kurz.1 describes every option `kurz --help` lists; kurz.3 names every
        function of kurz.h; groff reads both without a warning.

Only the standard library; the C and C++ compilers, pkg-config and cmake are
found on PATH (cc/c++ unless CC/CXX say otherwise).
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TEXT = ("Der Zug nach Basel fährt heute später ab. "
        "Der Zug nach Basel hat eine Stunde Verspätung, sagt die Bahn. "
        "Morgen fährt der Zug wieder pünktlich.")


def sanitize_flags():
    """-fsanitize=... when the build under test is sanitized (KURZ_TEST_SANITIZE)."""
    san = os.environ.get("KURZ_TEST_SANITIZE", "none")
    return [] if san in ("", "none") else ["-fsanitize=" + san]


def sanitizer_preload():
    """The sanitizer runtimes an uninstrumented python3 must load first."""
    san = os.environ.get("KURZ_TEST_SANITIZE", "none").split(",")
    libs = []
    for name, lib in (("address", "libasan.so"), ("thread", "libtsan.so"), ("leak", "liblsan.so")):
        if name in san:
            cc = shlex.split(os.environ.get("CC", "cc"))
            libs.append(run(cc + ["-print-file-name=" + lib]).stdout.strip())
    return libs


def run(cmd, **kw):
    kw.setdefault("check", True)
    kw.setdefault("stdout", subprocess.PIPE)
    kw.setdefault("stderr", subprocess.STDOUT)
    kw.setdefault("universal_newlines", True)
    try:
        return subprocess.run(cmd, **kw)
    except subprocess.CalledProcessError as e:
        sys.stdout.write("$ %s\n%s" % (" ".join(map(shlex.quote, cmd)), e.stdout or ""))
        raise


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def find(root, name):
    for dirpath, _, filenames in os.walk(root):
        if name in filenames:
            return os.path.join(dirpath, name)
    fail("%s is not installed under %s" % (name, root))


def check_program(exe, destdir, text_file, expected, env=None, static=False):
    out = run([exe, text_file], env=env).stdout
    lines = dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
    lib = os.path.realpath(lines.get("library", ""))
    if static:
        if lib != os.path.realpath(exe):
            fail("%s should hold libkurz itself, but ran it from %s" % (exe, lib))
    elif not lib.startswith(os.path.realpath(destdir) + os.sep):
        fail("%s ran with %s, not the installed libkurz under %s" % (exe, lib, destdir))
    version, number, header = lines["version"].split()
    if int(number) != int(header):
        fail("%s: loaded library %s (%s) but built with header %s" % (exe, version, number, header))
    if lines.get("summary") != expected:
        fail("%s printed %r" % (exe, out))
    print("ok   %s (%s)" % (exe, "libkurz linked in" if static
                             else "library " + os.path.relpath(lib, destdir)))


def consumers(build_root, source_dir, meson):
    tmp = tempfile.mkdtemp(prefix="kurz-packaging-")
    try:
        destdir = os.path.join(tmp, "dest")
        run([meson, "install", "-C", build_root, "--destdir", destdir, "--no-rebuild", "--quiet"])
        pc = find(destdir, "kurz.pc")
        lib = os.path.dirname(os.path.dirname(pc))
        prefix = os.path.dirname(find(destdir, "kurz.h").rstrip(os.sep))
        prefix = os.path.dirname(prefix)  # DESTDIR/PREFIX (kurz.h is in PREFIX/include)
        libdir_rel = os.path.relpath(lib, prefix)
        cmake_dir = os.path.join(lib, "cmake", "kurz")
        for name in ("kurzConfig.cmake", "kurzConfigVersion.cmake"):
            if not os.path.isfile(os.path.join(cmake_dir, name)):
                fail("%s is not installed in %s" % (name, cmake_dir))
        check_man(prefix)
        check_python(destdir, prefix, lib)
        # What the build tree's kurz command picks is what the consumers must print.
        text_file = os.path.join(tmp, "text.txt")
        with open(text_file, "w", encoding="utf-8") as f:
            f.write(TEXT)
        expected = run([os.path.join(build_root, "cli", "kurz"), "-l", "de", "-n", "1", text_file],
                       env=dict(os.environ, LD_LIBRARY_PATH=os.path.join(build_root, "lib"))).stdout.strip()
        if not expected or expected not in TEXT:
            fail("the build's kurz printed %r" % expected)
        # The installed command runs from its prefix with no LD_LIBRARY_PATH
        # (its RUNPATH is relative to itself).
        bare = {k: v for k, v in os.environ.items() if k != "LD_LIBRARY_PATH"}
        if os.path.relpath(prefix, destdir) == "usr":
            # Under /usr (a distribution build) meson sets no RUNPATH: the
            # loader finds the library in its default path once installed.
            bare["LD_LIBRARY_PATH"] = lib
        if run([find(destdir, "kurz"), "-l", "de", "-n", "1", text_file], env=bare).stdout.strip() != expected:
            fail("the installed bin/kurz does not run from its prefix")

        for tool, package in (("pkg-config", "pkg-config"), ("cmake", "cmake"),
                              (os.environ.get("CXX", "c++"), "g++")):
            if shutil.which(shlex.split(tool)[0]) is None:
                fail("%s is not installed (Debian: apt-get install %s)" % (tool, package))

        # pkg-config: the installed kurz.pc, relocated into DESTDIR.
        env = dict(os.environ,
                   PKG_CONFIG_PATH=os.path.dirname(pc),
                   PKG_CONFIG_SYSROOT_DIR=destdir)
        flags = shlex.split(run(["pkg-config", "--cflags", "--libs", "kurz"], env=env).stdout)
        if "-I" + os.path.join(prefix, "include") not in flags:
            fail("pkg-config --cflags gives %r" % flags)
        run_env = dict(os.environ, LD_LIBRARY_PATH=lib)
        for compiler, src in ((os.environ.get("CC", "cc"), "consumer.c"),
                              (os.environ.get("CXX", "c++"), "consumer.cpp")):
            exe = os.path.join(tmp, "pc-" + src.replace(".", "-"))
            run(shlex.split(compiler) + ["-Wall", "-Wextra", "-Werror"] + sanitize_flags()
                + ["-o", exe, os.path.join(HERE, src)] + flags)
            check_program(exe, destdir, text_file, expected, run_env)

        # CMake: find_package(kurz CONFIG) with CMAKE_PREFIX_PATH.
        bdir = os.path.join(tmp, "cmake-build")
        cflags = " ".join(["-Wall", "-Wextra", "-Werror"] + sanitize_flags())
        run(["cmake", "-S", HERE, "-B", bdir, "-DCMAKE_PREFIX_PATH=" + prefix,
             "-DCMAKE_BUILD_TYPE=Release", "-DCMAKE_C_FLAGS=" + cflags,
             "-DCMAKE_CXX_FLAGS=" + cflags])
        run(["cmake", "--build", bdir])
        for name in ("consumer-c", "consumer-cxx"):
            # No LD_LIBRARY_PATH (meson test sets one to the build tree):
            # CMake gives build-tree programs a RUNPATH to the imported
            # library's directory.
            env = {k: v for k, v in os.environ.items() if k != "LD_LIBRARY_PATH"}
            check_program(os.path.join(bdir, name), destdir, text_file, expected, env)
        # A static libkurz, when one is installed (-Ddefault_library=both or
        # static): pkg-config --static and KURZ_USE_STATIC_LIBS.
        if os.path.exists(os.path.join(lib, "libkurz.a")):
            sflags = shlex.split(run(["pkg-config", "--static", "--cflags", "--libs", "kurz"],
                                     env=dict(env, PKG_CONFIG_PATH=os.path.dirname(pc),
                                              PKG_CONFIG_SYSROOT_DIR=destdir)).stdout)
            exe = os.path.join(tmp, "pc-static")
            # -l:libkurz.a: the static archive even though libkurz.so sits beside it
            sflags = ["-l:libkurz.a" if f == "-lkurz" else f for f in sflags]
            run(shlex.split(os.environ.get("CC", "cc")) + sanitize_flags()
                + ["-o", exe, os.path.join(HERE, "consumer.c")] + sflags)
            check_program(exe, destdir, text_file, expected, env, static=True)
            sdir = os.path.join(tmp, "cmake-static")
            run(["cmake", "-S", HERE, "-B", sdir, "-DCMAKE_PREFIX_PATH=" + prefix,
                 "-DKURZ_USE_STATIC_LIBS=ON", "-DCMAKE_C_FLAGS=" + cflags,
                 "-DCMAKE_CXX_FLAGS=" + cflags])
            run(["cmake", "--build", sdir])
            for name in ("consumer-c", "consumer-cxx"):
                check_program(os.path.join(sdir, name), destdir, text_file, expected, env,
                              static=True)
        else:
            print("--   no libkurz.a installed: static consumers not built")
        # A version the package does not provide is refused.
        bad = run(["cmake", "-S", HERE, "-B", os.path.join(tmp, "cmake-bad"),
                   "-DCMAKE_PREFIX_PATH=" + prefix, "-DKURZ_WANT=1.0"], check=False)
        if bad.returncode == 0 or "compatible with requested version" not in " ".join(bad.stdout.split()):
            fail("find_package(kurz 1.0) was not refused:\n" + bad.stdout)
        print("ok   find_package(kurz 1.0) refused; libdir %s" % libdir_rel)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def check_python(destdir, prefix, lib):
    """The Python package lies where the interpreter reads it (for the
    prefixes Debian's python3 reads: /usr and /usr/local) and works."""
    init = [os.path.join(d, "__init__.py") for d, _, f in os.walk(destdir)
            if os.path.basename(d) == "kurz" and "_native.py" in f]
    if not init:
        print("--   no Python package installed (-Dpython=disabled or no python3)")
        return
    site_dir = os.path.dirname(os.path.dirname(init[0]))
    real = "/" + os.path.relpath(site_dir, destdir)
    py = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KURZ_LIBRARY")}
    path = run([py, "-c", "import sys; print('\\n'.join(sys.path))"], env=env).stdout.split("\n")
    real_prefix = "/" + os.path.relpath(prefix, destdir)
    if real_prefix in ("/usr", "/usr/local") and real not in path:
        fail("the Python package went to %s, which %s does not read (%s)" % (real, py, path))
    env.update(PYTHONPATH=site_dir, KURZ_LIBRARY=os.path.join(lib, "libkurz.so.0"))
    preload = sanitizer_preload()
    if preload:
        env.update(LD_PRELOAD=" ".join(preload), ASAN_OPTIONS="detect_leaks=0")
    out = run([py, "-B", "-c", "import kurz; print(kurz.summarize('Eins ist hier. Zwei ist da.', 'de',"
               " sentences=1)[0].text)"], env=env).stdout.strip()
    if out not in ("Eins ist hier.", "Zwei ist da."):
        fail("the installed Python package printed %r" % out)
    print("ok   Python package in %s" % real)


def check_man(prefix):
    mandir = os.path.join(prefix, "share", "man")
    for page in ("man1/kurz.1", "man3/kurz.3", "man3/kurz_summarize.3"):
        if not os.path.isfile(os.path.join(mandir, page)):
            fail("%s is not installed in %s" % (page, mandir))
    if shutil.which("man"):
        out = run(["man", "-M", mandir, "-P", "cat", "3", "kurz_summarize"],
                  env=dict(os.environ, MANWIDTH="80")).stdout
        if "kurz_summarizer_new" not in out or "SYNOPSIS" not in out:
            fail("man kurz_summarize does not show kurz(3):\n" + out[:400])
    print("ok   man pages in %s" % mandir)


def man(kurz_exe, kurz_h, man_dir):
    with open(os.path.join(man_dir, "kurz.1"), encoding="utf-8") as f:
        page1 = re.sub(r"\\f[BIRP]", "", f.read()).replace("\\-", "-")
    with open(os.path.join(man_dir, "kurz.3"), encoding="utf-8") as f:
        page3 = f.read().replace("\\-", "-")
    with open(os.path.join(man_dir, "meson.build"), encoding="utf-8") as f:
        links = re.findall(r"'(kurz_\w+)'", f.read())
    helptext = run([kurz_exe, "--help"]).stdout
    options = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+|-[a-zA-Z])\b", helptext))
    if len(options) < 20:
        fail("found only %d options in kurz --help" % len(options))
    missing = sorted(o for o in options if not re.search(r"(?<![\w-])" + re.escape(o) + r"(?![\w-])", page1))
    if missing:
        fail("kurz.1 does not describe %s (from kurz --help)" % ", ".join(missing))
    with open(kurz_h, encoding="utf-8") as f:
        functions = set(re.findall(r"^KURZ_API\s[^;(]*?\b(kurz_\w+)\s*\(", f.read(), re.M))
    if len(functions) < 15:
        fail("found only %d functions in kurz.h" % len(functions))
    name_section = page3.split(".SH SYNOPSIS")[0]
    missing = sorted(fn for fn in functions if not re.search(r"\b%s\b" % fn, name_section))
    if missing:
        fail("kurz.3 does not name %s" % ", ".join(missing))
    if sorted(links) != sorted(functions):
        fail("docs/man/meson.build links %s, kurz.h has %s" % (sorted(links), sorted(functions)))
    if shutil.which("groff"):
        for page in ("kurz.1", "kurz.3"):
            res = run(["groff", "-man", "-ww", "-z", os.path.join(man_dir, page)])
            if res.stdout.strip():
                fail("groff warns about %s:\n%s" % (page, res.stdout))
    print("ok   %d options of --help in kurz.1, %d functions of kurz.h in kurz.3"
          % (len(options), len(functions)))


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "consumers":
        consumers(*sys.argv[2:])
    elif len(sys.argv) == 5 and sys.argv[1] == "man":
        man(*sys.argv[2:])
    else:
        sys.exit(__doc__)
