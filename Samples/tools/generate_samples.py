#!/usr/bin/env python3
"""Regenerate the twitch-triage sample drop under Samples/.

Every journal, lab and patient file under Samples/ (except README.md and this folder) is
written by this script. It is deterministic: each patient's story draws from its own
random.Random seeded with a CRC-32 of the patient id, so running it again writes the same
bytes. Run it from anywhere:

    python3 Samples/tools/generate_samples.py

and check with `git status` that nothing changed. Python 3.8 or later, standard library only.

The stories, and the referral each one should produce under SPEC §6, are described in
Samples/README.md. The as-of date of the sample reports is 2026-11-20; every record here is
dated on or before 2026-11-19.

Four journal "apps" are imitated, each with its own header spelling, column order, date
format and line ending, so that the readers meet the aliases of SPEC §3.3:

- TwitchLog (CSV, LF): patient_id, date (ISO date), yes/no at_rest.
- FasciTrack (CSV, CRLF): mrn, timestamp (2026-11-06T21:30), episodes, 1/0 at_rest.
- Symptom Diary (CSV, UTF-8 BOM, LF): "Patient ID", "Recorded At" (2026-11-02 21:10),
  "Count", true/false at_rest, one column the tool does not know ("Mood").
- TwitchDiary for Android (TSV, LF): patientid, datetime with UTC offset, count.
- Journal XML exactly as SPEC §3.4.

Deliberately bad rows (for data-quality notes) are only in P020's files; see README.md.
"""

import csv
import json
import io
import os
import random
import zlib
from datetime import date, timedelta
from xml.sax.saxutils import escape, quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)  # Samples/


# --------------------------------------------------------------------------------------------
# helpers


def rng_for(pid):
    return random.Random(zlib.crc32(pid.encode("ascii")))


def days(first, last):
    d = first
    while d <= last:
        yield d
        d += timedelta(days=1)


def hhmm(rng, lo_hour, hi_hour):
    return "%02d:%02d" % (rng.randint(lo_hour, hi_hour), rng.choice([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55]))


def fmt_num(x):
    """Plain decimal with a point, no trailing zeros beyond one decimal."""
    if isinstance(x, int):
        return str(x)
    s = "%.1f" % x
    return s


def write_bytes(rel, data):
    path = os.path.join(ROOT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def write_delimited(rel, header, rows, delimiter=",", line_end="\n", bom=False):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=line_end, quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        w.writerow(["" if v is None else v for v in r])
    text = buf.getvalue()
    data = text.encode("utf-8")
    if bom:
        data = b"\xef\xbb\xbf" + data
    write_bytes(rel, data)


def lifestyle(rng, caffeine, sleep, stress, alcohol=0, water=1.8, exercise="none"):
    return {
        "caffeine_mg": caffeine,
        "sleep_hours": sleep,
        "stress": stress,
        "alcohol_units": alcohol,
        "water_l": water,
        "exercise": exercise,
    }


def entry(d, time, locations, count, duration, at_rest, triggers=(), symptoms=(), weakness=None,
          meds=(), note="", side=None, **life):
    e = {
        "date": d,
        "time": time,
        "locations": list(locations),
        "side": side,
        "count": count,
        "duration": duration,
        "at_rest": at_rest,
        "triggers": list(triggers) if triggers else ["none"],
        "symptoms": list(symptoms),
        "weakness": weakness,
        "meds": list(meds),
        "note": note,
    }
    e.update(life)
    return e


def side_of(locations):
    sides = set()
    for loc in locations:
        w = loc.split()[0]
        if w in ("left", "right", "both"):
            sides.add(w)
        else:
            return ""
    if len(sides) == 1:
        return sides.pop()
    return ""


# --------------------------------------------------------------------------------------------
# journal writers, one per "app"


def twitchlog_rows(pid, entries):
    """TwitchLog: ISO date, yes/no."""
    rows = []
    for e in entries:
        rows.append([
            pid,
            e["date_text"] if "date_text" in e else e["date"].isoformat(),
            ";".join(e["locations"]),
            e["side"] if e["side"] is not None else side_of(e["locations"]),
            e["count"],
            fmt_num(e["duration"]),
            "yes" if e["at_rest"] else "no",
            ";".join(e["triggers"]),
            ";".join(e["symptoms"]),
            "" if e["weakness"] is None else e["weakness"],
            e["caffeine_mg"],
            fmt_num(e["sleep_hours"]),
            e["stress"],
            e["alcohol_units"],
            fmt_num(e["water_l"]),
            e["exercise"],
            ";".join(e["meds"]),
            e["note"],
        ])
    return rows


TWITCHLOG_HEADER = ["patient_id", "date", "location", "side", "twitch_count", "duration_min", "at_rest",
                    "triggers", "symptoms", "weakness", "caffeine_mg", "sleep_hours", "stress",
                    "alcohol_units", "water_l", "exercise", "medications", "notes"]


def write_twitchlog(pid, entries):
    write_delimited("journals/twitchlog/twitchlog_%s_export_20261119.csv" % pid,
                    TWITCHLOG_HEADER, twitchlog_rows(pid, entries))


FASCITRACK_HEADER = ["mrn", "timestamp", "episodes", "location", "side", "at_rest", "weakness", "symptoms",
                     "triggers", "medications", "caffeine_mg", "alcohol_units", "sleep_hours", "water_l",
                     "stress", "exercise", "notes"]


def write_fascitrack(pid, entries):
    rows = []
    for e in entries:
        rows.append([
            pid,
            "%sT%s" % (e["date"].isoformat(), e["time"]),
            e["count"],
            ";".join(e["locations"]),
            e["side"] if e["side"] is not None else side_of(e["locations"]),
            "1" if e["at_rest"] else "0",
            "" if e["weakness"] is None else e["weakness"],
            ";".join(e["symptoms"]),
            ";".join(e["triggers"]),
            ";".join(e["meds"]),
            e["caffeine_mg"],
            e["alcohol_units"],
            fmt_num(e["sleep_hours"]),
            fmt_num(e["water_l"]),
            e["stress"],
            e["exercise"],
            e["note"],
        ])
    write_delimited("journals/fascitrack/FasciTrack-%s-2026-11-19.csv" % pid, FASCITRACK_HEADER, rows,
                    line_end="\r\n")


DIARY_HEADER = ["Patient ID", "Recorded At", "Location", "Count", "Duration Min", "At Rest", "Weakness",
                "Symptoms", "Triggers", "Caffeine mg", "Sleep Hours", "Stress", "Alcohol Units", "Water L",
                "Exercise", "Medications", "Mood", "Notes"]


def write_diary(pid, entries, rng):
    rows = []
    for e in entries:
        mood = rng.choice(["ok", "good", "tired", "anxious", "ok", "meh"]) if e["stress"] < 7 else "stressed"
        rows.append([
            pid,
            "%s %s" % (e["date"].isoformat(), e["time"]),
            ";".join(e["locations"]),
            e["count"],
            fmt_num(e["duration"]),
            "true" if e["at_rest"] else "false",
            "" if e["weakness"] is None else e["weakness"],
            ";".join(e["symptoms"]),
            ";".join(e["triggers"]),
            e["caffeine_mg"],
            fmt_num(e["sleep_hours"]),
            e["stress"],
            e["alcohol_units"],
            fmt_num(e["water_l"]),
            e["exercise"],
            ";".join(e["meds"]),
            mood,
            e["note"],
        ])
    write_delimited("journals/symptom-diary/symptom_diary_%s.csv" % pid, DIARY_HEADER, rows, bom=True)


TSV_HEADER = ["patientid", "datetime", "location", "count", "duration_min", "at_rest", "triggers", "symptoms",
              "weakness", "caffeine_mg", "sleep_hours", "stress", "alcohol_units", "water_l", "exercise",
              "medications", "notes"]


def write_tsv(pid, entries, offset_for):
    rows = []
    for e in entries:
        rows.append([
            pid,
            "%sT%s:00%s" % (e["date"].isoformat(), e["time"], offset_for(e["date"])),
            ";".join(e["locations"]),
            e["count"],
            fmt_num(e["duration"]),
            "yes" if e["at_rest"] else "no",
            ";".join(e["triggers"]),
            ";".join(e["symptoms"]),
            "" if e["weakness"] is None else e["weakness"],
            e["caffeine_mg"],
            fmt_num(e["sleep_hours"]),
            e["stress"],
            e["alcohol_units"],
            fmt_num(e["water_l"]),
            e["exercise"],
            ";".join(e["meds"]),
            e["note"],
        ])
    write_delimited("journals/twitchdiary-android/%s_twitchdiary.tsv" % pid, TSV_HEADER, rows, delimiter="\t")


def write_xml_journal(pid, birth, sex, entries):
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<symptomJournal version="1">',
           '  <patient id=%s birthDate=%s sex=%s/>' % (quoteattr(pid), quoteattr(birth), quoteattr(sex))]
    for e in entries:
        out.append('  <entry date="%s" time="%s">' % (e["date"].isoformat(), e["time"]))
        for loc, cnt, dur, rest in e["twitches"]:
            out.append('    <twitch location=%s count="%d" durationMin="%s" atRest="%s"/>'
                       % (quoteattr(loc), cnt, fmt_num(dur), "true" if rest else "false"))
        for name, sev, loc in e["symptoms"]:
            attrs = 'name=%s' % quoteattr(name)
            if sev is not None:
                attrs += ' severity="%d"' % sev
            if loc:
                attrs += ' location=%s' % quoteattr(loc)
            out.append('    <symptom %s/>' % attrs)
        for t in e["triggers"]:
            out.append('    <trigger>%s</trigger>' % escape(t))
        out.append('    <lifestyle caffeineMg="%d" sleepHours="%s" stress="%d" exercise="%s"/>'
                   % (e["caffeine_mg"], fmt_num(e["sleep_hours"]), e["stress"], e["exercise"]))
        for m in e["meds"]:
            out.append('    <medication>%s</medication>' % escape(m))
        if e["note"]:
            out.append('    <note>%s</note>' % escape(e["note"]))
        out.append('  </entry>')
    out.append('</symptomJournal>')
    write_bytes("journals/xml/%s_journal.xml" % pid, ("\n".join(out) + "\n").encode("utf-8"))


