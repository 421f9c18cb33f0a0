import { describe, expect, it } from 'vitest';
import {
  newTicket,
  parseTicket,
  TICKET_ALPHABET,
  TICKET_LENGTH,
} from '../../../src/domain/report/ticket.js';

describe('report tickets', () => {
  it('use 32 characters without 0, O, 1 or I', () => {
    expect(TICKET_ALPHABET).toHaveLength(32);
    expect(new Set(TICKET_ALPHABET).size).toBe(32);
    for (const lookalike of ['0', 'O', '1', 'I']) expect(TICKET_ALPHABET).not.toContain(lookalike);
  });

  it('are LP- and five characters drawn with the injected randomness', () => {
    const draws = [0, 31, 8, 9, 24];
    expect(newTicket(() => draws.shift() ?? 0)).toBe('LP-A9JK2');
    const seen = new Set<number>();
    const ticket = newTicket((max) => {
      seen.add(max);
      return max - 1;
    });
    expect(ticket).toBe(`LP-${'9'.repeat(TICKET_LENGTH)}`);
    expect([...seen]).toEqual([32]);
  });

  it('are read in any case, with or without the dash or the prefix', () => {
    for (const typed of ['LP-7KQ3M', 'lp-7kq3m', 'Lp 7kq3m', 'lp7kq3m', '7kq3m', ' LP-7KQ3M. ']) {
      expect(parseTicket(typed), typed).toBe('LP-7KQ3M');
    }
  });

  it('refuse anything else, lookalikes included', () => {
    for (const typed of [
      '',
      'LP-',
      'LP-7KQ3',
      'LP-7KQ3MM',
      'LP-7KQ0M',
      'LP-OKQ3M',
      'LP-IKQ3M',
      'status',
    ]) {
      expect(parseTicket(typed), typed).toBeUndefined();
    }
  });
});
