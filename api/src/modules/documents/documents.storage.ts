import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where document bytes live. Keys are chosen by the server (UUIDs), never taken from a user.
 * Local disk today; an S3-compatible store would implement the same three calls.
 */
export interface FileStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  open(key: string): Promise<Readable | null>;
  remove(key: string): Promise<void>;
}

const keyPattern = /^[0-9a-f-]{36}$/;

export class LocalDiskStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    // Defence in depth: keys are UUIDs made here, and nothing else is ever joined to the root.
    if (!keyPattern.test(key)) throw new Error(`bad storage key ${key}`);
    return join(this.root, key.slice(0, 2), key);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(join(this.root, key.slice(0, 2)), { recursive: true });
    // Written aside then renamed, so a crash never leaves half a file under a real key.
    const temp = `${path}.part`;
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, path);
  }

  async open(key: string): Promise<Readable | null> {
    const path = this.pathOf(key);
    try {
      await stat(path);
    } catch {
      return null;
    }
    return createReadStream(path);
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
