//! Resolution: the unresolved values the rules return ([`Raw`]), made
//! into [`DateValue`]s against the publication date, the reference time
//! (the last day resolved earlier in the text) or another date.

use time::{Date, Duration, Month, Weekday};

use super::{DateValue, Scanner, Season};
use crate::span::Span;

/// What a rule recognised, before resolution: HeidelTime's underspecified
/// values (`UNDEF-REF-day-PLUS-2`), in a type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Raw {
    /// A vague period (`for decades`): no value.
    Vague,
    /// Written out in full (`May 6, 2025`, `1990s`).
    Absolute(DateValue),
    /// A month and day without a year (`April 22`), its first token at `at`:
    /// in the year of a date written in full earlier in its sentence (`docked
    /// on Feb. 18, 2021 and first sailed on April 19`), else by the lean.
    MonthDay { month: Month, day: u8, lean: Lean, at: usize },
    /// A month without a year (`in May`, `last May`).
    Month { month: Month, lean: Lean },
    /// A weekday (`on Sunday`, `the following Monday`), the nearest to the
    /// anchor in the direction of the lean.
    Weekday { weekday: Weekday, lean: Lean, from: Anchor },
    /// `n` units from the anchor: `yesterday` is one day before
    /// publication, `two days later` two days after the reference time.
    Shift { from: Anchor, n: i64, unit: Unit },
    /// The month or year of publication (`this month`).
    This(Unit),
    /// `n units after` (or `before`) what follows at token `at`: a date
    /// (`two days after May 2`), else a happening whose date is the
    /// reference time (`two days after the talks`), else nothing (`came
    /// two days after`).
    Around { n: i64, unit: Unit, after: bool, at: usize },
    /// The ISO week `n` weeks from the anchor's (`last week`, `this week`).
    WeekOf { from: Anchor, n: i64 },
    /// The ISO week of the weekend nearest to publication in the direction
    /// of the lean (`over the weekend`, `next weekend`).
    Weekend { lean: Lean },
    /// A season: `last fall`, `this summer`, `next spring`, `summer 2019`.
    Season { season: Season, which: Which },
    /// A holiday without a year (`on Thanksgiving`), or with one.
    Holiday { holiday: Holiday, lean: Lean, year: Option<i32> },
    /// A month in the year `n` years from publication (`June last year`).
    MonthInYear { month: Month, n: i32 },
    /// The week, month or year in view: that of the last date mentioned
    /// (`that year`, `the end of the month`), when there is one within
    /// `within` sentences before token `at` and the sentence does not speak
    /// of the future, else (unless `mentioned_only`) the publication's.
    InView { unit: Unit, at: usize, within: usize, mentioned_only: bool },
}

/// Which season of that name: the last one before the current season,
/// the one of the current year, the next one to start, or one of a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Which {
    Last,
    This,
    Next,
    Year(i32),
}

/// Holidays with a fixed rule for their day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Holiday {
    NewYearsDay,
    NewYearsEve,
    ValentinesDay,
    MemorialDay,
    IndependenceDay,
    LaborDay,
    Halloween,
    Thanksgiving,
    ChristmasEve,
    ChristmasDay,
}

impl Holiday {
    /// The holiday's day in `year`.
    pub(super) fn day_in(self, year: i32) -> Option<Date> {
        let fixed = |m: Month, d: u8| Date::from_calendar_date(year, m, d).ok();
        // The `n`-th `weekday` of a month (from its end when `n` is negative).
        let nth = |m: Month, weekday: Weekday, n: i64| -> Option<Date> {
            if n > 0 {
                let first = Date::from_calendar_date(year, m, 1).ok()?;
                let to = (i64::from(weekday.number_days_from_monday())
                    - i64::from(first.weekday().number_days_from_monday()))
                .rem_euclid(7);
                add_days(first, to + 7 * (n - 1))
            } else {
                let last = Date::from_calendar_date(year, m, m.length(year)).ok()?;
                let back = (i64::from(last.weekday().number_days_from_monday())
                    - i64::from(weekday.number_days_from_monday()))
                .rem_euclid(7);
                add_days(last, -back)
            }
        };
        match self {
            Holiday::NewYearsDay => fixed(Month::January, 1),
            Holiday::NewYearsEve => fixed(Month::December, 31),
            Holiday::ValentinesDay => fixed(Month::February, 14),
            Holiday::MemorialDay => nth(Month::May, Weekday::Monday, -1),
            Holiday::IndependenceDay => fixed(Month::July, 4),
            Holiday::LaborDay => nth(Month::September, Weekday::Monday, 1),
            Holiday::Halloween => fixed(Month::October, 31),
            Holiday::Thanksgiving => nth(Month::November, Weekday::Thursday, 4),
            Holiday::ChristmasEve => fixed(Month::December, 24),
            Holiday::ChristmasDay => fixed(Month::December, 25),
        }
    }
}

