import { describe, expect, it } from 'vitest';
import { cleanPayload, cleanText } from '../../src/core/clean-text.js';

describe('cleanText', () => {
  it('removes NUL and other control characters, keeping tabs and line breaks', () => {
    expect(cleanText('Siti\u0000 Aminah')).toBe('Siti Aminah');
    expect(cleanText('a\u0001b\u0007c\u001Bd\u007Fe\u0085f')).toBe('abcdef');
    expect(cleanText('baris 1\r\nbaris 2\rbaris 3\tx')).toBe('baris 1\nbaris 2\nbaris 3\tx');
  });

  it('removes unpaired surrogates and keeps emoji, joined emoji and every script', () => {
    expect(cleanText('rusak \uD83D parah \uDE00!')).toBe('rusak  parah !');
    expect(cleanText('👨‍👩‍👧 jalan 🛣️ ꦗꦮ مرحبا')).toBe('👨‍👩‍👧 jalan 🛣️ ꦗꦮ مرحبا');
  });

  it('removes bidirectional overrides that turn a text around on screen', () => {
    expect(cleanText('LP-\u202EABCDE')).toBe('LP-ABCDE');
  });
});

describe('cleanPayload', () => {
  it('cleans every text a person typed, whatever the payload', () => {
    expect(cleanPayload({ type: 'command', name: 'lapor\u0000', args: 'x\u0000y' })).toEqual({
      type: 'command',
      name: 'lapor',
      args: 'xy',
    });
    expect(cleanPayload({ type: 'photo', mediaId: 'm1', caption: 'a\u0000' })).toEqual({
      type: 'photo',
      mediaId: 'm1',
      caption: 'a',
    });
    expect(
      cleanPayload({ type: 'location', latitude: 1, longitude: 2, label: 'pasar\u0000' }),
    ).toEqual({ type: 'location', latitude: 1, longitude: 2, label: 'pasar' });
  });
});
