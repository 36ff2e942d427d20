// Where a label file carries its signed label, shared by the renderers that write it and the reader: kept
// apart from the renderers so that reading a label loads neither PDFKit nor the QR encoder.

/** PNG text chunk keyword under which the signed label is embedded. */
export const PNG_KEYWORD = 'iotcop-label-jws';

/** The SVG metadata element that carries the signed label (`jws` attribute). */
export function svgMetadata(jws: string): string {
  return `<iotcop-label xmlns="https://iotcop.dev/ns/label" jws="${jws}"/>`;
}

/** The signed label carried in an SVG made by `renderSvg`, if any. */
export function jwsFromSvg(svg: string): string | undefined {
  return /<iotcop-label\b[^>]*\bjws="([A-Za-z0-9_.-]+)"/.exec(svg)?.[1];
}
