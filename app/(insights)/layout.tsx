import './print.css';

export { SignedInLayout as default } from '@/components/shell/signed-in-layout';
