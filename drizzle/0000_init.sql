CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`person_id` text,
	`display_name` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`password_changed_at` integer,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_email_unique` ON `accounts` (`email`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_account_idx` ON `sessions` (`account_id`);--> statement-breakpoint
CREATE TABLE `sign_in_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`window_start` integer NOT NULL,
	`locked_until` integer
);
--> statement-breakpoint
CREATE TABLE `access_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`person_id` text NOT NULL,
	`actor_account_id` text,
	`actor_organisation_id` text,
	`basis` text NOT NULL,
	`action` text NOT NULL,
	`object_type` text,
	`object_id` text,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`actor_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `access_events_person_at_idx` ON `access_events` (`person_id`,`at`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`type_code` text NOT NULL,
	`type_system` text NOT NULL,
	`type_display` text NOT NULL,
	`category` text NOT NULL,
	`title` text NOT NULL,
	`author_name` text,
	`organisation_id` text,
	`authored_at` integer NOT NULL,
	`received_at` integer NOT NULL,
	`source` text NOT NULL,
	`uploaded_by_account_id` text,
	`hidden_from_professionals` integer DEFAULT false NOT NULL,
	`invisible_to_patient` integer DEFAULT false NOT NULL,
	`invisible_to_legal_representatives` integer DEFAULT false NOT NULL,
	`set_id` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`replaces_document_id` text,
	`superseded_at` integer,
	`external_id` text,
	`blob_ref` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`media_type` text NOT NULL,
	`file_name` text NOT NULL,
	`deleted_at` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `documents_person_received_idx` ON `documents` (`person_id`,`received_at`);--> statement-breakpoint
CREATE INDEX `documents_set_idx` ON `documents` (`person_id`,`set_id`,`version`);--> statement-breakpoint
CREATE TABLE `access_grants` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`person_id` text NOT NULL,
	`basis` text NOT NULL,
	`scopes` text DEFAULT '[]' NOT NULL,
	`categories` text DEFAULT '[]' NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer,
	`revoked_at` integer,
	`granted_by_account_id` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`granted_by_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `grants_account_idx` ON `access_grants` (`account_id`);--> statement-breakpoint
CREATE INDEX `grants_person_idx` ON `access_grants` (`person_id`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`finess` text,
	`mss_address` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_finess_unique` ON `organisations` (`finess`);--> statement-breakpoint
CREATE TABLE `persons` (
	`id` text PRIMARY KEY NOT NULL,
	`ins_matricule` text,
	`ins_oid` text,
	`identity_status` text DEFAULT 'PROV' NOT NULL,
	`birth_name` text NOT NULL,
	`first_given_name` text NOT NULL,
	`given_names` text NOT NULL,
	`used_given_name` text NOT NULL,
	`sex` text NOT NULL,
	`birth_date` text NOT NULL,
	`birth_place` text NOT NULL,
	`protection` text DEFAULT 'none' NOT NULL,
	`keeps_own_access` integer DEFAULT true NOT NULL,
	`exclusion` text,
	`space_status` text DEFAULT 'active' NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `persons_ins_idx` ON `persons` (`ins_matricule`,`ins_oid`);