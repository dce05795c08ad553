/**
 * The language Rapport writes in: British English. Dates read day first ("Tuesday, 8 December
 * 2026") and times on the 24-hour clock, whatever locale the computer reports, so a sheet, an
 * email and the screen always agree with the words around them.
 */
export const DISPLAY_LOCALE = 'en-GB';