def xentry(d, time, twitches, symptoms=(), triggers=(), meds=(), note="", **life):
    e = {"date": d, "time": time, "twitches": list(twitches), "symptoms": list(symptoms),
         "triggers": list(triggers), "meds": list(meds), "note": note}
    e.update(life)
    return e


# --------------------------------------------------------------------------------------------
# the patients


def p001_teacher():
    """52-year-old teacher: right thumb -> forearm -> shoulder over ~3 months, then dropping pens,
    jars, buttons, thinner hand, slurred speech; weakness 0 -> 1 -> 2."""
    pid = "P001"
    rng = rng_for(pid)
    first, last = date(2026, 8, 24), date(2026, 11, 18)
    notes = {
        0: "right thumb twitching while grading papers",
        3: "thumb again during marking, probably too much coffee",
        6: "after yard work, thumb jumping on the couch",
        13: "first week of parent evenings, thumb on and off",
        20: "still only the thumb, on and off all evening",
        28: "now the forearm too, little ripples under the skin",
        36: "right hand a bit weak writing on the whiteboard",
        43: "cramp in the right forearm while marking",
        49: "dropped my pen twice in class",
        53: "dropped a mug this morning, never do that",
        57: "twitching up into the shoulder now",
        60: "couldn't open the pickle jar, had to ask my daughter",
        66: "right hand looks thinner than the left, especially by the thumb",
        72: "took five minutes to button my shirt",
        76: "grip much weaker than in September",
        79: 'wife says I sound "like I\'ve had a drink" - I haven\'t',
        84: "words coming out slurred at the end of the day\nbooked neurology, earliest slot is January",
    }
    entries = []
    for i, d in enumerate(days(first, last)):
        weekday = d.weekday() < 5
        if i < 28:
            locs = ["right thumb"]
            count = rng.randint(2, 6)
            weakness = 0
            symptoms = []
        elif i < 56:
            locs = ["right thumb", "right forearm"]
            count = rng.randint(6, 12)
            weakness = 0 if i < 35 else 1
            symptoms = []
            if i >= 42 and rng.random() < 0.3:
                symptoms.append("cramps")
            if i >= 49 and (i % 2 == 1 or i in (49, 53)):
                symptoms.append("dropping things")
        else:
            locs = ["right forearm", "right upper arm", "right shoulder"]
            if rng.random() < 0.5:
                locs.insert(0, "right thumb")
            count = rng.randint(12, 22)
            weakness = 1 if i < 70 else 2
            symptoms = ["dropping things"]
            if i >= 60:
                symptoms.append("opening jars")
            if i >= 66 and (i - 66) % 4 == 0:
                symptoms.append("thinner muscle")
            if i >= 72:
                symptoms.append("trouble buttoning")
            if i >= 79:
                symptoms.append("slurred speech")
        stress = rng.randint(5, 8) if weekday else rng.randint(2, 4)
        caffeine = rng.choice([200, 250, 300]) if weekday else rng.choice([100, 150])
        sleep = round(rng.uniform(6.0, 7.5) * 2) / 2
        triggers = ["stress"] if stress >= 7 else []
        if caffeine >= 300:
            triggers.append("caffeine")
        exercise = "light" if i in (6, 13) or (not weekday and rng.random() < 0.5) else "none"
        at_rest = i >= 56 or rng.random() < 0.4
        entries.append(entry(d, None, locs, count, rng.randint(1, 4) if i < 56 else rng.randint(4, 12), at_rest,
                             triggers, symptoms, weakness, [], notes.get(i, ""), side="right",
                             **lifestyle(rng, caffeine, sleep, stress, alcohol=rng.choice([0, 0, 0, 1, 2]),
                                         water=round(rng.uniform(1.2, 2.0), 1), exercise=exercise)))
    write_twitchlog(pid, entries)


def p002_breathing():
    """67-year-old man: chest and upper-arm twitching, then breathless lying flat."""
    pid = "P002"
    rng = rng_for(pid)
    first, last = date(2026, 11, 8), date(2026, 11, 18)
    notes = {
        0: "twitching across my chest and left arm while watching the news",
        3: "tired all the time, twitching in both arms",
        5: "short of breath lying flat, slept propped up on three pillows",
        7: "out of breath walking back from the mailbox",
        9: "had to stop halfway up the stairs to get my breath",
    }
    plan = {0: ["chest", "left upper arm"], 1: ["chest", "right upper arm", "back"]}
    entries = []
    for i, d in enumerate(days(first, last)):
        locs = plan.get(i) or rng.sample(["chest", "left upper arm", "right upper arm", "back"], rng.randint(2, 3))
        twitches = [(loc, rng.randint(3, 10), rng.randint(2, 8), True) for loc in locs]
        symptoms = []
        if i >= 2:
            symptoms.append(("fatigue", None, None))
        if i >= 5:
            symptoms.append(("breathing difficulty", None, None))
        entries.append(xentry(d, hhmm(rng, 19, 22), twitches, symptoms, [], [], notes.get(i, ""),
                              caffeine_mg=rng.choice([80, 100, 120]), sleep_hours=round(rng.uniform(4.5, 6.0) * 2) / 2,
                              stress=rng.randint(4, 6), exercise="none" if i >= 5 else "light"))
    write_xml_journal(pid, "1959-03-14", "male", entries)


def p003_persistent_normal_labs():
    """29-year-old developer: 46 days of calf/thigh twitching at rest, no weakness, normal labs."""
    pid = "P003"
    rng = rng_for(pid)
    first, last = date(2026, 10, 1), date(2026, 11, 15)
    notes = {
        0: "calves going like popcorn on the couch",
        5: "twitching while watching TV, stops when I walk around",
        12: "ran 5k fine, twitching afterwards in the left calf",
        19: "read about ALS online and scared myself",
        26: "left thigh joined in tonight",
        33: "same as always, strength fine",
        40: "GP said bloods all normal",
    }
    options = ["left calf", "right calf", "left calf;right calf", "left thigh", "left calf;left thigh"]
    entries = []
    for i, d in enumerate(days(first, last)):
        caffeine = rng.choice([150, 200, 250, 350, 400])
        sleep = round(rng.uniform(5.0, 8.0) * 2) / 2
        stress = rng.randint(3, 7)
        triggers = []
        if caffeine >= 350:
            triggers.append("caffeine")
        if sleep < 6:
            triggers.append("poor sleep")
        locs = options[rng.randrange(len(options))].split(";")
        entries.append(entry(d, None, locs, rng.randint(4, 15), rng.randint(2, 10), rng.random() < 0.85,
                             triggers, [], 0, [], notes.get(i, ""),
                             **lifestyle(rng, caffeine, sleep, stress, alcohol=rng.choice([0, 0, 1, 2, 3]),
                                         water=round(rng.uniform(1.0, 2.2), 1),
                                         exercise="intense" if i in (12,) else rng.choice(["none", "light"]))))
    write_twitchlog(pid, entries)


def p004_persistent_18_days():
    """47-year-old woman: 18 days of right upper-arm twitching, halved coffee, no improvement."""
    pid = "P004"
    rng = rng_for(pid)
    first, last = date(2026, 11, 1), date(2026, 11, 18)
    notes = {
        0: "twitch in my right bicep on and off all day",
        3: "four coffees today, twitching all afternoon",
        6: "cut coffee down to one cup a day, starting today",
        10: "one cup only, no difference to the twitching",
        13: "right forearm now too",
        17: "still going every day, GP says the bloods were normal",
    }
    entries = []
    for i, d in enumerate(days(first, last)):
        if i < 6:
            caffeine, count = 350, rng.randint(5, 8)
        else:
            caffeine, count = 120, rng.randint(7, 11) if i >= 11 else rng.randint(6, 9)
        stress = rng.randint(3, 7)
        triggers = (["caffeine"] if caffeine >= 300 else []) + (["stress"] if stress >= 6 else [])
        locs = ["right upper arm"] if i < 13 else rng.choice([["right upper arm", "right forearm"], ["right forearm"]])
        entries.append(entry(d, hhmm(rng, 20, 22), locs, count, rng.randint(2, 6), rng.random() < 0.6,
                             triggers, [], 0, [], notes.get(i, ""),
                             **lifestyle(rng, caffeine, round(rng.uniform(6.5, 7.5) * 2) / 2, stress,
                                         alcohol=rng.choice([0, 0, 1]), water=round(rng.uniform(1.5, 2.0), 1),
                                         exercise=rng.choice(["none", "light"]))))
    write_fascitrack(pid, entries)


