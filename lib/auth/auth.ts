// Auth.js v5 configuration: credentials against our own users table, JWT sessions
// carrying only the user id and a session id `sid` (roles are loaded fresh on every
// request; signing out records the sid as revoked, lib/auth/revoked-sessions.ts).
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireEnv } from '@/lib/env';
import { revokeSession, SESSION_MAX_AGE_SECONDS } from './revoked-sessions';
import { clientIp } from '@/lib/http/client-address';
import { type SignInFailure, signInWithPassword } from './sign-in';

declare module 'next-auth' {
  interface Session {
    /** This sign-in's id: getCurrentActor refuses it once revoked. */
    sid?: string;
  }
}

class SignInRefused extends CredentialsSignin {
  constructor(reason: SignInFailure) {
    super();
    this.code = reason;
  }
}

// A function config so the secret is read at request time, not at build time.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: requireEnv('AUTH_SECRET'),
  // Vigil runs behind its own server or an operator's proxy; the Host header is trusted.
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/sign-in' },
  // A refused sign-in is expected traffic (and audited); don't log it as a server error.
  logger: {
    error(error) {
      if (error.name === 'CredentialsSignin' || error instanceof CredentialsSignin) return;
      console.error('[auth]', error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, totp: {} },
      async authorize(credentials, request) {
        const result = await signInWithPassword(getDb(), credentials, clientIp(request));
        if (!result.ok) throw new SignInRefused(result.reason);
        return { id: result.userId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // `user` is set only at sign-in: each sign-in gets its own revocable id.
      if (user?.id) {
        token.sub = user.id;
        token.sid = crypto.randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (typeof token.sid === 'string') session.sid = token.sid;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const token = 'token' in message ? message.token : null;
      const sub = token?.sub;
      // The cookie is cleared in this browser; recording the sid also ends the session
      // anywhere a copy of the cookie is still in use (another tab's socket, a stolen copy).
      if (typeof token?.sid === 'string')
        await revokeSession(getDb(), token.sid, sub ?? null, token.exp ? new Date(token.exp * 1000) : undefined);
      if (sub)
        await recordAudit(getDb(), {
          actorId: sub,
          actorLabel: sub,
          action: 'auth.sign_out',
          entityType: 'user',
          entityId: sub,
        });
    },
  },
}));
