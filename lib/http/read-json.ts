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

/** Reads a JSON body with a size cap and a content-type check; both fail with a clear 4xx. */
export async function readJson(req: Request, limitBytes: number): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) throw new UnsupportedMediaType('application/json');
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > limitBytes) throw new PayloadTooLarge(limitBytes);
  const text = await req.text();
  if (Buffer.byteLength(text) > limitBytes) throw new PayloadTooLarge(limitBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new Invalid('The body is not valid JSON.');
  }
}
