/**
 * The assistant: answers "how do I…" questions from the catalog, and never stands between
 * a citizen and a person — typed requests for a person hand off at once, live agent chat,
 * callbacks when nobody is free; a complaint is filed from the conversation, by the
 * citizen or by the agent, and an agent's outcome "complaint filed" points at it.
 */
@ApplicationModule(displayName = "Assistant", allowedDependencies = { "shared", "platform", "identity", "catalog",
		"application", "appointment", "notification", "complaint", "insight" })
package org.onestop.assistant;

import org.springframework.modulith.ApplicationModule;
