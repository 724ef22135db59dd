// Debian's Prometheus for the self-hosting tests, with deploy/prometheus/prometheus.yml.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { PACKAGE_ROOT } from '../../server/paths';
import { tempDir } from '../../server/test-support/temp-dir';
import { freePort } from './server';
import { requireTool, runService, waitFor, type Service } from './services';

export interface Prometheus extends Service {
  /** Runs an instant query; returns the result vector. */
  query(expr: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]>;
}

/**
 * Prometheus with deploy/prometheus/prometheus.yml, changed only where a host
 * differs from compose: the target, the token file, and a 1 s scrape interval
 * so a test does not wait for 15 s scrapes.
 */
export async function startPrometheus(target: string, token: string): Promise<Prometheus> {
  const prometheus = requireTool('prometheus', 'PROMETHEUS_PATH', '/usr/bin/prometheus');
  const port = await freePort();
  const config = parse(
    readFileSync(join(PACKAGE_ROOT, 'deploy/prometheus/prometheus.yml'), 'utf8'),
  ) as {
    global: Record<string, string>;
    scrape_configs: {
      authorization: { credentials_file: string };
      static_configs: { targets: string[] }[];
    }[];
  };
  const dir = tempDir('pyb-prometheus-config-');
  const job = config.scrape_configs[0];
  if (!job?.static_configs[0])
    throw new Error('deploy/prometheus/prometheus.yml has no scrape job');
  config.global = { ...config.global, scrape_interval: '1s', evaluation_interval: '1s' };
  job.static_configs[0].targets = [target];
  job.authorization.credentials_file = join(dir.path, 'metrics-token');
  writeFileSync(join(dir.path, 'metrics-token'), token, { mode: 0o600 });
  writeFileSync(join(dir.path, 'prometheus.yml'), stringify(config));
  const service = runService(
    prometheus,
    [
      `--config.file=${join(dir.path, 'prometheus.yml')}`,
      '--storage.tsdb.path=data',
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    {},
    'pyb-prometheus-',
  );
  const api = `http://127.0.0.1:${port}/api/v1`;
  const stop = async () => {
    await service.stop();
    dir.remove();
  };
  try {
    // Up means the scrape with the bearer token succeeded (a 404 would leave it down).
    await waitFor('Prometheus to scrape the app', async () => {
      const res = await fetch(`${api}/targets`);
      const body = (await res.json()) as { data: { activeTargets: { health: string }[] } };
      return body.data.activeTargets[0]?.health === 'up' ? true : undefined;
    });
  } catch (error) {
    await stop();
    throw new Error(`${String(error)}\nPrometheus said:\n${service.output()}`);
  }
  return {
    ...service,
    stop,
    async query(expr) {
      const res = await fetch(`${api}/query?${new URLSearchParams({ query: expr })}`);
      const body = (await res.json()) as {
        status: string;
        error?: string;
        data: { result: { metric: Record<string, string>; value: [number, string] }[] };
      };
      if (body.status !== 'success') throw new Error(`${expr}: ${body.error ?? res.status}`);
      return body.data.result;
    },
  };
}
