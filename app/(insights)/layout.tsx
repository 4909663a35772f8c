export { SignedInLayout as default } from '@/components/shell/signed-in-layout';
