#!/usr/bin/env python3
"""Writes tune.tsv: the tuning part of the lay-phrase set (labelled before and while the reader
was built, and used to shape it). Each core phrasing is a patient's own words for a concept
(sources: the MND Association red-flag tool's patient quotes, the NHS pages on MND, dysphagia,
stroke, cauda equina and Guillain-Barre, the Consumer Health Vocabulary, the SPEC §4.1
examples, and the project's own patient-style writing, marked as such); each is set in the
NegEx / ConText test-set patterns turned into the first person (affirmed, negated, someone
else's, hypothetical, possible, historical)."""
import csv, os
HERE = os.path.dirname(os.path.abspath(__file__))
MND = "MND Association red-flag tool (patient quote, reworded)"
NHS = "NHS page (symptom list, first person)"
CHV = "Consumer Health Vocabulary (lay term)"
OWN = "own patient-style writing"
CES = "NHS cauda equina leaflets (Royal Free, Norfolk and Waveney; symptom list, first person)"
# concept, affirmed clause (first person, present), noun phrase for negation/other/hypothetical, region, source
CORE = [
 ("weakness", "my right leg keeps giving way", "weak legs", "leg", MND),
 ("weakness", "my grip has gone weak", "a weak grip", "", NHS),
 ("weakness", "my left arm feels heavy and weak", "weakness in my arm", "arm", CHV),
 ("fine-motor difficulty", "I can't do up my shirt buttons", "trouble with buttons", "", MND),
 ("fine-motor difficulty", "my handwriting has gone messy", "messy handwriting", "", OWN),
 ("fine-motor difficulty", "I keep dropping things", "dropping things", "", NHS),
 ("atrophy", "my right hand looks thinner than the left", "muscle wasting", "hand", NHS),
 ("atrophy", "there is a hollow between my thumb and finger", "wasting in my hand", "hand", OWN),
 ("foot drop", "my foot drags when I walk", "foot drop", "foot", MND),
 ("foot drop", "my toes catch on the carpet", "a dropped foot", "toe", OWN),
 ("falls", "I keep tripping over nothing", "falls", "", MND),
 ("speech difficulty", "my speech is slurred", "slurred speech", "", MND),
 ("speech difficulty", "my voice has gone quiet and hoarse", "a hoarse voice", "", MND),
 ("swallowing difficulty", "I choke when I drink water", "choking on drinks", "", MND),
 ("swallowing difficulty", "I cough when I drink", "trouble swallowing", "", NHS),
 ("food sticking", "food gets stuck in my throat", "food sticking", "", NHS),
 ("unable to swallow", "I can't swallow my saliva", "being unable to swallow", "", NHS),
 ("breathing difficulty", "I'm out of breath on the stairs", "shortness of breath", "", MND),
 ("breathless at rest or lying flat", "I can't lie flat without getting breathless", "breathlessness lying flat", "", MND),
 ("breathless at rest or lying flat", "I wake up gasping for air", "waking up breathless", "", MND),
 ("weak cough", "my cough is weak", "a weak cough", "", MND),
 ("head drop", "my head falls forward", "head drop", "", MND),
 ("morning headaches", "I wake up with a headache", "morning headaches", "", MND),
 ("daytime sleepiness", "I keep falling asleep during the day", "daytime sleepiness", "", MND),
 ("unexplained weight loss", "I have lost a stone without trying", "weight loss", "", NHS),
 ("unexplained weight loss", "my belt is a notch tighter", "losing weight", "", OWN),
 ("cramps", "I get cramps in my calves at night", "cramps", "calf", MND),
 ("stiffness", "my legs feel stiff", "stiff muscles", "leg", NHS),
 ("emotional lability", "I burst into tears for no reason", "crying for no reason", "", MND),
 ("facial droop", "one side of my face has dropped", "a drooping face", "face", NHS),
 ("sudden deficit", "my arm suddenly went weak", "sudden weakness", "arm", NHS),
 ("weakness worsening over days", "my legs are getting weaker every day", "weakness getting worse by the day", "leg", NHS),
 ("ascending tingling", "the tingling is creeping up my legs", "tingling moving up", "leg", NHS),
 ("bladder or bowel change", "I can't control my bladder", "incontinence", "", NHS),
 ("saddle numbness", "I'm numb between my legs", "numbness around my bottom", "", NHS),
 ("sexual function change", "I can't get an erection since my back went", "sexual problems", "", CES),
 ("sexual function change", "I've lost feeling during sex", "numbness during sex", "", CES),
 ("sudden vision loss", "I suddenly lost my vision in one eye", "sudden loss of vision", "", NHS),
 ("double vision", "I'm seeing double", "double vision", "", NHS),
 ("drooping eyelid", "my eyelid is drooping", "a droopy eyelid", "eyelid", NHS),
 ("numbness", "my fingers are numb", "numbness", "finger", CHV),
 ("tingling", "I have pins and needles in my hands", "pins and needles", "hand", CHV),
 ("vision problems", "my vision is blurry", "blurred vision", "", CHV),
 ("fatigable weakness", "my arms get weaker the more I use them", "weakness that comes with use", "arm", NHS),
]
PATTERNS = [
 ("affirmed", "present", "patient", "{a}", "affirmed"),
 ("affirmed", "present", "patient", "{A}.", "sentence"),
 ("negated", "present", "patient", "no {n}", "NegEx pattern 'no X', first person"),
 ("negated", "present", "patient", "I don't have {n}", "NegEx pattern 'denies X', first person"),
 ("negated", "present", "patient", "no fever or {n}", "NegEx list pattern"),
 ("affirmed", "present", "other", "my mum has {n}", "ConText experiencer pattern"),
 ("affirmed", "hypothetical", "patient", "scared I will get {n}", "ConText hypothetical pattern"),
 ("affirmed", "hypothetical", "patient", "I read online that twitching can come with {n}", "ConText hypothetical pattern"),
 ("affirmed", "possible", "patient", "I think {a}", "ConText uncertainty pattern"),
 ("affirmed", "present", "patient", "no fever, {a}", "SPEC §4.1 comma scope"),
]
def main():
    rows = []
    for concept, a, n, region, source in CORE:
        for polarity, certainty, experiencer, pattern, why in PATTERNS:
            text = pattern.format(a=a, A=a[0].upper() + a[1:], n=n)
            rows.append([text, concept, polarity, certainty, experiencer, region, "tune", f"{source}; {why}"])
    with open(os.path.join(HERE, "tune.tsv")) as f:
        extra = [r for r in csv.reader(f, delimiter="\t")][1:]
    seen = set((r[0], r[1]) for r in rows)
    rows += [r for r in extra if (r[0], r[1]) not in seen and r[6] == "tune"]
    with open(os.path.join(HERE, "tune.tsv"), "w", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["text", "concept", "polarity", "certainty", "experiencer", "region", "part", "source"])
        w.writerows(rows)
    print(len(rows), "rows")
if __name__ == "__main__":
    main()
