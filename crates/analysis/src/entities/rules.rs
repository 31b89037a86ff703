//! The entity rules: one registry of named rules, and one conflict policy.
//!
//! Each rule looks at a capitalised run (or, in the single-name pass, at
//! one unknown word) and may *match*: it claims a stretch of tokens and
//! says what to make of them (a mention of some kind, a gazetteer name,
//! pieces to classify on their own, or nothing at all, as for a named
//! storm). Every rule of the pass is asked; as in spaCy's EntityRuler, the
//! longest claim wins and, between claims of the same length, the rule
//! listed first ([`RULES`] is in priority order). A claim of the whole run
//! cannot be beaten, so the rules after it are not asked.
//!
//! The words the rules look for are data (`data/lexicon.txt`, the
//! gazetteer); each rule carries examples of its own, positive and
//! negative, which [`tests::every_rule_meets_its_examples`] runs.

use super::{is_acronym, is_bank_name, EntityKind, Finder, Unit};
use crate::lexicon::GazKind;

/// Which pass a rule belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Stage {
    /// Whole capitalised runs only (titles and roles read the run around them).
    Run,
    /// Runs and the pieces a run rule hands back (`classify_plain`).
    Plain,
    /// One unknown capitalised word, after the alias pass.
    Single,
    /// What stands right after a mention just accepted (the run given is
    /// the mention, the last one found).
    Mention,
}

/// What a rule makes of what it claims.
#[derive(Debug)]
pub(super) enum Action {
    Push { kind: EntityKind, start: usize, end: usize, description: Option<String> },
    /// A mention with a name of its own (a team's full name).
    Named { kind: EntityKind, start: usize, end: usize, name: String },
    /// A gazetteer name.
    Gaz(Unit),
    /// A piece of the run, classified by the plain rules on its own.
    Plain(Unit),
    /// Tokens that are part of no name, and that no later pass may take.
    Cover { start: usize, end: usize },
}

/// A rule's match: the tokens it claims and what it makes of them.
#[derive(Debug)]
pub(super) struct Outcome {
    pub start: usize,
    pub end: usize,
    pub actions: Vec<Action>,
}

impl Outcome {
    fn new(start: usize, end: usize) -> Outcome {
        Outcome { start, end, actions: Vec::new() }
    }

    fn cover(mut self, start: usize, end: usize) -> Outcome {
        self.actions.push(Action::Cover { start, end });
        self
    }

    fn push(mut self, kind: EntityKind, start: usize, end: usize, description: Option<String>) -> Outcome {
        self.actions.push(Action::Push { kind, start, end, description });
        self
    }
}

/// What an example expects of the mention it names.
#[cfg_attr(not(test), allow(dead_code))]
#[derive(Clone, Copy, Debug)]
pub(super) enum Expect {
    /// The rule makes this mention, of this kind.
    Is(EntityKind),
    /// The rule does not make this mention (another may).
    NotByRule,
    /// No rule makes this mention.
    Nothing,
}

/// An invented sentence, a mention in it and what the rule should make of it.
#[cfg_attr(not(test), allow(dead_code))]
pub(super) struct Example {
    pub text: &'static str,
    pub mention: &'static str,
    pub expect: Expect,
}

const fn ex(text: &'static str, mention: &'static str, expect: Expect) -> Example {
    Example { text, mention, expect }
}

/// One named rule.
#[cfg_attr(not(test), allow(dead_code))]
pub(super) struct Rule {
    pub name: &'static str,
    pub stage: Stage,
    pub find: for<'a> fn(&Finder<'a>, &[Unit]) -> Option<Outcome>,
    pub examples: &'static [Example],
}

use EntityKind::{Organization as Org, Person, Place};
use Expect::{Is, Nothing, NotByRule};

