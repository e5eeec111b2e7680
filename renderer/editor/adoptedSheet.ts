// Style rules made while the app runs (the colours of coding marks, the outline of the chosen
// coding) go into constructed stylesheets adopted by the document. The page's
// Content-Security-Policy refuses inline <style> elements and style attributes (no
// 'unsafe-inline'); rules added through the CSSOM to a constructed sheet are not inline.
import { useEffect, useRef } from 'react';

/** A new, empty stylesheet in force in `doc`. */
export function adoptSheet(doc: Document): CSSStyleSheet {
  const Sheet = doc.defaultView?.CSSStyleSheet;
  if (Sheet && 'adoptedStyleSheets' in doc) {
    const sheet = new Sheet();
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return sheet;
  }
  // Test DOMs without constructable stylesheets.
  const el = doc.createElement('style');
  doc.head.appendChild(el);
  return el.sheet!;
}

/** Whether a sheet from adoptSheet is still in force in `doc`. */
export function sheetInForce(doc: Document, sheet: CSSStyleSheet): boolean {
  return sheet.ownerNode ? sheet.ownerNode.isConnected : doc.adoptedStyleSheets.includes(sheet);
}

/** Keeps `css` (one rule, or none) in force while the calling component is on screen. */
export function useAdoptedRule(css: string): void {
  const sheet = useRef<CSSStyleSheet | null>(null);
  useEffect(() => {
    if (!sheet.current || !sheetInForce(document, sheet.current)) sheet.current = adoptSheet(document);
    const s = sheet.current;
    while (s.cssRules.length) s.deleteRule(0);
    if (css) s.insertRule(css);
  }, [css]);
  useEffect(
    () => () => {
      const s = sheet.current;
      if (s) while (s.cssRules.length) s.deleteRule(0);
    },
    [],
  );
}
