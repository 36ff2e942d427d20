// The label's printed size, apart from the layout code (which loads PDFKit's font metrics).
export const WIDTH_MM = 40;
/** The smallest text on the label: 2.2 mm is about 6.2 pt, legible in print at 40 mm width. */
export const MIN_TEXT_MM = 2.2;
