import { z } from 'zod';
import { defineEndpoint, invalidInput, noContent } from '../endpoint-def';
import { detailBody } from '../schemas/error-body';
import { idParam } from '../schemas/int-param';
import { Count, ElapsedMs, JsonObject } from '../schemas/primitives';
import { User, UserEmail, UserName } from '../schemas/user';

/** Path parameters `{id}` of `/users/{id}`: any integer (unknown ids are 404). */
export const UserIdParams = z.object({ id: idParam('User id') });

/** 404 body for an unknown user. */
export const UserNotFoundBody = detailBody('User not found');

/** 409 body for a duplicate email. */
export const EmailExistsBody = detailBody('Email already exists');

/** `POST /echo` body: `message` required, `data` object or null (absent → null); extra keys dropped. */
export const EchoBody = z.object({ message: z.string(), data: JsonObject.nullable().optional() });

/** `POST /users` body: name 1–100 chars, email with "@" ≤ 255 chars. */
export const UserCreateBody = z.object({ name: UserName, email: UserEmail });

/** `PUT /users/{id}` body: partial, same rules as creation. */
export const UserUpdateBody = z.object({ name: UserName.optional(), email: UserEmail.optional() });

/** GET /health */
export const health = defineEndpoint({
  id: 'health',
  method: 'GET',
  path: '/health',
  group: 'basic',
  summary: 'Readiness probe; no database access.',
  responses: {
    200: {
      description: 'Alive.',
      schema: z.strictObject({ status: z.literal('ok'), server: z.string().min(1) }),
    },
  },
});

/** POST /echo */
export const echo = defineEndpoint({
  id: 'echo',
  method: 'POST',
  path: '/echo',
  group: 'basic',
  summary: 'Validates and re-builds {message, data}; extra keys dropped.',
  body: EchoBody,
  responses: {
    200: {
      description: 'The message and data (null when absent).',
      schema: z.strictObject({ message: z.string(), data: JsonObject.nullable() }),
    },
    422: invalidInput,
  },
});

/** GET /users */
export const usersList = defineEndpoint({
  id: 'users.list',
  method: 'GET',
  path: '/users',
  group: 'basic',
  summary: 'All users (1,000 after a fresh seed), ORDER BY id.',
  responses: { 200: { description: 'Every user row.', schema: z.array(User) } },
});

/** POST /users */
export const usersCreate = defineEndpoint({
  id: 'users.create',
  method: 'POST',
  path: '/users',
  group: 'basic',
  summary: 'Creates a user.',
  body: UserCreateBody,
  responses: {
    201: { description: 'The created user.', schema: User },
    409: { description: 'Duplicate email.', schema: EmailExistsBody },
    422: invalidInput,
  },
});

/** GET /users/{id} */
export const usersGet = defineEndpoint({
  id: 'users.get',
  method: 'GET',
  path: '/users/{id}',
  group: 'basic',
  summary: 'One user by id.',
  params: UserIdParams,
  responses: {
    200: { description: 'The user.', schema: User },
    404: { description: 'Unknown user.', schema: UserNotFoundBody },
    422: invalidInput,
  },
});

/** PUT /users/{id} */
export const usersUpdate = defineEndpoint({
  id: 'users.update',
  method: 'PUT',
  path: '/users/{id}',
  group: 'basic',
  summary: 'Partially updates a user (only the provided fields).',
  params: UserIdParams,
  body: UserUpdateBody,
  responses: {
    200: { description: 'The updated user.', schema: User },
    404: { description: 'Unknown user.', schema: UserNotFoundBody },
    409: { description: 'Duplicate email.', schema: EmailExistsBody },
    422: invalidInput,
  },
});

/** DELETE /users/{id} */
export const usersDelete = defineEndpoint({
  id: 'users.delete',
  method: 'DELETE',
  path: '/users/{id}',
  group: 'basic',
  summary: 'Deletes a user.',
  params: UserIdParams,
  responses: {
    204: noContent,
    404: { description: 'Unknown user.', schema: UserNotFoundBody },
    422: invalidInput,
  },
});

/** GET /external */
export const external = defineEndpoint({
  id: 'external',
  method: 'GET',
  path: '/external',
  group: 'basic',
  summary: 'Calls GET {UPSTREAM_URL}/delay with a keep-alive client and returns its body.',
  responses: {
    200: {
      description: 'The upstream body and the measured wait.',
      schema: z.strictObject({
        source: z.literal('upstream'),
        latency_ms: ElapsedMs,
        data: z.strictObject({ message: z.string() }),
      }),
    },
  },
});

/** GET /protected */
export const protectedRoute = defineEndpoint({
  id: 'protected',
  method: 'GET',
  path: '/protected',
  group: 'basic',
  summary: 'Simulated bearer check: header present, "Bearer " prefix, token ≥ 10 chars.',
  auth: 'bearer',
  responses: {
    200: {
      description: 'Access granted.',
      schema: z.strictObject({
        message: z.literal('Access granted'),
        user: z.string().regex(/^user_from_token_.{8}$/),
      }),
    },
    401: {
      description: 'Missing header, wrong scheme or short token.',
      schema: detailBody('Authorization header required', 'Invalid authorization format', 'Invalid token'),
    },
  },
});

/** POST /upload */
export const upload = defineEndpoint({
  id: 'upload',
  method: 'POST',
  path: '/upload',
  group: 'basic',
  summary: 'multipart/form-data upload of part "file"; reports its name, byte size and type.',
  multipart: { fields: { file: 'file' } },
  responses: {
    200: {
      description: 'The uploaded part.',
      schema: z.strictObject({ filename: z.string(), size: Count, content_type: z.string() }),
    },
    422: { ...invalidInput, description: 'No file part ({"detail":"No file uploaded"}) or not multipart.' },
  },
});

/** The 10 basic endpoints (scenarios 01–08). */
export const basicEndpoints = [health, echo, usersList, usersCreate, usersGet, usersUpdate, usersDelete, external, protectedRoute, upload] as const;
