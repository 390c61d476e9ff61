"""Make or refresh .venv for `make run` (runtime dependencies only) or `make test` (with the test
tools). A .venv made by a Python that is too old, or whose Python no longer runs (moved, upgraded,
deleted), is removed and made again, saying why. Written for old Pythons too, so that it can say
that the Python is too old instead of failing on syntax."""

import hashlib
import os
import shutil
import subprocess
import sys

NEED = (3, 11, 4)  # tarfile extraction filters; the same as requires-python in pyproject.toml
VENV = ".venv"
BIN = os.path.join(VENV, "Scripts" if os.name == "nt" else "bin")
PYTHON = os.path.join(BIN, "python.exe" if os.name == "nt" else "python")
EXTRAS = {"run": "", "test": "[test]"}


def dotted(version):
    return ".".join(str(n) for n in version)


def why_stale():
    """Why the existing .venv cannot be used, or None when it can (or there is none)."""
    if not os.path.isdir(VENV):
        return None
    if not os.path.exists(PYTHON):
        return "it has no Python in it"
    try:
        out = subprocess.check_output([PYTHON, "-c", "import sys; print(*sys.version_info[:3])"],
                                      stderr=subprocess.DEVNULL)
    except (OSError, subprocess.CalledProcessError):
        return "its Python no longer runs (was the Python it was made with moved or removed?)"
    made_with = tuple(int(n) for n in out.split())
    if made_with < NEED:
        return "it was made with Python %s; navigator needs %s or newer" % (dotted(made_with), dotted(NEED))
    return None


def wanted(kind):
    """What the stamp must say for the installed packages to be current."""
    with open("pyproject.toml", "rb") as f:
        return "%s %s\n" % (kind, hashlib.sha256(f.read()).hexdigest())


def stamp(kind):
    return os.path.join(VENV, ".installed-" + kind)


def current(kind):
    kinds = ("run", "test") if kind == "run" else ("test",)  # the test set includes the runtime one
    for k in kinds:
        try:
            with open(stamp(k)) as f:
                if f.read() == wanted(k):
                    return True
        except OSError:
            pass
    return False


def main(kind):
    if sys.version_info < NEED:
        print("navigator needs Python %s or newer, but %s is %s. Install a newer Python and run "
              "make again (or: make %s PYTHON=python3.12)." % (dotted(NEED), sys.executable,
                                                               dotted(sys.version_info[:3]), kind))
        return 1
    reason = why_stale()
    if reason:
        print("make: removing .venv and making it again: %s." % reason)
        shutil.rmtree(VENV)
    if not os.path.isdir(VENV):
        print("make: creating .venv with Python %s (first time only)" % dotted(sys.version_info[:3]))
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
        subprocess.check_call([PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    if not current(kind):
        print("make: installing %s into .venv" % ("navigator and the test tools" if kind == "test" else "navigator"))
        for k in EXTRAS:  # whatever was installed before no longer matches pyproject.toml
            if os.path.exists(stamp(k)):
                os.remove(stamp(k))
        # setuptools warns every editable install about folders named like the package: not news here
        quiet = dict(os.environ, PYTHONWARNINGS="ignore")
        subprocess.check_call([PYTHON, "-m", "pip", "install", "--quiet", "-e", "." + EXTRAS[kind]], env=quiet)
        with open(stamp(kind), "w") as f:
            f.write(wanted(kind))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "run"))
    except subprocess.CalledProcessError as exc:
        print("make: setting up .venv failed (%s); see the lines above." % exc)
        sys.exit(1)
