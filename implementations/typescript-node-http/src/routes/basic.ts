import { get as httpGet, type Agent, type IncomingMessage } from 'node:http';
import busboy from 'busboy';
import type { DatabaseError } from 'pg';
import type { AppDeps } from '../deps.js';
import { assertStorableText, elapsedSince, HttpError, isJsonObject, pathId, readJson, sendEmpty, sendJson } from '../http.js';
import type { Router } from '../router.js';

/** Value of `server` in `/health`: this implementation's id. */
export const SERVER_NAME = 'typescript-node-http';

const USER_COLUMNS = 'id, name, email, created_at';
const USER_NOT_FOUND = 'User not found';
const UNIQUE_VIOLATION = '23505';

/** Fields of a validated `POST /users` or `PUT /users/{id}` body. */
export interface UserInput {
  name?: string;
  email?: string;
}

/**
 * Validates a user body: `name` 1–100 characters, `email` a string with "@" of at most 255
 * characters, neither containing NUL (PostgreSQL cannot store it); extra keys are ignored.
 * With `partial` both fields are optional (PUT). Anything else → `HttpError` 422.
 */
export function parseUserInput(body: unknown, partial: boolean): UserInput {
  if (!isJsonObject(body)) throw new HttpError(422, 'Body must be a JSON object');
  const input: UserInput = {};
  const { name, email } = body;
  if (name !== undefined || !partial) {
    const length = typeof name === 'string' ? [...name].length : -1;
    if (length < 1 || length > 100) {
      throw new HttpError(422, "'name' must be a string of 1-100 characters");
    }
    assertStorableText(name as string, 'name');
    input.name = name as string;
  }
  if (email !== undefined || !partial) {
    if (typeof email !== 'string' || !email.includes('@') || [...email].length > 255) {
      throw new HttpError(422, "'email' must be a string containing '@' of at most 255 characters");
    }
    assertStorableText(email, 'email');
    input.email = email;
  }
  return input;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as DatabaseError | undefined)?.code === UNIQUE_VIOLATION;
}

