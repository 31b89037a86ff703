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
use crate::lexicon::{GazKind, HashMap};

/// The teams of a story: each form (as its tokens joined by spaces) and the
/// team's full name.
#[derive(Default)]
pub(super) struct Teams {
    pub forms: HashMap<String, String>,
    /// The most tokens of any form.
    pub longest: usize,
}

impl Teams {
    /// The team form that starts at token `i` (no longer than `end - i`
    /// tokens): its length and the team's full name.
    pub(super) fn at(&self, f: &Finder, i: usize, end: usize) -> Option<(usize, String)> {
        if self.forms.is_empty() {
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
    pub(super) fn find_teams(&self) -> Teams {
        let mut teams = Teams::default();
        if !self.sporty() {
            return teams;
        }
        let n = self.toks.len();
        let mut names: Vec<(usize, usize)> = Vec::new();
        for i in 0..n {
            let w = self.tok(i);
            match self.toks[i].kind {
                TokenKind::Word if self.lex.sports_verbs.contains(w) => {
                    names.extend(self.name_before(i));
                    names.extend(self.name_after(i + 1));
                }
                TokenKind::Word if !self.is_cap(i) => {
                    if let Some(list) = self.lex.sports_cues.get(w) {
                        for cue in list {
                            let e = i + cue.len();
                            if e <= n && cue.iter().enumerate().all(|(k, c)| self.tok(i + k) == *c) {
                                names.extend(self.name_after(e));
                                break;
                            }
                        }
                    }
                }
                TokenKind::Number if self.score_at(i) && self.toks[i].space_before => {
                    names.extend(self.name_before(i));
                }
                TokenKind::Possessive
                    if i + 1 < n && self.lex.sports_roles.contains(self.tok(i + 1)) =>
                {
                    names.extend(self.name_before(i));
                }
                _ => {}
            }
        }
        // A name before a player's role with no possessive: `Bayern Munich defender`.
        for i in 1..n {
            if self.lex.sports_roles.contains(self.tok(i)) && self.is_cap(i - 1) && self.is_cap(i + 1) {
                // An unknown word here may be a people (`English defender`).
                names.extend(self.name_before(i).filter(|&(s, e)| e - s >= 2 || self.gaz(s).is_some()));
            }
        }
        let mut full: Vec<String> = Vec::new();
        self.add_teams(names, &mut full);
        if full.is_empty() {
            return teams;
        }
        // Names listed with a team are teams (`Chelsea, Juventus and Ajax`).
        for _ in 0..2 {
            let mut more: Vec<(usize, usize)> = Vec::new();
            for (s, e) in self.capitalised_names() {
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
            self.add_teams(more, &mut full);
            if full.len() == before {
                break;
            }
        }
        // A one-word team written in full elsewhere (`Ajax` and `Ajax AFC`)
        // takes that name, when it is the only one.
        let runs = self.runs();
        let mut canonical: Vec<(String, String)> = Vec::new();
        for name in &full {
            let mut longer: Vec<String> = Vec::new();
            if !name.contains(' ') {
                for run in runs.iter() {
                    let (s, e) = (run[0].start, run[run.len() - 1].end);
                    if e - s != 2 || run.iter().any(|u| u.gaz.is_some_and(|g| self.lex.entries[g].kind == GazKind::Country)) {
                        continue;
                    }
                    let ends = self.lex.place_heads.contains(self.tok(e - 1)) || self.lex.thing_heads.contains(self.tok(e - 1));
                    if !ends && (self.tok(s) == name || self.tok(e - 1) == name) && self.contiguous(s, 2) {
                        let l = format!("{} {}", self.tok(s), self.tok(e - 1));
                        if !longer.contains(&l) {
                            longer.push(l);
                        }
                    }
                }
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
        teams
    }

    /// Adds the names that may be teams to `full`.
    fn add_teams(&self, names: Vec<(usize, usize)>, full: &mut Vec<String>) {
        let n = self.toks.len();
        // Surnames of people's names (runs of two or three unknown words).
        let surname = |w: &str| {
            (0..n).any(|k| {
                self.tok(k) == w
                    && k >= 1
                    && self.is_cap(k - 1)
                    && self.gaz(k - 1).is_none()
                    && self.gaz(k).is_none()
                    && self.contiguous(k - 1, 2)
                    && !self.lex.function_words.contains(self.tok(k - 1))
                    && !self.initial_common(k - 1)
            })
        };
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
            let name = (s..e).map(|k| self.tok(k)).collect::<Vec<_>>().join(" ");
            // Several unknown words are a person's name; one is no team if
            // it is someone's surname.
            let known = (s..e).any(|k| self.gaz(k).is_some() || self.lex.org_heads.contains(self.tok(k)));
            if (e - s >= 2 && !known) || (e - s == 1 && surname(self.tok(s))) {
                continue;
            }
            if !full.contains(&name) {
                full.push(name);
            }
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
