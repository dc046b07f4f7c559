"""Stage 6: the meetings a report says took place."""
from __future__ import annotations

import pytest

from conftest import find_participant, meetings_of, only_meeting, participant_names

SESSION = """\
CSTO foreign ministers gather in Yerevan
YEREVAN, 14.06.2022 (Armenpress) – Yesterday, a session of the Council of Foreign Ministers of the Collective Security Treaty Organization took place in Yerevan under the chairmanship of the Minister of Foreign Affairs of Armenia Ararat Mirzoyan.
The session was held in narrow and expanded formats. It was attended by the foreign ministers of Belarus Vladimir Makei, Kazakhstan Mukhtar Tileuberdi, Kyrgyzstan Ruslan Kazakbaev, Russia Sergei Lavrov and Tajikistan Sirojiddin Mukhriddin, as well as CSTO Secretary General Stanislav Zas.
After the session, the officials were received by President of Armenia Vahagn Khachaturyan.
"""

SESSION_MINISTERS = {"Ararat Mirzoyan", "Vladimir Makei", "Mukhtar Tileuberdi", "Ruslan Kazakbaev", "Sergei Lavrov",
                     "Sirojiddin Mukhriddin"}


@pytest.fixture(scope="module")
def session_record(extract):
    return extract(SESSION)


def test_session_org_body_date_place(session_record):
    session = only_meeting(session_record, "session")
    assert session.org is not None and session.org.name == "CSTO"
    assert session.org.full_name == "Collective Security Treaty Organization"
    assert session.body is not None and session.body.name == "Council of Foreign Ministers"
    # "Yesterday" against the dateline's 14 June
    assert session.date == "2022-06-13"
    assert [e.text for e in session.date_evidence] == ["Yesterday"]
    assert session.location is not None
    assert (session.location.name, session.location.country) == ("Yerevan", "ARM")
    assert [e.text for e in session.location.evidence] == ["Yerevan"]


def test_session_body_evidence_names_the_body(session_record):
    session = only_meeting(session_record, "session")
    assert session.body.evidence
    for e in session.body.evidence:
        assert SESSION[e.start:e.end] == e.text
    assert any("Council of Foreign Ministers" in e.text for e in session.body.evidence)


def test_session_chair_formats_participants(session_record):
    session = only_meeting(session_record, "session")
    assert session.chair == "Ararat Mirzoyan"
    chair = next(p for p in session_record.people if p.id == session.chair_person)
    assert chair.name == "Ararat Mirzoyan"
    assert session.formats == ["expanded", "narrow"]
    assert participant_names(session) == SESSION_MINISTERS | {"Stanislav Zas"}
    for name in SESSION_MINISTERS:
        assert find_participant(session, name).role == "foreign_minister"
    assert {find_participant(session, n).country for n in SESSION_MINISTERS} == {"ARM", "BLR", "KAZ", "KGZ", "RUS",
                                                                                 "TJK"}
    zas = find_participant(session, "Zas")
    assert (zas.role, zas.country, zas.org) == ("secretary_general", None, "CSTO")
    # the president who received them afterwards did not sit in the session
    assert "Vahagn Khachaturyan" not in participant_names(session)


def test_reception_of_the_officials_takes_in_the_session_attendees(session_record):
    reception = only_meeting(session_record, "reception")
    assert reception.chair == "Vahagn Khachaturyan"
    names = participant_names(reception)
    assert names == SESSION_MINISTERS | {"Stanislav Zas", "Vahagn Khachaturyan"}
    president = find_participant(reception, "Khachaturyan")
    assert (president.role, president.country) == ("head_of_state", "ARM")
    assert [e.text for e in reception.evidence] == ["were received by"]
    assert reception.date == "2022-06-13"
    assert reception.location is not None and reception.location.name == "Yerevan"


def test_reception_people_carry_their_own_evidence(session_record):
    reception = only_meeting(session_record, "reception")
    for p in reception.participants:
        assert p.evidence
        for e in p.evidence:
            assert SESSION[e.start:e.end] == e.text


@pytest.mark.parametrize("text", [
    pytest.param("TASHKENT, 20.05.2021 (UzA) - Uzbek Foreign Minister Abdulaziz Kamilov will hold talks with his "
                 "Turkmen counterpart Rashid Meredov next week.", id="will-hold-talks-next-week"),
    pytest.param("TASHKENT, 20.05.2021 (UzA) - The foreign ministers of Uzbekistan Abdulaziz Kamilov and "
                 "Turkmenistan Rashid Meredov are scheduled to meet in Ashgabat in June.", id="scheduled-to-meet"),
    pytest.param("TASHKENT, 20.05.2021 (UzA) - Uzbek Foreign Minister Abdulaziz Kamilov said that the talks are "
                 "scheduled to take place in Ashgabat with Turkmen Foreign Minister Rashid Meredov.",
                 id="talks-are-scheduled"),
    pytest.param("TASHKENT, 20.05.2021 (UzA) - Uzbek Foreign Minister Abdulaziz Kamilov aims to hold consultations "
                 "in Ashgabat with Turkmen Foreign Minister Rashid Meredov.", id="aims-to-hold"),
])
def test_future_meeting_is_not_extracted(extract, text):
    record = extract(text)
    assert record.meetings == []
    # the people are still read
    assert {p.name for p in record.people} == {"Abdulaziz Kamilov", "Rashid Meredov"}


def test_future_meeting_with_a_long_subject_is_not_extracted(extract):
    record = extract("TASHKENT, 20.05.2021 (UzA) - Talks between Uzbek Foreign Minister Abdulaziz Kamilov and "
                     "Turkmen Foreign Minister Rashid Meredov are scheduled to take place in Ashgabat in June.")
    assert record.meetings == []


BILATERAL = ("BISHKEK, 12.03.2019 (Kabar) - Kazakh Foreign Minister Beibut Atamkulov held talks with his Kyrgyz "
             "counterpart Chingiz Aidarbekov in Osh on Saturday.\n"
             "The ministers discussed border crossings and water management.\n")


def test_bilateral_talks(extract):
    record = extract(BILATERAL)
    talks = only_meeting(record)
    assert talks.kind == "talks"
    assert participant_names(talks) == {"Beibut Atamkulov", "Chingiz Aidarbekov"}
    assert {(p.role, p.country) for p in talks.participants} == {("foreign_minister", "KAZ"),
                                                                  ("foreign_minister", "KGZ")}
    assert talks.location is not None
    assert (talks.location.name, talks.location.country) == ("Osh", "KGZ")
    assert [e.text for e in talks.evidence][0] == "held talks"
    assert talks.org is None and talks.body is None


def test_bilateral_talks_date_is_the_day_stated(extract):
    record = extract(BILATERAL)
    talks = only_meeting(record)
    # 12 March 2019 was a Tuesday: "on Saturday" is 9 March
    assert talks.date == "2019-03-09"
    assert [e.text for e in talks.date_evidence] == ["on Saturday"]


def test_session_held_yesterday_at_end_of_sentence(extract):
    record = extract("BAKU, 20.05.2021 (AZERTAC) - A meeting of the Council of Foreign Ministers of the "
                     "Organization of Islamic Cooperation was held in Baku yesterday.\nThe meeting was attended by "
                     "the foreign ministers of Azerbaijan Jeyhun Bayramov, Turkey Mevlut Cavusoglu and Pakistan Shah "
                     "Mahmood Qureshi.")
    session = only_meeting(record, "session")
    assert session.date == "2021-05-19"


