import { describe, expect, it } from 'vitest';
import { entryFlowFor } from '../../flows/index.js';
import {
  hasCurrentConsent,
  isRegistered,
  PRIVACY_NOTICE_VERSION,
} from '../../src/domain/privacy.js';

const registered = new Date('2026-03-02T01:00:00Z');

describe('consent and registration', () => {
  it('counts only consent to the current notice version', () => {
    expect(hasCurrentConsent({ consentVersion: PRIVACY_NOTICE_VERSION, registeredAt: null })).toBe(
      true,
    );
    expect(
      hasCurrentConsent({ consentVersion: PRIVACY_NOTICE_VERSION - 1, registeredAt: null }),
    ).toBe(false);
    expect(hasCurrentConsent({ consentVersion: null, registeredAt: registered })).toBe(false);
  });

  it('sends people to onboarding until they consent and confirm a profile, then to the menu', () => {
    const current = PRIVACY_NOTICE_VERSION;
    expect(entryFlowFor({ consentVersion: null, registeredAt: null })).toBe('onboarding');
    expect(entryFlowFor({ consentVersion: current, registeredAt: null })).toBe('onboarding');
    expect(entryFlowFor({ consentVersion: current - 1, registeredAt: registered })).toBe(
      'onboarding',
    );
    expect(entryFlowFor({ consentVersion: current, registeredAt: registered })).toBe('menu');
    expect(isRegistered({ consentVersion: current, registeredAt: registered })).toBe(true);
  });
});
