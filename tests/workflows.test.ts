/**
 * The GitHub workflows, checked for what a deployment needs. actionlint is not packaged for
 * Debian, so this is a structural check of the parsed YAML.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  run?: string;
  id?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, { 'runs-on': string; needs?: string; steps: Step[]; environment?: { name: string } }>;
}

const load = (name: string) =>
  parse(readFileSync(new URL(`../.github/workflows/${name}`, import.meta.url), 'utf8')) as Workflow;
const actions = (steps: Step[]) => steps.map((step) => step.uses?.replace(/@.*/, '') ?? step.run);

describe('deploy workflow', () => {
  const workflow = load('deploy.yml');

  it('runs on pushes to main and by hand, with Pages permissions and one deployment at a time', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['push', 'workflow_dispatch']);
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    expect(workflow.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
  });

  it('builds with the base path from configure-pages and deploys the artifact', () => {
    const build = workflow.jobs.build!;
    expect(actions(build.steps)).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'actions/configure-pages',
      'npm ci --no-audit --no-fund',
      'actions/cache',
      'npm run build',
      'actions/upload-pages-artifact',
    ]);
    // A shallow clone would date every paper by its one commit.
    expect(build.steps[0]!.with).toEqual({ 'fetch-depth': 0 });
    expect(build.steps[1]!.with).toMatchObject({ 'node-version-file': '.nvmrc', cache: 'npm' });
    const buildStep = build.steps.find((step) => step.run === 'npm run build')!;
    expect(buildStep.env).toMatchObject({
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
      BASE_PATH: '${{ steps.pages.outputs.base_path }}',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
      SITE_URL: '${{ steps.pages.outputs.origin }}',
    });
    expect(build.steps.find((step) => step.uses?.startsWith('actions/configure-pages'))!.id).toBe('pages');
    // What the incremental build reuses, restored after `npm ci` empties node_modules, and keyed so a
    // cache from another lockfile or base path is never restored.
    const cache = build.steps.find((step) => step.uses?.startsWith('actions/cache'))!.with!;
    expect(String(cache.path).trim().split('\n')).toEqual([
      'node_modules/.cache/paper-atlas',
      'node_modules/.astro',
      'node_modules/.vite',
      '.astro',
      'content/papers',
      'content/topics',
      'dist',
    ]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub Actions expressions, not a template
    const prefix = "atlas-${{ runner.os }}-${{ hashFiles('package-lock.json') }}-${{ steps.pages.outputs.base_path }}-";
    expect(cache.key).toBe(`${prefix}\${{ github.sha }}`);
    expect(cache['restore-keys']).toBe(prefix);
    expect(build.steps.at(-1)!.with).toEqual({ path: 'dist' });
    const deploy = workflow.jobs.deploy!;
    expect(deploy.needs).toBe('build');
    expect(deploy.environment?.name).toBe('github-pages');
    expect(actions(deploy.steps)).toEqual(['actions/deploy-pages']);
  });
});

describe('test workflow', () => {
  it('runs npm test on pull requests', () => {
    const workflow = load('test.yml');
    expect(Object.keys(workflow.on)).toContain('pull_request');
    expect(actions(workflow.jobs.test!.steps)).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'npm ci --no-audit --no-fund',
      'npm test',
    ]);
  });
});

describe('.ci/run', () => {
  it('ends by running exactly the README’s test command', () => {
    const script = readFileSync(new URL('../.ci/run', import.meta.url), 'utf8')
      .trim()
      .split('\n');
    expect(script.at(-1)).toBe('npm test');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('```sh\nnpm test\n```');
    expect(readme).toContain('```sh\nnpm install && npm run build\n```');
  });
});
