import { type Api, InputFile } from 'grammy';
import type { Attachment } from '../../core/messages.js';

/**
 * A stored photo as Telegram can take it: its own file id when the photo came in on
 * Telegram (no upload), else the bytes. Undefined when the photo is gone (erased).
 */
export type TelegramPhoto = { fileId: string } | { bytes: Uint8Array };

/** Finds a stored photo by media id, for sending. */
export type LoadTelegramPhoto = (mediaId: string) => Promise<TelegramPhoto | undefined>;

/**
 * Sends one attachment of a message: a photo (skipped when it no longer exists), a map
 * pin, or a document (uploaded with its file name). `call` paces the request and maps failures as every other send does.
 */
export async function sendAttachment(
  deps: { api: Api; loadPhoto?: LoadTelegramPhoto },
  chatId: string,
  attachment: Attachment,
  call: <T>(run: () => Promise<T>) => Promise<T>,
): Promise<void> {
  if (attachment.type === 'location') {
    await call(() => deps.api.sendLocation(chatId, attachment.latitude, attachment.longitude));
    return;
  }
  if (attachment.type === 'document') {
    const bytes = Buffer.from(attachment.content, 'utf8');
    await call(() => deps.api.sendDocument(chatId, new InputFile(bytes, attachment.fileName)));
    return;
  }
  const photo = await deps.loadPhoto?.(attachment.mediaId);
  if (!photo) return;
  const file = 'fileId' in photo ? photo.fileId : new InputFile(photo.bytes, 'foto.jpg');
  await call(() => deps.api.sendPhoto(chatId, file));
}
