"""The README's Python quick start prints what the README shows."""
import os
import re
import subprocess
import sys
import unittest

from common import source_path

SCRIPT = "examples/python/quick_start.py"


class ReadmeTest(unittest.TestCase):
    def test_quick_start_output(self):
        with open(source_path("README.md"), encoding="utf-8") as readme:
            shown = re.search(r"<!-- output: %s -->\s*\n```text\n(.*?)```"
                              % re.escape(SCRIPT), readme.read(), re.S)
        self.assertIsNotNone(shown, "the README shows no output of " + SCRIPT)
        # From the repository root, as the README says.
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            os.path.abspath(p)
            for p in env.get("PYTHONPATH", "").split(os.pathsep) if p)
        printed = subprocess.run([sys.executable, SCRIPT],
                                 cwd=source_path(), capture_output=True,
                                 text=True, check=True, env=env).stdout
        self.assertEqual(printed, shown.group(1))


if __name__ == "__main__":
    unittest.main()
