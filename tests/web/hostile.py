"""Hostile test data: the classic payloads of the OWASP XSS Filter Evasion
cheat sheet, SQL metacharacters, and a knowledge base holding both, in
report text, in extracted names and in stored values extraction cannot make
(written as rows, for a later extractor or a tampered database)."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, insert, select

from communique.kb import Database, ingest_paths
from communique.kb.models import Adopted, Meeting, MeetingSource, Participant, Person, PersonName, PersonRole, Report

KB_REPORTS = Path(__file__).parent.parent / "kb" / "reports"

# After https://cheatsheetseries.owasp.org/cheatsheets/XSS_Filter_Evasion_Cheat_Sheet.html;
# the ones that set window.__xss are caught by the browser test even without a dialog.
XSS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://xss.invalid/xss.js></SCRIPT>",
    "<script>window.__xss=1</script>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=javascript:alert('XSS')>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
    "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
    "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
    "<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>",
    "<IMG SRC=# onmouseover=\"alert('xxs')\">",
    "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
    "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">",
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
    "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
    "<IMG SRC=\"jav\tascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
    "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
    "<SCRIPT/XSS SRC=\"https://xss.invalid/xss.js\"></SCRIPT>",
    "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
    "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
    "<SCRIPT SRC=//xss.invalid/.j>",
    "<IMG SRC=\"`<javascript:alert>`('XSS')\"",
    "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
    "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
    "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
    "<BODY ONLOAD=alert('XSS')>",
    "<svg/onload=alert(1)>",
    "<svg><script>window.__xss=1</script></svg>",
    "\"><img src=x onerror=alert(1)>",
    "'><img src=x onerror=window.__xss=1>",
    "\" autofocus onfocus=\"window.__xss=1",
    "' autofocus onfocus='alert(1)",
    "` onmouseover=alert(1) `",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<IFRAME SRC=# onmouseover=\"alert(document.cookie)\"></IFRAME>",
    "<STYLE>@im\\port'\\ja\\vasc\\ript:alert(\"XSS\")';</STYLE>",
    "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
    "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
    "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
    "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"https://xss.invalid/scriptlet.html\"></OBJECT>",
    "<details open ontoggle=window.__xss=1>",
    "javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "</textarea><script>alert(1)</script>",
    "{{7*7}}<script>alert(1)</script>",
]

SQL_META = ["'", '"', ";", "--", "%", "_", "\\", "' OR 1=1 --", "'; DROP TABLE meetings; --",
            "\" OR \"\"=\"", "%' OR '1'='1", "_%", "a\\%b", "Лавров", "李", "\u202e", "🙂", "x" * 150]

# Values only rows can hold, for names, bodies and places extraction would not let through.
PERCENT_BODY = "Council 100% Ministers"
UNDERSCORE_BODY = "Group_of_Five"
SHORT_ORG = "<svg/onload=alert(1)>"


def payload_report() -> str:
    """A report whose text carries every payload, around a meeting extraction reads."""
    lines = "\n".join(f"Note {i}: {p}" for i, p in enumerate(XSS))
    return ("DUSHANBE, 20.06.2024 (NIAT Khovar) – Today, Minister of Foreign Affairs of Tajikistan Sirojiddin "
            "Muhriddin held talks with Minister of Foreign Affairs of Uzbekistan Bakhtiyor Saidov in Dushanbe.\n"
            f"{lines}\nThe ministers discussed {XSS[0]} cooperation.\n")


def fill(db: Database, folder: Path) -> Database:
    """The knowledge-base test reports, the payload report, and rows carrying payloads everywhere."""
    (folder / "payloads.txt").write_text(payload_report(), encoding="utf-8")
    summary = ingest_paths(db, [str(KB_REPORTS), str(folder / "payloads.txt")])
    assert summary.stored == 6 and not summary.failed
    with db.session() as s, s.begin():
        first = (s.scalar(select(func.max(Report.id))) or 0) + 1
        persons = _payload_people(s, first)
        for i, body in enumerate([PERCENT_BODY, UNDERSCORE_BODY, *XSS]):
            _payload_meeting(s, first + i, body[:200], persons[i % len(persons)], persons[(i + 1) % len(persons)],
                             org=SHORT_ORG if i == 2 else None)
    return db


def _payload_people(s, first: int) -> list[int]:
    ids = []
    for i, payload in enumerate(XSS):
        person_id = s.execute(insert(Person).values(name=payload[:300], surname_key=f"xss{i}")
                              .returning(Person.id)).scalar_one()
        s.execute(insert(PersonName).values(person_id=person_id, name=payload[:300]))
        ids.append(person_id)
    return ids


def _payload_meeting(s, report_id: int, body: str, chair: int, guest: int, org: str | None) -> None:
    s.execute(insert(Report).values(id=report_id, content_hash=f"{report_id:064x}", name=body[:300],
                                    source=body[:200], published="2024-07-01", dateline_place=body[:200],
                                    text=f"{body} met.", record={"doc_id": body, "meetings": []}))
    meeting_id = s.execute(insert(Meeting).values(kind="talks", org=org, body=body, date="2024-07-01",
                                                  location=body[:200], chair_id=chair, reasons={"date": body})
                           .returning(Meeting.id)).scalar_one()
    s.execute(insert(MeetingSource).values(meeting_id=meeting_id, report_id=report_id, kind="talks", org=org,
                                           body=body, date="2024-07-01", location=body[:200], chair_id=chair,
                                           values={"kind": "talks", "evidence": []}))
    for person in (chair, guest):
        s.execute(insert(Participant).values(meeting_id=meeting_id, person_id=person, report_id=report_id,
                                             role="other", country="TJK", org=None, evidence=[]))
        s.execute(insert(PersonRole).values(person_id=person, report_id=report_id, role="other", country="TJK",
                                            org=None, seen="2024-07-01", evidence=[]))
    s.execute(insert(Adopted).values(meeting_id=meeting_id, report_id=report_id, kind="statement", subject=body,
                                     evidence=[]))
