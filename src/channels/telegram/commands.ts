import type { Api } from 'grammy';
import type { BotCommand, LanguageCode } from 'grammy/types';
import type { Text } from '../../core/messages.js';

/**
 * The commands shown in Telegram's menu, by their key in `locales/<lng>/telegram.json`
 * (`commands.<key>.name` and `.description`). Each name must start a flow in that
 * language (see `commands` in flows/).
 */
export const MENU_COMMANDS = [
  'menu',
  'feedback',
  'help',
  'language',
  'privacy',
  'my_data',
  'report',
  'my_reports',
  'status',
] as const;

/** The command menu in one language. */
export function botCommands(
  translate: (text: Text, language: string) => string,
  language: string,
): BotCommand[] {
  return MENU_COMMANDS.map((key) => ({
    command: translate({ key: `telegram:commands.${key}.name` }, language),
    description: translate({ key: `telegram:commands.${key}.description` }, language),
  }));
}

/**
 * Registers the menu for every language (Telegram shows the one matching the app's
 * language) and, for everyone else, in the default language.
 */
export async function registerCommands(options: {
  api: Api;
  translate: (text: Text, language: string) => string;
  languages: readonly string[];
  defaultLanguage: string;
}): Promise<void> {
  const { api, translate } = options;
  await api.setMyCommands(botCommands(translate, options.defaultLanguage));
  for (const language of options.languages) {
    await api.setMyCommands(botCommands(translate, language), {
      language_code: language as LanguageCode,
    });
  }
}
