/**
 * Check-in words anywhere: `HADIR <kode>` typed as a plain message (any case, spaces
 * forgiven) and Telegram's `/start hadir_<token>` (the deep link of a check-in QR code)
 * become the `/hadir` command before the engine reads them, so they work at the menu and
 * in the middle of any question (the check-in opens on top and the question comes back).
 */
import type { Engine } from '../../src/core/engine/engine.js';
import type { InboundPayload } from '../../src/core/messages.js';

/** `hadir` and a 6-character code, spaces and dashes forgiven inside it. */
const TYPED = /^\s*hadir\s*[:.-]?\s*((?:[a-z0-9][\s-]*){6})$/i;
const DEEP_LINK = /^hadir_([A-Za-z0-9_-]+)$/;

/** The `/hadir` command a payload means, or the payload itself. */
export function checkInPayload(payload: InboundPayload): InboundPayload {
  if (payload.type === 'text') {
    const typed = TYPED.exec(payload.text);
    if (typed?.[1]) return { type: 'command', name: 'hadir', args: typed[1].trim() };
  }
  if (payload.type === 'command' && payload.name === 'start') {
    const link = DEEP_LINK.exec(payload.args.trim());
    if (link?.[1]) return { type: 'command', name: 'hadir', args: `token:${link[1]}` };
  }
  return payload;
}

/** Wraps the engine so that check-in words reach the check-in flow. */
export function withCheckInWords(engine: Engine): Engine {
  return {
    ...engine,
    handle(state, event, env) {
      if (event.type !== 'input') return engine.handle(state, event, env);
      return engine.handle(state, { ...event, payload: checkInPayload(event.payload) }, env);
    },
  };
}
