package org.onestop.workflow;

import org.flowable.engine.ProcessEngine;

import org.springframework.stereotype.Component;

/**
 * Makes the inbox's indexes ({@link InboxQueries#makeIndexes()}) once the engine stands:
 * asking for the engine is what makes its tables exist before the statements run. Left as
 * they are on every later start.
 */
@Component
class InboxIndexes {

	InboxIndexes(ProcessEngine engine, InboxQueries queries) {
		queries.makeIndexes();
	}

}
