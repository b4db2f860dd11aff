'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { keptKey, writeKept } from '@/lib/client/kept-input';
import { useKeptInput } from '@/lib/client/use-kept-input';
import { RestoredNotice } from '@/components/ui/restored-notice';

type Mode = 'paste' | 'upload';
const FIELDS = ['title', 'outlet', 'author', 'url', 'publishedAt', 'text'] as const;
type Values = Record<(typeof FIELDS)[number], string> & { mode: Mode };
const empty: Values = { title: '', outlet: '', author: '', url: '', publishedAt: '', text: '', mode: 'upload' };
const isValues = (value: unknown): value is Values =>
  typeof value === 'object' && value !== null && FIELDS.every((f) => typeof (value as Values)[f] === 'string') && ((value as Values).mode === 'paste' || (value as Values).mode === 'upload');

/**
 * Editors' intake: metadata plus pasted text or an uploaded .txt, .md, .html or .docx file. What
 * is typed or pasted is kept in the browser until the article is created (lib/client/kept-input.ts):
 * a reload, or switching to "Upload a file" and back, loses none of it. A chosen file is not kept.
 */
export function NewArticleForm({ userId }: { userId: string }) {
  const key = keptKey('article', userId, 'new');
  const [values, setValues] = useState<Values>(empty);
  const [restored, setRestored] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [pending, setPending] = useState(false);
  const router = useRouter();
  const { mode } = values;

  useKeptInput(key, isValues, (kept) => {
    if (!kept) return;
    setValues(kept);
    setRestored(true);
  });

  const set = (patch: Partial<Values>) => {
    const next = { ...values, ...patch };
    setValues(next);
    writeKept(key, FIELDS.some((f) => next[f].trim()) ? next : null);
  };
  const field = (name: (typeof FIELDS)[number]) => ({ name, value: values[name], onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set({ [name]: e.target.value }) });

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (mode === 'paste') form.delete('file');
    else form.delete('text');
    const file = form.get('file');
    if (file instanceof File && file.size > 5 * 1024 * 1024) {
      setError({ message: 'The file is larger than 5 MB.', field: 'file' });
      return;
    }
    setPending(true);
    setError(null);
    try {
      const response = await fetch('/api/articles', { method: 'POST', body: form });
      const body = await response.json().catch(() => null);
      if (!response.ok) {
        setError({ message: body?.message ?? `The server answered ${response.status}.`, field: body?.field });
        setPending(false);
        return;
      }
      writeKept(key, null);
      router.push(`/articles/${body.article.id}`);
    } catch {
      setError({ message: 'Could not reach the server; nothing was saved. Try again.' });
      setPending(false);
    }
  }

  const invalid = (field: string) => error?.field === field || undefined;

  return (
    <form className="card new-article" onSubmit={onSubmit} aria-describedby={error ? 'new-article-error' : undefined}>
      {error && (
        <p id="new-article-error" role="alert" className="form-error">
          {error.message}
        </p>
      )}
      {restored && (
        <RestoredNotice
          testId="restored-article"
          message="What you typed here before is back."
          actionLabel="Clear the form"
          onAction={() => {
            set(empty);
            setRestored(false);
          }}
        />
      )}
      <div className="field">
        <label htmlFor="title">Title</label>
        <input id="title" {...field('title')} required maxLength={300} aria-invalid={invalid('title')} />
      </div>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="outlet">Outlet</label>
          <input id="outlet" {...field('outlet')} required maxLength={200} aria-invalid={invalid('outlet')} />
        </div>
        <div className="field">
          <label htmlFor="author">Author</label>
          <input id="author" {...field('author')} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="url">Original URL</label>
          <input id="url" {...field('url')} type="url" placeholder="https://" aria-invalid={invalid('url')} />
        </div>
        <div className="field">
          <label htmlFor="publishedAt">Published</label>
          <input id="publishedAt" {...field('publishedAt')} type="date" aria-invalid={invalid('publishedAt')} />
        </div>
      </div>
      <fieldset className="field">
        <legend>Text</legend>
        <div className="mode-switch">
          <label>
            <input type="radio" name="mode" checked={mode === 'upload'} onChange={() => set({ mode: 'upload' })} /> Upload a file
          </label>
          <label>
            <input type="radio" name="mode" checked={mode === 'paste'} onChange={() => set({ mode: 'paste' })} /> Paste text
          </label>
        </div>
        {mode === 'upload' ? (
          <>
            <label htmlFor="file">File (.txt, .md, .html or .docx, up to 5 MB)</label>
            <input id="file" name="file" type="file" accept=".txt,.md,.markdown,.html,.htm,.docx" required aria-invalid={invalid('file')} />
          </>
        ) : (
          <>
            <label htmlFor="text">Article text (one paragraph per line)</label>
            <textarea id="text" {...field('text')} rows={14} required aria-invalid={invalid('text')} />
          </>
        )}
      </fieldset>
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? 'Importing…' : 'Create article'}
      </button>
    </form>
  );
}
