/** The channel name of WhatsApp. */
export const WHATSAPP_CHANNEL = 'whatsapp';
