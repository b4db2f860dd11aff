// Small helpers shared by the benchmark's workloads: statistics, process memory, a PRNG, logins,
// and the plain-text table.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Nearest-rank percentile of an array of numbers (sorted here). */
export function percentile(values, p) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function median(values) {
  return percentile(values, 50);
}

export function summarize(values) {
  if (!values.length) return { n: 0, p50: null, p99: null, mean: null, max: null };
  const sum = values.reduce((a, b) => a + b, 0);
  return { n: values.length, p50: percentile(values, 50), p99: percentile(values, 99), mean: sum / values.length, max: Math.max(...values) };
}

/** Resident set size of a process in KiB (VmRSS), or null when it is gone. */
export function rssKb(pid) {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** CPU time (user + system) a process has used so far, in ms; null when it is gone. */
export function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces), closed by the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/**
 * CPU time used so far by every PostgreSQL process on the machine (server, backends, WAL writer…),
 * in ms: the database's share of a phase is the difference between two readings. A backend that
 * exits in between takes its time with it; the app and the bench keep their connections pooled.
 */
export function postgresCpuMs() {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
    } catch {
      continue;
    }
    total += cpuMs(entry) ?? 0;
  }
  return total;
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Median of a few RSS samples, to smooth over a GC in progress. */
export async function steadyRssKb(pid, samples = 5, intervalMs = 200) {
  const values = [];
  for (let i = 0; i < samples; i++) {
    const value = rssKb(pid);
    if (value !== null) values.push(value);
    if (i < samples - 1) await sleep(intervalMs);
  }
  return median(values);
}

/** Samples a process's RSS every `intervalMs` until stopped; reports the peak. */
export function startRssSampler(pid, intervalMs = 20) {
  let peak = rssKb(pid) ?? 0;
  let count = 0;
  const timer = setInterval(() => {
    const value = rssKb(pid);
    count += 1;
    if (value !== null && value > peak) peak = value;
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const value = rssKb(pid);
      if (value !== null && value > peak) peak = value;
      return { peakKb: peak, samples: count };
    },
  };
}

export function childPids(pid) {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when there are none.
  }
}

/** Every descendant of `pid`, each with its depth and command line. */
export function descendants(pid, depth = 1) {
  const found = [];
  for (const child of childPids(pid)) {
    found.push({ pid: child, depth, cmdline: cmdline(child) });
    found.push(...descendants(child, depth + 1));
  }
  return found;
}

export function cmdline(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return '';
  }
}

/** The deepest descendant whose command line matches, i.e. the process doing the work (not a wrapper). */
export function deepestMatching(rootPid, pattern) {
  const matches = descendants(rootPid).filter((p) => pattern.test(p.cmdline));
  matches.sort((a, b) => b.depth - a.depth);
  return matches[0]?.pid ?? null;
}

/** Deterministic PRNG (mulberry32), so every run builds the same article and requests. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
  };
}

let idCounter = 0;
/** A unique id in the shape of the app's (cuid-like: lowercase letters and digits). */
export function newId(prefix = 'b') {
  idCounter += 1;
  return `${prefix}${Date.now().toString(36)}${idCounter.toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

/** The W3C selectors the app stores for a range (lib/anchoring/selectors.ts; no surrogates in bench text). */
export function describeRange(text, start, end) {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(end, Math.min(text.length, end + 32)),
  };
}

/**
 * Signs in through next-auth's credentials provider the way the login form does and returns the
 * Cookie header value of the session.
 */
export async function login(baseUrl, email, password) {
  const jar = new Map();
  const keep = (response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair.indexOf('=');
      jar.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrfResponse);
  const { csrfToken } = await csrfResponse.json();
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true', callbackUrl: baseUrl }),
  });
  keep(response);
  await response.arrayBuffer().catch(() => {});
  const session = [...jar.keys()].find((name) => name.endsWith('next-auth.session-token'));
  if (!session) throw new Error(`login as ${email} failed (HTTP ${response.status}, no session cookie)`);
  return { cookieHeader: header(), cookies: [...jar].map(([name, value]) => ({ name, value })) };
}

export function fmtMs(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '-';
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 100) return `${Math.round(value)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  if (value === 0) return '0 ms';
  return `${value.toFixed(2)} ms`;
}

export function fmtNumber(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) return '-';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function fmtKb(kb) {
  if (kb === null || kb === undefined || Number.isNaN(kb)) return '-';
  if (Math.abs(kb) >= 1024) return `${(kb / 1024).toFixed(1)} MB`;
  return `${Math.round(kb)} KB`;
}

export function ratio(a, b) {
  if (a === null || b === null || a === undefined || b === undefined || !b) return null;
  return a / b;
}

/** Left-aligned plain-text table. */
export function formatTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (cells) => cells.map((c, i) => String(c ?? '').padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Runs `worker(i)` for i in [0, count) with `concurrency` in flight; stops early past `deadline`. */
export async function runPool(count, concurrency, worker, deadline = Infinity) {
  let next = 0;
  let done = 0;
  const lanes = Array.from({ length: concurrency }, async (_, lane) => {
    for (;;) {
      if (Date.now() > deadline) return;
      const i = next++;
      if (i >= count) return;
      await worker(i, lane);
      done += 1;
    }
  });
  await Promise.all(lanes);
  return done;
}

/** A V8 CPU profile's samples, each with its time, duration and "function file:line:column". */
export function cpuSamples(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const out = [];
  let ts = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    ts += delta;
    const frame = nodes.get(id).callFrame;
    const file = frame.url ? frame.url.split('/').pop() : '';
    out.push({ ts, ms: (profile.timeDeltas[i + 1] ?? delta) / 1000, key: `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}` });
  });
  return out;
}

/** Where a CPU profile's busy time went: by function (self time) and by file, largest first, in ms. */
export function selfTimes(profile) {
  const byFunction = new Map();
  const byFile = new Map();
  let busy = 0;
  for (const s of cpuSamples(profile)) {
    if (s.key.startsWith('(idle)')) continue;
    busy += s.ms;
    byFunction.set(s.key, (byFunction.get(s.key) ?? 0) + s.ms);
    const file = s.key.split(' ').at(-1).split(':')[0] || s.key;
    byFile.set(file, (byFile.get(file) ?? 0) + s.ms);
  }
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]);
  return { busy, byFunction: sorted(byFunction), byFile: sorted(byFile) };
}
