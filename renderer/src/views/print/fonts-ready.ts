import { nextTick } from 'vue';

/**
 * Resolves once the sheet just given its data is rendered and the faces its text uses have
 * loaded, so that a PDF made as soon as the page says it is ready embeds the bundled fonts
 * rather than a fallback drawn while they were still loading (fonts.css uses font-display: swap).
 * A face only starts loading when layout meets text that needs it, hence the render and the
 * layout forced before waiting.
 */
export async function sheetRenderedWithFonts(): Promise<void> {
  await nextTick();
  document.body.getBoundingClientRect();
  // The unit tests' DOM (happy-dom) has no FontFaceSet; every browser engine Rapport runs in has.
  if ('fonts' in document) await document.fonts.ready;
}
