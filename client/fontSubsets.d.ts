/** Made by scripts/fontSubsets.mjs at build time: Latin subsets of tldraw's draw font. */
declare module 'virtual:font-subsets' {
  /** By tldraw's font asset key (`tldraw_draw`, …): the subset's URL and the `unicode-range` it covers. */
  export const subsets: Record<string, { url: string; unicodeRange: string } | undefined>
  /** What the subsets leave out, as a `unicode-range`: drawn from tldraw's whole files. */
  export const restRange: string
  /** The subsets' code points as the inside of a RegExp character class (`u` flag). */
  export const subsetPattern: string
}
