import type { ErrorRequestHandler, RequestHandler } from 'express';
import multer from 'multer';
import { HttpError } from './http-error.js';

/** Prisma error codes turned into contract responses wherever they escape a route. */
const PRISMA_STATUS: Record<string, { status: number; detail: string }> = {
  P2002: { status: 409, detail: 'Email already exists' },
};

function prismaCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('P') ? code : undefined;
}

/**
 * The one error middleware: `HttpError` → its status and `{detail}`; malformed JSON and multer
 * errors → 422; a unique violation → 409; body-parser's other client errors keep their 4xx, as
 * 422 when they mean invalid input (400 a body that cannot be read, 415 an unsupported charset or
 * encoding); anything else → 500 `{"detail":"Internal Server Error"}` (logged, since it is a bug,
 * never on the hot path).
 */
export const errorHandler: ErrorRequestHandler = (error, _req, res, _next) => {
  if (error instanceof HttpError) {
    res.status(error.status).json({ detail: error.detail });
    return;
  }
  if ((error as { type?: string }).type === 'entity.parse.failed') {
    res.status(422).json({ detail: 'Malformed JSON body' });
    return;
  }
  if (error instanceof multer.MulterError) {
    res.status(422).json({ detail: error.message });
    return;
  }
  const mapped = PRISMA_STATUS[prismaCode(error) ?? ''];
  if (mapped) {
    res.status(mapped.status).json({ detail: mapped.detail });
    return;
  }
  const status = (error as { status?: number }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    res.status(status === 400 || status === 415 ? 422 : status).json({ detail: String((error as Error).message) });
    return;
  }
  console.error(error);
  res.status(500).json({ detail: 'Internal Server Error' });
};

/** 404 `{"detail":"Not Found"}` for every path no router matched. */
export const notFoundHandler: RequestHandler = (_req, res) => {
  res.status(404).json({ detail: 'Not Found' });
};
