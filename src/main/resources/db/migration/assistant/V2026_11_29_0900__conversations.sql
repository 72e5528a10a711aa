-- Assistant conversations: the transcript, the handoff to a person, and what is measured about both.
CREATE TABLE assistant_conversation (
    id                  uuid PRIMARY KEY,
    channel             text        NOT NULL DEFAULT 'WEB' CHECK (channel IN ('WEB', 'PHONE')),
    -- Owner: the signed-in citizen's username, or the random key kept in an anonymous browser session.
    citizen             text,
    citizen_name        text,
    owner_key           text,
    pool                text        NOT NULL,
    locale              text        NOT NULL DEFAULT 'zh',
    handoff             text        NOT NULL DEFAULT 'NONE' CHECK (handoff IN ('NONE', 'OFFERED', 'QUEUED', 'CONNECTED',
                                        'CALLBACK_OFFERED', 'CALLBACK_SCHEDULED', 'ENDED')),
    unconfident         int         NOT NULL DEFAULT 0,
    topic               text,
    started_at          timestamptz NOT NULL,
    last_seen_at        timestamptz NOT NULL,
    person_requested_at timestamptz,
    -- Citizen messages from asking for a person to joining the queue (P1 promises exactly one).
    messages_to_queue   int,
    queued_at           timestamptz,
    abandoned_at        timestamptz,
    abandonments        int         NOT NULL DEFAULT 0,
    returns             int         NOT NULL DEFAULT 0,
    agent               text,
    connected_at        timestamptz,
    ended_at            timestamptz,
    outcome             text,
    helpful             boolean,
    rated_at            timestamptz,
    -- Raised by every change; nodes poll it to push live updates (see ConversationEvents).
    version             bigint      NOT NULL DEFAULT 1,
    CHECK (citizen IS NOT NULL OR owner_key IS NOT NULL OR channel = 'PHONE')
);

CREATE INDEX assistant_conversation_queue ON assistant_conversation (pool, queued_at) WHERE handoff = 'QUEUED';
CREATE INDEX assistant_conversation_citizen ON assistant_conversation (citizen);
CREATE INDEX assistant_conversation_owner ON assistant_conversation (owner_key);
CREATE INDEX assistant_conversation_agent ON assistant_conversation (agent);
CREATE INDEX assistant_conversation_started ON assistant_conversation (started_at);

CREATE TABLE assistant_message (
    id              bigserial PRIMARY KEY,
    conversation_id uuid        NOT NULL REFERENCES assistant_conversation (id),
    at              timestamptz NOT NULL,
    author          text        NOT NULL CHECK (author IN ('CITIZEN', 'ASSISTANT', 'AGENT', 'SYSTEM')),
    agent           text,
    text            text        NOT NULL,
    -- A page on this site the line points to, such as an application form an agent prepared.
    link            text
);

CREATE INDEX assistant_message_conversation ON assistant_message (conversation_id, id);

-- Matters the assistant suggested in a conversation, for the agent who takes it over.
CREATE TABLE assistant_matter (
    conversation_id uuid        NOT NULL REFERENCES assistant_conversation (id),
    code            text        NOT NULL,
    name            text        NOT NULL,
    at              timestamptz NOT NULL,
    PRIMARY KEY (conversation_id, code)
);

CREATE TABLE assistant_agent (
    username    text PRIMARY KEY,
    pool        text        NOT NULL,
    on_duty     boolean     NOT NULL,
    changed_at  timestamptz NOT NULL
);

-- One row raised on every change to any pool's queue: listeners' positions move with it.
CREATE TABLE assistant_queue_version (
    pool    text PRIMARY KEY,
    version bigint NOT NULL
);

CREATE TABLE assistant_callback (
    id              uuid PRIMARY KEY,
    conversation_id uuid        NOT NULL REFERENCES assistant_conversation (id),
    pool            text        NOT NULL,
    phone           text        NOT NULL,
    slot_at         timestamptz NOT NULL,
    due_at          timestamptz NOT NULL,
    requested_by    text        NOT NULL,
    requested_at    timestamptz NOT NULL,
    done_by         text,
    done_at         timestamptz,
    outcome         text,
    escalated_at    timestamptz,
    escalated_to    text
);

CREATE INDEX assistant_callback_open ON assistant_callback (due_at) WHERE done_at IS NULL;
