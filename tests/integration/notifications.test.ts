import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { NextRequest } from 'next/server';
import * as articleAnnotations from '@/app/api/articles/[id]/annotations/route';
import * as commentsRoute from '@/app/api/annotations/[id]/comments/route';
import * as statusRoute from '@/app/api/annotations/[id]/status/route';
import * as assignmentsRoute from '@/app/api/articles/[id]/assignments/route';
import * as notificationsRoute from '@/app/api/notifications/route';
import * as readRoute from '@/app/api/notifications/read/route';
import * as streamRoute from '@/app/api/notifications/stream/route';
import * as mentionableRoute from '@/app/api/users/mentionable/route';
import { NOTIFICATION_EVENTS_CHANNEL } from '@/lib/events/article-events';
import { seedDatabase } from '@/lib/seed/seed-database';
import { apiTokenFor, call } from '../support/api';
import { createArticle, createUser, db } from '../support/db';

const text = 'The Vellmar ferry carries 3,000 passengers a day.\nIt runs every hour.\n';
const passage = 'The Vellmar ferry carries 3,000 passengers a day';
type Person = { id: string; token: string; name: string };
let author: Person;
let commenter: Person;
let mentioned: Person;
let editor: Person;
let articleId = '';
let annotationId = '';
const heard: string[] = [];
const listener = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });

async function person(role: 'REVIEWER' | 'EDITOR', name: string): Promise<Person> {
  const user = await createUser(role, { name });
  return { id: user.id, token: await apiTokenFor(user.id), name };
}
const inbox = async (who: Person) => (await call(notificationsRoute.GET, 'GET', { token: who.token })).json;

beforeAll(async () => {
  await seedDatabase(db, { SEED_ADMIN_PASSWORD: 'x'.repeat(16), SEED_EDITOR_PASSWORD: 'y'.repeat(16), SEED_REVIEWER_PASSWORD: 'z'.repeat(16) } as unknown as NodeJS.ProcessEnv);
  const stamp = Date.now().toString(36);
  author = await person('REVIEWER', `Ada Author ${stamp}`);
  commenter = await person('REVIEWER', `Cy Commenter ${stamp}`);
  mentioned = await person('REVIEWER', `Mo Mentioned ${stamp}`);
  editor = await person('EDITOR', `Ed Editor ${stamp}`);
  articleId = (await createArticle(text, 'Vellmar ferry')).id;
  const created = await call(articleAnnotations.POST, 'POST', {
    token: author.token,
    params: { id: articleId },
    body: { start: 0, end: passage.length, exact: passage, verdict: 'true', sources: [{ url: 'https://example.org/vellmar' }], submit: true },
  });
  annotationId = created.json.annotation.id;
  await listener.listen(NOTIFICATION_EVENTS_CHANNEL, (payload) => heard.push(payload));
});

afterAll(async () => {
  await listener.end();
});

