import { describe, expect, it } from 'vitest';
import { defineFlow, END, goto } from '../../../src/core/flow/types.js';
import { createChat, option, say, testAction } from './chat.js';

describe('next maps', () => {
  const flow = defineFlow({
    id: 'route',
    version: 1,
    steps: [
      {
        id: 'need',
        kind: 'choice',
        prompt: say('Apa kebutuhan desa?'),
        options: [
          option('water', 'Air bersih'),
          option('road', 'Jalan desa'),
          option('power', 'Listrik'),
        ],
        next: { road: 'road_detail', power: goto('menu') },
      },
      { id: 'water_detail', kind: 'text', prompt: say('Sumber air?'), next: END },
      { id: 'road_detail', kind: 'text', prompt: say('Jalan mana?') },
    ],
  });

  it('branch on the chosen value, to a step or another flow', () => {
    const chat = createChat([flow]);
    chat.start('route');
    chat.text('jalan desa');
    expect(chat.lines()).toEqual(['Jalan mana?']);
    chat.start('route');
    chat.text('3');
    expect(chat.stack()).toEqual(['menu']);
  });

  it('go on to the following step for a value they do not name', () => {
    const chat = createChat([flow]);
    chat.start('route');
    chat.text('1');
    expect(chat.lines()).toEqual(['Sumber air?']);
    chat.text('Sumur');
    expect(chat.state.frames).toEqual([]);
  });

  it('branches safely on option values named like object properties', () => {
    const odd = defineFlow({
      id: 'odd',
      version: 1,
      steps: [
        {
          id: 'pick',
          kind: 'choice',
          prompt: say('Pilih'),
          options: [option('constructor', 'Satu'), option('toString', 'Dua')],
          next: { '*': 'after' },
        },
        { id: 'after', kind: 'text', prompt: say('Lalu?') },
      ],
    });
    const chat = createChat([odd]);
    chat.start('odd');
    chat.text('1');
    expect(chat.lines()).toEqual(['Lalu?']);
  });
});

describe('call steps', () => {
  const flow = defineFlow({
    id: 'report',
    version: 1,
    steps: [
      { id: 'what', kind: 'text', prompt: say('Apa masalahnya?') },
      {
        id: 'save',
        kind: 'call',
        action: testAction('report.save'),
        input: (ctx) => ({ what: ctx.answers.what ?? null, contact: ctx.contact.id }),
        save: 'saved',
        next: { saved: 'thanks', '*': 'failed' },
      },
      { id: 'thanks', kind: 'say', text: say('Tersimpan'), next: END },
      { id: 'failed', kind: 'say', text: say('Gagal'), next: goto('menu') },
    ],
  });

  it('asks the runtime to run the action, then continues with its outcome', () => {
    const chat = createChat([flow]);
    chat.start('report');
    chat.text('Lampu jalan mati');
    expect(chat.effects).toEqual([
      {
        type: 'call',
        action: 'report.save',
        input: { what: 'Lampu jalan mati', contact: 'contact-1' },
      },
    ]);
    expect(chat.state.frames[0]).toMatchObject({ step: 'save', waitingCall: true });
    chat.result({ outcome: 'saved', id: 'R-1' });
    expect(chat.lines()).toEqual(['Tersimpan']);
    expect(chat.state.frames).toEqual([]);
  });

  it('saves the result and falls back on "*" for another outcome', () => {
    const chat = createChat([flow]);
    chat.start('report');
    chat.text('Lampu jalan mati');
    chat.result({ outcome: 'duplicate' });
    expect(chat.lines()).toEqual(['Gagal', 'Menu utama']);
    expect(chat.stack()).toEqual(['menu']);
  });

  it('sends a null input when the step has none, and continues on a plain result', () => {
    const plain = defineFlow({
      id: 'plain',
      version: 1,
      steps: [
        { id: 'ping', kind: 'call', action: testAction('ping') },
        { id: 'show', kind: 'say', text: (ctx) => say(`Hasil ${JSON.stringify(ctx.answers)}`) },
        { id: 'ask', kind: 'text', prompt: say('Lagi?') },
      ],
    });
    const chat = createChat([plain]);
    chat.start('plain');
    expect(chat.effects).toEqual([{ type: 'call', action: 'ping', input: null }]);
    chat.result(42);
    expect(chat.lines()).toEqual(['Hasil {"ping":42}', 'Lagi?']);
    expect(chat.state.frames[0]?.waitingCall).toBeUndefined();
  });

  it('refuses a call result nobody waits for', () => {
    const chat = createChat([flow]);
    chat.start('report');
    expect(() => chat.result({ outcome: 'saved' })).toThrow('no call was waiting');
  });
});

describe('skip conditions', () => {
  const flow = defineFlow({
    id: 'skips',
    version: 1,
    steps: [
      { id: 'has_phone', kind: 'yesno', prompt: say('Punya HP?') },
      {
        id: 'phone',
        kind: 'text',
        prompt: say('Nomor HP?'),
        skipIf: (ctx) => ctx.answers.has_phone === false,
      },
      {
        id: 'staff_note',
        kind: 'text',
        prompt: say('Catatan petugas?'),
        skipIf: (ctx) => ctx.contact.role !== 'staff',
      },
      { id: 'end', kind: 'say', text: say('Selesai') },
    ],
  });

  it('skips a step on earlier answers, without saving it', () => {
    const chat = createChat([flow]);
    chat.start('skips');
    chat.text('tidak');
    expect(chat.lines()).toEqual(['Selesai']);

    chat.start('skips');
    chat.text('ya');
    expect(chat.lines()).toEqual(['Nomor HP?']);
    chat.text('0812');
    expect(chat.lines()).toEqual(['Selesai']);
  });

  it('skips a step on the contact', () => {
    const chat = createChat([flow], { contact: { role: 'staff' } });
    chat.start('skips');
    chat.text('tidak');
    expect(chat.lines()).toEqual(['Catatan petugas?']);
    chat.text('kembali');
    expect(chat.lines().at(-1)).toBe('Punya HP?');
  });
});
