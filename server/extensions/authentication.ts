import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import { can } from '@/lib/auth/permissions';
import { sessionEnded } from '@/lib/auth/session-ended';
import { verifyCollabToken, type CollabTokenClaims } from '@/lib/collab/collab-token';
import { articleIdFromDocumentName } from '@/lib/collab/document-name';
import type { PrismaClient } from '@/lib/prisma-client';
import type { CollabContext } from '../collab-context';
import { ConnectionRefused } from '../socket-close';

/**
 * Who may open which document, asked of the same permissions table as the HTTP routes. The token
 * only names the user and their session: role, active state, a password reset and the sessions a
 * password change ended come from the database, so a demoted, deactivated or held user's unexpired
 * token, or one issued to a session signed out since, opens nothing more than they may open now.
 */
export class Authentication implements Extension<CollabContext> {
  extensionName = 'factcheck-authentication';

  constructor(private readonly deps: { prisma: PrismaClient; tokenSecret: string }) {}

  async onAuthenticate({ token, documentName, connectionConfig }: onAuthenticatePayload<CollabContext>): Promise<CollabContext> {
    const articleId = articleIdFromDocumentName(documentName);
    if (!articleId) throw new ConnectionRefused('unknown-document');

    const claims = await this.verify(token);
    const user = await this.deps.prisma.user.findUnique({
      where: { id: claims.userId },
      select: { id: true, name: true, role: true, active: true, mustChangePassword: true, sessionsValidFrom: true },
    });
    if (!user?.active) throw new ConnectionRefused('inactive-user');
    if (user.mustChangePassword) throw new ConnectionRefused('password-reset');
    if (claims.session && sessionEnded(user.sessionsValidFrom, claims.session.signedInAt)) throw new ConnectionRefused('session-ended');
    if (!can(user.role, 'article:read')) throw new ConnectionRefused('forbidden');

    const article = await this.deps.prisma.article.findUnique({ where: { id: articleId }, select: { id: true } });
    if (!article) throw new ConnectionRefused('unknown-document');

    // Read-only connections have their document updates refused by Hocuspocus itself, whatever
    // the client sends; awareness (carets) still flows.
    connectionConfig.readOnly = !can(user.role, 'article:correct');
    return { user: { id: user.id, name: user.name, role: user.role }, session: claims.session };
  }

  private async verify(token: string): Promise<CollabTokenClaims> {
    try {
      return await verifyCollabToken(token, this.deps.tokenSecret);
    } catch {
      throw new ConnectionRefused('invalid-token');
    }
  }
}
