import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';

export function DashboardSkeleton() {
  return (
    <div className="space-y-4" role="status" aria-label="Loading the figures">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {Array.from({ length: 8 }, (_, i) => (
          <Card key={i} className="p-4">
            <Skeleton className="mb-2 h-4 w-2/3" />
            <Skeleton className="h-7 w-1/2" />
          </Card>
        ))}
      </div>
      <Card>
        <Skeleton className="mb-3 h-5 w-1/3" />
        <Skeleton className="h-80 w-full" />
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        {Array.from({ length: 4 }, (_, i) => (
          <Card key={i}>
            <Skeleton className="mb-3 h-5 w-1/2" />
            <Skeleton className="h-56 w-full" />
          </Card>
        ))}
      </div>
    </div>
  );
}
