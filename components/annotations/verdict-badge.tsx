import type { AnnotationDto } from '@/lib/annotations/annotation-dto';

const statusLabel: Record<AnnotationDto['status'], string> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Submitted',
  APPROVED: 'Approved',
  CHANGES_REQUESTED: 'Changes requested',
};

export function VerdictBadge({ verdict, blind = false }: { verdict: { label: string; color: string } | null; blind?: boolean }) {
  if (blind) return <span className="verdict-badge none">Verdict hidden (blind review)</span>;
  if (!verdict) return <span className="verdict-badge none">No verdict</span>;
  return (
    <span className="verdict-badge" style={{ background: verdict.color }}>
      {verdict.label}
    </span>
  );
}

export function StatusPill({ status }: { status: AnnotationDto['status'] }) {
  return <span className={`status-pill status-${status.toLowerCase()}`}>{statusLabel[status]}</span>;
}

export { statusLabel };
