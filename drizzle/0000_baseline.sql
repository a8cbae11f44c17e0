-- The schema of migrations 0000-0014 (Pulse before 2026-12-07), squashed into one: types,
-- tables, indexes, constraints, triggers, the goal_progress view and the default badge rules.
-- Function bodies are not here: drizzle/functions/<name>.sql holds each one, applied right after
-- the migrations (api/db/migrate.ts, docs/sql-functions.md). The functions that a trigger or the
-- view names are declared below with placeholder bodies only so that those can be created; on a
-- new database nothing runs before the files replace them (same start, same lock). A database
-- created by an earlier version is at 0014 already and never runs this file; one stopped between
-- two of those migrations is refused with a message (api/db/migrate.ts).
CREATE TYPE activity_kind AS ENUM (
    'LEAD_CREATED',
    'OPPORTUNITY_CREATED',
    'QUOTATION_SENT',
    'QUOTATION_ACCEPTED',
    'ORDER_WON',
    'OPPORTUNITY_LOST',
    'CALL',
    'EMAIL',
    'MEETING'
);
--> statement-breakpoint
CREATE TYPE goal_metric AS ENUM (
    'REVENUE',
    'ORDERS',
    'LEADS',
    'OPPORTUNITIES',
    'CONVERSION_RATE',
    'WIN_RATE',
    'CALLS',
    'MEETINGS',
    'CUSTOM'
);
--> statement-breakpoint
CREATE TYPE goal_status AS ENUM (
    'ACHIEVED',
    'ON_TRACK',
    'BEHIND',
    'AT_RISK',
    'MISSED'
);
--> statement-breakpoint
CREATE TYPE period_type AS ENUM (
    'DAILY',
    'WEEKLY',
    'MONTHLY',
    'QUARTERLY',
    'YEARLY'
);
--> statement-breakpoint
CREATE TYPE role AS ENUM (
    'ADMIN',
    'MANAGER',
    'REP',
    'VIEWER'
);
--> statement-breakpoint
CREATE TYPE rule_metric AS ENUM (
    'REVENUE',
    'ORDERS',
    'LEADS',
    'OPPORTUNITIES',
    'CALLS',
    'MEETINGS'
);
--> statement-breakpoint
CREATE TYPE webhook_delivery_status AS ENUM (
    'PENDING',
    'DELIVERED',
    'FAILED'
);
--> statement-breakpoint
CREATE TYPE webhook_event AS ENUM (
    'GOAL_ACHIEVED',
    'GOAL_MISSED',
    'ACHIEVEMENT_UNLOCKED',
    'RANK_CHANGED'
);
--> statement-breakpoint
CREATE FUNCTION achievements_notify() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
--> statement-breakpoint
CREATE FUNCTION achievements_webhooks() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
--> statement-breakpoint
CREATE FUNCTION activities_deleted() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
--> statement-breakpoint
CREATE FUNCTION activities_inserted() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
--> statement-breakpoint
CREATE FUNCTION activities_updated() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
--> statement-breakpoint
CREATE FUNCTION directory_notify() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
--> statement-breakpoint
CREATE FUNCTION goal_projected_value(m goal_metric, current numeric, pt period_type, ps date, at timestamp with time zone DEFAULT now()) RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT NULL::numeric $$;
--> statement-breakpoint
CREATE FUNCTION goal_projected_value(m goal_metric, current numeric, pt period_type, ps date, at timestamp with time zone, tz text) RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT NULL::numeric $$;
--> statement-breakpoint
CREATE FUNCTION goals_derive() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
--> statement-breakpoint
CREATE FUNCTION goals_notify_deleted() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
--> statement-breakpoint
CREATE FUNCTION goals_notify_inserted() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
--> statement-breakpoint
CREATE FUNCTION goals_notify_updated() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
--> statement-breakpoint
CREATE FUNCTION goals_webhooks_inserted() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
--> statement-breakpoint
CREATE FUNCTION goals_webhooks_updated() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
--> statement-breakpoint
CREATE FUNCTION live_wake() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
--> statement-breakpoint
CREATE FUNCTION period_end_of(pt period_type, s date) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT NULL::date $$;
--> statement-breakpoint
CREATE FUNCTION period_start_of(pt period_type, d date) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT NULL::date $$;
--> statement-breakpoint
CREATE TABLE sales_performance (
    user_id integer NOT NULL,
    period_type period_type NOT NULL,
    period_start date NOT NULL,
    period_end date NOT NULL,
    leads_created integer DEFAULT 0 NOT NULL,
    opportunities_created integer DEFAULT 0 NOT NULL,
    quotations_sent integer DEFAULT 0 NOT NULL,
    quotations_accepted integer DEFAULT 0 NOT NULL,
    orders_won integer DEFAULT 0 NOT NULL,
    opportunities_lost integer DEFAULT 0 NOT NULL,
    revenue numeric(16,2) DEFAULT '0'::numeric NOT NULL,
    calls integer DEFAULT 0 NOT NULL,
    emails integer DEFAULT 0 NOT NULL,
    meetings integer DEFAULT 0 NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT sales_performance_period_valid CHECK (((period_start = period_start_of(period_type, period_start)) AND (period_end = period_end_of(period_type, period_start))))
)
WITH (fillfactor='80');
--> statement-breakpoint
CREATE FUNCTION sales_performance_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
--> statement-breakpoint
CREATE FUNCTION sales_performance_notify() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
--> statement-breakpoint
CREATE FUNCTION users_team_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
--> statement-breakpoint
CREATE FUNCTION webhook_outbox_wake() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
--> statement-breakpoint
CREATE FUNCTION webhooks_wake() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
--> statement-breakpoint
CREATE TABLE achievement_rules (
    id integer NOT NULL,
    kind text NOT NULL,
    title text NOT NULL,
    description text,
    badge_icon text NOT NULL,
    metric rule_metric NOT NULL,
    period_type period_type,
    threshold numeric(16,2) NOT NULL,
    active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT achievement_rules_threshold_positive CHECK ((threshold > (0)::numeric))
);
--> statement-breakpoint
ALTER TABLE achievement_rules ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME achievement_rules_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
--> statement-breakpoint
CREATE TABLE achievements (
    id integer NOT NULL,
    user_id integer NOT NULL,
    kind text NOT NULL,
    title text NOT NULL,
    description text,
    badge_icon text NOT NULL,
    value numeric(16,2),
    achieved_at timestamp with time zone DEFAULT now() NOT NULL,
    rule_id integer,
    period_type period_type,
    period_start date,
    awarded_by integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE achievements ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME achievements_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
--> statement-breakpoint
CREATE TABLE activities (
    id bigint NOT NULL,
    user_id integer NOT NULL,
    kind activity_kind NOT NULL,
    amount numeric(14,2),
    occurred_at timestamp with time zone NOT NULL,
    external_id text NOT NULL,
    source text DEFAULT 'sql'::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT activities_amount_non_negative CHECK ((amount >= (0)::numeric)),
    CONSTRAINT activities_amount_only_on_orders CHECK (((kind = 'ORDER_WON'::activity_kind) = (amount IS NOT NULL))),
    CONSTRAINT activities_external_id_length CHECK (((char_length(external_id) >= 1) AND (char_length(external_id) <= 200)))
);
--> statement-breakpoint
ALTER TABLE activities ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME activities_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
--> statement-breakpoint
CREATE TABLE goals (
    id integer NOT NULL,
    user_id integer,
    team_id integer,
    metric goal_metric NOT NULL,
    period_type period_type NOT NULL,
    period_start date NOT NULL,
    period_end date NOT NULL,
    target_value numeric(16,2) NOT NULL,
    current_value numeric(16,2) DEFAULT '0'::numeric NOT NULL,
    achievement_percentage numeric(12,2) DEFAULT '0'::numeric NOT NULL,
    status goal_status DEFAULT 'AT_RISK'::goal_status NOT NULL,
    description text,
    version integer DEFAULT 1 NOT NULL,
    created_by integer,
    updated_by integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT goals_current_non_negative CHECK ((current_value >= (0)::numeric)),
    CONSTRAINT goals_description_length CHECK ((char_length(description) <= 2000)),
    CONSTRAINT goals_one_owner CHECK ((num_nonnulls(user_id, team_id) = 1)),
    CONSTRAINT goals_period_start_valid CHECK ((period_start = period_start_of(period_type, period_start))),
    CONSTRAINT goals_target_positive CHECK ((target_value > (0)::numeric))
)
WITH (fillfactor='50');
--> statement-breakpoint
CREATE VIEW goal_progress AS
 SELECT g.id,
    g.user_id,
    g.team_id,
    g.metric,
    g.period_type,
    g.period_start,
    g.period_end,
    g.target_value,
    g.current_value,
    g.achievement_percentage,
    g.status,
    g.description,
    g.version,
    g.created_by,
    g.updated_by,
    g.created_at,
    g.updated_at,
    goal_projected_value(g.metric, g.current_value, g.period_type, g.period_start) AS projected_value
   FROM goals g;
--> statement-breakpoint
ALTER TABLE goals ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME goals_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
--> statement-breakpoint
CREATE UNLOGGED TABLE live_changes (
    xid xid8 DEFAULT pg_current_xact_id() NOT NULL,
    payload text NOT NULL
);
--> statement-breakpoint
CREATE UNLOGGED TABLE live_listeners (
    id text NOT NULL,
    armed boolean DEFAULT true NOT NULL,
    expires_at timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE settings (
    id integer DEFAULT 1 NOT NULL,
    time_zone text DEFAULT 'UTC'::text NOT NULL,
    currency text DEFAULT 'USD'::text NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT settings_currency_code CHECK ((currency ~ '^[A-Z]{3}$'::text)),
    CONSTRAINT settings_single_row CHECK ((id = 1))
);
--> statement-breakpoint
CREATE TABLE teams (
    id integer NOT NULL,
    name text NOT NULL,
    manager_id integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT teams_name_length CHECK (((char_length(name) >= 1) AND (char_length(name) <= 200)))
);
--> statement-breakpoint
ALTER TABLE teams ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME teams_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
--> statement-breakpoint
CREATE TABLE users (
    id integer NOT NULL,
    name text NOT NULL,
    email text NOT NULL,
    role role DEFAULT 'REP'::role NOT NULL,
    team_id integer,
    active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT users_email_lower CHECK ((email = lower(email))),
    CONSTRAINT users_name_length CHECK (((char_length(name) >= 1) AND (char_length(name) <= 200)))
);
--> statement-breakpoint
ALTER TABLE users ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME users_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
--> statement-breakpoint
CREATE TABLE webhook_outbox (
    id bigint NOT NULL,
    webhook_id integer NOT NULL,
    event webhook_event NOT NULL,
    idempotency_key text NOT NULL,
    payload jsonb NOT NULL,
    status webhook_delivery_status DEFAULT 'PENDING'::webhook_delivery_status NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    next_attempt_at timestamp with time zone DEFAULT now() NOT NULL,
    last_attempt_at timestamp with time zone,
    last_status_code integer,
    last_error text,
    delivered_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE webhook_outbox ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME webhook_outbox_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
--> statement-breakpoint
CREATE TABLE webhook_rank_state (
    webhook_id integer NOT NULL,
    board text NOT NULL,
    period_start date NOT NULL,
    top jsonb NOT NULL,
    version bigint NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE webhooks (
    id integer NOT NULL,
    url text NOT NULL,
    events webhook_event[] NOT NULL,
    secret text NOT NULL,
    created_by integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT webhooks_events_not_empty CHECK ((cardinality(events) > 0)),
    CONSTRAINT webhooks_url_http CHECK (((url ~ '^https?://'::text) AND (char_length(url) <= 2000)))
);
--> statement-breakpoint
ALTER TABLE webhooks ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME webhooks_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
--> statement-breakpoint
ALTER TABLE ONLY achievement_rules
    ADD CONSTRAINT achievement_rules_pkey PRIMARY KEY (id);
--> statement-breakpoint
ALTER TABLE ONLY achievements
    ADD CONSTRAINT achievements_pkey PRIMARY KEY (id);
--> statement-breakpoint
ALTER TABLE ONLY activities
    ADD CONSTRAINT activities_pkey PRIMARY KEY (id);
--> statement-breakpoint
ALTER TABLE ONLY goals
    ADD CONSTRAINT goals_pkey PRIMARY KEY (id);
--> statement-breakpoint
ALTER TABLE ONLY live_listeners
    ADD CONSTRAINT live_listeners_pkey PRIMARY KEY (id);
--> statement-breakpoint
ALTER TABLE ONLY sales_performance
    ADD CONSTRAINT sales_performance_user_id_period_type_period_start_pk PRIMARY KEY (user_id, period_type, period_start);
--> statement-breakpoint
ALTER TABLE ONLY settings
    ADD CONSTRAINT settings_pkey PRIMARY KEY (id);
--> statement-breakpoint
ALTER TABLE ONLY teams
    ADD CONSTRAINT teams_pkey PRIMARY KEY (id);
--> statement-breakpoint
ALTER TABLE ONLY users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);
--> statement-breakpoint
ALTER TABLE ONLY webhook_outbox
    ADD CONSTRAINT webhook_outbox_pkey PRIMARY KEY (id);
--> statement-breakpoint
ALTER TABLE ONLY webhook_rank_state
    ADD CONSTRAINT webhook_rank_state_webhook_id_board_pk PRIMARY KEY (webhook_id, board);
--> statement-breakpoint
ALTER TABLE ONLY webhooks
    ADD CONSTRAINT webhooks_pkey PRIMARY KEY (id);
--> statement-breakpoint
CREATE UNIQUE INDEX achievement_rules_title_key ON achievement_rules USING btree (lower(title));
--> statement-breakpoint
CREATE INDEX achievements_achieved_idx ON achievements USING btree (achieved_at);
--> statement-breakpoint
CREATE UNIQUE INDEX achievements_rule_once ON achievements USING btree (rule_id, user_id, period_start) NULLS NOT DISTINCT WHERE (rule_id IS NOT NULL);
--> statement-breakpoint
CREATE INDEX achievements_user_idx ON achievements USING btree (user_id, achieved_at);
--> statement-breakpoint
CREATE UNIQUE INDEX activities_external_id_key ON activities USING btree (external_id);
--> statement-breakpoint
CREATE INDEX activities_user_occurred_idx ON activities USING btree (user_id, occurred_at);
--> statement-breakpoint
CREATE INDEX goals_period_end_idx ON goals USING btree (period_end);
--> statement-breakpoint
CREATE UNIQUE INDEX goals_team_metric_period_key ON goals USING btree (team_id, metric, period_type, period_start) WHERE ((team_id IS NOT NULL) AND (metric <> 'CUSTOM'::goal_metric));
--> statement-breakpoint
CREATE INDEX goals_team_period_idx ON goals USING btree (team_id, period_type, period_start);
--> statement-breakpoint
CREATE UNIQUE INDEX goals_user_metric_period_key ON goals USING btree (user_id, metric, period_type, period_start) WHERE ((user_id IS NOT NULL) AND (metric <> 'CUSTOM'::goal_metric));
--> statement-breakpoint
CREATE INDEX goals_user_period_idx ON goals USING btree (user_id, period_type, period_start);
--> statement-breakpoint
CREATE INDEX live_changes_xid ON live_changes USING btree (xid);
--> statement-breakpoint
CREATE INDEX sales_performance_period_idx ON sales_performance USING btree (period_type, period_start);
--> statement-breakpoint
CREATE UNIQUE INDEX teams_name_key ON teams USING btree (lower(name));
--> statement-breakpoint
CREATE UNIQUE INDEX users_email_key ON users USING btree (email);
--> statement-breakpoint
CREATE INDEX users_team_idx ON users USING btree (team_id);
--> statement-breakpoint
CREATE INDEX webhook_outbox_due_idx ON webhook_outbox USING btree (next_attempt_at) WHERE (status = 'PENDING'::webhook_delivery_status);
--> statement-breakpoint
CREATE UNIQUE INDEX webhook_outbox_key ON webhook_outbox USING btree (webhook_id, idempotency_key);
--> statement-breakpoint
CREATE INDEX webhook_outbox_webhook_idx ON webhook_outbox USING btree (webhook_id, id);
--> statement-breakpoint
CREATE TRIGGER achievements_notify AFTER INSERT ON achievements REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION achievements_notify();
--> statement-breakpoint
CREATE TRIGGER achievements_webhooks AFTER INSERT ON achievements REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION achievements_webhooks();
--> statement-breakpoint
CREATE TRIGGER activities_deleted AFTER DELETE ON activities REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION activities_deleted();
--> statement-breakpoint
CREATE TRIGGER activities_inserted AFTER INSERT ON activities REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION activities_inserted();
--> statement-breakpoint
CREATE TRIGGER activities_updated AFTER UPDATE ON activities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION activities_updated();
--> statement-breakpoint
CREATE TRIGGER goals_derive BEFORE INSERT OR UPDATE ON goals FOR EACH ROW EXECUTE FUNCTION goals_derive();
--> statement-breakpoint
CREATE TRIGGER goals_notify_deleted AFTER DELETE ON goals REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION goals_notify_deleted();
--> statement-breakpoint
CREATE TRIGGER goals_notify_inserted AFTER INSERT ON goals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION goals_notify_inserted();
--> statement-breakpoint
CREATE TRIGGER goals_notify_updated AFTER UPDATE ON goals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION goals_notify_updated();
--> statement-breakpoint
CREATE TRIGGER goals_webhooks_inserted AFTER INSERT ON goals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION goals_webhooks_inserted();
--> statement-breakpoint
CREATE TRIGGER goals_webhooks_updated AFTER UPDATE ON goals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION goals_webhooks_updated();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER live_changes_wake AFTER INSERT ON live_changes DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION live_wake();
--> statement-breakpoint
CREATE TRIGGER sales_performance_inserted AFTER INSERT ON sales_performance REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sales_performance_changed();
--> statement-breakpoint
CREATE TRIGGER sales_performance_notify_deleted AFTER DELETE ON sales_performance REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sales_performance_notify();
--> statement-breakpoint
CREATE TRIGGER sales_performance_notify_inserted AFTER INSERT ON sales_performance REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sales_performance_notify();
--> statement-breakpoint
CREATE TRIGGER sales_performance_notify_updated AFTER UPDATE ON sales_performance REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sales_performance_notify();
--> statement-breakpoint
CREATE TRIGGER sales_performance_updated AFTER UPDATE ON sales_performance REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sales_performance_changed();
--> statement-breakpoint
CREATE TRIGGER teams_notify AFTER INSERT OR DELETE OR UPDATE ON teams FOR EACH STATEMENT EXECUTE FUNCTION directory_notify();
--> statement-breakpoint
CREATE TRIGGER users_notify AFTER INSERT OR DELETE OR UPDATE ON users FOR EACH STATEMENT EXECUTE FUNCTION directory_notify();
--> statement-breakpoint
CREATE TRIGGER users_team_changed AFTER UPDATE OF team_id ON users FOR EACH ROW WHEN ((old.team_id IS DISTINCT FROM new.team_id)) EXECUTE FUNCTION users_team_changed();
--> statement-breakpoint
CREATE TRIGGER webhook_outbox_wake AFTER INSERT ON webhook_outbox REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION webhook_outbox_wake();
--> statement-breakpoint
CREATE TRIGGER webhooks_wake AFTER INSERT OR DELETE OR UPDATE ON webhooks FOR EACH STATEMENT EXECUTE FUNCTION webhooks_wake();
--> statement-breakpoint
ALTER TABLE ONLY achievements
    ADD CONSTRAINT achievements_awarded_by_users_id_fk FOREIGN KEY (awarded_by) REFERENCES users(id) ON DELETE SET NULL;
--> statement-breakpoint
ALTER TABLE ONLY achievements
    ADD CONSTRAINT achievements_rule_id_achievement_rules_id_fk FOREIGN KEY (rule_id) REFERENCES achievement_rules(id) ON DELETE SET NULL;
--> statement-breakpoint
ALTER TABLE ONLY achievements
    ADD CONSTRAINT achievements_user_id_users_id_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE ONLY activities
    ADD CONSTRAINT activities_user_id_users_id_fk FOREIGN KEY (user_id) REFERENCES users(id);
--> statement-breakpoint
ALTER TABLE ONLY goals
    ADD CONSTRAINT goals_created_by_users_id_fk FOREIGN KEY (created_by) REFERENCES users(id) ON DELETE SET NULL;
--> statement-breakpoint
ALTER TABLE ONLY goals
    ADD CONSTRAINT goals_team_id_teams_id_fk FOREIGN KEY (team_id) REFERENCES teams(id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE ONLY goals
    ADD CONSTRAINT goals_updated_by_users_id_fk FOREIGN KEY (updated_by) REFERENCES users(id) ON DELETE SET NULL;
--> statement-breakpoint
ALTER TABLE ONLY goals
    ADD CONSTRAINT goals_user_id_users_id_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE ONLY sales_performance
    ADD CONSTRAINT sales_performance_user_id_users_id_fk FOREIGN KEY (user_id) REFERENCES users(id);
--> statement-breakpoint
ALTER TABLE ONLY teams
    ADD CONSTRAINT teams_manager_id_users_id_fk FOREIGN KEY (manager_id) REFERENCES users(id) ON DELETE SET NULL;
--> statement-breakpoint
ALTER TABLE ONLY users
    ADD CONSTRAINT users_team_id_teams_id_fk FOREIGN KEY (team_id) REFERENCES teams(id) ON DELETE SET NULL;
--> statement-breakpoint
ALTER TABLE ONLY webhook_outbox
    ADD CONSTRAINT webhook_outbox_webhook_id_webhooks_id_fk FOREIGN KEY (webhook_id) REFERENCES webhooks(id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE ONLY webhook_rank_state
    ADD CONSTRAINT webhook_rank_state_webhook_id_webhooks_id_fk FOREIGN KEY (webhook_id) REFERENCES webhooks(id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE ONLY webhooks
    ADD CONSTRAINT webhooks_created_by_users_id_fk FOREIGN KEY (created_by) REFERENCES users(id) ON DELETE SET NULL;
--> statement-breakpoint
INSERT INTO achievement_rules (kind, title, description, badge_icon, metric, period_type, threshold) VALUES
  ('Revenue', 'First $10K', 'Reached $10,000 in revenue', '💰', 'REVENUE', NULL, 10000),
  ('Orders', 'Deal Closer', 'Closed 3 deals in a month', '🎯', 'ORDERS', 'MONTHLY', 3);
--> statement-breakpoint
INSERT INTO settings (id) VALUES (1) ON CONFLICT DO NOTHING;
