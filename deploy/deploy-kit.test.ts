// The self-hosting kit, checked without a Docker engine (there is none in CI):
// the Dockerfile and the compose file are parsed and held to what
// docs/self-hosting.md promises, and every file they copy or mount must exist.
// Caddy and Prometheus themselves run for real in e2e/deploy-*.test.ts.
import { DockerfileParser, type Copy } from 'dockerfile-ast';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MIGRATIONS_DIR, PACKAGE_ROOT } from '../server/paths';
import { POSTGRES_MIGRATIONS_DIR } from '../server/storage/postgres/migrate';

const DEPLOY = join(PACKAGE_ROOT, 'deploy');
const read = (path: string) => readFileSync(join(PACKAGE_ROOT, path), 'utf8');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  user?: string;
  profiles?: string[];
  ports?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }> | string[];
}
interface Compose {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
  secrets?: Record<string, unknown>;
}
const compose = parse(read('deploy/docker-compose.yml'), { merge: true }) as Compose;
const dockerfile = DockerfileParser.parse(read('deploy/Dockerfile'));
const instructions = dockerfile.getInstructions();
const stages = dockerfile.getFROMs();
/** Instructions of the last stage: what the shipped image is made of. */
const runtime = instructions.filter(
  (i) => i.getRange().start.line > (stages.at(-1)?.getRange().start.line ?? 0),
);
const args = (keyword: string, from = runtime) =>
  from.filter((i) => i.getKeyword() === keyword).map((i) => i.getArgumentsContent() ?? '');

/** COPY instructions as `from` (a stage, or null for the build context), sources and target. */
const copies = (from: Copy[]) =>
  from.map((c) => {
    const paths = c.getArguments().map((a) => a.getValue());
    const stage = c.getFlags().find((f) => f.getName() === 'from');
    return { from: stage?.getValue() ?? null, sources: paths.slice(0, -1), target: paths.at(-1) };
  });
const runtimeCopies = copies(
  dockerfile
    .getCOPYs()
    .filter((c) => c.getRange().start.line > (stages.at(-1)?.getRange().start.line ?? 0)),
);

/** The server bundle's entries (server/vite.config.ts), by name: dist/server/<name>.js. */
const bundleEntries = [...read('server/vite.config.ts').matchAll(/'?([\w-]+)'?: 'server\//g)].map(
  (m) => m[1],
);

describe('deploy/Dockerfile', () => {
  it('builds on a current Node LTS, in stages', () => {
    const image = /ARG NODE_IMAGE=node:(\d+)-bookworm-slim/.exec(read('deploy/Dockerfile'));
    const major = Number(image?.[1]);
    expect(major).toBeGreaterThanOrEqual(22);
    expect(major % 2).toBe(0); // even majors are the LTS lines
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages.every((f) => f.getImage() === '${NODE_IMAGE}')).toBe(true);
  });

  it('ships production dependencies only, as a non-root user with /data as its volume', () => {
    const depsStage = stages.find((f) => f.getBuildStage() === 'deps');
    expect(depsStage).toBeDefined();
    expect(args('RUN', instructions).some((r) => /npm ci --omit=dev/.test(r))).toBe(true);
    expect(runtimeCopies).toContainEqual({
      from: 'deps',
      sources: ['/app/node_modules'],
      target: './node_modules',
    });
    // Never the whole build context, never the build stage's node_modules (dev dependencies).
    expect(runtimeCopies.some((c) => c.sources.includes('.'))).toBe(false);
    expect(runtimeCopies.filter((c) => c.from === 'build').map((c) => c.sources)).toEqual([
      ['/app/dist'],
    ]);
    expect(args('USER')).toEqual(['node']);
    expect(args('VOLUME')).toEqual(['["/data"]']);
    expect(args('ENV').join(' ')).toMatch(/PYB_DATA_DIR=\/data/);
    const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string> };
    for (const clientOnly of ['react', 'react-dom', 'dexie', 'wouter', 'workbox-window']) {
      expect(pkg.dependencies, `${clientOnly} must be a dev dependency`).not.toHaveProperty(
        clientOnly,
      );
    }
  });

  it('ships the SQL migrations of both storages, where the server reads them', () => {
    for (const dir of [MIGRATIONS_DIR, POSTGRES_MIGRATIONS_DIR]) {
      const source = dir.slice(PACKAGE_ROOT.length + 1);
      expect(runtimeCopies, source).toContainEqual({
        from: null,
        sources: [source],
        target: `./${source}`,
      });
    }
  });

  it('checks /api/health and runs node directly so signals reach it', () => {
    expect(args('HEALTHCHECK').join(' ')).toMatch(/\/api\/health/);
    expect(args('CMD')).toEqual(['["node", "dist/server/main.js"]']);
    expect(args('STOPSIGNAL')).toEqual(['SIGTERM']);
    expect(bundleEntries).toEqual(expect.arrayContaining(['main', 'migrate-cli']));
  });

  it('copies only files that exist and that .dockerignore lets into the context', () => {
    const ignored = read('.dockerignore').split('\n').filter(Boolean);
    const sources = copies(dockerfile.getCOPYs())
      .filter((c) => c.from === null)
      .flatMap((c) => c.sources)
      .filter((s) => s !== '.');
    expect(sources).toContain('server/db/migrations');
    expect(sources).toContain('scripts/run-built.mjs');
    for (const source of sources) {
      expect(existsSync(join(PACKAGE_ROOT, source)), source).toBe(true);
      expect(ignored, `${source} is in .dockerignore`).not.toContain(source.split('/')[0]);
    }
  });
});

