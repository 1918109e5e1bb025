import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); Playwright's own browsers are never downloaded. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep a headless Chromium quiet: no GPU, no QUIC, no background calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserOptions {
  viewport?: { width: number; height: number };
}

export interface BrowserSession {
  context: BrowserContext;
  requests: RequestLog;
  /** Uncaught exceptions thrown in any page of the context (hydration failures, broken scripts). */
  pageErrors: string[];
  close(): Promise<void>;
}

/** A fresh Chromium profile in a temporary directory, removed again on close. */
export async function launchBrowser(options: BrowserOptions = {}): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'mahalleh-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  const requests = recordRequests(context);
  const pageErrors: string[] = [];
  context.on('weberror', (error) => {
    pageErrors.push(error.error().message);
  });
  return {
    context,
    requests,
    pageErrors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True for URLs that stay on this machine (loopback hosts, or schemes with no network at all). */
export function isLocalUrl(url: string): boolean {
  const parsed = new URL(url);
  if (['data:', 'blob:', 'about:'].includes(parsed.protocol)) return true;
  return LOCAL_HOSTS.has(parsed.hostname);
}

export interface RequestLog {
  /** Every URL requested by any page of the context, in order. */
  readonly urls: readonly string[];
  /** The requested URLs that would leave the machine. */
  external(): string[];
  clear(): void;
}

export function recordRequests(context: BrowserContext): RequestLog {
  const urls: string[] = [];
  context.on('request', (request) => {
    urls.push(request.url());
  });
  return {
    urls,
    external: () => urls.filter((url) => !isLocalUrl(url)),
    clear: () => {
      urls.length = 0;
    },
  };
}