/// Every rule, in priority order.
pub(super) static RULES: &[Rule] = &[
    Rule {
        name: "sports-team",
        stage: Stage::Plain,
        find: sports_team,
        examples: &[
            ex("The Otters beat the Falcons 3-2 in the league match on Sunday.", "Falcons", Is(Org)),
            ex("Harwick drew with Lorient 1-1. Lorient's coach said the goal was offside.", "Lorient", Is(Org)),
            ex("In the match, Kelso won 2-0 against Harwick United. Harwick's striker missed a penalty.", "Harwick", Is(Org)),
            ex("Sweden beat Norway 2-1 in the league final and scored a late goal.", "Norway", NotByRule),
            ex("Nora Bellweather beat Ida Strand 6-4 in the tournament final. Strand's coach left.", "Strand", NotByRule),
            ex("The police beat Lorient 3-2 in a vote, the council said.", "Lorient", NotByRule),
        ],
    },
    Rule {
        name: "club-prefix",
        stage: Stage::Plain,
        find: club_prefix,
        examples: &[
            ex("The striker joined FC Tarvin in May.", "FC Tarvin", Is(Org)),
            ex("Fans of AC Milan sang. The striker joined FC Kenya in May.", "FC Kenya", Is(Org)),
            ex("The FC said the striker left.", "FC", NotByRule),
        ],
    },
    Rule {
        name: "competition",
        stage: Stage::Plain,
        find: competition,
        examples: &[
            ex("Tarvin won the Harbour League final on Sunday. The Harbour League title was their first.", "Harbour League", Nothing),
            ex("Tarvin reached the QRB Harbour League group stage. The QRB said so.", "QRB Harbour League", Nothing),
            ex("Tarvin won gold at the 2016 Coastal Games in May.", "Coastal Games", Nothing),
            ex("Tarvin finished sixth in the Harbour League this season.", "Harbour League", NotByRule),
            ex("The Harbour League said the final would be played in May.", "Harbour League", NotByRule),
            ex("Shares of Brisk Games rose after the Harbour League final.", "Brisk Games", NotByRule),
        ],
    },
    Rule {
        name: "title-before-name",
        stage: Stage::Run,
        find: title_before_name,
        examples: &[
            ex("Talks began after Foreign Minister Olek Varnas arrived.", "Olek Varnas", Is(Person)),
            ex("The car was found by County Sheriff Tom Hale on Monday.", "Tom Hale", Is(Person)),
            ex("The case was heard by U.S. District Judge Ada Morrow on Monday.", "Ada Morrow", Is(Person)),
            ex("The case was heard by U.S. District Judge Ada Morrow on Monday.", "U.S.", Nothing),
            ex("The case is led by Assistant United States Attorneys Ada Morrow and Tom Hale.", "Ada Morrow", Is(Person)),
            ex("The case is led by Assistant United States Attorneys Ada Morrow and Tom Hale.", "United States", Nothing),
            ex("The case was led by Special Agent Rina Doyle of the bureau.", "Special Agent", Nothing),
            ex("The plan of Health Minister of Ruritania Dana Vell was shelved.", "Dana Vell", Is(Person)),
            ex("The Foreign Minister Ostrava Ministry said so.", "Ostrava Ministry", NotByRule),
            ex("The storm may reach the coast as a Major Hurricane on Sunday.", "Hurricane", Nothing),
            ex("Aid came after Major Hurricane Orla hit the coast.", "Hurricane Orla", Nothing),
            ex("The storm may reach the coast as a Major Hurricane on Sunday.", "Major Hurricane", Nothing),
        ],
    },
    Rule {
        name: "role-before-name",
        stage: Stage::Run,
        find: role_before_name,
        examples: &[
            ex("The goal came from striker Pavel Orlenko after the break.", "Pavel Orlenko", Is(Person)),
            ex("Seismologist Ina Marsh said the fault moved.", "Ina Marsh", Is(Person)),
            ex("The goal came from winger Christian Orlenko after the break.", "Christian Orlenko", Is(Person)),
            ex("The lawyer Brent Council said nothing.", "Brent Council", NotByRule),
        ],
    },
    Rule {
        name: "craft-name",
        stage: Stage::Plain,
        find: craft_name,
        examples: &[
            ex("Engineers said the Orvel Tamsk rover had stopped. Orvel drove on in May.", "Orvel Tamsk", Nothing),
            ex("Engineers said the Orvel Tamsk rover had stopped. Orvel drove on in May.", "Orvel", Nothing),
            ex("Crowds watched Space Shuttle Varnavia lift off. Varnavia flew again.", "Space Shuttle Varnavia", Nothing),
            ex("The lab built the Brisk Kettle drone, said Marta Kowalczyk.", "Brisk Kettle", Nothing),
            ex("The agency's Orvel Tamsk lander went quiet, said Marta Kowalczyk.", "Orvel Tamsk", Nothing),
            ex("The pilot Marta Kowalczyk flew the helicopter on Monday.", "Marta Kowalczyk", NotByRule),
            ex("Aid reached Tamsin Valley by helicopter on Monday.", "Tamsin Valley", NotByRule),
            ex("The Space Shuttle Office closed in May.", "Space Shuttle Office", Nothing),
        ],
    },
    Rule {
        name: "organisation-then-person",
        stage: Stage::Plain,
        find: organisation_then_person,
        examples: &[
            ex("The head of the Harbour Council Tamsin Orlo said the port would reopen.", "Harbour Council", Is(Org)),
            ex("The head of the Harbour Council Tamsin Orlo said the port would reopen.", "Tamsin Orlo", Is(Person)),
            ex("A student at University of Tarvin Brelk Ostavi wrote to him. Ostavi said he was glad.", "Brelk Ostavi", Is(Person)),
            ex("A student at University of Tarvin Brelk Ostavi wrote to him. Ostavi said he was glad.", "University of Tarvin", Is(Org)),
            ex("The Harbour Council Tarvin Branch met on Monday.", "Harbour Council Tarvin Branch", NotByRule),
            ex("Staff at the Tarvin Museum Gliding Wing were told on Monday.", "Gliding Wing", NotByRule),
            ex("Agents of the Office of Harbour Watch said the boats were seized.", "Harbour Watch", NotByRule),
        ],
    },
    Rule {
        name: "organisation-head",
        stage: Stage::Plain,
        find: organisation_head,
        examples: &[
            ex("Shares of Meridian Pharmaceuticals Inc. rose.", "Meridian Pharmaceuticals Inc.", Is(Org)),
            ex("The Harlow Rowing Club met on Tuesday.", "Harlow Rowing Club", Is(Org)),
            ex("Pupils at Dunmore High were sent home.", "Dunmore High", Is(Org)),
            ex("He is an enrolled member of the Tarvo Nation, who live by the river.", "Tarvo Nation", Is(Org)),
            ex("The Tarvin Independent School District closed its schools.", "Tarvin Independent School District", Is(Org)),
            ex("The talks with Petra Solvang ended.", "Petra Solvang", NotByRule),
            ex("Agents of the Coastal Fish and Marsh Service came.", "Coastal Fish and Marsh Service", Is(Org)),
            ex("The Marsh Department and Harbour Department met.", "Marsh Department and Harbour Department", Nothing),
            ex("Pilots at the Tarvin Gliding & Balloon Museum met.", "Tarvin Gliding & Balloon Museum", Is(Org)),
        ],
    },
    Rule {
        name: "ampersand-name",
        stage: Stage::Plain,
        find: ampersand_name,
        examples: &[
            ex("Shares of Harlan & Voss rose on Monday.", "Harlan & Voss", Is(Org)),
            ex("Talks between Halvorsen Kraft and Brenner Voss ended.", "Halvorsen Kraft and Brenner Voss", Nothing),
            ex("The report was written by Marta Kowalczyk and Ida Strand.", "Marta Kowalczyk and Ida Strand", Nothing),
            ex("He played drum and bass (D&B) for years. The D&B Weekly List named him.", "D&B Weekly List", Nothing),
        ],
    },
    Rule {
        name: "institution-of",
        stage: Stage::Plain,
        find: institution_of,
        examples: &[
            ex("The Ministry of Health said it would act.", "Ministry of Health", Is(Org)),
            ex("He studied at the Coastal Institute of Technology last year.", "Coastal Institute of Technology", Is(Org)),
            ex("The Bank of Ruritania held rates.", "Bank of Ruritania", Is(Org)),
            ex("The plane went to the Museum of Gliding in May.", "Museum of Gliding", Is(Org)),
        ],
    },
    Rule {
        name: "organisation-cue",
        stage: Stage::Plain,
        find: organisation_cue,
        examples: &[
            ex("The German firm Halvorsen Kraft won the order.", "Halvorsen Kraft", Is(Org)),
            ex("The deal with Halvorsen Kraft was signed.", "Halvorsen Kraft", NotByRule),
        ],
    },
    Rule {
        name: "organisation-context",
        stage: Stage::Plain,
        find: organisation_context,
        examples: &[
            ex("Talks with Brenvoxa officials ended on Monday.", "Brenvoxa", Is(Org)),
            ex("A Tolvennic Harbour spokeswoman declined to comment.", "Tolvennic Harbour", Is(Org)),
            ex("He was one of the members of Quillarism until last year.", "Quillarism", Is(Org)),
            ex("Talks with Saudi officials ended on Monday.", "Saudi", NotByRule),
            ex("He spoke to Marta Kowalczyk on Monday. Marta Kowalczyk officials were absent.", "Marta Kowalczyk", NotByRule),
            ex("Safety officials said the road was closed, and safety came first.", "Safety", NotByRule),
            ex("Rescue officials said the road was closed.", "Rescue", NotByRule),
            ex("The members of the Brenvoxa tribe met.", "Brenvoxa", NotByRule),
        ],
    },
    Rule {
        name: "place-head",
        stage: Stage::Plain,
        find: place_head,
        examples: &[
            ex("Fires burned along Wheeler Ridge overnight.", "Wheeler Ridge", Is(Place)),
            ex("Rescuers reached Tamsin Valley by noon.", "Tamsin Valley", Is(Place)),
            ex("She lived at 1412 Marigold Lane for years.", "Marigold Lane", Is(Place)),
            ex("Police patrol the Ostrava Reservation at night.", "Ostrava Reservation", Is(Place)),
            ex("Floods hit the Tarvin District on Monday.", "Tarvin District", Is(Place)),
            ex("The Tarvin School District closed its schools.", "Tarvin School District", NotByRule),
            ex("The coach Marla Jensen arrived.", "Marla Jensen", NotByRule),
        ],
    },
    Rule {
        name: "named-event",
        stage: Stage::Plain,
        find: named_event,
        examples: &[
            ex("The remnants of Hurricane Orla moved north.", "Hurricane Orla", Nothing),
            ex("The troops began Operation Bright Shield at dawn.", "Operation Bright Shield", Nothing),
        ],
    },
    Rule {
        name: "place-prefix",
        stage: Stage::Plain,
        find: place_prefix,
        examples: &[
            ex("Climbers returned from Mount Elgonia on Friday.", "Mount Elgonia", Is(Place)),
            ex("The crew was rescued off Cape Tarvin.", "Cape Tarvin", Is(Place)),
        ],
    },
    Rule {
        name: "thing-head",
        stage: Stage::Plain,
        find: thing_head,
        examples: &[
            ex("Congress passed the Clean Harbour Act last year.", "Clean Harbour Act", Nothing),
            ex("The Otters won the Harbour Cup again.", "Harbour Cup", Nothing),
            ex("Pupils at the Regional Science Fair showed robots.", "Regional Science Fair", Nothing),
            ex("The report was written by Marta Fairweather.", "Marta Fairweather", NotByRule),
        ],
    },
    Rule {
        name: "place-and-team-name",
        stage: Stage::Plain,
        find: place_and_team_name,
        examples: &[
            ex("The Tarvin Otters beat the Kenya Falcons 3-2. The Falcons were slow.", "Kenya Falcons", Is(Org)),
            ex("The Australian Wallabies lost again.", "Australian Wallabies", Is(Org)),
            ex("Climbers in the Kenya Highlands were rescued.", "Kenya Highlands", NotByRule),
            ex("The Kenya Islands were hit. Islands nearby were spared.", "Kenya Islands", NotByRule),
        ],
    },
    Rule {
        name: "gazetteer-names",
        stage: Stage::Plain,
        find: gazetteer_names,
        examples: &[
            ex("Aid came from the British Red Cross on Monday.", "British Red Cross", Is(Org)),
            ex("Talks between the European Union and Russia resumed.", "European Union", Is(Org)),
            ex("The minister flew to Kenya on Monday.", "Kenya", Is(Place)),
            ex("He joined FC Bordeaux in May and lived in Bordeaux for years.", "Bordeaux", Is(Place)),
            ex("He scored twice for FC Bordeaux. With Bordeaux he won the cup.", "Bordeaux", Is(Org)),
            ex("She signed with Montana Records in 1970. At Montana she sang folk.", "Montana", Is(Org)),
            ex("Uganda Airlines flew on. Uganda said so.", "Uganda", Is(Place)),
        ],
    },
    Rule {
        name: "given-name-and-known-word",
        stage: Stage::Plain,
        find: given_name_and_known_word,
        examples: &[
            ex("The firm's adviser Harold Bristol said the deal was off.", "Harold Bristol", Is(Person)),
            ex("The keeper saved Rosa Toledo's shot.", "Rosa Toledo", Is(Person)),
            ex("The report was read by Nora Toyota on Monday.", "Nora Toyota", Is(Person)),
            ex("The report was read by Nora FAO on Monday.", "Nora FAO", NotByRule),
            ex("Talks between Georgia and Armenia ended.", "Georgia", NotByRule),
            ex("The governor of Oregon Marcus Hale spoke.", "Oregon Marcus", NotByRule),
            ex("The ship docked at Victoria Harbour in the rain.", "Victoria Harbour", NotByRule),
        ],
    },
    Rule {
        name: "unknown-name",
        stage: Stage::Plain,
        find: unknown_name,
        examples: &[
            ex("The report was written by Marta Kowalczyk and two aides.", "Marta Kowalczyk", Is(Person)),
            ex("Crews fought the fire near Dunmore Flats on Sunday.", "Dunmore Flats", Is(Place)),
            ex("The award went to Anna-Lena Berg and a colleague.", "Anna-Lena Berg", Is(Person)),
            ex("The post went to Liz Marsh-Randall and a colleague.", "Liz Marsh-Randall", Is(Person)),
            ex("The post went to Maura O'Kelleher, who said little.", "Maura O'Kelleher", Is(Person)),
            ex("The plan, said analyst at Brenner Voss, failed.", "Brenner Voss", Is(Org)),
            ex("Officials in Kenya said so.", "Kenya", NotByRule),
            ex("Floods hit the town of Dunmore Orrin on Sunday.", "Dunmore Orrin", Is(Place)),
            ex("Engineers lost contact with the Tessaly Skyward probe on Monday.", "Tessaly Skyward", Nothing),
            ex("The award went to Oyelaran Adebisi, 52, a nurse.", "Oyelaran Adebisi", Is(Person)),
            ex("The panel heard Tarvo Keskula on Monday. Keskula denied it.", "Tarvo Keskula", Is(Person)),
            ex("The team fielded Marta Kowalczyk, Ruud Vermaelen and Pell Gudmund.", "Pell Gudmund", Is(Person)),
        ],
    },
    Rule {
        name: "bracketed-acronym",
        stage: Stage::Mention,
        find: bracketed_acronym,
        examples: &[
            ex("The Coastal Flood Relief Agency (CFRA) sent staff. CFRA said more would come.", "CFRA", Is(Org)),
            ex("Rescuers reached Tamsin Marsh Valley (TMV) by noon. TMV was cut off.", "TMV", Is(Place)),
            ex("The Marsh Department of Tarvin (MDT) said so.", "MDT", Is(Org)),
            ex("Marta Kowalczyk (MK) spoke on Monday.", "MK", NotByRule),
            ex("The Coastal Flood Relief Agency (CFPA) sent staff. CFPA said more would come.", "CFPA", Is(Org)),
            ex("The Coastal Flood Relief Agency (CXPA) sent staff.", "CXPA", NotByRule),
            ex("Rescuers reached Tamsin Valley (AP) by noon.", "AP", NotByRule),
        ],
    },
    Rule {
        name: "craft-word-alone",
        stage: Stage::Single,
        find: craft_word_alone,
        examples: &[
            ex("The team lost touch with the Orvel rover. Engineers worked on Orvel for days.", "Orvel", Nothing),
            ex("The team lost touch with the Orvel rover. Engineers in Tamsk worked for days.", "Tamsk", NotByRule),
        ],
    },
    Rule {
        name: "ish-people-or-language",
        stage: Stage::Single,
        find: ish_people_or_language,
        examples: &[
            ex("The Tarvish captain scored twice on Sunday.", "Tarvish", Is(EntityKind::Group)),
            ex("Forms must be filled in Tarvish by May.", "Tarvish", Nothing),
            ex("Few there speak Tarvish at home.", "Tarvish", Nothing),
            ex("The aide Tom Parrish said the plan failed. Parrish left.", "Parrish", NotByRule),
        ],
    },
    Rule {
        name: "state-after-place",
        stage: Stage::Single,
        find: state_after_place,
        examples: &[
            ex("The company, based in Princeton, N.J., said so.", "N.J.", Is(Place)),
            ex("He lived in Greenwich, Conn., last year.", "Conn.", Is(Place)),
            ex("He lived in Albuquerque, N.M., for years.", "N.M.", Is(Place)),
            ex("He flew home to Fresno, CA, on Monday.", "CA", Is(Place)),
            ex("The office in Washington, DC said so.", "DC", Is(Place)),
            ex("She grew up in Anacostia, D.C., and left.", "D.C.", Is(Place)),
            ex("Talks with Kenya, CA Holdings and others failed.", "CA", NotByRule),
            ex("The law, CA said, is weak.", "CA", NotByRule),
            ex("For the defence, Tom Marsden, SC, said the boy was ill.", "SC", NotByRule),
        ],
    },
    Rule {
        name: "organisation-cue-or-bank",
        stage: Stage::Single,
        find: single_organisation,
        examples: &[
            ex("The deal was backed by Voskbank and others.", "Voskbank", Is(Org)),
            ex("The deal was backed by Tivsbank and others.", "Tivsbank", NotByRule),
        ],
    },
    Rule {
        name: "thing-acronym",
        stage: Stage::Single,
        find: thing_acronym,
        examples: &[
            ex("Both states signed the Coastal Fishing Treaty (CFT) in May. The CFT limits catches.", "CFT", Nothing),
            ex("Congress passed the Clean Harbour Act (CHA) last year. Critics say CHA is weak.", "CHA", Nothing),
            ex("Both states signed the Coastal Fishing Treaty (CFT) in May. The QRB approved it.", "QRB", NotByRule),
            ex("Both states signed the Coastal Fishing Treaty (AP) in May. AP said so.", "AP", NotByRule),
            ex("Crews watched the coastal tidal surge (CTS) grow. The CTS rose again.", "CTS", Nothing),
        ],
    },
    Rule {
        name: "acronym",
        stage: Stage::Single,
        find: acronym,
        examples: &[
            ex("The deal was approved by the QRB on Monday.", "QRB", Is(Org)),
            ex("The film was shown on TV last night.", "TV", Nothing),
            ex("The call starts at 5 p.m. EST on Monday.", "EST", Nothing),
            ex("He flew a MK-4 jet.", "MK", NotByRule),
            ex("The planet TRAX-4c is hot.", "TRAX", NotByRule),
            ex("Few still use QV7 at work.", "QV7", NotByRule),
            ex("Talks failed. UNLESS the plan passes, unless it fails, he goes.", "UNLESS", NotByRule),
            ex("He will be jailed UNLESS of course he pays.", "UNLESS", Nothing),
            ex("The plan was approved by the QRB. Its board said the VIP guests would come.", "VIP", Nothing),
            ex("For the defence, Tom Marsden, QC, said the boy was ill.", "QC", Nothing),
            ex("Few still use QV7. Users were told to move to a newer QV by May.", "QV", Nothing),
            ex("The singer Lina Varga (pronounced VAR-ga) sang on Monday.", "VAR", Nothing),
        ],
    },
    Rule {
        name: "given-name-alone",
        stage: Stage::Single,
        find: given_name_alone,
        examples: &[
            ex("The boy fell ill in May. Doctors said Miriam was ill for months.", "Miriam", Is(Person)),
            ex("Miriam's parents were charged after she fell ill.", "Miriam", Is(Person)),
            ex("Floods hit Norman and Moore. Crews were sent.", "Norman", NotByRule),
            ex("The rally was led by Will and his aides. They will return.", "Will", NotByRule),
        ],
    },
    Rule {
        name: "sentence-initial-word",
        stage: Stage::Single,
        find: sentence_initial,
        examples: &[ex("Tarvin was quiet. Nobody came.", "Tarvin", Nothing)],
    },
    Rule {
        name: "place-after-preposition",
        stage: Stage::Single,
        find: place_after_preposition,
        examples: &[
            ex("The storm hit homes in Zelmora overnight.", "Zelmora", Is(Place)),
            ex("The talks with Zelmora ended.", "Zelmora", Nothing),
            ex("He spent years in Velanology before he left.", "Velanology", Nothing),
            ex("Troops landed on the island of Zelmora at dawn.", "Zelmora", Is(Place)),
        ],
    },
    Rule {
        name: "place-before-event",
        stage: Stage::Single,
        find: place_before_event,
        examples: &[
            ex("Survivors of the Vardeck bombing met.", "Vardeck", Is(Place)),
            ex("Survivors of the deadly Vardeck mountain bombing met.", "Vardeck", Is(Place)),
        ],
    },
];

