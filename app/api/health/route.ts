import { NextResponse } from 'next/server';
import { checkHealth, type Health } from '@/lib/health/check-health';

export const dynamic = 'force-dynamic';

export function healthResponse(health: Health): NextResponse {
  return NextResponse.json(health, { status: health.ok ? 200 : 503 });
}

export async function GET() {
  return healthResponse(await checkHealth());
}
