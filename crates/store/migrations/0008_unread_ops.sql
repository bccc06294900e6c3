-- Ops of kinds this version could not read when they arrived (a newer Harbour's): kept in the
-- log and passed on, and listed here so that, once Harbour is updated and can read them, each
-- is checked against its author's role before it is folded, as it would have been on arrival.
CREATE TABLE unread_ops (
    op_id  TEXT PRIMARY KEY NOT NULL
) STRICT;
INSERT INTO unread_ops SELECT op_id FROM ops WHERE kind NOT IN (
    'child_added', 'child_photo_set', 'child_full_photo_set', 'child_details_set',
    'child_fields_set', 'child_flag_set', 'episode_started', 'episode_last_seen_set',
    'user_added', 'user_disabled', 'episode_event_added', 'profile_saved', 'profile_reviewed',
    'organisation_saved', 'settings_set', 'assessment_event_added'
);
