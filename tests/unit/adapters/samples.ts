// Real-looking vendor payloads shared by the adapter unit tests and the ingest route
// property test (tests/integration/ingest), so both fuzz from the same samples.

// ---- ONVIF

export const CONCRETE = 'http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet';

// A push-mode Notify inside a SOAP 1.2 envelope, as an ONVIF Profile S camera sends it.
export const NOTIFY = `<?xml version="1.0" encoding="UTF-8"?>
<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"
    xmlns:wsnt="http://docs.oasis-open.org/wsn/b-2" xmlns:wsa="http://www.w3.org/2005/08/addressing"
    xmlns:tt="http://www.onvif.org/ver10/schema" xmlns:tns1="http://www.onvif.org/ver10/topics">
  <env:Header><wsa:Action>http://docs.oasis-open.org/wsn/bw-2/NotificationConsumer/Notify</wsa:Action></env:Header>
  <env:Body>
    <wsnt:Notify>
      <wsnt:NotificationMessage>
        <wsnt:SubscriptionReference><wsa:Address>http://192.168.1.64/onvif/Events/SubManager_1</wsa:Address></wsnt:SubscriptionReference>
        <wsnt:Topic Dialect="${CONCRETE}">tns1:RuleEngine/LineDetector/Crossed</wsnt:Topic>
        <wsnt:ProducerReference><wsa:Address>http://192.168.1.64/onvif/device_service</wsa:Address></wsnt:ProducerReference>
        <wsnt:Message>
          <tt:Message UtcTime="2026-07-01T11:58:12.250Z" PropertyOperation="Changed">
            <tt:Source>
              <tt:SimpleItem Name="VideoSourceConfigurationToken" Value="VideoSourceToken"/>
              <tt:SimpleItem Name="VideoAnalyticsConfigurationToken" Value="VideoAnalyticsToken"/>
              <tt:SimpleItem Name="Rule" Value="Entrance line"/>
            </tt:Source>
            <tt:Data>
              <tt:SimpleItem Name="ObjectId" Value="7"/>
            </tt:Data>
          </tt:Message>
        </wsnt:Message>
      </wsnt:NotificationMessage>
    </wsnt:Notify>
  </env:Body>
</env:Envelope>`;

// PullPoint mode: two messages in one PullMessagesResponse, SOAP-ENV/tev prefixes.
export const PULL_RESPONSE = `<?xml version="1.0" encoding="UTF-8"?>
<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://www.w3.org/2003/05/soap-envelope"
    xmlns:wsa5="http://www.w3.org/2005/08/addressing" xmlns:tt="http://www.onvif.org/ver10/schema"
    xmlns:wsnt="http://docs.oasis-open.org/wsn/b-2" xmlns:tev="http://www.onvif.org/ver10/events/wsdl"
    xmlns:tns1="http://www.onvif.org/ver10/topics">
  <SOAP-ENV:Header>
    <wsa5:Action>http://www.onvif.org/ver10/events/wsdl/PullPointSubscription/PullMessagesResponse</wsa5:Action>
  </SOAP-ENV:Header>
  <SOAP-ENV:Body>
    <tev:PullMessagesResponse>
      <tev:CurrentTime>2026-07-01T11:59:00Z</tev:CurrentTime>
      <tev:TerminationTime>2026-07-01T12:09:00Z</tev:TerminationTime>
      <wsnt:NotificationMessage>
        <wsnt:Topic Dialect="${CONCRETE}">tns1:VideoSource/MotionAlarm</wsnt:Topic>
        <wsnt:Message>
          <tt:Message UtcTime="2026-07-01T11:58:30Z" PropertyOperation="Changed">
            <tt:Source><tt:SimpleItem Name="Source" Value="VideoSource_1"/></tt:Source>
            <tt:Data><tt:SimpleItem Name="State" Value="true"/></tt:Data>
          </tt:Message>
        </wsnt:Message>
      </wsnt:NotificationMessage>
      <wsnt:NotificationMessage>
        <wsnt:Topic Dialect="${CONCRETE}">tns1:RuleEngine/CellMotionDetector/Motion</wsnt:Topic>
        <wsnt:Message>
          <tt:Message UtcTime="2026-07-01T11:58:45Z" PropertyOperation="Changed">
            <tt:Source>
              <tt:SimpleItem Name="VideoSourceConfigurationToken" Value="VideoSourceToken"/>
              <tt:SimpleItem Name="VideoAnalyticsConfigurationToken" Value="VideoAnalyticsToken"/>
              <tt:SimpleItem Name="Rule" Value="MyMotionDetectorRule"/>
            </tt:Source>
            <tt:Data><tt:SimpleItem Name="IsMotion" Value="false"/></tt:Data>
          </tt:Message>
        </wsnt:Message>
      </wsnt:NotificationMessage>
    </tev:PullMessagesResponse>
  </SOAP-ENV:Body>
</SOAP-ENV:Envelope>`;