def p005_improving_14_days():
    """31-year-old man: calf twitching during a deadline week, better after cutting energy drinks."""
    pid = "P005"
    rng = rng_for(pid)
    first, last = date(2026, 11, 6), date(2026, 11, 19)
    counts = [14, 16, 13, 15, 12, 9, 7, 6, 4, 3, 2, 2, 1, 1]
    notes = {
        0: "3 energy drinks, deadline week, calves twitching at my desk",
        2: "slept 5 hours again",
        4: "deadline done. switching to decaf after one cup",
        7: "slept 8 hours, much calmer legs",
        11: "barely any twitches today",
        13: "just one flicker in the left calf tonight",
    }
    entries = []
    for i, d in enumerate(days(first, last)):
        if i < 5:
            caffeine, sleep, stress, triggers = rng.choice([450, 500]), rng.choice([5.0, 5.5]), rng.randint(7, 9), ["caffeine", "poor sleep", "stress"]
        else:
            caffeine, sleep, stress, triggers = 100, rng.choice([7.5, 8.0]), rng.randint(2, 4), []
        entries.append(entry(d, hhmm(rng, 21, 23), ["left calf", "right calf"], counts[i], max(1, counts[i] // 3),
                             True, triggers, [], 0, [], notes.get(i, ""), side="both",
                             **lifestyle(rng, caffeine, sleep, stress, alcohol=0,
                                         water=1.2 if i < 5 else 2.2, exercise="none" if i < 5 else "light")))
    write_fascitrack(pid, entries)


def p006_spreading():
    """44-year-old woman: left calf for nine days, then the right arm joins (new region group)."""
    pid = "P006"
    rng = rng_for(pid)
    first, last = date(2026, 10, 12), date(2026, 11, 16)
    notes = {
        0: "left calf twitching after standing at work all day",
        4: "calf again, nothing else",
        9: "now the right forearm too, first time in the arm",
        15: "upper arm twitching at my desk",
        22: "arm and calf most days now",
        30: "no weakness, but it keeps moving around",
    }
    later = ["left calf", "right forearm", "left calf;right forearm", "right upper arm",
             "right forearm;right upper arm", "left calf;right upper arm"]
    entries = []
    for i, d in enumerate(days(first, last)):
        if i < 9:
            locs, count = ["left calf"], rng.randint(3, 7)
        elif i == 9:
            locs, count = ["left calf", "right forearm"], 8
        else:
            locs, count = later[rng.randrange(len(later))].split(";"), rng.randint(5, 12)
        stress = rng.randint(2, 6)
        caffeine = rng.choice([100, 150, 200])
        sleep = round(rng.uniform(6.5, 8.0) * 2) / 2
        entries.append(entry(d, None, locs, count, rng.randint(1, 5), rng.random() < 0.7,
                             ["stress"] if stress >= 6 else [], [], 0, [], notes.get(i, ""),
                             **lifestyle(rng, caffeine, sleep, stress, alcohol=rng.choice([0, 1, 1, 2]),
                                         water=round(rng.uniform(1.4, 2.2), 1), exercise=rng.choice(["none", "light"]))))
    write_twitchlog(pid, entries)


def p007_sensory_low_b12():
    """44-year-old vegan woman: pins and needles and numb toes with calf twitching; B12 < 150."""
    pid = "P007"
    rng = rng_for(pid)
    first, last = date(2026, 11, 2), date(2026, 11, 13)
    notes = {
        0: "pins and needles in both feet, worse at night",
        2: "toes feel numb first thing in the morning",
        5: "vegan for 6 years, stopped my B12 tablets in the spring",
        8: "calves twitching and feet tingling on the sofa",
        10: "GP took bloods today",
    }
    entries = []
    for i, d in enumerate(days(first, last)):
        locs = rng.choice([["left calf", "right calf"], ["left calf"], ["right calf", "left foot"]])
        symptoms = ["pins and needles", "numbness"] if i % 3 != 1 else ["pins and needles"]
        entries.append(entry(d, hhmm(rng, 20, 22), locs, rng.randint(3, 9), rng.randint(1, 4), True,
                             [], symptoms, None, [], notes.get(i, ""),
                             **lifestyle(rng, rng.choice([80, 100, 120]), round(rng.uniform(6.5, 7.5) * 2) / 2,
                                         rng.randint(2, 5), alcohol=0, water=round(rng.uniform(1.8, 2.4), 1),
                                         exercise=rng.choice(["light", "none"]))))
    write_diary(pid, entries, rng)


def p008_sensory_with_weakness():
    """66-year-old man: burning, numb feet with calf/foot twitching and steady mild ankle weakness."""
    pid = "P008"
    rng = rng_for(pid)
    first, last = date(2026, 10, 14), date(2026, 11, 15)
    notes = {
        0: "feet burning at night, worse under the duvet",
        4: "ankles feel weak on the stairs, same as last month",
        11: "can't feel the floor properly in socks",
        16: "blood test at the clinic this morning",
        23: "twitching in both calves in bed",
        30: "ankles no worse, no better",
    }
    options = [["left calf", "right calf"], ["left foot"], ["right foot", "left calf"], ["right calf"]]
    entries = []
    for i, d in enumerate(days(first, last)):
        symptoms = ["burning", "numbness"] if i % 4 != 2 else ["numbness"]
        entries.append(entry(d, hhmm(rng, 21, 23), options[rng.randrange(len(options))], rng.randint(4, 10),
                             rng.randint(2, 6), True, [], symptoms, 1, [], notes.get(i, ""),
                             **lifestyle(rng, rng.choice([100, 150]), round(rng.uniform(5.5, 7.0) * 2) / 2,
                                         rng.randint(2, 5), alcohol=rng.choice([0, 1, 2]),
                                         water=round(rng.uniform(1.2, 1.8), 1), exercise=rng.choice(["none", "light"]))))
    write_diary(pid, entries, rng)


def p009_neck_arm():
    """49-year-old man: neck pain shooting into the right arm, forearm/hand twitching, reduced reflex."""
    pid = "P009"
    rng = rng_for(pid)
    first, last = date(2026, 10, 19), date(2026, 11, 17)
    reflex_days = {date(2026, 10, 30), date(2026, 11, 6), date(2026, 11, 13)}
    notes = {
        0: "neck stiff after painting the ceiling, pain shoots down into my right arm",
        5: "forearm twitching while driving",
        11: "physio says my right triceps reflex is reduced",
        18: "physio again, reflex still reduced, doing neck exercises",
        22: "sleeping on two pillows makes the arm worse",
        25: "physio: reflex the same, suggests a scan",
    }
    options = [["right forearm"], ["right hand"], ["right thumb", "right forearm"], ["right forearm", "right hand"]]
    entries = []
    for i, d in enumerate(days(first, last)):
        symptoms = ["neck pain radiating to the arm"] if i % 5 != 3 else []
        if d in reflex_days:
            symptoms.append("reduced reflexes")
        entries.append(entry(d, hhmm(rng, 18, 22), options[rng.randrange(len(options))], rng.randint(3, 9),
                             rng.randint(1, 5), rng.random() < 0.5, [], symptoms, None, ["ibuprofen"],
                             notes.get(i, ""),
                             **lifestyle(rng, rng.choice([150, 200, 250]), round(rng.uniform(5.5, 7.0) * 2) / 2,
                                         rng.randint(3, 6), alcohol=rng.choice([0, 1, 2, 2]),
                                         water=round(rng.uniform(1.2, 2.0), 1), exercise="light" if rng.random() < 0.3 else "none")))
    write_diary(pid, entries, rng)


def p010_central():
    """34-year-old woman: left eyelid twitching spreading to cheek and mouth, blurred vision."""
    pid = "P010"
    rng = rng_for(pid)
    first, last = date(2026, 10, 16), date(2026, 11, 16)
    notes = {
        0: "left eyelid flickering at work",
        6: "eyelid still going, more sleep hasn't helped",
        10: "now my left cheek twitches as well",
        14: "blurred vision in my left eye this morning",
        18: "worse after a hot shower",
        21: "corner of my mouth pulling on the left",
        27: "vision in the left eye still a bit blurry, so tired",
    }
    entries = []
    for i, d in enumerate(days(first, last)):
        if i < 10:
            locs = ["left eyelid"]
        elif i < 21:
            locs = ["left eyelid", "left cheek"]
        else:
            locs = rng.choice([["left eyelid", "left cheek", "mouth"], ["left cheek", "mouth"], ["left eyelid", "mouth"]])
        twitches = [(loc, rng.randint(6, 20), rng.randint(3, 15), rng.random() < 0.6) for loc in locs]
        symptoms = []
        if i >= 14 and i % 3 != 0:
            symptoms.append(("vision problems", None, "left eye"))
        if i >= 8 and i % 2 == 0:
            symptoms.append(("fatigue", None, None))
        stress = rng.randint(3, 6)
        entries.append(xentry(d, hhmm(rng, 18, 22), twitches, symptoms, ["stress"] if stress >= 6 else [], [],
                              notes.get(i, ""), caffeine_mg=rng.choice([100, 150]),
                              sleep_hours=round(rng.uniform(7.0, 8.5) * 2) / 2, stress=stress,
                              exercise=rng.choice(["none", "light"])))
    write_xml_journal(pid, "1992-05-16", "female", entries)


def p011_diuretic_low_mg():
    """71-year-old woman on hydrochlorothiazide: calf twitching, night cramps, low magnesium."""
    pid = "P011"
    rng = rng_for(pid)
    first, last = date(2026, 11, 4), date(2026, 11, 15)
    notes = {
        0: "leg cramps woke me at 3am, calves twitching after",
        1: "eyelid flickering while reading",
        3: "doctor started me on a water pill in September",
        9: "nurse took blood for magnesium",
    }
    entries = []
    for i, d in enumerate(days(first, last)):
        locs = ["left calf", "right calf"]
        if i in (1, 4, 7, 10):
            locs.append("left eyelid")
        entries.append(entry(d, hhmm(rng, 8, 10), locs, rng.randint(5, 10), rng.randint(2, 6), True,
                             ["dehydration"] if i in (2, 6) else [], ["cramps"] if i % 3 != 2 else [], None,
                             ["hydrochlorothiazide", "lisinopril"], notes.get(i, ""),
                             **lifestyle(rng, rng.choice([50, 100]), round(rng.uniform(6.0, 7.5) * 2) / 2,
                                         rng.randint(1, 4), alcohol=0, water=round(rng.uniform(0.9, 1.4), 1),
                                         exercise="light")))
    write_fascitrack(pid, entries)


def p012_low_vitamin_d():
    """35-year-old night-shift nurse: eyelid and calf twitching, 25(OH)D low."""
    pid = "P012"
    rng = rng_for(pid)
    first, last = date(2026, 11, 5), date(2026, 11, 14)
    notes = {
        0: "night shifts this week, left eyelid jumping",
        2: "right calf twitching after a 12-hour shift",
        5: "hardly see daylight in November",
        6: "had the blood test on my day off",
    }
    entries = []
    for i, d in enumerate(days(first, last)):
        locs = ["left eyelid"] if i % 3 == 0 else (["right calf"] if i % 3 == 1 else ["left eyelid", "right calf"])
        if i == 0:
            locs = ["left eyelid"]
        entries.append(entry(d, hhmm(rng, 7, 9), locs, rng.randint(3, 8), rng.randint(1, 3), rng.random() < 0.5,
                             ["poor sleep"] if i < 4 else [], ["fatigue"] if i < 4 else [], None, [], notes.get(i, ""),
                             **lifestyle(rng, rng.choice([150, 200]), 5.5 if i < 4 else 7.0, rng.randint(3, 6),
                                         alcohol=0, water=round(rng.uniform(1.5, 2.0), 1),
                                         exercise=rng.choice(["none", "light"]))))
    write_diary(pid, entries, rng)


def p013_prednisone():
    """63-year-old man on prednisone for polymyalgia: thigh and calf twitching for 26 days."""
    pid = "P013"
    rng = rng_for(pid)
    first, last = date(2026, 10, 20), date(2026, 11, 14)
    notes = {
        0: "started prednisone 20 mg on Oct 8 for polymyalgia, thighs twitching in bed",
        7: "twitching in both thighs most evenings",
        14: "blood test done, doctor said normal",
        18: "prednisone down to 15 mg, twitching the same",
        24: "left calf twitching as well tonight",
    }
    entries = []
    for i, d in enumerate(days(first, last)):
        locs = rng.choice([["left thigh", "right thigh"], ["left thigh"], ["right thigh", "left calf"]])
        if i == 0:
            locs = ["left thigh", "right thigh"]
        twitches = [(loc, rng.randint(3, 8), rng.randint(2, 6), True) for loc in locs]
        entries.append(xentry(d, hhmm(rng, 21, 23), twitches, [], [], ["prednisone"], notes.get(i, ""),
                              caffeine_mg=rng.choice([100, 150]), sleep_hours=round(rng.uniform(5.5, 7.0) * 2) / 2,
                              stress=rng.randint(2, 4), exercise=rng.choice(["none", "light"])))
    write_xml_journal(pid, "1963-08-29", "male", entries)


def p014_salbutamol():
    """24-year-old woman (UK) using her salbutamol inhaler a lot: hand and forearm twitching."""
    pid = "P014"
    rng = rng_for(pid)
    first, last = date(2026, 10, 19), date(2026, 11, 16)
    notes = {
        0: "hands jumpy after using my inhaler",
        3: "used my inhaler before netball",
        9: "cold going round the office, puffer 4 times today",
        15: "right forearm twitching on the bus",
        21: "still twitchy hands, asked the pharmacist about the inhaler",
    }
    options = [["left hand", "right hand"], ["right forearm"], ["left thumb"], ["right hand", "right forearm"]]
    entries = []
    for i, d in enumerate(days(first, last)):
        netball = d.weekday() in (1, 3)
        symptoms = ["shaky hands"] if rng.random() < 0.35 else []
        entries.append(entry(d, hhmm(rng, 8, 21), options[rng.randrange(len(options))], rng.randint(4, 12),
                             rng.randint(1, 4), rng.random() < 0.5, ["exercise"] if netball else [], symptoms, None,
                             ["salbutamol"], notes.get(i, ""),
                             **lifestyle(rng, rng.choice([80, 120, 160]), round(rng.uniform(6.5, 8.0) * 2) / 2,
                                         rng.randint(2, 6), alcohol=rng.choice([0, 0, 2, 3]),
                                         water=round(rng.uniform(1.2, 2.0), 1), exercise="intense" if netball else "none")))
    # UK: BST (+01:00) until Sunday 25 October 2026, then GMT (+00:00).
    write_tsv(pid, entries, lambda d: "+01:00" if d < date(2026, 10, 25) else "+00:00")


def p015_sertraline():
    """37-year-old man, sertraline since mid-September: calf, arm and back twitching, 36 days."""
    pid = "P015"
    rng = rng_for(pid)
    first, last = date(2026, 10, 10), date(2026, 11, 14)
    notes = {
        0: "started sertraline 50 mg on Sep 14, twitching for a couple of weeks now",
        1: "right bicep and left calf",
        2: "back muscles flickering at night",
        12: "sertraline up to 100 mg, twitching a bit more",
        20: "work stress, twitching all evening",
        30: "same pattern, asked GP about the sertraline",
    }
    options = [["left calf"], ["right upper arm"], ["back"], ["left calf", "right upper arm"], ["left thigh"],
               ["right forearm", "back"]]
    fixed = {0: ["left calf"], 1: ["right upper arm", "left calf"], 2: ["back"]}
    entries = []
    for i, d in enumerate(days(first, last)):
        locs = fixed.get(i) or options[rng.randrange(len(options))]
        stress = rng.randint(3, 8)
        entries.append(entry(d, hhmm(rng, 19, 23), locs, rng.randint(4, 12), rng.randint(1, 6), rng.random() < 0.8,
                             ["stress"] if stress >= 7 else [], [], 0, ["sertraline"], notes.get(i, ""),
                             **lifestyle(rng, rng.choice([150, 200, 250]), round(rng.uniform(5.5, 7.5) * 2) / 2,
                                         stress, alcohol=rng.choice([0, 1, 2, 3]), water=round(rng.uniform(1.2, 2.0), 1),
                                         exercise=rng.choice(["none", "light", "intense"]))))
    write_fascitrack(pid, entries)


def p016_caffeine_eyelid():
    """27-year-old grad student: five days of left eyelid twitching in exam week, then gone."""
    pid = "P016"
    rng = rng_for(pid)
    first, last = date(2026, 11, 12), date(2026, 11, 18)
    counts = [8, 12, 10, 6, 3, 0, 0]
    caffeine = [600, 650, 600, 300, 200, 150, 150]
    sleep = [5.0, 4.5, 5.0, 6.5, 7.5, 8.0, 8.0]
    notes = {
        0: "exam week, 4 coffees and an energy drink, left eyelid flickering",
        1: "eyelid going all through the lecture",
        3: "exams over, cut back the coffee",
        5: "no twitching today",
        6: "gone",
    }
    entries = []
    for i, d in enumerate(days(first, last)):
        e = entry(d, hhmm(rng, 20, 23), ["left eyelid"] if counts[i] else [], counts[i], 2 if counts[i] else 0,
                  False, ["caffeine", "poor sleep", "stress"] if i < 3 else [], [], None, [], notes.get(i, ""),
                  **lifestyle(rng, caffeine[i], sleep[i], 8 if i < 3 else 3, alcohol=0 if i < 4 else 2,
                              water=1.0 if i < 3 else 1.8, exercise="none" if i < 4 else "light"))
        entries.append(e)
    write_diary(pid, entries, rng)


def p017_stale_labs():
    """41-year-old marathon runner: 27 days of calf twitching after runs; last bloods in April."""
    pid = "P017"
    rng = rng_for(pid)
    first, last = date(2026, 10, 20), date(2026, 11, 15)
    notes = {
        0: "calves twitching after the long run",
        6: "20 miles today, calves popping all evening",
        13: "twitches every day now, even rest days",
        20: "last bloods were at my physical in April",
        26: "still twitching, legs strong, PR at the 10k",
    }
    entries = []
    for i, d in enumerate(days(first, last)):
        run = d.weekday() in (1, 3, 5, 6)
        entries.append(entry(d, hhmm(rng, 7, 17), rng.choice([["left calf", "right calf"], ["left calf"], ["right calf"]]),
                             rng.randint(6, 12) if run else rng.randint(4, 9), rng.randint(2, 8), rng.random() < 0.7,
                             ["exercise"] if run else [], [], None, [], notes.get(i, ""),
                             **lifestyle(rng, rng.choice([100, 150, 200]), round(rng.uniform(6.5, 8.0) * 2) / 2,
                                         rng.randint(2, 4), alcohol=rng.choice([0, 0, 1, 2]),
                                         water=round(rng.uniform(2.0, 3.2), 1), exercise="intense" if run else "light")))
    # US Central: CDT (-05:00) until Sunday 1 November 2026, then CST (-06:00).
    write_tsv(pid, entries, lambda d: "-05:00" if d < date(2026, 11, 1) else "-06:00")


def p018_anxiety_bfs():
    """32-year-old woman: two months of widespread, migrating twitching tied to stress; normal strength."""
    pid = "P018"
    rng = rng_for(pid)
    first, last = date(2026, 9, 20), date(2026, 11, 18)
    notes = {
        0: "twitching everywhere since the move, calves, arm, back, even my eyelid",
        1: "stomach muscle twitching in the meeting",
        2: "right thigh and left eyelid tonight",
        9: "panicky evening, twitching all over, heart racing",
        17: "calm weekend, hardly any twitches",
        25: "googled ALS again, twitching worse after",
        33: "strength fine, carried the shopping up 3 floors",
        41: "good week at work, fewer twitches",
        50: "deadline, twitching in arms and back all night",
        58: "still jumping around the body, but never weak",
    }
    # every region group appears within the first three days; later days draw only from these groups
    fixed = {0: ["left calf", "right upper arm", "back", "left eyelid"], 1: ["abdomen", "left forearm"],
             2: ["right thigh", "left eyelid"]}
    pool = ["left calf", "right calf", "right thigh", "left foot", "right upper arm", "left forearm", "left hand",
            "back", "abdomen", "chest", "left eyelid", "right eyelid"]
    entries = []
    for i, d in enumerate(days(first, last)):
        stressed = rng.random() < 0.4
        stress = rng.randint(7, 9) if stressed else rng.randint(2, 5)
        locs = fixed.get(i) or rng.sample(pool, rng.randint(1, 4))
        count = rng.randint(14, 28) if stressed else rng.randint(3, 10)
        symptoms = []
        if stressed and rng.random() < 0.4:
            symptoms.append("racing heart")
        if rng.random() < 0.2:
            symptoms.append("fatigue")
        triggers = ["stress"] if stressed else []
        caffeine = rng.choice([100, 150, 200, 300])
        if caffeine >= 300:
            triggers.append("caffeine")
        sleep = round(rng.uniform(5.0, 6.5) * 2) / 2 if stressed else round(rng.uniform(6.5, 8.0) * 2) / 2
        if sleep < 6:
            triggers.append("poor sleep")
        entries.append(entry(d, None, locs, count, rng.randint(2, 12), rng.random() < 0.75, triggers, symptoms, 0,
                             [], notes.get(i, ""),
                             **lifestyle(rng, caffeine, sleep, stress, alcohol=rng.choice([0, 0, 1, 2]),
                                         water=round(rng.uniform(1.2, 2.2), 1),
                                         exercise=rng.choice(["none", "light", "light", "intense"]))))
    write_twitchlog(pid, entries)


def p019_red_flags_and_labs():
    """61-year-old man: left hand twitching, thinner hand muscle, coughing on water; low Mg and D."""
    pid = "P019"
    rng = rng_for(pid)
    first, last = date(2026, 11, 5), date(2026, 11, 17)
    notes = {
        0: "GP told me to keep this diary. Left hand twitching for months; the web between thumb and finger looks hollow",
        3: "left hand weak turning the key, same as before",
        6: "coughing when I drink water, food sticking",
        9: "choked on a glass of water at dinner",
        12: "twitching in the left forearm now as well",
    }
    entries = []
    for i, d in enumerate(days(first, last)):
        locs = rng.choice([["left hand"], ["left thumb", "left hand"], ["left hand", "left forearm"]])
        if i == 0:
            locs = ["left hand"]
        twitches = [(loc, rng.randint(5, 14), rng.randint(2, 10), True) for loc in locs]
        symptoms = [("weakness", 1, "left hand")]
        if i % 3 == 0:
            symptoms.append(("thinner muscle", None, "left hand"))
        if i >= 6:
            symptoms.append(("swallowing difficulty", None, None))
        entries.append(xentry(d, hhmm(rng, 18, 21), twitches, symptoms, [], [], notes.get(i, ""),
                              caffeine_mg=rng.choice([100, 200]), sleep_hours=round(rng.uniform(6.0, 7.5) * 2) / 2,
                              stress=rng.randint(3, 6), exercise="none"))
    write_xml_journal(pid, "1965-09-30", "male", entries)


def p020_partly_unreadable():
    """33-year-old woman: 31 days of calf/foot twitching. Two journal rows are bad on purpose:
    one date exported as 10/28/2026, one row with weakness 7 (her stress score, typed in the
    wrong column). Her potassium came back labelled mg/dL (lab file)."""
    pid = "P020"
    rng = rng_for(pid)
    first, last = date(2026, 10, 14), date(2026, 11, 13)
    notes = {
        0: "right calf twitching while I try to sleep",
        6: "left foot too, little flickers",
        14: "edited this one on my laptop",
        19: "bad day at work",
        25: "twitching same as ever, legs feel strong",
    }
    entries = []
    for i, d in enumerate(days(first, last)):
        locs = rng.choice([["right calf"], ["left foot"], ["right calf", "left foot"]])
        stress = rng.randint(2, 6)
        e = entry(d, None, locs, rng.randint(3, 10), rng.randint(1, 6), True,
                  ["poor sleep"] if rng.random() < 0.3 else [], [], 0, [], notes.get(i, ""),
                  **lifestyle(rng, rng.choice([100, 150, 200]), round(rng.uniform(5.5, 7.5) * 2) / 2, stress,
                              alcohol=rng.choice([0, 1, 1, 2]), water=round(rng.uniform(1.2, 2.0), 1),
                              exercise=rng.choice(["none", "light"])))
        if i == 14:  # 2026-10-28, re-saved from a spreadsheet in US format
            e["date_text"] = "10/28/2026"
        if i == 19:  # 2026-11-02, stress 7 typed into the weakness column
            e["weakness"] = 7
            e["stress"] = 7
        entries.append(e)
    write_twitchlog(pid, entries)


def mrn004417_no_labs():
    """41-year-old warehouse shift lead: 34 days of thigh/calf twitching, never had bloods."""
    pid = "MRN-004417"
    rng = rng_for(pid)
    first, last = date(2026, 10, 15), date(2026, 11, 17)
    notes = {
        0: "left thigh twitching after a double shift",
        7: "calf and thigh, mostly when I sit down",
        15: "night shift rota again, twitching every evening",
        24: "haven't had any blood tests, never been to a doctor about it",
        32: "still there every day",
    }
    entries = []
    for i, d in enumerate(days(first, last)):
        night = (i // 7) % 2 == 1
        entries.append(entry(d, hhmm(rng, 10, 20), rng.choice([["left thigh"], ["left calf"], ["left thigh", "left calf"]]),
                             rng.randint(3, 10), rng.randint(1, 5), rng.random() < 0.7,
                             (["poor sleep"] if night else []) + (["exercise"] if rng.random() < 0.3 else []), [], None,
                             [], notes.get(i, ""),
                             **lifestyle(rng, rng.choice([150, 200, 300]), 5.5 if night else 7.0, rng.randint(3, 6),
                                         alcohol=rng.choice([0, 0, 1]), water=round(rng.uniform(1.0, 2.0), 1),
                                         exercise=rng.choice(["light", "intense"]))))
    write_diary(pid, entries, rng)


def mrn011852_critical_k():
    """29-year-old man after four days of gastroenteritis: cramps and widespread leg twitching; K 2.3."""
    pid = "MRN-011852"
    rng = rng_for(pid)
    first, last = date(2026, 11, 14), date(2026, 11, 18)
    counts = [12, 25, 38, 30, 22]
    notes = {
        0: "stomach bug since Tuesday, can't keep anything down",
        1: "calves and thighs twitching nonstop, cramps",
        3: "ER drew blood, they called me back about potassium",
        4: "on potassium tablets, still crampy",
    }
    entries = []
    for i, d in enumerate(days(first, last)):
        entries.append(entry(d, hhmm(rng, 9, 20), ["left calf", "right calf", "right thigh"] if i else ["left calf", "right calf"],
                             counts[i], rng.randint(10, 30), True, ["dehydration"], ["cramps", "fatigue"], None,
                             [], notes.get(i, ""),
                             **lifestyle(rng, 0, round(rng.uniform(4.0, 6.0) * 2) / 2, rng.randint(4, 6), alcohol=0,
                                         water=0.6 if i < 3 else 1.5, exercise="none")))
    write_fascitrack(pid, entries)


# --------------------------------------------------------------------------------------------
# labs

US_LAB = "Northside Clinical Laboratory"

# name, loinc, unit, low, high
US = {
    "mg": ("Magnesium", "19123-9", "mg/dL", "1.7", "2.2"),
    "k": ("Potassium", "2823-3", "mmol/L", "3.5", "5.1"),
    "k_meq": ("Potassium", "2823-3", "mEq/L", "3.5", "5.1"),
    "ca": ("Calcium", "17861-6", "mg/dL", "8.6", "10.3"),
    "b12": ("Vitamin B12", "2132-9", "pg/mL", "200", "900"),
    "d": ("Vitamin D, 25-Hydroxy", "62292-8", "ng/mL", "30", "100"),
    "tsh": ("TSH", "3016-3", "mIU/L", "0.45", "4.50"),
    "na": ("Sodium", "2951-2", "mmol/L", "135", "145"),
    "a1c": ("Hemoglobin A1c", "4548-4", "%", "4.0", "5.6"),
    "glu": ("Glucose", "2345-7", "mg/dL", "70", "99"),
    "ck": ("Creatine Kinase", "2157-6", "U/L", "49", "397"),
}


def us_rows():
    rows = []

    def add(pid, when, key, value, flag="N", unit=None):
        name, loinc, u, lo, hi = US[key]
        rows.append([pid, when, name, loinc, value, unit or u, lo, hi, flag, US_LAB])

    # P001 teacher: normal core panel, TSH normal, CK mildly raised (not a core analyte)
    t = "2026-10-27T08:14"
    add("P001", t, "mg", "2.0"); add("P001", t, "k", "4.4"); add("P001", t, "ca", "9.5")
    add("P001", t, "b12", "512"); add("P001", t, "d", "38"); add("P001", t, "tsh", "1.90")
    add("P001", t, "ck", "412", "H")
    # P003 persistent, normal panel
    t = "2026-10-22T07:52"
    add("P003", t, "mg", "2.1"); add("P003", t, "k_meq", "4.2"); add("P003", t, "ca", "9.8")
    add("P003", t, "b12", "640"); add("P003", t, "d", "44"); add("P003", t, "tsh", "2.31")
    # P006 spreading, normal panel
    t = "2026-11-02T09:30"
    add("P006", t, "mg", "1.9"); add("P006", t, "k", "4.0"); add("P006", t, "ca", "9.3")
    add("P006", t, "b12", "455"); add("P006", t, "d", "35")
    # P008 sensory with weakness: B12 and glucose markers only (electrolytes and D never drawn)
    t = "2026-10-30T08:05"
    add("P008", t, "b12", "410"); add("P008", t, "a1c", "5.5"); add("P008", t, "glu", "94")
    # P011 on hydrochlorothiazide: low magnesium
    t = "2026-11-13T10:41"
    add("P011", t, "mg", "1.4", "L"); add("P011", t, "k", "3.6"); add("P011", t, "ca", "9.1")
    add("P011", t, "b12", "520"); add("P011", t, "d", "34"); add("P011", t, "na", "136")
    # P015 sertraline: normal panel
    t = "2026-10-29T08:20"
    add("P015", t, "mg", "2.0"); add("P015", t, "k_meq", "4.5"); add("P015", t, "ca", "9.6")
    add("P015", t, "b12", "380"); add("P015", t, "d", "41"); add("P015", t, "tsh", "1.42")
    # P017 runner: last bloods at his April physical, all normal but stale by 2026-11-20
    t = "2026-04-14T07:35"
    add("P017", t, "mg", "2.0"); add("P017", t, "k", "4.3"); add("P017", t, "ca", "9.7")
    add("P017", t, "b12", "590"); add("P017", t, "d", "47"); add("P017", t, "glu", "88")
    # P019 red flags: low magnesium and low vitamin D
    t = "2026-11-10T11:02"
    add("P019", t, "mg", "1.5", "L"); add("P019", t, "k", "4.3"); add("P019", t, "ca", "9.2")
    add("P019", t, "b12", "390"); add("P019", t, "d", "14", "L"); add("P019", t, "tsh", "2.05")
    # P020: potassium sent with the wrong unit (a row error); the rest normal
    t = "2026-10-30T08:47"
    add("P020", t, "mg", "2.0"); add("P020", t, "k", "4.2", unit="mg/dL"); add("P020", t, "ca", "9.3")
    add("P020", t, "b12", "455"); add("P020", t, "d", "41")
    # MRN-011852 emergency department: critical potassium
    t = "2026-11-17T02:18"
    add("MRN-011852", t, "k", "2.3", "LL"); add("MRN-011852", t, "mg", "1.8"); add("MRN-011852", t, "na", "136")
    add("MRN-011852", t, "ca", "9.0"); add("MRN-011852", t, "glu", "84")
    rows.sort(key=lambda r: (r[1], r[0]))
    return rows


def write_us_labs():
    header = ["patient_id", "collected_at", "test", "loinc", "value", "unit", "ref_low", "ref_high", "flag", "lab"]
    write_delimited("labs/northside_lab_results_20261119.csv", header, us_rows())


def write_eu_labs():
    # partner laboratory in Germany: ';', decimal commas, SI units, CRLF, UTF-8 BOM
    header = ["patient_id", "collected", "test", "loinc", "value", "unit", "reference"]
    rows = []

    def panel(pid, when, mg, k, ca, b12, d, tsh=None):
        rows.append([pid, when, "Mg", "2601-3", mg, "mmol/L", "0,70-1,00"])
        rows.append([pid, when, "K", "2823-3", k, "mmol/L", "3,5-5,1"])
        rows.append([pid, when, "Ca", "2000-8", ca, "mmol/L", "2,15-2,55"])
        rows.append([pid, when, "Vitamin B12", "14685-2", b12, "pmol/L", "145-569"])
        rows.append([pid, when, "25(OH)D", "", d, "nmol/L", "50-125"])
        if tsh:
            rows.append([pid, when, "TSH", "3016-3", tsh, "mIU/L", "0,27-4,20"])

    panel("P018", "2026-10-06T07:40", "0,86", "4,3", "2,36", "402", "78", "1,84")
    panel("P004", "2026-11-10T08:05", "0,81", "4,1", "2,34", "298", "72", "2,10")
    panel("P009", "2026-11-04T07:55", "0,90", "4,6", "2,41", "356", "64")
    panel("P012", "2026-11-11T14:20", "0,84", "4,2", "2,31", "310", "34")
    write_delimited("labs/partnerlabor_export_2026-11.csv", header, rows, delimiter=";", line_end="\r\n", bom=True)


def write_xml_labs():
    results = [
        # P007, vegan, pins and needles: B12 below the analyser's range
        ("P007", "2026-11-12T15:05:00Z", "vitamin B12", "2132-9", "pg/mL", "200", "900", "<150"),
        ("P007", "2026-11-12T15:05:00Z", "magnesium", "19123-9", "mg/dL", "1.7", "2.2", "2.0"),
        ("P007", "2026-11-12T15:05:00Z", "potassium", "2823-3", "mmol/L", "3.5", "5.1", "4.1"),
        ("P007", "2026-11-12T15:05:00Z", "calcium", "17861-6", "mg/dL", "8.6", "10.3", "9.4"),
        ("P007", "2026-11-12T15:05:00Z", "25-OH vitamin D", "1989-3", "ng/mL", "30", "100", "33"),
        ("P007", "2026-11-12T15:05:00Z", "HbA1c", "4548-4", "%", "4.0", "5.6", "5.2"),
        ("P007", "2026-11-12T15:05:00Z", "glucose", "2345-7", "mg/dL", "70", "99", "86"),
        # P013 on prednisone: normal panel
        ("P013", "2026-11-03T14:40:00Z", "magnesium", "19123-9", "mg/dL", "1.7", "2.2", "2.0"),
        ("P013", "2026-11-03T14:40:00Z", "potassium", "2823-3", "mmol/L", "3.5", "5.1", "4.0"),
        ("P013", "2026-11-03T14:40:00Z", "calcium", "17861-6", "mg/dL", "8.6", "10.3", "9.4"),
        ("P013", "2026-11-03T14:40:00Z", "vitamin B12", "2132-9", "pg/mL", "200", "900", "480"),
        ("P013", "2026-11-03T14:40:00Z", "25-OH vitamin D", "1989-3", "ng/mL", "30", "100", "36"),
        ("P013", "2026-11-03T14:40:00Z", "glucose", "2345-7", "mg/dL", "70", "99", "96"),
    ]
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<!-- Mercy Valley Hospital laboratory interface, results released 2026-11-01 to 2026-11-19 -->',
           '<labResults version="1">']
    for pid, when, test, loinc, unit, lo, hi, value in results:
        out.append('  <result patient=%s collected=%s test=%s loinc=%s unit=%s low=%s high=%s>%s</result>'
                   % (quoteattr(pid), quoteattr(when), quoteattr(test), quoteattr(loinc), quoteattr(unit),
                      quoteattr(lo), quoteattr(hi), escape(value)))
    out.append('</labResults>')
    write_bytes("labs/mercy_valley_lab_results.xml", ("\n".join(out) + "\n").encode("utf-8"))


# --------------------------------------------------------------------------------------------
# demographics


def write_patients():
    header = ["patient_id", "birth_date", "sex", "display_name"]
    rows = [
        ["P001", "1974-05-02", "male", "Mark Halvorsen"],
        ["P003", "1997-06-30", "male", "Daniel Okafor"],
        ["P004", "1979-01-19", "female", "Ruth Lindqvist"],
        ["P005", "1995-08-08", "male", "Tomás Rivera"],
        ["P006", "1982-02-11", "female", "Priya Raman"],
        ["P007", "1982-09-03", "female", "Hannah Becker"],
        ["P008", "1960-04-27", "male", ""],
        ["P009", "1977-07-21", "male", "Grant McAllister"],
        ["P011", "1955-10-02", "female", "Doris Kowalski"],
        ["P012", "1990-12-05", "female", "Aisha Bello"],
        ["P014", "2002-03-09", "female", "Chloe Whitfield"],
        ["P015", "1988-11-23", "male", "Kevin O'Brien"],
        ["P016", "1999-04-12", "female", "Mei Lin"],
        ["P017", "1985-06-17", "male", ""],
        ["P018", "1994-01-27", "female", "Sofia Marchetti"],
        ["P020", "1993-10-08", "female", "Jenna Price"],
    ]
    write_delimited("patients/patients.csv", header, rows)
    # walk-in and emergency registrations: only an age was recorded
    write_delimited("patients/patients_walkin.csv", ["patient_id", "age", "sex"],
                    [["MRN-004417", "41", "female"], ["MRN-011852", "29", "male"]])


# --------------------------------------------------------------------------------------------
# patients whose labs arrive only in an exchange format (SPEC §3.9)


def short_journal(pid, first, last, locations, notes):
    """A 10-day TwitchLog journal with benign features (no red flag, no sensory symptom)."""
    rng = rng_for(pid)
    entries = []
    for i, d in enumerate(days(first, last)):
        entries.append(entry(d, hhmm(rng, 19, 22), locations[i % len(locations)], rng.randint(3, 9), rng.randint(1, 4),
                             rng.random() < 0.6, [], [], 0, [], notes.get(i, ""),
                             **lifestyle(rng, rng.choice([100, 150, 200]), round(rng.uniform(6.5, 7.5), 1),
                                         rng.randint(2, 5), alcohol=0, water=round(rng.uniform(1.5, 2.2), 1),
                                         exercise=rng.choice(["none", "light"]))))
    write_twitchlog(pid, entries)


def p021_fhir_bundle_low_mg():
    """38-year-old man after a course of a proton-pump inhibitor: low magnesium, labs only as a FHIR Bundle."""
    pid = "P021"
    short_journal(pid, date(2026, 11, 6), date(2026, 11, 15), [["left calf"], ["left calf", "right calf"]],
                  {0: "calves twitching in the evening", 4: "GP ordered bloods, results on the portal"})
    t = "2026-11-12T09:20:00+01:00"

    def observation(n, loinc, display, value, unit, low, high, flag):
        resource = {
            "resourceType": "Observation", "id": "p021-%d" % n, "status": "final",
            "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                                      "code": "laboratory"}]}],
            "code": {"coding": [{"system": "http://loinc.org", "code": loinc, "display": display}], "text": display},
            "subject": {"reference": "urn:uuid:6f1d2c3a-0021-4e21-9a21-000000000021"},
            "effectiveDateTime": t,
            "valueQuantity": {"value": value, "unit": unit, "system": "http://unitsofmeasure.org", "code": unit},
            "referenceRange": [{"low": {"value": low, "unit": unit}, "high": {"value": high, "unit": unit}}],
        }
        if flag:
            resource["interpretation"] = [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
                                                       "code": flag}]}]
        return {"fullUrl": "urn:uuid:6f1d2c3a-0021-4e21-9a21-00000000010%d" % n, "resource": resource}

    bundle = {
        "resourceType": "Bundle", "type": "searchset",
        "entry": [
            {"fullUrl": "urn:uuid:6f1d2c3a-0021-4e21-9a21-000000000021",
             "resource": {"resourceType": "Patient", "id": "6f1d2c3a",
                          "identifier": [{"system": "urn:oid:2.16.840.1.113883.4.1", "value": "000-00-0000"},
                                         {"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203",
                                                               "code": "MR"}]},
                                          "system": "urn:clinic:mrn", "value": pid}],
                          "name": [{"family": "Novak", "given": ["Luka"]}], "gender": "male", "birthDate": "1988-07-14"}},
            observation(1, "2601-3", "Magnesium [Moles/volume] in Serum or Plasma", 0.55, "mmol/L", 0.70, 1.00, "L"),
            observation(2, "2823-3", "Potassium [Moles/volume] in Serum or Plasma", 4.1, "mmol/L", 3.5, 5.1, "N"),
            observation(3, "2000-8", "Calcium [Moles/volume] in Serum or Plasma", 2.30, "mmol/L", 2.15, 2.55, "N"),
            observation(4, "14685-2", "Cobalamin (Vitamin B12) [Moles/volume] in Serum or Plasma", 320, "pmol/L", 145, 569, None),
            observation(5, "62292-8", "25-Hydroxyvitamin D2+D3 [Mass/volume] in Serum or Plasma", 31, "ng/mL", 30, 100, None),
        ],
    }
    write_bytes("labs/fhir/portal_export_P021.json", (json.dumps(bundle, indent=2) + "\n").encode("utf-8"))


