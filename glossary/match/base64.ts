// Int32 arrays as base64 text, little-endian: how the serialized index ships its
// binary tables. A string literal is cheap for a frame to evaluate, and
// Uint8Array.fromBase64 (Chrome 140, Firefox 133) decodes it natively; older
// browsers take atob and a loop. No Node API, so the content script can bundle it.

interface Base64Decoder {
  fromBase64?: (text: string) => Uint8Array;
}

const nativeDecode = (Uint8Array as Base64Decoder).fromBase64;

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Swaps the bytes of each 32-bit word in place (big-endian machines only). */
function swapWords(bytes: Uint8Array): void {
  for (let i = 0; i + 3 < bytes.length; i += 4) {
    const a = bytes[i] as number;
    const b = bytes[i + 1] as number;
    bytes[i] = bytes[i + 3] as number;
    bytes[i + 1] = bytes[i + 2] as number;
    bytes[i + 2] = b;
    bytes[i + 3] = a;
  }
}

export function int32sToBase64(values: ArrayLike<number>): string {
  const words = Int32Array.from(values);
  const bytes = new Uint8Array(words.buffer);
  if (!LITTLE_ENDIAN) swapWords(bytes);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 8192) binary += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return btoa(binary);
}

export function base64ToInt32s(text: string): Int32Array {
  let bytes: Uint8Array;
  if (nativeDecode) bytes = nativeDecode.call(Uint8Array, text);
  else {
    const binary = atob(text);
    bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  }
  if (bytes.length % 4 !== 0) throw new Error("match index: a table is not whole 32-bit words");
  if (!LITTLE_ENDIAN) swapWords(bytes);
  return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
}
