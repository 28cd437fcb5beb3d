// The code cache file's header (src/launch/code-cache.ts): V8's data comes back only for the very bundle
// bytes it was sealed with and only whole; V8 itself checks neither (a damaged cache crashes it).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openCodeCache, sealCodeCache } from '../src/launch/code-cache.js';

const bytes = fc.uint8Array({ minLength: 1, maxLength: 200 });

describe('sealCodeCache / openCodeCache', () => {
  it('gives back the data sealed for these bundle bytes', () => {
    fc.assert(
      fc.property(bytes, bytes, (bundle, data) => {
        expect(openCodeCache(bundle, sealCodeCache(bundle, data))?.equals(data)).toBe(true);
      }),
    );
  });

  it('gives nothing for other bundle bytes, even of the same length', () => {
    fc.assert(
      fc.property(bytes, bytes, fc.nat(), (bundle, data, at) => {
        const other = Uint8Array.from(bundle);
        const i = at % other.length;
        other[i] = ((other[i] ?? 0) + 1) & 0xff;
        expect(openCodeCache(other, sealCodeCache(bundle, data))).toBeUndefined();
      }),
    );
  });

  it('gives nothing for a file with any byte changed, cut short or grown', () => {
    fc.assert(
      fc.property(bytes, bytes, fc.nat(), (bundle, data, at) => {
        const file = sealCodeCache(bundle, data);
        const flipped = Buffer.from(file);
        const i = at % flipped.length;
        flipped[i] = (flipped[i] ?? 0) ^ 0x01;
        expect(openCodeCache(bundle, flipped)).toBeUndefined();
        expect(openCodeCache(bundle, file.subarray(0, at % file.length))).toBeUndefined();
        expect(openCodeCache(bundle, Buffer.concat([file, Buffer.from([0])]))).toBeUndefined();
      }),
    );
  });

  it.each([
    ['empty', Buffer.alloc(0)],
    ['not a cache file', Buffer.from('hello world, this is not a cache file at all, no no no')],
  ])('gives nothing for a file that is %s', (_, file) => {
    expect(openCodeCache(Buffer.from('bundle'), file)).toBeUndefined();
  });
});
