/**
 * The Badges page's words: a rule in a sentence, every BadgeIconName drawn by an icon of the
 * client's set, and the definition key that says whether a preview is of what would be saved.
 */
import { describe, expect, it } from 'vitest';
import { ICON_NAMES } from '../components/icons/Icon.tsx';
import { BADGE_ICONS, definitionKey, iconOf, previewPeriodName, ruleInWords } from './badgeRules.ts';

describe('badge rules in words', () => {
  it('says what earns a rule', () => {
    expect(ruleInWords('ORDERS', 'MONTHLY', 3)).toBe('Orders ≥ 3 in a month');
    expect(ruleInWords('REVENUE', null, 10000)).toMatch(/^Revenue ≥ .*10,000 in a lifetime$/);
    expect(previewPeriodName('MONTHLY', '2025-11-01')).toBe('November 2025');
    expect(previewPeriodName(null, null)).toBe('Lifetime');
  });
  it('draws every icon a rule may have with the client’s set', () => {
    expect(BADGE_ICONS.map(iconOf).filter((name) => !ICON_NAMES.includes(name))).toEqual([]);
  });
  it('keys a definition by what it awards', () => {
    const key = definitionKey({ metric: 'ORDERS', periodType: 'MONTHLY', threshold: '3' });
    expect(definitionKey({ metric: 'ORDERS', periodType: 'MONTHLY', threshold: '3.00' })).toBe(key);
    expect(definitionKey({ metric: 'ORDERS', periodType: null, threshold: '3' })).not.toBe(key);
  });
});
