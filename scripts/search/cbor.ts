/**
 * The text strings of a CBOR document (RFC 8949), in order. Enough to read the file names
 * Pagefind's metadata refers to; values of other types are skipped.
 */

const BYTES = 2;
const TEXT = 3;
const ARRAY = 4;
const MAP = 5;
const TAG = 6;
const SIMPLE = 7;

export function cborStrings(bytes: Uint8Array): string[] {
  const strings: string[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder();
  let offset = 0;

  function argument(info: number): number {
    if (info < 24) return info;
    const size = { 24: 1, 25: 2, 26: 4, 27: 8 }[info];
    if (size === undefined) throw new Error(`CBOR: unsupported length encoding ${info} at byte ${offset - 1}`);
    const value =
      size === 1
        ? view.getUint8(offset)
        : size === 2
          ? view.getUint16(offset)
          : size === 4
            ? view.getUint32(offset)
            : Number(view.getBigUint64(offset));
    offset += size;
    return value;
  }

  function item(): void {
    if (offset >= bytes.length) throw new Error('CBOR: ends in the middle of an item');
    const initial = bytes[offset++]!;
    const major = initial >> 5;
    const info = initial & 31;
    if (major === SIMPLE) {
      // false, true, null, undefined carry nothing; half, single and double floats 2, 4, 8 bytes.
      if (info >= 25 && info <= 27) offset += 2 ** (info - 24);
      return;
    }
    const length = argument(info);
    if (major === TEXT) {
      strings.push(decoder.decode(bytes.subarray(offset, offset + length)));
      offset += length;
    } else if (major === ARRAY || major === MAP) {
      for (let index = 0; index < length * (major === MAP ? 2 : 1); index++) item();
    } else if (major === TAG) {
      item();
    } else if (major === BYTES) {
      offset += length;
    }
  }

  while (offset < bytes.length) item();
  return strings;
}
