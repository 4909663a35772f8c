'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { signIn } from '@/lib/auth/auth';

export type SignInState = { error?: string; fieldErrors?: Record<string, string>; email?: string };

const form = z.object({
  email: z.string().trim().email('Enter your email address, like name@example.com.'),
  password: z.string().min(1, 'Enter your password.'),
  totp: z.string().trim().optional(),
  callbackUrl: z.string().optional(),
});

const MESSAGES: Record<string, string> = {
  invalid: 'That email and password don’t match an active account. Check them and try again.',
  mfa_required: 'Enter the 6-digit authentication code from your authenticator app.',
  mfa_invalid: 'That authentication code is not right or has expired. Enter the newest code from your app.',
  // The block starts at a minute and grows with further failures (lib/auth/sign-in.ts);
  // accounts with two-step sign-in get in meanwhile with the right password and code.
  rate_limited:
    'Too many attempts. Wait a few minutes, then try again. If you use an authentication code, enter it with your password to sign in now. Or ask an administrator to help.',
};

/** Only same-site paths: an attacker-supplied callbackUrl must not send people elsewhere. */
const safePath = (url: string | undefined) => (url && url.startsWith('/') && !url.startsWith('//') ? url : '/');

export async function signInAction(_prev: SignInState, data: FormData): Promise<SignInState> {
  const parsed = form.safeParse(Object.fromEntries(data));
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { fieldErrors, email: String(data.get('email') ?? '') };
  }
  const { email, password, totp, callbackUrl } = parsed.data;
  try {
    await signIn('credentials', { email, password, totp: totp ?? '', redirectTo: safePath(callbackUrl) });
    return {};
  } catch (e) {
    if (e instanceof CredentialsSignin) return { error: MESSAGES[e.code] ?? MESSAGES.invalid, email };
    if (e instanceof AuthError)
      return { error: 'Sign-in is not available right now. Please try again in a minute.', email };
    throw e; // the redirect after a successful sign-in
  }
}
