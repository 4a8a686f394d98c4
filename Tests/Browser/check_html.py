#!/usr/bin/env python3
"""The headless-browser check of the HTML reports (SPEC §7), run by `make test` after `swift test`.

Usage: check_html.py <batch output folder>

For every patient folder's referral.html, Debian's `chromium` (installed by `make setup` when
missing) prints the page to PDF on A4 and on Letter, and the page count must be at most 3. It
then takes a screenshot of the timeline section alone and checks that it is not blank: the
count bars' colour must be there, and enough of the area must be drawn. worklist.html must print
on at most one page per 25 patients. Full-page screenshots are left in <folder>/.screens/ for a
person to look at. Standard library only; exits 1 with one line per failure.

Before printing, the page's text is read as a clinician reads it (SPEC §7): no SHA-256 digest
(they stay in referral.json's provenance), no code word of the JSON schema (`bloodWork`,
`neurologyExam`, `sameDayAssessment` …), never "Pertinent negatives", at most six items of
advice to pass on, and "not monitored in real time" (SPEC §6.5). The worklist must carry its booking totals and its bands.
"""
import concurrent.futures
import math
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

MAX_PAGES = 3
MAX_ADVICE = 6
# The JSON schema's ids that are not words (SPEC §7 recommendations[].test, labs[].analyte):
# a page says "blood tests", "neurology examination", "vitamin B12".
CODE_WORDS = ("bloodWork", "neurologyExam", "sameDayAssessment", "clinicianReview", "prescriberReview",
              "swallowAssessment", "eyeExamination", "breathingTests", "vitaminB12", "vitaminD")
DIGEST = re.compile(r"(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])|sha256", re.I)
PATIENTS_PER_WORKLIST_PAGE = 25
BAR_COLOUR = (0x4A, 0x78, 0xB5)  # ReportTimelineSVG's count bars
PAPERS = ("A4", "Letter")


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("check_html: no chromium on PATH; `make setup` installs Debian's chromium")


def run_browser(browser, args, url):
    # Root in a container needs --no-sandbox; the pages are local files with no script.
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
               "--no-first-run", "--disable-extensions"] + args + [url]
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120, check=True)


def with_style(html, css):
    return html.replace("</head>", "<style>" + css + "</style></head>", 1)


def pdf_pages(path):
    data = open(path, "rb").read()
    return len(re.findall(rb"/Type\s*/Page(?!s)", data))


def print_pages(browser, html, paper, work, name, orientation=""):
    """Pages of `html` printed on `paper` (in the page's own orientation, landscape for the
    worklist)."""
    page = os.path.join(work, f"{name}-{paper}.html")
    pdf = os.path.join(work, f"{name}-{paper}.pdf")
    with open(page, "w", encoding="utf-8") as out:
        out.write(with_style(html, "@page{size:%s %s}" % (paper, orientation)))
    run_browser(browser, ["--no-pdf-header-footer", "--print-to-pdf=" + pdf], "file://" + page)
    return pdf_pages(pdf)


