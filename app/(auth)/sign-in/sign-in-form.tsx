'use client';

import { Loader2 } from 'lucide-react';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { type SignInState, signInAction } from './actions';

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  const err = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {state.error}
        </p>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? '/'} />
      <div className="space-y-1">
        <Label htmlFor="email">Email</Label>
        <Input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email}
          aria-invalid={!!err.email} aria-describedby={err.email ? 'email-error' : undefined} />
        {err.email && <p id="email-error" className="text-sm text-red-800">{err.email}</p>}
      </div>
      <div className="space-y-1">
        <Label htmlFor="password">Password</Label>
        <Input id="password" name="password" type="password" autoComplete="current-password" required
          aria-invalid={!!err.password} aria-describedby={err.password ? 'password-error' : undefined} />
        {err.password && <p id="password-error" className="text-sm text-red-800">{err.password}</p>}
      </div>
      <div className="space-y-1">
        <Label htmlFor="totp">Authentication code</Label>
        <Input id="totp" name="totp" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={7}
          aria-describedby="totp-hint" />
        <p id="totp-hint" className="text-sm text-slate-600">
          The 6-digit code from your authenticator app. Managers, investigators and administrators need it.
        </p>
      </div>
      <Button type="submit" className="w-full" disabled={pending} aria-busy={pending}>
        {pending && <Loader2 aria-hidden className="size-4 animate-spin" />}
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
