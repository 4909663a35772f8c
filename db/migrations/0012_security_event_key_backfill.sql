-- Gives every event stored before security_event_key existed its key, so a redelivery of
-- one is still counted as a duplicate. Where the old dedupe (which needed the same time)
-- stored one vendor id more than once, the key takes the latest time: retention deletes a
-- key only once every event it stands for has gone, and the latest goes last.
INSERT INTO security_event_key (device_id, vendor_event_id, occurred_at)
SELECT DISTINCT ON (device_id, vendor_event_id) device_id, vendor_event_id, occurred_at
FROM security_event
ORDER BY device_id, vendor_event_id, occurred_at DESC
ON CONFLICT DO NOTHING;
