import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeArticleHtml } from '@/lib/articles/import/html-to-text';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url)), 'utf8');

describe('sanitizeArticleHtml', () => {
  it('keeps only the allow-list: no scripts, handlers, javascript: links, images or frames', () => {
    const html = sanitizeArticleHtml(
      '<p onclick="x()" style="color:red">a <a href="javascript:alert(1)">bad</a> <a href="/relative">rel</a> ' +
        '<a href="https://example.com" target="_blank">good</a> <a href="mailto:desk@example.com">mail</a>' +
        '<img src="x" onerror="alert(1)"></p><script>alert(1)</script><style>p{}</style>' +
        '<iframe src="https://evil.example"><p>fallback</p></iframe><svg><title>icon</title></svg>',
    );
    expect(html).toBe(
      '<p>a <a>bad</a> <a>rel</a> <a href="https://example.com">good</a> <a href="mailto:desk@example.com">mail</a></p>',
    );
  });
});

describe('htmlToText', () => {
  it('turns a whole page into one line per block, with its <title>', () => {
    expect(htmlToText(fixture('article.html'))).toEqual({
      title: 'Kremlin & the peace plan',
      text: [
        'Home',
        'Peace plan not rejected',
        'Kremlin spokesman Dmitry Peskov said Russia is not rejecting the plan, calling it a “normal negotiation process.”',
        'Read the statement or the full report.',
        'Key points',
        '• Four documents were presented',
        '• Talks continue',
        '1. First step',
        '2. Second step',
        'Some things were accepted, some were marked as unacceptable.',
        'Tom & Jerry <3 “numeric” café',
        '',
      ].join('\n'),
    });
  });

  it('drops script, style, iframe and noscript content entirely', () => {
    const { text } = htmlToText(
      '<p>before</p><script>var s = "<p>hidden</p>";</script><style>.x{}</style><iframe><p>frame</p></iframe>' +
        '<noscript>enable</noscript><template><p>tpl</p></template><p>after</p>',
    );
    expect(text).toBe('before\nafter\n');
  });

  it('collapses whitespace inside blocks and leaves no empty lines', () => {
    const { text } = htmlToText('\n\n<p>  one\n\t two  </p>\n\n<p> </p><p>&nbsp;</p><br><br><p>three</p>\n');
    expect(text).toBe('one two\nthree\n');
  });

  it('decodes named and numeric entities', () => {
    expect(htmlToText('<p>AT&amp;T&nbsp;&lt;tag&gt; &#8217; &#x201C;x&#x201D; &eacute; R&D</p>').text).toBe('AT&T <tag> ’ “x” é R&D\n');
  });

  it('flattens nested inline tags into the text of their block', () => {
    expect(htmlToText('<p>a <b>bold <i>and <u>under</u></i></b><span>glued</span> <code>x</code></p>').text).toBe(
      'a bold and underglued x\n',
    );
  });

  it('splits on <br> and <hr>, and keeps containers like <div> and table cells apart', () => {
    expect(htmlToText('<div>one<br>two</div><div>three<hr>four</div><table><tr><td>c1</td><td>c2</td></tr></table>').text).toBe(
      'one\ntwo\nthree\nfour\nc1\nc2\n',
    );
  });

  it('numbers ordered lists from their start and marks nested items', () => {
    expect(htmlToText('<ol start="3"><li>three<ol><li>inner</li></ol></li><li>four</li></ol><ul><li></li><li>x</li></ul>').text).toBe(
      '3. three\n1. inner\n4. four\n• x\n',
    );
  });

  it('keeps blockquote lines as they are', () => {
    expect(htmlToText('<blockquote><p>one</p><p>two</p></blockquote>after').text).toBe('one\ntwo\nafter\n');
  });

  it('takes the first non-empty <h1> as the title when there is no <title>', () => {
    expect(htmlToText('<h2>Kicker</h2><h1> </h1><h1>The <em>real</em>\n headline</h1><h1>Other</h1>').title).toBe('The real headline');
    expect(htmlToText('<title>  </title><p>no heading</p>').title).toBeNull();
  });

  it('ignores an SVG <title> and reads the document title before sanitizing', () => {
    expect(htmlToText('<svg><title>icon</title></svg><title>Page</title><p>x</p>')).toEqual({ title: 'Page', text: 'x\n' });
  });

  it('flattens deep nesting and refuses nesting deeper than any browser keeps', () => {
    const nested = (levels: number) => `${'<div><span>'.repeat(levels)}deep${'</span></div>'.repeat(levels)}`;
    expect(htmlToText(nested(450)).text).toBe('deep\n');
    expect(htmlToText(`${'<p>sloppy'.repeat(5000)}`).text).toBe(`${'sloppy\n'.repeat(5000)}`);
    expect(() => htmlToText(nested(600))).toThrow(expect.objectContaining({ code: 'UNPROCESSABLE', details: { field: 'file' } }));
    expect(() => htmlToText('<div>'.repeat(1_000_000))).toThrow('The HTML is nested too deeply to import.');
    // Stray end tags close nothing, so they do not hide the depth.
    expect(() => htmlToText('<div></span>'.repeat(2000))).toThrow('The HTML is nested too deeply to import.');
    // Self-closing SVG shapes do not nest.
    expect(htmlToText(`<svg>${'<path d="M0 0"/>'.repeat(5000)}</svg><p>after</p>`).text).toBe('after\n');
  });
});