def test_talks_date_stated_before_the_trigger(extract):
    record = extract("BISHKEK, 12.03.2019 (Kabar) - On Saturday, Kazakh Foreign Minister Beibut Atamkulov held "
                     "talks in Osh with his Kyrgyz counterpart Chingiz Aidarbekov.")
    talks = only_meeting(record, "talks")
    assert talks.date == "2019-03-09"
    assert [e.text for e in talks.date_evidence] == ["On Saturday"]


def test_trilateral_after_bilateral_gives_two_meetings(extract):
    record = extract(
        "ASTANA, 15.10.2022 (Kazinform) - Kazakh Foreign Minister Mukhtar Tileuberdi held talks with his Uzbek "
        "counterpart Vladimir Norov in Samarkand on Saturday.\n"
        "The two ministers discussed transport corridors and water management.\n"
        "Later, Tileuberdi, Norov and Turkmen Foreign Minister Rashid Meredov held a trilateral meeting.\n")
    talks = meetings_of(record, "talks")
    assert len(talks) == 2
    bilateral, trilateral = talks
    assert participant_names(bilateral) == {"Mukhtar Tileuberdi", "Vladimir Norov"}
    assert participant_names(trilateral) == {"Mukhtar Tileuberdi", "Vladimir Norov", "Rashid Meredov"}
    assert [e.text for e in trilateral.evidence] == ["trilateral meeting"]
    assert trilateral.location is not None and trilateral.location.name == "Samarkand"


def test_telephone_conversation_is_a_call_without_location(extract):
    record = extract("TASHKENT, 20.05.2021 (UzA) - Uzbek Foreign Minister Abdulaziz Kamilov had a telephone "
                     "conversation with Russian Foreign Minister Sergey Lavrov on Tuesday.\n"
                     "The ministers discussed preparations for the summit.\n")
    call = only_meeting(record)
    assert call.kind == "call"
    assert call.location is None
    assert participant_names(call) == {"Abdulaziz Kamilov", "Sergey Lavrov"}
    assert [e.text for e in call.evidence] == ["telephone conversation"]


def test_phone_call_with_date_before_the_dateline_is_resolved(extract):
    record = extract("TASHKENT, 20.05.2021 (UzA) - Uzbek Foreign Minister Abdulaziz Kamilov and Turkmen Foreign "
                     "Minister Rashid Meredov had a phone call on Tuesday.")
    call = only_meeting(record, "call")
    assert call.date == "2021-05-18"
    assert call.location is None


def test_meeting_named_only_as_a_modifier_is_not_a_meeting(extract):
    record = extract("MINSK, 20.05.2021 (BelTA) - Belarusian Foreign Minister Vladimir Makei discussed the "
                     "implementation of the decisions of the session of the Collective Security Council with CSTO "
                     "Secretary General Stanislav Zas.")
    assert record.meetings == []
    assert {p.name for p in record.people} == {"Vladimir Makei", "Stanislav Zas"}


def test_person_who_sent_a_video_address_did_not_attend(extract):
    record = extract(
        "BAKU, 20.05.2021 (AZERTAC) - Yesterday, a meeting of the Council of Foreign Ministers of the Organization "
        "of Islamic Cooperation was held in Baku.\n"
        "The meeting was attended by the foreign ministers of Azerbaijan Jeyhun Bayramov, Turkey Mevlut Cavusoglu "
        "and Pakistan Shah Mahmood Qureshi.\n"
        "OIC Secretary General Yousef Al-Othaimeen sent a video address to the participants.\n")
    session = only_meeting(record, "session")
    assert session.org is not None and session.org.name == "OIC"
    assert session.body is not None and session.body.name == "Council of Foreign Ministers"
    assert session.date == "2021-05-19"
    assert participant_names(session) == {"Jeyhun Bayramov", "Mevlut Cavusoglu", "Shah Mahmood Qureshi"}
    # he is still a person of the report, with his role
    person = next(p for p in record.people if p.name == "Yousef Al-Othaimeen")
    assert {(r.role, r.org) for r in person.roles} == {("secretary_general", "OIC")}


def test_president_receiving_a_minister_is_a_reception(extract):
    record = extract("ASHGABAT, 20.05.2021 (TDH) - President of Turkmenistan Gurbanguly Berdimuhamedov received "
                     "Iranian Foreign Minister Mohammad Javad Zarif in Ashgabat on Wednesday.")
    reception = only_meeting(record)
    assert reception.kind == "reception"
    assert reception.chair == "Gurbanguly Berdimuhamedov"
    assert participant_names(reception) == {"Gurbanguly Berdimuhamedov", "Mohammad Javad Zarif"}
    assert reception.date == "2021-05-19"


def test_headline_restating_bilateral_talks_is_one_meeting(extract):
    record = extract("Turkish, Azerbaijani foreign ministers meet in Ankara\n"
                     "ANKARA, 20.05.2021 (Anadolu) - Turkish Foreign Minister Mevlut Cavusoglu held talks with his "
                     "Azerbaijani counterpart Jeyhun Bayramov in Ankara on Wednesday.\n")
    talks = only_meeting(record)
    assert talks.kind == "talks"
    assert talks.body is None


def test_report_without_a_meeting(extract):
    record = extract("MOSCOW, 11.04.2022 (TASS) - The Russian Foreign Ministry issued a statement on the "
                     "situation at the border.")
    assert record.meetings == []


RECALLED = """\
ASTANA, 10 April 2024 (Kazinform) - Foreign Minister of Kazakhstan Arman Zhakenov held talks today with Foreign Minister of Mongolia Batbold Tserendorj, who arrived in Astana on an official visit.
The ministers reviewed how the agreements reached at the talks between the two presidents in Ulaanbaatar in August 2023 were being carried out.
Following the talks, a Programme of Cooperation between the two foreign ministries for 2024-2026 was signed.
On the same day, President of Kazakhstan Nurlan Abenov received the Mongolian minister.
The two ministers agreed to meet again at the Astana forum on 28 May.
"""


def test_a_recalled_meeting_lends_nothing_to_the_news(extract):
    record = extract(RECALLED)
    talks = {m.date: m for m in meetings_of(record, "talks")}
    assert set(talks) == {"2024-04-10", "2023-08"}
    # "Following the talks" is about today's talks, not the presidents' talks of 2023
    assert [a.kind for a in talks["2024-04-10"].adopted] == ["programme"]
    assert talks["2023-08"].adopted == []
    # "On the same day": today, not August 2023, nor the forum to come in May
    reception = only_meeting(record, "reception")
    assert reception.date == "2024-04-10"
    assert reception.location.name == "Astana"


BODY_RECALLED = """\
OTTAWA, 12 June 2025 (CP) - The foreign ministers of the Quad met in Ottawa on Wednesday and issued a joint statement on maritime security.
The meeting was attended by Canadian Foreign Minister Anita Marsh, Japanese Foreign Minister Kenji Morita and Indian External Affairs Minister Ravi Menon.
The Quad foreign ministers previously met in New York in September last year.
They welcomed the progress made since the adoption of the Indo-Pacific Charter at the 3rd Quad Summit in Sydney in March 2023.
"""


def test_a_group_recalling_its_last_session_tells_an_earlier_session_of_the_body(extract):
    sessions = {m.date: m for m in meetings_of(extract(BODY_RECALLED), "session")}
    # the charter adopted at the 2023 summit names where a document came from: no meeting of its own
    assert set(sessions) == {"2025-06-11", "2024-09"}
    earlier = sessions["2024-09"]
    assert earlier.org.name == "Quad" and earlier.body.name == sessions["2025-06-11"].body.name
    assert earlier.location.name == "New York"
    # "the Quad foreign ministers" names who holds the office now, not who sat in New York then
    assert earlier.participants == []
    assert participant_names(sessions["2025-06-11"]) == {"Anita Marsh", "Kenji Morita", "Ravi Menon"}