impl<'a> Finder<'a> {
    /// Classifies one capitalised run.
    pub(super) fn classify(&mut self, run: &[Unit]) {
        self.apply_best(run, |s| s != Stage::Single);
    }

    /// Classifies a piece of a run with the plain rules.
    fn classify_plain(&mut self, run: &[Unit]) {
        self.apply_best(run, |s| s == Stage::Plain);
    }

    /// Single unknown capitalised names in running text.
    pub(super) fn single_names(&mut self, runs: &super::Runs) {
        for run in runs.iter() {
            if run.len() != 1 || run[0].gaz.is_some() {
                continue;
            }
            let i = run[0].start;
            if self.covered[i] || self.initial[i] && self.common_at_start(i) {
                continue;
            }
            self.apply_best(run, |s| s == Stage::Single);
        }
    }

    /// Runs the rules on what follows the mention just found, `start..end`.
    pub(super) fn after_mention(&mut self, start: usize, end: usize) {
        let saved = self.rule;
        for rule in RULES.iter().filter(|r| r.stage == Stage::Mention) {
            let Some(outcome) = (rule.find)(self, &[Unit { start, end, gaz: None }]) else { continue };
            self.rule = rule.name;
            for action in outcome.actions {
                if let Action::Named { kind, start, end, name } = action {
                    self.push(kind, start, end, Some(std::borrow::Cow::Owned(name)), None);
                }
            }
            break;
        }
        self.rule = saved;
    }

