import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Router, type Handler } from './router.js';

const named = (name: string): Handler => Object.assign(() => {}, { routeName: name });
const nameOf = (handler: Handler) => (handler as Handler & { routeName: string }).routeName;

function route(router: Router, method: string, path: string): string {
  const match = router.match(method, path);
  return match.kind === 'found' ? `${nameOf(match.handler)} ${JSON.stringify(match.params)}` : match.kind;
}

describe('Router', () => {
  it('prefers static routes over parametric ones whatever the registration order', () => {
    const router = new Router().get('/users/{id}', named('user')).get('/users/offset', named('offset')).get('/users/cursor', named('cursor'));
    assert.equal(route(router, 'GET', '/users/offset'), 'offset {}');
    assert.equal(route(router, 'GET', '/users/cursor'), 'cursor {}');
    assert.equal(route(router, 'GET', '/users/7'), 'user {"id":"7"}');
  });

  it('matches by method and path parameters', () => {
    const router = new Router()
      .get('/users/{id}', named('get'))
      .put('/users/{id}', named('put'))
      .delete('/cache/users/{id}', named('uncache'))
      .get('/cache/users/{id}/cached', named('cached'));
    assert.equal(route(router, 'PUT', '/users/3'), 'put {"id":"3"}');
    assert.equal(route(router, 'GET', '/cache/users/9/cached'), 'cached {"id":"9"}');
    assert.equal(route(router, 'DELETE', '/cache/users/9'), 'uncache {"id":"9"}');
  });

  it('reports 405 for a known path with another method and 404 otherwise', () => {
    const router = new Router().get('/health', named('health')).get('/users/{id}', named('user'));
    assert.equal(route(router, 'POST', '/health'), 'method-not-allowed');
    assert.equal(route(router, 'PATCH', '/users/1'), 'method-not-allowed');
    assert.equal(route(router, 'TRACE', '/health'), 'method-not-allowed');
    assert.equal(route(router, 'GET', '/nope'), 'not-found');
    assert.equal(route(router, 'GET', '/users/1/extra'), 'not-found');
    assert.equal(route(router, 'GET', '/users/'), 'not-found');
  });

  it('lists exactly the methods a path serves', () => {
    const router = new Router()
      .get('/users', named('list'))
      .post('/users', named('create'))
      .get('/users/offset', named('offset'))
      .get('/users/{id}', named('get'))
      .put('/users/{id}', named('put'))
      .delete('/users/{id}', named('delete'))
      .post('/echo', named('echo'));
    const allowed = (method: string, path: string) => {
      const match = router.match(method, path);
      return match.kind === 'method-not-allowed' ? match.allowed : match.kind;
    };
    assert.deepEqual(allowed('DELETE', '/users'), ['GET', 'POST']);
    assert.deepEqual(allowed('OPTIONS', '/users/7'), ['GET', 'PUT', 'DELETE']);
    assert.deepEqual(allowed('GET', '/echo'), ['POST']);
    // A static path also reached by a parametric one: its Allow is its own methods, while PUT and
    // DELETE still reach the parametric route (as /users/{id} with the id "offset", a 422).
    assert.deepEqual(allowed('POST', '/users/offset'), ['GET']);
    assert.equal(route(router, 'PUT', '/users/offset'), 'put {"id":"offset"}');
    assert.equal(allowed('TRACE', '/nope'), 'not-found');
  });

  it('URL-decodes path parameters', () => {
    const router = new Router().get('/users/{id}', named('user'));
    assert.equal(route(router, 'GET', '/users/a%20b'), 'user {"id":"a b"}');
    assert.equal(route(router, 'GET', '/users/%E0%A4%A'), 'user {"id":"%E0%A4%A"}');
  });
});
