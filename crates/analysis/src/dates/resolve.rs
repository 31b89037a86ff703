//! Resolution: the unresolved values the rules return ([`Raw`]), made
//! into [`DateValue`]s against the publication date, the reference time
//! (the last day resolved earlier in the text) or another date.

use time::{Date, Duration, Month, Weekday};

use super::{DateValue, Scanner};
use crate::span::Span;

/// What a rule recognised, before resolution: HeidelTime's underspecified
/// values (`UNDEF-REF-day-PLUS-2`), in a type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Raw {
    /// A vague period (`for decades`): no value.
    Vague,
    /// Written out in full (`May 6, 2025`, `1990s`).
    Absolute(DateValue),
    /// A month and day without a year (`April 22`).
    MonthDay { month: Month, day: u8, lean: Lean },
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
}

/// What a relative value counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Anchor {
    /// The publication date.
    Published,
    /// The last day resolved earlier in the text, or else the publication date.
    Reference,
}

impl Raw {
    /// Does the value depend on another date (`true`) or stand as written?
    pub(super) fn relative(&self) -> bool {
        !matches!(self, Raw::Absolute(_) | Raw::Vague)
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
            Raw::MonthDay { month, day, lean } => DateValue::Day(infer_day(self.published?, month, day, self.lean(lean))?),
            Raw::Month { month, lean } => infer_month(self.published?, month, self.lean(lean)),
            Raw::Weekday { weekday, lean, from } => {
                DateValue::Day(infer_weekday(self.anchor(from)?, weekday, self.lean(lean))?)
            }
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
                let reference = DateValue::Day(self.anchor(Anchor::Reference)?);
                // `two days after his talks with X`: the talks are the event.
                if let Some(event) = self.noun_phrase_at(at) {
                    return Some((shift(reference, -sign * n, unit)?, Some(event)));
                }
                // `… came two days after.`
                shift(reference, sign * n, unit)?
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

    fn anchor(&self, from: Anchor) -> Option<Date> {
        match from {
            Anchor::Published => self.published,
            Anchor::Reference => self.reference.or(self.published),
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