import { Router, type RequestHandler } from 'express';
import multer from 'multer';
import { request } from 'undici';
import type { Deps } from '../deps.js';
import { elapsedMs, nowMs } from '../http/elapsed.js';
import { HttpError } from '../http/http-error.js';
import { validate } from '../http/validate.js';
import { EchoBody } from '../schemas/requests.js';

/** Multipart parsing into memory: the handler only needs the part's name, type and size. */
const upload = multer({ storage: multer.memoryStorage() });

/**
 * `upload.single('file')`, except that any failure to read the body means the same as no file:
 * 422 `No file uploaded`. That covers a file under another field name (multer's
 * LIMIT_UNEXPECTED_FILE), a multipart Content-Type without a boundary (busboy refuses it) and a
 * body that is not well-formed multipart (e.g. truncated: "Unexpected end of form"). multer
 * drains the rest of the body before it reports, so the connection stays usable.
 */
const singleFile: RequestHandler = (req, res, next) => {
  upload.single('file')(req, res, (error?: unknown) => {
    next(error === undefined ? undefined : new HttpError(422, 'No file uploaded'));
  });
};

/**
 * The simulated bearer check of `GET /protected`, in the contract's order: header present,
 * "Bearer " prefix, token ≥ 10 characters. Returns the token or throws 401.
 */
export function checkBearer(header: string | undefined): string {
  if (header === undefined) throw new HttpError(401, 'Authorization header required');
  if (!header.startsWith('Bearer ')) throw new HttpError(401, 'Invalid authorization format');
  const token = header.slice(7);
  if (token.length < 10) throw new HttpError(401, 'Invalid token');
  return token;
}

/** /health, /echo, /external, /protected and /upload (scenarios 01, 02, 05–07). */
export function basicRouter(deps: Deps): Router {
  const router = Router();

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok', server: 'typescript-express' });
  });

  router.post('/echo', (req, res) => {
    const body = validate(EchoBody, req.body);
    res.json({ message: body.message, data: body.data ?? null });
  });

  router.get('/external', async (_req, res) => {
    const start = nowMs();
    const upstream = await request(`${deps.upstreamUrl}/delay`, { dispatcher: deps.upstream });
    const data: unknown = await upstream.body.json();
    res.json({ source: 'upstream', latency_ms: elapsedMs(start), data });
  });

  router.get('/protected', (req, res) => {
    const token = checkBearer(req.get('authorization'));
    res.json({ message: 'Access granted', user: `user_from_token_${token.slice(0, 8)}` });
  });

  router.post('/upload', singleFile, (req, res) => {
    const file = req.file;
    if (!file) throw new HttpError(422, 'No file uploaded');
    res.json({ filename: file.originalname, size: file.size, content_type: file.mimetype });
  });

  return router;
}
