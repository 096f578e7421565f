#include "storage/schema.hpp"

namespace atelier {

namespace {

// Version 1: the first schema. Every table has a declared INTEGER PRIMARY KEY holding a random
// id (never an autoincrement counter), so copies of one event on several laptops can be merged.
// Foreign keys cascade so that deleting a row and undoing the delete (through a changeset)
// restores exactly what went with it.
constexpr const char* kSchemaV1 = R"SQL(
CREATE TABLE event (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  organiser TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT '',
  first_day TEXT NOT NULL DEFAULT '',
  last_day TEXT NOT NULL DEFAULT '',
  time_zone TEXT NOT NULL DEFAULT 'Europe/Paris',
  created_at INTEGER NOT NULL
);
CREATE TABLE slot (
  id INTEGER PRIMARY KEY,
  day TEXT NOT NULL,
  start TEXT NOT NULL,
  "end" TEXT NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  room TEXT NOT NULL DEFAULT ''
);
CREATE TABLE challenge (
  id INTEGER PRIMARY KEY,
  number INTEGER NOT NULL,
  question TEXT NOT NULL,
  owner TEXT NOT NULL DEFAULT '',
  territory TEXT NOT NULL DEFAULT '',
  stakes TEXT NOT NULL DEFAULT '',
  stakeholders TEXT NOT NULL DEFAULT '',
  obstacles TEXT NOT NULL DEFAULT '',
  levers TEXT NOT NULL DEFAULT '',
  theme TEXT NOT NULL DEFAULT '',
  link TEXT NOT NULL DEFAULT ''
);
CREATE TABLE team (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  colour TEXT NOT NULL,
  challenge_id INTEGER REFERENCES challenge(id) ON DELETE SET NULL,
  phase TEXT NOT NULL,
  private_writing INTEGER NOT NULL DEFAULT 0,
  selected_note_id INTEGER REFERENCES note(id) ON DELETE SET NULL,
  selected_cluster_id INTEGER REFERENCES cluster(id) ON DELETE SET NULL,
  selected_at INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE member (
  id INTEGER PRIMARY KEY,
  team_id INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  organisation TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL
);
CREATE TABLE phase_change (
  id INTEGER PRIMARY KEY,
  team_id INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,
  phase TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE TABLE cluster (
  id INTEGER PRIMARY KEY,
  team_id INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  colour TEXT NOT NULL,
  x REAL NOT NULL,
  y REAL NOT NULL
);
CREATE TABLE note (
  id INTEGER PRIMARY KEY,
  team_id INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  colour TEXT NOT NULL,
  x REAL NOT NULL,
  y REAL NOT NULL,
  width REAL NOT NULL,
  height REAL NOT NULL,
  z INTEGER NOT NULL DEFAULT 0,
  author_id INTEGER REFERENCES member(id) ON DELETE SET NULL,
  phase TEXT NOT NULL,
  cluster_id INTEGER REFERENCES cluster(id) ON DELETE SET NULL,
  hidden INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE TABLE vote_round (
  id INTEGER PRIMARY KEY,
  team_id INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,
  budget INTEGER NOT NULL,
  cap INTEGER,
  mode TEXT NOT NULL,
  revealed INTEGER NOT NULL DEFAULT 0,
  closed INTEGER NOT NULL DEFAULT 0,
  opened_at INTEGER NOT NULL
);
CREATE TABLE vote (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES vote_round(id) ON DELETE CASCADE,
  member_id INTEGER REFERENCES member(id) ON DELETE CASCADE,
  note_id INTEGER REFERENCES note(id) ON DELETE CASCADE,
  cluster_id INTEGER REFERENCES cluster(id) ON DELETE CASCADE,
  count INTEGER NOT NULL,
  CHECK ((note_id IS NULL) <> (cluster_id IS NULL))
);
CREATE TABLE prototype (
  id INTEGER PRIMARY KEY,
  team_id INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,
  lineage_id INTEGER NOT NULL,
  version INTEGER NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  format TEXT NOT NULL,
  status TEXT NOT NULL,
  learning_goal TEXT NOT NULL DEFAULT '',
  based_on_note_id INTEGER REFERENCES note(id) ON DELETE SET NULL,
  based_on_cluster_id INTEGER REFERENCES cluster(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE photo (
  id INTEGER PRIMARY KEY,
  prototype_id INTEGER NOT NULL REFERENCES prototype(id) ON DELETE CASCADE,
  mime TEXT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  caption TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  data BLOB NOT NULL DEFAULT x''
);
CREATE TABLE feedback (
  id INTEGER PRIMARY KEY,
  prototype_id INTEGER NOT NULL REFERENCES prototype(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  rating INTEGER,
  visitor TEXT NOT NULL DEFAULT '',
  at INTEGER NOT NULL
);
CREATE TABLE timed_session (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  phase TEXT NOT NULL,
  team_id INTEGER REFERENCES team(id) ON DELETE CASCADE,
  duration_ms INTEGER NOT NULL,
  state TEXT NOT NULL,
  started_at INTEGER NOT NULL DEFAULT 0,
  remaining_ms INTEGER NOT NULL,
  extension_ms INTEGER NOT NULL DEFAULT 0,
  extension_count INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE INDEX member_team ON member(team_id);
CREATE INDEX phase_change_team ON phase_change(team_id);
CREATE INDEX cluster_team ON cluster(team_id);
CREATE INDEX note_team ON note(team_id);
CREATE INDEX note_cluster ON note(cluster_id);
CREATE INDEX note_author ON note(author_id);
CREATE INDEX vote_round_team ON vote_round(team_id);
CREATE INDEX vote_round_idx ON vote(round_id);
CREATE INDEX vote_note ON vote(note_id);
CREATE INDEX vote_cluster ON vote(cluster_id);
CREATE INDEX vote_member ON vote(member_id);
CREATE INDEX prototype_team ON prototype(team_id);
CREATE INDEX photo_prototype ON photo(prototype_id);
CREATE INDEX feedback_prototype ON feedback(prototype_id);
CREATE INDEX timed_session_team ON timed_session(team_id);
CREATE INDEX team_challenge ON team(challenge_id);
CREATE INDEX team_selected_note ON team(selected_note_id);
CREATE INDEX team_selected_cluster ON team(selected_cluster_id);
CREATE INDEX prototype_note ON prototype(based_on_note_id);
CREATE INDEX prototype_cluster ON prototype(based_on_cluster_id);
)SQL";

// Version 2: full-text search (FTS5). One index per searchable table, its rowid the row's id,
// holding text folded by atelier_fold() (registered on every connection by Store::configure):
// case, accents, œ/æ and apostrophes folded. Triggers keep it right through actions, cascades,
// undo/redo and merges alike, since changesets are applied as ordinary SQL. A bulk writer may
// pause them (atelier_indexing() false) and rebuild the index in one pass. Existing rows are
// indexed here, so files made before v2 become searchable when opened.
constexpr const char* kSchemaV2 = R"SQL(
CREATE VIRTUAL TABLE search_note USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE search_prototype USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE search_feedback USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE search_challenge USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER search_note_insert AFTER INSERT ON note WHEN atelier_indexing() BEGIN
  INSERT INTO search_note(rowid, body) VALUES (new.id, atelier_fold(new.text));
END;
CREATE TRIGGER search_note_update AFTER UPDATE ON note
  WHEN atelier_indexing() AND (old.text IS NOT new.text OR old.id IS NOT new.id) BEGIN
  DELETE FROM search_note WHERE rowid = old.id;
  INSERT INTO search_note(rowid, body) VALUES (new.id, atelier_fold(new.text));
END;
CREATE TRIGGER search_note_delete AFTER DELETE ON note WHEN atelier_indexing() BEGIN
  DELETE FROM search_note WHERE rowid = old.id;
END;

CREATE TRIGGER search_prototype_insert AFTER INSERT ON prototype WHEN atelier_indexing() BEGIN
  INSERT INTO search_prototype(rowid, body)
  VALUES (new.id, atelier_fold(new.title, new.description, new.learning_goal));
END;
CREATE TRIGGER search_prototype_update AFTER UPDATE ON prototype
  WHEN atelier_indexing() AND (old.title IS NOT new.title OR old.description IS NOT new.description
    OR old.learning_goal IS NOT new.learning_goal OR old.id IS NOT new.id) BEGIN
  DELETE FROM search_prototype WHERE rowid = old.id;
  INSERT INTO search_prototype(rowid, body)
  VALUES (new.id, atelier_fold(new.title, new.description, new.learning_goal));
END;
CREATE TRIGGER search_prototype_delete AFTER DELETE ON prototype WHEN atelier_indexing() BEGIN
  DELETE FROM search_prototype WHERE rowid = old.id;
END;

CREATE TRIGGER search_feedback_insert AFTER INSERT ON feedback WHEN atelier_indexing() BEGIN
  INSERT INTO search_feedback(rowid, body) VALUES (new.id, atelier_fold(new.text));
END;
CREATE TRIGGER search_feedback_update AFTER UPDATE ON feedback
  WHEN atelier_indexing() AND (old.text IS NOT new.text OR old.id IS NOT new.id) BEGIN
  DELETE FROM search_feedback WHERE rowid = old.id;
  INSERT INTO search_feedback(rowid, body) VALUES (new.id, atelier_fold(new.text));
END;
CREATE TRIGGER search_feedback_delete AFTER DELETE ON feedback WHEN atelier_indexing() BEGIN
  DELETE FROM search_feedback WHERE rowid = old.id;
END;

CREATE TRIGGER search_challenge_insert AFTER INSERT ON challenge WHEN atelier_indexing() BEGIN
  INSERT INTO search_challenge(rowid, body)
  VALUES (new.id, atelier_fold(new.question, new.owner, new.territory, new.stakes, new.stakeholders,
                               new.obstacles, new.levers, new.theme));
END;
CREATE TRIGGER search_challenge_update AFTER UPDATE ON challenge WHEN atelier_indexing() BEGIN
  DELETE FROM search_challenge WHERE rowid = old.id;
  INSERT INTO search_challenge(rowid, body)
  VALUES (new.id, atelier_fold(new.question, new.owner, new.territory, new.stakes, new.stakeholders,
                               new.obstacles, new.levers, new.theme));
END;
CREATE TRIGGER search_challenge_delete AFTER DELETE ON challenge WHEN atelier_indexing() BEGIN
  DELETE FROM search_challenge WHERE rowid = old.id;
END;

INSERT INTO search_note(rowid, body) SELECT id, atelier_fold(text) FROM note;
INSERT INTO search_prototype(rowid, body) SELECT id, atelier_fold(title, description, learning_goal) FROM prototype;
INSERT INTO search_feedback(rowid, body) SELECT id, atelier_fold(text) FROM feedback;
INSERT INTO search_challenge(rowid, body)
  SELECT id, atelier_fold(question, owner, territory, stakes, stakeholders, obstacles, levers, theme) FROM challenge;
)SQL";

// Version 3: the journal of every committed change, so copies of an event on several laptops
// can be merged (see merge.hpp). `changes` is the changeset as its action recorded it, carried
// to other files; `effect` is what it did in this file when a merge replayed it in time order
// (NULL: the same as `changes`), so a later merge can rewind it exactly. `replica` says which
// copy this file is: its origin id (new for each `atelier copy`), a label and an optional team.
constexpr const char* kSchemaV3 = R"SQL(
CREATE TABLE journal (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  origin INTEGER NOT NULL,
  description TEXT NOT NULL,
  changes BLOB NOT NULL,
  effect BLOB
);
CREATE INDEX journal_order ON journal(at, id);
CREATE TABLE replica (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  origin INTEGER NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  team_id INTEGER
);
INSERT INTO replica(id, origin) VALUES (1, abs(random()) + 1);
)SQL";

// Version 4: a new note goes on top of its board, and a moved note comes to the top: the top z
// of a team's notes is read at every such action. (team_id, z) answers it in one index seek
// (note_team, its prefix, served only the lookups by team).
constexpr const char* kSchemaV4 = R"SQL(
DROP INDEX note_team;
CREATE INDEX note_team_z ON note(team_id, z);
)SQL";

// Version 5: sites. A national review file gathers the events of several sites (merge.hpp):
// their défis, teams, agenda slots and timers say which event they came from (NULL: the
// file's own event), journal entries which event they were made for, and `replica` which
// event row is this file's own.
constexpr const char* kSchemaV5 = R"SQL(
ALTER TABLE slot ADD COLUMN event_id INTEGER;
ALTER TABLE challenge ADD COLUMN event_id INTEGER;
ALTER TABLE team ADD COLUMN event_id INTEGER;
ALTER TABLE timed_session ADD COLUMN event_id INTEGER;
ALTER TABLE journal ADD COLUMN event_id INTEGER;
ALTER TABLE replica ADD COLUMN event_id INTEGER;
UPDATE journal SET event_id = (SELECT id FROM event ORDER BY rowid LIMIT 1);
UPDATE replica SET event_id = (SELECT id FROM event ORDER BY rowid LIMIT 1);
)SQL";

// Version 6: causality and integrity of the journal (merge.hpp). `seq` numbers an entry within
// its origin (1, 2, …); `seen` is the version vector of the file that made it ("origin:seq"
// pairs: how many entries of each origin it had), from which a merge decides which changes are
// concurrent, never from clocks; NULL for entries made before version 6, which keep their time
// order among themselves. `checksum` covers what an entry claims (id, time, origin, event, seq,
// seen, description, changes): a copy edited by hand is refused. `replica` counts the entries
// and sums their checksums, so a wiped or truncated journal is seen too, and says whether the
// file is a national review file (one that already holds sites is one).
constexpr const char* kSchemaV6 = R"SQL(
ALTER TABLE journal ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE journal ADD COLUMN seen TEXT;
ALTER TABLE journal ADD COLUMN checksum INTEGER;
CREATE INDEX journal_origin ON journal(origin, at, id);
UPDATE journal SET seq = (SELECT count(*) FROM journal j WHERE j.origin = journal.origin
                          AND (j.at < journal.at OR (j.at = journal.at AND j.id <= journal.id)));
ALTER TABLE replica ADD COLUMN review INTEGER NOT NULL DEFAULT 0;
ALTER TABLE replica ADD COLUMN journal_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE replica ADD COLUMN journal_sum INTEGER NOT NULL DEFAULT 0;
UPDATE replica SET review = (SELECT count(*) FROM event) > 1;
)SQL";
// (The existing entries' checksums and the replica's count and sum are written right after,
// by checksumJournal(), in the same transaction: see Store::migrate.)

} // namespace

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> list{
        {1, "initial schema", kSchemaV1},
        {2, "full-text search", kSchemaV2},
        {3, "journal of changes, for merging copies", kSchemaV3},
        {4, "index of notes by team and z", kSchemaV4},
        {5, "sites of a national review file", kSchemaV5},
        {6, "causality and checksums of the journal, review files", kSchemaV6},
    };
    return list;
}

const std::vector<std::string>& contentTables() {
    static const std::vector<std::string> tables{"event",   "slot",       "challenge", "team",      "member",
                                                 "phase_change", "cluster", "note",      "vote_round", "vote",
                                                 "prototype", "photo",    "feedback",  "timed_session"};
    return tables;
}

} // namespace atelier
