"""Who is one person: names compared across spellings, transliterations and
scripts (rigour, with communique's skeletons), and the states, offices and
dates that keep two people of one name apart. No database needed."""
import pytest

from communique.kb.meetings import choose_value, places_agree
from communique.kb.people import (
    Candidate,
    Office,
    Profile,
    choose,
    contradiction,
    name_agreement,
    name_keys,
    names_agree,
)

ONE_NAME = [
    ("Sirojiddin Mukhriddin", "Sirojiddin Muhriddin"),  # kh / h
    ("Mukhriddin", "Mukhriddinov"),  # the -ov a name sometimes takes
    ("Muhriddin", "Sirojiddin Mukhriddin"),  # a bare surname
    ("Sergei Lavrov", "Sergey Lavrov"),  # y / i
    ("Сергей Лавров", "Sergei Lavrov"),  # Cyrillic and Latin
    ("Мухриддин", "Sirojiddin Muhriddin"),
    ("Ilham Aliyev", "Ilham Aliev"),  # -yev / -ev
    ("Jeenbek Kulubaev", "Zheenbek Kulubayev"),
    ("Ararat Mirzoyan", "Ararat Mirzoian"),
    ("Kassym-Jomart Tokayev", "Kassym-Jomart Tokaev"),
    ("Vladimira Ivanova", "Vladimira Ivanov"),  # -ov / -ova
    ("Kim Min-seok", "Kim Minseok"),
    ("Kim Min-seok", "Min-seok Kim"),  # order
    ("S. Lavrov", "Sergei Lavrov"),  # an initial
    ("Mohammed bin Salman", "Muhammad bin Salman Al Saud"),
]
TWO_NAMES = [
    ("Kim Min-seok", "Kim Song"),
    ("Sergei Aleinik", "Sergei Lavrov"),
    ("Ilham Aliyev", "Heydar Aliyev"),
    ("Serdar Berdimuhamedov", "Gurbanguly Berdimuhamedov"),
    ("Wang Yi", "Wang Yu"),  # short syllables need the same spelling
    ("Li Qiang", "Lee Qiang"),
    ("Cho Tae-yul", "Cho Hyun"),
    ("Mirzoyan", "Mirziyoyev"),
]


@pytest.mark.parametrize("a,b", ONE_NAME)
def test_one_name_across_spellings(a, b):
    assert name_agreement(a, b) and name_agreement(b, a)
    assert name_keys(a) & name_keys(b)  # the stored one is found by a key they share


@pytest.mark.parametrize("a,b", TWO_NAMES)
def test_different_names(a, b):
    assert not name_agreement(a, b) and not name_agreement(b, a)


def test_full_names_decide_over_bare_surnames():
    assert not names_agree(["Ilham Aliyev", "Aliyev"], ["Heydar Aliyev", "Aliyev"])
    assert names_agree(["Aliyev"], ["Heydar Aliyev", "Aliyev"])


def fm(country, first, last=None, role="foreign_minister", org=None):
    return Office(role, country, org, first, last or first)


def test_states_contradict():
    a = Profile(["Kim Song"], [fm("PRK", "2024-04-02", role="ambassador")])
    b = Profile(["Kim Song"], [fm("KOR", "2024-04-02", role="deputy_foreign_minister")])
    assert "PRK" in contradiction(a, b)


def test_offices_of_one_state_at_one_time_contradict_at_different_times_not():
    foreign = Profile(["Aibek Temirov"], [fm("KGZ", "2024-05-02")])
    defence = Profile(["Aibek Temirov"], [fm("KGZ", "2024-05-02", role="defence_minister")])
    assert contradiction(foreign, defence)
    later = Profile(["Aibek Temirov"], [fm("KGZ", "2027-06-01", role="head_of_state")])
    assert contradiction(foreign, later) is None
    span = Profile(["Aibek Temirov"], [fm("KGZ", "2023-01-10", "2025-02-01")])
    assert contradiction(span, Profile(["Aibek Temirov"], [fm("KGZ", "2024-05", role="head_of_state")]))


def test_heads_of_two_organisations_at_once_contradict():
    cis = Profile(["Sergei Lebedev"], [fm(None, "2023-05-25", role="secretary_general", org="CIS")])
    csto = Profile(["Sergei Lebedev"], [fm(None, "2023-05-25", role="secretary_general", org="CSTO")])
    assert contradiction(cis, csto)


def test_choose_the_one_who_fits():
    lavrov = Candidate(1, Profile(["Sergei Lavrov", "Lavrov"], [fm("RUS", "2024-06-14")]))
    aleinik = Candidate(2, Profile(["Sergei Aleinik"], [fm("BLR", "2024-06-14")]))
    assert choose(Profile(["Sergey Lavrov"], [fm("RUS", "2024-07-01")]), [aleinik, lavrov], set()) is lavrov
    assert choose(Profile(["Sergey Lavrov"]), [aleinik, lavrov], taken={1}) is None  # one report, two people
    assert choose(Profile(["Sergei Lavrov"], [fm("KAZ", "2024-07-01")]), [lavrov], set()) is None


def test_a_bare_surname_joins_only_one_who_fits():
    north = Candidate(1, Profile(["Kim Song"], [fm("PRK", "2024-04-02", role="ambassador")]))
    south = Candidate(2, Profile(["Kim Min-seok"], [fm("KOR", "2024-03-03", role="head_of_government")]))
    assert choose(Profile(["Kim"]), [north, south], set()) is None
    assert choose(Profile(["Kim"], [fm("KOR", "2024-03-04", role="head_of_government")]), [north, south], set()) is south


def test_places():
    assert places_agree("Dushanbe", "TJK", "Dushanbe", None)
    assert places_agree("Belarus", "BLR", "Minsk", "BLR")
    assert not places_agree("Minsk", "BLR", "Moscow", "RUS")
    assert not places_agree("Minsk", "BLR", "Brest", "BLR")
    assert places_agree(None, None, "Minsk", "BLR")


def test_the_value_shown_and_why():
    assert choose_value(["Minsk", "Minsk", "Moscow"]) == ("Minsk", "stated by 2 of 3 sources")
    shown, why = choose_value(["2023-10-12", "2023-10-12", "2023-10", "2023-10-11"],
                              implies=lambda w, v: v.startswith(w), specificity=len)
    assert shown == "2023-10-12" and why == "stated or implied by 3 of 4 sources"
    shown, why = choose_value(["2023-10", "2023-10-12"], implies=lambda w, v: v.startswith(w), specificity=len)
    assert shown == "2023-10-12" and "all 2 sources agree" in why
    assert choose_value([7, 9]) == (7, "stated by 1 of 2 sources, the first stated of those equally supported")
