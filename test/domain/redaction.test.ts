import { describe, expect, it } from 'vitest';
import { phonesIn, REDACTED, redactPersonal } from '../../src/domain/redaction.js';

const none = { names: [], phones: [], anyPhone: false };

describe('redactPersonal', () => {
  it('removes any Indonesian phone number, however it is written', () => {
    const written = [
      '+62 812-3456-7890',
      '+6281234567890',
      '6281234567890',
      '62 812 3456 7890',
      '081234567890',
      '0812-3456-7890',
      '0812 3456 7890',
      '0812.3456.7890',
      '(022) 7654321',
      '021-7654321',
    ];
    for (const phone of written) {
      expect(redactPersonal(`Hubungi ${phone} ya.`, { ...none, anyPhone: true })).toBe(
        `Hubungi ${REDACTED} ya.`,
      );
    }
  });

  it('leaves amounts, dates, tickets and RT/RW numbers alone', () => {
    const text = 'Rp 620.000.000 untuk RT 04 RW 05, 02/03/2026, tiket LP-7K3QX, tahun 2026';
    expect(redactPersonal(text, { ...none, anyPhone: true })).toBe(text);
  });

  it('removes a known number in any form without touching other numbers', () => {
    const traces = { ...none, phones: ['+6281299990000'] };
    expect(redactPersonal('HP saya 0812-9999-0000, RT 0811 2222 333', traces)).toBe(
      `HP saya ${REDACTED}, RT 0811 2222 333`,
    );
    expect(redactPersonal('wa +62 812 9999 0000', traces)).toBe(`wa ${REDACTED}`);
    expect(redactPersonal('Budi, 0812-9999-0000, (0812) 9999 0000', traces)).toBe(
      `Budi, ${REDACTED}, ${REDACTED}`,
    );
  });

  it('removes the name, whole or in parts, in any case, but not inside other words or titles', () => {
    const traces = { ...none, names: ['Budi Santoso'] };
    expect(redactPersonal('Rumah BUDI SANTOSO dan pak budi, Budiman tetangga', traces)).toBe(
      `Rumah ${REDACTED} dan pak ${REDACTED}, Budiman tetangga`,
    );
    expect(redactPersonal('Pak Ali datang', { ...none, names: ['Pak Ali'] })).toBe(
      `${REDACTED} datang`,
    );
    expect(redactPersonal('Bu Siti dan bu Rina', { ...none, names: ['Bu Siti'] })).toBe(
      `${REDACTED} dan bu Rina`,
    );
    // Every whole name before any part: "Bu Siti" goes as one, not as "Bu [Siti]".
    const both = { ...none, names: ['Siti Aminah', 'Bu Siti'] };
    expect(redactPersonal('Bu Siti, Aminah', both)).toBe(`${REDACTED}, ${REDACTED}`);
    expect(
      redactPersonal('Siti Aminah', { ...none, names: ['Siti Aminah'], nameParts: false }),
    ).toBe(REDACTED);
    expect(redactPersonal('Bu Siti', { ...none, names: ['Siti Aminah'], nameParts: false })).toBe(
      'Bu Siti',
    );
  });

  it('finds the phone numbers written in a text', () => {
    expect(phonesIn('telp 0812-3456-7890 atau +62 22 7654321')).toEqual([
      '81234567890',
      '227654321',
    ]);
  });
});
