'use client';

import { Bar, BarChart, Cell, LabelList, XAxis, YAxis } from 'recharts';
import { formatCount } from '@/lib/format';

export interface VerdictCount {
  label: string;
  color: string;
  count: number;
  /** Place in the verdict scale. */
  position: number;
}

/**
 * The verdict mix across all articles as horizontal bars (recharts), each in its verdict's colour
 * and labelled with its count, so that colour is never the only cue. Screen readers get the same
 * figures as a sentence.
 */
export function VerdictMixChart({ data }: { data: VerdictCount[] }) {
  const total = data.reduce((sum, d) => sum + d.count, 0);
  const summary = `Verdicts across all articles: ${data.map((d) => `${d.label} ${d.count}`).join(', ')}; ${total} in all.`;
  return (
    <figure className="verdict-mix-chart" data-testid="verdict-mix-chart">
      <div role="img" aria-label={summary}>
        {/* As wide as the narrowest dashboard panel (300 px less its padding), so that it is never scaled down. */}
        <BarChart width={268} height={Math.max(80, data.length * 30 + 10)} data={data} layout="vertical" margin={{ top: 0, right: 36, bottom: 0, left: 8 }} accessibilityLayer={false}>
          <XAxis type="number" hide allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={110} tickLine={false} axisLine={false} tick={{ fill: 'currentColor', fontSize: 13 }} />
          <Bar dataKey="count" isAnimationActive={false} barSize={18} radius={[0, 3, 3, 0]}>
            {data.map((d) => (
              <Cell key={d.label} fill={d.color} />
            ))}
            <LabelList dataKey="count" position="right" fill="currentColor" fontSize={13} />
          </Bar>
        </BarChart>
      </div>
      <figcaption className="muted small">{formatCount(total, 'verdict')} given across all articles</figcaption>
    </figure>
  );
}
