import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Not allowed' };

/** What a signed-in user sees (with HTTP 403) on a page their role may not open. */
export default function Forbidden() {
  return (
    <main id="content" className="page">
      <h1>Not allowed</h1>
      <p>Your role may not open this page. If you need it, ask an admin to change your role.</p>
      <p>
        <Link href="/articles">Back to the articles</Link>
      </p>
    </main>
  );
}
