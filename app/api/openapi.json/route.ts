import { NextResponse } from 'next/server';
import { openApiDocument } from '@/lib/http/openapi';

export function GET() {
  return NextResponse.json(openApiDocument());
}
