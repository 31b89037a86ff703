//! Synthetic libraries: invented news articles in the shapes Lede reads, for
//! building and measuring libraries of 10, 1,000 or 10,000 articles
//! (`synth-library N OUT_DIR`, `src/bin/synth-library.rs`).
//!
//! [`article`] writes the `i`-th article of a library; [`library`] the first
//! `n`. An article is told in one of eight story shapes (politics, a business
//! deal, a match report, a court case, science, a disaster, local police news,
//! an obituary), from sentence templates whose slots take people,
//! organisations, places, groups, numbers and dates. Most articles are wire
//! copy (`.txt`, a dateline in one of several styles, sometimes without a
//! date), some Markdown with front matter (`.md`). Publication dates run
//! from 2000 to 2026; the text dates events relative to them (`on Tuesday`,
//! `last week`) and absolutely (`on June 3`, `in March 2019`).
//!
//! The names are invented from the pools below (the places are real). A
//! cast of public figures (`CAST`) and of organisations (`CAST_ORGS`) is
//! drawn with a skew, so that a few of them appear in many articles, as the
//! names of a real library do; the other people are drawn from the given
//! names and surnames and are rare.
//!
//! The randomness is a splitmix64 generator seeded from the seed and the
//! article's index: no dependency, the same bytes on every platform and
//! version (a library crate's generator may change its output between
//! releases), and article `i` can be written without writing the ones
//! before it.

use time::{Date, Duration, Month};

/// The `i`-th article of the library made with `seed`: its file name (a
/// slug-safe `YYYY-MM-DD-title-words-i.txt` or `.md`) and its text.
pub fn article(i: usize, seed: u64) -> (String, String) {
    let mut rng = Rng::new(seed, i);
    let shape = &SHAPES[rng.below(SHAPES.len())];
    let published = rng.date();
    let mut ctx = Ctx::new(rng, shape, published);
    let title = ctx.title();
    let paragraphs = ctx.body();
    let markdown = ctx.rng.chance(20);
    let ext = if markdown { "md" } else { "txt" };
    let words: Vec<String> = title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
        .map(|w| w.to_ascii_lowercase())
        .collect();
    let name = format!("{}-{}-{i}.{ext}", published, words.join("-"));
    let text = if markdown { ctx.markdown(&title, &paragraphs) } else { ctx.wire(&title, &paragraphs) };
    (name, text)
}

/// The first `n` articles of the library made with `seed` (see [`article`]).
pub fn library(n: usize, seed: u64) -> impl Iterator<Item = (String, String)> {
    (0..n).map(move |i| article(i, seed))
}

/// A splitmix64 generator.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, i: usize) -> Rng {
        let mut r = Rng(seed);
        let a = r.next();
        Rng(a ^ (i as u64).wrapping_mul(0xD1B5_4A32_D192_ED03))
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 32) * n as u64) >> 32) as usize
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }

    /// An index in `0..n`, the low ones much more often (a cast's regulars).
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64 * u * u * u) as usize).min(n - 1)
    }

    /// A publication date from January 2000 to November 2026.
    fn date(&mut self) -> Date {
        let year = self.range(2000, 2026) as i32;
        let last = if year == 2026 { 11 } else { 12 };
        let month = Month::try_from(self.range(1, last) as u8).unwrap_or(Month::January);
        Date::from_calendar_date(year, month, self.range(1, 28) as u8).unwrap_or(Date::MIN)
    }
}

/// Which part of the cast and which organisations a story draws on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Domain {
    Politics,
    Business,
    Sports,
    Law,
    Science,
    Emergency,
    Police,
    Culture,
}

/// A story shape: its titles, leads, paragraphs and headings.
struct Shape {
    domain: Domain,
    titles: &'static [&'static str],
    /// The first sentence, after the dateline: the lead of the title of the same index (modulo their number).
    leads: &'static [&'static str],
    /// Sentences for the body, by what they tell.
    pools: &'static [&'static [&'static str]],
    headings: &'static [&'static str],
    /// Lower-case roles of the people other than the main one.
    roles: &'static [&'static str],
    /// Words chosen once per article: `{key}` in the templates.
    fixed: &'static [(&'static str, &'static [&'static str])],
    /// The main person is introduced by name alone (an obituary's subject).
    plain_subject: bool,
}

