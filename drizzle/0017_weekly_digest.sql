-- A manager's weekly digest (issue 19, docs/notifications.md): the choice per person, null meaning
-- off (the only kind off by default). The digests themselves are rows of mail_outbox, enqueued by
-- api/jobs/notifications/weekly-digest.ts with the key digest:<week start>: once per person and week.
ALTER TABLE "notification_settings" ADD COLUMN "weekly_digest" boolean;