def hl7_batch():
    """An ORU^R01 batch from the hospital lab's interface engine: P022's low potassium, and a
    copy of P011's magnesium panel that the lab also sent as CSV (used once, both sources kept)."""
    msh = "MSH|^~\\&|NORTHSIDE_LIS|NORTHSIDE|TWITCH|CLINIC|%s||ORU^R01^ORU_R01|%s|P|2.5.1"
    segments = ["FHS|^~\\&|NORTHSIDE_LIS|NORTHSIDE|TWITCH|CLINIC|20261119230000",
                "BHS|^~\\&|NORTHSIDE_LIS|NORTHSIDE|TWITCH|CLINIC|20261119230000"]
    # P022: low potassium, rest normal
    segments += [
        msh % ("20261114113000", "NS-000221"),
        "PID|1||987-65-4321^^^SSA^SS~P022^^^CLINIC^MR||Okonkwo^Ada||19810302|F|||12 Elm Row^^Springfield",
        "OBR|1|ORD221|LAB221|24323-8^Comprehensive metabolic panel^LN|||20261114083500",
        "OBX|1|NM|2823-3^Potassium^LN||3.1|mmol/L|3.5-5.1|L|||F",
        "OBX|2|NM|2951-2^Sodium^LN||139|mmol/L|136-145|N|||F",
        "OBX|3|NM|19123-9^Magnesium^LN||2.0|mg/dL|1.7-2.2|N|||F",
        "OBX|4|NM|17861-6^Calcium^LN||9.4|mg/dL|8.6-10.3|N|||F",
        "OBX|5|NM|2132-9^Vitamin B12^LN||455|pg/mL|200-900|N|||F",
        "OBX|6|NM|62292-8^25-Hydroxyvitamin D^LN||36|ng/mL|30-100|N|||F",
        "NTE|1||Specimen slightly haemolysed\\.br\\repeat if clinically indicated",
    ]
    # P011: the magnesium panel also in northside_lab_results_20261119.csv
    segments += [
        msh % ("20261113120000", "NS-000111"),
        "PID|1||P011^^^CLINIC^MR||Kowalski^Doris||19551002|F",
        "OBR|1|ORD111|LAB111|24323-8^Comprehensive metabolic panel^LN|||20261113104100",
        "OBX|1|NM|19123-9^Magnesium^LN||1.4|mg/dL|1.7-2.2|L|||F",
        "BTS|2",
        "FTS|1",
    ]
    write_bytes("labs/hl7/northside_oru_batch_20261119.hl7", ("\r".join(segments) + "\r").encode("utf-8"))


