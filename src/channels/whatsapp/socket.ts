import makeWASocket, {
  type AnyMessageContent,
  type makeEventBuffer,
  type UserFacingSocketConfig,
  type WAMessage,
  type WAPresence,
} from '@whiskeysockets/baileys';

/**
 * The part of a Baileys socket the channel uses. A real `makeWASocket` socket fits it;
 * tests pass a fake built on Baileys' own event buffer.
 */
export interface WhatsappSocket {
  ev: ReturnType<typeof makeEventBuffer>;
  sendMessage(jid: string, content: AnyMessageContent): Promise<WAMessage | undefined>;
  sendPresenceUpdate(type: WAPresence, jid?: string): Promise<void>;
  requestPairingCode(phoneNumber: string): Promise<string>;
  end(error: Error | undefined): Promise<void> | void;
  /** Asks the sender's phone to upload expired media again (used when downloading). */
  updateMediaMessage?(message: WAMessage): Promise<WAMessage>;
  /** Baileys' store of LID ↔ phone-number pairs it has learnt. */
  signalRepository?: {
    lidMapping: {
      getPNForLID(lid: string): Promise<string | null>;
      getLIDForPN(pn: string): Promise<string | null>;
    };
  };
}

/** The logger interface Baileys takes (pino fits it). */
export type BaileysLogger = NonNullable<UserFacingSocketConfig['logger']>;

/** Builds a socket from its configuration: `makeWASocket` in production. */
export type MakeWhatsappSocket = (config: UserFacingSocketConfig) => WhatsappSocket;

/** The production socket factory. */
export const makeBaileysSocket: MakeWhatsappSocket = (config) => makeWASocket(config);
