import type { Metadata } from 'next';
import { requirePage } from '@/lib/auth/require-page';
import { listVerdicts } from '@/lib/verdicts/list-verdicts';
import { VerdictScaleEditor } from '@/components/admin/verdict-scale-editor';

export const metadata: Metadata = { title: 'Verdict scale' };

export default async function VerdictsPage() {
  const user = await requirePage('/admin/verdicts');
  return (
    <>
      <h1>Verdict scale</h1>
      <p className="muted">The verdicts reviewers choose from. Colours need white text to stay readable on them; the label always shows beside the colour.</p>
      <VerdictScaleEditor initial={await listVerdicts(user)} />
    </>
  );
}
