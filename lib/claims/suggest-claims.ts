import nlp from 'compromise';

// Claim suggestions: the sentences of an article most worth checking, ranked, each with a one-line
// reason. compromise (offline, rule-based English NLP) tags the words; the weights below say what
// fact-checkers look for first: figures and quantities, reported speech and attribution ("has
// stated", "reportedly"), named sources, direct quotations, superlatives and comparisons.

export interface ClaimSuggestion {
  /** UTF-16 offsets of the sentence in the article text. */
  start: number;
  end: number;
  text: string;
  score: number;
  /** One line: why this sentence is worth checking. */
  reason: string;
}

interface Signal {
  weight: number;
  describe: (found: string[]) => string;
  find: (sentence: ReturnType<typeof nlp>) => string[];
}

// Only words tagged as verbs count ("United States" and "territory claims" are not reported speech).
const reportingVerb = /\b(said|says|stated|states|claimed|claims|told|announced|reported|suggested|emphasi[sz]ed|insisted|denied|implied|acknowledged|confirmed|warned|estimated)\b/i;
const hedges = '(reportedly|allegedly|apparently|purportedly|according to)';

const signals: Signal[] = [
  {
    weight: 3,
    describe: (found) => `a figure (${quoteList(found)})`,
    find: (s) => s.match('(#Value|#Money|#Percent|#Fraction)+ #Noun?').out('array'),
  },
  {
    weight: 2,
    describe: (found) => `reported speech (${quoteList(found)})`,
    find: (s) => [...reportingVerbs(s), ...s.match(hedges).out('array')],
  },
  {
    weight: 2,
    describe: () => 'a direct quotation',
    find: (s) => s.quotations().out('array'),
  },
  {
    weight: 2,
    describe: (found) => `a superlative (${quoteList(found)})`,
    find: (s) => s.match('(#Superlative|most #Adjective|least #Adjective)').out('array'),
  },
  {
    weight: 1,
    describe: (found) => `a comparison (${quoteList(found)})`,
    find: (s) => s.match('(#Comparative|more #Adjective|fewer|less than|more than)').out('array'),
  },
  {
    weight: 1,
    describe: (found) => `a named source (${quoteList(found)})`,
    find: (s) => [...s.people().out('array'), ...s.organizations().out('array')],
  },
];

/** Reporting verbs, with their auxiliary ("has stated"), one word tagged as a verb at a time. */
function reportingVerbs(sentence: ReturnType<typeof nlp>): string[] {
  const withAuxiliary = (sentence.match('(has|have|had) #Verb').out('array') as string[]).filter((phrase) => reportingVerb.test(phrase));
  const single = (sentence.match('#Verb').out('array') as string[]).filter((verb) => reportingVerb.test(verb));
  return [...withAuxiliary, ...single.filter((verb) => !withAuxiliary.some((phrase) => phrase.endsWith(verb)))];
}

function quoteList(found: string[]): string {
  const unique = [...new Set(found.map((f) => f.replace(/[.,;:]+$/, '').trim()).filter(Boolean))];
  const shown = unique.slice(0, 2).map((f) => `“${f}”`);
  return unique.length > 2 ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** The sentences worth checking, best first (ties in text order); sentences with no signal are left out. */
export function suggestClaims(text: string, limit = 10): ClaimSuggestion[] {
  const suggestions: ClaimSuggestion[] = [];
  let searchFrom = 0;
  for (const sentence of nlp(text).sentences().json() as { text: string }[]) {
    const sentenceText = sentence.text.trim();
    if (!sentenceText) continue;
    // Offsets by finding the sentence in the text: compromise normalises some whitespace.
    const start = text.indexOf(sentenceText, searchFrom);
    if (start < 0) continue;
    const end = start + sentenceText.length;
    searchFrom = end;
    const doc = nlp(sentenceText);
    let score = 0;
    const reasons: { weight: number; text: string }[] = [];
    for (const signal of signals) {
      const found = signal.find(doc).filter((f) => f.trim());
      if (found.length === 0) continue;
      score += signal.weight;
      reasons.push({ weight: signal.weight, text: signal.describe(found) });
    }
    if (score === 0) continue;
    const reason = reasons
      .sort((a, b) => b.weight - a.weight)
      .map((r) => r.text)
      .join('; ');
    suggestions.push({ start, end, text: sentenceText, score, reason: reason.charAt(0).toUpperCase() + reason.slice(1) });
  }
  return suggestions.sort((a, b) => b.score - a.score || a.start - b.start).slice(0, limit);
}