def p022_hl7_low_k():
    """45-year-old woman with calf twitching; potassium low in the lab's HL7 v2 feed."""
    short_journal("P022", date(2026, 11, 7), date(2026, 11, 16), [["right calf"], ["right thigh", "right calf"]],
                  {0: "right leg twitching after a stomach bug", 6: "lab called, potassium a bit low"})


def p023_ccda_low_b12():
    """58-year-old man with hand twitching; B12 reported as <=150 pg/mL in a C-CDA document."""
    pid = "P023"
    short_journal(pid, date(2026, 11, 5), date(2026, 11, 14), [["left hand"], ["left hand", "left forearm"]],
                  {0: "left hand twitching, on metformin for years", 7: "hospital sent a results document"})

    def obs(code, display, value_xml, interpretation, low, high, unit):
        return """        <component>
          <observation classCode="OBS" moodCode="EVN">
            <templateId root="2.16.840.1.113883.10.20.22.4.2" extension="2015-08-01"/>
            <code code="%s" codeSystem="2.16.840.1.113883.6.1" codeSystemName="LOINC" displayName="%s"/>
            <statusCode code="completed"/>
            <effectiveTime value="20261110091500-0500"/>
            %s
            <interpretationCode code="%s" codeSystem="2.16.840.1.113883.5.83"/>
            <referenceRange><observationRange><value xsi:type="IVL_PQ"><low value="%s" unit="%s"/><high value="%s" unit="%s"/></value></observationRange></referenceRange>
          </observation>
        </component>""" % (code, display, value_xml, interpretation, low, unit, high, unit)

    components = "\n".join([
        obs("2132-9", "Cobalamin (Vitamin B12) [Mass/volume] in Serum or Plasma",
            '<value xsi:type="IVL_PQ"><low value="0" unit="pg/mL"/><high value="150" unit="pg/mL" inclusive="true"/></value>',
            "L", "200", "900", "pg/mL"),
        obs("19123-9", "Magnesium [Mass/volume] in Serum or Plasma", '<value xsi:type="PQ" value="2.1" unit="mg/dL"/>',
            "N", "1.7", "2.2", "mg/dL"),
        obs("2823-3", "Potassium [Moles/volume] in Serum or Plasma", '<value xsi:type="PQ" value="4.3" unit="mmol/L"/>',
            "N", "3.5", "5.1", "mmol/L"),
        obs("17861-6", "Calcium [Mass/volume] in Serum or Plasma", '<value xsi:type="PQ" value="9.6" unit="mg/dL"/>',
            "N", "8.6", "10.3", "mg/dL"),
        obs("62292-8", "25-Hydroxyvitamin D2+D3 [Mass/volume] in Serum or Plasma", '<value xsi:type="PQ" nullFlavor="NI"/>',
            "N", "30", "100", "ng/mL"),
    ])
    document = """<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <realmCode code="US"/>
  <typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>
  <templateId root="2.16.840.1.113883.10.20.22.1.1" extension="2015-08-01"/>
  <id root="2.16.840.1.113883.19.5.99999.1" extension="CCD-P023-20261110"/>
  <code code="34133-9" codeSystem="2.16.840.1.113883.6.1" displayName="Summarization of Episode Note"/>
  <title>Lab results</title>
  <effectiveTime value="20261110120000-0500"/>
  <recordTarget>
    <patientRole>
      <id root="2.16.840.1.113883.19.5.99999.2" extension="%s"/>
      <id root="2.16.840.1.113883.4.1" extension="111-22-3333"/>
      <addr use="HP"><streetAddressLine>4 Harbour Lane</streetAddressLine><city>Portland</city></addr>
      <patient>
        <name use="L"><given>Walter</given><family>Brennan</family></name>
        <administrativeGenderCode code="M" codeSystem="2.16.840.1.113883.5.1"/>
        <birthTime value="19680221"/>
      </patient>
    </patientRole>
  </recordTarget>
  <component>
    <structuredBody>
      <component>
        <section>
          <templateId root="2.16.840.1.113883.10.20.22.2.3.1" extension="2015-08-01"/>
          <code code="30954-2" codeSystem="2.16.840.1.113883.6.1" displayName="Relevant diagnostic tests and/or laboratory data"/>
          <title>Results</title>
          <text><table><tr><td>B12</td><td>&lt;=150 pg/mL</td></tr></table></text>
          <entry typeCode="DRIV">
            <organizer classCode="BATTERY" moodCode="EVN">
              <templateId root="2.16.840.1.113883.10.20.22.4.1" extension="2015-08-01"/>
              <code code="24323-8" codeSystem="2.16.840.1.113883.6.1" displayName="Comprehensive metabolic panel"/>
              <statusCode code="completed"/>
              <effectiveTime value="20261110091500-0500"/>
%s
            </organizer>
          </entry>
        </section>
      </component>
    </structuredBody>
  </component>
</ClinicalDocument>
""" % (pid, components)
    write_bytes("labs/ccda/mercy_valley_ccd_P023.xml", document.encode("utf-8"))


