package org.onestop.assistant;

/**
 * A button under a reply. {@code href} for links (APPLY, BOOK, READ_MORE, COMPLAINT: the
 * page that files a complaint from the conversation); {@code message} for buttons that
 * send a message back (CHOOSE sends the matter code; TALK_TO_PERSON sends "人工"/"human").
 */
record Action(Type type, String label, String href, String message) {

	enum Type {

		APPLY, BOOK, READ_MORE, CHOOSE, TALK_TO_PERSON, CALLBACK, COMPLAINT

	}
}
