//! The word lists of the date rules and the table that looks them up.

use super::rules::RULES;
use crate::text::word_key;


/// Vague periods, longest first where one is a prefix of another.
pub(super) const CONTEXT_PHRASES: &[&[&str]] = &[
    &["for", "many", "decades"],
    &["for", "several", "decades"],
    &["for", "decades"],
    &["for", "many", "years"],
    &["for", "several", "years"],
    &["for", "years"],
    &["for", "many", "months"],
    &["for", "several", "months"],
    &["for", "months"],
    &["for", "weeks"],
    &["for", "centuries"],
    &["for", "generations"],
    &["in", "recent", "decades"],
    &["in", "recent", "years"],
    &["in", "recent", "months"],
    &["in", "recent", "weeks"],
    &["in", "recent", "days"],
    &["in", "the", "past"],
    &["over", "the", "decades"],
    &["over", "the", "years"],
    &["decades", "-", "long"],
    &["years", "-", "long"],
    &["long", "-", "standing"],
    &["longstanding"],
    &["recently"],
    &["historically"],
];

/// Words before a bare month that make it a month (`in May`, `since March`).
pub(super) const MONTH_CUES: &[&str] =
    &["in", "since", "until", "till", "during", "through", "throughout", "by", "before", "after", "from"];

/// `the end of May`: words before `of` that make the next month name a month.
pub(super) const MONTH_PARTS: &[&str] = &["end", "beginning", "start", "middle", "rest", "remainder", "month"];

/// Words before a bare year that make it a year whatever follows.
pub(super) const YEAR_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "during",
    "before",
    "after",
    "between",
    "early",
    "late",
    "mid",
    "circa",
    "around",
    "through",
    "throughout",
];

/// Words before a bare year that still let a plural follow (`the 2024 elections`).
pub(super) const YEAR_DETERMINERS: &[&str] = &["the", "its", "their", "his", "her", "our", "this", "that", "whose"];

/// Nouns that say a number before them counts things (`2000 people`).
pub(super) const COUNT_NOUNS: &[&str] = &[
    "people",
    "persons",
    "children",
    "men",
    "women",
    "troops",
    "soldiers",
    "police",
    "staff",
    "personnel",
    "workers",
    "residents",
    "families",
    "homes",
    "households",
    "lives",
    "deaths",
    "dead",
    "cases",
    "votes",
    "jobs",
    "units",
    "cattle",
    "sheep",
    "fish",
    "feet",
    "miles",
    "kilometres",
    "kilometers",
    "km",
    "metres",
    "meters",
    "tonnes",
    "tons",
    "dollars",
    "euros",
    "pounds",
    "rupees",
    "yuan",
    "yen",
    "acres",
    "hectares",
    "pupils",
    "students",
    "victims",
    "civilians",
    "refugees",
    "migrants",
    "patients",
    "members",
    "employees",
    "followers",
    "participants",
    "protesters",
    "casualties",
    "wounded",
    "injured",
    "rounds",
    "missiles",
    "drones",
    "rockets",
];

/// Capitalised words that make the weekday after them part of a day's
/// name (`Bloody Sunday`, `Good Friday`, `Super Tuesday`).
pub(super) const DAY_NAME_WORDS: &[&str] = &[
    "ash", "black", "blue", "bloody", "cyber", "easter", "fat", "giving", "good", "holy", "low", "maundy",
    "mothering", "palm", "passion", "remembrance", "shrove", "super", "trinity", "whit",
];

/// Plural nouns a year measures rather than a count of (`10% of 2000
/// levels`, `below 2019 figures`).
pub(super) const YEAR_NOUNS: &[&str] = &["levels", "figures", "prices", "values", "standards", "rates", "totals"];

/// Words after a number that make it a measure, never a year.
pub(super) const MEASURES: &[&str] = &[
    "million", "billion", "trillion", "thousand", "hundred", "percent", "per", "times", "gmt", "utc", "hours", "hrs",
    "%",
];

/// Words that end the noun phrase after `after` / `before`.
pub(super) const PHRASE_STOPS: &[&str] = &[
    "where", "which", "who", "whom", "whose", "when", "that", "while", "whereas", "although", "though", "because",
    "but", "as", "after", "before", "until", "if",
];