/// The ISO week `d` falls in.
fn week_of(d: Date) -> DateValue {
    let (year, week, _) = d.to_iso_week_date();
    DateValue::Week { year, week }
}

/// The week, month or year that `v` lies in, when `v` is no longer than it.
fn period_of(v: DateValue, unit: Unit) -> Option<DateValue> {
    match (v, unit) {
        (DateValue::Day(d), Unit::Week) => Some(week_of(d)),
        (DateValue::Week { .. }, Unit::Week) => Some(v),
        (DateValue::Day(d), Unit::Month) => Some(DateValue::Month { year: d.year(), month: d.month() }),
        (DateValue::Month { .. }, Unit::Month) => Some(v),
        (DateValue::Day(d), Unit::Year) => Some(DateValue::Year(d.year())),
        (DateValue::Month { year, .. } | DateValue::Year(year), Unit::Year) => Some(DateValue::Year(year)),
        _ => None,
    }
}

/// The unit a month or a year is measured in (a day, week or season: none).
fn unit_of(v: DateValue) -> Option<Unit> {
    match v {
        DateValue::Month { .. } => Some(Unit::Month),
        DateValue::Year(_) => Some(Unit::Year),
        _ => None,
    }
}

/// The first day of a season.
fn season_start(year: i32, season: Season) -> Option<Date> {
    Date::from_calendar_date(year, season.first_month(), 1).ok()
}

/// What a relative value counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Anchor {
    /// The publication date.
    Published,
    /// The last day resolved earlier in the text, or else the publication date.
    Reference,
    /// The day quoted words were said: the latest day told of in the three
    /// days up to publication (`Yesterday, Sweden beat Korea … "We learned a
    /// lot today," the coach said`), or else the publication date.
    Spoken,
}

impl Raw {
    /// Does the value depend on another date (`true`) or stand as written?
    pub(super) fn relative(&self) -> bool {
        !matches!(
            self,
            Raw::Absolute(_)
                | Raw::Vague
                | Raw::Season { which: Which::Year(_), .. }
                | Raw::Holiday { year: Some(_), .. }
        )
    }

    /// Is it one day (written out, or a month and day)?
    pub(super) fn is_day(&self) -> bool {
        matches!(self, Raw::Absolute(DateValue::Day(_)) | Raw::MonthDay { .. })
    }
}