def test_an_agreement_reached_by_named_leaders_at_their_talks_tells_of_the_talks(extract):
    record = extract("ASTANA, 14 March 2024 (Kazinform) - Foreign Minister Aibek Sarsenov held talks with "
                     "Kyrgyz Foreign Minister Temir Osmonov. They discussed the agreements reached by President "
                     "Dauren Kassenov and President Almaz Japarov at their talks in Bishkek in October 2023.\n")
    talks = {m.date: m for m in meetings_of(record, "talks")}
    assert set(talks) == {"2024-03-14", "2023-10"}
    assert participant_names(talks["2023-10"]) == {"Dauren Kassenov", "Almaz Japarov"}


SEPARATE = """\
RIGA, March 3 (LETA) - On the sidelines of the Baltic Council of Ministers, Latvian Foreign Minister Ilze Berzina had separate bilateral meetings with Estonian Foreign Minister Kaarel Tamm and Lithuanian Foreign Minister Jonas Petraitis.
During the talks, they discussed energy links and the security of the region, and Berzina conveyed greetings from President Edgars Rinkevics to both ministers.
"""


def test_separate_meetings_with_two_partners_are_two_meetings(extract):
    record = extract(SEPARATE)
    pairs = sorted(sorted(participant_names(m)) for m in meetings_of(record, "talks"))
    assert pairs == [["Ilze Berzina", "Jonas Petraitis"], ["Ilze Berzina", "Kaarel Tamm"]]


def test_the_sender_of_greetings_is_not_in_the_meeting(extract):
    record = extract(SEPARATE)
    for m in record.meetings:
        assert "Edgars Rinkevics" not in participant_names(m)


def test_people_met_in_a_body_are_the_bodys_session(extract):
    record = extract(
        "BRUSSELS, June 12 (BNS) - NATO defence ministers met in Brussels on Thursday, with Secretary-General "
        "Mark Rutte in the chair. Later in the day, the allies met Georgian Defence Minister Irakli Chikovani in "
        "the NATO-Russia Council, also chaired by Rutte. The council issued a statement on regional security.\n")
    council = next(m for m in record.meetings if m.body and m.body.name == "NATO-Russia Council")
    assert council.kind == "session"
    assert "Irakli Chikovani" in participant_names(council)
    assert [a.kind for a in council.adopted] == ["statement"]


BOYCOTT = """\
VALLETTA, Dec 5 (AFP) - Russian Foreign Minister Sergei Lavrov on Thursday attended the OSCE Ministerial Council in Valletta.
The meeting opened on Thursday under the chairmanship of Malta's Foreign Minister Ian Borg.
Polish Foreign Minister Radoslaw Sikorski boycotted the meeting in protest at Lavrov's presence.
"""


def test_the_one_who_boycotts_is_absent_not_the_one_protested_against(extract):
    session = only_meeting(extract(BOYCOTT), "session")
    names = participant_names(session)
    assert "Sergei Lavrov" in names
    assert "Radoslaw Sikorski" not in names


def test_a_chair_named_after_an_opening_without_one(extract):
    session = only_meeting(extract(BOYCOTT), "session")
    assert session.chair == "Ian Borg"


@pytest.mark.parametrize("chairmanship", [
    "under the Chairmanship of H.E. Kofi Mensah, President of the Republic of Ghana",  # "H.E." ends no clause
    "under the chairmanship of Kofi Mensah, President of Ghana",  # "of" before the name: no portfolio
])
def test_the_chair_named_under_a_chairmanship_with_his_title_after(extract, chairmanship):
    summit = only_meeting(extract(f"ACCRA, 7 July 2024 - The ECOWAS summit was held in Accra {chairmanship}.\n"),
                          "summit")
    assert summit.chair == "Kofi Mensah"
    assert [(p.name, p.role, p.country) for p in summit.participants] == [("Kofi Mensah", "head_of_state", "GHA")]


def test_a_meeting_only_spoken_of_is_no_meeting(extract):
    record = extract(
        "TBILISI, May 16 (Trend) - Georgian Foreign Minister Ilia Darchiashvili had a phone conversation with "
        "Armenian Foreign Minister Ararat Mirzoyan. Darchiashvili informed his counterpart about the latest "
        "round of negotiations on the border.\n")
    assert [m.kind for m in record.meetings] == ["call"]


def test_a_statement_label_and_date_above_the_headline_keep_it_a_headline(extract):
    record = extract(
        "MEDIA STATEMENT\n\n3 March 2024\n\nMinister Dlamini holds telephone conversation with Kenyan counterpart\n\n"
        "Pretoria - The Minister of International Relations and Cooperation, Ms Thandi Dlamini, today held a "
        "telephone conversation with the Cabinet Secretary for Foreign and Diaspora Affairs of Kenya, "
        "Mr Peter Kamau.\n")
    assert [m.kind for m in record.meetings] == ["call"]


def test_he_as_his_excellency_is_no_pronoun(extract):
    record = extract(
        "Doha, May 03 (QNA) - His Highness the Amir Sheikh Tamim bin Hamad Al-Thani received today Foreign "
        "Minister of Oman HE Sayyid Badr Albusaidi.\n\n"
        "Earlier, HE Minister of State for Foreign Affairs Dr. Sultan bin Saad Al-Muraikhi met with Albusaidi.\n")
    talks = only_meeting(record, "talks")
    assert participant_names(talks) == {"Sultan bin Saad Al-Muraikhi", "Badr Albusaidi"}


def test_a_speaker_is_not_at_the_meeting_they_speak_of(extract):
    record = extract(
        "HANOI, Nov. 12 (VNA) -- Vietnamese Foreign Minister Bui Thanh Son held a phone conversation with "
        "Brazilian Foreign Minister Mauro Vieira on Sunday. Son said Viet Nam supports the outcome of the "
        "Amazon Summit held in Belem on Aug. 8, 2023.\n")
    summit = only_meeting(record, "summit")
    assert "Bui Thanh Son" not in participant_names(summit)


def test_a_speaker_recalling_their_own_meeting_was_there(extract):
    record = extract(
        "ASHGABAT, Sept. 22 (TDH) -- President of Turkmenistan Serdar Berdimuhamedov held a telephone "
        "conversation with President of Kazakhstan Kassym-Jomart Tokayev. The Turkmen leader noted the "
        "productivity of the recent meeting with the President of Kazakhstan in Astana.\n")
    talks = only_meeting(record, "talks")
    assert "Serdar Berdimuhamedov" in participant_names(talks)


def test_a_summit_of_no_organisation_named_as_a_format_is_its_own_body(extract):
    record = extract(
        "ASTANA, Dec. 3 (Kazinform) -- Kazakh Foreign Minister Murat Nurtleu said on Tuesday that the first "
        "Central Asia-Japan Summit, held in Astana on Aug. 2, 2024, opened a new chapter.\n")
    summit = only_meeting(record, "summit")
    assert summit.body is not None and summit.body.name == "Central Asia-Japan Summit"


def test_a_meeting_ahead_of_a_session_took_place(extract):
    record = extract(
        "MINSK, Oct. 4. /TASS/. A meeting of the Council of Heads of Government of the CIS was held in Minsk on "
        "Friday under the chairmanship of Belarusian Prime Minister Roman Golovchenko. Russian Prime Minister "
        "Mikhail Mishustin took part.\n\nAhead of the plenary session, Mishustin met with Golovchenko.\n")
    talks = only_meeting(record, "talks")
    assert participant_names(talks) == {"Mikhail Mishustin", "Roman Golovchenko"}


