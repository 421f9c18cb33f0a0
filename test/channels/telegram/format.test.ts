import { describe, expect, it } from 'vitest';
import { escapeHtml, stripMarkers, toTelegramHtml } from '../../../src/channels/telegram/format.js';

describe('Telegram HTML', () => {
  it('escapes what a person typed before anything else', () => {
    expect(escapeHtml('<b>a & b</b>')).toBe('&lt;b&gt;a &amp; b&lt;/b&gt;');
    expect(toTelegramHtml('Saran: <script>alert(1)</script> & "x"')).toBe(
      'Saran: &lt;script&gt;alert(1)&lt;/script&gt; &amp; "x"',
    );
  });

  it('turns WhatsApp-style markers into balanced tags', () => {
    expect(toTelegramHtml('Selamat datang di *Sapa Desa* 👋')).toBe(
      'Selamat datang di <b>Sapa Desa</b> 👋',
    );
    expect(toTelegramHtml('_Balas dengan angka pilihan Anda._')).toBe(
      '<i>Balas dengan angka pilihan Anda.</i>',
    );
    expect(toTelegramHtml('• *menu*: kembali, *kembali* atau *0*')).toBe(
      '• <b>menu</b>: kembali, <b>kembali</b> atau <b>0</b>',
    );
    expect(toTelegramHtml('*tebal _miring_ tebal*')).toBe('<b>tebal <i>miring</i> tebal</b>');
  });

  it('leaves lone or word-inner markers alone and never crosses tags', () => {
    expect(toTelegramHtml('2*3*4 = 24, nama_file_ini, * bukan *')).toBe(
      '2*3*4 = 24, nama_file_ini, * bukan *',
    );
    expect(toTelegramHtml('_a *b_ c*')).toBe('_a <b>b_ c</b>');
    expect(toTelegramHtml('*<b>*')).toBe('<b>&lt;b&gt;</b>');
    expect(toTelegramHtml('*satu\ndua*')).toBe('*satu\ndua*');
  });

  it('strips markers for the plain-text fallback', () => {
    expect(stripMarkers('Ketik *lewati* atau _batal_')).toBe('Ketik lewati atau batal');
  });

  it('shows a link as its words, linked, never reading an address for markers', () => {
    expect(toTelegramHtml('*Lokasi:* [lihat peta](https://osm.org/go/a_b_~c--?m) & _ok_')).toBe(
      '<b>Lokasi:</b> <a href="https://osm.org/go/a_b_~c--?m">lihat peta</a> &amp; <i>ok</i>',
    );
    expect(stripMarkers('Lokasi: [lihat peta](https://osm.org/go/abc?m)')).toBe(
      'Lokasi: https://osm.org/go/abc?m',
    );
  });
});
