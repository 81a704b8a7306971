// Small string helpers the readers run on every cell, written as loops over
// character codes: each gives exactly what the regular expression in its
// comment gives, without compiling that expression on a page's first read or
// allocating on every call.

/** `/\s/`: JavaScript white space and line terminators (what trim() removes). */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** `text.trim().replace(/\s+/g, " ")`, returning `text` itself when it is already so. */
export function squeezeSpace(text: string): string {
  const n = text.length;
  let prevSpace = true; // a space at the start needs trimming
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return text.trim().replace(/\s+/g, " ");
      prevSpace = true;
    } else if (isSpaceCode(c)) return text.trim().replace(/\s+/g, " ");
    else prevSpace = false;
  }
  return prevSpace && n > 0 ? text.trim() : text;
}

/** `text.split(/\s+/).length` for a trimmed, non-empty text: its words. */
export function wordCount(trimmed: string): number {
  let words = 1;
  let inSpace = false;
  for (let i = 0; i < trimmed.length; i++) {
    const space = isSpaceCode(trimmed.charCodeAt(i));
    if (space && !inSpace) words++;
    inSpace = space;
  }
  return words;
}

const LETTER = /\p{L}/u;

/** `/\p{L}/u.test(text)`: an ASCII letter settles it without the Unicode table. */
export function hasLetter(text: string): boolean {
  let nonAscii = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) nonAscii = true;
    else if ((c | 32) >= 97 && (c | 32) <= 122) return true;
  }
  return nonAscii && LETTER.test(text);
}

/** `/^\d/.test(text)` style test of one code: an ASCII digit. */
export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}