def test_the_first_of_two_surnames_names_the_person(extract):
    record = extract(
        "HAVANA, May 7 (Prensa Latina) Cuban Foreign Minister Bruno Rodríguez Parrilla received on Tuesday the "
        "Foreign Minister of Chile, Alberto van Klaveren.\n\nLater, Rodríguez held official talks with Van Klaveren.\n")
    for m in record.meetings:
        assert "Bruno Rodríguez Parrilla" in participant_names(m)


def test_a_session_named_as_what_a_document_is_of_states_no_meeting(extract):
    record = extract(
        "ADDIS ABABA, February 14 (ENA) - The Executive Council of the African Union opened its 46th Ordinary "
        "Session today in Addis Ababa. The Council adopted the draft agenda of the 38th Ordinary Session of the "
        "Assembly of the Union.\n")
    assert [m.kind for m in record.meetings] == ["session"]


RECALLED_SUMMIT = """\
Ashgabat, 15 March 2024 (TDH). Today, Minister of Foreign Affairs of Turkmenistan Rashid Meredov held talks with Secretary General of the Organization of Turkic States Kubanychbek Omuraliev.
The parties also noted the importance of the informal summit of the Organization held in Gabala in January, which was attended by the National Leader of the Turkmen people Gurbanguly Berdimuhamedov.
"""


def test_a_summit_told_in_passing_is_a_summit_of_its_own(extract):
    record = extract(RECALLED_SUMMIT)
    summit = only_meeting(record, "summit")
    assert summit.date == "2024-01"
    assert participant_names(summit) == {"Gurbanguly Berdimuhamedov"}
    talks = only_meeting(record, "talks")
    assert participant_names(talks) == {"Rashid Meredov", "Kubanychbek Omuraliev"}


def test_a_meeting_named_in_a_documents_subject_did_not_adopt_it(extract):
    record = extract(
        "XI'AN, Dec. 3 (Xinhua) -- The fifth China-Central Asia Foreign Ministers' Meeting was held here on "
        "Sunday, chaired by Chinese Foreign Minister Wang Yi. The first China-Central Asia Summit was held in "
        "Xi'an on May 18-19, 2023.\n\nThe meeting adopted a joint statement on the outcomes of the Xi'an summit "
        "and an action plan for cooperation in transport for 2024-2026.\n")
    session = only_meeting(record, "session")
    assert sorted(a.kind for a in session.adopted) == ["plan", "statement"]


def test_a_two_state_ministers_meeting_is_talks_of_who_held_it(extract):
    record = extract(
        "Japan-Korea Foreign Ministers' Meeting\n\nMarch 4, 2024\n\nOn March 4, Ms. KAMIKAWA Yoko, Minister for "
        "Foreign Affairs, held a Japan-Korea Foreign Ministers' Meeting with H.E. Mr. Cho Tae-yul, Minister of "
        "Foreign Affairs of the Republic of Korea, who is visiting Japan, at the Iikura Guest House in Tokyo.\n")
    talks = only_meeting(record, "talks")
    assert talks.body is None
    assert participant_names(talks) == {"KAMIKAWA Yoko", "Cho Tae-yul"}
    assert talks.chair != "Cho Tae-yul"  # the one visiting is the guest


def test_the_same_day_after_a_recalled_meeting_is_the_day_of_the_news(extract):
    record = extract(
        "KYIV, 14.10.2024 (Ukrinform) - Ukrainian Foreign Minister Andrii Sybiha held a phone conversation with "
        "Turkish Foreign Minister Hakan Fidan on Monday. The two ministers last met on September 25 in New York.\n\n"
        "On the same day, Sybiha had a video call with Moldovan Foreign Minister Mihai Popsoi.\n")
    assert sorted(m.date for m in record.meetings if m.kind == "call") == ["2024-10-14", "2024-10-14"]


def test_what_is_said_of_a_visit_states_no_meeting(extract):
    record = extract(
        "Muscat, Oct 29 (ONA) - His Majesty Sultan Haitham bin Tarik received at Al Alam Palace today the Kuwaiti "
        "Foreign Minister Abdullah Al-Yahya.\n\nThe visit is the Kuwaiti minister's second to the Sultanate in 2024.\n")
    assert [m.kind for m in record.meetings] == ["reception"]


def test_a_release_number_and_a_visit_headline_restate_the_meeting(extract):
    record = extract(
        "Press Release No. 87\n\nVisit to Brazil of the Minister of Foreign Affairs of Chile, Alberto van Klaveren\n\n"
        "Minister Mauro Vieira received today, at the Itamaraty Palace, the Minister of Foreign Affairs of Chile, "
        "Alberto van Klaveren, on his first official visit to Brasília since taking office in January 2023.\n\n"
        "Brasília, May 14, 2024\n")
    assert len(record.meetings) == 1
    assert record.meetings[0].date == "2024-05-14"


def test_a_building_named_without_its_city_is_in_the_city_filed_from(extract):
    record = extract(
        "MOSCOW, June 17, 2024 (Granma) - Cuban Foreign Minister Bruno Rodríguez Parrilla held official talks on Monday "
        "with his Russian counterpart Sergey Lavrov at the Reception House of the Russian Foreign Ministry.\n")
    assert only_meeting(record, "talks").location.name == "Moscow"


def test_two_talks_told_in_one_sentence_each_have_their_partner(extract):
    record = extract(
        "Belém, August 8, 2023 (Agência Brasil) - President Luiz Inácio Lula da Silva chaired the Amazon Summit. "
        "President of Colombia Gustavo Petro and President of Peru Dina Boluarte attended.\n\n"
        "On the sidelines of the summit, Lula held a bilateral meeting with Petro, with whom he discussed border "
        "security, and in the afternoon he met Boluarte to talk about trade.\n")
    pairs = sorted(sorted(participant_names(m)) for m in meetings_of(record, "talks"))
    assert pairs == [["Dina Boluarte", "Luiz Inácio Lula da Silva"], ["Gustavo Petro", "Luiz Inácio Lula da Silva"]]


def test_a_habit_of_meeting_or_an_offer_to_host_is_no_meeting(extract):
    record = extract("RABAT, 3 May 2023 (MAP) - Foreign Minister Karim Alaoui held talks in Rabat with his Gambian "
                     "counterpart, Fatou Jallow. These talks are part of the regular and sustained consultations "
                     "between the two countries, Alaoui said. The ministers took note of the offer by Gambia to host "
                     "the plenary session of the forum in 2025, sitting down later for a working lunch.\n")
    talks = only_meeting(record)
    assert talks.kind == "talks" and participant_names(talks) == {"Karim Alaoui", "Fatou Jallow"}


@pytest.mark.parametrize("gathering", [
    "the 78th session of the UN General Assembly",
    "the high-level United Nations General Assembly (UNGA) session",
    "the United Nations General Assembly",
])
def test_who_met_on_the_sidelines_of_a_session_took_part_in_it(extract, gathering):
    record = extract(f"NEW YORK, Sept 21, 2023 (PTI) - Foreign Minister Ravi Sharma met his Mexican counterpart "
                     f"Lucia Campos on the sidelines of {gathering}.\n")
    talks, session = only_meeting(record, "talks"), only_meeting(record, "session")
    assert session.org.name == "UN" and session.body.name == "General Assembly"
    assert participant_names(session) == participant_names(talks) == {"Ravi Sharma", "Lucia Campos"}


