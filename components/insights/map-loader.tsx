'use client';
// Keeps maplibre (and mapbox) out of every other page's bundle and out of server rendering.
import dynamic from 'next/dynamic';
import { Skeleton } from '@/components/ui/skeleton';
import type { MapPoliceLayer, MapStore } from './map-types';

const StoreMap = dynamic(() => import('./store-map'), {
  ssr: false,
  loading: () => <Skeleton className="h-full w-full" label="Loading the map" />,
});

export function MapLoader(props: { stores: MapStore[]; mapboxToken?: string; police?: MapPoliceLayer }) {
  return <StoreMap {...props} />;
}
