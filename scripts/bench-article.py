#!/usr/bin/env python3
"""Writes a long wire-style article for the benchmarks (`make bench`).

    python3 scripts/bench-article.py --words 100000 OUT.txt
    python3 scripts/bench-article.py --bytes 8000000 OUT.txt

Paragraphs are built from wire-report templates with varied people (with
their titles), places, organisations, dates and figures, so no two
paragraphs are alike and mentions are about as dense as in a real report
(one every eight or nine words). Sections get headings every dozen or so
paragraphs. The output is deterministic (fixed seed): the same arguments
always give the same bytes, so a build that embeds it is not redone.
"""
import argparse
import os
import random
import sys

FIRST = """Sergei Ishaq Maria Tom Linda Ralph Dave Amara Kenji Ingrid Tariq Elena
Samuel Priya Omar Helen Mateo Aisha Lars Nadia Victor Grace Rahul Ines Jonas
Fatima Paolo Yuki Andrei Chloe Kwame Sofia Daniel Leila Hassan Marta Pieter
Anjali Felipe Olga""".split()

LAST = """Okafor Lindqvist Hadley Mercado Kimura Solberg Petrauskas Qureshi Alvarez
Oakes Denning Chen Novak Haddad Brennan Takahashi Osei Castillo Varga Rahman
Mendel Fischer Karimi Duarte Moreau Ivanova Nakamura Achebe Bergstrom Costa
Demir Farouk Gallagher Horvath Iyer Jansen Kowalski Laurent Mbeki Nilsen
Ortega Pereira Quinn Rossi Sato Tremblay Urquhart Vasquez Whitaker Yilmaz
Zhang Abbott Bauer Conti""".split()

TITLES = ["Foreign Minister", "Prime Minister", "President", "Defence Minister", "Finance Minister",
          "Interior Minister", "Health Minister", "Trade Minister", "Energy Minister", "Deputy Prime Minister",
          "Chief Executive", "Governor", "Senator", "Ambassador", "General", "Mayor"]

# Countries with their capitals and a second city (all in crates/analysis/data/gazetteer.tsv).
PLACES = [("Russia", "Moscow", "St Petersburg"), ("India", "New Delhi", "Mumbai"), ("Pakistan", "Islamabad", "Karachi"),
          ("China", "Beijing", "Shanghai"), ("France", "Paris", "Marseille"), ("Germany", "Berlin", "Hamburg"),
          ("Japan", "Tokyo", "Osaka"), ("Brazil", "Brasília", "São Paulo"), ("Kenya", "Nairobi", "Mombasa"),
          ("Nigeria", "Abuja", "Lagos"), ("Turkey", "Ankara", "Istanbul"), ("Egypt", "Cairo", "Alexandria"),
          ("Canada", "Ottawa", "Toronto"), ("Mexico", "Mexico City", "Guadalajara"), ("Italy", "Rome", "Milan"),
          ("Spain", "Madrid", "Barcelona"), ("Australia", "Canberra", "Sydney"), ("Indonesia", "Jakarta", "Surabaya"),
          ("South Africa", "Pretoria", "Johannesburg"), ("Poland", "Warsaw", "Krakow"), ("Ukraine", "Kyiv", "Kharkiv"),
          ("Iran", "Tehran", "Isfahan"), ("Saudi Arabia", "Riyadh", "Jeddah"), ("Argentina", "Buenos Aires", "Córdoba"),
          ("Vietnam", "Hanoi", "Ho Chi Minh City"), ("Norway", "Oslo", "Bergen"), ("Ghana", "Accra", "Kumasi"),
          ("Chile", "Santiago", "Valparaíso"), ("Greece", "Athens", "Thessaloniki"), ("Thailand", "Bangkok", "Chiang Mai")]

