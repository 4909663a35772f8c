// Wraps every route handler: typed lib errors become JSON with the right status;
// anything unexpected is logged with a request id and never shown to the caller.
import { randomUUID } from 'node:crypto';
import { NextResponse } from 'next/server';
import { AppError, Invalid, TooManyRequests } from '@/lib/errors';

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    const body: Record<string, unknown> = { error: error.code, message: error.message };
    if (error instanceof Invalid && error.issues.length) body.issues = error.issues;
    const res = NextResponse.json(body, { status: error.status });
    if (error instanceof TooManyRequests) res.headers.set('Retry-After', String(error.retryAfterSeconds));
    // The rest of an oversized body is never read; closing the connection after the 413
    // frees it now instead of leaving a stalled upload holding the socket.
    if (error.status === 413) res.headers.set('Connection', 'close');
    return res;
  }
  const requestId = randomUUID();
  console.error(`[api] request ${requestId} failed:`, error);
  return NextResponse.json(
    { error: 'internal', message: 'Something went wrong on our side. Please try again.', requestId },
    { status: 500 },
  );
}

export function apiRoute<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Query-string parameters as a plain object for zod. */
export const searchParamsOf = (req: Request) => Object.fromEntries(new URL(req.url).searchParams);
