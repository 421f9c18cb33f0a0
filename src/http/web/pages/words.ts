/** Names the admin web's pages show. */
import { displayName, type VillageDirectory } from '../../../domain/villages.js';

/** "Sukamaju (Cibeber, Kab. Cianjur)"-like short name of a village; its code when unknown. */
export function villageName(directory: VillageDirectory, code: string): string {
  const village = directory.get(code);
  if (!village) return code;
  return `${displayName(village.name)}, ${displayName(village.district.name)}`;
}

/** A chat text for a web page: without the chat's `*bold*` and `_italic_` marks. */
export function plain(text: string): string {
  return text.replace(/\*([^*\n]+)\*/g, '$1').replace(/(^|\s)_([^_\n]+)_(?=\s|$|[.,!?])/g, '$1$2');
}
