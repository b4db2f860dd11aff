'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';

type Mode = 'paste' | 'upload';

/** Editors' intake: metadata plus pasted text or an uploaded .txt, .md, .html or .docx file. */
export function NewArticleForm() {
  const [mode, setMode] = useState<Mode>('upload');
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [pending, setPending] = useState(false);
  const router = useRouter();

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
      <div className="field">
        <label htmlFor="title">Title</label>
        <input id="title" name="title" required maxLength={300} aria-invalid={invalid('title')} />
      </div>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="outlet">Outlet</label>
          <input id="outlet" name="outlet" required maxLength={200} aria-invalid={invalid('outlet')} />
        </div>
        <div className="field">
          <label htmlFor="author">Author</label>
          <input id="author" name="author" maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="url">Original URL</label>
          <input id="url" name="url" type="url" placeholder="https://" aria-invalid={invalid('url')} />
        </div>
        <div className="field">
          <label htmlFor="publishedAt">Published</label>
          <input id="publishedAt" name="publishedAt" type="date" aria-invalid={invalid('publishedAt')} />
        </div>
      </div>
      <fieldset className="field">
        <legend>Text</legend>
        <div className="mode-switch">
          <label>
            <input type="radio" name="mode" checked={mode === 'upload'} onChange={() => setMode('upload')} /> Upload a file
          </label>
          <label>
            <input type="radio" name="mode" checked={mode === 'paste'} onChange={() => setMode('paste')} /> Paste text
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
            <textarea id="text" name="text" rows={14} required aria-invalid={invalid('text')} />
          </>
        )}
      </fieldset>
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? 'Importing…' : 'Create article'}
      </button>
    </form>
  );
}