// RTSP metadata stream: events ride in tt:MetadataStream/tt:Event. UtcTime without Z on purpose.
export const METADATA_STREAM = `<?xml version="1.0" encoding="UTF-8"?>
<tt:MetadataStream xmlns:tt="http://www.onvif.org/ver10/schema" xmlns:wsnt="http://docs.oasis-open.org/wsn/b-2"
    xmlns:tns1="http://www.onvif.org/ver10/topics">
  <tt:VideoAnalytics>
    <tt:Frame UtcTime="2026-07-01T11:57:00.000Z"><tt:Object ObjectId="12"/></tt:Frame>
  </tt:VideoAnalytics>
  <tt:Event>
    <wsnt:NotificationMessage>
      <wsnt:Topic Dialect="${CONCRETE}">tns1:RuleEngine/FieldDetector/ObjectsInside</wsnt:Topic>
      <wsnt:Message>
        <tt:Message UtcTime="2026-07-01T11:57:00" PropertyOperation="Initialized">
          <tt:Source>
            <tt:SimpleItem Name="VideoSourceConfigurationToken" Value="VSC_1"/>
            <tt:SimpleItem Name="VideoAnalyticsConfigurationToken" Value="VAC_1"/>
            <tt:SimpleItem Name="RuleName" Value="Stockroom"/>
          </tt:Source>
          <tt:Key><tt:SimpleItem Name="ObjectId" Value="12"/></tt:Key>
          <tt:Data><tt:SimpleItem Name="IsInside" Value="1"/></tt:Data>
        </tt:Message>
      </wsnt:Message>
    </wsnt:NotificationMessage>
  </tt:Event>
</tt:MetadataStream>`;

export function notify(inner: string): string {
  return `<wsnt:Notify xmlns:wsnt="http://docs.oasis-open.org/wsn/b-2" xmlns:tt="http://www.onvif.org/ver10/schema">${inner}</wsnt:Notify>`;
}

export function message(topic: string, attrs: string, body: string): string {
  return notify(
    `<wsnt:NotificationMessage><wsnt:Topic Dialect="${CONCRETE}">${topic}</wsnt:Topic><wsnt:Message><tt:Message ${attrs}>${body}</tt:Message></wsnt:Message></wsnt:NotificationMessage>`,
  );
}

// Empty Source and Key, no PropertyOperation, a "false" tamper state.
export const EMPTY_SOURCE = message(
  'tns1:VideoSource/GlobalSceneChange/ImagingService',
  'UtcTime="2026-07-01T11:50:00Z"',
  '<tt:Source/><tt:Key></tt:Key><tt:Data><tt:SimpleItem Name="State" Value="false"/></tt:Data>',
);

// A vendor (Axis-style) topic we don't know, with several Data items.
export const UNKNOWN_MANY_DATA = message(
  'tnsaxis:CameraApplicationPlatform/ObjectAnalytics/Device1Scenario1',
  'UtcTime="2026-07-01T11:51:00Z" PropertyOperation="Changed"',
  `<tt:Source><tt:SimpleItem Name="VideoSource" Value="1"/></tt:Source>
   <tt:Data>
     <tt:SimpleItem Name="active" Value="1"/>
     <tt:SimpleItem Name="classTypes" Value="human"/>
     <tt:SimpleItem Name="objectId" Value="00042"/>
     <tt:SimpleItem Name="triggerTime" Value="2026-07-01T11:51:00Z"/>
   </tt:Data>`,
);

// ---- POSLog XML and our POS JSON form

export const NS = 'xmlns="http://www.nrf-arts.org/IXRetail/namespace/"';