describe('deploy/docker-compose.yml', () => {
  const { services } = compose;

  it('runs the app behind Caddy, after a one-shot migration', () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining(['migrate', 'app', 'caddy', 'prometheus', 'grafana', 'litestream']),
    );
    const migrate = services['migrate'] as Service;
    const app = services['app'] as Service;
    expect(migrate.command).toEqual(['node', 'dist/server/migrate-cli.js']);
    expect(migrate.image).toBe(app.image);
    expect(app.depends_on).toEqual({ migrate: { condition: 'service_completed_successfully' } });
    expect(app.environment).toMatchObject({ PYB_MIGRATE: 'off', PYB_TRUST_PROXY: 'true' });
    expect(app.environment?.['PYB_PUBLIC_URL']).toMatch(/^https:\/\//);
    expect(app.ports).toBeUndefined(); // only Caddy is published
    expect(services['caddy']?.depends_on).toEqual({ app: { condition: 'service_healthy' } });
    expect(services['caddy']?.ports).toEqual(expect.arrayContaining(['80:80', '443:443']));
    expect(app.build).toEqual({ context: '..', dockerfile: 'deploy/Dockerfile' });
    expect(existsSync(join(DEPLOY, app.build?.context ?? '', app.build?.dockerfile ?? ''))).toBe(
      true,
    );
  });

  it('keeps monitoring and backups in optional profiles', () => {
    expect(services['prometheus']?.profiles).toEqual(['monitoring']);
    expect(services['grafana']?.profiles).toEqual(['monitoring']);
    expect(services['litestream']?.profiles).toEqual(['backup']);
    expect(services['litestream']?.user).toBe('1000:1000'); // the image's node user owns the db
    expect(compose.secrets).toHaveProperty('metrics_token');
  });

  it('declares every named volume and mounts only files that exist', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0] ?? '';
        if (source.startsWith('.')) {
          expect(existsSync(join(DEPLOY, source)), `${name}: ${source}`).toBe(true);
        } else {
          expect(compose.volumes, `${name}: volume ${source}`).toHaveProperty(source);
        }
      }
    }
    expect(services['app']?.volumes).toEqual(['pyb_data:/data']);
    expect(services['litestream']?.volumes).toContain('pyb_data:/data');
  });

  it('wires Prometheus and Grafana to the dashboard', () => {
    const prometheus = parse(read('deploy/prometheus/prometheus.yml')) as {
      scrape_configs: {
        authorization: { credentials_file: string };
        static_configs: { targets: string[] }[];
      }[];
    };
    const job = prometheus.scrape_configs[0];
    expect(job?.static_configs[0]?.targets).toEqual(['app:8080']);
    expect(job?.authorization.credentials_file).toBe('/run/secrets/metrics_token');
    const datasource = read('deploy/grafana/provisioning/datasources/prometheus.yml');
    expect(datasource).toMatch(/uid: prometheus/);
    const dashboard = JSON.parse(read('deploy/grafana/packyourbag.json')) as {
      panels: { datasource: { uid: string } }[];
    };
    expect(dashboard.panels.every((p) => p.datasource.uid === 'prometheus')).toBe(true);
  });

  it('fly.toml builds the same image with memory sized for concurrent sign-ins', () => {
    const fly = read('fly.toml');
    expect(fly).toMatch(/dockerfile = "deploy\/Dockerfile"/);
    expect(fly).toMatch(/PYB_MIGRATE = "auto"/);
    // Measured: 350 MiB peak resident during 10 concurrent sign-ins (docs/self-hosting.md).
    expect(Number(/memory = "(\d+)mb"/.exec(fly)?.[1])).toBeGreaterThanOrEqual(512);
  });
});
