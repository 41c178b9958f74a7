import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { normaliseBasePath, SettingError } from './base-path.ts';
import { basePath, siteUrl } from './build-env.ts';

describe('BASE_PATH', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['paper-atlas', '/paper-atlas/'],
    ['/paper-atlas', '/paper-atlas/'],
    ['//paper-atlas//', '/paper-atlas/'],
    ['/a/b.c_d~e/', '/a/b.c_d~e/'],
    ['/caf%C3%A9/', '/caf%C3%A9/'],
  ])('takes %j as %j', (value, expected) => {
    expect(basePath(value)).toBe(expected);
  });

  it.each([
    [
      'https://x.io/a/',
      'BASE_PATH is "https://x.io/a/", an address; it must be a path such as /paper-atlas/ (the host goes in SITE_URL)',
    ],
    ['/my atlas/', 'BASE_PATH is "/my atlas/"; a path cannot contain spaces or other white space'],
    [' /atlas/', 'BASE_PATH is " /atlas/"; a path cannot contain spaces or other white space'],
    [
      '/a?b=1',
      'BASE_PATH is "/a?b=1": "a?b=1" is not a path segment; write a path such as /paper-atlas/, of letters, digits and - . _ ~',
    ],
    [
      '/a/../b/',
      'BASE_PATH is "/a/../b/": ".." is not a path segment; write a path such as /paper-atlas/, of letters, digits and - . _ ~',
    ],
    [
      '/a//b/',
      'BASE_PATH is "/a//b/": an empty segment (//) is not a path segment; write a path such as /paper-atlas/, of letters, digits and - . _ ~',
    ],
  ])('refuses %j with one line that says what to write', (value, message) => {
    expect(() => basePath(value)).toThrow(new SettingError(message));
  });

  it('is the same normalisation the pages and the preview server use', () => {
    expect(normaliseBasePath('/paper-atlas')).toBe(basePath('/paper-atlas'));
  });
});

describe('SITE_URL', () => {
  it.each([
    [undefined, 'http://localhost:4321'],
    ['https://user.github.io', 'https://user.github.io'],
    ['https://user.github.io/', 'https://user.github.io'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
  ])('takes %j as the origin %j', (value, expected) => {
    expect(siteUrl(value)).toBe(expected);
  });

  it.each([
    [
      'user.github.io',
      'SITE_URL is "user.github.io", without a scheme; it must be an origin such as https://user.github.io',
    ],
    [
      'https://user.github.io/paper-atlas/',
      'SITE_URL is "https://user.github.io/paper-atlas/"; it must be an origin such as https://user.github.io, without a path (that goes in BASE_PATH)',
    ],
    [
      'ftp://user.github.io',
      'SITE_URL is "ftp://user.github.io"; it must be an http or https origin such as https://user.github.io',
    ],
    ['https://', 'SITE_URL is "https://", not an address; it must be an origin such as https://user.github.io'],
  ])('refuses %j with one line that says what to write', (value, message) => {
    expect(() => siteUrl(value)).toThrow(new SettingError(message));
  });
});

describe('a bad setting at build start', () => {
  // Vitest's own variables (BASE_URL, MODE…) must not reach the build.
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, ASTRO_TELEMETRY_DISABLED: '1' };
  const run = async (command: string, args: string[], settings: Record<string, string>) => {
    try {
      await promisify(execFile)(command, args, { env: { ...env, ...settings } });
      return { code: 0, stderr: '' };
    } catch (error) {
      const { code, stderr } = error as { code: number; stderr: string };
      return { code, stderr };
    }
  };

  it('stops the content step with one line and no stack trace', async () => {
    const { code, stderr } = await run('node', ['scripts/content.ts'], { BASE_PATH: 'https://x.io/a/' });
    expect(code).toBe(1);
    expect(stderr).toBe(
      'content: BASE_PATH is "https://x.io/a/", an address; it must be a path such as /paper-atlas/ (the host goes in SITE_URL)\n',
    );
  });

  it('stops astro with one line from its config', async () => {
    const { code, stderr } = await run('npm', ['exec', '--', 'astro', 'build'], { SITE_URL: 'user.github.io' });
    expect(code).toBe(1);
    expect(stderr).toBe(
      'astro config: SITE_URL is "user.github.io", without a scheme; it must be an origin such as https://user.github.io\n',
    );
  });
});
