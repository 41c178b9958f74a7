import { describe, expect, it } from 'vitest';
import { decodeCbor, textStrings } from './cbor.ts';

describe('decodeCbor', () => {
  it('reads numbers, strings, arrays, maps and simple values', () => {
    const bytes = Uint8Array.from([
      0x84, // array of 4
      0x19,
      0x01,
      0xf4, // 500
      0x38,
      0x63, // -100
      0xa1,
      0x61,
      0x6b,
      0x82,
      0xf4,
      0xf6, // { "k": [false, null] }
      0xfb,
      0x3f,
      0xf8,
      0,
      0,
      0,
      0,
      0,
      0, // 1.5 as a double
    ]);
    expect(decodeCbor(bytes)).toEqual([500, -100, new Map([['k', [false, null]]]), 1.5]);
  });
});

describe('textStrings', () => {
  it('reads the text strings in arrays, maps and tags, skipping numbers, bytes and floats', () => {
    const long = 'x'.repeat(24);
    const bytes = Uint8Array.from([
      0x86, // array of 6
      0x61,
      0x61, // "a"
      0xa1,
      0x61,
      0x62,
      0x01, // { "b": 1 }
      0x82,
      0xf5,
      0xf9,
      0x3e,
      0x00, // [true, 1.5 as a half float]
      0x41,
      0x00, // one byte
      0xc1,
      0x62,
      0xc3,
      0xa9, // tag 1, "é"
      0x78,
      0x18,
      ...new TextEncoder().encode(long), // a string with a one-byte length
    ]);
    expect(textStrings(decodeCbor(bytes))).toEqual(['a', 'b', 'é', long]);
  });

  it('says where a document ends too early', () => {
    expect(() => decodeCbor(Uint8Array.from([0x82, 0x61, 0x61]))).toThrow('CBOR: ends in the middle of an item');
  });
});
