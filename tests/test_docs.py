"""Every command is documented: help text with an example, a line in the README; every setting in the README."""

from __future__ import annotations

from dataclasses import fields

import pytest
from click.testing import CliRunner

from evalsearch.cli import cli
from evalsearch.extract.settings import ExtractSettings
from evalsearch.index.search import SearchSettings
from paths import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_help_has_an_example(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output, f"`evalsearch {name} --help` shows no example"


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_readme(name):
    assert f"evalsearch {name}" in README


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_has_help(name):
    command = cli.commands[name]
    for param in command.params:
        if param.param_type_name == "option" and param.name != "help":
            assert param.help, f"`evalsearch {name}` option {param.opts[0]} has no help text"


@pytest.mark.parametrize("key", [f.name for f in fields(ExtractSettings)])
def test_extract_setting_is_in_readme(key):
    assert f"`{key}`" in README


@pytest.mark.parametrize("key", [f.name for f in fields(SearchSettings)])
def test_search_setting_is_in_readme(key):
    assert f"| `{key}` |" in README


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_a_task_section_with_output(name):
    tasks = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    block = f"```bash\nevalsearch {name}"
    assert block in tasks, f"docs/cli.md shows no `evalsearch {name}` run"
    after = tasks.split(block, 1)[1]
    assert "```output" in after.split("```bash", 1)[0], f"docs/cli.md shows no output of `evalsearch {name}`"
