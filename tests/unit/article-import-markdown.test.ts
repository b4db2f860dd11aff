import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { markdownToText } from '@/lib/articles/import/markdown-to-text';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url)), 'utf8');

const textOf = (md: string) => markdownToText(md).text;

describe('markdownToText', () => {
  it('converts a whole article, with its first # heading as the title', () => {
    expect(markdownToText(fixture('article.md'))).toEqual({
      title: 'Peace plan not rejected',
      text: [
        'Peace plan not rejected',
        'Kremlin spokesman Dmitry Peskov said Russia is not rejecting the plan, calling it a “normal negotiation process.”',
        'Read the full report or the statement.',
        'Key points',
        '• Four documents were presented',
        '• Talks continue despite open_questions',
        '1. First step',
        '2. Second step',
        'Some things were accepted, some were marked as unacceptable.',
        'curl https://example.com/report',
        '  --verbose',
        'Tom & Jerry',
        '',
      ].join('\n'),
    });
  });

  it('joins soft line breaks and keeps hard ones as new lines', () => {
    expect(textOf('one\ntwo\n\nthree  \nfour\\\nfive')).toBe('one two\nthree\nfour\nfive\n');
  });

  it('strips emphasis markers but not literal asterisks and underscores', () => {
    expect(textOf('**bold** *em* __strong__ _em_ ***both*** ~~gone~~ *a **b** c*')).toBe('bold em strong em both gone a b c\n');
    expect(textOf('5 * 3 * 2 and snake_case_name and \\*escaped\\*')).toBe('5 * 3 * 2 and snake_case_name and *escaped*\n');
  });

  it('keeps code spans literally, without their backticks', () => {
    expect(textOf('run `npm *test*` or ``a ` b``')).toBe('run npm *test* or a ` b\n');
  });

  it('reduces links to their text and drops images', () => {
    expect(textOf('[Wiki](https://en.wikipedia.org/wiki/A_(b) "t") ![alt](x.png) [ref][r] [r] <https://x.example> [![badge](b.svg)](https://ci)\n\n[r]: https://r.example')).toBe(
      'Wiki ref r https://x.example\n',
    );
    expect(textOf('[undefined][nope] stays')).toBe('[undefined][nope] stays\n');
  });

  it('makes list items lines, numbered as CommonMark numbers them', () => {
    expect(textOf('- a\n* b\n  - nested\n+ c\n\n1. one\n1. two\n   1. inner\n1. three')).toBe(
      '• a\n• b\n• nested\n• c\n1. one\n2. two\n1. inner\n3. three\n',
    );
  });

  it('does not start a list from a number inside a paragraph', () => {
    expect(textOf('The year ended in\n2019. A new one began.')).toBe('The year ended in 2019. A new one began.\n');
  });

  it('strips blockquote markers, nested ones too', () => {
    expect(textOf('> quoted\n> text\n>\n> > nested\n> # Heading in quote')).toBe('quoted text\nnested\nHeading in quote\n');
    expect(textOf('said:\n> the quote\nlazily continued\n> still quoted\n> > deeper')).toBe(
      'said:\nthe quote lazily continued still quoted\ndeeper\n',
    );
  });

  it('reads setext headings and drops thematic breaks', () => {
    expect(markdownToText('Title\n=====\n\nSub\n---\n\n***\n\ntext')).toEqual({ title: 'Title', text: 'Title\nSub\ntext\n' });
  });

  it('keeps code fences as lines, without the fences', () => {
    expect(textOf('~~~\n# not a heading\n\n- not a list\n> not a quote\n~~~\nafter')).toBe('# not a heading\n- not a list\n> not a quote\nafter\n');
    expect(textOf('> ```\n> quoted code\n> ```')).toBe('quoted code\n');
  });

  it('passes HTML blocks and inline HTML through htmlToText', () => {
    expect(textOf('<div>\n<p>one</p><p>two &amp; <b>three</b></p>\n</div>\n\n<script>\nalert(1)\n</script>\n\nH<sub>2</sub>O &copy; <img src=x onerror=alert(1)>')).toBe(
      'one\ntwo & three\nH2O ©\n',
    );
  });

  it('has no title without a level-one heading, and keeps a leading thematic break from eating text', () => {
    expect(markdownToText('## Only a subheading\n\ntext')).toEqual({ title: null, text: 'Only a subheading\ntext\n' });
    expect(textOf('---\n\nkept\n\n---\n\nalso kept')).toBe('kept\nalso kept\n');
  });

  it('stays linear on unclosed markers and long runs in one big paragraph', () => {
    // Each of these made an earlier, lazier pattern rescan to the end of the paragraph from every marker.
    const megabyte = (unit: string) => unit.repeat(Math.floor(1_000_000 / unit.length));
    for (const hostile of ['[', '**a ', '_a ', '<!--a ', '[a](x ', '<a x="', '>', `# ${' '.repeat(1_000_000)}x`]) {
      expect(typeof textOf(megabyte(hostile))).toBe('string');
    }
    expect(textOf(Array.from({ length: 1000 }, (_, i) => `${'`'.repeat(i + 1)}a `).join(''))).toContain('a');
  });
});
