"""Reads an .ics file with three independent iCalendar parsers from PyPI
(icalendar, vobject, ical) and prints, per parser, the events it found as JSON:
{"icalendar": [{"uid", "start", "summary", "rrule"}...], "vobject": [...], "ical": [...]}.
Any parser error makes the script fail."""
import json
import sys

path = sys.argv[1]
data = open(path, "rb").read()
text = data.decode("utf-8")
out = {}

import icalendar  # noqa: E402

cal = icalendar.Calendar.from_ical(data)
out["icalendar"] = [
    {
        "uid": str(e["UID"]),
        "start": e.decoded("DTSTART").isoformat(),
        "end": e.decoded("DTEND").isoformat(),
        "summary": str(e["SUMMARY"]),
        "description": str(e.get("DESCRIPTION", "")),
        "rrule": e["RRULE"].to_ical().decode() if "RRULE" in e else None,
        "alarms": len(e.walk("VALARM")),
    }
    for e in cal.walk("VEVENT")
]

import vobject  # noqa: E402

vcal = vobject.readOne(text)
out["vobject"] = [
    {
        "uid": e.uid.value,
        "start": e.dtstart.value.isoformat(),
        "summary": e.summary.value,
        "rrule": e.rrule.value if hasattr(e, "rrule") else None,
    }
    for e in vcal.vevent_list
]

from ical.calendar_stream import IcsCalendarStream  # noqa: E402

ical_cal = IcsCalendarStream.calendar_from_ics(text)
out["ical"] = [
    {
        "uid": e.uid,
        "start": e.dtstart.isoformat(),
        "summary": e.summary,
        "rrule": e.rrule.as_rrule_str() if e.rrule else None,
    }
    for e in ical_cal.events
]
json.dump(out, sys.stdout)
