// Fixed interface wording of the renderers in Finnish, English and Swedish; theme labels come from the codebook.
import type { Polarity } from '../types.js';

export type UiLang = 'fi' | 'en' | 'sv';

export interface UiStrings {
  successes: string;
  challenges: string;
  otherThemes: string;
  polarity: Record<Polarity, string>;
  polarityTitle: string;
  /** "mainittu 3/20 loppuraportissa". */
  mentionedIn(n: number, m: number): string;
  reports: string;
  report: string;
  alias: string;
  path: string;
  format: string;
  language: string;
  paragraphs: string;
  codedParagraphs: string;
  section: string;
  lines: string;
  startLine: string;
  endLine: string;
  code: string;
  theme: string;
  mainTheme: string;
  score: string;
  confidence: string;
  matches: string;
  text: string;
  quote: string;
  rank: string;
  segments: string;
  shareOfReports: string;
  total: string;
  sheets: { themes: string; matrix: string; codings: string; quotes: string; reports: string };
  chartTitle: string;
  chartCaption(m: number): string;
  heatmapTitle: string;
  heatmapCaption: string;
  quotesTitle: string;
  noQuotes: string;
  themesCount: string;
  generatedBy: string;
  /** The morphology the run used ("voikko", "snowball"), as outputs name it. */
  morphology(name: string): string;
  kicker: string;
  quotesCount: string;
  contents: string;
  paragraphsCount(n: number): string;
  linesRange(a: number, b: number): string;
  synthesis: {
    draftNote: string;
    introduction: string;
    introText(m: number): string;
    successesTitle: string;
    challengesTitle: string;
    themesTitle: string;
    groupIntro(count: number, labels: string): string;
    writeHere: string;
    summary: string;
    summaryText: string;
    and: string;
  };
}

const fi: UiStrings = {
  successes: 'Onnistumiset',
  challenges: 'Haasteet',
  otherThemes: 'Muut teemat',
  polarity: { success: 'onnistuminen', challenge: 'haaste', none: '–' },
  polarityTitle: 'Polariteetti',
  mentionedIn: (n, m) => `mainittu ${n}/${m} loppuraportissa`,
  reports: 'Raportteja',
  report: 'Raportti',
  alias: 'Tunniste',
  path: 'Polku',
  format: 'Muoto',
  language: 'Kieli',
  paragraphs: 'Kappaleita',
  codedParagraphs: 'Koodattuja kappaleita',
  section: 'Luku',
  lines: 'Rivit',
  startLine: 'Alkurivi',
  endLine: 'Loppurivi',
  code: 'Koodi',
  theme: 'Teema',
  mainTheme: 'Pääteema',
  score: 'Pisteet',
  confidence: 'Varmuus',
  matches: 'Osumat',
  text: 'Teksti',
  quote: 'Lainaus',
  rank: 'Sija',
  segments: 'Kappaleita',
  shareOfReports: 'Osuus raporteista',
  total: 'Yhteensä',
  sheets: {
    themes: 'Teemat',
    matrix: 'Raportit x teemat',
    codings: 'Koodaukset',
    quotes: 'Lainaukset',
    reports: 'Raportit',
  },
  chartTitle: 'Raportit teemoittain',
  chartCaption: (m) => `Niiden loppuraporttien määrä, joissa teema mainitaan (yhteensä ${m} raporttia).`,
  heatmapTitle: 'Raportit × teemat',
  heatmapCaption: 'Koodattujen kappaleiden määrä raportissa teemoittain.',
  quotesTitle: 'Lainaukset teemoittain',
  noQuotes: 'Ei lainauksia.',
  themesCount: 'Teemoja',
  generatedBy: 'Tuotettu analyse-työkalulla. Lainaukset on anonymisoitu.',
  morphology: (name) => `Morfologia: ${name}`,
  kicker: 'Loppuraporttien laadullinen analyysi',
  quotesCount: 'Lainauksia',
  contents: 'Sisältö',
  paragraphsCount: (n) => `${n} ${n === 1 ? 'kappale' : 'kappaletta'}`,
  linesRange: (a, b) => (a === b ? `rivi ${a}` : `rivit ${a}–${b}`),
  synthesis: {
    draftNote:
      'Luonnos: analyse-työkalun tuottama pohja. Kirjoita analyysi kunkin teeman alle ja valitse lainaukset; lainaukset on anonymisoitu, mutta tarkista ne ennen julkaisua.',
    introduction: 'Johdanto',
    introText: (m) => `Tässä raportissa on käyty läpi ${m} hankkeen loppuraportit.`,
    successesTitle: 'Hankkeiden onnistumiset',
    challengesTitle: 'Haasteet',
    themesTitle: 'Teemat',
    groupIntro: (count, labels) =>
      `Seuraavissa alaluvuissa käsitellään ${count} kokonaisuutta. Ne ovat ${labels}.`,
    writeHere: '[Kirjoita tähän teeman analyysi.]',
    summary: 'Yhteenveto',
    summaryText: '[Kirjoita tähän yhteenveto.]',
    and: 'ja',
  },
};

