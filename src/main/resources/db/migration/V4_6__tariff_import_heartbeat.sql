-- A running import writes a heartbeat with its progress; a job whose node died stops beating and is failed.
ALTER TABLE tariff_import ADD COLUMN heartbeat_at TIMESTAMPTZ;