/// Words that cannot end a noun phrase.
pub(super) const PHRASE_TRIM: &[&str] =
    &["in", "on", "at", "of", "for", "with", "to", "by", "from", "and", "or", "the", "a", "an", "his", "her", "its"];

/// Verbs that, after `and`, start a new clause rather than continue a phrase.
pub(super) const CLAUSE_VERBS: &[&str] = &[
    "said", "says", "met", "spoke", "told", "went", "came", "made", "took", "gave", "left", "began", "held", "saw",
    "won", "lost", "is", "was", "were", "are", "has", "have", "had", "will", "would", "could", "can", "should", "did",
    "does", "also", "then", "urged", "called",
];

/// Pronouns that stand as a clause's subject (`after he leaves`).
pub(super) const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i", "you"];

/// Prepositions that introduce a date inside a noun phrase (`talks with X on Friday`).
pub(super) const DATE_PREPOSITIONS: &[&str] = &["on", "in", "at", "during", "since", "from", "by"];

/// Past-tense verbs that, in a sentence that also speaks of the future, pull
/// the dates nearest to them into the past (`said on Monday he will…`).
pub(super) const PAST_CUES: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "took",
    "came",
    "went",
    "met",
    "spoke",
    "made",
    "gave",
    "began",
    "held",
    "saw",
    "left",
    "announced",
    "added",
    "reported",
    "claimed",
    "killed",
    "signed",
    "agreed",
    "launched",
    "visited",
    "called",
    "urged",
    "expressed",
    "started",
    "ended",
    "died",
    "arrived",
    "returned",
    "happened",
    "defended",
    "rejected",
    "warned",
    "insisted",
    "confirmed",
    "denied",
    "stated",
    "accused",
    "criticised",
    "criticized",
    "welcomed",
    "praised",
];

/// Words before `will` that make it a noun (`political will`).
pub(super) const WILL_NOUN_BEFORE: &[&str] =
    &["the", "a", "political", "free", "good", "ill", "own", "his", "her", "their", "its", "our", "my", "your"];

/// Verbs of intention: after them, `to` + verb speaks of the future.
pub(super) const INTENTION_VERBS: &[&str] =
    &["agreed", "decided", "promised", "pledged", "vowed", "voted", "planned", "threatened", "hoped", "wanted"];

pub(super) const DETERMINERS: &[&str] = &["a", "an", "the", "his", "her", "its", "their", "our", "this", "that"];

/// `w` in lower case when it is ASCII of at most 16 bytes, else `""` (which
/// no word list holds): the lower case of a longer or non-ASCII word
/// matches none of the ASCII words the scanner looks for either.
pub(super) struct Lower {
    buf: [u8; 16],
    len: usize,
}

impl Lower {
    pub(super) fn of(w: &str) -> Lower {
        let mut buf = [0u8; 16];
        match ascii_lower(w, &mut buf) {
            Some(l) => {
                let len = l.len();
                Lower { buf, len }
            }
            None => Lower { buf, len: 0 },
        }
    }

    pub(super) fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

/// What a word (by its [`word_key`]) may be to the scanner: bits of
/// [`FUTURE_WORDS`], [`PAST_CUES`], the rules' trigger words ([`STARTER`])
/// and the first words of [`CONTEXT_PHRASES`].
pub(super) const FUTURE: u8 = 1;
pub(super) const PAST: u8 = 2;
pub(super) const STARTER: u8 = 4;
pub(super) const CONTEXT: u8 = 8;

/// The word lists in one small open-addressing hash table, so each word of
/// a text costs one probe or two; beside each word's tags, the rules it
/// may start (bit `k` for the `k`-th rule of [`RULES`]).
struct WordTable {
    keys: [u128; 512],
    tags: [u8; 512],
    rules: [u32; 512],
}

fn slot_of(key: u128) -> usize {
    let h = (key as u64 ^ (key >> 64) as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> 55) as usize
}

fn word_table() -> &'static WordTable {
    static TABLE: std::sync::OnceLock<WordTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = WordTable { keys: [0; 512], tags: [0; 512], rules: [0; 512] };
        let mut add = |w: &str, tag: u8, rules: u32| {
            let key = word_key(w.as_bytes());
            let mut i = slot_of(key);
            while t.keys[i] != 0 && t.keys[i] != key {
                i = (i + 1) % 512;
            }
            t.keys[i] = key;
            t.tags[i] |= tag;
            t.rules[i] |= rules;
        };
        for (list, tag) in [(FUTURE_WORDS, FUTURE), (PAST_CUES, PAST)] {
            for w in list {
                add(w, tag, 0);
            }
        }
        for p in CONTEXT_PHRASES {
            add(p[0], CONTEXT, 0);
        }
        // The starting words are the rules' trigger words.
        for rule in RULES.iter() {
            rule.triggers.each_word(&mut |w| add(w, STARTER, rule.bit()));
        }
        t
    })
}

