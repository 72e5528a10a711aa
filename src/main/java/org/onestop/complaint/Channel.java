package org.onestop.complaint;

/** How a complaint reached the city; every channel lands in the same table. */
public enum Channel {

	WEB, ASSISTANT, CHAT, PHONE, OPEN311

}
