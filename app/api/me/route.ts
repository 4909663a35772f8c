import { NextResponse } from 'next/server';
import { requireActor } from '@/lib/auth/current-actor';
import { homePath } from '@/lib/auth/policy';
import { apiRoute } from '@/lib/http/api-route';

export const GET = apiRoute(async () => {
  const actor = await requireActor();
  return NextResponse.json({
    id: actor.id,
    name: actor.name,
    email: actor.email,
    roles: actor.roles,
    scopes: actor.memberships.map((m) => ({
      role: m.role,
      type: m.scopeType,
      ...(m.scopeType === 'store' ? { storeCode: m.storeCode, storeName: m.storeName } : {}),
      ...(m.scopeType === 'region' ? { regionCode: m.regionCode, regionName: m.regionName } : {}),
    })),
    storeCodes: actor.stores.map((s) => s.code),
    home: homePath(actor),
  });
});
