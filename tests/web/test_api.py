"""The JSON API against the real application and database: the filters agree
with `communique meetings`, pagination covers everything once, every value's
evidence points into its report, and bad input gets a clear 4xx."""
from __future__ import annotations

import pytest

from communique.inputs import MAX_REPORT_BYTES
from communique.kb.queries import meetings as cli_meetings
from conftest import plover_errors

FILTERS = [{}, {"org": "CSTO"}, {"org": "csto"}, {"body": "foreign ministers"}, {"person": "Muhriddin"},
           {"person": "Kim Song"}, {"country": "PRK"}, {"country": "rus"}, {"since": "2024-03-04", "until": "2024-03-31"},
           {"since": "2024-06"}, {"until": "2024-03"}, {"org": "NATO"}]


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: ",".join(f"{k}={v}" for k, v in f.items()) or "all")
def test_meetings_filter_as_the_cli(client, web_db, filters):
    got = client.get("/api/meetings", params=filters)
    assert got.status_code == 200, got.text
    body = got.json()
    expected = cli_meetings(web_db, **filters)
    assert body["total"] == len(expected)
    assert {m["id"] for m in body["items"]} == {r["id"] for r in expected}
    dates = [m["date"] or "" for m in body["items"]]
    assert dates == sorted(dates, reverse=True)  # newest first


