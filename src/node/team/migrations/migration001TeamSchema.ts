// Migration 1: the team's schema in PostgreSQL (issue 13). Kept as TypeScript text so that both
// electron-vite's main build and the command line's build bundle it with no loader.
//
// Where each rule lives:
// - who may do what: the group roles (reader pulls; editor pulls and pushes; admin also resolves
//   any conflict), checked inside every writing function with pg_has_role(session_user, …);
// - who made a change: session_user, read inside the SECURITY DEFINER functions, never the payload;
// - which records are valid: precedent.record_rules (JSON Schema derived from the app's zod schemas
//   at init) interpreted by precedent.rule_violation();
// - push rules 1–4, redirects, conflicts, resolving: precedent.push() and precedent.resolve_conflict(),
//   each one transaction, serialised on one advisory lock so the log's `seq` order is commit order
//   (a pull after seq N can never miss a change committed later with a smaller seq);
// - private briefings: row-level security on precedent.briefings.
// Tables take no direct writes from anyone but their owner: analysts hold SELECT and EXECUTE only.
export const migration001TeamSchema = String.raw`
DO $roles$
DECLARE
  role_name text;
BEGIN
  FOREACH role_name IN ARRAY ARRAY['precedent_reader', 'precedent_editor', 'precedent_admin'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = role_name) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I NOLOGIN', role_name);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL; -- another database's init created it at the same moment (roles belong to the cluster)
      END;
    END IF;
  END LOOP;
END
$roles$;
GRANT precedent_reader TO precedent_editor;
GRANT precedent_editor TO precedent_admin;

REVOKE ALL ON SCHEMA precedent FROM PUBLIC;
GRANT USAGE ON SCHEMA precedent TO precedent_reader;

CREATE TABLE precedent.record_rules (
  record_type text COLLATE "C" PRIMARY KEY,
  rules jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Each record's current state: the record (body) or deleted, at its revision.
CREATE TABLE precedent.records (
  record_type text COLLATE "C" NOT NULL,
  record_id text COLLATE "C" NOT NULL,
  revision integer NOT NULL CHECK (revision >= 0),
  deleted boolean NOT NULL,
  body jsonb,
  revision_id text NOT NULL,
  author text NOT NULL,
  at timestamptz NOT NULL,
  seq bigint NOT NULL,
  PRIMARY KEY (record_type, record_id),
  CHECK (deleted = (body IS NULL))
);

-- The log of every accepted change, numbered by seq: what clients pull.
CREATE TABLE precedent.changes (
  seq bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('revision', 'redirect')),
  revision_id text UNIQUE,
  record_type text COLLATE "C",
  record_id text COLLATE "C",
  revision integer,
  action text CHECK (action IN ('create', 'update', 'delete', 'restore', 'undo', 'merge', 'unmerge', 'import')),
  changes jsonb,
  snapshot jsonb,
  note text,
  from_id text,
  to_id text,
  merge_id text,
  author text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  client_at timestamptz NOT NULL,
  resolves_conflict text,
  CHECK (
    (kind = 'revision' AND revision_id IS NOT NULL AND record_type IS NOT NULL AND record_id IS NOT NULL AND revision IS NOT NULL AND action IS NOT NULL AND changes IS NOT NULL)
    OR (kind = 'redirect' AND from_id IS NOT NULL AND to_id IS NOT NULL AND merge_id IS NOT NULL)
  )
);
CREATE UNIQUE INDEX changes_redirect_once ON precedent.changes (from_id, to_id, merge_id) WHERE kind = 'redirect';
CREATE INDEX changes_by_record ON precedent.changes (record_type, record_id, revision);

-- Revisions the server could not accept, kept until a person resolves them.
CREATE TABLE precedent.conflicts (
  conflict_id text PRIMARY KEY,
  record_type text COLLATE "C" NOT NULL,
  record_id text COLLATE "C" NOT NULL,
  base_revision integer NOT NULL,
  base_snapshot jsonb,
  theirs jsonb NOT NULL,
  mine_revision_id text NOT NULL,
  mine_snapshot jsonb,
  mine_author text NOT NULL,
  mine_client_at timestamptz NOT NULL,
  -- The state the latest mine leads to: a revision based on it by the same author joins this conflict.
  mine_leads_to_revision integer NOT NULL,
  mine_leads_to_exists boolean NOT NULL,
  opened_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  resolved_by text,
  resolution_seq bigint
);
CREATE INDEX conflicts_open_by_record ON precedent.conflicts (record_type, record_id) WHERE resolved_at IS NULL;

-- Every revision a conflict took in (its first mine and each one that joined it): none vanishes.
CREATE TABLE precedent.conflict_revisions (
  revision_id text PRIMARY KEY,
  conflict_id text NOT NULL REFERENCES precedent.conflicts (conflict_id),
  base jsonb NOT NULL,
  action text NOT NULL,
  changes jsonb NOT NULL,
  snapshot jsonb,
  note text,
  author text NOT NULL,
  client_at timestamptz NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE precedent.briefings (
  briefing_id text COLLATE "C" PRIMARY KEY,
  owner text NOT NULL,
  shared boolean NOT NULL,
  body jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- A private briefing is visible only to its owner, a shared one to every member. The policy names
-- session_user (the login role) like every author in this schema.
ALTER TABLE precedent.briefings ENABLE ROW LEVEL SECURITY;
CREATE POLICY briefings_visible ON precedent.briefings FOR SELECT USING (shared OR owner = session_user);

-- ---------------------------------------------------------------- helpers (not callable by analysts)

CREATE FUNCTION precedent.iso(moment timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT to_char(moment AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

/* obj with key = value, or obj unchanged when value is NULL (an absent optional field). */
CREATE FUNCTION precedent.with_optional(obj jsonb, key text, value jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE WHEN value IS NULL OR value = 'null'::jsonb THEN obj ELSE obj || jsonb_build_object(key, value) END
$$;

CREATE FUNCTION precedent.refuse(reason text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  RAISE EXCEPTION '%', reason USING ERRCODE = 'PT422';
END
$$;

CREATE FUNCTION precedent.deny(reason text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  RAISE EXCEPTION 'permission denied: %', reason USING ERRCODE = '42501';
END
$$;

CREATE FUNCTION precedent.role_of(login text) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE
    WHEN pg_has_role(login::name, 'precedent_admin', 'MEMBER') THEN 'admin'
    WHEN pg_has_role(login::name, 'precedent_editor', 'MEMBER') THEN 'editor'
    WHEN pg_has_role(login::name, 'precedent_reader', 'MEMBER') THEN 'reader'
  END
$$;

CREATE FUNCTION precedent.require_editor() RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  role text := precedent.role_of(session_user::text);
BEGIN
  IF role IS NULL THEN
    PERFORM precedent.deny(format('%s is not a member of the team (precedent_reader, precedent_editor or precedent_admin)', session_user));
  ELSIF role = 'reader' THEN
    PERFORM precedent.deny(format('%s is a reader', session_user));
  END IF;
END
$$;

CREATE FUNCTION precedent.head_seq() RETURNS bigint
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(max(seq), 0) FROM precedent.changes
$$;

/* A record compared for rule 2: its fields but the bookkeeping ones. */
CREATE FUNCTION precedent.comparable(body jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT body - 'createdAt' - 'updatedAt' - 'revision'
$$;

/* The server's state of a record as the protocol says it (revision 0, no snapshot, when never seen). */
CREATE FUNCTION precedent.record_state(of_type text, of_id text) RETURNS jsonb
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(
    (SELECT precedent.with_optional(
       jsonb_build_object('recordType', r.record_type, 'recordId', r.record_id, 'revision', r.revision, 'revisionId', r.revision_id),
       'snapshot', r.body)
     FROM precedent.records r WHERE r.record_type = of_type AND r.record_id = of_id),
    jsonb_build_object('recordType', of_type, 'recordId', of_id, 'revision', 0))
$$;

/*
 * Where value breaks the JSON Schema rules (the subset z.toJSONSchema gives for the app's record
 * schemas: type, const, enum, required, properties, additionalProperties, items, min/maxItems,
 * min/maxLength, pattern, minimum/maximum, exclusive ones, oneOf), as "field 'a.b[2]': why", or NULL.
 */
CREATE FUNCTION precedent.rule_violation(rules jsonb, candidate jsonb, at_path text) RETURNS text
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  actual text := jsonb_typeof(candidate);
  expected text := rules->>'type';
  label text := CASE WHEN at_path = '' THEN 'the record' ELSE format('field ''%s''', at_path) END;
  numeric_value numeric;
  text_value text;
  field_name text;
  item jsonb;
  item_number integer;
  problem text;
  matches integer;
BEGIN
  IF expected IS NOT NULL AND NOT (
    actual = expected
    OR (expected = 'integer' AND actual = 'number' AND (candidate::text)::numeric = trunc((candidate::text)::numeric))
    OR (expected = 'number' AND actual = 'number')
  ) THEN
    RETURN format('%s must be %s, not %s', label, CASE expected WHEN 'array' THEN 'a list' WHEN 'object' THEN 'an object' WHEN 'string' THEN 'text' WHEN 'integer' THEN 'a whole number' WHEN 'boolean' THEN 'true or false' ELSE 'a ' || expected END, actual);
  END IF;
  IF rules ? 'const' AND candidate IS DISTINCT FROM rules->'const' THEN
    RETURN format('%s must be %s', label, rules->'const');
  END IF;
  IF rules ? 'enum' AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(rules->'enum') allowed WHERE allowed = candidate) THEN
    RETURN format('%s must be one of %s, not %s', label,
      (SELECT string_agg(allowed #>> '{}', ', ') FROM jsonb_array_elements(rules->'enum') allowed), left(candidate::text, 80));
  END IF;
  IF rules ? 'oneOf' THEN
    SELECT count(*) INTO matches FROM jsonb_array_elements(rules->'oneOf') choice
      WHERE precedent.rule_violation(choice, candidate, at_path) IS NULL;
    IF matches <> 1 THEN
      RETURN format('%s matches none of its allowed forms', label);
    END IF;
  END IF;
  IF actual = 'string' THEN
    text_value := candidate #>> '{}';
    IF rules ? 'minLength' AND char_length(text_value) < (rules->>'minLength')::integer THEN
      RETURN format('%s must have at least %s characters', label, rules->>'minLength');
    END IF;
    IF rules ? 'maxLength' AND char_length(text_value) > (rules->>'maxLength')::integer THEN
      RETURN format('%s must have at most %s characters', label, rules->>'maxLength');
    END IF;
    IF rules ? 'pattern' AND text_value !~ (rules->>'pattern') THEN
      RETURN format('%s is not in the expected form', label);
    END IF;
  ELSIF actual = 'number' THEN
    numeric_value := (candidate::text)::numeric;
    IF rules ? 'minimum' AND numeric_value < (rules->>'minimum')::numeric THEN
      RETURN format('%s must be at least %s', label, rules->>'minimum');
    END IF;
    IF rules ? 'maximum' AND numeric_value > (rules->>'maximum')::numeric THEN
      RETURN format('%s must be at most %s', label, rules->>'maximum');
    END IF;
    IF rules ? 'exclusiveMinimum' AND numeric_value <= (rules->>'exclusiveMinimum')::numeric THEN
      RETURN format('%s must be more than %s', label, rules->>'exclusiveMinimum');
    END IF;
    IF rules ? 'exclusiveMaximum' AND numeric_value >= (rules->>'exclusiveMaximum')::numeric THEN
      RETURN format('%s must be less than %s', label, rules->>'exclusiveMaximum');
    END IF;
  ELSIF actual = 'array' THEN
    IF rules ? 'minItems' AND jsonb_array_length(candidate) < (rules->>'minItems')::integer THEN
      RETURN format('%s must hold at least %s entries', label, rules->>'minItems');
    END IF;
    IF rules ? 'maxItems' AND jsonb_array_length(candidate) > (rules->>'maxItems')::integer THEN
      RETURN format('%s must hold at most %s entries', label, rules->>'maxItems');
    END IF;
    IF rules ? 'items' THEN
      FOR item, item_number IN SELECT element, ordinality - 1 FROM jsonb_array_elements(candidate) WITH ORDINALITY AS entry(element, ordinality) LOOP
        problem := precedent.rule_violation(rules->'items', item, format('%s[%s]', at_path, item_number));
        IF problem IS NOT NULL THEN RETURN problem; END IF;
      END LOOP;
    END IF;
  ELSIF actual = 'object' THEN
    IF rules ? 'required' THEN
      FOR field_name IN SELECT jsonb_array_elements_text(rules->'required') LOOP
        IF NOT candidate ? field_name THEN
          RETURN format('field ''%s'' is required', CASE WHEN at_path = '' THEN field_name ELSE at_path || '.' || field_name END);
        END IF;
      END LOOP;
    END IF;
    FOR field_name, item IN SELECT * FROM jsonb_each(candidate) ORDER BY 1 LOOP
      IF rules->'properties' ? field_name THEN
        problem := precedent.rule_violation(rules->'properties'->field_name, item, CASE WHEN at_path = '' THEN field_name ELSE at_path || '.' || field_name END);
      ELSIF rules->'additionalProperties' = 'false'::jsonb THEN
        problem := format('field ''%s'' is not a field of %s', CASE WHEN at_path = '' THEN field_name ELSE at_path || '.' || field_name END,
          CASE WHEN at_path = '' THEN 'this record type' ELSE format('''%s''', at_path) END);
      ELSIF jsonb_typeof(rules->'additionalProperties') = 'object' THEN
        problem := precedent.rule_violation(rules->'additionalProperties', item, CASE WHEN at_path = '' THEN field_name ELSE at_path || '.' || field_name END);
      ELSE
        problem := NULL;
      END IF;
      IF problem IS NOT NULL THEN RETURN problem; END IF;
    END LOOP;
  END IF;
  RETURN NULL;
END
$$;

/* Checks a pushed revision's shape and record; refuses the whole push with a reason otherwise. */
CREATE FUNCTION precedent.check_revision(change jsonb, change_number integer) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  where_ text := format('change %s', change_number);
  type_rules jsonb;
  problem text;
  key text;
BEGIN
  FOR key IN SELECT jsonb_object_keys(change) LOOP
    IF key NOT IN ('kind', 'id', 'recordType', 'recordId', 'base', 'action', 'changes', 'snapshot', 'note', 'clientAt') THEN
      PERFORM precedent.refuse(format('%s: unknown field ''%s''', where_, key));
    END IF;
  END LOOP;
  IF jsonb_typeof(change->'id') IS DISTINCT FROM 'string' OR char_length(change->>'id') NOT BETWEEN 1 AND 200 THEN
    PERFORM precedent.refuse(format('%s: the revision id must be 1 to 200 characters', where_));
  END IF;
  IF jsonb_typeof(change->'recordId') IS DISTINCT FROM 'string' OR char_length(change->>'recordId') NOT BETWEEN 1 AND 200 THEN
    PERFORM precedent.refuse(format('%s: the record id must be 1 to 200 characters', where_));
  END IF;
  where_ := format('%s %s', coalesce(change->>'recordType', 'record'), quote_literal(change->>'recordId'));
  SELECT r.rules INTO type_rules FROM precedent.record_rules r WHERE r.record_type = change->>'recordType';
  IF NOT FOUND OR change->>'recordType' = 'briefing' THEN
    PERFORM precedent.refuse(format('%s: unknown record type', where_));
  END IF;
  IF jsonb_typeof(change->'base') IS DISTINCT FROM 'object'
     OR jsonb_typeof(change->'base'->'revision') IS DISTINCT FROM 'number'
     OR jsonb_typeof(change->'base'->'exists') IS DISTINCT FROM 'boolean'
     OR (SELECT count(*) FROM jsonb_object_keys(change->'base')) <> 2 THEN
    PERFORM precedent.refuse(format('%s: base must be { revision, exists }', where_));
  END IF;
  IF (change->'base'->>'revision')::numeric <> trunc((change->'base'->>'revision')::numeric)
     OR (change->'base'->>'revision')::numeric NOT BETWEEN 0 AND 2000000000 THEN
    PERFORM precedent.refuse(format('%s: base.revision must be a whole number from 0', where_));
  END IF;
  IF change->>'action' IS NULL OR change->>'action' NOT IN ('create', 'update', 'delete', 'restore', 'undo', 'merge', 'unmerge', 'import') THEN
    PERFORM precedent.refuse(format('%s: unknown action %s', where_, coalesce(change->'action', 'null'::jsonb)));
  END IF;
  IF jsonb_typeof(change->'changes') IS DISTINCT FROM 'array' OR jsonb_array_length(change->'changes') > 2000 THEN
    PERFORM precedent.refuse(format('%s: changes must be a list of at most 2000 field changes', where_));
  END IF;
  IF change ? 'note' AND (jsonb_typeof(change->'note') IS DISTINCT FROM 'string' OR char_length(change->>'note') > 2000) THEN
    PERFORM precedent.refuse(format('%s: the note must be text of at most 2000 characters', where_));
  END IF;
  IF jsonb_typeof(change->'clientAt') IS DISTINCT FROM 'string' OR (change->>'clientAt') !~ '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$' THEN
    PERFORM precedent.refuse(format('%s: clientAt must be an ISO 8601 time', where_));
  END IF;
  IF change ? 'snapshot' THEN
    IF jsonb_typeof(change->'snapshot') IS DISTINCT FROM 'object' THEN
      PERFORM precedent.refuse(format('%s: the snapshot must be a record', where_));
    END IF;
    IF change->'snapshot'->'id' IS DISTINCT FROM change->'recordId' THEN
      PERFORM precedent.refuse(format('%s: field ''id'' is %s, not the record''s id', where_, coalesce(change->'snapshot'->'id', '"missing"'::jsonb)));
    END IF;
    problem := precedent.rule_violation(type_rules, change->'snapshot', '');
    IF problem IS NOT NULL THEN
      PERFORM precedent.refuse(format('%s: %s', where_, problem));
    END IF;
  END IF;
END
$$;

/* The log entry and new current state of an accepted revision; its seq. */
CREATE FUNCTION precedent.accept_revision(change jsonb, new_revision integer, author text, resolves text) RETURNS bigint
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  new_seq bigint;
  snapshot jsonb := change->'snapshot';
BEGIN
  INSERT INTO precedent.changes (kind, revision_id, record_type, record_id, revision, action, changes, snapshot, note, author, client_at, resolves_conflict)
  VALUES ('revision', change->>'id', change->>'recordType', change->>'recordId', new_revision, change->>'action', change->'changes',
          snapshot, change->>'note', author, (change->>'clientAt')::timestamptz, resolves)
  RETURNING seq INTO new_seq;
  INSERT INTO precedent.records AS r (record_type, record_id, revision, deleted, body, revision_id, author, at, seq)
  VALUES (change->>'recordType', change->>'recordId', new_revision, snapshot IS NULL, snapshot, change->>'id', author, now(), new_seq)
  ON CONFLICT (record_type, record_id) DO UPDATE SET
    revision = EXCLUDED.revision, deleted = EXCLUDED.deleted, body = EXCLUDED.body, revision_id = EXCLUDED.revision_id,
    author = EXCLUDED.author, at = EXCLUDED.at, seq = EXCLUDED.seq;
  RETURN new_seq;
END
$$;

CREATE FUNCTION precedent.push_revision(change jsonb, author text) RETURNS jsonb
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  the_type text := change->>'recordType';
  the_id text := change->>'recordId';
  pushed_base_revision integer := (change->'base'->>'revision')::integer;
  pushed_base_exists boolean := (change->'base'->>'exists')::boolean;
  snapshot jsonb := change->'snapshot';
  current_row precedent.records%ROWTYPE;
  seen boolean;
  current_exists boolean;
  current_revision integer;
  joined text;
  their_state jsonb;
  common jsonb;
BEGIN
  -- Rule 1: a revision the server holds, accepted or kept in a conflict.
  IF EXISTS (SELECT 1 FROM precedent.changes WHERE revision_id = change->>'id')
     OR EXISTS (SELECT 1 FROM precedent.conflict_revisions WHERE revision_id = change->>'id') THEN
    RETURN jsonb_build_object('outcome', 'already', 'id', change->>'id');
  END IF;
  SELECT * INTO current_row FROM precedent.records WHERE record_type = the_type AND record_id = the_id;
  seen := FOUND;
  current_exists := seen AND NOT current_row.deleted;
  current_revision := coalesce(current_row.revision, 0);
  -- Rule 2: equal to the current version, or deleting what is not there.
  IF (snapshot IS NOT NULL AND current_exists AND precedent.comparable(snapshot) = precedent.comparable(current_row.body))
     OR (snapshot IS NULL AND NOT current_exists) THEN
    RETURN jsonb_build_object('outcome', 'unchanged', 'id', change->>'id', 'current', precedent.record_state(the_type, the_id));
  END IF;
  -- Rule 3: based on the current state; or the first to bring a record the server has never seen.
  IF (NOT seen AND snapshot IS NOT NULL) OR (pushed_base_revision = current_revision AND pushed_base_exists = current_exists) THEN
    RETURN jsonb_build_object('outcome', 'accepted', 'id', change->>'id',
      'seq', precedent.accept_revision(change, CASE WHEN snapshot IS NULL THEN pushed_base_revision ELSE pushed_base_revision + 1 END, author, NULL));
  END IF;
  -- Rule 4: a conflict; the same author's next revision on top of its own mine joins it.
  SELECT conflict_id INTO joined FROM precedent.conflicts
    WHERE record_type = the_type AND record_id = the_id AND resolved_at IS NULL AND mine_author = author
      AND mine_leads_to_revision = pushed_base_revision AND mine_leads_to_exists = pushed_base_exists
    ORDER BY opened_at DESC, conflict_id LIMIT 1;
  IF NOT FOUND THEN
    joined := gen_random_uuid()::text;
    their_state := precedent.with_optional(precedent.record_state(the_type, the_id), 'author', to_jsonb(current_row.author));
    IF pushed_base_exists THEN
      SELECT c.snapshot INTO common FROM precedent.changes c
        WHERE c.record_type = the_type AND c.record_id = the_id AND c.revision = pushed_base_revision AND c.snapshot IS NOT NULL
        ORDER BY c.seq DESC LIMIT 1;
    END IF;
    INSERT INTO precedent.conflicts (conflict_id, record_type, record_id, base_revision, base_snapshot, theirs,
      mine_revision_id, mine_snapshot, mine_author, mine_client_at, mine_leads_to_revision, mine_leads_to_exists)
    VALUES (joined, the_type, the_id, pushed_base_revision, common, their_state, change->>'id', snapshot, author, (change->>'clientAt')::timestamptz,
      CASE WHEN snapshot IS NULL THEN pushed_base_revision ELSE pushed_base_revision + 1 END, snapshot IS NOT NULL);
  ELSE
    UPDATE precedent.conflicts SET mine_revision_id = change->>'id', mine_snapshot = snapshot,
      mine_client_at = (change->>'clientAt')::timestamptz,
      mine_leads_to_revision = CASE WHEN snapshot IS NULL THEN pushed_base_revision ELSE pushed_base_revision + 1 END,
      mine_leads_to_exists = snapshot IS NOT NULL
    WHERE conflict_id = joined;
  END IF;
  INSERT INTO precedent.conflict_revisions (revision_id, conflict_id, base, action, changes, snapshot, note, author, client_at)
  VALUES (change->>'id', joined, change->'base', change->>'action', change->'changes', snapshot, change->>'note', author, (change->>'clientAt')::timestamptz);
  RETURN jsonb_build_object('outcome', 'conflict', 'id', change->>'id', 'conflictId', joined, 'current', precedent.record_state(the_type, the_id));
END
$$;

CREATE FUNCTION precedent.push_redirect(change jsonb, change_number integer, author text) RETURNS jsonb
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  key text;
  new_seq bigint;
BEGIN
  FOR key IN SELECT jsonb_object_keys(change) LOOP
    IF key NOT IN ('kind', 'fromId', 'toId', 'mergeId', 'clientAt') THEN
      PERFORM precedent.refuse(format('change %s (redirect): unknown field ''%s''', change_number, key));
    END IF;
  END LOOP;
  FOREACH key IN ARRAY ARRAY['fromId', 'toId', 'mergeId'] LOOP
    IF jsonb_typeof(change->key) IS DISTINCT FROM 'string' OR char_length(change->>key) NOT BETWEEN 1 AND 200 THEN
      PERFORM precedent.refuse(format('change %s (redirect): %s must be 1 to 200 characters', change_number, key));
    END IF;
  END LOOP;
  IF jsonb_typeof(change->'clientAt') IS DISTINCT FROM 'string' OR (change->>'clientAt') !~ '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$' THEN
    PERFORM precedent.refuse(format('change %s (redirect %s): clientAt must be an ISO 8601 time', change_number, quote_literal(change->>'fromId')));
  END IF;
  IF EXISTS (SELECT 1 FROM precedent.changes WHERE kind = 'redirect' AND from_id = change->>'fromId' AND to_id = change->>'toId' AND merge_id = change->>'mergeId') THEN
    RETURN jsonb_build_object('outcome', 'already', 'id', change->>'fromId');
  END IF;
  INSERT INTO precedent.changes (kind, from_id, to_id, merge_id, author, client_at)
  VALUES ('redirect', change->>'fromId', change->>'toId', change->>'mergeId', author, (change->>'clientAt')::timestamptz)
  RETURNING seq INTO new_seq;
  RETURN jsonb_build_object('outcome', 'accepted', 'id', change->>'fromId', 'seq', new_seq);
END
$$;

-- ---------------------------------------------------------------- what analysts call

/* Push: rules 1–4 for each change in order, one transaction, the author from the login role. */
CREATE FUNCTION precedent.push(batch jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  author text := session_user;
  change jsonb;
  change_number integer := 0;
  outcomes jsonb[] := ARRAY[]::jsonb[];
BEGIN
  PERFORM precedent.require_editor();
  IF jsonb_typeof(batch) IS DISTINCT FROM 'array' THEN
    PERFORM precedent.refuse('a push is a list of changes');
  END IF;
  IF jsonb_array_length(batch) > 1000 THEN
    PERFORM precedent.refuse(format('a push holds at most 1000 changes, not %s', jsonb_array_length(batch)));
  END IF;
  -- One push at a time: seq order is commit order, and each rule sees the state the last push left.
  PERFORM pg_advisory_xact_lock(7301946613);
  FOR change IN SELECT value FROM jsonb_array_elements(batch) LOOP
    change_number := change_number + 1;
    IF jsonb_typeof(change) = 'object' AND change->>'kind' = 'revision' THEN
      PERFORM precedent.check_revision(change, change_number);
      outcomes := outcomes || precedent.push_revision(change, author);
    ELSIF jsonb_typeof(change) = 'object' AND change->>'kind' = 'redirect' THEN
      outcomes := outcomes || precedent.push_redirect(change, change_number, author);
    ELSE
      PERFORM precedent.refuse(format('change %s is neither a revision nor a redirect', change_number));
    END IF;
  END LOOP;
  RETURN jsonb_build_object('outcomes', to_jsonb(outcomes), 'headSeq', precedent.head_seq());
END
$$;

CREATE FUNCTION precedent.resolve_conflict(request jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  author text := session_user;
  conflict precedent.conflicts%ROWTYPE;
  resolution jsonb := request->'revision';
  current_row precedent.records%ROWTYPE;
  current_exists boolean;
  new_seq bigint;
BEGIN
  PERFORM precedent.require_editor();
  PERFORM pg_advisory_xact_lock(7301946613);
  SELECT * INTO conflict FROM precedent.conflicts WHERE conflict_id = request->>'conflictId';
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no conflict % on the server', coalesce(request->>'conflictId', 'without an id') USING ERRCODE = 'PT404';
  END IF;
  IF conflict.resolved_at IS NOT NULL THEN
    RETURN jsonb_build_object('outcome', 'closed');
  END IF;
  IF precedent.role_of(author) <> 'admin' AND author NOT IN (conflict.mine_author, coalesce(conflict.theirs->>'author', '')) THEN
    PERFORM precedent.deny(format('%s may resolve only conflicts on their own changes (an administrator resolves the others)', author));
  END IF;
  IF resolution IS NOT NULL AND resolution <> 'null'::jsonb THEN
    IF jsonb_typeof(resolution) IS DISTINCT FROM 'object' OR resolution->>'kind' IS DISTINCT FROM 'revision' THEN
      PERFORM precedent.refuse('the resolution must be a revision');
    END IF;
    PERFORM precedent.check_revision(resolution, 1);
    IF resolution->>'recordType' IS DISTINCT FROM conflict.record_type OR resolution->>'recordId' IS DISTINCT FROM conflict.record_id THEN
      PERFORM precedent.refuse(format('the resolution of conflict %s must be a revision of %s %s', conflict.conflict_id, conflict.record_type, quote_literal(conflict.record_id)));
    END IF;
    IF EXISTS (SELECT 1 FROM precedent.changes WHERE revision_id = resolution->>'id')
       OR EXISTS (SELECT 1 FROM precedent.conflict_revisions WHERE revision_id = resolution->>'id') THEN
      PERFORM precedent.refuse(format('%s %s: revision %s is already on the server', conflict.record_type, quote_literal(conflict.record_id), resolution->>'id'));
    END IF;
    SELECT * INTO current_row FROM precedent.records WHERE record_type = conflict.record_type AND record_id = conflict.record_id;
    current_exists := FOUND AND NOT current_row.deleted;
    IF (resolution->'base'->>'revision')::integer <> coalesce(current_row.revision, 0) OR (resolution->'base'->>'exists')::boolean <> current_exists THEN
      RETURN jsonb_build_object('outcome', 'stale', 'current', precedent.record_state(conflict.record_type, conflict.record_id));
    END IF;
    -- The chosen version is already the server's (rule 2): close without a new revision.
    IF NOT ((resolution ? 'snapshot' AND current_exists AND precedent.comparable(resolution->'snapshot') = precedent.comparable(current_row.body))
            OR (NOT resolution ? 'snapshot' AND NOT current_exists)) THEN
      new_seq := precedent.accept_revision(resolution,
        CASE WHEN resolution ? 'snapshot' THEN (resolution->'base'->>'revision')::integer + 1 ELSE (resolution->'base'->>'revision')::integer END,
        author, conflict.conflict_id);
    END IF;
  END IF;
  UPDATE precedent.conflicts SET resolved_at = now(), resolved_by = author, resolution_seq = new_seq WHERE conflict_id = conflict.conflict_id;
  RETURN precedent.with_optional(jsonb_build_object('outcome', 'resolved'), 'seq', to_jsonb(new_seq));
END
$$;

CREATE FUNCTION precedent.save_briefing(request jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  author text := session_user;
  briefing jsonb := request->'briefing';
  briefing_rules jsonb;
  problem text;
  owner_now text;
  saved precedent.briefings%ROWTYPE;
BEGIN
  PERFORM precedent.require_editor();
  IF jsonb_typeof(briefing) IS DISTINCT FROM 'object' OR jsonb_typeof(request->'shared') IS DISTINCT FROM 'boolean' THEN
    PERFORM precedent.refuse('a briefing is saved as { briefing, shared }');
  END IF;
  SELECT rules INTO briefing_rules FROM precedent.record_rules WHERE record_type = 'briefing';
  problem := precedent.rule_violation(briefing_rules, briefing, '');
  IF problem IS NOT NULL THEN
    PERFORM precedent.refuse(format('briefing %s: %s', quote_literal(coalesce(briefing->>'id', '?')), replace(problem, 'the record', 'the briefing')));
  END IF;
  SELECT b.owner INTO owner_now FROM precedent.briefings b WHERE b.briefing_id = briefing->>'id' FOR UPDATE;
  IF FOUND AND owner_now <> author AND precedent.role_of(author) <> 'admin' THEN
    PERFORM precedent.deny(format('briefing %s is another analyst''s', quote_literal(briefing->>'id')));
  END IF;
  INSERT INTO precedent.briefings AS b (briefing_id, owner, shared, body)
  VALUES (briefing->>'id', author, (request->>'shared')::boolean, briefing)
  ON CONFLICT (briefing_id) DO UPDATE SET shared = EXCLUDED.shared, body = EXCLUDED.body, updated_at = now()
    WHERE b.owner = author OR precedent.role_of(author) = 'admin'
  RETURNING * INTO saved;
  -- Another analyst created this id at the same moment: theirs stays theirs.
  IF NOT FOUND THEN
    PERFORM precedent.deny(format('briefing %s is another analyst''s', quote_literal(briefing->>'id')));
  END IF;
  RETURN jsonb_build_object('briefing', saved.body, 'shared', saved.shared, 'owner', saved.owner, 'updatedAt', precedent.iso(saved.updated_at));
END
$$;

-- Reading runs as the caller (SECURITY INVOKER): its grants and the briefings' row-level security apply.

CREATE FUNCTION precedent.pull(since bigint, page_size integer) RETURNS jsonb
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  WITH page AS (
    SELECT * FROM precedent.changes WHERE seq > since ORDER BY seq LIMIT least(greatest(page_size, 1), 5000) + 1
  ), numbered AS (
    SELECT page.*, row_number() OVER (ORDER BY seq) AS n FROM page
  )
  SELECT jsonb_build_object(
    'changes', coalesce((SELECT jsonb_agg(
      CASE WHEN kind = 'revision' THEN
        precedent.with_optional(precedent.with_optional(jsonb_build_object(
          'kind', 'revision', 'seq', seq, 'id', revision_id, 'recordType', record_type, 'recordId', record_id,
          'revision', revision, 'action', action, 'changes', changes, 'author', author, 'at', precedent.iso(at)),
          'snapshot', snapshot), 'note', to_jsonb(note))
      ELSE jsonb_build_object('kind', 'redirect', 'seq', seq, 'fromId', from_id, 'toId', to_id, 'mergeId', merge_id,
          'author', author, 'at', precedent.iso(at))
      END ORDER BY seq) FROM numbered WHERE n <= least(greatest(page_size, 1), 5000)), '[]'::jsonb),
    'headSeq', precedent.head_seq(),
    'more', (SELECT count(*) FROM page) > least(greatest(page_size, 1), 5000))
$$;

CREATE FUNCTION precedent.current_records(after_type text, after_id text, page_size integer) RETURNS jsonb
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  WITH page AS (
    SELECT * FROM precedent.records
    WHERE NOT deleted AND (after_type IS NULL OR (record_type, record_id) > (after_type COLLATE "C", after_id COLLATE "C"))
    ORDER BY record_type, record_id LIMIT least(greatest(page_size, 1), 5000) + 1
  ), numbered AS (
    SELECT page.*, row_number() OVER (ORDER BY record_type, record_id) AS n FROM page
  )
  SELECT jsonb_build_object(
    'records', coalesce((SELECT jsonb_agg(jsonb_build_object(
        'recordType', record_type, 'recordId', record_id, 'revision', revision, 'snapshot', body,
        'revisionId', revision_id, 'author', author, 'at', precedent.iso(at)) ORDER BY record_type, record_id)
      FROM numbered WHERE n <= least(greatest(page_size, 1), 5000)), '[]'::jsonb),
    'headSeq', precedent.head_seq(),
    'more', (SELECT count(*) FROM page) > least(greatest(page_size, 1), 5000))
$$;

CREATE FUNCTION precedent.conflict_list(include_resolved boolean) RETURNS jsonb
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(jsonb_agg(
    precedent.with_optional(precedent.with_optional(jsonb_build_object(
      'conflictId', conflict_id, 'recordType', record_type, 'recordId', record_id,
      'base', precedent.with_optional(jsonb_build_object('revision', base_revision), 'snapshot', base_snapshot),
      'theirs', theirs,
      'mine', precedent.with_optional(jsonb_build_object('revisionId', mine_revision_id, 'author', mine_author, 'clientAt', precedent.iso(mine_client_at)), 'snapshot', mine_snapshot),
      'openedAt', precedent.iso(opened_at)),
      'resolvedAt', to_jsonb(precedent.iso(resolved_at))), 'resolvedBy', to_jsonb(resolved_by))
    ORDER BY opened_at, conflict_id), '[]'::jsonb)
  FROM precedent.conflicts WHERE include_resolved OR resolved_at IS NULL
$$;

CREATE FUNCTION precedent.visible_briefings() RETURNS jsonb
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(jsonb_agg(jsonb_build_object('briefing', body, 'shared', shared, 'owner', owner, 'updatedAt', precedent.iso(updated_at))
    ORDER BY briefing_id), '[]'::jsonb)
  FROM precedent.briefings
$$;

CREATE FUNCTION precedent.status() RETURNS jsonb
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT jsonb_build_object(
    'user', session_user::text,
    'role', precedent.role_of(session_user::text),
    'schemaVersion', (SELECT max(version) FROM precedent.schema_version),
    'headSeq', precedent.head_seq(),
    'openConflicts', (SELECT count(*) FROM precedent.conflicts WHERE resolved_at IS NULL),
    'records', (SELECT count(*) FROM precedent.records WHERE NOT deleted))
$$;

-- Row-level security on every table: rows are visible to members of the team only (and private
-- briefings to their owner only, above), even should a grant ever be given too widely. The
-- SECURITY DEFINER functions run as the tables' owner, which these policies do not bind.
DO $rls$
DECLARE
  table_name text;
BEGIN
  FOREACH table_name IN ARRAY ARRAY['schema_version', 'record_rules', 'records', 'changes', 'conflicts', 'conflict_revisions'] LOOP
    EXECUTE format('ALTER TABLE precedent.%I ENABLE ROW LEVEL SECURITY', table_name);
    EXECUTE format('CREATE POLICY members_read ON precedent.%I FOR SELECT TO precedent_reader USING (true)', table_name);
  END LOOP;
END
$rls$;
CREATE POLICY members_only ON precedent.briefings AS RESTRICTIVE FOR SELECT USING (pg_has_role(session_user, 'precedent_reader', 'MEMBER'));

REVOKE ALL ON ALL TABLES IN SCHEMA precedent FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA precedent FROM PUBLIC;
GRANT SELECT ON ALL TABLES IN SCHEMA precedent TO precedent_reader;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA precedent FROM PUBLIC;
GRANT EXECUTE ON FUNCTION
  precedent.push(jsonb), precedent.resolve_conflict(jsonb), precedent.save_briefing(jsonb),
  precedent.pull(bigint, integer), precedent.current_records(text, text, integer), precedent.conflict_list(boolean),
  precedent.visible_briefings(), precedent.status(),
  -- called by the invoker functions above, as the caller
  precedent.iso(timestamptz), precedent.with_optional(jsonb, text, jsonb), precedent.head_seq(), precedent.role_of(text)
TO precedent_reader;
`
