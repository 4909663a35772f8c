// Runs before each integration file's imports, so lib/env sees the test database.
import '@/lib/runtime/local-env';
import { inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.VIGIL_DEMO_PASSWORD = 'vigil-demo';