    /// The conflict policy: the longest claim within the run wins, then the
    /// rule listed first.
    fn apply_best(&mut self, run: &[Unit], stage: impl Fn(Stage) -> bool) {
        let (rs, re) = (run[0].start, run[run.len() - 1].end);
        let mut best: Option<(usize, &'static Rule, Outcome)> = None;
        for rule in RULES.iter().filter(|r| stage(r.stage)) {
            let Some(o) = (rule.find)(self, run) else { continue };
            let len = o.end.min(re).saturating_sub(o.start.max(rs));
            if best.as_ref().is_none_or(|(l, _, _)| len > *l) {
                best = Some((len, rule, o));
            }
            if len == re - rs {
                break;
            }
        }
        let Some((_, rule, outcome)) = best else { return };
        for action in outcome.actions {
            self.rule = rule.name;
            match action {
                Action::Push { kind, start, end, description } => self.push(kind, start, end, None, description),
                Action::Named { kind, start, end, name } => {
                    self.push(kind, start, end, Some(std::borrow::Cow::Owned(name)), None)
                }
                Action::Gaz(u) => self.push_gaz(u),
                Action::Plain(u) => self.classify_plain(&[u]),
                Action::Cover { start, end } => {
                    for c in &mut self.covered[start..end] {
                        *c = true;
                    }
                }
            }
        }
    }
}

/// A title inside the run: what follows it is a person (`Foreign Minister
/// Olek Varnas`); what stands before it is classified on its own, and a
/// title alone names nobody.
fn title_before_name(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let start = run[0].start;
    let end = run[run.len() - 1].end;
    for (ui, u) in run.iter().enumerate() {
        if u.gaz.is_some() && f.lex.entries[u.gaz.unwrap_or(0)].kind != GazKind::Org {
            continue;
        }
        let Some(mut tl) = f.title_at(u.start, end) else { continue };
        // Chained titles: "Deputy Prime Minister" + "Foreign Minister".
        while let Some(more) = f.title_at(u.start + tl, end) {
            tl += more;
        }
        let mut name_start = u.start + tl;
        // `Minister of Health Tran Van Minh`: the portfolio belongs to the title.
        if name_start + 3 < end && matches!(f.tok(name_start), "of" | "for") && f.is_cap(name_start + 1) {
            name_start += 2;
        }
        let mut o = Outcome::new(start, end);
        // A country's name opening the title is part of it (`U.S. District
        // Judge`, `United States Attorney`): no mention of the country.
        let before = &run[..ui];
        let country = |u: &Unit| u.gaz.is_some_and(|e| f.lex.entries[e].kind == GazKind::Country);
        let of_title = before.len() <= 2 && before.iter().any(country) && before.iter().all(|u| country(u) || u.gaz.is_none());
        if of_title {
            o.actions.push(Action::Cover { start, end: u.start });
        } else {
            o.actions.extend(before.iter().map(|p| Action::Plain(*p)));
        }
        if name_start >= end {
            return Some(o);
        }
        let name_end = end.min(name_start + 4);
        if f.lex.org_heads.contains(f.tok(name_end - 1)) {
            return None; // "Foreign Minister … Ministry" is an organisation
        }
        // `a Major Hurricane`, `Major Storm Orla`: a named event's word is nobody's name.
        if f.lex.event_names.contains(f.tok(name_start)) {
            return Some(o.cover(u.start, end));
        }
        let description = f.description_before(name_start);
        return Some(o.push(Person, name_start, name_end, description));
    }
    None
}

/// A team of the story's sports report at the start of the run (`Ajax`,
/// `Bayern Munich`); the rest of the run is classified on its own.
fn sports_team(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let start = run[0].start;
    let end = run[run.len() - 1].end;
    let (len, name) = f.teams.at(f, start, end)?;
    if len == 1 && start > 0 && f.tok(start - 1) == "in" {
        return None;
    }
    // The team's words must be whole units of the run.
    let cut = run.iter().position(|u| u.end == start + len)?;
    let mut o = Outcome::new(start, end);
    o.actions.push(Action::Named { kind: Org, start, end: start + len, name });
    o.actions.extend(run[cut + 1..].iter().map(|u| Action::Plain(*u)));
    Some(o)
}

/// A name ending in a competition head (`… League`, `… Games`) is a
/// competition, none of the four kinds, where the story writes it before a
/// stage of the competition (`the Harbour League final`) or right after a
/// year (`the 2016 Coastal Games`), with its organiser's name before it
/// (`the QRB Harbour League`). A league the story writes only as a body
/// (`sixth in the Harbour League`) stays an organisation.
fn competition(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let (start, end) = (run[0].start, run[run.len() - 1].end);
    if end - start < 2 || !f.lex.competition_heads.contains(f.tok(end - 1)) {
        return None;
    }
    let year = start > 0 && {
        let y = f.tok(start - 1);
        y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) && matches!(&y[..2], "18" | "19" | "20")
    };
    (year || f.competitions.contains(f.tok(end - 2))).then(|| Outcome::new(start, end).cover(start, end))
}

