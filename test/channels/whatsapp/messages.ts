import { proto, type WAMessage } from '@whiskeysockets/baileys';

let counter = 0;

/** Builds an incoming message from `jid` (with `alt` as `remoteJidAlt`) with this content. */
export function incoming(
  jid: string,
  content: proto.IMessage,
  options: {
    id?: string;
    alt?: string;
    fromMe?: boolean;
    stub?: number;
    participant?: string;
    /** When the person sent it, in epoch seconds (the test clock's start by default). */
    timestamp?: number;
  } = {},
): WAMessage {
  counter += 1;
  return {
    key: {
      remoteJid: jid,
      ...(options.alt ? { remoteJidAlt: options.alt } : {}),
      ...(options.participant ? { participant: options.participant } : {}),
      fromMe: options.fromMe ?? false,
      id: options.id ?? `3EB0${String(counter).padStart(8, '0')}`,
    },
    message: proto.Message.fromObject(content),
    messageTimestamp: options.timestamp ?? 1_772_413_200,
    ...(options.stub ? { messageStubType: options.stub } : {}),
  };
}
