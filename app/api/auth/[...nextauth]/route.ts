import { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth/auth';
import { errorResponse } from '@/lib/http/api-route';
import { readBody } from '@/lib/http/read-json';

// Sign-in and sign-out forms are a few hundred bytes; Auth.js itself would read any body whole.
const MAX_BODY = 64 * 1024;

export const { GET } = handlers;

export async function POST(req: NextRequest): Promise<Response> {
  let body: Buffer<ArrayBuffer>;
  try {
    body = await readBody(req, MAX_BODY);
  } catch (e) {
    return errorResponse(e);
  }
  return handlers.POST(new NextRequest(req.url, { method: 'POST', headers: req.headers, body }));
}