# --------------------------------------------------------------------------------------------
# a patient whose phone (Apple Health) fills the journal's empty lifestyle columns (SPEC §3.9)


def p034_phone_sleep_caffeine():
    """31-year-old woman: calf twitching for 10 days; her journal app has no caffeine or sleep
    column filled, her phone's Apple Health export has both, beside the journal in her folder."""
    pid = "P034"
    rng = rng_for(pid)
    first, last = date(2026, 11, 8), date(2026, 11, 17)
    # nights of short sleep (and the coffee that follows) against the day's twitching
    short = [True, True, False, True, False, False, True, True, False, False]
    entries = []
    for i, d in enumerate(days(first, last)):
        count = rng.randint(9, 12) if short[i] else rng.randint(2, 3)
        e = entry(d, hhmm(rng, 20, 22), ["right calf"] if i % 3 else ["right calf", "right thigh"], count,
                  rng.randint(1, 3), True, [], [], 0, [], {0: "calf jumping again tonight",
                                                            6: "long day, lots of coffee"}.get(i, ""),
                  caffeine_mg=0, sleep_hours=0.0, stress=rng.randint(2, 4), alcohol_units=0,
                  water_l=round(rng.uniform(1.6, 2.2), 1), exercise="light" if i % 4 == 0 else "none")
        entries.append(e)
    rows = twitchlog_rows(pid, entries)
    for i, row in enumerate(rows):  # the app leaves caffeine and sleep empty...
        row[10] = None
        # ...but one evening she wrote her sleep in herself: the journal's value is kept.
        row[11] = "7.5" if i == 4 else None
    write_delimited("phones/P034/twitchlog_P034_export_20261119.csv", TWITCHLOG_HEADER, rows)

    def ts(d, hour, minute):
        return "%s %02d:%02d:00 +0100" % (d.isoformat(), hour, minute)

    def record(rtype, start, end, value, unit=None, source="Maya's iPhone"):
        unit_attr = ' unit="%s"' % unit if unit else ""
        return (' <Record type="%s" sourceName="%s" sourceVersion="18.1"%s creationDate="%s" startDate="%s" '
                'endDate="%s" value="%s"/>' % (rtype, source, unit_attr, end, start, end, value))

    out = []
    # the phone's data starts two days before the journal: those days have no twitch count
    for d in days(date(2026, 11, 6), last):
        i = (d - first).days
        is_short = short[i] if 0 <= i < len(short) else False
        prev = d - timedelta(days=1)
        # the night ending on d: asleep stages with a short awake spell; in bed as well
        bed = (23, rng.choice([0, 10, 20])) if not is_short else (rng.choice([1, 2]), rng.choice([0, 15, 30]))
        wake = (6, rng.choice([0, 15, 30])) if is_short else (7, rng.choice([15, 30, 45]))
        start_day = prev if bed[0] >= 12 else d
        out.append(record("HKCategoryTypeIdentifierSleepAnalysis", ts(start_day, *bed), ts(d, *wake),
                          "HKCategoryValueSleepAnalysisInBed", source="Maya's Apple Watch"))
        out.append(record("HKCategoryTypeIdentifierSleepAnalysis", ts(start_day, *bed), ts(d, 3, 0),
                          "HKCategoryValueSleepAnalysisAsleepCore", source="Maya's Apple Watch"))
        out.append(record("HKCategoryTypeIdentifierSleepAnalysis", ts(d, 3, 0), ts(d, 3, 20),
                          "HKCategoryValueSleepAnalysisAwake", source="Maya's Apple Watch"))
        out.append(record("HKCategoryTypeIdentifierSleepAnalysis", ts(d, 3, 20), ts(d, *wake),
                          "HKCategoryValueSleepAnalysisAsleepDeep", source="Maya's Apple Watch"))
        if d.day % 3 == 0:  # a second sleep app records the same night: merged, not added
            out.append(record("HKCategoryTypeIdentifierSleepAnalysis", ts(start_day, *bed), ts(d, *wake),
                              "HKCategoryValueSleepAnalysisAsleep", source="Pillow"))
        cups = rng.choice([3, 4]) if is_short else 1
        for c in range(cups):
            t = ts(d, 7 + 3 * c, rng.choice([0, 20, 40]))
            out.append(record("HKQuantityTypeIdentifierDietaryCaffeine", t, t, rng.choice([95, 120]), "mg", source="Coffee Log"))
        for c in range(3):
            t = ts(d, 9 + 4 * c, 0)
            out.append(record("HKQuantityTypeIdentifierDietaryWater", t, t, rng.choice([500, 600, 750]), "mL", source="WaterMinder"))
        for c in range(4):
            t = ts(d, 8 + 3 * c, 5)
            out.append(record("HKQuantityTypeIdentifierStepCount", t, ts(d, 8 + 3 * c, 50), rng.randint(400, 2500), "count"))
        out.append(record("HKQuantityTypeIdentifierHeartRate", ts(d, 12, 0), ts(d, 12, 0), rng.randint(60, 80), "count/min",
                          source="Maya's Apple Watch"))
        minutes = rng.choice([12, 18, 25]) if d.weekday() != 5 else 55
        out.append(record("HKQuantityTypeIdentifierAppleExerciseTime", ts(d, 18, 0), ts(d, 18, minutes % 60 if minutes < 60 else 59),
                          minutes, "min", source="Maya's Apple Watch"))
        if d.weekday() == 5:
            out.append(' <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="52" durationUnit="min" '
                       'sourceName="Maya\'s Apple Watch" sourceVersion="11.1" startDate="%s" endDate="%s">\n'
                       '  <WorkoutEvent type="HKWorkoutEventTypePause" date="%s"/>\n </Workout>'
                       % (ts(d, 18, 0), ts(d, 18, 52), ts(d, 18, 20)))
        if d.weekday() in (0, 3):
            out.append(record("HKCategoryTypeIdentifierMindfulSession", ts(d, 21, 30), ts(d, 21, 40), "", source="Calm"))
    header = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!-- HealthKit Export Version: 13 -->
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord|Audiogram|VisionPrescription)*)>
<!ATTLIST HealthData
  locale CDATA #REQUIRED