def test_a_headline_visit_places_the_talks_and_the_capital_hosts_an_organisations_chief(extract):
    record = extract("OSCE Secretary General visits Vienna\n\n13 Sep. 2023\n\n"
                     "OSCE Secretary General Helga Brandt met with Austrian Foreign Minister Karl Huber on Thursday. "
                     "They discussed the situation in the region.\n\n"
                     "The Secretary General had accepted the minister's invitation to visit Austria.\n")
    talks = only_meeting(record)
    assert talks.location.name == "Vienna"
    # talks in the host's own capital: the host chairs, whether the guest comes from a state or an organisation
    assert talks.chair == "Karl Huber"


def test_decisions_taken_at_an_earlier_summit_name_no_meeting(extract):
    record = extract("BRUSSELS, 13 Sep. 2018 - NATO Secretary General Helga Brandt met with Austrian Foreign "
                     "Minister Karl Huber on Thursday to discuss the implementation of the decisions taken at the "
                     "NATO Summit in July.\n")
    assert [m.kind for m in record.meetings] == ["talks"]


CAPTIONED = """\
Hungarian president receives Greek foreign minister for talks

May 3, 2024 at 1:18 pm | Published in: News
Hungarian President Tamas Sulyok (R) meets Greek Foreign Minister Nikos Dendias (L) at Sandor Palace in Budapest on May 3, 2024 [Photo Agency]

Hungarian President Tamas Sulyok on Friday received Greek Foreign Minister Nikos Dendias in Budapest for talks.

Earlier, Dendias and his Hungarian counterpart Peter Horvath met to discuss bilateral relations.
"""


def test_a_headline_and_its_caption_retell_the_bodys_reception_and_an_earlier_pair_met_apart(extract):
    record = extract(CAPTIONED)
    reception = only_meeting(record, "reception")
    assert participant_names(reception) == {"Tamas Sulyok", "Nikos Dendias"}
    assert reception.chair == "Tamas Sulyok"
    talks = only_meeting(record, "talks")
    assert participant_names(talks) == {"Nikos Dendias", "Peter Horvath"}


def test_the_host_state_chairs_its_talks_on_the_sidelines_of_a_session_at_home(extract):
    record = extract("MINSK, June 22, 2024 (BelTA) - On the sidelines of the session of the CSTO Council of Foreign "
                     "Ministers in Minsk, Belarusian Foreign Minister Maxim Ryzhov held talks with Armenian Foreign "
                     "Minister Aram Petrosyan.\n")
    assert only_meeting(record, "talks").chair == "Maxim Ryzhov"


@pytest.mark.parametrize("format_name", ["«C5+1» meeting", '"C5 + 1" ministerial meeting'])
def test_a_quoted_format_name_before_its_meeting_word_is_its_session(extract, format_name):
    record = extract("The talks of the Foreign Minister of Turkmenistan in the framework of the C5+1 meeting\n\n"
                     "01/03/2023\n\n"
                     "On February 28, 2023, the Minister of Foreign Affairs of Turkmenistan Rashid Ovezov held bilateral "
                     "negotiations with the Minister of Foreign Affairs of Kazakhstan Arman Sadykov in Astana as part "
                     f"of the {format_name}.\n")
    session = only_meeting(record, "session")
    assert session.body is not None and session.body.name == "C5+1"
    # the headline's talks, dated by default with the page, are the body's talks of 28 February
    talks = only_meeting(record, "talks")
    assert talks.date == "2023-02-28" and participant_names(talks) == {"Rashid Ovezov", "Arman Sadykov"}


def test_talks_held_online_are_a_call_that_the_meeting_names_again(extract):
    record = extract("Tokyo, Jan. 21, 2022 (Kyodo) - Prime Minister Kenji Morita had his first in-depth talks with "
                     "President Joe Biden since taking office.\n\nThe leaders met online for about 80 minutes on "
                     "Friday.\n\nAfter the meeting, Biden said the alliance had never been stronger.\n")
    call = only_meeting(record)
    assert call.kind == "call" and participant_names(call) == {"Kenji Morita", "Joe Biden"}


def test_when_they_met_at_an_earlier_session_they_took_part_in_it(extract):
    record = extract("HANOI, March 15, 2022 (VNA) - President Tran Van Long held talks with President Samuel Koroma "
                     "of Sierra Leone.\n\nThe Vietnamese President extended an invitation to President Koroma when "
                     "they met at the 76th United Nations General Assembly in New York in September 2021.\n")
    talks = {m.date: m for m in meetings_of(record, "talks")}
    assert set(talks) == {"2022-03-15", "2021-09"}
    assert talks["2021-09"].location.name == "New York" and talks["2022-03-15"].location.name == "Hanoi"
    session = only_meeting(record, "session")
    assert session.body.name == "General Assembly" and session.date == "2021-09"
    assert participant_names(session) == {"Tran Van Long", "Samuel Koroma"}


def test_a_town_the_gazetteer_does_not_know_is_placed_by_its_noun(extract):
    record = extract("BUENOS AIRES, July 4, 2023 (Telam) - The presidents of the bloc held a MERCOSUR summit "
                     "yesterday in the Argentine city of Puerto Esperanza.\n")
    assert only_meeting(record).location.name == "Puerto Esperanza"


@pytest.mark.parametrize("sentence", [
    "Touching on the possibility of a meeting between Prime Minister Aram Sargsyan and President Elnur Mammadov, "
    "the spokesman said the sides have no plans for a meeting.",
    "The letters are presented by the ambassador-designate to the receiving head of state, President Manuel Neto.",
])
def test_a_possible_meeting_and_a_receiving_head_of_state_state_none(extract, sentence):
    assert extract(f"YEREVAN, May 3, 2023 (Armenpress) - {sentence}\n").meetings == []


def test_a_release_received_by_an_agency_is_no_reception(extract):
    record = extract("JAKARTA, May 3, 2023 (Antara) - According to a press release from the Ministry of Foreign "
                     "Affairs received by Antara here on Wednesday, Foreign Minister Sari Wulandari met with Thai "
                     "Foreign Minister Somchai Boonmee.\n")
    assert [m.kind for m in record.meetings] == ["talks"]


def test_who_commends_a_meeting_was_not_at_it(extract):
    record = extract("KIGALI, July 10, 2018 (RNA) - President Paul Kagame has commended the historic meeting between "
                     "President Isaias Afwerki of Eritrea and Prime Minister Abiy Ahmed of Ethiopia in Asmara.\n")
    assert participant_names(only_meeting(record)) == {"Isaias Afwerki", "Abiy Ahmed"}


def test_an_announcement_of_a_visit_states_none(extract):
    record = extract("HANOI, Nov 15, 2023 (VNA) - Spokeswoman Pham Thu Hang spoke in response to a query about "
                     "Japan's announcement on the visit by President Vo Van Thuong.\n")
    assert record.meetings == []


def test_a_head_of_state_meeting_a_visiting_head_of_government_holds_talks(extract):
    record = extract("BEIJING, Dec. 20 (Xinhua) - President Li Wei met with visiting Prime Minister of Mongolia "
                     "Batbayar Dorj in Beijing on Wednesday.\n")
    assert only_meeting(record).kind == "talks"


