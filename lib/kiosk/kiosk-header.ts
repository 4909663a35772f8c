/** Header carrying the identified colleague's kiosk token (safe to import in the browser). */
export const KIOSK_COLLEAGUE_HEADER = 'x-vigil-kiosk-colleague';
