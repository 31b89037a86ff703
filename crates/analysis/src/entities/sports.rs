//! Sports clubs and teams named by a city or a short name: `Ajax beat
//! Dortmund 2-1`, `Bayern's coach`, `the Otters beat the Falcons 3-2`,
//! `drew with Lyon`.
//!
//! Before the runs are classified, a story that reads as a sports report (a
//! score such as `3-2` or `2 – 2`, and a word of sport) is searched for
//! names in sports context: before or after a result verb (`beat`,
//! `defeated`), after `drew with`, `lost to`, `against`, `coach of`, before
//! a score, or before a possessive and a player's role (`Bayern's coach`).
//! Each such name is a team, and so is every other use of it in the story
//! (one referent, one kind); a short form (the first or last word of a
//! team's name of two words) joins the full name. A national team written
//! as its country stays a place, and a name that is the surname of a
//! person's name elsewhere (`Federer beat Nadal 6-4`) is no team.

use super::{Finder, TokenKind};
use crate::lexicon::{GazKind, HashMap, SPORTS_CUE, SPORTS_ROLE, SPORTS_VERB};

/// The teams of a story: each form (as its tokens joined by spaces) and the
/// team's full name.
#[derive(Default)]
pub(super) struct Teams {
    pub forms: HashMap<String, String>,
    /// The most tokens of any form.
    pub longest: usize,
    /// The first words of the forms.
    firsts: crate::lexicon::HashSet<String>,
}

/// Names in the order found, each once.
#[derive(Default)]
struct Names {
    list: Vec<String>,
    seen: crate::lexicon::HashSet<String>,
}

impl Names {
    fn contains(&self, name: &str) -> bool {
        self.seen.contains(name)
    }

    fn push(&mut self, name: String) {
        if self.seen.insert(name.clone()) {
            self.list.push(name);
        }
    }

    fn len(&self) -> usize {
        self.list.len()
    }

    fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

impl Teams {
    /// The team form that starts at token `i` (no longer than `end - i`
    /// tokens): its length and the team's full name.
    pub(super) fn at(&self, f: &Finder, i: usize, end: usize) -> Option<(usize, String)> {
        if self.forms.is_empty() || i >= f.toks.len() || !self.firsts.contains(f.tok(i)) {
            return None;
        }
        (1..=self.longest.min(end.saturating_sub(i))).rev().find_map(|len| {
            if !f.contiguous(i, len) || (i..i + len).any(|k| f.toks[k].kind != TokenKind::Word) {
                return None;
            }
            let key = (i..i + len).map(|k| f.tok(k)).collect::<Vec<_>>().join(" ");
            self.forms.get(&key).map(|n| (len, n.clone()))
        })
    }
}

impl<'a> Finder<'a> {
    /// Is this a score: a number, a dash, a number (`3-2`, `2 – 2`), neither a year?
    fn score_at(&self, i: usize) -> bool {
        let small = |k: usize| {
            k < self.toks.len()
                && self.toks[k].kind == TokenKind::Number
                && self.tok(k).len() <= 3
                && self.tok(k).bytes().all(|b| b.is_ascii_digit())
        };
        small(i) && i + 2 < self.toks.len() && matches!(self.tok(i + 1), "-" | "–" | "—") && small(i + 2)
    }

    /// Does the text read as a sports report: a score and a word of sport?
    fn sporty(&self) -> bool {
        let mut score = false;
        let mut word = false;
        for i in 0..self.toks.len() {
            match self.toks[i].kind {
                TokenKind::Number if !score => score = self.score_at(i),
                TokenKind::Word if !word => word = self.lex.sports_words.contains(self.tok(i)),
                _ => {}
            }
            if score && word {
                return true;
            }
        }
        false
    }

    /// The capitalised name (up to three words) ending just before token `e`.
    fn name_before(&self, e: usize) -> Option<(usize, usize)> {
        let mut s = e;
        while s > 0 && e - s < 3 && self.is_cap(s - 1) && self.toks[s - 1].kind == TokenKind::Word && self.contiguous(s - 1, e - s + 1) {
            s -= 1;
        }
        // A common word opening a sentence is no part of it.
        while s < e && self.initial[s] && self.gaz(s).is_none() && self.common_at_start(s) {
            s += 1;
        }
        (s < e).then_some((s, e))
    }

