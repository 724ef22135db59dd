// The built gallery lists at least two stories for every component in client/ui
// (issue #12). The component list comes from the folder, so a new component without
// stories fails here. Needs `npm run build-storybook` first.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const uiDir = fileURLToPath(new URL('../client/ui/', import.meta.url));
const indexFile = fileURLToPath(new URL('../storybook-static/index.json', import.meta.url));

interface IndexEntry {
  type: 'story' | 'docs';
  importPath: string;
}

const components = readdirSync(uiDir)
  .filter((file) => file.endsWith('.tsx') && !/\.(test|stories)\.tsx$/.test(file))
  .map((file) => file.replace(/\.tsx$/, ''));

function storiesPerFile(): Map<string, number> {
  if (!existsSync(indexFile))
    throw new Error(`${indexFile} is missing: run npm run build-storybook`);
  const { entries } = JSON.parse(readFileSync(indexFile, 'utf8')) as {
    entries: Record<string, IndexEntry>;
  };
  const counts = new Map<string, number>();
  for (const entry of Object.values(entries)) {
    if (entry.type !== 'story') continue;
    counts.set(entry.importPath, (counts.get(entry.importPath) ?? 0) + 1);
  }
  return counts;
}

describe('the built gallery (storybook-static/index.json)', () => {
  it('finds the components of client/ui', () => {
    expect(components.length).toBeGreaterThan(10);
  });

  it.each(components)('lists at least two stories of client/ui/%s', (component) => {
    const count = storiesPerFile().get(`./client/ui/${component}.stories.tsx`) ?? 0;
    expect(count, `stories in client/ui/${component}.stories.tsx`).toBeGreaterThanOrEqual(2);
  });
});