/// A person of the cast: given name, surname, female, title, domain.
type Cast = (&'static str, &'static str, bool, &'static str, Domain);

/// Public figures who recur across the library.
const CAST: &[Cast] = &[
    ("Ilse", "Marrow", true, "Prime Minister", Domain::Politics),
    ("Teodor", "Vanstrand", false, "Finance Minister", Domain::Politics),
    ("Amara", "Okonjo", true, "Foreign Minister", Domain::Politics),
    ("Callum", "Hartwell", false, "Senator", Domain::Politics),
    ("Rosalind", "Achterberg", true, "Interior Minister", Domain::Politics),
    ("Kwame", "Ostrander", false, "President", Domain::Politics),
    ("Helga", "Prudhomme", true, "Opposition Leader", Domain::Politics),
    ("Matthias", "Quenneville", false, "Defence Minister", Domain::Politics),
    ("Sunita", "Raghunathan", true, "Health Minister", Domain::Politics),
    ("Dmitri", "Solvang", false, "Ambassador", Domain::Politics),
    ("Wambui", "Odhiambo", true, "Mayor", Domain::Politics),
    ("Elias", "Fennimore", false, "Governor", Domain::Politics),
    ("Vivienne", "Castellane", true, "Chief Executive", Domain::Business),
    ("Rafael", "Ibarrondo", false, "Chairman", Domain::Business),
    ("Noor", "Haddadin", true, "CEO", Domain::Business),
    ("Gunnar", "Thorsby", false, "CFO", Domain::Business),
    ("Leontine", "Mabuza", true, "Governor", Domain::Business),
    ("Oskar", "Wendelin", false, "Chief Executive", Domain::Business),
    ("Priya", "Vellanki", true, "Chairwoman", Domain::Business),
    ("Bruno", "Castelmare", false, "Coach", Domain::Sports),
    ("Tomasz", "Wierzbowski", false, "Captain", Domain::Sports),
    ("Aisha", "Balogun", true, "Coach", Domain::Sports),
    ("Enzo", "Marchetti", false, "Manager", Domain::Sports),
    ("Lorcan", "Dempsey", false, "Captain", Domain::Sports),
    ("Beatrix", "Holloway", true, "Judge", Domain::Law),
    ("Samuel", "Adeyemi", false, "Prosecutor", Domain::Law),
    ("Ebunoluwa", "Oyelaran", true, "Chief Justice", Domain::Law),
    ("Anton", "Brevik", false, "Attorney General", Domain::Law),
    ("Yuki", "Tanabe", true, "Professor", Domain::Science),
    ("Torben", "Lauridsen", false, "Dr.", Domain::Science),
    ("Celeste", "Amundsen", true, "Dr.", Domain::Science),
    ("Farid", "Nazarov", false, "Professor", Domain::Science),
    ("Olamide", "Fashola", true, "Director", Domain::Science),
    ("Rhys", "Penhaligon", false, "Commissioner", Domain::Emergency),
    ("Marisol", "Quintanar", true, "Commissioner", Domain::Emergency),
    ("Declan", "Ashgrove", false, "Chief", Domain::Emergency),
    ("Wanjiru", "Kamau", true, "Superintendent", Domain::Police),
    ("Patrick", "Dunleavy", false, "Sheriff", Domain::Police),
    ("Sigrun", "Soderqvist", true, "Detective", Domain::Police),
    ("Lucien", "Beaumarchais", false, "Director", Domain::Culture),
];

/// Organisations that recur across the library, with their domain.
const CAST_ORGS: &[(&str, Domain)] = &[
    ("the Coastal Alliance Party", Domain::Politics),
    ("the Federal Audit Office", Domain::Politics),
    ("the National Water Authority", Domain::Emergency),
    ("Northgate Bank", Domain::Business),
    ("Halvard Energy Corp.", Domain::Business),
    ("Corvane Pharmaceuticals Inc.", Domain::Business),
    ("Kestrel Airlines", Domain::Business),
    ("Brightwater Holdings", Domain::Business),
    ("the Marisco Institute of Technology", Domain::Science),
    ("the Atlas Space Agency", Domain::Science),
    ("the Union of Transport Workers", Domain::Politics),
    ("the Continental Football Federation", Domain::Sports),
    ("the Court of Appeal", Domain::Law),
    ("the Regional Crime Bureau", Domain::Police),
    ("the Greystone Foundation", Domain::Culture),
];

/// Given names: the first half women's, the second men's.
const GIVEN: &[&str] = &[
    "Adaeze", "Agnieszka", "Alma", "Annika", "Beatriz", "Bronwen", "Carys", "Chiamaka", "Dagny", "Delphine", "Dorota", "Edith",
    "Elif", "Esperanza", "Fatou", "Felicity", "Freya", "Gabriela", "Hana", "Harriet", "Ines", "Isolde", "Jadwiga", "Johanna",
    "Kalinda", "Katarina", "Keiko", "Lavinia", "Leilani", "Lidia", "Lucinda", "Mabel", "Maeve", "Malin", "Marguerite",
    "Marisa", "Mireille", "Nadia", "Nkechi", "Noemi", "Odile", "Olga", "Orla", "Paloma", "Petra", "Philippa", "Quiana", "Ragnhild",
    "Renata", "Rosamund", "Saoirse", "Selin", "Signe", "Solveig", "Sunniva", "Tamsin", "Thandiwe", "Ulrike", "Valentina",
    "Vesna", "Wilhelmina", "Ximena", "Yasmin", "Yelena", "Zainab", "Zofia", "Aurelie", "Bettina", "Cordelia", "Dunya",
    "Emeline", "Folake", "Giedre", "Hortense", "Ilona", // 75 women's names
    "Abelard", "Ambrose", "Anselm", "Arvid", "Bartholomew", "Bjorn", "Casimir", "Cedric", "Cormac", "Cyprian", "Dariusz",
    "Desmond", "Emeka", "Evander", "Fabrice", "Fergus", "Florian", "Gaspard", "Gideon", "Halvor", "Hamish", "Ignatius", "Ivo",
    "Jaroslav", "Jasper", "Joachim", "Kasimir", "Haruto", "Lazarus", "Leopold", "Lorenzo", "Mattias", "Malcolm", "Marek",
    "Nikolai", "Obinna", "Octavian", "Osvaldo", "Pavel", "Percival", "Quentin", "Radomir", "Reuben", "Rupert", "Santiago",
    "Sebastiaan", "Silvio", "Stellan", "Tarquin", "Thaddeus", "Tobiah", "Ulrich", "Valentin", "Vikram", "Wendell", "Xavier",
    "Yorick", "Yusuf", "Zoltan", "Alaric", "Benedikt", "Crispin", "Dashiell", "Eamon", "Fintan", "Gustavo", "Horatio",
    "Iskander", "Jovan", "Kofi", "Lysander", "Mathis", "Niall", "Orrin", "Piers", // 75 men's names
];

const SURNAMES: &[&str] = &[
    "Abernethy", "Aldergrove", "Ainsworth", "Albrecht", "Alcantara", "Amberley", "Andrade", "Arkwright", "Ashdown",
    "Aucoin", "Babington", "Bachmann", "Balfour", "Barraclough", "Bellweather", "Bergqvist", "Blackwood", "Bocanegra",
    "Bramley", "Brennan", "Brockhurst", "Caddick", "Calloway", "Carvalho", "Castellanos", "Chadwick", "Chukwuma",
    "Cienfuegos", "Coldwell", "Cordero", "Crabtree", "Dalgleish", "Danforth", "Delacroix", "Demetriou", "Dimitrov",
    "Drummond", "Duchesne", "Eberhardt", "Ekwueme", "Ellsworth", "Engstrom", "Escobedo", "Fairbanks", "Falconer",
    "Fitzgerald", "Folau", "Fonseca", "Fortescue", "Galbraith", "Garrido", "Gathercole", "Gergely", "Gillespie",
    "Godinho", "Gorecki", "Grimshaw", "Gudmundsson", "Hallorann", "Hargreaves", "Hartigan", "Haverkamp", "Hellstrom",
    "Hinojosa", "Holmqvist", "Huxtable", "Ibekwe", "Illingworth", "Iwasaki", "Jablonski", "Jaramillo", "Jessop",
    "Kaczmarek", "Kapoor", "Karlsson", "Kavanagh", "Kettering", "Kiplagat", "Klostermann", "Kowalczyk", "Laidlaw",
    "Lambrecht", "Langridge", "Larrabee", "Leclerc", "Lindahl", "Llewellyn", "Lombardi", "Lundgren", "Macaulay",
    "Maddox", "Magnusson", "Malinowski", "Mansfield", "Marchbanks", "Mbatha", "McAllister", "Mendoza",
    "Merriweather", "Mikkelsen", "Mountjoy", "Mukherjee", "Nakashima", "Naughton", "Nieminen", "Nkemelu", "Northcott",
    "Nowakowski", "Oduya", "Okoro", "Oliphant", "Ortega", "Osterberg", "Pacheco", "Pemberton", "Pennington",
    "Petrakis", "Pilkington", "Poindexter", "Prendergast", "Quaresma", "Quigley", "Radcliffe", "Rainford", "Rasmussen",
    "Ravenscroft", "Rendell", "Rotherwood", "Saarinen", "Salazar", "Sandoval", "Scarborough", "Schofield", "Sedgwick",
    "Shelbourne", "Sigurdsson", "Sinclair", "Skarsgard", "Sorensen", "Stanhope", "Stavropoulos", "Strickland",
    "Sutherland", "Szabo", "Takahashi", "Tancredi", "Tennant", "Thistlethwaite", "Threlfall", "Trevelyan", "Tsiolkas",
    "Uchenna", "Underhill", "Urquhart", "Valdivia", "Vandermeer", "Varga", "Vasquez", "Vestergaard", "Villanueva",
    "Waddington", "Wainwright", "Wakefield", "Warburton", "Westergaard", "Whitlock", "Wilberforce", "Winterbottom",
    "Wojcik", "Woodhouse", "Wrenshaw", "Yamamoto", "Yardley", "Yeboah", "Youngblood", "Zabala", "Zeller", "Zielinski",
    "Zimmerli", "Zubiri", "Ashcombe", "Bellamy", "Cartwright", "Dunstable", "Everhart", "Fairweather", "Goldsworthy",
    "Hawksmoor", "Ironside", "Jellicoe", "Kingsley", "Lockhart", "Moorcroft", "Nightingale", "Oakley", "Pendragon",
    "Quill", "Redgrave", "Stonehouse", "Thackeray", "Upshaw", "Vickery", "Whitcastle", "Yelland",
];

/// Real places: city, country, the people of the country.
const PLACES: &[(&str, &str, &str)] = &[
    ("Lisbon", "Portugal", "Portuguese"),
    ("Porto", "Portugal", "Portuguese"),
    ("Madrid", "Spain", "Spaniards"),
    ("Seville", "Spain", "Spaniards"),
    ("Lyon", "France", "French"),
    ("Marseille", "France", "French"),
    ("Hamburg", "Germany", "Germans"),
    ("Munich", "Germany", "Germans"),
    ("Rotterdam", "the Netherlands", "Dutch"),
    ("Utrecht", "the Netherlands", "Dutch"),
    ("Oslo", "Norway", "Norwegians"),
    ("Bergen", "Norway", "Norwegians"),
    ("Gothenburg", "Sweden", "Swedes"),
    ("Stockholm", "Sweden", "Swedes"),
    ("Helsinki", "Finland", "Finns"),
    ("Tampere", "Finland", "Finns"),
    ("Krakow", "Poland", "Poles"),
    ("Gdansk", "Poland", "Poles"),
    ("Prague", "the Czech Republic", "Czechs"),
    ("Vienna", "Austria", "Austrians"),
    ("Budapest", "Hungary", "Hungarians"),
    ("Bucharest", "Romania", "Romanians"),
    ("Athens", "Greece", "Greeks"),
    ("Thessaloniki", "Greece", "Greeks"),
    ("Milan", "Italy", "Italians"),
    ("Naples", "Italy", "Italians"),
    ("Dublin", "Ireland", "Irish"),
    ("Cork", "Ireland", "Irish"),
    ("Edinburgh", "Scotland", "Scots"),
    ("Manchester", "England", "English"),
    ("Toronto", "Canada", "Canadians"),
    ("Winnipeg", "Canada", "Canadians"),
    ("Chicago", "the United States", "Americans"),
    ("Denver", "the United States", "Americans"),
    ("Houston", "the United States", "Americans"),
    ("Seattle", "the United States", "Americans"),
    ("Guadalajara", "Mexico", "Mexicans"),
    ("Monterrey", "Mexico", "Mexicans"),
    ("Bogota", "Colombia", "Colombians"),
    ("Medellin", "Colombia", "Colombians"),
    ("Lima", "Peru", "Peruvians"),
    ("Santiago", "Chile", "Chileans"),
    ("Valparaiso", "Chile", "Chileans"),
    ("Montevideo", "Uruguay", "Uruguayans"),
    ("Recife", "Brazil", "Brazilians"),
    ("Curitiba", "Brazil", "Brazilians"),
    ("Nairobi", "Kenya", "Kenyans"),
    ("Mombasa", "Kenya", "Kenyans"),
    ("Lagos", "Nigeria", "Nigerians"),
    ("Ibadan", "Nigeria", "Nigerians"),
    ("Accra", "Ghana", "Ghanaians"),
    ("Kumasi", "Ghana", "Ghanaians"),
    ("Dakar", "Senegal", "Senegalese"),
    ("Durban", "South Africa", "South Africans"),
    ("Casablanca", "Morocco", "Moroccans"),
    ("Tunis", "Tunisia", "Tunisians"),
    ("Alexandria", "Egypt", "Egyptians"),
    ("Amman", "Jordan", "Jordanians"),
    ("Izmir", "Turkey", "Turks"),
    ("Ankara", "Turkey", "Turks"),
    ("Tbilisi", "Georgia", "Georgians"),
    ("Almaty", "Kazakhstan", "Kazakhs"),
    ("Lahore", "Pakistan", "Pakistanis"),
    ("Karachi", "Pakistan", "Pakistanis"),
    ("Chennai", "India", "Indians"),
    ("Pune", "India", "Indians"),
    ("Dhaka", "Bangladesh", "Bangladeshis"),
    ("Colombo", "Sri Lanka", "Sri Lankans"),
    ("Hanoi", "Vietnam", "Vietnamese"),
    ("Da Nang", "Vietnam", "Vietnamese"),
    ("Bangkok", "Thailand", "Thais"),
    ("Chiang Mai", "Thailand", "Thais"),
    ("Surabaya", "Indonesia", "Indonesians"),
    ("Cebu", "the Philippines", "Filipinos"),
    ("Osaka", "Japan", "Japanese"),
    ("Sapporo", "Japan", "Japanese"),
    ("Busan", "South Korea", "South Koreans"),
    ("Perth", "Australia", "Australians"),
    ("Brisbane", "Australia", "Australians"),
    ("Wellington", "New Zealand", "New Zealanders"),
];

/// Invented towns, for clubs, police forces, councils and local news.
const TOWNS: &[&str] = &[
    "Ashbourne", "Kelmoor", "Redfield", "Caldbeck", "Harwick", "Linmouth", "Brackenfield", "Dunholm", "Elmstead",
    "Farrowby", "Glenmarch", "Hollinsford", "Kirkdale", "Lowmoor", "Millbrook", "Northamby", "Oakridge", "Penhallow",
    "Quarrington", "Rosedale", "Saltcombe", "Thistlewood", "Uptonbury", "Westerleigh", "Yelverton", "Brindlecombe",
];

/// Invented words that begin organisations' names.
const STEMS: &[&str] = &[
    "Aldren", "Amberline", "Cinderford", "Dunmore", "Everholt", "Falconridge", "Harrowgate", "Ironvale", "Juniper", "Larkspur",
    "Marlow", "Nettlefield", "Oakhurst", "Pellwood", "Pinecrest", "Quillon", "Ravensmoor", "Redcliff", "Silverline", "Sorrel",
    "Stonebridge", "Tessaly", "Thornbury", "Tidewell", "Umberlyn", "Varrick", "Veylan", "Westholm", "Wrenfield", "Yarrow",
];

/// What ministries and commissions deal with.
const FIELDS: &[&str] =
    &["Transport", "Health", "Education", "Energy", "Agriculture", "Labour", "Housing", "Water", "Culture", "Trade", "Fisheries"];

/// Agencies named in datelines.
const AGENCIES: &[&str] = &["Lede Wire", "Tidewell Press", "Harbour Newswire", "Continental Press"];

/// Background sentences with an absolute date: every article has one, so its timeline is never empty.
const BACKGROUND: &[&str] = &[
    "The dispute goes back to {my}, when {o1} first raised concerns about {topic}.",
    "A similar plan was shelved {my} after months of argument.",
    "The last comparable case came {my}, and it took more than a year to resolve.",
    "Figures published {my} showed the problem had grown by {pct} over the previous decade.",
    "Officials first warned about {topic} {my}, but little was done at the time.",
    "It was {my} that the first complaints reached {o1}.",
    "{o1} last reviewed the matter {my}, according to its annual report.",
    "The question first came up {my}, during a visit by {p1} to {city2}.",
    "{country} last faced a comparable situation {mdy}, officials recalled.",
];

/// Context any story can use.
const CONTEXT: &[&str] = &[
    "{o0} has faced questions over {topic} since {year}, according to records seen by reporters.",
    "{p1} has followed the issue closely since {year} and said the pattern was familiar.",
    "Records going back to {year} show nothing on this scale in {city}.",
];

/// Quotes and reactions any story can use.
const REACTION: &[&str] = &[
    "\"We will not be rushed into a decision,\" {p1} said in a statement.",
    "\"This is not the end of the matter,\" {p1} told reporters outside the building.",
    "{p3} called the outcome \"a serious test\" for {o0}.",
    "\"People here want answers, and they want them quickly,\" said {p2}.",
    "\"I have seen nothing like it in thirty years,\" {p2} said.",
    "{p2} said many in {city} had expected the news for weeks.",
    "Asked about the timing, {p3} said only that the matter was \"under review\".",
    "\"There is still a great deal of work ahead of us,\" {p1} added.",
    "{group} living abroad followed the news closely, {p2} said.",
    "Critics, including {p2}, said the response had been too slow.",
];

/// Parts of sentences for long stories, once their own sentences are told:
/// who, what (with the verb), and when or where.
const FILLER: [&[&str]; 3] = [
    &[
        "{p1}", "{p2}", "{p3}", "officials in {city}", "{o1}", "a report by {o2}", "residents of {town}", "several {group}",
        "a spokesperson for {o0}", "union representatives", "independent experts", "local newspapers in {city2}",
    ],
    &[
        "said the figures pointed to a deeper problem",
        "argued that {topic} had been neglected for years",
        "called for an independent review of {topic}",
        "warned that costs could rise by as much as {pct}",
        "noted that {num} people had signed a petition",
        "urged patience while the facts were established",
        "questioned whether the timetable was realistic",
        "said the decision had been taken without proper consultation",
        "described the mood as tense but calm",
        "pointed to a sharp rise in complaints about {topic}",
        "said more money would be needed before the end of the year",
        "asked for the full documents to be made public",
        "said lessons had been learned from what happened {my}",
        "compared the situation with the events of {year}",
        "said {num} letters had been received on the subject",
    ],
    &["", " {rel}", " in an interview {wd2}", " at a briefing in {city}", " in a letter to {o0}", " on social media", " {wd}"],
];

/// What happens next, for the end of any story.
const OUTLOOK: &[&str] = &[
    "A further announcement is expected {next}.",
    "{o0} said it would publish a full report {next}.",
    "{p1} is due to travel to {city2} {next} for further talks.",
    "Officials said more details would be released {next}.",
    "A spokesperson for {o1} declined to comment further.",
    "{o1} did not respond to a request for comment.",
];

const SHAPES: &[Shape] = &[
    // Politics.
    Shape {
        domain: Domain::Politics,
        titles: &[
            "{S0} Survives Confidence Vote Over {Topic}",
            "{S0} Unveils Plan on {Topic} as Critics Cry Foul",
            "Lawmakers Clash Over {Topic} in {City}",
            "{S0} Faces Rebellion in {Party} Over {Topic}",
            "Government Reshuffle Puts {Topic} at Centre of Agenda",
            "{Country} Opposition Walks Out of Debate on {Topic}",
        ],
        leads: &[
            "{p0} survived a vote of confidence {wd} after a heated debate over {topic} that split {party}.",
            "{p0} set out a plan on {topic} {wd}, promising to put the proposal to parliament before the summer recess.",
            "Lawmakers in {city} clashed {wd} over {topic}, with {party} accusing the government of breaking its promises.",
            "{p0} moved {wd} to contain a growing revolt within {party} over {topic}.",
            "{p0} reshuffled the cabinet {wd}, moving {topic} to the top of the government's agenda.",
            "Opposition members walked out of a debate on {topic} in {city} {wd}, accusing {p0} of cutting the discussion short.",
        ],
        pools: &[
            &[
                "The motion was defeated by {small} votes after {num} hours of debate.",
                "{p0} told parliament that the plan would cost {money} over five years.",
                "Members of {party} met behind closed doors for most of the afternoon.",
                "The bill would give {o0} new powers over {topic}, a step opponents called a power grab.",
                "The proposal was first tabled {md}, weeks before the vote.",
                "Turnout at the vote was the highest since {year}, parliamentary officials said.",
                "{p0} spoke for nearly an hour, setting out the case for {topic} point by point.",
            ],
            &[
                "{p1}, who leads the opposition benches, said the government had lost its way.",
                "Several backbenchers said privately they would abstain if the plan came back unchanged.",
                "Polls published {rel} suggested {pct} of voters supported the measure.",
                "{p0} met union leaders from {o1} {wd2} to try to win their support.",
                "The debate was briefly suspended when protesters in the public gallery unfurled a banner.",
            ],
            &[
                "Diplomats in {city2} said the outcome would be watched closely by {country}'s neighbours.",
                "The government is expected to present a revised text {next}.",
                "{p0} is due to meet regional leaders {next} to discuss the next steps.",
            ],
        ],
        headings: &["A Divided Chamber", "Pressure From the Backbenches", "What Comes Next", "Reaction in the Capital", "The Numbers"],
        roles: &["lawmaker", "senator", "analyst", "diplomat", "spokeswoman", "spokesman", "strategist", "historian"],
        fixed: &[
            ("topic", &["pension reform", "the budget bill", "electoral reform", "the housing law", "the energy levy", "border controls"]),
            ("party", &["the Coastal Alliance Party", "the governing coalition", "the Progressive Union Party", "the Democratic Renewal Party"]),
        ],
        plain_subject: false,
    },
    // Business deal.
    Shape {
        domain: Domain::Business,
        titles: &[
            "{O0} Agrees to Buy {O1} in {Money} Deal",
            "{O0} Shares Jump After Takeover Talks Confirmed",
            "{O0} Profit Falls as {Sector} Slowdown Bites",
            "{O0} to Cut Jobs in {Country} After Weak Year",
            "Regulators Clear {O0} Merger With Conditions",
        ],
        leads: &[
            "{o0} agreed {wd} to buy {o1} for {money}, the biggest deal in the {sector} industry this year.",
            "Shares in {o0} rose {pct} {wd} after the company confirmed it was in talks to take over {o1}.",
            "{o0} reported a sharp fall in quarterly profit {wd}, blaming weak demand in the {sector} market.",
            "{o0} said {wd} it would cut {num} jobs in {country} as part of a plan to save {money} a year.",
        ],
        pools: &[
            &[
                "{p0} told analysts on a conference call that the deal would pay for itself within three years.",
                "The offer values {o1} at a premium of {pct} to its closing price {rel}.",
                "{o0} will fund the purchase with cash and new debt, it said in a filing.",
                "The company expects the deal to close {next}, subject to approval by regulators.",
                "Revenue for the quarter came to {money}, below the forecasts of most analysts.",
                "The combined group would employ about {num} people across {small} countries.",
            ],
            &[
                "{p1} said investors had been expecting a move in the {sector} sector for months.",
                "\"The price looks full, but the strategic logic is sound,\" said {p1}.",
                "{p2} said the deal could draw scrutiny from competition authorities in {country}.",
                "Unions at {o1} said they had not been consulted and demanded guarantees for workers in {city}.",
                "The shares had fallen by a third since {month_year}, when the company issued its first profit warning.",
            ],
            &[
                "{o0} was advised by {o2}, according to a person familiar with the matter.",
                "{p0} said the company would keep its headquarters in {city} for now.",
                "The company last updated its forecast {md}.",
                "Trading in the shares was briefly halted {wd} before the announcement.",
            ],
        ],
        headings: &["The Terms", "Investors React", "A Crowded Market", "Jobs at Stake", "Regulatory Hurdles"],
        roles: &["analyst", "economist", "trader", "investor", "banker", "chief executive", "spokeswoman", "spokesman"],
        fixed: &[("topic", &["the company's debts", "the pension fund", "executive pay"]), ("sector", &["shipping", "pharmaceutical", "airline", "steel", "semiconductor", "retail", "telecoms", "insurance"])],
        plain_subject: false,
    },
    // Sports match report.
    Shape {
        domain: Domain::Sports,
        titles: &[
            "{T0} Beat {T1} {Score} to Go Top",
            "Late Goal Rescues Draw for {T0} Against {T1}",
            "{T1} Stun {T0} With Second-Half Comeback",
            "{S0} Hails Character as {T0} Edge Past {T1}",
        ],
        leads: &[
            "{t0} beat {t1} {score} {wd} to move to the top of the table with {small} games left.",
            "A goal in stoppage time earned {t0} a draw against {t1} {wd} in front of {num} fans in {town}.",
            "{t1} came from two goals down to beat {t0} {score} {wd}, ending a run of {small} defeats.",
            "{p0} praised {his0} players' character {wd} after {t0} edged past {t1} {score} in a tense match in {town}.",
        ],
        pools: &[
            &[
                "striker {n1} opened the scoring in the {minute} minute with a low shot from the edge of the area.",
                "{t1} equalised shortly before half-time when {p2} headed in a corner.",
                "goalkeeper {n3} made three fine saves in the second half to keep the visitors in the game.",
                "The decisive goal came in the {minute} minute, when {p1} turned in a cross from the right.",
                "{t0} had a goal ruled out for offside early in the second half.",
                "The home side finished with ten men after a second yellow card in the {minute} minute.",
            ],
            &[
                "\"The players showed real character today,\" {p0} told reporters after the match.",
                "{p0} said the team had been the better side for most of the game.",
                "\"We gave away two soft goals and you cannot do that at this level,\" said {p2}.",
                "{p0} made three changes from the side that lost {rel}.",
            ],
            &[
                "{t0} travel to {town2} {next} before facing {t1} again in the cup.",
                "The result leaves {t1} {small} points behind the leaders.",
                "{t0} last won at home {md}.",
                "The two sides last met {my}, when the match ended goalless.",
            ],
        ],
        headings: &["A Lively First Half", "The Turning Point", "What the Coaches Said", "Table Standings"],
        roles: &["striker", "midfielder", "defender", "winger", "goalkeeper", "forward"],
        fixed: &[("topic", &["ticket prices", "the club's finances", "the stadium lease"])],
        plain_subject: false,
    },
    // Court case.
    Shape {
        domain: Domain::Law,
        titles: &[
            "Former {O0} Executive Jailed for {Charge}",
            "Jury Clears {S1} of {Charge} After Three-Week Trial",
            "Court Hears Evidence in {Charge} Case Against {S1}",
            "Appeal Rejected in {City} {Charge} Case",
        ],
        leads: &[
            "A former executive at {o0} was sentenced to {small} years in prison {wd} for {charge}, ending a case that began {my}.",
            "A jury in {city} cleared {p1} of {charge} {wd} after a trial that lasted three weeks.",
            "{p0} heard evidence {wd} in the case against {p1}, who is accused of {charge} at {o0}.",
            "An appeals court in {city} rejected {wd} an appeal by {p1} against a conviction for {charge} at {o0}.",
        ],
        pools: &[
            &[
                "{p0} told the court that the offences had done lasting damage to public trust.",
                "Prosecutors said {p1} had moved {money} through a network of companies in {country}.",
                "The trial opened {md} and heard from more than {small} witnesses.",
                "The jury deliberated for {small} days before reaching its verdict.",
                "{p1} denied the charges and told the court {he1} had acted on legal advice.",
                "A former colleague testified that {he1} had raised concerns with managers {my}.",
                "The defence argued that the evidence against {p1} was circumstantial.",
            ],
            &[
                "lawyer {n2} said {his2} client would consider an appeal.",
                "\"Justice has been done, but it has taken far too long,\" said {p3}.",
                "Outside the court, {p3} said the verdict would be studied closely by {o1}.",
                "The case was adjourned {rel} after a witness fell ill.",
                "{p1} returned to the witness stand {later} and answered questions for most of the day.",
            ],
            &["Sentencing is set for {next_day}.", "The next hearing in the case is set for {next_day}.", "{o0} said it had helped investigators throughout and would study the ruling."],
        ],
        headings: &["The Charges", "Inside the Courtroom", "The Verdict", "An Appeal Ahead"],
        roles: &["lawyer", "prosecutor", "attorney", "witness", "officer", "judge"],
        fixed: &[("topic", &["the accounts", "missing payments", "the contracts"]), ("charge", &["fraud", "bribery", "money laundering", "embezzlement", "tax evasion", "insider trading"])],
        plain_subject: false,
    },
    // Science.
    Shape {
        domain: Domain::Science,
        titles: &[
            "Scientists Find {Finding} in {Country}",
            "{O0} Study Links {Finding} to Warming Seas",
            "{S0} Team Maps {Finding} for the First Time",
            "Researchers Report Breakthrough on {Finding}",
        ],
        leads: &[
            "Scientists at {o0} said {wd} they had found {finding} in {country}, a discovery that could change how the region is studied.",
            "A study led by {p0} and published {wd} links {finding} to rising sea temperatures.",
            "Researchers led by {p0} at {o0} reported {wd} that they had mapped {finding} for the first time.",
        ],
        pools: &[
            &[
                "The team collected more than {num} samples over {small} field seasons.",
                "{p0} said the results were \"far clearer than we dared hope\".",
                "The work was funded by {o1} and carried out with partners in {city2}.",
                "The final samples were collected {md}.",
                "The researchers used instruments first deployed {my}.",
                "Measurements taken {rel} confirmed the earlier readings, the study said.",
                "A second team repeated the tests {later} and reached the same result.",
            ],
            &[
                "{p1}, who was not involved in the study, called it \"careful and important work\".",
                "Some scientists urged caution, saying the sample was small.",
                "{p2} said the next step would be to repeat the measurements in winter.",
                "The findings appear in the journal of {o2}.",
            ],
            &[
                "A follow-up expedition is planned {next}.",
                "The data will be made public {next}, {o0} said.",
                "{p0} will present the results at a conference in {city2} {next}.",
            ],
        ],
        headings: &["How the Study Worked", "What the Data Show", "Questions Remain", "Next Steps"],
        roles: &["researcher", "professor", "biologist", "geologist", "astronomer", "physicist", "epidemiologist", "chemist"],
        fixed: &[("topic", &["the survey data", "the warming trend", "sampling methods"]), (
            "finding",
            &["a colony of deep-sea corals", "traces of an ancient river", "a new species of frog", "a buried crater", "microplastics in glacier ice"],
        )],
        plain_subject: false,
    },
    // Disaster.
    Shape {
        domain: Domain::Emergency,
        titles: &[
            "{Hazard} Leaves Thousands Homeless in {City}",
            "Rescuers Search for Survivors After {Hazard} in {Country}",
            "{Hazard} Cuts Power to {Num} Homes Around {City}",
            "Death Toll Rises After {Hazard} Strikes {City}",
        ],
        leads: &[
            "A {hazard} struck {city} {wd}, killing at least {small} people and forcing {num} more from their homes, officials said.",
            "Rescue teams searched through the night after a {hazard} hit the outskirts of {city} {wd}.",
            "A {hazard} cut power to more than {num} homes in and around {city} {wd}, emergency services said.",
        ],
        pools: &[
            &[
                "{p0} said emergency shelters had been opened in schools and sports halls.",
                "The first warning was issued {md}, but few people left.",
                "Roads into the worst-hit districts remained closed {rel}.",
                "Power was restored to most homes {later}.",
                "Engineers from {o0} were checking bridges and dams along the river.",
                "Hospitals in {city2} said they had treated dozens of people for injuries.",
                "The army sent {small} helicopters to help move people out of flooded villages.",
            ],
            &[
                "resident {n2} said the water rose \"faster than anyone could run\".",
                "\"We lost everything in a few minutes,\" said {p2}, who spent the night in a shelter.",
                "Volunteers from {o1} handed out food and blankets.",
                "{p1} warned that more rain was forecast {next}.",
                "The aid group said {num} families needed help, many of them {group} who had moved to the area recently.",
            ],
            &[
                "Insurers estimated the damage at {money}.",
                "The area was last hit this hard {my}, when {num} people were forced from their homes.",
                "The government promised an inquiry into the warnings issued before the {hazard}.",
                "{p0} said the clean-up would take months.",
            ],
        ],
        headings: &["The Rescue Effort", "Counting the Cost", "Warnings Ignored", "Help Arrives"],
        roles: &["resident", "survivor", "nurse", "engineer", "farmer", "seismologist", "spokeswoman", "official"],
        fixed: &[("topic", &["flood defences", "the warning system", "building standards"]), ("hazard", &["flood", "storm", "wildfire", "earthquake", "landslide", "heatwave", "cyclone"])],
        plain_subject: false,
    },
    // Local police news.
    Shape {
        domain: Domain::Police,
        titles: &[
            "Police Arrest {Small} After {Crime} in {Town}",
            "{Town} Police Appeal for Witnesses to {Crime}",
            "Man Charged Over {Crime} on {Street}",
            "Residents Alarmed by Rise in {Crime} Across {Town}",
        ],
        leads: &[
            "Police in {town} arrested {small} people {wd} after a {crime} at a shop on {street}.",
            "Detectives in {town} appealed {wd} for witnesses to a {crime} near {street}.",
            "A man was charged {wd} in connection with a {crime} on {street} in {town}, police said.",
        ],
        pools: &[
            &[
                "{p0} said officers were called to {street} shortly after midnight.",
                "A similar incident was reported on the same street {md}.",
                "No one was seriously hurt, but the owner was treated for shock.",
                "Officers recovered goods worth about {money_small} from a house nearby.",
                "The suspects are due to appear before magistrates in {town} {next}.",
                "detective {n1} said the force had increased patrols in the area.",
            ],
            &[
                "a neighbour, {n2}, said the street had been \"quiet for years\" until last month.",
                "\"We just want to feel safe in our own homes again,\" said {p2}.",
                "A local councillor said residents had complained about the problem since {month_year}.",
                "Figures from {o0} show reports of {crime} in the district rose by {pct} last year.",
            ],
            &["Anyone with information is asked to contact the police.", "A second man was released without charge {wd2}."],
        ],
        headings: &["The Arrests", "A Community on Edge", "Appeal for Information"],
        roles: &["resident", "witness", "officer", "victim", "sergeant", "detective"],
        fixed: &[("topic", &["street lighting", "police numbers", "the closure of the station"]), ("crime", &["burglary", "robbery", "arson attack", "car theft", "break-in", "stabbing"])],
        plain_subject: false,
    },
    // Obituary.
    Shape {
        domain: Domain::Culture,
        titles: &[
            "{S0}, {Field} Pioneer, Dies at {Age}",
            "{S0}, Who Changed {Field} in {Country}, Dies",
            "Remembering {S0}, a Giant of {Field}",
        ],
        leads: &[
            "{p0}, whose work changed {field} in {country}, died {wd} at {his0} home in {city}. {he0} was {age}.",
            "{p0}, the {field} pioneer, has died in {city} at the age of {age}, {his0} family said {wd}.",
        ],
        pools: &[
            &[
                "{he0} was born in {town} {born} and moved to {city} as a young adult.",
                "{his0} first major work came {career}, and it made {his0} name across {country}.",
                "{he0} joined {o0} {career} and stayed for more than two decades.",
                "In later life {he0} taught at {o1} and mentored a generation of students.",
                "{he0} made {his0} last public appearance {md}, at a retrospective in {city2}.",
                "{he0} won the national award for {field} {award}.",
            ],
            &[
                "\"{he0} never stopped asking questions,\" said {n1}, a former colleague.",
                "{p2} said {p0} had been \"generous with time and impossible to argue with\".",
                "Tributes poured in from across {country}, including from {p3}.",
            ],
            &[
                "{he0} is survived by {his0} {small} children.",
                "A memorial service will be held in {city} {next}.",
                "{o0} said it would name a new gallery in {his0} honour.",
            ],
        ],
        headings: &["Early Life", "A Career in Full", "Tributes", "Legacy"],
        roles: &["historian", "novelist", "architect", "singer", "filmmaker", "photographer", "professor", "artist"],
        fixed: &[("topic", &["the archive", "the collection"]), ("field", &["architecture", "photography", "jazz", "economics", "theatre", "children's publishing", "documentary film"])],
        plain_subject: true,
    },
];

/// A person of an article.
struct Person {
    /// Given name and surname.
    name: String,
    surname: String,
    female: bool,
    /// The first mention: with the title or role.
    intro: String,
    introduced: bool,
}

/// One article being written.
struct Ctx {
    rng: Rng,
    shape: &'static Shape,
    /// Which of the shape's stories: the title and the lead of the same index.
    story: usize,
    published: Date,
    /// The day the story's main event happened (a few days before publication at most).
    event: Date,
    people: Vec<Person>,
    orgs: Vec<String>,
    place: usize,
    place2: usize,
    towns: [&'static str; 2],
    street: String,
    teams: [String; 2],
    fixed: Vec<(&'static str, &'static str)>,
    age: i32,
    /// Curly quotes and apostrophes instead of straight ones.
    curly: bool,
}

impl Ctx {
    fn new(mut rng: Rng, shape: &'static Shape, published: Date) -> Ctx {
        let story = rng.below(shape.titles.len());
        let event = published - Duration::days(rng.range(0, 2) as i64);
        let place = rng.below(PLACES.len());
        let place2 = rng.below(PLACES.len());
        let towns = [rng.pick(TOWNS), rng.pick(TOWNS)];
        let team = |rng: &mut Rng, town: &str| match rng.below(3) {
            0 => format!("{town} FC"),
            1 => format!("{town} Athletic Club"),
            _ => format!("{town} City FC"),
        };
        let teams = [team(&mut rng, towns[0]), team(&mut rng, if towns[1] == towns[0] { "Saltmarsh" } else { towns[1] })];
        let street = format!("{} {}", rng.pick(SURNAMES), rng.pick(&["Street", "Road", "Avenue", "Lane"]));
        let mut fixed: Vec<(&str, &str)> = shape.fixed.iter().map(|&(k, opts)| (k, rng.pick(opts))).collect();
        fixed.push(("score", rng.pick(&["2-1", "3-1", "1-0", "3-2", "2-0", "4-2", "4-1", "3-0"])));
        let mut people = Vec::new();
        // The main person: one of the domain's cast, most of the time.
        let cast: Vec<&Cast> = CAST.iter().filter(|c| c.4 == shape.domain).collect();
        if !shape.plain_subject && rng.chance(75) {
            let c = cast[rng.skewed(cast.len())];
            people.push(cast_person(c));
        } else {
            let role = if shape.plain_subject { None } else { Some(rng.pick(shape.roles)) };
            let p = random_person(&mut rng, role);
            people.push(p);
        }
        // Two more, and a fourth who is now and then a politician from the
        // cast (not in match reports: the fourth may be a goalkeeper).
        let politician = shape.domain != Domain::Sports && rng.chance(30);
        let wanted = if politician { 3 } else { 4 };
        while people.len() < wanted {
            let role = rng.pick(shape.roles);
            let p = random_person(&mut rng, Some(role));
            if people.iter().all(|q| q.surname != p.surname) {
                people.push(p);
            }
        }
        if politician {
            let c = CAST[rng.skewed(12)];
            match people.iter().any(|q| q.surname == c.1) {
                true => people.push(random_person(&mut rng, Some("official"))),
                false => people.push(cast_person(&c)),
            }
        }
        let cast_orgs: Vec<&str> = CAST_ORGS.iter().filter(|o| o.1 == shape.domain).map(|o| o.0).collect();
        let mut orgs = Vec::new();
        if !cast_orgs.is_empty() && rng.chance(70) {
            orgs.push(cast_orgs[rng.skewed(cast_orgs.len())].to_string());
        } else {
            orgs.push(make_org(&mut rng, shape.domain, towns[0]));
        }
        let other = CAST_ORGS[rng.skewed(CAST_ORGS.len())].0.to_string();
        if rng.chance(25) && !orgs.contains(&other) {
            orgs.push(other);
        }
        while orgs.len() < 3 {
            let o = make_org(&mut rng, shape.domain, towns[0]);
            if !orgs.contains(&o) {
                orgs.push(o);
            }
        }
        let age = rng.range(58, 99) as i32;
        let curly = rng.chance(40);
        Ctx { rng, shape, story, published, event, people, orgs, place, place2, towns, street, teams, fixed, age, curly }
    }

    fn title(&mut self) -> String {
        let t = self.shape.titles[self.story % self.shape.titles.len()];
        let s = self.fill(t, true);
        let s = capitalise(&s);
        self.quotes(&s)
    }

    /// The paragraphs of the body (the first without its dateline).
    fn body(&mut self) -> Vec<Para> {
        let target = self.rng.range(4, 15);
        let lead = self.shape.leads[self.story % self.shape.leads.len()];
        let mut out = vec![Para::Text(self.sentence(lead))];
        // Sentence pools in the order a story tells them, the shared ones between.
        let mut pools: Vec<&'static [&'static str]> = Vec::new();
        pools.extend(self.shape.pools.iter().take(2).copied());
        pools.push(REACTION);
        pools.push(CONTEXT);
        pools.extend(self.shape.pools.iter().skip(2).copied());
        pools.push(OUTLOOK);
        let mut used: Vec<&'static str> = Vec::new();
        let mut headings: Vec<&str> = self.shape.headings.to_vec();
        let heading_every = if target >= 7 { self.rng.range(3, 5) } else { usize::MAX };
        let background_at = self.rng.range(1, 2.min(target - 1));
        for k in 1..target {
            if k % heading_every == 0 && !headings.is_empty() {
                let h = headings.remove(self.rng.below(headings.len()));
                out.push(Para::Heading(h.to_string()));
            }
            let n = match target {
                ..=6 => self.rng.range(2, 4),
                7..=11 => self.rng.range(2, 5),
                _ => self.rng.range(3, 8),
            };
            let mut sentences = Vec::new();
            if k == background_at {
                sentences.push(self.pick_unused(&[BACKGROUND], &mut used));
            }
            // Walk through the pools as the article goes on.
            let at = (k * pools.len()) / target;
            for _ in sentences.len()..n {
                let from = &pools[at.saturating_sub(1)..=at];
                sentences.push(self.pick_unused(from, &mut used));
            }
            let text: Vec<String> = sentences.iter().map(|s| self.sentence(s)).collect();
            out.push(Para::Text(text.join(" ")));
        }
        out
    }

    /// A template from `pools` not used yet in this article, if any is left.
    /// A template from `pools` not used yet in this article; when they are
    /// all used, a shared one or one put together from [`FILLER`]'s parts.
    fn pick_unused(&mut self, pools: &[&'static [&'static str]], used: &mut Vec<&'static str>) -> String {
        let fresh: Vec<&'static str> = pools.iter().flat_map(|p| p.iter().copied()).filter(|s| !used.contains(s)).collect();
        let extra: Vec<&'static str> = REACTION.iter().chain(CONTEXT).copied().filter(|s| !used.contains(s)).collect();
        let s = match (fresh.is_empty(), extra.is_empty()) {
            (false, _) => self.rng.pick(&fresh),
            (true, false) if self.rng.chance(40) => self.rng.pick(&extra),
            _ => {
                let [who, what, when] = FILLER;
                return format!("{} {}{}.", self.rng.pick(who), self.rng.pick(what), self.rng.pick(when));
            }
        };
        used.push(s);
        s.to_string()
    }

    fn sentence(&mut self, template: &str) -> String {
        // Each sentence of the template starts with a capital (split before
        // filling, so that `Corp. said` is not taken for a sentence end).
        let out: String = template.split_inclusive(". ").map(|t| capitalise_first(&self.fill(t, false))).collect();
        self.quotes(&out)
    }

    /// Straight quotes made curly, in the articles that use them.
    fn quotes(&self, s: &str) -> String {
        if !self.curly {
            return s.to_string();
        }
        let mut out = String::with_capacity(s.len() + 8);
        let mut open = true;
        for c in s.chars() {
            match c {
                '"' => {
                    out.push(if open { '“' } else { '”' });
                    open = !open;
                }
                '\'' => out.push('’'),
                c => out.push(c),
            }
        }
        out
    }

    /// Replaces each `{slot}` of a template. Capitalised slots are for titles.
    fn fill(&mut self, template: &str, title: bool) -> String {
        let mut out = String::with_capacity(template.len() + 64);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
            let key = &rest[open + 1..close];
            let value = self.slot(key, title);
            rest = &rest[(close + 1).min(rest.len())..];
            // An appositive's closing comma gives way to the template's punctuation.
            let value = if rest.starts_with(['.', ',', ';', ':']) { value.trim_end_matches(',') } else { &value };
            out.push_str(value);
        }
        out.push_str(rest);
        out
    }

    fn slot(&mut self, key: &str, title: bool) -> String {
        let lower = key.to_ascii_lowercase();
        let value = self.value(&lower);
        if title || key.starts_with(|c: char| c.is_ascii_uppercase()) {
            title_case(value.trim_start_matches("the "))
        } else {
            value
        }
    }

    fn value(&mut self, key: &str) -> String {
        let (place, country, people) = PLACES[self.place];
        let digit = key.chars().last().and_then(|c| c.to_digit(10)).map(|d| d as usize);
        match (key, digit) {
            (k, Some(i)) if k.starts_with('p') => {
                let p = &mut self.people[i];
                if p.introduced {
                    p.surname.clone()
                } else {
                    p.introduced = true;
                    p.intro.clone()
                }
            }
            (k, Some(i)) if k.starts_with('s') => self.people[i].surname.clone(),
            (k, Some(i)) if k.starts_with('n') => {
                let p = &mut self.people[i];
                if p.introduced {
                    p.surname.clone()
                } else {
                    p.introduced = true;
                    p.name.clone()
                }
            }
            (k, Some(i)) if k.starts_with("he") => (if self.people[i].female { "she" } else { "he" }).into(),
            (k, Some(i)) if k.starts_with("his") => (if self.people[i].female { "her" } else { "his" }).into(),
            (k, Some(i)) if k.starts_with('o') => self.orgs[i].clone(),
            (k, Some(i)) if k.starts_with('t') && k.len() == 2 => self.teams[i].clone(),
            ("town2", _) => self.towns[1].into(),
            ("wd2", _) => format!("on {}", (self.event - Duration::days(self.rng.range(1, 3) as i64)).weekday()),
            _ => match key {
                "city" => place.into(),
                "country" => country.into(),
                "group" => people.into(),
                "city2" => PLACES[self.place2].0.into(),
                "town" => self.towns[0].into(),
                "street" => self.street.clone(),
                "wd" => format!("on {}", self.event.weekday()),
                "rel" => self
                    .rng
                    .pick(&["last week", "earlier this month", "last month", "a week earlier", "earlier this year", "last year"])
                    .into(),
                "later" => self.rng.pick(&["two days later", "a day later", "the following week", "three days later"]).into(),
                "month_year" => format!("{} {}", self.rng.pick(&MONTHS), self.published.year() - self.rng.range(1, 9) as i32),
                "md" => {
                    let d = self.published - Duration::days(self.rng.range(8, 60) as i64);
                    format!("on {} {}", d.month(), d.day())
                }
                "my" => format!("in {} {}", self.rng.pick(&MONTHS), self.published.year() - self.rng.range(1, 9) as i32),
                "mdy" => {
                    let d = self.published - Duration::days(self.rng.range(400, 3000) as i64);
                    format!("on {} {}, {}", d.month(), d.day(), d.year())
                }
                "year" => (self.published.year() - self.rng.range(2, 15) as i32).to_string(),
                "yr" => format!("in {}", self.published.year() - self.rng.range(2, 15) as i32),
                "next" => match self.rng.below(4) {
                    0 => "next week".into(),
                    1 => "next month".into(),
                    _ => self.next_day(),
                },
                "next_day" => self.next_day().trim_start_matches("on ").to_string(),
                "num" => {
                    let n = self.rng.range(2, 90) * 100 + self.rng.range(0, 9) * 10;
                    if n >= 1000 {
                        format!("{},{:03}", n / 1000, n % 1000)
                    } else {
                        n.to_string()
                    }
                }
                "small" => self.rng.pick(&["two", "three", "four", "five", "six", "seven", "eight", "nine", "11", "14"]).into(),
                "pct" => format!("{}.{} percent", self.rng.range(1, 40), self.rng.below(10)),
                "money" => format!("${}.{} billion", self.rng.range(1, 40), self.rng.below(10)),
                "money_small" => format!("${},{:03}", self.rng.range(2, 90), self.rng.below(10) * 100),
                "minute" => ordinal(self.rng.range(3, 89)),
                                "age" => self.age.to_string(),
                "born" => format!("in {}", self.published.year() - self.age),
                "career" => format!("in {}", self.published.year() - self.age + self.rng.range(22, 40) as i32),
                "award" => format!("in {}", self.published.year() - self.rng.range(5, 25) as i32),
                "topic" => self.fixed_or("topic", &["the plan", "the project", "the inquiry", "public spending"]),
                k => self.fixed_or(k, &[]),
            },
        }
    }

    fn fixed_or(&mut self, key: &str, default: &[&'static str]) -> String {
        match self.fixed.iter().find(|f| f.0 == key) {
            Some(f) => f.1.to_string(),
            None if !default.is_empty() => self.rng.pick(default).to_string(),
            None => panic!("synth: no value for the slot {{{key}}}"),
        }
    }

    /// A day a few weeks after publication: `on June 3`.
    fn next_day(&mut self) -> String {
        let d = self.published + Duration::days(self.rng.range(5, 50) as i64);
        format!("on {} {}", d.month(), d.day())
    }

    /// Wire copy: title, blank line, dateline and paragraphs.
    fn wire(&mut self, title: &str, paras: &[Para]) -> String {
        let (city, country, _) = PLACES[self.place];
        let country = country.trim_start_matches("the ");
        let d = self.published;
        let place = if self.shape.domain == Domain::Police { self.towns[0] } else { city };
        let agency = self.rng.pick(AGENCIES);
        let sep = self.rng.pick(&[" - ", " – ", " — ", " _ "]);
        let dateline = match self.rng.below(10) {
            0 => format!("{} ({agency}){sep}", place.to_uppercase()),
            1 | 2 => format!("{place}, {} {} {}{sep}", d.day(), d.month(), d.year()),
            3 | 4 => format!("{}, {country}, {} {}, {}{sep}", place.to_uppercase(), ap_month(d.month()), d.day(), d.year()),
            5 => format!("{}, {}, {} {}, {}{sep}", place.to_uppercase(), d.weekday(), d.month(), d.day(), d.year()),
            _ => format!("{}, {} {}, {} ({agency}){sep}", place.to_uppercase(), d.month(), d.day(), d.year()),
        };
        // Three layouts: blank lines between paragraphs, the same wrapped at 72 columns, or one paragraph a line.
        let layout = self.rng.below(3);
        let mut out = format!("{title}\n\n");
        for (k, p) in paras.iter().enumerate() {
            let text = match p {
                Para::Heading(h) => h.clone(),
                Para::Text(t) if k == 0 => format!("{dateline}{t}"),
                Para::Text(t) if layout == 1 => wrap(t, 72),
                Para::Text(t) => t.clone(),
            };
            out.push_str(&text);
            out.push_str(if layout == 2 { "\n" } else { "\n\n" });
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
        out
    }

    /// Markdown with front matter.
    fn markdown(&mut self, title: &str, paras: &[Para]) -> String {
        let place = if self.shape.domain == Domain::Police { self.towns[0] } else { PLACES[self.place].0 };
        let mut out = format!("---\ntitle: {title}\npublished: {}\nplace: {place}\n", self.published);
        if self.rng.chance(50) {
            let author = format!("{} {}", self.rng.pick(GIVEN), self.rng.pick(SURNAMES));
            out.push_str(&format!("author: {author}\n"));
        }
        out.push_str("---\n\n");
        for p in paras {
            match p {
                Para::Heading(h) => out.push_str(&format!("## {h}\n\n")),
                Para::Text(t) => out.push_str(&format!("{t}\n\n")),
            }
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
        out
    }
}

/// A block of the body.
enum Para {
    Heading(String),
    Text(String),
}

const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// A person who is not of the cast, with a lower-case role (or none).
fn random_person(rng: &mut Rng, role: Option<&str>) -> Person {
    let g = rng.below(GIVEN.len());
    let female = g < GIVEN.len() / 2;
    let surname = rng.pick(SURNAMES);
    let name = format!("{} {surname}", GIVEN[g]);
    let role = match role {
        Some("spokeswoman" | "spokesman") => Some(if female { "spokeswoman" } else { "spokesman" }),
        r => r,
    };
    let intro = match role {
        None => name.clone(),
        Some(r) if rng.chance(30) => {
            let a = if r.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
            format!("{name}, {a} {r},")
        }
        Some(r) => format!("{r} {name}"),
    };
    Person { name: format!("{} {surname}", GIVEN[g]), surname: surname.into(), female, intro, introduced: false }
}

/// A person of the cast, introduced with the title.
fn cast_person(c: &Cast) -> Person {
    Person { name: format!("{} {}", c.0, c.1), surname: c.1.into(), female: c.2, intro: format!("{} {} {}", c.3, c.0, c.1), introduced: false }
}

/// An organisation of a domain, invented from the stems.
fn make_org(rng: &mut Rng, domain: Domain, town: &str) -> String {
    let stem = rng.pick(STEMS);
    let field = rng.pick(FIELDS);
    let forms: &[&str] = match domain {
        Domain::Politics => &["the Ministry of {f}", "the {s} Party", "the National {f} Commission", "the {t} City Council", "the {f} Committee"],
        Domain::Business => &["{s} Holdings", "{s} Group", "{s} Corp.", "{s} Industries", "{s} Semiconductor", "{s} Airlines", "{s} Motors"],
        Domain::Sports => &["the {s} Football Association", "the National {s} League", "the {t} Sports Council"],
        Domain::Law => &["the {t} District Court", "{s} Partners", "the Serious Fraud Office", "the {s} Trust"],
        Domain::Science => &["the {s} Institute", "the University of {t}", "the {s} Observatory", "{s} Laboratories", "the Royal {s} Society"],
        Domain::Emergency => &["the {t} Fire Service", "the {s} Relief Fund", "the Red Crescent Society", "the National {f} Agency"],
        Domain::Police => &["the {t} Police", "the {t} Police Department", "the {t} Borough Council", "the {s} Housing Association"],
        Domain::Culture => &["the {s} Museum", "the {t} Academy", "{s} Records", "the {s} Gallery", "the {s} Foundation"],
    };
    rng.pick(forms).replace("{s}", stem).replace("{f}", field).replace("{t}", town)
}

/// `Sept.` for September: the Associated Press's month abbreviations.
fn ap_month(m: Month) -> &'static str {
    match m {
        Month::January => "Jan.",
        Month::February => "Feb.",
        Month::March => "March",
        Month::April => "April",
        Month::May => "May",
        Month::June => "June",
        Month::July => "July",
        Month::August => "Aug.",
        Month::September => "Sept.",
        Month::October => "Oct.",
        Month::November => "Nov.",
        Month::December => "Dec.",
    }
}

/// Capitalises each word, short function words excepted.
fn title_case(s: &str) -> String {
    s.split(' ')
        .enumerate()
        .map(|(i, w)| if i > 0 && matches!(w, "of" | "the" | "and" | "in" | "for" | "a") { w.to_string() } else { capitalise(w) })
        .collect::<Vec<_>>()
        .join(" ")
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Capitalises the first letter, after any opening quote.
fn capitalise_first(s: &str) -> String {
    match s.char_indices().find(|(_, c)| c.is_alphanumeric()) {
        Some((i, c)) => format!("{}{}{}", &s[..i], c.to_uppercase(), &s[i + c.len_utf8()..]),
        None => s.to_string(),
    }
}

/// `21st`, `83rd`, `11th`.
fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// Wraps text at `width` columns.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / width);
    let mut col = 0;
    for w in text.split(' ') {
        let n = w.chars().count();
        if col > 0 && col + 1 + n > width {
            out.push('\n');
            col = 0;
        } else if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(w);
        col += n;
    }
    out
}
