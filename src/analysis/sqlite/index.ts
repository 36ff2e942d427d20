export { isSqlite, readTables, decodeRecord, columnsOf, type SqliteTable, type SqlValue } from './reader.js';