def test_a_trilateral_meeting_then_named_as_a_formats_session_is_that_session(extract):
    record = extract("BERLIN, 7 April 2015 - At the invitation of their Polish counterpart Jan Nowak, Foreign Minister "
                     "Karl Berger and his French counterpart Luc Martin travelled to Poland on 3 April for a "
                     "trilateral meeting.\n\nBerger, Martin and Nowak were in Wroclaw for a trilateral meeting of the "
                     "Weimar Triangle.\n")
    session = only_meeting(record)
    assert session.kind == "session" and session.org.name == "Weimar Triangle"
    assert participant_names(session) == {"Karl Berger", "Luc Martin", "Jan Nowak"}


def test_a_headline_saying_ministers_are_to_meet_announces(extract):
    record = extract("GCC foreign ministers to meet in Riyadh\n\nRIYADH, March 8, 2016 (SPA) - The ministerial "
                     "council will discuss regional developments, the Secretary General said.\n")
    assert record.meetings == []


def test_the_bodys_city_places_a_meeting_the_headline_placed_in_a_state(extract):
    record = extract("Kulov - Brown meeting in Kyrgyzstan\n\nUS Assistant Secretary of State Daniel Brown met in "
                     "Bishkek with Kyrgyz Foreign Minister Azamat Kulov today.\n")
    assert only_meeting(record).location.name == "Bishkek"


def test_the_city_after_a_venue_places_the_meeting(extract):
    record = extract("Tanzania's leader in Kenya for a State visit\n\nPresident Samia Hassan, who was received by her "
                     "host President William Kamau at State House, Nairobi, was accorded full military honours.\n")
    assert only_meeting(record).location.name == "Nairobi"


def test_a_session_held_on_the_sidelines_of_another_seats_its_people_there_and_is_the_meeting_told(extract):
    record = extract("GUAM Foreign Ministers Council Meets\n\nThe 40th meeting of the GUAM Foreign Ministers Council "
                     "was held in New York on September 20, on the sidelines of the 78th Session of the UN General "
                     "Assembly.\n\nForeign Minister of Georgia Ilia Kvaratskhelia and Foreign Minister of Moldova "
                     "Ion Rusu participated in the meeting.\n")
    sessions = {m.org.name: m for m in record.meetings}
    assert set(sessions) == {"GUAM", "UN"}
    assert participant_names(sessions["GUAM"]) == participant_names(sessions["UN"]) == {"Ilia Kvaratskhelia", "Ion Rusu"}


def test_meeting_verbs_coordinated_with_one_to_come_are_to_come(extract):
    record = extract("ULAANBAATAR, May 20, 2024 (Montsame) - Foreign Minister Sergey Lavrov will hold talks with "
                     "Mongolian Foreign Minister Batmunkhin Battsetseg, meet with President Ukhnaagiin Khurelsukh and "
                     "call on Chairman Gombozhavin Zandanshatar.\n")
    assert record.meetings == []


def test_a_meeting_on_the_sidelines_of_a_session_is_where_the_session_is(extract):
    record = extract("MOSCOW, Sept 27, 2018 (TASS) - Russian Foreign Minister Sergey Lavrov took part in a meeting of "
                     "BRICS foreign ministers on the sidelines of the 73rd session of the UN General Assembly in New York.\n")
    assert {m.org.name: m.location.name for m in record.meetings} == {"BRICS": "New York", "UN": "New York"}


def test_a_visiting_ministers_talks_with_the_host_leader_at_home_are_a_reception(extract):
    record = extract("ADDIS ABABA, Feb 5, 2022 (ENA) - Prime Minister Abiy Ahmed discussed with Nigerian Foreign "
                     "Minister Geoffrey Onyeama bilateral relations in Addis Ababa on Saturday.\n")
    reception = only_meeting(record)
    assert reception.kind == "reception" and reception.chair == "Abiy Ahmed"


def test_a_meeting_of_the_leaders_of_a_region_is_their_summit_in_the_capital_named(extract):
    record = extract("ASTANA, Aug 9, 2024 (Kazinform) - The presidents of the five states convened in the Kazakh "
                     "capital, Astana, on August 9 to hold the sixth consultative meeting of the leaders of Central "
                     "Asian states.\n")
    summit = only_meeting(record)
    assert summit.kind == "summit" and summit.location.name == "Astana"
    assert summit.body.name == "consultative meeting of the leaders of Central Asian states"


def test_a_visits_destination_places_it_over_where_the_visitor_spoke_before_leaving(extract):
    record = extract("Ankara, IRNA - Iranian Foreign Minister Abbas Araghchi met with his Turkish counterpart Hakan "
                     "Fidan on Tuesday.\n\nBefore leaving for Ankara, he told reporters in Tehran that he would raise "
                     "the situation in the region during his visit to Turkiye.\n")
    assert only_meeting(record).location.name == "Ankara"


NOMINAL_MEETING_AFTER_SPEECH = """\
LIMA, 15 March 2025 – State Secretary of Norway Eivind Vad Petersson told Peruvian Deputy Foreign Minister Ignacio Higueras about Norway's interest in a wider trade dialogue.

The meeting with Higueras and the director for Europe of the Peruvian ministry, Ana Torres, was aimed at reviewing the bilateral agenda.
"""


def test_a_meeting_named_only_with_its_partners_has_the_one_told_of_as_its_other_side(extract):
    talks = extract(NOMINAL_MEETING_AFTER_SPEECH).meetings
    assert len(talks) == 1
    assert {"Eivind Vad Petersson", "Ignacio Higueras"} <= set(participant_names(talks[0]))


MET_AT_AN_UNLISTED_FORUM = """\
ANTALYA, 2 March 2024 (AA) – Turkish Foreign Minister Hakan Fidan met Hungarian Foreign Minister Peter Szijjarto on the sidelines of the 3rd Antalya Diplomacy Forum on Saturday.
"""


def test_a_forum_no_list_holds_is_a_session_of_its_name_when_met_on_its_sidelines(extract):
    sessions = meetings_of(extract(MET_AT_AN_UNLISTED_FORUM), "session")
    assert [s.body.name for s in sessions] == ["Antalya Diplomacy Forum"]
    assert set(participant_names(sessions[0])) == {"Hakan Fidan", "Peter Szijjarto"}


CO_CHAIR_TO_COME = """\
BRUSSELS, 4 March 2025 – EU foreign policy chief Kaja Kallas met Egyptian Foreign Minister Badr Abdelatty on Monday. "Next month I will co-chair with the Saudi Foreign Minister [Prince Faisal bin Farhan Al Saud] a meeting with the countries of the Gulf," she said.
"""


def test_a_future_verb_far_before_its_meeting_word_announces_it(extract):
    record = extract(CO_CHAIR_TO_COME)
    assert [sorted(participant_names(m)) for m in record.meetings] == [["Badr Abdelatty", "Kaja Kallas"]]


HABIT_IN_THE_PRESENT = """\
BRDO, 5 September 2023 (STA) – Slovenian President Natasa Pirc Musar met Croatian President Zoran Milanovic on Monday. The Brdo-Brioni Process, an annual summit of the leaders of the region, is traditionally held in the Slovenian town of Brdo.
"""


def test_a_gathering_told_as_a_habit_is_no_meeting(extract):
    assert [m.kind for m in extract(HABIT_IN_THE_PRESENT).meetings] == ["talks"]


GAVEL_AND_CAPTION = """\
ROVANIEMI, 7 May 2025 – Norwegian Foreign Minister Espen Barth Eide received Danish Foreign Minister Lars Lokke Rasmussen at the town hall on Wednesday.

Espen Barth Eide receives the Chairmanship's gavel from Lars Lokke Rasmussen. (Photo: NTB)

Espen Barth Eide and Lars Lokke Rasmussen talk at a meeting in the town hall. (Photo: NTB)
"""