impl Scanner<'_> {
    /// The value of `raw` and the happening it dates, if any; `None` when
    /// the date it needs is unknown (no publication date) or does not exist.
    pub(super) fn resolve(&self, raw: &Raw) -> Option<(DateValue, Option<Span>)> {
        let value = match *raw {
            Raw::Vague => return None,
            Raw::Absolute(v) => v,
            Raw::MonthDay { month, day, at, .. } if self.year_in_view.is_some_and(|(_, k)| self.same_sentence(k, at)) => {
                let (year, _) = self.year_in_view?;
                DateValue::Day(Date::from_calendar_date(year, month, day).ok()?)
            }
            Raw::MonthDay { month, day, lean, .. } => DateValue::Day(infer_day(self.published?, month, day, self.lean(lean))?),
            Raw::Month { month, lean } => infer_month(self.published?, month, self.lean(lean)),
            Raw::Weekday { weekday, lean, from } => {
                DateValue::Day(infer_weekday(self.anchor(from)?, weekday, self.lean(lean))?)
            }
            Raw::Shift { from: Anchor::Reference, n, unit } => shift(self.reference_for(unit)?, n, unit)?,
            Raw::Shift { from, n, unit } => shift(DateValue::Day(self.anchor(from)?), n, unit)?,
            Raw::This(unit) => {
                let p = self.published?;
                match unit {
                    Unit::Month => DateValue::Month { year: p.year(), month: p.month() },
                    Unit::Year => DateValue::Year(p.year()),
                    _ => return None,
                }
            }
            Raw::Around { n, unit, after, at } => {
                let sign = if after { 1 } else { -1 };
                // `two days after May 2`: the date is the anchor.
                if let Some((_, date)) = self.date_at(at).filter(|_| at > 0 && self.same_sentence(at - 1, at)) {
                    return Some((shift(date, sign * n, unit)?, None));
                }
                let reference = self.reference_for(unit)?;
                // `She was born on May 2. She was born two years before the
                // war began`: the happening told again is the reference
                // day's, and the date is its.
                if self.clause_at(at) && self.retells_reference(at) {
                    return Some((shift(reference, 0, unit)?, None));
                }
                // `two days after his talks with X`: the talks are the event.
                if let Some(event) = self.noun_phrase_at(at) {
                    // `came a month after the quake`, of a quake told and
                    // dated earlier: the month after its date, the
                    // reference day when it lies in that month.
                    if let Some(told) = self.told_date_of(event, at) {
                        let value = shift(told, sign * n, unit)?;
                        let day = self.reference.map(DateValue::Day);
                        let within = day.filter(|d| unit_of(value).and_then(|u| period_of(*d, u)) == Some(value));
                        return Some((within.unwrap_or(value), None));
                    }
                    return Some((shift(reference, -sign * n, unit)?, Some(event)));
                }
                // `… came two days after.`
                shift(reference, sign * n, unit)?
            }
            Raw::WeekOf { from, n } => week_of(add_days(self.anchor(from)?, n.checked_mul(7)?)?),
            Raw::Weekend { lean } => week_of(infer_weekday(self.published?, Weekday::Saturday, self.lean(lean))?),
            Raw::Season { season, which } => {
                let p = self.published?;
                let (py, current) = Season::of(p);
                let year = match which {
                    Which::Year(y) => y,
                    Which::This if season == Season::Winter => py,
                    Which::This => p.year(),
                    Which::Last => {
                        let now = season_start(py, current)?;
                        (p.year() - 2..=p.year()).rev().find(|&y| season_start(y, season).is_some_and(|s| s < now))?
                    }
                    Which::Next => (p.year() - 1..=p.year() + 1).find(|&y| season_start(y, season).is_some_and(|s| s > p))?,
                };
                DateValue::Season { year, season }
            }
            Raw::Holiday { holiday, year: Some(y), .. } => DateValue::Day(holiday.day_in(y)?),
            Raw::Holiday { holiday, lean, year: None } => {
                let p = self.published?;
                let candidates = (p.year() - 1..=p.year() + 1).filter_map(|y| holiday.day_in(y));
                let day = match self.lean(lean) {
                    Lean::OnOrAfter => candidates.filter(|c| *c >= p).min(),
                    Lean::After => candidates.filter(|c| *c > p).min(),
                    Lean::Before => candidates.filter(|c| *c < p).max(),
                    _ => candidates.filter(|c| *c <= p).max(),
                };
                DateValue::Day(day?)
            }
            Raw::MonthInYear { month, n } => DateValue::Month { year: self.published?.year().checked_add(n)?, month },
            Raw::InView { unit, at, within, mentioned_only } => {
                let near = |k: usize| match (self.sentence_of(k), self.sentence_of(at)) {
                    (Some(a), Some(b)) => a <= b && b - a <= within,
                    _ => false,
                };
                let mentioned = self
                    .last
                    .filter(|&(_, k)| near(k) && !self.is_future(at))
                    .and_then(|(v, _)| period_of(v, unit));
                match mentioned {
                    Some(v) => v,
                    None if mentioned_only => return None,
                    None => period_of(DateValue::Day(self.published?), unit)?,
                }
            }
        };
        Some((value, None))
    }

    fn lean(&self, lean: Lean) -> Lean {
        match lean {
            Lean::Tense(k) => lean_of(self.is_future(k)),
            other => other,
        }
    }

    /// What a shift by `unit` from the reference time counts from: the last
    /// date told when it is a month or a year and the shift is by at least
    /// that (`Her mother died that year, having left four years earlier`),
    /// else the last day told, or the publication date.
    fn reference_for(&self, unit: Unit) -> Option<DateValue> {
        let coarse = self.last.filter(|(v, _)| !matches!(v, DateValue::Day(_))).and_then(|(v, _)| period_of(v, unit));
        coarse.or_else(|| self.anchor(Anchor::Reference).map(DateValue::Day))
    }

    fn anchor(&self, from: Anchor) -> Option<Date> {
        match from {
            Anchor::Published => self.published,
            Anchor::Reference => self.reference.or(self.published),
            Anchor::Spoken => self.recent.or(self.published),
        }
    }
}

