import { Injectable, RequestMethod, type OnApplicationBootstrap } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';

/** One route: its method and its path split into segments (`null` = a `:param` segment). */
interface Route {
  method: string;
  segments: Array<string | null>;
}

/** The segments of a request path: query string and one trailing slash dropped (both routers ignore it). */
export function pathSegments(path: string): string[] {
  const q = path.indexOf('?');
  let p = q === -1 ? path : path.slice(0, q);
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p.split('/').slice(1);
}

/** The methods in the order an `Allow` header lists them. */
const ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Every route the application's controllers declare, collected once at bootstrap through Nest's
 * `DiscoveryService`. The exception filter asks it which methods a path allows: a request that no
 * route handled is a 405 (with `Allow`) when its path exists under other methods, a 404 otherwise.
 */
@Injectable()
export class RouteTable implements OnApplicationBootstrap {
  private routes: Route[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const routes: Route[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const { metatype, instance } = wrapper;
      if (!metatype || !instance) continue;
      const prefixes = asArray(this.reflector.get<string | string[]>(PATH_METADATA, metatype) ?? '/');
      const proto = Object.getPrototypeOf(instance) as object;
      for (const name of this.scanner.getAllMethodNames(proto)) {
        const handler = (proto as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
        const paths = this.reflector.get<string | string[] | undefined>(PATH_METADATA, handler);
        const method = this.reflector.get<RequestMethod | undefined>(METHOD_METADATA, handler);
        if (paths === undefined || method === undefined) continue;
        for (const prefix of prefixes) for (const path of asArray(paths)) routes.push(toRoute(RequestMethod[method], `/${prefix}/${path}`));
      }
    }
    this.routes = routes;
  }

  /** Registers routes directly (tests). */
  add(method: string, path: string): void {
    this.routes.push(toRoute(method, path));
  }

  /** The methods some route accepts at `path` (HEAD wherever GET is), in `Allow` order; empty for an unknown path. */
  allowedMethods(path: string): string[] {
    const segments = pathSegments(path);
    const methods = new Set<string>();
    for (const route of this.routes) {
      if (route.segments.length !== segments.length) continue;
      if (route.segments.every((s, i) => (s === null ? segments[i] !== '' : s === segments[i]))) {
        methods.add(route.method);
        if (route.method === 'GET') methods.add('HEAD');
      }
    }
    return ORDER.filter((m) => methods.has(m));
  }
}

function asArray<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}

function toRoute(method: string, path: string): Route {
  const clean = path.replace(/\/+/g, '/');
  return { method, segments: pathSegments(clean).map((s) => (s.startsWith(':') ? null : s)) };
}
