/** A comparison key that ignores case, accents and surrounding space: "Amélie " ≡ "amelie". */
export function textKey(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim().replace(/\s+/g, ' ');
}
