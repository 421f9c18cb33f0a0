import { proto } from '@whiskeysockets/baileys';
import { describe, expect, it } from 'vitest';
import {
  parseWhatsappMessage,
  phoneOf,
  senderAddress,
} from '../../../src/channels/whatsapp/parse.js';
import { incoming } from './messages.js';

const LID = '123456789012345@lid';
const PN = '6281234567890@s.whatsapp.net';

function payloadOf(content: proto.IMessage) {
  const parsed = parseWhatsappMessage(incoming(LID, content, { alt: PN }));
  if (parsed.type !== 'message') throw new Error(`ignored: ${parsed.reason}`);
  return parsed.content.type === 'payload' ? parsed.content.payload : parsed.content;
}

function ignoredReason(message: ReturnType<typeof incoming>): string {
  const parsed = parseWhatsappMessage(message);
  return parsed.type === 'ignore' ? parsed.reason : 'not ignored';
}

describe('WhatsApp message parsing', () => {
  it('reads both addresses, device suffixes stripped, whichever way round they come', () => {
    expect(senderAddress('123456789012345:12@lid', '6281234567890:3@s.whatsapp.net')).toEqual({
      lid: LID,
      pn: PN,
    });
    expect(senderAddress(PN, LID)).toEqual({ lid: LID, pn: PN });
    expect(senderAddress(LID)).toEqual({ lid: LID });
    expect(senderAddress('6281234567890@c.us')).toEqual({ pn: PN });
    expect(phoneOf(PN)).toBe('6281234567890');
    expect(phoneOf(undefined)).toBeUndefined();
  });

  it('reads text, commands and replies to lists, buttons and interactive messages', () => {
    expect(payloadOf({ conversation: '  satu ' })).toEqual({ type: 'text', text: 'satu' });
    expect(payloadOf({ extendedTextMessage: { text: 'Ide fitur baru' } })).toEqual({
      type: 'text',
      text: 'Ide fitur baru',
    });
    expect(payloadOf({ conversation: '/saran tolong' })).toEqual({
      type: 'command',
      name: 'saran',
      args: 'tolong',
    });
    expect(
      payloadOf({
        listResponseMessage: { title: 'Ide fitur baru', singleSelectReply: { selectedRowId: '3' } },
      }),
    ).toEqual({ type: 'text', text: '3' });
    expect(
      payloadOf({
        buttonsResponseMessage: { selectedButtonId: '2', selectedDisplayText: 'Tidak' },
      }),
    ).toEqual({ type: 'text', text: '2' });
    expect(
      payloadOf({ templateButtonReplyMessage: { selectedId: '1', selectedDisplayText: 'Ya' } }),
    ).toEqual({ type: 'text', text: '1' });
    expect(
      payloadOf({
        interactiveResponseMessage: {
          body: { text: 'Bantuan' },
          nativeFlowResponseMessage: { name: 'single_select', paramsJson: '{"id":"2"}' },
        },
      }),
    ).toEqual({ type: 'text', text: '2' });
  });

  it('unwraps ephemeral, view-once and document-with-caption wrappers', () => {
    expect(payloadOf({ ephemeralMessage: { message: { conversation: 'halo' } } })).toEqual({
      type: 'text',
      text: 'halo',
    });
    expect(
      payloadOf({ viewOnceMessageV2: { message: { imageMessage: { caption: 'jalan rusak' } } } }),
    ).toEqual({ type: 'image', caption: 'jalan rusak' });
    expect(
      payloadOf({
        documentWithCaptionMessage: {
          message: {
            documentMessage: { mimetype: 'image/jpeg', caption: 'foto', fileLength: 900 },
          },
        },
      }),
    ).toEqual({ type: 'image', caption: 'foto', mimeType: 'image/jpeg', fileLength: 900 });
    expect(
      payloadOf({
        documentWithCaptionMessage: {
          message: { documentMessage: { mimetype: 'application/pdf', caption: 'surat' } },
        },
      }),
    ).toEqual({ type: 'unsupported', kind: 'document' });
  });

  it('reads locations and live locations', () => {
    expect(
      payloadOf({
        locationMessage: { degreesLatitude: -7.25, degreesLongitude: 112.75, name: 'Balai desa' },
      }),
    ).toEqual({ type: 'location', latitude: -7.25, longitude: 112.75, label: 'Balai desa' });
    expect(
      payloadOf({ liveLocationMessage: { degreesLatitude: -6.2, degreesLongitude: 106.8 } }),
    ).toEqual({ type: 'location', latitude: -6.2, longitude: 106.8 });
  });

  it('names what is not supported yet', () => {
    expect(payloadOf({ audioMessage: { ptt: true } })).toEqual({
      type: 'unsupported',
      kind: 'voice',
    });
    expect(payloadOf({ audioMessage: { ptt: false } })).toEqual({
      type: 'unsupported',
      kind: 'audio',
    });
    expect(payloadOf({ stickerMessage: {} })).toEqual({ type: 'unsupported', kind: 'sticker' });
    expect(payloadOf({ videoMessage: {} })).toEqual({ type: 'unsupported', kind: 'video' });
    expect(payloadOf({ documentMessage: { mimetype: 'application/pdf' } })).toEqual({
      type: 'unsupported',
      kind: 'document',
    });
    expect(payloadOf({ contactMessage: { displayName: 'Pak RT' } })).toEqual({
      type: 'unsupported',
      kind: 'contact',
    });
    expect(payloadOf({ pollCreationMessageV3: { name: 'Rapat?' } })).toEqual({
      type: 'unsupported',
      kind: 'poll',
    });
  });

  it('ignores what is not a person writing to the bot', () => {
    const text = { conversation: 'halo' };
    expect(ignoredReason(incoming('status@broadcast', text, { participant: PN }))).toBe(
      'status or broadcast',
    );
    expect(ignoredReason(incoming('120363041234567890@g.us', text, { participant: LID }))).toBe(
      'group',
    );
    expect(ignoredReason(incoming('120363041234567890@newsletter', text))).toBe('newsletter');
    expect(ignoredReason(incoming(LID, text, { fromMe: true }))).toBe('sent by the bot itself');
    expect(
      ignoredReason(
        incoming(LID, {
          protocolMessage: { type: proto.Message.ProtocolMessage.Type.REVOKE, key: { id: 'X' } },
        }),
      ),
    ).toBe('protocolMessage');
    expect(
      ignoredReason(
        incoming(LID, {
          editedMessage: {
            message: {
              protocolMessage: {
                type: proto.Message.ProtocolMessage.Type.MESSAGE_EDIT,
                editedMessage: { conversation: 'diubah' },
              },
            },
          },
        }),
      ),
    ).toBe('protocolMessage');
    expect(
      ignoredReason(incoming(LID, { reactionMessage: { text: '👍', key: { id: 'X' } } })),
    ).toBe('reactionMessage');
    expect(
      ignoredReason(incoming(LID, {}, { stub: proto.WebMessageInfo.StubType.E2E_ENCRYPTED })),
    ).toBe('stub');
    expect(ignoredReason(incoming(LID, { conversation: '   ' }))).toBe('conversation');
  });
});