// POSLog 2.x shape: RetailStoreID, store-local time without offset (BST), a weighed item
// with a decimal quantity and only a unit price, a line void, cash with change.
export const POSLOG_V2_SALE = `<?xml version="1.0" encoding="UTF-8"?>
<POSLog ${NS} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <Transaction>
    <RetailStoreID>0421</RetailStoreID>
    <WorkstationID>3</WorkstationID>
    <SequenceNumber>1187</SequenceNumber>
    <BeginDateTime>2026-07-01T14:00:00</BeginDateTime>
    <EndDateTime>2026-07-01T14:02:10</EndDateTime>
    <OperatorID OperatorName="J Smith">042</OperatorID>
    <CurrencyCode>GBP</CurrencyCode>
    <RetailTransaction Version="2.1">
      <LineItem>
        <SequenceNumber>1</SequenceNumber>
        <Sale ItemType="Stock">
          <ItemID>5000112637922</ItemID>
          <Description>Cola 2L</Description>
          <RegularSalesUnitPrice>2.15</RegularSalesUnitPrice>
          <ExtendedAmount>2.15</ExtendedAmount>
          <Quantity>1</Quantity>
        </Sale>
      </LineItem>
      <LineItem>
        <SequenceNumber>2</SequenceNumber>
        <Sale ItemType="Stock">
          <ItemID>2000000012345</ItemID>
          <Description>Cheddar &amp; Onion (loose)</Description>
          <RegularSalesUnitPrice>7.99</RegularSalesUnitPrice>
          <Quantity UnitOfMeasureCode="KGM">0.455</Quantity>
        </Sale>
      </LineItem>
      <LineItem VoidFlag="true">
        <SequenceNumber>3</SequenceNumber>
        <Sale ItemType="Stock">
          <ItemID>5010677850100</ItemID>
          <Description>Whisky 70cl</Description>
          <ExtendedAmount>-24.00</ExtendedAmount>
          <Quantity>1</Quantity>
        </Sale>
      </LineItem>
      <LineItem>
        <SequenceNumber>4</SequenceNumber>
        <Tender TenderType="Cash">
          <Amount>10.00</Amount>
          <TenderChange><Amount>4.21</Amount></TenderChange>
        </Tender>
      </LineItem>
      <Total TotalType="TransactionGrandAmount">5.79</Total>
      <Total TotalType="TransactionTaxAmount">0.36</Total>
    </RetailTransaction>
  </Transaction>
</POSLog>`;

// POSLog 6 shape: BusinessUnit/UnitID, different element order, vendor extension prefixes,
// an offset on the time, a price override, a card tender.
export const POSLOG_V6_OVERRIDE = `<?xml version="1.0" encoding="UTF-8"?>
<POSLog ${NS} xmlns:acs="http://www.ncr.com/rsd/acs/tlog/markup/poslog/2.1"
    xmlns:r10Ex="http://www.retalix.com/Extensions" MajorVersion="6" MinorVersion="0" FixVersion="0">
  <Transaction>
    <BeginDateTime TypeCode="Message">2026-07-01T15:30:05+01:00</BeginDateTime>
    <OperatorID OperatorType="Cashier">7781</OperatorID>
    <TransactionID>0421-05-20260701-0099</TransactionID>
    <WorkstationID WorkstationLocation="SelfCheckout">05</WorkstationID>
    <BusinessUnit><UnitID TypeCode="RetailStore">0421</UnitID></BusinessUnit>
    <acs:ReceiptNumber>R-99</acs:ReceiptNumber>
    <RetailTransaction TypeCode="Transaction">
      <Total TotalType="TransactionGrandAmount" Currency="GBP">12.50</Total>
      <LineItem EntryMethod="Keyed">
        <Sale>
          <Quantity>2</Quantity>
          <ExtendedAmount>12.50</ExtendedAmount>
          <Description>Steak 400g</Description>
          <POSIdentity><POSItemID>0000000098765</POSItemID></POSIdentity>
          <RetailPriceModifier MethodCode="PriceOverride">
            <Amount Action="Replace">6.25</Amount>
            <PreviousPrice>8.50</PreviousPrice>
            <ReasonCode>Damaged</ReasonCode>
          </RetailPriceModifier>
          <r10Ex:ItemExtension><r10Ex:Department>Meat</r10Ex:Department></r10Ex:ItemExtension>
        </Sale>
      </LineItem>
      <LineItem>
        <Tender TenderType="CreditDebit" TypeCode="Sale">
          <Amount Currency="GBP">12.50</Amount>
          <CreditDebit CardType="Visa"><PrimaryAccountNumber>************1234</PrimaryAccountNumber></CreditDebit>
        </Tender>
      </LineItem>
    </RetailTransaction>
  </Transaction>
</POSLog>`;

