/** A flow definition is inconsistent: found at start-up, it stops the bot. */
export class FlowDefinitionError extends Error {
  override name = 'FlowDefinitionError';
}
