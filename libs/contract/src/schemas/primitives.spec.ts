import { describe, expect, it } from 'vitest';
import { IsoDate, Timestamp, Uuid } from './primitives';

describe('Timestamp', () => {
  it.each([
    '2025-01-01T00:00:00',
    '2025-01-01T00:00:00Z',
    '2025-01-01T00:00:00+00:00',
    '2025-11-15T13:32:03.123456',
    '2025-11-15T13:32:03.123Z',
    '2025-11-15T13:32:03.1-05:30',
  ])('accepts %s', (value) => expect(Timestamp.safeParse(value).success).toBe(true));

  it.each([
    '2025-01-01 00:00:00',
    '2025-01-01',
    '2025-13-01T00:00:00',
    '2025-01-01T24:00:00',
    '2025-01-01T00:00:00.',
    '2025-01-01T00:00:00+0000',
    '2025-01-01T00:00:00z',
    1735689600000,
  ])('rejects %s', (value) => expect(Timestamp.safeParse(value).success).toBe(false));
});

describe('IsoDate', () => {
  it.each([
    ['1990-05-17', true],
    ['1990-02-30', false],
    ['1990-05-17T00:00:00', false],
    ['19900517', false],
  ])('%s → %s', (value, ok) => expect(IsoDate.safeParse(value).success).toBe(ok));
});

describe('Uuid', () => {
  it.each([
    ['01234567-89ab-4def-8123-456789abcdef', true],
    ['01234567-89AB-4DEF-8123-456789ABCDEF', false],
    ['0123456789ab4def8123456789abcdef', false],
    ['{01234567-89ab-4def-8123-456789abcdef}', false],
  ])('%s → %s', (value, ok) => expect(Uuid.safeParse(value).success).toBe(ok));
});
