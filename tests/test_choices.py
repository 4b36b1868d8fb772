import pytest

from evalsearch.choices import LISTED, pick
from evalsearch.errors import UsageError

THEMES = ["ledelse og opbakning", "samarbejde med jobcentret", "virksomhedssamarbejde", "forankring"]


@pytest.mark.parametrize(
    "value, name",
    [
        ("forankring", "forankring"),
        ("Ledelse  og OPBAKNING", "ledelse og opbakning"),
        ("ledelse", "ledelse og opbakning"),
        ("jobcentret", "samarbejde med jobcentret"),
    ],
)
def test_a_name_or_a_part_of_one_name_is_taken(value, name):
    assert pick(value, THEMES, "theme") == name


def test_a_part_of_several_names_lists_them():
    with pytest.raises(UsageError) as err:
        pick("samarbejde", THEMES, "theme")
    assert str(err.value) == ("theme 'samarbejde' fits several in the index: samarbejde med jobcentret, "
                              "virksomhedssamarbejde; give more of the name")


def test_without_parts_only_the_whole_name_is_taken():
    with pytest.raises(UsageError, match="no pool year '201' in the index"):
        pick("201", ["2015", "2016"], "pool year", partial=False)


def test_a_misspelt_name_gets_the_nearest_and_the_list():
    with pytest.raises(UsageError) as err:
        pick("forankrng", THEMES, "theme", where="the theme list")
    assert str(err.value) == ("no theme 'forankrng' in the theme list (did you mean 'forankring'?); it holds: "
                              "ledelse og opbakning, samarbejde med jobcentret, virksomhedssamarbejde, forankring")


def test_among_many_names_only_the_nearest_are_named():
    names = [f"rapport-{i:04d}" for i in range(1000)] + ["kompensation-til-flere-2018"]
    with pytest.raises(UsageError) as err:
        pick("kompensation-til-flere-2081", names, "document")
    message = str(err.value)
    assert "(did you mean 'kompensation-til-flere-2018'" in message
    assert "rapport-0000" not in message and len(message) < 300
    with pytest.raises(UsageError) as err:
        pick("zzz", names, "document")
    assert str(err.value).endswith(f"rapport-{LISTED - 1:04d} … (1001 in all)")


def test_no_names_at_all():
    with pytest.raises(UsageError, match="no document 'x' in the index; it holds none"):
        pick("x", [], "document")


def test_a_far_second_is_not_suggested_beside_a_near_first():
    """ "frivilig" suggested 'frivillige og pårørende' or 'kompetenceudvikling' (a weak partial match)."""
    themes = ["frivillige og pårørende", "kompetenceudvikling", "forankring"]
    with pytest.raises(UsageError, match=r"\(did you mean 'frivillige og pårørende'\?\)"):
        pick("frivilig", themes, "theme")
    with pytest.raises(UsageError, match=r"\(did you mean 'rapport-2019' or 'rapport-2018'\?\)"):
        pick("rapport-201", ["rapport-2019", "rapport-2018", "forankring"], "document", partial=False)
