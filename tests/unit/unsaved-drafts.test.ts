import { describe, expect, it } from 'vitest';
import { hasContent, relocate, sameDraft } from '@/components/annotations/unsaved-drafts';

const text = 'The tram carried 12 million passengers.\nFares were cut twice.\n';

describe('an unsaved claim check', () => {
  it('is worth keeping once anything is written or chosen', () => {
    const empty = { verdict: null, rationale: '  ', sources: [] };
    expect(hasContent(empty)).toBe(false);
    expect(hasContent({ ...empty, verdict: 'false' })).toBe(true);
    expect(hasContent({ ...empty, rationale: 'Not in the report.' })).toBe(true);
    expect(hasContent({ ...empty, sources: [{ url: '', title: '', publisher: '', excerpt: '', accessedAt: '2026-11-26', evidence: null }] })).toBe(false);
    expect(hasContent({ ...empty, sources: [{ url: 'https://example.org', title: '', publisher: '', excerpt: '', accessedAt: '', evidence: null }] })).toBe(true);
  });

  it('finds its passage again: at its offsets, else its only occurrence, else nowhere', () => {
    const at = { start: 9, end: 38, exact: 'carried 12 million passengers' };
    expect(relocate(at, text)).toEqual(at);
    expect(relocate(at, `Correction: ${text}`)).toEqual({ start: 21, end: 50, exact: at.exact });
    expect(relocate(at, `${text}${at.exact}\n`)).toEqual(at); // still at its offsets
    expect(relocate(at, `x${text}${at.exact}\n`)).toBeNull(); // moved, and twice in the text now
    expect(relocate(at, text.replace('12', '14'))).toBeNull();
  });

  it('tells changes from what the annotation says (what a save would send)', () => {
    const source = { url: 'https://example.org', title: 'Report', publisher: 'Office', excerpt: '', accessedAt: '2026-11-20', evidence: null };
    const saved = { verdict: 'false', rationale: 'Not in the report.', sources: [source] };
    expect(sameDraft(saved, { ...saved, sources: [{ ...source }] })).toBe(true);
    expect(sameDraft(saved, { ...saved, correctionNote: '   ' })).toBe(true);
    expect(sameDraft(saved, { ...saved, rationale: 'Not in the report!' })).toBe(false);
    expect(sameDraft(saved, { ...saved, verdict: 'misleading' })).toBe(false);
    expect(sameDraft(saved, { ...saved, sources: [{ ...source, title: 'Annual report' }] })).toBe(false);
    expect(sameDraft(saved, { ...saved, sources: [] })).toBe(false);
  });
});
