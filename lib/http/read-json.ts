import { AppError, Invalid } from '@/lib/errors';

export class PayloadTooLarge extends AppError {
  constructor(limitBytes: number) {
    super(`The request body is larger than ${Math.round(limitBytes / 1024)} KB.`, 413, 'too_large');
  }
}

export class UnsupportedMediaType extends AppError {
  constructor(expected: string) {
    super(`Send the body as ${expected}.`, 415, 'unsupported_media_type');
  }
}

export const JSON_TYPE = /^application\/(.+\+)?json\b/i;
export const XML_TYPE = /^(application|text)\/(.+\+)?xml\b/i;

/**
 * Reads a body as a stream and stops at `limitBytes`: a chunked upload with no (or a false)
 * Content-Length is refused after at most one chunk past the limit instead of being buffered
 * whole. The stream is left unread rather than cancelled: cancelling destroys the socket, and
 * the caller would see a reset instead of the 413 (which closes the connection, see api-route).
 */
export async function readBody(
  req: Request,
  limitBytes: number,
  tooLarge: () => Error = () => new PayloadTooLarge(limitBytes),
): Promise<Buffer<ArrayBuffer>> {
  if (Number(req.headers.get('content-length') ?? 0) > limitBytes) throw tooLarge();
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limitBytes) throw tooLarge();
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks, total);
}

/** Reads a body as text with a content-type check and a size cap; both fail with a clear 4xx. */
export async function readText(req: Request, limitBytes: number, accepted: RegExp, expected: string): Promise<string> {
  if (!accepted.test(req.headers.get('content-type') ?? '')) throw new UnsupportedMediaType(expected);
  return (await readBody(req, limitBytes)).toString('utf8');
}

/**
 * Reads a multipart/form-data body within `limitBytes`, then parses it from memory: the
 * platform's formData() would otherwise buffer an unbounded upload before any check.
 */
export async function readFormData(req: Request, limitBytes: number, tooLarge?: () => Error): Promise<FormData> {
  const bytes = await readBody(req, limitBytes, tooLarge);
  return new Response(bytes, { headers: { 'content-type': req.headers.get('content-type') ?? '' } }).formData();
}

/** Reads a JSON body (size cap, content type) and parses it, or throws a 4xx. */
export async function readJson(req: Request, limitBytes: number): Promise<unknown> {
  const text = await readText(req, limitBytes, JSON_TYPE, 'application/json');
  try {
    return JSON.parse(text);
  } catch {
    throw new Invalid('The body is not valid JSON.');
  }
}
