"""One build step on top of pyproject.toml: the wheel carries the shipped data as package data.

Staff edit rules/, contacts/, schema/ and tests/scenarios/ at the top of the checkout, and a
checkout or an editable install reads them there. A wheel (pip install ., pipx, uv tool) has no
checkout beside it, so this copies them into navigator/data/, where navigator.shipped finds them
with importlib.resources. Kept in step with navigator/shipped.py by tests/test_wheel.py.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).parent
DATA = {"rules": ("rules", "*.yaml"), "contacts": ("contacts", "*.yaml"),
        "schema": ("schema", "*.json"), "scenarios": ("tests/scenarios", "*.yaml"),
        "community": ("community", "*.yaml"), "rules/danger_sentences": ("rules/danger_sentences", "*.yaml"),
        "rules/examples": ("rules/examples", "*.yaml")}


class BuildPyWithData(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the checkout's own folders
        data = Path(self.build_lib, "navigator", "data")
        shutil.rmtree(data, ignore_errors=True)  # a file deleted from rules/ must not linger in build/
        for name, (source, pattern) in DATA.items():
            target = data / name
            self.mkpath(str(target))
            for path in sorted((HERE / source).glob(pattern)):
                self.copy_file(str(path), str(target / path.name))


setup(cmdclass={"build_py": BuildPyWithData})
