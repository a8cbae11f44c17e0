CREATE TABLE "screen_connections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"screen_user_id" integer NOT NULL,
	"connected_at" timestamp with time zone NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	"disconnected_at" timestamp with time zone,
	"client_version" text,
	"resolution" text,
	CONSTRAINT "screen_connections_client_version" CHECK (char_length("screen_connections"."client_version") <= 64),
	CONSTRAINT "screen_connections_resolution" CHECK (char_length("screen_connections"."resolution") <= 32)
);
--> statement-breakpoint
CREATE TABLE "screens" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"boards" text[] DEFAULT array['REVENUE', 'ORDERS', 'CONVERSION_RATE']::text[] NOT NULL,
	"seconds_per_board" integer DEFAULT 20 NOT NULL,
	"period_type" "period_type" DEFAULT 'MONTHLY' NOT NULL,
	"pinned" text,
	"first_connected_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "screens_boards" CHECK (cardinality("screens"."boards") between 1 and 4 and "screens"."boards" <@ array['REVENUE', 'ORDERS', 'CONVERSION_RATE', 'WIN_RATE']::text[]),
	CONSTRAINT "screens_pinned" CHECK ("screens"."pinned" is null or "screens"."pinned" = any(array['REVENUE', 'ORDERS', 'CONVERSION_RATE', 'WIN_RATE']::text[])),
	CONSTRAINT "screens_seconds" CHECK ("screens"."seconds_per_board" between 5 and 3600)
);
--> statement-breakpoint
ALTER TABLE "screen_connections" ADD CONSTRAINT "screen_connections_screen_user_id_users_id_fk" FOREIGN KEY ("screen_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screens" ADD CONSTRAINT "screens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "screen_connections_screen_idx" ON "screen_connections" USING btree ("screen_user_id","connected_at");--> statement-breakpoint
INSERT INTO "screens" ("user_id") SELECT "id" FROM "users" WHERE "kind" = 'screen';--> statement-breakpoint
CREATE TRIGGER screens_notify AFTER INSERT OR DELETE OR UPDATE OF boards, seconds_per_board, period_type, pinned ON screens FOR EACH STATEMENT EXECUTE FUNCTION directory_notify();
