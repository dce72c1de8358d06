/** The part of fontverter (a dependency of the build's subsetter) the font tests use. */
declare module 'fontverter' {
  const fontverter: { convert(font: Buffer, to: 'sfnt' | 'woff' | 'woff2'): Promise<Buffer> }
  export default fontverter
}