const en: UiStrings = {
  successes: 'Successes',
  challenges: 'Challenges',
  otherThemes: 'Other themes',
  polarity: { success: 'success', challenge: 'challenge', none: '–' },
  polarityTitle: 'Polarity',
  mentionedIn: (n, m) => `mentioned in ${n}/${m} final reports`,
  reports: 'Reports',
  report: 'Report',
  alias: 'Alias',
  path: 'Path',
  format: 'Format',
  language: 'Language',
  paragraphs: 'Paragraphs',
  codedParagraphs: 'Coded paragraphs',
  section: 'Section',
  lines: 'Lines',
  startLine: 'Start line',
  endLine: 'End line',
  code: 'Code',
  theme: 'Theme',
  mainTheme: 'Main theme',
  score: 'Score',
  confidence: 'Confidence',
  matches: 'Matches',
  text: 'Text',
  quote: 'Quote',
  rank: 'Rank',
  segments: 'Paragraphs',
  shareOfReports: 'Share of reports',
  total: 'Total',
  sheets: {
    themes: 'Themes',
    matrix: 'Reports x themes',
    codings: 'Codings',
    quotes: 'Quotes',
    reports: 'Reports',
  },
  chartTitle: 'Reports per theme',
  chartCaption: (m) => `Number of final reports that mention the theme (${m} reports in all).`,
  heatmapTitle: 'Reports × themes',
  heatmapCaption: 'Coded paragraphs per report and theme.',
  quotesTitle: 'Quotes per theme',
  noQuotes: 'No quotes.',
  themesCount: 'Themes',
  generatedBy: 'Produced with analyse. Quotes are anonymised.',
  morphology: (name) => `Morphology: ${name}`,
  kicker: 'Qualitative analysis of final reports',
  quotesCount: 'Quotes',
  contents: 'Contents',
  paragraphsCount: (n) => `${n} ${n === 1 ? 'paragraph' : 'paragraphs'}`,
  linesRange: (a, b) => (a === b ? `line ${a}` : `lines ${a}–${b}`),
  synthesis: {
    draftNote:
      'Draft: a starting point produced by analyse. Write the analysis under each theme and choose the quotes; quotes are anonymised, but check them before publishing.',
    introduction: 'Introduction',
    introText: (m) => `This report covers the final reports of ${m} projects.`,
    successesTitle: 'Successes of the projects',
    challengesTitle: 'Challenges',
    themesTitle: 'Themes',
    groupIntro: (count, labels) => `The following sections discuss ${count} themes: ${labels}.`,
    writeHere: '[Write the analysis of this theme here.]',
    summary: 'Summary',
    summaryText: '[Write the summary here.]',
    and: 'and',
  },
};

const sv: UiStrings = {
  successes: 'Framgångar',
  challenges: 'Utmaningar',
  otherThemes: 'Övriga teman',
  polarity: { success: 'framgång', challenge: 'utmaning', none: '–' },
  polarityTitle: 'Polaritet',
  mentionedIn: (n, m) => `nämnt i ${n}/${m} slutrapporter`,
  reports: 'Rapporter',
  report: 'Rapport',
  alias: 'Alias',
  path: 'Sökväg',
  format: 'Format',
  language: 'Språk',
  paragraphs: 'Stycken',
  codedParagraphs: 'Kodade stycken',
  section: 'Avsnitt',
  lines: 'Rader',
  startLine: 'Startrad',
  endLine: 'Slutrad',
  code: 'Kod',
  theme: 'Tema',
  mainTheme: 'Huvudtema',
  score: 'Poäng',
  confidence: 'Säkerhet',
  matches: 'Träffar',
  text: 'Text',
  quote: 'Citat',
  rank: 'Rang',
  segments: 'Stycken',
  shareOfReports: 'Andel av rapporter',
  total: 'Totalt',
  sheets: {
    themes: 'Teman',
    matrix: 'Rapporter x teman',
    codings: 'Kodningar',
    quotes: 'Citat',
    reports: 'Rapporter',
  },
  chartTitle: 'Rapporter per tema',
  chartCaption: (m) => `Antal slutrapporter som nämner temat (sammanlagt ${m} rapporter).`,
  heatmapTitle: 'Rapporter × teman',
  heatmapCaption: 'Kodade stycken per rapport och tema.',
  quotesTitle: 'Citat per tema',
  noQuotes: 'Inga citat.',
  themesCount: 'Teman',
  generatedBy: 'Framtagen med analyse. Citaten är anonymiserade.',
  morphology: (name) => `Morfologi: ${name}`,
  kicker: 'Kvalitativ analys av slutrapporter',
  quotesCount: 'Citat',
  contents: 'Innehåll',
  paragraphsCount: (n) => `${n} ${n === 1 ? 'stycke' : 'stycken'}`,
  linesRange: (a, b) => (a === b ? `rad ${a}` : `rader ${a}–${b}`),
  synthesis: {
    draftNote:
      'Utkast: ett underlag framtaget med analyse. Skriv analysen under varje tema och välj citaten; citaten är anonymiserade, men kontrollera dem före publicering.',
    introduction: 'Inledning',
    introText: (m) => `I denna rapport har slutrapporterna från ${m} projekt gåtts igenom.`,
    successesTitle: 'Projektens framgångar',
    challengesTitle: 'Utmaningar',
    themesTitle: 'Teman',
    groupIntro: (count, labels) => `I följande avsnitt behandlas ${count} helheter: ${labels}.`,
    writeHere: '[Skriv analysen av temat här.]',
    summary: 'Sammanfattning',
    summaryText: '[Skriv sammanfattningen här.]',
    and: 'och',
  },
};

const STRINGS: Record<UiLang, UiStrings> = { fi, en, sv };

export function uiStrings(lang: UiLang): UiStrings {
  return STRINGS[lang] ?? fi;
}

/** "a, b ja c" in the language of the strings. */
export function joinList(items: string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}
