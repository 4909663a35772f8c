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

/** Reads a body as text with a content-type check and a size cap; both fail with a clear 4xx. */
export async function readText(req: Request, limitBytes: number, accepted: RegExp, expected: string): Promise<string> {
  if (!accepted.test(req.headers.get('content-type') ?? '')) throw new UnsupportedMediaType(expected);
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > limitBytes) throw new PayloadTooLarge(limitBytes);
  const text = await req.text();
  if (Buffer.byteLength(text) > limitBytes) throw new PayloadTooLarge(limitBytes);
  return text;
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
