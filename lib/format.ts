const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

// Intl formatting costs microseconds a call, and a report formats the same few days thousands of
// times: each (UTC) day's text is kept, up to a thousand days at a time.
const formattedDays = new Map<number, string>();
const dayMs = 86_400_000;

export function formatDate(date: Date): string {
  const time = date.getTime();
  if (Number.isNaN(time)) return dateFormat.format(date);
  const day = Math.floor(time / dayMs);
  let text = formattedDays.get(day);
  if (text === undefined) {
    if (formattedDays.size >= 1000) formattedDays.clear();
    text = dateFormat.format(date);
    formattedDays.set(day, text);
  }
  return text;
}

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

export function formatDateTime(date: Date | string): string {
  return dateTimeFormat.format(typeof date === 'string' ? new Date(date) : date);
}

/** "1 verdict", "2 verdicts", "0 verdicts": a count with its noun in the right number. */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? singular : plural}`;
}
