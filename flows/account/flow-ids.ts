/** Flows the engine, the runtime and other flows open by name. */
export const FLOW_IDS = {
  menu: 'menu',
  help: 'help',
  language: 'language',
  onboarding: 'onboarding',
} as const;
