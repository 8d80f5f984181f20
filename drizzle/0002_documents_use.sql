CREATE TABLE `email_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recipient` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`sent_at` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text
);
--> statement-breakpoint
CREATE INDEX `email_outbox_pending_idx` ON `email_outbox` (`sent_at`,`created_at`);--> statement-breakpoint
ALTER TABLE `accounts` ADD `notify_new_documents` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `documents` ADD `first_opened_at` integer;--> statement-breakpoint
ALTER TABLE `documents` ADD `deleted_by_account_id` text REFERENCES accounts(id);