/// Which way an incomplete date is completed, relative to publication.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Lean {
    /// The nearest such date on or before publication (past tense).
    OnOrBefore,
    /// Strictly before (`last Friday`).
    Before,
    /// The nearest on or after publication (future tense).
    OnOrAfter,
    /// Strictly after (`next Tuesday`).
    After,
    /// As the tense at this token says: [`Lean::OnOrAfter`] where it speaks
    /// of the future, else [`Lean::OnOrBefore`].
    Tense(usize),
}

/// The units of `two days after`, `a week later`…
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    Day,
    Week,
    Month,
    Year,
}

pub(super) fn add_days(d: Date, n: i64) -> Option<Date> {
    // `Duration::days` panics on overflow: keep the count sane first.
    if n.abs() > 4_000_000 {
        return None;
    }
    d.checked_add(Duration::days(n))
}

pub(super) fn shift_month(year: i32, month: Month, n: i64) -> Option<(i32, Month)> {
    let total = i64::from(year).checked_mul(12)?.checked_add(i64::from(u8::from(month)) - 1)?.checked_add(n)?;
    let y = i32::try_from(total.div_euclid(12)).ok()?;
    let m = u8::try_from(total.rem_euclid(12) + 1).ok()?;
    Some((y, Month::try_from(m).ok()?))
}

/// `base` moved by `n` units; coarser than the base's precision only.
pub(super) fn shift(base: DateValue, n: i64, unit: Unit) -> Option<DateValue> {
    let years = |y: i32| i32::try_from(n).ok().and_then(|n| y.checked_add(n));
    match (base, unit) {
        (DateValue::Day(d), Unit::Day) => add_days(d, n).map(DateValue::Day),
        (DateValue::Day(d), Unit::Week) => add_days(d, n.checked_mul(7)?).map(DateValue::Day),
        (DateValue::Day(d), Unit::Month) => {
            shift_month(d.year(), d.month(), n).map(|(year, month)| DateValue::Month { year, month })
        }
        (DateValue::Day(d), Unit::Year) => years(d.year()).map(DateValue::Year),
        (DateValue::Month { year, month }, Unit::Month) => {
            shift_month(year, month, n).map(|(year, month)| DateValue::Month { year, month })
        }
        (DateValue::Month { year, month }, Unit::Year) => years(year).map(|year| DateValue::Month { year, month }),
        (DateValue::Year(y), Unit::Year) => years(y).map(DateValue::Year),
        _ => None,
    }
}

pub(super) fn lean_of(future: bool) -> Lean {
    if future {
        Lean::OnOrAfter
    } else {
        Lean::OnOrBefore
    }
}

/// The `month`/`day` nearest to `published` in the direction of `lean`.
pub(super) fn infer_day(published: Date, month: Month, day: u8, lean: Lean) -> Option<Date> {
    let y = published.year();
    // A wide window so that 29 February still finds its leap year.
    let candidates = (y - 8..=y + 8).filter_map(|y| Date::from_calendar_date(y, month, day).ok());
    match lean {
        Lean::OnOrBefore | Lean::Tense(_) => candidates.filter(|c| *c <= published).max(),
        Lean::Before => candidates.filter(|c| *c < published).max(),
        Lean::OnOrAfter => candidates.filter(|c| *c >= published).min(),
        Lean::After => candidates.filter(|c| *c > published).min(),
    }
}

/// The year of the `month` nearest to `published` in the direction of `lean`.
pub(super) fn infer_month(published: Date, month: Month, lean: Lean) -> DateValue {
    let (py, pm, m) = (published.year(), u8::from(published.month()), u8::from(month));
    let year = match lean {
        Lean::OnOrBefore if m <= pm => py,
        Lean::Before if m < pm => py,
        Lean::OnOrBefore | Lean::Before | Lean::Tense(_) => py - 1,
        Lean::OnOrAfter if m >= pm => py,
        Lean::After if m > pm => py,
        Lean::OnOrAfter | Lean::After => py + 1,
    };
    DateValue::Month { year, month }
}

/// The `weekday` nearest to `published` in the direction of `lean`.
pub(super) fn infer_weekday(published: Date, weekday: Weekday, lean: Lean) -> Option<Date> {
    let p = i64::from(published.weekday().number_days_from_monday());
    let w = i64::from(weekday.number_days_from_monday());
    let back = (p - w).rem_euclid(7);
    let fwd = (w - p).rem_euclid(7);
    match lean {
        Lean::OnOrBefore | Lean::Tense(_) => add_days(published, -back),
        Lean::Before => add_days(published, -(if back == 0 { 7 } else { back })),
        Lean::OnOrAfter => add_days(published, fwd),
        Lean::After => add_days(published, if fwd == 0 { 7 } else { fwd }),
    }
}