def test_a_thing_received_is_no_reception_and_a_caption_retells_the_body(extract):
    record = extract(GAVEL_AND_CAPTION)
    assert len(record.meetings) == 1
    assert record.meetings[0].kind == "reception"


TALKS_IN_A_CAPITAL_WRITTEN_LOCALLY = """\
HÀ NỘI — Foreign Minister Bùi Thanh Sơn held talks with Chinese Foreign Minister Wang Yi in Hà Nội on September 11, 2021.
"""


def test_the_host_of_talks_in_the_capital_however_it_is_spelt_chairs(extract):
    talks = extract(TALKS_IN_A_CAPITAL_WRITTEN_LOCALLY).meetings[0]
    assert talks.chair == "Bùi Thanh Sơn"


def test_a_sentence_opened_by_he_keeps_him_as_the_one_told_of(extract):
    record = extract("ANKARA, 4 March 2025 (AA) – Foreign Minister Hakan Fidan arrived in Baku on Tuesday. He said he "
                     "would discuss the peace process with Azerbaijani President Ilham Aliyev. He met Azerbaijani "
                     "Foreign Minister Jeyhun Bayramov in the afternoon.\n")
    talks = [m for m in record.meetings if "Jeyhun Bayramov" in participant_names(m)]
    assert len(talks) == 1 and "Hakan Fidan" in participant_names(talks[0])


def test_who_hosts_a_person_meets_them_as_host_and_hosting_a_session_is_no_meeting_of_its_own(extract):
    record = extract("AUCKLAND, 4 March 2018 (RNZ) – Foreign Minister Winston Peters hosted Australian Foreign Minister "
                     "Julie Bishop at his home in Auckland on Sunday. New Zealand hosted the Pacific Islands Forum "
                     "summit in 2011, and the meeting was hosted by the Prime Minister.\n")
    talks = [m for m in record.meetings if m.kind == "talks"]
    assert len(talks) == 1
    assert talks[0].chair == "Winston Peters"
    assert participant_names(talks[0]) == {"Winston Peters", "Julie Bishop"}


WELCOMED_ON_ARRIVAL = """\
RIYADH, 5 March 2024 (SPA) – Deputy Foreign Minister Walid Al-Khuraiji greeted Omani Foreign Minister Badr Albusaidi upon his arrival at King Khalid International Airport on Tuesday.
"""


def test_a_welcome_on_arrival_is_a_reception_by_who_welcomes(extract):
    reception = only_meeting(extract(WELCOMED_ON_ARRIVAL), "reception")
    assert reception.chair == "Walid Al-Khuraiji"
    assert participant_names(reception) == {"Walid Al-Khuraiji", "Badr Albusaidi"}


def test_welcoming_a_counterpart_as_talks_begin_is_no_reception_of_its_own(extract):
    record = extract("YEREVAN, 10 September 2018 – Foreign Minister Zohrab Mnatsakanyan held talks with Georgian Foreign "
                     "Minister David Zalkaliani. Welcoming his Georgian counterpart, Minister Mnatsakanyan noted the "
                     "depth of relations.\n")
    assert [m.kind for m in record.meetings] == ["talks"]


def test_a_state_that_chairs_names_its_official_as_chair(extract):
    record = extract("NEW YORK, 22 September 2023 (SAnews) – The BRICS foreign ministers met on the margins of the UN "
                     "General Assembly on Thursday. The meeting was chaired by South Africa, with Brazilian Foreign "
                     "Minister Mauro Vieira and South African Minister Naledi Pandor attending.\n")
    brics = next(m for m in record.meetings if m.org and m.org.name == "BRICS")
    assert brics.chair == "Naledi Pandor"


def test_a_place_after_an_acronym_in_brackets_places_the_meeting(extract):
    record = extract("Foreign Ministers Ruslan Kazakbaev of Kyrgyzstan and Sirojiddin Muhriddin of Tajikistan met on the "
                     "margins of the Council of Foreign Ministers of the Organization of Islamic Cooperation (OIC) in "
                     "Islamabad.\n")
    assert {m.location.name for m in record.meetings} == {"Islamabad"}


def test_a_town_no_list_holds_is_placed_by_the_state_after_it(extract):
    record = extract("March 13, 2025\n\nSecretary of State Marco Rubio held talks with Canadian Foreign Minister "
                     "Melanie Joly in Charlevoix, Canada, on Thursday.\n")
    assert record.meetings[0].location.name == "Charlevoix"


def test_partners_after_where_and_when_are_the_meetings_partners(extract):
    record = extract("March 13, 2025\n\nSecretary of State Marco Rubio also held separate meetings in Charlevoix "
                     "today with Japanese Foreign Minister Takeshi Iwaya and Italian Foreign Minister Antonio Tajani.\n")
    assert sorted(sorted(participant_names(m)) for m in record.meetings) == [
        ["Antonio Tajani", "Marco Rubio"], ["Marco Rubio", "Takeshi Iwaya"]]


def test_a_day_between_a_verb_of_encounter_and_its_partner(extract):
    record = extract("March 13, 2025\n\nSecretary of State Marco Rubio conferred today with Canadian Foreign Minister "
                     "Melanie Joly in Charlevoix, Canada.\n")
    assert [sorted(participant_names(m)) for m in record.meetings] == [["Marco Rubio", "Melanie Joly"]]


def test_a_visit_of_several_days_the_guest_is_on_frames_the_meetings(extract):
    record = extract("HANOI, 5 March 2024 (VNA) – Philippine Foreign Secretary Enrique Manalo, who is on a two-day "
                     "official visit to Viet Nam, held talks with Foreign Minister Bui Thanh Son in Hanoi on Tuesday.\n")
    assert [m.kind for m in record.meetings] == ["talks"]


@pytest.mark.parametrize("headline, held", [
    ("President Assimi Goita and President Ibrahim Traore to hold first joint summit", False),
    ("Prime Minister Narendra Modi welcomes Prime Minister Sheikh Hasina at Hyderabad House to hold bilateral talks", True),
])
def test_a_headline_subject_to_hold_its_meeting_announces_it(extract, headline, held):
    record = extract(f"{headline}\n\nNIAMEY, 5 July 2024 (AFP) – The foreign ministers issued a statement on Friday.\n")
    assert bool(record.meetings) == held


def test_a_meeting_that_resumes_tomorrow_is_to_come(extract):
    record = extract("ARUSHA, 22 July 2018 – The EAC Heads of State Summit with President Yoweri Museveni and President "
                     "Paul Kagame resumes tomorrow in Arusha.\n")
    assert record.meetings == []


def test_a_headline_reception_stays_one_when_the_body_says_talks(extract):
    record = extract("Zarif receives head of Duma committee\n\nTEHRAN, Aug. 2, 2021 (MNA) – Iranian Foreign Minister "
                     "Mohammad Javad Zarif held talks with Chairman of the Russian Duma's Foreign Affairs Committee "
                     "Leonid Slutsky in Tehran on Monday.\n")
    assert [m.kind for m in record.meetings] == ["reception"]


def test_a_place_in_a_since_clause_is_not_where_they_met(extract):
    record = extract("LIMA, Nov. 15 (Yonhap) -- Foreign Minister Cho Tae-yul and his Japanese counterpart Takeshi "
                     "Iwaya have held talks. It was the first in-person meeting between Cho and Iwaya since the Japanese "
                     "minister took office last month with the launch of the new cabinet in Tokyo under Prime Minister "
                     "Shigeru Ishiba.\n")
    assert record.meetings and all((m.location.name, m.chair) == ("Lima", None) for m in record.meetings)