/// A lower-case role just before the run: a person (`striker Pavel Orlenko`).
fn role_before_name(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let start = run[0].start;
    let end = run[run.len() - 1].end;
    // A known name may open it where it is also a given name (`winger Christian Orlenko`).
    let given = |u: &Unit| {
        u.start == start && u.end == start + 1 && run.len() > 1 && f.lex.given_names.contains(f.tok(start))
    };
    if !(run.iter().all(|u| u.gaz.is_none() || given(u)) && end - start <= 4) {
        return None;
    }
    let role = f.role_before(start)?;
    if f.lex.org_heads.contains(f.tok(end - 1)) {
        return None;
    }
    let description = f.description_from(role, start);
    Some(Outcome::new(start, end).push(Person, start, end, description))
}

/// A run ending in an organisation head or corporate suffix (`… Ministry`,
/// `… Holdings Inc.`).
fn organisation_head(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let start = run[0].start;
    let end = run[run.len() - 1].end;
    if !(end - start >= 2 && run.len() >= 2 && (f.lex.org_heads.contains(f.tok(end - 1)) || body_area(f, start, end))) {
        return None;
    }
    let end = f.with_abbreviation_period(end);
    Some(Outcome::new(start, end).push(Org, start, end, None))
}

/// An organisation's name followed at once by a person's, as a role's
/// complement writes them (`the head of the Harbour Council Tamsin Orlo
/// said`): the run's last two words are a person's name where the story
/// gives evidence of it, and what stands before them, holding an
/// organisation's head word, is the organisation.
fn organisation_then_person(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let (start, end) = (run[0].start, run[run.len() - 1].end);
    if run.len() < 4 || end - start < 4 {
        return None;
    }
    let (g, s) = (run[run.len() - 2], run[run.len() - 1]);
    let plain_word = |u: &Unit| {
        let w = f.tok(u.start);
        u.end == u.start + 1
            && u.gaz.is_none()
            && w.chars().count() > 1
            && !is_acronym(w)
            && !f.lex.function_words.contains(w)
            && !f.lex.org_heads.contains(w)
            && !f.lex.place_heads.contains(w)
            && !f.lex.thing_heads.contains(w)
            && !f.lower_words.contains(&w.to_lowercase())
    };
    if !(plain_word(&g) && plain_word(&s) && s.start == g.end) {
        return None;
    }
    let front_end = g.start;
    if front_end - start < 2 || !f.is_cap(front_end - 1) || f.lex.function_words.contains(f.tok(front_end - 1)) {
        return None;
    }
    let head = (start..front_end).any(|k| f.lex.org_heads.contains(f.tok(k)) && (f.gaz(k).is_none()));
    if !(head && f.own_person_evidence(g.start, s.end)) {
        return None;
    }
    Some(Outcome::new(start, end).push(Org, start, front_end, None).push(Person, g.start, s.end, f.appositive(s.end)))
}

/// Capitalised words joined by `&` name a firm (`Procter & Gamble`).
/// Not a common thing's abbreviation (`drum and bass (D&B)` … `the D&B
/// charts`), which names nothing, nor does the run it opens.
fn ampersand_name(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let start = run[0].start;
    let end = run[run.len() - 1].end;
    if !run.iter().any(|u| u.gaz.is_none() && f.tok(u.start) == "&") {
        return None;
    }
    let from = f.toks[start].span().start;
    let thing = (start + 2..end.min(start + 3)).any(|k| f.thing_acronyms.contains(&f.text[from..f.toks[k].span().end]));
    let o = Outcome::new(start, end);
    Some(if thing { o.cover(start, end) } else { o.push(Org, start, end, None) })
}

/// An institution named by its head and what it is of: `Bank of Canada`,
/// `Ministry of Health`, `California Institute of Technology`. A known
/// organisation after the connector stands apart (`Defence Committee of the
/// House of Commons`).
fn institution_of(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let start = run[0].start;
    let end = run[run.len() - 1].end;
    let h = run.iter().rposition(|u| {
        u.gaz.is_none() && f.lex.org_heads.contains(f.tok(u.start)) && f.connector(u.end, Some(u.start)).is_some()
    })?;
    let t = run[h + 1..].iter().find(|u| u.gaz.is_some() || f.is_cap(u.start))?;
    let org_tail = t.gaz.is_some_and(|e| f.lex.entries[e].kind == GazKind::Org) && t.end == end;
    let o = Outcome::new(start, end);
    Some(if org_tail {
        let mut o = o.push(Org, start, run[h].end, None);
        o.actions.push(Action::Gaz(*t));
        o
    } else {
        o.push(Org, start, end, None)
    })
}

/// A word before the name that says what kind of body it is:
/// `chipmaker Hanbit Semiconductor`, `the German firm Rheinmetall`.
fn organisation_cue(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let start = run[0].start;
    let end = run[run.len() - 1].end;
    (run.iter().all(|u| u.gaz.is_none()) && end - start <= 4 && f.org_cue_before(start))
        .then(|| Outcome::new(start, end).push(Org, start, end, None))
}

/// An unknown name of up to three words right before a noun for an
/// organisation's people (`Brenvoxa officials`, `a Tolvennic Harbour
/// spokeswoman`), or after `members of` without `the`, is an organisation.
/// Not a word the story writes in lower case, nor a known given name, nor
/// a sentence's first word before the noun.
fn organisation_context(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let start = run[0].start;
    let end = run[run.len() - 1].end;
    if end - start > 3 || run.iter().any(|u| u.gaz.is_some()) || (start..end).any(|k| f.common_at_start(k) || is_acronym(f.tok(k))) {
        return None;
    }
    if f.lex.given_names.contains(f.tok(start)) {
        return None;
    }
    // `Rescue officials said`: a sentence's first word may be a common one.
    let follower = !f.initial[start] && end < f.toks.len() && f.lex.org_followers.contains(f.tok(end)) && f.contiguous(end - 1, 2);
    let member = start >= 2 && f.tok(start - 1) == "of" && f.lex.org_member_nouns.contains(f.tok(start - 2));
    (follower || member).then(|| Outcome::new(start, end).push(Org, start, end, None))
}