>
<!ELEMENT ExportDate EMPTY>
<!ATTLIST ExportDate
  value CDATA #REQUIRED
>
<!ELEMENT Me EMPTY>
<!ATTLIST Me
  HKCharacteristicTypeIdentifierDateOfBirth         CDATA #REQUIRED
  HKCharacteristicTypeIdentifierBiologicalSex       CDATA #REQUIRED
  HKCharacteristicTypeIdentifierBloodType           CDATA #REQUIRED
  HKCharacteristicTypeIdentifierFitzpatrickSkinType CDATA #REQUIRED
>
<!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
<!ATTLIST Record
  type          CDATA #REQUIRED
  unit          CDATA #IMPLIED
  value         CDATA #IMPLIED
  sourceName    CDATA #REQUIRED
  sourceVersion CDATA #IMPLIED
  device        CDATA #IMPLIED
  creationDate  CDATA #IMPLIED
  startDate     CDATA #REQUIRED
  endDate       CDATA #REQUIRED
>
<!ELEMENT Workout ((MetadataEntry|WorkoutEvent|WorkoutRoute)*)>
<!ATTLIST Workout
  workoutActivityType   CDATA #REQUIRED
  duration              CDATA #IMPLIED
  durationUnit          CDATA #IMPLIED
  sourceName            CDATA #REQUIRED
  sourceVersion         CDATA #IMPLIED
  device                CDATA #IMPLIED
  creationDate          CDATA #IMPLIED
  startDate             CDATA #REQUIRED
  endDate               CDATA #REQUIRED
