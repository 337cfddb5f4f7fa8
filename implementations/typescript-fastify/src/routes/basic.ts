import { get as httpGet, type Agent } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DatabaseError } from 'pg';
import { serve } from '../contract-routes.js';
import type { AppDeps } from '../deps.js';
import { elapsedSince, HttpError } from '../http-error.js';

/** Value of `server` in `/health`: this implementation's id. */
export const SERVER_NAME = 'typescript-fastify';

const USER_COLUMNS = 'id, name, email, created_at';
const USER_NOT_FOUND = 'User not found';
const UNIQUE_VIOLATION = '23505';

function isUniqueViolation(error: unknown): boolean {
  return (error as DatabaseError | undefined)?.code === UNIQUE_VIOLATION;
}

type IdParams = { Params: { id: number } };

/** Registers the basic endpoints (scenarios 01–08): health, echo, users CRUD, external, protected, upload. */
export async function basicRoutes(app: FastifyInstance, { pool, upstreamUrl, upstreamAgent }: AppDeps): Promise<void> {
  serve(app, 'health', async () => ({ status: 'ok', server: SERVER_NAME }));

  serve<{ Body: { message: string; data?: Record<string, unknown> | null } }>(app, 'echo', async (request) => ({
    message: request.body.message,
    data: request.body.data ?? null,
  }));

  serve(app, 'users.list', async () => (await pool.query(`SELECT ${USER_COLUMNS} FROM users ORDER BY id`)).rows);

  serve<{ Body: { name: string; email: string } }>(app, 'users.create', async (request, reply) => {
    const { name, email } = request.body;
    try {
      const { rows } = await pool.query(`INSERT INTO users (name, email) VALUES ($1, $2) RETURNING ${USER_COLUMNS}`, [name, email]);
      return reply.code(201).send(rows[0]);
    } catch (error) {
      if (isUniqueViolation(error)) throw new HttpError(409, 'Email already exists');
      throw error;
    }
  });

  serve<IdParams>(app, 'users.get', async (request) => {
    const { rows } = await pool.query(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [request.params.id]);
    if (rows.length === 0) throw new HttpError(404, USER_NOT_FOUND);
    return rows[0];
  });

  serve<IdParams & { Body: { name?: string; email?: string } }>(app, 'users.update', async (request) => {
    const { name, email } = request.body;
    try {
      const { rows } = await pool.query(
        `UPDATE users SET name = COALESCE($2, name), email = COALESCE($3, email)
         WHERE id = $1 RETURNING ${USER_COLUMNS}`,
        [request.params.id, name ?? null, email ?? null],
      );
      if (rows.length === 0) throw new HttpError(404, USER_NOT_FOUND);
      return rows[0];
    } catch (error) {
      if (isUniqueViolation(error)) throw new HttpError(409, 'Email already exists');
      throw error;
    }
  });

  serve<IdParams>(app, 'users.delete', async (request, reply) => {
    const { rowCount } = await pool.query('DELETE FROM users WHERE id = $1', [request.params.id]);
    if (rowCount === 0) throw new HttpError(404, USER_NOT_FOUND);
    return reply.code(204).send();
  });

  const delayUrl = `${upstreamUrl}/delay`;
  serve(app, 'external', async () => {
    const start = performance.now();
    const data = await fetchJson(delayUrl, upstreamAgent);
    return { source: 'upstream', latency_ms: elapsedSince(start), data };
  });

  serve(app, 'protected', async (request) => {
    const header = request.headers.authorization;
    if (header === undefined) throw new HttpError(401, 'Authorization header required');
    if (!header.startsWith('Bearer ')) throw new HttpError(401, 'Invalid authorization format');
    const token = header.slice(7);
    if (token.length < 10) throw new HttpError(401, 'Invalid token');
    return { message: 'Access granted', user: `user_from_token_${token.slice(0, 8)}` };
  });

  serve(app, 'upload', async (request) => {
    const file = await measureUploadedFile(request);
    if (!file) throw new HttpError(422, 'No file uploaded');
    return file;
  });
}

/** GETs `url` through the keep-alive `agent` and parses the JSON body; failures → 502. */
export function fetchJson(url: string, agent: Agent): Promise<unknown> {
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
export interface UploadedFile {
  filename: string;
  size: number;
  content_type: string;
}

/**
 * Streams the multipart parts (`@fastify/multipart`'s `request.parts()`) and counts the bytes of
 * the first file part named `file` without buffering it; other parts are drained. `undefined`
 * when the request is not multipart or has no such part. A file over the plugin's size limit is
 * a 413; any other multipart failure (truncated body, bad boundary, forbidden part name) a 422.
 */
export async function measureUploadedFile(request: FastifyRequest): Promise<UploadedFile | undefined> {
  if (!request.isMultipart()) return undefined;
  let found: UploadedFile | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      let size = 0;
      for await (const chunk of part.file) size += (chunk as Buffer).length;
      if (part.file.truncated) throw new HttpError(413, 'Uploaded file too large');
      if (part.fieldname === 'file' && found === undefined) {
        found = { filename: part.filename, size, content_type: part.mimetype };
      }
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    if ((error as { statusCode?: number }).statusCode === 413) throw new HttpError(413, 'Multipart body too large');
    throw new HttpError(422, 'Malformed multipart body');
  }
  return found;
}
