package org.onestop.identity.signin;

import org.onestop.identity.OneStopUser;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Lets Spring Security's form sign-in use {@link SignIn}, with its lockout. */
@Component
class AccountAuthenticationProvider implements AuthenticationProvider {

	private final SignIn signIn;

	AccountAuthenticationProvider(SignIn signIn) {
		this.signIn = signIn;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String client = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : null;
		OneStopUser user = signIn.authenticate(authentication.getName(),
				String.valueOf(authentication.getCredentials()), "web", client);
		return UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
