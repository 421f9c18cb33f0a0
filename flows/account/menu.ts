import { type MenuEntry, menuOptions, sortMenu } from '../../src/core/flow/menu.js';
import { defineFlow, type FlowDefinition, push } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';
import { FLOW_IDS } from './flow-ids.js';

/** The account's own options: at the end of the menu, after what people come for. */
export const ACCOUNT_MENU: MenuEntry[] = [
  { value: 'language', label: t('menu:options.language'), order: 80, target: push('language') },
  { value: 'help', label: t('menu:options.help'), order: 90, target: push('help') },
];

/**
 * The main menu: what a registered person can do, made of every capability's entries
 * (the registry hands them over), in their order, each shown to the roles it names.
 */
export function mainMenuFlow(entries: readonly MenuEntry[]): FlowDefinition {
  const sorted = sortMenu(entries);
  return defineFlow({
    id: FLOW_IDS.menu,
    version: 1,
    commands: ['menu', 'start', 'mulai'],
    steps: [
      {
        id: 'choose',
        kind: 'choice',
        prompt: (ctx) =>
          typeof ctx.contact.displayName === 'string'
            ? t('menu:prompt_named', { name: ctx.contact.displayName })
            : t('menu:prompt'),
        options: (ctx) => menuOptions(sorted, ctx),
        next: Object.fromEntries(sorted.map((entry) => [entry.value, entry.target])),
      },
    ],
  });
}
