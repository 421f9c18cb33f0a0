import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import {
  chatKeyOf,
  dedupeKeyOf,
  isUpdateLike,
  parseUpdate,
  pickPhoto,
} from '../../../src/channels/telegram/parse.js';

const options = { botUsername: 'sapa_desa_bot', maxPhotoBytes: 1000 };
const chat = { id: 42, type: 'private', first_name: 'Siti' };
const from = { id: 42, is_bot: false, first_name: 'Siti', language_code: 'id' };
const message = (content: object, over: object = {}) =>
  ({
    update_id: 1,
    message: { message_id: 7, date: 1_772_413_200, chat, from, ...content, ...over },
  }) as Update;

describe('parsing Telegram updates', () => {
  it('reads texts and commands with a stable id that names no chat or person', () => {
    expect(parseUpdate(message({ text: 'halo' }), options)).toEqual({
      type: 'message',
      chatId: 42,
      messageId: 'u:1:1772413200',
      language: 'id',
      payload: { type: 'text', text: 'halo' },
    });
    expect(parseUpdate(message({ text: '/Start@sapa_desa_bot ref-1' }), options)).toMatchObject({
      payload: { type: 'command', name: 'start', args: 'ref-1' },
    });
  });

  it('reads locations, venues and names what it cannot use', () => {
    expect(
      parseUpdate(message({ location: { latitude: -7.1, longitude: 110.2 } }), options),
    ).toMatchObject({ payload: { type: 'location', latitude: -7.1, longitude: 110.2 } });
    const venue = {
      location: { latitude: 1, longitude: 2 },
      title: 'Balai Desa',
      address: 'Jl. 1',
    };
    expect(parseUpdate(message({ venue, location: venue.location }), options)).toMatchObject({
      payload: { type: 'location', label: 'Balai Desa, Jl. 1' },
    });
    const kinds: [object, string][] = [
      [{ sticker: {} }, 'sticker'],
      [{ voice: {} }, 'voice'],
      [{ video_note: {} }, 'video'],
      [{ animation: {}, document: {} }, 'video'],
      [{ document: {} }, 'document'],
      [{ contact: {} }, 'contact'],
      [{ dice: {} }, 'other'],
    ];
    for (const [content, kind] of kinds) {
      expect(parseUpdate(message(content), options)).toMatchObject({
        payload: { type: 'unsupported', kind },
      });
    }
    expect(parseUpdate(message({ new_chat_title: 'x' }), options).type).toBe('ignored');
  });

  it('picks the largest photo that fits and keeps the caption', () => {
    const sizes = [
      { file_id: 's', file_unique_id: 's', width: 90, height: 90, file_size: 100 },
      { file_id: 'm', file_unique_id: 'm', width: 320, height: 320, file_size: 900 },
      { file_id: 'l', file_unique_id: 'l', width: 1280, height: 1280, file_size: 5000 },
    ];
    expect(parseUpdate(message({ photo: sizes, caption: 'jalan rusak' }), options)).toMatchObject({
      type: 'photo',
      photo: { fileId: 'm' },
      caption: 'jalan rusak',
    });
    expect(pickPhoto(sizes, 10)).toBeUndefined();
  });

  it('ignores edits, channel posts and group chatter; answers group commands for this bot', () => {
    const edited = { update_id: 2, edited_message: { message_id: 7, date: 0, chat, text: 'x' } };
    expect(parseUpdate(edited as Update, options).type).toBe('ignored');
    const post = {
      update_id: 3,
      channel_post: { message_id: 1, date: 0, chat: { id: -1, type: 'channel' } },
    };
    expect(parseUpdate(post as Update, options).type).toBe('ignored');
    const group = { id: -100, type: 'supergroup', title: 'Desa' };
    expect(parseUpdate(message({ text: 'halo semua' }, { chat: group }), options).type).toBe(
      'ignored',
    );
    expect(parseUpdate(message({ text: '/start@other_bot' }, { chat: group }), options).type).toBe(
      'ignored',
    );
    expect(
      parseUpdate(message({ text: '/start@Sapa_Desa_Bot' }, { chat: group }), options),
    ).toEqual({
      type: 'group_command',
      chatId: -100,
      messageId: 'u:1:1772413200',
      replyTo: 7,
      language: 'id',
    });
  });

  it('reads presses and blocks', () => {
    const press = {
      update_id: 4,
      callback_query: {
        id: 'q1',
        from,
        chat_instance: 'c',
        data: 'c|1.2|1|x',
        message: { message_id: 9, date: 0, chat },
      },
    };
    expect(parseUpdate(press as Update, options)).toEqual({
      type: 'press',
      callbackQueryId: 'q1',
      messageId: 'u:4:0',
      chatId: 42,
      keyboardMessageId: 9,
      data: 'c|1.2|1|x',
      private: true,
      language: 'id',
    });
    const kicked = {
      update_id: 5,
      my_chat_member: {
        chat,
        from,
        date: 0,
        old_chat_member: { status: 'member' },
        new_chat_member: { status: 'kicked' },
      },
    };
    expect(parseUpdate(kicked as unknown as Update, options)).toEqual({
      type: 'blocked',
      chatId: 42,
    });
  });

  it('keys redeliveries by update id and message date, never by chat or user id', () => {
    const update = message({ text: 'halo' }, { chat: { ...chat, id: 987654321 } });
    expect(dedupeKeyOf(update)).toBe('u:1:1772413200');
    expect(dedupeKeyOf({ ...update, update_id: 2 })).toBe('u:2:1772413200');
    const kicked = { update_id: 9, my_chat_member: { chat } } as unknown as Update;
    expect(dedupeKeyOf(kicked)).toBe('u:9');
    expect(dedupeKeyOf(update)).not.toContain('987654321');
  });

  it('orders by chat, falling back to the sender, then the update, whatever the shape', () => {
    expect(chatKeyOf(message({ text: 'x' }))).toBe('chat:42');
    const press = { update_id: 3, callback_query: { id: 'q', from: { id: 77 } } };
    expect(chatKeyOf(press as unknown as Update)).toBe('chat:77');
    expect(chatKeyOf({ update_id: 5, message: { text: 'no chat' } } as unknown as Update)).toBe(
      'update:5',
    );
  });

  it('tells what can be an update at all, and ignores one not shaped as Telegram sends', () => {
    for (const body of [null, 'x', 5, [], {}, { update_id: '1' }, { update_id: 1.5 }]) {
      expect(isUpdateLike(body)).toBe(false);
    }
    expect(isUpdateLike({ update_id: 1 })).toBe(true);
    const noChat = { update_id: 1, message: { message_id: 7, date: 0, text: '/start' } };
    expect(parseUpdate(noChat as unknown as Update, options)).toEqual({
      type: 'ignored',
      reason: 'malformed update',
      issues: ['message.chat'],
    });
    const badPhoto = message({ photo: [{ file_id: 3 }] });
    expect(parseUpdate(badPhoto, options)).toMatchObject({ type: 'ignored' });
    const badPress = { update_id: 2, callback_query: { id: 'q', data: 'x' } };
    expect(parseUpdate(badPress as unknown as Update, options)).toMatchObject({
      type: 'ignored',
      issues: ['callback_query.from'],
    });
  });
});
