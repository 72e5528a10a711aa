package org.onestop.identity.code;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Limits are counted by real addresses only; anything a client made up counts as one
 * unknown address.
 */
class ClientAddressTests {

	@Test
	void addressesAreKept() {
		for (String address : new String[] { "127.0.0.1", "10.47.0.2", "::1", "0:0:0:0:0:0:0:1", "fe80::1%eth0",
				"2001:db8::ffff:192.0.2.128", "[2001:db8::1]" }) {
			assertThat(ClientAddress.of(address)).isEqualTo(address);
		}
	}

	@Test
	void anythingElseIsUnknown() {
		for (String forged : new String[] { null, "", "10.0.0.1 x", "evil.example", "a\u0000b", "1".repeat(48),
				"10.0.0.1, 10.0.0.2" }) {
			assertThat(ClientAddress.of(forged)).as(String.valueOf(forged)).isEqualTo(ClientAddress.UNKNOWN);
		}
	}

}
