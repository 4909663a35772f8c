import { Invalid } from '@/lib/errors';

/** A JSON body that must be an object; its fields are then validated by the lib verb's zod schema. */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new Invalid('Send a JSON object.');
  return body as Record<string, unknown>;
}