    /// The capitalised name (up to three words) starting at token `s`, after an optional `the`.
    fn name_after(&self, s: usize) -> Option<(usize, usize)> {
        let s = if self.tok_is(s, "the") { s + 1 } else { s };
        let mut e = s;
        while e < self.toks.len() && e - s < 3 && self.is_cap(e) && self.toks[e].kind == TokenKind::Word && self.contiguous(s, e - s + 1) {
            e += 1;
        }
        (e > s).then_some((s, e))
    }

    /// The teams of the story (none unless it reads as a sports report).
    pub(super) fn find_teams(&self, runs: &super::Runs) -> Teams {
        let mut teams = Teams::default();
        if !self.sporty() {
            return teams;
        }
        let n = self.toks.len();
        let mut names: Vec<(usize, usize)> = Vec::new();
        for i in 0..n {
            match self.toks[i].kind {
                TokenKind::Word => {
                    let w = self.tok(i);
                    // Every cue is lower-case and stands by a name: one
                    // look-up for the rest.
                    let near_name = (i > 0 && self.capital[i - 1]) || self.is_cap(i + 1) || self.is_cap(i + 2) || self.is_cap(i + 3);
                    if !near_name || !w.as_bytes()[0].is_ascii_lowercase() {
                        continue;
                    }
                    let Some(&flags) = self.lex.sports_any.get(w) else { continue };
                    if flags & SPORTS_VERB != 0 {
                        names.extend(self.name_before(i));
                        names.extend(self.name_after(i + 1));
                    }
                    if flags & SPORTS_CUE != 0 {
                        for cue in &self.lex.sports_cues[w] {
                            let e = i + cue.len();
                            if e <= n && cue.iter().enumerate().all(|(k, c)| self.tok(i + k) == *c) {
                                names.extend(self.name_after(e));
                                break;
                            }
                        }
                    }
                    // A name before a player's role with no possessive
                    // (`Bayern Munich defender`); an unknown word here may be
                    // a people (`English defender`).
                    if flags & SPORTS_ROLE != 0 && i > 0 && self.is_cap(i - 1) && self.is_cap(i + 1) {
                        names.extend(self.name_before(i).filter(|&(s, e)| e - s >= 2 || self.gaz(s).is_some()));
                    }
                }
                TokenKind::Number if self.score_at(i) && self.toks[i].space_before => {
                    names.extend(self.name_before(i));
                }
                TokenKind::Possessive if i + 1 < n && self.lex.sports_roles.contains(self.tok(i + 1)) => {
                    names.extend(self.name_before(i));
                }
                _ => {}
            }
        }
        if names.is_empty() {
            return teams;
        }
        // Surnames of people's names (the second of two unknown capitalised words).
        let mut surnames: crate::lexicon::HashSet<&str> = crate::lexicon::HashSet::default();
        for k in 1..n {
            if self.is_cap(k - 1)
                && self.is_cap(k)
                && self.gaz(k - 1).is_none()
                && self.gaz(k).is_none()
                && self.contiguous(k - 1, 2)
                && !self.lex.function_words.contains(self.tok(k - 1))
                && !self.initial_common(k - 1)
            {
                surnames.insert(self.tok(k));
            }
        }
        let mut full = Names::default();
        self.add_teams(names, &surnames, &mut full);
        if full.is_empty() {
            return teams;
        }
        // Names listed with a team are teams (`Chelsea, Juventus and Ajax`).
        let capitalised = self.capitalised_names();
        for _ in 0..2 {
            let mut more: Vec<(usize, usize)> = Vec::new();
            let firsts: crate::lexicon::HashSet<&str> = full.list.iter().filter_map(|n| n.split(' ').next()).collect();
            for &(s, e) in &capitalised {
                if !firsts.contains(self.tok(s)) {
                    continue;
                }
                let name = (s..e).map(|k| self.tok(k)).collect::<Vec<_>>().join(" ");
                if !full.contains(&name) {
                    continue;
                }
                let mut a = e;
                if self.tok_is(a, ",") {
                    a += 1;
                }
                if self.tok_is(a, "and") {
                    a += 1;
                }
                if a > e {
                    more.extend(self.name_after(a));
                }
                let mut b = s;
                if b > 0 && self.tok(b - 1) == "and" {
                    b -= 1;
                }
                if b > 0 && self.tok(b - 1) == "," {
                    b -= 1;
                }
                if b < s {
                    more.extend(self.name_before(b));
                }
            }
            let before = full.len();
            self.add_teams(more, &surnames, &mut full);
            if full.len() == before {
                break;
            }
        }
        // A one-word team written in full elsewhere (`Ajax` and `Ajax AFC`)
        // takes that name, when it is the only one.
        // The names of two words, by each of their words.
        let mut pairs: HashMap<&str, Vec<String>> = HashMap::default();
        for run in runs.iter() {
            let (s, e) = (run[0].start, run[run.len() - 1].end);
            if e - s != 2 || !self.contiguous(s, 2) || run.iter().any(|u| u.gaz.is_some_and(|g| self.lex.entries[g].kind == GazKind::Country)) {
                continue;
            }
            if self.lex.place_heads.contains(self.tok(e - 1)) || self.lex.thing_heads.contains(self.tok(e - 1)) {
                continue;
            }
            let l = format!("{} {}", self.tok(s), self.tok(e - 1));
            for w in [self.tok(s), self.tok(e - 1)] {
                let list = pairs.entry(w).or_default();
                if !list.contains(&l) {
                    list.push(l.clone());
                }
            }
        }
        let mut canonical: Vec<(String, String)> = Vec::new();
        for name in &full.list {
            let mut longer: Vec<String> = Vec::new();
            if !name.contains(' ') {
                longer = pairs.get(name.as_str()).cloned().unwrap_or_default();
                // An evidenced longer name wins over others.
                let evidenced: Vec<&String> = longer.iter().filter(|l| full.contains(l)).collect();
                if evidenced.len() == 1 {
                    longer = vec![evidenced[0].clone()];
                }
            }
            let canon = if longer.len() == 1 { longer[0].clone() } else { name.clone() };
            canonical.push((name.clone(), canon));
        }
        for (name, canon) in canonical {
            teams.forms.insert(name, canon.clone());
            // The first and last words of a name of two words.
            let words: Vec<&str> = canon.split(' ').collect();
            if words.len() == 2 {
                teams.forms.entry(canon.clone()).or_insert_with(|| canon.clone());
                for w in [words[0], words[1]] {
                    let country = self.lex.phrases.get(w).is_some_and(|l| {
                        l.iter().any(|p| p.tokens.len() == 1 && matches!(self.lex.entries[p.entry].kind, GazKind::Country | GazKind::Demonym))
                    });
                    if !country && !self.lex.function_words.contains(w) && !self.lex.corporate_suffixes.contains(w) && !self.lex.org_heads.contains(w) {
                        teams.forms.entry(w.to_string()).or_insert_with(|| canon.clone());
                    }
                }
            }
        }
        teams.longest = teams.forms.keys().map(|k| k.split(' ').count()).max().unwrap_or(0);
        teams.firsts = teams.forms.keys().filter_map(|k| k.split(' ').next()).map(str::to_string).collect();
        teams
    }

