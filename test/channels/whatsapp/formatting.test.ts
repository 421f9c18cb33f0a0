import { afterEach, describe, expect, it } from 'vitest';
import { toTelegramHtml } from '../../../src/channels/telegram/format.js';
import { renderWhatsappMessage } from '../../../src/channels/whatsapp/render.js';
import { link, t as text } from '../../../src/core/messages.js';
import { createTranslator } from '../../../src/i18n.js';
import { createWhatsappTest, type WhatsappTest } from './setup.js';

const BUDI_LID = '209876543210987@lid';
const BUDI_PN = '6285700000002@s.whatsapp.net';

let t: WhatsappTest | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("People's words in the bot's messages", () => {
  it('are never formatted on WhatsApp: a name like *Budi*_ shows as written', async () => {
    t = await createWhatsappTest({ onboarding: true });
    const say = (words: string) =>
      t?.say(BUDI_LID, words, { alt: BUDI_PN }).then((r) => r.join('\n'));
    for (const words of ['halo', '1', 'ya', 'setuju']) await say(words);
    await say('*Budi*_ ~Santoso~ `x`');
    await say('1');
    await say('desa bojongsoang');
    const profile = await say('1');
    expect(profile).toContain('Periksa profil Anda');
    const nameLine = profile?.split('\n').find((line) => line.includes('Nama'));
    expect(nameLine).toBe('• Nama: \u2217Budi\u2217\u02cd \u223cSantoso\u223c \u02cbx\u02cb');
    // The texts' own formatting is kept: the hint under the options in italics.
    expect(profile).toMatch(/\n_[^_\n]+_$/);
  });

  it('are never turned into bold or italics in Telegram HTML either', async () => {
    const translator = await createTranslator('id');
    const rendered = translator.render(
      { texts: [text('report:notify.moved_note', { note: '*penting* _segera_' })] },
      'id',
    );
    const html = toTelegramHtml(rendered.texts.join('\n'));
    expect(html).not.toMatch(/<b>penting<\/b>|<i>segera<\/i>/);
    expect(html).toContain('\u2217penting\u2217');
    // Translating for other uses (the admin web, exports) leaves the words alone.
    expect(translator.translate(text('report:notify.moved_note', { note: '*x*' }), 'id')).toContain(
      '*x*',
    );
  });

  it('never make a link that hides its address; a map pin is a link the channel shows', async () => {
    const translator = await createTranslator('id');
    const rendered = translator.render(
      {
        texts: [
          text('report:notify.moved_note', { note: '[hadiah](https://contoh.test/x)' }),
          text('report:location.pin', {
            link: link('https://osm.org/go/abc--?m', text('common:map_link')),
          }),
        ],
      },
      'id',
    );
    const html = toTelegramHtml(rendered.texts.join('\n'));
    expect(html).not.toContain('<a href="https://contoh.test/x">');
    expect(html).toContain('titik di peta: <a href="https://osm.org/go/abc--?m">lihat peta</a>');
    expect(renderWhatsappMessage(rendered).join('\n')).toContain(
      'titik di peta: https://osm.org/go/abc--?m',
    );
  });
});