>
<!ELEMENT WorkoutEvent EMPTY>
<!ATTLIST WorkoutEvent
  type CDATA #REQUIRED
  date CDATA #REQUIRED
>
]>
<HealthData locale="en_GB">
 <ExportDate value="2026-11-19 07:40:12 +0100"/>
 <Me HKCharacteristicTypeIdentifierDateOfBirth="1995-03-21" HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale" HKCharacteristicTypeIdentifierBloodType="HKBloodTypeNotSet" HKCharacteristicTypeIdentifierFitzpatrickSkinType="HKFitzpatrickSkinTypeNotSet"/>
"""
    write_bytes("phones/P034/export.xml",
                (header + "\n".join(out) + "\n</HealthData>\n").encode("utf-8"))


def main():
    for fn in (p001_teacher, p002_breathing, p003_persistent_normal_labs, p004_persistent_18_days,
               p005_improving_14_days, p006_spreading, p007_sensory_low_b12, p008_sensory_with_weakness,
               p009_neck_arm, p010_central, p011_diuretic_low_mg, p012_low_vitamin_d, p013_prednisone,
               p014_salbutamol, p015_sertraline, p016_caffeine_eyelid, p017_stale_labs, p018_anxiety_bfs,
               p019_red_flags_and_labs, p020_partly_unreadable, mrn004417_no_labs, mrn011852_critical_k,
               p021_fhir_bundle_low_mg, p022_hl7_low_k, p023_ccda_low_b12, hl7_batch, p034_phone_sleep_caffeine):
        fn()
    write_us_labs()
    write_eu_labs()
    write_xml_labs()
    write_patients()


if __name__ == "__main__":
    main()
