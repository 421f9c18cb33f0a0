import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDirs: string[] = [];
afterAll(() => {
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
});

interface Started {
  child: ReturnType<typeof spawn>;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts `src/main.ts` as `npm start` does, on a fresh data folder, with piped stdin. */
function startBot(env: Record<string, string> = {}): Started {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sapa-proc-'));
  dataDirs.push(dataDir);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function until(check: () => boolean, what: string, timeoutMs = 90_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('npm start as a process', () => {
  it('chats on the console with piped input and stops cleanly when input ends', async () => {
    const bot = startBot();
    bot.child.stdin?.end(['halo', '3', '2', 'bantuan', 'menu', ''].join('\n'));
    const code = await bot.exited;
    const out = bot.stdout();
    expect(code, bot.stderr()).toBe(0);
    expect(out).toContain('Selamat datang di *Sapa Desa*');
    expect(out).toContain('Pilih bahasa / Choose a language:');
    expect(out).toContain("OK, we'll speak English from now on.");
    expect(out).toContain('Welcome to *Sapa Desa*');
    expect(out).toContain('*Sapa Desa help*');
    expect(bot.stderr()).not.toContain('Budi');
  }, 120_000);

  it('answers /healthz and exits 0 on SIGTERM', async () => {
    const bot = startBot();
    await until(() => bot.stderr().includes('http server listening'), 'the http server');
    const line = bot
      .stderr()
      .split('\n')
      .find((l) => l.includes('http server listening'));
    const port = JSON.parse(line ?? '{}').port as number;
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      parts: { database: { status: 'up' }, console: { status: 'up' } },
    });
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.stderr()).toContain('"msg":"stopped"');
  }, 120_000);

  it('stops with one clear line on a bad configuration', async () => {
    const bot = startBot({ PORT: 'abc' });
    expect(await bot.exited).toBe(2);
    expect(bot.stderr()).toContain('Configuration error: PORT must be a port number (got "abc")');
  }, 120_000);
});
