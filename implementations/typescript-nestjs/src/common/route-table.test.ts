import { describe, expect, it } from 'vitest';
import { pathSegments, RouteTable } from './route-table';

function table(): RouteTable {
  const routes = new RouteTable(undefined as never, undefined as never, undefined as never);
  routes.add('GET', '/users');
  routes.add('POST', '/users');
  routes.add('GET', '/users/:id');
  routes.add('PUT', '/users/:id');
  routes.add('DELETE', '/users/:id');
  routes.add('GET', '/users/offset');
  routes.add('DELETE', '/cache/flush');
  return routes;
}

describe('pathSegments', () => {
  it('drops the query and one trailing slash', () => {
    expect(pathSegments('/users/1?x=2')).toEqual(['users', '1']);
    expect(pathSegments('/users/')).toEqual(['users']);
    expect(pathSegments('/')).toEqual(['']);
  });
});

describe('RouteTable.allowedMethods', () => {
  const routes = table();
  it('lists the methods of every matching route, HEAD with GET, in Allow order', () => {
    expect(routes.allowedMethods('/users')).toEqual(['GET', 'HEAD', 'POST']);
    expect(routes.allowedMethods('/users/7')).toEqual(['GET', 'HEAD', 'PUT', 'DELETE']);
    // the literal route and the parameter route both match
    expect(routes.allowedMethods('/users/offset?page=2')).toEqual(['GET', 'HEAD', 'PUT', 'DELETE']);
    expect(routes.allowedMethods('/cache/flush/')).toEqual(['DELETE']);
  });

  it('is empty for an unknown path', () => {
    expect(routes.allowedMethods('/nope')).toEqual([]);
    expect(routes.allowedMethods('/users/1/2')).toEqual([]);
    expect(routes.allowedMethods('/USERS')).toEqual([]);
    expect(routes.allowedMethods('/users//')).toEqual([]);
  });
});