def test_pagination_covers_every_meeting_once(client):
    total = client.get("/api/meetings").json()["total"]
    seen = []
    for page in range(1, total + 2):
        body = client.get("/api/meetings", params={"per_page": 2, "page": page}).json()
        assert body["per_page"] == 2 and body["pages"] == -(-total // 2)
        seen += [m["id"] for m in body["items"]]
    assert len(seen) == total == len(set(seen))


def test_one_meeting_from_three_agencies(client):
    [row] = client.get("/api/meetings", params={"org": "CSTO"}).json()["items"]
    m = client.get(f"/api/meetings/{row['id']}").json()
    assert (m["date"], m["location"], m["body"]) == ("2024-06-14", "Dushanbe", "Council of Foreign Ministers")
    assert {s["name"] for s in m["sources"]} == {"khovar-csto-cfm", "tass-csto-cfm", "belta-csto-cfm"}
    assert "Sergey Lavrov" in {p["name"] for p in m["participants"]} or "Sergei Lavrov" in {p["name"] for p in m["participants"]}
    for source in m["sources"]:
        values = source["values"]
        spans = values["evidence"] + values["org"]["evidence"] + [e for p in values["participants"] for e in p["evidence"]]
        assert spans
        for e in spans:
            assert source["text"][e["start"]:e["end"]] == e["text"]


def test_people_and_a_person(client):
    body = client.get("/api/people", params={"q": "Mukhriddin"}).json()
    assert [p["name"] for p in body["items"]] in (["Sirojiddin Mukhriddin"], ["Sirojiddin Muhriddin"])
    person = client.get(f"/api/people/{body['items'][0]['id']}").json()
    assert {"Sirojiddin Mukhriddin", "Sirojiddin Muhriddin"} <= set(person["names"])
    assert {(r["role"], r["country"]) for r in person["roles"]} == {("foreign_minister", "TJK")}
    assert len(person["meetings"]) >= 2  # the CSTO council and the hostile report's talks
    met = {m["name"]: m["meetings"] for m in person["met"]}
    assert any("Lavrov" in n for n in met) and max(met.values()) >= 1
    everyone = client.get("/api/people", params={"per_page": 200}).json()
    assert everyone["total"] == len(everyone["items"]) >= 10


def test_organisations(client):
    orgs = client.get("/api/organisations").json()
    assert [(o["name"], o["meetings"]) for o in orgs] == [("CSTO", 1)]
    assert orgs[0]["full_name"] == "Collective Security Treaty Organization"
    csto = client.get("/api/organisations/CSTO").json()
    bodies = {b["name"]: b["meetings"] for b in csto["bodies"]}
    assert bodies["Council of Foreign Ministers"] == 1 and bodies["Collective Security Council"] == 0
    assert {s["code"] for s in csto["members"]} >= {"RUS", "TJK"}
    assert csto["sessions"]["total"] == 1
    assert client.get("/api/organisations/NATO").status_code == 404


def test_reports_and_a_report_with_its_record(client):
    body = client.get("/api/reports").json()
    assert body["total"] == 6
    by_name = {r["name"]: r for r in body["items"]}
    tass = client.get(f"/api/reports/{by_name['tass-csto-cfm']['id']}").json()
    assert tass["source"] == "TASS" and tass["text"].startswith("DUSHANBE, June 14.")
    assert tass["record"]["doc_id"] == "tass-csto-cfm" and tass["record"]["meetings"]
    assert [m["org"] for m in tass["meetings"]] == ["CSTO"]


def test_search(client):
    found = client.get("/api/search", params={"q": "lavr"}).json()
    assert [p["name"] for p in found["people"]] in (["Sergey Lavrov"], ["Sergei Lavrov"])
    found = client.get("/api/search", params={"q": "collective security"}).json()
    assert [o["name"] for o in found["organisations"]] == ["CSTO"]
    found = client.get("/api/search", params={"q": "foreign min"}).json()
    assert [(b["org"], b["name"]) for b in found["bodies"]] == [("CSTO", "Council of Foreign Ministers")]


@pytest.mark.parametrize("path", ["/api/meetings/999999", "/api/people/999999", "/api/reports/999999"])
def test_missing_is_404(client, path):
    got = client.get(path)
    assert got.status_code == 404 and got.json()["detail"].startswith("no such")


@pytest.mark.parametrize("params", [{"page": 0}, {"per_page": 1000}, {"since": "last year"},
                                    {"until": "2024-13-99x"}, {"country": "Russia"}, {"page": "two"}])
def test_bad_query_is_422(client, params):
    assert client.get("/api/meetings", params=params).status_code == 422


GOOD = ("BISHKEK, 12.03.2019 (Kabar) - Yesterday, Kyrgyz Foreign Minister Chingiz Aidarbekov held talks with "
        "Kazakh Foreign Minister Beibut Atamkulov in Bishkek.\n")


def test_extract(client):
    got = client.post("/api/extract", json={"text": GOOD, "name": "bishkek"})
    assert got.status_code == 200, got.text
    record = got.json()
    assert record["doc_id"] == "bishkek" and record["published"] == "2019-03-12"
    [talks] = [m for m in record["meetings"] if m["kind"] == "talks"]
    assert {p["name"] for p in talks["participants"]} == {"Chingiz Aidarbekov", "Beibut Atamkulov"}
    for p in talks["participants"]:
        for e in p["evidence"]:
            assert GOOD[e["start"]:e["end"]] == e["text"]
    got = client.post("/api/extract", json={"text": "Talks were held in Minsk yesterday.", "published": "2021-05-20",
                                            "source": "BelTA"})
    assert got.status_code == 200 and got.json()["published"] == "2021-05-20"


@pytest.mark.parametrize("payload, status, says", [
    ({"text": ""}, 422, "empty"),
    ({"text": "   \n "}, 422, "empty"),
    ({"text": "a\x00b"}, 422, "binary"),
    ({"text": "\x01\x02\x03" * 20}, 422, "binary"),
    ({}, 422, "text"),
    ({"text": 12}, 422, "string"),
    ({"text": GOOD, "published": "12 March"}, 422, "published"),
    ({"text": "x" * (MAX_REPORT_BYTES + 1)}, 413, "limit"),
    ({"text": GOOD, "html": "<p>x</p>"}, 422, "one of them"),
    ({"html": ""}, 422, "empty"),
    ({"html": "<html><body><nav><a href='/'>Home</a></nav></body></html>"}, 422, "no article text"),
    ({"text": "<html><body><nav><a href='/'>Home</a></nav></body></html>"}, 422, "no article text"),
])
def test_extract_bad_input(client, payload, status, says):
    got = client.post("/api/extract", json=payload)
    assert got.status_code == status, got.text
    assert says in got.text


def test_extract_a_page_and_the_text_its_offsets_index(client):
    page = ("<html><head><title>Talks in Bishkek</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>Talks in Bishkek</h1><p>{GOOD}</p></article><footer>All rights reserved.</footer></body></html>")
    record = client.post("/api/extract", json={"html": page, "name": "page"}).json()
    text = record["text"]["content"]
    assert text == "Talks in Bishkek\n\n" + GOOD.strip() and record["doc_id"] == "page"
    assert record["published"] == "2019-03-12" and record["text"]["chars"] == len(text)
    for e in record["meetings"][0]["evidence"]:
        assert text[e["start"]:e["end"]] == e["text"]
    plain = client.post("/api/extract", json={"text": GOOD}).json()["text"]
    assert plain["content"] is None and plain["chars"] == len(GOOD)
    assert client.post("/api/extract", json={"text": GOOD, "with_text": True}).json()["text"]["content"] == GOOD


def test_extract_not_json_and_too_large_body(client):
    got = client.post("/api/extract", content=b"not json", headers={"content-type": "application/json"})
    assert got.status_code == 422
    got = client.post("/api/extract", content=b"{" + b" " * (3 * MAX_REPORT_BYTES) + b"}",
                      headers={"content-type": "application/json"})
    assert got.status_code == 413 and "limit" in got.json()["detail"]


def test_openapi_docs(client):
    assert client.get("/docs").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/api/meetings", "/api/meetings/{meeting_id}", "/api/people", "/api/people/{person_id}",
            "/api/organisations", "/api/organisations/{name}", "/api/reports", "/api/reports/{report_id}",
            "/api/extract"} <= set(spec["paths"])
    assert not any(p == "/" or p.startswith("/meetings") for p in spec["paths"])  # pages stay out of the API


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: ",".join(f"{k}={v}" for k, v in f.items()) or "all")
def test_events_filter_as_the_meetings(client, web_db, filters):
    got = client.get("/api/events", params={**filters, "per_page": 200})
    assert got.status_code == 200, got.text
    body = got.json()
    expected = cli_meetings(web_db, **filters)
    assert body["total"] == len(expected)
    consults = [e for e in body["items"] if e["event"] == ["CONSULT"]]
    dated = {f"communique-m{m['id']}" for m in expected if m["date"]}
    assert {e["id"] for e in consults} == dated  # a meeting without a date gives no record: PLOVER requires one
    assert {e["link"] for e in body["items"] if e["event"] == ["SUPPORT"]} <= dated
    assert all(plover_errors(e) == [] for e in body["items"])


def test_events_of_the_csto_council(client):
    [council] = [e for e in client.get("/api/events", params={"org": "CSTO"}).json()["items"] if e["event"] == ["CONSULT"]]
    assert (council["date"], council["mode"], council["cameo"]) == ("2024-06-14", "multilateral", "040")
    assert council["event_loc"] == {"name": "Dushanbe", "country code": "TJ", "cc3": "TJK"}
    assert {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"} <= {a["code"] for a in council["source"]}
    report = client.get("/api/reports", params={"per_page": 200}).json()["items"]
    [cited] = [r for r in report if r["name"] == council["cite_info"]["citation"]]
    text = client.get(f"/api/reports/{cited['id']}").json()["text"]
    assert text[council["text_info"]["start"]:council["text_info"]["end"]] in council["event_text"]


@pytest.mark.parametrize("params", [{"per_page": 201}, {"page": 0}, {"since": "June"}, {"country": "RUSSIA"},
                                    {"org": "x" * 201}])
def test_events_refuse_bad_filters(client, params):
    assert client.get("/api/events", params=params).status_code == 422