/// A run ending in a place head (`… Valley`, `… Ridge`), not a body's area
/// (`Tarvin School District`).
fn place_head(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let start = run[0].start;
    let end = run[run.len() - 1].end;
    (end - start >= 2 && run.len() >= 2 && f.lex.place_heads.contains(f.tok(end - 1)) && !body_area(f, start, end))
        .then(|| Outcome::new(start, end).push(Place, start, end, None))
}

/// The run `start..end` ends in a word for the area a body serves, right
/// after an organisation's head (`Tarvin School District`, `Dunmore Water
/// District`): the body is named.
fn body_area(f: &Finder, start: usize, end: usize) -> bool {
    end - start >= 3 && f.lex.body_areas.contains(f.tok(end - 1)) && f.lex.org_heads.contains(f.tok(end - 2))
}

/// A named storm or operation (`Hurricane Fiona`) is none of the kinds.
fn named_event(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let start = run[0].start;
    let end = run[run.len() - 1].end;
    (end - start >= 2 && run[0].gaz.is_none() && f.lex.event_names.contains(f.tok(start))).then(|| Outcome::new(start, end))
}

/// A craft's name: a run right before a lower-case craft noun (`the
/// Tessaly Skyward probe`), or with a craft noun capitalised inside it
/// after its first word (`Space Shuttle Orvel`), names none of the four
/// kinds; no later pass takes its words.
pub(super) fn craft_name(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let start = run[0].start;
    let end = run[run.len() - 1].end;
    let before_craft = end < f.toks.len() && f.lex.craft_nouns.contains(f.tok(end)) && f.contiguous(end - 1, 2);
    let inside = (start + 1..end.saturating_sub(1)).any(|k| f.lex.craft_nouns.contains(f.tok(k).to_lowercase().as_str()));
    // Not a place or a name known already (`by helicopter` after a place).
    let known = run.iter().all(|u| u.gaz.is_some());
    // `the … rover`, `the agency's … rover`.
    let determiner = start >= 1 && matches!(f.tok(start - 1), "the" | "The")
        || start >= 2 && f.tok(start - 1) == "s" && matches!(f.tok(start - 2), "'" | "’");
    ((before_craft && !known && determiner) || inside)
        .then(|| Outcome::new(start, end).cover(start, end))
}

/// A word of a craft's name, alone (`Orvel` after `the Orvel rover`), is the craft.
fn craft_word_alone(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let i = run[0].start;
    f.crafts.contains(f.tok(i)).then(|| Outcome::new(i, i + 1).cover(i, i + 1))
}

/// An unknown word in `-ish` is a people's adjective or their language
/// (`Cornish`): a language after `in`, `into` or a verb of speaking (not
/// marked), the people's group otherwise. Not a person's name (`Parrish said`).
fn ish_people_or_language(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let i = run[0].start;
    let w = f.tok(i);
    if !(w.len() > 5 && w.ends_with("ish")) || f.person_words.contains(w) || f.lex.given_names.contains(w) || f.surnames.contains_key(w) {
        return None;
    }
    let prev = i.checked_sub(1).map(|p| f.tok(p)).unwrap_or("");
    let language = matches!(prev, "in" | "into" | "speak" | "speaks" | "spoke" | "spoken" | "speaking" | "fluent")
        || f.tok_is(i + 1, "language") || f.tok_is(i + 1, "-");
    let o = Outcome::new(i, i + 1);
    Some(if language { o.cover(i, i + 1) } else { o.push(EntityKind::Group, i, i + 1, None) })
}

/// A club's abbreviation then a name (`FC Tarvin`, `AC Milan`) is a sports
/// club, even where the name is a city's.
fn club_prefix(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let start = run[0].start;
    let end = run[run.len() - 1].end;
    (run.len() >= 2 && run[0].end == start + 1 && f.lex.club_prefixes.contains(f.tok(start)))
        .then(|| Outcome::new(start, end).push(Org, start, end, None))
}

/// A run opening with a place prefix: `Cape Breton`, `Mount Kenya`.
fn place_prefix(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let start = run[0].start;
    let end = run[run.len() - 1].end;
    (end - start >= 2 && run[0].gaz.is_none() && f.lex.place_prefixes.contains(f.tok(start)))
        .then(|| Outcome::new(start, end).push(Place, start, end, None))
}

/// A run ending in the head of a law, prize, competition, event or product
/// (`… Act`, `… Cup`, `… Fair`) names none of the four kinds.
pub(super) fn thing_head(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let start = run[0].start;
    let end = run[run.len() - 1].end;
    (end - start >= 2 && run[run.len() - 1].gaz.is_none() && f.lex.thing_heads.contains(f.tok(end - 1)))
        .then(|| Outcome::new(start, end))
}

/// A run of gazetteer names only: each is itself, but a one-word name
/// that is the surname of a person found before stands for the person
/// (`Harold Bristol` … `Bristol said`).
/// A country's or a people's name right before a known organisation's
/// names the organisation of that country (`U.S. Department of Homeland
/// Security`, `British Red Cross`).
fn gazetteer_names(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    if !run.iter().all(|u| u.gaz.is_some()) {
        return None;
    }
    let kind = |u: &Unit| f.lex.entries[u.gaz.unwrap_or(0)].kind;
    let mut o = Outcome::new(run[0].start, run[run.len() - 1].end);
    let mut k = 0;
    while k < run.len() {
        let u = run[k];
        if k + 1 < run.len() && matches!(kind(&u), GazKind::Country | GazKind::Demonym) && kind(&run[k + 1]) == GazKind::Org {
            o = o.push(Org, u.start, run[k + 1].end, None);
            k += 2;
            continue;
        }
        let surname = (u.end == u.start + 1 && !f.surnames.is_empty()).then(|| f.surnames.get(f.tok(u.start))).flatten();
        let org = (u.end == u.start + 1 && !f.org_words.is_empty())
            .then(|| f.org_words.get(f.tok(u.start)))
            .flatten()
            .filter(|_| !place_word_before(f, u.start));
        o.actions.push(match (surname, org) {
            (Some(name), _) => Action::Named { kind: Person, start: u.start, end: u.end, name: name.to_string() },
            (None, Some(name)) => Action::Named { kind: Org, start: u.start, end: u.end, name: name.to_string() },
            (None, None) => Action::Gaz(u),
        });
        k += 1;
    }
    Some(o)
}

/// A word before token `i` that makes a place of a name (`in`, `near`),
/// but `at`, which also stands before an employer (`worked at Tarvin`).
fn place_word_before(f: &Finder, i: usize) -> bool {
    i > 0 && f.tok(i - 1) != "at" && f.lex.place_prepositions.contains(f.tok(i - 1))
}

