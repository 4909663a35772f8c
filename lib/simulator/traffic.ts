// Realistic store traffic for demos and benchmarks, as the payloads real devices
// send: generic JSON, ONVIF XML, POSLog XML, Frigate MQTT and sensor MQTT messages.
import { randomUUID } from 'node:crypto';

const CAMERA_TYPES = ['person_detected', 'person_detected', 'motion', 'loitering', 'shelf_sweep'] as const;
const ZONES = ['entrance', 'self_checkout', 'alcohol', 'health_beauty', 'tills', 'exit'];

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

export function genericEvents(n: number, at = new Date()) {
  return {
    events: Array.from({ length: n }, () => ({
      id: randomUUID(),
      type: pick(CAMERA_TYPES),
      occurredAt: at.toISOString(),
      zone: pick(ZONES),
      confidence: Math.round((0.6 + Math.random() * 0.39) * 100) / 100,
    })),
  };
}

export function onvifNotify(topic = 'tns1:RuleEngine/LineDetector/Crossed', at = new Date(), rule = 'entrance'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://www.w3.org/2003/05/soap-envelope" xmlns:wsnt="http://docs.oasis-open.org/wsn/b-2" xmlns:tt="http://www.onvif.org/ver10/schema" xmlns:tns1="http://www.onvif.org/ver10/topics">
  <SOAP-ENV:Body><wsnt:Notify><wsnt:NotificationMessage>
    <wsnt:Topic Dialect="http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet">${topic}</wsnt:Topic>
    <wsnt:Message><tt:Message UtcTime="${at.toISOString()}" PropertyOperation="Changed">
      <tt:Source><tt:SimpleItem Name="VideoSourceConfigurationToken" Value="vsc1"/><tt:SimpleItem Name="Rule" Value="${rule}"/></tt:Source>
      <tt:Data><tt:SimpleItem Name="ObjectId" Value="${Math.floor(Math.random() * 10_000)}"/></tt:Data>
    </tt:Message></wsnt:Message>
  </wsnt:NotificationMessage></wsnt:Notify></SOAP-ENV:Body>
</SOAP-ENV:Envelope>`;
}

export type SimTransaction = { kind: 'sale' | 'refund_no_receipt' | 'void' | 'no_sale'; pounds: number };

export function posLog(storeCode: string, t: SimTransaction, at = new Date()): string {
  const seq = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const amount = t.pounds.toFixed(2);
  const body =
    t.kind === 'no_sale'
      ? `<ControlTransaction><NoSale/></ControlTransaction>`
      : t.kind === 'refund_no_receipt'
        ? `<RetailTransaction><LineItem><Return><ItemID>5000112637922</ItemID><Description>Gin 70cl</Description><Quantity>1</Quantity><ExtendedAmount>${amount}</ExtendedAmount></Return></LineItem><Tender TenderType="Cash"><Amount>${amount}</Amount></Tender></RetailTransaction>`
        : `<RetailTransaction${t.kind === 'void' ? ' VoidFlag="true"' : ''}><LineItem><Sale><ItemID>5000168001142</ItemID><Description>Groceries</Description><Quantity>1</Quantity><ExtendedAmount>${amount}</ExtendedAmount></Sale></LineItem><Tender TenderType="CreditDebit"><Amount>${amount}</Amount></Tender></RetailTransaction>`;
  return `<?xml version="1.0"?>
<POSLog xmlns="http://www.nrf-arts.org/IXRetail/namespace/"><Transaction>
  <RetailStoreID>${storeCode}</RetailStoreID><WorkstationID>${1 + Math.floor(Math.random() * 8)}</WorkstationID><SequenceNumber>${seq}</SequenceNumber>
  <OperatorID>${4000 + Math.floor(Math.random() * 20)}</OperatorID><BeginDateTime>${at.toISOString()}</BeginDateTime>
  ${body}
</Transaction></POSLog>`;
}

/** Frigate's new → update → end sequence for one tracked object. */
export function frigateSequence(camera: string, at = new Date()) {
  const id = `${(at.getTime() / 1000).toFixed(6)}-${Math.random().toString(36).slice(2, 8)}`;
  const start = at.getTime() / 1000;
  const base = { id, camera, label: 'person', sub_label: null, start_time: start, has_snapshot: true, has_clip: false };
  return [
    { type: 'new', before: base, after: { ...base, score: 0.71, top_score: 0.71, current_zones: [], entered_zones: [] } },
    { type: 'update', before: base, after: { ...base, score: 0.84, top_score: 0.86, current_zones: ['self_checkout'], entered_zones: ['self_checkout'] } },
    { type: 'end', before: base, after: { ...base, score: 0.8, top_score: 0.9, end_time: start + 14.2, current_zones: [], entered_zones: ['self_checkout'] } },
  ];
}

export const sensorMessage = (type: string, zone: string, at = new Date()) => ({ id: randomUUID(), type, occurredAt: at.toISOString(), zone });
