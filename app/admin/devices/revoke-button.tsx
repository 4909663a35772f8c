'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { revokeDeviceAction } from './actions';

export function RevokeButton({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState(revokeDeviceAction, null);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(`Revoke "${name}"? Its key stops working at once and events it sends will be refused.`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" className="min-h-9 px-3" disabled={pending} aria-label={`Revoke ${name}`}>
        Revoke
      </Button>
      {state && !state.ok && <span role="alert" className="ml-2 text-sm text-red-800">{state.error}</span>}
    </form>
  );
}
