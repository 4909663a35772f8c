// Typed errors thrown by lib/ and translated once per entry point (HTTP route,
// server action, socket ack). Their messages are written for the person who sees them.
import type { z } from 'zod';

export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class Unauthenticated extends AppError {
  constructor(message = 'Please sign in to continue.') {
    super(message, 401, 'unauthenticated');
  }
}

export class Forbidden extends AppError {
  constructor(message = "You don't have access to this.") {
    super(message, 403, 'forbidden');
  }
}

export class NotFound extends AppError {
  constructor(what = 'That') {
    super(`${what} was not found.`, 404, 'not_found');
  }
}

export class Conflict extends AppError {
  constructor(message: string) {
    super(message, 409, 'conflict');
  }
}

export class TooManyRequests extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, 429, 'rate_limited');
  }
}

export type FieldIssue = { path: string; message: string };

export class Invalid extends AppError {
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message, 400, 'invalid');
  }

  static fromZod(error: z.ZodError, message = 'Some of the details are not valid.'): Invalid {
    return new Invalid(
      message,
      error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
}

/** Parses with zod and throws Invalid (400) with every issue listed. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw Invalid.fromZod(result.error);
  return result.data;
}
