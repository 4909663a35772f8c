// Auth.js v5 configuration: credentials against our own users table, JWT sessions
// carrying only the user id (roles are loaded fresh on every request).
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireEnv } from '@/lib/env';
import { clientIp } from '@/lib/http/client-address';
import { type SignInFailure, signInWithPassword } from './sign-in';

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
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
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
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const sub = 'token' in message ? message.token?.sub : undefined;
      if (sub) await recordAudit(getDb(), { actorId: sub, actorLabel: sub, action: 'auth.sign_out', entityType: 'user', entityId: sub });
    },
  },
}));