ORGS = ["United Nations", "European Union", "World Bank", "International Monetary Fund", "Red Cross",
        "World Health Organization", "African Union", "NATO", "Amnesty International", "Associated Press",
        "Reuters", "ASEAN", "Arab League", "Asian Development Bank", "Airbus", "Agence France-Presse"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

TEMPLATES = [
    "{t1} {p1} of {c1} spoke with {t2} {p2} on {day}, offering help to ease tensions with {c2}. {l1} said the call "
    "followed talks in {cap2} on {date1}, where officials from the {o1} urged restraint.",
    "The {o1} said in a statement posted on {date1} that it was ready to act as a mediator, provided both {cap1} and "
    "{cap2} agreed to talks. {l2}, a spokesperson for the {o2}, said {n1} observers could arrive by {month} {dnum}.",
    "Crews closed a {n1}-mile stretch of highway near {city1} after the pavement buckled, {o1} officials said. "
    "{p1}, {age}, who spent the night in a car with his family outside {city1}, said the shaking began at dawn.",
    "{c1} has historically kept close defence and trade ties with {c2}, being its largest supplier for decades. "
    "In {year}, {t1} {p1} signed a pact in {cap1} that {l2} later called a turning point.",
    "At least {n1} people were treated in hospitals in {city1} and {city2}, the {o1} said on {day}. "
    "{t2} {p2} declared a state of emergency and said he would tour the damage on {day2}.",
    "{l1} told reporters in {cap1} on {date1} that the {o1} would not take sides. \"We want both {c1} and {c2} to "
    "talk,\" {l1} said, adding that {p2} of the {o2} had been kept informed since {month} {dnum}.",
    "Markets in {city1} fell {n2} percent on {day} after {t1} {p1} warned of new tariffs on goods from {c2}. "
    "Analysts at the {o1} said the measures, first floated in {year}, could cost {c1} billions.",
    "The talks, held in {city2} from {month} {dnum} to {month} {dnum2}, ended without agreement. {t2} {p2} of {c2} "
    "blamed {c1} for the impasse, while {l1} said {cap1} remained open to a deal before {date2}.",
    "{p1}, a researcher at the {o1} office in {cap2}, said the region was last hit this hard in {year}, when floods "
    "displaced {n1},000 people across {c2}. {l1} said records kept since {year2} showed nothing like it.",
    "Officials in {cap1} and {cap2} exchanged accusations on {day} over the incident near the border town of "
    "{city1}. {t1} {p1} said {c1} would respond, and {t2} {p2} of {c2} warned of a swift counter-response.",
]

HEADINGS = ["Reaction in {cap1}", "What {c1} Wants", "The View from {city1}", "Talks in {cap2}", "Markets and Trade",
            "What's Next for {c2}", "Aid Arrives in {city1}", "The {o1} Steps In", "Background", "Voices from {city2}"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size = ap.add_mutually_exclusive_group(required=True)
    size.add_argument("--words", type=int)
    size.add_argument("--bytes", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("out")
    a = ap.parse_args()
    r = random.Random(a.seed)

    def person():
        return f"{r.choice(FIRST)} {r.choice(LAST)}"

    out = ["Mediation Offers, Border Clashes and a Long Season of Talks", "",
           "MOSCOW, May 6, 2025 – Russia offered on Sunday to mediate between India and Pakistan, "
           "Foreign Minister Sergei Lavrov said after talks with Deputy Prime Minister Ishaq Dar.", ""]
    words = sum(len(s.split()) for s in out)
    nbytes = sum(len(s.encode()) + 1 for s in out)
    k = 0
    while (a.words is None or words < a.words) and (a.bytes is None or nbytes < a.bytes):
        (c1, cap1, city1), (c2, cap2, city2) = r.sample(PLACES, 2)
        p1, p2 = person(), person()
        slots = dict(
            p1=p1, p2=p2, l1=p1.split()[1], l2=p2.split()[1], t1=r.choice(TITLES), t2=r.choice(TITLES),
            c1=c1, c2=c2, cap1=cap1, cap2=cap2, city1=city1, city2=city2,
            o1=r.choice(ORGS), o2=r.choice(ORGS), day=r.choice(DAYS), day2=r.choice(DAYS),
            month=r.choice(MONTHS), dnum=r.randint(1, 14), dnum2=r.randint(15, 28),
            year=r.randint(1965, 2024), year2=r.randint(1900, 1960), age=r.randint(19, 88),
            n1=r.randint(12, 940), n2=f"{r.randint(1, 9)}.{r.randint(0, 9)}",
            date1=f"{r.choice(MONTHS)} {r.randint(1, 28)}, {r.randint(2015, 2025)}",
            date2=f"{r.choice(MONTHS)} {r.randint(1, 28)}, {r.randint(2025, 2027)}",
        )
        if k % 14 == 13:
            para = r.choice(HEADINGS).format(**slots)
        else:
            para = TEMPLATES[(k + r.randint(0, 2)) % len(TEMPLATES)].format(**slots)
        out += [para, ""]
        words += len(para.split())
        nbytes += len(para.encode()) + 2
        k += 1
    data = "\n".join(out).encode()
    # An unchanged file keeps its time stamp, so a build that embeds it is not redone.
    try:
        with open(a.out, "rb") as f:
            same = f.read() == data
    except FileNotFoundError:
        same = False
    if not same:
        os.makedirs(os.path.dirname(a.out) or ".", exist_ok=True)
        with open(a.out, "wb") as f:
            f.write(data)
    print(f"{a.out}: {words} words, {nbytes} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
