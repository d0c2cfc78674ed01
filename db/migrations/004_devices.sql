-- Devices attached to terminals: ID card readers and barcode/QR scanners. Each is found by its
-- USB ids (USB bulk, HID) or its port (serial), and bound to the one terminal that receives its
-- reads: a card read is personal data and goes nowhere else.
CREATE TABLE devices (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  kind        TEXT    NOT NULL CHECK (kind IN ('id_reader', 'scanner')),
  transport   TEXT    NOT NULL CHECK (transport IN ('serial', 'usb', 'hid', 'simulated')),
  vendor_id   INTEGER CHECK (vendor_id BETWEEN 0 AND 65535),
  product_id  INTEGER CHECK (product_id BETWEEN 0 AND 65535),
  port_path   TEXT    CHECK (port_path IS NULL OR length(port_path) BETWEEN 1 AND 200),
  baud_rate   INTEGER NOT NULL DEFAULT 115200 CHECK (baud_rate IN (115200, 57600, 38400, 19200, 9600)),
  terminal_id INTEGER REFERENCES terminals (id) ON DELETE SET NULL,
  enabled     INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  created_at  INTEGER NOT NULL,
  CHECK (transport <> 'serial' OR port_path IS NOT NULL),
  CHECK (transport NOT IN ('usb', 'hid') OR (vendor_id IS NOT NULL AND product_id IS NOT NULL))
) STRICT;

CREATE INDEX devices_terminal ON devices (terminal_id) WHERE terminal_id IS NOT NULL;
