// Server actions return a result object instead of throwing: typed lib errors become
// a message (and field errors) the form can show; anything else is logged, not shown.
import { randomUUID } from 'node:crypto';
import { AppError, Invalid } from '@/lib/errors';

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; code: string; fieldErrors?: Record<string, string> };

export async function runAction<T>(fn: () => Promise<T>, message?: string): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn(), message };
  } catch (e) {
    if (e instanceof Invalid) {
      const fieldErrors: Record<string, string> = {};
      for (const i of e.issues) fieldErrors[i.path] ??= i.message;
      return { ok: false, error: e.message, code: e.code, fieldErrors };
    }
    // `code` lets a caller (and the access matrix) tell a refusal from a validation error.
    if (e instanceof AppError) return { ok: false, error: e.message, code: e.code };
    const id = randomUUID();
    console.error(`[action] ${id} failed:`, e);
    return { ok: false, error: `Something went wrong on our side (reference ${id.slice(0, 8)}). Please try again.`, code: 'internal' };
  }
}

/** FormData → plain object, with empty strings as "not given". */
export const formObject = (data: FormData) =>
  Object.fromEntries([...data.entries()].filter(([, v]) => typeof v === 'string' && v.trim() !== '').map(([k, v]) => [k, String(v).trim()]));
