/** Made by scripts/fontSubsets.mjs at build time: Latin subsets of tldraw's draw font. */
declare module 'virtual:font-subsets' {
  /**
   * By tldraw's font asset key (`tldraw_draw`, …): the subset's URL, the `unicode-range` it
   * covers, and the `unicode-range` of what tldraw's whole file holds beyond it, with the same
   * as the inside of a RegExp character class (`u` flag).
   */
  export const subsets: Record<string, { url: string; unicodeRange: string; restRange: string; restPattern: string } | undefined>
  /** The subsets' code points as the inside of a RegExp character class (`u` flag). */
  export const subsetPattern: string
}
