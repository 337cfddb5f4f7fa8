/** A running Redis server the lab owns (no persistence, 256 MB max memory). */
export interface RedisServer {
  readonly host: string;
  readonly port: number;
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  /** Server pid (native only; for cgroups and tests). */
  readonly pid?: number;
  /** The temp dir it runs in (native only). */
  readonly dir?: string;
  /** FLUSHALL. */
  flush(): Promise<void>;
  /** Stops it (SIGTERM, SIGKILL after 5 s) and removes its temp dir. Idempotent. */
  stop(): Promise<void>;
}