export const NO_SALE = `<POSLog ${NS}>
  <Transaction>
    <RetailStoreID>0421</RetailStoreID><WorkstationID>2</WorkstationID><SequenceNumber>55</SequenceNumber>
    <OperatorID>042</OperatorID><BeginDateTime>2026-07-01T10:15:00+01:00</BeginDateTime>
    <ControlTransaction Version="2.0"><NoSale/><ReasonCode>Change for customer</ReasonCode></ControlTransaction>
  </Transaction>
  <Transaction>
    <RetailStoreID>0421</RetailStoreID><WorkstationID>2</WorkstationID><SequenceNumber>56</SequenceNumber>
    <BeginDateTime>2026-07-01T10:16:00+01:00</BeginDateTime>
    <ControlTransaction><ReasonCode>NO SALE</ReasonCode></ControlTransaction>
  </Transaction>
</POSLog>`;

export function returnTx(link: string): string {
  return `<POSLog ${NS}>
  <Transaction>
    <BusinessUnit><UnitID>0421</UnitID></BusinessUnit><WorkstationID>1</WorkstationID>
    <SequenceNumber>301</SequenceNumber><OperatorID>019</OperatorID>
    <BeginDateTime>2026-07-01T16:45:00Z</BeginDateTime>
    <RetailTransaction>
      <LineItem>
        <Return>
          ${link}
          <ItemID>5012345678900</ItemID><Description>Razor blades 8pk</Description>
          <ExtendedAmount>18.995</ExtendedAmount><Quantity>1</Quantity>
        </Return>
      </LineItem>
      <LineItem><Tender TenderType="Cash"><Amount>19.00</Amount></Tender></LineItem>
      <Total TotalType="TransactionGrandAmount">19.00</Total>
    </RetailTransaction>
  </Transaction>
</POSLog>`;
}

export const RETURN_NO_RECEIPT = returnTx('');
export const RETURN_WITH_RECEIPT = returnTx(
  '<TransactionLink ReasonCode="Return"><RetailStoreID>0421</RetailStoreID><WorkstationID>4</WorkstationID><SequenceNumber>88</SequenceNumber></TransactionLink>',
);

export const CANCELLED = `<POSLog ${NS}>
  <Transaction CancelFlag="true">
    <RetailStoreID>0421</RetailStoreID><WorkstationID>3</WorkstationID><SequenceNumber>1190</SequenceNumber>
    <BeginDateTime>2026-07-01T11:00:00Z</BeginDateTime>
    <RetailTransaction>
      <LineItem><Sale><ItemID>1</ItemID><ExtendedAmount>30.00</ExtendedAmount></Sale></LineItem>
      <Total TotalType="TransactionGrandAmount">30.00</Total>
    </RetailTransaction>
  </Transaction>
</POSLog>`;

export const VALID_POS_JSON = {
  transactions: [
    {
      id: 'T-1001',
      terminalId: '3',
      operatorId: '042',
      type: 'sale',
      occurredAt: '2026-07-01T12:58:00+01:00',
      totalPence: 1075,
      receiptRef: 'R-1001',
      tenderType: 'card',
      cardRef: '1234',
      lines: [
        { sku: '5000112637922', description: 'Cola 2L', quantity: 1, amountPence: 215 },
        { sku: '2000000012345', quantity: 0.455, amountPence: 364 },
        { sku: '5010677850100', quantity: 1, amountPence: -2400, voided: true },
      ],
    },
    { id: 'T-1002', terminalId: '3', type: 'no_sale', occurredAt: '2026-07-01T11:59:00Z', totalPence: 0 },
  ],
};

// ---- Generic JSON events

export const VALID_EVENTS = {
  events: [
    {
      id: 'evt-1',
      type: 'person_detected',
      occurredAt: '2026-07-01T11:59:30Z',
      zone: 'Entrance',
      confidence: 0.91,
      data: { trackId: 17, snapshot: 'https://vms.local/s/17.jpg' },
    },
    { id: 'evt-2', type: 'shelf_sweep', occurredAt: '2026-07-01T12:58:00+01:00' },
    { id: 'evt-3', type: 'eas_alarm', occurredAt: '2026-07-01T11:00:00.123456Z', zone: '', confidence: 0 },
    // Duplicate id: kept, the database dedupes.
    { id: 'evt-1', type: 'person_detected', occurredAt: '2026-07-01T11:59:30Z' },
  ],
};