def png_pixels(path):
    """Width, height and rows of RGB tuples of an 8-bit RGB or RGBA, non-interlaced PNG."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    offset, chunks, header = 8, [], None
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        offset += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, "unexpected PNG format"
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows, previous, index = [], bytearray(stride), 0
    for _ in range(height):
        kind = raw[index]
        line = bytearray(raw[index + 1:index + 1 + stride])
        index += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                predictor = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + predictor) & 0xFF
        rows.append([tuple(line[i:i + 3]) for i in range(0, stride, channels)])
        previous = line
    return width, height, rows


def timeline_drawn(browser, html, work, name):
    """Screenshot of the timeline section alone; (ok, reason)."""
    if 'class="keep timeline"' not in html:
        return False, "no timeline section"
    page = os.path.join(work, f"{name}-timeline.html")
    shot = os.path.join(work, f"{name}-timeline.png")
    css = "body>*{display:none!important}body>section.timeline{display:block!important}body{margin:0 auto}"
    with open(page, "w", encoding="utf-8") as out:
        out.write(with_style(html, css))
    run_browser(browser, ["--window-size=900,420", "--screenshot=" + shot], "file://" + page)
    width, height, rows = png_pixels(shot)
    drawn = bars = 0
    for row in rows:
        for pixel in row:
            if pixel != (255, 255, 255):
                drawn += 1
            if all(abs(pixel[i] - BAR_COLOUR[i]) <= 6 for i in range(3)):
                bars += 1
    share = drawn / (width * height)
    if bars == 0:
        return False, "timeline screenshot has no count bars"
    if share < 0.03:
        return False, f"timeline screenshot is {share:.1%} drawn, nearly blank"
    return True, f"{share:.0%} drawn"


def visible_text(html):
    """The page's text: no style block, no tags, entities of quotes decoded."""
    text = re.sub(r"<style>.*?</style>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    return text.replace("&quot;", '"').replace("&#39;", "'").replace("&amp;", "&")


def text_failures(name, html):
    """What a clinician must never read on a page (SPEC §7), one line each."""
    failures = []
    text = visible_text(html)
    if DIGEST.search(text):
        failures.append(f"{name}/referral.html: shows a SHA-256 digest")
    for word in CODE_WORDS:
        if re.search(r"(?<![A-Za-z0-9])" + word + r"(?![A-Za-z0-9])", text):
            failures.append(f"{name}/referral.html: shows the code word {word}")
    if "not monitored in real time" not in text.lower():
        failures.append(f"{name}/referral.html: does not say the tool is not monitored in real time")
    if "pertinent negatives" in text.lower():
        failures.append(f"{name}/referral.html: says \"Pertinent negatives\"")
    advice = re.search(r'<section class="advice">(.*?)</section>', html, flags=re.S)
    items = len(re.findall(r"<li>", advice.group(1))) if advice else 0
    if items > MAX_ADVICE:
        failures.append(f"{name}/referral.html: {items} advice items, more than {MAX_ADVICE}")
    return failures


def check_patient(browser, folder, work, screens):
    name = os.path.basename(folder)
    html = open(os.path.join(folder, "referral.html"), encoding="utf-8").read()
    failures, notes = text_failures(name, html), []
    for paper in PAPERS:
        pages = print_pages(browser, html, paper, work, name)
        notes.append(f"{paper} {pages}")
        if pages > MAX_PAGES:
            failures.append(f"{name}/referral.html: {pages} pages on {paper}, more than {MAX_PAGES}")
    has_journal = "journal entr" in html.split("</header>")[0]
    if has_journal:
        ok, reason = timeline_drawn(browser, html, work, name)
        notes.append(reason)
        if not ok:
            failures.append(f"{name}/referral.html: {reason}")
    run_browser(browser, ["--window-size=900,1300", "--screenshot=" + os.path.join(screens, name + ".png")],
                "file://" + os.path.abspath(os.path.join(folder, "referral.html")))
    return name, notes, failures


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: check_html.py <batch output folder>")
    root = os.path.abspath(sys.argv[1])
    browser = chromium()
    folders = sorted(os.path.join(root, entry) for entry in os.listdir(root)
                     if os.path.isfile(os.path.join(root, entry, "referral.html")))
    if not folders:
        sys.exit(f"check_html: no referral.html under {root}")
    screens = os.path.join(root, ".screens")
    os.makedirs(screens, exist_ok=True)
    failures = []
    with tempfile.TemporaryDirectory() as work:
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            for name, notes, problems in pool.map(lambda folder: check_patient(browser, folder, work, screens), folders):
                print(f"{name}: {', '.join(notes)}")
                failures += problems
        worklist = os.path.join(root, "worklist.html")
        html = open(worklist, encoding="utf-8").read()
        if '<p class="totals">To book' not in html:
            failures.append("worklist.html: no booking totals")
        if '<tr class="band">' not in html:
            failures.append("worklist.html: no band rows")
        for word in CODE_WORDS:
            if re.search(r"(?<![A-Za-z0-9])" + word + r"(?![A-Za-z0-9])", visible_text(html)):
                failures.append(f"worklist.html: shows the code word {word}")
        allowed = max(1, math.ceil(len(folders) / PATIENTS_PER_WORKLIST_PAGE))
        for paper in PAPERS:
            pages = print_pages(browser, html, paper, work, "worklist", "landscape")
            print(f"worklist: {paper} {pages} page(s) for {len(folders)} patients")
            if pages > allowed:
                failures.append(f"worklist.html: {pages} pages on {paper} for {len(folders)} patients, more than {allowed}")
        # A full page: the sample rows with their band rows, repeated in order up to 25
        # patients, must still print on one page.
        rows = re.findall(r'<tr(?: class="band")?><t[dh] .*?</tr>\n', html)
        full, patients, index = [], 0, 0
        while patients < PATIENTS_PER_WORKLIST_PAGE and rows:
            row = rows[index % len(rows)]
            full.append(row)
            patients += 0 if row.startswith('<tr class="band">') else 1
            index += 1
        body = re.sub(r"<tbody>\n.*?</tbody>", lambda _: "<tbody>\n" + "".join(full) + "</tbody>", html, count=1, flags=re.S)
        # Keep the first page's section only: with more than 25 sample patients the worklist
        # already has a second page, which is not what this check measures.
        sections = body.split('<section class="worklist-page">')
        if len(sections) > 2:
            body = sections[0] + '<section class="worklist-page">' + sections[1].split("</section>")[0] + "</section>\n</body>\n</html>\n"
        for paper in PAPERS:
            pages = print_pages(browser, body, paper, work, "worklist-full", "landscape")
            print(f"worklist with {PATIENTS_PER_WORKLIST_PAGE} patients: {paper} {pages} page(s)")
            if pages > 1:
                failures.append(f"worklist.html: {PATIENTS_PER_WORKLIST_PAGE} patients print on {pages} pages on {paper}, not one")
    for failure in failures:
        print("FAIL " + failure, file=sys.stderr)
    print(f"check_html: {len(folders)} reports, {len(failures)} failures; screenshots in {screens}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
