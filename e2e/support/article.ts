import { expect, type Page } from '@playwright/test';

export async function openSeedArticle(page: Page): Promise<void> {
  await page.goto('/articles');
  await page.locator('.article-list').getByRole('link', { name: /Kremlin says Russia is not rejecting/ }).click();
  await waitForArticle(page);
}

/** The article is shown and, when the collaboration server answers, bound to the live document. */
export async function waitForArticle(page: Page): Promise<void> {
  await expect(page.getByTestId('article-text')).toBeVisible();
  await expect(page.locator('.annotated-article[data-live="true"]')).toBeVisible({ timeout: 20_000 });
}

/** Selects a passage of the article text the way a mouse drag would (a DOM selection). */
export async function selectPassage(page: Page, passage: string, { toolbar = true } = {}): Promise<void> {
  await page.getByTestId('article-text').evaluate((root, wanted) => {
    // Highlight badges and collaborators' carets are widgets, not article text.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement?.closest('.fc-hl-badge, .collaboration-carets__caret') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const nodes: Text[] = [];
    let all = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push(node as Text);
      all += node.textContent;
    }
    const start = all.indexOf(wanted);
    if (start < 0) throw new Error(`passage not found: ${wanted}`);
    const end = start + wanted.length;
    const range = document.createRange();
    let offset = 0;
    for (const node of nodes) {
      const length = node.textContent!.length;
      if (start >= offset && start <= offset + length) range.setStart(node, start - offset);
      if (end >= offset && end <= offset + length) {
        range.setEnd(node, end - offset);
        break;
      }
      offset += length;
    }
    (root as HTMLElement).focus();
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, passage);
  if (toolbar) await expect(page.getByRole('button', { name: /Check claim/ })).toBeVisible();
}

/** The article's text as a reader sees it, without collaborators' caret labels or highlight badges. */
export async function visibleArticleText(page: Page): Promise<string> {
  return page.getByTestId('article-text').evaluate((root) => {
    const clone = root.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('.collaboration-carets__caret, .fc-hl-badge').forEach((node) => node.remove());
    return [...clone.querySelectorAll('p')].map((p) => p.textContent).join('\n');
  });
}
