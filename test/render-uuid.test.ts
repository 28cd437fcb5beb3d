import { describe, expect, it } from 'vitest';
import { ANALYSE_NAMESPACE, uuidv5 } from '../src/render/uuid.js';

const DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const URL_NS = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

describe('uuidv5', () => {
  // Expected values from Python's uuid.uuid5.
  it.each([
    [DNS, 'www.example.com', '2ed6657d-e927-568b-95e1-2665a8aea6a2'],
    [URL_NS, 'https://github.com/analyse/refi-qda', ANALYSE_NAMESPACE],
    [DNS, 'äö😀', 'bdc572ad-ac2a-5671-84db-607d63ff4e0b'],
  ])('uuidv5(%s, %s)', (namespace, name, expected) => {
    expect(uuidv5(name, namespace)).toBe(expected);
  });

  it('is stable and version 5 / RFC variant', () => {
    const a = uuidv5('report\u00000\u000010');
    expect(a).toBe(uuidv5('report\u00000\u000010'));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(uuidv5('report\u00000\u000011'));
  });

  it('rejects a malformed namespace', () => {
    expect(() => uuidv5('x', 'not-a-uuid')).toThrow(/not a UUID/);
  });
});