/** Registers the basic endpoints (scenarios 01–08): health, echo, users CRUD, external, protected, upload. */
export function registerBasicRoutes(router: Router, { pool, upstreamUrl, upstreamAgent }: AppDeps): void {
  router.get('/health', ({ res }) => sendJson(res, 200, { status: 'ok', server: SERVER_NAME }));

  router.post('/echo', async ({ req, res }) => {
    const body = await readJson(req);
    if (!isJsonObject(body) || typeof body['message'] !== 'string') {
      throw new HttpError(422, "'message' (string) is required");
    }
    const data = body['data'] ?? null;
    if (data !== null && !isJsonObject(data)) throw new HttpError(422, "'data' must be an object or null");
    sendJson(res, 200, { message: body['message'], data });
  });

  router.get('/users', async ({ res }) => {
    const { rows } = await pool.query(`SELECT ${USER_COLUMNS} FROM users ORDER BY id`);
    sendJson(res, 200, rows);
  });

  router.post('/users', async ({ req, res }) => {
    const input = parseUserInput(await readJson(req), false);
    try {
      const { rows } = await pool.query(`INSERT INTO users (name, email) VALUES ($1, $2) RETURNING ${USER_COLUMNS}`, [input.name, input.email]);
      sendJson(res, 201, rows[0]);
    } catch (error) {
      if (isUniqueViolation(error)) throw new HttpError(409, 'Email already exists');
      throw error;
    }
  });

  router.get('/users/{id}', async ({ res, params }) => {
    const id = pathId(params['id']);
    const { rows } = await pool.query(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
    if (rows.length === 0) throw new HttpError(404, USER_NOT_FOUND);
    sendJson(res, 200, rows[0]);
  });

  router.put('/users/{id}', async ({ req, res, params }) => {
    const id = pathId(params['id']);
    const input = parseUserInput(await readJson(req), true);
    try {
      const { rows } = await pool.query(
        `UPDATE users SET name = COALESCE($2, name), email = COALESCE($3, email)
         WHERE id = $1 RETURNING ${USER_COLUMNS}`,
        [id, input.name ?? null, input.email ?? null],
      );
      if (rows.length === 0) throw new HttpError(404, USER_NOT_FOUND);
      sendJson(res, 200, rows[0]);
    } catch (error) {
      if (isUniqueViolation(error)) throw new HttpError(409, 'Email already exists');
      throw error;
    }
  });

  router.delete('/users/{id}', async ({ res, params }) => {
    const id = pathId(params['id']);
    const { rowCount } = await pool.query('DELETE FROM users WHERE id = $1', [id]);
    if (rowCount === 0) throw new HttpError(404, USER_NOT_FOUND);
    sendEmpty(res, 204);
  });

  const delayUrl = `${upstreamUrl}/delay`;
  router.get('/external', async ({ res }) => {
    const start = performance.now();
    const data = await fetchJson(delayUrl, upstreamAgent);
    sendJson(res, 200, { source: 'upstream', latency_ms: elapsedSince(start), data });
  });

  router.get('/protected', ({ req, res }) => {
    const header = req.headers.authorization;
    if (header === undefined) throw new HttpError(401, 'Authorization header required');
    if (!header.startsWith('Bearer ')) throw new HttpError(401, 'Invalid authorization format');
    const token = header.slice(7);
    if (token.length < 10) throw new HttpError(401, 'Invalid token');
    sendJson(res, 200, { message: 'Access granted', user: `user_from_token_${token.slice(0, 8)}` });
  });

  router.post('/upload', async ({ req, res }) => {
    const file = await readUploadedFile(req);
    if (!file) throw new HttpError(422, 'No file uploaded');
    sendJson(res, 200, file);
  });
}

/** GETs `url` through the keep-alive `agent` and parses the JSON body; failures → 502. */
function fetchJson(url: string, agent: Agent): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = httpGet(url, { agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', () => reject(new HttpError(502, 'Upstream request failed')));
      response.on('end', () => {
        if (response.statusCode !== 200) {
          reject(new HttpError(502, `Upstream answered ${response.statusCode}`));
          return;
        }
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch {
          reject(new HttpError(502, 'Upstream sent malformed JSON'));
        }
      });
    });
    request.on('error', () => reject(new HttpError(502, 'Upstream request failed')));
  });
}

/** What `POST /upload` reports about the uploaded part. */
interface UploadedFile {
  filename: string;
  size: number;
  content_type: string;
}

/**
 * Streams a multipart/form-data body and measures the first part named `file` (other parts are
 * drained). Resolves `undefined` when there is no such part, the body is not multipart (missing
 * or other Content-Type, no boundary) or it is not well-formed (e.g. truncated): the caller
 * answers all of these 422. After a parse error the rest of the body is drained, so the
 * connection stays usable.
 */
function readUploadedFile(req: IncomingMessage): Promise<UploadedFile | undefined> {
  return new Promise((resolve) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers });
    } catch {
      req.resume();
      resolve(undefined);
      return;
    }
    let file: UploadedFile | undefined;
    let failed = false;
    const fail = () => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      req.resume();
      resolve(undefined);
    };
    parser.on('file', (field, stream, info) => {
      // A part cut short errors on its own stream too; the parser reports the same failure.
      stream.on('error', fail);
      if (field !== 'file' || file) {
        stream.resume();
        return;
      }
      const current: UploadedFile = {
        filename: info.filename ?? 'unknown',
        size: 0,
        content_type: info.mimeType,
      };
      file = current;
      stream.on('data', (chunk: Buffer) => {
        current.size += chunk.length;
      });
    });
    parser.on('close', () => {
      if (!failed) resolve(file);
    });
    parser.on('error', fail);
    req.pipe(parser);
  });
}