fn slot(key: u128) -> Option<usize> {
    if key == 0 {
        return None;
    }
    let t = word_table();
    let mut i = slot_of(key);
    loop {
        match t.keys[i] {
            k if k == key => return Some(i),
            0 => return None,
            _ => i = (i + 1) % 512,
        }
    }
}

/// The tags of the word with key `key` (`0` for none).
pub(super) fn word_tags(key: u128) -> u8 {
    slot(key).map_or(0, |i| word_table().tags[i])
}

/// The rules the word with key `key` may start (a bit each, `0` for none).
pub(super) fn word_rules(key: u128) -> u32 {
    slot(key).map_or(0, |i| word_table().rules[i])
}

/// The words `Scanner::future_cue_lower` looks at.
pub(super) const FUTURE_WORDS: &[&str] = &[
    "will", "would", "to", "shall", "upcoming", "tomorrow", "forthcoming", "next", "ll", "won", "is", "are", "am",
    "plans", "plan", "intends", "aims",
];

fn ascii_lower<'b>(w: &str, buf: &'b mut [u8; 16]) -> Option<&'b str> {
    if w.len() > buf.len() || !w.is_ascii() {
        return None;
    }
    for (b, c) in buf.iter_mut().zip(w.bytes()) {
        *b = c.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..w.len()]).ok()
}

#[cfg(test)]
pub(super) fn is_starter(w: &str) -> bool {
    word_tags(word_key(w.as_bytes())) & STARTER != 0
}

/// Street words: a number before a capitalised name ending in one is an
/// address (`2018 Marigold Lane`), never a year.
pub(super) const STREET_WORDS: &[&str] = &[
    "street", "st", "avenue", "ave", "road", "rd", "lane", "ln", "drive", "dr", "boulevard", "blvd", "way", "court",
    "ct", "place", "pl", "terrace", "circle", "highway", "parkway", "pike", "trail", "square",
];

/// Parts of the day after a day (`Thursday morning`, `this afternoon`).
pub(super) const PARTS_OF_DAY: &[&str] = &["morning", "afternoon", "evening", "night", "overnight"];

/// Lower-case words that may follow a time phrase without making it a
/// modifier of a noun (`this morning that…`, `the weekend when…`).
pub(super) const AFTER_PART_OF_DAY: &[&str] = &[
    "and", "or", "but", "that", "when", "as", "after", "before", "while", "with", "at", "in", "on", "to", "for",
    "from", "by", "near", "outside", "inside", "said", "says", "the", "a", "an", "he", "she", "they", "it", "we",
    "police", "officials", "authorities", "was", "were", "is", "are", "will", "had", "has",
];

/// Words before a bare holiday name that make it a date (`on Thanksgiving`).
pub(super) const HOLIDAY_CUES: &[&str] =
    &["on", "before", "after", "since", "until", "till", "by", "over", "at", "during", "around", "for", "through"];

/// Function words that, after a capitalised month name, show it is not a
/// modifier of a noun (`a March for peace`, `the May of his youth`).
pub(super) const FUNCTION_WORDS: &[&str] = &[
    "for", "and", "the", "with", "from", "into", "over", "onto", "upon", "was", "were", "are", "has", "had", "have",
    "said", "says", "who", "which", "that", "this", "but", "not", "will", "would", "can", "could", "did", "does",
];
