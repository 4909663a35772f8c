import { PageHeader } from '@/components/shell/page-header';

export default function NoAccessPage() {
  return (
    <PageHeader
      title="You have no access yet"
      description="Your account has no role in any store or region. Ask your manager or an administrator to add you."
    />
  );
}