/// A known place's or people's name, then capitalised words ending in a
/// plural that the story never writes in lower case, is a team's name
/// (`Minnesota Timberwolves`, `Australian Steelers`): the plural alone
/// stands for it afterwards.
fn place_and_team_name(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let (start, end) = (run[0].start, run[run.len() - 1].end);
    if !(2..=3).contains(&run.len()) || run[1..].iter().any(|u| u.gaz.is_some() || u.end != u.start + 1) {
        return None;
    }
    let place = run[0].gaz.is_some_and(|e| {
        matches!(f.lex.entries[e].kind, GazKind::City | GazKind::Capital | GazKind::Country | GazKind::Region | GazKind::Demonym)
    });
    let last = f.tok(end - 1);
    let plural = last.len() > 3 && last.ends_with('s') && !last.ends_with("ss") && last[1..].chars().all(char::is_lowercase);
    let common = |w: &str| {
        f.lex.org_heads.contains(w)
            || f.lex.place_heads.contains(w)
            || f.lex.thing_heads.contains(w)
            || f.lex.corporate_suffixes.contains(w)
            || f.lower_words.contains(&w.to_lowercase())
    };
    (place && plural && !run[1..].iter().any(|u| common(f.tok(u.start))))
        .then(|| Outcome::new(start, end).push(Org, start, end, None))
}

/// A known given name, then one or two words of which some are known
/// names of towns, a region or a people, is a person's name: `Harold
/// Bristol`, `Rosa Toledo`, `Christian Orlenko`. Not a country's name
/// (`Georgia`), nor an organisation's.
fn given_name_and_known_word(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let (start, end) = (run[0].start, run[run.len() - 1].end);
    if !(2..=3).contains(&run.len()) || run.iter().any(|u| u.end != u.start + 1) || run.iter().all(|u| u.gaz.is_none()) {
        return None;
    }
    // A one-word organisation's name after the given name is a surname too
    // (`Nora Dell`).
    let ok_gaz = |u: &Unit| {
        u.gaz.is_none_or(|e| match f.lex.entries[e].kind {
            GazKind::City | GazKind::Capital | GazKind::Demonym | GazKind::Region => true,
            GazKind::Org => u.start > start && u.end == u.start + 1 && f.tok(u.start).len() > 3 && !is_acronym(f.tok(u.start)),
            GazKind::Country => false,
        })
    };
    let first = f.tok(start);
    let first_ok = run[0].gaz.is_none_or(|e| f.lex.entries[e].kind == GazKind::Demonym);
    if !(f.lex.given_names.contains(first) && first_ok && run.iter().all(ok_gaz)) {
        return None;
    }
    if f.lex.org_heads.contains(f.tok(end - 1)) || f.lex.place_heads.contains(f.tok(end - 1)) {
        return None;
    }
    Some(Outcome::new(start, end).push(Person, start, end, f.appositive(end)))
}

/// A known given name alone, not a word the story writes in lower case, is
/// a person's where the story speaks of a person there: it is used in a
/// person's context (`Miriam said`), or a personal pronoun follows it
/// before any other name (`Miriam's cough worsened and she was taken to hospital`).
fn given_name_alone(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let i = run[0].start;
    let w = f.tok(i);
    if !f.lex.given_names.contains(w) || f.lex.function_words.contains(w) || is_acronym(w) || f.tok_is(i + 1, ".") {
        return None;
    }
    if f.initial[i] && f.common_at_start(i) || f.lower_words.contains(&w.to_lowercase()) {
        return None;
    }
    let pronoun = || {
        (i + 1..f.toks.len().min(i + 16))
            .take_while(|&k| !f.is_cap(k) || f.initial[k])
            .any(|k| matches!(f.tok(k), "she" | "he" | "her" | "his" | "She" | "He" | "Her" | "His"))
    };
    (f.person_words.contains(w) || pronoun()).then(|| Outcome::new(i, i + 1).push(Person, i, i + 1, None))
}

/// Known names at the edges stand apart from an unknown core; a core of
/// two to four capitalised words that are nothing else is a person's name,
/// or a place after `in`, `near`, `outside`, `at` (`near Wheeler Ridge`),
/// or a firm where someone works (`an analyst at Merrill Lynch`).
fn unknown_name(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let start = run[0].start;
    let end = run[run.len() - 1].end;
    let mut o = Outcome::new(start, end);
    let lo = run.iter().position(|u| u.gaz.is_none()).unwrap_or(0);
    let hi = run.iter().rposition(|u| u.gaz.is_none()).map_or(run.len(), |p| p + 1);
    o.actions.extend(run[..lo].iter().chain(&run[hi..]).map(|u| Action::Gaz(*u)));
    let core = &run[lo..hi];
    let (cs, ce) = (core[0].start, core[core.len() - 1].end);
    if ce - cs >= 2 && core.iter().all(|u| u.gaz.is_none()) {
        let words_ok = (cs..ce).all(|k| {
            let w = f.tok(k);
            let joiner = |j: usize| matches!(f.tok(j), "-" | "'" | "’");
            let hyphenated = k > cs && (joiner(k) || joiner(k - 1)) || k + 1 < ce && joiner(k + 1) && matches!(w, "O" | "D");
            hyphenated || !f.lex.function_words.contains(w) && !is_acronym(w) && w.chars().count() > 1
        });
        if words_ok && core.len() <= 4 {
            let prev = cs.checked_sub(1).filter(|_| cs == start).map(|p| f.tok(p));
            // `the town of Dunmore Flats`: a kind of place, `of`, the name.
            let place_of = prev == Some("of") && cs >= 2 && f.lex.place_nouns.contains(f.tok(cs - 2));
            let kind = match prev {
                _ if place_of => Place,
                Some(p) if f.lex.run_place_prepositions.contains(p) => {
                    if p == "at" && cs >= 2 && f.lex.roles.contains_key(f.tok(cs - 2)) {
                        Org
                    } else {
                        Place
                    }
                }
                _ => Person,
            };
            // A person's name needs evidence: a spacecraft, a product or a
            // fair is written just the same (`Ingenuity Mars`).
            if kind != Person || f.person_evidence(cs, ce) {
                let description = if kind == Person { f.appositive(ce) } else { None };
                o = o.push(kind, cs, ce, description);
            }
        }
    }
    Some(o)
}

/// `Princeton, N.J.`, `Greenwich, Conn.`: a state after a place.
fn state_after_place(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let i = run[0].start;
    let w = f.tok(i);
    let after_place = i >= 2 && f.tok(i - 1) == "," && f.covered[i - 2];
    let state = f.lex.us_states.contains(w.trim_end_matches('.'))
        && (w.ends_with('.') || f.tok_is(i + 1, ".") && !f.toks[i + 1].space_before);
    // A postal code (`Fresno, CA`) ends the place's name: no name goes on.
    // The name before it must be a place's (not `Tom Vale, SC`, a counsel).
    let code = f.lex.us_postal_codes.contains(w)
        && !(f.is_cap(i + 1) && f.contiguous(i, 2))
        && i >= 2
        && {
            // Only here, after a comma and a name: a scan of what was found is rare.
            let end = f.toks[i - 2].span().end;
            f.found.iter().rev().find(|m| m.span.end == end).is_some_and(|m| m.kind == Place)
        };
    if code && after_place {
        return Some(Outcome::new(i, i + 1).push(Place, i, i + 1, None));
    }
    if !(after_place && state) {
        return None;
    }
    let end = if w.ends_with('.') { i + 1 } else { i + 2 };
    // The state's own name (`Okla.`: Oklahoma, `N.M.`: New Mexico).
    let named = f.lex.state_names.get(w.trim_end_matches('.'));
    let mut o = Outcome::new(i, end);
    match named {
        Some(name) => o.actions.push(Action::Named { kind: Place, start: i, end, name: name.to_string() }),
        None => o = o.push(Place, i, end, None),
    }
    Some(o)
}