def test_talks_held_over_the_phone_are_one_call_however_often_told(extract):
    record = extract("SEOUL, Dec. 19 (Yonhap) -- Japanese Prime Minister Shigeru Ishiba and his South Korean counterpart, "
                     "Han Duck-soo, agreed Thursday to cooperate, in their first talks, held over the phone, since the "
                     "impeachment. During the 20-minute phone talks, Ishiba said ties matter.\n")
    assert [m.kind for m in record.meetings] == ["call"]


def test_a_title_case_headline_summit_is_the_body_s_summit_of_its_organisation(extract):
    record = extract("Caribbean And Pacific Leaders Wrap Up Regional Summit In Apia\n\n"
                     "APIA, 29 January 2025 (RNZ) - The Second Summit of the Pacific Islands Forum closed on "
                     "Wednesday in Apia after two days of work.\n")
    summit = only_meeting(record, "summit")
    assert summit.org is not None and summit.org.name == "PIF"
    assert summit.location is not None and summit.location.name == "Apia"


def test_a_meeting_told_as_held_last_year_is_not_the_one_at_hand(extract):
    # (no date in the dateline to tell the two apart by)
    record = extract("CIS leaders sign documents\n\nThe Council of CIS Heads of State met in Dushanbe and "
                     "adopted a statement. Last year the meeting was held on 11 October 2024 in Bishkek.\n")
    at_hand = next(m for m in record.meetings if m.location is not None and m.location.name == "Dushanbe")
    assert at_hand.date is None


@pytest.mark.parametrize("text, held", [
    # the present with another day than the report's: to come
    ("LUANDA, 2 December 2024 (ANGOP) - US President Joe Biden meets on Tuesday with his Angolan counterpart "
     "Joao Lourenco in Luanda.", False),
    ("BERN, 12 March 2025 (SDA) - Swiss President Karin Keller-Sutter meets this Thursday in Berlin with German "
     "Chancellor Friedrich Merz.", False),
    # the report's own day: its news
    ("LUANDA, 3 December 2024 (ANGOP) - US President Joe Biden meets on Tuesday with his Angolan counterpart "
     "Joao Lourenco in Luanda.", True),
])
def test_a_meeting_verb_in_the_present_for_another_day_announces_it(extract, text, held):
    assert bool(extract(text + "\n").meetings) is held


def test_one_who_chairs_in_the_present_is_the_chair(extract):
    summit = only_meeting(extract("WINDHOEK, 31 January 2023 (NAMPA) - President Hage Geingob today chairs a summit "
                                  "of the SADC Organ Troika in Windhoek.\n"), "summit")
    assert summit.chair == "Hage Geingob"


def test_two_at_a_summit_who_hold_talks_on_its_margins_hold_their_own(extract):
    record = extract("GEORGETOWN, 28 February 2024 (CMC) - The Conference of CARICOM Heads of Government was chaired "
                     "by Grenada's Prime Minister Dickon Mitchell. Among those attending were Jamaica's Prime Minister "
                     "Andrew Holness and Guyana's President Irfaan Ali. On the margins of the summit, Prime Minister "
                     "Holness and President Ali held talks on energy.\n")
    talks = only_meeting(record, "talks")
    assert participant_names(talks) == {"Andrew Holness", "Irfaan Ali"}
    assert len(meetings_of(record, "summit")) == 1


@pytest.mark.parametrize("place, printed", [
    ("in Hyderabad house", None),  # a venue named after a city is not the city, however written
    ("in Victoria Falls", "Victoria Falls"),
    ("in the capital of India, New Delhi,", "New Delhi"),  # the capital named after its state
    ("in the Indian capital New Delhi", "New Delhi"),
])
def test_a_place_is_read_whole(extract, place, printed):
    talks = only_meeting(extract(f"NEW DELHI, 7 October 2024 (PTI) - Prime Minister Narendra Modi held talks with "
                                 f"Maldivian President Mohamed Muizzu {place} on Monday.\n"), "talks")
    assert (talks.location.name if talks.location else None) in ({printed} if printed else {None, "New Delhi"})


def test_more_than_two_who_met_at_a_body_s_gathering_took_part_in_it(extract):
    record = extract("ALMATY, 21 October 2011 (Kazinform) - President of Azerbaijan H.E. Ilham Aliyev, President of "
                     "Kazakhstan H.E. Nursultan Nazarbayev and President of Kyrgyzstan H.E. Roza Otunbaeva met at the "
                     "1st Summit of the Turkic Council in Almaty.\n")
    summit = only_meeting(record, "summit")
    assert participant_names(summit) == {"Ilham Aliyev", "Nursultan Nazarbayev", "Roza Otunbaeva"}
    assert meetings_of(record, "talks") == []


def test_a_summit_of_several_states_leaders_in_one_of_them_is_hosted_by_its_leader(extract):
    record = extract("LANY, 3 October 2019 (CTK) - The V4 summit of presidents was held in Lany on Thursday. Polish "
                     "President Andrzej Duda, Slovak President Zuzana Caputova and Hungarian President Janos Ader "
                     "took part with Czech President Milos Zeman.\n")
    summit = only_meeting(record, "summit")
    assert summit.chair == "Milos Zeman"


def test_a_summit_of_two_states_leaders_of_no_organisation_is_their_talks(extract):
    record = extract("MOSCOW, 10 May 1995 (AP) - President Bill Clinton of the United States and Russian President "
                     "Boris Yeltsin opened their summit in the Kremlin on Wednesday.\n")
    talks = only_meeting(record, "talks")
    assert participant_names(talks) == {"Bill Clinton", "Boris Yeltsin"}


def test_a_summit_whose_sentence_names_an_organisation_stays_a_summit(extract):
    record = extract("WINDHOEK, 31 January 2023 (NAMPA) - President Hage Geingob of Namibia and President Cyril "
                     "Ramaphosa of South Africa attended the SADC summit in Windhoek on Tuesday.\n")
    assert [m.kind for m in record.meetings] == ["summit"]


def test_one_represented_at_a_meeting_is_not_at_it(extract):
    record = extract("CASTRIES, 7 July 2024 (GIS) - The OECS Authority met in Castries on Sunday. Present were Prime "
                     "Minister Philip Pierre of Saint Lucia, and Minister Gregory Bowen of Grenada, representing the "
                     "Prime Minister of Grenada, Dickon Mitchell.\n")
    summit = only_meeting(record, "summit")
    assert participant_names(summit) == {"Philip Pierre", "Gregory Bowen"}


def test_a_meeting_of_the_group_s_body_chaired_by_one_is_that_body_s_session_he_chaired(extract):
    record = extract("ASTANA, 3 November 2023 (Kazinform) - The OTS summit opened in Astana. The summit started with "
                     "a meeting of the group's Council of Foreign Ministers chaired by Murat Nurtleu.\n")
    session = only_meeting(record, "session")
    assert (session.org.name, session.body.name, session.chair) == ("OTS", "Council of Foreign Ministers", "Murat Nurtleu")
    assert only_meeting(record, "summit").chair is None  # the chair is the nearer meeting's


def test_a_couple_who_hosted_are_chaired_by_the_higher_in_rank_and_a_consort_holds_no_office(extract):
    record = extract("LONDON, 23 November 2022 (PA) - King Charles and his wife Queen Consort Camilla hosted a state "
                     "banquet for South African President Cyril Ramaphosa at Buckingham Palace on Tuesday.\n")
    meeting = record.meetings[0]
    assert meeting.chair == "Charles"
    assert {p.name: p.role for p in meeting.participants}["Camilla"] == "other"
