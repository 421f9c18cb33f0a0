import { call, resultOf } from '../../src/core/flow/action.js';
import { defineFlow, END } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';
import { checkInWith } from './declarations.js';

/** Longest typed code read, in characters. */
const CODE_INPUT_MAX_CHARS = 40;

const check = call('check', checkInWith, {
  input: (ctx) => ({ code: String(ctx.answers.code ?? ctx.args) }),
  next: { ask: 'code', '*': 'said' },
});

/**
 * `HADIR <kode>` (or `/hadir`, or Telegram's `/start hadir_<token>` from a QR code): the
 * person checks in to the session whose check-in is open. Opened on top of whatever they
 * were doing, which resumes after it.
 */
export const checkInFlow = defineFlow({
  id: 'training-check-in',
  version: 1,
  commands: ['hadir', 'checkin'],
  returns: true,
  steps: [
    check,
    {
      id: 'code',
      kind: 'text',
      prompt: t('training:checkin.ask'),
      max: CODE_INPUT_MAX_CHARS,
      next: 'check',
    },
    {
      id: 'said',
      kind: 'say',
      text: (ctx) => resultOf(ctx, check)?.text ?? t('training:checkin.ask'),
      next: END,
    },
  ],
});