/// One word after an organisation cue (`the lender Voskbank`), or one word
/// ending in `bank`.
fn single_organisation(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let i = run[0].start;
    (f.org_cue_before(i) || is_bank_name(f.tok(i))).then(|| Outcome::new(i, i + 1).push(Org, i, i + 1, None))
}

/// A capitalised acronym is an organisation, unless a number follows it
/// (`MK-4`) or it is a title.
fn acronym(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let i = run[0].start;
    let w = f.tok(i);
    if !(is_acronym(w) && w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !f.lex.not_acronyms.contains(w)) {
        return None;
    }
    // A model or a version (`MK-4`, `TRAX-4c`, `QV7`).
    let next_is_digit = i + 2 < f.toks.len()
        && f.tok(i + 1) == "-"
        && !f.toks[i + 2].space_before
        && f.tok(i + 2).starts_with(|c: char| c.is_ascii_digit());
    let numbered = w.ends_with(|c: char| c.is_ascii_digit());
    // A product the story also writes with its version (`QV7` … `a newer QV`).
    let versioned = f.versioned.contains(w);
    // A shouted word (`UNLESS`, `SOLAR`): a function word, or a word the
    // story writes in lower case too.
    let shouted = w.len() >= 4 && {
        let lower = w.to_lowercase();
        let title: String = w.chars().take(1).chain(lower.chars().skip(1)).collect();
        f.lex.function_words.contains(title.as_str()) || w.len() >= 5 && f.lower_words.contains(&lower)
    };
    // A pronunciation (`pronounced KAY-lo`).
    let spoken = i > 0 && f.tok(i - 1) == "pronounced";
    let o = Outcome::new(i, i + 1);
    let not_body = next_is_digit || numbered || versioned || shouted || spoken;
    Some(if !not_body && f.title_at(i, i + 1).is_none() { o.push(Org, i, i + 1, None) } else { o })
}

/// An acronym in brackets right after a name of two words or more is that
/// name, of its kind, when its letters are initials of the name's words:
/// `Federal Emergency Management Agency (FEMA)`; the acronym's later uses
/// are then its aliases. Not after a person's name.
fn bracketed_acronym(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let (start, end) = (run[0].start, run[run.len() - 1].end);
    let long = f.found.last()?;
    let a = end + 1;
    if end - start < 2 || long.kind == Person || !f.tok_is(a + 1, ")") || !f.is_cap(a) {
        return None;
    }
    let w = f.tok(a);
    if !(is_acronym(w) && w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !f.lex.not_acronyms.contains(w)) {
        return None;
    }
    // Its letters are initials of the name's words, in order (not `New York
    // (AP)`), or the initials of its capitalised words but for one letter
    // mistyped (`Coastal Flood Relief Agency (CFPA)`).
    if !initials_in(f, start, end, w) && !misspelt_initials(f, start, end, w) {
        return None;
    }
    let mut o = Outcome::new(a, a + 1);
    o.actions.push(Action::Named { kind: long.kind, start: a, end: a + 1, name: long.name.to_string() });
    Some(o)
}

/// Acronym `w`, of four letters or more, is the initials of the
/// capitalised words `start..end` with one letter changed.
fn misspelt_initials(f: &Finder, start: usize, end: usize, w: &str) -> bool {
    if w.len() < 4 || !w.bytes().all(|b| b.is_ascii_uppercase()) {
        return false;
    }
    let initials: Vec<u8> = (start..end).filter(|&k| f.is_cap(k)).filter_map(|k| f.tok(k).bytes().next()).collect();
    initials.len() == w.len() && initials.iter().zip(w.bytes()).filter(|(a, b)| *a != b).count() == 1
}

/// The letters of acronym `w` are initials of the words `start..end`, in order.
pub(super) fn initials_in(f: &Finder, start: usize, end: usize, w: &str) -> bool {
    let mut initials = (start..end).filter_map(|k| f.tok(k).chars().next()).map(|c| c.to_ascii_uppercase());
    w.chars().filter(|c| c.is_alphabetic()).all(|c| initials.any(|i| i == c))
}

/// An acronym given in brackets after a law's, a treaty's or a prize's
/// name stands for that thing wherever it is used alone: no organisation.
fn thing_acronym(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let i = run[0].start;
    f.thing_acronyms.contains(f.tok(i)).then(|| Outcome::new(i, i + 1).cover(i, i + 1))
}

/// An unknown word opening a sentence is left alone.
fn sentence_initial(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let i = run[0].start;
    f.initial[i].then(|| Outcome::new(i, i + 1))
}

/// An unknown word after a place preposition is a place (`in Sialkot`).
fn place_after_preposition(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let i = run[0].start;
    let w = f.tok(i);
    if i >= 2 && f.tok(i - 1) == "of" && f.lex.place_nouns.contains(f.tok(i - 2)) {
        return Some(Outcome::new(i, i + 1).push(Place, i, i + 1, None));
    }
    // A belief, a movement or a field (`in Scientology`, `in Buddhism`) is no place.
    let abstract_noun = ["ology", "ism", "phobia"].iter().any(|s| w.len() > s.len() + 2 && w.ends_with(s));
    (i > 0 && f.lex.place_prepositions.contains(f.tok(i - 1)) && !abstract_noun)
        .then(|| Outcome::new(i, i + 1).push(Place, i, i + 1, None))
}

/// An unknown word before an event noun is where it happened (`the
/// Pahalgam attack`, with up to two lower-case words between).
fn place_before_event(f: &Finder, run: &[Unit]) -> Option<Outcome> {
    let i = run[0].start;
    let before_event = (1..=3).any(|d| {
        i + d < f.toks.len()
            && (1..d).all(|m| f.toks[i + m].kind == super::TokenKind::Word && !f.is_cap(i + m))
            && f.lex.event_nouns.contains(f.tok(i + d))
    });
    before_event.then(|| Outcome::new(i, i + 1).push(Place, i, i + 1, None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{find_entities_traced, Input};

    /// Each mention of `text` as `(text, kind, rule)`.
    fn traced(text: &str) -> Vec<(String, EntityKind, &'static str)> {
        let sentences = crate::text::sentences(text);
        let toks = crate::text::tokens(text);
        let found = crate::dates::find_dates_in(text, &toks, &sentences, None);
        let exclude: Vec<_> = found.dates.iter().map(|d| d.span).chain(found.context.iter().map(|c| c.span)).collect();
        let input = Input { text, sentences: &sentences, headlines: &[], dateline: None, exclude: &exclude };
        find_entities_traced(&input).into_iter().map(|(s, k, r)| (s.of(text).to_string(), k, r)).collect()
    }

    #[test]
    fn every_rule_meets_its_examples() {
        let mut failures = Vec::new();
        for rule in RULES {
            assert!(rule.examples.iter().any(|e| !matches!(e.expect, NotByRule)), "{}: no positive example", rule.name);
            for e in rule.examples {
                assert!(e.text.contains(e.mention), "{}: {:?} is not in {:?}", rule.name, e.mention, e.text);
                let found = traced(e.text);
                let ok = match e.expect {
                    Is(kind) => found.iter().any(|(s, k, r)| s == e.mention && *k == kind && *r == rule.name),
                    NotByRule => !found.iter().any(|(s, _, r)| s == e.mention && *r == rule.name),
                    Nothing => !found.iter().any(|(s, _, _)| s == e.mention),
                };
                if !ok {
                    failures.push(format!("{}: {:?} in {:?} should be {:?}; found {found:?}", rule.name, e.mention, e.text, e.expect));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn rule_names_are_unique() {
        for (i, r) in RULES.iter().enumerate() {
            assert!(!RULES[..i].iter().any(|s| s.name == r.name), "two rules named {}", r.name);
        }
    }
}
