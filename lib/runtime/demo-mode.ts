// Whether `npm start` seeds the demo data (published accounts, password and TOTP secret).
// Never by default against a real database: a DATABASE_URL points at something that may
// hold real people, so the demo must be asked for there.

/** `demo` is VIGIL_DEMO (undefined when unset); `embedded` is true when no DATABASE_URL was given. */
export function shouldSeedDemo({ demo, embedded }: { demo: boolean | undefined; embedded: boolean }): boolean {
  return demo ?? embedded;
}
