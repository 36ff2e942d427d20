import { mask } from '../../model/index.js';
import { personalEmail, personalFullName, personalNamePart, personalPhone, personalPosition, personalStreet } from './values.js';

// Tables of records (SQLite tables, CSV files, arrays of JSON objects): which rows hold a person's data. A row
// counts when one of its values is personal by itself (an e-mail address, a phone number in a phone column,
// a real-looking name in a table of people, a street address) or when it is a position in a table that
// tracks one (with a time or a person beside it). A list of cities with coordinates is not personal data.

const PHONE_COL = /^(phone|phone_?(number|no)|mobile|mobile_?(number|phone|no)|cell|cell_?phone|tel|telephone|msisdn|sms_?(number|phone)|whatsapp|contact_?(number|phone))$/i;
const FULL_NAME_COL = /^(full_?name|real_?name|contact_?name|owner_?name|customer_?name|realname)$/i;
// Generic name columns name products and rooms as often as people: only in tables of people.
const NAME_COL = /^(name|user_?name|nick_?name|display_?name|owner|person)$/i;
const PART_COL = /^(first_?name|last_?name|given_?name|family_?name|surname|forename|firstname|lastname)$/i;
const STREET_COL = /^(street|street_?address|address_?line_?\d?|address\d?|home_?address|postal_?address|addr_?line_?\d?)$/i;
const LAT_COL = /^(lat|latitude|gps_?lat(itude)?)$/i;
const LON_COL = /^(lon|lng|long|longitude|gps_?lo?ng(itude)?)$/i;
const TIME_COL = /(time|date|timestamp|created|created_?at|visited|seen|^ts$|_ts$|when)$/i;
const PERSON_COL = /^(user|user_?id|username|email|e_?mail|owner|account|account_?id|person|person_?id|member|member_?id|customer|customer_?id|device_?owner)$/i;
const PEOPLE_TABLE = /(^|_)(users?|accounts?|contacts?|customers?|clients?|members?|people|persons?|owners?|profiles?|subscribers?|employees?|family|residents?|guests?|tenants?|patients?|friends?|address_?book|phonebook)($|_|s$)/i;
const TRACK_TABLE = /(^|_)(locations|positions|tracks?|trips?|gps|gps_?log|geo_?history|location_?history|history|visits|waypoints|routes)($|_)/i;

export interface PersonalRow {
  /** 1-based row number in the table (the CSV line where known). */
  readonly row: number;
  /** What made it personal, masked: `email jo******`. */
  readonly fields: readonly string[];
}

export interface RecordsVerdict {
  readonly rows: readonly PersonalRow[];
  readonly checked: number;
  /**
   * True for records of people: several personal rows, a row with several personal fields, or a table of
   * people. One lone value (a settings row holding an address) is left for review.
   */
  readonly definite: boolean;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined);

/** The personal rows of a table. `rowNumbers` maps a row index to the number shown (CSV lines). */
export function personalRows(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], rowNumbers?: readonly number[]): RecordsVerdict {
  const people = PEOPLE_TABLE.test(table);
  const idx = (re: RegExp) => columns.findIndex((c) => re.test(c.trim()));
  const lat = idx(LAT_COL);
  const lon = idx(LON_COL);
  const tracked = lat >= 0 && lon >= 0 && (TRACK_TABLE.test(table) || people || columns.some((c) => TIME_COL.test(c) || PERSON_COL.test(c)));
  const out: PersonalRow[] = [];
  rows.forEach((row, i) => {
    const fields: string[] = [];
    columns.forEach((col, c) => {
      const v = text(row[c])?.trim();
      if (!v || v.length > 300) return;
      if (personalEmail(v)) fields.push(`${col} ${mask(v)}`);
      else if (PHONE_COL.test(col) && personalPhone(v)) fields.push(`${col} ${mask(v)}`);
      else if (FULL_NAME_COL.test(col) && personalFullName(v)) fields.push(`${col} ${mask(v)}`);
      else if (people && NAME_COL.test(col) && personalFullName(v)) fields.push(`${col} ${mask(v)}`);
      else if (people && PART_COL.test(col) && personalNamePart(v)) fields.push(`${col} ${mask(v)}`);
      else if ((people || fields.length > 0) && STREET_COL.test(col) && personalStreet(v)) fields.push(`${col} ${mask(v)}`);
    });
    if (tracked && personalPosition(row[lat], row[lon])) fields.push(`position ${mask(text(row[lat]) ?? '')},${mask(text(row[lon]) ?? '')}`);
    if (fields.length > 0) out.push({ row: rowNumbers?.[i] ?? i + 1, fields });
  });
  const definite = out.length > 1 || (out[0]?.fields.length ?? 0) > 1 || (out.length > 0 && people);
  return { rows: out, checked: rows.length, definite };
}
