import { BadGatewayException, Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Agent, request } from 'undici';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { elapsedMs, nowMs } from '../common/elapsed';

/**
 * The client of `GET {UPSTREAM_URL}/delay`: one undici `Agent` per process, keep-alive (30 s
 * idle), the same client typescript-express uses, so the two differ only by the framework.
 */
@Injectable()
export class UpstreamService implements OnApplicationShutdown {
  private readonly agent = new Agent({ keepAliveTimeout: 30_000 });
  private readonly url: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.url = `${config.upstreamUrl}/delay`;
  }

  /** Calls the upstream and returns its JSON body with the measured wait; 502 when it fails. */
  async fetchDelayed(): Promise<{ source: 'upstream'; latency_ms: number; data: unknown }> {
    const start = nowMs();
    let data: unknown;
    try {
      const response = await request(this.url, { dispatcher: this.agent });
      data = await response.body.json();
    } catch {
      throw new BadGatewayException('Upstream unavailable');
    }
    return { source: 'upstream', latency_ms: elapsedMs(start), data };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.agent.close();
  }
}
