import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, type Logger } from '../src/logger.js';

const PERSONAL = {
  phone: '+6281234567890',
  name: 'Siti Aminah',
  displayName: 'Bu Siti',
  text: 'jalan desa rusak',
  caption: 'foto jembatan',
  externalId: '6281234567890@s.whatsapp.net',
};

/** A JSON logger writing into memory, and the parsed lines it wrote. */
function capture(level = 'debug'): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: createLogger({ level, format: 'json', destination }), lines };
}

function redactedCopy(values: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.keys(values).map((key) => [key, '[redacted]']));
}

describe('log redaction', () => {
  it('redacts personal data at the top level and keeps channel and contact id', () => {
    const { logger, lines } = capture();
    logger.info({ ...PERSONAL, channel: 'whatsapp', contactId: 'c1' }, 'inbound');
    expect(lines[0]).toMatchObject({
      ...redactedCopy(PERSONAL),
      channel: 'whatsapp',
      contactId: 'c1',
      msg: 'inbound',
    });
  });

  it('redacts personal data nested one level', () => {
    const { logger, lines } = capture();
    logger.info({ inbound: { ...PERSONAL, type: 'text' }, channel: 'telegram' }, 'inbound');
    expect(lines[0]).toMatchObject({
      inbound: { ...redactedCopy(PERSONAL), type: 'text' },
      channel: 'telegram',
    });
  });

  it('redacts deeper nesting and arrays, as logged payloads have them', () => {
    const { logger, lines } = capture();
    logger.warn(
      {
        row: { message: { key: 'report.done', params: { name: 'Siti', ticket: 'T-1' } } },
        recipients: [{ phone: '+628111', contactId: 'c2' }],
        update: {
          message: {
            text: 'halo',
            from: { first_name: 'Siti', last_name: 'A', username: 'siti', id: 42 },
            contact: { phone_number: '+628222' },
          },
        },
        baileys: { key: { remoteJid: '628333@s.whatsapp.net' }, pushName: 'Siti' },
        channel: 'telegram',
      },
      'send failed',
    );
    const line = JSON.stringify(lines[0]);
    for (const secret of ['Siti', '+628111', 'halo', '"A"', 'siti', '+628222', '628333']) {
      expect(line).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({
      row: { message: { key: 'report.done', params: { name: '[redacted]', ticket: 'T-1' } } },
      recipients: [{ phone: '[redacted]', contactId: 'c2' }],
      update: { message: { from: { id: 42 } } },
      channel: 'telegram',
    });
  });

  it('redacts the bindings of child loggers', () => {
    const { logger, lines } = capture();
    logger.child({ channel: 'console', contactId: 'c3', phone: '+628444' }).info('turn');
    expect(lines[0]).toMatchObject({ channel: 'console', contactId: 'c3', phone: '[redacted]' });
  });

  it('redacts secret request headers', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        req: {
          headers: {
            authorization: 'Bearer abc',
            'x-telegram-bot-api-secret-token': 'shh',
            'user-agent': 'curl',
          },
        },
      },
      'request',
    );
    expect(lines[0]).toMatchObject({
      req: {
        headers: {
          authorization: '[redacted]',
          'x-telegram-bot-api-secret-token': '[redacted]',
          'user-agent': 'curl',
        },
      },
    });
  });

  it('leaves values that are not objects alone and writes nothing below its level', () => {
    const { logger, lines } = capture('info');
    logger.debug({ text: 'hidden' }, 'not written');
    logger.info({ inbound: 'text', count: 3, nothing: null }, 'plain');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ inbound: 'text', count: 3, nothing: null });
  });
});

describe('errors in the logs', () => {
  it('keep what failed and drop the values a database error was given', () => {
    const { logger, lines } = capture();
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "x"'), {
      code: '23505',
      severity: 'ERROR',
      constraint_name: 'contacts_pkey',
      detail: 'Key (display_name)=(Siti Aminah) already exists.',
    });
    const wrapped = Object.assign(
      new Error('Failed query: insert into "contacts" values ($1)\nparams: Siti Aminah'),
      { query: 'insert into "contacts" values ($1)', params: ['Siti Aminah'], cause },
    );
    logger.error({ err: wrapped }, 'failed');
    const line = JSON.stringify(lines[0]);
    expect(line).not.toContain('Siti');
    expect(lines[0]).toMatchObject({
      err: {
        message: 'Failed query: insert into "contacts" values ($1)',
        cause: { code: '23505', constraint_name: 'contacts_pkey' },
      },
    });
  });

  it('drop the payload of a failed platform call, which holds the message sent', () => {
    const { logger, lines } = capture();
    const error = Object.assign(new Error('Call to sendMessage failed'), {
      method: 'sendMessage',
      error_code: 400,
      payload: { chat_id: 42, text: 'Halo Siti, laporan Anda diterima' },
    });
    logger.warn({ err: error }, 'send failed');
    expect(JSON.stringify(lines[0])).not.toContain('Siti');
    expect(lines[0]).toMatchObject({ err: { method: 'sendMessage', error_code: 400 } });
  });
});