describe('notifications', () => {
  it('tells the mentioned user and the annotation’s author about a comment, once each, and not the commenter', async () => {
    const body = `@${mentioned.name} can you confirm the count? Also @${commenter.name} and @Nobody Atall.`;
    const res = await call(commentsRoute.POST, 'POST', { token: commenter.token, params: { id: annotationId }, body: { body } });
    expect(res.status).toBe(201);
    const forMentioned = await inbox(mentioned);
    expect(forMentioned.unread).toBe(1);
    expect(forMentioned.notifications[0]).toMatchObject({ kind: 'mention', actor: { id: commenter.id }, article: { id: articleId, title: 'Vellmar ferry' }, annotationId, excerpt: body, blind: false, read: false });
    expect((await inbox(author)).notifications.map((n: { kind: string }) => n.kind)).toEqual(['comment']);
    expect((await inbox(commenter)).unread).toBe(0);
    // Announced after the commit, to the recipients only.
    await expect.poll(() => heard.filter((id) => id === mentioned.id || id === author.id).length).toBe(2);
    expect(heard).not.toContain(commenter.id);
  });

  it('a mention of the author gives them one notification, the mention', async () => {
    await call(commentsRoute.POST, 'POST', { token: commenter.token, params: { id: annotationId }, body: { body: `@${author.name.toLowerCase()}, thoughts?` } });
    const kinds = (await inbox(author)).notifications.map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(['mention', 'comment']);
    // A name inside a longer word is not a mention.
    await call(commentsRoute.POST, 'POST', { token: commenter.token, params: { id: annotationId }, body: { body: `email @${mentioned.name}x please` } });
    expect((await inbox(mentioned)).notifications.filter((n: { kind: string }) => n.kind === 'mention')).toHaveLength(1);
  });

  it('tells the author when their annotation is sent back or approved, and a reviewer when assigned (once)', async () => {
    const back = await call(statusRoute.POST, 'POST', { token: editor.token, params: { id: annotationId }, body: { version: 1, action: 'request_changes', note: 'Which day was counted?' } });
    expect(back.status).toBe(200);
    const resubmitted = await call(statusRoute.POST, 'POST', { token: author.token, params: { id: annotationId }, body: { version: back.json.annotation.version, action: 'submit' } });
    await call(statusRoute.POST, 'POST', { token: editor.token, params: { id: annotationId }, body: { version: resubmitted.json.annotation.version, action: 'approve' } });
    const kinds = (await inbox(author)).notifications.map((n: { kind: string; excerpt: string }) => [n.kind, n.excerpt]);
    expect(kinds.slice(0, 2)).toEqual([
      ['approved', passage],
      ['changes_requested', 'Which day was counted?'],
    ]);
    for (let i = 0; i < 2; i++) {
      const assigned = await call(assignmentsRoute.PUT, 'PUT', { token: editor.token, params: { id: articleId }, body: { userIds: [mentioned.id] } });
      expect(assigned.status).toBe(200);
    }
    expect((await inbox(mentioned)).notifications.filter((n: { kind: string }) => n.kind === 'assigned')).toHaveLength(1);
  });

  it('marks read only the caller’s own notifications, by id or all at once', async () => {
    const mine = (await inbox(author)).notifications;
    const theirs = (await inbox(mentioned)).notifications;
    const before = (await inbox(mentioned)).unread;
    const res = await call(readRoute.POST, 'POST', { token: author.token, body: { ids: [mine[0].id, theirs[0].id] } });
    expect(res.status).toBe(200);
    expect(res.json.unread).toBe(mine.length - 1);
    expect((await inbox(mentioned)).unread).toBe(before);
    expect((await call(readRoute.POST, 'POST', { token: author.token, body: { all: true } })).json.unread).toBe(0);
    for (const body of [{}, { ids: [] }, { all: false }, { ids: 'x' }]) expect((await call(readRoute.POST, 'POST', { token: author.token, body })).status).toBe(422);
  });

  it('under blind review, a mention on another reviewer’s annotation does not show what was said until the mentioned reviewer has submitted their own check', async () => {
    const blindArticle = (await createArticle(text, 'Vellmar ferry, blind')).id;
    await db.article.update({ where: { id: blindArticle }, data: { blindReview: true } });
    const check = (who: Person, verdict: string) =>
      call(articleAnnotations.POST, 'POST', {
        token: who.token,
        params: { id: blindArticle },
        body: { start: 0, end: passage.length, exact: passage, verdict, sources: [{ url: 'https://example.org/vellmar' }], submit: true },
      });
    const theirs = (await check(author, 'false')).json.annotation.id;
    const body = `@${mentioned.name} I rated this False: the operator's own report says 1,200 a day.`;
    expect((await call(commentsRoute.POST, 'POST', { token: editor.token, params: { id: theirs }, body: { body } })).status).toBe(201);
    const mention = async () => (await inbox(mentioned)).notifications.find((n: { annotationId: string; kind: string }) => n.annotationId === theirs && n.kind === 'mention');
    expect(await mention()).toMatchObject({ kind: 'mention', blind: true, excerpt: '' });
    // The author (their own annotation) sees the comment.
    expect((await inbox(author)).notifications.find((n: { annotationId: string }) => n.annotationId === theirs)).toMatchObject({ kind: 'comment', blind: false, excerpt: body });
    // Once the mentioned reviewer has submitted their own check of the passage, it shows.
    expect((await check(mentioned, 'true')).status).toBe(201);
    expect(await mention()).toMatchObject({ blind: false, excerpt: body });
  });

  it('streams the unread count as a server-sent event, and lists people to mention', async () => {
    const controller = new AbortController();
    const req = new NextRequest('http://localhost/api/notifications/stream', { headers: { authorization: `Bearer ${mentioned.token}` }, signal: controller.signal });
    const res = await streamRoute.GET(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    let received = '';
    while (!received.includes('event: unread')) received += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    await reader.cancel();
    expect(received).toMatch(new RegExp(`event: unread\\ndata: ${(await inbox(mentioned)).unread}\\n\\n`));
    const people = (await call(mentionableRoute.GET, 'GET', { token: author.token })).json.users;
    expect(people.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining([mentioned.name, commenter.name]));
  });
});
