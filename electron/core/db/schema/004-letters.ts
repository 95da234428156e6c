import type { Migration } from '../migrations';

/**
 * Letters (and public replies), the user's own templates with their versions, and the
 * correspondence log. Letters keep the template id and version that produced them.
 */
export const MIGRATION_4: Migration = {
  version: 4,
  name: 'letters',
  sql: `
    CREATE TABLE custom_templates (
      id TEXT PRIMARY KEY,
      based_on TEXT,
      current_version INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      removed_at TEXT
    );

    -- Every saved version of a user template (JSON of the template schema), never rewritten.
    CREATE TABLE template_versions (
      template_id TEXT NOT NULL REFERENCES custom_templates (id),
      version INTEGER NOT NULL,
      data TEXT NOT NULL,
      at TEXT NOT NULL,
      by_account TEXT NOT NULL,
      PRIMARY KEY (template_id, version)
    );

    CREATE TABLE letters (
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES case_files (id),
      step_id TEXT,
      kind TEXT NOT NULL CHECK (kind IN ('reply', 'letter', 'sheet', 'form-text')),
      template_id TEXT NOT NULL,
      template_version INTEGER NOT NULL,
      template_builtin INTEGER NOT NULL,
      title TEXT NOT NULL,
      recipient TEXT NOT NULL DEFAULT '{}',
      sending_mode TEXT,
      lrar_number TEXT NOT NULL DEFAULT '',
      place TEXT NOT NULL DEFAULT '',
      letter_date TEXT,
      objet TEXT NOT NULL DEFAULT '',
      references_text TEXT NOT NULL DEFAULT '',
      body TEXT NOT NULL,
      closing TEXT NOT NULL DEFAULT '',
      enclosures TEXT NOT NULL DEFAULT '[]',
      status TEXT NOT NULL CHECK (status IN ('brouillon', 'validee', 'envoyee', 'publiee')),
      validated_at TEXT,
      validated_by TEXT,
      sent_at TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL
    );
    CREATE INDEX letters_case ON letters (case_id, created_at);

    CREATE TABLE correspondence (
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES case_files (id),
      direction TEXT NOT NULL CHECK (direction IN ('envoye', 'recu')),
      date TEXT NOT NULL,
      channel TEXT NOT NULL CHECK (channel IN
        ('lrar', 'lre', 'email', 'formulaire', 'courrier', 'telephone', 'main-propre')),
      lrar_number TEXT NOT NULL DEFAULT '',
      counterpart TEXT NOT NULL DEFAULT '{}',
      subject TEXT NOT NULL,
      summary TEXT NOT NULL DEFAULT '',
      piece_ids TEXT NOT NULL DEFAULT '[]',
      letter_id TEXT REFERENCES letters (id),
      ar_received TEXT,
      answer_expected TEXT,
      answered_by TEXT REFERENCES correspondence (id),
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX correspondence_case ON correspondence (case_id, date);
    CREATE INDEX correspondence_expected ON correspondence (answer_expected);
  `,
};
