import { fileURLToPath } from 'node:url';
import type { InlineConfig, Plugin } from 'vite';
import type { DashboardData } from '@lab/report';

/** The dashboard's sources (vite root). */
export const DASHBOARD_SRC = fileURLToPath(new URL('../src/', import.meta.url));

/** JSON safe inside a `<script>` element: `<` escaped so no `</script>` can close it. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * Makes the page open from file:// with no server: Chromium refuses module scripts loaded
 * from file:// URLs (origin null), so the single bundle is inlined into index.html; the data is
 * embedded as `<script id="lab-data" type="application/json">` and also emitted as data.json.
 */
export function offlinePage(data: DashboardData): Plugin {
  return {
    name: 'lab-offline-page',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'data.json', source: `${JSON.stringify(data, null, 1)}\n` });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle ?? {};
        let out = html.replace('</head>', `  <script id="lab-data" type="application/json">${scriptSafeJson(data)}</script>\n  </head>`);
        for (const [name, chunk] of Object.entries(bundle)) {
          if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
          const tag = new RegExp(`<script type="module"[^>]*src="[^"]*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*></script>`);
          if (!tag.test(out)) throw new Error(`lab-offline-page: no script tag for ${name}`);
          out = out.replace(tag, () => `<script type="module">${chunk.code.replace(/<\/script/gi, '<\\/script')}</script>`);
          delete bundle[name];
        }
        return out;
      },
    },
  };
}

/** The vite build of the dashboard into `outDir`, with `data` embedded; no config file is read. */
export function dashboardViteConfig(data: DashboardData, outDir: string): InlineConfig {
  return {
    configFile: false,
    root: DASHBOARD_SRC,
    base: './',
    logLevel: 'warn',
    resolve: { tsconfigPaths: true },
    plugins: [offlinePage(data)],
    build: { outDir, emptyOutDir: true, modulePreload: false, assetsInlineLimit: 0, chunkSizeWarningLimit: 2000 },
  };
}
