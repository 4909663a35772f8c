import { FlaskConical } from 'lucide-react';
import { getDb } from '@/db/client';
import { demoAccountsPresent } from '@/lib/system/demo-accounts';

/** A slim note on every page while the published demo accounts exist in this database. */
export async function DemoBanner() {
  let demo = false;
  try {
    demo = await demoAccountsPresent(getDb());
  } catch (e) {
    // The page itself says what is wrong with the database; the note is not worth failing it for.
    console.error('[vigil] demo account check failed:', e instanceof Error ? e.message : e);
  }
  if (!demo) return null;
  return (
    <p
      role="note"
      data-testid="demo-banner"
      className="flex items-center justify-center gap-2 border-b border-amber-300 bg-amber-100 px-3 py-1 text-center text-sm text-amber-950 print:border print:bg-white"
    >
      <FlaskConical aria-hidden className="size-4 shrink-0" />
      <span>
        <strong>Demo data — not for real use.</strong>
        <span className="hidden sm:inline"> Its sign-in details are public.</span>
      </span>
    </p>
  );
}
