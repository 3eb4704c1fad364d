-- whom the holding side acknowledged (a capture card, a notification, a visit, their list): read
-- for every held person by eligibility and planning
CREATE INDEX status_history_acknowledged ON status_history (person_id)
  WHERE status IN ('captive', 'detained')
    AND source IN ('capture-card', 'notification', 'icrc-visit', 'their-list');
