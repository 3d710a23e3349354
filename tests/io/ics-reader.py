#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads Signet's calendar files with python3-icalendar, a reader other
than the libical that wrote them, and checks what calendar applications
rely on.

ics-reader.py EXPECTED FIRST SECOND EDITED OTHER

EXPECTED has a line per event of FIRST, tab-separated: the UUID of its
record, the kind and date of a date derived from a contract (empty for a
key date a user added), the title of an approval step's due date (empty
for any other), and the lead times in days of the reminders it should
carry ("90 30 7", or nothing). A key date's UID is its UUID; a derived
date's the version 5 UUID of its contract's UUID and "kind/date", or
"kind/date/title" for an approval step (a contract's own step and an
amendment's may be due the same day) (RFC 9562), all @signetapp.github.io. FIRST and
SECOND are two exports of one register, EDITED an export after a field no
event shows changed, OTHER an export of a second register made apart.
Exit status 0 when all holds, 1 with the reasons otherwise, 77 when the
module is not installed.
"""

import sys
import uuid
from datetime import timedelta

try:
    import icalendar
except ImportError:
    print("python3-icalendar is not installed")
    sys.exit(77)

CALENDAR_NAME = "Contract Dates"
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def read(path):
    with open(path, "rb") as f:
        return icalendar.Calendar.from_ical(f.read())


def event_uids(path, calendar):
    uids = [str(event["UID"]) for event in calendar.walk("VEVENT")]
    check(len(uids) > 0, f"{path}: no VEVENT")
    check(len(uids) == len(set(uids)), f"{path}: {len(uids) - len(set(uids))} UIDs are not unique")
    return uids


def expected_uid(record, kind, date, title):
    if not kind:
        return f"{record}@signetapp.github.io"
    name = f"{kind}/{date}/{title}" if title else f"{kind}/{date}"
    return f"{uuid.uuid5(uuid.UUID(record), name)}@signetapp.github.io"


def check_calendar(path, calendar):
    check(calendar.name == "VCALENDAR", f"{path}: not a VCALENDAR")
    check(str(calendar.get("VERSION")) == "2.0", f"{path}: VERSION is {calendar.get('VERSION')}")
    check(str(calendar.get("PRODID", "")).startswith("-//"), f"{path}: no PRODID")
    check(str(calendar.get("NAME")) == CALENDAR_NAME, f"{path}: NAME is {calendar.get('NAME')}")
    check(str(calendar.get("X-WR-CALNAME")) == CALENDAR_NAME,
          f"{path}: X-WR-CALNAME is {calendar.get('X-WR-CALNAME')}")


def check_alarms(path, calendar, expected):
    for event in calendar.walk("VEVENT"):
        uid = str(event["UID"])
        check("DTSTART" in event and "SUMMARY" in event, f"{path}: {uid} has no DTSTART or SUMMARY")
        alarms = event.walk("VALARM")
        triggers = []
        for alarm in alarms:
            check(str(alarm.get("ACTION")) == "DISPLAY", f"{path}: {uid}: ACTION is {alarm.get('ACTION')}")
            check(str(alarm.get("DESCRIPTION", "")).strip() != "", f"{path}: {uid}: an alarm has no DESCRIPTION")
            trigger = alarm["TRIGGER"].dt
            check(isinstance(trigger, timedelta), f"{path}: {uid}: TRIGGER {trigger} is not relative")
            triggers.append(trigger)
        if uid not in expected:
            failures.append(f"{path}: {uid} is no event of the register")
            continue
        want = sorted(-timedelta(days=days) for days in expected[uid])
        check(sorted(triggers) == want,
              f"{path}: {uid}: triggers {sorted(triggers)}, expected {want}")


def main(argv):
    expected_path, first_path, second_path, edited_path, other_path = argv[1:6]
    expected = {}
    with open(expected_path, encoding="utf-8") as f:
        for line in f:
            record, kind, date, title, leads = line.rstrip("\n").split("\t")
            expected[expected_uid(record, kind, date, title)] = [int(days) for days in leads.split()]

    calendars = {path: read(path) for path in (first_path, second_path, edited_path, other_path)}
    uids = {}
    for path, calendar in calendars.items():
        check_calendar(path, calendar)
        uids[path] = event_uids(path, calendar)

    check(set(uids[first_path]) == set(expected),
          f"{first_path}: the UIDs are not the register's events' "
          f"({len(set(uids[first_path]) - set(expected))} unknown, "
          f"{len(set(expected) - set(uids[first_path]))} missing)")
    check(uids[second_path] == uids[first_path], f"{second_path}: the UIDs changed from one export to the next")
    check(uids[edited_path] == uids[first_path], f"{edited_path}: the UIDs changed with a field no event shows")
    shared = set(uids[first_path]) & set(uids[other_path])
    check(not shared, f"{other_path}: {len(shared)} UIDs of another register, such as {sorted(shared)[:3]}")
    check_alarms(first_path, calendars[first_path], expected)

    n_alarms = sum(len(event.walk("VALARM")) for event in calendars[first_path].walk("VEVENT"))
    print(f"{len(uids[first_path])} events, {n_alarms} alarms, read by icalendar {icalendar.__version__}")
    for failure in failures[:20]:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
