package org.onestop.insight;

import org.onestop.shared.ContactChannel;

/**
 * Online, offline, or both: every figure is split by the channel recorded on each record.
 */
public enum ChannelGroup {

	ALL, ONLINE, OFFLINE;

	/** The group of a record's channel. */
	public static ChannelGroup of(ContactChannel channel) {
		return channel.online() ? ONLINE : OFFLINE;
	}

}
