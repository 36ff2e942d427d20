/** One place on the image where personal data was found. */
export interface Hit {
  readonly kind: 'records' | 'history' | 'wifi' | 'loose';
  readonly path: string;
  readonly line?: number;
  /** Table and rows, or the JSON/CSV structure the records were found in. */
  readonly where?: string;
  /** True when the data is unmistakably a person's (records, histories, networks joined); false: review. */
  readonly definite: boolean;
  /** Short description: "3 rows with e-mail addresses or names in table users". */
  readonly what: string;
  /** Masked examples. */
  readonly evidence: string;
}
