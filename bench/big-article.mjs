// The large article of workloads 3 and 4: 20,000 words of varied news-like sentences, and 2,000
// annotations with valid selectors (some overlapping or nested, as reviewers make them), two
// sources each, written straight to PostgreSQL.
import { describeRange, newId, prng } from './lib.mjs';

const SUBJECTS = [
  'The finance minister', 'A spokesperson for the ministry', 'Opposition leaders', 'The central bank', 'Independent analysts',
  'The regional governor', 'Union representatives', 'The state statistics office', 'Several economists', 'The prime minister',
  'Local officials', 'A senior diplomat', 'The energy regulator', 'Health authorities', 'The defence ministry', 'Farmers’ associations',
];
const VERBS = [
  'said that', 'claimed that', 'denied reports that', 'confirmed that', 'warned that', 'insisted that', 'told reporters that',
  'acknowledged that', 'argued that', 'announced that', 'suggested that', 'estimated that',
];
const CLAIMS = [
  'unemployment fell to {pct} percent in {month}', 'the economy grew by {pct} percent last year', 'inflation had doubled since {year}',
  'more than {n} people had been evacuated from the border towns', 'the budget deficit would narrow to {pct} percent of output',
  'gas exports rose by {n} million cubic metres in {month}', 'the new law would affect {n} households', 'crime in the capital was at its lowest level since {year}',
  'the agreement had been signed by {n} countries', 'spending on hospitals had risen every year since {year}', 'wages grew faster than prices for the first time since {year}',
  'the plant would create {n} jobs by {year}', 'the grain corridor carried {n} tonnes in {month}', 'turnout reached {pct} percent, a record',
  'the reserve held enough fuel for {n} days', 'the ceasefire had been broken {n} times in a week',
];
const TAILS = [
  ', citing figures published on {weekday}.', ', although the figures have not been independently verified.', '.', '.',
  ', according to a statement released late on {weekday}.', ', a claim disputed by the opposition.', ' during a press conference in the capital.',
  ', without giving further details.', ', in an interview with a national broadcaster.', ', adding that talks would continue next month.',
];
const CONNECTORS = ['However,', 'Meanwhile,', 'Earlier this week,', 'In a separate statement,', 'By contrast,', 'At the same time,', 'Last month,'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function generateArticleText(wordTarget = 20_000, seed = 7) {
  const random = prng(seed);
  const fill = (template) =>
    template
      .replace('{pct}', `${random.int(1, 19)}.${random.int(0, 9)}`)
      .replace('{n}', random.int(2, 950).toLocaleString('en-US'))
      .replace('{year}', String(random.int(1998, 2024)))
      .replace('{month}', random.pick(MONTHS))
      .replace('{weekday}', random.pick(WEEKDAYS));
  const sentence = () => {
    const connector = random.next() < 0.25 ? `${random.pick(CONNECTORS)} ` : '';
    const subject = random.pick(SUBJECTS);
    const opening = connector ? subject[0].toLowerCase() + subject.slice(1) : subject;
    return `${connector}${opening} ${random.pick(VERBS)} ${fill(random.pick(CLAIMS))}${fill(random.pick(TAILS))}`;
  };
  const paragraphs = [];
  let words = 0;
  while (words < wordTarget) {
    const sentences = Array.from({ length: random.int(3, 7) }, sentence);
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    words += paragraph.split(/\s+/).length;
  }
  return { text: `${paragraphs.join('\n')}\n`, words, paragraphs: paragraphs.length };
}

const STATUSES = ['DRAFT', 'SUBMITTED', 'SUBMITTED', 'APPROVED', 'APPROVED', 'CHANGES_REQUESTED'];

/** Inserts `count` annotations spread evenly over the article, each with two sources. */
export async function insertAnnotations(pg, { articleId, text, count, authors, seed = 11 }) {
  const random = prng(seed);
  const verdicts = (await pg.query('SELECT id FROM "Verdict" ORDER BY position')).rows.map((r) => r.id);
  const words = [...text.matchAll(/[^\s]+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const rows = [];
  for (let i = 0; i < count; i++) {
    // Spread over the text; about one in eight starts inside the previous one (overlap or nesting).
    const base = Math.floor((i / count) * (words.length - 12));
    const first = Math.min(words.length - 2, base + (random.next() < 0.125 ? 0 : random.int(0, 3)));
    const last = Math.min(words.length - 1, first + random.int(1, 9));
    const start = words[first].start;
    let end = words[last].end;
    const newline = text.indexOf('\n', start);
    if (newline >= 0 && newline < end) end = newline;
    const anchor = describeRange(text, start, end);
    const status = random.pick(STATUSES);
    const author = random.pick(authors);
    rows.push({
      id: newId('a'),
      author: author.id,
      verdict: status === 'DRAFT' && random.next() < 0.5 ? null : random.pick(verdicts),
      status,
      statusBy: status === 'DRAFT' ? null : authors[0].id,
      rationale: `Checked against the published figures (${i + 1}). The claim ${random.next() < 0.5 ? 'matches' : 'does not match'} the official release; see the sources for the relevant tables and the archived statement.`,
      ...anchor,
      start,
      end,
    });
  }
  const batch = 250;
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    const values = [];
    const params = [];
    for (const row of chunk) {
      const p = params.length;
      params.push(row.id, articleId, row.author, row.verdict, row.rationale, row.status, row.statusBy, row.exact, row.prefix, row.suffix, row.start, row.end);
      values.push(
        `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}::"AnnotationStatus", $${p + 7}, CASE WHEN $${p + 7}::text IS NULL THEN NULL ELSE now() END, $${p + 8}, $${p + 9}, $${p + 10}, $${p + 11}, $${p + 12}, now())`,
      );
    }
    await pg.query(
      `INSERT INTO "Annotation" (id, "articleId", "authorId", "verdictId", rationale, status, "statusChangedById", "statusChangedAt",
         "quoteExact", "quotePrefix", "quoteSuffix", "positionStart", "positionEnd", "updatedAt") VALUES ${values.join(', ')}`,
      params,
    );
    const sourceValues = [];
    const sourceParams = [];
    for (const row of chunk) {
      for (let position = 0; position < 2; position++) {
        const p = sourceParams.length;
        sourceParams.push(
          newId('s'),
          row.id,
          position,
          position === 0 ? `https://example.org/statistics/release-${random.int(1000, 99999)}` : `https://archive.example.net/record/${random.int(100000, 999999)}`,
          position === 0 ? 'Official statistical release' : 'Archived statement',
          position === 0 ? 'National statistics office' : 'Web archive',
          'The table on page 4 gives the figure for the period in question, revised in the following quarter.',
        );
        sourceValues.push(`($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}, now())`);
      }
    }
    await pg.query(`INSERT INTO "Source" (id, "annotationId", position, url, title, publisher, excerpt, "accessedAt") VALUES ${sourceValues.join(', ')}`, sourceParams);
  }
  return rows.length;
}
