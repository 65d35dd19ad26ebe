import { base64Decode, inflate, multibaseDecode } from './encoding.js';

/**
 * Read one bit of a status list (BitstringStatusList: multibase base64url GZIP; StatusList2021: base64url GZIP).
 * Bit 0 is the most significant bit of the first byte. Returns null when the list is corrupt or too short.
 */
export async function readStatusBit(encodedList: string, index: number): Promise<boolean | null> {
  if (!Number.isInteger(index) || index < 0) return null;
  const compressed = encodedList.startsWith('u') ? multibaseDecode(encodedList) : base64Decode(encodedList);
  if (!compressed) return null;
  const bits = await inflate(compressed, 'gzip');
  if (!bits) return null;
  const byte = bits[index >> 3];
  if (byte === undefined) return null;
  return (byte & (0x80 >> (index & 7))) !== 0;
}
