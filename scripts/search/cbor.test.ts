import { describe, expect, it } from 'vitest';
import { cborStrings } from './cbor.ts';

describe('cborStrings', () => {
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
    expect(cborStrings(bytes)).toEqual(['a', 'b', 'é', long]);
  });

  it('says where a document ends too early', () => {
    expect(() => cborStrings(Uint8Array.from([0x82, 0x61, 0x61]))).toThrow('CBOR: ends in the middle of an item');
  });
});
