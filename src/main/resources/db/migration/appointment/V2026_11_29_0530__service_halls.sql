-- Service halls (政务服务中心): where citizens go in person.
CREATE TABLE appointment_service_hall (
    code          TEXT PRIMARY KEY,
    name_zh       TEXT NOT NULL,
    name_en       TEXT NOT NULL,
    address_zh    TEXT NOT NULL,
    address_en    TEXT NOT NULL,
    phone         TEXT NOT NULL,
    opening_hours TEXT NOT NULL
);
