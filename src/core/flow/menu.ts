import type { Text } from '../messages.js';
import type { ChoiceOption, StepContext } from './types.js';

/**
 * An option a capability puts in the main menu. Options are shown by `order`, smallest
 * first, to the people whose role is in `roles` (everyone when absent).
 */
export interface MenuEntry {
  /** Stable value of the option (unique across the menu). */
  value: string;
  label: Text;
  order: number;
  roles?: readonly string[];
  /** Where choosing it goes: a `goto` or `push` of one of the capability's flows. */
  target: string;
}

/** The entries in menu order. */
export function sortMenu(entries: readonly MenuEntry[]): MenuEntry[] {
  return [...entries].sort((a, b) => a.order - b.order);
}

/** The options the person of `ctx` sees, in order. */
export function menuOptions(entries: readonly MenuEntry[], ctx: StepContext): ChoiceOption[] {
  return sortMenu(entries)
    .filter((entry) => !entry.roles || entry.roles.includes(ctx.contact.role))
    .map((entry) => ({ value: entry.value, label: entry.label }));
}