    /// Adds the names that may be teams to `full`.
    fn add_teams(&self, names: Vec<(usize, usize)>, surnames: &crate::lexicon::HashSet<&str>, full: &mut Names) {
        let surname = |w: &str| surnames.contains(w);
        let mut name = String::new();
        for (s, e) in names {
            if (s..e).any(|k| self.headline[k] || self.excluded[k]) {
                continue;
            }
            // A country or a people is a national team: a place.
            let national = (s..e).any(|k| {
                self.gaz(k).is_some_and(|(_, g)| matches!(self.lex.entries[g].kind, GazKind::Country | GazKind::Demonym))
            });
            if national || self.lex.function_words.contains(self.tok(s)) {
                continue;
            }
            name.clear();
            for k in s..e {
                if k > s {
                    name.push(' ');
                }
                name.push_str(self.tok(k));
            }
            if full.contains(&name) {
                continue;
            }
            // Several unknown words are a person's name; one is no team if
            // it is someone's surname.
            let known = (s..e).any(|k| self.gaz(k).is_some() || self.lex.org_heads.contains(self.tok(k)));
            if (e - s >= 2 && !known) || (e - s == 1 && surname(self.tok(s))) {
                continue;
            }
            full.push(name.clone());
        }
    }

    /// Every maximal stretch of up to three capitalised words.
    fn capitalised_names(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            if self.is_cap(i) && self.toks[i].kind == TokenKind::Word && !self.headline[i] {
                let (s, e) = self.name_after(i).unwrap_or((i, i + 1));
                out.push((s, e));
                i = e;
            } else {
                i += 1;
            }
        }
        out
    }
}
