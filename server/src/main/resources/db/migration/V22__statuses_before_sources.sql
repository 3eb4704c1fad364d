-- Statuses recorded before sources were kept (before migration 13): "captive" meant confirmed held, so they count as
-- acknowledged (otherwise an upgraded installation would plan to receive nobody).
UPDATE status_history SET source = 'before-sources'
  WHERE source = 'unstated' AND status IN ('captive', 'detained')
    AND recorded_at < (SELECT (extract(epoch FROM installed_on) * 1000)::bigint
                         FROM flyway_schema_history WHERE version = '13');

DROP INDEX status_history_acknowledged;
CREATE INDEX status_history_acknowledged ON status_history (person_id)
  WHERE status IN ('captive', 'detained')
    AND source IN ('capture-card', 'notification', 'icrc-visit', 'their-list', 'before-sources');
