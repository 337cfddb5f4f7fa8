/** A running PostgreSQL server the lab owns: native processes or a testcontainers container. */
export interface PostgresServer {
  /** How it runs. */
  readonly backend: 'native' | 'container';
  /** Host to connect to (127.0.0.1 for native). */
  readonly host: string;
  /** TCP port (free at start, never fixed). */
  readonly port: number;
  /** Superuser name (`lab`; trust authentication on loopback for native). */
  readonly user: string;
  /** Connection URL of `database` (default `postgres`), e.g. `postgresql://lab@127.0.0.1:41234/app`. */
  url(database?: string): string;
  /** Creates a database (optionally from a template) and returns its URL. */
  createDatabase(name: string, opts?: { template?: string }): Promise<string>;
  /** Drops a database if it exists, disconnecting its sessions. */
  dropDatabase(name: string): Promise<void>;
  /** Stops the server and removes everything it wrote. Idempotent. */
  stop(): Promise<void>;
}
