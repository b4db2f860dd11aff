import { NextResponse } from 'next/server';
import { z } from 'zod';
import { apiRoute, clientIp } from '@/lib/api/route';
import { exportFormats } from '@/lib/export/index';
import { renderReportOffThread } from '@/lib/export/render-off-thread';
import { loadReport } from '@/lib/export/load-report';

export const dynamic = 'force-dynamic';

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const query = z.strictObject({
  format: z.enum(exportFormats),
  approvedOnly: flag.default(false),
  comments: flag.default(false),
});

export const GET = apiRoute<{ id: string }>('export:create', async ({ req, user, params }) => {
  const url = new URL(req.url);
  const { format, approvedOnly, comments } = query.parse(Object.fromEntries(url.searchParams));
  const report = await loadReport(user, params.id, { approvedOnly, includeComments: comments }, format, url.origin, clientIp(req));
  const rendered = await renderReportOffThread(report, format);
  const body = typeof rendered.body === 'string' ? rendered.body : new Uint8Array(rendered.body);
  return new NextResponse(body, {
    headers: {
      'content-type': rendered.contentType,
      'content-disposition': `attachment; filename="${rendered.fileName}"`,
      'cache-control': 'no-store',
      // How many annotations the report holds: the export menu tells an editor when it is none.
      'x-report-annotations': String(report.annotations.length),
    },
  });
});
