-- journeys-v1.db as SQL: user_version 1, journal_mode wal. See README.md.
PRAGMA user_version=1;
BEGIN TRANSACTION;
CREATE TABLE events (
    journey TEXT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    question TEXT,
    step TEXT,
    at TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (journey, seq)
);
INSERT INTO "events" VALUES('92343352',1,'answer','welcome.name',NULL,'2026-11-23T07:38:31.514149+00:00','{"at":"2026-11-23T07:38:31.514149Z","kind":"answer","question":"welcome.name","value":"Ann Example","unsure":false,"by":"","role":"person"}');
INSERT INTO "events" VALUES('92343352',2,'move','welcome.mode','welcome','2026-11-23T07:38:31.514698+00:00','{"at":"2026-11-23T07:38:31.514698Z","kind":"move","step":"welcome","question":"welcome.mode"}');
INSERT INTO "events" VALUES('92343352',3,'answer','welcome.mode',NULL,'2026-11-23T07:38:31.515064+00:00','{"at":"2026-11-23T07:38:31.515064Z","kind":"answer","question":"welcome.mode","value":"self","unsure":false,"by":"Ann Example","role":"person"}');
INSERT INTO "events" VALUES('92343352',4,'move','rights.who','rights','2026-11-23T07:38:31.515513+00:00','{"at":"2026-11-23T07:38:31.515513Z","kind":"move","step":"rights","question":"rights.who"}');
INSERT INTO "events" VALUES('92343352',5,'answer','rights.who',NULL,'2026-11-23T07:38:31.515857+00:00','{"at":"2026-11-23T07:38:31.515857Z","kind":"answer","question":"rights.who","value":"person","unsure":false,"by":"Ann Example","role":"person"}');
INSERT INTO "events" VALUES('92343352',6,'move','rights.knew','rights','2026-11-23T07:38:31.516258+00:00','{"at":"2026-11-23T07:38:31.516258Z","kind":"move","step":"rights","question":"rights.knew"}');
INSERT INTO "events" VALUES('92343352',7,'answer','rights.knew',NULL,'2026-11-23T07:38:31.516645+00:00','{"at":"2026-11-23T07:38:31.516645Z","kind":"answer","question":"rights.knew","value":"yes","unsure":false,"by":"Ann Example","role":"person"}');
INSERT INTO "events" VALUES('92343352',8,'move','rights.hopes','rights','2026-11-23T07:38:31.517013+00:00','{"at":"2026-11-23T07:38:31.517013Z","kind":"move","step":"rights","question":"rights.hopes"}');
INSERT INTO "events" VALUES('92343352',9,'move','rights.knew','rights','2026-11-23T07:38:31.517483+00:00','{"at":"2026-11-23T07:38:31.517483Z","kind":"move","step":"rights","question":"rights.knew"}');
INSERT INTO "events" VALUES('92343352',10,'answer','rights.knew',NULL,'2026-11-23T07:38:31.517829+00:00','{"at":"2026-11-23T07:38:31.517829Z","kind":"answer","question":"rights.knew","value":"no","unsure":false,"by":"Ann Example","role":"person"}');
INSERT INTO "events" VALUES('92343352',11,'move','rights.hopes','rights','2026-11-23T07:38:31.518192+00:00','{"at":"2026-11-23T07:38:31.518192Z","kind":"move","step":"rights","question":"rights.hopes"}');
INSERT INTO "events" VALUES('92343352',12,'answer','rights.hopes',NULL,'2026-11-23T07:38:31.518533+00:00','{"at":"2026-11-23T07:38:31.518533Z","kind":"answer","question":"rights.hopes","value":"To cook my own meals","unsure":false,"by":"Ann Example","role":"person"}');
INSERT INTO "events" VALUES('92343352',13,'move','assessment.hard','assessment','2026-11-23T07:38:31.518961+00:00','{"at":"2026-11-23T07:38:31.518961Z","kind":"move","step":"assessment","question":"assessment.hard"}');
INSERT INTO "events" VALUES('92343352',14,'skip',NULL,'assessment','2026-11-23T07:38:31.519276+00:00','{"at":"2026-11-23T07:38:31.519276Z","kind":"skip","step":"assessment"}');
INSERT INTO "events" VALUES('92343352',15,'move','personal-budget.spend-on','personal-budget','2026-11-23T07:38:31.519643+00:00','{"at":"2026-11-23T07:38:31.519643Z","kind":"move","step":"personal-budget","question":"personal-budget.spend-on"}');
INSERT INTO "events" VALUES('c969906d',1,'answer','welcome.name',NULL,'2026-11-23T07:38:31.521690+00:00','{"at":"2026-11-23T07:38:31.521690Z","kind":"answer","question":"welcome.name","value":"Bo","unsure":false,"by":"","role":"person"}');
INSERT INTO "events" VALUES('c969906d',2,'move','welcome.mode','welcome','2026-11-23T07:38:31.522135+00:00','{"at":"2026-11-23T07:38:31.522135Z","kind":"move","step":"welcome","question":"welcome.mode"}');
INSERT INTO "events" VALUES('c969906d',3,'answer','welcome.mode',NULL,'2026-11-23T07:38:31.522601+00:00','{"at":"2026-11-23T07:38:31.522601Z","kind":"answer","question":"welcome.mode","value":"behalf","unsure":false,"by":"Bo","role":"person"}');
INSERT INTO "events" VALUES('c969906d',4,'move','welcome.helper-name','welcome','2026-11-23T07:38:31.522983+00:00','{"at":"2026-11-23T07:38:31.522983Z","kind":"move","step":"welcome","question":"welcome.helper-name"}');
INSERT INTO "events" VALUES('c969906d',5,'answer','welcome.helper-name',NULL,'2026-11-23T07:38:31.523369+00:00','{"at":"2026-11-23T07:38:31.523369Z","kind":"answer","question":"welcome.helper-name","value":"Jo","unsure":false,"by":"","role":"facilitator"}');
INSERT INTO "events" VALUES('c969906d',6,'move','welcome.helper-role','welcome','2026-11-23T07:38:31.523810+00:00','{"at":"2026-11-23T07:38:31.523810Z","kind":"move","step":"welcome","question":"welcome.helper-role"}');
INSERT INTO "events" VALUES('c969906d',7,'answer','welcome.helper-role',NULL,'2026-11-23T07:38:31.524185+00:00','{"at":"2026-11-23T07:38:31.524185Z","kind":"answer","question":"welcome.helper-role","value":"advocate","unsure":false,"by":"Jo","role":"facilitator"}');
INSERT INTO "events" VALUES('c969906d',8,'move','rights.who','rights','2026-11-23T07:38:31.524687+00:00','{"at":"2026-11-23T07:38:31.524687Z","kind":"move","step":"rights","question":"rights.who"}');
INSERT INTO "events" VALUES('62c0fc77',1,'answer','welcome.name',NULL,'2026-11-23T07:38:31.527028+00:00','{"at":"2026-11-23T07:38:31.527028Z","kind":"answer","question":"welcome.name","value":"Cy éè — 😀","unsure":false,"by":"","role":"person"}');
INSERT INTO "events" VALUES('62c0fc77',2,'move','welcome.mode','welcome','2026-11-23T07:38:31.527490+00:00','{"at":"2026-11-23T07:38:31.527490Z","kind":"move","step":"welcome","question":"welcome.mode"}');
CREATE TABLE journeys (
    id TEXT PRIMARY KEY,
    created TEXT NOT NULL
);
INSERT INTO "journeys" VALUES('92343352','2026-11-23T07:38:31.511072+00:00');
INSERT INTO "journeys" VALUES('c969906d','2026-11-23T07:38:31.519974+00:00');
INSERT INTO "journeys" VALUES('62c0fc77','2026-11-23T07:38:31.525047+00:00');
CREATE INDEX events_by_kind ON events (journey, kind, question, seq);
COMMIT;
