import type { Api } from 'grammy';

/** How long one photo download may take, in milliseconds. */
export const PHOTO_DOWNLOAD_TIMEOUT_MS = 30_000;

/** A downloaded file, or why it was not fetched. */
export type Download = { type: 'downloaded'; bytes: Uint8Array } | { type: 'too_large' };

/**
 * Downloads a file a person sent: `getFile`, then `<apiRoot>/file/bot<token>/<path>`.
 * Throws on network or Bot API failure (the caller tells the person to try again); the
 * error never contains the download URL, which holds the token.
 */
export async function downloadFile(options: {
  api: Api;
  apiRoot: string;
  token: string;
  fileId: string;
  maxBytes: number;
}): Promise<Download> {
  const file = await options.api.getFile(options.fileId);
  if (file.file_size !== undefined && file.file_size > options.maxBytes)
    return { type: 'too_large' };
  if (!file.file_path) throw new Error('telegram gave no file path');
  const response = await fetch(`${options.apiRoot}/file/bot${options.token}/${file.file_path}`, {
    signal: AbortSignal.timeout(PHOTO_DOWNLOAD_TIMEOUT_MS),
  }).catch((error: unknown) => {
    throw new Error(`file download failed: ${(error as Error).name}`);
  });
  if (!response.ok) throw new Error(`file download failed: HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > options.maxBytes) {
    await response.body?.cancel();
    return { type: 'too_large' };
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  return bytes.byteLength > options.maxBytes
    ? { type: 'too_large' }
    : { type: 'downloaded', bytes };
}
